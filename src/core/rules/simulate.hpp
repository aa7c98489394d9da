// Simulating a change request (rules.md "Simulating a change request"): apply one
// request to a copy of the plan, check both, and say what changes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/rules/check.hpp"
#include "core/model/plan.hpp"

namespace rp {

// One assignment the request changes.
struct Change {
    Date week;
    Role role = Role::Primary;
    std::optional<std::string> from, to;  // ids; nullopt: unassigned
};

struct AppliedRequest {
    Plan plan;                    // the changed copy (the request's status set to applied)
    std::vector<Change> changes;  // sorted by week, then role (primary, secondary, shadow)
};

// Applies a request to a copy of the plan: for a cover, `with` takes `by`'s `role` in
// `week`; for a swap, in addition `by` takes `with`'s `with_role` in `with_week`. Every
// week with that start date counts. A request that does not match the plan
// (requestMismatch non-empty) changes nothing: the copy is the plan as it was.
AppliedRequest applyRequest(const Plan& plan, const Request& request);

enum class Verdict { Approve, Reject };

struct Simulation {
    std::string request;          // the request id
    Verdict verdict = Verdict::Reject;
    int notice_days = 0;          // days from submitted to the earliest affected week
    std::vector<Change> changes;
    std::vector<Violation> introduced;  // in the changed plan, not in the original (report order)
    std::vector<Violation> resolved;    // in the original, not in the changed plan
    std::vector<std::string> reasons;   // why it is rejected; empty when approved
};

// Simulates one request; nullopt when the plan has no request with that id.
std::optional<Simulation> simulate(const Plan& plan, const std::string& request_id);
Simulation simulate(const Plan& plan, const Request& request);

const char* verdictName(Verdict v);                    // "approve" / "reject"
Json changeToJson(const Change& c);                    // {week, role, from, to}
// {request, verdict, notice_days, changes, introduced, resolved, reasons}
Json simulationToJson(const Simulation& s);
std::string simulationToText(const Plan& plan, const Simulation& s);  // for people
int exitCodeFor(const Simulation& s);                  // 0 approve, 1 reject

}  // namespace rp
