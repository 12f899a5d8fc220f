#!/usr/bin/env bash
# cycle.sh CHECK_DEPS: tools/check-deps on small generated trees. A cycle
# through a header and a source (a.c -> b.h, b.c -> c.h, c.h -> a.h) must
# fail with exit 1 and be printed as "a -> b -> c -> a"; the same tree
# without the back edge must pass with its layers; a tree with two
# separate cycles must print both.
set -u
check=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mk() { # mk ROOT FILE INCLUDED...
    local root=$1 file=$2; shift 2
    mkdir -p "$(dirname "$root/$file")"
    : > "$root/$file"
    for h in "$@"; do echo "#include \"$h\"" >> "$root/$file"; done
}

t=$tmp/cycle
mk "$t" src/lib/a.c a.h b.h
mk "$t" src/lib/a.h
mk "$t" src/lib/b.c b.h c.h
mk "$t" src/lib/b.h
mk "$t" src/lib/util/c.h a.h
mk "$t" src/lib/util/c.c c.h "<stdio.h>"
echo '#include <stdlib.h>' >> "$t/src/lib/a.c"
out=$("$check" "$t" 2>/dev/null); rc=$?
[ "$rc" = 1 ] || fail "a cycle gave exit $rc"
[ "$out" = "a -> b -> c -> a" ] || fail "cycle printed as '$out'"
"$check" --layers "$t" >/dev/null 2>&1 && fail "--layers passed a cycle"

# without the back edge: no cycle, three layers
mk "$t" src/lib/util/c.h
out=$("$check" --layers "$t"); rc=$?
[ "$rc" = 0 ] || fail "no cycle gave exit $rc"
expected="layer 0: c
layer 1: b
layer 2: a
check-deps: 3 modules, 2 edges, no cycle"
[ "$out" = "$expected" ] || fail "layers printed as '$out'"

# two cycles, one through src/cli and src/include
t=$tmp/two
mk "$t" src/lib/x.c y.h
mk "$t" src/lib/y.h x.h
mk "$t" src/lib/x.h
mk "$t" src/cli/main.c api.h
mk "$t" src/include/api.h main.h
mk "$t" src/cli/main.h
out=$("$check" "$t" 2>/dev/null); rc=$?
[ "$rc" = 1 ] || fail "two cycles gave exit $rc"
expected="api -> main -> api
x -> y -> x"
[ "$out" = "$expected" ] || fail "two cycles printed as '$out'"

# no sources: a usage error, not a pass
"$check" "$tmp/none" >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "an empty tree gave exit $rc"
echo "deps.cycle: ok"
