#!/usr/bin/env bash
# CLI behaviour of `rotaplan escalate` and `rotaplan gaps` (escalation.md, docs/escalation.md):
# exact JSON (key order included), exit codes, one-line errors.
# usage: tests/cli/escalate.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
if [ ! -x "$CLI" ]; then echo "0 passed, 1 failed (no executable at $1)"; exit 1; fi
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
ESC="$DATA/escalation"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
source "$HERE/lib.bash"


EX="$DATA/example.json"

# --- help and usage
expect "escalate --help" 0 "" -- "$CLI" escalate --help
grep -q -- "--ack LEVEL@MIN" "$TMP/out" && ok "escalate --help names --ack" || bad "escalate --help names --ack"
expect "gaps --help" 0 "" -- "$CLI" gaps --help
expect "top-level usage lists escalate" 0 "" -- "$CLI" --help
grep -q "escalate PLAN" "$TMP/out" && grep -q "gaps PLAN" "$TMP/out" && ok "usage lists escalate and gaps" || bad "usage lists escalate and gaps"

# --- the spec example, exactly
expect "escalate example P0" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --json
same_json "example P0 equals escalation.md (key order too)" "$TMP/out" "$ESC/expected-example-p0.json"
expect "--at with an offset" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00-05:00 --json
same_json "--at with an offset is the same timeline" "$TMP/out" "$ESC/expected-example-p0.json"
expect "--at in UTC (=)" 0 "" -- "$CLI" escalate "$EX" --severity=P0 --at=2026-12-05T07:00Z --json
same_json "--at in UTC is the same timeline" "$TMP/out" "$ESC/expected-example-p0.json"
expect "plan from standard input" 0 "" -- bash -c "\"$CLI\" escalate - --severity P0 --at 2026-12-05T02:00 --json < \"$EX\""
same_json "standard input gives the same timeline" "$TMP/out" "$ESC/expected-example-p0.json"

# --- business hours
expect "P2 Friday 16:30" 0 "" -- "$CLI" escalate "$EX" --severity P2 --at 2026-12-04T16:30 --json
json_field "P2 due Monday 10:30" 'd["respond_due"]' '"2026-12-07T10:30:00-05:00"'
json_field "P2 pages primary then secondary" '[e["minute"] for e in d["events"]]' '[0, 5]'
expect "P2 on Thanksgiving" 0 "" -- "$CLI" escalate "$ESC/team.json" --severity P2 --at 2026-11-26T10:00 --json
json_field "P2 delivered Friday 09:00" 'd["events"][0]["at"]' '"2026-11-27T09:00:00-05:00"'
json_field "P2 on a holiday due Friday 11:00" 'd["respond_due"]' '"2026-11-27T11:00:00-05:00"'

# --- daylight saving ends in New York
expect "P0 across the clock change" 0 "" -- "$CLI" escalate "$ESC/team.json" --severity P0 --at 2026-11-01T00:30 --json
json_field "offsets change mid-timeline" '[e["at"][11:] for e in d["events"]]' \
  '["00:30:00-04:00", "00:35:00-04:00", "01:00:00-04:00", "01:30:00-04:00", "01:00:00-05:00"]'

# --- skips, security, acks, resolution
expect "P0 primary on PTO" 0 "" -- "$CLI" escalate "$ESC/team.json" --severity P0 --at 2026-11-10T12:00 --json
json_field "skip then the secondary at once" '[[e["minute"], e["type"], e["level"], e["person"], e["reason"]] for e in d["events"][:2]]' \
  '[[0, "skip", "primary", "alice", "alice has time off (PTO)"], [0, "page", "secondary", "carol", "primary skipped"]]'
expect "P0 without a lead" 0 "" -- "$CLI" escalate "$ESC/nolead.json" --severity P0 --at 2026-11-03T03:00 --json
json_field "nobody assigned: person null" 'd["events"][2]' \
  '{"minute": 30, "at": "2026-11-03T03:30:00+01:00", "type": "skip", "level": "escalation", "person": null, "reason": "no escalation contact assigned"}'
expect "security incident" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --security --json
json_field "security: keys in order" 'list(d.keys())' \
  '["severity", "opened", "respond_due", "events", "acknowledged_minute", "resolved_minute", "highest_level", "security_contact"]'
json_field "security: the escalation contact at delivery" 'd["events"][1]["reason"] + " " + d["events"][1]["person"]' '"security incident dana"'
json_field "security contact named" 'd["security_contact"]' '"security@example.com"'
expect "acks and resolve" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack primary@3 --ack secondary@12 --resolve 45 --json
json_field "primary@3 secondary@12 resolve 45" '[[e["minute"], e["type"], e["level"]] for e in d["events"]]' \
  '[[0, "page", "primary"], [3, "ack", "primary"], [30, "page", "secondary"], [45, "resolve", null]]'
json_field "acknowledged and resolved minutes" '[d["acknowledged_minute"], d["resolved_minute"], d["highest_level"]]' '[3, 45, "secondary"]'
expect "late primary ack" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack primary@6 --json
json_field "late ack after the secondary page" '[[e["minute"], e["type"], e["level"]] for e in d["events"][:3]]' \
  '[[0, "page", "primary"], [5, "page", "secondary"], [6, "ack", "primary"]]'
expect "ack by an unpaged level" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack cto@10 --json
json_field "ignored ack" '[d["acknowledged_minute"], len(d["events"])]' '[null, 5]'
expect "resolve at an escalation minute" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --resolve 60 --json
json_field "no cto page at 60" '[[e["minute"], e["type"]] for e in d["events"]]' \
  '[[0, "page"], [5, "page"], [30, "page"], [60, "resolve"]]'

# --- human output
expect "text timeline" 0 "" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00
grep -Eq '^minute +at +event +level +person +reason$' "$TMP/out" && ok "text table header" || bad "text table header" "$(head -6 "$TMP/out")"
grep -q "highest level paged: ceo" "$TMP/out" && ok "text summary" || bad "text summary" "$(tail -3 "$TMP/out")"

# --- bad input: exit 2, one line
expect "no --severity" 2 "--severity is required" -- "$CLI" escalate "$EX" --at 2026-12-05T02:00
expect "no --at" 2 "--at is required" -- "$CLI" escalate "$EX" --severity P0
expect "unknown severity" 2 "--severity P9 is not known" -- "$CLI" escalate "$EX" --severity P9 --at 2026-12-05T02:00
expect "malformed --at" 2 "--at 2026-12-05 02:00 is not a date-time" -- "$CLI" escalate "$EX" --severity P0 --at "2026-12-05 02:00"
expect "impossible --at" 2 "--at 2026-02-30T02:00 is not a date-time" -- "$CLI" escalate "$EX" --severity P0 --at 2026-02-30T02:00
expect "--at before the plan" 2 "--at 2026-11-30T08:59: .*outside the plan's weeks" -- "$CLI" escalate "$EX" --severity P0 --at 2026-11-30T08:59
expect "--at after the plan" 2 "outside the plan's weeks" -- "$CLI" escalate "$EX" --severity P0 --at 2027-06-01T12:00
expect "--ack unknown level" 2 "--ack 'boss@3': the level must be" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack boss@3
expect "--ack without minute" 2 "--ack 'primary' is not LEVEL@MINUTE" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack primary
expect "--ack negative" 2 "--ack 'primary@-3'" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack primary@-3
expect "--resolve not a number" 2 "--resolve soon is not a whole number" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --resolve soon
expect "--resolve negative" 2 "--resolve -5 is not a whole number" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --resolve -5
expect "--ack needs a value" 2 "--ack needs a value" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --ack
expect "unknown option" 2 "unknown option --bogus" -- "$CLI" escalate "$EX" --severity P0 --at 2026-12-05T02:00 --bogus
expect "missing plan file" 2 "nope.json: cannot open" -- "$CLI" escalate "$TMP/nope.json" --severity P0 --at 2026-12-05T02:00
expect "no plan" 2 "wrong number of arguments" -- "$CLI" escalate --severity P0 --at 2026-12-05T02:00

# --- gaps
expect "gaps of the example exit 1" 1 "" -- "$CLI" gaps "$EX" --json
json_field "example gaps" '[d["count"]] + [[g["severity"], g["week"], g["kind"]] for g in d["gaps"]]' \
  '[2, ["P2", "2026-12-21", "outside-weeks"], ["P3", "2026-12-21", "outside-weeks"]]'
json_field "gap keys in order" 'list(d["gaps"][0].keys()) + list(d.keys())' \
  '["at", "severity", "week", "level", "person", "kind", "message", "gaps", "count"]'
expect "gaps with time off" 1 "" -- "$CLI" gaps "$ESC/team.json" --json
json_field "time-off gaps" '[[g["severity"], g["level"], g["person"], g["kind"]] for g in d["gaps"] if g["kind"] == "time-off"]' \
  '[["P2", "primary", "alice", "time-off"], ["P3", "primary", "alice", "time-off"], ["P0", "primary", "alice", "time-off"], ["P1", "primary", "alice", "time-off"], ["P0", "escalation", "dana", "time-off"], ["P1", "escalation", "dana", "time-off"]]'
expect "gaps text" 1 "" -- "$CLI" gaps "$ESC/nolead.json"
grep -q "no-contact" "$TMP/out" && grep -Eq '^[0-9]+ coverage gaps$' "$TMP/out" && ok "gaps text lists no-contact" || bad "gaps text lists no-contact" "$(tail -3 "$TMP/out")"
python3 - "$EX" "$TMP/clean.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["time_off"] = []; p["overrides"] = []; p["requests"] = []
p["policy"]["handoff"] = {"weekday": "friday", "time": "17:00"}
p["weeks"] = [{"start": s, "primary": a, "secondary": b} for s, a, b in
              [("2026-11-27", "alice", "bob"), ("2026-12-04", "carol", "dev"), ("2026-12-11", "bob", "alice")]]
json.dump(p, open(sys.argv[2], "w"))
PY
expect "gaps of a clean plan exit 0" 0 "" -- "$CLI" gaps "$TMP/clean.json" --json
json_field "no gaps" 'd' '{"gaps": [], "count": 0}'
expect "gaps: bad plan" 2 "nope.json: cannot open" -- "$CLI" gaps "$TMP/nope.json"
expect "gaps: unknown option" 2 "unknown option --bogus" -- "$CLI" gaps "$EX" --bogus

# --- a 520-week plan: the scan is well under a second
python3 - "$TMP/big.json" <<'PY'
import json, sys, datetime
people = [{"id": f"p{i}", "name": f"Person {i}"} for i in range(8)]
start = datetime.date(2026, 11, 30)
weeks, off = [], []
for w in range(520):
    d = start + datetime.timedelta(days=7 * w)
    weeks.append({"start": d.isoformat(), "primary": f"p{w % 5}", "secondary": f"p{(w + 2) % 5}"})
    if w % 10 == 3:
        off.append({"person": f"p{w % 5}", "from": (d + datetime.timedelta(days=2)).isoformat(),
                    "to": (d + datetime.timedelta(days=3)).isoformat(), "reason": "PTO"})
plan = {"rotaplan": 1, "team": {"name": "Big", "timezone": "America/New_York"},
        "people": people, "contacts": {"engineering_lead": "p7", "cto": "p6", "ceo": "p5"},
        "time_off": off, "weeks": weeks}
json.dump(plan, open(sys.argv[1], "w"))
PY
# (its speed is a scripts/bench row, gaps_520w_ms, not a timed test)
expect "520-week gap scan finds gaps (exit 1)" 1 "" -- "$CLI" gaps "$TMP/big.json" --json
json_field "520-week gap scan lists gaps" "len(d['gaps']) > 0" "true"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
