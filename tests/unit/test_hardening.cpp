// Issue 13's core fixes, each against the behaviour that was wrong: NUL bytes, integers
// beyond 64 bits, amounts that overflow, years outside 0001-9999 and offsets in seconds,
// one zone list with legacy links, the canonical TZID, CSV and spoofing characters, and
// the incident cap and pay sums.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <date/tz.h>

#include "core/exports/exports.hpp"
#include "core/exports/handoff.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"
#include "core/simulation/incidents.hpp"
#include "core/simulation/pay.hpp"

namespace {

std::string planWith(const std::string& tail = "", const char* zone = "America/New_York") {
    return std::string("{\n"
                       "  \"rotaplan\": 1,\n"
                       "  \"team\": { \"name\": \"Platform\", \"timezone\": \"") +
           zone +
           "\" },\n"
           "  \"people\": [\n"
           "    { \"id\": \"alice\", \"name\": \"Alice\" },\n"
           "    { \"id\": \"bob\", \"name\": \"Bob\" }\n"
           "  ]" +
           (tail.empty() ? std::string() : ",\n  " + tail) + "\n}\n";
}

rp::Plan load(const std::string& text) {
    rp::LoadResult r = rp::readPlan(text);
    INFO((r.error ? r.error->str() : std::string()));
    REQUIRE(r.ok());
    return *r.plan;
}

std::string refusal(const std::string& text) {
    rp::LoadResult r = rp::readPlan(text);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error);
    return r.error->str();
}

const char* kWeeks =
    "\"weeks\": [ { \"start\": \"2026-07-06\", \"primary\": \"alice\", \"secondary\": \"bob\" } ]";

}  // namespace

// ---- 4: NUL bytes -------------------------------------------------------------------

TEST_CASE("a NUL byte anywhere is refused with its place, not taken for the end of the text") {
    std::string text = planWith();
    text += std::string("\0garbage", 8);
    CHECK(refusal(text) ==
          "(line 9, column 1): not valid JSON: a NUL byte (byte " + std::to_string(planWith().size() + 1) +
              " of the file) cannot appear in JSON text; the file may be damaged or not a text file");
    std::string inside = planWith();
    inside.replace(inside.find("Alice"), 1, std::string("\0", 1));
    CHECK(refusal(inside).rfind("(line 5, column 31): not valid JSON: a NUL byte", 0) == 0);
}

TEST_CASE("an incident list with a NUL byte is refused too") {
    const rp::Plan plan = load(planWith(kWeeks));
    auto r = rp::readIncidentList(plan, std::string("[]\0[{\"at\": 1}]", 14));
    REQUIRE(std::holds_alternative<std::string>(r));
    CHECK(std::get<std::string>(r).rfind("(line 1, column 3): not JSON: a NUL byte", 0) == 0);
    // nlohmann's out_of_range errors come back as messages with the place too.
    auto big = rp::readIncidentList(plan, "[\n 1e999 ]");
    REQUIRE(std::holds_alternative<std::string>(big));
    CHECK(std::get<std::string>(big) == "(line 2, column 2): not JSON: number overflow parsing '1e999'");
}

// ---- 5: integers beyond 64 bits -------------------------------------------------------

TEST_CASE("unknown members holding integers beyond 64 bits are written back byte for byte") {
    const std::string tail =
        "\"x\": { \"big\": 123456789012345678901234567890, \"neg\": -98765432109876543210, "
        "\"max\": 18446744073709551615, \"list\": [18446744073709551616, 1.5, {}, [], \"\\u0001s\"] }";
    const rp::Plan plan = load(planWith(tail));
    const std::string out = rp::writePlan(plan);
    CHECK(out.find("\"big\": 123456789012345678901234567890,") != std::string::npos);
    CHECK(out.find("\"neg\": -98765432109876543210,") != std::string::npos);
    CHECK(out.find("\"max\": 18446744073709551615,") != std::string::npos);
    CHECK(out.find("    \"list\": [\n      18446744073709551616,\n      1.5,\n      {},\n      [],\n"
                   "      \"\\u0001s\"\n    ]\n") != std::string::npos);
    // The same layout as a plan without such numbers (nlohmann's own dump).
    const std::string plain = rp::writePlan(load(planWith(
        "\"x\": { \"big\": 1, \"neg\": -2, \"max\": 18446744073709551615, \"list\": [3, 1.5, {}, [], \"\\u0001s\"] }")));
    auto asPlain = [](std::string s) {
        const std::pair<const char*, const char*> swaps[] = {
            {"123456789012345678901234567890", "1"}, {"-98765432109876543210", "-2"}, {"18446744073709551616", "3"}};
        for (const auto& [from, to] : swaps) s.replace(s.find(from), std::string(from).size(), to);
        return s;
    };
    CHECK(asPlain(out) == plain);
    // Read back and written again: the same bytes.
    CHECK(rp::writePlan(load(out)) == out);
}

TEST_CASE("a known number field given an integer beyond 64 bits is read by its value") {
    CHECK(refusal(planWith("\"policy\": { \"change_notice_days\": 123456789012345678901234567890 }")) ==
          "/policy/change_notice_days (line 8, column 37): expected an integer >= 0, found 123456789012345678901234567890");
    CHECK(refusal(planWith("\"compensation\": { \"weekend\": 100000000000000000000000000000 }")) ==
          "/compensation/weekend (line 8, column 32): expected a number from 0 to 1000000000000, found "
          "100000000000000000000000000000");
}

// ---- 12: amounts that cannot sum ---------------------------------------------------

TEST_CASE("compensation amounts beyond 10^12 are refused at read; 10^12 itself loads") {
    CHECK(refusal(planWith("\"compensation\": { \"primary_weekly\": 1e300 }")) ==
          "/compensation/primary_weekly (line 8, column 39): expected a number from 0 to 1000000000000, found 1e+300");
    CHECK(refusal(planWith("\"compensation\": { \"p0_rest_hours\": 1000000000000.5 }")).find("expected a number from 0 to") !=
          std::string::npos);
    const rp::Plan ok = load(planWith(std::string(kWeeks) + ", \"compensation\": { \"primary_weekly\": 1000000000000, "
                                                            "\"secondary_weekly\": 1000000000000, \"weekend\": 1000000000000 }"));
    auto pay = rp::computePay(ok, rp::IncidentReport{});
    REQUIRE(std::holds_alternative<rp::PayReport>(pay));
    const rp::PayReport& r = std::get<rp::PayReport>(pay);
    CHECK(std::isfinite(r.totals.total));
    CHECK(rp::payToCsv(ok, r).find("inf") == std::string::npos);
}

// ---- 11: years and offsets in seconds -------------------------------------------------

TEST_CASE("a week whose span leaves the years 0001 to 9999 is refused with its place") {
    const std::string late = planWith("\"weeks\": [ { \"start\": \"9999-12-27\" } ]", "UTC");
    CHECK(refusal(late) ==
          "/weeks/0/start (line 8, column 25): expected a week start from 0001-01-02 to 9999-12-23 (a week stays "
          "within the years 0001 to 9999), found \"9999-12-27\"");
    CHECK(refusal(planWith("\"weeks\": [ { \"start\": \"0000-12-27\" } ]", "UTC")).find("0001-01-02 to 9999-12-23") !=
          std::string::npos);
    const rp::Plan edge = load(planWith("\"weeks\": [ { \"start\": \"9999-12-23\" }, { \"start\": \"0001-01-02\" } ]", "UTC"));
    const std::string json = rp::exportJsonText(edge);
    CHECK(json.find("10000-") == std::string::npos);
}

TEST_CASE("a week in local mean time (an offset in seconds) is refused, naming the zone and the first good date") {
    CHECK(refusal(planWith("\"weeks\": [ { \"start\": \"1850-01-07\" } ]")) ==
          "/weeks/0/start (line 8, column 25): the week of 1850-01-07 falls where America/New_York was at "
          "UTC-04:56:02, an offset in seconds that RFC 3339 and calendar files cannot carry; plan weeks from "
          "1883-11-18 on");
    CHECK(refusal(planWith("\"weeks\": [ { \"start\": \"1960-01-04\" } ]", "Africa/Monrovia"))
              .find("was at UTC-00:44:30") != std::string::npos);
    // From the switch to standard time on, every offset is whole minutes.
    load(planWith("\"weeks\": [ { \"start\": \"1883-11-19\" } ]"));
    // The published snapshot's weeks are held to the same rule.
    CHECK(refusal(planWith("\"published\": { \"at\": \"2026-01-01\", \"weeks\": [ { \"start\": \"1850-01-07\" } ] }"))
              .rfind("/published/weeks/0/start", 0) == 0);
}

TEST_CASE("RFC 3339 text keeps an offset's seconds rather than naming another instant") {
    const date::time_zone* ny = rp::findZone("America/New_York");
    const rp::Instant t = *rp::parseDateTime(rp::findZone("UTC"), "1850-01-01T12:00Z");
    CHECK(rp::formatRfc3339(ny, t) == "1850-01-01T07:03:58-04:56:02");
    CHECK(rp::formatRfc3339(ny, *rp::parseDateTime(ny, "2026-07-01T09:00")) == "2026-07-01T09:00:00-04:00");
}

// ---- 10: zones --------------------------------------------------------------------------

TEST_CASE("legacy links resolve to their zone; localtime and other machine names are refused") {
    for (const char* link : {"US/Eastern", "Asia/Calcutta", "GMT", "UTC", "Europe/Kiev", "US/Pacific"}) {
        CAPTURE(link);
        const date::time_zone* z = rp::findZone(link);
        REQUIRE(z != nullptr);
        CHECK(z->name() != std::string(link));  // the canonical zone, not a copy named after the link
    }
    CHECK(rp::findZone("US/Eastern") == rp::findZone("America/New_York"));
    CHECK(std::string(rp::findZone("Asia/Calcutta")->name()) == "Asia/Kolkata");
    CHECK(std::string(rp::findZone("EST")->name()) == "America/New_York");
    for (const char* bad : {"localtime", "posixrules", "Factory", "posix/Europe/Berlin", "right/UTC", "../zoneinfo/UTC",
                            "/usr/share/zoneinfo/UTC", ""})
        CHECK_MESSAGE(rp::findZone(bad) == nullptr, bad);
    CHECK(refusal(planWith("", "localtime")) ==
          "/team/timezone (line 3, column 45): expected an IANA time zone name such as \"America/New_York\" "
          "(\"localtime\" is each machine's own zone), found \"localtime\"");
}

TEST_CASE("the zone list holds exactly the names findZone accepts, links included") {
    const auto& names = rp::zoneNames();
    REQUIRE(names.size() > 400);
    CHECK(std::is_sorted(names.begin(), names.end()));
    for (const char* n : {"America/New_York", "US/Eastern", "Asia/Calcutta", "GMT", "UTC", "EST", "Etc/UTC"})
        CHECK_MESSAGE(std::binary_search(names.begin(), names.end(), std::string(n)), n);
    for (const char* n : {"localtime", "posixrules", "Factory"})
        CHECK_MESSAGE(!std::binary_search(names.begin(), names.end(), std::string(n)), n);
    for (const std::string& n : names) CHECK_MESSAGE(rp::findZone(n) != nullptr, n);
}

TEST_CASE("iCalendar: team zone EST and legacy links are written as the zone they stand for") {
    for (const char* zone : {"EST", "US/Eastern"}) {
        CAPTURE(zone);
        const rp::Plan plan = load(planWith(kWeeks, zone));
        rp::IcsOptions o;
        o.stamp = rp::Instant{};
        const std::string ics = rp::exportIcs(plan, o);
        CHECK(ics.find("TZID:America/New_York\r\n") != std::string::npos);
        CHECK(ics.find("DTSTART;TZID=America/New_York:20260706T090000\r\n") != std::string::npos);
        CHECK(ics.find("X-WR-TIMEZONE:America/New_York\r\n") != std::string::npos);
        CHECK(ics.find(std::string("TZID:") + zone + "\r\n") == std::string::npos);
        CHECK(ics.find("TZOFFSETTO:-0400\r\n") != std::string::npos);  // July: daylight saving
    }
}

// ---- 14: CSV cells and spoofing characters -------------------------------------------

TEST_CASE("CSV: cells starting with TAB or CR are defused like formulas") {
    CHECK(rp::csvCell("\tcmd") == "'\tcmd");
    CHECK(rp::csvCell("\r=1") == "\"'\r=1\"");
    CHECK(rp::csvCell("=1+1") == "'=1+1");
    CHECK(rp::csvCell("a\tb") == "a\tb");
}

TEST_CASE("bidi controls and line separators are stripped from names in every text export") {
    const std::string rlo = "\xE2\x80\xAE", lri = "\xE2\x81\xA6", lrm = "\xE2\x80\x8E", alm = "\xD8\x9C",
                      ls = "\xE2\x80\xA8", nel = "\xC2\x85";
    CHECK(rp::withoutSpoofing("Al" + rlo + "ice" + lri + lrm + alm) == "Alice");
    CHECK(rp::withoutSpoofing("a" + ls + "b" + nel + "c") == "a b c");
    CHECK(rp::withoutSpoofing("Zoë — ok \xE2\x80\x94") == "Zoë — ok \xE2\x80\x94");
    CHECK(rp::csvCell(rlo + "=HYPERLINK(1)") == "'=HYPERLINK(1)");

    const std::string name = "Mal" + rlo + "lory" + ls + "BEGIN:VEVENT";
    std::string text = planWith(kWeeks);
    text.replace(text.find("\"Alice\""), 7, rp::Json(name).dump());
    const rp::Plan plan = load(text);
    rp::IcsOptions o;
    o.stamp = rp::Instant{};
    for (const std::string& out : {rp::exportCsv(plan), rp::exportMarkdown(plan), rp::exportIcs(plan, o)}) {
        CHECK(out.find(rlo) == std::string::npos);
        CHECK(out.find(ls) == std::string::npos);
        CHECK(out.find("Mallory BEGIN:VEVENT") != std::string::npos);
    }
    std::string err;
    const auto handoff = rp::handoffMarkdown(plan, *rp::parseDate("2026-07-06"), &err);
    REQUIRE(handoff);
    CHECK(handoff->find(rlo) == std::string::npos);
    CHECK(handoff->find("Mallory BEGIN:VEVENT") != std::string::npos);
}

// ---- 8: the incident cap and pay sums --------------------------------------------------

TEST_CASE("incidents: a rate whose expected total passes the cap is refused, naming the rate") {
    std::string weeks = "\"weeks\": [";
    for (int i = 0; i < 2000; ++i)
        weeks += std::string(i ? "," : "") + "{\"start\": \"" +
                 rp::formatDate(*rp::parseDate("2026-01-05") + date::days{7 * i}) + "\"}";
    const rp::Plan plan = load(planWith(weeks + "]"));
    rp::IncidentOptions o;
    o.rate_per_week = 6000;  // 12,000,000 expected
    auto r = rp::simulateIncidents(plan, o);
    REQUIRE(std::holds_alternative<std::string>(r));
    CHECK(std::get<std::string>(r) ==
          "rate: 6000 incidents per week over the plan's 2000 weeks would be about 12000000 incidents; at most "
          "10000000 are simulated (lower the rate, or give a count)");
    rp::IncidentRun run;
    std::string err;
    CHECK_FALSE(run.start(plan, o, &err));  // the page's run, the same check
    CHECK(err == std::get<std::string>(r));
}

TEST_CASE("pay from a simulation needs no kept outcomes: the sums give the same report") {
    std::string weeks = "\"weeks\": [";
    for (int i = 0; i < 12; ++i)
        weeks += std::string(i ? "," : "") + "{\"start\": \"" +
                 rp::formatDate(*rp::parseDate("2026-01-05") + date::days{7 * i}) + "\", \"primary\": \"" +
                 (i % 2 ? "alice" : "bob") + "\", \"secondary\": \"" + (i % 2 ? "bob" : "alice") + "\"}";
    const rp::Plan plan = load(planWith(weeks + "], \"contacts\": { \"engineering_lead\": \"alice\" }, "
                                                "\"compensation\": { \"per_incident\": 50, \"p0_rest_hours\": 4 }"));
    rp::IncidentOptions o;
    o.seed = 7;
    o.rate_per_week = 40;
    o.keep_outcomes = true;
    auto kept = std::get<rp::IncidentReport>(rp::simulateIncidents(plan, o));
    // The old way: count every kept outcome.
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> expect;
    const date::time_zone* zone = rp::findZone(plan.team_timezone);
    for (const rp::IncidentOutcome& out : kept.outcomes) {
        const std::string month = rp::formatDate(rp::dateIn(zone, out.at)).substr(0, 7);
        std::set<int> paid, responders;
        for (const rp::IncidentEvent& e : out.events) {
            if (e.person < 0) continue;
            if (e.type == rp::EscalationEventType::Page && e.level == 0) paid.insert(e.person), responders.insert(e.person);
            if (e.type == rp::EscalationEventType::Ack) {
                if (e.level == 1) paid.insert(e.person);
                responders.insert(e.person);
            }
        }
        for (int p : paid) ++expect[{month, kept.people.ids[static_cast<std::size_t>(p)]}].first;
        if (out.severity == 0)
            for (int p : responders) ++expect[{month, kept.people.ids[static_cast<std::size_t>(p)]}].second;
    }
    REQUIRE(kept.outcomes.size() > 100);
    o.keep_outcomes = false;
    auto sums = std::get<rp::IncidentReport>(rp::simulateIncidents(plan, o));
    CHECK(sums.outcomes.empty());
    auto pay = std::get<rp::PayReport>(rp::computePay(plan, sums));
    CHECK(pay.incidents == static_cast<std::int64_t>(kept.outcomes.size()));
    std::size_t checked = 0;
    for (const rp::PayRow& row : pay.months) {
        auto it = expect.find({row.month, row.person});
        const std::pair<std::int64_t, std::int64_t> want = it == expect.end() ? std::pair<std::int64_t, std::int64_t>{0, 0} : it->second;
        CHECK(row.incidents == want.first);
        CHECK(row.p0_incidents == want.second);
        if (it != expect.end()) ++checked;
    }
    CHECK(checked == expect.size());
}
