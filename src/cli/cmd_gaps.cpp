// rotaplan gaps PLAN [--json]: the coverage-gap scan (docs/escalation.md "Coverage gaps").
#include <cstdio>

#include "cli/cli.hpp"
#include "core/simulation/gaps.hpp"
#include "core/model/time.hpp"

namespace rp::cli {

int cmdGaps(Args& args) {
    const char* usage = "rotaplan gaps PLAN [--json]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Runs the worst case (nobody acknowledges, never resolved) of every severity at every\n"
            "shift start and every business-hours start and end inside the plan's weeks, and lists\n"
            "each place the escalation path breaks: someone with time off when paged (time-off), a\n"
            "level with nobody assigned (no-contact), and a delivery, response or page that lands\n"
            "outside the plan's weeks (outside-weeks).\n"
            "--json  print the gaps as JSON\n"
            "exit status: 0 no gaps, 1 gaps, 2 unreadable plan or usage\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    auto pos = args.positionals(1, 1, usage);
    Plan plan = loadPlanArg(pos[0]);
    GapReport report = findCoverageGaps(plan);
    if (json)
        writeOutput(std::nullopt, gapReportToJson(report, findZone(plan.team_timezone)).dump(2) + "\n");
    else
        writeOutput(std::nullopt, gapReportToText(plan, report));
    return gapsExitCode(report);
}

}  // namespace rp::cli
