#!/usr/bin/env bash
# CLI behaviour of `rotaplan draft` and `rotaplan candidates` (docs/drafting.md): exit
# codes, one-line errors, output that passes the check, determinism, locked weeks kept.
# usage: tests/cli/draft.sh PATH_TO_ROTAPLAN
set -u
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
strict_stderr=1
source "$HERE/lib.bash"


# pycheck NAME PYTHON_EXPR_FILE ARGS...: runs a python assertion script

EX="$DATA/example.json"

# ---- help and usage ------------------------------------------------------------------
expect "draft --help" 0 "" -- "$CLI" draft --help
grep -q "usage: rotaplan draft PLAN" "$TMP/out" && ok "draft --help text" || bad "draft --help text"
expect "candidates --help" 0 "" -- "$CLI" candidates --help
expect "top-level usage lists draft" 0 "" -- "$CLI" --help
grep -q "draft PLAN" "$TMP/out" && grep -q "candidates PLAN" "$TMP/out" && ok "usage names both commands" || bad "usage names both commands"
expect "draft needs a plan" 2 "wrong number of arguments" -- "$CLI" draft
expect "draft unknown option" 2 "unknown option --bogus" -- "$CLI" draft "$EX" --bogus
expect "draft bad --from" 2 "--from: expected a date YYYY-MM-DD, got '2027-02-30'" -- "$CLI" draft "$EX" --from 2027-02-30
expect "draft bad --weeks" 2 "--weeks: expected a whole number" -- "$CLI" draft "$EX" --weeks 0
expect "draft bad --weeks text" 2 "--weeks: expected a whole number" -- "$CLI" draft "$EX" --weeks ten
expect "draft bad --seed" 2 "--seed: expected a whole number" -- "$CLI" draft "$EX" --seed -3
expect "draft missing file" 2 "nope.json: cannot open" -- "$CLI" draft "$TMP/nope.json"
expect "draft unreadable plan" 2 "line 1, column 1" -- bash -c "echo 'hello' | \"$CLI\" draft -"

# ---- drafting the example --------------------------------------------------------------
# As it stands the example cannot be extended: the week of 2026-12-28 follows Dev and Alice
# (2026-12-21, not an emergency next), Carol is away until 2027-01-03, so only Bob is left.
expect "the example cannot be extended past 2026-12-21" 1 \
  "example.json: week of 2026-12-28: without Alice Ng and Dev Rao \(on call in the week of 2026-12-21\), too few people of the rotation pool are available for a primary and a secondary \(rule consecutive\)$" \
  -- "$CLI" draft "$EX" --weeks 5
python3 - "$EX" "$TMP/ex.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["time_off"][0]["to"] = "2026-12-27"   # Carol back for the week of 2026-12-28
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
EX2="$TMP/ex.json"
expect "draft --weeks 12 succeeds" 0 "" -- "$CLI" draft "$EX2" --weeks 12 -o "$TMP/d1.json"
expect "the draft is a readable plan without errors" 0 "" -- "$CLI" check "$TMP/d1.json"
"$CLI" draft "$EX2" --weeks 12 >"$TMP/d2.json"
cmp -s "$TMP/d1.json" "$TMP/d2.json" && ok "-o and stdout are byte-identical; deterministic" || bad "-o and stdout identical"
expect "draft from standard input" 0 "" -- bash -c "\"$CLI\" draft - --weeks 12 < \"$EX2\" > \"$TMP/d3.json\""
cmp -s "$TMP/d1.json" "$TMP/d3.json" && ok "standard input gives the same draft" || bad "standard input gives the same draft"
expect "draft --seed 7" 0 "" -- "$CLI" draft "$EX2" --weeks 12 --seed 7 -o "$TMP/s7a.json"
"$CLI" draft "$EX2" --weeks 12 --seed 7 -o "$TMP/s7b.json"
cmp -s "$TMP/s7a.json" "$TMP/s7b.json" && ok "same seed, byte-identical" || bad "same seed, byte-identical"
expect "seeded draft passes the check" 0 "" -- "$CLI" check "$TMP/s7a.json"
pycheck "locked weeks unchanged, 12 weeks, all assigned, the rest kept" "$EX2" "$TMP/d1.json" <<'PY'
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert b["weeks"][:4] == a["weeks"], "locked weeks changed"
assert len(b["weeks"]) == 12, len(b["weeks"])
for w in b["weeks"]:
    assert w.get("primary") and w.get("secondary") and w["primary"] != w["secondary"], w
starts = [w["start"] for w in b["weeks"]]
assert starts[4] == "2026-12-28" and starts[-1] == "2027-02-15", starts
for k in ("team", "people", "contacts", "time_off", "compensation"):
    assert a.get(k) == b.get(k), k
PY
"$CLI" draft "$TMP/d1.json" >"$TMP/d1again.json"
cmp -s "$TMP/d1.json" "$TMP/d1again.json" && ok "drafting a full plan again changes nothing" || bad "drafting a full plan again changes nothing"
expect "drafting from a later week" 0 "" -- "$CLI" draft "$EX2" --from 2027-01-18 --weeks 3 -o "$TMP/later.json"
pycheck "--from with --weeks: the weeks in between are added and filled" "$TMP/later.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))["weeks"]
assert [w["start"] for w in ws][4:] == ["2026-12-28", "2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01"]
assert all(w.get("primary") and w.get("secondary") for w in ws)
PY

# ---- generated plans: an empty plan, --from, infeasible ones ------------------------------
python3 - "$TMP" <<'PY'
import json, sys
tmp = sys.argv[1]
def team(n, extra=None):
    p = {"rotaplan": 1, "team": {"name": "T", "timezone": "Europe/Berlin"},
         "people": [{"id": f"p{i}", "name": f"Person {i}"} for i in range(n)] +
                   [{"id": "lead", "name": "Lead", "on_call": False}, {"id": "cto", "name": "CTO", "on_call": False},
                    {"id": "tia", "name": "Tia", "trainee": True}],
         "contacts": {"engineering_lead": "lead", "cto": "cto"}}
    p.update(extra or {})
    return p
def save(name, doc): open(f"{tmp}/{name}.json", "w").write(json.dumps(doc, indent=2))
save("empty", team(6))
save("two", team(2, {"weeks": [{"start": "2027-03-01"}, {"start": "2027-03-08"}]}))
save("away", team(3, {"policy": {"no_consecutive": "primary"}, "weeks": [{"start": "2027-03-01"}, {"start": "2027-03-08"}],
                      "time_off": [{"person": "p0", "from": "2027-03-09", "to": "2027-03-09"},
                                   {"person": "p1", "from": "2027-03-12", "to": "2027-03-14"}]}))
save("contacts", team(4, {"weeks": [{"start": "2027-03-01"}],
                          "time_off": [{"person": "lead", "from": "2027-03-02", "to": "2027-03-02"},
                                       {"person": "cto", "from": "2027-03-05", "to": "2027-03-05"}]}))
save("cto", team(4, {"weeks": [{"start": "2027-03-01"}],
                     "time_off": [{"person": "lead", "from": "2027-03-02", "to": "2027-03-02"}]}))
PY
expect "empty plan needs --from" 2 "empty.json: the plan has no weeks: give --from DATE" -- "$CLI" draft "$TMP/empty.json" --weeks 4
expect "empty plan, --from a Wednesday, 52 weeks" 0 "" -- "$CLI" draft "$TMP/empty.json" --from 2027-01-06 --weeks 52 -o "$TMP/year.json"
expect "a year's draft passes the check" 0 "" -- "$CLI" check "$TMP/year.json" --json
pycheck "52 weeks from the next Monday, balanced within 1, fairness quiet" "$TMP/year.json" "$TMP/out" <<'PY'
import json, sys, collections
p, rep = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ws = p["weeks"]
assert len(ws) == 52 and ws[0]["start"] == "2027-01-11", (len(ws), ws[0])
for role in ("primary", "secondary"):
    c = collections.Counter(w[role] for w in ws)
    assert max(c.values()) - min(c.values()) <= 1 and len(c) == 6, (role, c)
assert rep["errors"] == 0 and not [v for v in rep["violations"] if v["rule"] == "fairness"], rep
assert any(w.get("shadow") == "tia" for w in ws)
PY
expect "pool of two, two adjacent weeks: exit 1, week and rule" 1 \
  "two.json: week of 2027-03-01: whoever is on call this week, the week of 2027-03-08 cannot be filled .*\(rule consecutive\)$" \
  -- "$CLI" draft "$TMP/two.json"
[ ! -s "$TMP/out" ] && ok "nothing on standard output when infeasible" || bad "nothing on standard output when infeasible"
expect "time off leaves one person" 1 "week of 2027-03-08: only 1 of the 3 people in the rotation pool is available \(Person 2\) \(rule min-engineers\)$" \
  -- "$CLI" draft "$TMP/away.json"
expect "lead and CTO away" 1 "week of 2027-03-01: the escalation contact Lead has time off on 2027-03-02, and the CTO, CTO, has time off on 2027-03-05 too \(rule escalation-contact\)$" \
  -- "$CLI" draft "$TMP/contacts.json"
expect "lead away: the CTO takes the escalation" 0 "" -- "$CLI" draft "$TMP/cto.json" -o "$TMP/cto-out.json"
pycheck "escalation set to the CTO" "$TMP/cto-out.json" <<'PY'
import json, sys
assert json.load(open(sys.argv[1]))["weeks"][0]["escalation"] == "cto"
PY
expect "-o to an unwritable place" 2 "cannot write the file" -- "$CLI" draft "$EX2" --weeks 5 -o "$TMP/no/such/dir/x.json"

# ---- candidates ------------------------------------------------------------------------------
expect "candidates text" 0 "" -- "$CLI" candidates "$EX" --week 2026-12-14 --role primary
grep -q "^Candidates for primary in the week of 2026-12-14 (now: Bob Osei)" "$TMP/out" && ok "candidates text header" || bad "candidates text header" "$(head -2 "$TMP/out")"
expect "candidates json" 0 "" -- "$CLI" candidates "$EX" --week 2026-12-14 --role primary --json
pycheck "candidates json content" "$TMP/out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert (j["week"], j["role"], j["current"]) == ("2026-12-14", "primary", "bob"), j
cands = [c["person"] for c in j["candidates"]]
ex = {e["person"]: e["rule"] for e in j["excluded"]}
# carol: her PTO from 12-21 00:00 meets the week of 12-14 (it runs to the 09:00 handoff)
assert ex["alice"] == "min-engineers" and ex["carol"] == "unavailable" and ex["dev"] == "consecutive", ex
assert ex["gina"] == "not-eligible" and ex["dana"] == "not-eligible", ex
assert cands == ["bob"], cands
c = j["candidates"][0]
assert set(c) >= {"person", "name", "weeks", "primary_weeks", "secondary_weeks", "rest_weeks", "reason"}, c
assert c["current"] is True and c["reason"].startswith("1 week so far"), c
PY
expect "candidates shadow" 0 "" -- "$CLI" candidates "$EX" --week 2026-12-07 --role shadow --json
pycheck "shadow lists the trainee" "$TMP/out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert [c["person"] for c in j["candidates"]] == ["gina"] and j["current"] == "gina", j
PY
expect "candidates unknown week" 2 "example.json: no week starts on 2026-12-15" -- "$CLI" candidates "$EX" --week 2026-12-15 --role primary
expect "candidates bad role" 2 "--role: expected primary, secondary or shadow, got 'boss'" -- "$CLI" candidates "$EX" --week 2026-12-14 --role boss
expect "candidates missing --week" 2 "--week DATE is required" -- "$CLI" candidates "$EX" --role primary
expect "candidates bad date" 2 "--week: expected a date" -- "$CLI" candidates "$EX" --week tomorrow --role primary

# ---- published weeks and the notice window (--today), issue 11 -----------------------------
# The example published on 2026-11-20 as it stands; then the primary of 2026-12-14 emptied.
python3 - "$EX" "$TMP/pub.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["requests"] = []
p["people"].append({"id": "fay", "name": "Fay Lund"})
p["published"] = {"at": "2026-11-20", "weeks": [dict((k, w.get(k)) for k in ("start", "primary", "secondary", "escalation", "shadow")) for w in p["weeks"]], "overrides": p["overrides"]}
p["weeks"][2]["primary"] = None
del p["weeks"][2]["primary"]
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
expect "draft --today inside the window gives the cell back" 0 "" -- "$CLI" draft "$TMP/pub.json" --today 2026-12-05 -o "$TMP/pubd.json"
pycheck "the published primary is back" "$TMP/pubd.json" <<'PY'
import json, sys
assert json.load(open(sys.argv[1]))["weeks"][2]["primary"] == "bob"
PY
expect "and the check with that date has no late change" 0 "" -- "$CLI" check "$TMP/pubd.json" --today 2026-12-05
expect "candidates --today: only the published holder inside the window" 0 "" -- "$CLI" candidates "$TMP/pub.json" --week 2026-12-14 --role primary --today 2026-12-05 --json
pycheck "the others would make a late change" "$TMP/out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert [c["person"] for c in j["candidates"]] == ["bob"], j["candidates"]
fay = [e for e in j["excluded"] if e["person"] == "fay"][0]
assert fay["rule"] == "late-change" and fay["reason"].startswith("The week of 2026-12-14 is inside the 14-day notice window"), fay
PY
expect "candidates --today long before: no window" 0 "" -- "$CLI" candidates "$TMP/pub.json" --week 2026-12-14 --role primary --today 2026-10-01 --json
pycheck "fay is a candidate again" "$TMP/out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert "fay" in [c["person"] for c in j["candidates"]], j
PY
expect "draft bad --today" 2 "--today" -- "$CLI" draft "$TMP/pub.json" --today 2026-13-01
expect "candidates bad --today" 2 "--today" -- "$CLI" candidates "$TMP/pub.json" --week 2026-12-14 --role primary --today soon

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
