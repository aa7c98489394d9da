// Time in the team's zone (rules.md "Time"), through Howard Hinnant's date/tz.
#pragma once
#include <string>
#include <string_view>

#include "core/model/plan.hpp"

namespace date { class time_zone; }

namespace rp {

// The zone of that IANA name, or nullptr when the database lacks it.
const date::time_zone* findZone(std::string_view name);

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
// UTC basic form for iCalendar: 20261130T140000Z
std::string formatIcsUtc(Instant t);

// Parses "YYYY-MM-DDTHH:MM" (team zone) or with ":SS", "Z" or "+HH:MM"/"-HH:MM".
std::optional<Instant> parseDateTime(const date::time_zone* team_zone, std::string_view s);

// Time off from..to covers [00:00 on from, 00:00 on to+1) in the team zone.
Instant dayStart(const date::time_zone* zone, Date d);

}  // namespace rp
