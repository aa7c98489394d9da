// Small text helpers shared by the published-rotation code (src/core/changes).
#pragma once
#include <string>
#include <vector>

#include "core/model/plan.hpp"

namespace date { class time_zone; }

namespace rp::changes_text {

// The team's zone, UTC when the name is unknown.
const date::time_zone* teamZone(const Plan& plan);
// "2026-12-02 18:00", wall-clock time in a zone.
std::string localText(const date::time_zone* zone, Instant t);
// "a", "a and b", "a, b and c"
std::string joinAnd(const std::vector<std::string>& parts);
// "1 day", "3 days"
std::string plural(long long n, const char* one, const char* many);

}  // namespace rp::changes_text
