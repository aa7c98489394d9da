// Internal to src/core/interop: what every exporter starts from. Per role, the plan's
// exact timeline over its span (the resolved shifts, holes included), the weekly grid of
// handoffs, the base cycle; then, given the coverage a vendor's native rotation gives,
// the stretches where it differs from the plan (what overrides must fix); and the
// escalation levels of escalation.md as vendor steps.
#pragma once
#include <string>
#include <vector>

#include "core/interop/cycle.hpp"
#include "core/interop/interop.hpp"

namespace date { class time_zone; }

namespace rp::interop::detail {

// A stretch of a role's timeline: who is on call from start to end ("" nobody).
struct Piece {
    Instant start, end;
    std::string person;
};

// The weekly handoffs counted from the plan's first week (rules.md "Time").
struct Grid {
    const date::time_zone* zone = nullptr;
    Date first{};
    int minute = 0;     // the handoff's minute of the day
    long weeks = 0;     // grid weeks 0..weeks-1 cover the plan's span
    Instant handoff(long k) const { return at(k, minute); }
    // Week k's handoff day at another minute of the day (Opsgenie's rounded turns).
    Instant at(long k, int minute_of_day) const;
    Date date(long k) const { return first + date::days{7 * k}; }
    // The grid week holding t: handoff(k) <= t < handoff(k + 1).
    long weekAt(Instant t) const;
};

struct RoleModel {
    Role role = Role::Primary;
    std::vector<Piece> target;               // contiguous over the span, split at the plan's weeks
    std::vector<std::string> week_person;    // per grid week: who holds it for its largest part
    std::vector<bool> week_hole;             // per grid week: some of it has nobody
    BaseCycle cycle;
};

struct ExportModel {
    const Plan* plan = nullptr;
    std::string zone_name;                   // the IANA zone written into exports
    Grid grid;
    Instant span_start{}, span_end{};
    bool empty = true;                       // no week: nothing to export but the escalation
    std::vector<RoleModel> roles;            // primary, secondary, then shadow when any week has one
    std::vector<Loss> losses;                // overrides outside the weeks, overlapping weeks
    std::vector<std::pair<Instant, Date>> week_starts;   // the plan's weeks by span start

    // The plan week holding t (its start date); the grid week's date between weeks.
    Date weekOf(Instant t) const;
};

ExportModel buildExportModel(const Plan& plan);

// Where a vendor's native rotation puts someone (intervals may overlap).
struct Coverage {
    Instant start, end;
    std::string person;
};
// Two or more different people at once (a vendor paging both).
extern const char* const kConflict;
// The coverage as pieces over [from, to): "" nobody, kConflict two or more people.
std::vector<Piece> flatten(std::vector<Coverage> cover, Instant from, Instant to);

// The week whose handoff anchors a rotation written with an instant (PagerDuty's
// rotation_virtual_start, Opsgenie's startDate, GoAlert's start): week 0, unless its
// handoff at `minute` is a local time daylight saving skips (its instant reads as another
// wall-clock time, which the vendor would repeat every week); then `fallback` (-1 or 1),
// whose handoff exists.
long anchorWeek(const Grid& grid, int minute, long fallback);
// The cycle as a vendor's user list anchored at week `anchor`: turn j of the list is
// the plan's week anchor + j.
std::vector<std::string> rotated(const std::vector<std::string>& cycle, long anchor);

// The weekly rotation's turns clipped to [from, to): turn k runs from week k's day at
// `turn_minute` to week k + 1's, person cycle[k mod n].
void addWeeklyTurns(const Grid& grid, const std::vector<std::string>& cycle, int turn_minute, Instant from, Instant to,
                    std::vector<Coverage>& out);

// A stretch where the vendor's native coverage differs from the plan: the plan's person
// there ("" nobody), inside one of the plan's pieces, and the week it belongs to.
struct Fix {
    Instant start, end;
    std::string person;
    Date week;
};
std::vector<Fix> differences(const ExportModel& m, const std::vector<Piece>& target, const std::vector<Piece>& native);

// The escalation path (escalation.md) as one vendor policy: the role schedules, then the
// week's escalation contact, the CTO and, for P0, the CEO, one step every `delay_minutes`.
struct EscalationStep {
    bool schedule = false;   // true: the role's schedule; false: a person
    Role role = Role::Primary;
    std::string person;      // plan id (schedule == false)
    std::string label;       // "escalation contact", "CTO", "CEO"
};
struct EscalationModel {
    int delay_minutes = 30;
    std::vector<EscalationStep> steps;
};
// Losses for what one policy cannot express (the contact changing by week, the CEO paged
// for P0 only) go to `losses`.
EscalationModel escalationModel(const Plan& plan, Vendor vendor, std::vector<Loss>& losses);

// The exports' shared loss texts.
std::string roleTitle(Role role);   // "primary"

}  // namespace rp::interop::detail
