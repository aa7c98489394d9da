// rotaplan diff OLD NEW [--today D] [--json]; rotaplan diff PLAN (against its published
// snapshot)  (changes.md "Commands")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/changes/diff.hpp"

namespace rp::cli {

int cmdDiff(Args& args) {
    const char* usage = "rotaplan diff OLD NEW | rotaplan diff PLAN  [--today YYYY-MM-DD] [--json]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Every changed (week, role) of the resolved shifts, the escalation contact and the shadow:\n"
            "from OLD to NEW, or from PLAN's published snapshot to PLAN. Then the people to notify\n"
            "(everyone whose duty appeared, vanished or moved) with the weeks concerned.\n\n"
            "--today D  marks the changes inside the notice window (today ... today + change_notice_days);\n"
            "           default: the current date in the team's zone\n"
            "--json     {since, today, notice_days, changes: [{week, role, from, to, start, end,\n"
            "           inside_notice}], notify: [{person, name, weeks}]}\n"
            "exit status: 0 nothing changed, 1 something changed, 2 unreadable input, usage, or a\n"
            "             PLAN without a published snapshot\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const auto today = todayOption(args);
    auto pos = args.positionals(1, 2, usage);
    DiffResult d;
    Plan shown;
    if (pos.size() == 2) {
        if (pos[0] == "-" && pos[1] == "-") throw UsageError{"OLD and NEW cannot both be standard input"};
        Plan old_plan = loadPlanArg(pos[0]);
        shown = loadPlanArg(pos[1]);
        d = diffPlans(old_plan, shown, todayFor(today, shown));
    } else {
        shown = loadPlanArg(pos[0]);
        auto r = diffPublished(shown, todayFor(today, shown));
        if (!r)
            throw UsageError{(pos[0] == "-" ? std::string("<stdin>") : pos[0]) +
                             ": the plan has no published snapshot (publish it first: rotaplan publish PLAN)"};
        d = std::move(*r);
    }
    writeOutput(std::nullopt, json ? diffToJson(shown, d).dump(2) + "\n" : diffToText(shown, d));
    return d.changes.empty() ? kOk : kFailed;
}

}  // namespace rp::cli
