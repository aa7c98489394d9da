// rotaplan announce PLAN [--today D] [--weeks N] [--format slack|md]  (changes.md "Commands")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/changes/announce.hpp"

namespace rp::cli {

int cmdAnnounce(Args& args) {
    const char* usage = "rotaplan announce PLAN [--today YYYY-MM-DD] [--weeks N] [--format slack|md] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "The text the lead posts in #incidents after publishing: the next N weeks (week,\n"
            "primary, secondary, escalation), the changes since the published snapshot and who\n"
            "must know, then the contacts (primary, secondary, engineering lead, CTO with phone\n"
            "and e-mail).\n\n"
            "--today D        the date the next weeks count from (default: the current date in\n"
            "                 the team's zone)\n"
            "--weeks N        how many weeks to list, 1 to 520 (default 4)\n"
            "--format slack   Slack mrkdwn: <@SLACKID> mentions, *bold*, the table as aligned lines\n"
            "                 in a code block (the default)\n"
            "--format md      Markdown with a table\n"
            "-o FILE          write to FILE instead of standard output\n"
            "exit status: 0 success, 2 unreadable plan or usage\n",
            usage);
        return kOk;
    }
    const auto today = todayOption(args);
    const auto weeks = args.value("--weeks");
    const auto format = args.value("--format");
    const auto out = args.value("-o");
    auto pos = args.positionals(1, 1, usage);
    AnnounceOptions o;
    if (weeks) {
        const auto n = parseDecimal(*weeks, 4);
        if (!n || *n != static_cast<int>(*n) || *n < 1 || *n > 520)
            throw UsageError{"--weeks " + *weeks + ": expected a whole number of weeks from 1 to 520"};
        o.weeks = static_cast<int>(*n);
    }
    if (format) {
        if (*format == "slack") o.format = AnnounceFormat::Slack;
        else if (*format == "md" || *format == "markdown") o.format = AnnounceFormat::Markdown;
        else throw UsageError{"--format " + *format + " is not slack or md"};
    }
    Plan plan = loadPlanArg(pos[0]);
    o.today = todayFor(today, plan);
    writeOutput(out, announceText(plan, o));
    return kOk;
}

}  // namespace rp::cli
