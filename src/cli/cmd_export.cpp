// rotaplan export PLAN --format json|ics|csv|md|pagerduty|opsgenie|grafana-oncall|goalert
//                  [--person ID] [--stamp T] [--utc] [--users FILE] [-o FILE]
#include <cstdio>

#include "cli/cli.hpp"
#include "core/exports/exports.hpp"
#include "core/interop/interop.hpp"
#include "core/model/time.hpp"

namespace rp::cli {

namespace {

const char* kFormats = "json, ics, csv, md, pagerduty, opsgenie, grafana-oncall or goalert";

}  // namespace

int cmdExport(Args& args) {
    const char* usage =
        "rotaplan export PLAN --format json|ics|csv|md|pagerduty|opsgenie|grafana-oncall|goalert "
        "[--person ID] [--stamp T] [--utc] [--users FILE] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf("usage: %s\n\nExports the resolved rotation.\n"
                    "--format F     json (schedule for other systems), ics (iCalendar), csv, md (Markdown),\n"
                    "               or a vendor document with the loss report (docs/interop.md):\n"
                    "               pagerduty, opsgenie, grafana-oncall, goalert\n"
                    "--person ID    ics only: that person's shifts\n"
                    "--stamp T      ics only: DTSTAMP instant, e.g. 2026-11-27T00:00:00Z (default: now)\n"
                    "--utc          ics only: times in UTC instead of TZID with VTIMEZONE\n"
                    "--users FILE   vendor formats only: plan people to vendor user ids, a flat JSON map\n"
                    "               {\"alice\": \"PABC123\"} or the vendor's user-list response (matched by e-mail)\n"
                    "-o FILE        write to FILE instead of standard output\n",
                    usage);
        return kOk;
    }
    auto format = args.value("--format");
    auto person = args.value("--person");
    auto stamp = args.value("--stamp");
    bool utc = args.flag("--utc");
    auto users_path = args.value("--users");
    auto out = args.value("-o");
    if (!out) out = args.value("--output");
    auto pos = args.positionals(1, 1, usage);
    if (!format) throw UsageError{std::string("--format is required: ") + kFormats};
    const auto vendor = interop::parseVendor(*format);
    const bool vendor_format = vendor && *vendor != interop::Vendor::Ics;
    if (*format != "json" && *format != "ics" && *format != "csv" && *format != "md" && !vendor_format)
        throw UsageError{"--format " + *format + " is not known: expected " + kFormats};
    if (*format != "ics" && (person || stamp || utc))
        throw UsageError{"--person, --stamp and --utc apply to --format ics only"};
    if (!vendor_format && users_path)
        throw UsageError{"--users applies to --format pagerduty, opsgenie, grafana-oncall and goalert only"};
    Plan plan = loadPlanArg(pos[0]);
    std::string text;
    if (vendor_format) {
        interop::UserMap users;
        if (users_path) {
            const std::string users_text = readFileOrStdin(*users_path);
            auto read = interop::readUserMap(users_text);
            if (auto* error = std::get_if<interop::InputError>(&read)) throw UsageError{*users_path + ": " + error->str()};
            users = std::get<interop::UserMap>(read);
        }
        text = interop::exportVendor(plan, *vendor, users).text;
    } else if (*format == "json") {
        text = exportJsonText(plan);
    } else if (*format == "csv") {
        text = exportCsv(plan);
    } else if (*format == "md") {
        text = exportMarkdown(plan);
    } else {
        IcsOptions opt;
        opt.utc = utc;
        if (person) {
            if (!plan.findPerson(*person)) throw UsageError{"--person " + *person + ": no such person in the plan"};
            opt.person = *person;
        }
        if (stamp) {
            auto t = parseDateTime(findZone("UTC"), *stamp);
            if (!t) throw UsageError{"--stamp " + *stamp + ": expected a date-time such as 2026-11-27T00:00:00Z"};
            opt.stamp = *t;
        }
        text = exportIcs(plan, opt);
    }
    writeOutput(out, text);
    return kOk;
}

}  // namespace rp::cli
