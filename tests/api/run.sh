#!/usr/bin/env bash
# API hygiene: claimcheck.h compiles alone with -Wall -Wextra -pedantic -Werror,
# as C and as C++; docs/api.md is generated from it and up to date.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
gen=$1 # the build's generated include folder (export and version headers)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include "claimcheck.h"\nint main(void) { return claimcheck_version()[0] == 0; }\n' >"$tmp/h.c"
cc -std=c11 -Wall -Wextra -pedantic -Werror -DCLAIMCHECK_STATIC_DEFINE -I"$src/src/include" \
    -I"$gen" -c "$tmp/h.c" -o "$tmp/h.o"
echo "header compiles as C11"
if command -v c++ >/dev/null 2>&1; then
    cp "$tmp/h.c" "$tmp/h.cpp"
    c++ -std=c++11 -Wall -Wextra -pedantic -Werror -DCLAIMCHECK_STATIC_DEFINE \
        -I"$src/src/include" -I"$gen" -c "$tmp/h.cpp" -o "$tmp/hpp.o"
    echo "header compiles as C++11"
fi
python3 "$src/tools/gen-api-doc" --check
