// Candidates for one assignment (candidates.hpp, docs/drafting.md).
#include "core/rules/candidates.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

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

// The plan cut to the weeks starting on week-7, week and week+7 with what touches them:
// time off, overrides, the published snapshot of those weeks, the applied requests that
// may explain a change there (late-change), the earlier weeks' shadows (readiness), and
// only the people all these name (contacts included).
Plan windowPlan(const Plan& plan, Date week) {
    Plan w;
    w.version = plan.version;
    w.team_name = plan.team_name;
    w.team_timezone = plan.team_timezone;
    w.policy = plan.policy;
    w.contacts = plan.contacts;
    const Date lo = week - date::days{7}, hi = week + date::days{7};
    // Readiness counts the shadow weeks before a week: keep them, with nothing else in them.
    if (plan.policy.readiness)
        for (const Week& x : plan.weeks)
            if (x.start < lo && x.shadow) {
                Week h;
                h.start = x.start;
                h.shadow = x.shadow;
                w.weeks.push_back(h);
            }
    for (const Week& x : plan.weeks)
        if (x.start >= lo && x.start <= hi) w.weeks.push_back(x);
    for (const TimeOff& t : plan.time_off)
        if (t.to >= lo - date::days{2} && t.from <= hi + date::days{9}) w.time_off.push_back(t);
    const Instant a = handoffInstant(plan, lo), b = handoffInstant(plan, hi + date::days{7});
    for (const Override& o : plan.overrides)
        if (o.from.at < b && o.to.at > a) w.overrides.push_back(o);
    if (plan.published) {
        Published pub;
        pub.at = plan.published->at;
        pub.extra = plan.published->extra;
        for (const Week& x : plan.published->weeks)
            if (x.start >= lo && x.start <= hi) pub.weeks.push_back(x);
        for (const Override& o : plan.published->overrides)
            if (o.from.at < b && o.to.at > a) pub.overrides.push_back(o);
        w.published = std::move(pub);
    }
    for (const Request& r : plan.requests)
        if (r.status == RequestStatus::Applied &&
            ((r.week >= lo && r.week <= hi) || (requestWithWeek(r) >= lo && requestWithWeek(r) <= hi)))
            w.requests.push_back(r);
    std::unordered_set<std::string> named;
    auto name = [&](const std::optional<std::string>& id) {
        if (id) named.insert(*id);
    };
    for (const Week& x : w.weeks) name(x.primary), name(x.secondary), name(x.shadow), name(x.escalation);
    for (const TimeOff& t : w.time_off) named.insert(t.person);
    for (const Override& o : w.overrides) named.insert(o.person);
    if (w.published) {
        for (const Week& x : w.published->weeks) name(x.primary), name(x.secondary), name(x.shadow), name(x.escalation);
        for (const Override& o : w.published->overrides) named.insert(o.person);
    }
    for (const Request& r : w.requests) named.insert(r.by), named.insert(r.with);
    name(w.contacts.engineering_lead), name(w.contacts.cto), name(w.contacts.ceo);
    for (const Person& person : plan.people)
        if (named.count(person.id)) w.people.push_back(person);
    return w;
}

// What the check reads of a person who appears nowhere in the window: everything but
// the identity (id, name, e-mail, phone, zone, Slack handle, unknown members).
std::string signatureOf(const Person& p) {
    std::string s;
    s += p.on_call ? '1' : '0';
    s += p.trainee ? '1' : '0';
    s += p.inactive_from ? formatDate(*p.inactive_from) : std::string("-");
    s += '|';
    s += p.ready_since ? formatDate(*p.ready_since) : std::string("-");
    s += '|';
    if (p.ready) {
        for (const std::string& item : *p.ready) s += std::to_string(item.size()) + ":" + item;
    } else {
        s += '-';
    }
    return s;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) return text;
    std::string out;
    std::size_t at = 0;
    for (std::size_t hit; (hit = text.find(from, at)) != std::string::npos; at = hit + from.size())
        out.append(text, at, hit - at).append(to);
    return out.append(text, at, std::string::npos);
}

// A string that occurs in no id or name of the plan (for the stand-in of a class).
std::string freshToken(const Plan& plan, const char* stem) {
    for (int i = 0;; ++i) {
        const std::string t = std::string("\x01") + stem + std::to_string(i) + "\x02";
        bool used = false;
        for (const Person& p : plan.people)
            if (p.id.find(t) != std::string::npos || p.name.find(t) != std::string::npos) used = true;
        if (!used) return t;
    }
}

// The violations the cell adds (with `person` in it) to the window's check with the cell
// empty: what the real check says of the person.
struct Verdict {
    std::vector<Violation> errors, warnings;
};

}  // namespace

std::optional<CandidateList> findCandidates(const Plan& plan, Date week, Role role, const CheckOptions& options) {
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
    const bool shadow = role == Role::Shadow;

    // The window, with the target cell emptied, and only the people it names.
    Plan win = windowPlan(plan, week);
    int wt = -1;
    for (std::size_t i = 0; i < win.weeks.size(); ++i)
        if (win.weeks[i].start == week) {
            wt = static_cast<int>(i);
            break;
        }
    cell(win.weeks[wt], role).reset();
    std::unordered_set<std::string> named;
    for (const Person& p : win.people) named.insert(p.id);

    // The verdict for one person: the window's check with them in the cell against the
    // same window with the cell empty. `extra` (a stand-in for a person the window does
    // not name) is added to the window's people for both checks.
    auto judgeStandIn = [&](const std::string& id, const Person* extra) {
        Plan& w = win;
        if (extra) w.people.push_back(*extra);
        std::set<Key> base;
        for (const Violation& v : check(w, options).violations) base.insert(keyOf(v));
        cell(w.weeks[wt], role) = id;
        Verdict verdict;
        for (Violation& v : check(w, options).violations) {
            if (base.count(keyOf(v))) continue;
            if (v.severity == Severity::Error)
                verdict.errors.push_back(std::move(v));
            else if (v.rule != "fairness")
                verdict.warnings.push_back(std::move(v));
        }
        cell(w.weeks[wt], role).reset();
        if (extra) w.people.pop_back();
        return verdict;
    };
    // The baseline of the window with its own people is shared by everyone it names.
    std::set<Key> base_named;
    for (const Violation& v : check(win, options).violations) base_named.insert(keyOf(v));
    auto judgeNamed = [&](const std::string& id) {
        cell(win.weeks[wt], role) = id;
        Verdict verdict;
        for (Violation& v : check(win, options).violations) {
            if (base_named.count(keyOf(v))) continue;
            if (v.severity == Severity::Error)
                verdict.errors.push_back(std::move(v));
            else if (v.rule != "fairness")
                verdict.warnings.push_back(std::move(v));
        }
        cell(win.weeks[wt], role).reset();
        return verdict;
    };
    // People the window does not name are alike when they agree on everything the check
    // reads of a person: one check of a stand-in per kind, its ids and names then
    // replaced by each person's own.
    const std::string token_id = freshToken(plan, "id"), token_name = freshToken(plan, "name");
    std::map<std::string, Verdict> by_kind;
    auto verdictFor = [&](const Person& person) -> Verdict {
        if (named.count(person.id)) return judgeNamed(person.id);
        const std::string kind = signatureOf(person);
        auto it = by_kind.find(kind);
        if (it == by_kind.end()) {
            Person stand_in = person;
            stand_in.id = token_id;
            stand_in.name = token_name;
            it = by_kind.emplace(kind, judgeStandIn(token_id, &stand_in)).first;
        }
        Verdict v = it->second;
        for (auto* list : {&v.errors, &v.warnings})
            for (Violation& x : *list) {
                for (std::string& id : x.people)
                    if (id == token_id) id = person.id;
                std::sort(x.people.begin(), x.people.end());
                x.message = replaceAll(replaceAll(x.message, token_name, person.name), token_id, person.id);
            }
        return v;
    };

    // Counts over the whole plan, without the cell itself.
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
        Verdict verdict = verdictFor(person);
        // Out of the pool from inactive_from on (docs/plan-format.md): as not-eligible.
        if (person.inactive_from && week >= *person.inactive_from) {
            bool said = false;
            for (const Violation& v : verdict.errors)
                if (v.rule == "not-eligible") said = true;
            if (!said) {
                Violation v;
                v.rule = "not-eligible";
                v.week = week;
                v.people = {person.id};
                v.message = person.name + " is out of the rotation pool from " + formatDate(*person.inactive_from) +
                            " (inactive_from) and cannot be " + roleName(role) + " in the week of " + formatDate(week);
                verdict.errors.insert(verdict.errors.begin(), std::move(v));
            }
        }
        if (!verdict.errors.empty()) {
            std::stable_sort(verdict.errors.begin(), verdict.errors.end(), [](const Violation& a, const Violation& b) {
                return ruleRank(a.rule) < ruleRank(b.rule);
            });
            Exclusion e{person.id, person.name, verdict.errors[0].rule, {}, verdict.errors[0].message};
            for (const Violation& v : verdict.errors) e.rules.push_back(v.rule);
            std::sort(e.rules.begin(), e.rules.end());
            e.rules.erase(std::unique(e.rules.begin(), e.rules.end()), e.rules.end());
            out.excluded.push_back(std::move(e));
            continue;
        }
        // Warnings rank a person after the others: a repeat into an emergency week, the
        // week's escalation contact on call too (escalation-on-call), a late change of an
        // emergency week.
        std::vector<std::string> warnings;
        for (const Violation& v : verdict.warnings) warnings.push_back(v.message);
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
