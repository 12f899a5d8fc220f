"""What tools/eval-hedge, tools/train-hedge and tools/eval-peers share: the
hedge data folder (../shared/data/hedge), its TSV sentence files, the
uncertain-class scores, and one run of claimcheck over sentences as JSON
Lines records. Not a command: the three import it from their own folder."""

import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "hedge")
# cue kinds the Szeged scheme does not annotate as uncertainty
NOT_UNCERTAIN = {"distancing", "approximator"}


class DriverError(Exception):
    pass


def read_tsv(path):
    """[(id, label, [gold cues], sentence)] in file order."""
    rows = []
    with open(path, encoding="utf-8", newline="\n") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t", 3)
            if len(parts) != 4:
                raise DriverError("%s:%d: expected 4 TAB-separated fields" % (path, n))
            sid, label, cues, sentence = parts
            rows.append((sid, label, [c for c in cues.split("|") if c], sentence))
    return rows


def resolve_data(name):
    """`name` itself when it exists, else DATA/name when that exists, else None."""
    if os.path.exists(name):
        return name
    candidate = os.path.join(DATA, name)
    if os.path.exists(candidate):
        return candidate
    return None


def prf(tp, fp, fn):
    """(precision, recall, F1) of the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_jsonl(cli, args, rules, sentences, ok_codes=(0,)):
    """Runs `CLI ARGS --input jsonl [--rules R]... FILE` over `sentences`
    written as JSON Lines records {"id": INDEX, "text": SENTENCE}; returns
    the output's lines. Raises DriverError on an exit code not in ok_codes."""
    with tempfile.TemporaryDirectory(prefix="claimcheck-hedge-") as tmp:
        path = os.path.join(tmp, "sentences.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for i, s in enumerate(sentences):
                f.write(json.dumps({"id": str(i), "text": s}) + "\n")
        cmd = [cli] + list(args) + ["--input", "jsonl"]
        for r in rules:
            cmd += ["--rules", r]
        cmd.append(path)
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in ok_codes:
        raise DriverError("%s exited %d: %s" % (" ".join(cmd), proc.returncode,
                                                proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8").splitlines()
