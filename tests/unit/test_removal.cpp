// Taking a person off the team (src/app/removal.cpp): the duties from a date left empty or
// redrafted (only those cells), the person kept inactive or removed with every mention.
#include <doctest/doctest.h>

#include "app/removal.hpp"
#include "core/model/plan_io.hpp"
#include "core/rules/check.hpp"
#include "test_data.hpp"

namespace {

rp::Date day(const char* s) { return *rp::parseDate(s); }

const rp::Week& weekOf(const rp::Plan& p, const char* start) {
    for (const rp::Week& w : p.weeks)
        if (w.start == day(start)) return w;
    FAIL("no week " << start);
    return p.weeks.front();
}

int countRule(const rp::Plan& p, const std::string& rule) {
    int n = 0;
    for (const rp::Violation& v : rp::check(p).violations) n += v.rule == rule;
    return n;
}

// Every cell but the listed (week, column) ones is as in `before`.
void sameExcept(const rp::Plan& before, const rp::Plan& after, const std::vector<std::pair<const char*, const char*>>& changed) {
    REQUIRE(before.weeks.size() == after.weeks.size());
    for (std::size_t i = 0; i < before.weeks.size(); ++i) {
        const rp::Week &a = before.weeks[i], &b = after.weeks[i];
        const std::string date = rp::formatDate(a.start);
        auto is_changed = [&](const char* col) {
            for (auto& c : changed)
                if (date == c.first && std::string(col) == c.second) return true;
            return false;
        };
        if (!is_changed("primary")) CHECK_MESSAGE(a.primary == b.primary, date);
        if (!is_changed("secondary")) CHECK_MESSAGE(a.secondary == b.secondary, date);
        if (!is_changed("shadow")) CHECK_MESSAGE(a.shadow == b.shadow, date);
        if (!is_changed("escalation")) CHECK_MESSAGE(a.escalation == b.escalation, date);
    }
}

}  // namespace

TEST_CASE("removal: where a person is named, split at the date") {
    const rp::Plan plan = loadTestPlan("example.json");
    app::PersonMentions m = app::FindMentions(plan, "bob", day("2026-12-07"));
    CHECK(m.duties_from == 1);          // primary of 2026-12-14
    CHECK(m.weeks_before == 1);         // secondary of 2026-11-30
    CHECK(m.requests_from == std::vector<std::string>{"r2"});
    CHECK(m.contacts.empty());
    CHECK(m.any());
    m = app::FindMentions(plan, "erin", day("2026-12-07"));
    CHECK(m.duties_from == 1);          // escalation of 2026-12-14
    CHECK(m.contacts == std::vector<std::string>{"CTO"});
    rp::Plan lone = plan;
    rp::Person x;
    x.id = "x";
    x.name = "X";
    lone.people.push_back(x);
    CHECK_FALSE(app::FindMentions(lone, "x", day("2026-12-07")).any());
}

TEST_CASE("removal: inactive from a date, weeks left empty; nobody else's weeks move") {
    const rp::Plan plan = loadTestPlan("example.json");
    app::RemovalChoice c;
    c.person = "bob";
    c.from = day("2026-12-07");
    c.keep_inactive = true;
    c.decided_at = "2026-12-03T10:00:00Z";
    app::RemovalResult r = app::RemovePerson(plan, c);
    REQUIRE(r.ok);
    CHECK(r.emptied == 1);
    CHECK(r.rejected == std::vector<std::string>{"r2"});
    const rp::Person* bob = r.plan.findPerson("bob");
    REQUIRE(bob);
    CHECK(bob->inactive_from == std::optional<rp::Date>(day("2026-12-07")));
    CHECK(weekOf(r.plan, "2026-11-30").secondary == std::optional<std::string>("bob"));   // history kept
    CHECK_FALSE(weekOf(r.plan, "2026-12-14").primary);
    sameExcept(plan, r.plan, {{"2026-12-14", "primary"}});
    const rp::Request& r2 = r.plan.requests[1];
    CHECK(r2.status == rp::RequestStatus::Rejected);
    CHECK(r2.extra["decided_at"] == "2026-12-03T10:00:00Z");
    CHECK(r2.extra["rejected_because"] == "Bob Osei is inactive from 2026-12-07");
    CHECK(r.plan.requests[0].status == rp::RequestStatus::Pending);   // r1 is not about bob
    CHECK(countRule(r.plan, "unknown-person") == 0);
    CHECK(countRule(r.plan, "request-invalid") == 0);
    // Written and read back.
    CHECK(rp::readPlan(rp::writePlan(r.plan)).ok());
}

TEST_CASE("removal: removed from the plan with every mention; no unknown ids left") {
    const rp::Plan plan = loadTestPlan("example.json");
    app::RemovalChoice c;
    c.person = "bob";
    c.from = day("2026-12-07");
    c.keep_inactive = false;
    app::RemovalResult r = app::RemovePerson(plan, c);
    REQUIRE(r.ok);
    CHECK_FALSE(r.plan.findPerson("bob"));
    CHECK(r.emptied == 2);
    CHECK(r.removed_requests == std::vector<std::string>{"r2"});
    CHECK_FALSE(weekOf(r.plan, "2026-11-30").secondary);
    CHECK_FALSE(weekOf(r.plan, "2026-12-14").primary);
    sameExcept(plan, r.plan, {{"2026-11-30", "secondary"}, {"2026-12-14", "primary"}});
    CHECK(r.plan.requests.size() == 1);
    CHECK(countRule(r.plan, "unknown-person") == 0);
    // The CTO contact goes with erin.
    c.person = "erin";
    r = app::RemovePerson(plan, c);
    REQUIRE(r.ok);
    CHECK_FALSE(r.plan.contacts.cto);
    CHECK_FALSE(weekOf(r.plan, "2026-12-14").escalation);
    CHECK(countRule(r.plan, "unknown-person") == 0);
}

TEST_CASE("removal: redrafting fills only the emptied cells, without the person") {
    rp::Plan plan = loadTestPlan("example.json");
    for (const char* id : {"hana", "ivan"}) {   // the sample's pool is too tight to redraft
        rp::Person p;
        p.id = id;
        p.name = id;
        plan.people.push_back(p);
    }
    app::RemovalChoice c;
    c.person = "alice";
    c.from = day("2026-12-07");
    c.keep_inactive = true;
    c.redraft = true;
    app::RemovalResult r = app::RemovePerson(plan, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.emptied == 2);    // secondary of 2026-12-14 and 2026-12-21
    CHECK(r.refilled == 2);
    for (const char* w : {"2026-12-14", "2026-12-21"}) {
        const rp::Week& wk = weekOf(r.plan, w);
        REQUIRE(wk.secondary);
        CHECK(*wk.secondary != "alice");
        CHECK(wk.secondary != wk.primary);
    }
    sameExcept(plan, r.plan, {{"2026-12-14", "secondary"}, {"2026-12-21", "secondary"}});
    CHECK(weekOf(r.plan, "2026-11-30").primary == std::optional<std::string>("alice"));

    // Nobody left to take them: the draft's reason, and nothing changed.
    for (rp::Person& p : plan.people)
        if (p.id != "alice" && p.id != "bob") p.on_call = false;
    c.person = "bob";
    r = app::RemovePerson(plan, c);
    CHECK_FALSE(r.ok);
    CHECK(r.error.rfind("cannot redraft their weeks: ", 0) == 0);
}

TEST_CASE("removal: an impossible redraft of the sample (alice from 2026-12-14)") {
    const rp::Plan plan = loadTestPlan("example.json");
    app::RemovalChoice c;
    c.person = "alice";
    c.from = day("2026-12-14");
    c.keep_inactive = true;
    c.redraft = true;
    app::RemovalResult r = app::RemovePerson(plan, c);
    CHECK_FALSE(r.ok);
    CHECK(r.error.rfind("cannot redraft their weeks: week of 2026-12-14", 0) == 0);
}
