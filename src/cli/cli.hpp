// Shared pieces of the rotaplan command line: argument scanning, plan loading,
// output, exit codes (interfaces.md "Command line").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"

namespace rp {
struct IncidentOptions;  // core/incidents.hpp
}

namespace rp::cli {

enum Exit { kOk = 0, kFailed = 1, kBadInput = 2 };

// Thrown for usage and input errors; main() prints it as one line and exits 2.
struct UsageError {
    std::string message;
};

// A tiny scanner over argv: flags with values (--x V or --x=V), switches, positionals.
class Args {
public:
    Args(std::string command, std::vector<std::string> argv);
    // Consumes --name VALUE / --name=VALUE; nullopt when absent.
    std::optional<std::string> value(const std::string& name);
    std::vector<std::string> values(const std::string& name);  // repeated flag
    bool flag(const std::string& name);                       // consumes --name
    // After all options are taken: the positionals; unknown options are an error.
    std::vector<std::string> positionals(std::size_t min, std::size_t max, const char* usage);
    bool wantsHelp() const;

private:
    std::string command_;
    std::vector<std::string> argv_;
    std::vector<bool> used_;
};

// Reads PLAN (a path or "-" for standard input); throws UsageError naming the file
// and the place on any error.
Plan loadPlanArg(const std::string& path);
// The whole file (or standard input for "-"), at most kMaxPlanBytes: reading stops one
// byte past the limit. Throws UsageError naming the file (a folder, unreadable, too big).
std::string readFileOrStdin(const std::string& path);
// "<stdin>" for "-", else the path as given.
std::string inputName(const std::string& path);
// The last input read ("" before any): main() names it in out-of-memory and other
// unexpected errors.
const std::string& currentInput();
// Writes text to -o FILE or standard output; every write is checked. A file is written
// to a temporary file beside it, flushed, closed and renamed over FILE, so a failure
// leaves FILE as it was (devices and pipes are written in place). Throws UsageError
// naming the file.
void writeOutput(const std::optional<std::string>& out_path, const std::string& text);
// Flushes and closes standard output; false with *error when anything written to it
// was lost (a full disk, /dev/full, a closed descriptor).
bool closeStdout(std::string* error);

int cmdCheck(Args& args);
int cmdExport(Args& args);
int cmdSimulate(Args& args);
int cmdEscalate(Args& args);
int cmdGaps(Args& args);
int cmdDraft(Args& args);
int cmdCandidates(Args& args);
int cmdIncidents(Args& args);
int cmdPay(Args& args);
int cmdHandoff(Args& args);
int cmdImport(Args& args);
int cmdPublish(Args& args);
int cmdDiff(Args& args);
int cmdAnnounce(Args& args);
int cmdWhois(Args& args);
int cmdNext(Args& args);
int cmdReview(Args& args);

// --today YYYY-MM-DD (consumed); nullopt when absent. Throws UsageError when malformed.
std::optional<Date> todayOption(Args& args);
// The option's date, else the current date in the plan's team zone.
Date todayFor(const std::optional<Date>& option, const Plan& plan);

// The simulation options of `incidents` and `pay` (--rate, --count, --mix,
// --security-share, --ack-mean) with the --seed text; throws UsageError.
rp::IncidentOptions incidentOptionsFromArgs(Args& args, const std::string& seed);
// A core message about an incident option ("rate: ...") with the flag's name ("--rate: ...").
std::string optionMessage(const std::string& message);

}  // namespace rp::cli
