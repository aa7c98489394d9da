// Drafting (docs/drafting.md). See draft.hpp for the outline of the method.
//
// Words used below:
//  - pool: people with on_call true and trainee false, in `people` order (index = pool index)
//  - free week: a week the draft fills (from `from` on, or added by the draft, lacking a
//    primary or a secondary); its missing roles are "chosen", present ones "fixed"
//  - counted people of an assignment: the chosen people whose being on call counts for
//    the consecutive rule (the primary; the secondary too when no_consecutive is "any").
//    Fixed people are constants: they narrow the neighbours' domains once ("static").
//  - two free weeks are coupled when the later starts 7 days after the earlier and is
//    not an emergency week (consecutive is then a warning, not an error).
//  - blockers of a week: the minimal sets B (|B| <= 2) of people such that every valid
//    assignment of the week (one that keeps the later weeks completable) has a counted
//    person in B. The coupled week before may not have B among its own counted people.
#include "core/rules/draft.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/rules/check.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace rp {

namespace {

using Pair = std::pair<int, int>;

struct Iv {
    Instant a, b;
    int index = -1;   // into plan.time_off, -1 for an override piece
};

bool overlaps(Instant a1, Instant b1, Instant a2, Instant b2) { return a1 < b2 && a2 < b1; }

const Iv* firstOverlap(const std::vector<Iv>& xs, Instant a, Instant b) {
    for (const Iv& x : xs)
        if (overlaps(x.a, x.b, a, b)) return &x;
    return nullptr;
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::string joinAnd(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += i + 1 == parts.size() ? " and " : ", ";
        s += parts[i];
    }
    return s;
}

// ---- the per-week search domain and its two operations ------------------------------

struct Domain {
    bool choose_p = false, choose_s = false;
    bool any = true;             // the secondary counts for consecutive
    std::vector<int> p, s;       // candidate pool indexes, in pool order
    std::vector<Pair> banned;    // (a, b), a < b: {primary, secondary} may not be this pair
};

bool isBanned(const Domain& d, int p, int s) {
    const Pair k{std::min(p, s), std::max(p, s)};
    for (const Pair& b : d.banned)
        if (b == k) return true;
    return false;
}

// The counted chosen people of an assignment; returns how many (0..2).
int countedOf(const Domain& d, const Pair& a, int out[2]) {
    int n = 0;
    if (d.choose_p && a.first >= 0) out[n++] = a.first;
    if (d.any && d.choose_s && a.second >= 0) out[n++] = a.second;
    return n;
}

bool inList(const int* k, int nk, int x) {
    for (int i = 0; i < nk; ++i)
        if (k[i] == x) return true;
    return false;
}

// Some valid assignment none of whose counted people is in K (K: nk <= 2 people).
// Fast: each loop skips at most |K| + 1 + |banned| values before it succeeds.
std::optional<Pair> findAssignment(const Domain& d, const int* k, int nk) {
    if (d.choose_p && d.choose_s) {
        for (int p : d.p) {
            if (inList(k, nk, p)) continue;
            for (int s : d.s) {
                if (s == p || (d.any && inList(k, nk, s)) || isBanned(d, p, s)) continue;
                return Pair{p, s};
            }
        }
        return std::nullopt;
    }
    if (d.choose_p) {
        for (int p : d.p)
            if (!inList(k, nk, p)) return Pair{p, -1};
        return std::nullopt;
    }
    if (d.choose_s) {
        for (int s : d.s)
            if (!d.any || !inList(k, nk, s)) return Pair{-1, s};
        return std::nullopt;
    }
    return Pair{-1, -1};
}

struct Blockers {
    std::vector<int> singles;
    std::vector<Pair> pairs;   // (a, b), a < b; neither a nor b is a single
};

// All minimal vertex covers of size <= max_size of the week's assignments (seen as the
// sets of their counted people), by the bounded search tree: a cover holds one counted
// person of any assignment e1, and then one of any assignment e2 avoiding it.
Blockers computeBlockers(const Domain& d, int max_size) {
    Blockers b;
    auto e1 = findAssignment(d, nullptr, 0);
    if (!e1) return b;
    int c1[2];
    const int n1 = countedOf(d, *e1, c1);
    for (int i = 0; i < n1; ++i)
        if (!findAssignment(d, &c1[i], 1)) b.singles.push_back(c1[i]);
    if (max_size < 2) return b;
    auto single = [&](int x) { return std::find(b.singles.begin(), b.singles.end(), x) != b.singles.end(); };
    for (int i = 0; i < n1; ++i) {
        const int x = c1[i];
        if (single(x)) continue;
        auto e2 = findAssignment(d, &x, 1);
        if (!e2) continue;
        int c2[2];
        const int n2 = countedOf(d, *e2, c2);
        for (int j = 0; j < n2; ++j) {
            const int y = c2[j];
            if (y == x || single(y)) continue;
            const int k[2] = {x, y};
            if (findAssignment(d, k, 2)) continue;
            const Pair pr{std::min(x, y), std::max(x, y)};
            if (std::find(b.pairs.begin(), b.pairs.end(), pr) == b.pairs.end()) b.pairs.push_back(pr);
        }
    }
    return b;
}

// Removes the blockers of the next week from this week's domain: a single may not be a
// counted person here, a pair may not be this week's counted pair.
void applyBlockers(Domain& d, const Blockers& next) {
    if (next.singles.empty() && next.pairs.empty()) return;
    auto drop = [&](std::vector<int>& v) {
        v.erase(std::remove_if(v.begin(), v.end(),
                               [&](int x) {
                                   return std::find(next.singles.begin(), next.singles.end(), x) !=
                                          next.singles.end();
                               }),
                v.end());
    };
    if (d.choose_p) drop(d.p);
    if (d.choose_s && d.any) drop(d.s);
    if (d.choose_p && d.choose_s && d.any)
        for (const Pair& pr : next.pairs) d.banned.push_back(pr);
}

// ---- the drafter -----------------------------------------------------------------------

struct FreeWeek {
    int wi = -1;                 // index into plan.weeks
    Date start;
    bool emergency = false;
    bool choose_p = false, choose_s = false;
    int fixed_p = -1, fixed_s = -1;     // pool index of a fixed person, -1 when none or not in the pool
    int prev = -1, next = -1;           // coupled free weeks (index into free weeks)
    std::vector<int> forbid_before, forbid_after;  // static: fixed counted people of neighbours
    std::vector<int> soft;              // people to avoid if possible (emergency-relaxed neighbours)
    int chosen_p = -1, chosen_s = -1;
};

struct Failure {
    Date week;
    std::string rule, text;
};

class Drafter {
public:
    Drafter(const Plan& plan, const DraftOptions& options) : in_(plan), opt_(options) {}

    // Runs up to `weeks` weeks of the backward or forward pass (the set-up and the
    // finish count as one step each); true once the result is ready.
    bool step(int weeks) {
        switch (stage_) {
        case Stage::Start:
            res_.plan = in_;
            if (!prepareWeeks()) return finish(std::nullopt, false);
            if (free_.empty()) return finish(std::nullopt, true);
            setup();
            if (auto f = localFailure()) return finish(f, false);
            backwardBegin();
            next_ = static_cast<int>(free_.size()) - 1;
            stage_ = Stage::Backward;
            return false;
        case Stage::Backward:
            for (int i = 0; i < weeks && next_ >= 0; ++i, --next_)
                if (auto f = backwardWeek(next_)) return finish(f, false);
            if (next_ < 0) {
                forwardBegin();
                next_ = 0;
                stage_ = Stage::Forward;
            }
            return false;
        case Stage::Forward:
            for (int i = 0; i < weeks && next_ < static_cast<int>(free_.size()); ++i, ++next_) {
                forwardWeek(next_);
                if (internal_) return finish(internal_, false);
            }
            if (next_ >= static_cast<int>(free_.size())) stage_ = Stage::Finish;
            return false;
        case Stage::Finish:
            placeShadows();
            writeBack();
            if (auto f = verify()) return finish(f, false);
            return finish(std::nullopt, true);
        case Stage::Done: return true;
        }
        return true;
    }
    bool done() const { return stage_ == Stage::Done; }
    // Share of the work done, 0..1: the two passes are most of it, a week each.
    double progress() const {
        const double F = static_cast<double>(std::max<std::size_t>(free_.size(), 1));
        switch (stage_) {
        case Stage::Start: return 0.0;
        case Stage::Backward: return 0.05 + 0.4 * (F - 1 - next_) / F;
        case Stage::Forward: return 0.45 + 0.4 * next_ / F;
        case Stage::Finish: return 0.85;
        case Stage::Done: return 1.0;
        }
        return 1.0;
    }
    DraftResult take() { return std::move(res_); }

private:
    enum class Stage { Start, Backward, Forward, Finish, Done };
    Stage stage_ = Stage::Start;
    int next_ = 0;   // the next free week of the pass under way

    // Ends the run: a failure, or the plan as it stands (ok: the status is Ok; otherwise
    // prepareWeeks has set the status and message of a bad input).
    bool finish(const std::optional<Failure>& failure, bool ok) {
        if (failure) fail(*failure);
        else if (ok) res_.status = DraftStatus::Ok;
        stage_ = Stage::Done;
        return true;
    }

    const Plan& in_;
    DraftOptions opt_;
    DraftResult res_;
    std::optional<Failure> internal_;
    Plan& plan() { return res_.plan; }

    bool any_ = true;
    std::vector<const Person*> pool_;
    std::unordered_map<std::string, int> pool_index_;
    std::unordered_map<std::string, std::vector<Iv>> time_off_;   // known people only
    std::vector<WeekSpan> spans_;
    std::vector<std::pair<Date, int>> by_date_;                   // (start, plan week index), sorted
    std::vector<FreeWeek> free_;
    std::unordered_map<int, int> free_of_week_;                   // plan week index -> free index
    std::vector<char> avail_p_, avail_s_;                         // [k * n + x]
    std::vector<Domain> dom_;                                     // after static forbids and blockers
    std::vector<Blockers> blockers_;

    int n() const { return static_cast<int>(pool_.size()); }
    std::string nameOf(const std::string& id) const { return in_.nameOf(id); }
    std::string poolName(int x) const { return pool_[x]->name; }

    void fail(const Failure& f) {
        res_.status = DraftStatus::Infeasible;
        res_.week = f.week;
        res_.rule = f.rule;
        res_.message = "week of " + formatDate(f.week) + ": " + f.text + " (rule " + f.rule + ")";
        res_.plan = in_;
        res_.fills.clear();
        res_.escalation_to_cto.clear();
        res_.weeks_added = res_.weeks_filled = 0;
    }
    bool badInput(const std::string& message) {
        res_.status = DraftStatus::BadInput;
        res_.message = message;
        res_.plan = in_;
        return false;
    }

    std::vector<int> weeksOn(Date d) const {
        std::vector<int> out;
        auto it = std::lower_bound(by_date_.begin(), by_date_.end(), std::make_pair(d, -1));
        for (; it != by_date_.end() && it->first == d; ++it) out.push_back(it->second);
        return out;
    }

    // -- weeks: add them (--weeks), pick the free ones ------------------------------------
    bool prepareWeeks() {
        Plan& p = plan();
        const std::size_t original = p.weeks.size();
        std::optional<Date> from = opt_.from;
        if (!from && !p.weeks.empty()) {
            from = p.weeks[0].start;
            for (const Week& w : p.weeks) from = std::min(*from, w.start);
        }
        if (opt_.weeks) {
            const int want = *opt_.weeks;
            if (want < 1) return badInput("--weeks must be at least 1");
            if (!from) return badInput("the plan has no weeks: give --from DATE for the first one");
            const int handoff = p.policy.handoff_weekday;
            if (p.weeks.empty()) {
                const int wd = static_cast<int>(date::weekday{*from}.c_encoding());
                const Date first = *from + date::days{(handoff - wd + 7) % 7};
                if (want > kMaxDraftAddedWeeks)
                    return badInput("--weeks " + std::to_string(want) + " would add more than " +
                                    std::to_string(kMaxDraftAddedWeeks) + " weeks");
                for (int i = 0; i < want; ++i) {
                    Week w;
                    w.start = first + date::days{7 * i};
                    p.weeks.push_back(w);
                }
            } else {
                Date last = p.weeks[0].start;
                for (const Week& w : p.weeks) last = std::max(last, w.start);
                const int wd = static_cast<int>(date::weekday{last}.c_encoding());
                if (wd != handoff)
                    return badInput("the last week, of " + formatDate(last) + ", does not start on the handoff day (" +
                                    weekdayName(handoff) + "); fix it (rule week-order) before adding weeks");
                int have = 0;
                for (const Week& w : p.weeks)
                    if (w.start >= *from) ++have;
                Date next = last + date::days{7};
                int added = 0;
                while (have < want) {
                    if (++added > kMaxDraftAddedWeeks)
                        return badInput("--weeks " + std::to_string(want) + " from " + formatDate(*from) +
                                        " would add more than " + std::to_string(kMaxDraftAddedWeeks) + " weeks");
                    Week w;
                    w.start = next;
                    p.weeks.push_back(w);
                    if (next >= *from) ++have;
                    next += date::days{7};
                }
            }
        }
        res_.weeks_added = static_cast<int>(p.weeks.size() - original);

        for (std::size_t i = 0; i < p.weeks.size(); ++i) by_date_.emplace_back(p.weeks[i].start, static_cast<int>(i));
        std::sort(by_date_.begin(), by_date_.end());

        any_ = p.policy.no_consecutive == NoConsecutive::Any;
        for (const Person& person : p.people)
            if (person.on_call && !person.trainee && !pool_index_.count(person.id)) {
                pool_index_.emplace(person.id, n());
                pool_.push_back(&person);
            }
        for (std::size_t i = 0; i < p.weeks.size(); ++i) {
            const Week& w = p.weeks[i];
            const bool in_range = i >= original || (from && w.start >= *from);
            if (!in_range || (w.primary && w.secondary)) continue;
            if (weeksOn(w.start).size() > 1)
                return badInput("the week of " + formatDate(w.start) +
                                " is listed twice; fix it (rule week-order) before drafting");
            FreeWeek f;
            f.wi = static_cast<int>(i);
            f.start = w.start;
            f.emergency = w.emergency;
            f.choose_p = !w.primary;
            f.choose_s = !w.secondary;
            f.fixed_p = w.primary ? poolIdx(*w.primary) : -1;
            f.fixed_s = w.secondary ? poolIdx(*w.secondary) : -1;
            free_.push_back(std::move(f));
        }
        std::sort(free_.begin(), free_.end(), [](const FreeWeek& a, const FreeWeek& b) { return a.start < b.start; });
        for (std::size_t k = 0; k < free_.size(); ++k) free_of_week_[free_[k].wi] = static_cast<int>(k);
        res_.weeks_filled = static_cast<int>(free_.size());
        return true;
    }

    int poolIdx(const std::string& id) const {
        auto it = pool_index_.find(id);
        return it == pool_index_.end() ? -1 : it->second;
    }

    // The fixed counted people of a plan week (pool indexes).
    std::vector<int> fixedCounted(int wi) const {
        std::vector<int> out;
        const Week& w = res_.plan.weeks[wi];
        auto f = free_of_week_.find(wi);
        const bool fixed_p = f == free_of_week_.end() || !free_[f->second].choose_p;
        const bool fixed_s = f == free_of_week_.end() || !free_[f->second].choose_s;
        if (fixed_p && w.primary) {
            int x = poolIdx(*w.primary);
            if (x >= 0) out.push_back(x);
        }
        if (any_ && fixed_s && w.secondary) {
            int x = poolIdx(*w.secondary);
            if (x >= 0) out.push_back(x);
        }
        return out;
    }

    // -- spans, time off, availability, static forbids ---------------------------------------
    void setup() {
        const Plan& p = plan();
        const date::time_zone* zone = findZone(p.team_timezone);
        if (!zone) zone = findZone("UTC");
        spans_ = weekSpans(p);
        for (std::size_t i = 0; i < p.time_off.size(); ++i) {
            const TimeOff& t = p.time_off[i];
            if (!p.findPerson(t.person)) continue;
            const Instant a = dayStart(zone, t.from), b = dayStart(zone, t.to + date::days{1});
            if (a < b) time_off_[t.person].push_back({a, b, static_cast<int>(i)});
        }

        const int F = static_cast<int>(free_.size());
        for (int k = 0; k + 1 < F; ++k)
            if (free_[k + 1].start == free_[k].start + date::days{7} && !free_[k + 1].emergency) {
                free_[k].next = k + 1;
                free_[k + 1].prev = k;
            }

        // Own pieces of each role (the week span minus the role's override pieces) and the
        // override pieces, for the free weeks that have overrides.
        std::unordered_map<int, std::vector<Shift>> override_pieces;  // free index -> pieces
        if (!p.overrides.empty()) {
            for (const Shift& s : resolveShifts(p, spans_)) {
                if (!s.from_override) continue;
                auto f = free_of_week_.find(s.week);
                if (f != free_of_week_.end()) override_pieces[f->second].push_back(s);
            }
        }
        auto ownPieces = [&](int k, Role role) {
            const WeekSpan& span = spans_[free_[k].wi];
            std::vector<Iv> own{{span.start, span.end, -1}};
            auto it = override_pieces.find(k);
            if (it == override_pieces.end()) return own;
            for (const Shift& s : it->second) {
                if (s.role != role) continue;
                std::vector<Iv> kept;
                for (const Iv& o : own) {
                    if (!overlaps(o.a, o.b, s.start, s.end)) {
                        kept.push_back(o);
                        continue;
                    }
                    if (o.a < s.start) kept.push_back({o.a, s.start, -1});
                    if (s.end < o.b) kept.push_back({s.end, o.b, -1});
                }
                own.swap(kept);
            }
            return own;
        };

        const int N = n();
        avail_p_.assign(static_cast<std::size_t>(F) * N, 1);
        avail_s_.assign(static_cast<std::size_t>(F) * N, 1);
        std::vector<Instant> starts(F), ends(F);
        for (int k = 0; k < F; ++k) starts[k] = spans_[free_[k].wi].start, ends[k] = spans_[free_[k].wi].end;
        // Free weeks are sorted by start, so their span starts and ends are sorted too.
        for (int x = 0; x < N; ++x) {
            auto it = time_off_.find(pool_[x]->id);
            if (it == time_off_.end()) continue;
            for (const Iv& iv : it->second) {
                int k = static_cast<int>(std::upper_bound(ends.begin(), ends.end(), iv.a) - ends.begin());
                for (; k < F && starts[k] < iv.b; ++k) {
                    const WeekSpan& span = spans_[free_[k].wi];
                    if (!overlaps(span.start, span.end, iv.a, iv.b)) continue;
                    const bool has_overrides = override_pieces.count(k) > 0;
                    for (Role role : {Role::Primary, Role::Secondary}) {
                        bool clash = true;
                        if (has_overrides) {
                            clash = false;
                            for (const Iv& o : ownPieces(k, role))
                                if (overlaps(o.a, o.b, iv.a, iv.b)) clash = true;
                        }
                        if (clash) (role == Role::Primary ? avail_p_ : avail_s_)[std::size_t(k) * N + x] = 0;
                    }
                }
            }
        }
        // Someone with an override of one role may not take the other role where they meet.
        for (const auto& kv : override_pieces) {
            const int k = kv.first;
            for (const Shift& s : kv.second) {
                const int x = poolIdx(s.person);
                if (x < 0) continue;
                const Role other = s.role == Role::Primary ? Role::Secondary : Role::Primary;
                for (const Iv& o : ownPieces(k, other))
                    if (overlaps(o.a, o.b, s.start, s.end))
                        (other == Role::Primary ? avail_p_ : avail_s_)[std::size_t(k) * N + x] = 0;
            }
        }

        // Static forbids from the neighbours' fixed people, and soft ones.
        for (int k = 0; k < F; ++k) {
            FreeWeek& f = free_[k];
            for (int wi : weeksOn(f.start - date::days{7})) {
                for (int x : fixedCounted(wi)) (f.emergency ? f.soft : f.forbid_before).push_back(x);
            }
            for (int wi : weeksOn(f.start + date::days{7})) {
                for (int x : fixedCounted(wi)) (res_.plan.weeks[wi].emergency ? f.soft : f.forbid_after).push_back(x);
            }
        }
    }

    Domain baseDomain(int k, bool forbid_before, bool forbid_after) const {
        const FreeWeek& f = free_[k];
        const int N = n();
        Domain d;
        d.choose_p = f.choose_p;
        d.choose_s = f.choose_s;
        d.any = any_;
        auto forbidden = [&](int x) {
            return (forbid_before && std::find(f.forbid_before.begin(), f.forbid_before.end(), x) != f.forbid_before.end()) ||
                   (forbid_after && std::find(f.forbid_after.begin(), f.forbid_after.end(), x) != f.forbid_after.end());
        };
        if (f.choose_p)
            for (int x = 0; x < N; ++x)
                if (avail_p_[std::size_t(k) * N + x] && x != f.fixed_s && !forbidden(x)) d.p.push_back(x);
        if (f.choose_s)
            for (int x = 0; x < N; ++x)
                if (avail_s_[std::size_t(k) * N + x] && x != f.fixed_p && !(any_ && forbidden(x))) d.s.push_back(x);
        return d;
    }

    // -- failures that one week shows on its own (escalation, availability, fixed neighbours)
    std::string timeOffText(const Iv& iv) const {
        const TimeOff& t = res_.plan.time_off[iv.index];
        return t.from == t.to ? "time off on " + formatDate(t.from)
                              : "time off from " + formatDate(t.from) + " to " + formatDate(t.to);
    }
    const Iv* offDuring(const std::string& id, int wi) const {
        auto it = time_off_.find(id);
        if (it == time_off_.end()) return nullptr;
        return firstOverlap(it->second, spans_[wi].start, spans_[wi].end);
    }

    std::optional<Failure> escalation(int k) {
        FreeWeek& f = free_[k];
        Week& w = plan().weeks[f.wi];
        const Plan& p = plan();
        const std::optional<std::string> contact = w.escalation ? w.escalation : p.contacts.engineering_lead;
        std::string why;
        if (!contact)
            why = "the week names no escalation contact and contacts.engineering_lead is not set";
        else if (!p.findPerson(*contact))
            why = "the escalation contact " + *contact + " is not in people";
        else if (const Iv* off = offDuring(*contact, f.wi))
            why = "the escalation contact " + nameOf(*contact) + " has " + timeOffText(*off);
        else
            return std::nullopt;
        const auto& cto = p.contacts.cto;
        if (cto && p.findPerson(*cto) && !offDuring(*cto, f.wi)) {
            w.escalation = *cto;
            res_.escalation_to_cto.push_back(f.start);
            return std::nullopt;
        }
        if (!cto)
            why += ", and contacts.cto is not set";
        else if (!p.findPerson(*cto))
            why += ", and the CTO, " + *cto + ", is not in people";
        else
            why += ", and the CTO, " + nameOf(*cto) + ", has " + timeOffText(*offDuring(*cto, f.wi)) + " too";
        return Failure{f.start, "escalation-contact", why};
    }

    std::string names(std::vector<int> xs) const {
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
        std::vector<std::string> parts;
        const std::size_t shown = xs.size() > 5 ? 4 : xs.size();
        for (std::size_t i = 0; i < shown; ++i) parts.push_back(poolName(xs[i]));
        if (shown < xs.size()) parts.push_back(std::to_string(xs.size() - shown) + " others");
        return joinAnd(parts);
    }

    std::string need(const FreeWeek& f) const {
        const Week& w = res_.plan.weeks[f.wi];
        if (f.choose_p && f.choose_s) return "for a primary and a secondary";
        if (f.choose_p) return "as primary besides " + nameOf(*w.secondary) + " (the secondary)";
        return "as secondary besides " + nameOf(*w.primary) + " (the primary)";
    }

    std::optional<Failure> localFailure() {
        const int F = static_cast<int>(free_.size());
        if (n() < 2) {
            std::string text = pool_.empty() ? "the rotation pool is empty (nobody is on call and not a trainee)"
                                             : "the rotation pool has only 1 person (" + poolName(0) + ")";
            return Failure{free_[0].start, "min-engineers", text + "; at least 2 are needed"};
        }
        for (int k = 0; k < F; ++k) {
            if (auto e = escalation(k)) return e;
            const FreeWeek& f = free_[k];
            Domain d1 = baseDomain(k, false, false);
            if (!findAssignment(d1, nullptr, 0)) {
                std::vector<int> avail(d1.p);
                avail.insert(avail.end(), d1.s.begin(), d1.s.end());
                std::sort(avail.begin(), avail.end());
                avail.erase(std::unique(avail.begin(), avail.end()), avail.end());
                std::string text;
                if (f.choose_p && f.choose_s && avail.size() < 2)
                    text = avail.empty() ? "none of the " + std::to_string(n()) + " people in the rotation pool is available"
                                         : "only 1 of the " + std::to_string(n()) +
                                               " people in the rotation pool is available (" + names(avail) + ")";
                else if (f.choose_p && f.choose_s)
                    text = std::string("nobody in the rotation pool is available as ") +
                           (d1.p.empty() ? "primary" : "secondary");
                else
                    text = "nobody in the rotation pool is available " + need(f);
                return Failure{f.start, "min-engineers", text};
            }
            Domain d2 = baseDomain(k, true, true);
            if (!findAssignment(d2, nullptr, 0)) {
                const bool before_alone = !findAssignment(baseDomain(k, true, false), nullptr, 0);
                const bool after_alone = !before_alone && !findAssignment(baseDomain(k, false, true), nullptr, 0);
                const char* verb = any_ ? "on call" : "primary";
                auto relevant = [&](const std::vector<int>& xs) {
                    std::vector<int> out;
                    for (int x : xs)
                        if (std::find(d1.p.begin(), d1.p.end(), x) != d1.p.end() ||
                            std::find(d1.s.begin(), d1.s.end(), x) != d1.s.end())
                            out.push_back(x);
                    return out;
                };
                std::vector<std::string> parts;
                auto side = [&](const std::vector<int>& xs, Date d) {
                    auto r = relevant(xs);
                    if (!r.empty()) parts.push_back(names(r) + " (" + verb + " in the week of " + formatDate(d) + ")");
                };
                if (!after_alone) side(f.forbid_before, f.start - date::days{7});
                if (!before_alone) side(f.forbid_after, f.start + date::days{7});
                return Failure{f.start, "consecutive",
                               "without " + joinAnd(parts) + ", too few people of the rotation pool are available " +
                                   need(f)};
            }
        }
        return std::nullopt;
    }

    // -- backward pass: domains with the next week's blockers applied; blockers ---------------
    void backwardBegin() {
        const int F = static_cast<int>(free_.size());
        dom_.resize(F);
        blockers_.resize(F);
    }
    // The backward pass for free week k (from the last to the first).
    std::optional<Failure> backwardWeek(int k) {
        Domain d = baseDomain(k, true, true);
        if (free_[k].next >= 0) applyBlockers(d, blockers_[free_[k].next]);
        if (!findAssignment(d, nullptr, 0)) {
            const Date nx = free_[k].start + date::days{7};
            return Failure{free_[k].start, "consecutive",
                           std::string("whoever is ") + (any_ ? "on call" : "primary") +
                               " this week, the week of " + formatDate(nx) +
                               " cannot be filled without someone " + (any_ ? "on call" : "primary") +
                               " two weeks in a row"};
        }
        if (free_[k].prev >= 0) blockers_[k] = computeBlockers(d, any_ ? 2 : 1);
        dom_[k] = std::move(d);
        return std::nullopt;
    }

    // -- forward pass: the best reachable assignment, week by week -----------------------------
    struct Key {
        int soft;
        int role_count;
        int urgency;
        int total;
        long long neg_rest;
        std::uint64_t rank;
        bool operator<(const Key& o) const {
            return std::tie(soft, role_count, urgency, total, neg_rest, rank) <
                   std::tie(o.soft, o.role_count, o.urgency, o.total, o.neg_rest, o.rank);
        }
    };

    // The forward pass keeps its state here so that it can run a few weeks at a time.
    struct ForwardState {
        std::vector<int> count_p, count_s;
        std::vector<std::vector<Date>> fixed_dates;   // counted-role dates not drafted
        std::vector<Date> last_drafted;
        std::vector<std::uint64_t> rank;
        std::vector<int> pre_p, pre_s;                // chances: prefix counts of the weeks in which a person may take a role
        std::vector<std::pair<Key, int>> cp, cs;
    };
    ForwardState fw_;

    void forwardBegin() {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        const Plan& p = plan();
        ForwardState& s = fw_;
        s.count_p.assign(N, 0);
        s.count_s.assign(N, 0);
        s.fixed_dates.assign(N, {});
        for (const Week& w : p.weeks) {
            if (w.primary) {
                int x = poolIdx(*w.primary);
                if (x >= 0) ++s.count_p[x], s.fixed_dates[x].push_back(w.start);
            }
            if (w.secondary) {
                int x = poolIdx(*w.secondary);
                if (x >= 0) ++s.count_s[x], s.fixed_dates[x].push_back(w.start);
            }
        }
        for (auto& v : s.fixed_dates) std::sort(v.begin(), v.end());
        s.last_drafted.assign(N, Date::min());
        s.rank.resize(N);
        for (int x = 0; x < N; ++x) s.rank[x] = opt_.seed == 0 ? std::uint64_t(x) : splitmix64(opt_.seed * 0x100000001b3ULL + std::uint64_t(x));
        s.pre_p.assign(std::size_t(F + 1) * N, 0);
        s.pre_s.assign(std::size_t(F + 1) * N, 0);
        for (int k = 0; k < F; ++k) {
            for (int x = 0; x < N; ++x) {
                s.pre_p[std::size_t(k + 1) * N + x] = s.pre_p[std::size_t(k) * N + x];
                s.pre_s[std::size_t(k + 1) * N + x] = s.pre_s[std::size_t(k) * N + x];
            }
            for (int x : dom_[k].p) ++s.pre_p[std::size_t(k + 1) * N + x];
            for (int x : dom_[k].s) ++s.pre_s[std::size_t(k + 1) * N + x];
        }
    }

    // Days from d to the nearest week of x's (fixed or drafted so far).
    long long restOf(int x, Date d) const {
        long long best = std::numeric_limits<long long>::max() / 4;
        const auto& v = fw_.fixed_dates[x];
        auto it = std::lower_bound(v.begin(), v.end(), d);
        if (it != v.end()) best = std::min<long long>(best, (*it - d).count());
        if (it != v.begin()) best = std::min<long long>(best, (d - *std::prev(it)).count());
        if (fw_.last_drafted[x] != Date::min()) best = std::min<long long>(best, (d - fw_.last_drafted[x]).count());
        return best;
    }
    // How many people share the lowest count of a role: the length of the current round.
    static int roundLength(const std::vector<int>& counts) {
        int lo = *std::min_element(counts.begin(), counts.end());
        return static_cast<int>(std::count(counts.begin(), counts.end(), lo));
    }

    // The forward pass for free week k (in order): the best reachable assignment.
    void forwardWeek(int k) {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        ForwardState& s = fw_;
        FreeWeek& f = free_[k];
        const Domain& d = dom_[k];
        int hard[2], nh = 0;
        if (f.prev >= 0) {
            const FreeWeek& pw = free_[f.prev];
            if (pw.choose_p) hard[nh++] = pw.chosen_p;
            if (any_ && pw.choose_s) hard[nh++] = pw.chosen_s;
        }
        std::vector<int> soft = f.soft;
        if (f.emergency && k > 0 && free_[k - 1].start == f.start - date::days{7}) {
            const FreeWeek& pw = free_[k - 1];
            if (pw.choose_p) soft.push_back(pw.chosen_p);
            if (any_ && pw.choose_s) soft.push_back(pw.chosen_s);
        }
        auto isSoft = [&](int x) { return std::find(soft.begin(), soft.end(), x) != soft.end() ? 1 : 0; };
        auto build = [&](const std::vector<int>& cand, bool counted, const std::vector<int>& counts,
                         const std::vector<int>& pre, std::vector<std::pair<Key, int>>& out) {
            out.clear();
            const int window = std::min(F, k + roundLength(counts));
            for (int x : cand) {
                if (counted && inList(hard, nh, x)) continue;
                Key key{counted ? isSoft(x) : 0,
                        counts[x],
                        pre[std::size_t(window) * N + x] - pre[std::size_t(k) * N + x],
                        s.count_p[x] + s.count_s[x],
                        -restOf(x, f.start),
                        s.rank[x]};
                out.emplace_back(key, x);
            }
            std::sort(out.begin(), out.end());
        };
        if (f.choose_p) build(d.p, true, s.count_p, s.pre_p, s.cp);
        if (f.choose_s) build(d.s, any_, s.count_s, s.pre_s, s.cs);

        bool done = false;
        if (f.choose_p && f.choose_s) {
            for (std::size_t i = 0; i < s.cp.size() && !done; ++i)
                for (std::size_t j = 0; j < s.cs.size(); ++j) {
                    const int x = s.cp[i].second, y = s.cs[j].second;
                    if (x == y || isBanned(d, x, y)) continue;
                    f.chosen_p = x;
                    f.chosen_s = y;
                    done = true;
                    break;
                }
        } else if (f.choose_p) {
            if (!s.cp.empty()) f.chosen_p = s.cp[0].second, done = true;
        } else if (!s.cs.empty()) {
            f.chosen_s = s.cs[0].second, done = true;
        }
        if (!done) {   // cannot happen: the backward pass proved that a choice exists
            internal_ = Failure{f.start, "min-engineers", "internal error: no assignment left for this week"};
            return;
        }
        if (f.chosen_p >= 0) ++s.count_p[f.chosen_p], s.last_drafted[f.chosen_p] = f.start;
        if (f.chosen_s >= 0) ++s.count_s[f.chosen_s], s.last_drafted[f.chosen_s] = f.start;
    }

    // -- shadows: trainees with an experienced primary, evenly ---------------------------------
    void placeShadows() {
        Plan& p = plan();
        std::vector<const Person*> trainees;
        for (const Person& person : p.people)
            if (person.trainee && person.on_call) trainees.push_back(&person);
        if (trainees.empty()) return;
        // The primary of every week as it will be written.
        auto primaryOf = [&](int wi) -> std::optional<std::string> {
            auto f = free_of_week_.find(wi);
            if (f != free_of_week_.end() && free_[f->second].chosen_p >= 0) return pool_[free_[f->second].chosen_p]->id;
            return p.weeks[wi].primary;
        };
        std::unordered_map<std::string, Date> first_primary;
        for (const auto& dw : by_date_) {
            auto id = primaryOf(dw.second);
            if (id && !first_primary.count(*id)) first_primary.emplace(*id, dw.first);
        }
        const int T = static_cast<int>(trainees.size());
        std::vector<int> count(T, 0);
        std::vector<std::vector<Date>> dates(T);
        std::unordered_map<std::string, int> tindex;
        for (int t = 0; t < T; ++t) tindex.emplace(trainees[t]->id, t);
        for (const Week& w : p.weeks)
            if (w.shadow) {
                auto it = tindex.find(*w.shadow);
                if (it != tindex.end()) ++count[it->second], dates[it->second].push_back(w.start);
            }
        for (auto& v : dates) std::sort(v.begin(), v.end());
        for (FreeWeek& f : free_) {
            Week& w = p.weeks[f.wi];
            if (w.shadow) continue;
            auto prim = primaryOf(f.wi);
            if (!prim) continue;
            auto fp = first_primary.find(*prim);
            if (fp == first_primary.end() || !(fp->second < f.start)) continue;
            int best = -1;
            std::tuple<int, long long, std::uint64_t> best_key{};
            for (int t = 0; t < T; ++t) {
                if (offDuring(trainees[t]->id, f.wi)) continue;
                const auto& v = dates[t];
                auto it = std::lower_bound(v.begin(), v.end(), f.start);
                long long gap = std::numeric_limits<long long>::max() / 4;
                if (it != v.end()) gap = std::min<long long>(gap, (*it - f.start).count());
                if (it != v.begin()) gap = std::min<long long>(gap, (f.start - *std::prev(it)).count());
                if (gap <= 7) continue;   // no trainee shadows two adjacent weeks
                std::uint64_t r = opt_.seed == 0 ? std::uint64_t(t) : splitmix64(opt_.seed ^ (0xabcdefULL + t));
                std::tuple<int, long long, std::uint64_t> key{count[t], -gap, r};
                if (best < 0 || key < best_key) best = t, best_key = key;
            }
            if (best < 0) continue;
            w.shadow = trainees[best]->id;
            ++count[best];
            auto& v = dates[best];
            v.insert(std::upper_bound(v.begin(), v.end(), f.start), f.start);
            res_.fills.push_back({f.start, Role::Shadow, trainees[best]->id});
        }
    }

    bool writeBack() {
        Plan& p = plan();
        for (const FreeWeek& f : free_) {
            Week& w = p.weeks[f.wi];
            if (f.choose_p && f.chosen_p >= 0) {
                w.primary = pool_[f.chosen_p]->id;
                res_.fills.push_back({f.start, Role::Primary, *w.primary});
            }
            if (f.choose_s && f.chosen_s >= 0) {
                w.secondary = pool_[f.chosen_s]->id;
                res_.fills.push_back({f.start, Role::Secondary, *w.secondary});
            }
        }
        auto rank = [](Role r) { return r == Role::Primary ? 0 : r == Role::Secondary ? 1 : 2; };
        std::sort(res_.fills.begin(), res_.fills.end(), [&](const DraftFill& a, const DraftFill& b) {
            if (a.week != b.week) return a.week < b.week;
            return rank(a.role) < rank(b.role);
        });
        return true;
    }

    // -- the real check: the draft introduces no error ---------------------------------------
    std::optional<Failure> verify() {
        using K = std::tuple<std::string, std::optional<Date>, std::vector<std::string>, std::optional<std::string>>;
        std::set<K> before;
        for (const Violation& v : check(in_).violations)
            if (v.severity == Severity::Error) before.insert(K{v.rule, v.week, v.people, v.request});
        for (const Violation& v : check(res_.plan).violations) {
            if (v.severity != Severity::Error || before.count(K{v.rule, v.week, v.people, v.request})) continue;
            return Failure{v.week ? *v.week : free_[0].start, v.rule,
                           "the draft would introduce an error: " + v.message};
        }
        return std::nullopt;
    }
};

}  // namespace

DraftResult draft(const Plan& plan, const DraftOptions& options) {
    Drafter drafter(plan, options);
    while (!drafter.step(std::numeric_limits<int>::max())) {
    }
    return drafter.take();
}

struct DraftRun::Impl {
    Impl(const Plan& p, const DraftOptions& o) : plan(p), drafter(plan, o) {}
    Plan plan;         // a copy: the caller's plan may change while the run goes on
    Drafter drafter;   // reads `plan`
};

DraftRun::DraftRun(const Plan& plan, const DraftOptions& options) : impl_(std::make_unique<Impl>(plan, options)) {}
DraftRun::~DraftRun() = default;
bool DraftRun::step(int weeks) { return impl_->drafter.step(std::max(weeks, 1)); }
bool DraftRun::done() const { return impl_->drafter.done(); }
double DraftRun::progress() const { return impl_->drafter.progress(); }
DraftResult DraftRun::take() { return impl_->drafter.take(); }

int exitCodeFor(const DraftResult& result) {
    switch (result.status) {
        case DraftStatus::Ok: return 0;
        case DraftStatus::Infeasible: return 1;
        case DraftStatus::BadInput: return 2;
    }
    return 2;
}

const char* draftStatusName(DraftStatus s) {
    switch (s) {
        case DraftStatus::Ok: return "ok";
        case DraftStatus::Infeasible: return "infeasible";
        case DraftStatus::BadInput: return "bad-input";
    }
    return "?";
}

Json draftSummaryToJson(const DraftResult& r) {
    Json j = Json::object();
    j["status"] = draftStatusName(r.status);
    j["message"] = r.message.empty() ? Json(nullptr) : Json(r.message);
    j["week"] = r.week ? Json(formatDate(*r.week)) : Json(nullptr);
    j["rule"] = r.rule.empty() ? Json(nullptr) : Json(r.rule);
    j["weeks_added"] = r.weeks_added;
    j["weeks_filled"] = r.weeks_filled;
    j["fills"] = Json::array();
    for (const DraftFill& f : r.fills)
        j["fills"].push_back({{"week", formatDate(f.week)}, {"role", roleName(f.role)}, {"person", f.person}});
    j["escalation_to_cto"] = Json::array();
    for (Date d : r.escalation_to_cto) j["escalation_to_cto"].push_back(formatDate(d));
    return j;
}

}  // namespace rp
