// The rule check (rules.md). Every rule of the table, one pass each over precomputed
// structures: week spans and resolved shifts once, time off indexed per person (sorted
// intervals + running maximum of their ends: one binary search per query), weeks indexed
// by start date.
#include "core/rules/check.hpp"

#include "core/model/digits.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/changes/diff.hpp"
#include "core/changes/readiness.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace rp {

// ---------------------------------------------------------------------------------
// Small text helpers (local: the check formats many messages and stays allocation-lean)
namespace {

std::string dateText(Date d) { return formatDate(d); }

// "2026-12-02 18:00", wall-clock time in the team zone.
std::string localText(const date::time_zone* zone, Instant t) {
    const auto local = t + std::chrono::seconds(zone ? offsetSeconds(zone, t) : 0);
    const auto day = date::floor<date::days>(local);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    char buf[32];
    char* p = fixed::putDate(buf, date::year_month_day{day});
    *p++ = ' ';
    return std::string(buf, fixed::putClock(p, minutes * 60LL, false));
}

const char* capitalWeekday(int c_encoding) {
    static const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                  "Thursday", "Friday", "Saturday"};
    return c_encoding >= 0 && c_encoding < 7 ? names[c_encoding] : "?";
}

const char* roleText(Role r) {
    switch (r) {
        case Role::Primary: return "primary";
        case Role::Secondary: return "secondary";
        case Role::Shadow: return "shadow";
    }
    return "?";
}

std::string plural(long long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 || n == -1 ? one : many);
}

// "a", "a and b", "a, b and c"
std::string joinAnd(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += i + 1 == parts.size() ? " and " : ", ";
        s += parts[i];
    }
    return s;
}

// Weeks by start date: sorted (date, index) pairs.
using WeekIndex = std::vector<std::pair<Date, int>>;

WeekIndex indexWeeks(const Plan& plan) {
    WeekIndex idx;
    idx.reserve(plan.weeks.size());
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) idx.emplace_back(plan.weeks[i].start, static_cast<int>(i));
    std::sort(idx.begin(), idx.end());
    return idx;
}

std::pair<WeekIndex::const_iterator, WeekIndex::const_iterator> weeksOn(const WeekIndex& idx, Date d) {
    auto lo = std::lower_bound(idx.begin(), idx.end(), std::make_pair(d, std::numeric_limits<int>::min()));
    auto hi = std::lower_bound(idx.begin(), idx.end(), std::make_pair(d, std::numeric_limits<int>::max()));
    return {lo, hi};
}

const std::optional<std::string>& roleField(const Week& w, Role r) {
    switch (r) {
        case Role::Primary: return w.primary;
        case Role::Secondary: return w.secondary;
        case Role::Shadow: return w.shadow;
    }
    return w.primary;
}

std::string nameIn(const Plan& plan, const std::string& id) {
    for (const Person& p : plan.people)
        if (p.id == id) return p.name;
    return id;
}

std::string mismatchIndexed(const Plan& plan, const Request& r, const WeekIndex& idx) {
    std::vector<std::string> parts;
    auto side = [&](const std::string& who, Date week, Role role) {
        auto range = weeksOn(idx, week);
        if (range.first == range.second) {
            parts.push_back("there is no week of " + dateText(week));
            return;
        }
        for (auto it = range.first; it != range.second; ++it) {
            const auto& f = roleField(plan.weeks[it->second], role);
            if (f && *f == who) return;
        }
        parts.push_back(nameIn(plan, who) + " is not " + roleText(role) + " in the week of " + dateText(week));
    };
    side(r.by, r.week, r.role);
    if (r.type == RequestType::Swap) {
        const Date ww = requestWithWeek(r);
        const Role wr = requestWithRole(r);
        // A swap inside one week on one role names the same week twice: report it once.
        if (!(ww == r.week && parts.size() == 1 && parts[0].rfind("there is no week", 0) == 0))
            side(r.with, ww, wr);
    }
    if (parts.empty()) return {};
    return r.id + " does not match the plan: " + joinAnd(parts);
}

}  // namespace

// ---------------------------------------------------------------------------------
// Shared helpers

const char* severityName(Severity s) { return s == Severity::Error ? "error" : "warning"; }

Json violationToJson(const Violation& v) {
    Json j = Json::object();
    j["rule"] = v.rule;
    j["severity"] = severityName(v.severity);
    j["week"] = v.week ? Json(dateText(*v.week)) : Json(nullptr);
    j["people"] = Json::array();
    for (const auto& p : v.people) j["people"].push_back(p);
    j["request"] = v.request ? Json(*v.request) : Json(nullptr);
    j["message"] = v.message;
    return j;
}

bool violationLess(const Violation& a, const Violation& b) {
    if (a.week != b.week) {
        if (!a.week) return true;
        if (!b.week) return false;
        return *a.week < *b.week;
    }
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.people != b.people) return a.people < b.people;
    if (a.request != b.request) {
        if (!a.request) return true;
        if (!b.request) return false;
        return *a.request < *b.request;
    }
    return false;
}

bool sameViolation(const Violation& a, const Violation& b) {
    return a.rule == b.rule && a.week == b.week && a.people == b.people && a.request == b.request &&
           a.severity == b.severity;
}

Date requestWithWeek(const Request& r) { return r.with_week ? *r.with_week : r.week; }
Role requestWithRole(const Request& r) { return r.with_role ? *r.with_role : r.role; }

Date earliestAffectedWeek(const Request& r) {
    if (r.type == RequestType::Swap) return std::min(r.week, requestWithWeek(r));
    return r.week;
}

int noticeDays(const Request& r) {
    return static_cast<int>((earliestAffectedWeek(r) - r.submitted).count());
}

std::string changeNoticeMessage(const Plan& plan, const Request& r) {
    const int days = noticeDays(r);
    const Date week = earliestAffectedWeek(r);
    std::string msg = r.id + " was submitted " +
                      (days >= 0 ? plural(days, "day", "days") + " before the week of " + dateText(week)
                                 : plural(-days, "day", "days") + " after the start of the week of " + dateText(week)) +
                      " (" + std::to_string(plan.policy.change_notice_days) + " required)";
    if (r.emergency) msg += "; allowed as an emergency";
    return msg;
}

std::string requestMismatch(const Plan& plan, const Request& r) {
    return mismatchIndexed(plan, r, indexWeeks(plan));
}

bool inRotationPool(const Person& p, Date week_start) {
    return p.on_call && !p.trainee && !(p.inactive_from && week_start >= *p.inactive_from);
}

// ---------------------------------------------------------------------------------
// The check
namespace {

struct Interval {
    Instant start, end;
    int index;  // into plan.time_off
};

// One person's time off: intervals sorted by start, with the running maximum of their
// ends, so that the earliest interval overlapping a span is found by two binary searches.
struct TimeOffIndex {
    std::vector<Interval> intervals;
    std::vector<Instant> max_end;  // max_end[k]: the greatest end among intervals [0, k]

    void finish() {
        std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
            if (a.start != b.start) return a.start < b.start;
            return a.index < b.index;
        });
        max_end.resize(intervals.size());
        for (std::size_t k = 0; k < intervals.size(); ++k)
            max_end[k] = k == 0 ? intervals[k].end : std::max(max_end[k - 1], intervals[k].end);
    }
    // The earliest-starting interval overlapping [s, e), or nullptr.
    const Interval* overlapping(Instant s, Instant e) const {
        // Intervals [0, n) start before e; the first k whose running maximum end passes s
        // is the first interval ending after s.
        const auto n = std::lower_bound(intervals.begin(), intervals.end(), e,
                                        [](const Interval& iv, Instant t) { return iv.start < t; }) -
                       intervals.begin();
        const auto k = std::upper_bound(max_end.begin(), max_end.begin() + n, s) - max_end.begin();
        return k < n ? &intervals[k] : nullptr;
    }
};

class Checker {
public:
    Checker(const Plan& plan, const CheckOptions& options) : plan_(plan), options_(options) {
        zone_ = findZone(plan.team_timezone);
        if (!zone_) zone_ = findZone("UTC");
        persons_.reserve(plan.people.size() * 2);
        for (const Person& p : plan.people) persons_.emplace(p.id, &p);
        spans_ = weekSpans(plan);
        shifts_ = resolveShifts(plan, spans_);
        weeks_by_date_ = indexWeeks(plan);
        for (std::size_t i = 0; i < plan.time_off.size(); ++i) {
            const TimeOff& t = plan.time_off[i];
            if (!persons_.count(t.person)) continue;  // unknown ids have no time off
            const Instant s = dayStart(zone_, t.from), e = dayStart(zone_, t.to + date::days{1});
            if (s >= e) continue;
            time_off_[t.person].intervals.push_back({s, e, static_cast<int>(i)});
        }
        for (auto& kv : time_off_) kv.second.finish();
    }

    Report run() {
        ruleWeekOrderAndGap();
        ruleMinEngineers();
        ruleNotEligible();
        ruleConsecutive();
        ruleUnavailable();
        ruleEscalationContact();
        ruleRequests();
        ruleUnknownPerson();
        ruleOverrideOutside();
        ruleFairness();
        ruleEscalationOnCall();
        ruleNotReady();
        rulePublishedChanges();

        std::stable_sort(out_.begin(), out_.end(), violationLess);
        Report report;
        report.violations.reserve(out_.size());
        for (Violation& v : out_) {
            if (!report.violations.empty()) {
                const Violation& last = report.violations.back();
                if (last.rule == v.rule && last.week == v.week && last.people == v.people &&
                    last.request == v.request)
                    continue;  // once per (rule, week, people, request); the first message wins
            }
            (v.severity == Severity::Error ? report.errors : report.warnings)++;
            report.violations.push_back(std::move(v));
        }
        return report;
    }

private:
    const Plan& plan_;
    const CheckOptions& options_;
    const date::time_zone* zone_ = nullptr;
    std::unordered_map<std::string, const Person*> persons_;
    std::vector<WeekSpan> spans_;
    std::vector<Shift> shifts_;
    WeekIndex weeks_by_date_;
    std::unordered_map<std::string, TimeOffIndex> time_off_;
    std::vector<Violation> out_;

    const Person* person(const std::string& id) const {
        auto it = persons_.find(id);
        return it == persons_.end() ? nullptr : it->second;
    }
    std::string name(const std::string& id) const {
        const Person* p = person(id);
        return p ? p->name : id;
    }
    bool inPool(const Person& p) const { return inRotationPool(p); }
    // In the pool for at least one of the plan's weeks (or, with no weeks, not leaving).
    bool inPoolSomeWeek(const Person& p) const {
        if (!inRotationPool(p)) return false;
        if (!p.inactive_from) return true;
        for (const Week& w : plan_.weeks)
            if (w.start < *p.inactive_from) return true;
        return false;
    }
    const Interval* timeOffDuring(const std::string& id, Instant s, Instant e) const {
        auto it = time_off_.find(id);
        return it == time_off_.end() ? nullptr : it->second.overlapping(s, e);
    }
    std::string timeOffText(const Interval& iv) const {
        const TimeOff& t = plan_.time_off[iv.index];
        return t.from == t.to ? "time off on " + dateText(t.from)
                              : "time off from " + dateText(t.from) + " to " + dateText(t.to);
    }
    std::string weekText(int i) const { return "the week of " + dateText(plan_.weeks[i].start); }
    Date localDate(Instant t) const {
        return date::floor<date::days>(t + std::chrono::seconds(zone_ ? offsetSeconds(zone_, t) : 0));
    }

    void add(const char* rule, Severity sev, std::optional<Date> week, std::vector<std::string> people,
             std::optional<std::string> request, std::string message) {
        std::sort(people.begin(), people.end());
        people.erase(std::unique(people.begin(), people.end()), people.end());
        out_.push_back({rule, sev, week, std::move(people), std::move(request), std::move(message)});
    }

    // -- gap, week-order ---------------------------------------------------------
    // A week is out of order when its start is not after the start of the week listed
    // just before it, or when it is not on the handoff weekday. A gap is a week starting
    // more than 7 days after the one listed before it (the days in between are in no
    // week); less than 7 days apart can only happen with a start off the handoff
    // weekday or out of order, which week-order reports.
    void ruleWeekOrderAndGap() {
        const auto& weeks = plan_.weeks;
        for (std::size_t i = 0; i < weeks.size(); ++i) {
            const Date d = weeks[i].start;
            std::vector<std::string> problems;
            const int wd = static_cast<int>(date::weekday{d}.c_encoding());
            if (wd != plan_.policy.handoff_weekday)
                problems.push_back(std::string("starts on a ") + capitalWeekday(wd) + ", not on the handoff day (" +
                                   capitalWeekday(plan_.policy.handoff_weekday) + ")");
            if (i > 0) {
                const Date prev = weeks[i - 1].start;
                if (d == prev)
                    problems.push_back("is listed twice");
                else if (d < prev)
                    problems.push_back("is listed after the week of " + dateText(prev));
                else if ((d - prev).count() > 7) {
                    const Date first = prev + date::days{7}, last = d - date::days{1};
                    std::string span = first == last ? dateText(first) : dateText(first) + " to " + dateText(last);
                    add("gap", Severity::Error, d, {}, std::nullopt,
                        "No week covers " + span + ": the week of " + dateText(d) + " starts " +
                            plural((d - prev).count(), "day", "days") + " after the week of " + dateText(prev));
                }
            }
            if (!problems.empty())
                add("week-order", Severity::Error, d, {}, std::nullopt,
                    "The week of " + dateText(d) + " " + joinAnd(problems));
        }
    }

    // -- min-engineers -------------------------------------------------------------
    void ruleMinEngineers() {
        const std::size_t n = plan_.weeks.size();
        std::vector<std::vector<const Shift*>> by_week(n);
        for (const Shift& s : shifts_)
            if (s.role != Role::Shadow) by_week[s.week].push_back(&s);

        for (std::size_t i = 0; i < n; ++i) {
            const WeekSpan& span = spans_[i];
            std::vector<std::string> missing;
            for (Role role : {Role::Primary, Role::Secondary}) {
                // Holes of this role inside the week (pieces are sorted and disjoint).
                std::vector<std::pair<Instant, Instant>> holes;
                Instant at = span.start;
                for (const Shift* s : by_week[i]) {
                    if (s->role != role) continue;
                    if (s->start > at) holes.emplace_back(at, s->start);
                    at = std::max(at, s->end);
                }
                if (at < span.end) holes.emplace_back(at, span.end);
                if (holes.empty()) continue;
                if (holes.size() == 1 && holes[0].first == span.start && holes[0].second == span.end) {
                    missing.push_back(std::string("no ") + roleText(role));
                } else {
                    std::string part = std::string("no ") + roleText(role) + " from " +
                                       localText(zone_, holes[0].first) + " to " + localText(zone_, holes[0].second);
                    if (holes.size() > 1) part += " (and " + plural(static_cast<long long>(holes.size() - 1), "more gap", "more gaps") + ")";
                    missing.push_back(part);
                }
            }
            if (!missing.empty())
                add("min-engineers", Severity::Error, plan_.weeks[i].start, {}, std::nullopt,
                    "The week of " + dateText(plan_.weeks[i].start) + " has " + joinAnd(missing));

            // The same person primary and secondary at one instant. Each role's pieces are
            // sorted and disjoint: the secondaries overlapping a primary piece are a run
            // that only moves forward, so the pairs are found in one merge.
            std::vector<const Shift*> secondaries;
            for (const Shift* s : by_week[i])
                if (s->role == Role::Secondary) secondaries.push_back(s);
            std::size_t first = 0;
            for (const Shift* p : by_week[i]) {
                if (p->role != Role::Primary) continue;
                while (first < secondaries.size() && secondaries[first]->end <= p->start) ++first;
                for (std::size_t k = first; k < secondaries.size() && secondaries[k]->start < p->end; ++k) {
                    const Shift* s = secondaries[k];
                    if (s->person != p->person) continue;
                    const bool whole = !p->from_override && !s->from_override;
                    std::string msg = name(p->person) + " is both primary and secondary in " + weekText(static_cast<int>(i));
                    if (!whole)
                        msg += " from " + localText(zone_, std::max(p->start, s->start)) + " to " +
                               localText(zone_, std::min(p->end, s->end));
                    add("min-engineers", Severity::Error, plan_.weeks[i].start, {p->person}, std::nullopt, msg);
                }
            }
        }

        std::vector<const Person*> pool;
        for (const Person& p : plan_.people)
            if (inPoolSomeWeek(p)) pool.push_back(&p);
        if (pool.size() < 2) {
            std::string msg = pool.empty()
                                  ? "The rotation pool is empty: no person is on call and not a trainee; at least 2 are needed"
                                  : "The rotation pool has only 1 engineer (" + pool[0]->name + "); at least 2 are needed";
            add("min-engineers", Severity::Error, std::nullopt, {}, std::nullopt, msg);
        }
    }

    // -- not-eligible --------------------------------------------------------------
    std::string ineligibleWhy(const Person& p) const {
        if (!p.on_call) return p.name + " is not in the rotation pool (on_call is false)";
        if (p.trainee) return p.name + " is a trainee (trainees may only shadow)";
        return p.name + " left the rotation pool on " + dateText(*p.inactive_from) + " (inactive_from)";
    }

    void ruleNotEligible() {
        for (std::size_t i = 0; i < plan_.weeks.size(); ++i) {
            const Week& w = plan_.weeks[i];
            for (Role role : {Role::Primary, Role::Secondary}) {
                const auto& id = roleField(w, role);
                if (!id) continue;
                const Person* p = person(*id);
                if (!p || inRotationPool(*p, w.start)) continue;
                add("not-eligible", Severity::Error, w.start, {*id}, std::nullopt,
                    ineligibleWhy(*p) + " and cannot be " + roleText(role) + " in " + weekText(static_cast<int>(i)));
            }
        }
        // The first week (plan order) holding an override's start: one search each.
        std::vector<CoverSegment> week_at;
        if (!plan_.overrides.empty()) {
            std::vector<CoverInterval> weeks;
            for (std::size_t i = 0; i < spans_.size(); ++i)
                weeks.push_back({spans_[i].start, spans_[i].end, static_cast<long long>(i), static_cast<int>(i)});
            week_at = lowestRankCover(weeks);
        }
        for (const Override& o : plan_.overrides) {
            const Person* p = person(o.person);
            if (!p || (inPool(*p) && !p->inactive_from)) continue;
            std::optional<Date> week;
            if (const int i = coverAt(week_at, o.from.at); i >= 0) week = plan_.weeks[static_cast<std::size_t>(i)].start;
            // inactive_from is judged at the week holding the override's start (else at the
            // team-zone date of its start).
            const Date judged = week ? *week : localDate(o.from.at);
            if (inRotationPool(*p, judged)) continue;
            add("not-eligible", Severity::Error, week, {o.person}, std::nullopt,
                ineligibleWhy(*p) + " and cannot take the " + roleText(o.role) + " override from " +
                    localText(zone_, o.from.at) + " to " + localText(zone_, o.to.at));
        }
    }

    // -- consecutive ---------------------------------------------------------------
    void ruleConsecutive() {
        const bool any = plan_.policy.no_consecutive == NoConsecutive::Any;
        auto counted = [&](const Week& w) {
            std::vector<std::string> ids;
            if (w.primary) ids.push_back(*w.primary);
            if (any && w.secondary && (!w.primary || *w.secondary != *w.primary)) ids.push_back(*w.secondary);
            return ids;
        };
        for (std::size_t i = 0; i < plan_.weeks.size(); ++i) {
            const Week& later = plan_.weeks[i];
            const auto later_ids = counted(later);
            if (later_ids.empty()) continue;
            auto range = weeksOn(weeks_by_date_, later.start - date::days{7});
            for (auto it = range.first; it != range.second; ++it) {
                const Week& earlier = plan_.weeks[it->second];
                for (const auto& id : counted(earlier)) {
                    if (std::find(later_ids.begin(), later_ids.end(), id) == later_ids.end()) continue;
                    std::string msg = name(id) + (any ? " is on call" : " is primary") + " in the weeks of " +
                                      dateText(earlier.start) + " and " + dateText(later.start);
                    if (later.emergency) msg += " (emergency week)";
                    add("consecutive", later.emergency ? Severity::Warning : Severity::Error, later.start, {id},
                        std::nullopt, msg);
                }
            }
        }
    }

    // -- unavailable -----------------------------------------------------------------
    void ruleUnavailable() {
        struct Clash {
            std::vector<std::string> roles;
            const Interval* off = nullptr;
        };
        std::map<std::pair<int, std::string>, Clash> clashes;  // (week index, person)
        auto note = [&](int week, const std::string& id, const std::string& role, const Interval* off) {
            Clash& c = clashes[{week, id}];
            if (!c.off) c.off = off;
            if (std::find(c.roles.begin(), c.roles.end(), role) == c.roles.end()) c.roles.push_back(role);
        };
        // Roles in a fixed order so the message does not depend on the shift order.
        for (int pass = 0; pass < 3; ++pass) {
            const Role role = pass == 0 ? Role::Primary : pass == 1 ? Role::Secondary : Role::Shadow;
            for (const Shift& s : shifts_) {
                if (s.role != role) continue;
                if (const Interval* off = timeOffDuring(s.person, s.start, s.end))
                    note(s.week, s.person, role == Role::Shadow ? "shadow" : roleText(role), off);
            }
        }
        for (std::size_t i = 0; i < plan_.weeks.size(); ++i) {
            const auto contact = escalationOf(plan_.weeks[i]);
            if (!contact) continue;
            if (const Interval* off = timeOffDuring(*contact, spans_[i].start, spans_[i].end))
                note(static_cast<int>(i), *contact, "escalation contact", off);
        }
        for (const auto& kv : clashes) {
            const int w = kv.first.first;
            const std::string& id = kv.first.second;
            add("unavailable", Severity::Error, plan_.weeks[w].start, {id}, std::nullopt,
                name(id) + " has " + timeOffText(*kv.second.off) + " but is " + joinAnd(kv.second.roles) + " in " +
                    weekText(w));
        }
    }

    // -- escalation-contact ----------------------------------------------------------
    const std::optional<std::string>& escalationOf(const Week& w) const {
        return w.escalation ? w.escalation : plan_.contacts.engineering_lead;
    }

    void ruleEscalationContact() {
        for (std::size_t i = 0; i < plan_.weeks.size(); ++i) {
            const Week& w = plan_.weeks[i];
            const auto& contact = escalationOf(w);
            if (!contact) {
                add("escalation-contact", Severity::Error, w.start, {}, std::nullopt,
                    "The week of " + dateText(w.start) +
                        " has no escalation contact: it names none and contacts.engineering_lead is not set");
                continue;
            }
            if (!person(*contact)) {
                add("escalation-contact", Severity::Error, w.start, {*contact}, std::nullopt,
                    "The escalation contact of " + weekText(static_cast<int>(i)) + ", " + *contact +
                        ", is not in people");
                continue;
            }
            if (const Interval* off = timeOffDuring(*contact, spans_[i].start, spans_[i].end))
                add("escalation-contact", Severity::Error, w.start, {*contact}, std::nullopt,
                    name(*contact) + ", the escalation contact of " + weekText(static_cast<int>(i)) + ", has " +
                        timeOffText(*off));
        }
    }

    // -- change-notice, request-invalid ----------------------------------------------
    void ruleRequests() {
        for (const Request& r : plan_.requests) {
            if (r.status != RequestStatus::Pending && r.status != RequestStatus::Approved) continue;
            const int days = noticeDays(r);
            const int need = plan_.policy.change_notice_days;
            if (days < need) {
                add("change-notice", r.emergency ? Severity::Warning : Severity::Error, earliestAffectedWeek(r),
                    {r.by}, r.id, changeNoticeMessage(plan_, r));
            }
            std::string mismatch = mismatchIndexed(plan_, r, weeks_by_date_);
            if (!mismatch.empty()) add("request-invalid", Severity::Error, r.week, {r.by}, r.id, mismatch);
        }
    }

    // -- unknown-person ----------------------------------------------------------------
    void ruleUnknownPerson() {
        auto unknown = [&](const std::string& id) { return !person(id); };
        const Contacts& c = plan_.contacts;
        const std::pair<const std::optional<std::string>*, const char*> contacts[] = {
            {&c.engineering_lead, "contacts.engineering_lead"}, {&c.cto, "contacts.cto"}, {&c.ceo, "contacts.ceo"}};
        for (const auto& kv : contacts)
            if (*kv.first && unknown(**kv.first))
                add("unknown-person", Severity::Error, std::nullopt, {**kv.first}, std::nullopt,
                    "Unknown person " + **kv.first + " is named as " + kv.second + "; add them to people or correct the id");
        for (const TimeOff& t : plan_.time_off)
            if (unknown(t.person))
                add("unknown-person", Severity::Error, std::nullopt, {t.person}, std::nullopt,
                    "Unknown person " + t.person + " has time off from " + dateText(t.from) + " to " + dateText(t.to) +
                        "; add them to people or correct the id");
        for (const Override& o : plan_.overrides)
            if (unknown(o.person))
                add("unknown-person", Severity::Error, std::nullopt, {o.person}, std::nullopt,
                    "Unknown person " + o.person + " has a " + roleText(o.role) + " override from " +
                        localText(zone_, o.from.at) + " to " + localText(zone_, o.to.at) +
                        "; add them to people or correct the id");
        for (std::size_t i = 0; i < plan_.weeks.size(); ++i) {
            const Week& w = plan_.weeks[i];
            const std::pair<const std::optional<std::string>*, const char*> fields[] = {
                {&w.primary, "primary"}, {&w.secondary, "secondary"}, {&w.escalation, "escalation contact"},
                {&w.shadow, "shadow"}};
            for (const auto& f : fields)
                if (*f.first && unknown(**f.first))
                    add("unknown-person", Severity::Error, w.start, {**f.first}, std::nullopt,
                        "Unknown person " + **f.first + " is " + f.second + " in " + weekText(static_cast<int>(i)) +
                            "; add them to people or correct the id");
        }
        for (const Request& r : plan_.requests) {
            if (unknown(r.by))
                add("unknown-person", Severity::Error, std::nullopt, {r.by}, r.id,
                    "Unknown person " + r.by + " made request " + r.id + "; add them to people or correct the id");
            if (unknown(r.with))
                add("unknown-person", Severity::Error, std::nullopt, {r.with}, r.id,
                    "Unknown person " + r.with + " is the other person of request " + r.id +
                        "; add them to people or correct the id");
        }
    }

    // -- override-outside ----------------------------------------------------------------
    void ruleOverrideOutside() {
        if (plan_.overrides.empty()) return;
        // The union of the week spans, merged.
        std::vector<std::pair<Instant, Instant>> spans;
        for (const WeekSpan& s : spans_)
            if (s.start < s.end) spans.emplace_back(s.start, s.end);
        std::sort(spans.begin(), spans.end());
        std::vector<std::pair<Instant, Instant>> merged;
        for (const auto& s : spans) {
            if (!merged.empty() && s.first <= merged.back().second)
                merged.back().second = std::max(merged.back().second, s.second);
            else
                merged.push_back(s);
        }
        for (const Override& o : plan_.overrides) {
            const Instant a = o.from.at, b = o.to.at;
            auto it = std::upper_bound(merged.begin(), merged.end(), a,
                                       [](Instant t, const std::pair<Instant, Instant>& m) { return t < m.first; });
            bool inside = it != merged.begin() && std::prev(it)->second >= b && a < b;
            if (inside) continue;
            // Does it touch any week at all?
            auto first_after = std::upper_bound(merged.begin(), merged.end(), a,
                                                [](Instant t, const std::pair<Instant, Instant>& m) { return t < m.second; });
            bool touches = first_after != merged.end() && first_after->first < b;
            add("override-outside", Severity::Error, std::nullopt, {o.person}, std::nullopt,
                "The " + std::string(roleText(o.role)) + " override for " + name(o.person) + " from " +
                    localText(zone_, a) + " to " + localText(zone_, b) + " lies " + (touches ? "partly " : "") +
                    "outside the plan's weeks");
        }
    }

    // -- fairness -----------------------------------------------------------------------
    void ruleFairness() {
        std::unordered_map<std::string, std::size_t> slot;
        std::vector<const Person*> pool;
        // People leaving the pool during the plan (inactive_from on or before its last
        // week) are left out: their counts cover fewer weeks and are not comparable.
        std::optional<Date> last_week;
        for (const Week& w : plan_.weeks)
            if (!last_week || w.start > *last_week) last_week = w.start;
        for (const Person& p : plan_.people)
            if (inPool(p) && !(p.inactive_from && (!last_week || *p.inactive_from <= *last_week)) &&
                !slot.count(p.id)) {
                slot.emplace(p.id, pool.size());
                pool.push_back(&p);
            }
        if (pool.size() < 2) return;
        std::vector<int> primary(pool.size(), 0), secondary(pool.size(), 0);
        for (const Week& w : plan_.weeks) {
            if (w.primary) {
                auto it = slot.find(*w.primary);
                if (it != slot.end()) ++primary[it->second];
            }
            if (w.secondary) {
                auto it = slot.find(*w.secondary);
                if (it != slot.end()) ++secondary[it->second];
            }
        }
        std::vector<std::string> parts;
        auto judge = [&](const std::vector<int>& counts, const char* label) {
            std::size_t hi = 0, lo = 0;
            for (std::size_t k = 1; k < counts.size(); ++k) {
                if (counts[k] > counts[hi]) hi = k;
                if (counts[k] < counts[lo]) lo = k;
            }
            if (counts[hi] - counts[lo] <= 1) return;
            parts.push_back(std::string(label) + " weeks are uneven: " + pool[hi]->name + " has " +
                            std::to_string(counts[hi]) + ", " + pool[lo]->name + " has " + std::to_string(counts[lo]));
        };
        judge(primary, "primary");
        judge(secondary, "secondary");
        if (parts.empty()) return;
        std::string msg;
        for (std::size_t k = 0; k < parts.size(); ++k) msg += (k ? "; " : "") + parts[k];
        msg[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(msg[0])));
        add("fairness", Severity::Warning, std::nullopt, {}, std::nullopt, msg);
    }

    // -- escalation-on-call (Rotaplan's own, issue 12) -------------------------------------
    // The escalation contact would be paged twice: also primary or secondary in the week.
    void ruleEscalationOnCall() {
        std::vector<std::vector<const Shift*>> by_week(plan_.weeks.size());
        for (const Shift& s : shifts_)
            if (s.role != Role::Shadow) by_week[static_cast<std::size_t>(s.week)].push_back(&s);
        for (std::size_t i = 0; i < plan_.weeks.size(); ++i) {
            const auto& contact = escalationOf(plan_.weeks[i]);
            if (!contact) continue;
            bool primary = false, secondary = false;
            for (const Shift* s : by_week[i])
                if (s->person == *contact) (s->role == Role::Primary ? primary : secondary) = true;
            if (!primary && !secondary) continue;
            std::vector<std::string> roles;
            if (primary) roles.push_back("primary");
            if (secondary) roles.push_back("secondary");
            add("escalation-on-call", Severity::Warning, plan_.weeks[i].start, {*contact}, std::nullopt,
                name(*contact) + ", the escalation contact of " + weekText(static_cast<int>(i)) + ", is also " +
                    joinAnd(roles) + " in that week and would be paged twice");
        }
    }

    // -- not-ready (changes.md) ------------------------------------------------------------
    void ruleNotReady() {
        if (!plan_.policy.readiness) return;
        const ReadinessIndex readiness(plan_);
        // (week index, person) -> roles, in the order primary, secondary.
        std::map<std::pair<int, std::string>, std::vector<std::string>> held;
        for (int pass = 0; pass < 2; ++pass) {
            const Role role = pass == 0 ? Role::Primary : Role::Secondary;
            for (const Shift& s : shifts_) {
                if (s.role != role || !person(s.person)) continue;
                auto& roles = held[{s.week, s.person}];
                if (roles.empty() || roles.back() != roleText(role)) roles.push_back(roleText(role));
            }
        }
        for (const auto& kv : held) {
            const Week& w = plan_.weeks[static_cast<std::size_t>(kv.first.first)];
            const Person& p = *person(kv.first.second);
            const ReadinessStatus st = readiness.status(p, w.start);
            if (st.ready) continue;
            add("not-ready", Severity::Error, w.start, {p.id}, std::nullopt,
                p.name + " is " + joinAnd(kv.second) + " in " + weekText(kv.first.first) + " but is not ready: " +
                    readinessGapText(st));
        }
    }

    // -- late-change, history-change (changes.md) -----------------------------------------
    // Each week is compared with the published snapshot (resolved primary and secondary,
    // escalation contact); only weeks intersecting the notice window or ended before today.
    struct RequestEdit {
        Date week;
        Duty role;
        const std::string* from;
        const std::string* to;
        const Request* request;
    };

    // The weeks the two rules must compare, resolved on both sides: those inside the
    // window or over whose written primary, secondary or escalation differ from the
    // snapshot (all of those in scope when the overrides differ, or a start date is listed
    // twice). Only they are resolved, so a long plan with a snapshot checks fast.
    void candidateWeeks(const NoticeWindow& window, std::vector<WeekDuties>& old_d, std::vector<WeekDuties>& new_d) {
        const Published& pub = *plan_.published;
        bool same_overrides = pub.overrides.size() == plan_.overrides.size();
        for (std::size_t k = 0; same_overrides && k < pub.overrides.size(); ++k) {
            const Override& a = pub.overrides[k];
            const Override& b = plan_.overrides[k];
            same_overrides = a.role == b.role && a.person == b.person && a.from.at == b.from.at && a.to.at == b.to.at;
        }
        const WeekIndex old_idx = [&] {
            WeekIndex idx;
            idx.reserve(pub.weeks.size());
            for (std::size_t i = 0; i < pub.weeks.size(); ++i) idx.emplace_back(pub.weeks[i].start, static_cast<int>(i));
            std::sort(idx.begin(), idx.end());
            return idx;
        }();
        const WeekIndex& new_idx = weeks_by_date_;
        auto esc = [&](const Week& w) { return w.escalation ? w.escalation : plan_.contacts.engineering_lead; };
        std::vector<int> old_pick, new_pick;
        std::size_t i = 0, j = 0;
        while (i < old_idx.size() || j < new_idx.size()) {
            const Date d = j >= new_idx.size() || (i < old_idx.size() && old_idx[i].first < new_idx[j].first)
                               ? old_idx[i].first
                               : new_idx[j].first;
            std::size_t i2 = i, j2 = j;
            while (i2 < old_idx.size() && old_idx[i2].first == d) ++i2;
            while (j2 < new_idx.size() && new_idx[j2].first == d) ++j2;
            Instant a, b;
            if (j2 > j) {
                a = spans_[static_cast<std::size_t>(new_idx[j].second)].start;
                b = spans_[static_cast<std::size_t>(new_idx[j].second)].end;
            } else {
                a = handoffInstant(plan_, d);
                b = handoffInstant(plan_, d + date::days{7});
            }
            const bool in_scope = window.intersects(a, b) || b <= window.from;
            bool differs = !same_overrides || i2 - i != 1 || j2 - j != 1;
            if (in_scope && !differs) {
                const Week& o = pub.weeks[static_cast<std::size_t>(old_idx[i].second)];
                const Week& n = plan_.weeks[static_cast<std::size_t>(new_idx[j].second)];
                differs = o.primary != n.primary || o.secondary != n.secondary || esc(o) != esc(n);
            }
            if (in_scope && differs) {
                for (std::size_t k = i; k < i2; ++k) old_pick.push_back(old_idx[k].second);
                for (std::size_t k = j; k < j2; ++k) new_pick.push_back(new_idx[k].second);
            }
            i = i2;
            j = j2;
        }
        if (old_pick.empty() && new_pick.empty()) return;
        // The snapshot's chosen weeks as a small plan of their own (each week's pieces depend
        // only on its span and the overrides).
        Plan old_side;
        old_side.team_timezone = plan_.team_timezone;
        old_side.policy = plan_.policy;
        old_side.contacts = plan_.contacts;
        for (int k : old_pick) old_side.weeks.push_back(pub.weeks[static_cast<std::size_t>(k)]);
        old_side.overrides = pub.overrides;
        old_d = weekDuties(old_side);
        // The plan's chosen weeks from the shifts already resolved.
        if (!new_pick.empty()) {
            Plan new_side;
            new_side.contacts = plan_.contacts;
            std::vector<WeekSpan> spans;
            std::vector<int> local(plan_.weeks.size(), -1);
            for (int k : new_pick) {
                local[static_cast<std::size_t>(k)] = static_cast<int>(new_side.weeks.size());
                new_side.weeks.push_back(plan_.weeks[static_cast<std::size_t>(k)]);
                spans.push_back(spans_[static_cast<std::size_t>(k)]);
            }
            std::vector<Shift> shifts;
            for (const Shift& sh : shifts_) {
                if (sh.week < 0 || local[static_cast<std::size_t>(sh.week)] < 0) continue;
                shifts.push_back(sh);
                shifts.back().week = local[static_cast<std::size_t>(sh.week)];
            }
            new_d = weekDuties(new_side, spans, shifts);
        }
    }

    void rulePublishedChanges() {
        if (!plan_.published || !options_.today) return;
        const Date today = *options_.today;
        const NoticeWindow window = noticeWindow(plan_, today);
        std::vector<WeekDuties> old_d, new_d;
        candidateWeeks(window, old_d, new_d);
        if (old_d.empty() && new_d.empty()) return;
        const std::string since = dateText(plan_.published->at);

        std::vector<RequestEdit> edits;  // from applied requests, sorted by week
        for (const Request& r : plan_.requests) {
            if (r.status != RequestStatus::Applied) continue;
            if (r.role != Role::Primary && r.role != Role::Secondary) continue;
            auto duty = [](Role role) { return role == Role::Primary ? Duty::Primary : Duty::Secondary; };
            edits.push_back({r.week, duty(r.role), &r.by, &r.with, &r});
            if (r.type == RequestType::Swap && requestWithRole(r) != Role::Shadow)
                edits.push_back({requestWithWeek(r), duty(requestWithRole(r)), &r.with, &r.by, &r});
        }
        std::sort(edits.begin(), edits.end(), [](const RequestEdit& a, const RequestEdit& b) { return a.week < b.week; });

        auto judge = [&](const WeekDuties* o, const WeekDuties* n) {
            const WeekDuties& w = n ? *n : *o;
            const bool inside = window.intersects(w.span_start, w.span_end);
            const bool past = w.span_end <= window.from;
            if (!inside && !past) return;
            auto changes = diffWeek(o, n);
            std::vector<DutyChange> counted;
            for (DutyChange& c : changes)
                if (c.role != Duty::Shadow) counted.push_back(std::move(c));
            if (counted.empty()) return;
            std::vector<std::string> people, parts;
            for (const DutyChange& c : counted) {
                if (c.from) people.push_back(*c.from);
                if (c.to) people.push_back(*c.to);
            }
            const std::size_t shown = std::min<std::size_t>(counted.size(), 3);
            for (std::size_t k = 0; k < shown; ++k) parts.push_back(describeChange(plan_, counted[k]));
            std::string list;
            for (std::size_t k = 0; k < parts.size(); ++k) list += (k ? "; " : "") + parts[k];
            if (counted.size() > shown)
                list += " (and " + plural(static_cast<long long>(counted.size() - shown), "more change", "more changes") + ")";
            if (past) {
                add("history-change", Severity::Warning, w.start, people, std::nullopt,
                    "The week of " + dateText(w.start) + " ended before today (" + dateText(today) +
                        ") but differs from the rotation published on " + since + ": " + list);
                return;
            }
            // Explained changes: an applied request submitted at least change_notice_days
            // before the week (or an emergency request) describes exactly this stretch.
            auto range = std::equal_range(edits.begin(), edits.end(), RequestEdit{w.start, Duty::Primary, nullptr, nullptr, nullptr},
                                          [](const RequestEdit& a, const RequestEdit& b) { return a.week < b.week; });
            bool unexplained = false;
            std::vector<std::string> emergency_ids;
            for (const DutyChange& c : counted) {
                const Request* timely = nullptr;
                const Request* emergency = nullptr;
                for (auto it = range.first; it != range.second; ++it) {
                    if (it->role != c.role || !c.from || !c.to || *c.from != *it->from || *c.to != *it->to) continue;
                    const int days = static_cast<int>((w.start - it->request->submitted).count());
                    if (days >= plan_.policy.change_notice_days) timely = it->request;
                    else if (it->request->emergency && !emergency) emergency = it->request;
                }
                if (timely) continue;
                if (emergency) emergency_ids.push_back(emergency->id);
                else unexplained = true;
            }
            if (!unexplained && emergency_ids.empty()) return;
            std::sort(emergency_ids.begin(), emergency_ids.end());
            emergency_ids.erase(std::unique(emergency_ids.begin(), emergency_ids.end()), emergency_ids.end());
            std::string msg = "The week of " + dateText(w.start) + " is inside the " + std::to_string(window.days) +
                              "-day notice window but differs from the rotation published on " + since + ": " + list;
            Severity sev = Severity::Error;
            if (w.emergency) {
                sev = Severity::Warning;
                msg += "; allowed as an emergency week";
            } else if (!unexplained) {
                sev = Severity::Warning;
                msg += "; allowed as an emergency (" + joinAnd(emergency_ids) + ")";
            }
            add("late-change", sev, w.start, people, std::nullopt, msg);
        };

        std::size_t i = 0, j = 0;
        while (i < old_d.size() || j < new_d.size()) {
            if (j >= new_d.size() || (i < old_d.size() && old_d[i].start < new_d[j].start)) {
                judge(&old_d[i++], nullptr);
            } else if (i >= old_d.size() || new_d[j].start < old_d[i].start) {
                judge(nullptr, &new_d[j++]);
            } else {
                judge(&old_d[i], &new_d[j]);
                ++i, ++j;
            }
        }
    }
};

}  // namespace

Report check(const Plan& plan) { return Checker(plan, CheckOptions{}).run(); }
Report check(const Plan& plan, const CheckOptions& options) { return Checker(plan, options).run(); }

Json reportToJson(const Report& report) {
    Json j = Json::object();
    j["errors"] = report.errors;
    j["warnings"] = report.warnings;
    j["violations"] = Json::array();
    for (const Violation& v : report.violations) j["violations"].push_back(violationToJson(v));
    return j;
}

std::string reportToText(const Report& report) {
    std::string s;
    for (const Violation& v : report.violations) {
        char head[64];
        std::snprintf(head, sizeof head, "%-8s%-12s%-20s", severityName(v.severity),
                      v.week ? dateText(*v.week).c_str() : "-", v.rule.c_str());
        s += head;
        s += v.message;
        s += '\n';
    }
    s += plural(report.errors, "error", "errors") + ", " + plural(report.warnings, "warning", "warnings") + "\n";
    return s;
}

int exitCodeFor(const Report& report) { return report.errors > 0 ? 1 : 0; }

}  // namespace rp
