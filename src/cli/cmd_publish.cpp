// rotaplan publish PLAN [--today D] [--force] [-o FILE]  (changes.md "Commands")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/changes/publish.hpp"
#include "core/model/plan_io.hpp"

namespace rp::cli {

int cmdPublish(Args& args) {
    const char* usage = "rotaplan publish PLAN [--today YYYY-MM-DD] [--force] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Writes the plan with `published` set to its current assignments (every week's primary,\n"
            "secondary, escalation contact and shadow, and the overrides) and `at` = today: the\n"
            "rotation as announced. Later edits are measured against it (rules late-change and\n"
            "history-change, rotaplan diff, announce, calendar SEQUENCE numbers).\n\n"
            "--today D  the publishing date (default: the current date in the team's zone)\n"
            "--force    publish even when the check has errors other than late-change\n"
            "-o FILE    write the plan to FILE instead of standard output\n"
            "exit status: 0 published, 1 refused (the check has errors other than late-change),\n"
            "             2 unreadable plan or usage\n",
            usage);
        return kOk;
    }
    const bool force = args.flag("--force");
    const auto today = todayOption(args);
    const auto out = args.value("-o");
    auto pos = args.positionals(1, 1, usage);
    Plan plan = loadPlanArg(pos[0]);
    PublishOutcome r = publishPlan(plan, todayFor(today, plan), force);
    if (!r.plan) {
        std::fprintf(stderr, "rotaplan publish: %s: %s\n", pos[0] == "-" ? "<stdin>" : pos[0].c_str(), r.message.c_str());
        return kFailed;
    }
    writeOutput(out, writePlan(*r.plan));
    return kOk;
}

}  // namespace rp::cli
