#include "core/rules/draft_job.hpp"

#include <chrono>

namespace rp {

namespace {
// Weeks of a pass per slice: small enough that one slice stays well under a frame's
// budget at 500 people (a forward week there is about 0.1 ms natively).
constexpr int kWeeksPerSlice = 8;
}  // namespace

// The plan is copied now (by DraftRun): the caller's plan may change (undo, edits) while
// the job runs over frames, and the job drafts the plan as it was when it started.
DraftJob::DraftJob(const Plan& plan, const DraftOptions& options) : run_(plan, options), today_(options.today) {}

bool DraftJob::step(double budget_ms) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    do {
        if (done()) return true;
        switch (phase_) {
        case Phase::Draft:
            if (run_.step(kWeeksPerSlice)) {
                result_ = run_.take();
                phase_ = Phase::Check;
            }
            break;
        case Phase::Check:
            if (result_->status == DraftStatus::Ok) report_ = check(result_->plan, CheckOptions{today_});
            phase_ = Phase::Done;
            break;
        case Phase::Done: break;
        }
    } while (std::chrono::duration<double, std::milli>(Clock::now() - start).count() < budget_ms);
    return done();
}

double DraftJob::progress() const {
    switch (phase_) {
    case Phase::Draft: return 0.9 * run_.progress();
    case Phase::Check: return 0.9;
    case Phase::Done: return 1.0;
    }
    return 1.0;
}

}  // namespace rp
