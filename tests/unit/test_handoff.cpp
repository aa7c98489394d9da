// Handoff notes (docs/incidents-pay-handoff.md "Handoff notes"): the exact message for the
// example plan, week choice, escaping and errors.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/exports/handoff.hpp"
#include "core/model/plan_io.hpp"
#include "test_data.hpp"

using namespace rp;

namespace {

Plan examplePlan() { return loadTestPlan("example.json"); }

std::string notes(const Plan& p, const char* day) {
    std::string err;
    auto md = handoffMarkdown(p, *parseDate(day), &err);
    REQUIRE_MESSAGE(md.has_value(), err);
    return *md;
}

}  // namespace

TEST_CASE("handoff: the example plan's message for the week of 2026-12-14, exactly") {
    Plan p = examplePlan();
    CHECK(notes(p, "2026-12-14") == readTestData("incidents/handoff-example-2026-12-14.md"));
    // any day inside the week picks it
    CHECK(notes(p, "2026-12-17") == notes(p, "2026-12-14"));
}

TEST_CASE("handoff: the first week has no outgoing side; overrides and requests in the window show") {
    Plan p = examplePlan();
    const std::string s = notes(p, "2026-11-30");
    CHECK(s.find("| Role | Outgoing (no week before) | Incoming (week of 2026-11-30) |") != std::string::npos);
    CHECK(s.find("| Primary | — | Alice Ng |") != std::string::npos);
    CHECK(s.find("- Primary: Carol Diaz from 2026-12-02 18:00 to 2026-12-03 09:00 (alice at a school event)") !=
          std::string::npos);
    CHECK(s.find("- r1 (swap, pending): Alice Ng (primary, week of 2026-11-30) swaps with Carol Diaz (primary, week "
                 "of 2026-12-07); submitted 2026-11-16.") != std::string::npos);
    CHECK(s.find("## Time off coming up (2026-11-30 to 2026-12-27)\n\n- Dana Li: 2026-12-15 to 2026-12-18 "
                 "(conference)\n- Carol Diaz: 2026-12-21 to 2027-01-03 (PTO)\n") != std::string::npos);
    for (const char* h : {"## Active incidents", "## Recent incidents", "## System status", "## Known issues",
                          "## Upcoming maintenance"})
        CHECK(s.find(h) != std::string::npos);
    const std::string last = notes(p, "2026-12-21");
    CHECK(last.find("The incoming week is an emergency week.") != std::string::npos);
    CHECK(last.find("## Pending change requests (2026-12-21 to 2027-01-17)\n\n- None.\n") != std::string::npos);
}

TEST_CASE("handoff: names cannot break the Markdown; dates outside the weeks are refused") {
    Plan p = examplePlan();
    for (auto& person : p.people)
        if (person.id == "bob") person.name = "Bob | *Osei*\n# x";
    const std::string s = notes(p, "2026-12-14");
    CHECK(s.find("| Primary | Carol Diaz | Bob \\| \\*Osei\\* \\# x |") != std::string::npos);
    std::string err;
    CHECK_FALSE(handoffMarkdown(p, *parseDate("2027-02-01"), &err).has_value());
    CHECK(err == "2027-02-01 is not in the plan's weeks (2026-11-30 to 2026-12-27)");
    CHECK(handoffWeekIndex(p, *parseDate("2026-12-27")) == 3);
    CHECK(handoffWeekIndex(p, *parseDate("2026-12-28")) == -1);
}
