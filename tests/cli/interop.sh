#!/usr/bin/env bash
# CLI behaviour of `rotaplan export --format pagerduty|opsgenie|grafana-oncall|goalert`
# and `rotaplan import` (docs/interop.md): exit codes, one-line errors naming the file and
# the place, byte-stable documents, the loss report and its summary on standard error.
# usage: tests/cli/interop.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
strict_stderr=1
source "$HERE/lib.bash"
EX="$DATA/example.json"

# ---- help and usage ------------------------------------------------------------------
expect "import --help" 0 "" -- "$CLI" import --help
grep -q "usage: rotaplan import --from pagerduty|opsgenie|grafana-oncall|goalert|ics --primary FILE" "$TMP/out" \
  && ok "import --help text" || bad "import --help text" "$(head -2 "$TMP/out")"
expect "export --help" 0 "" -- "$CLI" export --help
grep -q -- "--users FILE" "$TMP/out" && grep -q "grafana-oncall" "$TMP/out" && ok "export --help names the vendors" || bad "export --help names the vendors"
expect "top-level usage" 0 "" -- "$CLI" --help
grep -q "import --from" "$TMP/out" && grep -q "format pagerduty|opsgenie|grafana-oncall|goalert" "$TMP/out" \
  && ok "usage names import and the vendor exports" || bad "usage names import and the vendor exports"

# ---- export ----------------------------------------------------------------------------
for f in pagerduty opsgenie grafana-oncall goalert; do
  expect "export $f" 0 "" -- "$CLI" export "$EX" --format "$f"
  cp "$TMP/out" "$TMP/$f.1"
  "$CLI" export "$EX" --format "$f" >"$TMP/$f.2" 2>/dev/null
  same_file "export $f is byte-stable" "$TMP/$f.1" "$TMP/$f.2"
  "$CLI" export "$EX" --format "$f" -o "$TMP/$f.o" 2>/dev/null
  same_file "export $f -o FILE" "$TMP/$f.1" "$TMP/$f.o"
done
cp "$TMP/pagerduty.1" "$TMP/out"
json_field "pagerduty document kind" "d['rotaplan_pagerduty']" "1"
json_field "pagerduty roles" "[s['role'] for s in d['schedules']]" '["primary", "secondary", "shadow"]'
json_field "pagerduty primary layer users" "[u['user']['id'] for u in d['schedules'][0]['body']['schedule']['schedule_layers'][0]['users']]" '["alice", "carol", "bob", "dev"]'
json_field "pagerduty carol's override" "d['schedules'][0]['overrides']['overrides']" \
  '[{"start": "2026-12-02T18:00:00-05:00", "end": "2026-12-03T09:00:00-05:00", "user": {"id": "carol", "type": "user_reference"}}]'
json_field "pagerduty losses name the unmapped people" "sorted(l['person'] for l in d['losses'] if l['kind'] == 'unmapped-person')" \
  '["alice", "bob", "carol", "dana", "dev", "erin", "frank", "gina"]'
json_field "pagerduty loss for erin's week" "[l['week'] for l in d['losses'] if l['kind'] == 'unsupported' and l['person'] == 'erin']" '["2026-12-14"]'
cp "$TMP/opsgenie.1" "$TMP/out"
json_field "opsgenie needs no map for e-mails" "[l['person'] for l in d['losses'] if l['kind'] == 'unmapped-person']" \
  '["bob", "carol", "dana", "dev", "erin", "frank", "gina"]'

# --users: a vendor's user list, matched by e-mail
cat >"$TMP/pd-users.json" <<'EOF'
{"users": [{"id": "PALICE", "email": "Alice@Example.com", "name": "Alice Ng"}]}
EOF
expect "export --users" 0 "" -- "$CLI" export "$EX" --format pagerduty --users "$TMP/pd-users.json"
json_field "--users maps alice" "d['schedules'][0]['body']['schedule']['schedule_layers'][0]['users'][0]['user']['id']" '"PALICE"'
json_field "--users: alice is no longer a loss" "'alice' in [l['person'] for l in d['losses']]" "false"
printf '{"alice": 7}' >"$TMP/bad-users.json"
expect "bad --users names the pointer" 2 "^rotaplan export: .*bad-users.json: /alice \(line 1, column 11\): expected the vendor user id of \"alice\" as a string, found 7$" \
  -- "$CLI" export "$EX" --format goalert --users "$TMP/bad-users.json"
printf '{"users": [' >"$TMP/broken-users.json"
expect "broken --users" 2 "broken-users.json: \(line 1, column [0-9]+\): not valid JSON" -- "$CLI" export "$EX" --format opsgenie --users "$TMP/broken-users.json"
expect "missing --users file" 2 "nope.json: cannot open the file" -- "$CLI" export "$EX" --format pagerduty --users "$TMP/nope.json"
expect "--users only for vendor formats" 2 "--users applies to --format pagerduty, opsgenie, grafana-oncall and goalert only" \
  -- "$CLI" export "$EX" --format json --users "$TMP/pd-users.json"
expect "unknown format" 2 "--format ics2 is not known: expected json, ics, csv, md, pagerduty, opsgenie, grafana-oncall or goalert" \
  -- "$CLI" export "$EX" --format ics2
expect "ics is no vendor export" 2 "--users applies to --format pagerduty" -- "$CLI" export "$EX" --format ics --users "$TMP/pd-users.json"

# ---- import ----------------------------------------------------------------------------
# A PagerDuty rendering of the example (each role's resolved shifts, as GET /schedules/{id} gives them).
"$CLI" export "$EX" --format json >"$TMP/ex.json"
python3 - "$TMP/ex.json" "$TMP" <<'PY'
import json, sys
ex = json.load(open(sys.argv[1])); out = sys.argv[2]
people = {p['id']: p for p in ex['people']}
for role in ['primary', 'secondary', 'shadow']:
    entries = []
    for s in ex['shifts']:
        if s['role'] != role: continue
        user = {'id': 'P' + s['person'].upper(), 'type': 'user_reference', 'summary': people[s['person']]['name']}
        if entries and entries[-1]['user']['id'] == user['id'] and entries[-1]['end'] == s['start']:
            entries[-1]['end'] = s['end']; continue
        entries.append({'start': s['start'], 'end': s['end'], 'user': user})
    users = [{'id': 'P' + p.upper(), 'summary': q['name'], 'email': q.get('email', p + '@example.com')} for p, q in people.items()]
    json.dump({'schedule': {'id': 'S', 'name': 'Platform ' + role, 'time_zone': 'America/New_York', 'users': users,
               'final_schedule': {'name': 'Final Schedule', 'rendered_schedule_entries': entries}}},
              open(f'{out}/pd-{role}.json', 'w'), indent=1)
PY
expect "import pagerduty" 0 "^rotaplan import: hole: 2 \(first: Nobody is on call for shadow from 2026-11-30 09:00 to 2026-12-07 09:00 \(America/New_York\)\.\)$" \
  -- "$CLI" import --from pagerduty --primary "$TMP/pd-primary.json" --secondary "$TMP/pd-secondary.json" \
     --shadow "$TMP/pd-shadow.json" --report "$TMP/report.json" -o "$TMP/imported.json"
[ ! -s "$TMP/out" ] && ok "import -o writes nothing to standard output" || bad "import -o writes nothing to standard output"
cp "$TMP/imported.json" "$TMP/out"
json_field "imported weeks" "[(w['start'], w.get('primary'), w.get('secondary'), w.get('shadow')) for w in d['weeks']]" \
  '[["2026-11-30", "alice", "bob", null], ["2026-12-07", "carol", "dev", "gina"], ["2026-12-14", "bob", "alice", null], ["2026-12-21", "dev", "alice", null]]'
json_field "imported override" "d['overrides']" '[{"role": "primary", "person": "carol", "from": "2026-12-02T18:00", "to": "2026-12-03T09:00"}]'
json_field "imported zone and handoff" "[d['team'], d['policy']['handoff']]" \
  '[{"name": "Platform", "timezone": "America/New_York"}, {"weekday": "monday", "time": "09:00"}]'
json_field "imported people" "[(p['id'], p['name'], p.get('trainee', False)) for p in d['people']]" \
  '[["alice", "Alice Ng", false], ["bob", "Bob Osei", false], ["carol", "Carol Diaz", false], ["dev", "Dev Rao", false], ["gina", "Gina Park", true]]'
cp "$TMP/report.json" "$TMP/out"
json_field "the report file" "[(l['kind'], l['role'], l['week']) for l in d]" '[["hole", "shadow", "2026-11-30"], ["hole", "shadow", "2026-12-14"]]'
# The imported plan's resolved shifts are the example's, instant by instant.
"$CLI" export "$TMP/imported.json" --format json >"$TMP/back.json"
pycheck "import reproduces the resolved shifts" "$TMP/ex.json" "$TMP/back.json" <<'PY'
import json, sys
a, b = (json.load(open(p))['shifts'] for p in sys.argv[1:3])
key = lambda s: (s['role'], s['start'], s['end'], s['person'])
assert sorted(map(key, a)) == sorted(map(key, b)), (a, b)
PY
expect "imported plan reads" 1 "" -- "$CLI" check "$TMP/imported.json"
# Without --secondary and from standard input; deterministic.
expect "import from standard input" 0 "" -- bash -c "\"$CLI\" import --from pagerduty --primary - <\"$TMP/pd-primary.json\""
cp "$TMP/out" "$TMP/stdin.1"
"$CLI" import --from pagerduty --primary - <"$TMP/pd-primary.json" >"$TMP/stdin.2" 2>/dev/null
same_file "import is byte-stable" "$TMP/stdin.1" "$TMP/stdin.2"
expect "import --handoff and --timezone" 0 "^rotaplan import: hole: 2 \(first: Nobody is on call for primary from 2026-11-24 08:30 to 2026-11-30 15:00 \(Europe/Berlin\)" -- "$CLI" import --from pagerduty --primary "$TMP/pd-primary.json" --handoff tuesday@08:30 --timezone Europe/Berlin
json_field "the given handoff and zone" "[d['team']['timezone'], d['policy']['handoff']]" '["Europe/Berlin", {"weekday": "tuesday", "time": "08:30"}]'

# ---- import errors: exit 2, one line naming the file and the place -----------------
expect "import needs --from" 2 "^rotaplan import: --from is required" -- "$CLI" import --primary "$TMP/pd-primary.json"
expect "import unknown --from" 2 "--from servicenow is not known: expected pagerduty, opsgenie, grafana-oncall, goalert or ics" \
  -- "$CLI" import --from servicenow --primary "$TMP/pd-primary.json"
expect "import needs --primary" 2 "--primary FILE is required" -- "$CLI" import --from goalert
expect "import bad --handoff" 2 "--handoff monday 09:00: expected WEEKDAY@HH:MM such as monday@09:00" \
  -- "$CLI" import --from pagerduty --primary "$TMP/pd-primary.json" --handoff "monday 09:00"
expect "import unknown --timezone" 2 "^rotaplan import: --timezone: unknown time zone \"Mars/Olympus\"" \
  -- "$CLI" import --from pagerduty --primary "$TMP/pd-primary.json" --timezone Mars/Olympus
expect "import missing file" 2 "nope.json: cannot open the file" -- "$CLI" import --from pagerduty --primary "$TMP/nope.json"
expect "import positional argument" 2 "unknown option|wrong number of arguments" -- "$CLI" import --from pagerduty "$TMP/pd-primary.json"
printf '{"schedule": {"final_schedule": {"rendered_schedule_entries": [' >"$TMP/cut.json"
expect "import truncated JSON" 2 "^rotaplan import: .*cut.json: \(line 1, column [0-9]+\): not valid JSON" \
  -- "$CLI" import --from pagerduty --primary "$TMP/cut.json"
printf '{"results": []}' >"$TMP/grafana.json"
expect "import the wrong vendor's file" 2 "grafana.json: \(line 1, column 1\): not a PagerDuty schedule" \
  -- "$CLI" import --from pagerduty --primary "$TMP/grafana.json"
cat >"$TMP/backwards.json" <<'EOF'
{"results": [
  {"user_pk": "U1", "user_email": "a@example.com", "shift_start": "2026-01-05T09:00:00Z", "shift_end": "2026-01-12T09:00:00Z"},
  {"user_pk": "U2", "user_email": "b@example.com", "shift_start": "2026-01-12T09:00:00Z", "shift_end": "2026-01-11T09:00:00Z"}
]}
EOF
expect "import end before start" 2 "backwards.json: /results/1/shift_end \(line 3, column [0-9]+\): the entry ends \(2026-01-11T09:00:00\+00:00\) before it starts \(2026-01-12T09:00:00\+00:00\)$" \
  -- "$CLI" import --from grafana-oncall --primary "$TMP/backwards.json"
printf '{"data": {"schedule": {"timeZone": "Atlantis/Capital", "shifts": []}}}' >"$TMP/zone.json"
expect "import unknown schedule zone" 2 "zone.json: /data/schedule/timeZone \(line 1, column 36\): unknown time zone \"Atlantis/Capital\"" \
  -- "$CLI" import --from goalert --primary "$TMP/zone.json"
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Mars/Base:20260105T090000\r\nSUMMARY:alice\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$TMP/bad.ics"
expect "import bad ICS names the line" 2 "bad.ics: line 3: unknown TZID \"Mars/Base\" in DTSTART" -- "$CLI" import --from ics --primary "$TMP/bad.ics"
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:alice\r\n' >"$TMP/open.ics"
expect "import unfinished ICS" 2 "open.ics: line 2: BEGIN:VEVENT without its END:VEVENT" -- "$CLI" import --from ics --primary "$TMP/open.ics"
printf '{"oncalls": [{"user": {"id": "P1"}, "schedule": {"id": "S1"}, "start": "2026-01-05T09:00:00Z", "end": "soon"}]}' >"$TMP/oncalls.json"
expect "import bad date-time" 2 "oncalls.json: /oncalls/0/end \(line 1, column 103\): expected a date-time with an offset" \
  -- "$CLI" import --from pagerduty --primary "$TMP/oncalls.json"
[ ! -e "$TMP/none.json" ] && "$CLI" import --from pagerduty --primary "$TMP/oncalls.json" -o "$TMP/none.json" 2>/dev/null
[ ! -e "$TMP/none.json" ] && ok "a refused import writes no plan" || bad "a refused import writes no plan"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
