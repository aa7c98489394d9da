// A draft run in slices, so the page can keep drawing frames (with a progress bar and a
// Cancel button) while it works. The result is exactly draft(plan, options).
//
// The draft's two passes run a few weeks at a time (DraftRun); after them comes the
// summary, the check of the drafted plan, which the page shows. step(budget) works until
// `budget` milliseconds have been used, then returns; the state carries over to the next
// call. A slice is at most a few weeks of either pass, or the set-up, the finish (shadows
// and the draft's own check) or the summary check, each a few milliseconds even for
// 520 weeks x 500 people.
#pragma once
#include <memory>
#include <optional>

#include "core/rules/check.hpp"
#include "core/rules/draft.hpp"
#include "core/model/plan.hpp"

namespace rp {

class DraftJob {
public:
    DraftJob(const Plan& plan, const DraftOptions& options);

    // Works for about `budget_ms` milliseconds (at least one slice); true when done
    // (finished or cancelled).
    bool step(double budget_ms);
    bool done() const { return phase_ == Phase::Done || cancelled_; }
    bool cancelled() const { return cancelled_; }
    double progress() const;   // 0..1
    void cancel() { cancelled_ = true; }

    // Valid once done() and not cancelled(): the same as draft(plan, options).
    const DraftResult& result() const { return *result_; }
    // The check of result().plan (Ok only, with the options' today); computed in the last slice.
    const std::optional<Report>& report() const { return report_; }

private:
    enum class Phase { Draft, Check, Done };
    DraftRun run_;   // holds its own copy of the plan
    std::optional<Date> today_;   // for the summary check (late-change, history-change)
    Phase phase_ = Phase::Draft;
    bool cancelled_ = false;
    std::optional<DraftResult> result_;
    std::optional<Report> report_;
};

}  // namespace rp
