// The rule check (rules.md): every violation of a plan, sorted, with messages.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"

namespace rp {

enum class Severity { Error, Warning };

struct Violation {
    std::string rule;                   // "gap", "week-order", ...
    Severity severity = Severity::Error;
    std::optional<Date> week;           // null: not tied to one week
    std::vector<std::string> people;    // sorted ids
    std::optional<std::string> request; // request id
    std::string message;
};

struct Report {
    int errors = 0;
    int warnings = 0;
    std::vector<Violation> violations;  // sorted: week (null first), rule, people, request
};

// What the check needs beyond the plan. `today` (the team-zone date) switches on the
// rules that depend on the date, late-change and history-change (changes.md); without it
// they are silent and the report does not depend on the date.
struct CheckOptions {
    std::optional<Date> today;
};

Report check(const Plan& plan);                              // check(plan, {}): no today
Report check(const Plan& plan, const CheckOptions& options);

Json reportToJson(const Report& report);          // the --json object
std::string reportToText(const Report& report);   // one line per violation + summary
int exitCodeFor(const Report& report);            // 0 no errors, 1 errors

// ---- helpers shared with the simulation (simulate.hpp) ----
const char* severityName(Severity s);             // "error" / "warning"
Json violationToJson(const Violation& v);         // {rule, severity, week, people, request, message}
// Report order: week (null first), rule, people, request (null first).
bool violationLess(const Violation& a, const Violation& b);
// Same (rule, week, people, request, severity); the message is not compared.
bool sameViolation(const Violation& a, const Violation& b);

// In the rotation pool for the week starting on week_start: on_call, not a trainee, and
// not past inactive_from (weeks starting on or after it leave the person out).
bool inRotationPool(const Person& p, Date week_start);
// In the pool for at least one week ever (inactive_from ignored): on_call and not a trainee.
inline bool inRotationPool(const Person& p) { return p.on_call && !p.trainee; }

// A swap's with_week when absent is its own week; with_role defaults to role.
Date requestWithWeek(const Request& r);
Role requestWithRole(const Request& r);
// The earliest week a request changes: its week, or for a swap the earlier of week and
// with_week.
Date earliestAffectedWeek(const Request& r);
// Days from submitted to the earliest affected week's start date (negative when late).
int noticeDays(const Request& r);
// Why a request does not match the plan (rule request-invalid), as one sentence; empty
// when it matches: `by` holds `role` in `week` and, for a swap, `with` holds `with_role`
// in `with_week` (the weeks' own assignments).
std::string requestMismatch(const Plan& plan, const Request& r);
// The change-notice sentence for a request, whether or not its notice is short:
// "r2 was submitted 13 days before the week of 2026-12-14 (14 required)[; allowed as an emergency]".
std::string changeNoticeMessage(const Plan& plan, const Request& r);

}  // namespace rp
