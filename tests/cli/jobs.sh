#!/usr/bin/env bash
# --jobs (issue 17): with 2 and 3 workers, stdout, stderr, both merged and
# the exit code are byte for byte those of --jobs 1, for every command that
# checks documents (check in each format, claims, cues, compare), on the
# bundled batches, on batches with unreadable records and files, and on 300
# BBC articles when ../shared/data is there; bad --jobs values are usage
# errors (exit 2).
set -u
cli=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 n=0

# run NAME ARGS...: the three outputs of ARGS with --jobs 1, 2, 3 must agree
run() {
    local name=$1 j
    shift
    n=$((n + 1))
    for j in 1 2 3; do
        "$cli" "$@" --jobs "$j" >"$tmp/out.$j" 2>"$tmp/err.$j"
        echo "exit $?" >>"$tmp/out.$j"
        "$cli" "$@" --jobs "$j" >"$tmp/both.$j" 2>&1
    done
    for j in 2 3; do
        if ! cmp -s "$tmp/out.1" "$tmp/out.$j" || ! cmp -s "$tmp/err.1" "$tmp/err.$j" ||
            ! cmp -s "$tmp/both.1" "$tmp/both.$j"; then
            echo "FAIL: $name: --jobs $j differs from --jobs 1"
            diff "$tmp/out.1" "$tmp/out.$j" | head -5
            diff "$tmp/err.1" "$tmp/err.$j" | head -5
            fails=$((fails + 1))
            return
        fi
    done
    if [ ! -s "$tmp/both.1" ] || grep -q '^exit 2$' "$tmp/out.1"; then
        echo "FAIL: $name: a usage error, or no output at all"
        sed 's/^/    /' "$tmp/err.1" | head -5
        fails=$((fails + 1))
        return
    fi
    echo "ok: $name ($(wc -l <"$tmp/out.1") lines, $(wc -l <"$tmp/err.1") on stderr)"
}

rules="--rules $root/rules"
own="$root/corpora/claims-own/dev/dev.jsonl"
disc="$root/corpora/claims-discourse/dev/dev.jsonl"
# a batch with what the reader and the workers must say in its turn: a
# malformed record, a record that is no object, a blank line, invalid UTF-8
{
    head -n 10 "$own"
    echo '{"id": "broken", "text": '
    echo
    echo '["not", "an", "object"]'
    printf '{"id": "latin", "text": "Officials said the talks \xe9nded on Tuesday."}\n'
    sed -n 11,30p "$own"
    cat "$disc"
} >"$tmp/mixed.jsonl"

for fmt in jsonl json text sarif csv github; do
    run "check --format $fmt on the bundled batches" check $rules --input jsonl \
        --date 2025-03-19 --format "$fmt" "$own" "$disc"
done
run "check --format jsonl with bad records" check $rules --date 2025-03-19 \
    --format jsonl "$tmp/mixed.jsonl"
run "check --format json with bad records" check $rules --date 2025-03-19 \
    --format json "$tmp/mixed.jsonl"
run "claims" claims $rules --date 2025-03-19 "$tmp/mixed.jsonl"
run "cues" cues $rules --date 2025-03-19 "$own"
run "check of several files, one missing" check $rules --date 2025-03-19 \
    --format jsonl "$root"/corpora/articles/*.txt "$tmp/missing.txt" \
    "$root"/corpora/heldout/*.txt
run "check --format text of several files" check $rules --date 2025-03-19 \
    "$root"/corpora/articles/*.txt
run "compare of several files" compare $rules --date 2025-03-19 \
    "$root"/corpora/articles/*.txt "$root"/corpora/heldout/*.txt

bbc="$root/../shared/data/news/bbc.jsonl"
if [ -f "$bbc" ]; then
    head -n 300 "$bbc" >"$tmp/bbc300.jsonl"
    run "check --format jsonl on 300 BBC articles" check $rules --date 2025-03-19 \
        --input jsonl --format jsonl "$tmp/bbc300.jsonl"
    run "claims on 300 BBC articles" claims $rules --date 2025-03-19 \
        --input jsonl "$tmp/bbc300.jsonl"
else
    echo "skip: $bbc is absent (the BBC comparison needs ../shared/data)"
fi

# bad values are usage errors
for bad in 0 x -1 2x 257 ""; do
    n=$((n + 1))
    "$cli" check $rules --jobs "$bad" "$own" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne 2 ] || ! grep -q -- "--jobs expects a number" "$tmp/err"; then
        echo "FAIL: --jobs '$bad' gave exit $rc:"
        sed 's/^/    /' "$tmp/err"
        fails=$((fails + 1))
    else
        echo "ok: --jobs '$bad' is a usage error"
    fi
done
n=$((n + 1))
"$cli" check $rules "$own" --jobs >"$tmp/out" 2>"$tmp/err"
if [ $? -ne 2 ]; then
    echo "FAIL: --jobs without a value is not a usage error"
    fails=$((fails + 1))
else
    echo "ok: --jobs without a value is a usage error"
fi

echo "$((n - fails)) of $n passed"
[ "$fails" -eq 0 ]
