// Exports (interfaces.md): schedule JSON, iCalendar, CSV, Markdown. Deterministic.
#pragma once
#include <optional>
#include <string>

#include "plan.hpp"

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
std::string exportMarkdown(const Plan& plan);

}  // namespace rp
