// Calendars that can update (changes.md, interfaces.md "iCalendar"): each resolved piece
// has a UID naming its week, role and piece number (never the person), a SEQUENCE that
// rises with each publish that changes it, and a calendar carries STATUS:CANCELLED events
// for the pieces that left it since the last publish. The sequence numbers and the
// cancelled pieces live in the published snapshot's own member "ics" (docs/changes.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"
#include "core/model/shifts.hpp"

namespace rp {

// The key of each shift: "<week start>/<role>/<n>", n counting the pieces of that week
// start and role from 1 in start order. Same order as `shifts`.
std::vector<std::string> calendarPieceKeys(const Plan& plan, const std::vector<Shift>& shifts);
// "2026-11-30-primary-1.platform@rotaplan" (team name in lower-case letters and digits).
std::string calendarUid(const Plan& plan, const std::string& key);

struct CalendarPiece {
    std::string uid;
    int sequence = 0;
    bool operator==(const CalendarPiece& o) const { return uid == o.uid && sequence == o.sequence; }
};

struct CalendarCancel {
    std::string uid;
    std::string key;
    std::string person;        // who held it when it was published
    Role role = Role::Primary;
    Date week;
    Instant start, end;        // as published
    int sequence = 0;
};

struct CalendarState {
    std::vector<CalendarPiece> pieces;     // one per shift given, same order
    std::vector<CalendarCancel> cancelled; // sorted by start, then UID
};

// UIDs and sequences of `shifts` (all resolved shifts of the plan, or the export's own
// list of them), and the cancelled events of the team calendar (person nullopt: pieces
// that no longer exist) or of one person's (pieces that person held when published and
// holds no more).
CalendarState calendarState(const Plan& plan, const std::vector<Shift>& shifts,
                            const std::optional<std::string>& person);

// The "ics" member for a snapshot of the plan as it is now, published on `today`.
Json calendarStateAfterPublish(const Plan& plan, Date today);

}  // namespace rp
