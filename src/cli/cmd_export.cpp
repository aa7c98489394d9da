// rotaplan export PLAN --format json|ics|csv|md [--person ID] [--stamp T] [--utc] [-o FILE]
#include <cstdio>

#include "cli/cli.hpp"
#include "core/exports/exports.hpp"
#include "core/model/time.hpp"

namespace rp::cli {

int cmdExport(Args& args) {
    const char* usage = "rotaplan export PLAN --format json|ics|csv|md [--person ID] [--stamp T] [--utc] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf("usage: %s\n\nExports the resolved rotation.\n"
                    "--format F   json (schedule for other systems), ics (iCalendar), csv, md (Markdown)\n"
                    "--person ID  ics only: that person's shifts\n"
                    "--stamp T    ics only: DTSTAMP instant, e.g. 2026-11-27T00:00:00Z (default: now)\n"
                    "--utc        ics only: times in UTC instead of TZID with VTIMEZONE\n"
                    "-o FILE      write to FILE instead of standard output\n",
                    usage);
        return kOk;
    }
    auto format = args.value("--format");
    auto person = args.value("--person");
    auto stamp = args.value("--stamp");
    bool utc = args.flag("--utc");
    auto out = args.value("-o");
    if (!out) out = args.value("--output");
    auto pos = args.positionals(1, 1, usage);
    if (!format) throw UsageError{"--format is required: json, ics, csv or md"};
    if (*format != "json" && *format != "ics" && *format != "csv" && *format != "md")
        throw UsageError{"--format " + *format + " is not known: expected json, ics, csv or md"};
    if (*format != "ics" && (person || stamp || utc))
        throw UsageError{"--person, --stamp and --utc apply to --format ics only"};
    Plan plan = loadPlanArg(pos[0]);
    std::string text;
    if (*format == "json") {
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
