// Drafting (docs/drafting.md): exactness on generated instances with a planted valid
// solution and against brute force, infeasible instances, determinism, locked weeks,
// fairness, --weeks, escalation to the CTO, shadows.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "core/rules/check.hpp"
#include "core/rules/draft.hpp"
#include "core/model/plan_io.hpp"
#include "rules_fixtures.hpp"

using namespace rp;
using namespace rpt;

namespace {

// A small deterministic generator (independent of the standard library's distributions).
struct Rng {
    std::uint64_t s;
    explicit Rng(std::uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ULL + 1) {}
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

using ErrKey = std::tuple<std::string, std::optional<Date>, std::vector<std::string>, std::optional<std::string>>;

std::set<ErrKey> errorKeys(const Plan& p, const CheckOptions& o = {}) {
    std::set<ErrKey> out;
    for (const Violation& v : check(p, o).violations)
        if (v.severity == Severity::Error) out.insert(ErrKey{v.rule, v.week, v.people, v.request});
    return out;
}

std::vector<std::string> newErrors(const Plan& before, const Plan& after, const CheckOptions& o = {}) {
    auto b = errorKeys(before, o);
    std::vector<std::string> out;
    for (const Violation& v : check(after, o).violations)
        if (v.severity == Severity::Error && !b.count(ErrKey{v.rule, v.week, v.people, v.request}))
            out.push_back(key(v) + " " + v.message);
    return out;
}

std::string id(int i) { return "p" + std::to_string(i); }

// A team of `pool` engineers, a trainee, a lead and a CTO; no weeks.
Plan team(int pool, NoConsecutive mode, const char* zone = "America/New_York") {
    Plan p;
    p.team_name = "Gen";
    p.team_timezone = zone;
    for (const char* s : {"P0", "P1", "P2", "P3"}) p.policy.severities[s] = defaultSeverity(s);
    p.policy.no_consecutive = mode;
    for (int i = 0; i < pool; ++i) {
        Person x;
        x.id = id(i);
        x.name = "Person " + std::to_string(i);
        p.people.push_back(x);
    }
    p.people.push_back(person("tina", "Tina Trainee", true, true));
    p.people.push_back(person("lead", "The Lead", false));
    p.people.push_back(person("cto", "The CTO", false));
    p.contacts.engineering_lead = "lead";
    p.contacts.cto = "cto";
    return p;
}

struct Instance {
    Plan planted;   // a full valid plan (no errors)
    Plan blanked;   // the same with some cells emptied
    Date from;
};

// A random valid rotation, time off and overrides it respects, then blanks from `from` on.
Instance planted(std::uint64_t seed, int pool, int weeks, NoConsecutive mode, int blank_percent) {
    Rng rng(seed);
    Plan p = team(pool, mode, rng.chance(50) ? "America/New_York" : "UTC");
    const Date first = D("2026-01-05");
    const bool any = mode == NoConsecutive::Any;
    std::string prev_p, prev_s;
    for (int w = 0; w < weeks; ++w) {
        Week wk;
        wk.start = first + date::days{7 * w};
        std::vector<int> ok_p, ok_s;
        for (int i = 0; i < pool; ++i) {
            const bool was = id(i) == prev_p || (any && id(i) == prev_s);
            if (!was) ok_p.push_back(i);
            if (!(any && was)) ok_s.push_back(i);
        }
        int a = -1, b = -1;
        for (int tries = 0; tries < 50 && (a < 0 || a == b); ++tries) {
            if (ok_p.empty() || ok_s.size() < 1) break;
            a = ok_p[rng.below(static_cast<int>(ok_p.size()))];
            b = ok_s[rng.below(static_cast<int>(ok_s.size()))];
        }
        if (a < 0 || a == b) {   // no valid pair: an emergency week
            wk.emergency = true;
            a = rng.below(pool);
            b = (a + 1 + rng.below(pool - 1)) % pool;
        } else if (rng.chance(5)) {
            wk.emergency = true;
        }
        wk.primary = id(a);
        wk.secondary = id(b);
        prev_p = id(a);
        prev_s = id(b);
        p.weeks.push_back(wk);
    }
    // Time off the plan respects (the Monday-morning tail included: the check decides).
    const int attempts = pool * weeks / 3 + 2;
    for (int i = 0; i < attempts; ++i) {
        TimeOff t;
        const int r = rng.below(pool + 3);
        t.person = r < pool ? id(r) : r == pool ? "tina" : r == pool + 1 ? "lead" : "cto";
        t.from = first + date::days{rng.below(7 * weeks)};
        t.to = t.from + date::days{rng.below(rng.chance(70) ? 4 : 12)};
        p.time_off.push_back(t);
        if (check(p).errors > 0) p.time_off.pop_back();
    }
    // Overrides the plan respects.
    for (int i = 0; i < weeks / 6; ++i) {
        const int w = rng.below(weeks);
        const Date d = first + date::days{7 * w + 2};
        const std::string from = formatDate(d) + "T18:00", to = formatDate(d + date::days{1}) + "T09:00";
        Override o = ovr(p, rng.chance(50) ? Role::Primary : Role::Secondary, "p0", from.c_str(), to.c_str());
        o.person = id(rng.below(pool));
        p.overrides.push_back(o);
        if (check(p).errors > 0) p.overrides.pop_back();
    }
    REQUIRE(check(p).errors == 0);
    Instance inst{p, p, first};
    const int from_week = rng.chance(30) ? rng.below(std::max(1, weeks / 2)) : 0;
    inst.from = first + date::days{7 * from_week};
    for (int w = from_week; w < weeks; ++w) {
        if (!rng.chance(blank_percent)) continue;
        Week& wk = inst.blanked.weeks[w];
        const int how = rng.below(4);
        if (how != 1) wk.primary.reset();
        if (how != 2) wk.secondary.reset();
    }
    return inst;
}

void requireLockedKept(const Plan& before, const Plan& after) {
    REQUIRE(after.weeks.size() >= before.weeks.size());
    for (std::size_t i = 0; i < before.weeks.size(); ++i) {
        const Week& a = before.weeks[i];
        const Week& b = after.weeks[i];
        CHECK(a.start == b.start);
        if (a.primary) CHECK(b.primary == a.primary);
        if (a.secondary) CHECK(b.secondary == a.secondary);
        if (a.shadow) CHECK(b.shadow == a.shadow);
        if (a.primary && a.secondary) {
            CHECK(b.escalation == a.escalation);
            CHECK(b.shadow == a.shadow);
        }
        CHECK(a.emergency == b.emergency);
    }
}

std::pair<int, int> spreads(const Plan& p) {
    std::map<std::string, int> cp, cs;
    for (const Person& x : p.people)
        if (x.on_call && !x.trainee) cp[x.id] = cs[x.id] = 0;
    for (const Week& w : p.weeks) {
        if (w.primary && cp.count(*w.primary)) ++cp[*w.primary];
        if (w.secondary && cs.count(*w.secondary)) ++cs[*w.secondary];
    }
    auto spread = [](const std::map<std::string, int>& m) {
        int lo = 1 << 30, hi = -1;
        for (const auto& kv : m) lo = std::min(lo, kv.second), hi = std::max(hi, kv.second);
        return hi - lo;
    };
    return {spread(cp), spread(cs)};
}

Plan blankWeeks(Plan p, const std::vector<const char*>& starts) {
    for (const char* s : starts) {
        Week w;
        w.start = D(s);
        p.weeks.push_back(w);
    }
    return p;
}

}  // namespace

TEST_CASE("draft: planted instances are always completed without errors (many seeds and sizes)") {
    struct Shape {
        int pool, weeks, blank;
        NoConsecutive mode;
    };
    const Shape shapes[] = {
        {3, 12, 60, NoConsecutive::Primary}, {3, 12, 60, NoConsecutive::Any},  {4, 16, 50, NoConsecutive::Any},
        {4, 20, 80, NoConsecutive::Any},     {4, 20, 100, NoConsecutive::Primary}, {5, 30, 70, NoConsecutive::Any},
        {6, 40, 50, NoConsecutive::Any},     {8, 52, 90, NoConsecutive::Any},  {12, 60, 40, NoConsecutive::Primary},
    };
    int instances = 0;
    for (const Shape& sh : shapes) {
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            CAPTURE(sh.pool);
            CAPTURE(sh.weeks);
            CAPTURE(seed);
            Instance inst = planted(seed * 7919 + static_cast<std::uint64_t>(sh.pool), sh.pool, sh.weeks, sh.mode, sh.blank);
            DraftOptions o;
            o.from = inst.from;
            DraftResult r = draft(inst.blanked, o);
            REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
            const Report rep = check(r.plan);
            CHECK_MESSAGE(rep.errors == 0, reportToText(rep));
            requireLockedKept(inst.blanked, r.plan);
            ++instances;
        }
    }
    CHECK(instances == 360);
}

TEST_CASE("draft: exact against brute force on tiny instances (feasible iff some completion exists)") {
    int feasible = 0, infeasible = 0;
    for (std::uint64_t seed = 1; seed <= 120; ++seed) {
        CAPTURE(seed);
        Rng rng(seed * 104729);
        const int pool = 2 + rng.below(3);   // 2..4
        const NoConsecutive mode = rng.chance(60) ? NoConsecutive::Any : NoConsecutive::Primary;
        Plan p = team(pool, mode, "UTC");
        const int weeks = 3 + rng.below(2);
        const Date first = D("2027-03-01");
        for (int w = 0; w < weeks; ++w) {
            Week wk;
            wk.start = first + date::days{7 * w};
            wk.emergency = rng.chance(10);
            if (rng.chance(40)) {   // a locked week (maybe partly)
                int a = rng.below(pool), b = (a + 1 + rng.below(pool - 1)) % pool;
                if (rng.chance(75)) wk.primary = id(a);
                if (rng.chance(75)) wk.secondary = id(b);
            }
            p.weeks.push_back(wk);
        }
        for (int i = 0; i < rng.below(4); ++i) {
            TimeOff t;
            t.person = id(rng.below(pool));
            t.from = first + date::days{rng.below(7 * weeks)};
            t.to = t.from + date::days{rng.below(6)};
            p.time_off.push_back(t);
        }
        // Brute force over every free cell.
        std::vector<std::pair<int, Role>> cells;
        for (int w = 0; w < weeks; ++w) {
            const Week& wk = p.weeks[w];
            if (wk.primary && wk.secondary) continue;
            if (!wk.primary) cells.emplace_back(w, Role::Primary);
            if (!wk.secondary) cells.emplace_back(w, Role::Secondary);
        }
        if (cells.size() > 6) continue;   // keep the enumeration small
        const auto before = errorKeys(p);
        bool exists = false;
        Plan q = p;
        std::function<void(std::size_t)> rec = [&](std::size_t i) {
            if (exists) return;
            if (i == cells.size()) {
                bool clean = true;
                for (const auto& k : errorKeys(q))
                    if (!before.count(k)) clean = false;
                exists = clean;
                return;
            }
            for (int x = 0; x < pool && !exists; ++x) {
                Week& wk = q.weeks[cells[i].first];
                (cells[i].second == Role::Primary ? wk.primary : wk.secondary) = id(x);
                rec(i + 1);
            }
        };
        rec(0);
        DraftResult r = draft(p);
        CAPTURE(writePlan(p));
        CAPTURE(r.message);
        CHECK((r.status == DraftStatus::Ok) == exists);
        if (r.status == DraftStatus::Ok) {
            ++feasible;
            CHECK(newErrors(p, r.plan).empty());
        } else {
            ++infeasible;
            CHECK(r.status == DraftStatus::Infeasible);
            CHECK(r.week.has_value());
            CHECK(writePlan(r.plan) == writePlan(p));
        }
    }
    // Both outcomes are exercised.
    CHECK(feasible > 20);
    CHECK(infeasible > 5);
}

TEST_CASE("draft: infeasible instances name the week and the rule") {
    struct Case {
        const char* name;
        std::function<Plan()> make;
        const char* week;
        const char* rule;
        const char* text;
    };
    const Case cases[] = {
        {"a pool of two cannot cover two adjacent weeks",
         [] { return blankWeeks(team(2, NoConsecutive::Any), {"2027-03-01", "2027-03-08"}); }, "2027-03-01",
         "consecutive",
         "week of 2027-03-01: whoever is on call this week, the week of 2027-03-08 cannot be filled without "
         "someone on call two weeks in a row (rule consecutive)"},
        {"time off leaves one person",
         [] {
             Plan p = blankWeeks(team(3, NoConsecutive::Primary), {"2027-03-01", "2027-03-08", "2027-03-15"});
             p.time_off = {off("p0", "2027-03-08", "2027-03-10"), off("p1", "2027-03-12", "2027-03-12")};
             return p;
         },
         "2027-03-08", "min-engineers",
         "week of 2027-03-08: only 1 of the 3 people in the rotation pool is available (Person 2) (rule min-engineers)"},
        {"the Monday-morning tail of time off counts",
         [] {
             Plan p = blankWeeks(team(2, NoConsecutive::Primary), {"2027-03-01"});
             p.time_off = {off("p1", "2027-03-08", "2027-03-08")};
             return p;
         },
         "2027-03-01", "min-engineers",
         "week of 2027-03-01: only 1 of the 2 people in the rotation pool is available (Person 0) (rule min-engineers)"},
        {"locked neighbours leave nobody",
         [] {
             Plan p = team(4, NoConsecutive::Any);
             p.weeks = {week("2027-03-01", "p0", "p1"), week("2027-03-08", nullptr, nullptr),
                        week("2027-03-15", "p2", "p3")};
             return p;
         },
         "2027-03-08", "consecutive",
         "week of 2027-03-08: without Person 0 and Person 1 (on call in the week of 2027-03-01) and Person 2 and "
         "Person 3 (on call in the week of 2027-03-15), too few people of the rotation pool are available for a "
         "primary and a secondary (rule consecutive)"},
        {"the week before alone is enough",
         [] {
             Plan p = team(3, NoConsecutive::Any);
             p.weeks = {week("2027-03-01", "p0", "p1"), week("2027-03-08", nullptr, nullptr)};
             return p;
         },
         "2027-03-08", "consecutive",
         "week of 2027-03-08: without Person 0 and Person 1 (on call in the week of 2027-03-01), too few people of "
         "the rotation pool are available for a primary and a secondary (rule consecutive)"},
        {"a fixed primary with nobody else for secondary",
         [] {
             Plan p = team(3, NoConsecutive::Any);
             p.weeks = {week("2027-03-01", "p0", "p1"), week("2027-03-08", "p2", nullptr)};
             return p;
         },
         "2027-03-08", "consecutive",
         "week of 2027-03-08: without Person 0 and Person 1 (on call in the week of 2027-03-01), too few people of "
         "the rotation pool are available as secondary besides Person 2 (the primary) (rule consecutive)"},
        {"lead and CTO both away",
         [] {
             Plan p = blankWeeks(team(4, NoConsecutive::Any), {"2027-03-01", "2027-03-08"});
             p.time_off = {off("lead", "2027-03-09", "2027-03-10"), off("cto", "2027-03-10", "2027-03-12")};
             return p;
         },
         "2027-03-08", "escalation-contact",
         "week of 2027-03-08: the escalation contact The Lead has time off from 2027-03-09 to 2027-03-10, and the "
         "CTO, The CTO, has time off from 2027-03-10 to 2027-03-12 too (rule escalation-contact)"},
        {"no lead and no CTO",
         [] {
             Plan p = blankWeeks(team(4, NoConsecutive::Any), {"2027-03-01"});
             p.contacts.engineering_lead.reset();
             p.contacts.cto.reset();
             return p;
         },
         "2027-03-01", "escalation-contact",
         "week of 2027-03-01: the week names no escalation contact and contacts.engineering_lead is not set, and "
         "contacts.cto is not set (rule escalation-contact)"},
        {"a pool of one",
         [] { return blankWeeks(team(1, NoConsecutive::Any), {"2027-03-01"}); }, "2027-03-01", "min-engineers",
         "week of 2027-03-01: the rotation pool has only 1 person (Person 0); at least 2 are needed (rule "
         "min-engineers)"},
        {"time off in the middle week of three",
         [] {
             Plan p = blankWeeks(team(2, NoConsecutive::Primary), {"2027-03-01", "2027-03-08", "2027-03-15"});
             p.time_off = {off("p1", "2027-03-09", "2027-03-10")};
             return p;
         },
         "2027-03-08", "min-engineers",
         "week of 2027-03-08: only 1 of the 2 people in the rotation pool is available (Person 0) (rule min-engineers)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        Plan p = c.make();
        DraftResult r = draft(p);
        CHECK(r.status == DraftStatus::Infeasible);
        CHECK(exitCodeFor(r) == 1);
        REQUIRE(r.week.has_value());
        CHECK(formatDate(*r.week) == c.week);
        CHECK(r.rule == c.rule);
        CHECK(r.message == c.text);
        CHECK(writePlan(r.plan) == writePlan(p));
    }
}

TEST_CASE("draft: deterministic per seed; the seed only breaks ties") {
    Plan p = team(7, NoConsecutive::Any);
    DraftOptions o;
    o.from = D("2027-01-04");
    o.weeks = 30;
    const std::string a = writePlan(draft(p, o).plan);
    CHECK(a == writePlan(draft(p, o).plan));
    o.seed = 42;
    const std::string b = writePlan(draft(p, o).plan);
    CHECK(b == writePlan(draft(p, o).plan));
    o.seed = 43;
    DraftResult c = draft(p, o);
    CHECK(c.status == DraftStatus::Ok);
    CHECK(check(c.plan).errors == 0);
    CHECK(spreads(c.plan) == std::pair<int, int>{1, 1});   // 30 weeks over 7: 4 or 5 each
}

TEST_CASE("draft: balance within 1, counting the weeks already assigned") {
    struct Case {
        int pool, weeks;
        NoConsecutive mode;
    };
    for (const Case& c : {Case{5, 20, NoConsecutive::Any}, Case{8, 40, NoConsecutive::Any},
                          Case{3, 30, NoConsecutive::Primary}, Case{10, 52, NoConsecutive::Primary},
                          Case{50, 104, NoConsecutive::Any}}) {
        CAPTURE(c.pool);
        Plan p = team(c.pool, c.mode);
        // Locked weeks that favour p0 and p1 heavily.
        p.weeks = {week("2027-01-04", "p0", "p1"), week("2027-01-11", "p1", "p0")};
        if (c.mode == NoConsecutive::Any) p.weeks[1] = week("2027-01-11", "p2", c.pool > 3 ? "p3" : "p0");
        DraftOptions o;
        o.weeks = c.weeks;
        DraftResult r = draft(p, o);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        CHECK(check(r.plan).errors == 0);
        auto s = spreads(r.plan);
        CHECK(s.first <= 1);
        CHECK(s.second <= 1);
    }
}

TEST_CASE("draft: balance with time off (50 people, 52 weeks)") {
    Rng rng(2027);
    Plan p = team(50, NoConsecutive::Any);
    const Date first = D("2027-01-04");
    for (int i = 0; i < 150; ++i) {
        TimeOff t;
        t.person = id(rng.below(50));
        t.from = first + date::days{rng.below(364)};
        t.to = t.from + date::days{rng.below(14)};
        p.time_off.push_back(t);
    }
    DraftOptions o;
    o.from = first;
    o.weeks = 52;
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    CHECK(check(r.plan).errors == 0);
    auto s = spreads(r.plan);
    CHECK(s.first <= 1);
    CHECK(s.second <= 1);
}

TEST_CASE("draft: locked weeks stay; partial weeks keep their person; weeks before --from stay empty") {
    Plan p = cleanPlan();
    p.weeks.push_back(week("2026-12-28", "alice", nullptr));
    p.weeks.push_back(week("2027-01-04", nullptr, "carol"));
    p.weeks.push_back(week("2027-01-11", nullptr, nullptr));
    p.weeks.insert(p.weeks.begin() + 1, week("2026-12-07", nullptr, nullptr));
    p.weeks.erase(p.weeks.begin() + 2);   // the week of 2026-12-07 is now empty, before --from
    DraftOptions o;
    o.from = D("2026-12-28");
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    requireLockedKept(p, r.plan);
    CHECK(!r.plan.weeks[1].primary);   // before --from: not filled
    CHECK(r.weeks_filled == 3);
    CHECK(r.plan.weeks[4].primary == std::optional<std::string>("alice"));
    CHECK(r.plan.weeks[4].secondary != std::optional<std::string>("alice"));
    CHECK(r.plan.weeks[5].secondary == std::optional<std::string>("carol"));
    CHECK(newErrors(p, r.plan).empty());
    for (const DraftFill& f : r.fills) CHECK(f.week >= D("2026-12-28"));
}

TEST_CASE("draft: --weeks adds weeks after the last one, or from --from on the handoff weekday") {
    SUBCASE("after the last week") {
        Plan p = cleanPlan();
        DraftOptions o;
        o.weeks = 6;
        DraftResult r = draft(p, o);
        REQUIRE(r.status == DraftStatus::Ok);
        REQUIRE(r.plan.weeks.size() == 6);
        CHECK(r.weeks_added == 2);
        CHECK(formatDate(r.plan.weeks[5].start) == "2027-01-04");
        CHECK(check(r.plan).errors == 0);
    }
    SUBCASE("no weeks: --from aligned forward to the handoff weekday") {
        Plan p = cleanPlan();
        p.weeks.clear();
        DraftOptions o;
        o.from = D("2027-02-03");   // a Wednesday
        o.weeks = 3;
        DraftResult r = draft(p, o);
        REQUIRE(r.status == DraftStatus::Ok);
        REQUIRE(r.plan.weeks.size() == 3);
        CHECK(formatDate(r.plan.weeks[0].start) == "2027-02-08");
        CHECK(check(r.plan).errors == 0);
    }
    SUBCASE("--from after the end: the weeks in between are added and filled too") {
        Plan p = cleanPlan();
        DraftOptions o;
        o.from = D("2027-01-18");
        o.weeks = 2;
        DraftResult r = draft(p, o);
        REQUIRE(r.status == DraftStatus::Ok);
        CHECK(r.plan.weeks.size() == 9);   // 12-28, 01-04, 01-11 bridge the gap; 01-18, 01-25
        CHECK(r.weeks_added == 5);
        CHECK(check(r.plan).errors == 0);
    }
    SUBCASE("enough weeks already: nothing added") {
        Plan p = cleanPlan();
        DraftOptions o;
        o.weeks = 3;
        DraftResult r = draft(p, o);
        CHECK(r.status == DraftStatus::Ok);
        CHECK(r.weeks_added == 0);
        CHECK(writePlan(r.plan) == writePlan(p));
    }
    SUBCASE("bad input") {
        Plan p = cleanPlan();
        p.weeks.clear();
        DraftOptions o;
        o.weeks = 3;
        DraftResult r = draft(p, o);
        CHECK(r.status == DraftStatus::BadInput);
        CHECK(exitCodeFor(r) == 2);
        CHECK(r.message == "the plan has no weeks: give --from DATE for the first one");
        Plan q = cleanPlan();
        q.weeks.back().start = D("2026-12-22");   // a Tuesday
        DraftResult r2 = draft(q, o);
        CHECK(r2.status == DraftStatus::BadInput);
        CHECK(r2.message.find("does not start on the handoff day (monday)") != std::string::npos);
        Plan d = cleanPlan();
        d.weeks.push_back(week("2026-12-21", nullptr, nullptr));
        DraftResult r3 = draft(d);
        CHECK(r3.status == DraftStatus::BadInput);
        CHECK(r3.message == "the week of 2026-12-21 is listed twice; fix it (rule week-order) before drafting");
        Plan y = cleanPlan();
        y.weeks.clear();
        DraftOptions far;
        far.from = D("9999-12-06");
        far.weeks = 3;   // 12-06, 12-13, 12-20: fine
        CHECK(draft(y, far).status == DraftStatus::Ok);
        far.weeks = 4;   // 12-27 would end in the year 10000
        DraftResult r4 = draft(y, far);
        CHECK(r4.status == DraftStatus::BadInput);
        CHECK(r4.message == "--weeks 4 would add weeks starting after 9999-12-23, the last week a plan can hold");
    }
}

TEST_CASE("draft: the CTO takes the escalation when the lead is away") {
    Plan p = cleanPlan();
    p.time_off = {off("dana", "2027-01-05", "2027-01-06")};
    DraftOptions o;
    o.weeks = 7;
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    REQUIRE(r.escalation_to_cto.size() == 1);
    CHECK(formatDate(r.escalation_to_cto[0]) == "2027-01-04");
    CHECK(r.plan.weeks[5].escalation == std::optional<std::string>("erin"));
    CHECK(!r.plan.weeks[4].escalation);
    CHECK(check(r.plan).errors == 0);
}

TEST_CASE("draft: trainees shadow with an experienced primary, never two weeks in a row, evenly") {
    Plan p = cleanPlan();
    p.people.push_back(person("hugo", "Hugo Bell", true, true));
    p.time_off = {off("gina", "2027-01-12", "2027-01-12")};
    DraftOptions o;
    o.weeks = 16;
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    CHECK(check(r.plan).errors == 0);
    std::map<std::string, int> count;
    std::map<std::string, Date> first_primary;
    for (std::size_t i = 0; i < r.plan.weeks.size(); ++i) {
        const Week& w = r.plan.weeks[i];
        if (i < 4) {
            CHECK(!w.shadow);   // locked
        } else if (w.shadow) {
            ++count[*w.shadow];
            REQUIRE(first_primary.count(*w.primary));   // experienced primary
            CHECK(first_primary[*w.primary] < w.start);
            if (i > 0) CHECK(r.plan.weeks[i - 1].shadow != w.shadow);
            if (*w.shadow == "gina") CHECK(w.start != D("2027-01-11"));
        }
        if (w.primary && !first_primary.count(*w.primary)) first_primary[*w.primary] = w.start;
    }
    CHECK(count["gina"] >= 5);
    CHECK(std::abs(count["gina"] - count["hugo"]) <= 1);
}

TEST_CASE("draft: overrides and emergency weeks") {
    SUBCASE("someone holding a primary override is not the secondary of that week") {
        Plan p = team(3, NoConsecutive::Primary, "UTC");
        p.weeks = {week("2027-03-01", "p1", nullptr)};
        p.overrides = {ovr(p, Role::Primary, "p0", "2027-03-03T18:00", "2027-03-04T09:00")};
        DraftResult r = draft(p);
        REQUIRE(r.status == DraftStatus::Ok);
        CHECK(r.plan.weeks[0].secondary == std::optional<std::string>("p2"));
        CHECK(check(r.plan).errors == 0);
    }
    SUBCASE("time off covered by an override does not exclude the week's own holder") {
        Plan p = team(2, NoConsecutive::Primary, "UTC");
        p.weeks = {week("2027-03-01", nullptr, "p1")};
        p.time_off = {off("p0", "2027-03-03", "2027-03-03")};
        p.overrides = {ovr(p, Role::Primary, "p1", "2027-03-03T00:00", "2027-03-04T00:00")};
        // p1 is the secondary and the primary override at once on 03-03: a pre-existing error
        DraftResult r = draft(p);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        CHECK(r.plan.weeks[0].primary == std::optional<std::string>("p0"));
        CHECK(newErrors(p, r.plan).empty());
    }
    SUBCASE("a pool of three with emergency weeks: warnings only, as few as possible") {
        Plan p = team(3, NoConsecutive::Any, "UTC");
        p = blankWeeks(p, {"2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22"});
        p.weeks[1].emergency = p.weeks[2].emergency = p.weeks[3].emergency = true;
        DraftResult r = draft(p);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        const Report rep = check(r.plan);
        CHECK(rep.errors == 0);
        CHECK(keysOf(rep, "consecutive").size() == 3);   // one repeat per emergency week (3 people, 2 slots)
        p.weeks[2].emergency = false;                      // weeks 2 and 3 would need 4 people
        DraftResult r2 = draft(p);
        CHECK(r2.status == DraftStatus::Infeasible);
        CHECK(r2.rule == "consecutive");
    }
}

TEST_CASE("draft: summary JSON") {
    Plan p = cleanPlan();
    DraftOptions o;
    o.weeks = 5;
    DraftResult r = draft(p, o);
    REQUIRE(r.status == DraftStatus::Ok);
    Json j = draftSummaryToJson(r);
    CHECK(j["status"] == "ok");
    CHECK(j["weeks_added"] == 1);
    CHECK(j["weeks_filled"] == 1);
    REQUIRE(j["fills"].size() >= 2);
    CHECK(j["fills"][0]["week"] == "2026-12-28");
    CHECK(j["fills"][0]["role"] == "primary");
    CHECK(j["message"].is_null());
}

// ---- balance: optimal (docs/drafting.md "Balance: optimal, and proved") ----------------

namespace {

// (max - min primary weeks) + (max - min secondary weeks) over the pool.
int balanceOf(const Plan& p) {
    auto s = spreads(p);
    return s.first + s.second;
}

// A tight random instance: a small pool, heavy time off, some cells pre-filled from a
// planted valid rotation (so a completion usually exists), a few emergency weeks.
Plan tightInstance(std::uint64_t seed, int pool, int weeks) {
    Rng rng(seed * 2654435761ULL + 17);
    const NoConsecutive mode = rng.chance(50) ? NoConsecutive::Any : NoConsecutive::Primary;
    const bool any = mode == NoConsecutive::Any;
    Plan p = team(pool, mode, "UTC");
    p.people.erase(p.people.begin() + pool);   // no trainee: shadows play no part here
    const Date first = D("2027-03-01");
    std::vector<std::pair<int, int>> planted;
    for (int w = 0; w < weeks; ++w) {
        Week wk;
        wk.start = first + date::days{7 * w};
        wk.emergency = w > 0 && rng.chance(8);
        int a = 0, b = 1;
        for (int tries = 0; tries < 100; ++tries) {
            a = rng.below(pool);
            b = rng.below(pool);
            if (a == b) continue;
            if (w > 0 && !wk.emergency) {
                const auto& pr = planted.back();
                if (a == pr.first || (any && (a == pr.second || b == pr.first || b == pr.second))) continue;
            }
            break;
        }
        planted.emplace_back(a, b);
        const int how = rng.below(10);
        if (how == 0 || how == 1) wk.primary = id(a);
        if (how == 0 || how == 2) wk.secondary = id(b);
        p.weeks.push_back(wk);
    }
    for (int i = 0; i < pool * 2 + weeks; ++i) {   // time off the planted rotation respects
        const int x = rng.below(pool);
        const Date a = first + date::days{rng.below(7 * weeks)};
        const Date b = a + date::days{rng.below(rng.chance(30) ? 14 : 5)};
        bool clash = false;
        for (int w = 0; w < weeks; ++w) {
            const Date s = first + date::days{7 * w};
            if ((planted[w].first == x || planted[w].second == x) && a <= s + date::days{7} && b >= s) clash = true;
        }
        if (!clash) p.time_off.push_back(off(id(x).c_str(), formatDate(a).c_str(), formatDate(b).c_str()));
    }
    return p;
}

// The least balance over every completion that adds no error (by the real check), or -1
// when none exists. Cells are filled week by week; a person twice in one week or in two
// coupled weeks is cut off early (that always adds an error), the rest is judged by the
// check itself.
int bruteForceBalance(const Plan& p) {
    std::vector<std::pair<int, Role>> cells;
    for (int w = 0; w < static_cast<int>(p.weeks.size()); ++w) {
        if (!p.weeks[w].primary) cells.emplace_back(w, Role::Primary);
        if (!p.weeks[w].secondary) cells.emplace_back(w, Role::Secondary);
    }
    std::vector<std::string> pool;
    for (const Person& x : p.people)
        if (x.on_call && !x.trainee) pool.push_back(x.id);
    const bool any = p.policy.no_consecutive == NoConsecutive::Any;
    const auto before = errorKeys(p);
    Plan q = p;
    int best = -1;
    std::function<void(std::size_t)> rec = [&](std::size_t i) {
        if (i == cells.size()) {
            for (const auto& k : errorKeys(q))
                if (!before.count(k)) return;
            const int b = balanceOf(q);
            if (best < 0 || b < best) best = b;
            return;
        }
        const int w = cells[i].first;
        const Role role = cells[i].second;
        Week& wk = q.weeks[w];
        for (const std::string& x : pool) {
            if ((role == Role::Primary ? wk.secondary : wk.primary) == std::optional<std::string>(x)) continue;
            if (w > 0 && !wk.emergency && (role == Role::Primary || any)) {
                const Week& pw = q.weeks[w - 1];
                if (pw.primary == std::optional<std::string>(x) || (any && pw.secondary == std::optional<std::string>(x)))
                    continue;
            }
            (role == Role::Primary ? wk.primary : wk.secondary) = x;
            rec(i + 1);
        }
        (role == Role::Primary ? wk.primary : wk.secondary).reset();
    };
    rec(0);
    return best;
}

}  // namespace

TEST_CASE("draft: the balance is optimal, against brute force on small tight instances") {
    int compared = 0, searched = 0, infeasible = 0;
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        CAPTURE(seed);
        Rng rng(seed);
        const int pool = 3 + rng.below(2);    // 3..4
        const int weeks = 3 + rng.below(3);   // 3..5
        Plan p = tightInstance(seed, pool, weeks);
        CAPTURE(writePlan(p));
        const int best = bruteForceBalance(p);
        DraftResult r = draft(p);
        CAPTURE(r.message);
        REQUIRE((r.status == DraftStatus::Ok) == (best >= 0));
        if (best < 0) {
            ++infeasible;
            continue;
        }
        CHECK(newErrors(p, r.plan).empty());
        CHECK(balanceOf(r.plan) == best);
        CHECK(r.balance.value() == best);
        CHECK(r.balance.optimal);
        CHECK(r.balance.lower_bound == best);
        if (r.balance.search_steps > 0) ++searched;
        ++compared;
    }
    CHECK(compared > 100);
    CHECK(searched > 10);   // the search itself is exercised, not only the first pass
    CHECK(infeasible > 3);
}

TEST_CASE("draft: larger tight instances are proved optimal within the step limit") {
    // 4 to 9 people, 20 to 80 weeks: the bound is proved every time, quickly.
    long long most = 0;
    int drafted = 0, searched = 0;
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        Rng rng(seed * 31);
        const int pool = 4 + rng.below(6);   // (one draw a statement: the same plans with every compiler)
        const int weeks = 20 + rng.below(61);
        Plan p = tightInstance(seed + 1000, pool, weeks);
        DraftResult r = draft(p);
        if (r.status != DraftStatus::Ok) continue;
        ++drafted;
        if (r.balance.search_steps > 0) ++searched;
        CHECK(newErrors(p, r.plan).empty());
        CHECK(r.balance.optimal);
        CHECK(r.balance.lower_bound == r.balance.value());
        most = std::max(most, r.balance.search_steps);
    }
    CHECK(drafted > 40);
    CHECK(searched > 10);
    MESSAGE("larger tight instances: " << drafted << " drafted, " << searched << " searched, at most " << most
                                        << " steps");
    CHECK(most < 200000);
}

TEST_CASE("draft: the balance search keeps pre-filled cells, determinism and seeds") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        CAPTURE(seed);
        Plan p = tightInstance(seed + 5000, 5, 14);
        DraftOptions o;
        DraftResult a = draft(p, o), b = draft(p, o);
        CHECK(writePlan(a.plan) == writePlan(b.plan));
        if (a.status != DraftStatus::Ok) continue;
        requireLockedKept(p, a.plan);
        o.seed = seed * 977;
        DraftResult c = draft(p, o), d = draft(p, o);
        CHECK(writePlan(c.plan) == writePlan(d.plan));
        REQUIRE(c.status == DraftStatus::Ok);
        CHECK(c.balance.value() == a.balance.value());   // the seed changes who, not how fair
        requireLockedKept(p, c.plan);
    }
}

TEST_CASE("draft: the escalation contact is kept off call where someone else can take the week") {
    SUBCASE("a lead in the pool is never on call while escalation contact") {
        Plan p = team(5, NoConsecutive::Any);
        p.people[0].name = "Lea Lead";
        p.contacts.engineering_lead = "p0";   // p0 is in the pool and the escalation contact
        DraftOptions o;
        o.from = D("2027-01-04");
        o.weeks = 12;
        DraftResult r = draft(p, o);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        CHECK(r.escalation_on_call.empty());
        for (const Week& w : r.plan.weeks) {
            CHECK(w.primary != std::optional<std::string>("p0"));
            CHECK(w.secondary != std::optional<std::string>("p0"));
        }
        // A week whose own escalation contact is someone else may use the lead.
        p.weeks = {week("2027-01-04", nullptr, nullptr)};
        p.weeks[0].escalation = "p1";
        p.time_off = {off("p2", "2027-01-04", "2027-01-10"), off("p3", "2027-01-04", "2027-01-10")};
        DraftResult r2 = draft(p);
        REQUIRE_MESSAGE(r2.status == DraftStatus::Ok, r2.message);
        CHECK((r2.plan.weeks[0].primary == std::optional<std::string>("p0") ||
               r2.plan.weeks[0].secondary == std::optional<std::string>("p0")));
        CHECK(r2.plan.weeks[0].primary != std::optional<std::string>("p1"));
        CHECK(r2.plan.weeks[0].secondary != std::optional<std::string>("p1"));
    }
    SUBCASE("when the weeks cannot be filled without them, only the weeks that need them") {
        // Four people under "any": two coupled weeks need all four, so the lead takes
        // every other week at most; with p1 away in week 2 the lead must fill in there.
        Plan p = team(4, NoConsecutive::Any);
        p.contacts.engineering_lead = "p0";
        p = blankWeeks(p, {"2027-01-04", "2027-01-11", "2027-01-18"});
        p.weeks[1].emergency = true;   // week 2 may repeat someone of week 1
        p.time_off = {off("p1", "2027-01-11", "2027-01-17")};
        DraftResult r = draft(p);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        CHECK(newErrors(p, r.plan).empty());
        for (const Date d : r.escalation_on_call) CHECK(d == D("2027-01-11"));
        CHECK(r.plan.weeks[0].primary != std::optional<std::string>("p0"));
        CHECK(r.plan.weeks[0].secondary != std::optional<std::string>("p0"));
        CHECK(r.plan.weeks[2].primary != std::optional<std::string>("p0"));
        CHECK(r.plan.weeks[2].secondary != std::optional<std::string>("p0"));
    }
    SUBCASE("a pool that needs the lead every week still drafts (exactness is kept)") {
        Plan p = blankWeeks(team(2, NoConsecutive::Primary), {"2027-01-04", "2027-01-11"});
        p.contacts.engineering_lead = "p0";
        DraftResult r = draft(p);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        CHECK(r.escalation_on_call.size() == 2);
        CHECK(check(r.plan).errors == 0);
    }
    SUBCASE("the CTO, when the draft sets them as escalation, is kept off call too") {
        Plan p = team(5, NoConsecutive::Primary);
        p.contacts.cto = "p4";
        p = blankWeeks(p, {"2027-01-04"});
        p.time_off = {off("lead", "2027-01-05", "2027-01-05")};
        DraftResult r = draft(p);
        REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
        CHECK(r.plan.weeks[0].escalation == std::optional<std::string>("p4"));
        CHECK(r.plan.weeks[0].primary != std::optional<std::string>("p4"));
        CHECK(r.plan.weeks[0].secondary != std::optional<std::string>("p4"));
    }
}

TEST_CASE("draft: people with inactive_from are out of the pool from that week on") {
    Plan p = team(4, NoConsecutive::Primary);
    p.people[3].inactive_from = D("2027-01-18");   // p3 leaves: weeks from 01-18 on
    p.people[4].inactive_from = D("2027-01-11");   // so does the trainee, from 01-11
    p.weeks = {week("2027-01-04", "p0", "p1")};    // p0 primary: experienced for shadows
    DraftOptions o;
    o.weeks = 8;
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    bool before = false;
    for (const Week& w : r.plan.weeks) {
        if (w.start >= D("2027-01-18")) {
            CHECK(w.primary != std::optional<std::string>("p3"));
            CHECK(w.secondary != std::optional<std::string>("p3"));
        } else if (w.primary == std::optional<std::string>("p3") || w.secondary == std::optional<std::string>("p3")) {
            before = true;
        }
        if (w.start >= D("2027-01-11")) CHECK(!w.shadow);
    }
    CHECK(before);   // still on call before the date
    CHECK(check(r.plan).errors == 0);
    // Nobody else's weeks move: the locked week stays.
    CHECK(r.plan.weeks[0].primary == std::optional<std::string>("p0"));
    // Two people left active under "any" cannot cover two coupled weeks.
    Plan q = blankWeeks(team(3, NoConsecutive::Any), {"2027-01-04", "2027-01-11"});
    q.people[2].inactive_from = D("2027-01-04");
    DraftResult r2 = draft(q);
    CHECK(r2.status == DraftStatus::Infeasible);
    CHECK(r2.rule == "consecutive");
}

// ---- the rules of issue 11: late-change, not-ready; fairness without leavers -----------

namespace {

// Five people, six weeks from 2027-01-04 filled, published as they are on 2026-12-20.
Plan publishedPlan() {
    Plan p = team(5, NoConsecutive::Any, "UTC");
    p.weeks = {week("2027-01-04", "p0", "p1"), week("2027-01-11", "p2", "p3"), week("2027-01-18", "p4", "p0"),
               week("2027-01-25", "p1", "p2"), week("2027-02-01", "p3", "p4"), week("2027-02-08", "p0", "p1")};
    Published pub;
    pub.at = D("2026-12-20");
    pub.weeks = p.weeks;
    p.published = pub;
    return p;
}

std::vector<std::string> errorRules(const Plan& p, const CheckOptions& o, const std::string& rule) {
    std::vector<std::string> out;
    for (const Violation& v : check(p, o).violations)
        if (v.rule == rule && v.severity == Severity::Error) out.push_back(key(v));
    return out;
}

}  // namespace

TEST_CASE("draft: inside the notice window a published week gets back what was published") {
    Plan p = publishedPlan();
    for (int i : {1, 2}) p.weeks[i].primary.reset(), p.weeks[i].secondary.reset();   // 01-11, 01-18 emptied
    p.weeks[4].primary.reset();                                                        // 02-01, outside the window
    DraftOptions o;
    o.today = D("2027-01-06");   // window [01-06, 01-20): the weeks of 01-04, 01-11 and 01-18
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    CHECK(r.plan.weeks[1].primary == std::optional<std::string>("p2"));
    CHECK(r.plan.weeks[1].secondary == std::optional<std::string>("p3"));
    CHECK(r.plan.weeks[2].primary == std::optional<std::string>("p4"));
    CHECK(r.plan.weeks[2].secondary == std::optional<std::string>("p0"));
    const CheckOptions co{o.today};
    CHECK(errorRules(r.plan, co, "late-change").empty());
    CHECK(check(r.plan, co).errors == 0);
    CHECK(r.plan.weeks[4].primary.has_value());

    SUBCASE("the published holder cannot take it any more: no completion, rule late-change") {
        p.time_off = {off("p3", "2027-01-13", "2027-01-13")};
        DraftResult f = draft(p, o);
        REQUIRE(f.status == DraftStatus::Infeasible);
        CHECK(f.rule == "late-change");
        CHECK(formatDate(*f.week) == "2027-01-11");
        CHECK(f.message ==
              "week of 2027-01-11: only Person 3, published as secondary on 2026-12-20, may take the secondary inside "
              "the 14-day notice window from 2027-01-06, and Person 3 has time off on 2027-01-13 (rule late-change)");
        // Drafting from after the window leaves those weeks to the lead.
        DraftOptions later = o;
        later.from = D("2027-01-25");
        DraftResult l = draft(p, later);
        REQUIRE_MESSAGE(l.status == DraftStatus::Ok, l.message);
        CHECK(!l.plan.weeks[1].primary);
    }
    SUBCASE("without a date there is no window") {
        p.time_off = {off("p3", "2027-01-13", "2027-01-13")};
        DraftResult f = draft(p);
        REQUIRE_MESSAGE(f.status == DraftStatus::Ok, f.message);
        CHECK(!errorRules(f.plan, co, "late-change").empty());   // checked with the date, these are late changes
    }
    SUBCASE("an emergency week may change (late-change is a warning there)") {
        p.time_off = {off("p3", "2027-01-13", "2027-01-13")};
        p.weeks[1].emergency = true;
        DraftResult f = draft(p, o);
        REQUIRE_MESSAGE(f.status == DraftStatus::Ok, f.message);
        CHECK(errorRules(f.plan, co, "late-change").empty());
    }
    SUBCASE("a week not in the snapshot cannot be given people inside the window") {
        Plan q = publishedPlan();
        q.published->weeks.erase(q.published->weeks.begin() + 1);
        q.weeks[1].primary.reset();
        DraftResult f = draft(q, o);
        REQUIRE(f.status == DraftStatus::Infeasible);
        CHECK(f.rule == "late-change");
        CHECK(f.message ==
              "week of 2027-01-11: the week is inside the 14-day notice window from 2027-01-06 and the week was not "
              "in the rotation published on 2026-12-20, so any primary would be a late change (rule late-change)");
    }
    SUBCASE("the escalation is not moved to the CTO inside the window") {
        p.time_off = {off("lead", "2027-01-12", "2027-01-12"), off("lead", "2027-02-02", "2027-02-02")};
        DraftResult f = draft(p, o);
        REQUIRE_MESSAGE(f.status == DraftStatus::Ok, f.message);
        CHECK(!f.plan.weeks[1].escalation);   // the lead's time off stays reported, no late change
        REQUIRE(f.escalation_to_cto.size() == 1);
        CHECK(formatDate(f.escalation_to_cto[0]) == "2027-02-01");
        CHECK(errorRules(f.plan, co, "late-change").empty());
    }
}

TEST_CASE("draft: nobody takes a role before they are ready (not-ready)") {
    Plan p = team(6, NoConsecutive::Primary, "UTC");
    Readiness rd;
    rd.shadow_weeks = 1;
    rd.checklist = {"github"};
    p.policy.readiness = rd;
    for (int i = 0; i < 6; ++i) p.people[i].ready = std::vector<std::string>{"github"};
    p.people[5].ready = std::vector<std::string>{};   // p5 never ready: checklist missing
    p.people[4].ready_since = D("2027-01-01");        // p4 ready by date
    // Shadow weeks: p0..p3 shadowed in December; p3 only in the first week of the draft.
    p.weeks = {week("2026-12-28", "p0", "p1")};
    p.weeks[0].shadow = "p2";
    Week w0;
    w0.start = D("2026-12-21");
    w0.primary = "p2";
    w0.secondary = "p4";
    w0.shadow = "p0";
    p.weeks.insert(p.weeks.begin(), w0);
    p.weeks[0].shadow = "p1";
    for (int i = 0; i < 2; ++i) p.people[i].ready_since = D("2026-12-01");   // p0, p1 on call before
    p.people[2].ready_since = D("2026-12-01");
    DraftOptions o;
    o.weeks = 10;
    // p3 shadows the week of 2027-01-04 (a fixed shadow of a free week).
    p = [&] {
        Plan q = p;
        Week w;
        w.start = D("2027-01-04");
        w.shadow = "p3";
        q.weeks.push_back(w);
        return q;
    }();
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    CAPTURE(reportToText(check(r.plan)));
    CHECK(newErrors(p, r.plan).empty());
    // The one not-ready error is the fixed week's (p4 ready only from 2027-01-01).
    CHECK(errorRules(r.plan, {}, "not-ready") == std::vector<std::string>{"not-ready|2026-12-21|p4|null|error"});
    bool p3_later = false;
    for (const Week& w : r.plan.weeks) {
        CHECK(w.primary != std::optional<std::string>("p5"));
        CHECK(w.secondary != std::optional<std::string>("p5"));
        if (w.start <= D("2027-01-04")) {
            CHECK(w.primary != std::optional<std::string>("p3"));
            CHECK(w.secondary != std::optional<std::string>("p3"));
        } else if (w.primary == std::optional<std::string>("p3") || w.secondary == std::optional<std::string>("p3")) {
            p3_later = true;
        }
    }
    CHECK(p3_later);   // ready from the week after their shadow week
}

TEST_CASE("draft: the balance leaves out people who leave, as the fairness rule does") {
    Plan p = team(5, NoConsecutive::Primary, "UTC");
    p.people[4].inactive_from = D("2027-02-01");
    DraftOptions o;
    o.from = D("2027-01-04");
    o.weeks = 16;
    DraftResult r = draft(p, o);
    REQUIRE_MESSAGE(r.status == DraftStatus::Ok, r.message);
    CHECK(keysOf(check(r.plan), "fairness").empty());
    // Over p0..p3 the 16 weeks split evenly; p4's few weeks before leaving do not count.
    CHECK(r.balance.value() == 0);
    CHECK(r.balance.optimal);
}

// ---- the balance against an exact enumeration on tight instances of issue 13 -------------
// (4 to 7 people, 10 to 26 weeks, heavy time off, pre-filled weeks, emergency weeks,
// someone leaving, sometimes the escalation contact in the pool)

namespace {

// An instance shaped like the integer-program suite's (tests/draft/ilp_balance.py), built
// here with its own generator: a planted valid rotation, heavy time off it respects, some
// cells pre-filled from it, sometimes extra time off that may leave no completion.
struct Issue13 {
    Plan plan;
    std::optional<Date> today;   // with a published snapshot: the notice window
};

Issue13 issue13Instance(std::uint64_t seed) {
    Rng rng(seed * 7919 + 3);
    const int n = 4 + rng.below(4);        // 4..7
    const int weeks = 10 + rng.below(17);  // 10..26
    const NoConsecutive mode = rng.chance(50) ? NoConsecutive::Any : NoConsecutive::Primary;
    const bool any = mode == NoConsecutive::Any;
    Plan p = team(n, mode, rng.chance(50) ? "UTC" : "Europe/Berlin");
    p.people.erase(p.people.begin() + n);   // no trainee
    const Date first = D("2027-01-04");
    std::vector<char> emergency(weeks, 0);
    for (int w = 1; w < weeks; ++w) emergency[w] = rng.chance(6);
    int leaver = -1;
    Date leaves{};
    if (n > 4 && rng.chance(15)) {
        leaver = rng.below(n);
        leaves = first + date::days{7 * (weeks / 3 + rng.below(weeks - weeks / 3))};
        p.people[leaver].inactive_from = leaves;
    }
    const bool lead_in_pool = rng.chance(25);
    if (lead_in_pool) p.contacts.engineering_lead = id(n - 1 == leaver ? 0 : n - 1);
    std::vector<std::pair<int, int>> planted;
    for (int w = 0; w < weeks; ++w) {
        const Date s = first + date::days{7 * w};
        int a = 0, b = 1;
        for (int tries = 0; tries < 200; ++tries) {
            a = rng.below(n);
            b = rng.below(n);
            if (a == b || ((a == leaver || b == leaver) && s >= leaves)) continue;
            if (w > 0 && !emergency[w]) {
                const auto& pr = planted.back();
                if (a == pr.first || (any && (a == pr.second || b == pr.first || b == pr.second))) continue;
            }
            break;
        }
        planted.emplace_back(a, b);
    }
    const int offs = n * 2 + rng.below(n * 3 + 1);
    const int lengths[] = {0, 1, 2, 3, 4, 6, 9, 13};
    for (int i = 0; i < offs; ++i) {
        const int x = rng.below(n);
        const Date a = first + date::days{rng.below(7 * weeks)};
        const Date b = a + date::days{lengths[rng.below(8)]};
        bool clash = false;
        for (int w = 0; w < weeks; ++w) {
            const Date s = first + date::days{7 * w};
            if ((planted[w].first == x || planted[w].second == x) && a <= s + date::days{7} && b >= s) clash = true;
        }
        if (!clash) p.time_off.push_back(off(id(x).c_str(), formatDate(a).c_str(), formatDate(b).c_str()));
    }
    for (int w = 0; w < weeks; ++w) {
        Week wk;
        wk.start = first + date::days{7 * w};
        wk.emergency = emergency[w] != 0;
        const int r = rng.below(100);
        if (r < 15 || r < 25) wk.primary = id(planted[w].first);
        if (r < 15 || (r >= 25 && r < 32)) wk.secondary = id(planted[w].second);
        p.weeks.push_back(wk);
    }
    if (rng.chance(15))
        for (int i = 1 + rng.below(4); i > 0; --i) {
            const Date a = first + date::days{rng.below(7 * weeks)};
            const int x = rng.below(n);   // one draw a statement: argument order is unspecified
            const Date b = a + date::days{rng.below(10)};
            p.time_off.push_back(off(id(x).c_str(), formatDate(a).c_str(), formatDate(b).c_str()));
        }
    Issue13 out;
    // Sometimes readiness (rule not-ready): everybody ready long before, except a
    // newcomer who is ready from some week on (a few pre-filled cells may break that:
    // those errors are the input's).
    if (rng.chance(25)) {
        Readiness rd;
        rd.shadow_weeks = 1;
        p.policy.readiness = rd;
        for (int i = 0; i < n; ++i) p.people[i].ready_since = first - date::days{60};
        const int newcomer = rng.below(n);
        const int week = rng.below(weeks / 2 + 1);
        p.people[newcomer].ready_since = first + date::days{7 * week + rng.below(7)};
    }
    // Sometimes the planted rotation was published and today is a few days before the
    // first week (rule late-change: inside the window only the published holder may fill
    // a cell).
    if (rng.chance(25)) {
        Published pub;
        pub.at = first - date::days{20};
        for (int w = 0; w < weeks; ++w) {
            Week wk;
            wk.start = first + date::days{7 * w};
            wk.primary = id(planted[w].first);
            wk.secondary = id(planted[w].second);
            wk.emergency = emergency[w] != 0;
            pub.weeks.push_back(wk);
        }
        p.published = pub;
        out.today = first + date::days{rng.below(10)} - date::days{3};
    }
    out.plan = std::move(p);
    return out;
}

// (max - min primary weeks) + (max - min secondary weeks) over the pool as the fairness
// rule counts it: without people whose inactive_from is on or before the last week.
int fairBalance(const Plan& p) {
    Date last = p.weeks.back().start;
    std::map<std::string, int> cp, cs;
    for (const Person& x : p.people)
        if (x.on_call && !x.trainee && !(x.inactive_from && *x.inactive_from <= last)) cp[x.id] = cs[x.id] = 0;
    for (const Week& w : p.weeks) {
        if (w.primary && cp.count(*w.primary)) ++cp[*w.primary];
        if (w.secondary && cs.count(*w.secondary)) ++cs[*w.secondary];
    }
    auto spread = [](const std::map<std::string, int>& m) {
        int lo = 1 << 30, hi = -1;
        for (const auto& kv : m) lo = std::min(lo, kv.second), hi = std::max(hi, kv.second);
        return hi - lo;
    };
    return spread(cp) + spread(cs);
}

// The least balance over every completion that adds no error, found by exhaustive
// enumeration (no flows, no heuristics, nothing shared with the draft):
// - each week's possible (primary, secondary) pairs are judged by the real check: the
//   plan with only that week filled must have no error the input lacks, besides
//   `consecutive`, which links two weeks and is enforced here between adjacent weeks,
//   and no `late-change` of the week naming a person placed in it;
// - `excluded` (an escalation contact in the pool) takes no free cell;
// - for each balance v = 0, 1, ... and each way to bound every count of the fairness
//   pool by [lo_p, lo_p + dp] and [lo_s, lo_s + ds] with dp + ds = v, a depth-first
//   enumeration over the weeks looks for a completion inside the bounds, cutting off a
//   branch only when a count is above its bound or can no longer reach its lower bound,
//   and remembering states (week, counted people of the week before, every count) that
//   have no completion.
// The completion found is returned so that the caller can judge it by the check too.
struct Exact {
    int balance = -1;   // -1: no completion
    Plan plan;
    long long nodes = 0;
    bool gave_up = false;
};

Exact exactBalance(const Plan& p, const std::string& excluded, long long node_limit, const CheckOptions& opts) {
    Exact out;
    const int W = static_cast<int>(p.weeks.size());
    const bool any = p.policy.no_consecutive == NoConsecutive::Any;
    std::vector<std::string> pool;
    std::vector<int> fair_of;   // pool index -> index among the counted, or -1
    int F = 0;
    const Date last = p.weeks.back().start;
    for (const Person& x : p.people)
        if (x.on_call && !x.trainee) {
            pool.push_back(x.id);
            fair_of.push_back(x.inactive_from && *x.inactive_from <= last ? -1 : F++);
        }
    const int P = static_cast<int>(pool.size());
    auto indexOf = [&](const std::optional<std::string>& s) {
        for (int i = 0; i < P; ++i)
            if (s && *s == pool[i]) return i;
        return -1;
    };
    const auto base = errorKeys(p, opts);
    struct Cand { int a, b; };
    std::vector<std::vector<Cand>> cand(W);
    std::vector<char> free_p(W), free_s(W), coupled(W, 0);
    for (int k = 0; k < W; ++k) {
        const Week& w = p.weeks[k];
        free_p[k] = !w.primary;
        free_s[k] = !w.secondary;
        coupled[k] = k > 0 && !w.emergency && w.start - p.weeks[k - 1].start == date::days{7};
        std::vector<int> as, bs;
        if (free_p[k]) {
            for (int i = 0; i < P; ++i)
                if (pool[i] != excluded) as.push_back(i);
        } else {
            as.push_back(indexOf(w.primary));
        }
        if (free_s[k]) {
            for (int i = 0; i < P; ++i)
                if (pool[i] != excluded) bs.push_back(i);
        } else {
            bs.push_back(indexOf(w.secondary));
        }
        for (int a : as)
            for (int b : bs) {
                if (!free_p[k] && !free_s[k]) {
                    cand[k].push_back({a, b});
                    continue;
                }
                if (a == b) continue;
                Plan q = p;
                if (free_p[k]) q.weeks[k].primary = pool[a];
                if (free_s[k]) q.weeks[k].secondary = pool[b];
                bool ok = true;
                for (const Violation& v : check(q, opts).violations) {
                    if (v.severity == Severity::Error && v.rule != "consecutive" &&
                        !base.count(ErrKey{v.rule, v.week, v.people, v.request}))
                        ok = false;
                    // A late change of this week that names someone placed here is one the
                    // fill made (the input's, of an emptied week, names the same people
                    // when two published holders are swapped).
                    if (v.severity == Severity::Error && v.rule == "late-change" && v.week == w.start)
                        for (const std::string& x : v.people)
                            if ((free_p[k] && x == pool[a]) || (free_s[k] && x == pool[b])) ok = false;
                }
                if (ok) cand[k].push_back({a, b});
            }
        if (cand[k].empty()) return out;   // a week with no valid pair on its own
    }
    // reach[k][f]: weeks >= k where counted person f can hold the role (fixed or possible).
    std::vector<std::vector<int>> reach_p(W + 1, std::vector<int>(F, 0)), reach_s = reach_p;
    std::vector<int> cells_p(W + 1, 0), cells_s(W + 1, 0);
    for (int k = W - 1; k >= 0; --k) {
        reach_p[k] = reach_p[k + 1];
        reach_s[k] = reach_s[k + 1];
        cells_p[k] = cells_p[k + 1] + free_p[k];
        cells_s[k] = cells_s[k + 1] + free_s[k];
        std::vector<char> can_p(F, 0), can_s(F, 0);
        for (const Cand& c : cand[k]) {
            if (c.a >= 0 && fair_of[c.a] >= 0) can_p[fair_of[c.a]] = 1;
            if (c.b >= 0 && fair_of[c.b] >= 0) can_s[fair_of[c.b]] = 1;
        }
        for (int f = 0; f < F; ++f) reach_p[k][f] += can_p[f], reach_s[k][f] += can_s[f];
    }
    // most[k][f]: the most weeks >= k in which f can hold a role, never two coupled weeks
    // under "any" (a counted person repeats only into an emergency week).
    std::vector<std::vector<int>> most(W + 2, std::vector<int>(F, 0));
    for (int k = W - 1; k >= 0; --k) {
        std::vector<char> can(F, 0);
        for (const Cand& c : cand[k]) {
            if (c.a >= 0 && fair_of[c.a] >= 0) can[fair_of[c.a]] = 1;
            if (c.b >= 0 && fair_of[c.b] >= 0) can[fair_of[c.b]] = 1;
        }
        for (int f = 0; f < F; ++f) {
            const int skip = any && k + 1 < W && coupled[k + 1] ? most[k + 2][f] : most[k + 1][f];
            most[k][f] = std::max(most[k + 1][f], can[f] + skip);
        }
    }
    // Fixed cells of counted people from week k on; whether anyone outside the count may
    // take free cells (then the counted need not take them all).
    std::vector<int> fixed_after_p(W + 1, 0), fixed_after_s(W + 1, 0);
    for (int k = W - 1; k >= 0; --k) {
        const Cand& c = cand[k][0];
        fixed_after_p[k] = fixed_after_p[k + 1] + (!free_p[k] && c.a >= 0 && fair_of[c.a] >= 0);
        fixed_after_s[k] = fixed_after_s[k + 1] + (!free_s[k] && c.b >= 0 && fair_of[c.b] >= 0);
    }
    bool others = false;
    for (int i = 0; i < P; ++i) others = others || (fair_of[i] < 0 && pool[i] != excluded);
    std::vector<int> cp(F, 0), cs(F, 0), choice(W, 0);
    int lo_p = 0, hi_p = W, lo_s = 0, hi_s = W;
    bool bounded = false;
    std::unordered_set<std::string> failed;
    // Whether the counted roles of week k (pair c) repeat someone of week k-1 (pair d)
    // through a free cell.
    auto repeats = [&](int k, const Cand& d, const Cand& c) {
        if (!coupled[k]) return false;
        auto hit = [&](int x, bool x_free) {
            if (x < 0) return false;
            if (d.a == x && (x_free || free_p[k - 1])) return true;
            if (any && d.b == x && (x_free || free_s[k - 1])) return true;
            return false;
        };
        return hit(c.a, free_p[k]) || (any && hit(c.b, free_s[k]));
    };
    std::function<bool(int)> dfs = [&](int k) -> bool {
        if (k == W) return true;
        if (++out.nodes > node_limit) {
            out.gave_up = true;
            return false;
        }
        std::string key(1, char(k));
        if (coupled[k]) {
            const Cand& d = cand[k - 1][choice[k - 1]];
            key += char(d.a + 1);
            key += char(any ? d.b + 1 : 0);
        }
        if (bounded)   // without bounds the counts do not matter
            for (int f = 0; f < F; ++f) key += char(cp[f]), key += char(cs[f]);
        if (failed.count(key)) return false;
        // Most urgent first (the least slack to a lower bound, then the fewest weeks): only
        // the order, so the enumeration stays exhaustive.
        std::vector<std::pair<int, int>> order;
        for (int i = 0; i < static_cast<int>(cand[k].size()); ++i) {
            const Cand& c = cand[k][i];
            const int fa = c.a >= 0 ? fair_of[c.a] : -1, fb = c.b >= 0 ? fair_of[c.b] : -1;
            int score = 0;
            if (free_p[k] && fa >= 0) score += 64 * std::min(8, cp[fa] + reach_p[k][fa] - lo_p) + cp[fa] + cs[fa];
            if (free_s[k] && fb >= 0) score += 64 * std::min(8, cs[fb] + reach_s[k][fb] - lo_s) + cp[fb] + cs[fb];
            order.emplace_back(score, i);
        }
        std::sort(order.begin(), order.end());
        for (const auto& oi : order) {
            const int i = oi.second;
            const Cand& c = cand[k][i];
            if (k > 0 && repeats(k, cand[k - 1][choice[k - 1]], c)) continue;
            const int fa = c.a >= 0 ? fair_of[c.a] : -1, fb = c.b >= 0 ? fair_of[c.b] : -1;
            if (fa >= 0) ++cp[fa];
            if (fb >= 0) ++cs[fb];
            // Every count within its upper bound and still able to reach its lower bound,
            // and room for the free cells left below the upper bounds.
            bool ok = true;
            int room_p = others ? cells_p[k + 1] : 0, room_s = others ? cells_s[k + 1] : 0, room_t = 0;
            for (int f = 0; f < F && ok; ++f) {
                const int np = std::max(0, lo_p - cp[f]), ns = std::max(0, lo_s - cs[f]);
                // Under "any" the person of a free cell here sits out week k+1 if coupled.
                const bool out = any && k + 1 < W && coupled[k + 1] && (f == fa || f == fb);
                const int later = out ? most[k + 2][f] : most[k + 1][f];
                if (cp[f] > hi_p || cs[f] > hi_s || np > reach_p[k + 1][f] || ns > reach_s[k + 1][f] || np + ns > later)
                    ok = false;
                room_p += std::min(hi_p - cp[f], reach_p[k + 1][f]);
                room_s += std::min(hi_s - cs[f], reach_s[k + 1][f]);
                room_t += std::min(hi_p + hi_s - cp[f] - cs[f], later);
            }
            ok = ok && room_t >= (others ? 0 : cells_p[k + 1] + cells_s[k + 1]) + fixed_after_p[k + 1] + fixed_after_s[k + 1];
            // (room counts fixed cells too, so compare with every cell left of the role)
            ok = ok && room_p >= cells_p[k + 1] + fixed_after_p[k + 1] && room_s >= cells_s[k + 1] + fixed_after_s[k + 1];
            choice[k] = i;
            if (ok && dfs(k + 1)) return true;
            if (fa >= 0) --cp[fa];
            if (fb >= 0) --cs[fb];
            if (out.gave_up) return false;
        }
        failed.insert(key);
        return false;
    };
    auto solveWith = [&](int lp, int hp, int ls, int hs) {
        lo_p = lp, hi_p = hp, lo_s = ls, hi_s = hs;
        bounded = lp > 0 || ls > 0 || hp < W || hs < W;
        failed.clear();
        std::fill(cp.begin(), cp.end(), 0);
        std::fill(cs.begin(), cs.end(), 0);
        return dfs(0);
    };
    auto result = [&]() {
        Plan q = p;
        for (int k = 0; k < W; ++k) {
            const Cand& c = cand[k][choice[k]];
            if (free_p[k]) q.weeks[k].primary = pool[c.a];
            if (free_s[k]) q.weeks[k].secondary = pool[c.b];
        }
        return q;
    };
    if (!solveWith(0, W, 0, W)) return out;   // no completion at all (or gave up)
    Plan any_completion = result();
    const int upper = fairBalance(any_completion);
    // The totals of each role over the counted people: fixed ones, plus free cells when
    // nobody outside the count can take them.
    const int fixed_p = fixed_after_p[0], fixed_s = fixed_after_s[0];
    const int tmax_p = fixed_p + cells_p[0], tmax_s = fixed_s + cells_s[0];
    const int tmin_p = others ? fixed_p : tmax_p, tmin_s = others ? fixed_s : tmax_s;
    for (int v = 0; v < upper; ++v)
        for (int dp = 0; dp <= v; ++dp) {
            const int ds = v - dp;
            for (int lp = std::max(0, (tmin_p + F - 1) / F - dp); lp <= tmax_p / F; ++lp)
                for (int ls = std::max(0, (tmin_s + F - 1) / F - ds); ls <= tmax_s / F; ++ls) {
                    if (solveWith(lp, lp + dp, ls, ls + ds)) {
                        out.balance = v;
                        out.plan = result();
                        return out;
                    }
                    if (out.gave_up) {
                        out.balance = v;
                        return out;
                    }
                }
        }
    out.balance = upper;
    out.plan = any_completion;
    return out;
}

}  // namespace

TEST_CASE("draft: the balance is optimal, against exact enumeration on tight 4-7 x 10-26 instances") {
    int compared = 0, searched = 0, infeasible = 0, contact_needed = 0, gave_up = 0, windows = 0, readiness = 0;
    long long most_nodes = 0;
    // The enumeration is exponential: instances it cannot settle within kNodes states are
    // skipped (and counted); the integer-program suite covers them.
    constexpr long long kNodes = 300000;
    for (std::uint64_t seed = 1; seed <= 120; ++seed) {
        CAPTURE(seed);
        const Issue13 inst = issue13Instance(seed);
        const Plan& p = inst.plan;
        const CheckOptions co{inst.today};
        DraftOptions o;
        o.today = inst.today;
        CAPTURE(writePlan(p));
        CAPTURE(inst.today ? formatDate(*inst.today) : std::string("no date"));
        const DraftResult r = draft(p, o);
        CAPTURE(r.message);
        windows += inst.today.has_value();
        readiness += p.policy.readiness.has_value();
        // The escalation contact when it is in the pool (every week's contact is the lead).
        const std::string lead = p.contacts.engineering_lead.value_or("");
        bool lead_in_pool = false;
        for (const Person& x : p.people) lead_in_pool = lead_in_pool || (x.id == lead && x.on_call);
        const Exact e = exactBalance(p, lead_in_pool ? lead : std::string(), kNodes, co);
        most_nodes = std::max(most_nodes, e.nodes);
        if (e.gave_up) {
            ++gave_up;
            continue;
        }
        if (e.balance < 0 && lead_in_pool) {   // the contact may have to take weeks
            const Exact plain = exactBalance(p, std::string(), kNodes, co);
            if (plain.gave_up) {
                ++gave_up;
                continue;
            }
            REQUIRE((r.status == DraftStatus::Ok) == (plain.balance >= 0));
            if (plain.balance >= 0) {
                ++contact_needed;
                CHECK(!r.escalation_on_call.empty());
                CHECK(newErrors(p, r.plan, co).empty());
                requireLockedKept(p, r.plan);
            } else {
                ++infeasible;
            }
            continue;
        }
        REQUIRE((r.status == DraftStatus::Ok) == (e.balance >= 0));
        if (e.balance < 0) {
            ++infeasible;
            continue;
        }
        // The enumeration's own completion is a real one.
        CHECK(newErrors(p, e.plan, co).empty());
        CHECK(fairBalance(e.plan) == e.balance);
        // The draft: no new error, pre-filled cells kept, the contact off call, and the
        // least balance, proved.
        CHECK(newErrors(p, r.plan, co).empty());
        requireLockedKept(p, r.plan);
        CHECK(r.escalation_on_call.empty());
        for (std::size_t i = 0; lead_in_pool && i < p.weeks.size(); ++i) {   // the cells it filled
            if (!p.weeks[i].primary) CHECK(r.plan.weeks[i].primary != std::optional<std::string>(lead));
            if (!p.weeks[i].secondary) CHECK(r.plan.weeks[i].secondary != std::optional<std::string>(lead));
        }
        CAPTURE(writePlan(e.plan));
        CHECK(fairBalance(r.plan) == e.balance);
        CHECK(r.balance.value() == e.balance);
        CHECK(r.balance.optimal);
        CHECK(r.balance.lower_bound == e.balance);
        if (r.balance.search_steps > 0) ++searched;
        ++compared;
    }
    MESSAGE("exact enumeration: " << compared << " compared (" << searched << " needed the search), " << infeasible
                                  << " without a completion, " << contact_needed << " needing the contact, "
                                  << gave_up << " too big, at most " << most_nodes << " nodes; " << windows
                                  << " with a notice window, " << readiness << " with readiness");
    CHECK(compared >= 90);
    CHECK(searched >= 10);
    CHECK(infeasible >= 3);
    CHECK(gave_up <= 20);
    CHECK(windows >= 15);
    CHECK(readiness >= 15);
}

// The stress runs of docs/drafting.md (minutes; skipped unless run with --no-skip):
// tight instances of growing size, every one drafted, checked and proved optimal.
TEST_CASE("draft: stress, tight instances of growing size are proved optimal" * doctest::skip()) {
    struct Shape { int pool_lo, pool_hi, weeks_lo, weeks_hi, count; };
    for (const Shape& s : {Shape{4, 7, 10, 26, 1000}, Shape{3, 5, 10, 40, 1000}, Shape{4, 9, 20, 80, 1000},
                           Shape{5, 12, 40, 120, 600}, Shape{8, 20, 50, 200, 300}, Shape{20, 100, 50, 300, 60}}) {
        long long most = 0;
        double slowest = 0;
        int drafted = 0, proved = 0, searched = 0;
        for (int i = 0; i < s.count; ++i) {
            const std::uint64_t seed = 100000 + static_cast<std::uint64_t>(i) * 13 + s.weeks_hi;
            Rng rng(seed);
            const int pool = s.pool_lo + rng.below(s.pool_hi - s.pool_lo + 1);
            const int weeks = s.weeks_lo + rng.below(s.weeks_hi - s.weeks_lo + 1);
            const Plan p = tightInstance(seed, pool, weeks);
            const auto a = std::chrono::steady_clock::now();
            const DraftResult r = draft(p);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
            if (r.status != DraftStatus::Ok) continue;
            ++drafted;
            CAPTURE(seed);
            CHECK(newErrors(p, r.plan).empty());
            CHECK(r.balance.optimal);
            proved += r.balance.optimal;
            searched += r.balance.search_steps > 0;
            most = std::max(most, r.balance.search_steps);
            slowest = std::max(slowest, ms);
        }
        MESSAGE(s.pool_lo << "-" << s.pool_hi << " people, " << s.weeks_lo << "-" << s.weeks_hi << " weeks: " << drafted
                          << " drafted, " << searched << " searched, " << proved << " proved, most steps " << most
                          << ", slowest " << slowest << " ms");
    }
    // The enumeration test's instances (leavers, the lead in the pool, readiness, notice
    // windows), many more seeds.
    long long most = 0;
    double slowest = 0;
    int drafted = 0, proved = 0, searched = 0;
    for (std::uint64_t seed = 1000; seed < 11000; ++seed) {
        const Issue13 inst = issue13Instance(seed);
        DraftOptions o;
        o.today = inst.today;
        const auto a = std::chrono::steady_clock::now();
        const DraftResult r = draft(inst.plan, o);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
        if (r.status != DraftStatus::Ok) continue;
        ++drafted;
        CAPTURE(seed);
        CHECK(newErrors(inst.plan, r.plan, CheckOptions{inst.today}).empty());
        CHECK(r.balance.optimal);
        proved += r.balance.optimal;
        searched += r.balance.search_steps > 0;
        most = std::max(most, r.balance.search_steps);
        slowest = std::max(slowest, ms);
    }
    MESSAGE("issue 13 shapes: " << drafted << " drafted, " << searched << " searched, " << proved
                                << " proved, most steps " << most << ", slowest " << slowest << " ms");
}
