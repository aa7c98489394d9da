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

namespace {

struct Rng {
    std::uint64_t s;
    explicit Rng(std::uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ULL + 7) {}
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

// A random plan with everything the check reads: people in and out of the pool, trainees,
// inactive people, unknown ids, partly filled and emergency weeks, escalation contacts,
// time off, overlapping overrides (nested ones too), requests, and sometimes a gap.
Plan randomPlan(std::uint64_t seed) {
    Rng rng(seed);
    Plan p = cleanPlan(rng.chance(50) ? "America/New_York" : "UTC");
    p.policy.no_consecutive = rng.chance(50) ? NoConsecutive::Any : NoConsecutive::Primary;
    const int extra = rng.below(5);
    for (int i = 0; i < extra; ++i) {
        const bool on_call = !rng.chance(20);   // one draw a statement: argument order is unspecified
        const bool trainee = rng.chance(20);
        Person x = person(("x" + std::to_string(i)).c_str(), ("Xavier " + std::to_string(i)).c_str(), on_call, trainee);
        if (rng.chance(25)) x.inactive_from = D("2026-12-07") + date::days{7 * rng.below(3)};
        p.people.push_back(x);
    }
    if (rng.chance(30)) p.people[rng.below(4)].inactive_from = D("2026-12-14");
    std::vector<std::string> ids;
    for (const Person& x : p.people) ids.push_back(x.id);
    ids.push_back("ghost");   // an unknown id
    auto anyone = [&]() { return ids[rng.below(static_cast<int>(ids.size()))]; };
    const int weeks = 4 + rng.below(4);
    p.weeks.clear();
    Date d = D("2026-11-30");
    for (int w = 0; w < weeks; ++w) {
        Week wk;
        wk.start = d;
        if (!rng.chance(15)) wk.primary = rng.chance(85) ? p.people[rng.below(4 + extra)].id : anyone();
        if (!rng.chance(15)) wk.secondary = rng.chance(85) ? p.people[rng.below(4 + extra)].id : anyone();
        if (rng.chance(25)) wk.shadow = rng.chance(70) ? std::string("gina") : anyone();
        if (rng.chance(20)) wk.escalation = anyone();
        wk.emergency = rng.chance(20);
        p.weeks.push_back(wk);
        d += date::days{rng.chance(8) ? 14 : 7};
    }
    if (rng.chance(20)) p.contacts.engineering_lead = p.people[rng.below(4)].id;   // a lead in the pool
    p.time_off.clear();
    for (int i = 0; i < 2 + rng.below(5); ++i) {
        TimeOff t;
        t.person = anyone();
        t.from = D("2026-11-28") + date::days{rng.below(7 * weeks + 4)};
        t.to = t.from + date::days{rng.below(6)};
        p.time_off.push_back(t);
    }
    for (int i = 0; i < rng.below(6); ++i) {
        const Date day = D("2026-11-30") + date::days{rng.below(7 * weeks)};
        const int h = rng.below(20);
        const std::string from = formatDate(day) + "T" + (h < 10 ? "0" : "") + std::to_string(h) + ":00";
        const std::string to = formatDate(day + date::days{1 + rng.below(3)}) + "T09:00";
        Override o = ovr(p, rng.chance(50) ? Role::Primary : Role::Secondary, "alice", from.c_str(), to.c_str());
        o.person = rng.chance(80) ? p.people[rng.below(4 + extra)].id : anyone();
        p.overrides.push_back(o);
        if (rng.chance(30)) {   // one nested inside it
            Override inner = ovr(p, o.role, "bob", (formatDate(day) + "T22:00").c_str(),
                                 (formatDate(day + date::days{1}) + "T03:00").c_str());
            inner.person = p.people[rng.below(4 + extra)].id;
            p.overrides.push_back(inner);
        }
    }
    // Readiness: sometimes on, with shadow weeks before and checklists half done.
    if (rng.chance(40)) {
        Readiness r;
        r.shadow_weeks = rng.below(3);
        r.checklist = {"github", "runbooks"};
        p.policy.readiness = r;
        for (Person& x : p.people) {
            if (rng.chance(60)) x.ready = std::vector<std::string>{"github", "runbooks"};
            else if (rng.chance(50)) x.ready = std::vector<std::string>{"github"};
            if (rng.chance(15)) x.ready_since = D("2026-12-07");
        }
        for (int i = 0; i < 3; ++i) {   // shadow history well before the weeks
            Week h;
            h.start = D("2026-10-05") + date::days{7 * rng.below(6)};
            h.primary = "alice";
            h.secondary = "bob";
            h.shadow = p.people[rng.below(static_cast<int>(p.people.size()))].id;
            bool dup = false;
            for (const Week& w : p.weeks) dup = dup || w.start == h.start;
            if (!dup) p.weeks.insert(p.weeks.begin(), h);
        }
        std::sort(p.weeks.begin(), p.weeks.end(), [](const Week& a, const Week& b) { return a.start < b.start; });
    }
    // A published snapshot: the weeks as they are, then a few cells changed since.
    if (rng.chance(50)) {
        Published pub;
        pub.at = D("2026-11-20");
        for (const Week& w : p.weeks) {
            Week x = w;
            if (rng.chance(25)) x.primary = p.people[rng.below(4 + extra)].id;
            if (rng.chance(20)) x.secondary.reset();
            x.note.reset();
            x.emergency = false;
            pub.weeks.push_back(x);
        }
        if (!p.overrides.empty() && rng.chance(50)) pub.overrides.push_back(p.overrides[0]);
        p.published = pub;
    }
    p.requests.clear();
    if (p.published && rng.chance(70)) {   // applied covers that explain a change of the published week
        for (int i = 0; i < 2; ++i) {
            const Week& pw = p.published->weeks[rng.below(static_cast<int>(p.published->weeks.size()))];
            const Role role = rng.chance(50) ? Role::Primary : Role::Secondary;
            const auto& by = role == Role::Primary ? pw.primary : pw.secondary;
            if (!by) continue;
            const char* submitted = rng.chance(70) ? "2026-11-01" : "2026-11-29";
            const std::string to = p.people[rng.below(4 + extra)].id;
            Request r = req(("a" + std::to_string(i)).c_str(), RequestType::Cover, submitted, by->c_str(),
                            formatDate(pw.start).c_str(), role, to.c_str());
            r.status = RequestStatus::Applied;
            r.emergency = rng.chance(30);
            p.requests.push_back(r);
        }
    }
    for (int i = 0; i < rng.below(3); ++i) {
        const int w = rng.below(weeks);
        Request r = req(("r" + std::to_string(i)).c_str(), rng.chance(50) ? RequestType::Swap : RequestType::Cover,
                        "2026-11-10", "alice", formatDate(p.weeks[w].start).c_str(), Role::Primary, "bob");
        r.by = anyone();
        r.with = anyone();
        r.status = rng.chance(50) ? RequestStatus::Pending : rng.chance(50) ? RequestStatus::Approved : RequestStatus::Applied;
        r.role = rng.chance(50) ? Role::Primary : Role::Secondary;
        p.requests.push_back(r);
    }
    return p;
}

using BKey = std::tuple<std::string, std::optional<Date>, std::vector<std::string>, std::optional<std::string>>;
BKey bkey(const Violation& v) { return BKey{v.rule, v.week, v.people, v.request}; }

std::optional<std::string>& cellOf(Week& w, Role r) {
    return r == Role::Primary ? w.primary : r == Role::Secondary ? w.secondary : w.shadow;
}

}  // namespace

TEST_CASE("candidates equal the definition (full-plan checks, one per person) on random plans") {
    // The definition, by brute force: a person is a candidate when the full plan's check
    // (with today) with them in the cell has no error that the check with the cell empty
    // lacks; they carry the new warnings (fairness aside); an excluded person is named with
    // the most fundamental new error. Plus docs/drafting.md's one addition: an inactive
    // person is out of the pool even where the check has said so already.
    int compared = 0, excluded = 0, warned = 0, late = 0, unready = 0, on_call_contact = 0;
    static const char* order[] = {"not-eligible", "unavailable", "min-engineers", "consecutive"};
    auto rank = [](const std::string& rule) {
        for (int i = 0; i < 4; ++i)
            if (rule == order[i]) return i;
        return 4;
    };
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        const Plan p = randomPlan(seed);
        CheckOptions options;
        options.today = D("2026-11-30") + date::days{seed % 9};
        for (std::size_t wi = 0; wi < p.weeks.size(); ++wi)
            for (Role role : {Role::Primary, Role::Secondary, Role::Shadow}) {
                CAPTURE(wi);
                CAPTURE(roleName(role));
                auto list = findCandidates(p, p.weeks[wi].start, role, options);
                REQUIRE(list.has_value());
                Plan empty = p;
                cellOf(empty.weeks[wi], role).reset();
                std::set<BKey> base;
                for (const auto& v : check(empty, options).violations) base.insert(bkey(v));
                std::vector<std::string> want_candidates, want_excluded;
                std::map<std::string, std::vector<std::string>> want_warnings;
                const Week& w = p.weeks[wi];
                for (const Person& person : p.people) {
                    if (role == Role::Shadow && !person.trainee) continue;
                    Plan with = empty;
                    cellOf(with.weeks[wi], role) = person.id;
                    std::vector<Violation> errors;
                    std::vector<std::string> warnings;
                    for (const auto& v : check(with, options).violations) {
                        if (base.count(bkey(v))) continue;
                        if (v.severity == Severity::Error) errors.push_back(v);
                        else if (v.rule != "fairness") warnings.push_back(v.message);
                        late += v.rule == "late-change";
                        unready += v.rule == "not-ready";
                        on_call_contact += v.rule == "escalation-on-call";
                    }
                    bool said = false;
                    for (const auto& v : errors) said = said || v.rule == "not-eligible";
                    const bool inactive = person.inactive_from && w.start >= *person.inactive_from && !said;
                    std::stable_sort(errors.begin(), errors.end(),
                                     [&](const Violation& a, const Violation& b) { return rank(a.rule) < rank(b.rule); });
                    if (!errors.empty() || inactive) {
                        std::set<std::string> all;
                        for (const auto& v : errors) all.insert(v.rule);
                        if (inactive) all.insert("not-eligible");
                        std::string rules;
                        for (const auto& r : all) rules += r + ",";
                        want_excluded.push_back(person.id + "|" + (inactive ? "not-eligible" : errors[0].rule) + "|" +
                                                rules + (inactive ? "" : "|" + errors[0].message));
                    } else {
                        want_candidates.push_back(person.id);
                        want_warnings[person.id] = warnings;
                    }
                }
                std::vector<std::string> got_candidates, got_excluded;
                for (const auto& c : list->candidates) {
                    got_candidates.push_back(c.person);
                    CHECK(c.warnings == want_warnings[c.person]);
                    if (!c.warnings.empty()) ++warned;
                }
                for (const auto& e : list->excluded) {
                    std::string rules;
                    for (const auto& r : e.rules) rules += r + ",";
                    const bool inactive_text = e.reason.find("(inactive_from) and cannot be") != std::string::npos &&
                                               e.reason.find("is out of the rotation pool") != std::string::npos;
                    got_excluded.push_back(e.person + "|" + e.rule + "|" + rules + (inactive_text ? "" : "|" + e.reason));
                    ++excluded;
                }
                std::sort(got_candidates.begin(), got_candidates.end());
                std::sort(want_candidates.begin(), want_candidates.end());
                CHECK(got_candidates == want_candidates);
                CHECK(got_excluded == want_excluded);
                ++compared;
            }
    }
    MESSAGE("candidates vs definition: " << compared << " cells, " << excluded << " exclusions, " << warned
                                         << " warned candidates; new late-change " << late << ", not-ready " << unready
                                         << ", escalation-on-call " << on_call_contact);
    CHECK(compared > 500);
    CHECK(excluded > 1000);
    CHECK(warned > 20);
    CHECK(late > 50);
    CHECK(unready > 50);
    CHECK(on_call_contact > 10);
}
