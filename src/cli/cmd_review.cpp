// rotaplan review PLAN --incidents FILE --month YYYY-MM [--json] [-o FILE]
// (changes.md "Commands"; docs/changes.md "The review")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/changes/incident_log.hpp"
#include "core/changes/review.hpp"

namespace rp::cli {

int cmdReview(Args& args) {
    const char* usage = "rotaplan review PLAN --incidents FILE --month YYYY-MM [--json] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "The monthly on-call review from an incident log: incidents by severity; time to\n"
            "acknowledge and to resolve (median, 90th percentile, worst) against each severity's\n"
            "ack_minutes and respond_minutes; escalation rate; incidents and pages at night per\n"
            "person on call; the incidents that missed a target; the previous month beside it\n"
            "when the log reaches back into it. Markdown, or JSON with --json.\n\n"
            "--incidents FILE  the log (- for standard input): CSV with a header row, or a JSON\n"
            "                  array, with opened, acknowledged, resolved, severity, escalated_to\n"
            "                  (and id, security); also the incident list 'rotaplan pay' reads\n"
            "--month YYYY-MM   the calendar month, in the team's zone\n"
            "--json            the figures as JSON\n"
            "-o FILE           write to FILE instead of standard output\n"
            "exit status: 0 success, 2 unreadable plan or log, or usage\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const auto list = args.value("--incidents");
    const auto month = args.value("--month");
    const auto out = args.value("-o");
    auto pos = args.positionals(1, 1, usage);
    if (!list) throw UsageError{"--incidents FILE is required (usage: " + std::string(usage) + ")"};
    if (!month) throw UsageError{"--month YYYY-MM is required (usage: " + std::string(usage) + ")"};
    const auto ym = parseMonth(*month);
    if (!ym) throw UsageError{"--month " + *month + ": expected a month YYYY-MM"};
    if (*list == "-" && pos[0] == "-") throw UsageError{"the plan and the incident log cannot both be standard input"};
    Plan plan = loadPlanArg(pos[0]);
    const std::string text = readFileOrStdin(*list);
    auto log = readIncidentLog(plan, text);
    if (const auto* err = std::get_if<std::string>(&log))
        throw UsageError{(*list == "-" ? std::string("<stdin>") : *list) + ": " + *err};
    const Review r = reviewMonth(plan, std::get<std::vector<LoggedIncident>>(log), ym->first, ym->second);
    writeOutput(out, json ? reviewToJson(plan, r).dump(2) + "\n" : reviewToMarkdown(plan, r));
    return kOk;
}

}  // namespace rp::cli
