#!/usr/bin/env python3
"""The Python package (src/python/claimcheck) equals the command: check() is
the document object of `check --format json` and check_jsonl() the lines of
`check --input jsonl --format jsonl`, on texts of every input kind (plain,
Markdown with front matter, HTML, Windows-1252 bytes, a suppression, a
configuration) and on JSON Lines with malformed records.

Usage: python.py CLAIMCHECK LIBCLAIMCHECK_SO SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

BIN, LIB, SRC = (os.path.abspath(a) for a in sys.argv[1:4])
os.environ["CLAIMCHECK_LIBRARY"] = LIB
sys.path.insert(0, os.path.join(SRC, "src", "python"))
import claimcheck  # noqa: E402

RULES = os.path.join(SRC, "rules")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def cli(cwd, *args, stdin=None):
    p = subprocess.run([BIN, "check", "--rules", RULES] + list(args), cwd=cwd, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return p.stdout.decode("utf-8")


TEXTS = {
    "plain.txt": (b"Trump and Zelenskyy spoke by phone on Wednesday. Their call lasted three "
                  b"hours.\nRussian drones reportedly struck a hospital overnight, officials "
                  b"said.\n", {"date": "2025-03-19"}),
    "front.md": (b"---\ndate: 2025-03-19\nsource: Example Post\ntitle: The call\n---\n# The call"
                 b"\n\nPutin agreed to a 30-day pause on strikes against energy infrastructure."
                 b"\n\n    indented code: reportedly\n\n```\nfenced: allegedly\n```\n\nSome "
                 b"experts said the [talks](http://example.org/reportedly) may fail.\n", {}),
    "page.html": (b"<!doctype html><html><head><title>Talks</title></head><body><p>The call "
                  b"lasted &quot;three hours&quot;, it is claimed.</p><p>Drones struck a "
                  b"hospital.</body></html>\n", {"date": "2025-03-19", "source": "Wire"}),
    "cp1252.txt": (b"The so-called \x93agreement\x94 was reportedly signed on Tuesday.\n",
                   {"date": "2025-03-19"}),
    "suppressed.md": (b"<!-- claimcheck-disable-next-line hedge.evidential -- the source -->\n"
                      b"The attack reportedly involved 145 drones.\n\nIt may rain.\n", {}),
}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, (data, meta) in TEXTS.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
            args = []
            for k, v in meta.items():
                args += ["--" + k, v]
            want = json.loads(cli(tmp, "--format", "json", *args, name))["documents"][0]
            got = claimcheck.check(data, rules=RULES, path=name, **meta)
            check(got == want, "check() == --format json: %s (%d findings)"
                  % (name, len(want["findings"])))
            got_str = claimcheck.check(data.decode("utf-8", "replace") if name != "cp1252.txt"
                                       else data, rules=RULES, path=name, **meta)
            check(got_str == want, "check(str) == check(bytes): %s" % name)
        # without a path: null, and the Markdown is recognised by content
        data = TEXTS["front.md"][0]
        want = json.loads(cli(tmp, "--format", "json", stdin=data))["documents"][0]
        want["path"] = None
        check(claimcheck.check(data, rules=RULES) == want, "check() without a path == stdin")

        # a configuration: severities and ignores
        cfg = os.path.join(tmp, "cfg.yaml")
        with open(cfg, "w", encoding="utf-8") as f:
            f.write("claimcheck: 1\nseverity: {hedge.weasel: error}\nignore: [hedge.evidential]\n")
        data, meta = TEXTS["front.md"]
        want = json.loads(cli(tmp, "--format", "json", "--config", cfg, "front.md"))["documents"][0]
        got = claimcheck.check(data, rules=RULES, config=cfg, path="front.md")
        check(got == want and any(f["severity"] == "error" for f in got["findings"]),
              "check(config=) == --config")
        check(got != claimcheck.check(data, rules=RULES, path="front.md"),
              "the configuration changes the result")

        # JSON Lines, with blank lines and malformed records
        records = [json.dumps({"id": "a", "text": TEXTS["plain.txt"][0].decode(),
                               "date": "2025-03-19"}),
                   "", "{not json", json.dumps({"text": 5}),
                   json.dumps({"text": TEXTS["front.md"][0].decode(), "source": "X"}),
                   json.dumps({"id": 7, "text": "It may rain, experts said.", "date": "bad"})]
        jl = os.path.join(tmp, "docs.jsonl")
        with open(jl, "w", encoding="utf-8") as f:
            f.write("\ufeff" + "\n".join(records) + "\r\n")
        want = cli(tmp, "--input", "jsonl", "--format", "jsonl", "docs.jsonl")
        with open(jl, "rb") as f:
            got = "".join(claimcheck.check_jsonl(f, rules=RULES, path="docs.jsonl", raw=True))
        check(got == want and want.count("\n") == 5,
              "check_jsonl(raw=True) == --format jsonl, byte for byte (5 records)")
        with open(jl, encoding="utf-8-sig") as f:
            got = list(claimcheck.check_jsonl(f, rules=RULES, path="docs.jsonl"))
        check(got == [json.loads(l) for l in want.splitlines()], "check_jsonl() dicts")
        want = cli(tmp, "--input", "jsonl", "--format", "jsonl", "--date", "2025-03-20",
                   "docs.jsonl")
        with open(jl, "rb") as f:
            got = "".join(claimcheck.check_jsonl(f, rules=RULES, path="docs.jsonl",
                                                 date="2025-03-20", raw=True))
        check(got == want, "check_jsonl(date=) == --date")

        try:
            claimcheck.check("x", rules=os.path.join(tmp, "nope"))
            check(False, "a missing rule base raises")
        except claimcheck.ClaimcheckError as e:
            check(e.code < 0 and "nope" in str(e), "a missing rule base raises ClaimcheckError")
        try:
            claimcheck.check("x", rules=RULES, date="2025-13-45")
            check(False, "a bad date raises")
        except claimcheck.ClaimcheckError as e:
            check(e.code == -6, "a bad date raises ClaimcheckError (EINVAL)")
        check(claimcheck.version() == subprocess.run([BIN, "--version"], stdout=subprocess.PIPE,
                                                     text=True).stdout.split()[1],
              "version() == claimcheck --version")
    if failures:
        print("%d failed" % len(failures))
        return 1
    print("python: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
