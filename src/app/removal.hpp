// Taking a person out of the team (view_team.cpp asks how): a roster change with an
// effective date. Their duties in weeks from that date are left empty or redrafted (only
// those cells: nobody else's weeks move), and the person either stays, inactive from that
// date (`inactive_from`, plan-format.md), or is removed with every mention of them.
// No UI code: unit-tested with the core (tests/unit/test_removal.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"

namespace app {

// Where a person appears, split at the effective date (weeks by their start date).
struct PersonMentions {
    int duties_from = 0;        // primary/secondary/shadow/escalation cells in weeks from the date
    int weeks_before = 0;       // weeks before the date that name them
    int overrides_from = 0, overrides_before = 0;   // overrides starting from / before the date
    int time_off = 0;
    std::vector<std::string> requests_from;   // pending or approved requests about duties from the date
    int requests_other = 0;                   // other requests naming them
    std::vector<std::string> contacts;        // "engineering lead", "CTO", "CEO"
    bool any() const;                         // named anywhere at all
};
PersonMentions FindMentions(const rp::Plan& plan, const std::string& id, rp::Date from);

struct RemovalChoice {
    std::string person;
    rp::Date from;              // the effective date: weeks starting on or after it
    bool redraft = false;       // fill the emptied cells with the draft (else leave them empty)
    bool keep_inactive = true;  // keep the person, inactive from `from` (else remove them)
    std::string decided_at;     // RFC 3339 stamp for requests rejected on the way
};

struct RemovalResult {
    bool ok = false;
    rp::Plan plan;              // the plan after the change (ok)
    std::string error;          // why not (a redraft that is impossible names the week and rule)
    int emptied = 0;            // cells taken from them
    int refilled = 0;           // of those, filled again by the draft
    std::vector<std::string> rejected;   // requests rejected because their duty went away (kept inactive)
    std::vector<std::string> removed_requests;   // requests naming them, removed with them
};

// The whole change, on a copy: the caller applies `plan` as one undoable step.
RemovalResult RemovePerson(const rp::Plan& plan, const RemovalChoice& choice);

// The Team view's "Remove from the team" question (view_team.cpp); App holds one as `app.removal`.
struct RemovalDialogState {
    bool open_pending = false;   // open the question next frame
    std::string person;          // the id asked about
    std::string from;            // the effective date as typed, YYYY-MM-DD
    bool redraft = false;
    bool keep_inactive = true;
    std::string error;           // the last attempt's failure (a redraft that is impossible)
};

}  // namespace app
