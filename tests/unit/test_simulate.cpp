// Change-request simulation (rules.md "Simulating a change request").
#include <doctest/doctest.h>

#include "core/model/plan_io.hpp"
#include "core/rules/simulate.hpp"
#include "rules_fixtures.hpp"

using namespace rp;
using namespace rpt;

namespace {

Plan exampleFromFile() {
    LoadResult lr = readPlan(readText(std::string(RP_TEST_DATA) + "/example.json"));
    REQUIRE_MESSAGE(lr.ok(), (lr.error ? lr.error->str() : ""));
    return *lr.plan;
}

std::vector<std::string> keysOf(const std::vector<Violation>& vs) {
    std::vector<std::string> out;
    for (const auto& v : vs) out.push_back(key(v));
    return out;
}

// cleanPlan plus eve, a pool member with no week yet.
Plan planWithEve() {
    Plan p = cleanPlan();
    p.people.push_back(person("eve", "Eve Moss"));
    return p;
}

}  // namespace

TEST_CASE("simulate r1 of the example: the swap puts alice in two adjacent weeks") {
    for (int from_file = 0; from_file < 2; ++from_file) {
        CAPTURE(from_file);
        Plan p = from_file ? exampleFromFile() : examplePlan();
        auto sim = simulate(p, "r1");
        REQUIRE(sim.has_value());
        CHECK(simulationToJson(*sim).dump(2) == Json::parse(R"JSON({
          "request": "r1",
          "verdict": "reject",
          "notice_days": 14,
          "changes": [
            { "week": "2026-11-30", "role": "primary", "from": "alice", "to": "carol" },
            { "week": "2026-12-07", "role": "primary", "from": "carol", "to": "alice" }
          ],
          "introduced": [
            { "rule": "consecutive", "severity": "error", "week": "2026-12-14", "people": ["alice"],
              "request": null, "message": "Alice Ng is on call in the weeks of 2026-12-07 and 2026-12-14" }
          ],
          "resolved": [],
          "reasons": [
            "It would introduce an error (consecutive): Alice Ng is on call in the weeks of 2026-12-07 and 2026-12-14"
          ]
        })JSON").dump(2));
        CHECK(exitCodeFor(*sim) == 1);
    }
}

TEST_CASE("simulate r2 of the example: carol's cover meets her PTO and follows her own week") {
    Plan p = examplePlan();
    auto sim = simulate(p, "r2");
    REQUIRE(sim.has_value());
    CHECK(sim->verdict == Verdict::Reject);
    CHECK(sim->notice_days == 13);
    REQUIRE(sim->changes.size() == 1);
    CHECK(changeToJson(sim->changes[0]).dump() ==
          R"({"week":"2026-12-14","role":"primary","from":"bob","to":"carol"})");
    CHECK(keysOf(sim->introduced) == std::vector<std::string>{"consecutive|2026-12-14|carol|null|error",
                                                              "unavailable|2026-12-14|carol|null|error"});
    // Its own change-notice warning (gone once applied) is not "resolved"; fairness keeps
    // its identity although its message changes.
    CHECK(sim->resolved.empty());
    // An emergency: the short notice is no reason.
    CHECK(sim->reasons == std::vector<std::string>{
                              "It would introduce an error (consecutive): Carol Diaz is on call in the weeks of "
                              "2026-12-07 and 2026-12-14",
                              "It would introduce an error (unavailable): Carol Diaz has time off from 2026-12-21 to "
                              "2027-01-03 but is primary in the week of 2026-12-14"});
    const Json j = simulationToJson(*sim);
    std::vector<std::string> order;
    for (auto it = j.begin(); it != j.end(); ++it) order.push_back(it.key());
    CHECK(order == std::vector<std::string>{"request", "verdict", "notice_days", "changes", "introduced", "resolved",
                                            "reasons"});
}

TEST_CASE("simulate: an unknown request id") {
    CHECK_FALSE(simulate(examplePlan(), "r9").has_value());
}

TEST_CASE("simulate: a clean cover is approved") {
    Plan p = planWithEve();
    p.requests = {req("c", RequestType::Cover, "2026-11-01", "carol", "2026-12-07", Role::Primary, "eve")};
    auto sim = simulate(p, "c");
    REQUIRE(sim.has_value());
    CHECK(sim->verdict == Verdict::Approve);
    CHECK(exitCodeFor(*sim) == 0);
    CHECK(sim->notice_days == 36);
    CHECK(simulationToJson(*sim).dump() ==
          R"({"request":"c","verdict":"approve","notice_days":36,"changes":[{"week":"2026-12-07","role":"primary","from":"carol","to":"eve"}],"introduced":[],"resolved":[],"reasons":[]})");
}

TEST_CASE("simulate: a request that mends a violation lists it as resolved") {
    Plan p = planWithEve();
    p.weeks[1].secondary = "alice";  // alice in 2026-11-30 and 2026-12-07
    p.requests = {req("c", RequestType::Cover, "2026-11-01", "alice", "2026-12-07", Role::Secondary, "eve")};
    auto sim = simulate(p, "c");
    REQUIRE(sim.has_value());
    CHECK(sim->verdict == Verdict::Approve);
    CHECK(keysOf(sim->resolved) == std::vector<std::string>{"fairness|null||null|warning",
                                                            "consecutive|2026-12-07|alice|null|error",
                                                            "consecutive|2026-12-14|alice|null|error"});
    CHECK(sim->introduced.empty());
}

TEST_CASE("simulate: late notice without emergency is a reason; with emergency it is not") {
    Plan p = planWithEve();
    p.requests = {req("c", RequestType::Cover, "2026-11-24", "carol", "2026-12-07", Role::Primary, "eve")};
    auto sim = simulate(p, "c");
    REQUIRE(sim.has_value());
    CHECK(sim->verdict == Verdict::Reject);
    CHECK(sim->notice_days == 13);
    CHECK(sim->reasons == std::vector<std::string>{"c was submitted 13 days before the week of 2026-12-07 (14 required)"});
    CHECK(sim->introduced.empty());  // its own change-notice is left out

    p.requests[0].emergency = true;
    sim = simulate(p, "c");
    CHECK(sim->verdict == Verdict::Approve);
    CHECK(sim->reasons.empty());
}

TEST_CASE("simulate: an invalid request changes nothing and is rejected") {
    Plan p = planWithEve();
    p.requests = {req("c", RequestType::Cover, "2026-11-01", "bob", "2026-12-07", Role::Primary, "eve")};
    auto sim = simulate(p, "c");
    REQUIRE(sim.has_value());
    CHECK(sim->verdict == Verdict::Reject);
    CHECK(sim->changes.empty());
    CHECK(sim->introduced.empty());
    CHECK(sim->resolved.empty());
    CHECK(sim->reasons ==
          std::vector<std::string>{"c does not match the plan: Bob Osei is not primary in the week of 2026-12-07"});
}

TEST_CASE("applyRequest: a swap inside one week across roles; the copy marks the request applied") {
    Plan p = cleanPlan();
    p.requests = {req("s", RequestType::Swap, "2026-11-01", "alice", "2026-11-30", Role::Primary, "bob")};
    p.requests[0].with_role = Role::Secondary;
    AppliedRequest a = applyRequest(p, p.requests[0]);
    REQUIRE(a.changes.size() == 2);
    CHECK(changeToJson(a.changes[0]).dump() == R"({"week":"2026-11-30","role":"primary","from":"alice","to":"bob"})");
    CHECK(changeToJson(a.changes[1]).dump() == R"({"week":"2026-11-30","role":"secondary","from":"bob","to":"alice"})");
    CHECK(*a.plan.weeks[0].primary == "bob");
    CHECK(*a.plan.weeks[0].secondary == "alice");
    CHECK(a.plan.requests[0].status == RequestStatus::Applied);
    CHECK(*p.weeks[0].primary == "alice");  // the original is untouched
    auto sim = simulate(p, "s");
    CHECK(sim->verdict == Verdict::Approve);
}

TEST_CASE("applyRequest: changes are listed by week even when with_week comes first") {
    Plan p = cleanPlan();
    const Request r = req("s", RequestType::Swap, "2026-11-01", "carol", "2026-12-07", Role::Primary, "alice", "2026-11-30");
    AppliedRequest a = applyRequest(p, r);
    REQUIRE(a.changes.size() == 2);
    CHECK(formatDate(a.changes[0].week) == "2026-11-30");
    CHECK(*a.changes[0].to == "carol");
    CHECK(formatDate(a.changes[1].week) == "2026-12-07");
    CHECK(*a.changes[1].to == "alice");
    CHECK(noticeDays(r) == 29);
}

TEST_CASE("simulationToText: readable") {
    auto sim = simulate(examplePlan(), "r1");
    const std::string t = simulationToText(examplePlan(), *sim);
    CHECK(t.rfind("r1: reject", 0) == 0);
    CHECK(t.find("2026-11-30  primary: Alice Ng -> Carol Diaz") != std::string::npos);
    CHECK(t.find("It would introduce an error (consecutive)") != std::string::npos);
}
