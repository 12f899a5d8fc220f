#!/bin/sh
# run.sh: the HTML report in a real browser. Renders documents full of
# script and markup payloads (tests/data/html/) with a rule base whose
# sources carry more, loads each page in headless Chromium with --dump-dom
# and checks that nothing from the input ran or became an element: the
# title is ours, and the DOM holds no <script>, <img>, <svg>, <iframe> or
# second <style>, while the payloads are there as text.
#
# A control page with the same payloads unescaped must show the attack
# (title 'pwned'), so a browser that runs no script cannot pass the test.
#
#   tests/html/run.sh CLI RULES DATA_DIR
#
# Exit 77 (skipped) when Chromium is missing: CHROMIUM, else /usr/bin/chromium.
set -u

cli=$1
rules=$2
data=$3
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "SKIP: $chromium not found (Debian package chromium)"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
    echo "FAIL: $*"
    failed=$((failed + 1))
}

# dump FILE.html: the DOM after load, scripts (if any) run, to FILE.dom
dump() {
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --virtual-time-budget=2000 \
        --dump-dom "file://$1" >"${1%.html}.dom" 2>"${1%.html}.log"
    if [ ! -s "${1%.html}.dom" ]; then
        fail "no DOM from $1"
        sed 's/^/    /' "${1%.html}.log"
    fi
}

# count PATTERN FILE: lines of FILE matching the extended regex PATTERN
count() {
    grep -ciE -- "$1" "$2"
}

# 1. the control: the same payloads in a page of our own, unescaped
cat >"$tmp/control.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>control</title></head>
<body><img src=x onerror="document.title='pwned'"></body></html>
HTML
dump "$tmp/control.html"
if ! grep -q "<title>pwned</title>" "$tmp/control.dom"; then
    fail "control: an unescaped onerror= payload did not run; the test proves nothing"
fi
cat >"$tmp/control2.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>control</title></head>
<body><script>document.title='pwned'</script></body></html>
HTML
dump "$tmp/control2.html"
if ! grep -q "<title>pwned</title>" "$tmp/control2.dom"; then
    fail "control: an unescaped <script> payload did not run; the test proves nothing"
fi

# 2. the reports
check_page() {
    name=$1
    title=$2
    shift 2
    page=$tmp/$name.html
    before=$failed
    "$cli" check --rules "$rules" --rules "$data/hostile-events.yaml" \
        --date 2025-03-19 --format html "$@" >"$page"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
        fail "$name: claimcheck exited $rc"
        return
    fi
    dump "$page"
    dom=$tmp/$name.dom
    [ -s "$dom" ] || return
    if grep -qi "pwned</title>" "$dom" || ! grep -qF "<title>$title</title>" "$dom"; then
        fail "$name: the title changed: $(grep -o '<title>.*</title>' "$dom")"
    fi
    for tag in script img svg iframe object embed form base link; do
        n=$(count "<$tag[ >/]" "$dom")
        [ "$n" -eq 0 ] || fail "$name: $n <$tag> element(s) in the DOM"
    done
    n=$(grep -o '<style' "$dom" | wc -l)
    [ "$n" -eq 1 ] || fail "$name: $n <style> elements in the DOM (want ours only)"
    n=$(grep -o '<a [^>]*href="[^"#][^"]*"' "$dom" | grep -cv 'href="https\?://')
    [ "$n" -eq 0 ] || fail "$name: a link that is neither local nor http(s)"
    # attribute names only: text and attribute values (always double-quoted
    # in a serialised DOM) hold the payloads' "onerror=" as text
    n=$(grep -o '<[a-zA-Z][^>]*>' "$dom" | sed 's/"[^"]*"//g' |
        grep -ciE '[[:space:]]on[a-z]+=')
    [ "$n" -eq 0 ] || fail "$name: $n event handler attribute(s) in the DOM"
    grep -qF "Content-Security-Policy" "$dom" || fail "$name: no CSP"
    [ $failed -eq "$before" ] && echo "ok: $name ($(grep -o '<mark' "$dom" | wc -l) marks, title '$title')"
}

check_page hostile-txt "claimcheck report: $data/hostile.txt" "$data/hostile.txt"
dom=$tmp/hostile-txt.dom
if [ -s "$dom" ]; then
    # the payloads are in the DOM as text (a serialised DOM escapes < > &)
    for text in "&lt;script&gt;document.title='pwned'&lt;/script&gt;" \
        "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" \
        "\"&gt;&lt;svg onload=\"document.title='pwned'\"&gt;" \
        "See javascript:document.title='pwned' and &amp;amp; and &amp;lt;b&amp;gt;" \
        "&lt;style&gt;body{display:none}&lt;/style&gt;" \
        "<span class=\"url\">javascript:document.title='pwned'</span>"; do
        grep -qF -- "$text" "$dom" || fail "hostile-txt: text missing from the DOM: $text"
    done
fi
check_page hostile-md "claimcheck report: &lt;/title&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;" \
    "$data/hostile.md"
check_page both "claimcheck report: 2 documents" "$data/hostile.txt" "$data/hostile.md"

if [ $failed -ne 0 ]; then
    echo "$failed check(s) failed"
    exit 1
fi
echo "PASS"
