// rotaplan candidates PLAN --week DATE --role ROLE [--today D] [--json]  (docs/drafting.md)
#include <cstdio>

#include "cli/cli.hpp"
#include "core/rules/candidates.hpp"

namespace rp::cli {

int cmdCandidates(Args& args) {
    const char* usage = "rotaplan candidates PLAN --week DATE --role primary|secondary|shadow [--today YYYY-MM-DD] [--json]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Lists everyone who could take that assignment of the week without any new error,\n"
            "best first (fewest weeks so far, then fewest in that role, then longest rest, then the\n"
            "people order), each with the reason for the rank; then everyone excluded, with the\n"
            "rule that excludes them. For shadow, the trainees are judged.\n"
            "--week DATE  the start date of the week\n"
            "--role ROLE  primary, secondary or shadow\n"
            "--today D    the date the notice window (rule late-change) starts from (default: the\n"
            "             current date in the team's zone)\n"
            "--json       print the list as JSON\n"
            "exit status: 0 listed, 2 unreadable plan, unknown week or usage\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const auto today = todayOption(args);
    auto week_text = args.value("--week");
    auto role_text = args.value("--role");
    auto pos = args.positionals(1, 1, usage);
    if (!week_text) throw UsageError{std::string("--week DATE is required (usage: ") + usage + ")"};
    if (!role_text) throw UsageError{std::string("--role ROLE is required (usage: ") + usage + ")"};
    auto week = parseDate(*week_text);
    if (!week) throw UsageError{"--week: expected a date YYYY-MM-DD, got '" + *week_text + "'"};
    Role role;
    if (*role_text == "primary") role = Role::Primary;
    else if (*role_text == "secondary") role = Role::Secondary;
    else if (*role_text == "shadow") role = Role::Shadow;
    else throw UsageError{"--role: expected primary, secondary or shadow, got '" + *role_text + "'"};
    Plan plan = loadPlanArg(pos[0]);
    CheckOptions options;
    options.today = todayFor(today, plan);
    auto list = findCandidates(plan, *week, role, options);
    if (!list)
        throw UsageError{(pos[0] == "-" ? std::string("<stdin>") : pos[0]) + ": no week starts on " + *week_text};
    if (json)
        writeOutput(std::nullopt, candidatesToJson(*list).dump(2) + "\n");
    else
        writeOutput(std::nullopt, candidatesToText(plan, *list));
    return kOk;
}

}  // namespace rp::cli
