#include "core/changes/text.hpp"

#include "core/model/digits.hpp"
#include "core/model/time.hpp"

namespace rp::changes_text {

const date::time_zone* teamZone(const Plan& plan) {
    if (const auto* z = findZone(plan.team_timezone)) return z;
    return findZone("UTC");
}

std::string localText(const date::time_zone* zone, Instant t) {
    const auto local = t + std::chrono::seconds(zone ? offsetSeconds(zone, t) : 0);
    const auto day = date::floor<date::days>(local);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    char buf[32];
    char* p = fixed::putDate(buf, date::year_month_day{day});
    *p++ = ' ';
    return std::string(buf, fixed::putClock(p, minutes * 60LL, false));
}

std::string joinAnd(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += i + 1 == parts.size() ? " and " : ", ";
        s += parts[i];
    }
    return s;
}

std::string plural(long long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 || n == -1 ? one : many);
}

}  // namespace rp::changes_text
