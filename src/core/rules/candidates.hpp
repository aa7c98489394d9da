// Candidates for one assignment (interfaces.md "rotaplan candidates", docs/drafting.md):
// everyone who could take the primary, secondary or shadow of one week without any new
// error, best first, and everyone else with the rule that excludes them.
//
// "Without any new error" is decided by the real check: the plan with the cell empty
// against the plan with the person in it. Only the weeks one before and one after can be
// affected, so the check runs on that three-week window (with the time off and overrides
// that touch it): exact, and cheap enough to run once per person.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"
#include "core/rules/check.hpp"

namespace rp {

struct Candidate {
    std::string person, name;
    bool current = false;          // holds the cell now
    // Weeks in the whole plan (own assignments), not counting the cell itself. `weeks` is
    // the ranking count: primary + secondary for those roles, shadow weeks for shadow.
    int weeks = 0, primary_weeks = 0, secondary_weeks = 0, shadow_weeks = 0;
    // Weeks to their nearest other week in a counted role (primary/secondary; shadow for
    // shadow), before or after; nullopt when there is none.
    std::optional<int> rest_weeks;
    bool rest_before = true;       // the nearest such week lies before (else after)
    std::vector<std::string> warnings;   // messages of warnings it would add (an emergency week)
    std::string reason;            // why it ranks where it does, one sentence
};

struct Exclusion {
    std::string person, name;
    std::string rule;                  // the main rule that excludes them
    std::vector<std::string> rules;    // every rule of the errors it would add, sorted
    std::string reason;                // the check's message for `rule`
};

struct CandidateList {
    Date week;
    Role role = Role::Primary;
    std::optional<std::string> current;   // who holds the cell now
    std::vector<Candidate> candidates;    // best first
    std::vector<Exclusion> excluded;      // in `people` order
};

// nullopt when no week of the plan starts on `week`. For primary and secondary every
// person is judged; for shadow the trainees (trainee: true) are.
// Order: no added warning first, then fewest `weeks`, then fewest weeks in that role, then
// longest rest (none is longest), then the order of `people`.
// `options.today` is the check's today (late-change, history-change); absent, those rules
// are silent, as in check(plan).
std::optional<CandidateList> findCandidates(const Plan& plan, Date week, Role role,
                                            const CheckOptions& options = {});

// {"week","role","current","candidates":[{"person","name","current","weeks",
//  "primary_weeks","secondary_weeks","shadow_weeks","rest_weeks","reason","warnings"}],
//  "excluded":[{"person","name","rule","rules","reason"}]}
Json candidatesToJson(const CandidateList& list);
std::string candidatesToText(const Plan& plan, const CandidateList& list);

}  // namespace rp
