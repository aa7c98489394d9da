#!/usr/bin/env bash
# CLI behaviour of the published-rotation commands (docs/changes.md): check --today,
# publish, diff, announce, whois, next, review; golden files, exit codes, one-line errors.
# usage: tests/cli/changes.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
CH="$DATA/changes"
TEAM="$CH/team.json"
EXP="$HERE/expected"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
source "$HERE/lib.bash"

# --- help and usage
for c in publish diff announce whois next review; do
  expect "$c --help" 0 "" -- "$CLI" $c --help
  grep -q "^usage: rotaplan $c" "$TMP/out" && ok "$c --help names the usage" || bad "$c --help names the usage" "$(head -1 "$TMP/out")"
done
expect "top-level usage" 0 "" -- "$CLI" --help
for c in publish diff announce whois next review; do grep -q "^  $c " "$TMP/out" || bad "usage lists $c"; done && ok "usage lists the six commands"

# --- check --today
expect "check --today: three late changes" 1 "" -- "$CLI" check "$TEAM" --today 2026-12-01 --json
json_field "late-change weeks" '[v["week"] for v in d["violations"] if v["rule"] == "late-change"]' '["2026-11-30", "2026-12-07", "2026-12-14"]'
expect "check --today later: history changes are warnings" 0 "" -- "$CLI" check "$TEAM" --today 2027-02-01 --json
json_field "history-change weeks" '[(v["week"], v["severity"]) for v in d["violations"]]' \
  '[["2026-11-30", "warning"], ["2026-12-07", "warning"], ["2026-12-14", "warning"], ["2027-01-04", "warning"]]'
expect "check --today: bad date" 2 "--today 2026-13-01: expected a date YYYY-MM-DD" -- "$CLI" check "$TEAM" --today 2026-13-01
expect "check without --today uses the current date" 0 "" -- "$CLI" check "$DATA/example.json"

# --- diff (golden files)
expect "diff PLAN exits 1 when something changed" 1 "" -- "$CLI" diff "$TEAM" --today 2026-12-01
same_file "diff text" "$TMP/out" "$EXP/changes-diff.txt"
expect "diff PLAN --json" 1 "" -- "$CLI" diff "$TEAM" --today 2026-12-01 --json
same_json "diff json" "$TMP/out" "$EXP/changes-diff.json"
json_field "diff sorted by week then role" '[(c["week"], c["role"]) for c in d["changes"]] == sorted([(c["week"], c["role"]) for c in d["changes"]], key=lambda x: (x[0], ["primary","secondary","escalation","shadow"].index(x[1])))' 'true'
expect "diff of a plan with itself" 0 "" -- "$CLI" diff "$TEAM" "$TEAM" --today 2026-12-01
grep -q "^No changes between the two plans" "$TMP/out" && ok "diff says no changes" || bad "diff says no changes" "$(cat "$TMP/out")"
expect "diff without a snapshot" 2 "example.json: the plan has no published snapshot" -- "$CLI" diff "$DATA/example.json"
expect "diff: both from standard input" 2 "cannot both be standard input" -- "$CLI" diff - - 
expect "diff: too many arguments" 2 "wrong number of arguments" -- "$CLI" diff a b c

# --- publish: refuses on other errors, then the diff against the new snapshot is empty
expect "publish despite late changes" 0 "" -- "$CLI" publish "$TEAM" --today 2026-12-01 -o "$TMP/pub.json"
expect "diff after publishing: nothing" 0 "" -- "$CLI" diff "$TMP/pub.json" --today 2026-12-01
expect "check after publishing: clean" 0 "" -- "$CLI" check "$TMP/pub.json" --today 2026-12-01 --json
json_field "no violations" 'd["violations"]' '[]'
pycheck "publish writes the snapshot (resolved escalation, at = today, last changes kept)" "$TMP/pub.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); pub = p["published"]
assert pub["at"] == "2026-12-01", pub["at"]
assert [w["start"] for w in pub["weeks"]] == [w["start"] for w in p["weeks"]]
assert pub["weeks"][6]["escalation"] == "erin" and pub["weeks"][0]["escalation"] == "dana", pub["weeks"][6]
assert set(pub["weeks"][0]) >= {"start", "primary", "secondary", "escalation", "shadow"}
assert pub["overrides"] == p["overrides"]
lc = pub["last_changes"]; assert lc["since"] == "2026-11-20" and len(lc["changes"]) == 7, lc
PY
expect "publish twice is byte-identical" 0 "" -- "$CLI" publish "$TMP/pub.json" --today 2026-12-01 -o "$TMP/pub2.json"
"$CLI" publish "$TMP/pub.json" --today 2026-12-01 -o "$TMP/pub3.json"
same_file "publish deterministic" "$TMP/pub2.json" "$TMP/pub3.json"
python3 - "$TEAM" "$TMP/broken.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["weeks"][2]["secondary"] = p["weeks"][2]["primary"]
json.dump(p, open(sys.argv[2], "w"))
PY
expect "publish refuses other errors" 1 "broken.json: not published: the plan has 1 error besides late changes \(first: min-engineers 2026-11-16" -- "$CLI" publish "$TMP/broken.json" --today 2026-12-01 -o "$TMP/nope.json"
[ ! -e "$TMP/nope.json" ] && ok "refused publish writes nothing" || bad "refused publish writes nothing"
expect "publish --force" 0 "" -- "$CLI" publish "$TMP/broken.json" --today 2026-12-01 --force -o "$TMP/forced.json"
expect "publish from standard input to standard output" 0 "" -- bash -c "\"$CLI\" publish - --today 2026-12-01 < \"$TEAM\""
json_field "stdout is the plan" 'd["published"]["at"]' '"2026-12-01"'

# --- announce (golden files; Slack checks)
expect "announce slack" 0 "" -- "$CLI" announce "$TEAM" --today 2026-12-01
same_file "announce slack golden" "$TMP/out" "$EXP/changes-announce-slack.txt"
pycheck "slack text: mentions, bold, code block, no Markdown table" "$TMP/out" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
assert "<@U01ALICE>" in t and "<@U03CAROL>" in t and "<@U05DANA>" in t, "member-id mentions"
assert "@bob.osei" in t, "handle mention"
assert not re.search(r"^\s*\|.*\|\s*$", t, re.M), "a Markdown table row"
assert not re.search(r"^\s*\|?\s*-{3,}\s*\|", t, re.M), "a Markdown table separator"
assert "**" not in t and not re.search(r"^#", t, re.M), "Markdown bold or heading"
assert t.startswith("*Platform on-call rotation*\n")
blocks = t.split("```")
assert len(blocks) == 3, "one code block"
table = [l for l in blocks[1].strip("\n").split("\n")]
assert table[0].split() == ["Week", "of", "Primary", "Secondary", "Escalation"], table[0]
cols = [m.start() for m in re.finditer(r"(?<=  )\S", table[0])]
for row in table[1:]:
    for c in cols: assert row[c - 1] == " " and row[c] != " ", (row, c)
assert "<@" not in blocks[1], "mentions inside the code block do not work"
for name in ("*Next 4 weeks*", "*Changes since 2026-11-20*", "*Contacts*"): assert name in t, name
assert "\u2022 *Primary on-call:* <@U01ALICE> Alice Ng, +1 555 0100, alice@example.com" in t
PY
expect "announce md" 0 "" -- "$CLI" announce "$TEAM" --today 2026-12-01 --format md
same_file "announce md golden" "$TMP/out" "$EXP/changes-announce.md"
expect "announce --weeks 2" 0 "" -- "$CLI" announce "$TEAM" --today 2026-12-01 --weeks 2 --format md
grep -q "^## Next 2 weeks" "$TMP/out" && [ "$(grep -c '^| 20' "$TMP/out")" = 2 ] && ok "two weeks listed" || bad "two weeks listed" "$(head -12 "$TMP/out")"
expect "announce after publishing lists what the publish changed" 0 "" -- "$CLI" announce "$TMP/pub.json" --today 2026-12-01 --format md
grep -q "^## Changes since 2026-11-20" "$TMP/out" && [ "$(grep -c '^- Week of' "$TMP/out")" = 7 ] && ok "stored changes announced" || bad "stored changes announced" "$(grep -A3 Changes "$TMP/out")"
expect "announce: bad format" 2 "--format html is not slack or md" -- "$CLI" announce "$TEAM" --format html
expect "announce: bad weeks" 2 "--weeks 0: expected a whole number" -- "$CLI" announce "$TEAM" --weeks 0
expect "announce without a snapshot" 0 "" -- "$CLI" announce "$DATA/example.json" --today 2026-11-25
grep -q "first announcement" "$TMP/out" && ok "first announcement said so" || bad "first announcement said so"

# --- whois, next
expect "whois in an override" 0 "" -- "$CLI" whois "$TEAM" --at 2026-12-02T20:00 --json
json_field "whois resolved" '[d["week"], d["primary"], d["secondary"], d["escalation"], d["shadow"]]' '["2026-11-30", "carol", "bob", "dana", null]'
expect "whois with an offset" 0 "" -- "$CLI" whois "$TEAM" --at 2026-12-08T14:00Z --json
json_field "whois shadow" '[d["primary"], d["shadow"], d["shifts"][0]["source"]]' '["dev", "gina", "rotation"]'
expect "whois outside the weeks" 0 "" -- "$CLI" whois "$TEAM" --at 2030-01-01T00:00
grep -q "nobody is on call" "$TMP/out" && ok "whois outside says nobody" || bad "whois outside says nobody"
expect "whois: bad instant" 2 "--at tomorrow: expected a date-time" -- "$CLI" whois "$TEAM" --at tomorrow
expect "whois: --at required" 2 "--at INSTANT is required" -- "$CLI" whois "$TEAM"
expect "next in the person's own zone" 0 "" -- "$CLI" next "$TEAM" --person bob --at 2026-12-01T00:00 --count 2 --json
json_field "next duties" '[(x["role"], x["start"], x["end"]) for x in d["duties"]]' \
  '[["secondary", "2026-11-30T15:00:00+01:00", "2026-12-07T15:00:00+01:00"], ["primary", "2026-12-14T15:00:00+01:00", "2026-12-21T15:00:00+01:00"]]'
expect "next: escalation duties count" 0 "" -- "$CLI" next "$TEAM" --person dana --at 2026-12-10T00:00 --count 2 --json
json_field "dana escalates" '[(x["week"], x["role"]) for x in d["duties"]]' '[["2026-12-07", "escalation"], ["2026-12-21", "escalation"]]'
expect "next: unknown person" 2 "--person zed: no person with this id" -- "$CLI" next "$TEAM" --person zed
expect "next: bad count" 2 "--count -1: expected a whole number" -- "$CLI" next "$TEAM" --person bob --count -1

# --- review
expect "review markdown" 0 "" -- "$CLI" review "$TEAM" --incidents "$CH/review-log.json" --month 2026-12
same_file "review golden" "$TMP/out" "$EXP/changes-review.md"
expect "review of the CSV log is the same" 0 "" -- "$CLI" review "$TEAM" --incidents "$CH/review-log.csv" --month 2026-12
same_file "review csv = json" "$TMP/out" "$EXP/changes-review.md"
expect "review --json" 0 "" -- "$CLI" review "$TEAM" --incidents "$CH/review-log.csv" --month 2026-12 --json
json_field "P1 acknowledge: median, p90, worst, missed" '[(x["median_minutes"], x["p90_minutes"], x["worst_minutes"], x["missed"]) for x in d["acknowledge"] if x["severity"] == "P1"]' '[[6, 20, 20, 3]]'
json_field "P2 resolve in business minutes" '[(x["median_minutes"], x["p90_minutes"], x["missing"], x["missed"]) for x in d["resolve"] if x["severity"] == "P2"]' '[[60, 120, 1, 1]]'
json_field "escalation rate and previous month" '[d["escalated"], d["escalation_rate"], d["previous"]["month"], d["previous"]["incidents"]]' '[2, 0.2, "2026-11", 3]'
json_field "misses" '[(m["id"], m["target"]) for m in d["misses"]]' \
  '[["inc-7", "acknowledge"], ["inc-3", "acknowledge"], ["inc-3", "resolve"], ["inc-6", "resolve"], ["inc-4", "acknowledge"], ["inc-4", "resolve"], ["inc-9", "resolve"], ["inc-5", "acknowledge"]]'
expect "review of November has no previous month" 0 "" -- "$CLI" review "$TEAM" --incidents "$CH/review-log.json" --month 2026-11 --json
json_field "november" '[d["incidents"], d["previous"]]' '[3, null]'
printf 'id,opened,severity\nx,2026-12-01T10:00,P7\n' >"$TMP/bad.csv"
expect "review: bad severity names line and column" 2 "bad.csv: line 2, column severity: 'P7' is not P0, P1, P2 or P3" -- "$CLI" review "$TEAM" --incidents "$TMP/bad.csv" --month 2026-12
printf '[{"opened": "2026-12-01T10:00", "severity": "P1", "acknowledged": "2026-12-01T09:00"}]' >"$TMP/bad.json"
expect "review: ack before opened names the place" 2 "bad.json: /0/acknowledged: acknowledged before it was opened" -- "$CLI" review "$TEAM" --incidents "$TMP/bad.json" --month 2026-12
expect "review: bad month" 2 "--month 2026-13: expected a month YYYY-MM" -- "$CLI" review "$TEAM" --incidents "$CH/review-log.json" --month 2026-13
expect "review: --incidents required" 2 "--incidents FILE is required" -- "$CLI" review "$TEAM" --month 2026-12

# --- pay reads the same log
python3 - "$TEAM" "$TMP/comp.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["compensation"] = {"currency": "USD", "primary_weekly": 500, "secondary_weekly": 250, "per_incident": 100}
json.dump(p, open(sys.argv[2], "w"))
PY
expect "pay --incidents with the log" 0 "" -- "$CLI" pay "$TMP/comp.json" --incidents "$CH/review-log.csv" --format json
json_field "incidents paid" 'd["incidents"]' '13'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
