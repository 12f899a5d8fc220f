#!/usr/bin/env bash
# --help and docs/claimcheck.1 agree: every option and command of one is in the other.
set -u
cli=$1
man=$(cd "$(dirname "$0")/../.." && pwd)/docs/claimcheck.1
fails=0
for opt in $("$cli" --help | grep -o -- '--[a-z-]*' | sort -u); do
    grep -q -- "\\\\-\\\\-${opt#--}" "$man" || { echo "FAIL: $opt is in --help, not in the man page"; fails=$((fails + 1)); }
done
for opt in $(grep -o -- '\\-\\-[a-z-]*' "$man" | sed 's/\\-/-/g' | grep -v -- '--$' | sort -u); do
    "$cli" --help | grep -q -- "$opt" || { echo "FAIL: $opt is in the man page, not in --help"; fails=$((fails + 1)); }
done
for cmd in segment parse claims cues compare "rules lint" "rules test" explain; do
    "$cli" --help | grep -q "claimcheck $cmd" || { echo "FAIL: command '$cmd' missing from --help"; fails=$((fails + 1)); }
done
echo "help/man agreement: $fails failed"
[ "$fails" = 0 ]
