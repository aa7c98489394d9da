// The compensation report (escalation.md "Beyond one incident", plan-format.md
// `compensation`): per person and calendar month of the team's zone, the weekly base,
// per-incident pay, the weekend extra, rest hours after P0s and comp hours per weekend.
// Decisions: docs/incidents-pay-handoff.md.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/simulation/incidents.hpp"
#include "core/model/plan.hpp"

namespace rp {

struct PayRow {
    std::string month;                    // "2026-12"; "" in per-person and overall totals
    std::string person;                   // "" in the overall totals
    std::int64_t primary_weeks = 0, secondary_weeks = 0, weekends = 0;
    std::int64_t incidents = 0;           // incidents paid per_incident
    std::int64_t p0_incidents = 0;        // P0s responded to (rest hours)
    double base = 0, incident_pay = 0, weekend_pay = 0, total = 0;   // rounded to cents
    double rest_hours = 0, comp_hours = 0;
};

struct PayReport {
    std::string currency;                 // compensation.currency, "" when absent
    std::vector<PayRow> months;           // by month, then person id; rows with something in them
    std::vector<PayRow> per_person;       // by person id
    PayRow totals;
    std::int64_t incidents = 0;           // incidents considered
    bool simulated = false;
};

// The incidents come from a report (its pay sums: a simulation or an incident list).
// Error: "the plan has no compensation section".
std::variant<PayReport, std::string> computePay(const Plan& plan, const IncidentReport& incidents);

// Header month,person,name,primary_weeks,secondary_weeks,weekends,incidents,p0_incidents,
// base,incident_pay,weekend_pay,total,currency,rest_hours,comp_hours; RFC 4180, CRLF,
// cells starting with = + - @ prefixed with '. Money with 2 decimals.
std::string payToCsv(const Plan& plan, const PayReport& r);
// {"currency", "source", "incidents", "months": [...], "per_person": [...], "totals": {...}}
Json payToJson(const Plan& plan, const PayReport& r);

}  // namespace rp
