// What changed between two rotations (changes.md "rotaplan diff", the rules late-change
// and history-change): each (week, role) of the resolved shifts, the escalation contact
// and the shadow, compared instant by instant; the people to notify.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"
#include "core/model/shifts.hpp"

namespace rp {

// The duties compared, in report order.
enum class Duty { Primary, Secondary, Escalation, Shadow };
const char* dutyName(Duty d);  // "primary", "secondary", "escalation", "shadow"

// [today 00:00, today + change_notice_days 00:00) in the team's zone.
struct NoticeWindow {
    Date today;
    int days = 0;
    Instant from, to;
    bool intersects(Instant start, Instant end) const { return start < to && from < end; }
};
NoticeWindow noticeWindow(const Plan& plan, Date today);

// The current date in a zone (the team's: plan.team_timezone), from the system clock.
Date currentDate(const Plan& plan);

// A plan's duties week by week (weeks with one start date taken together), sorted by
// start date. Escalation is the week's own, else contacts.engineering_lead.
struct WeekDuties {
    struct Piece {
        std::string person;
        Instant start, end;
    };
    Date start;
    Instant span_start, span_end;          // of the first week with this start date
    std::vector<Piece> primary, secondary; // resolved pieces, sorted by start
    std::optional<std::string> escalation, shadow;
    bool emergency = false;                // any week with this start is an emergency
};
std::vector<WeekDuties> weekDuties(const Plan& plan, const std::vector<WeekSpan>& spans,
                                   const std::vector<Shift>& shifts);
std::vector<WeekDuties> weekDuties(const Plan& plan);

// The published snapshot as a plan of its own (the plan's zone and policy, the snapshot's
// weeks and overrides, no contacts, so its escalation is exactly what was published).
// Requires plan.published.
Plan snapshotPlan(const Plan& plan);

// One changed stretch of a duty: `from` held it in the old rotation, `to` in the new
// (nullopt: nobody), over [start, end) inside the week.
struct DutyChange {
    Date week;
    Duty role = Duty::Primary;
    std::optional<std::string> from, to;
    Instant start, end;
    bool inside_notice = false;            // the week intersects the notice window
    bool whole_week = false;               // [start, end) is the week's whole span
};

// The changes of one week; either side may be null (the week exists on one side only).
// Primary and secondary stretches are merged where consecutive ones have the same
// (from, to); escalation and shadow cover the whole week. Sorted by role, then start.
std::vector<DutyChange> diffWeek(const WeekDuties* old_week, const WeekDuties* new_week);

struct NotifyEntry {
    std::string person;
    std::vector<Date> weeks;               // sorted, unique
};

struct DiffResult {
    std::optional<Date> since;             // published.at for a plan against its snapshot
    NoticeWindow window;
    std::vector<DutyChange> changes;       // sorted by week, then role, then start
    std::vector<NotifyEntry> notify;       // everyone in a change's from or to, by id
};

// Every change from old_plan to new_plan (each resolved in its own zone and policy); the
// notice window is the new plan's.
DiffResult diffPlans(const Plan& old_plan, const Plan& new_plan, Date today);
// The plan against its published snapshot; nullopt when it has none.
std::optional<DiffResult> diffPublished(const Plan& plan, Date today);

// {"since", "today", "notice_days", "changes": [{week, role, from, to, start, end,
//  inside_notice}], "notify": [{person, name, weeks}]}
Json diffToJson(const Plan& plan, const DiffResult& d);
std::string diffToText(const Plan& plan, const DiffResult& d);
// One change for people: "primary Alice Ng -> Carol Diaz" plus " from A to B" when it
// covers part of the week only.
std::string describeChange(const Plan& plan, const DutyChange& c);

}  // namespace rp
