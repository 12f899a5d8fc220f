#!/usr/bin/env bash
# Long sentences (docs/output.md): a sentence over 2048 bytes is written, in
# every format that repeats it per claim or finding, as a window around the
# claim's trigger with U+2026 where text was left out (JSON adds
# "clipped": {start, end}); a short sentence is written whole; output grows
# linearly with the sentence.
set -u
cli=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
clause='Russian drones reportedly hit a power station near Kharkiv on 18 March, officials said'
long() { # long N: one sentence of N clauses
    local i
    for ((i = 0; i < $1; i++)); do printf '%s, and ' "$clause"; done
    printf 'the talks went on.\n'
}
long 60 >"$tmp/long.txt"    # about 6 KB
long 240 >"$tmp/long4.txt"  # four times as long
printf '%s.\n' "$clause" >"$tmp/short.txt"
r="--rules $root/rules --date 2025-03-19 --fail-on never"
"$cli" check $r --format json "$tmp/long.txt" >"$tmp/long.json" || fail "check long json"
python3 - "$tmp/long.json" <<'PY' || fails=$((fails + 1))
import json, sys
doc = json.load(open(sys.argv[1]))["documents"][0]
claims, bad = doc["claims"], 0
assert claims, "no claim"
for c in claims + doc["findings"]:
    t, span = c["text"], c["span"]
    if span["end"] - span["start"] <= 2048:
        continue
    clip = c.get("clipped")
    if not clip or len(t.encode()) > 2048 + 6 or "\u2026" not in t:
        bad += 1
    elif not (span["start"] <= clip["start"] < clip["end"] <= span["end"]):
        bad += 1
for c in claims:
    if c["trigger"] not in c["text"]:
        bad += 1
if bad:
    print("FAIL: %d clipped texts without their window, mark or trigger" % bad)
    sys.exit(1)
print("ok: json texts clipped around the trigger and marked")
PY
"$cli" check $r --format json "$tmp/short.txt" >"$tmp/short.json"
grep -q '"clipped"' "$tmp/short.json" && fail "a short sentence is clipped"
grep -q $'\u2026' "$tmp/short.json" && fail "a short sentence has an ellipsis"
for fmt in json jsonl sarif html csv text claimreview; do
    "$cli" check $r --format $fmt "$tmp/long.txt" >"$tmp/a.$fmt"
    "$cli" check $r --format $fmt "$tmp/long4.txt" >"$tmp/b.$fmt"
    a=$(wc -c <"$tmp/a.$fmt") b=$(wc -c <"$tmp/b.$fmt")
    grep -q $'\u2026' "$tmp/a.$fmt" || fail "$fmt: no clip mark"
    if [ $((b)) -gt $((6 * a)) ]; then
        fail "$fmt: 4x the sentence writes $b bytes, $a for 1x"
    else
        echo "ok: $fmt: 4x the sentence, $((b * 10 / a))/10 x the output"
    fi
done
[ $fails = 0 ] && echo "all ok"
exit $((fails > 0))
