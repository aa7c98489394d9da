#!/usr/bin/python3
"""Independent iCalendar check of `rotaplan export` with Debian's python3-icalendar.

    /usr/bin/python3 tests/exports/check_ics.py ROTAPLAN_CLI [PLAN_DIR_OR_FILE ...]

Without plan arguments it checks tests/data/exports/*.json and tests/data/example.json.
For every plan it exports JSON and iCalendar (TZID + VTIMEZONE, and --utc), parses the
calendar with icalendar.Calendar.from_ical and checks every VEVENT:
  - DTSTART/DTEND decoded as aware datetimes equal the JSON export's shift instants;
  - for TZID times, the same local time read through the calendar's own VTIMEZONE
    (Timezone.to_tz()) also gives those instants, so the VTIMEZONE is right by itself;
  - SUMMARY round-trips the team and person names (no injected events or properties);
  - UIDs are unique and DTSTAMP is the --stamp instant.
Prints "N passed, N failed"; exits 1 on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

from icalendar import Calendar

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STAMP = "2026-11-27T00:00:00Z"
UTC_NAMES = re.compile(r"^(Etc/)?(UTC|UCT|Universal|Zulu|GMT|GMT0|GMT\+0|GMT-0|Greenwich)$")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# Trojan-Source characters the exports strip (bidi controls) or turn into spaces (line separators).
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
SEPARATORS = re.compile("[\u2028\u2029\u0085]")


def zone_links():
    """Legacy link -> zone, from the system's tzdata.zi ("L TARGET NAME" lines)."""
    links = {}
    try:
        with open("/usr/share/zoneinfo/tzdata.zi", encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[0] == "L":
                    links[parts[2]] = parts[1]
    except OSError:
        pass
    return links


LINKS = zone_links()


def tzid_of(zone):
    """The TZID a calendar gets: EST is America/New_York (plan-format.md), links their zone."""
    return "America/New_York" if zone == "EST" else LINKS.get(zone, zone)


def plan_files(args):
    inputs = args or [os.path.join(ROOT, "tests/data/exports"), os.path.join(ROOT, "tests/data/example.json")]
    files = []
    for p in inputs:
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.endswith(".json")]
        elif os.path.exists(p):
            files.append(p)
    return files


def run(cli, args):
    return subprocess.run([cli] + args, check=True, capture_output=True).stdout


def instant(text):
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert t.tzinfo is not None, "JSON time without offset: %s" % text
    return t.astimezone(timezone.utc)


def as_utc(dt, what):
    assert isinstance(dt, datetime), "%s is not a date-time: %r" % (what, dt)
    assert dt.tzinfo is not None and dt.utcoffset() is not None, "%s is floating: %r" % (what, dt)
    return dt.astimezone(timezone.utc)


def check_calendar(cli, plan_file, exp, utc):
    args = ["export", plan_file, "--format", "ics", "--stamp", STAMP] + (["--utc"] if utc else [])
    raw = run(cli, args)
    assert raw == run(cli, args), "ICS differs between two runs"
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF in ICS"
    assert b"\r" not in raw.replace(b"\r\n", b""), "bare CR in ICS"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, "line longer than 75 octets: %r" % line
    cal = Calendar.from_ical(raw)

    team_zone = exp["team"]["timezone"]
    utc_only = utc or bool(UTC_NAMES.match(team_zone))
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        zones[str(vtz["TZID"])] = vtz.to_tz()
    if utc_only:
        assert not zones, "VTIMEZONE in a UTC calendar"
    elif exp["shifts"]:
        assert list(zones) == [tzid_of(team_zone)], "VTIMEZONE TZIDs: %r" % list(zones)

    events = cal.walk("VEVENT")
    shifts = exp["shifts"]
    assert len(events) == len(shifts), "%d events for %d shifts" % (len(events), len(shifts))
    names = {p["id"]: p["name"] for p in exp["people"]}
    uids = set()
    stamp = instant(STAMP)
    for i, (ev, s) in enumerate(zip(events, shifts)):
        where = "event %d (%s %s %s)" % (i, s["week"], s["role"], s["person"])
        uid = str(ev["UID"])
        assert uid not in uids, "%s: repeated UID %s" % (where, uid)
        uids.add(uid)
        for prop, key in (("DTSTART", "start"), ("DTEND", "end")):
            want = instant(s[key])
            got = as_utc(ev.decoded(prop), "%s %s" % (where, prop))
            assert got == want, "%s: %s is %s, JSON says %s" % (where, prop, got.isoformat(), want.isoformat())
            tzid = ev[prop].params.get("TZID")
            if tzid:
                assert not utc_only, "%s: %s has TZID in a UTC calendar" % (where, prop)
                assert tzid in zones, "%s: %s TZID %s has no VTIMEZONE" % (where, prop, tzid)
                local = datetime.strptime(ev[prop].to_ical().decode(), "%Y%m%dT%H%M%S")
                via_vtz = zones[tzid].localize(local).astimezone(timezone.utc)
                assert via_vtz == want, "%s: %s through the VTIMEZONE is %s, JSON says %s" % (
                    where, prop, via_vtz.isoformat(), want.isoformat())
        name = names.get(s["person"], s["person"])
        text = "%s on-call: %s (%s)" % (exp["team"]["name"], s["role"], name)
        want_summary = CONTROL.sub("", SEPARATORS.sub(" ", BIDI.sub("", text)))
        assert str(ev["SUMMARY"]) == want_summary, "%s: SUMMARY %r, expected %r" % (where, str(ev["SUMMARY"]), want_summary)
        assert as_utc(ev.decoded("DTSTAMP"), where + " DTSTAMP") == stamp, "%s: DTSTAMP" % where


def import_into(store, raw):
    """A calendar re-importing a file: an event replaces the stored one when its SEQUENCE is
    higher, a CANCELLED one removes it; a changed event with no higher SEQUENCE is an error
    (the application would keep the stale one)."""
    cal = Calendar.from_ical(raw)
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        assert "SEQUENCE" in ev, "%s: no SEQUENCE" % uid
        seq = int(ev["SEQUENCE"])
        status = str(ev.get("STATUS", "CONFIRMED"))
        item = (seq, str(ev["SUMMARY"]), as_utc(ev.decoded("DTSTART"), uid), as_utc(ev.decoded("DTEND"), uid))
        old = store.get(uid)
        if old is not None:
            changed = old[1:] != item[1:]
            if status == "CANCELLED" or changed:
                assert seq > old[0], "%s: %s with SEQUENCE %d, not above %d" % (uid, status.lower(), seq, old[0])
            assert seq >= old[0], "%s: SEQUENCE went down" % uid
        if status == "CANCELLED":
            store.pop(uid, None)
        elif old is None or seq >= old[0]:
            store[uid] = item
    return store


def check_updates(cli, tmp):
    """docs/changes.md "Calendars that update": after a swap a re-imported calendar holds
    exactly the current shifts (same UID, higher SEQUENCE, CANCELLED for a duty that left)."""
    base = os.path.join(ROOT, "tests/data/example.json")
    pub1 = os.path.join(tmp, "pub1.json")
    run(cli, ["publish", base, "--today", "2026-11-20", "-o", pub1])
    plan = json.load(open(pub1))
    plan["weeks"][0]["primary"], plan["weeks"][1]["primary"] = "carol", "alice"
    for r in plan["requests"]:
        if r["id"] == "r1":
            r["status"] = "applied"
    edited = os.path.join(tmp, "edited.json")
    json.dump(plan, open(edited, "w"))
    pub2 = os.path.join(tmp, "pub2.json")
    run(cli, ["publish", edited, "--today", "2026-11-21", "--force", "-o", pub2])

    def ics(f, person):
        return run(cli, ["export", f, "--format", "ics", "--stamp", STAMP] + (["--person", person] if person else []))

    def shifts(f, person):
        exp = json.loads(run(cli, ["export", f, "--format", "json"]))
        return sorted((instant(s["start"]), instant(s["end"])) for s in exp["shifts"] if not person or s["person"] == person)

    results = []
    for person in (None, "alice", "carol"):
        for later in (edited, pub2):
            name = "calendar update (%s, %s): same UIDs, higher SEQUENCE, no stale event" % (
                person or "team", "before publishing" if later == edited else "after publishing")
            try:
                store = import_into({}, ics(pub1, person))
                first = dict(store)
                import_into(store, ics(later, person))
                held = sorted((v[2], v[3]) for v in store.values())
                assert held == shifts(later, person), "%s: the calendar holds %s, the plan %s" % (name, held, shifts(later, person))
                if person is None:
                    assert set(store) == set(first), "team calendar UIDs changed"
                results.append((name, None))
            except Exception as e:  # noqa: BLE001
                results.append((name, e))
    try:
        cal = Calendar.from_ical(ics(pub2, "alice"))
        cancelled = sorted((str(e["UID"]), int(e["SEQUENCE"])) for e in cal.walk("VEVENT") if str(e.get("STATUS", "")) == "CANCELLED")
        assert cancelled == [("2026-11-30-primary-1.platform@rotaplan", 1), ("2026-11-30-primary-3.platform@rotaplan", 1)], cancelled
        results.append(("calendar update: alice's calendar cancels the pieces she gave away", None))
    except Exception as e:  # noqa: BLE001
        results.append(("calendar update: alice's calendar cancels the pieces she gave away", e))
    return results


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print("usage: /usr/bin/python3 tests/exports/check_ics.py ROTAPLAN_CLI [PLAN_DIR_OR_FILE ...]", file=sys.stderr)
        return 2
    cli = argv[1]
    files = plan_files(argv[2:])
    if not files:
        print("no plan files found", file=sys.stderr)
        return 2
    passed = failed = 0
    for f in files:
        label = os.path.basename(f)
        try:
            exp = json.loads(run(cli, ["export", f, "--format", "json"]))
        except Exception as e:  # noqa: BLE001
            failed += 1
            print("FAIL %s: JSON export: %s" % (label, e))
            continue
        for utc in (False, True):
            name = "%s: ICS %s" % (label, "--utc" if utc else "TZID/VTIMEZONE")
            try:
                check_calendar(cli, f, exp, utc)
                passed += 1
            except Exception as e:  # noqa: BLE001
                failed += 1
                print("FAIL %s: %s" % (name, e))
    if not argv[2:]:
        with tempfile.TemporaryDirectory() as tmp:
            for name, error in check_updates(cli, tmp):
                if error is None:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s: %s" % (name, error))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
