// A draft run in resumable steps, so the page can keep drawing frames (with a progress
// bar and a Cancel button) while it works. The result is exactly draft(plan, options).
//
// draft() is exact and linear (a backward and a forward pass over the weeks, then the
// shadows and the real check); its passes keep state that links weeks, so cutting the
// weeks into chunks would change the answer. The job therefore slices at phase
// boundaries: the draft itself and the summary (the check of the
// drafted plan, which the page shows). step(budget) runs phases until `budget`
// milliseconds have been used (at least one phase per call).
#pragma once
#include <memory>
#include <optional>

#include "core/check.hpp"
#include "core/draft.hpp"
#include "core/plan.hpp"

namespace rp {

class DraftJob {
public:
    DraftJob(const Plan& plan, const DraftOptions& options);

    // Runs work for about `budget_ms` milliseconds (at least one phase); true when done
    // (finished or cancelled).
    bool step(double budget_ms);
    bool done() const { return phase_ == Phase::Done || cancelled_; }
    bool cancelled() const { return cancelled_; }
    double progress() const;   // 0..1
    void cancel() { cancelled_ = true; }

    // Valid once done() and not cancelled(): the same as draft(plan, options).
    const DraftResult& result() const { return *result_; }
    // The check of result().plan (Ok only); computed in the last phase.
    const std::optional<Report>& report() const { return report_; }

private:
    enum class Phase { Copy, Draft, Check, Done };   // Copy: started, nothing run yet
    Plan plan_;
    DraftOptions options_;
    Phase phase_ = Phase::Copy;
    bool cancelled_ = false;
    std::optional<DraftResult> result_;
    std::optional<Report> report_;
};

}  // namespace rp
