#!/bin/sh
# Validates `claimcheck check --format sarif` of every article in
# corpora/articles (each alone, and all in one run) two ways:
#
#   1. the official validator, `sarif-multitool validate` of the npm package
#      @microsoft/sarif-multitool: no result of level error may appear;
#   2. the SARIF 2.1.0 JSON schema that package ships (sarif-2.1.0.json),
#      with Python's jsonschema, which also checks enums and types.
#
# The validator is taken from tools/node_modules (install it with
# `npm install --prefix tools --no-save @microsoft/sarif-multitool`), else
# run with `npx --yes`. Exits 77 (CTest SKIP_RETURN_CODE) with a message
# when neither works (no npm, no network for npx).
#
# usage: validate_sarif.sh CLAIMCHECK SOURCE_DIR
set -eu
claimcheck=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tool=
if [ -x "$source/tools/node_modules/.bin/sarif-multitool" ]; then
    tool="$source/tools/node_modules/.bin/sarif-multitool"
elif command -v npx >/dev/null 2>&1; then
    if npx --yes @microsoft/sarif-multitool --version >/dev/null 2>&1; then
        tool="npx --yes @microsoft/sarif-multitool"
    fi
fi
if [ -z "$tool" ]; then
    echo "SKIP: sarif-multitool unavailable (no tools/node_modules install, and npx missing or offline)"
    exit 77
fi

# The articles, with --date/--source from their .meta files.
n=0
for txt in "$source"/corpora/articles/*.txt; do
    name=$(basename "$txt" .txt)
    meta="${txt%.txt}.meta"
    date=$(sed -n 's/^date: *//p' "$meta" 2>/dev/null || true)
    src=$(sed -n 's/^source: *//p' "$meta" 2>/dev/null || true)
    rc=0
    "$claimcheck" check --format sarif ${date:+--date "$date"} ${src:+--source "$src"} \
        "$txt" >"$work/$name.sarif" || rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "FAIL: claimcheck exited $rc on $txt"
        exit 1
    fi
    n=$((n + 1))
done
rc=0
"$claimcheck" check --format sarif --date 2025-03-19 "$source"/corpora/articles/*.txt \
    >"$work/all-articles.sarif" || rc=$?
[ "$rc" -le 1 ] || { echo "FAIL: claimcheck exited $rc on all articles"; exit 1; }
# inputs that cannot be read: tool execution notifications
printf '{"text": "Russia agreed."}\n{"text": 5}\n' >"$work/bad.jsonl"
rc=0
"$claimcheck" check --format sarif "$work/bad.jsonl" >"$work/unreadable.sarif" 2>/dev/null || rc=$?
[ "$rc" -eq 3 ] || { echo "FAIL: an unreadable record exited $rc, not 3"; exit 1; }
grep -q '"toolExecutionNotifications"' "$work/unreadable.sarif" ||
    { echo "FAIL: no toolExecutionNotifications for an unreadable record"; exit 1; }
rm "$work/bad.jsonl"
# stdin and an empty result set
printf 'Nothing to report here.\n' |
    "$claimcheck" check --format sarif --date 2025-03-19 - >"$work/stdin.sarif" || true

status=0
for f in "$work"/*.sarif; do
    # The validator's exit status is 0 even when it reports errors, so read
    # its report: "FILE(line,col): error CODE: ..." lines.
    $tool validate "$f" >"$work/out.txt" 2>&1 || true
    cat "$work/out.txt" >>"$work/all.txt"
    if ! grep -q "Analysis completed successfully" "$work/out.txt"; then
        echo "FAIL: sarif-multitool did not complete on $(basename "$f"):"
        cat "$work/out.txt"
        status=1
    elif grep -E ": error [A-Z]+[0-9]+:" "$work/out.txt"; then
        echo "FAIL: sarif-multitool reports errors in $(basename "$f")"
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "OK: sarif-multitool validate: no errors in $(ls "$work"/*.sarif | wc -l) logs"
# Warnings are advice (e.g. SARIF2005, no informationUri): shown, not failed.
grep -h -o -E ": warning [A-Z]+[0-9]+: .*" "$work/all.txt" | sed 's/^: /  /' | sort | uniq -c || true

# The schema the package ships.
schema=
for d in "$source/tools/node_modules/@microsoft/sarif-multitool-linux" \
         "$source/tools/node_modules/@microsoft/sarif-multitool-darwin" \
         "$source/tools/node_modules/@microsoft/sarif-multitool-win32"; do
    [ -f "$d/sarif-2.1.0.json" ] && schema="$d/sarif-2.1.0.json" && break
done
if [ -z "$schema" ] && [ -d "$HOME/.npm/_npx" ]; then
    schema=$(find "$HOME/.npm/_npx" -path '*sarif-multitool-*' -name sarif-2.1.0.json 2>/dev/null | head -n 1)
fi
if [ -z "$schema" ]; then
    echo "note: sarif-2.1.0.json not found; JSON schema check skipped"
elif ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "note: Python jsonschema missing; JSON schema check skipped"
else
    python3 - "$schema" "$work"/*.sarif <<'PY' || status=1
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
validator = cls(schema)
bad = 0
for path in sys.argv[2:]:
    log = json.load(open(path))
    for e in list(validator.iter_errors(log))[:5]:
        print(f"{path}: {e.json_path}: {e.message}")
        bad += 1
    runs = log["runs"]
    assert len(runs) == 1 and runs[0]["columnKind"] == "unicodeCodePoints", path
if bad:
    sys.exit(f"FAIL: SARIF schema violations")
print(f"OK: {len(sys.argv) - 2} logs valid against {sys.argv[1].split('/')[-1]}")
PY
fi
exit $status
