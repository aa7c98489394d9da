// Imports from the vendors' resolved timelines (interop.md "Import"): the imported plan's
// resolved shifts equal the input timelines instant by instant (DST weeks in several
// zones, overrides, holes, overlaps), the detected zone and handoff, people, and bad
// files refused with the place.
#include <doctest/doctest.h>

#include "interop_helpers.hpp"

using namespace interop_test;
using rp::interop::Vendor;

namespace {

struct Entry {
    std::string person;   // plan id (e-mail is <id>@example.com)
    Instant start, end;
};

// A role's resolved shifts, adjacent pieces of one person joined (as a vendor renders them).
std::vector<Entry> timelineOf(const rp::Plan& plan, rp::Role role) {
    std::vector<Entry> out;
    for (const auto& s : truthOf(plan, role).shifts) {
        if (!out.empty() && out.back().person == s.person && out.back().end == s.start) out.back().end = s.end;
        else out.push_back({s.person, s.start, s.end});
    }
    return out;
}

std::string rfc(Instant t, const char* zone = "UTC") { return rp::formatRfc3339(rp::findZone(zone), t); }

std::string displayName(const std::string& id) { return std::string(1, static_cast<char>(id[0] - 32)) + id.substr(1); }

// The file each vendor gives back for one schedule.
std::string vendorFile(Vendor v, const std::vector<Entry>& es, const std::string& zone, const std::string& name) {
    Json doc;
    switch (v) {
        case Vendor::PagerDuty: {
            Json entries = Json::array();
            for (const Entry& e : es)
                entries.push_back({{"start", rfc(e.start, zone.c_str())}, {"end", rfc(e.end, zone.c_str())},
                                   {"user", {{"id", "P" + e.person}, {"type", "user_reference"}, {"summary", displayName(e.person)}}}});
            Json users = Json::array();
            for (const Entry& e : es) users.push_back({{"id", "P" + e.person}, {"summary", displayName(e.person)}, {"email", e.person + "@example.com"}});
            doc = {{"schedule", {{"id", "PSCHED"}, {"name", name}, {"time_zone", zone}, {"users", users},
                                 {"final_schedule", {{"name", "Final Schedule"}, {"rendered_schedule_entries", entries}}}}}};
            break;
        }
        case Vendor::Opsgenie: {
            Json periods = Json::array();
            for (const Entry& e : es)
                periods.push_back({{"startDate", rfc(e.start)}, {"endDate", rfc(e.end)}, {"type", "historical"},
                                   {"recipient", {{"id", "id-" + e.person}, {"type", "user"}, {"name", e.person + "@example.com"}}}});
            Json rotation = {{"id", "r1"}, {"name", "weekly"}, {"order", 1}, {"periods", periods}};
            Json data = Json::object();
            data["_parent"] = {{"id", "s1"}, {"name", name}, {"enabled", true}};
            data["finalTimeline"] = {{"rotations", Json::array({rotation})}};
            doc = Json::object();
            doc["data"] = data;
            doc["took"] = 0.1;
            doc["requestId"] = "x";
            break;
        }
        case Vendor::GrafanaOnCall: {
            Json results = Json::array();
            for (const Entry& e : es)
                results.push_back({{"user_pk", "U" + e.person}, {"user_email", e.person + "@example.com"},
                                   {"user_username", e.person}, {"shift_start", rfc(e.start)}, {"shift_end", rfc(e.end)}});
            // Two pages, concatenated as an array.
            const std::size_t half = results.size() / 2;
            Json a = Json::array(), b = Json::array();
            for (std::size_t i = 0; i < results.size(); ++i) (i < half ? a : b).push_back(results[i]);
            doc = Json::array({{{"count", results.size()}, {"next", "page2"}, {"results", a}},
                               {{"count", results.size()}, {"next", nullptr}, {"results", b}}});
            break;
        }
        case Vendor::GoAlert: {
            Json shifts = Json::array();
            for (const Entry& e : es)
                shifts.push_back({{"userID", "uuid-" + e.person}, {"start", rfc(e.start)}, {"end", rfc(e.end)},
                                  {"user", {{"id", "uuid-" + e.person}, {"name", displayName(e.person)}, {"email", e.person + "@example.com"}}}});
            doc = {{"data", {{"schedule", {{"id", "S"}, {"name", name}, {"timeZone", zone}, {"shifts", shifts}}}}}};
            break;
        }
        case Vendor::Ics: {
            std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-TIMEZONE:" + zone + "\r\n";
            int n = 0;
            for (const Entry& e : es)
                ics += "BEGIN:VEVENT\r\nUID:e" + std::to_string(++n) + "@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" +
                       rp::formatIcsUtc(e.start) + "\r\nDTEND:" + rp::formatIcsUtc(e.end) + "\r\nSUMMARY:[L1] " + e.person +
                       "@example.com\r\nEND:VEVENT\r\n";
            return ics + "END:VCALENDAR\r\n";
        }
    }
    return doc.dump(1);
}

rp::interop::ImportResult importOk(Vendor v, const std::string& primary, const std::optional<std::string>& secondary = {},
                                   const std::optional<std::string>& shadow = {}, rp::interop::ImportOptions options = {}) {
    std::optional<rp::interop::RoleFile> s, h;
    if (secondary) s = rp::interop::RoleFile{"secondary.json", *secondary};
    if (shadow) h = rp::interop::RoleFile{"shadow.json", *shadow};
    auto r = rp::interop::importTimelines(v, {"primary.json", primary}, s, h, options);
    if (auto* f = std::get_if<rp::interop::ImportFailure>(&r)) FAIL("import refused: " << f->str());
    return std::get<rp::interop::ImportResult>(r);
}

std::string importError(Vendor v, const std::string& primary, rp::interop::ImportOptions options = {}) {
    auto r = rp::interop::importTimelines(v, {"primary.json", primary}, std::nullopt, std::nullopt, options);
    if (!std::holds_alternative<rp::interop::ImportFailure>(r)) FAIL("import accepted a bad file");
    return std::get<rp::interop::ImportFailure>(r).str();
}

// The imported plan's resolved shifts of `role` equal the entries (ids through e-mail).
void checkSame(const rp::Plan& imported, rp::Role role, const std::vector<Entry>& want) {
    std::vector<Entry> got;
    for (const Entry& e : timelineOf(imported, role)) {
        const rp::Person* p = imported.findPerson(e.person);
        REQUIRE_MESSAGE(p, "no person " << e.person);
        std::string id = p->email ? p->email->substr(0, p->email->find('@')) : e.person;
        if (!got.empty() && got.back().person == id && got.back().end == e.start) got.back().end = e.end;
        else got.push_back({id, e.start, e.end});
    }
    REQUIRE_MESSAGE(got.size() == want.size(), rp::roleName(role) << ": " << got.size() << " stretches, expected " << want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].person == want[i].person);
        CHECK(rfc(got[i].start) == rfc(want[i].start));
        CHECK(rfc(got[i].end) == rfc(want[i].end));
    }
}

int countKind(const std::vector<rp::interop::Loss>& losses, const std::string& kind) {
    return static_cast<int>(std::count_if(losses.begin(), losses.end(), [&](const auto& l) { return l.kind == kind; }));
}

}  // namespace

TEST_CASE("interop import: exact on DST weeks in several zones, from every vendor") {
    struct Case {
        const char* zone;
        const char* weekday;
        const char* time;
        const char* first;
    };
    const Case cases[] = {
        {"America/New_York", "monday", "09:00", "2026-02-23"},
        {"Europe/Berlin", "sunday", "02:30", "2026-03-15"},
        {"Australia/Sydney", "wednesday", "18:00", "2026-03-25"},
        {"Asia/Kolkata", "friday", "09:15", "2026-01-02"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        auto weeks = roundRobin(36, {"alice", "bob", "carol", "dan"});
        std::swap(weeks[4].first, weeks[7].first);
        const rp::Date d0 = *rp::parseDate(c.first);
        const std::string day = rp::formatDate(d0 + date::days{7 * 5 + 2});
        const std::string over = R"([{"role":"primary","person":"dan","from":")" + day + R"(T18:00","to":")" + day +
                                 R"(T22:00"},{"role":"secondary","person":"dan","from":")" + rp::formatDate(d0 + date::days{7 * 11 + 6}) +
                                 R"(T20:00","to":")" + rp::formatDate(d0 + date::days{7 * 12 + 1}) + R"(T08:00"}])";
        std::vector<std::string> shadows(36, "");
        for (int k = 6; k < 10; ++k) shadows[static_cast<std::size_t>(k)] = "tim";
        const rp::Plan plan = load(planText(c.zone, c.weekday, c.time, c.first, weeks, over, shadows));
        const auto primary = timelineOf(plan, rp::Role::Primary), secondary = timelineOf(plan, rp::Role::Secondary),
                   shadow = timelineOf(plan, rp::Role::Shadow);
        for (Vendor v : {Vendor::PagerDuty, Vendor::Opsgenie, Vendor::GrafanaOnCall, Vendor::GoAlert, Vendor::Ics}) {
            CAPTURE(rp::interop::vendorName(v));
            rp::interop::ImportOptions options;
            if (v == Vendor::Opsgenie || v == Vendor::GrafanaOnCall) options.timezone = c.zone;   // their files carry none
            const auto r = importOk(v, vendorFile(v, primary, c.zone, "Ops primary"), vendorFile(v, secondary, c.zone, "Ops secondary"),
                                    vendorFile(v, shadow, c.zone, "Ops shadow"), options);
            CHECK(r.plan.team_timezone == c.zone);
            CHECK(rp::weekdayName(r.plan.policy.handoff_weekday) == std::string(c.weekday));
            CHECK(rp::formatHm(r.plan.policy.handoff_minute) == c.time);
            CHECK(r.plan.weeks.size() == 36);
            checkSame(r.plan, rp::Role::Primary, primary);
            checkSame(r.plan, rp::Role::Secondary, secondary);
            checkSame(r.plan, rp::Role::Shadow, shadow);
            // Weeks hold the cycle; only the pieces that differ are overrides.
            CHECK(r.plan.overrides.size() == 2);
            CHECK(r.plan.weeks[4].primary == std::optional<std::string>("dan"));
            // The shadow file has nobody outside weeks 6-9: those are holes.
            CHECK(countKind(r.losses, "hole") == 2);
            CHECK(countKind(r.losses, "hole") == static_cast<int>(r.losses.size()));
            if (v != Vendor::Ics && v != Vendor::GrafanaOnCall) CHECK(r.plan.team_name == "Ops");
        }
    }
}

TEST_CASE("interop import: largest part, ties to the one at the handoff, holes, overlaps") {
    const auto* utc = rp::findZone("UTC");
    auto at = [&](const char* s) { return *rp::parseDateTime(utc, s); };
    // Week 1 (Mon 2026-01-05 09:00): alice 4 days, bob 3. Week 2: bob 3.5 days then carol
    // 3.5 (a tie: bob at the handoff). Week 3: alice, with a hole of a day. Week 4: dan,
    // with carol overlapping dan's first hour.
    std::vector<Entry> es = {
        {"alice", at("2026-01-05T09:00"), at("2026-01-09T09:00")},
        {"bob", at("2026-01-09T09:00"), at("2026-01-15T21:00")},
        {"carol", at("2026-01-15T21:00"), at("2026-01-19T09:00")},
        {"alice", at("2026-01-19T09:00"), at("2026-01-22T09:00")},
        {"alice", at("2026-01-23T09:00"), at("2026-01-26T09:00")},
        {"carol", at("2026-01-26T09:00"), at("2026-01-26T10:00")},
        {"dan", at("2026-01-26T09:00"), at("2026-02-02T09:00")},
    };
    const auto r = importOk(Vendor::GoAlert, vendorFile(Vendor::GoAlert, es, "UTC", "x"));
    const rp::Plan& p = r.plan;
    REQUIRE(p.weeks.size() == 4);
    CHECK(p.weeks[0].primary == std::optional<std::string>("alice"));
    CHECK(p.weeks[1].primary == std::optional<std::string>("bob"));
    CHECK(!p.weeks[2].primary.has_value());   // a week with a hole stays unassigned
    CHECK(p.weeks[3].primary == std::optional<std::string>("dan"));
    const std::vector<Entry> want = {es[0], es[1], es[2], es[3], es[4], es[5], {"dan", at("2026-01-26T10:00"), at("2026-02-02T09:00")}};
    checkSame(p, rp::Role::Primary, want);
    REQUIRE(countKind(r.losses, "hole") == 1);
    REQUIRE(countKind(r.losses, "unsupported") == 1);
    for (const auto& l : r.losses) {
        if (l.kind == "hole") {
            CHECK(l.role == rp::Role::Primary);
            CHECK(l.week == rp::parseDate("2026-01-19"));
            CHECK(l.detail == "Nobody is on call for primary from 2026-01-22 09:00 to 2026-01-23 09:00 (UTC); that week's "
                              "primary is left unassigned and its other pieces are overrides.");
        } else {
            CHECK(l.person == std::optional<std::string>("dan"));
            CHECK(l.detail == "Carol (carol) and Dan (dan) are both on call for primary from 2026-01-26 09:00 to "
                              "2026-01-26 10:00 (UTC); a plan holds one person per role, so it keeps Carol (carol) there.");
        }
    }
}

TEST_CASE("interop import: the handoff is when most turns start, in the schedule's zone") {
    const rp::Plan plan = load(planText("Europe/Berlin", "wednesday", "18:30", "2026-03-04", roundRobin(10, {"alice", "bob", "carol"}),
                                        R"([{"role":"primary","person":"dan","from":"2026-03-06T08:00","to":"2026-03-06T12:00"}])"));
    const auto es = timelineOf(plan, rp::Role::Primary);
    auto r = importOk(Vendor::PagerDuty, vendorFile(Vendor::PagerDuty, es, "Europe/Berlin", "Ops"));
    CHECK(r.plan.policy.handoff_weekday == 3);
    CHECK(r.plan.policy.handoff_minute == 18 * 60 + 30);
    CHECK(r.plan.team_timezone == "Europe/Berlin");
    // --handoff and --timezone win; the result is still exact.
    rp::interop::ImportOptions o;
    o.timezone = "America/New_York";
    o.handoff_weekday = 1;
    o.handoff_minute = 9 * 60;
    r = importOk(Vendor::PagerDuty, vendorFile(Vendor::PagerDuty, es, "Europe/Berlin", "Ops"), {}, {}, o);
    CHECK(r.plan.team_timezone == "America/New_York");
    CHECK(r.plan.policy.handoff_weekday == 1);
    checkSame(r.plan, rp::Role::Primary, es);
    // Without a zone in the file (Grafana's final shifts) the zone is UTC.
    r = importOk(Vendor::GrafanaOnCall, vendorFile(Vendor::GrafanaOnCall, es, "", ""));
    CHECK(r.plan.team_timezone == "UTC");
    CHECK(r.plan.policy.handoff_minute == 16 * 60 + 30);   // 18:30 in Berlin's summer, most of the weeks
    checkSame(r.plan, rp::Role::Primary, es);
}

TEST_CASE("interop import: people from the timelines") {
    const auto* utc = rp::findZone("UTC");
    auto at = [&](const char* s) { return *rp::parseDateTime(utc, s); };
    const std::string page = R"([{"results": [
      {"user_pk": "U1", "user_email": "Ann.Lee@corp.example", "user_username": "ann", "shift_start": "2026-01-05T09:00:00Z", "shift_end": "2026-01-12T09:00:00Z"},
      {"user_pk": "U2", "user_email": "ann.lee@other.example", "user_username": "ann2", "shift_start": "2026-01-12T09:00:00Z", "shift_end": "2026-01-19T09:00:00Z"},
      {"user_pk": "U3", "user_username": "bo", "shift_start": "2026-01-19T09:00:00Z", "shift_end": "2026-01-26T09:00:00Z"}
    ]}])";
    const auto r = importOk(Vendor::GrafanaOnCall, page, std::nullopt,
                            R"({"results": [{"user_pk": "U9", "user_email": "tess@corp.example", "user_username": "tess", "shift_start": "2026-01-05T09:00:00Z", "shift_end": "2026-01-12T09:00:00Z"}]})");
    REQUIRE(r.plan.people.size() == 4);
    CHECK(r.plan.people[0].id == "ann.lee");
    CHECK(r.plan.people[0].name == "ann");
    CHECK(r.plan.people[0].email == std::optional<std::string>("Ann.Lee@corp.example"));
    CHECK(r.plan.people[1].id == "tess");
    CHECK(r.plan.people[1].trainee);
    CHECK(r.plan.people[2].id == "ann.lee-2");
    CHECK(r.plan.people[3].id == "u3");
    CHECK(r.plan.weeks[2].primary == std::optional<std::string>("u3"));
    CHECK(r.plan.weeks[0].shadow == std::optional<std::string>("tess"));
    (void)at;
}

TEST_CASE("interop import: iCalendar feeds") {
    const std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Payments primary\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;TZID=Europe/Berlin:20260302T090000\r\nDTEND;TZID=Europe/Berlin:20260309T090000\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3\r\nSUMMARY:[L1] alice \r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART;TZID=Europe/Berlin:20260309T090000\r\nDURATION:P7D\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260323T080000Z\r\n"
        "ATTENDEE;CN=Bob B:mailto:bob@example.com\r\nSUMMARY:On Call - Bob\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c@x\r\nDTSTART:20260312T170000Z\r\nDTEND:20260312T210000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:zed\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:d@x\r\nDTSTART:20260304T170000Z\r\nDTEND:20260304T2100\r\n 00Z\r\n"
        "DESCRIPTION:Role: primary\\nPerson: Carol Diaz (carol)\\nSource: override\r\nSUMMARY:[L2] Ops on-call: primary (Carol Diaz)\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    const auto r = importOk(Vendor::Ics, ics);
    CHECK(r.plan.team_timezone == "Europe/Berlin");
    CHECK(r.plan.team_name == "Payments");
    REQUIRE(r.plan.weeks.size() == 5);
    CHECK(r.plan.weeks[0].primary == std::optional<std::string>("alice"));
    CHECK(r.plan.weeks[1].primary == std::optional<std::string>("bob"));
    CHECK(r.plan.weeks[4].primary == std::optional<std::string>("alice"));
    CHECK(r.plan.findPerson("bob")->name == "Bob B");
    CHECK(r.plan.findPerson("carol")->name == "Carol Diaz");
    REQUIRE(r.plan.overrides.size() == 1);
    CHECK(r.plan.overrides[0].person == "carol");
    CHECK(r.plan.overrides[0].from.text == "2026-03-04T18:00");
    CHECK(r.losses.empty());   // carol's [L2] evening over alice's [L1] week is Grafana's own resolution
}

TEST_CASE("interop import: bad vendor files are refused with the place") {
    CHECK(importError(Vendor::PagerDuty, "{\"schedule\": {\"time_zone\": \"Mars/Base\", \"final_schedule\": {\"rendered_schedule_entries\": []}}}") ==
          "primary.json: /schedule/time_zone (line 1, column 28): unknown time zone \"Mars/Base\": expected an IANA name such as America/New_York");
    CHECK(importError(Vendor::PagerDuty, "{\"users\": []}") ==
          "primary.json: (line 1, column 1): not a PagerDuty schedule: expected the response of GET /schedules/{id} "
          "({\"schedule\": {..., \"final_schedule\": ...}}) or of GET /oncalls ({\"oncalls\": [...]})");
    CHECK(importError(Vendor::GoAlert, "{\"data\": {\"schedule\": {\"timeZone\": \"UTC\", \"shifts\": [\n"
                                       "{\"userID\": \"u\", \"start\": \"2026-01-05T09:00:00Z\", \"end\": \"2026-01-04T09:00:00Z\"}]}}}") ==
          "primary.json: /data/schedule/shifts/0/end (line 2, column 57): the entry ends (2026-01-04T09:00:00+00:00) before it "
          "starts (2026-01-05T09:00:00+00:00)");
    CHECK(importError(Vendor::GrafanaOnCall, "{\"results\": [{\"user_pk\": \"U1\", \"shift_start\": \"2026-01-05 09:00\", \"shift_end\": \"x\"}]}") ==
          "primary.json: /results/0/shift_start (line 1, column 47): expected a date-time with an offset such as "
          "2026-11-30T09:00:00-05:00, found \"2026-01-05 09:00\"");
    CHECK(importError(Vendor::Opsgenie, "{\"data\": {\"finalTimeline\": {\"rotations\": 3}}}") ==
          "primary.json: /data/finalTimeline/rotations (line 1, column 42): expected a list of rotations, found 3");
    CHECK(importError(Vendor::Opsgenie, "{\"data\": [1, 2,]}").rfind("primary.json: (line 1, column 16): not valid JSON", 0) == 0);
    CHECK(importError(Vendor::Ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-01-05\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") ==
          "primary.json: line 3: expected a date such as 20261130T090000Z in DTSTART, found \"2026-01-05\"");
    CHECK(importError(Vendor::Ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260105T090000Z\r\nSUMMARY:a\r\n"
                                   "BEGIN:VEVENT\r\nDTSTART:20260112T090000Z\r\nSUMMARY:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") ==
          "primary.json: line 2: BEGIN:VEVENT without its END:VEVENT");
    // A zone that does not exist is refused in any role's file, even with --timezone.
    rp::interop::ImportOptions berlin;
    berlin.timezone = "Europe/Berlin";
    auto zoned = rp::interop::importTimelines(Vendor::GoAlert, {"primary.json", "{\"data\": {\"schedule\": {\"shifts\": []}}}"},
                                              rp::interop::RoleFile{"secondary.json", "{\"data\": {\"schedule\": {\"timeZone\": \"Oz/Emerald\", \"shifts\": []}}}"},
                                              std::nullopt, berlin);
    REQUIRE(std::holds_alternative<rp::interop::ImportFailure>(zoned));
    CHECK(std::get<rp::interop::ImportFailure>(zoned).str() ==
          "secondary.json: /data/schedule/timeZone (line 1, column 36): unknown time zone \"Oz/Emerald\": expected an IANA name such as America/New_York");
    CHECK(importError(Vendor::Ics, "hello") == "primary.json: line 1: expected NAME:VALUE, found \"hello\"");
    CHECK(importError(Vendor::Ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260105T090000Z\r\nDTEND:20260104T090000Z\r\nSUMMARY:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") ==
          "primary.json: line 4: the event ends (DTEND) before it starts (DTSTART)");
    rp::interop::ImportOptions o;
    o.timezone = "Nowhere/Land";
    CHECK(importError(Vendor::GoAlert, "{\"data\": {\"schedule\": {\"shifts\": []}}}", o) ==
          "--timezone: unknown time zone \"Nowhere/Land\": expected an IANA name such as America/New_York");
}

TEST_CASE("interop import: PagerDuty's /oncalls and Rails zone names") {
    const std::string oncalls = R"({"oncalls": [
      {"user": {"id": "PA", "summary": "Alice"}, "schedule": {"id": "S1", "summary": "Web primary"}, "escalation_level": 1,
       "start": "2026-01-05T09:00:00-05:00", "end": "2026-01-12T09:00:00-05:00"},
      {"user": {"id": "PA", "summary": "Alice"}, "schedule": {"id": "S1", "summary": "Web primary"}, "escalation_level": 2,
       "start": "2026-01-05T09:00:00-05:00", "end": "2026-01-12T09:00:00-05:00"},
      {"user": {"id": "PB", "summary": "Bob"}, "schedule": {"id": "S1", "summary": "Web primary"}, "escalation_level": 1,
       "start": "2026-01-12T09:00:00-05:00", "end": "2026-01-19T09:00:00-05:00"},
      {"user": {"id": "PM", "summary": "Manager"}, "schedule": null, "escalation_level": 3, "start": null, "end": null}]})";
    rp::interop::ImportOptions o;
    o.timezone = "America/New_York";
    const auto r = importOk(Vendor::PagerDuty, oncalls, std::nullopt, std::nullopt, o);
    CHECK(r.plan.team_name == "Web");
    REQUIRE(r.plan.weeks.size() == 2);
    CHECK(r.plan.weeks[0].primary == std::optional<std::string>("pa"));
    CHECK(r.plan.overrides.empty());
    CHECK(r.losses.empty());
    const auto rails = importOk(Vendor::PagerDuty,
                                R"J({"schedule": {"time_zone": "Eastern Time (US & Canada)", "final_schedule": {"rendered_schedule_entries": [
                                   {"start": "2026-01-05T09:00:00-05:00", "end": "2026-01-12T09:00:00-05:00", "user": {"id": "PA", "summary": "Alice"}}]}}})J");
    CHECK(rails.plan.team_timezone == "America/New_York");
    // An entry of a user the schedule's users do not list: kept, and reported once.
    const auto unlisted = importOk(Vendor::PagerDuty, R"J({"schedule": {"time_zone": "UTC", "users": [{"id": "PA", "summary": "Alice"}],
        "final_schedule": {"rendered_schedule_entries": [
          {"start": "2026-01-05T09:00:00Z", "end": "2026-01-12T09:00:00Z", "user": {"id": "PA", "summary": "Alice"}},
          {"start": "2026-01-12T09:00:00Z", "end": "2026-01-19T09:00:00Z", "user": {"id": "PX", "summary": "Xavier"}},
          {"start": "2026-01-19T09:00:00Z", "end": "2026-01-26T09:00:00Z", "user": {"id": "PX", "summary": "Xavier"}}]}}})J");
    REQUIRE(unlisted.losses.size() == 1);
    CHECK(unlisted.losses[0].kind == "unsupported");
    CHECK(unlisted.losses[0].person == std::optional<std::string>("px"));
    CHECK(unlisted.losses[0].role == rp::Role::Primary);
    CHECK(unlisted.plan.weeks[1].primary == std::optional<std::string>("px"));
    CHECK(importError(Vendor::PagerDuty, R"({"oncalls": [{"user": {"id": "PA"}, "schedule": {"id": "S1"}, "start": "2026-01-05T09:00:00Z", "end": "2026-01-06T09:00:00Z"},
                                                        {"user": {"id": "PA"}, "schedule": {"id": "S2"}, "start": "2026-01-05T09:00:00Z", "end": "2026-01-06T09:00:00Z"}]})") ==
          "primary.json: /oncalls/1/schedule/id (line 2, column 99): the file holds the on-calls of more than one schedule (S1 and S2): ask for one with schedule_ids[]");
}

TEST_CASE("interop: export, read back as the vendor renders it, import: the same resolved shifts") {
    // The export's semantics rendered by the test readings, then imported again.
    auto weeks = roundRobin(20, {"alice", "bob", "carol"});
    weeks[6].first = "dan";
    const rp::Plan plan = load(planText("America/Denver", "thursday", "11:00", "2026-02-05", weeks,
                                        R"([{"role":"secondary","person":"dan","from":"2026-03-07T00:00","to":"2026-03-09T06:00"}])"));
    for (Vendor v : {Vendor::PagerDuty, Vendor::GrafanaOnCall}) {
        CAPTURE(rp::interop::vendorName(v));
        const Json doc = Json::parse(rp::interop::exportVendor(plan, v, {}).text);
        std::vector<Entry> rendered[2];
        for (int r = 0; r < 2; ++r) {
            const rp::Role role = r == 0 ? rp::Role::Primary : rp::Role::Secondary;
            const Truth truth = truthOf(plan, role);
            const Json& entry = scheduleOf(doc, rp::roleName(role));
            // Render minute by minute over the span (what the vendor's final schedule shows).
            for (Instant t = truth.from; t < truth.to; t += seconds{60}) {
                const std::string who = vendorAt(v, doc, entry, t);
                if (who.empty()) FAIL("nobody on call at " << rfc(t));
                if (!rendered[r].empty() && rendered[r].back().person == who) rendered[r].back().end = t + seconds{60};
                else rendered[r].push_back({who, t, t + seconds{60}});
            }
        }
        const auto back = importOk(v == Vendor::PagerDuty ? Vendor::PagerDuty : Vendor::GoAlert,
                                   vendorFile(v == Vendor::PagerDuty ? Vendor::PagerDuty : Vendor::GoAlert, rendered[0], "America/Denver", "Ops primary"),
                                   vendorFile(v == Vendor::PagerDuty ? Vendor::PagerDuty : Vendor::GoAlert, rendered[1], "America/Denver", "Ops secondary"));
        CHECK(back.losses.empty());
        checkSame(back.plan, rp::Role::Primary, timelineOf(plan, rp::Role::Primary));
        checkSame(back.plan, rp::Role::Secondary, timelineOf(plan, rp::Role::Secondary));
        CHECK(back.plan.weeks[6].primary == std::optional<std::string>("dan"));
    }
}

TEST_CASE("interop: --handoff text, vendor names and the summary lines") {
    CHECK(rp::interop::parseHandoff("monday@09:00") == std::optional<std::pair<int, int>>({1, 540}));
    CHECK(rp::interop::parseHandoff("Sunday@23:59") == std::optional<std::pair<int, int>>({0, 1439}));
    CHECK(!rp::interop::parseHandoff("monday 09:00"));
    CHECK(!rp::interop::parseHandoff("mon@09:00"));
    CHECK(!rp::interop::parseHandoff("monday@24:00"));
    for (const char* name : {"pagerduty", "opsgenie", "grafana-oncall", "goalert", "ics"})
        CHECK(rp::interop::vendorName(*rp::interop::parseVendor(name)) == std::string(name));
    CHECK(!rp::interop::parseVendor("PagerDuty"));
    std::vector<rp::interop::Loss> losses = {
        {"hole", rp::Role::Primary, rp::parseDate("2026-01-12"), std::nullopt, "second hole"},
        {"unmapped-person", std::nullopt, std::nullopt, std::string("zed"), "zed has no id"},
        {"hole", rp::Role::Secondary, rp::parseDate("2026-01-05"), std::nullopt, "first hole"},
    };
    rp::interop::sortLosses(losses);
    CHECK(losses[0].kind == "unmapped-person");
    CHECK(losses[1].detail == "first hole");
    CHECK(rp::interop::lossSummary(losses) ==
          std::vector<std::string>{"unmapped-person: 1 (zed has no id)", "hole: 2 (first: first hole)"});
    CHECK(rp::interop::lossesToJson(losses)[1].dump() ==
          R"({"kind":"hole","role":"secondary","week":"2026-01-05","person":null,"detail":"first hole"})");
}
