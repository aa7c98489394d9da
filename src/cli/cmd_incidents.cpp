// rotaplan incidents PLAN --seed S [--rate R | --count N] [--mix P0=1,P1=3,P2=10,P3=20]
//                    [--security-share X] [--ack-mean MIN-MAX] [--json] [-o FILE]
// (escalation.md "Beyond one incident"; docs/incidents-pay-handoff.md)
#include <cstdio>

#include "cli/cli.hpp"
#include "core/simulation/incidents.hpp"

namespace rp::cli {

namespace {

std::optional<std::uint64_t> parseUnsigned(const std::string& s) {
    if (s.empty() || s.size() > 19) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}

}  // namespace

// A core message about an option ("rate: ...", "count: ...") as the flag the command line
// knows it by ("--rate ...").
std::string optionMessage(const std::string& message) {
    static const char* const names[][2] = {{"rate: ", "--rate: "},  {"count: ", "--count: "},
                                           {"mix: ", "--mix: "},    {"security share: ", "--security-share: "},
                                           {"ack mean: ", "--ack-mean: "}};
    for (const auto& n : names)
        if (message.rfind(n[0], 0) == 0) return n[1] + message.substr(std::string(n[0]).size());
    return message;
}

// Reads the simulation options shared by `incidents` and `pay`; `seed` is the --seed text.
IncidentOptions incidentOptionsFromArgs(Args& args, const std::string& seed) {
    IncidentOptions o;
    const auto s = parseUnsigned(seed);
    if (!s) throw UsageError{"--seed " + seed + " is not a whole number (0 to 9999999999999999999)"};
    o.seed = *s;
    if (auto rate = args.value("--rate")) {
        const auto r = parseDecimal(*rate);
        if (!r || !(*r > 0) || *r > 10000)
            throw UsageError{"--rate " + *rate + " is not a number of incidents per week (more than 0, at most 10000)"};
        o.rate_per_week = *r;
    }
    if (auto count = args.value("--count")) {
        const auto c = parseUnsigned(*count);
        if (!c || *c > static_cast<std::uint64_t>(kMaxIncidents))
            throw UsageError{"--count " + *count + " is not a whole number from 0 to " + std::to_string(kMaxIncidents)};
        o.count = static_cast<std::int64_t>(*c);
    }
    if (auto mix = args.value("--mix")) {
        std::string err;
        auto m = parseSeverityMix(*mix, &err);
        if (!m) throw UsageError{"--mix " + err};
        o.mix = *m;
    }
    if (auto share = args.value("--security-share")) {
        const auto v = parseDecimal(*share);
        if (!v || *v > 1) throw UsageError{"--security-share " + *share + " is not a number from 0 to 1"};
        o.security_share = *v;
    }
    if (auto am = args.value("--ack-mean")) {
        const auto dash = am->find('-');
        std::optional<double> lo, hi;
        if (dash != std::string::npos) lo = parseDecimal(am->substr(0, dash)), hi = parseDecimal(am->substr(dash + 1));
        else lo = hi = parseDecimal(*am);
        if (!lo || !hi || *hi < *lo || *hi > 1440)
            throw UsageError{"--ack-mean " + *am + " is not MIN-MAX minutes (for example 1-6; MIN <= MAX <= 1440)"};
        o.ack_mean_min = *lo;
        o.ack_mean_max = *hi;
    }
    if (auto bad = validateIncidentOptions(o)) throw UsageError{optionMessage(*bad)};
    return o;
}

int cmdIncidents(Args& args) {
    const char* usage =
        "rotaplan incidents PLAN --seed S [--rate R | --count N] [--mix P0=1,P1=3,P2=10,P3=20] "
        "[--security-share X] [--ack-mean MIN-MAX] [--json] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Runs random incidents over the whole plan through the escalation rules and reports,\n"
            "per person and per week: pages, night pages (22:00-07:00 in the person's zone),\n"
            "weekend pages, time to acknowledge (median, 90th percentile), escalation rate and\n"
            "how often each level was reached. The same seed gives the same report everywhere.\n\n"
            "--seed S              the random seed (a whole number)\n"
            "--rate R              incidents per week, arriving as a Poisson process (default 2)\n"
            "--count N             instead: exactly N incidents, spread uniformly over the plan\n"
            "--mix P0=1,...        severity weights (default P0=1,P1=3,P2=10,P3=20; missing = 0)\n"
            "--security-share X    share of security incidents, 0 to 1 (default 0.05)\n"
            "--ack-mean MIN-MAX    each person's mean acknowledgement delay is drawn from this\n"
            "                      range in minutes (default 1-6); each page draws an exponential delay\n"
            "--json                print the report as JSON (docs/incidents-pay-handoff.md)\n"
            "-o FILE               write to FILE instead of standard output\n"
            "exit status: 0 success, 2 unreadable plan or bad arguments\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const auto seed = args.value("--seed");
    const auto out = args.value("-o");
    if (!seed) throw UsageError{std::string("--seed is required (usage: ") + usage + ")"};
    IncidentOptions o = incidentOptionsFromArgs(args, *seed);
    auto pos = args.positionals(1, 1, usage);
    Plan plan = loadPlanArg(pos[0]);
    auto r = simulateIncidents(plan, o);
    if (const auto* err = std::get_if<std::string>(&r)) throw UsageError{inputName(pos[0]) + ": " + optionMessage(*err)};
    const IncidentReport& rep = std::get<IncidentReport>(r);
    writeOutput(out, json ? incidentReportToJson(plan, rep).dump(2) + "\n" : incidentReportToText(plan, rep));
    return kOk;
}

}  // namespace rp::cli
