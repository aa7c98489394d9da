// rotaplan escalate PLAN --severity S --at T [--security] [--ack LEVEL@MIN]...
//                   [--resolve MIN] [--json]   (escalation.md "CLI")
#include <cstdio>

#include "cli/cli.hpp"
#include "core/simulation/escalation.hpp"
#include "core/model/time.hpp"

namespace rp::cli {

int cmdEscalate(Args& args) {
    const char* usage =
        "rotaplan escalate PLAN --severity P0|P1|P2|P3 --at T [--security] [--ack LEVEL@MIN]... "
        "[--resolve MIN] [--json]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Says who is paged when, what is due when and how far up the chain an incident\n"
            "climbs (escalation.md). Without --ack and --resolve nobody acknowledges and the\n"
            "incident is never resolved: the worst case, which shows the whole chain.\n\n"
            "--severity S       P0, P1, P2 or P3 (timings from policy.severities)\n"
            "--at T             when the incident opens: YYYY-MM-DDTHH:MM in the team's zone,\n"
            "                   or with an offset or Z; must lie inside the plan's weeks\n"
            "--security         a security incident: also pages the week's escalation contact\n"
            "--ack LEVEL@MIN    LEVEL (primary, secondary, escalation, cto, ceo) acknowledges MIN\n"
            "                   minutes after the opening; repeatable\n"
            "--resolve MIN      the incident is resolved MIN minutes after the opening\n"
            "--json             print the timeline as JSON\n"
            "exit status: 0 success, 2 unreadable plan or bad arguments\n",
            usage);
        return kOk;
    }
    const bool json = args.flag("--json");
    const bool security = args.flag("--security");
    const auto severity = args.value("--severity");
    const auto at = args.value("--at");
    const auto acks = args.values("--ack");
    const auto resolve = args.value("--resolve");
    auto pos = args.positionals(1, 1, usage);
    if (!severity) throw UsageError{std::string("--severity is required (usage: ") + usage + ")"};
    if (!at) throw UsageError{std::string("--at is required (usage: ") + usage + ")"};

    Plan plan = loadPlanArg(pos[0]);
    const date::time_zone* zone = findZone(plan.team_timezone);
    if (!plan.policy.severities.count(*severity))
        throw UsageError{"--severity " + *severity + " is not known (expected P0, P1, P2 or P3)"};
    EscalationScenario sc;
    sc.severity = *severity;
    sc.security = security;
    const auto t0 = parseDateTime(zone, *at);
    if (!t0)
        throw UsageError{"--at " + *at +
                         " is not a date-time (expected YYYY-MM-DDTHH:MM, optionally with :SS and Z or +HH:MM)"};
    sc.at = *t0;
    for (const std::string& a : acks) {
        std::string err;
        auto ack = parseEscalationAck(a, &err);
        if (!ack) throw UsageError{"--ack " + err};
        sc.acks.push_back(*ack);
    }
    if (resolve) {
        auto m = parseMinutes(*resolve);
        if (!m) throw UsageError{"--resolve " + *resolve + " is not a whole number of minutes (0 or more)"};
        sc.resolve = *m;
    }
    EscalationResult r = escalate(plan, sc);
    if (const auto* err = std::get_if<std::string>(&r)) throw UsageError{"--at " + *at + ": " + *err};
    const auto& tl = std::get<EscalationTimeline>(r);
    if (json)
        writeOutput(std::nullopt, timelineToJson(tl, zone).dump(2) + "\n");
    else
        writeOutput(std::nullopt, timelineToText(plan, tl));
    return kOk;
}

}  // namespace rp::cli
