#!/usr/bin/env bash
# Installs the build into a temporary prefix, then: the installed claimcheck
# checks a file with its default rules from another folder, and a small C
# program builds against the installed library with pkg-config.
set -euo pipefail
build=$1
src=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
mkdir "$tmp/elsewhere"
printf 'Russian drones reportedly struck a hospital overnight.\n' >"$tmp/elsewhere/a.txt"
out=$(cd "$tmp/elsewhere" && env -u CLAIMCHECK_RULES "$tmp/prefix/bin/claimcheck" check --date 2025-03-19 a.txt || true)
echo "$out"
echo "$out" | grep -q 'hedge.evidential'
echo "$out" | grep -q 'strike-during-ceasefire'
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
cc -std=c11 -Wall -Wextra -pedantic -Werror "$src/consumer.c" -o "$tmp/consumer" \
    $(pkg-config --cflags --libs --static claimcheck)
"$tmp/consumer" "$tmp/prefix/share/claimcheck/rules" | grep -q '1 finding'
test -f "$tmp/prefix/share/man/man1/claimcheck.1"
echo "install test passed"
