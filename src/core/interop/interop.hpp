// Exchange with on-call products (docs/interop.md): exports to PagerDuty, Opsgenie,
// Grafana OnCall and GoAlert, imports of their resolved timelines (and of iCalendar
// feeds), and the loss report both directions share. The CLI, the page and the JS API
// all come in through this header.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/model/plan.hpp"

namespace rp::interop {

// The products Rotaplan reads or writes. Ics is import-only.
enum class Vendor { PagerDuty, Opsgenie, GrafanaOnCall, GoAlert, Ics };

std::optional<Vendor> parseVendor(std::string_view name);  // "pagerduty", "grafana-oncall", ...
const char* vendorName(Vendor v);                          // the CLI name: "grafana-oncall"
const char* vendorTitle(Vendor v);                         // for people: "Grafana OnCall"

// One thing a conversion could not carry, or carried differently (interop.md, "loss report").
struct Loss {
    std::string kind;                  // unmapped-person, rounded-time, unsupported, hole, outside-span
    std::optional<Role> role;
    std::optional<Date> week;
    std::optional<std::string> person;
    std::string detail;                // one sentence a lead can act on
};

// Sorted by week (none first), role (none first), kind, person, detail.
void sortLosses(std::vector<Loss>& losses);
Json lossesToJson(const std::vector<Loss>& losses);
// One line per kind, in kind order: "hole: 2 (Nobody is on call for primary from ...)".
std::vector<std::string> lossSummary(const std::vector<Loss>& losses);

// A problem with an input file: where (a JSON pointer with line and column, or an ICS
// line) and what. The caller names the file.
struct InputError {
    std::string where;     // "/schedule/time_zone (line 3, column 18)", "line 12", "" (the file)
    std::string message;
    std::string str() const { return where.empty() ? message : where + ": " + message; }
};

// ---- export -------------------------------------------------------------------------

// `--users FILE`: plan person -> vendor user (users.cpp). Either a flat object
// {"alice": "PABC123"} keyed by person id (or e-mail), or one of the vendors' user-list
// responses, matched on the person's e-mail, case-insensitively.
struct UserMap {
    std::vector<std::pair<std::string, std::string>> by_key;       // flat map: key -> id
    struct User {
        std::string id, email, username;
    };
    std::vector<User> users;                                       // a user-list response
    bool given = false;
};
std::variant<UserMap, InputError> readUserMap(std::string_view text);

struct ExportResult {
    std::string text;            // the document, 2-space indented, with a trailing newline
    std::vector<Loss> losses;    // the same as the document's "losses"
};

// The export document of interop.md for one vendor (not Ics). Byte-stable.
ExportResult exportVendor(const Plan& plan, Vendor vendor, const UserMap& users);

// ---- import -------------------------------------------------------------------------

struct RoleFile {
    std::string name;   // for messages ("primary.json")
    std::string text;
};

struct ImportOptions {
    std::optional<std::string> timezone;   // --timezone
    std::optional<int> handoff_weekday;    // --handoff WEEKDAY@HH:MM (0 = sunday)
    std::optional<int> handoff_minute;
};

// "monday@09:00" -> (1, 540); nullopt when malformed.
std::optional<std::pair<int, int>> parseHandoff(std::string_view text);

struct ImportResult {
    Plan plan;
    std::vector<Loss> losses;
};

struct ImportFailure {
    std::string file;      // the RoleFile's name, or "--timezone" for an option
    InputError error;
    std::string str() const { return file + ": " + error.str(); }
};

// Reads each role's resolved timeline and turns them into one plan (timeline.cpp):
// exact, with everything the plan cannot hold in `losses`. `primary` is required.
std::variant<ImportResult, ImportFailure> importTimelines(Vendor vendor, const RoleFile& primary,
                                                          const std::optional<RoleFile>& secondary,
                                                          const std::optional<RoleFile>& shadow,
                                                          const ImportOptions& options);

}  // namespace rp::interop
