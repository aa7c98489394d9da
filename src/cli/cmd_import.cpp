// rotaplan import --from pagerduty|opsgenie|grafana-oncall|goalert|ics --primary FILE
//                 [--secondary FILE] [--shadow FILE] [--timezone Z] [--handoff WEEKDAY@HH:MM]
//                 [--report FILE] [-o PLAN]
#include <cstdio>

#include "cli/cli.hpp"
#include "core/interop/interop.hpp"
#include "core/model/plan_io.hpp"

namespace rp::cli {

int cmdImport(Args& args) {
    const char* usage =
        "rotaplan import --from pagerduty|opsgenie|grafana-oncall|goalert|ics --primary FILE [--secondary FILE] "
        "[--shadow FILE] [--timezone ZONE] [--handoff WEEKDAY@HH:MM] [--report FILE] [-o PLAN]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\nMakes a plan from each role's resolved timeline as the vendor gives it "
            "(docs/interop.md):\n"
            "  pagerduty       GET /schedules/{id}?since=...&until=... (or GET /oncalls?schedule_ids[]=...)\n"
            "  opsgenie        GET /v2/schedules/{id}/timeline\n"
            "  grafana-oncall  GET /api/v1/schedules/{id}/final_shifts (one page, or a JSON array of pages)\n"
            "  goalert         the GraphQL schedule {timeZone, shifts {userID start end user {id name email}}}\n"
            "  ics             an iCalendar feed, one person per event\n"
            "--primary FILE    the primary schedule's timeline (required; - for standard input)\n"
            "--secondary FILE  the secondary's; --shadow FILE the shadow's\n"
            "--timezone ZONE   the team's IANA zone (default: the schedule's, else UTC)\n"
            "--handoff W@HH:MM the weekly handoff, e.g. monday@09:00 (default: when most turns start)\n"
            "--report FILE     write the loss report (a JSON array) to FILE\n"
            "-o PLAN           write the plan to PLAN instead of standard output\n"
            "Standard error gets one line per kind of loss. Exit 0 on success, 2 for bad input.\n",
            usage);
        return kOk;
    }
    auto from = args.value("--from");
    auto primary = args.value("--primary");
    auto secondary = args.value("--secondary");
    auto shadow = args.value("--shadow");
    auto timezone = args.value("--timezone");
    auto handoff = args.value("--handoff");
    auto report = args.value("--report");
    auto out = args.value("-o");
    if (!out) out = args.value("--output");
    args.positionals(0, 0, usage);
    if (!from) throw UsageError{"--from is required: pagerduty, opsgenie, grafana-oncall, goalert or ics"};
    const auto vendor = interop::parseVendor(*from);
    if (!vendor)
        throw UsageError{"--from " + *from + " is not known: expected pagerduty, opsgenie, grafana-oncall, goalert or ics"};
    if (!primary) throw UsageError{"--primary FILE is required (the primary schedule's timeline)"};
    interop::ImportOptions options;
    options.timezone = timezone;
    if (handoff) {
        auto h = interop::parseHandoff(*handoff);
        if (!h) throw UsageError{"--handoff " + *handoff + ": expected WEEKDAY@HH:MM such as monday@09:00"};
        options.handoff_weekday = h->first;
        options.handoff_minute = h->second;
    }
    auto load = [](const std::string& path) {
        return interop::RoleFile{path == "-" ? std::string("<stdin>") : path, readFileOrStdin(path)};
    };
    const interop::RoleFile primary_file = load(*primary);
    std::optional<interop::RoleFile> secondary_file, shadow_file;
    if (secondary) secondary_file = load(*secondary);
    if (shadow) shadow_file = load(*shadow);
    auto result = interop::importTimelines(*vendor, primary_file, secondary_file, shadow_file, options);
    if (auto* failure = std::get_if<interop::ImportFailure>(&result)) throw UsageError{failure->str()};
    const auto& imported = std::get<interop::ImportResult>(result);
    if (report) writeOutput(report, interop::lossesToJson(imported.losses).dump(2) + "\n");
    writeOutput(out, writePlan(imported.plan));
    for (const std::string& line : interop::lossSummary(imported.losses))
        std::fprintf(stderr, "rotaplan import: %s\n", line.c_str());
    return kOk;
}

}  // namespace rp::cli
