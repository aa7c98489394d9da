// Resolved shifts (rules.md "Time"): the weeks' primary and secondary assignments
// with every override cut in, plus shadows.
#pragma once
#include <vector>

#include "core/model/plan.hpp"

namespace rp {

struct WeekSpan {
    Instant start, end;   // [handoff(start), handoff(start + 7 days))
};

struct Shift {
    int week = -1;        // index into plan.weeks
    Role role = Role::Primary;
    std::string person;   // may be an unknown id
    Instant start, end;
    bool from_override = false;
    int override_index = -1;  // index into plan.overrides when from_override
};

// A piecewise-constant choice among intervals: over [start, end) the interval `item`
// holds every instant and has the lowest rank of those that do.
struct CoverInterval {
    Instant start, end;
    long long rank = 0;  // lower wins; ties go to the lower item
    int item = -1;
};
struct CoverSegment {
    Instant start, end;
    int item = -1;
};
// The segments, sorted by start and disjoint, only where some interval holds; adjacent
// segments of one item are merged. Empty intervals (start >= end) hold nothing.
// A sweep: O(n log n) however the intervals nest or overlap.
std::vector<CoverSegment> lowestRankCover(const std::vector<CoverInterval>& intervals);
// The item of the segment holding t, -1 when none (binary search).
int coverAt(const std::vector<CoverSegment>& segments, Instant t);

// One span per plan.weeks entry, same order.
std::vector<WeekSpan> weekSpans(const Plan& plan);

// Every resolved piece: primary and secondary (overrides cut in; the later override
// wins where two of one role overlap) and shadow shifts. Sorted by start, then role
// (primary, secondary, shadow), then week. A week with no primary/secondary assigned
// has holes only where no override covers it.
std::vector<Shift> resolveShifts(const Plan& plan);
// The same, from spans already computed by weekSpans(plan) (the check reuses them).
std::vector<Shift> resolveShifts(const Plan& plan, const std::vector<WeekSpan>& spans);

}  // namespace rp
