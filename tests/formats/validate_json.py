#!/usr/bin/env python3
"""Validates `claimcheck check --format json` (and each `--format jsonl` line)
of every article in corpora/articles, and each line of `claimcheck cues
--explain` over them, against docs/claimcheck-output.schema.json.

usage: validate_json.py CLAIMCHECK SOURCE_DIR

Exits 77 (CTest SKIP_RETURN_CODE) when the Python module jsonschema is not
installed (Debian: python3-jsonschema)."""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: the Python module jsonschema is missing (apt-get install python3-jsonschema)")
    sys.exit(77)


def meta_args(txt):
    """--date/--source from the article's .meta file."""
    args = []
    meta = os.path.splitext(txt)[0] + ".meta"
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() in ("date", "source") and value.strip():
                    args += ["--" + key.strip(), value.strip()]
    return args


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"FAIL: {' '.join(cmd)} exited {p.returncode}: {p.stderr}")
    return p.stdout


def main():
    claimcheck, source = sys.argv[1], sys.argv[2]
    with open(os.path.join(source, "docs", "claimcheck-output.schema.json")) as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema)
    doc_schema = dict(schema, **{"$ref": "#/$defs/document"})
    for key in ("type", "required", "properties", "additionalProperties"):
        doc_schema.pop(key, None)
    doc_validator = validator_cls(doc_schema)
    articles = sorted(glob.glob(os.path.join(source, "corpora", "articles", "*.txt")))
    if not articles:
        sys.exit("FAIL: no articles found")
    failures = 0
    checked = 0
    for txt in articles:
        out = run([claimcheck, "check", "--format", "json", *meta_args(txt), txt])
        errors = list(validator.iter_errors(json.loads(out)))
        for e in errors[:5]:
            print(f"{txt}: {e.json_path}: {e.message}")
        failures += len(errors)
        out = run([claimcheck, "check", "--format", "jsonl", *meta_args(txt), txt])
        for n, line in enumerate(out.splitlines(), 1):
            errors = list(doc_validator.iter_errors(json.loads(line)))
            for e in errors[:5]:
                print(f"{txt} (jsonl line {n}): {e.json_path}: {e.message}")
            failures += len(errors)
        checked += 1
    # inputs that cannot be read: an error record in their place
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"text": "Russia agreed."}\n{"text": 5}\nnot json\n')
        for fmt in ("json", "jsonl"):
            p = subprocess.run([claimcheck, "check", "--format", fmt, bad,
                                os.path.join(tmp, "missing.txt")],
                               capture_output=True, text=True)
            if p.returncode != 3:
                sys.exit(f"FAIL: unreadable inputs exited {p.returncode}, not 3")
            docs = (json.loads(p.stdout)["documents"] if fmt == "json"
                    else [json.loads(l) for l in p.stdout.splitlines()])
            for doc in docs:
                errors = list(doc_validator.iter_errors(doc))
                for e in errors[:5]:
                    print(f"error records ({fmt}): {e.json_path}: {e.message}")
                failures += len(errors)
            got = [(d["id"], (d.get("error") or {}).get("line")) for d in docs]
            if got != [("line 1", None), ("line 2", 2), ("line 3", 3), (None, None)] or \
                    "error" not in docs[3]:
                sys.exit(f"FAIL: error records ({fmt}) are {got}")
    # `claimcheck cues --explain`: one candidate per line
    cue_schema = dict(schema, **{"$ref": "#/$defs/cueCandidate"})
    for key in ("type", "required", "properties", "additionalProperties"):
        cue_schema.pop(key, None)
    cue_validator = validator_cls(cue_schema)
    out = run([claimcheck, "cues", "--explain", *articles])
    lines = out.splitlines()
    if not lines:
        sys.exit("FAIL: claimcheck cues printed nothing for the articles")
    for n, line in enumerate(lines, 1):
        errors = list(cue_validator.iter_errors(json.loads(line)))
        for e in errors[:5]:
            print(f"cues line {n}: {e.json_path}: {e.message}")
        failures += len(errors)
    # all articles in one report, as a batch run makes it
    out = run([claimcheck, "check", "--format", "json", "--date", "2025-03-19", *articles])
    errors = list(validator.iter_errors(json.loads(out)))
    for e in errors[:5]:
        print(f"(all articles): {e.json_path}: {e.message}")
    failures += len(errors)
    if failures:
        sys.exit(f"FAIL: {failures} schema violations")
    print(f"OK: json and jsonl of {checked} articles and {len(lines)} cue candidates "
          "valid against the schema")


main()
