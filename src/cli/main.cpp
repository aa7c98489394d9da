// rotaplan: the command-line face of the core. One file per command; this file
// dispatches and turns errors into one line on standard error with exit status 2.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "core/model/plan.hpp"

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

namespace {

// "[json.exception.type_error.316] invalid UTF-8 byte ..." -> "invalid UTF-8 byte ..."
std::string withoutJsonTag(std::string what) {
    if (what.rfind("[json.exception.", 0) == 0) {
        const std::size_t end = what.find("] ");
        if (end != std::string::npos) what.erase(0, end + 2);
    }
    return what;
}

// "FILE: " when a file was being read or worked on.
std::string inputPrefix() {
    const std::string& in = rp::cli::currentInput();
    return in.empty() ? std::string() : in + ": ";
}

int run(const std::string& command, std::vector<std::string> rest) {
    using namespace rp::cli;
    try {
        Args args(command, std::move(rest));
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
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "rotaplan %s: %sout of memory: this needs more memory than is available\n",
                     command.c_str(), inputPrefix().c_str());
    } catch (const nlohmann::json::exception& e) {
        std::fprintf(stderr, "rotaplan %s: %scannot process the data: %s\n", command.c_str(), inputPrefix().c_str(),
                     withoutJsonTag(e.what()).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rotaplan %s: %sunexpected error: %s\n", command.c_str(), inputPrefix().c_str(), e.what());
    }
    return kBadInput;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace rp::cli;
    // A file-size limit (ulimit -f) then fails the write with EFBIG, which is reported,
    // instead of killing the process half-way.
    std::signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return kBadInput;
    }
    const std::string command = argv[1];
    int rc;
    if (command == "--version" || command == "version") {
        std::printf("rotaplan %s\n", RP_VERSION);
        rc = kOk;
    } else if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage, stdout);
        rc = kOk;
    } else {
        rc = run(command, std::vector<std::string>(argv + 2, argv + argc));
    }
    // Whatever was printed (reports, help) must have reached standard output.
    std::string error;
    if (!closeStdout(&error)) {
        std::fprintf(stderr, "rotaplan %s: %s\n", command.c_str(), error.c_str());
        rc = kBadInput;
    }
    return rc;
}
