#!/usr/bin/env bash
# Word sense of triggers and roles bounded by dates, on the shipped rule base
# (issue 15; docs/rules.md, "Word sense" and "Roles bounded by dates"): each
# case is one document of our own words and what `claimcheck claims` must
# (or must not) find in it.
set -u
cli=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 n=0
claims() { # claims TEXT: the claims of TEXT as one line per claim in $tmp/out
    printf '%s\n' "$1" >"$tmp/doc.txt"
    "$cli" claims --rules "$root/rules" --date 2025-03-19 "$tmp/doc.txt" >"$tmp/out" 2>"$tmp/err"
}
none() { # none TYPE TEXT: no claim of TYPE
    n=$((n + 1)); claims "$2"
    if grep -q "\"type\":\"$1\"" "$tmp/out"; then
        echo "FAIL: no $1 in: $2"; sed 's/^/    /' "$tmp/out"; fails=$((fails + 1))
    else echo "ok: no $1: $2"; fi
}
has() { # has TYPE ACTORS TEXT: a claim of TYPE whose actors are ACTORS (JSON list)
    n=$((n + 1)); claims "$3"
    if grep -q "\"type\":\"$1\",[^}]*\"actors\":$2" "$tmp/out"; then echo "ok: $1 $2: $3"
    else echo "FAIL: $1 $2 in: $3"; sed 's/^/    /' "$tmp/out" "$tmp/err"; fails=$((fails + 1)); fi
}
# strikes: a party and what it hit, or a weapon
none strike "Dock workers at the Russian port began a strike over pay."
none strike "A former Russian soldier has been on hunger strike outside the embassy since May."
none strike "Ukraine's striker scored with a fine strike in the second half."
none strike "Russian officials stepped up their attacks against the oil company and its shareholders."
none strike "Moscow struck a deal with its creditors in Riyadh."
has strike '\["russia"\]' "Russian forces struck a power plant in the east overnight."
has strike '\["russia"\]' "Russian forces continued their attacks overnight."
has strike '\[\]' "A drone strike hit the depot before dawn."
has strike '\[\]' "Two clinics in the north had been hit overnight."
none strike "A strike by teachers closed schools and hospitals across the region."
none strike "Shares in the group were hit by the news."
# calls, meetings, talks: a party of the rule base, and the right sense
none call "Ukraine renewed its call for a full ceasefire."
none call "Kyiv opened a call centre for families of prisoners."
none call "The winger's conversion sealed the win for the American side."
none call "Washington analysts discussed the new Russian budget."
none call "Call handling at the American customer centres has improved."
none meeting "The Russian exporter is meeting its sales targets this year."
none talks "Asked about Ukraine, he talks at length about his garden."
none meeting "The seeded Russian could meet the Ukrainian champion in the last eight."
none meeting "The Russian plan was met with scepticism in Kyiv."
has call '\["trump","putin"\]' "Trump and Putin held a phone call on Tuesday."
has talks '\[\]' "Talks were held in Jeddah on Tuesday."
none talks "Officials were talking in the corridor for hours."
# ceasefires and exchanges
none ceasefire "The two rival labels announced a truce after years of feuding."
none ceasefire "New filters should stop these attacks on company networks."
none ceasefire "The party called a truce before the general election."
has ceasefire '\[\]' "He did not accept the full ceasefire."
has ceasefire '\["russia"\]' "Russia agreed to a truce on Tuesday."
none prisoner-exchange "Russian officials said the man was released from prison last year."
# roles bounded by dates: names win, another country's office, bare roles
has meeting '\["putin","russia"\]' "Officials said US President George W Bush would meet with Putin in Moscow."
has meeting '\["russia"\]' "The UK Secretary of State met with Russian officials."
has meeting '\["russia"\]' "The Secretary of State for Health met with Russian envoys in London."
has meeting '\["rubio","ukraine"\]' "Washington said the secretary of state met with Ukrainian officials."
has call '\["trump","putin"\]' "The US president spoke with Putin by phone."
has meeting '\["russia"\]' "John Doe, US Secretary of State, met with Russian envoys."
has meeting '\["usa","rubio","russia"\]' "In Washington, the US secretary of state met with Russian envoys."
# the sense and the bare role are linted at load
mkdir -p "$tmp/bad"
lint() { # lint WHAT YAML MESSAGE: the rule file fails to load with MESSAGE
    n=$((n + 1))
    printf 'claimcheck: 1\n%s\n' "$2" >"$tmp/bad/r.yaml"
    if "$cli" rules lint "$tmp/bad/r.yaml" >"$tmp/out" 2>&1; then
        echo "FAIL: $1 loads"; fails=$((fails + 1))
    elif grep -q "$3" "$tmp/out"; then echo "ok: $1"
    else echo "FAIL: $1: $(cat "$tmp/out")"; fails=$((fails + 1)); fi
}
et='event_types:
  - id: raid
    triggers: [raid]'
lint "an unknown part" "$et
    sense: {requires: [[actor, weapon]]}" "unknown part 'weapon' in 'requires'"
lint "an instrument without instruments" "$et
    sense: {requires: [[instrument]]}" "names 'instrument' but the sense has no 'instruments'"
lint "a form without forms" "$et
    sense: {requires: [[form, target]]}" "names 'form' but the sense has no 'forms'"
lint "an empty alternative" "$et
    sense: {requires: [[]]}" "an alternative of 'requires' is empty"
lint "an exclude reach out of range" "$et
    sense: {excludes: [=tax], exclude_reach: 99}" "'exclude_reach' is a whole number"
lint "an unknown sense key" "$et
    sense: {needs: [[actor]]}" "needs"
lint "a bare role without dates" 'entities:
  - id: k
    kind: person
    represents: r
    aliases: [{pattern: "the king", bare: true}]
  - {id: r, kind: country, aliases: [=ruritania]}' "a bare role alias needs 'from' or 'to'"
lint "a bare role without represents" 'entities:
  - id: k
    kind: person
    aliases: [{pattern: "the king", from: 1890-01-01, bare: true}]' "has a bare role alias but no 'represents'"
echo "$((n - fails)) passed, $fails failed"
[ "$fails" = 0 ]
