// The incident log (changes.md "rotaplan review"): what happened, as recorded by the
// team or exported from an incident tool. CSV with a header row or a JSON array, with
// `opened`, `acknowledged`, `resolved`, `severity`, `escalated_to` (and `id`, `security`).
// `pay` and `review` both read it; `pay`'s own incident list ({at, ack, resolve}) is read
// too. docs/changes.md "The incident log" has the details.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model/plan.hpp"
#include "core/simulation/escalation.hpp"

namespace rp {

struct LoggedIncident {
    std::string id;                          // as logged, else "#<position>" (1-based)
    std::string severity;                    // "P0".."P3"
    Instant opened{};
    std::optional<Instant> acknowledged, resolved;
    std::optional<std::string> escalated_to; // a level (secondary, escalation, cto, ceo) or a person id
    bool security = false;
};

// True when the text is a log in the format above (CSV, or JSON objects with "opened"),
// false for pay's incident list format.
bool isIncidentLog(const std::string& text);

// Reads a log (either format of isIncidentLog, or pay's list). Error: one line naming the
// place ("line 3, column acknowledged: ..." for CSV, "/2/opened: ..." for JSON).
std::variant<std::vector<LoggedIncident>, std::string> readIncidentLog(const Plan& plan, const std::string& text);

// A logged incident as an escalation scenario for pay: opened -> at, acknowledged -> an
// acknowledgement by the primary (whole minutes, rounded up), resolved -> resolve.
EscalationScenario scenarioFromLogged(const LoggedIncident& i);

}  // namespace rp
