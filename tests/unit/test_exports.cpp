// Exports (interfaces.md "Exports"): schedule JSON, iCalendar, CSV, Markdown.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/exports/exports.hpp"
#include "core/model/plan_io.hpp"

using namespace rp;

namespace {

// The example plan of plan-format.md.
const char* kExample = R"JSON({
  "rotaplan": 1,
  "team": { "name": "Platform", "timezone": "America/New_York" },
  "policy": {
    "handoff": { "weekday": "monday", "time": "09:00" },
    "no_consecutive": "any",
    "change_notice_days": 14,
    "business_hours": { "start": "09:00", "end": "17:00",
                        "days": ["monday", "tuesday", "wednesday", "thursday", "friday"] },
    "holidays": ["2026-12-25", "2027-01-01"]
  },
  "people": [
    { "id": "alice", "name": "Alice Ng", "email": "alice@example.com", "phone": "+1 555 0100",
      "timezone": "America/New_York" },
    { "id": "bob",   "name": "Bob Osei", "timezone": "Europe/Berlin" },
    { "id": "carol", "name": "Carol Diaz" },
    { "id": "dev",   "name": "Dev Rao", "timezone": "Asia/Kolkata" },
    { "id": "gina",  "name": "Gina Park", "trainee": true },
    { "id": "dana",  "name": "Dana Li",  "on_call": false },
    { "id": "erin",  "name": "Erin Cho", "on_call": false },
    { "id": "frank", "name": "Frank Roy", "on_call": false }
  ],
  "contacts": { "engineering_lead": "dana", "cto": "erin", "ceo": "frank",
                "security": "security@example.com" },
  "time_off": [
    { "person": "carol", "from": "2026-12-21", "to": "2027-01-03", "reason": "PTO" },
    { "person": "dana",  "from": "2026-12-15", "to": "2026-12-18", "reason": "conference" }
  ],
  "weeks": [
    { "start": "2026-11-30", "primary": "alice", "secondary": "bob" },
    { "start": "2026-12-07", "primary": "carol", "secondary": "dev", "shadow": "gina" },
    { "start": "2026-12-14", "primary": "bob",   "secondary": "alice", "escalation": "erin",
      "note": "release freeze; Dana is travelling" },
    { "start": "2026-12-21", "primary": "dev",   "secondary": "alice", "emergency": true }
  ],
  "overrides": [
    { "role": "primary", "person": "carol", "from": "2026-12-02T18:00", "to": "2026-12-03T09:00",
      "reason": "alice at a school event" }
  ],
  "requests": [
    { "id": "r1", "type": "swap", "submitted": "2026-11-16", "by": "alice",
      "week": "2026-11-30", "role": "primary", "with": "carol", "with_week": "2026-12-07",
      "status": "pending" },
    { "id": "r2", "type": "cover", "submitted": "2026-12-01", "by": "bob",
      "week": "2026-12-14", "role": "primary", "with": "carol", "emergency": true,
      "status": "pending" }
  ],
  "compensation": { "currency": "USD", "primary_weekly": 500, "secondary_weekly": 250,
                    "per_incident": 100, "weekend": 150, "p0_rest_hours": 4,
                    "weekend_comp_hours": 8 }
})JSON";

Plan load(const std::string& text) {
    LoadResult r = readPlan(text);
    if (!r.ok()) FAIL("plan did not load: " << r.error->str());
    return *r.plan;
}

IcsOptions stamped() {
    IcsOptions o;
    o.stamp = date::sys_days{date::year{2026} / 11 / 27};
    return o;
}

std::vector<std::string> splitCrlf(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t e = text.find("\r\n", pos);
        if (e == std::string::npos) {
            lines.push_back(text.substr(pos));
            break;
        }
        lines.push_back(text.substr(pos, e - pos));
        pos = e + 2;
    }
    return lines;
}

// RFC 5545 unfolding: CRLF followed by one space or tab joins lines.
std::vector<std::string> unfold(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& l : splitCrlf(text)) {
        if (!l.empty() && (l[0] == ' ' || l[0] == '\t') && !out.empty())
            out.back() += l.substr(1);
        else
            out.push_back(l);
    }
    return out;
}

bool validUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0) return false;
        for (int k = 1; k <= n; ++k)
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += static_cast<std::size_t>(n) + 1;
    }
    return true;
}

int countLines(const std::vector<std::string>& lines, const std::string& exact) {
    return static_cast<int>(std::count(lines.begin(), lines.end(), exact));
}

std::vector<std::string> withPrefix(const std::vector<std::string>& lines, const std::string& p) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.rfind(p, 0) == 0) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("schedule JSON of the example plan") {
    const Plan plan = load(kExample);
    const Json j = exportScheduleJson(plan);

    const Json expected_shifts = Json::parse(R"JSON([
      { "week": "2026-11-30", "role": "primary", "person": "alice",
        "start": "2026-11-30T09:00:00-05:00", "end": "2026-12-02T18:00:00-05:00", "source": "rotation" },
      { "week": "2026-11-30", "role": "secondary", "person": "bob",
        "start": "2026-11-30T09:00:00-05:00", "end": "2026-12-07T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-11-30", "role": "primary", "person": "carol",
        "start": "2026-12-02T18:00:00-05:00", "end": "2026-12-03T09:00:00-05:00", "source": "override" },
      { "week": "2026-11-30", "role": "primary", "person": "alice",
        "start": "2026-12-03T09:00:00-05:00", "end": "2026-12-07T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-07", "role": "primary", "person": "carol",
        "start": "2026-12-07T09:00:00-05:00", "end": "2026-12-14T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-07", "role": "secondary", "person": "dev",
        "start": "2026-12-07T09:00:00-05:00", "end": "2026-12-14T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-07", "role": "shadow", "person": "gina",
        "start": "2026-12-07T09:00:00-05:00", "end": "2026-12-14T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-14", "role": "primary", "person": "bob",
        "start": "2026-12-14T09:00:00-05:00", "end": "2026-12-21T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-14", "role": "secondary", "person": "alice",
        "start": "2026-12-14T09:00:00-05:00", "end": "2026-12-21T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-21", "role": "primary", "person": "dev",
        "start": "2026-12-21T09:00:00-05:00", "end": "2026-12-28T09:00:00-05:00", "source": "rotation" },
      { "week": "2026-12-21", "role": "secondary", "person": "alice",
        "start": "2026-12-21T09:00:00-05:00", "end": "2026-12-28T09:00:00-05:00", "source": "rotation" }
    ])JSON");
    CHECK(j["shifts"].dump(2) == expected_shifts.dump(2));

    const Json expected_escalation = Json::parse(R"JSON([
      { "week": "2026-11-30", "person": "dana",
        "start": "2026-11-30T09:00:00-05:00", "end": "2026-12-07T09:00:00-05:00" },
      { "week": "2026-12-07", "person": "dana",
        "start": "2026-12-07T09:00:00-05:00", "end": "2026-12-14T09:00:00-05:00" },
      { "week": "2026-12-14", "person": "erin",
        "start": "2026-12-14T09:00:00-05:00", "end": "2026-12-21T09:00:00-05:00" },
      { "week": "2026-12-21", "person": "dana",
        "start": "2026-12-21T09:00:00-05:00", "end": "2026-12-28T09:00:00-05:00" }
    ])JSON");
    CHECK(j["escalation"].dump(2) == expected_escalation.dump(2));

    CHECK(j["rotaplan_export"] == 1);
    CHECK(j["team"].dump() == R"JSON({"name":"Platform","timezone":"America/New_York"})JSON");
    CHECK(j["people"][0].dump() ==
          R"JSON({"id":"alice","name":"Alice Ng","email":"alice@example.com","phone":"+1 555 0100","timezone":"America/New_York"})JSON");
    CHECK(j["people"][2].dump() == R"JSON({"id":"carol","name":"Carol Diaz","timezone":"America/New_York"})JSON");
    CHECK(j["people"][4].dump() == R"JSON({"id":"gina","name":"Gina Park","timezone":"America/New_York"})JSON");
    CHECK(j["contacts"].dump() ==
          R"JSON({"engineering_lead":"dana","cto":"erin","ceo":"frank","security":"security@example.com"})JSON");

    const Json expected_policy = Json::parse(R"JSON({
      "handoff": { "weekday": "monday", "time": "09:00" },
      "no_consecutive": "any",
      "change_notice_days": 14,
      "business_hours": { "start": "09:00", "end": "17:00",
                          "days": ["monday", "tuesday", "wednesday", "thursday", "friday"] },
      "holidays": ["2026-12-25", "2027-01-01"],
      "severities": {
        "P0": { "coverage": "24x7", "ack_minutes": 5, "respond_minutes": 15, "escalate_every_minutes": 30, "reaches_ceo": true },
        "P1": { "coverage": "24x7", "ack_minutes": 5, "respond_minutes": 15, "escalate_every_minutes": 120, "reaches_ceo": false },
        "P2": { "coverage": "business_hours", "ack_minutes": 5, "respond_minutes": 120, "escalate_every_minutes": null, "reaches_ceo": false },
        "P3": { "coverage": "business_hours", "ack_minutes": 5, "respond_minutes": 120, "escalate_every_minutes": null, "reaches_ceo": false }
      }
    })JSON");
    CHECK(j["policy"].dump(2) == expected_policy.dump(2));

    // Key order of the document.
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"rotaplan_export", "team", "people", "contacts", "shifts",
                                           "escalation", "policy"});

    const std::string text = exportJsonText(plan);
    CHECK(text.back() == '\n');
    CHECK(text.rfind("{\n  \"rotaplan_export\": 1,\n  \"team\": {\n    \"name\": \"Platform\",", 0) == 0);
    CHECK(text == exportJsonText(plan));
    CHECK(Json::parse(text) == j);
}

TEST_CASE("schedule JSON: defaults, DST offsets, omitted escalation") {
    const Plan plan = load(R"JSON({
      "rotaplan": 1,
      "team": { "name": "T", "timezone": "America/New_York" },
      "policy": { "severities": { "P1": { "escalate_every_minutes": null, "reaches_ceo": true } } },
      "people": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B", "timezone": "Asia/Tokyo" } ],
      "weeks": [ { "start": "2026-03-02", "primary": "a", "secondary": "b" },
                 { "start": "2026-03-09", "primary": "b", "secondary": "a", "escalation": "a" } ]
    })JSON");
    const Json j = exportScheduleJson(plan);
    CHECK(j["people"][1]["timezone"] == "Asia/Tokyo");
    CHECK(j["contacts"] == Json::object());
    // The week of 2026-03-02 is 167 hours long: it ends in daylight time.
    CHECK(j["shifts"][0]["start"] == "2026-03-02T09:00:00-05:00");
    CHECK(j["shifts"][0]["end"] == "2026-03-09T09:00:00-04:00");
    // No escalation contact for the first week (no engineering lead): omitted.
    REQUIRE(j["escalation"].size() == 1);
    CHECK(j["escalation"][0]["week"] == "2026-03-09");
    CHECK(j["escalation"][0]["person"] == "a");
    const Json& p = j["policy"];
    CHECK(p["handoff"].dump() == R"JSON({"weekday":"monday","time":"09:00"})JSON");
    CHECK(p["no_consecutive"] == "any");
    CHECK(p["change_notice_days"] == 14);
    CHECK(p["holidays"] == Json::array());
    CHECK(p["business_hours"]["days"].size() == 5);
    CHECK(p["severities"]["P1"].dump() ==
          R"JSON({"coverage":"24x7","ack_minutes":5,"respond_minutes":15,"escalate_every_minutes":null,"reaches_ceo":true})JSON");
    CHECK(p["severities"]["P0"]["escalate_every_minutes"] == 30);
}

TEST_CASE("iCalendar: structure, UIDs, TZID times and VTIMEZONE") {
    const Plan plan = load(kExample);
    const std::string ics = exportIcs(plan, stamped());
    CHECK(ics == exportIcs(plan, stamped()));
    CHECK(ics.find('\n') == ics.find("\r\n") + 1);
    // Every LF is part of a CRLF.
    for (std::size_t i = 0; i < ics.size(); ++i)
        if (ics[i] == '\n') REQUIRE((i > 0 && ics[i - 1] == '\r'));
    CHECK(ics.size() >= 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");

    const auto lines = unfold(ics);
    REQUIRE(lines.size() > 6);
    CHECK(lines[0] == "BEGIN:VCALENDAR");
    CHECK(lines[1] == "VERSION:2.0");
    CHECK(lines[2] == "PRODID:-//Rotaplan//Rotaplan 0.1//EN");
    CHECK(lines[3] == "CALSCALE:GREGORIAN");
    CHECK(lines[4] == "X-WR-CALNAME:Platform on-call");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(countLines(lines, "BEGIN:VEVENT") == 11);
    CHECK(countLines(lines, "END:VEVENT") == 11);
    CHECK(countLines(lines, "BEGIN:VTIMEZONE") == 1);
    CHECK(countLines(lines, "TZID:America/New_York") == 1);
    CHECK(countLines(lines, "DTSTAMP:20261127T000000Z") == 11);

    // The first event: alice's first primary piece.
    // UIDs name week, role and piece, never the person (docs/changes.md).
    CHECK(countLines(lines, "UID:2026-11-30-primary-1.platform@rotaplan") == 1);
    CHECK(countLines(lines, "UID:2026-11-30-primary-2.platform@rotaplan") == 1);
    CHECK(countLines(lines, "SEQUENCE:0") == 11);
    CHECK(countLines(lines, "DTSTART;TZID=America/New_York:20261202T180000") == 1);
    CHECK(countLines(lines, "DTEND;TZID=America/New_York:20261203T090000") == 1);
    CHECK(countLines(lines, "SUMMARY:Platform on-call: primary (Carol Diaz)") == 2);
    CHECK(countLines(lines, "DESCRIPTION:Role: primary\\nWeek of 2026-11-30\\nPerson: Carol Diaz (carol)\\nSource: override\\nReason: alice at a school event") == 1);
    CHECK(countLines(lines, "SUMMARY:Platform on-call: shadow (Gina Park)") == 1);

    // UIDs are unique.
    auto uids = withPrefix(lines, "UID:");
    CHECK(uids.size() == 11);
    std::sort(uids.begin(), uids.end());
    CHECK(std::adjacent_find(uids.begin(), uids.end()) == uids.end());

    // The exported span (Nov 30 .. Dec 28) lies in one standard-time period: EST since 2026-11-01.
    const std::string tz = "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:STANDARD\r\n"
                           "DTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"
                           "TZNAME:EST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    CHECK(ics.find(tz) != std::string::npos);
}

TEST_CASE("iCalendar: --person, --utc, UIDs stable across filters") {
    const Plan plan = load(kExample);
    IcsOptions o = stamped();
    o.person = "alice";
    const auto lines = unfold(exportIcs(plan, o));
    CHECK(countLines(lines, "BEGIN:VEVENT") == 4);
    CHECK(countLines(lines, "UID:2026-11-30-primary-1.platform@rotaplan") == 1);
    CHECK(countLines(lines, "UID:2026-11-30-primary-3.platform@rotaplan") == 1);

    o.person.reset();
    o.utc = true;
    const std::string utc = exportIcs(plan, o);
    const auto ul = unfold(utc);
    CHECK(utc.find("VTIMEZONE") == std::string::npos);
    CHECK(utc.find("TZID") == std::string::npos);
    CHECK(countLines(ul, "DTSTART:20261202T230000Z") == 1);
    CHECK(countLines(ul, "DTEND:20261203T140000Z") == 1);

    IcsOptions none = stamped();
    none.person = "nobody";
    const auto nl = unfold(exportIcs(plan, none));
    CHECK(countLines(nl, "BEGIN:VEVENT") == 0);
    CHECK(countLines(nl, "BEGIN:VTIMEZONE") == 0);
    CHECK(nl.back() == "END:VCALENDAR");
}

TEST_CASE("iCalendar: VTIMEZONE covers the DST transitions of the span") {
    const Plan plan = load(R"JSON({
      "rotaplan": 1,
      "team": { "name": "T", "timezone": "America/New_York" },
      "people": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
      "weeks": [ { "start": "2026-03-02", "primary": "a", "secondary": "b" },
                 { "start": "2026-03-09", "primary": "b", "secondary": "a" } ],
      "overrides": [ { "role": "primary", "person": "a", "from": "2026-03-08T01:00", "to": "2026-03-08T03:30" } ]
    })JSON");
    const std::string ics = exportIcs(plan, stamped());
    CHECK(ics.find("BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0400\r\n"
                   "TZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\n"
                   "TZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT\r\n") != std::string::npos);
    const auto lines = unfold(ics);
    CHECK(countLines(lines, "DTSTART;TZID=America/New_York:20260308T010000") == 1);
    CHECK(countLines(lines, "DTEND;TZID=America/New_York:20260308T033000") == 1);
    CHECK(countLines(lines, "DTEND;TZID=America/New_York:20260316T090000") == 2);
}

TEST_CASE("iCalendar: a repeated local time (DST end) is written in UTC") {
    const Plan plan = load(R"JSON({
      "rotaplan": 1,
      "team": { "name": "T", "timezone": "America/New_York" },
      "people": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
      "weeks": [ { "start": "2026-10-26", "primary": "a", "secondary": "b" } ],
      "overrides": [ { "role": "primary", "person": "b", "from": "2026-11-01T01:30", "to": "2026-11-01T01:30-05:00" } ]
    })JSON");
    const auto lines = unfold(exportIcs(plan, stamped()));
    // Both 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) are written in UTC; 09:00 keeps TZID.
    CHECK(countLines(lines, "DTSTART:20261101T053000Z") == 1);
    CHECK(countLines(lines, "DTEND:20261101T053000Z") == 1);
    CHECK(countLines(lines, "DTEND:20261101T063000Z") == 1);
    CHECK(countLines(lines, "DTSTART:20261101T063000Z") == 1);
    CHECK(countLines(lines, "DTSTART;TZID=America/New_York:20261026T090000") == 2);
    CHECK(countLines(lines, "DTEND;TZID=America/New_York:20261102T090000") == 2);
}

TEST_CASE("iCalendar: UTC team zone uses Z times without VTIMEZONE") {
    const Plan plan = load(R"JSON({
      "rotaplan": 1,
      "team": { "name": "G", "timezone": "UTC" },
      "people": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
      "weeks": [ { "start": "2026-06-29", "primary": "a", "secondary": "b" } ]
    })JSON");
    const std::string ics = exportIcs(plan, stamped());
    const std::string expected =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rotaplan//Rotaplan 0.1//EN\r\n"
        "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:G on-call\r\n"
        "BEGIN:VEVENT\r\nUID:2026-06-29-primary-1.g@rotaplan\r\nSEQUENCE:0\r\n"
        "DTSTAMP:20261127T000000Z\r\nDTSTART:20260629T090000Z\r\nDTEND:20260706T090000Z\r\n"
        "SUMMARY:G on-call: primary (A)\r\n"
        "DESCRIPTION:Role: primary\\nWeek of 2026-06-29\\nPerson: A (a)\\nSource: rotat\r\n ion\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2026-06-29-secondary-1.g@rotaplan\r\nSEQUENCE:0\r\n"
        "DTSTAMP:20261127T000000Z\r\nDTSTART:20260629T090000Z\r\nDTEND:20260706T090000Z\r\n"
        "SUMMARY:G on-call: secondary (B)\r\n"
        "DESCRIPTION:Role: secondary\\nWeek of 2026-06-29\\nPerson: B (b)\\nSource: rot\r\n ation\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    CHECK(ics == expected);
}

TEST_CASE("iCalendar: folding at 75 octets never splits a UTF-8 sequence") {
    const std::string long_name =
        "\xC5\x8Ctsuka Ry\xC5\xAB" "nosuke \xE5\xA4\xA7\xE5\xA1\x9A\xE9\xBE\x8D\xE4\xB9\x8B\xE4\xBB\x8B "
        "\xD0\x97\xD0\xB8\xD0\xBD\xD0\xB0\xD0\xB8\xD0\xB4\xD0\xB0 "
        "\xF0\x9F\x9A\x80\xF0\x9F\x8C\x8D\xF0\x9F\x8E\x89\xF0\x9F\x9A\x80\xF0\x9F\x8C\x8D\xF0\x9F\x8E\x89 "
        "\xCE\xA3\xCF\x89\xCE\xBA\xCF\x81\xCE\xAC\xCF\x84\xCE\xB7\xCF\x82 "
        "\xE5\xA4\xA7\xE5\xA1\x9A\xE9\xBE\x8D\xE4\xB9\x8B\xE4\xBB\x8B\xE5\xA4\xA7\xE5\xA1\x9A\xE9\xBE\x8D"
        "\xE4\xB9\x8B\xE4\xBB\x8B\xE5\xA4\xA7\xE5\xA1\x9A\xE9\xBE\x8D\xE4\xB9\x8B\xE4\xBB\x8B";
    Json pj = Json::parse(R"JSON({
      "rotaplan": 1, "team": { "name": "Platform", "timezone": "Europe/Berlin" },
      "people": [ { "id": "l", "name": "x" }, { "id": "b", "name": "B" } ],
      "weeks": [ { "start": "2026-11-30", "primary": "l", "secondary": "b" } ]
    })JSON");
    pj["people"][0]["name"] = long_name;
    const Plan plan = load(pj.dump());
    const std::string ics = exportIcs(plan, stamped());
    const auto physical = splitCrlf(ics);
    bool folded = false;
    for (std::size_t i = 0; i < physical.size(); ++i) {
        const auto& l = physical[i];
        CHECK(l.size() <= 75);
        CHECK(validUtf8(l));
        if (!l.empty() && l[0] == ' ') {
            folded = true;
            CHECK(i > 0);
            CHECK(l.size() >= 2);
        }
    }
    CHECK(folded);
    const auto lines = unfold(ics);
    CHECK(countLines(lines, "SUMMARY:Platform on-call: primary (" + long_name + ")") == 1);

    // Folding lines at exactly 75 octets: a SUMMARY of 75 octets is not folded, 76 is.
    pj["people"][0]["name"] = std::string(75 - std::string("SUMMARY:Platform on-call: primary ()").size(), 'a');
    auto p75 = splitCrlf(exportIcs(load(pj.dump()), stamped()));
    CHECK(std::count_if(p75.begin(), p75.end(), [](const std::string& l) {
              return l.rfind("SUMMARY:", 0) == 0 && l.size() == 75;
          }) == 1);
    pj["people"][0]["name"] = std::string(76 - std::string("SUMMARY:Platform on-call: primary ()").size(), 'a');
    auto p76 = splitCrlf(exportIcs(load(pj.dump()), stamped()));
    auto it = std::find_if(p76.begin(), p76.end(), [](const std::string& l) { return l.rfind("SUMMARY:", 0) == 0; });
    REQUIRE(it != p76.end());
    CHECK(it->size() == 75);
    REQUIRE(it + 1 != p76.end());
    CHECK(*(it + 1) == " )");
}

TEST_CASE("iCalendar: text escaping and injection attempts") {
    Json pj = Json::parse(R"JSON({
      "rotaplan": 1, "team": { "name": "Pay, Ments; \\Core\\", "timezone": "UTC" },
      "people": [ { "id": "eve", "name": "Eve, Mallory; X\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\nEND:VEVENT" },
                  { "id": "b", "name": "B" } ],
      "weeks": [ { "start": "2026-11-30", "primary": "eve", "secondary": "b" } ]
    })JSON");
    const Plan plan = load(pj.dump());
    const std::string ics = exportIcs(plan, stamped());
    const auto lines = unfold(ics);
    CHECK(countLines(lines, "BEGIN:VEVENT") == 2);
    CHECK(countLines(lines, "END:VEVENT") == 2);
    CHECK(withPrefix(lines, "SUMMARY:pwned").empty());
    CHECK(countLines(lines, "X-WR-CALNAME:Pay\\, Ments\\; \\\\Core\\\\ on-call") == 1);
    CHECK(countLines(lines, "SUMMARY:Pay\\, Ments\\; \\\\Core\\\\ on-call: primary "
                            "(Eve\\, Mallory\\; X\\nBEGIN:VEVENT\\nSUMMARY:pwned\\nEND:VEVENT)") == 1);
    // No bare CR or LF anywhere but in CRLF line ends.
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics[i] == '\r') REQUIRE((i + 1 < ics.size() && ics[i + 1] == '\n'));
        if (ics[i] == '\n') REQUIRE((i > 0 && ics[i - 1] == '\r'));
    }
}

TEST_CASE("CSV: header, CRLF, quoting and formula defusing") {
    Json pj = Json::parse(R"JSON({
      "rotaplan": 1, "team": { "name": "T", "timezone": "America/New_York" },
      "people": [ { "id": "f", "name": "=cmd|' /C calc'!A0" },
                  { "id": "q", "name": "Doe, \"JJ\"\nJr" },
                  { "id": "p", "name": "+1 555" }, { "id": "m", "name": "-x" },
                  { "id": "at", "name": "@SUM(A1)" }, { "id": "-d", "name": "Plain" } ],
      "weeks": [ { "start": "2026-11-30", "primary": "f", "secondary": "q" },
                 { "start": "2026-12-07", "primary": "p", "secondary": "m" },
                 { "start": "2026-12-14", "primary": "at", "secondary": "-d" } ],
      "overrides": [ { "role": "primary", "person": "q", "from": "2026-12-01T09:00", "to": "2026-12-01T10:00" } ]
    })JSON");
    const Plan plan = load(pj.dump());
    const std::string csv = exportCsv(plan);
    const std::string expected =
        "week,role,person,name,start,end,source\r\n"
        "2026-11-30,primary,f,'=cmd|' /C calc'!A0,2026-11-30T09:00:00-05:00,2026-12-01T09:00:00-05:00,rotation\r\n"
        "2026-11-30,secondary,q,\"Doe, \"\"JJ\"\"\nJr\",2026-11-30T09:00:00-05:00,2026-12-07T09:00:00-05:00,rotation\r\n"
        "2026-11-30,primary,q,\"Doe, \"\"JJ\"\"\nJr\",2026-12-01T09:00:00-05:00,2026-12-01T10:00:00-05:00,override\r\n"
        "2026-11-30,primary,f,'=cmd|' /C calc'!A0,2026-12-01T10:00:00-05:00,2026-12-07T09:00:00-05:00,rotation\r\n"
        "2026-12-07,primary,p,'+1 555,2026-12-07T09:00:00-05:00,2026-12-14T09:00:00-05:00,rotation\r\n"
        "2026-12-07,secondary,m,'-x,2026-12-07T09:00:00-05:00,2026-12-14T09:00:00-05:00,rotation\r\n"
        "2026-12-14,primary,at,'@SUM(A1),2026-12-14T09:00:00-05:00,2026-12-21T09:00:00-05:00,rotation\r\n"
        "2026-12-14,secondary,'-d,Plain,2026-12-14T09:00:00-05:00,2026-12-21T09:00:00-05:00,rotation\r\n";
    CHECK(csv == expected);
    CHECK(csv == exportCsv(plan));
}

TEST_CASE("Markdown of the example plan") {
    const Plan plan = load(kExample);
    const std::string md = exportMarkdown(plan);
    const std::string expected =
        "# Platform on-call rotation\n"
        "\n"
        "| Week | Primary On-Call | Secondary On-Call | Escalation |\n"
        "| --- | --- | --- | --- |\n"
        "| 2026-11-30 \xE2\x80\x93 2026-12-07 | Alice Ng | Bob Osei | Dana Li |\n"
        "| 2026-12-07 \xE2\x80\x93 2026-12-14 | Carol Diaz | Dev Rao | Dana Li |\n"
        "| 2026-12-14 \xE2\x80\x93 2026-12-21 | Bob Osei | Alice Ng | Erin Cho |\n"
        "| 2026-12-21 \xE2\x80\x93 2026-12-28 | Dev Rao | Alice Ng | Dana Li |\n"
        "\n"
        "## Overrides (America/New_York time)\n"
        "\n"
        "- 2026-12-02 18:00 \xE2\x80\x93 2026-12-03 09:00: Carol Diaz is primary (alice at a school event)\n"
        "\n"
        "## Contacts\n"
        "\n"
        "- Engineering lead: Dana Li\n"
        "- CTO: Erin Cho\n"
        "- CEO: Frank Roy\n"
        "- Security: security@example.com\n";
    CHECK(md == expected);
    CHECK(md == exportMarkdown(plan));
}

TEST_CASE("Markdown: unknown ids, unassigned roles, escaping, contact details") {
    const Plan plan = load(R"JSON({
      "rotaplan": 1, "team": { "name": "T", "timezone": "UTC" },
      "people": [ { "id": "p", "name": "Pat | Pipe\nNext" },
                  { "id": "l", "name": "Lee", "email": "lee@example.com", "phone": "+1 555" } ],
      "contacts": { "engineering_lead": "l", "ceo": "ghost" },
      "weeks": [ { "start": "2026-11-30", "primary": "p", "secondary": "ghost" },
                 { "start": "2026-12-07", "primary": "p" } ]
    })JSON");
    const std::string md = exportMarkdown(plan);
    CHECK(md.find("| 2026-11-30 \xE2\x80\x93 2026-12-07 | Pat \\| Pipe Next | ghost | Lee |\n") != std::string::npos);
    CHECK(md.find("| 2026-12-07 \xE2\x80\x93 2026-12-14 | Pat \\| Pipe Next | \xE2\x80\x94 | Lee |\n") != std::string::npos);
    CHECK(md.find("- Engineering lead: Lee (lee@example.com, +1 555)\n") != std::string::npos);
    CHECK(md.find("- CTO: \xE2\x80\x94\n") != std::string::npos);
    CHECK(md.find("- CEO: ghost\n") != std::string::npos);
    CHECK(md.find("- Security: \xE2\x80\x94\n") != std::string::npos);
    CHECK(md.find("## Overrides") == std::string::npos);
}
