// Time in the team's zone (rules.md "Time"), through Howard Hinnant's date/tz.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/plan.hpp"

namespace date { class time_zone; }

namespace rp {

// The zone of that IANA name, or nullptr when the database lacks it. Legacy links
// ("US/Eastern", "Asia/Calcutta", "GMT") resolve to their target, the same way natively
// and in the page; "EST" is America/New_York (plan-format.md); "localtime", "posixrules",
// "Factory", "posix/..." and "right/..." are refused. zone->name() is the canonical name.
const date::time_zone* findZone(std::string_view name);
// Every name findZone accepts (zones and legacy links), sorted: the page's zone list.
const std::vector<std::string>& zoneNames();

// Local wall-clock time to an instant: a skipped local time means the first instant
// after the gap; a repeated one means the earlier instant.
Instant localToInstant(const date::time_zone* zone, date::local_seconds local);
Instant localToInstant(const date::time_zone* zone, Date day, int minute_of_day);

// The handoff instant of a date: policy.handoff.time on that date in the team zone.
Instant handoffInstant(const Plan& plan, Date day);

// Team-zone offset in seconds at an instant.
int offsetSeconds(const date::time_zone* zone, Instant t);

// The wall-clock reading of an instant in a zone, and whether that reading names this
// instant alone (false when daylight saving ends and the same local time occurs twice).
struct LocalReading {
    date::local_seconds local;
    bool unique = true;
};
LocalReading localReading(const date::time_zone* zone, Instant t);
// RFC 3339 with the zone's offset at that instant: 2026-11-30T09:00:00-05:00
std::string formatRfc3339(const date::time_zone* zone, Instant t);
// The same text written to buf (at least kRfc3339Max bytes, no terminator); its length.
constexpr std::size_t kRfc3339Max = 64;
std::size_t formatRfc3339To(char* buf, const date::time_zone* zone, Instant t);
// UTC basic form for iCalendar: 20261130T140000Z
std::string formatIcsUtc(Instant t);

// Parses "YYYY-MM-DDTHH:MM" (team zone) or with ":SS", "Z" or "+HH:MM"/"-HH:MM".
std::optional<Instant> parseDateTime(const date::time_zone* team_zone, std::string_view s);

// Whether the zone's UTC offset is a whole number of minutes all through [from, to).
// When not, *bad holds the first offset with seconds met and, when there is one, the
// first instant after it from which the offsets are whole minutes again. When they are
// whole, *whole_span is the span of the zone's periods around [from, to), all whole.
struct Offending {
    int offset_seconds = 0;
    std::optional<Instant> whole_from;
};
bool wholeMinuteOffsets(const date::time_zone* zone, Instant from, Instant to, Offending* bad,
                        std::pair<Instant, Instant>* whole_span = nullptr);
// "+05:30", "-04:56:02" (seconds only when there are any).
std::string formatOffset(int offset_seconds);
// The zone's local date of an instant.
Date dateIn(const date::time_zone* zone, Instant t);

// Time off from..to covers [00:00 on from, 00:00 on to+1) in the team zone.
Instant dayStart(const date::time_zone* zone, Date d);

}  // namespace rp
