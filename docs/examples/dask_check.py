#!/usr/bin/python3
"""Checks JSON Lines documents with Dask, through the Python package.

    docs/examples/dask_check.py [--workers N] [--partition-mb M] [--scheduler ADDRESS]
        [--rules PATH]... [--config FILE] [--date D] [--source S] [--fail-on LEVEL]
        INPUT.jsonl... > OUT.jsonl

writes the same lines as `claimcheck check --input jsonl --format jsonl
INPUT.jsonl...`, in input order: every input is cut into partitions of about
M MB (default 0.5) at line boundaries (each knows the number of its first line, so a record
without an `id` is "line N" whatever the partitioning), the partitions are
checked by N worker processes (default 2) (or by the workers of a Dask cluster,
--scheduler tcp://HOST:8786; the inputs must then be at the same path on
every worker), and their outputs are written in order as they complete,
a window of partitions at a time, so memory stays bounded. Exit code as the
command's: 3 when a record could not be read, else 1 when a finding is at or
above --fail-on (default error), else 0. docs/python.md has the recipe on a
cluster and with GNU parallel over hosts.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(os.path.dirname(os.path.dirname(HERE)), "src", "python")
SEVERITY = {"info": 0, "warning": 1, "error": 2, "never": 3}

_checker = {}


def check_partition(task):
    """Runs in a worker: checks the lines [start, end) of a file; returns
    (the output lines, records that failed, findings at or above fail_on)."""
    path, start, end, first_line, opts = task
    if PACKAGE not in sys.path:
        sys.path.insert(0, PACKAGE)
    import claimcheck
    key = (tuple(opts["rules"] or ()), opts["config"])
    if key not in _checker:
        _checker[key] = claimcheck.Checker(opts["rules"] or None, opts["config"])
    checker = _checker[key]
    out, failed, failing = [], 0, 0
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for n, line in enumerate(lines, first_line):
        text = checker.check_record(line, n, opts["name"][path], opts["date"], opts["source"])
        if text is None:
            continue
        out.append(text)
        rec = json.loads(text)
        if "error" in rec:
            failed += 1
        failing += sum(1 for f in rec["findings"]
                       if SEVERITY[f["severity"]] >= SEVERITY[opts["fail_on"]])
    return "".join(out), failed, failing


def partitions(path, size):
    """(start, end, first line) of the parts of `path`, cut at line ends."""
    parts, start, line = [], 0, 1
    with open(path, "rb") as f:
        while True:
            f.seek(start + size)
            if start + size >= os.fstat(f.fileno()).st_size:
                end = os.fstat(f.fileno()).st_size
            else:
                f.readline()  # to the end of the line the cut falls in
                end = f.tell()
            if end <= start:
                break
            parts.append((start, end, line))
            f.seek(start)
            line += f.read(end - start).count(b"\n")
            start = end
    return parts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT.jsonl")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-mb", type=float, default=0.5)
    ap.add_argument("--scheduler", help="a Dask cluster's scheduler address (dask.distributed)")
    ap.add_argument("--rules", action="append")
    ap.add_argument("--config")
    ap.add_argument("--date")
    ap.add_argument("--source")
    ap.add_argument("--fail-on", default="error", choices=sorted(SEVERITY))
    a = ap.parse_args(argv)

    import dask
    import dask.bag

    opts = {"rules": a.rules, "config": a.config, "date": a.date, "source": a.source,
            "fail_on": a.fail_on, "name": {}}
    tasks = []
    for given in a.inputs:
        path = os.path.abspath(given)
        opts["name"][path] = given  # the command names a record's file as given
        for start, end, line in partitions(path, max(1, int(a.partition_mb * 1e6))):
            tasks.append((path, start, end, line, opts))

    if a.scheduler:
        from dask.distributed import Client
        client = Client(a.scheduler)
        compute = {}
        window = max(8, 8 * len(client.scheduler_info()["workers"]))
    else:
        client = None
        # chunksize 1: the local scheduler would otherwise hand a worker 6
        # ready partitions at once (its default), all the work of a small input
        compute = {"scheduler": "processes", "num_workers": a.workers, "chunksize": 1}
        window = 8 * a.workers
    failed = failing = 0
    with dask.config.set({"multiprocessing.context": "fork"}):
        for i in range(0, len(tasks), window):
            wave = tasks[i:i + window]
            bag = dask.bag.from_sequence(wave, npartitions=len(wave)).map(check_partition)
            for text, f, n in bag.compute(**compute):
                sys.stdout.write(text)
                failed += f
                failing += n
            sys.stdout.flush()
    if client is not None:
        client.close()
    return 3 if failed else 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
