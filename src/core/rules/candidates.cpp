// Candidates for one assignment (candidates.hpp, docs/drafting.md).
#include "core/rules/candidates.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <tuple>

#include "core/rules/check.hpp"
#include "core/model/time.hpp"

namespace rp {

namespace {

std::optional<std::string>& cell(Week& w, Role r) {
    switch (r) {
        case Role::Primary: return w.primary;
        case Role::Secondary: return w.secondary;
        case Role::Shadow: return w.shadow;
    }
    return w.primary;
}

std::string plural(long long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

using Key = std::tuple<std::string, std::optional<Date>, std::vector<std::string>, std::optional<std::string>>;
Key keyOf(const Violation& v) { return Key{v.rule, v.week, v.people, v.request}; }

// How fundamental a rule is when several exclude one person: the first one is named.
int ruleRank(const std::string& rule) {
    static const char* order[] = {"not-eligible", "unavailable", "min-engineers", "consecutive"};
    for (int i = 0; i < 4; ++i)
        if (rule == order[i]) return i;
    return 4;
}

// The plan cut to the weeks starting on week-7, week and week+7 with what touches them.
Plan windowPlan(const Plan& plan, Date week) {
    Plan w;
    w.version = plan.version;
    w.team_name = plan.team_name;
    w.team_timezone = plan.team_timezone;
    w.policy = plan.policy;
    w.people = plan.people;
    w.contacts = plan.contacts;
    const Date lo = week - date::days{7}, hi = week + date::days{7};
    for (const Week& x : plan.weeks)
        if (x.start >= lo && x.start <= hi) w.weeks.push_back(x);
    for (const TimeOff& t : plan.time_off)
        if (t.to >= lo - date::days{2} && t.from <= hi + date::days{9}) w.time_off.push_back(t);
    const Instant a = handoffInstant(plan, lo), b = handoffInstant(plan, hi + date::days{7});
    for (const Override& o : plan.overrides)
        if (o.from.at < b && o.to.at > a) w.overrides.push_back(o);
    return w;
}

}  // namespace

std::optional<CandidateList> findCandidates(const Plan& plan, Date week, Role role) {
    int target = -1;
    for (std::size_t i = 0; i < plan.weeks.size(); ++i)
        if (plan.weeks[i].start == week) {
            target = static_cast<int>(i);
            break;
        }
    if (target < 0) return std::nullopt;

    CandidateList out;
    out.week = week;
    out.role = role;
    {
        Week copy = plan.weeks[target];
        out.current = cell(copy, role);
    }

    // The window, with the target cell emptied: the baseline.
    Plan win = windowPlan(plan, week);
    int wt = -1;
    for (std::size_t i = 0; i < win.weeks.size(); ++i)
        if (win.weeks[i].start == week) {
            wt = static_cast<int>(i);
            break;
        }
    cell(win.weeks[wt], role).reset();
    std::set<Key> base;
    for (const Violation& v : check(win).violations) base.insert(keyOf(v));

    // Counts over the whole plan, without the cell itself.
    const bool shadow = role == Role::Shadow;
    struct Tally {
        int p = 0, s = 0, sh = 0;
        std::vector<Date> counted, shadowed;
    };
    std::vector<Tally> tally(plan.people.size());
    std::vector<std::pair<std::string, int>> index;
    for (std::size_t i = 0; i < plan.people.size(); ++i) index.emplace_back(plan.people[i].id, static_cast<int>(i));
    std::sort(index.begin(), index.end());
    auto find = [&](const std::optional<std::string>& id) -> Tally* {
        if (!id) return nullptr;
        auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(*id, -1));
        return it != index.end() && it->first == *id ? &tally[it->second] : nullptr;
    };
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) {
        const Week& w = plan.weeks[i];
        const bool here = static_cast<int>(i) == target;
        if (Tally* t = find(w.primary); t && !(here && role == Role::Primary)) {
            ++t->p;
            if (!here) t->counted.push_back(w.start);
        }
        if (Tally* t = find(w.secondary); t && !(here && role == Role::Secondary)) {
            ++t->s;
            if (!here) t->counted.push_back(w.start);
        }
        if (Tally* t = find(w.shadow); t && !(here && role == Role::Shadow)) {
            ++t->sh;
            if (!here) t->shadowed.push_back(w.start);
        }
    }

    struct Ranked {
        Candidate c;
        std::tuple<int, int, int, long long, int> key;
    };
    std::vector<Ranked> ranked;
    for (std::size_t i = 0; i < plan.people.size(); ++i) {
        const Person& person = plan.people[i];
        if (shadow && !person.trainee) continue;
        cell(win.weeks[wt], role) = person.id;
        const Report r = check(win);
        std::vector<const Violation*> errors;
        std::vector<std::string> warnings;
        for (const Violation& v : r.violations) {
            if (base.count(keyOf(v))) continue;
            if (v.severity == Severity::Error)
                errors.push_back(&v);
            else if (v.rule != "fairness")
                warnings.push_back(v.message);
        }
        if (!errors.empty()) {
            std::stable_sort(errors.begin(), errors.end(), [](const Violation* a, const Violation* b) {
                return ruleRank(a->rule) < ruleRank(b->rule);
            });
            Exclusion e{person.id, person.name, errors[0]->rule, {}, errors[0]->message};
            for (const Violation* v : errors) e.rules.push_back(v->rule);
            std::sort(e.rules.begin(), e.rules.end());
            e.rules.erase(std::unique(e.rules.begin(), e.rules.end()), e.rules.end());
            out.excluded.push_back(std::move(e));
            continue;
        }
        const Tally& t = tally[i];
        Candidate c;
        c.person = person.id;
        c.name = person.name;
        c.current = out.current && *out.current == person.id;
        c.primary_weeks = t.p;
        c.secondary_weeks = t.s;
        c.shadow_weeks = t.sh;
        c.weeks = shadow ? t.sh : t.p + t.s;
        c.warnings = warnings;
        std::vector<Date> dates = shadow ? t.shadowed : t.counted;
        long long best = std::numeric_limits<long long>::max();
        for (Date d : dates) {
            const long long gap = (d < week ? (week - d).count() : (d - week).count());
            if (gap < best || (gap == best && d < week)) {
                best = gap;
                c.rest_before = d < week;
            }
        }
        if (!dates.empty()) c.rest_weeks = static_cast<int>(best / 7);

        std::string reason;
        if (shadow)
            reason = plural(c.weeks, "shadow week", "shadow weeks") + " so far, ";
        else
            reason = plural(c.weeks, "week", "weeks") + " so far (" + std::to_string(t.p) + " primary, " +
                     std::to_string(t.s) + " secondary), ";
        const char* what = shadow ? "shadow" : "on call";
        if (!c.rest_weeks)
            reason += shadow ? "not a shadow in any other week" : "not on call in any other week";
        else
            reason += std::string(c.rest_before ? "last " : "next ") + what + " " +
                      plural(*c.rest_weeks, "week", "weeks") + (c.rest_before ? " before" : " after");
        for (const std::string& w : warnings) reason += "; allowed with a warning: " + w;
        c.reason = reason;

        const int role_count = role == Role::Primary ? t.p : role == Role::Secondary ? t.s : t.sh;
        const long long rest = c.rest_weeks ? *c.rest_weeks : std::numeric_limits<int>::max();
        ranked.push_back({std::move(c), {warnings.empty() ? 0 : 1, 0, role_count, -rest, static_cast<int>(i)}});
        std::get<1>(ranked.back().key) = ranked.back().c.weeks;
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.key < b.key; });
    for (Ranked& r : ranked) out.candidates.push_back(std::move(r.c));
    return out;
}

Json candidatesToJson(const CandidateList& list) {
    Json j = Json::object();
    j["week"] = formatDate(list.week);
    j["role"] = roleName(list.role);
    j["current"] = list.current ? Json(*list.current) : Json(nullptr);
    j["candidates"] = Json::array();
    for (const Candidate& c : list.candidates) {
        Json x = Json::object();
        x["person"] = c.person;
        x["name"] = c.name;
        x["current"] = c.current;
        x["weeks"] = c.weeks;
        x["primary_weeks"] = c.primary_weeks;
        x["secondary_weeks"] = c.secondary_weeks;
        x["shadow_weeks"] = c.shadow_weeks;
        x["rest_weeks"] = c.rest_weeks ? Json(*c.rest_weeks) : Json(nullptr);
        x["reason"] = c.reason;
        x["warnings"] = c.warnings;
        j["candidates"].push_back(std::move(x));
    }
    j["excluded"] = Json::array();
    for (const Exclusion& e : list.excluded)
        j["excluded"].push_back(
            {{"person", e.person}, {"name", e.name}, {"rule", e.rule}, {"rules", e.rules}, {"reason", e.reason}});
    return j;
}

std::string candidatesToText(const Plan& plan, const CandidateList& list) {
    std::string s = std::string("Candidates for ") + roleName(list.role) + " in the week of " + formatDate(list.week) +
                    " (now: " + (list.current ? plan.nameOf(*list.current) : std::string("nobody")) + ")\n";
    if (list.candidates.empty()) s += "  nobody\n";
    int i = 0;
    for (const Candidate& c : list.candidates) {
        char head[32];
        std::snprintf(head, sizeof head, "%3d. ", ++i);
        s += head + c.name + " (" + c.person + ")" + (c.current ? " [current]" : "") + ": " + c.reason + "\n";
    }
    s += "Excluded:\n";
    if (list.excluded.empty()) s += "  nobody\n";
    for (const Exclusion& e : list.excluded) s += "  " + e.name + " (" + e.person + ") " + e.rule + ": " + e.reason + "\n";
    return s;
}

}  // namespace rp
