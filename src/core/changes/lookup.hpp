// Who is on call at an instant, and a person's next duties (changes.md "whois", "next").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/changes/diff.hpp"
#include "core/model/plan.hpp"

namespace date { class time_zone; }

namespace rp {

struct OnCallPiece {
    std::string person;
    Instant start, end;
    bool from_override = false;
};

// Resolved holders at one instant (overrides included).
struct OnCall {
    Instant at;
    int week = -1;                                   // index into plan.weeks; -1 outside every week
    std::optional<OnCallPiece> primary, secondary, shadow;
    std::optional<std::string> escalation;           // the week's own, else contacts.engineering_lead
};

OnCall whoIsOnCall(const Plan& plan, Instant at);
// {at, week, primary, secondary, escalation, shadow (ids or null), shifts: [{role, person,
//  name, start, end, source}]}
Json onCallToJson(const Plan& plan, const OnCall& o);
std::string onCallToText(const Plan& plan, const OnCall& o);

struct PersonDuty {
    Date week;
    Duty role = Duty::Primary;
    Instant start, end;
    bool from_override = false;
};

// The person's duties (resolved primary and secondary pieces, shadow weeks, escalation
// weeks) that end after `from`, soonest first (then in role order), at most `count`.
std::vector<PersonDuty> nextDuties(const Plan& plan, const std::string& person, Instant from, int count);
// {person, name, timezone, from, duties: [{week, role, start, end, source}]}, times in the
// person's own zone.
Json nextDutiesToJson(const Plan& plan, const std::string& person, Instant from, const std::vector<PersonDuty>& d);
std::string nextDutiesToText(const Plan& plan, const std::string& person, Instant from, const std::vector<PersonDuty>& d);

// The zone a person's times are shown in: their own, else the team's.
const date::time_zone* personZone(const Plan& plan, const std::string& person);

}  // namespace rp
