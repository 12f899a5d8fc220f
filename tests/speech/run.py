#!/usr/bin/env python3
"""tests/speech/run.py CLAIMCHECK RULES: whose hedge it is and whether a claim in
a named speaker's words is the writer's contradiction, on dev.tsv (must all
pass) and heldout.tsv (reported, never tuned on). Columns: see dev.tsv."""
import json, os, subprocess, sys, tempfile

def run(cli, rules, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text.replace("\\n", "\n") + "\n")
        path = f.name
    try:
        out = subprocess.run([cli, "check", "--rules", rules, "--date", "2025-03-21",
                              "--format", "json", "--fail-on", "never", path],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    return json.loads(out)["documents"][0]["findings"]

def case(cli, rules, hedge, contra, text):
    fs = run(cli, rules, text)
    hs = [f for f in fs if f["kind"] == "hedge"]
    got_h = "none" if not hs else (hs[-1].get("attribution") or "writer")
    kinds = {f["kind"] for f in fs}
    rules_ = [f["rule"] for f in fs]
    if contra == "contradiction":
        ok_c = "contradiction" in kinds
    elif contra == "reported":
        ok_c = "contradiction" not in kinds and any(r.startswith("reported.") for r in rules_)
    else:
        ok_c = True
    return got_h == hedge and ok_c, got_h, sorted(rules_)

def main():
    cli, rules = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    failed = 0
    for part in ("dev", "heldout"):
        n = ok = 0
        for line in open(os.path.join(here, part + ".tsv"), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            hedge, contra, text = line.rstrip("\n").split("\t")
            good, got, rs = case(cli, rules, hedge, contra, text)
            n += 1
            ok += good
            if not good:
                print(f"{part}: MISS want {hedge}/{contra} got {got} {rs}: {text}")
        print(f"{part}: {ok}/{n} cases right")
        if part == "dev":
            failed = n - ok
    return 1 if failed else 0

sys.exit(main())
