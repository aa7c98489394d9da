// rotaplan: the command-line face of the core. One file per command; this file
// dispatches and turns errors into one line on standard error with exit status 2.
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/cli.hpp"

namespace {

const char* kUsage =
    "usage: rotaplan COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  check PLAN [--today D] [--json]             check the plan against the rotation rules\n"
    "  simulate PLAN REQUEST_ID [--json]           the effect of a change request\n"
    "  escalate PLAN --severity S --at T [--security] [--ack LEVEL@MIN]... [--resolve MIN] [--json]\n"
    "                                              an incident's escalation timeline\n"
    "  gaps PLAN [--json]                          where the escalation path breaks\n"
    "  export PLAN --format json|ics|csv|md [--person ID] [--stamp T] [--utc] [-o FILE]\n"
    "                                              export the resolved rotation\n"
    "  export PLAN --format pagerduty|opsgenie|grafana-oncall|goalert [--users FILE] [-o FILE]\n"
    "                                              the rotation for an on-call product, with a loss report\n"
    "  import --from pagerduty|opsgenie|grafana-oncall|goalert|ics --primary FILE [--secondary FILE]\n"
    "         [--shadow FILE] [--timezone Z] [--handoff WEEKDAY@HH:MM] [--report FILE] [-o PLAN]\n"
    "                                              a plan from a product's resolved timelines\n"
    "  draft PLAN [--from DATE] [--weeks N] [--seed S] [-o FILE]\n"
    "                                              fill the unassigned weeks, balanced\n"
    "  candidates PLAN --week DATE --role ROLE [--json]\n"
    "                                              who could take an assignment, best first\n"
    "  incidents PLAN --seed S [--rate R | --count N] [--mix P0=1,P1=3,P2=10,P3=20] [--json]\n"
    "                                              simulate many incidents: pages, nights, escalations\n"
    "  pay PLAN [--incidents FILE | --seed S ...] [--format csv|json] [-o FILE]\n"
    "                                              compensation per person and month\n"
    "  handoff PLAN --week DATE [-o FILE]          the handoff message for a week (Markdown)\n"
    "  publish PLAN [--today D] [--force] [-o FILE]\n"
    "                                              record the rotation as announced (the published snapshot)\n"
    "  diff OLD NEW | diff PLAN [--today D] [--json]\n"
    "                                              what changed (a plan: since its published snapshot)\n"
    "  announce PLAN [--today D] [--weeks N] [--format slack|md]\n"
    "                                              the announcement to post after publishing\n"
    "  whois PLAN --at INSTANT [--json]            who is on call at an instant\n"
    "  next PLAN --person ID [--count N] [--at T] [--json]\n"
    "                                              a person's next duties\n"
    "  review PLAN --incidents FILE --month YYYY-MM [--json]\n"
    "                                              the monthly on-call review from an incident log\n"
    "\n"
    "PLAN may be - for standard input. 'rotaplan COMMAND --help' tells more.\n"
    "exit status: 0 success, 1 the check or verdict failed, 2 bad input or usage\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace rp::cli;
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return kBadInput;
    }
    std::string command = argv[1];
    if (command == "--version" || command == "version") {
        std::printf("rotaplan %s\n", RP_VERSION);
        return kOk;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage, stdout);
        return kOk;
    }
    std::vector<std::string> rest(argv + 2, argv + argc);
    try {
        Args args(command, rest);
        if (command == "check") return cmdCheck(args);
        if (command == "export") return cmdExport(args);
        if (command == "simulate") return cmdSimulate(args);
        if (command == "escalate") return cmdEscalate(args);
        if (command == "gaps") return cmdGaps(args);
        if (command == "draft") return cmdDraft(args);
        if (command == "candidates") return cmdCandidates(args);
        if (command == "incidents") return cmdIncidents(args);
        if (command == "pay") return cmdPay(args);
        if (command == "handoff") return cmdHandoff(args);
        if (command == "import") return cmdImport(args);
        if (command == "publish") return cmdPublish(args);
        if (command == "diff") return cmdDiff(args);
        if (command == "announce") return cmdAnnounce(args);
        if (command == "whois") return cmdWhois(args);
        if (command == "next") return cmdNext(args);
        if (command == "review") return cmdReview(args);
        std::fprintf(stderr, "rotaplan: unknown command '%s' (try rotaplan --help)\n", command.c_str());
        return kBadInput;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "rotaplan %s: %s\n", command.c_str(), e.message.c_str());
        return kBadInput;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rotaplan %s: internal error: %s\n", command.c_str(), e.what());
        return kBadInput;
    }
}
