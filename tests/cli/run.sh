#!/usr/bin/env bash
# CLI behaviour: exit codes, one-line errors naming the place, exact reports.
# usage: tests/cli/run.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
source "$HERE/lib.bash"


expect "--version prints the version" 0 "" -- "$CLI" --version
grep -Eq '^rotaplan [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" && ok "--version format" || bad "--version format" "$(cat "$TMP/out")"
expect "no command is a usage error" 2 "" -- "$CLI"
expect "unknown command" 2 "unknown command" -- "$CLI" frobnicate
expect "check --help" 0 "" -- "$CLI" check --help
expect "export --help" 0 "" -- "$CLI" export --help
expect "missing file" 2 "nope.json: cannot open" -- "$CLI" check "$TMP/nope.json"
expect "unknown option" 2 "unknown option --bogus" -- "$CLI" check "$DATA/example.json" --bogus

# the spec example: exit 0 with warnings; report exactly as rules.md shows it
expect "check example exits 0" 0 "" -- "$CLI" check "$DATA/example.json" --json
if diff <(python3 -m json.tool --sort-keys "$TMP/out") <(python3 -m json.tool --sort-keys "$HERE/expected/example-check.json") >"$TMP/diff"; then
  ok "check example report equals rules.md"
else bad "check example report equals rules.md" "$(head -20 "$TMP/diff")"; fi
expect "check from standard input" 0 "" -- bash -c "\"$CLI\" check - --json < \"$DATA/example.json\""
expect "human report" 0 "" -- "$CLI" check "$DATA/example.json"
grep -q "0 errors, 3 warnings" "$TMP/out" && ok "human report summary line" || bad "human report summary line" "$(tail -2 "$TMP/out")"

# broken plans: exit 2, one line naming the file and the place
head -c 300 "$DATA/example.json" >"$TMP/truncated.json"
expect "truncated file" 2 "truncated.json: .*line [0-9]+, column [0-9]+" -- "$CLI" check "$TMP/truncated.json"
python3 - "$DATA/example.json" "$TMP" <<'PY'
import json, sys
src, tmp = sys.argv[1], sys.argv[2]
p = json.load(open(src))
def save(name, doc): open(f"{tmp}/{name}.json", "w").write(json.dumps(doc, indent=2))
q = json.loads(json.dumps(p)); q["weeks"][1]["start"] = 20261207; save("wrongtype", q)
q = json.loads(json.dumps(p)); q["team"]["timezone"] = "America/Gotham"; save("badzone", q)
q = json.loads(json.dumps(p)); q["people"][2]["id"] = "alice"; save("dupid", q)
q = json.loads(json.dumps(p)); q["rotaplan"] = 2; save("version", q)
q = json.loads(json.dumps(p)); q["overrides"][0]["to"] = q["overrides"][0]["from"]; save("override", q)
q = json.loads(json.dumps(p)); q["weeks"][0]["start"] = "2026-02-30"; save("baddate", q)
PY
expect "wrong type names the pointer" 2 "wrongtype.json: /weeks/1/start \(line [0-9]+, column [0-9]+\)" -- "$CLI" check "$TMP/wrongtype.json"
expect "unknown zone" 2 "badzone.json: /team/timezone.*America/Gotham" -- "$CLI" check "$TMP/badzone.json"
expect "duplicate ids" 2 "dupid.json: /people/2/id.*alice" -- "$CLI" check "$TMP/dupid.json"
expect "newer format version" 2 "version.json: /rotaplan.*version 2" -- "$CLI" check "$TMP/version.json"
expect "override from >= to" 2 "override.json: /overrides/0" -- "$CLI" check "$TMP/override.json"
expect "impossible date" 2 "baddate.json: /weeks/0/start" -- "$CLI" check "$TMP/baddate.json"
expect "not JSON at all" 2 "line 1, column 1" -- bash -c "echo 'hello' | \"$CLI\" check -"
head -c $((60 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$TMP/huge.json"
expect "60 MiB file refused, size exact" 2 "huge.json: the file is 62914560 bytes; Rotaplan reads files up to 50 MiB \\(52428800 bytes\\)$" -- "$CLI" check "$TMP/huge.json"

# exports: every format succeeds, byte-identical twice, -o writes the file
for f in json csv md; do
  expect "export $f" 0 "" -- "$CLI" export "$DATA/example.json" --format "$f"
done
expect "export ics" 0 "" -- "$CLI" export "$DATA/example.json" --format ics --stamp 2026-11-27T00:00:00Z
expect "--stamp is for ics only" 2 "apply to --format ics only" -- "$CLI" export "$DATA/example.json" --format csv --stamp 2026-11-27T00:00:00Z
expect "export ics to a file" 0 "" -- "$CLI" export "$DATA/example.json" --format ics --stamp 2026-11-27T00:00:00Z -o "$TMP/a.ics"
"$CLI" export "$DATA/example.json" --format ics --stamp 2026-11-27T00:00:00Z -o "$TMP/b.ics"
cmp -s "$TMP/a.ics" "$TMP/b.ics" && ok "ics export byte-identical twice" || bad "ics export byte-identical twice"
expect "export unknown format" 2 "--format xml is not known" -- "$CLI" export "$DATA/example.json" --format xml
expect "export unknown person" 2 "--person zed" -- "$CLI" export "$DATA/example.json" --format ics --person zed

# simulate: r1 (on time, but consecutive weeks for carol/alice) and r2 (emergency cover)
expect "simulate --help" 0 "" -- "$CLI" simulate --help
expect "simulate unknown request" 2 "r9: no request" -- "$CLI" simulate "$DATA/example.json" r9
"$CLI" simulate "$DATA/example.json" r1 --json >"$TMP/r1.json"; rc=$?
python3 - "$TMP/r1.json" "$rc" <<'PY' && ok "simulate r1 verdict, notice and changes" || bad "simulate r1 verdict, notice and changes" "$(head -c 600 "$TMP/r1.json")"
import json, sys
s = json.load(open(sys.argv[1])); rc = int(sys.argv[2])
assert s["request"] == "r1" and s["notice_days"] == 14, s
assert s["changes"] == [
  {"week": "2026-11-30", "role": "primary", "from": "alice", "to": "carol"},
  {"week": "2026-12-07", "role": "primary", "from": "carol", "to": "alice"}], s["changes"]
assert s["verdict"] == "reject" and rc == 1, (s["verdict"], rc)
assert any(v["rule"] == "consecutive" and v["week"] == "2026-12-14" and v["people"] == ["alice"]
           and v["severity"] == "error" for v in s["introduced"]), s["introduced"]
assert s["reasons"], "a rejected simulation gives reasons"
assert list(s.keys())[:4] == ["request", "verdict", "notice_days", "changes"], list(s.keys())
PY

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
