#include "core/draft_job.hpp"

#include <chrono>

namespace rp {

// The plan is copied now: the caller's plan may change (undo, edits) while the job runs
// over frames, and the job drafts the plan as it was when it started.
DraftJob::DraftJob(const Plan& plan, const DraftOptions& options) : plan_(plan), options_(options) {}

bool DraftJob::step(double budget_ms) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    do {
        if (done()) return true;
        switch (phase_) {
        case Phase::Copy:
            phase_ = Phase::Draft;
            break;
        case Phase::Draft:
            result_ = draft(plan_, options_);
            phase_ = Phase::Check;
            break;
        case Phase::Check:
            if (result_->status == DraftStatus::Ok) report_ = check(result_->plan);
            phase_ = Phase::Done;
            break;
        case Phase::Done: break;
        }
    } while (std::chrono::duration<double, std::milli>(Clock::now() - start).count() < budget_ms);
    return done();
}

double DraftJob::progress() const {
    switch (phase_) {
    case Phase::Copy: return 0.0;
    case Phase::Draft: return 0.1;
    case Phase::Check: return 0.8;
    case Phase::Done: return 1.0;
    }
    return 1.0;
}

}  // namespace rp
