// Drafting (docs/drafting.md). See draft.hpp for the outline of the method.
//
// [SECTION] contents
//   domain    - a week's candidates, "find an assignment avoiding K", blockers
//   drafter   - the stages: set-up, backward, forward, balance, finish; slices (DraftRun)
//   weeks     - --weeks, the free weeks
//   setup     - week spans, time off, inactive people, overrides, static forbids
//   local     - escalation (CTO fallback, contact kept off call), one-week failures
//   backward  - blockers from the last week to the first; letting contacts back in
//   search    - the depth-first search: heuristic pass (no bounds) and bounded search
//               (pruning, flows, failed states, restarts)
//   balance   - lower bound by flows, the bounds to try in order, slices of the search
//   shadows   - trainees
//   verify    - the real check on both plans
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
#include <unordered_set>
#include <utility>

#include "core/changes/diff.hpp"
#include "core/changes/readiness.hpp"
#include "core/rules/check.hpp"
#include "core/rules/draft_flow.hpp"
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

// [SECTION] domain: the per-week search domain and its two operations ------------------

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

// [SECTION] drafter: the stages, step by step ---------------------------------------------

struct FreeWeek {
    int wi = -1;                 // index into plan.weeks
    Date start;
    bool emergency = false;
    bool choose_p = false, choose_s = false;
    int fixed_p = -1, fixed_s = -1;     // pool index of a fixed person, -1 when none or not in the pool
    int prev = -1, next = -1;           // coupled free weeks (index into free weeks)
    std::vector<int> forbid_before, forbid_after;  // static: fixed counted people of neighbours
    std::vector<int> soft;              // people to avoid if possible (emergency-relaxed neighbours)
    int contact = -1;                   // pool index of the week's escalation contact, -1 when not in the pool
    bool contact_out = false;           // the contact may not take a role here (see localFailure)
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
            switch (searchRun(std::max(weeks, 1))) {
                case SearchOutcome::Running: return false;
                case SearchOutcome::Exhausted:   // cannot happen: the backward pass proved that a choice exists
                case SearchOutcome::RunOver:
                    return finish(Failure{free_[0].start, "min-engineers", "internal error: no assignment left"}, false);
                case SearchOutcome::Found: break;
            }
            balanceBegin();
            stage_ = Stage::Balance;
            return false;
        case Stage::Balance:
            if (!balanceStep(std::max<long long>(weeks, 1) * kSearchWorkPerWeek)) return false;
            stage_ = Stage::Finish;
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
        case Stage::Forward: return 0.45 + 0.4 * static_cast<double>(ss_.stack.size()) / F;
        case Stage::Balance: return 0.85 + 0.1 * static_cast<double>(work_) / static_cast<double>(kSearchWorkLimit);
        case Stage::Finish: return 0.95;
        case Stage::Done: return 1.0;
        }
        return 1.0;
    }
    DraftResult take() { return std::move(res_); }

private:
    enum class Stage { Start, Backward, Forward, Balance, Finish, Done };
    // The balance search counts its work in units of about a person looked at (a step
    // costs the pool size plus the candidates it sorts): at most kSearchWorkLimit in all
    // (about two seconds natively; the hardest of the stress runs in docs/drafting.md
    // needed under half of it), kSearchWorkPerWeek per "week" of a slice.
    static constexpr long long kSearchWorkLimit = 80000000;
    static constexpr long long kSearchWorkPerWeek = 4096;
    Stage stage_ = Stage::Start;
    int next_ = 0;   // the next free week of the pass under way

    // Ends the run: a failure, or the plan as it stands (ok: the status is Ok; otherwise
    // prepareWeeks has set the status and message of a bad input).
    bool finish(const std::optional<Failure>& failure, bool ok) {
        if (failure) fail(*failure);
        else if (ok) {
            res_.status = DraftStatus::Ok;
            measureBalance();
        }
        stage_ = Stage::Done;
        return true;
    }

    // The balance of the result over the pool (the fairness rule's counts).
    void measureBalance() {
        std::vector<int> cp(pool_.size(), 0), cs(pool_.size(), 0);
        for (const Week& w : res_.plan.weeks) {
            if (w.primary) {
                const int x = poolIdx(*w.primary);
                if (x >= 0) ++cp[x];
            }
            if (w.secondary) {
                const int x = poolIdx(*w.secondary);
                if (x >= 0) ++cs[x];
            }
        }
        DraftBalance& b = res_.balance;
        const std::vector<char> fair = fairPool(res_.plan);
        b.primary_spread = spread(cp, fair);
        b.secondary_spread = spread(cs, fair);
        b.lower_bound = free_.empty() ? b.value() : std::min(lower_, b.value());
        b.optimal = proved_;
        b.search_steps = nodes_;
    }

    const Plan& in_;
    DraftOptions opt_;
    DraftResult res_;
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
    // A free week inside the notice window (with --today and a published snapshot).
    struct Notice {
        bool inside = false;
        bool published = false;                    // the snapshot has the week
        bool restricted[2] = {false, false};       // primary, secondary: only the holder may fill it
        std::optional<std::string> holder[2];      // who was published there (none: nobody can)
    };
    std::vector<Notice> notice_;
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
        res_.escalation_on_call.clear();
        res_.weeks_added = res_.weeks_filled = 0;
    }
    // The last week start the plan format holds (its span must end by 9999-12-31).
    static constexpr Date kLastWeekStart = Date{date::year{9999} / 12 / 23};
    bool pastYear9999(int want) {
        return badInput("--weeks " + std::to_string(want) + " would add weeks starting after 9999-12-23, the last "
                        "week a plan can hold");
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

    // [SECTION] weeks: add them (--weeks), pick the free ones --------------------------
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
                    if (w.start > kLastWeekStart) return pastYear9999(want);
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
                    if (w.start > kLastWeekStart) return pastYear9999(want);
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

    // [SECTION] setup: spans, time off, inactive people, availability, static forbids -----
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
        // Someone inactive from a date is out of the pool for the weeks starting then or
        // later (people[].inactive_from, docs/plan-format.md).
        for (int x = 0; x < N; ++x) {
            const auto& inactive = pool_[x]->inactive_from;
            if (!inactive) continue;
            int k = static_cast<int>(std::lower_bound(free_.begin(), free_.end(), *inactive,
                                                      [](const FreeWeek& f, Date d) { return f.start < d; }) -
                                     free_.begin());
            for (; k < F; ++k) avail_p_[std::size_t(k) * N + x] = avail_s_[std::size_t(k) * N + x] = 0;
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

        // Readiness (changes.md, rule not-ready): nobody takes a role before they are
        // ready. Readiness only grows with the weeks, so one binary search per person finds
        // the first free week they may take.
        const ReadinessIndex readiness(p);
        if (readiness.enabled())
            for (int x = 0; x < N; ++x) {
                int lo = 0, hi = F;   // the first ready week is in [lo, hi]
                while (lo < hi) {
                    const int mid = lo + (hi - lo) / 2;
                    if (readiness.ready(*pool_[x], free_[mid].start))
                        hi = mid;
                    else
                        lo = mid + 1;
                }
                for (int k = 0; k < lo; ++k) avail_p_[std::size_t(k) * N + x] = avail_s_[std::size_t(k) * N + x] = 0;
            }

        // The notice window (changes.md, rule late-change): a week inside it keeps what was
        // published. A free role there may only go to whoever was published in it over the
        // whole of the role's own shift (or to anyone when overrides cover all of it).
        notice_.assign(F, Notice{});
        if (opt_.today && p.published) {
            const NoticeWindow window = noticeWindow(p, *opt_.today);
            const std::vector<WeekDuties> published = weekDuties(snapshotPlan(p));
            for (int k = 0; k < F; ++k) {
                const WeekSpan& span = spans_[free_[k].wi];
                if (free_[k].emergency || !window.intersects(span.start, span.end)) continue;
                Notice& nt = notice_[k];
                nt.inside = true;
                const WeekDuties* pw = nullptr;
                for (const WeekDuties& d : published)
                    if (d.start == free_[k].start) pw = &d;
                for (int r = 0; r < 2; ++r) {
                    const Role role = r == 0 ? Role::Primary : Role::Secondary;
                    if (!(r == 0 ? free_[k].choose_p : free_[k].choose_s)) continue;
                    const std::vector<Iv> own = ownPieces(k, role);
                    bool any = true;   // no own shift: the fill changes nothing
                    std::optional<std::string> who;
                    bool ok = true;
                    for (const Iv& o : own) {
                        if (!(o.a < o.b)) continue;
                        any = false;
                        // The published pieces must cover [o.a, o.b) with one person.
                        Instant at = o.a;
                        if (pw)
                            for (const WeekDuties::Piece& pc : r == 0 ? pw->primary : pw->secondary) {
                                if (pc.end <= at || pc.start > at) continue;
                                if (who && *who != pc.person) ok = false;
                                who = pc.person;
                                at = pc.end;
                                if (at >= o.b) break;
                            }
                        if (at < o.b) ok = false;
                    }
                    if (any) continue;
                    nt.restricted[r] = true;
                    if (ok) nt.holder[r] = who;
                    nt.published = pw != nullptr;
                    for (int x = 0; x < N; ++x)
                        if (!ok || pool_[x]->id != *who) (r == 0 ? avail_p_ : avail_s_)[std::size_t(k) * N + x] = 0;
                }
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
        const int out = f.contact_out ? f.contact : -1;
        if (f.choose_p)
            for (int x = 0; x < N; ++x)
                if (avail_p_[std::size_t(k) * N + x] && x != f.fixed_s && x != out && !forbidden(x)) d.p.push_back(x);
        if (f.choose_s)
            for (int x = 0; x < N; ++x)
                if (avail_s_[std::size_t(k) * N + x] && x != f.fixed_p && x != out && !(any_ && forbidden(x)))
                    d.s.push_back(x);
        return d;
    }

    // [SECTION] local: failures one week shows on its own (escalation, availability, neighbours)
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
        // Inside the notice window a new escalation contact would be a late change; the
        // week keeps its (already reported) problem.
        if (notice_[k].inside) return std::nullopt;
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

    // Why a week inside the notice window cannot be filled with what was published.
    std::optional<Failure> noticeFailure(int k, const Domain& d) const {
        const Notice& nt = notice_[k];
        if (!nt.inside) return std::nullopt;
        const FreeWeek& f = free_[k];
        const Plan& p = res_.plan;
        const std::string window = "inside the " + std::to_string(p.policy.change_notice_days) +
                                   "-day notice window from " + formatDate(*opt_.today);
        const std::string at = p.published ? formatDate(p.published->at) : std::string("?");
        for (int r = 0; r < 2; ++r) {
            if (!nt.restricted[r]) continue;
            const char* role = r == 0 ? "primary" : "secondary";
            const std::vector<int>& dom = r == 0 ? d.p : d.s;
            if (!nt.holder[r]) {
                const std::string what = nt.published ? std::string("nobody was published as ") + role + " for all of its shift"
                                                      : "the week was not in the rotation published on " + at;
                return Failure{f.start, "late-change",
                               "the week is " + window + " and " + what + ", so any " + role + " would be a late change"};
            }
            const std::string& who = *nt.holder[r];
            const int x = poolIdx(who);
            if (x >= 0 && std::find(dom.begin(), dom.end(), x) != dom.end()) continue;
            std::string why = "cannot take it";
            const Person* person = p.findPerson(who);
            if (!person)
                why = "is not in people";
            else if (x < 0 || (person->inactive_from && f.start >= *person->inactive_from))
                why = "is not in the rotation pool for that week";
            else if (const Iv* off = offDuring(who, f.wi))
                why = "has " + timeOffText(*off);
            else if ((r == 0 ? f.fixed_s : f.fixed_p) == x)
                why = std::string("is already the ") + (r == 0 ? "secondary" : "primary");
            else if (!ReadinessIndex(p).ready(*person, f.start))
                why = "is not ready (rule not-ready)";
            return Failure{f.start, "late-change",
                           "only " + nameOf(who) + ", published as " + role + " on " + at + ", may take the " + role +
                               " " + window + ", and " + nameOf(who) + " " + why};
        }
        return std::nullopt;
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
            FreeWeek& f = free_[k];
            // The week's escalation contact takes no role of it when someone else can:
            // out of the week's domains unless the week needs them (here, or in the
            // backward pass: releaseContact).
            const Week& w = plan().weeks[f.wi];
            const auto& contact = w.escalation ? w.escalation : plan().contacts.engineering_lead;
            f.contact = contact ? poolIdx(*contact) : -1;
            f.contact_out = f.contact >= 0;
            if (f.contact_out && (!findAssignment(baseDomain(k, false, false), nullptr, 0) ||
                                  !findAssignment(baseDomain(k, true, true), nullptr, 0)))
                f.contact_out = false;
            Domain d1 = baseDomain(k, false, false);
            if (!findAssignment(d1, nullptr, 0)) {
                if (auto late = noticeFailure(k, d1)) return late;
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

    // [SECTION] backward: domains with the next week's blockers applied; blockers ---------
    void backwardBegin() {
        const int F = static_cast<int>(free_.size());
        dom_.resize(F);
        blockers_.resize(F);
    }
    // The backward pass for free week k (from the last to the first).
    std::optional<Failure> backwardWeek(int k) {
        while (!backwardCompute(k)) {
            // Let an escalation contact back in, from this week on through its run of
            // coupled weeks, until the week can be filled; when none is left, no
            // completion exists (and this is the week the plain pass names).
            int j = k;
            while (j >= 0 && !free_[j].contact_out) j = free_[j].next;
            if (j < 0) {
                const Date nx = free_[k].start + date::days{7};
                return Failure{free_[k].start, "consecutive",
                               std::string("whoever is ") + (any_ ? "on call" : "primary") +
                                   " this week, the week of " + formatDate(nx) +
                                   " cannot be filled without someone " + (any_ ? "on call" : "primary") +
                                   " two weeks in a row"};
            }
            free_[j].contact_out = false;
            // The weeks after k only gain choices, so they stay fillable.
            for (int i = j; i != k; i = free_[i].prev) backwardCompute(i);
        }
        return std::nullopt;
    }
    // Week k's domain with the next week's blockers applied, and its own blockers; false
    // when nothing is left.
    bool backwardCompute(int k) {
        Domain d = baseDomain(k, true, true);
        if (free_[k].next >= 0) applyBlockers(d, blockers_[free_[k].next]);
        if (!findAssignment(d, nullptr, 0)) return false;
        blockers_[k] = free_[k].prev >= 0 ? computeBlockers(d, any_ ? 2 : 1) : Blockers{};
        dom_[k] = std::move(d);
        return true;
    }

    // [SECTION] search: the forward pass and the bounded search (one depth-first search) --
    // One depth-first search over the free weeks does both. Without count bounds it is the
    // heuristic pass: the backward pass guarantees that its first choice in every week
    // leads on, so it never backtracks. With bounds (every pool member's primary count in
    // [lo_p, hi_p] and secondary count in [lo_s, hi_s]) it is the exact feasibility test
    // of the balance search: complete, with pruning and a table of failed states.
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

    static constexpr int kNoLow = std::numeric_limits<int>::min() / 4;
    static constexpr int kNoHigh = std::numeric_limits<int>::max() / 4;
    struct Bounds {
        int lo_p = kNoLow, hi_p = kNoHigh, lo_s = kNoLow, hi_s = kNoHigh;
        int spread() const { return (hi_p - lo_p) + (hi_s - lo_s); }
    };

    // One free week of the search: its candidates in order and the pair tried last.
    struct Frame {
        int k = -1;
        std::vector<std::pair<Key, int>> cp, cs;
        std::size_t i = 0, j = 0;   // the next pair to try
        bool applied = false;
        int p = -1, s = -1;         // the pair applied
        Date last_p, last_s;        // last_drafted of p and s before it
        std::string key;            // the state, for the table of failed states
    };

    // What the passes keep between steps (the page runs them a few weeks at a time).
    struct ForwardState {
        std::vector<int> fixed_p, fixed_s;            // counts of the weeks not drafted
        std::vector<int> count_p, count_s;            // the same with the choices so far
        std::vector<std::vector<Date>> fixed_dates;   // counted-role dates not drafted
        std::vector<Date> last_drafted;
        std::vector<std::uint64_t> rank;
        std::vector<int> pre_p, pre_s;     // [k * N + x]: free weeks before k whose domain holds x
        std::vector<int> slots_p, slots_s; // [k]: free weeks from k on that choose the role
    };
    ForwardState fw_;

    struct SearchState {
        Bounds b;
        bool bounded = false;
        bool started = false;
        bool root_checked = false;     // the bounds passed the checks before any choice
        int order = 0;                 // the value order of this run (restart)
        long long run_budget = 128, run_used = 0;
        std::vector<Frame> stack;
        int deficit_p = 0, deficit_s = 0;   // sum over people of max(0, lo - count)
        std::unordered_set<std::string> failed;   // the run's try's table (swapped in)
        std::size_t failed_bytes = 0;             // its size, about
    };
    SearchState ss_;
    std::vector<char> fair_;   // [x]: counted by the balance (and bounded by the search)
    long long nodes_ = 0;   // steps of the bounded searches, all bounds together
    long long work_ = 0;    // their work (kSearchWorkLimit)

    // The balance search: the best completion so far (the heuristic's at first), the lower
    // bound, and the bounds below the best balance, each with its own table of failed
    // states and the order and length of its next run.
    struct Try {
        Bounds b;
        bool open = true;   // neither refuted nor above the best balance found
        std::unordered_set<std::string> failed;
        std::size_t failed_bytes = 0;
        int order = 0;
        long long run_budget = 128;
        bool root_checked = false;
    };
    std::vector<std::pair<int, int>> best_;   // chosen (p, s) per free week
    int upper_ = 0, lower_ = 0;               // the best balance so far; a proved bound
    std::vector<Try> tries_;
    std::size_t try_ = 0;                     // the try whose run is under way, or the last one
    bool running_ = false;
    bool proved_ = true;
    std::size_t failed_bytes_ = 0;            // all tables together

    void forwardBegin() {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        const Plan& p = plan();
        ForwardState& s = fw_;
        s.fixed_p.assign(N, 0);
        s.fixed_s.assign(N, 0);
        s.fixed_dates.assign(N, {});
        for (const Week& w : p.weeks) {
            if (w.primary) {
                int x = poolIdx(*w.primary);
                if (x >= 0) ++s.fixed_p[x], s.fixed_dates[x].push_back(w.start);
            }
            if (w.secondary) {
                int x = poolIdx(*w.secondary);
                if (x >= 0) ++s.fixed_s[x], s.fixed_dates[x].push_back(w.start);
            }
        }
        for (auto& v : s.fixed_dates) std::sort(v.begin(), v.end());
        fair_ = fairPool(p);
        s.rank.resize(N);
        for (int x = 0; x < N; ++x) s.rank[x] = opt_.seed == 0 ? std::uint64_t(x) : splitmix64(opt_.seed * 0x100000001b3ULL + std::uint64_t(x));
        s.pre_p.assign(std::size_t(F + 1) * N, 0);
        s.pre_s.assign(std::size_t(F + 1) * N, 0);
        for (int k = 0; k < F; ++k) {
            std::copy(s.pre_p.begin() + std::size_t(k) * N, s.pre_p.begin() + std::size_t(k + 1) * N,
                      s.pre_p.begin() + std::size_t(k + 1) * N);
            std::copy(s.pre_s.begin() + std::size_t(k) * N, s.pre_s.begin() + std::size_t(k + 1) * N,
                      s.pre_s.begin() + std::size_t(k + 1) * N);
            if (free_[k].choose_p)
                for (int x : dom_[k].p) ++s.pre_p[std::size_t(k + 1) * N + x];
            if (free_[k].choose_s)
                for (int x : dom_[k].s) ++s.pre_s[std::size_t(k + 1) * N + x];
        }
        s.slots_p.assign(F + 2, 0);
        s.slots_s.assign(F + 2, 0);
        for (int k = F - 1; k >= 0; --k) {
            s.slots_p[k] = s.slots_p[k + 1] + (free_[k].choose_p ? 1 : 0);
            s.slots_s[k] = s.slots_s[k + 1] + (free_[k].choose_s ? 1 : 0);
        }
        searchBegin(Bounds{}, false);
    }

    // Free weeks from `from` on whose domain of a role holds x.
    int remaining(const std::vector<int>& pre, int x, int from) const {
        const int F = static_cast<int>(free_.size());
        from = std::min(from, F);
        return pre[std::size_t(F) * n() + x] - pre[std::size_t(from) * n() + x];
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

    void searchBegin(const Bounds& b, bool bounded) {
        const int N = n();
        ss_.b = b;
        ss_.bounded = bounded;
        ss_.started = false;
        ss_.order = 0;
        ss_.run_budget = 128;
        ss_.run_used = 0;
        ss_.root_checked = false;
        ss_.stack.clear();
        fw_.count_p = fw_.fixed_p;
        fw_.count_s = fw_.fixed_s;
        fw_.last_drafted.assign(N, Date::min());
        ss_.deficit_p = ss_.deficit_s = 0;
        if (bounded)
            for (int x = 0; x < N; ++x) {
                if (!fair_[x]) continue;
                ss_.deficit_p += std::max(0, b.lo_p - fw_.count_p[x]);
                ss_.deficit_s += std::max(0, b.lo_s - fw_.count_s[x]);
            }
    }

    // Whether the bounds can hold at all, before any choice.
    bool rootFeasible() const {
        const Bounds& b = ss_.b;
        const int F = static_cast<int>(free_.size());
        long long cap_p = 0, cap_s = 0;
        for (int x = 0; x < n(); ++x) {
            const int mp = std::min(remaining(fw_.pre_p, x, 0), misRole(x, 0, true));
            const int ms = std::min(remaining(fw_.pre_s, x, 0), misRole(x, 0, false));
            if (!fair_[x]) {
                cap_p += mp;
                cap_s += ms;
                continue;
            }
            const int cp = fw_.count_p[x], cs = fw_.count_s[x];
            if (cp > b.hi_p || cs > b.hi_s) return false;
            const int np = std::max(0, b.lo_p - cp), ns = std::max(0, b.lo_s - cs);
            if (np > mp || ns > ms || np + ns > mis_[std::size_t(x) * (F + 2)]) return false;
            cap_p += std::min(b.hi_p - cp, mp);
            cap_s += std::min(b.hi_s - cs, ms);
        }
        return ss_.deficit_p <= fw_.slots_p[0] && ss_.deficit_s <= fw_.slots_s[0] && cap_p >= fw_.slots_p[0] &&
               cap_s >= fw_.slots_s[0];
    }

    // The state a week's subtree depends on: the week, the counted people of the coupled
    // week before, and every count.
    std::string stateKey(int k) const {
        std::string key;
        const int N = n();
        key.reserve(12 + 4 * std::size_t(N));
        auto put = [&](int v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
        put(k);
        const FreeWeek& f = free_[k];
        if (f.prev >= 0) {
            const FreeWeek& pw = free_[f.prev];
            int a = pw.choose_p ? pw.chosen_p : -1, b = any_ && pw.choose_s ? pw.chosen_s : -1;
            put(std::min(a, b));
            put(std::max(a, b));
        }
        for (int x = 0; x < N; ++x) {
            if (!fair_[x]) continue;   // no bounds: their counts do not matter
            const std::uint16_t c[2] = {static_cast<std::uint16_t>(fw_.count_p[x]), static_cast<std::uint16_t>(fw_.count_s[x])};
            key.append(reinterpret_cast<const char*>(c), sizeof c);
        }
        return key;
    }
    void rememberFailed(std::string& key) {
        constexpr std::size_t kMaxTableBytes = std::size_t(48) << 20;   // all tries together
        if (!ss_.bounded || key.empty() || failed_bytes_ > kMaxTableBytes) return;
        failed_bytes_ += key.size() + 48;
        ss_.failed_bytes += key.size() + 48;
        ss_.failed.insert(std::move(key));
    }

    // Opens the frame of free week k with the candidates in order; false when the state
    // is known to fail or a role has no candidate.
    bool openFrame(Frame& fr, int k) {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        ForwardState& s = fw_;
        const FreeWeek& f = free_[k];
        const Domain& d = dom_[k];
        fr = Frame{};
        fr.k = k;
        if (ss_.bounded) {
            fr.key = stateKey(k);
            if (ss_.failed.count(fr.key)) return false;
        }
        int hard[2], nh = 0;
        if (f.prev >= 0) {
            const FreeWeek& pw = free_[f.prev];
            if (pw.choose_p) hard[nh++] = pw.chosen_p;
            if (any_ && pw.choose_s) hard[nh++] = pw.chosen_s;
        }
        int soft[8], ns = 0;
        for (int x : f.soft)
            if (ns < 6) soft[ns++] = x;
        if (f.emergency && k > 0 && free_[k - 1].start == f.start - date::days{7}) {
            const FreeWeek& pw = free_[k - 1];
            if (pw.choose_p) soft[ns++] = pw.chosen_p;
            if (any_ && pw.choose_s) soft[ns++] = pw.chosen_s;
        }
        const int contact = f.contact_out ? -1 : f.contact;   // allowed here, but last
        auto build = [&](bool primary_list, const std::vector<int>& cand, bool counted, const std::vector<int>& counts,
                         int hi, const std::vector<int>& pre, std::vector<std::pair<Key, int>>& out) {
            out.clear();
            const int window = std::min(F, k + roundLength(counts));
            for (int x : cand) {
                if (counted && inList(hard, nh, x)) continue;
                if (counts[x] >= hi && fair_[x]) continue;
                // The second key: in the heuristic pass the count so far; in the bounded
                // search, by the order of this run, how close the person is to missing a
                // lower bound (the cells of the role they could still take, or all the
                // weeks they could still take, beyond what the bounds need).
                int second = counts[x];
                if (ss_.bounded && ss_.order != 2 && fair_[x]) {
                    const int lo = primary_list ? ss_.b.lo_p : ss_.b.lo_s;
                    second = counts[x] + remaining(pre, x, k + 1) - lo;
                    if (ss_.order == 1)
                        second = std::min(second, s.count_p[x] + s.count_s[x] + mis_[std::size_t(x) * (F + 2) + k + 1] -
                                                      ss_.b.lo_p - ss_.b.lo_s);
                }
                Key key{(counted && inList(soft, ns, x) ? 1 : 0) + (x == contact ? 1 : 0),
                        second,
                        pre[std::size_t(window) * N + x] - pre[std::size_t(k) * N + x],
                        s.count_p[x] + s.count_s[x],
                        -restOf(x, f.start),
                        s.rank[x]};
                out.emplace_back(key, x);
            }
            std::sort(out.begin(), out.end());
        };
        if (f.choose_p) build(true, d.p, true, s.count_p, ss_.b.hi_p, s.pre_p, fr.cp);
        if (f.choose_s) build(false, d.s, any_, s.count_s, ss_.b.hi_s, s.pre_s, fr.cs);
        if (ss_.bounded) work_ += static_cast<long long>(d.p.size() + d.s.size());
        if ((f.choose_p && fr.cp.empty()) || (f.choose_s && fr.cs.empty())) {
            rememberFailed(fr.key);
            return false;
        }
        return true;
    }

    // The next pair of the frame in order (primary first, then secondary).
    bool nextPair(Frame& fr) const {
        const FreeWeek& f = free_[fr.k];
        const Domain& d = dom_[fr.k];
        if (f.choose_p && f.choose_s) {
            for (; fr.i < fr.cp.size(); ++fr.i, fr.j = 0)
                for (; fr.j < fr.cs.size(); ++fr.j) {
                    const int x = fr.cp[fr.i].second, y = fr.cs[fr.j].second;
                    if (x == y || isBanned(d, x, y)) continue;
                    fr.p = x;
                    fr.s = y;
                    ++fr.j;
                    return true;
                }
            return false;
        }
        if (f.choose_p) {
            if (fr.i >= fr.cp.size()) return false;
            fr.p = fr.cp[fr.i++].second;
            fr.s = -1;
            return true;
        }
        if (f.choose_s) {
            if (fr.j >= fr.cs.size()) return false;
            fr.s = fr.cs[fr.j++].second;
            fr.p = -1;
            return true;
        }
        if (fr.i > 0) return false;   // nothing to choose: one empty "pair"
        ++fr.i;
        fr.p = fr.s = -1;
        return true;
    }

    void apply(Frame& fr) {
        FreeWeek& f = free_[fr.k];
        f.chosen_p = fr.p;
        f.chosen_s = fr.s;
        if (fr.p >= 0) {
            fr.last_p = fw_.last_drafted[fr.p];
            if (fw_.count_p[fr.p]++ < ss_.b.lo_p && fair_[fr.p]) --ss_.deficit_p;
            fw_.last_drafted[fr.p] = f.start;
        }
        if (fr.s >= 0) {
            fr.last_s = fw_.last_drafted[fr.s];
            if (fw_.count_s[fr.s]++ < ss_.b.lo_s && fair_[fr.s]) --ss_.deficit_s;
            fw_.last_drafted[fr.s] = f.start;
        }
        fr.applied = true;
    }
    void undo(Frame& fr) {
        if (fr.s >= 0) {
            fw_.last_drafted[fr.s] = fr.last_s;
            if (--fw_.count_s[fr.s] < ss_.b.lo_s && fair_[fr.s]) ++ss_.deficit_s;
        }
        if (fr.p >= 0) {
            fw_.last_drafted[fr.p] = fr.last_p;
            if (--fw_.count_p[fr.p] < ss_.b.lo_p && fair_[fr.p]) ++ss_.deficit_p;
        }
        free_[fr.k].chosen_p = free_[fr.k].chosen_s = -1;
        fr.applied = false;
    }

    // After week k's pair: can every bound still be kept by the weeks after it? Per
    // person: the cells left that they could take, one role a week and, under "any", never
    // two coupled weeks (a maximum independent set on the path of their weeks, computed
    // from the end); in total: enough room below the upper bounds for the cells left.
    bool feasibleAfter(const Frame& fr) const {
        const int k = fr.k;
        if (ss_.deficit_p > fw_.slots_p[k + 1] || ss_.deficit_s > fw_.slots_s[k + 1]) return false;
        if (!ss_.bounded) return true;
        const int F = static_cast<int>(free_.size());
        const int N = n();
        const Bounds& b = ss_.b;
        const bool coupled = free_[k].next == k + 1;
        long long cap_p = 0, cap_s = 0, cap_t = 0;
        for (int x = 0; x < N; ++x) {
            // Counted people of this week sit out the next one in the counted roles.
            const bool out = coupled && (x == fr.p || (any_ && x == fr.s));
            const int rp = remaining(fw_.pre_p, x, out ? k + 2 : k + 1);
            const int rs = remaining(fw_.pre_s, x, out && any_ ? k + 2 : k + 1);
            const int next = out && any_ ? k + 2 : k + 1;   // under "primary" only the primary sits out
            const int mp = std::min(rp, misRole(x, out ? k + 2 : k + 1, true));
            const int ms = std::min(rs, misRole(x, next, false));
            if (!fair_[x]) {   // no bounds: all the room they have
                cap_p += mp;
                cap_s += ms;
                cap_t += mis_[std::size_t(x) * (F + 2) + next];
                continue;
            }
            const int cp = fw_.count_p[x], cs = fw_.count_s[x];
            const int np = std::max(0, b.lo_p - cp), ns = std::max(0, b.lo_s - cs);
            if (np > rp || ns > rs) return false;
            const std::size_t row = std::size_t(x) * (F + 2);
            const int m = mis_[row + (out && any_ ? k + 2 : k + 1)];
            if (np + ns > m) return false;
            if (!any_ && np > mis_p_[row + (out ? k + 2 : k + 1)]) return false;
            cap_p += std::min(b.hi_p - cp, mp);
            cap_s += std::min(b.hi_s - cs, ms);
            cap_t += std::min(b.hi_p + b.hi_s - cp - cs, m);
        }
        return cap_p >= fw_.slots_p[k + 1] && cap_s >= fw_.slots_s[k + 1] &&
               cap_t >= fw_.slots_p[k + 1] + fw_.slots_s[k + 1];
    }

    // mis_[x * (F + 2) + k]: the most free weeks from k on that x can take, one role a week
    // and, under "any", no two coupled weeks; mis_p_ the same for the primary alone under
    // "primary".
    std::vector<int> mis_, mis_p_;
    // The most cells of one role x can still take from free week `from` on: under "any"
    // both roles count for the consecutive rule, so it is their independent set; under
    // "primary" the primary's own; the secondary is bounded by its cells only.
    int misRole(int x, int from, bool primary) const {
        const int F = static_cast<int>(free_.size());
        from = std::min(from, F + 1);
        if (any_) return mis_[std::size_t(x) * (F + 2) + from];
        return primary ? mis_p_[std::size_t(x) * (F + 2) + from] : kNoHigh;
    }
    void computeIndependentSets() {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        mis_.assign(std::size_t(N) * (F + 2), 0);
        mis_p_.assign(std::size_t(N) * (F + 2), 0);
        auto in = [&](const std::vector<int>& pre, int k, int x) {
            return pre[std::size_t(k + 1) * N + x] > pre[std::size_t(k) * N + x];
        };
        for (int x = 0; x < N; ++x) {
            int* m = &mis_[std::size_t(x) * (F + 2)];
            int* mp = &mis_p_[std::size_t(x) * (F + 2)];
            for (int k = F - 1; k >= 0; --k) {
                const bool coupled = free_[k].next == k + 1;
                const bool ap = in(fw_.pre_p, k, x), as = in(fw_.pre_s, k, x);
                m[k] = std::max(m[k + 1], (ap || as) ? 1 + m[any_ && coupled ? k + 2 : k + 1] : 0);
                mp[k] = std::max(mp[k + 1], ap ? 1 + mp[coupled ? k + 2 : k + 1] : 0);
            }
        }
    }

    // The weeks from `from` on, relaxed to flows, with the counts so far: per role (each
    // cell of the role to one person of its domain, everybody's count of the role within
    // the bounds), and both roles at once (everybody's total within the summed bounds,
    // nobody in two cells of one week nor, under "any", of two coupled weeks paired up
    // from `from` on). `blocked` people sit out week `from` in the counted roles. A
    // necessary condition for the search to succeed below this point.
    bool flowFeasible(int from, const int* blocked, int nb) const {
        using draftflow::BoundedEdge;
        const int F = static_cast<int>(free_.size());
        const int N = n();
        if (from >= F) return true;
        const Bounds& b = ss_.b;
        auto sitsOut = [&](int j, int x, bool primary) {
            return j == from && (primary || any_) && inList(blocked, nb, x);
        };
        std::vector<BoundedEdge> e;
        for (int role = 0; role < 2; ++role) {
            const bool primary = role == 0;
            const int M = primary ? fw_.slots_p[from] : fw_.slots_s[from];
            const int base = 2 + M;
            e.clear();
            int cell = 2;
            for (int j = from; j < F; ++j) {
                if (!(primary ? free_[j].choose_p : free_[j].choose_s)) continue;
                e.push_back({0, cell, 1, 1});
                for (int x : primary ? dom_[j].p : dom_[j].s)
                    if (!sitsOut(j, x, primary)) e.push_back({cell, base + x, 0, 1});
                ++cell;
            }
            const std::vector<int>& cnt = primary ? fw_.count_p : fw_.count_s;
            const int lo = primary ? b.lo_p : b.lo_s, hi = primary ? b.hi_p : b.hi_s;
            for (int x = 0; x < N; ++x) {
                const int room = std::min(M, misRole(x, sitsOut(from, x, primary) ? from + 1 : from, primary));
                e.push_back(fair_[x] ? BoundedEdge{base + x, 1, std::max(0, lo - cnt[x]), std::min(hi - cnt[x], room)}
                                     : BoundedEdge{base + x, 1, 0, room});
            }
            e.push_back({1, 0, 0, M});
            if (!draftflow::feasibleCirculation(base + N, e)) return false;
        }
        // Both roles: cells -> (person, group of weeks) -> person; under "any" the weeks
        // are paired up twice, from `from` and from `from` + 1.
        for (int shift = 0; shift < (any_ ? 2 : 1); ++shift)
            if (!combinedFeasible(from, shift, blocked, nb)) return false;
        return true;
    }
    bool combinedFeasible(int from, int shift, const int* blocked, int nb) const {
        using draftflow::BoundedEdge;
        const int F = static_cast<int>(free_.size());
        const int N = n();
        const Bounds& b = ss_.b;
        auto sitsOut = [&](int j, int x, bool primary) {
            return j == from && (primary || any_) && inList(blocked, nb, x);
        };
        std::vector<BoundedEdge> e;
        std::vector<int> group(F, -1);
        int groups = 0;
        for (int j = from; j < F; ++j) {
            if (group[j] >= 0) continue;
            group[j] = groups;
            if (any_ && free_[j].next == j + 1 && !(shift == 1 && j == from)) group[j + 1] = groups;
            ++groups;
        }
        const int M = fw_.slots_p[from] + fw_.slots_s[from];
        const int gbase = 2 + M, pbase = gbase + groups * N;
        e.clear();
        int cell = 2;
        std::vector<char> used(std::size_t(groups) * N, 0);
        for (int j = from; j < F; ++j)
            for (int role = 0; role < 2; ++role) {
                const bool primary = role == 0;
                if (!(primary ? free_[j].choose_p : free_[j].choose_s)) continue;
                e.push_back({0, cell, 1, 1});
                for (int x : primary ? dom_[j].p : dom_[j].s) {
                    if (sitsOut(j, x, primary)) continue;
                    e.push_back({cell, gbase + group[j] * N + x, 0, 1});
                    used[std::size_t(group[j]) * N + x] = 1;
                }
                ++cell;
            }
        for (int g = 0; g < groups; ++g)
            for (int x = 0; x < N; ++x)
                if (used[std::size_t(g) * N + x]) e.push_back({gbase + g * N + x, pbase + x, 0, 1});
        for (int x = 0; x < N; ++x) {
            const int c = fw_.count_p[x] + fw_.count_s[x];
            e.push_back(fair_[x] ? BoundedEdge{pbase + x, 1, std::max(0, b.lo_p + b.lo_s - c), b.hi_p + b.hi_s - c}
                                 : BoundedEdge{pbase + x, 1, 0, M});
        }
        e.push_back({1, 0, 0, M});
        return draftflow::feasibleCirculation(pbase + N, e);
    }

    // Running: the budget ran out mid-run (more next slice); RunOver: the run reached its
    // length (bounded search only).
    enum class SearchOutcome { Running, Found, Exhausted, RunOver };
    // Undoes every choice of the run under way.
    void unwind() {
        while (!ss_.stack.empty()) {
            if (ss_.stack.back().applied) undo(ss_.stack.back());
            ss_.stack.pop_back();
        }
        ss_.started = false;
    }

    // Runs the search for about `budget` units of work (the heuristic pass: steps).
    SearchOutcome searchRun(long long budget) {
        const int F = static_cast<int>(free_.size());
        const long long stop = ss_.bounded ? work_ + budget : 0;
        for (long long left = budget; ss_.bounded ? work_ < stop : left > 0; --left) {
            if (!ss_.started) {
                ss_.started = true;
                if (ss_.bounded && !ss_.root_checked) {   // the flows: a few passes over every (cell, person) pair
                    for (const Domain& d : dom_) work_ += 3 * static_cast<long long>(d.p.size() + d.s.size());
                    if (!rootFeasible() || !flowFeasible(0, nullptr, 0)) return SearchOutcome::Exhausted;
                    ss_.root_checked = true;   // the same for every run of the try
                }
                Frame root;
                if (!openFrame(root, 0)) return SearchOutcome::Exhausted;
                ss_.stack.push_back(std::move(root));
            }
            if (ss_.bounded) {
                ++nodes_;
                work_ += 8 + n();
                if (++ss_.run_used > ss_.run_budget) return SearchOutcome::RunOver;
            }
            if (ss_.stack.empty()) return SearchOutcome::Exhausted;
            Frame& fr = ss_.stack.back();
            if (fr.applied) undo(fr);
            if (!nextPair(fr)) {
                rememberFailed(fr.key);
                ss_.stack.pop_back();
                continue;
            }
            apply(fr);
            if (!feasibleAfter(fr)) continue;
            if (fr.k + 1 == F) return SearchOutcome::Found;
            Frame child;
            if (!openFrame(child, fr.k + 1)) continue;
            ss_.stack.push_back(std::move(child));
        }
        return SearchOutcome::Running;
    }

    // max - min of the counts of the people marked in `counted`.
    static int spread(const std::vector<int>& v, const std::vector<char>& counted) {
        int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
        for (std::size_t x = 0; x < v.size(); ++x)
            if (counted[x]) lo = std::min(lo, v[x]), hi = std::max(hi, v[x]);
        return hi >= lo ? hi - lo : 0;
    }
    // The pool members the balance counts, as the fairness rule does: not those whose
    // inactive_from falls on or before the plan's last week.
    std::vector<char> fairPool(const Plan& p) const {
        std::vector<char> fair(pool_.size(), 1);
        if (p.weeks.empty()) return fair;
        Date last = p.weeks[0].start;
        for (const Week& w : p.weeks) last = std::max(last, w.start);
        for (std::size_t x = 0; x < pool_.size(); ++x)
            if (pool_[x]->inactive_from && *pool_[x]->inactive_from <= last) fair[x] = 0;
        return fair;
    }

    // [SECTION] balance: the lower bound, the bounds to try, the search's slices --------
    // For one role, by maximum flows over (free cell, person in its domain) pairs that
    // ignore everything else: the least U such that the cells can be filled with nobody
    // above U weeks, and the greatest L such that everybody can reach L weeks. By the
    // Mendelsohn-Dulmage theorem both hold at once exactly when each holds, so the role's
    // spread is at least U - L, and any bounds [lo, hi] with lo > L or hi < U are
    // impossible.
    std::pair<int, int> roleRange(bool primary) const {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        const std::vector<int>& fixed = primary ? fw_.fixed_p : fw_.fixed_s;
        const std::vector<int>& pre = primary ? fw_.pre_p : fw_.pre_s;
        std::vector<int> cells;
        for (int k = 0; k < F; ++k)
            if (primary ? free_[k].choose_p : free_[k].choose_s) cells.push_back(k);
        const int M = static_cast<int>(cells.size());
        long long total = M;
        int fair = 0, max_fixed = 0, min_fixed = std::numeric_limits<int>::max();
        for (int x = 0; x < N; ++x) {
            total += fixed[x];
            if (!fair_[x]) continue;
            ++fair;
            max_fixed = std::max(max_fixed, fixed[x]);
            min_fixed = std::min(min_fixed, fixed[x]);
        }
        if (fair == 0) return {0, 0};
        const bool everyone = fair == N;   // else people outside the balance take cells too
        auto feasible = [&](int bound, bool upper) {
            draftflow::MaxFlow g(2 + M + N);
            long long need = 0;
            for (int i = 0; i < M; ++i) {
                g.addEdge(0, 2 + i, 1);
                for (int x : primary ? dom_[cells[i]].p : dom_[cells[i]].s) g.addEdge(2 + i, 2 + M + x, 1);
            }
            for (int x = 0; x < N; ++x) {
                const int room = std::min(M, misRole(x, 0, primary));   // no two coupled weeks
                const int cap = fair_[x] ? std::max(0, bound - fixed[x]) : (upper ? room : 0);
                if (!upper && cap > room) return false;   // x cannot reach the level at all
                g.addEdge(2 + M + x, 1, upper ? std::min(cap, room) : cap);
                if (fair_[x]) need += cap;
            }
            const long long flow = g.run(0, 1);
            return upper ? flow == M : flow == need;
        };
        // Upper: between max(max_fixed, ceil(total / N)) and max_fixed + M (always enough).
        int lo = everyone ? std::max<long long>(max_fixed, (total + N - 1) / N) : max_fixed, hi = max_fixed + M;
        if (!feasible(lo, true)) {
            while (hi - lo > 1) {
                const int mid = lo + (hi - lo) / 2;
                (feasible(mid, true) ? hi : lo) = mid;
            }
            lo = hi;
        }
        const int u = lo;
        // Lower: between min_fixed (nothing needed) and the least of floor(total / N) and
        // everybody's count with every cell they could take.
        int top = everyone ? static_cast<int>(total / N) : std::numeric_limits<int>::max();
        for (int x = 0; x < N; ++x)
            if (fair_[x]) top = std::min(top, fixed[x] + remaining(pre, x, 0));
        int l = std::max(top, min_fixed);
        if (l > min_fixed && !feasible(l, false)) {
            int a = min_fixed, b = l;   // a feasible, b not
            while (b - a > 1) {
                const int mid = a + (b - a) / 2;
                (feasible(mid, false) ? a : b) = mid;
            }
            l = a;
        }
        return {u, l};
    }

    // After the heuristic pass: its balance, a lower bound, and the bounds to try, in
    // order of their spread (the first feasible one is optimal).
    void balanceBegin() {
        const int F = static_cast<int>(free_.size());
        const int N = n();
        best_.resize(F);
        for (int k = 0; k < F; ++k) best_[k] = {free_[k].chosen_p, free_[k].chosen_s};
        upper_ = spread(fw_.count_p, fair_) + spread(fw_.count_s, fair_);
        // The simplest bound first: counts that cannot all be equal differ by at least 1
        // (when everybody is counted: otherwise the others may take any share).
        const bool everyone = std::count(fair_.begin(), fair_.end(), 1) == N;
        auto trivial = [&](const std::vector<int>& fixed, int slots) {
            long long total = slots;
            for (int c : fixed) total += c;
            return everyone && total % N != 0 ? 1 : 0;
        };
        lower_ = trivial(fw_.fixed_p, fw_.slots_p[0]) + trivial(fw_.fixed_s, fw_.slots_s[0]);
        tries_.clear();
        try_ = 0;
        if (upper_ <= lower_) return;
        computeIndependentSets();
        const auto rp = roleRange(true), rs = roleRange(false);
        const int lb_p = std::max(0, rp.first - rp.second), lb_s = std::max(0, rs.first - rs.second);
        lower_ = std::max(lower_, lb_p + lb_s);
        for (int v = lower_; v < upper_; ++v)
            for (int dp = lb_p; dp <= v - lb_s; ++dp) {
                const int ds = v - dp;
                for (int lp = rp.second; lp >= std::max(0, rp.first - dp); --lp)
                    for (int ls = rs.second; ls >= std::max(0, rs.first - ds); --ls) {
                        tries_.emplace_back();
                        tries_.back().b = Bounds{lp, lp + dp, ls, ls + ds};
                    }
            }
        try_ = tries_.empty() ? 0 : tries_.size() - 1;   // the first run takes the first try
    }

    // One slice of the balance search; true when it is over (the choices are then those
    // of the best balance found).
    bool balanceStep(long long budget) {
        const long long stop = work_ + budget;
        for (;;) {
            if (!running_) {
                // The next open try below the best balance after the last one, round robin
                // (tries are in order of spread: each round serves the smaller ones first).
                std::size_t next = tries_.size();
                for (std::size_t i = 1; i <= tries_.size() && next == tries_.size(); ++i) {
                    const std::size_t t = (try_ + i) % tries_.size();
                    if (tries_[t].open && tries_[t].b.spread() < upper_) next = t;
                }
                if (next == tries_.size()) break;   // every smaller spread refuted: the best is optimal
                if (work_ >= kSearchWorkLimit) {    // out of work: the smallest open spread is the bound
                    proved_ = false;
                    int least = upper_;
                    for (const Try& t : tries_)
                        if (t.open) least = std::min(least, t.b.spread());
                    lower_ = std::max(lower_, least);
                    break;
                }
                try_ = next;
                Try& t = tries_[try_];
                searchBegin(t.b, true);
                ss_.failed.swap(t.failed);
                std::swap(ss_.failed_bytes, t.failed_bytes);
                ss_.order = t.order;
                ss_.run_budget = t.run_budget;
                ss_.root_checked = t.root_checked;
                running_ = true;
            }
            const SearchOutcome o = searchRun(std::min(stop, kSearchWorkLimit) - work_);
            if (o == SearchOutcome::Running && work_ < kSearchWorkLimit) return false;   // the slice is over
            Try& t = tries_[try_];
            t.root_checked = ss_.root_checked;
            if (o == SearchOutcome::Found) {   // a better completion: keep it, drop the tries it beats
                for (std::size_t k = 0; k < free_.size(); ++k) best_[k] = {free_[k].chosen_p, free_[k].chosen_s};
                upper_ = t.b.spread();
                for (Try& u : tries_)
                    if (u.b.spread() >= upper_) u.open = false;
            } else if (o == SearchOutcome::Exhausted) {
                t.open = false;   // refuted
            } else {              // the run reached its length: next time the next order, longer
                t.order = (t.order + 1) % 3;
                if (t.order == 0) t.run_budget *= 2;
            }
            unwind();
            ss_.failed.swap(t.failed);
            std::swap(ss_.failed_bytes, t.failed_bytes);
            running_ = false;
            if (!t.open) {   // its table is of no more use
                failed_bytes_ -= std::min(failed_bytes_, t.failed_bytes);
                t.failed_bytes = 0;
                std::unordered_set<std::string>().swap(t.failed);
            }
            if (work_ >= stop) return false;
        }
        if (proved_) lower_ = upper_;
        for (std::size_t k = 0; k < free_.size(); ++k) {
            free_[k].chosen_p = best_[k].first;
            free_[k].chosen_s = best_[k].second;
        }
        return true;
    }

    // [SECTION] shadows: trainees with an experienced primary, evenly ----------------------
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
                if (trainees[t]->inactive_from && f.start >= *trainees[t]->inactive_from) continue;
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
        // The weeks whose escalation contact had to take a role.
        for (const FreeWeek& f : free_)
            if (f.contact >= 0 && ((f.choose_p && f.chosen_p == f.contact) || (f.choose_s && f.chosen_s == f.contact)))
                res_.escalation_on_call.push_back(f.start);
        auto rank = [](Role r) { return r == Role::Primary ? 0 : r == Role::Secondary ? 1 : 2; };
        std::sort(res_.fills.begin(), res_.fills.end(), [&](const DraftFill& a, const DraftFill& b) {
            if (a.week != b.week) return a.week < b.week;
            return rank(a.role) < rank(b.role);
        });
        return true;
    }

    // [SECTION] verify: the real check, the draft introduces no error ----------------------
    std::optional<Failure> verify() {
        using K = std::tuple<std::string, std::optional<Date>, std::vector<std::string>, std::optional<std::string>>;
        const CheckOptions options{opt_.today};
        std::set<K> before;
        std::map<Date, std::vector<std::string>> late_before;   // week -> people of its late change
        for (const Violation& v : check(in_, options).violations) {
            if (v.severity != Severity::Error) continue;
            before.insert(K{v.rule, v.week, v.people, v.request});
            if (v.rule == "late-change" && v.week) late_before[*v.week] = v.people;
        }
        for (const Violation& v : check(res_.plan, options).violations) {
            if (v.severity != Severity::Error || before.count(K{v.rule, v.week, v.people, v.request})) continue;
            // A late change whose changed people were all changed already is the same
            // change with fewer stretches (a cell given back to its published holder).
            if (v.rule == "late-change" && v.week && late_before.count(*v.week)) {
                const auto& was = late_before[*v.week];
                if (std::includes(was.begin(), was.end(), v.people.begin(), v.people.end())) continue;
            }
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
    j["escalation_on_call"] = Json::array();
    for (Date d : r.escalation_on_call) j["escalation_on_call"].push_back(formatDate(d));
    if (r.status == DraftStatus::Ok)
        j["balance"] = {{"primary_spread", r.balance.primary_spread},
                        {"secondary_spread", r.balance.secondary_spread},
                        {"value", r.balance.value()},
                        {"lower_bound", r.balance.lower_bound},
                        {"optimal", r.balance.optimal}};
    else
        j["balance"] = nullptr;
    return j;
}

}  // namespace rp
