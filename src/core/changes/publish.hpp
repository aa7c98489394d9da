// Publishing a rotation (changes.md "rotaplan publish").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/changes/diff.hpp"
#include "core/model/plan.hpp"
#include "core/rules/check.hpp"

namespace rp {

// The snapshot of the plan's current assignments: every week's start, primary, secondary,
// escalation (its own, else contacts.engineering_lead, as announced), shadow; the
// overrides; at = today; the calendar state ("ics") carried forward.
Published snapshotOf(const Plan& plan, Date today);

struct PublishOutcome {
    std::optional<Plan> plan;          // the plan with `published` set; nullopt when refused
    Report report;                     // the check of the plan before publishing, at today
    std::vector<Violation> blockers;   // its errors other than late-change
    std::string message;               // why it was refused (one line), else empty
};

// Publishes unless the check at `today` has errors other than late-change (force
// publishes anyway).
PublishOutcome publishPlan(const Plan& plan, Date today, bool force);

// The changes the last publish made to the snapshot before it (stored in the snapshot's
// member "last_changes": {since, changes: [{week, role, from, to, start, end}]}), so the
// announcement written after publishing still lists them. nullopt when none are stored.
struct StoredChanges {
    Date since;
    std::vector<DutyChange> changes;
};
std::optional<StoredChanges> lastPublishedChanges(const Plan& plan);

}  // namespace rp
