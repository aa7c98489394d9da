// Readiness for the primary and secondary roles (changes.md, rule not-ready): shadow
// weeks done before the week, the access checklist, ready_since. Used by the check, the
// page's Team panel and the draft.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/plan.hpp"

namespace rp {

struct ReadinessStatus {
    bool ready = true;
    bool by_ready_since = false;          // ready because ready_since <= the week's start
    int shadow_done = 0;                  // shadow weeks that ended before the week starts
    int shadow_needed = 0;                // policy.readiness.shadow_weeks
    std::vector<std::string> missing;     // checklist items not in the person's `ready`, in checklist order
};

// Built once per plan: each person's shadow weeks, sorted. With policy.readiness absent
// every status is ready (the rule is off).
class ReadinessIndex {
public:
    explicit ReadinessIndex(const Plan& plan);
    bool enabled() const { return readiness_ != nullptr; }
    // The person's readiness for a week starting on week_start.
    ReadinessStatus status(const Person& p, Date week_start) const;
    bool ready(const Person& p, Date week_start) const { return status(p, week_start).ready; }
    // Shadow weeks of that person that ended before week_start (start + 7 days <= week_start).
    int shadowWeeksBefore(const std::string& id, Date week_start) const;

private:
    const Readiness* readiness_ = nullptr;
    std::unordered_map<std::string, std::vector<Date>> shadow_starts_;  // sorted, unique
};

// "1 of 2 shadow weeks done; checklist items missing: sentry, runbooks-reviewed"
std::string readinessGapText(const ReadinessStatus& s);

}  // namespace rp
