#!/usr/bin/env bash
# knowledge.sh CHECK_KNOWLEDGE SOURCE_DIR: tools/check-knowledge on small
# generated trees with the shipped rules: a knowledge word in a string
# literal must fail with its file:line, the same word in a comment or inside
# a longer message must pass, and an allowed literal must pass.
set -u
check=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
python3 -c 'import yaml' 2>/dev/null || { echo "skipped: no PyYAML"; exit 77; }

mk() { # mk NAME C-TEXT
    mkdir -p "$tmp/$1/src/lib"
    cp -r "$src/rules" "$tmp/$1/rules"
    printf '%s\n' "$2" > "$tmp/$1/src/lib/x.c"
}
mk bad $'/* x.c */\nstatic const char *w[] = {"drones", NULL};\nint f(const char *s) { return s[0] == \x27y\x27 && w[0] && strcmp(s, "yesterday"); }'
out=$("$check" "$tmp/bad"); rc=$?
[ "$rc" = 1 ] || fail "a literal 'yesterday' gave exit $rc: $out"
grep -q '^src/lib/x.c:3: "yesterday" is knowledge (time phrase)' <<<"$out" || fail "no position for yesterday: $out"
grep -q '^src/lib/x.c:2: "drones" is knowledge (unit form)' <<<"$out" || fail "no position for drones: $out"

mk good $'/* "yesterday" in a comment, and "drones" */\nconst char *m = "the text says yesterday";'
out=$("$check" "$tmp/good"); rc=$?
[ "$rc" = 0 ] || fail "a comment and a message gave exit $rc: $out"
echo "check-knowledge: fails on knowledge in C, passes comments and messages"
