// Exports (interfaces.md): schedule JSON, iCalendar, CSV, Markdown. Deterministic.
#pragma once
#include <optional>
#include <string>

#include "core/model/plan.hpp"

namespace rp {

struct IcsOptions {
    std::optional<std::string> person;   // only this person's shifts
    std::optional<Instant> stamp;        // DTSTAMP; default: now
    bool utc = false;                    // true: times in UTC; false: TZID + VTIMEZONE
};

Json exportScheduleJson(const Plan& plan);
std::string exportJsonText(const Plan& plan);   // 2-space indent, trailing newline
std::string exportIcs(const Plan& plan, const IcsOptions& options);
std::string exportCsv(const Plan& plan);
// One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is
// defused with an apostrophe (spreadsheet formulas). Shared by every CSV the core writes.
std::string csvCell(std::string s);
std::string exportMarkdown(const Plan& plan);

}  // namespace rp
