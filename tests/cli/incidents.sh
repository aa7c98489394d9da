#!/usr/bin/env bash
# CLI behaviour of `rotaplan incidents`, `rotaplan pay` and `rotaplan handoff`
# (docs/incidents-pay-handoff.md): exact outputs, determinism, exit codes, one-line errors.
# usage: tests/cli/incidents.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
INC="$DATA/incidents"
EX="$DATA/example.json"
TEAM="$INC/team.json"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
source "$HERE/lib.bash"

# json_field NAME PYTHON_EXPR EXPECTED: evaluates the expression over d = the last output

# --- help and usage
for c in incidents pay handoff; do
  expect "$c --help" 0 "" -- "$CLI" $c --help
done
expect "top-level usage" 0 "" -- "$CLI" --help
grep -q "incidents PLAN" "$TMP/out" && grep -q "pay PLAN" "$TMP/out" && grep -q "handoff PLAN" "$TMP/out" \
  && ok "usage lists incidents, pay and handoff" || bad "usage lists incidents, pay and handoff"

# --- incidents
expect "incidents --json" 0 "" -- "$CLI" incidents "$TEAM" --seed 42 --rate 25 --json
cp "$TMP/out" "$TMP/a.json"
json_field "totals" 'd["totals"]["incidents"], d["totals"]["pages"], d["totals"]["night_pages"], d["totals"]["escalated"]' "[100, 130, 35, 11]"
json_field "levels object" 'd["levels"]' '{"primary": 92, "secondary": 24, "escalation": 6, "cto": 7, "ceo": 1}'
json_field "top-level keys" 'list(d.keys())' '["source", "seed", "rate_per_week", "count", "mix", "security_share", "ack_mean_minutes", "span", "totals", "levels", "per_person", "per_week"]'
json_field "per_person keys" 'list(d["per_person"][0].keys())' '["person", "name", "timezone", "pages", "night_pages", "weekend_pages", "levels", "skips", "acks", "ack_median_minutes", "ack_p90_minutes", "incidents", "escalated", "escalation_rate"]'
json_field "per_week rows" 'len(d["per_week"]), d["per_week"][0]["week"]' '[4, "2026-11-30"]'
json_field "per-week incidents add up" 'sum(w["incidents"] for w in d["per_week"]) == d["totals"]["incidents"]' "true"
json_field "per-person pages add up" 'sum(p["pages"] for p in d["per_person"]) == d["totals"]["pages"]' "true"
expect "same seed again (= form, -o)" 0 "" -- "$CLI" incidents "$TEAM" --seed=42 --rate=25 --json -o "$TMP/b.json"
same_file "same seed, same bytes" "$TMP/a.json" "$TMP/b.json"
"$CLI" incidents "$TEAM" --seed 43 --rate 25 --json >"$TMP/c.json"
if cmp -s "$TMP/a.json" "$TMP/c.json"; then bad "another seed differs"; else ok "another seed differs"; fi
expect "count and mix" 0 "" -- "$CLI" incidents "$EX" --seed 1 --count 500 --mix P0=1,P1=1 --json
json_field "count is exact; mix honoured" 'd["totals"]["incidents"] + d["totals"]["outside_weeks"], d["totals"]["by_severity"]["P2"], d["count"], d["rate_per_week"]' "[500, 0, 500, null]"
expect "text report" 0 "" -- "$CLI" incidents "$TEAM" --seed 42 --rate 25
grep -q "^levels reached: primary 92, secondary 24, escalation 6, cto 7, ceo 1$" "$TMP/out" && ok "text report levels" || bad "text report levels" "$(head -8 "$TMP/out")"
expect "plan from stdin" 0 "" -- sh -c "\"$CLI\" incidents - --seed 42 --rate 25 --json < \"$TEAM\""
same_file "stdin gives the same report" "$TMP/a.json" "$TMP/out"
expect "--seed is required" 2 "^rotaplan incidents: --seed is required" -- "$CLI" incidents "$TEAM"
expect "bad seed" 2 "--seed x is not a whole number" -- "$CLI" incidents "$TEAM" --seed x
expect "bad rate" 2 "--rate 0 is not a number" -- "$CLI" incidents "$TEAM" --seed 1 --rate 0
expect "bad mix" 2 "--mix 'P7' is not a severity" -- "$CLI" incidents "$TEAM" --seed 1 --mix P7=1
expect "bad count" 2 "--count -3 is not" -- "$CLI" incidents "$TEAM" --seed 1 --count -3
expect "bad ack mean" 2 "--ack-mean 5-2 is not MIN-MAX" -- "$CLI" incidents "$TEAM" --seed 1 --ack-mean 5-2
expect "unknown option" 2 "unknown option --fast" -- "$CLI" incidents "$TEAM" --seed 1 --fast
expect "unreadable plan" 2 "nope.json: cannot open" -- "$CLI" incidents "$TMP/nope.json" --seed 1

# --- pay
expect "pay from a list (csv)" 0 "" -- "$CLI" pay "$TEAM" --incidents "$INC/pay-incidents.json"
same_file "pay csv is exactly the hand-checked file" "$TMP/out" "$INC/pay-expected.csv"
expect "pay json" 0 "" -- "$CLI" pay "$TEAM" --incidents "$INC/pay-incidents.json" --format json
json_field "pay totals" 'd["totals"]["total"], d["totals"]["weekends"], d["currency"], len(d["months"])' '[4000, 4, "USD", 5]'
expect "pay from a simulation" 0 "" -- "$CLI" pay "$TEAM" --seed 11 --rate 10 -o "$TMP/p1.csv"
"$CLI" pay "$TEAM" --seed 11 --rate 10 -o "$TMP/p2.csv"
same_file "simulated pay is deterministic" "$TMP/p1.csv" "$TMP/p2.csv"
expect "pay without incidents" 0 "" -- "$CLI" pay "$EX"
grep -q $'^2026-12,alice,Alice Ng,0,2,1,0,0,500.00,0.00,150.00,650.00,USD,0,8\r$' "$TMP/out" && ok "base and weekend pay only" || bad "base and weekend pay only" "$(cat "$TMP/out")"
python3 -c "import json; p=json.load(open('$EX')); del p['compensation']; json.dump(p, open('$TMP/nocomp.json','w'))"
expect "no compensation section" 2 "nocomp.json: the plan has no compensation section" -- "$CLI" pay "$TMP/nocomp.json"
printf '[{"at": "2026-12-05T02:00", "severity": "P0"},\n {"at": "2026-12-05T02:00", "severity": "P5"}]' >"$TMP/bad.json"
expect "bad incident names the place" 2 "bad.json: /1/severity: expected" -- "$CLI" pay "$TEAM" --incidents "$TMP/bad.json"
printf '[{"at": "2026-12-05T02:00",\n  "severity": }]' >"$TMP/bad2.json"
expect "incident list not JSON: line and column" 2 "bad2.json: \(line 2, column 15\): not JSON" -- "$CLI" pay "$TEAM" --incidents "$TMP/bad2.json"
printf '[{"at": "2029-01-01T02:00", "severity": "P0"}]' >"$TMP/bad3.json"
expect "incident outside the weeks" 2 "bad3.json: /0: .* is outside the plan's weeks" -- "$CLI" pay "$TEAM" --incidents "$TMP/bad3.json"
expect "both sources" 2 "either --incidents FILE or --seed S" -- "$CLI" pay "$TEAM" --incidents "$INC/pay-incidents.json" --seed 1
expect "bad format" 2 "--format xml is not csv or json" -- "$CLI" pay "$TEAM" --format xml

# --- handoff
expect "handoff" 0 "" -- "$CLI" handoff "$EX" --week 2026-12-14
same_file "handoff is exactly the expected Markdown" "$TMP/out" "$INC/handoff-example-2026-12-14.md"
expect "handoff -o" 0 "" -- "$CLI" handoff "$EX" --week 2026-12-16 -o "$TMP/h.md"
same_file "a day inside the week picks it" "$TMP/h.md" "$INC/handoff-example-2026-12-14.md"
expect "handoff outside the weeks" 2 "--week 2027-03-01: 2027-03-01 is not in the plan's weeks \(2026-11-30 to 2026-12-27\)" -- "$CLI" handoff "$EX" --week 2027-03-01
expect "handoff bad date" 2 "--week 2026-13-01 is not a date" -- "$CLI" handoff "$EX" --week 2026-13-01
expect "handoff needs --week" 2 "--week is required" -- "$CLI" handoff "$EX"

# --- speed: 100,000 incidents over 520 weeks
python3 - "$TMP/big.json" <<'PY'
import json, sys, datetime
people = [{"id": f"p{i}", "name": f"Person {i}"} for i in range(40)] + [{"id": "lead", "name": "Lead", "on_call": False}]
d0 = datetime.date(2026, 1, 5)
weeks = [{"start": str(d0 + datetime.timedelta(days=7 * w)), "primary": f"p{(2 * w) % 40}", "secondary": f"p{(2 * w + 1) % 40}"} for w in range(520)]
json.dump({"rotaplan": 1, "team": {"name": "Big", "timezone": "America/New_York"}, "people": people,
           "contacts": {"engineering_lead": "lead", "cto": "lead"}, "weeks": weeks}, open(sys.argv[1], "w"))
PY
# (its speed is a scripts/bench row, incidents_100k_ms, not a timed test)
expect "100,000 incidents over 520 weeks" 0 "" -- "$CLI" incidents "$TMP/big.json" --seed 1 --count 100000 --json
json_field "100,000 incidents counted" "d['totals']['incidents']" "100000"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
