// Handoff notes: the message for a week's handoff, as Markdown — who hands over to whom,
// contact details, the escalation contact, pending change requests and time off in the
// next 4 weeks, and headed sections for the lead to fill.
// Decisions: docs/incidents-pay-handoff.md "Handoff notes".
#pragma once
#include <optional>
#include <string>

#include "core/model/plan.hpp"

namespace rp {

constexpr int kHandoffLookaheadWeeks = 4;

// The week (index into plan.weeks) a date picks: the week starting that day, else the
// first week whose 7 days hold it; -1 when none does.
int handoffWeekIndex(const Plan& plan, Date day);

// The Markdown message for the handoff into the week `day` picks; nullopt with *error
// (one line) when no week holds that date.
std::optional<std::string> handoffMarkdown(const Plan& plan, Date day, std::string* error = nullptr);

}  // namespace rp
