#!/usr/bin/env bash
# Issue 13 on the command line: outputs written safely (-o to a temporary file renamed
# over the target; a full disk, /dev/full, a file-size limit), standard output errors,
# the standard-input cap, error lines naming the file, NUL bytes, zones, the incident cap.
# usage: tests/cli/hardening.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
TMP=$(mktemp -d); MNT=""
cleanup() { [ -n "$MNT" ] && umount "$MNT" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
passed=0; failed=0
source "$HERE/lib.bash"
PLAN="$DATA/example.json"

# Files in a folder other than the ones named (a temporary file left behind).
leftovers() { find "$1" -mindepth 1 -maxdepth 1 ! -name "$2" ! -name out ! -name err | wc -l; }

# ---- 1: -o never destroys the old file ---------------------------------------------
mkdir "$TMP/o"
cp "$PLAN" "$TMP/o/plan.json"; chmod 640 "$TMP/o/plan.json"
# A file-size limit of 1 KiB: the drafted plan (several KiB) cannot be written.
expect "draft -o over a file-size limit: exit 2, one line" 2 \
  "^rotaplan draft: .*/o/plan.json: cannot write the file \(File too large\); .*/o/plan.json was left as it was$" -- \
  bash -c "ulimit -f 1; exec \"$CLI\" draft \"$TMP/o/plan.json\" -o \"$TMP/o/plan.json\""
same_file "draft -o over a file-size limit: the plan is as it was" "$TMP/o/plan.json" "$PLAN"
[ "$(leftovers "$TMP/o" plan.json)" -eq 0 ] && ok "draft -o over a file-size limit: no temporary file left" \
  || bad "draft -o over a file-size limit: no temporary file left" "$(ls -a "$TMP/o")"
expect "export -o over a file-size limit" 2 "team.ics: cannot write the file \(File too large\); nothing was written$" -- \
  bash -c "ulimit -f 1; exec \"$CLI\" export \"$PLAN\" --format ics --stamp 2026-11-27T00:00:00Z -o \"$TMP/o/team.ics\""
[ ! -e "$TMP/o/team.ics" ] && [ "$(leftovers "$TMP/o" plan.json)" -eq 0 ] && ok "export -o failed: no file, no temporary file" \
  || bad "export -o failed: no file, no temporary file" "$(ls -a "$TMP/o")"

# Success: the target replaced whole, its mode kept, nothing else left.
expect "draft -o onto its own input" 0 "" -- "$CLI" draft "$TMP/o/plan.json" -o "$TMP/o/plan.json"
"$CLI" draft "$PLAN" >"$TMP/drafted.json"
same_file "draft -o: the file holds the drafted plan" "$TMP/o/plan.json" "$TMP/drafted.json"
[ "$(stat -c %a "$TMP/o/plan.json")" = 640 ] && ok "draft -o keeps the file's mode" || bad "draft -o keeps the file's mode" "$(stat -c %a "$TMP/o/plan.json")"
[ "$(leftovers "$TMP/o" plan.json)" -eq 0 ] && ok "draft -o: no temporary file left" || bad "draft -o: no temporary file left" "$(ls -a "$TMP/o")"
# A symbolic link: the file it names is written, the link stays a link.
ln -s plan.json "$TMP/o/link.json"
expect "export -o through a symbolic link" 0 "" -- "$CLI" export "$PLAN" --format csv -o "$TMP/o/link.json"
[ -L "$TMP/o/link.json" ] && head -1 "$TMP/o/plan.json" | grep -q '^week,role' && ok "the link stays, its file holds the export" \
  || bad "the link stays, its file holds the export" "$(ls -la "$TMP/o")"
rm "$TMP/o/link.json"
expect "-o into a missing folder" 2 "nowhere/x.csv: cannot write the file \(cannot create a temporary file in .*/nowhere: No such file or directory\); nothing was written$" -- \
  "$CLI" export "$PLAN" --format csv -o "$TMP/nowhere/x.csv"
expect "-o naming a folder" 2 "/o: is a folder; give a file name to write$" -- "$CLI" export "$PLAN" --format csv -o "$TMP/o"

# A full disk (a 64 KiB tmpfs, filled up; needs root, skipped elsewhere).
if [ "$(id -u)" = 0 ] && mkdir "$TMP/small" && mount -t tmpfs -o size=64k tmpfs "$TMP/small" 2>/dev/null; then
  MNT="$TMP/small"
  cp "$PLAN" "$MNT/plan.json"
  head -c 1000000 /dev/zero >"$MNT/filler" 2>/dev/null
  expect "draft -o on a full disk: exit 2, one line" 2 "small/plan.json: cannot write the file \(No space left on device\); .*small/plan.json was left as it was$" -- \
    "$CLI" draft "$MNT/plan.json" -o "$MNT/plan.json"
  same_file "draft -o on a full disk: the plan is as it was" "$MNT/plan.json" "$PLAN"
  [ "$(ls -A "$MNT" | sort | tr '\n' ' ')" = "filler plan.json " ] && ok "full disk: no temporary file left" || bad "full disk: no temporary file left" "$(ls -A "$MNT")"
else
  ok "full-disk check skipped (no tmpfs mount here)"
fi

# ---- 2: write errors reach the exit status -------------------------------------------
for c in "check $PLAN" "check $PLAN --json" "export $PLAN --format json" "export $PLAN --format md" \
         "draft $PLAN" "gaps $PLAN" "incidents $PLAN --seed 1 --count 50" "handoff $PLAN --week 2026-12-07" "--help" "check --help"; do
  expect "$c > /dev/full: exit 2, one line" 2 "^rotaplan [a-z-]+: standard output: cannot write \(No space left on device\)$" -- \
    bash -c "exec \"$CLI\" $c >/dev/full"
done
expect "check > /dev/full keeps exit 2 over the check's own 0/1" 2 "standard output" -- bash -c "exec \"$CLI\" check \"$DATA/rules/rules-faults.json\" >/dev/full"
expect "pay -o /dev/full" 2 "^rotaplan pay: /dev/full: cannot write \(No space left on device\); the output is incomplete$" -- \
  "$CLI" pay "$DATA/incidents/team.json" -o /dev/full
expect "export -o /dev/full" 2 "/dev/full: cannot write" -- "$CLI" export "$PLAN" --format csv -o /dev/full
expect "export -o /dev/stdout is written in place" 0 "" -- bash -c "exec \"$CLI\" export \"$PLAN\" --format csv -o /dev/stdout"
head -1 "$TMP/out" | grep -q '^week,role' && ok "-o /dev/stdout: the export on standard output" || bad "-o /dev/stdout" "$(head -2 "$TMP/out")"
expect "closed standard output" 2 "standard output: cannot write \(Bad file descriptor\)" -- bash -c "exec \"$CLI\" check \"$PLAN\" >&-"

# ---- 7: standard input stops at 50 MiB + 1 byte ---------------------------------------
expect "endless standard input is cut off at the limit" 2 "^rotaplan check: <stdin>: more than 50 MiB \(52428800 bytes\) to read; Rotaplan reads files up to 50 MiB \(52428800 bytes\)$" -- \
  timeout 60 bash -c "yes '                                                               ' | \"$CLI\" check -"
head -c 52428800 /dev/zero | tr '\0' ' ' >"$TMP/limit.txt"
expect "exactly 50 MiB on standard input is read (and is not JSON)" 2 "^rotaplan check: <stdin>: \(line 1, column 52428801\): not valid JSON" -- \
  bash -c "\"$CLI\" check - <\"$TMP/limit.txt\""
printf ' ' >>"$TMP/limit.txt"
expect "50 MiB + 1 byte in a file" 2 "limit.txt: the file is 52428801 bytes; Rotaplan reads files up to 50 MiB \(52428800 bytes\)$" -- "$CLI" check "$TMP/limit.txt"
expect "50 MiB + 1 byte through a pipe named as a file" 2 "^rotaplan check: /dev/fd/[0-9]+: more than 50 MiB" -- \
  bash -c "\"$CLI\" check <(cat \"$TMP/limit.txt\")"
rm -f "$TMP/limit.txt"

# ---- 13: error lines name the file and the place in words -------------------------------
expect "a folder as PLAN" 2 "^rotaplan check: $TMP: is a folder, not a file$" -- "$CLI" check "$TMP"
expect "a folder on standard input" 2 "^rotaplan check: <stdin>: is a folder, not a file$" -- bash -c "\"$CLI\" check - < \"$TMP\""
expect "unreadable file" 2 "^rotaplan check: .*: cannot open the file \(No such file or directory\)$" -- "$CLI" check "$TMP/none.json"
printf '[\n  {"at": "2026-12-05T02:00", "severity": "P0", "resolve": 1e999}\n]\n' >"$TMP/overflow.json"
expect "a number overflow in an incident list: the place, no internal error" 2 \
  "^rotaplan pay: .*overflow.json: \(line 2, column 59\): not JSON: number overflow parsing '1e999'$" -- \
  "$CLI" pay "$DATA/incidents/team.json" --incidents "$TMP/overflow.json"
grep -q "internal error\|json.exception\|bad_alloc" "$TMP/err" && bad "no internal error text" "$(cat "$TMP/err")" || ok "no internal error text"

expect "out of memory names the file, no std::bad_alloc" 2 \
  "^rotaplan incidents: .*team.json: out of memory: this needs more memory than is available$" -- \
  bash -c "ulimit -v 120000; exec \"$CLI\" incidents \"$DATA/incidents/team.json\" --seed 1 --count 10000000"

# ---- 4: a NUL byte ---------------------------------------------------------------------
{ cat "$PLAN"; printf '\0{"rotaplan": 9}'; } >"$TMP/nul.json"
expect "plan + NUL + garbage is refused with the place" 2 "nul.json: \(line [0-9]+, column 1\): not valid JSON: a NUL byte \(byte [0-9]+ of the file\)" -- \
  "$CLI" check "$TMP/nul.json"
expect "the same on standard input" 2 "<stdin>: \(line [0-9]+, column 1\): not valid JSON: a NUL byte" -- bash -c "\"$CLI\" check - <\"$TMP/nul.json\""

# ---- 10: zones ---------------------------------------------------------------------------
zone_plan() { python3 - "$PLAN" "$1" >"$TMP/zone.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["team"]["timezone"] = sys.argv[2]; print(json.dumps(p))
PY
}
for z in US/Eastern Asia/Calcutta GMT UTC EST; do
  zone_plan "$z"
  expect "team zone $z is read" 0 "" -- "$CLI" check "$TMP/zone.json"
done
zone_plan localtime
expect "team zone localtime is refused" 2 "zone.json: /team/timezone \(line 1, column [0-9]+\): expected an IANA time zone name such as \"America/New_York\" \(\"localtime\" is each machine's own zone\), found \"localtime\"" -- \
  "$CLI" check "$TMP/zone.json"
for z in EST US/Eastern; do
  zone_plan "$z"
  expect "ics for team zone $z" 0 "" -- "$CLI" export "$TMP/zone.json" --format ics --stamp 2026-11-27T00:00:00Z
  grep -q $'^TZID:America/New_York\r$' "$TMP/out" && ! grep -q "TZID:$z"$'\r' "$TMP/out" && ok "ics for $z says TZID:America/New_York" \
    || bad "ics for $z says TZID:America/New_York" "$(grep TZID "$TMP/out" | head -3)"
done

# ---- 8: the incident cap, however it is asked -----------------------------------------
python3 - "$DATA/incidents/team.json" >"$TMP/long.json" <<'PY'
import json, sys, datetime
p = json.load(open(sys.argv[1]))
start = datetime.date.fromisoformat(p["weeks"][0]["start"])
p["weeks"] = [{"start": (start + datetime.timedelta(days=7 * i)).isoformat()} for i in range(5000)]
print(json.dumps(p))
PY
expect "incidents --rate 10000 over 5000 weeks is refused at once, naming --rate" 2 \
  "^rotaplan incidents: .*long.json: --rate: 10000 incidents per week over the plan's 5000 weeks would be about 50000000 incidents; at most 10000000 are simulated \(lower the rate, or give a count\)$" -- \
  timeout 20 "$CLI" incidents "$TMP/long.json" --seed 1 --rate 10000
expect "pay --rate 10000 likewise" 2 "^rotaplan pay: .*long.json: --rate: 10000 incidents per week" -- \
  timeout 20 "$CLI" pay "$TMP/long.json" --seed 1 --rate 10000
expect "--count over the cap" 2 "^rotaplan incidents: --count 10000001 is not a whole number from 0 to 10000000$" -- \
  "$CLI" incidents "$TMP/long.json" --seed 1 --count 10000001

# ---- 6: nested overrides do not hang (100,000 of them, a 9 MB plan: minutes before the sweep) ----
python3 - >"$TMP/nested.json" <<'PY'
import json, datetime
start = datetime.datetime(2026, 1, 5, 9, 0)
people = [{"id": "p%d" % i, "name": "Person %d" % i} for i in range(8)]
weeks = [{"start": (start + datetime.timedelta(days=7 * w)).strftime("%Y-%m-%d"),
          "primary": "p%d" % (2 * w % 8), "secondary": "p%d" % ((2 * w + 1) % 8)} for w in range(4)]
end = start + datetime.timedelta(days=28)
fmt = "%Y-%m-%dT%H:%M:%S"
overrides = [{"role": "primary" if i % 2 == 0 else "secondary", "person": "p%d" % (i % 8),
              "from": (start + datetime.timedelta(seconds=60 + 5 * i)).strftime(fmt),
              "to": (end - datetime.timedelta(seconds=60 + 5 * i)).strftime(fmt)} for i in range(100000)]
print(json.dumps({"rotaplan": 1, "team": {"name": "Nested", "timezone": "America/New_York"}, "people": people,
                  "contacts": {"engineering_lead": "p0"}, "weeks": weeks, "overrides": overrides}))
PY
expect "check: 100,000 nested overrides finish" 0 "" -- timeout 120 "$CLI" check "$TMP/nested.json"
grep -q "errors" "$TMP/out" && ok "check: the report is printed" || bad "check: the report is printed" "$(tail -2 "$TMP/out")"
expect "gaps: 100,000 nested overrides finish" 1 "" -- timeout 120 "$CLI" gaps "$TMP/nested.json"
expect "export ics: 100,000 nested overrides finish" 0 "" -- timeout 120 "$CLI" export "$TMP/nested.json" --format ics --stamp 2026-01-01T00:00:00Z
[ "$(grep -c '^BEGIN:VEVENT' "$TMP/out")" -eq 200008 ] && ok "export ics: 200,008 events (per role: two pieces per override, the innermost in 4 weeks, 2 base pieces)" \
  || bad "export ics: event count" "$(grep -c '^BEGIN:VEVENT' "$TMP/out")"
expect "escalate: 100,000 nested overrides finish" 0 "" -- timeout 120 "$CLI" escalate "$TMP/nested.json" --severity P0 --at 2026-01-10T12:00

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
