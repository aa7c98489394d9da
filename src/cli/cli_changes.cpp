// Shared pieces of the published-rotation commands: --today (changes.md "What counts as today").
#include "cli/cli.hpp"

#include "core/changes/diff.hpp"

namespace rp::cli {

std::optional<Date> todayOption(Args& args) {
    const auto text = args.value("--today");
    if (!text) return std::nullopt;
    const auto d = parseDate(*text);
    if (!d) throw UsageError{"--today " + *text + ": expected a date YYYY-MM-DD"};
    return d;
}

Date todayFor(const std::optional<Date>& option, const Plan& plan) {
    return option ? *option : currentDate(plan);
}

}  // namespace rp::cli
