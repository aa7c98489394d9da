// Drafting (interfaces.md "rotaplan draft", docs/drafting.md): fill every week from a
// date on that lacks a primary or a secondary, so that the plan passes the check
// wherever any completion does, balanced across the rotation pool.
//
// Exact: the only rule that links weeks is `consecutive`, and it links adjacent weeks
// only, so a backward pass computes, for every week, the small sets of people whose being
// on call the week before would leave no valid completion (the "blockers", at most 2
// people each); a forward pass then picks, week by week, the best assignment by a
// balancing heuristic among those that keep a completion reachable, without backtracking.
//
// Optimal balance: when the forward pass is above a lower bound (trivial, or from maximum
// flows per role), a complete search over count bounds (every primary count in [lo, hi],
// every secondary count likewise; smallest spread first) finds the least balance, with
// pruning by flows and reachability, a table of failed states and restarts
// (docs/drafting.md "Balance: optimal, and proved").
//
// The week's escalation contact takes no role of it unless no completion exists without.
// People are out of the pool from their `inactive_from` on.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"

namespace rp {

struct DraftOptions {
    std::optional<Date> from;   // first week to fill; default: the first week of the plan
    std::optional<int> weeks;   // first add weeks so that this many weeks from `from` exist
    std::uint64_t seed = 0;     // breaks ties only; 0: the order of `people`
    // The date the notice window starts from (changes.md "today"): with a published
    // snapshot, free cells of weeks inside the window only take what was published
    // there, so the draft makes no late change. Absent: no window (as check(plan)).
    std::optional<Date> today;
};

// At most this many weeks are added by one draft.
constexpr int kMaxDraftAddedWeeks = 5200;

enum class DraftStatus { Ok, Infeasible, BadInput };

// One cell the draft filled.
struct DraftFill {
    Date week;
    Role role = Role::Primary;   // primary, secondary or shadow
    std::string person;
};

// The balance of an Ok draft: (max - min primary weeks) + (max - min secondary weeks)
// over the rotation pool (the fairness rule's measure, every week of the plan counted).
struct DraftBalance {
    int primary_spread = 0, secondary_spread = 0;
    int lower_bound = 0;          // no completion has a smaller balance
    bool optimal = true;          // proved optimal (false only when the search ran out of steps)
    long long search_steps = 0;   // steps of the balance search (0: the first pass was optimal)
    int value() const { return primary_spread + secondary_spread; }
};

struct DraftResult {
    DraftStatus status = DraftStatus::BadInput;
    Plan plan;                           // Ok: the drafted plan; otherwise the input plan
    std::string message;                 // Infeasible / BadInput: one line, no trailing newline
    std::optional<Date> week;            // Infeasible: the week that makes it impossible
    std::string rule;                    // Infeasible: the rule id ("min-engineers", ...)
    int weeks_added = 0;
    int weeks_filled = 0;                // weeks that lacked a primary or a secondary
    std::vector<DraftFill> fills;        // sorted by week, then role
    std::vector<Date> escalation_to_cto; // weeks whose escalation the draft set to the CTO
    // Weeks whose escalation contact the draft made primary or secondary (only when no
    // completion avoids it there).
    std::vector<Date> escalation_on_call;
    DraftBalance balance;                // Ok only
};

// Drafts; never throws for plan content. Deterministic for a given plan and options.
DraftResult draft(const Plan& plan, const DraftOptions& options = {});

// draft() in resumable steps, for callers that must stay responsive (DraftJob runs it
// across the page's frames). The same code as draft(), so the same result.
class DraftRun {
public:
    DraftRun(const Plan& plan, const DraftOptions& options);   // copies the plan
    ~DraftRun();
    DraftRun(const DraftRun&) = delete;
    DraftRun& operator=(const DraftRun&) = delete;
    // Runs up to `weeks` weeks of the backward or forward pass (set-up and finish are
    // one step each); true once done.
    bool step(int weeks);
    bool done() const;
    double progress() const;   // 0..1
    DraftResult take();        // once done()

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// 0 Ok, 1 Infeasible, 2 BadInput.
int exitCodeFor(const DraftResult& result);
const char* draftStatusName(DraftStatus s);   // "ok" / "infeasible" / "bad-input"
// {status, message, week, rule, weeks_added, weeks_filled, fills:[{week,role,person}],
//  escalation_to_cto:[dates]} (the plan itself is not included: writePlan(result.plan)).
Json draftSummaryToJson(const DraftResult& result);

}  // namespace rp
