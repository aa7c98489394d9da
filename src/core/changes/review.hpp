// The monthly on-call review (changes.md "rotaplan review"): from an incident log, one
// calendar month of the team's zone: incidents by severity, time to acknowledge and to
// resolve (median, 90th percentile, worst) against each severity's targets, escalation
// rate, incidents and night pages per person on call, the incidents that missed a target;
// the previous month beside it when the log covers it. docs/changes.md "The review".
#pragma once
#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/changes/incident_log.hpp"
#include "core/model/plan.hpp"

namespace rp {

// Durations in seconds; figures are nearest-rank percentiles.
struct DurationFigures {
    int measured = 0;                     // incidents with the instant logged
    int missing = 0;                      // never acknowledged / never resolved
    std::optional<long long> median, p90, worst;
    int target_minutes = 0;
    int missed = 0;                       // late, plus missing
};

struct SeverityFigures {
    std::string severity;                 // P0..P3
    bool business_hours = false;          // times counted in business minutes
    int incidents = 0;
    DurationFigures acknowledge, resolve;
};

struct PersonFigures {
    std::string person;
    int incidents = 0;                    // as primary on call when it opened
    int night_pages = 0;                  // pages between 22:00 and 07:00 in their own zone
};

struct ReviewMiss {
    std::string id;
    std::string severity;
    Instant opened{};
    std::optional<std::string> on_call;   // the primary when it opened
    std::string target;                   // "acknowledge" or "resolve"
    int target_minutes = 0;
    std::optional<long long> took;        // seconds; nullopt: never
};

struct MonthFigures {
    int year = 0;
    unsigned month = 0;
    Instant from{}, to{};                 // [first day 00:00, next month's first day 00:00), team zone
    int incidents = 0;
    int outside_weeks = 0;                // opened when no week of the plan was running
    std::array<SeverityFigures, 4> severities;
    int escalated = 0;
    int night_pages = 0;
    std::vector<PersonFigures> per_person;  // people with anything, by id
    std::vector<ReviewMiss> misses;         // by opening, then target
};

struct Review {
    MonthFigures month;
    std::optional<MonthFigures> previous;  // when the log reaches back into the month before
};

// "2026-12" -> (2026, 12); nullopt when malformed.
std::optional<std::pair<int, unsigned>> parseMonth(const std::string& text);

Review reviewMonth(const Plan& plan, const std::vector<LoggedIncident>& log, int year, unsigned month);

Json reviewToJson(const Plan& plan, const Review& r);
std::string reviewToMarkdown(const Plan& plan, const Review& r);

}  // namespace rp
