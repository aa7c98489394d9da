// rotaplan simulate PLAN REQUEST_ID [--json]  (rules.md "Simulating a change request")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/rules/simulate.hpp"

namespace rp::cli {

int cmdSimulate(Args& args) {
    const char* usage = "rotaplan simulate PLAN REQUEST_ID [--json]";
    if (args.wantsHelp()) {
        std::printf("usage: %s\n\nApplies one change request to a copy of the plan, checks both and says\n"
                    "what changes, which violations it introduces or resolves, and the verdict.\n"
                    "--json  print the simulation as JSON\n"
                    "exit status: 0 approve, 1 reject, 2 unreadable plan, unknown request id or usage\n",
                    usage);
        return kOk;
    }
    bool json = args.flag("--json");
    auto pos = args.positionals(2, 2, usage);
    Plan plan = loadPlanArg(pos[0]);
    auto sim = simulate(plan, pos[1]);
    if (!sim) throw UsageError{pos[1] + ": no request with this id in " + (pos[0] == "-" ? "<stdin>" : pos[0])};
    if (json)
        writeOutput(std::nullopt, simulationToJson(*sim).dump(2) + "\n");
    else
        writeOutput(std::nullopt, simulationToText(plan, *sim));
    return exitCodeFor(*sim);
}

}  // namespace rp::cli
