// rotaplan draft PLAN [--from DATE] [--weeks N] [--seed S] [--today D] [-o FILE]  (docs/drafting.md)
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "cli/cli.hpp"
#include "core/rules/draft.hpp"
#include "core/model/plan_io.hpp"

namespace rp::cli {

namespace {

bool allDigits(const std::string& s) {
    if (s.empty() || s.size() > 20) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

int cmdDraft(Args& args) {
    const char* usage = "rotaplan draft PLAN [--from DATE] [--weeks N] [--seed S] [--today YYYY-MM-DD] [-o FILE]";
    if (args.wantsHelp()) {
        std::printf(
            "usage: %s\n\n"
            "Fills every week from DATE on (default: the first week) that lacks a primary or a\n"
            "secondary, so that the plan passes the check wherever any completion does, balanced\n"
            "across the rotation pool; trainees are placed as shadows. Weeks already assigned stay\n"
            "as they are. Prints the whole plan.\n"
            "--from DATE  first week to fill (YYYY-MM-DD)\n"
            "--weeks N    first add weeks (7 days apart, after the last week; or from DATE on the\n"
            "             handoff weekday when the plan has none) so that N weeks from DATE exist\n"
            "--seed S     breaks ties between equally good people (default 0: the people order)\n"
            "--today D    the date the notice window starts from (default: the current date in\n"
            "             the team's zone): inside it a published week keeps what was published\n"
            "-o FILE      write the plan to FILE instead of standard output\n"
            "exit status: 0 drafted, 1 no valid completion exists (one line names the week and the\n"
            "rule), 2 unreadable plan or usage\n",
            usage);
        return kOk;
    }
    DraftOptions options;
    const auto today = todayOption(args);
    if (auto from = args.value("--from")) {
        auto d = parseDate(*from);
        if (!d) throw UsageError{"--from: expected a date YYYY-MM-DD, got '" + *from + "'"};
        options.from = *d;
    }
    if (auto weeks = args.value("--weeks")) {
        if (!allDigits(*weeks) || weeks->size() > 6 || std::atoi(weeks->c_str()) < 1)
            throw UsageError{"--weeks: expected a whole number of weeks from 1, got '" + *weeks + "'"};
        options.weeks = std::atoi(weeks->c_str());
    }
    if (auto seed = args.value("--seed")) {
        errno = 0;
        const unsigned long long v = allDigits(*seed) ? std::strtoull(seed->c_str(), nullptr, 10) : 0;
        if (!allDigits(*seed) || errno == ERANGE)
            throw UsageError{"--seed: expected a whole number from 0 to 18446744073709551615, got '" + *seed + "'"};
        options.seed = v;
    }
    auto out = args.value("-o");
    if (!out) out = args.value("--output");
    auto pos = args.positionals(1, 1, usage);
    const std::string file = pos[0] == "-" ? "<stdin>" : pos[0];
    Plan plan = loadPlanArg(pos[0]);
    options.today = todayFor(today, plan);
    DraftResult result = draft(plan, options);
    switch (result.status) {
        case DraftStatus::Ok:
            writeOutput(out, writePlan(result.plan));
            return kOk;
        case DraftStatus::Infeasible:
            std::fprintf(stderr, "rotaplan draft: %s: %s\n", file.c_str(), result.message.c_str());
            return kFailed;
        case DraftStatus::BadInput:
            break;
    }
    throw UsageError{file + ": " + result.message};
}

}  // namespace rp::cli
