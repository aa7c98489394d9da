// Candidates for one assignment (docs/drafting.md "Candidates"): ordering, reasons,
// exclusions with the rule and the check's message.
#include <doctest/doctest.h>

#include <set>

#include "core/rules/candidates.hpp"
#include "core/model/plan_io.hpp"
#include "rules_fixtures.hpp"

using namespace rp;
using namespace rpt;

namespace {

// cleanPlan plus eve and fay in the pool (eve primary, fay secondary in the week of
// 2026-11-23) and carol away 2026-12-14..16.
Plan candidatePlan() {
    Plan p = cleanPlan();
    p.people.push_back(person("eve", "Eve Moss"));
    p.people.push_back(person("fay", "Fay Lund"));
    p.weeks.insert(p.weeks.begin(), week("2026-11-23", "eve", "fay"));
    p.time_off = {off("carol", "2026-12-14", "2026-12-16")};
    return p;
}

std::vector<std::string> ids(const std::vector<Candidate>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.person);
    return out;
}

std::vector<std::string> exclusions(const std::vector<Exclusion>& es) {
    std::vector<std::string> out;
    for (const auto& e : es) out.push_back(e.person + "|" + e.rule + "|" + e.reason);
    return out;
}

}  // namespace

TEST_CASE("candidates: order, reasons and exclusions for a primary") {
    Plan p = candidatePlan();
    auto list = findCandidates(p, D("2026-12-14"), Role::Primary);
    REQUIRE(list.has_value());
    CHECK(list->current == std::optional<std::string>("bob"));
    // All have 1 week; fay and bob have no primary week; fay rested longer (3 weeks vs 2).
    CHECK(ids(list->candidates) == std::vector<std::string>{"fay", "bob", "eve"});
    REQUIRE(list->candidates.size() == 3);
    CHECK(list->candidates[0].reason == "1 week so far (0 primary, 1 secondary), last on call 3 weeks before");
    CHECK(list->candidates[1].reason == "1 week so far (0 primary, 1 secondary), last on call 2 weeks before");
    CHECK(list->candidates[1].current);
    CHECK(list->candidates[2].reason == "1 week so far (1 primary, 0 secondary), last on call 3 weeks before");
    CHECK(list->candidates[2].rest_weeks == std::optional<int>(3));
    CHECK(exclusions(list->excluded) ==
          std::vector<std::string>{
              "alice|min-engineers|Alice Ng is both primary and secondary in the week of 2026-12-14",
              "carol|unavailable|Carol Diaz has time off from 2026-12-14 to 2026-12-16 but is primary in the week of "
              "2026-12-14",
              "dev|consecutive|Dev Rao is on call in the weeks of 2026-12-07 and 2026-12-14",
              "gina|not-eligible|Gina Park is a trainee (trainees may only shadow) and cannot be primary in the week of "
              "2026-12-14",
              "dana|not-eligible|Dana Li is not in the rotation pool (on_call is false) and cannot be primary in the "
              "week of 2026-12-14",
              "erin|not-eligible|Erin Cho is not in the rotation pool (on_call is false) and cannot be primary in the "
              "week of 2026-12-14",
              "frank|not-eligible|Frank Roy is not in the rotation pool (on_call is false) and cannot be primary in the "
              "week of 2026-12-14",
          });
    // Carol breaks two rules; the most fundamental is named, all are listed.
    CHECK(list->excluded[1].rules == std::vector<std::string>{"consecutive", "unavailable"});
}

TEST_CASE("candidates: table of weeks and roles") {
    struct Case {
        const char* week;
        Role role;
        std::vector<std::string> candidates;
        std::vector<std::string> excluded;   // person|rule
    };
    const Case cases[] = {
        // A secondary for the first week: fay holds it (0 other weeks); alice and bob follow.
        {"2026-11-23", Role::Secondary, {"fay", "carol", "dev"},
         {"alice|consecutive", "bob|consecutive", "gina|not-eligible", "dana|not-eligible", "erin|not-eligible",
          "frank|not-eligible", "eve|min-engineers"}},
        // The last week's primary: dev is the current holder; carol is secondary (both roles).
        {"2026-12-21", Role::Primary, {"fay", "dev", "eve"},
         {"alice|consecutive", "bob|consecutive", "carol|min-engineers", "gina|not-eligible", "dana|not-eligible",
          "erin|not-eligible", "frank|not-eligible"}},
        // Shadow: only trainees are judged.
        {"2026-12-07", Role::Shadow, {"gina"}, {}},
    };
    Plan p = candidatePlan();
    for (const Case& c : cases) {
        CAPTURE(c.week);
        auto list = findCandidates(p, D(c.week), c.role);
        REQUIRE(list.has_value());
        CHECK(ids(list->candidates) == c.candidates);
        std::vector<std::string> ex;
        for (const auto& e : list->excluded) ex.push_back(e.person + "|" + e.rule);
        CHECK(ex == c.excluded);
    }
}

TEST_CASE("candidates: shadow trainees with time off are excluded; reasons for shadows") {
    Plan p = candidatePlan();
    p.people.push_back(person("hugo", "Hugo Bell", true, true));
    p.weeks[1].shadow = "hugo";   // week of 2026-11-30
    p.time_off.push_back(off("gina", "2026-12-09", "2026-12-09"));
    auto list = findCandidates(p, D("2026-12-07"), Role::Shadow);
    REQUIRE(list.has_value());
    REQUIRE(list->candidates.size() == 1);
    CHECK(list->candidates[0].person == "hugo");
    CHECK(list->candidates[0].reason == "1 shadow week so far, last shadow 1 week before");
    CHECK(exclusions(list->excluded) ==
          std::vector<std::string>{"gina|unavailable|Gina Park has time off on 2026-12-09 but is shadow in the week of "
                                   "2026-12-07"});
}

TEST_CASE("candidates: an emergency week allows a repeat, ranked after the clean candidates") {
    Plan p = candidatePlan();
    p.weeks[3].emergency = true;   // 2026-12-14
    p.weeks[4].emergency = true;   // 2026-12-21
    auto list = findCandidates(p, D("2026-12-14"), Role::Primary);
    REQUIRE(list.has_value());
    CHECK(ids(list->candidates) == std::vector<std::string>{"fay", "bob", "eve", "dev"});
    const Candidate& dev = list->candidates.back();
    CHECK(dev.warnings.size() == 2);
    CHECK(dev.reason ==
          "2 weeks so far (1 primary, 1 secondary), last on call 1 week before; allowed with a warning: Dev Rao is on "
          "call in the weeks of 2026-12-07 and 2026-12-14 (emergency week); allowed with a warning: Dev Rao is on "
          "call in the weeks of 2026-12-14 and 2026-12-21 (emergency week)");
}

TEST_CASE("candidates: unknown week; JSON shape") {
    Plan p = candidatePlan();
    CHECK(!findCandidates(p, D("2026-12-15"), Role::Primary).has_value());
    auto list = findCandidates(p, D("2026-12-14"), Role::Primary);
    REQUIRE(list.has_value());
    Json j = candidatesToJson(*list);
    CHECK(j["week"] == "2026-12-14");
    CHECK(j["role"] == "primary");
    CHECK(j["current"] == "bob");
    CHECK(j["candidates"][0].dump() ==
          R"({"person":"fay","name":"Fay Lund","current":false,"weeks":1,"primary_weeks":0,"secondary_weeks":1,)"
          R"("shadow_weeks":0,"rest_weeks":3,"reason":"1 week so far (0 primary, 1 secondary), last on call 3 weeks before",)"
          R"("warnings":[]})");
    CHECK(j["excluded"][0].dump() ==
          R"({"person":"alice","name":"Alice Ng","rule":"min-engineers","rules":["min-engineers"],)"
          R"("reason":"Alice Ng is both primary and secondary in the week of 2026-12-14"})");
    const std::string text = candidatesToText(p, *list);
    CHECK(text.find("Candidates for primary in the week of 2026-12-14 (now: Bob Osei)\n") == 0);
    CHECK(text.find("  2. Bob Osei (bob) [current]: ") != std::string::npos);
}

TEST_CASE("candidates agree with the check on the whole plan") {
    // For each week and role of the example, a person is a candidate exactly when putting them
    // in the cell adds no error to the full plan's check (compared with the cell empty).
    LoadResult lr = readPlan(readText(std::string(RP_TEST_DATA) + "/example.json"));
    REQUIRE(lr.ok());
    const Plan& p = *lr.plan;
    for (std::size_t wi = 0; wi < p.weeks.size(); ++wi) {
        for (Role role : {Role::Primary, Role::Secondary, Role::Shadow}) {
            auto list = findCandidates(p, p.weeks[wi].start, role);
            REQUIRE(list.has_value());
            Plan empty = p;
            (role == Role::Primary ? empty.weeks[wi].primary
                                   : role == Role::Secondary ? empty.weeks[wi].secondary : empty.weeks[wi].shadow)
                .reset();
            std::set<std::string> base;
            for (const auto& v : check(empty).violations) base.insert(key(v));
            for (const Person& person : p.people) {
                if (role == Role::Shadow && !person.trainee) continue;
                Plan with = empty;
                (role == Role::Primary ? with.weeks[wi].primary
                                       : role == Role::Secondary ? with.weeks[wi].secondary : with.weeks[wi].shadow) =
                    person.id;
                bool clean = true;
                for (const auto& v : check(with).violations)
                    if (v.severity == Severity::Error && !base.count(key(v))) clean = false;
                const auto c = ids(list->candidates);
                CAPTURE(wi);
                CAPTURE(person.id);
                CHECK(clean == (std::find(c.begin(), c.end(), person.id) != c.end()));
            }
        }
    }
}
