// The compensation report (docs/incidents-pay-handoff.md "Pay"): hand-checked figures on
// an incident list, months, weekends by resolved shifts, CSV defusing, errors.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/simulation/incidents.hpp"
#include "core/simulation/pay.hpp"
#include "core/model/plan_io.hpp"
#include "test_data.hpp"

using namespace rp;

namespace {


IncidentReport fromList(const Plan& p, const std::string& text) {
    auto list = readIncidentList(p, text);
    REQUIRE(std::holds_alternative<std::vector<EscalationScenario>>(list));
    auto r = reportIncidents(p, std::get<std::vector<EscalationScenario>>(list));
    REQUIRE(std::holds_alternative<IncidentReport>(r));
    return std::get<IncidentReport>(r);
}

PayReport pay(const Plan& p, const IncidentReport& r) {
    auto x = computePay(p, r);
    const auto* err = std::get_if<std::string>(&x);
    REQUIRE_MESSAGE(err == nullptr, (err ? *err : std::string()));
    return std::get<PayReport>(x);
}

}  // namespace

TEST_CASE("pay: hand-checked figures for an incident list") {
    // team.json: 500 / 250 weekly, 100 per incident, 150 per weekend, 4 rest hours per P0,
    // 8 comp hours per weekend. Weeks: 11-30 ana/raj, 12-07 raj/ben, 12-14 ben/ana,
    // 12-21 ana/raj; ana covers primary on Saturday 12-12 (override).
    //  inc-1 P0 Sat 12-05 02:00: ana paged (acks at 3), raj paged at 30 by the clock, no ack
    //        -> ana: 1 incident, 1 P0; raj: nothing (paged, never acknowledged)
    //  inc-2 P2 Tue 12-08 10:00: raj paged, acks at 10; ben paged at 5, acks at 20
    //        -> raj and ben: 1 incident each
    //  inc-3 P1 Mon 11-30 12:00: ana paged, raj at 5, resolved at 10 -> ana: 1 incident (November)
    //  weekends (primary at Saturday 12:00): 12-05 ana (week of 11-30, but December),
    //        12-12 ana (override), 12-19 ben, 12-26 ana
    Plan p = loadTestPlan("incidents/team.json");
    const PayReport r = pay(p, fromList(p, readTestData("incidents/pay-incidents.json")));
    CHECK(payToCsv(p, r) == readTestData("incidents/pay-expected.csv"));
    REQUIRE(r.months.size() == 5);
    const PayRow& ana_dec = r.months[2];
    CHECK(ana_dec.month == "2026-12");
    CHECK(ana_dec.person == "ana");
    CHECK(ana_dec.primary_weeks == 1);
    CHECK(ana_dec.secondary_weeks == 1);
    CHECK(ana_dec.weekends == 3);
    CHECK(ana_dec.incidents == 1);
    CHECK(ana_dec.p0_incidents == 1);
    CHECK(ana_dec.base == 750);
    CHECK(ana_dec.weekend_pay == 450);
    CHECK(ana_dec.total == 1300);
    CHECK(ana_dec.rest_hours == 4);
    CHECK(ana_dec.comp_hours == 24);
    CHECK(r.totals.total == 4000);
    CHECK(r.totals.weekends == 4);
    REQUIRE(r.per_person.size() == 3);
    CHECK(r.per_person[0].person == "ana");
    CHECK(r.per_person[0].total == 1900);
    CHECK(r.per_person[1].person == "ben");
    CHECK(r.per_person[1].total == 1000);
    CHECK(r.per_person[2].person == "raj");
    CHECK(r.per_person[2].total == 1100);
    const Json j = payToJson(p, r);
    CHECK(j["currency"] == "USD");
    CHECK(j["source"] == "list");
    CHECK(j["incidents"] == 3);
    CHECK(j["totals"]["total"].dump() == "4000");
    CHECK(j["months"][0].dump() ==
          R"({"month":"2026-11","person":"ana","name":"Ana Silva","primary_weeks":1,"secondary_weeks":0,"weekends":0,)"
          R"("incidents":1,"p0_incidents":0,"base":500,"incident_pay":100,"weekend_pay":0,"total":600,"currency":"USD",)"
          R"("rest_hours":0,"comp_hours":0})");
}

TEST_CASE("pay: a secondary who acknowledges is paid; rest hours go to every P0 responder") {
    Plan p = loadTestPlan("incidents/team.json");
    // P0 Sun 12-06 03:00 (week of 11-30: ana/raj): nobody acknowledges the primary in time,
    // raj acknowledges at 8, the lead at 40.
    const PayReport r = pay(p, fromList(p, R"([{"at": "2026-12-06T03:00", "severity": "P0",
        "ack": {"secondary": 8, "escalation": 40}, "resolve": 50}])"));
    auto row = [&](const char* who) {
        for (const auto& x : r.months)
            if (x.month == "2026-12" && x.person == who) return x;
        return PayRow{};
    };
    CHECK(row("ana").incidents == 1);
    CHECK(row("ana").p0_incidents == 1);
    CHECK(row("raj").incidents == 1);
    CHECK(row("raj").p0_incidents == 1);
    CHECK(row("lead").incidents == 0);  // only the rotation earns per incident
    CHECK(row("lead").p0_incidents == 1);
    CHECK(row("lead").rest_hours == 4);
    CHECK(row("lead").total == 0);
}

TEST_CASE("pay: without incidents, base and weekends only; fractional rates keep cents") {
    Plan p = loadTestPlan("example.json");
    p.compensation->primary_weekly = 333.335;
    p.compensation->weekend = 0.1;
    const PayReport r = pay(p, IncidentReport{});
    const std::string csv = payToCsv(p, r);
    CHECK(csv.find("2026-11,alice,Alice Ng,1,0,0,0,0,333.34,0.00,0.00,333.34,USD,0,0\r\n") != std::string::npos);
    // the weekend of Saturday 2026-12-05 belongs to December although its week started in November
    CHECK(csv.find("2026-12,alice,Alice Ng,0,2,1,0,0,500.00,0.00,0.10,500.10,USD,0,8\r\n") != std::string::npos);
    CHECK(r.incidents == 0);
}

TEST_CASE("pay: no compensation section is an error; cells are defused") {
    Plan p = loadTestPlan("example.json");
    Plan none = p;
    none.compensation.reset();
    auto x = computePay(none, IncidentReport{});
    REQUIRE(std::holds_alternative<std::string>(x));
    CHECK(std::get<std::string>(x) == "the plan has no compensation section");
    for (auto& person : p.people)
        if (person.id == "alice") person.name = "=HYPERLINK(\"x\",\"y\")";
    p.compensation->currency = "-USD";
    const std::string csv = payToCsv(p, pay(p, IncidentReport{}));
    CHECK(csv.find(",\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",") != std::string::npos);
    CHECK(csv.find(",'-USD,") != std::string::npos);
}

TEST_CASE("pay: from a simulation, deterministic for a seed") {
    Plan p = loadTestPlan("incidents/team.json");
    IncidentOptions o;
    o.seed = 11;
    o.rate_per_week = 10;
    o.keep_outcomes = true;
    auto a = std::get<IncidentReport>(simulateIncidents(p, o));
    auto b = std::get<IncidentReport>(simulateIncidents(p, o));
    const PayReport ra = pay(p, a);
    CHECK(ra.simulated);
    CHECK(ra.incidents == a.totals.incidents);
    CHECK(payToCsv(p, ra) == payToCsv(p, pay(p, b)));
    std::int64_t paid = 0;
    for (const auto& x : ra.months) paid += x.incidents;
    CHECK(paid >= a.totals.incidents - a.totals.skips);  // every paged primary is paid
    double sum = 0;
    for (const auto& x : ra.per_person) sum += x.total;
    CHECK(ra.totals.total == doctest::Approx(sum));
    CHECK(ra.totals.total == 8500);  // golden: the same on every platform
}
