// The coverage-gap scan: the worst case (nobody acknowledges, never resolved) of every
// severity at every shift boundary and every business-hours edge of the plan, and every
// place where the escalation path breaks. See docs/escalation.md "Coverage gaps".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/simulation/escalation.hpp"
#include "core/model/plan.hpp"

namespace rp {

enum class GapKind {
    TimeOff,       // someone on the path has time off when paged (a skip with a person)
    NoContact,     // a level with nobody assigned (a skip with person null)
    OutsideWeeks,  // delivery, response or a page lands outside the plan's weeks
};

const char* gapKindName(GapKind k);  // "time-off", "no-contact", "outside-weeks"

struct CoverageGap {
    Instant at{};                          // the incident's opening instant that shows it
    std::string severity;
    std::optional<Date> week;              // the week of the skip (of the opening for outside-weeks)
    std::optional<EscalationLevel> level;  // null for outside-weeks
    std::optional<std::string> person;     // null for no-contact and outside-weeks
    GapKind kind = GapKind::TimeOff;
    std::string message;
};

struct GapReport {
    std::vector<CoverageGap> gaps;  // by opening instant, then severity, then timeline order
};

// The opening instants the scan tries, inside the plan's weeks: every resolved
// primary/secondary shift start, the start and end of every business day, and the first
// instant of every time off; sorted, unique.
std::vector<Instant> gapScanInstants(const EscalationIndex& index);

GapReport findCoverageGaps(const Plan& plan);
GapReport findCoverageGaps(const EscalationIndex& index);

// {"gaps": [{at, severity, week, level, person, kind, message}], "count": N}
Json gapReportToJson(const GapReport& report, const date::time_zone* zone);
std::string gapReportToText(const Plan& plan, const GapReport& report);
int gapsExitCode(const GapReport& report);  // 0 none, 1 gaps

}  // namespace rp
