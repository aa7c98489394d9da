// rotaplan check PLAN [--today D] [--json]  (rules.md "The report", changes.md "today")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/rules/check.hpp"

namespace rp::cli {

int cmdCheck(Args& args) {
    const char* usage = "rotaplan check PLAN [--today YYYY-MM-DD] [--json]";
    if (args.wantsHelp()) {
        std::printf("usage: %s\n\nChecks the plan against every rotation rule and lists the violations.\n"
                    "--today D  the date the rules late-change and history-change measure from\n"
                    "           (default: the current date in the team's zone)\n"
                    "--json     print the report as JSON\n"
                    "exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable plan or usage\n",
                    usage);
        return kOk;
    }
    bool json = args.flag("--json");
    const auto today = todayOption(args);
    auto pos = args.positionals(1, 1, usage);
    Plan plan = loadPlanArg(pos[0]);
    CheckOptions options;
    options.today = todayFor(today, plan);
    Report report = check(plan, options);
    if (json)
        writeOutput(std::nullopt, reportToJson(report).dump(2) + "\n");
    else
        writeOutput(std::nullopt, reportToText(report));
    return exitCodeFor(report);
}

}  // namespace rp::cli
