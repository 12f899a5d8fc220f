#!/usr/bin/env python3
"""docs/examples/dask_check.py writes what `claimcheck check --input jsonl
--format jsonl` writes, with the same exit code: on JSON Lines of our own
(records without ids, blank and malformed lines, a BOM, two inputs) cut into
partitions of one line and of the whole file, and on the first 300 BBC
articles of ../shared/data/news (that part is skipped, with a message, when
the data is absent). Needs Debian's python3-dask for /usr/bin/python3
(tools/setup installs it); skipped (77) without it.

Usage: dask.py CLAIMCHECK LIBCLAIMCHECK_SO SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

BIN, LIB, SRC = (os.path.abspath(a) for a in sys.argv[1:4])
PY = "/usr/bin/python3"
EXAMPLE = os.path.join(SRC, "docs", "examples", "dask_check.py")
BBC = os.path.join(SRC, "..", "shared", "data", "news", "bbc.jsonl")
RULES = os.path.join(SRC, "rules")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(cmd, cwd):
    env = dict(os.environ, CLAIMCHECK_LIBRARY=LIB)
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr


def same(cwd, inputs, what, *extra, sizes=("0.00001", "100")):
    want = run([BIN, "check", "--rules", RULES, "--input", "jsonl", "--format", "jsonl"]
               + list(extra) + inputs, cwd)
    for mb in sizes:
        got = run([PY, EXAMPLE, "--workers", "2", "--partition-mb", mb, "--rules", RULES]
                  + list(extra) + inputs, cwd)
        check(got[1] == want[1] and got[0] == want[0] and want[1],
              "%s, partitions of %s MB: the same %d lines, exit %d (command: exit %d)"
              % (what, mb, want[1].count(b"\n"), got[0], want[0]))
        if got[0] != want[0] or got[1] != want[1]:
            sys.stderr.write(got[2].decode("utf-8", "replace")[-2000:])


def main():
    if subprocess.run([PY, "-c", "import dask.bag"], stderr=subprocess.DEVNULL).returncode:
        print("dask: skipped, python3-dask is missing for /usr/bin/python3 (tools/setup)")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        recs = [json.dumps({"text": "Russian drones reportedly struck a hospital overnight.",
                            "date": "2025-03-19"}),
                "",
                json.dumps({"id": "b", "text": "Trump and Zelenskyy spoke by phone on "
                            "Wednesday. Their call lasted three hours.", "date": "2025-03-19"}),
                "{broken",
                json.dumps({"id": 3, "text": "It may rain, some experts said.", "source": "X"})]
        with open(os.path.join(tmp, "a.jsonl"), "w", encoding="utf-8") as f:
            f.write("\ufeff" + "\n".join(recs) + "\n")
        with open(os.path.join(tmp, "b.jsonl"), "w", encoding="utf-8") as f:
            f.write("\r\n".join(recs[2:] + recs[:1]))  # CRLF, no final newline
        same(tmp, ["a.jsonl"], "own records (malformed one: exit 3)")
        same(tmp, ["b.jsonl", "a.jsonl"], "two inputs")
        with open(os.path.join(tmp, "c.jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(recs[:3]) + "\n")
        same(tmp, ["c.jsonl"], "--fail-on warning", "--fail-on", "warning")
        if not os.path.exists(BBC):
            print("dask: BBC part skipped, ../shared/data/news/bbc.jsonl is absent")
        else:
            with open(BBC, "rb") as f, open(os.path.join(tmp, "bbc300.jsonl"), "wb") as out:
                for _ in range(300):
                    out.write(f.readline())
            same(tmp, ["bbc300.jsonl"], "300 BBC articles", sizes=("0.1", "100"))
    if failures:
        print("%d failed" % len(failures))
        return 1
    print("dask: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
