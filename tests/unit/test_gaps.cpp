// The coverage-gap scan (docs/escalation.md "Coverage gaps").
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "core/simulation/gaps.hpp"
#include "core/model/plan_io.hpp"
#include "test_data.hpp"
#include "core/model/time.hpp"

using namespace rp;

namespace {

// "at severity week level person kind"
std::vector<std::string> gapLines(const Plan& plan, const GapReport& r) {
    std::vector<std::string> out;
    const auto* zone = findZone(plan.team_timezone);
    for (const CoverageGap& g : r.gaps)
        out.push_back(formatRfc3339(zone, g.at) + " " + g.severity + " " + (g.week ? formatDate(*g.week) : "-") +
                      " " + (g.level ? escalationLevelName(*g.level) : "-") + " " + (g.person ? *g.person : "-") +
                      " " + gapKindName(g.kind));
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("gaps: the example plan's only gaps are P2/P3 delivered after its last week") {
    Plan p = loadTestPlan("example.json");
    GapReport r = findCoverageGaps(p);
    CHECK(gapReportToJson(r, findZone(p.team_timezone)).dump(2) == Json::parse(R"JSON({
      "gaps": [
        { "at": "2026-12-24T17:00:00-05:00", "severity": "P2", "week": "2026-12-21", "level": null,
          "person": null, "kind": "outside-weeks",
          "message": "P2 opened 2026-12-24T17:00:00-05:00 is delivered 2026-12-28T09:00:00-05:00, outside the plan's weeks" },
        { "at": "2026-12-24T17:00:00-05:00", "severity": "P3", "week": "2026-12-21", "level": null,
          "person": null, "kind": "outside-weeks",
          "message": "P3 opened 2026-12-24T17:00:00-05:00 is delivered 2026-12-28T09:00:00-05:00, outside the plan's weeks" }
      ],
      "count": 2
    })JSON").dump(2));
    CHECK(gapsExitCode(r) == 1);
    CHECK(gapReportToText(p, r).find("2 coverage gaps\n") != std::string::npos);
}

TEST_CASE("gaps: time off on the path, once per severity, week, level and person") {
    Plan p = loadTestPlan("escalation/team.json");
    GapReport r = findCoverageGaps(p);
    CHECK(gapLines(p, r) == Lines{
                                "2026-11-09T17:00:00-05:00 P2 2026-11-09 primary alice time-off",
                                "2026-11-09T17:00:00-05:00 P3 2026-11-09 primary alice time-off",
                                "2026-11-10T00:00:00-05:00 P0 2026-11-09 primary alice time-off",
                                "2026-11-10T00:00:00-05:00 P1 2026-11-09 primary alice time-off",
                                "2026-11-17T00:00:00-05:00 P0 2026-11-16 escalation dana time-off",
                                "2026-11-17T00:00:00-05:00 P1 2026-11-16 escalation dana time-off",
                                "2026-12-04T17:00:00-05:00 P2 2026-11-30 - - outside-weeks",
                                "2026-12-04T17:00:00-05:00 P3 2026-11-30 - - outside-weeks",
                            });
    CHECK(r.gaps[4].message ==
          "P0 opened 2026-11-17T00:00:00-05:00: the escalation contact is skipped at 2026-11-17T00:30:00-05:00: "
          "dana has time off (conference)");
}

TEST_CASE("gaps: missing contacts are no-contact gaps with person null") {
    Plan p = loadTestPlan("escalation/nolead.json");
    GapReport r = findCoverageGaps(p);
    Lines l = gapLines(p, r);
    REQUIRE(l.size() >= 4);
    CHECK(l[0] == "2026-11-02T09:00:00+01:00 P0 2026-11-02 escalation - no-contact");
    CHECK(l[1] == "2026-11-02T09:00:00+01:00 P0 2026-11-02 ceo - no-contact");
    CHECK(l[2] == "2026-11-02T09:00:00+01:00 P1 2026-11-02 escalation - no-contact");
    // Week 2 has erin as its escalation contact; only the CEO is missing there.
    CHECK(std::find(l.begin(), l.end(), "2026-11-09T09:00:00+01:00 P0 2026-11-09 ceo - no-contact") != l.end());
    for (const std::string& s : l) CHECK(s.find("2026-11-09 escalation") == std::string::npos);
}

TEST_CASE("gaps: a weekend off inside a week is found (time-off starts are scan points)") {
    Plan p = loadTestPlan("escalation/team.json");
    p.time_off.clear();
    TimeOff t;
    t.person = "carol";
    t.from = *parseDate("2026-11-07");  // Saturday and Sunday of carol's primary week
    t.to = *parseDate("2026-11-08");
    p.time_off.push_back(t);
    GapReport r = findCoverageGaps(p);
    Lines l = gapLines(p, r);
    CHECK(std::find(l.begin(), l.end(), "2026-11-07T00:00:00-05:00 P0 2026-11-02 primary carol time-off") != l.end());
    CHECK(std::find(l.begin(), l.end(), "2026-11-07T00:00:00-05:00 P1 2026-11-02 primary carol time-off") != l.end());
}

TEST_CASE("gaps: a plan without gaps exits 0") {
    Plan p = loadTestPlan("escalation/team.json");
    p.time_off.clear();
    p.weeks.pop_back();  // the last week ends Monday 09:00 after a Friday: P2/P3 land outside
    p.weeks.back().primary = "dev";
    GapReport r = findCoverageGaps(p);
    // Removing the last week moves the outside-weeks gap to the new last Friday.
    CHECK(r.gaps.size() == 2);
    // Weeks handed off on Friday at 17:00: every P2/P3 is answered inside the weeks.
    p.policy.handoff_weekday = 5;  // friday
    p.policy.handoff_minute = 17 * 60;
    for (std::size_t i = 0; i < p.weeks.size(); ++i)
        p.weeks[i].start = *parseDate("2026-10-23") + date::days{7 * static_cast<int>(i)};
    GapReport clean = findCoverageGaps(p);
    CHECK(clean.gaps.empty());
    CHECK(gapsExitCode(clean) == 0);
    CHECK(gapReportToText(p, clean) == "no coverage gaps\n");
    CHECK(gapReportToJson(clean, findZone(p.team_timezone)).dump() == R"({"gaps":[],"count":0})");
}

TEST_CASE("gaps: a 520-week plan is scanned well under a second") {
    Plan p;
    p.team_name = "Big";
    p.team_timezone = "America/New_York";
    p.policy.severities = {{"P0", defaultSeverity("P0")}, {"P1", defaultSeverity("P1")},
                           {"P2", defaultSeverity("P2")}, {"P3", defaultSeverity("P3")}};
    for (int i = 0; i < 8; ++i) {
        Person q;
        q.id = "p" + std::to_string(i);
        q.name = "Person " + std::to_string(i);
        p.people.push_back(q);
    }
    p.contacts.engineering_lead = "p7";
    p.contacts.cto = "p6";
    p.contacts.ceo = "p5";
    const Date first = *parseDate("2026-11-30");
    for (int w = 0; w < 520; ++w) {
        Week wk;
        wk.start = first + date::days{7 * w};
        wk.primary = "p" + std::to_string(w % 5);
        wk.secondary = "p" + std::to_string((w + 2) % 5);
        p.weeks.push_back(wk);
        if (w % 10 == 3) {
            TimeOff t;
            t.person = "p" + std::to_string(w % 5);
            t.from = wk.start + date::days{2};
            t.to = wk.start + date::days{3};
            t.reason = "PTO";
            p.time_off.push_back(t);
        }
        if (w % 7 == 1) {
            Override o;
            o.role = Role::Primary;
            o.person = "p4";
            const Instant a = handoffInstant(p, wk.start + date::days{2}) + std::chrono::hours{9};
            o.from = {"x", a};
            o.to = {"y", a + std::chrono::hours{12}};
            p.overrides.push_back(o);
        }
    }
    for (int y = 2026; y < 2037; ++y) p.policy.holidays.push_back(*parseDate(std::to_string(y) + "-12-25"));
    const auto t0 = std::chrono::steady_clock::now();
    GapReport r = findCoverageGaps(p);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("520-week gap scan: " << ms << " ms, " << r.gaps.size() << " gaps");
    // 52 time offs, each the primary's: P0..P3 once each (P2/P3 when they fall on business days).
    CHECK(r.gaps.size() >= 52 * 2);
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RP_GAPS_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RP_GAPS_SANITIZED 1
#endif
#if defined(NDEBUG) && !defined(RP_GAPS_SANITIZED)  // optimised, uninstrumented builds only
    CHECK(ms < 1000.0);
#endif
}
