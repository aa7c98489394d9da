// rotaplan handoff PLAN --week DATE [-o FILE]   (docs/incidents-pay-handoff.md)
#include <cstdio>

#include "cli/cli.hpp"
#include "core/exports/handoff.hpp"

namespace rp::cli {

int cmdHandoff(Args& args) {
    const char* usage = "rotaplan handoff PLAN --week DATE [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Writes the handoff message for a week as Markdown: outgoing and incoming primary and\n"
            "secondary with contact details, the escalation contact, pending change requests and\n"
            "time off in the next 4 weeks, and sections for the lead to fill (active and recent\n"
            "incidents, system status, known issues, upcoming maintenance).\n\n"
            "--week DATE   the incoming week: its start date YYYY-MM-DD, or any day inside it\n"
            "-o FILE       write to FILE instead of standard output\n"
            "exit status: 0 success, 2 unreadable plan, bad arguments or a date outside the weeks\n",
            usage);
        return kOk;
    }
    const auto week = args.value("--week");
    const auto out = args.value("-o");
    auto pos = args.positionals(1, 1, usage);
    if (!week) throw UsageError{std::string("--week is required (usage: ") + usage + ")"};
    const auto day = parseDate(*week);
    if (!day) throw UsageError{"--week " + *week + " is not a date (expected YYYY-MM-DD)"};
    Plan plan = loadPlanArg(pos[0]);
    std::string err;
    auto text = handoffMarkdown(plan, *day, &err);
    if (!text) throw UsageError{"--week " + *week + ": " + err};
    writeOutput(out, *text);
    return kOk;
}

}  // namespace rp::cli
