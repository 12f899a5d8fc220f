#!/usr/bin/env bash
# Exit codes and options of the claimcheck command (DESIGN §5):
# 0 no finding at or above --fail-on, 1 findings, 2 usage error, 3 input or
# rules error; --fail-on from the command line or .claimcheck.yaml.
set -u
cli=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
expect() { # expect CODE DESCRIPTION -- COMMAND...
    local want=$1 what=$2
    shift 3
    (cd "$tmp" && "$@" >"$tmp/out" 2>"$tmp/err")
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"; sed 's/^/    /' "$tmp/err"; fails=$((fails + 1))
    else
        echo "ok: $what"
    fi
}
printf 'The talks reportedly stalled.\n' >"$tmp/info.txt"
printf 'Some say the talks stalled.\n' >"$tmp/warning.txt"
printf 'Putin agreed to a full ceasefire along the front line.\n' >"$tmp/error.txt"
printf 'The talks stalled.\n' >"$tmp/clean.txt"
printf 'bad \xC0\x80 byte\n' >"$tmp/bad.txt"
r="--rules $root/rules --date 2025-03-19"
expect 0 "clean text" -- "$cli" check $r clean.txt
expect 0 "info below the default fail-on" -- "$cli" check $r info.txt
expect 1 "an error finding" -- "$cli" check $r error.txt
expect 0 "--fail-on never" -- "$cli" check $r --fail-on never error.txt
expect 1 "--fail-on warning" -- "$cli" check $r --fail-on warning warning.txt
expect 1 "--fail-on info" -- "$cli" check $r --fail-on info info.txt
expect 2 "unknown option" -- "$cli" check --frobnicate clean.txt
expect 2 "bad --fail-on" -- "$cli" check --fail-on sometimes clean.txt
expect 2 "bad --date" -- "$cli" check --date 2025-02-30 clean.txt
expect 2 "bad --format" -- "$cli" check --format xml clean.txt
expect 3 "missing file" -- "$cli" check $r nosuchfile.txt
expect 0 "bytes that are not UTF-8 are read" -- "$cli" check $r bad.txt
grep -q 'bad.txt:1:5: note: not UTF-8; read as Windows-1252' "$tmp/err" || { echo "FAIL: encoding note: $(cat "$tmp/err")"; fails=$((fails + 1)); }
expect 3 "invalid rule base" -- "$cli" check --rules nosuchrules clean.txt
printf 'claimcheck: 1\nfail-on: info\n' >"$tmp/.claimcheck.yaml"
expect 1 "fail-on from .claimcheck.yaml" -- "$cli" check $r info.txt
expect 0 "--fail-on overrides the config" -- "$cli" check $r --fail-on error info.txt
printf 'claimcheck: 1\nfail-on: sometimes\n' >"$tmp/.claimcheck.yaml"
expect 3 "invalid config" -- "$cli" check $r clean.txt
grep -q '.claimcheck.yaml:2:10:' "$tmp/err" || { echo "FAIL: config message: $(cat "$tmp/err")"; fails=$((fails + 1)); }
rm "$tmp/.claimcheck.yaml"
expect 0 "claims dump" -- "$cli" claims $r error.txt
expect 0 "explain a rule" -- "$cli" explain $r contradiction.status
expect 2 "explain an unknown rule" -- "$cli" explain $r no-such-rule
expect 0 "explain a hedge kind" -- "$cli" explain $r hedge.epistemic
grep -q '^The hedge model decides these cues' "$tmp/out" && ! grep -q '(hedge model)' "$tmp/out" ||
    { echo "FAIL: explain hedge kind: $(cat "$tmp/out")"; fails=$((fails + 1)); }
printf '{"id":"a","source":"Wire A","date":"2025-03-19","text":"Putin agreed to a full ceasefire along the front line. The talks reportedly stalled."}\n{"id":"b","source":"Wire B","date":"2025-03-19","text":"Russian drones struck a hospital in Sumy overnight."}\n' >"$tmp/two.jsonl"
expect 0 "compare sources" -- "$cli" compare $r --format csv two.jsonl
grep -q '^,Wire A,1,2,1,0,1,0,1$' "$tmp/out" || { echo "FAIL: compare row: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q '^full-ceasefire-proposal-2025-03,Wire A,0,0,1,0,1,0,0$' "$tmp/out" || { echo "FAIL: compare event row: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q '^strikes-2025-03-18-19,Wire B,0,0,1,0,0,1,0$' "$tmp/out" || { echo "FAIL: compare event row B: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect 2 "compare refuses json" -- "$cli" compare $r --format json two.jsonl
# CSV injection (OWASP): a field from the input that starts with = + - @ gets a ' in front
printf '{"id":"@SUM(1)","source":"=HYPERLINK(\\"http://x.test\\",\\"x\\")","date":"2025-03-19","text":"-1 killed, reportedly. Russian drones struck a hospital in Sumy overnight."}\n' >"$tmp/evil.jsonl"
expect 0 "compare csv guards a formula source" -- "$cli" compare $r --format csv evil.jsonl
grep -q "^,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"x\"\")\",1,2,1," "$tmp/out" &&
    grep -q "^strikes-2025-03-18-19,\"'=HYPERLINK(" "$tmp/out" && ! grep -q ',"=' "$tmp/out" ||
    { echo "FAIL: compare csv guard: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect 0 "check csv guards formula fields" -- "$cli" check $r --fail-on never --format csv evil.jsonl
grep -q "^evil.jsonl,'@SUM(1),F1,.*,\"'-1 killed, reportedly.\"," "$tmp/out" && ! grep -q ',@SUM' "$tmp/out" ||
    { echo "FAIL: check csv guard: $(cat "$tmp/out")"; fails=$((fails + 1)); }
# The default rule base (no --rules): $CLAIMCHECK_RULES, then share/claimcheck/rules
# beside the executable (an installed copy), then the source tree it was built from,
# then the install prefix. A copy of the binary in a folder of its own stands for a
# build directory outside the source tree.
mkdir -p "$tmp/away/bin" "$tmp/away/elsewhere"
cp "$cli" "$tmp/away/bin/claimcheck"
cp "$tmp/error.txt" "$tmp/away/elsewhere/"
expect 1 "a binary outside the source tree finds the rules it was built with" -- \
    env -u CLAIMCHECK_RULES sh -c "cd '$tmp/away/elsewhere' && '$tmp/away/bin/claimcheck' check --date 2025-03-19 error.txt"
grep -q 'contradiction' "$tmp/out" || { echo "FAIL: default rules: $(cat "$tmp/out" "$tmp/err")"; fails=$((fails + 1)); }
expect 3 "CLAIMCHECK_RULES comes first" -- \
    env CLAIMCHECK_RULES="$tmp/no-such-rules" "$tmp/away/bin/claimcheck" check error.txt
grep -q "no-such-rules" "$tmp/err" || { echo "FAIL: CLAIMCHECK_RULES: $(cat "$tmp/err")"; fails=$((fails + 1)); }
mkdir -p "$tmp/away/share/claimcheck/rules"
cp "$root/tests/data/rules/bad-severity.yaml" "$tmp/away/share/claimcheck/rules/"
expect 3 "share/claimcheck/rules beside the executable before the source tree" -- \
    env -u CLAIMCHECK_RULES "$tmp/away/bin/claimcheck" check error.txt
grep -q "away/bin/../share/claimcheck/rules/bad-severity.yaml" "$tmp/err" ||
    { echo "FAIL: installed rules: $(cat "$tmp/err")"; fails=$((fails + 1)); }
# cue candidates and the hedge model's decision (a hand-written model)
m="--rules $root/tests/data/hedgemodel/model"
printf 'The report may be downloaded here. The drug may be related to the illness.\n' >"$tmp/cues.txt"
expect 0 "cues dump" -- "$cli" cues $m cues.txt
[ "$(grep -c '"text":"may","cue":"may"' "$tmp/out")" = 2 ] &&
    grep -q '"start":11,.*"score":-2.5,"threshold":0.0,"kept":false}$' "$tmp/out" &&
    grep -q '"score":0.5,"threshold":0.0,"kept":true}$' "$tmp/out" ||
    { echo "FAIL: cues: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect 0 "cues --explain" -- "$cli" cues $m --explain cues.txt
grep -q '"features":\[\["bias",-0.5\],\["w=may",1.0\],' "$tmp/out" &&
    grep -q '\["w|v=may|downloaded",-3.0\]' "$tmp/out" ||
    { echo "FAIL: cues --explain: $(cat "$tmp/out")"; fails=$((fails + 1)); }
expect 1 "the rejected candidate is no finding" -- "$cli" check $m --fail-on info cues.txt
grep -q '^1 finding ' "$tmp/out" || { echo "FAIL: one hedge: $(cat "$tmp/out")"; fails=$((fails + 1)); }
printf 'The report may be downloaded here, he claimed.\n' >"$tmp/rejected.txt"
expect 0 "--explain shows the model's decision" -- "$cli" check $m --explain rejected.txt
grep -q "> hedge model: 'may' rejected by its context (score -2.50 < +0.00)" "$tmp/out" ||
    { echo "FAIL: explain model: $(cat "$tmp/out")"; fails=$((fails + 1)); }
# a cue's own severity (rules/hedges.yaml `severity:`): "claim" is an info, while
# "purported" keeps the warning of its kind (distancing)
printf 'Yukos claims its downfall was a punishment.\n' >"$tmp/claim.txt"
printf 'The purported deal collapsed.\n' >"$tmp/purported.txt"
expect 0 "a cue with severity: info passes --fail-on warning" -- "$cli" check $r --fail-on warning claim.txt
expect 1 "a distancing cue of its kind's severity fails it" -- "$cli" check $r --fail-on warning purported.txt
printf 'claimcheck: 1\nhedges:\n  - cue: maybe\n    kind: epistemic\n    severity: loud\n' >"$tmp/badsev.yaml"
expect 3 "an invalid hedge severity is a rules error" -- "$cli" check --rules badsev.yaml clean.txt
# an unnamed source in apposition to a name ("Anais Faraj, an analyst at
# Nomura") is no unnamed source
printf '"Rates will rise," Anais Faraj, an analyst at Nomura, told the BBC.\n' >"$tmp/appos.txt"
expect 0 "a named analyst is no unnamed source" -- "$cli" check $r --fail-on info appos.txt
echo "$((36 - fails)) passed, $fails failed"
[ "$fails" = 0 ]
