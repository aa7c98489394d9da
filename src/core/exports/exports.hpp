// Exports (interfaces.md): schedule JSON, iCalendar, CSV, Markdown. Deterministic.
#pragma once
#include <optional>
#include <string>
#include <string_view>

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
// One CSV cell: spoofing characters removed (below); quoted when it holds a comma, quote
// or line break; a leading = + - @, TAB or CR is defused with an apostrophe (spreadsheet
// formulas, OWASP). Shared by every CSV the core writes.
std::string csvCell(std::string s);

// Trojan-Source-style spoofing of names: the bidirectional controls (U+202A to U+202E,
// U+2066 to U+2069, U+200E, U+200F, U+061C) are dropped and the line separators U+2028,
// U+2029 and U+0085 become spaces, so that a name can neither reorder nor split the text
// around it. CSV, Markdown, iCalendar and handoff text pass plan text through it.
std::string withoutSpoofing(std::string_view s);
// The byte length of such a character starting at s[i], 0 when there is none there;
// *line_break tells whether it is one of the line separators.
std::size_t spoofingAt(std::string_view s, std::size_t i, bool* line_break);
std::string exportMarkdown(const Plan& plan);
// Inline Markdown text (a table cell, a list item, a heading): spoofing characters
// defused as withoutSpoofing() does, the markup characters \ | * _ ` [ ] < > escaped
// with a backslash ('#' too when escape_hash), CR and other control characters except
// TAB dropped, line breaks turned into spaces, so a value can neither split a cell nor
// start a block. Shared by the Markdown export and the Markdown announcement.
std::string markdownText(std::string_view raw, bool escape_hash = false);

}  // namespace rp
