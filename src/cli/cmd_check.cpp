// rotaplan check PLAN [--json]  (rules.md "The report")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/rules/check.hpp"

namespace rp::cli {

int cmdCheck(Args& args) {
    const char* usage = "rotaplan check PLAN [--json]";
    if (args.wantsHelp()) {
        std::printf("usage: %s\n\nChecks the plan against every rotation rule and lists the violations.\n"
                    "--json  print the report as JSON\n"
                    "exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable plan or usage\n",
                    usage);
        return kOk;
    }
    bool json = args.flag("--json");
    auto pos = args.positionals(1, 1, usage);
    Plan plan = loadPlanArg(pos[0]);
    Report report = check(plan);
    if (json)
        writeOutput(std::nullopt, reportToJson(report).dump(2) + "\n");
    else
        writeOutput(std::nullopt, reportToText(report));
    return exitCodeFor(report);
}

}  // namespace rp::cli
