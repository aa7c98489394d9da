// rotaplan pay PLAN [--incidents FILE | --seed S [simulation options]] [--format csv|json]
//              [-o FILE]   (docs/incidents-pay-handoff.md "Pay")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/simulation/incidents.hpp"
#include "core/simulation/pay.hpp"

namespace rp::cli {

int cmdPay(Args& args) {
    const char* usage =
        "rotaplan pay PLAN [--incidents FILE | --seed S [--rate R | --count N] [--mix ...]] "
        "[--format csv|json] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "The compensation each person earns under the plan's `compensation`, per person and\n"
            "calendar month (team zone): weekly base for the weeks held, per-incident pay, the\n"
            "weekend extra for the primary, rest hours after P0s and comp hours per weekend.\n\n"
            "--incidents FILE      incidents from a JSON list (- for standard input):\n"
            "                      [{\"at\": \"2026-12-05T02:00\", \"severity\": \"P0\", \"security\": false,\n"
            "                        \"ack\": {\"primary\": 3}, \"resolve\": 45}]\n"
            "--seed S              or: simulated incidents (options as 'rotaplan incidents':\n"
            "                      --rate, --count, --mix, --security-share, --ack-mean)\n"
            "                      without either: base and weekend pay only\n"
            "--format csv|json     default csv\n"
            "-o FILE               write to FILE instead of standard output\n"
            "exit status: 0 success, 2 unreadable input, bad arguments or no compensation section\n",
            usage);
        return kOk;
    }
    const auto format = args.value("--format");
    const auto out = args.value("-o");
    const auto list = args.value("--incidents");
    const auto seed = args.value("--seed");
    if (list && seed) throw UsageError{"give either --incidents FILE or --seed S, not both"};
    IncidentOptions o;
    if (seed) o = incidentOptionsFromArgs(args, *seed);
    auto pos = args.positionals(1, 1, usage);
    const std::string fmt = format ? *format : "csv";
    if (fmt != "csv" && fmt != "json") throw UsageError{"--format " + fmt + " is not csv or json"};
    if (list && *list == "-" && pos[0] == "-") throw UsageError{"the plan and the incident list cannot both be standard input"};

    Plan plan = loadPlanArg(pos[0]);
    if (!plan.compensation) throw UsageError{inputName(pos[0]) + ": the plan has no compensation section"};
    IncidentReport incidents;
    incidents.simulated = false;
    if (list) {
        const std::string text = readFileOrStdin(*list);
        const std::string name = *list == "-" ? "<stdin>" : *list;
        auto parsed = readIncidentList(plan, text);
        if (const auto* err = std::get_if<std::string>(&parsed)) throw UsageError{name + ": " + *err};
        auto rep = reportIncidents(plan, std::get<std::vector<EscalationScenario>>(parsed), false);
        if (const auto* err = std::get_if<std::string>(&rep)) throw UsageError{name + ": " + *err};
        incidents = std::move(std::get<IncidentReport>(rep));
    } else if (seed) {
        auto rep = simulateIncidents(plan, o);  // keeps per-month sums, not every incident
        if (const auto* err = std::get_if<std::string>(&rep)) throw UsageError{inputName(pos[0]) + ": " + optionMessage(*err)};
        incidents = std::move(std::get<IncidentReport>(rep));
    }
    auto pay = computePay(plan, incidents);
    if (const auto* err = std::get_if<std::string>(&pay)) throw UsageError{inputName(pos[0]) + ": " + *err};
    const PayReport& r = std::get<PayReport>(pay);
    writeOutput(out, fmt == "json" ? payToJson(plan, r).dump(2) + "\n" : payToCsv(plan, r));
    return kOk;
}

}  // namespace rp::cli
