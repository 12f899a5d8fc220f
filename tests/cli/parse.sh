#!/usr/bin/env bash
# claimcheck parse: CoNLL-U out of text and CoNLL-U in (docs/syntax.md),
# golden outputs for small inputs (tests/data/parse/*.expected, made with the
# shipped model: `tests/cli/parse.sh CLI --update` rewrites them after a
# retraining), the columns kept and replaced, and the errors of malformed
# input (file:line:col, exit 3), of a missing model and of bad options.
set -u
cli=$1
update=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/tests/data/parse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect() { # expect CODE DESCRIPTION -- COMMAND...
    local want=$1 what=$2
    shift 3
    (cd "$tmp" && "$@" >"$tmp/out" 2>"$tmp/err")
    local got=$?
    if [ "$got" != "$want" ]; then
        fail "$what: exit $got, expected $want"; sed 's/^/    /' "$tmp/err"
    else
        echo "ok: $what"
    fi
}
golden() { # golden NAME: $tmp/out against $data/NAME
    if [ "$update" = "--update" ]; then
        cp "$tmp/out" "$data/$1"
    elif ! diff -u "$data/$1" "$tmp/out" >"$tmp/diff"; then
        fail "$1 differs:"; sed 's/^/    /' "$tmp/diff" | head -40
    fi
}
err_is() { # err_is TEXT: stderr contains TEXT
    grep -qF -- "$1" "$tmp/err" || fail "expected '$1' in: $(cat "$tmp/err")"
}
r="--rules $root/rules"

# text: our segmenter and tokenizer, UPOS predicted, SpaceAfter=No
expect 0 "text input" -- "$cli" parse $r "$data/text.txt"
golden text.expected
grep -q $'^1\tThe\t_\tDET\t' "$tmp/out" || fail "text: 'The' is not DET"
grep -q '^# text = The ministry said' "$tmp/out" || fail "text: no '# text' comment"
[ "$(grep -c '^# sent_id' "$tmp/out")" = 2 ] || fail "text: not two sentences"
expect 0 "text from stdin" -- sh -c "\"$cli\" parse $r <\"$data/text.txt\""
golden text.expected

# CoNLL-U: tokens, multiword tokens, empty nodes and comments kept; UPOS,
# HEAD, DEPREL replaced, DEPS '_', the other columns passed through
expect 0 "conllu input" -- "$cli" parse $r --input conllu "$data/tokens.conllu"
golden tokens.expected
grep -q $'^2-3\tcan\'t\t_\t_' "$tmp/out" || fail "conllu: multiword token line not kept"
grep -q $'^5.1\tlikes\tlike\t' "$tmp/out" || fail "conllu: empty node not kept"
grep -qE $'^2\tca\tcan\t[A-Z]+\tMD\tVerbForm=Fin\t[0-9]+\t[a-z:]+\t_\t_$' "$tmp/out" ||
    fail "conllu: columns of a word not as documented"
[ "$(grep -c '^# sent_id = a-' "$tmp/out")" = 2 ] || fail "conllu: comments not kept"
[ "$(grep -c '^$' "$tmp/out")" = 2 ] || fail "conllu: sentence breaks not kept"
# the parser (rules/syntax/parser.model): one word on the root per sentence
[ "$(grep -cE $'^[0-9]+\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t0\troot\t' "$tmp/out")" = 2 ] ||
    fail "conllu: not one root per sentence"
expect 0 "two files in order" -- "$cli" parse $r --input conllu "$data/tokens.conllu" "$data/tokens.conllu"
[ "$(grep -c '^# sent_id = a-1' "$tmp/out")" = 2 ] || fail "two files: not both parsed"
printf '1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\n' >"$tmp/crlf.conllu"
expect 0 "CR LF lines" -- "$cli" parse $r --input conllu crlf.conllu
grep -q $'^1\tHi\t_\t[A-Z]*\t_\t_\t0\troot\t_\t_$' "$tmp/out" || fail "CR LF: $(cat "$tmp/out")"

# malformed CoNLL-U: file:line:col and exit 3
printf '1\tHi\t_\t_\t_\t_\t_\t_\t_\n' >"$tmp/short.conllu"
expect 3 "too few columns" -- "$cli" parse $r --input conllu short.conllu
err_is "short.conllu:1:19: expected 10 tab-separated fields, found 9"
printf '# c\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\nx\tB\t_\t_\t_\t_\t_\t_\t_\t_\n' >"$tmp/id.conllu"
expect 3 "non-numeric ID" -- "$cli" parse $r --input conllu id.conllu
err_is "id.conllu:3:1: bad ID 'x'"
printf '1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n3\tB\t_\t_\t_\t_\t_\t_\t_\t_\n' >"$tmp/gap.conllu"
expect 3 "IDs not in sequence" -- "$cli" parse $r --input conllu gap.conllu
err_is "gap.conllu:2:1: word ID 3 where 2 was expected"
printf '1\tA\t_\t_\t_\t_\tx\t_\t_\t_\n' >"$tmp/head.conllu"
expect 3 "non-numeric HEAD" -- "$cli" parse $r --input conllu head.conllu
err_is "head.conllu:1:13: HEAD 'x' is not a number"
printf '1\tA\t_\t_\t_\t_\t5\t_\t_\t_\n' >"$tmp/far.conllu"
expect 3 "HEAD past the last word" -- "$cli" parse $r --input conllu far.conllu
err_is "far.conllu:1:1: HEAD 5 is past the sentence's last word"
printf '1\tA\t\t_\t_\t_\t_\t_\t_\t_\n' >"$tmp/empty.conllu"
expect 3 "empty field" -- "$cli" parse $r --input conllu empty.conllu
err_is "empty.conllu:1:5: empty field 3"
printf '1\t\xC0\x80\t_\t_\t_\t_\t_\t_\t_\t_\n' >"$tmp/utf8.conllu"
expect 3 "invalid UTF-8" -- "$cli" parse $r --input conllu utf8.conllu
err_is "utf8.conllu:1:3: invalid UTF-8"

# the model is found beside the rule base's YAML, or its absence is an error
mkdir "$tmp/nomodel" && cp "$root"/rules/*.yaml "$tmp/nomodel/" && cp -r "$root/rules/lang" "$tmp/nomodel/"
expect 3 "no model" -- "$cli" parse --rules "$tmp/nomodel" "$data/text.txt"
err_is "no syntax model"
mkdir "$tmp/nomodel/syntax" && printf 'not a model' >"$tmp/nomodel/syntax/tagger.model"
expect 3 "bad model" -- "$cli" parse --rules "$tmp/nomodel" "$data/text.txt"
err_is "tagger.model: not a claimcheck perceptron model"

# options
expect 2 "unknown input kind" -- "$cli" parse $r --input html "$data/text.txt"
expect 2 "unknown option" -- "$cli" parse $r --frobnicate "$data/text.txt"
expect 3 "missing file" -- "$cli" parse $r nosuchfile.txt
expect 0 "help" -- "$cli" parse --help
grep -q 'claimcheck parse' "$tmp/out" || fail "help does not mention parse"

if [ "$fails" -gt 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "all parse tests passed"
