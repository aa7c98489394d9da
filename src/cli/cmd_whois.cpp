// rotaplan whois PLAN --at INSTANT [--json]; rotaplan next PLAN --person ID [--count N]
// [--at INSTANT] [--json]  (changes.md "Commands")
#include <chrono>
#include <cstdio>

#include "cli/cli.hpp"
#include "core/changes/lookup.hpp"
#include "core/model/time.hpp"

namespace rp::cli {

namespace {

Instant instantArg(const std::string& text, const Plan& plan) {
    const auto t = parseDateTime(findZone(plan.team_timezone), text);
    if (!t)
        throw UsageError{"--at " + text +
                         ": expected a date-time YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset"};
    return *t;
}

}  // namespace

int cmdWhois(Args& args) {
    const char* usage = "rotaplan whois PLAN --at INSTANT [--json]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Who is primary, secondary, escalation contact and shadow at an instant, from the\n"
            "resolved shifts (overrides included).\n\n"
            "--at T   YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset; \"now\" for now\n"
            "--json   {at, week, primary, secondary, escalation, shadow, shifts: [...]}\n"
            "exit status: 0 success (also when no week holds the instant: nobody), 2 unreadable\n"
            "             plan or usage\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const auto at = args.value("--at");
    auto pos = args.positionals(1, 1, usage);
    if (!at) throw UsageError{"--at INSTANT is required (usage: " + std::string(usage) + ")"};
    Plan plan = loadPlanArg(pos[0]);
    const Instant t = *at == "now" ? date::floor<std::chrono::seconds>(std::chrono::system_clock::now())
                                   : instantArg(*at, plan);
    const OnCall o = whoIsOnCall(plan, t);
    writeOutput(std::nullopt, json ? onCallToJson(plan, o).dump(2) + "\n" : onCallToText(plan, o));
    return kOk;
}

int cmdNext(Args& args) {
    const char* usage = "rotaplan next PLAN --person ID [--count N] [--at INSTANT] [--json]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "A person's next duties (primary and secondary pieces, shadow and escalation weeks)\n"
            "with role, start and end in the person's own time zone, soonest first. A duty under\n"
            "way at the instant counts.\n\n"
            "--person ID   the person (an id of people)\n"
            "--count N     how many, 1 to 10000 (default 5)\n"
            "--at T        from this instant instead of now (YYYY-MM-DDTHH:MM in the team's zone,\n"
            "              or with Z or an offset)\n"
            "--json        {person, name, timezone, from, duties: [{week, role, start, end, source}]}\n"
            "exit status: 0 success, 2 unreadable plan, unknown person or usage\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const auto person = args.value("--person");
    const auto count = args.value("--count");
    const auto at = args.value("--at");
    auto pos = args.positionals(1, 1, usage);
    if (!person) throw UsageError{"--person ID is required (usage: " + std::string(usage) + ")"};
    int n = 5;
    if (count) {
        const auto v = parseDecimal(*count, 6);
        if (!v || *v != static_cast<int>(*v) || *v < 1 || *v > 10000)
            throw UsageError{"--count " + *count + ": expected a whole number from 1 to 10000"};
        n = static_cast<int>(*v);
    }
    Plan plan = loadPlanArg(pos[0]);
    if (!plan.findPerson(*person)) throw UsageError{"--person " + *person + ": no person with this id in the plan"};
    const Instant t = !at || *at == "now" ? date::floor<std::chrono::seconds>(std::chrono::system_clock::now())
                                          : instantArg(*at, plan);
    const auto duties = nextDuties(plan, *person, t, n);
    writeOutput(std::nullopt, json ? nextDutiesToJson(plan, *person, t, duties).dump(2) + "\n"
                                   : nextDutiesToText(plan, *person, t, duties));
    return kOk;
}

}  // namespace rp::cli
