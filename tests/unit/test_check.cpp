// The rule check (rules.md): every rule, a hit and a near miss each; daylight-saving
// weeks, year end and ISO week 53; the example report byte for byte.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>

#include "core/rules/check.hpp"
#include "core/model/plan_io.hpp"
#include "core/rules/simulate.hpp"
#include "rules_fixtures.hpp"

using namespace rp;
using namespace rpt;

namespace {

struct Case {
    const char* name;
    const char* zone;
    std::function<void(Plan&)> edit;
    const char* rule;
    std::vector<std::string> want;  // keys of that rule, in report order ("rule|week|people|request|severity")
    const char* message = nullptr;  // the first one's message, when given
};

void runCases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        const std::string case_name = c.name;
        CAPTURE(case_name);
        Plan p = cleanPlan(c.zone ? c.zone : "America/New_York");
        c.edit(p);
        Report r = check(p);
        CHECK(keysOf(r, c.rule) == c.want);
        if (c.message && !c.want.empty()) {
            const Violation* v = find(r, c.want[0]);
            REQUIRE(v != nullptr);
            CHECK(v->message == c.message);
        }
    }
}

const char* kExampleReport = R"JSON({
  "errors": 0,
  "warnings": 3,
  "violations": [
    { "rule": "fairness", "severity": "warning", "week": null, "people": [], "request": null,
      "message": "Secondary weeks are uneven: Alice Ng has 2, Carol Diaz has 0" },
    { "rule": "change-notice", "severity": "warning", "week": "2026-12-14",
      "people": ["bob"], "request": "r2",
      "message": "r2 was submitted 13 days before the week of 2026-12-14 (14 required); allowed as an emergency" },
    { "rule": "consecutive", "severity": "warning", "week": "2026-12-21",
      "people": ["alice"], "request": null,
      "message": "Alice Ng is on call in the weeks of 2026-12-14 and 2026-12-21 (emergency week)" }
  ]
})JSON";

Request cover(const char* id, const char* submitted, const char* by, const char* week_, const char* with) {
    return req(id, RequestType::Cover, submitted, by, week_, Role::Primary, with);
}

}  // namespace

TEST_CASE("check: the clean base plan has no violation") {
    Report r = check(cleanPlan());
    CHECK(keys(r).empty());
    CHECK(r.errors == 0);
    CHECK(r.warnings == 0);
    CHECK(exitCodeFor(r) == 0);
    CHECK(reportToText(r) == "0 errors, 0 warnings\n");
}

TEST_CASE("check: the example plan gives exactly the report of rules.md") {
    const Json want = Json::parse(kExampleReport);
    SUBCASE("built in code") {
        Json got = reportToJson(check(examplePlan()));
        CHECK(got.dump(2) == want.dump(2));
    }
    SUBCASE("read from tests/data/example.json") {
        LoadResult lr = readPlan(readText(std::string(RP_TEST_DATA) + "/example.json"));
        REQUIRE_MESSAGE(lr.ok(), (lr.error ? lr.error->str() : ""));
        Report r = check(*lr.plan);
        CHECK(reportToJson(r).dump(2) == want.dump(2));
        CHECK(exitCodeFor(r) == 0);
        CHECK(reportToText(r) ==
              "warning -           fairness            Secondary weeks are uneven: Alice Ng has 2, Carol Diaz has 0\n"
              "warning 2026-12-14  change-notice       r2 was submitted 13 days before the week of 2026-12-14 (14 "
              "required); allowed as an emergency\n"
              "warning 2026-12-21  consecutive         Alice Ng is on call in the weeks of 2026-12-14 and 2026-12-21 "
              "(emergency week)\n"
              "0 errors, 3 warnings\n");
    }
}

TEST_CASE("check: the example's near misses") {
    SUBCASE("had Dana's conference begun on 2026-12-14, the week of 2026-12-07 lacks an escalation contact") {
        Plan p = examplePlan();
        p.time_off[1].from = D("2026-12-14");
        Report r = check(p);
        CHECK(keysOf(r, "escalation-contact") ==
              std::vector<std::string>{"escalation-contact|2026-12-07|dana|null|error"});
        CHECK(keysOf(r, "unavailable") == std::vector<std::string>{"unavailable|2026-12-07|dana|null|error"});
        CHECK(find(r, "escalation-contact|2026-12-07|dana|null|error")->message ==
              "Dana Li, the escalation contact of the week of 2026-12-07, has time off from 2026-12-14 to 2026-12-18");
        CHECK(find(r, "unavailable|2026-12-07|dana|null|error")->message ==
              "Dana Li has time off from 2026-12-14 to 2026-12-18 but is escalation contact in the week of 2026-12-07");
    }
    SUBCASE("without erin as the escalation of 2026-12-14, dana's conference clashes there") {
        Plan p = examplePlan();
        p.weeks[2].escalation.reset();
        Report r = check(p);
        CHECK(keysOf(r, "escalation-contact") ==
              std::vector<std::string>{"escalation-contact|2026-12-14|dana|null|error"});
    }
    SUBCASE("carol covering 2026-12-14 would meet her PTO starting 2026-12-21 before the 09:00 handoff") {
        Plan p = examplePlan();
        p.weeks[2].primary = "carol";
        Report r = check(p);
        CHECK(keysOf(r, "unavailable") == std::vector<std::string>{"unavailable|2026-12-14|carol|null|error"});
        CHECK(find(r, "unavailable|2026-12-14|carol|null|error")->message ==
              "Carol Diaz has time off from 2026-12-21 to 2027-01-03 but is primary in the week of 2026-12-14");
    }
}

TEST_CASE("rule gap and week-order") {
    runCases({
        {"gap: a week missing", nullptr, [](Plan& p) { p.weeks.erase(p.weeks.begin() + 2); }, "gap",
         {"gap|2026-12-21||null|error"},
         "No week covers 2026-12-14 to 2026-12-20: the week of 2026-12-21 starts 14 days after the week of 2026-12-07"},
        {"gap near miss: weeks exactly 7 days apart", nullptr, [](Plan&) {}, "gap", {}},
        {"gap across the year end (ISO week 53 missing)", nullptr,
         [](Plan& p) {
             p.weeks = {week("2026-12-21", "alice", "bob"), week("2027-01-04", "carol", "dev")};
         },
         "gap", {"gap|2027-01-04||null|error"},
         "No week covers 2026-12-28 to 2027-01-03: the week of 2027-01-04 starts 14 days after the week of 2026-12-21"},
        {"gap near miss across the year end: 2026-12-28 is there", nullptr,
         [](Plan& p) {
             p.weeks = {week("2026-12-21", "alice", "bob"), week("2026-12-28", "carol", "dev"),
                        week("2027-01-04", "bob", "alice")};
         },
         "gap", {}},
        {"week-order: a duplicate week", nullptr, [](Plan& p) { p.weeks.push_back(p.weeks[3]); }, "week-order",
         {"week-order|2026-12-21||null|error"}, "The week of 2026-12-21 is listed twice"},
        {"week-order: out of order (and the gap it leaves)", nullptr,
         [](Plan& p) { std::swap(p.weeks[2], p.weeks[3]); }, "week-order", {"week-order|2026-12-14||null|error"},
         "The week of 2026-12-14 is listed after the week of 2026-12-21"},
        {"gap: out of order leaves 2026-12-07 -> 2026-12-21", nullptr,
         [](Plan& p) { std::swap(p.weeks[2], p.weeks[3]); }, "gap", {"gap|2026-12-21||null|error"}},
        {"week-order: a start off the handoff weekday", nullptr, [](Plan& p) { p.weeks[3].start = D("2026-12-22"); },
         "week-order", {"week-order|2026-12-22||null|error"},
         "The week of 2026-12-22 starts on a Tuesday, not on the handoff day (Monday)"},
        {"week-order: a start 3 days after the previous one is no gap", nullptr,
         [](Plan& p) { p.weeks[3].start = D("2026-12-17"); }, "gap", {}},
        {"week-order: sunday handoff, monday weeks", nullptr, [](Plan& p) { p.policy.handoff_weekday = 0; },
         "week-order",
         {"week-order|2026-11-30||null|error", "week-order|2026-12-07||null|error", "week-order|2026-12-14||null|error",
          "week-order|2026-12-21||null|error"}},
        {"week-order near miss: strictly increasing mondays", nullptr, [](Plan&) {}, "week-order", {}},
    });
}

TEST_CASE("rule min-engineers") {
    runCases({
        {"a week without secondary", nullptr, [](Plan& p) { p.weeks[1].secondary.reset(); }, "min-engineers",
         {"min-engineers|2026-12-07||null|error"}, "The week of 2026-12-07 has no secondary"},
        {"a week without anyone", nullptr,
         [](Plan& p) {
             p.weeks[1].secondary.reset();
             p.weeks[1].primary.reset();
         },
         "min-engineers", {"min-engineers|2026-12-07||null|error"},
         "The week of 2026-12-07 has no primary and no secondary"},
        {"one person holds both roles", nullptr, [](Plan& p) { p.weeks[1].secondary = "carol"; }, "min-engineers",
         {"min-engineers|2026-12-07|carol|null|error"}, "Carol Diaz is both primary and secondary in the week of 2026-12-07"},
        {"an override makes the primary secondary too", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Secondary, "alice", "2026-12-01T09:00", "2026-12-01T12:00")}; },
         "min-engineers", {"min-engineers|2026-11-30|alice|null|error"},
         "Alice Ng is both primary and secondary in the week of 2026-11-30 from 2026-12-01 09:00 to 2026-12-01 12:00"},
        {"an unassigned primary partly covered by an override", nullptr,
         [](Plan& p) {
             p.weeks[0].primary.reset();
             p.overrides = {ovr(p, Role::Primary, "carol", "2026-12-01T09:00", "2026-12-02T09:00")};
         },
         "min-engineers", {"min-engineers|2026-11-30||null|error"},
         "The week of 2026-11-30 has no primary from 2026-11-30 09:00 to 2026-12-01 09:00 (and 1 more gap)"},
        {"near miss: an unassigned primary covered whole by overrides", nullptr,
         [](Plan& p) {
             p.weeks[0].primary.reset();
             p.overrides = {ovr(p, Role::Primary, "carol", "2026-11-30T09:00", "2026-12-03T09:00"),
                            ovr(p, Role::Primary, "dev", "2026-12-03T09:00", "2026-12-07T09:00")};
         },
         "min-engineers", {}},
        {"near miss: an override hands the secondary to someone else", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Secondary, "carol", "2026-12-01T09:00", "2026-12-01T12:00")}; },
         "min-engineers", {}},
        {"a pool of one", nullptr,
         [](Plan& p) {
             for (auto& x : p.people)
                 if (x.id != "alice") x.on_call = false;
         },
         "min-engineers", {"min-engineers|null||null|error"},
         "The rotation pool has only 1 engineer (Alice Ng); at least 2 are needed"},
        {"near miss: a pool of exactly two", nullptr,
         [](Plan& p) {
             for (auto& x : p.people)
                 if (x.id == "carol" || x.id == "dev") x.trainee = true;
         },
         "min-engineers", {}},
    });
}

TEST_CASE("rule not-eligible") {
    runCases({
        {"a trainee as primary", nullptr, [](Plan& p) { p.weeks[1].primary = "gina"; }, "not-eligible",
         {"not-eligible|2026-12-07|gina|null|error"},
         "Gina Park is a trainee (trainees may only shadow) and cannot be primary in the week of 2026-12-07"},
        {"an off-call person as secondary", nullptr, [](Plan& p) { p.weeks[2].secondary = "dana"; }, "not-eligible",
         {"not-eligible|2026-12-14|dana|null|error"},
         "Dana Li is not in the rotation pool (on_call is false) and cannot be secondary in the week of 2026-12-14"},
        {"an override by a trainee, at the week its from falls in (the handoff instant)", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Primary, "gina", "2026-12-07T09:00", "2026-12-07T10:00")}; },
         "not-eligible", {"not-eligible|2026-12-07|gina|null|error"},
         "Gina Park is a trainee (trainees may only shadow) and cannot take the primary override from 2026-12-07 09:00 "
         "to 2026-12-07 10:00"},
        {"an override by a trainee a minute before the handoff", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Primary, "gina", "2026-12-07T08:59", "2026-12-07T10:00")}; },
         "not-eligible", {"not-eligible|2026-11-30|gina|null|error"}},
        {"near miss: a trainee as shadow", nullptr, [](Plan& p) { p.weeks[1].shadow = "gina"; }, "not-eligible", {}},
        {"near miss: an unknown id is not judged", nullptr, [](Plan& p) { p.weeks[1].primary = "zed"; },
         "not-eligible", {}},
    });
}

TEST_CASE("rule consecutive") {
    runCases({
        {"two adjacent weeks", nullptr, [](Plan& p) {
             p.weeks.resize(2);
             p.weeks[1].secondary = "alice";
         },
         "consecutive", {"consecutive|2026-12-07|alice|null|error"}, "Alice Ng is on call in the weeks of 2026-11-30 and 2026-12-07"},
        {"the later week is an emergency", nullptr,
         [](Plan& p) {
             p.weeks.resize(2);
             p.weeks[1].secondary = "alice";
             p.weeks[1].emergency = true;
         },
         "consecutive", {"consecutive|2026-12-07|alice|null|warning"},
         "Alice Ng is on call in the weeks of 2026-11-30 and 2026-12-07 (emergency week)"},
        {"near miss: only the earlier week is an emergency", nullptr,
         [](Plan& p) {
             p.weeks.resize(2);
             p.weeks[1].secondary = "alice";
             p.weeks[0].emergency = true;
         },
         "consecutive", {"consecutive|2026-12-07|alice|null|error"}},
        {"near miss: one week between", nullptr, [](Plan&) {}, "consecutive", {}},
        {"near miss: a gap week between (14 days apart)", nullptr,
         [](Plan& p) { p.weeks.erase(p.weeks.begin() + 1); }, "consecutive", {}},
        {"policy primary: a secondary repeat does not count", nullptr,
         [](Plan& p) {
             p.policy.no_consecutive = NoConsecutive::Primary;
             p.weeks[1].secondary = "alice";
         },
         "consecutive", {}},
        {"policy primary: a primary repeat counts", nullptr,
         [](Plan& p) {
             p.policy.no_consecutive = NoConsecutive::Primary;
             p.weeks[1].primary = "alice";
         },
         "consecutive", {"consecutive|2026-12-07|alice|null|error"},
         "Alice Ng is primary in the weeks of 2026-11-30 and 2026-12-07"},
        {"near miss: overrides do not count", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Primary, "bob", "2026-12-08T09:00", "2026-12-09T09:00")}; },
         "consecutive", {}},
        {"across the year end through ISO week 53", nullptr,
         [](Plan& p) {
             p.weeks = {week("2026-12-21", "bob", "dev"), week("2026-12-28", "alice", "carol"),
                        week("2027-01-04", "bob", "alice")};
         },
         "consecutive", {"consecutive|2027-01-04|alice|null|error"},
         "Alice Ng is on call in the weeks of 2026-12-28 and 2027-01-04"},
        {"two people at once", nullptr,
         [](Plan& p) {
             p.weeks.resize(2);
             p.weeks[1] = week("2026-12-07", "bob", "alice");
         }, "consecutive",
         {"consecutive|2026-12-07|alice|null|error", "consecutive|2026-12-07|bob|null|error"}},
    });
}

TEST_CASE("rule unavailable") {
    runCases({
        {"near miss: time off ending the day before the week", nullptr,
         [](Plan& p) { p.time_off = {off("carol", "2026-12-01", "2026-12-06")}; }, "unavailable", {}},
        {"time off on the week's first day", nullptr,
         [](Plan& p) { p.time_off = {off("carol", "2026-12-07", "2026-12-07")}; }, "unavailable",
         {"unavailable|2026-12-07|carol|null|error"},
         "Carol Diaz has time off on 2026-12-07 but is primary in the week of 2026-12-07"},
        {"time off from a Monday touches the last morning of the week before", nullptr,
         [](Plan& p) { p.time_off = {off("carol", "2026-12-14", "2026-12-16")}; }, "unavailable",
         {"unavailable|2026-12-07|carol|null|error"}},
        {"near miss: time off from the Tuesday", nullptr,
         [](Plan& p) { p.time_off = {off("carol", "2026-12-15", "2026-12-16")}; }, "unavailable", {}},
        {"an override piece meets time off", nullptr,
         [](Plan& p) {
             p.overrides = {ovr(p, Role::Primary, "carol", "2026-12-02T18:00", "2026-12-03T09:00")};
             p.time_off = {off("carol", "2026-12-03", "2026-12-03")};
         },
         "unavailable", {"unavailable|2026-11-30|carol|null|error"}},
        {"near miss: the override ends before the time off", nullptr,
         [](Plan& p) {
             p.overrides = {ovr(p, Role::Primary, "carol", "2026-12-02T18:00", "2026-12-03T09:00")};
             p.time_off = {off("carol", "2026-12-04", "2026-12-05")};
         },
         "unavailable", {}},
        {"near miss: an override cuts the clashing part out of alice's shift", nullptr,
         [](Plan& p) {
             p.overrides = {ovr(p, Role::Primary, "carol", "2026-12-03T00:00", "2026-12-04T00:00")};
             p.time_off = {off("alice", "2026-12-03", "2026-12-03")};
         },
         "unavailable", {}},
        {"a shadow on time off", nullptr,
         [](Plan& p) {
             p.weeks[1].shadow = "gina";
             p.time_off = {off("gina", "2026-12-10", "2026-12-10")};
         },
         "unavailable", {"unavailable|2026-12-07|gina|null|error"},
         "Gina Park has time off on 2026-12-10 but is shadow in the week of 2026-12-07"},
        {"the default escalation contact on time off", nullptr,
         [](Plan& p) { p.time_off = {off("dana", "2026-12-15", "2026-12-18")}; }, "unavailable",
         {"unavailable|2026-12-14|dana|null|error"}},
        {"each week the clash touches", nullptr,
         [](Plan& p) { p.time_off = {off("carol", "2026-12-07", "2026-12-27")}; }, "unavailable",
         {"unavailable|2026-12-07|carol|null|error", "unavailable|2026-12-21|carol|null|error"}},
        {"several roles in one week make one violation", nullptr,
         [](Plan& p) {
             p.weeks[1].escalation = "carol";
             p.time_off = {off("carol", "2026-12-08", "2026-12-08"), off("carol", "2026-12-09", "2026-12-09")};
         },
         "unavailable", {"unavailable|2026-12-07|carol|null|error"},
         "Carol Diaz has time off on 2026-12-08 but is primary and escalation contact in the week of 2026-12-07"},
        {"near miss: an unknown id has no time off", nullptr,
         [](Plan& p) {
             p.weeks[1].primary = "zed";
             p.time_off = {off("zed", "2026-12-08", "2026-12-08")};
         },
         "unavailable", {}},
        {"New York spring forward: time off from Monday 2027-03-15 touches the week of 2027-03-08", "America/New_York",
         [](Plan& p) {
             p.weeks = {week("2027-03-08", "carol", "dev"), week("2027-03-15", "alice", "bob")};
             p.time_off = {off("carol", "2027-03-15", "2027-03-15")};
         },
         "unavailable", {"unavailable|2027-03-08|carol|null|error"}},
        {"New York near miss: time off ending 2027-03-14 (the DST day) is before the week of 2027-03-15",
         "America/New_York",
         [](Plan& p) {
             p.weeks = {week("2027-03-08", "carol", "dev"), week("2027-03-15", "alice", "bob")};
             p.time_off = {off("alice", "2027-03-10", "2027-03-14")};
         },
         "unavailable", {}},
        {"London fall back: time off from Monday 2026-10-26 touches the week of 2026-10-19", "Europe/London",
         [](Plan& p) {
             p.weeks = {week("2026-10-19", "carol", "dev"), week("2026-10-26", "alice", "bob")};
             p.time_off = {off("dev", "2026-10-26", "2026-10-27")};
         },
         "unavailable", {"unavailable|2026-10-19|dev|null|error"}},
        {"Sydney spring forward: time off on 2026-10-05 touches the week of 2026-09-28 only", "Australia/Sydney",
         [](Plan& p) {
             p.weeks = {week("2026-09-28", "carol", "dev"), week("2026-10-05", "alice", "bob")};
             p.time_off = {off("carol", "2026-10-05", "2026-10-05"), off("alice", "2026-10-04", "2026-10-04")};
         },
         "unavailable", {"unavailable|2026-09-28|carol|null|error"}},
        {"year end: PTO over ISO week 53", "America/New_York",
         [](Plan& p) {
             p.weeks = {week("2026-12-21", "bob", "dev"), week("2026-12-28", "alice", "carol"),
                        week("2027-01-04", "bob", "dev")};
             p.time_off = {off("carol", "2026-12-31", "2027-01-01"), off("dev", "2026-12-29", "2027-01-03")};
         },
         "unavailable", {"unavailable|2026-12-28|carol|null|error"}},
    });
}

TEST_CASE("rule escalation-contact") {
    runCases({
        {"no contact at all", nullptr, [](Plan& p) { p.contacts.engineering_lead.reset(); }, "escalation-contact",
         {"escalation-contact|2026-11-30||null|error", "escalation-contact|2026-12-07||null|error",
          "escalation-contact|2026-12-14||null|error", "escalation-contact|2026-12-21||null|error"},
         "The week of 2026-11-30 has no escalation contact: it names none and contacts.engineering_lead is not set"},
        {"near miss: the week names its own", nullptr,
         [](Plan& p) {
             p.contacts.engineering_lead.reset();
             for (auto& w : p.weeks) w.escalation = "erin";
         },
         "escalation-contact", {}},
        {"an unknown contact", nullptr, [](Plan& p) { p.weeks[2].escalation = "zed"; }, "escalation-contact",
         {"escalation-contact|2026-12-14|zed|null|error"},
         "The escalation contact of the week of 2026-12-14, zed, is not in people"},
        {"the contact is away", nullptr, [](Plan& p) { p.time_off = {off("dana", "2026-12-15", "2026-12-18")}; },
         "escalation-contact", {"escalation-contact|2026-12-14|dana|null|error"}},
        {"near miss: away the day after the week ends", nullptr,
         [](Plan& p) { p.time_off = {off("dana", "2026-12-29", "2027-01-02")}; }, "escalation-contact", {}},
        {"near miss: away until the Sunday before the week", nullptr,
         [](Plan& p) { p.time_off = {off("dana", "2026-11-20", "2026-11-29")}; }, "escalation-contact", {}},
    });
}

TEST_CASE("rule change-notice") {
    runCases({
        {"submitted 2026-11-23 for the week of 2026-12-07: 14 days, on time", nullptr,
         [](Plan& p) { p.requests = {cover("r", "2026-11-23", "carol", "2026-12-07", "bob")}; }, "change-notice", {}},
        {"submitted 2026-11-24: 13 days, late", nullptr,
         [](Plan& p) { p.requests = {cover("r", "2026-11-24", "carol", "2026-12-07", "bob")}; }, "change-notice",
         {"change-notice|2026-12-07|carol|r|error"}, "r was submitted 13 days before the week of 2026-12-07 (14 required)"},
        {"late but an emergency", nullptr,
         [](Plan& p) {
             p.requests = {cover("r", "2026-12-06", "carol", "2026-12-07", "bob")};
             p.requests[0].emergency = true;
         },
         "change-notice", {"change-notice|2026-12-07|carol|r|warning"},
         "r was submitted 1 day before the week of 2026-12-07 (14 required); allowed as an emergency"},
        {"submitted after the week began", nullptr,
         [](Plan& p) { p.requests = {cover("r", "2026-12-09", "carol", "2026-12-07", "bob")}; }, "change-notice",
         {"change-notice|2026-12-07|carol|r|error"},
         "r was submitted 2 days after the start of the week of 2026-12-07 (14 required)"},
        {"a swap: the earliest week is with_week", nullptr,
         [](Plan& p) {
             p.requests = {req("s", RequestType::Swap, "2026-11-17", "carol", "2026-12-07", Role::Primary, "alice",
                               "2026-11-30")};
         },
         "change-notice", {"change-notice|2026-11-30|carol|s|error"}},
        {"near miss: the same swap a day earlier", nullptr,
         [](Plan& p) {
             p.requests = {req("s", RequestType::Swap, "2026-11-16", "carol", "2026-12-07", Role::Primary, "alice",
                               "2026-11-30")};
         },
         "change-notice", {}},
        {"approved counts", nullptr,
         [](Plan& p) {
             p.requests = {cover("r", "2026-11-24", "carol", "2026-12-07", "bob")};
             p.requests[0].status = RequestStatus::Approved;
         },
         "change-notice", {"change-notice|2026-12-07|carol|r|error"}},
        {"near miss: applied and rejected ones are ignored", nullptr,
         [](Plan& p) {
             p.requests = {cover("r", "2026-11-24", "carol", "2026-12-07", "bob"),
                           cover("q", "2026-11-24", "carol", "2026-12-07", "bob")};
             p.requests[0].status = RequestStatus::Applied;
             p.requests[1].status = RequestStatus::Rejected;
         },
         "change-notice", {}},
        {"near miss: notice 0 days, submitted on the day", nullptr,
         [](Plan& p) {
             p.policy.change_notice_days = 0;
             p.requests = {cover("r", "2026-12-07", "carol", "2026-12-07", "bob")};
         },
         "change-notice", {}},
    });
}

TEST_CASE("rule request-invalid") {
    runCases({
        {"near miss: a matching swap", nullptr,
         [](Plan& p) {
             p.requests = {req("s", RequestType::Swap, "2026-11-01", "alice", "2026-11-30", Role::Primary, "carol",
                               "2026-12-07")};
         },
         "request-invalid", {}},
        {"by does not hold the role", nullptr,
         [](Plan& p) { p.requests = {cover("r", "2026-11-01", "bob", "2026-12-07", "alice")}; }, "request-invalid",
         {"request-invalid|2026-12-07|bob|r|error"},
         "r does not match the plan: Bob Osei is not primary in the week of 2026-12-07"},
        {"with does not hold with_role", nullptr,
         [](Plan& p) {
             p.requests = {req("s", RequestType::Swap, "2026-11-01", "alice", "2026-11-30", Role::Primary, "dev",
                               "2026-12-07")};
         },
         "request-invalid", {"request-invalid|2026-11-30|alice|s|error"},
         "s does not match the plan: Dev Rao is not primary in the week of 2026-12-07"},
        {"with_role given", nullptr,
         [](Plan& p) {
             p.requests = {req("s", RequestType::Swap, "2026-11-01", "alice", "2026-11-30", Role::Primary, "dev",
                               "2026-12-07")};
             p.requests[0].with_role = Role::Secondary;
         },
         "request-invalid", {}},
        {"no such week", nullptr,
         [](Plan& p) { p.requests = {cover("r", "2026-11-01", "bob", "2027-02-01", "alice")}; }, "request-invalid",
         {"request-invalid|2027-02-01|bob|r|error"}, "r does not match the plan: there is no week of 2027-02-01"},
        {"near miss: a rejected one is ignored", nullptr,
         [](Plan& p) {
             p.requests = {cover("r", "2026-11-01", "bob", "2026-12-07", "alice")};
             p.requests[0].status = RequestStatus::Rejected;
         },
         "request-invalid", {}},
    });
}

TEST_CASE("rule unknown-person") {
    runCases({
        {"a week's own field", nullptr, [](Plan& p) { p.weeks[1].primary = "zed"; }, "unknown-person",
         {"unknown-person|2026-12-07|zed|null|error"},
         "Unknown person zed is primary in the week of 2026-12-07; add them to people or correct the id"},
        {"an override, time off and the cto: once, week null", nullptr,
         [](Plan& p) {
             p.overrides = {ovr(p, Role::Primary, "zed", "2026-12-02T18:00", "2026-12-03T09:00")};
             p.time_off = {off("zed", "2026-12-01", "2026-12-01")};
             p.contacts.cto = "zed";
         },
         "unknown-person", {"unknown-person|null|zed|null|error"},
         "Unknown person zed is named as contacts.cto; add them to people or correct the id"},
        {"a request's by and with carry its id", nullptr,
         [](Plan& p) {
             p.requests = {req("s", RequestType::Swap, "2026-11-01", "yan", "2026-11-30", Role::Primary, "zed",
                               "2026-12-07")};
         },
         "unknown-person", {"unknown-person|null|yan|s|error", "unknown-person|null|zed|s|error"}},
        {"the engineering lead: null for contacts, and the weeks that default to it do not repeat it", nullptr,
         [](Plan& p) { p.contacts.engineering_lead = "zed"; }, "unknown-person",
         {"unknown-person|null|zed|null|error"}},
        {"near miss: everyone known", nullptr, [](Plan&) {}, "unknown-person", {}},
    });
}

TEST_CASE("rule override-outside") {
    runCases({
        {"before the first week", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Primary, "carol", "2026-11-20T09:00", "2026-11-21T09:00")}; },
         "override-outside", {"override-outside|null|carol|null|error"},
         "The primary override for Carol Diaz from 2026-11-20 09:00 to 2026-11-21 09:00 lies outside the plan's weeks"},
        {"a minute before the first handoff", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Primary, "carol", "2026-11-30T08:59", "2026-11-30T12:00")}; },
         "override-outside", {"override-outside|null|carol|null|error"},
         "The primary override for Carol Diaz from 2026-11-30 08:59 to 2026-11-30 12:00 lies partly outside the "
         "plan's weeks"},
        {"near miss: from the first handoff", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Primary, "carol", "2026-11-30T09:00", "2026-11-30T12:00")}; },
         "override-outside", {}},
        {"near miss: to the last handoff", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Secondary, "bob", "2026-12-27T09:00", "2026-12-28T09:00")}; },
         "override-outside", {}},
        {"past the last handoff", nullptr,
         [](Plan& p) { p.overrides = {ovr(p, Role::Secondary, "bob", "2026-12-27T09:00", "2026-12-28T09:01")}; },
         "override-outside", {"override-outside|null|bob|null|error"}},
        {"across a gap between weeks", nullptr,
         [](Plan& p) {
             p.weeks.erase(p.weeks.begin() + 1);
             p.overrides = {ovr(p, Role::Primary, "dev", "2026-12-06T09:00", "2026-12-08T09:00")};
         },
         "override-outside", {"override-outside|null|dev|null|error"}},
        {"London: an override to the handoff after the clocks go back is inside", "Europe/London",
         [](Plan& p) {
             p.weeks = {week("2026-10-19", "carol", "dev")};
             p.overrides = {ovr(p, Role::Primary, "bob", "2026-10-25T09:00", "2026-10-26T09:00")};
         },
         "override-outside", {}},
        {"Sydney: an hour past the handoff after the clocks go forward is outside", "Australia/Sydney",
         [](Plan& p) {
             p.weeks = {week("2026-09-28", "carol", "dev")};
             p.overrides = {ovr(p, Role::Primary, "bob", "2026-10-05T08:00", "2026-10-05T10:00")};
         },
         "override-outside", {"override-outside|null|bob|null|error"}},
    });
}

TEST_CASE("rule fairness") {
    runCases({
        {"secondary uneven", nullptr, [](Plan& p) { p.weeks[3].secondary = "alice"; }, "fairness",
         {"fairness|null||null|warning"}, "Secondary weeks are uneven: Alice Ng has 2, Carol Diaz has 0"},
        {"both uneven", nullptr,
         [](Plan& p) {
             p.weeks = {week("2026-11-30", "alice", "bob"), week("2026-12-07", "alice", "carol"),
                        week("2026-12-14", "alice", "carol"), week("2026-12-21", "dev", "carol")};
         },
         "fairness", {"fairness|null||null|warning"},
         "Primary weeks are uneven: Alice Ng has 3, Bob Osei has 0; secondary weeks are uneven: Carol Diaz has 3, "
         "Alice Ng has 0"},
        {"near miss: a difference of exactly 1", nullptr,
         [](Plan& p) { p.weeks.push_back(week("2026-12-28", "alice", "bob")); }, "fairness", {}},
        {"near miss: people outside the pool do not count", nullptr,
         [](Plan& p) {
             p.weeks.push_back(week("2026-12-28", "gina", "dana"));
             p.weeks.push_back(week("2027-01-04", "gina", "dana"));
         },
         "fairness", {}},
    });
}

TEST_CASE("check: one report per (rule, week, people, request), sorted; counts and text") {
    Plan p = cleanPlan();
    p.weeks.push_back(week("2026-12-14", "carol", "dev"));  // listed again, after 2026-12-21
    p.weeks[1].primary = "zed";                               // unknown-person at 2026-12-07
    p.contacts.cto = "zed";                                   // unknown-person null (and below)
    p.time_off = {off("zed", "2026-12-01", "2026-12-01")};
    p.overrides = {ovr(p, Role::Primary, "zed", "2026-12-02T18:00", "2026-12-03T09:00")};
    Report r = check(p);
    auto k = keys(r);
    for (std::size_t i = 1; i < r.violations.size(); ++i) CHECK(violationLess(r.violations[i - 1], r.violations[i]));
    int errors = 0, warnings = 0;
    for (const auto& v : r.violations) (v.severity == Severity::Error ? errors : warnings)++;
    CHECK(r.errors == errors);
    CHECK(r.warnings == warnings);
    CHECK(exitCodeFor(r) == 1);
    for (const char* want : {"unknown-person|null|zed|null|error", "unknown-person|2026-12-07|zed|null|error",
                             "consecutive|2026-12-21|carol|null|error", "consecutive|2026-12-21|dev|null|error",
                             "consecutive|2026-12-14|dev|null|error", "week-order|2026-12-14||null|error"}) {
        const std::string wanted = want;
        CAPTURE(wanted);
        CHECK(std::count(k.begin(), k.end(), want) == 1);
    }
    CHECK(k.front() == "unknown-person|null|zed|null|error");  // null weeks first
    const std::string text = reportToText(r);
    CHECK(text.find("error   2026-12-07  unknown-person      Unknown person zed is primary in the week of 2026-12-07") !=
          std::string::npos);
    const std::string summary = std::to_string(errors) + " errors, " + std::to_string(warnings) +
                                (warnings == 1 ? " warning\n" : " warnings\n");
    CHECK(text.substr(text.size() - summary.size()) == summary);
}

TEST_CASE("check: reportToJson key order") {
    Report r;
    r.errors = 1;
    r.violations.push_back({"gap", Severity::Error, D("2026-12-21"), {}, std::nullopt, "m"});
    CHECK(reportToJson(r).dump() ==
          R"({"errors":1,"warnings":0,"violations":[{"rule":"gap","severity":"error","week":"2026-12-21","people":[],"request":null,"message":"m"}]})");
}

TEST_CASE("check: a large plan (520 weeks, 200 people, 1000 time off, 500 overrides, 300 requests)") {
    Plan p = cleanPlan("America/New_York");
    p.people.clear();
    for (int i = 0; i < 200; ++i) {
        std::string id = "p" + std::to_string(i);
        p.people.push_back(person(id.c_str(), ("Person " + std::to_string(i)).c_str(), i != 7, i == 9));
    }
    p.contacts.engineering_lead = "p7";
    p.weeks.clear();
    const Date first = D("2026-01-05");
    auto id = [](int i) { return "p" + std::to_string(i); };
    for (int w = 0; w < 520; ++w) {
        Week wk;
        wk.start = first + date::days{7 * w};
        wk.primary = id((w * 2) % 200);
        wk.secondary = id((w * 2 + 1) % 200);
        if (w % 10 == 0) wk.shadow = "p9";
        p.weeks.push_back(wk);
    }
    for (int i = 0; i < 1000; ++i) {
        TimeOff t;
        t.person = id((i * 37) % 200);
        t.from = first + date::days{(i * 113) % 3640};
        t.to = t.from + date::days{i % 9};
        p.time_off.push_back(t);
    }
    for (int i = 0; i < 500; ++i) {
        Override o;
        o.role = i % 2 ? Role::Primary : Role::Secondary;
        o.person = id((i * 53) % 200);
        o.from.at = handoffInstant(p, first) + std::chrono::hours((i * 97) % (520 * 168));
        o.to.at = o.from.at + std::chrono::hours(1 + i % 30);
        p.overrides.push_back(o);
    }
    for (int i = 0; i < 300; ++i) {
        Request r;
        r.id = "r" + std::to_string(i);
        r.type = i % 2 ? RequestType::Swap : RequestType::Cover;
        const int w = (i * 17) % 519;
        r.week = p.weeks[w].start;
        r.by = *p.weeks[w].primary;
        r.with = *p.weeks[w + 1].primary;
        r.with_week = p.weeks[w + 1].start;
        r.submitted = r.week - date::days{i % 30};
        p.requests.push_back(r);
    }
    check(p);  // warm the zone caches
    const auto t0 = std::chrono::steady_clock::now();
    Report r = check(p);
    const auto ms =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count() / 1000.0;
    MESSAGE("check of the large plan: " << ms << " ms, " << r.violations.size() << " violations");
    CHECK(r.violations.size() > 0);
    CHECK(ms < 1000.0);  // the budget is 20 ms native -O2; this only catches a blow-up
}

TEST_CASE("check: plan files under tests/data/rules") {
    struct Row {
        const char* file;
        std::vector<std::string> want;
    };
    const Row rows[] = {
        {"rules-year-end.json",
         {"unavailable|2026-12-21|carol|null|error", "consecutive|2027-01-04|bob|null|error",
          "gap|2027-01-18||null|error"}},
        {"rules-dst.json",
         {"override-outside|null|erin|null|error", "change-notice|2027-03-08|bob|r2|error",
          "min-engineers|2027-03-08|dev|null|error", "unavailable|2027-03-08|carol|null|error",
          "not-eligible|2027-03-15|erin|null|error"}},
        {"rules-faults.json",
         {"unknown-person|null|lee|null|error", "unknown-person|null|yan|q1|error",
          "escalation-contact|2026-06-01|lee|null|error", "week-order|2026-06-01||null|error",
          "consecutive|2026-06-08|bob|null|error", "escalation-contact|2026-06-08|lee|null|error",
          "request-invalid|2026-06-08|yan|q1|error", "unknown-person|2026-06-08|zed|null|error",
          "escalation-contact|2026-06-17|lee|null|error", "gap|2026-06-17||null|error",
          "not-eligible|2026-06-17|gina|null|error", "week-order|2026-06-17||null|error"}},
    };
    for (const Row& row : rows) {
        const std::string file = row.file;
        CAPTURE(file);
        LoadResult lr = readPlan(readText(std::string(RP_TEST_DATA) + "/rules/" + file));
        REQUIRE_MESSAGE(lr.ok(), (lr.error ? lr.error->str() : ""));
        Report r = check(*lr.plan);
        CHECK(keys(r) == row.want);
        CHECK(r.errors == static_cast<int>(row.want.size()));
    }
    LoadResult lr = readPlan(readText(std::string(RP_TEST_DATA) + "/rules/rules-dst.json"));
    REQUIRE(lr.ok());
    Report r = check(*lr.plan);
    CHECK(find(r, "min-engineers|2027-03-08|dev|null|error")->message ==
          "Dev Rao is both primary and secondary in the week of 2027-03-08 from 2027-03-14 01:00 to 2027-03-14 03:30");
    CHECK(find(r, "override-outside|null|erin|null|error")->message ==
          "The secondary override for Erin Cho from 2027-03-22 08:00 to 2027-03-22 10:00 lies partly outside the "
          "plan's weeks");
    CHECK(find(r, "week-order|2026-06-17||null|error") == nullptr);  // other file
    auto sim = simulate(*lr.plan, "r2");
    REQUIRE(sim.has_value());
    CHECK(sim->notice_days == 13);
    CHECK(sim->verdict == Verdict::Reject);
}
