// State of the page's guidance and smaller forms (issue 12 items 7–12, 16): the welcome
// on first open, getting started, Help ▸ Rules, the grouped coverage gaps, the override
// markers of the rotation grid and the handoff notes being edited. Included from
// app_state.hpp; App holds one UxState as `app.ux`.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"
#include "core/simulation/escalation.hpp"
#include "core/simulation/gaps.hpp"

namespace app {

struct App;

// Coverage gaps of one cause: the same kind, level and person (view_gaps.cpp).
struct GapGroup {
    rp::GapKind kind = rp::GapKind::NoContact;
    std::optional<rp::EscalationLevel> level;
    std::optional<std::string> person;
    std::vector<int> gaps;            // indexes into the report, in report order
    std::vector<rp::Date> weeks;      // distinct weeks, sorted
    std::vector<std::string> severities;   // distinct, sorted
    int rank = 0;                     // 0 someone unreachable, 1 nobody on call, 2 contacts, 3 plan edges
};

struct GapGroupsState {
    std::uint64_t revision = ~std::uint64_t(0);   // of the report the groups were made from
    std::vector<GapGroup> groups;
};

// Overrides per week and role (0 primary, 1 secondary) for the grid's markers.
struct OverrideMarks {
    std::uint64_t revision = ~std::uint64_t(0);
    std::vector<std::array<std::vector<int>, 2>> by_week;   // indexes into plan.overrides
};

// The handoff notes as the lead edited them, per team and week ("Platform|2026-12-07"),
// with the generated text they started from; kept in this browser (rotaplan.handoff-notes).
struct HandoffEdits {
    bool loaded = false;
    std::map<std::string, std::pair<std::string, std::string>> by_week;   // key -> (generated, edited)
};

struct UxState {
    bool sample_banner_dismissed = false;
    bool welcome_checked = false;         // the first-open question was considered
    bool welcome_pending = false;         // open the welcome modal next frame
    bool show_getting_started = false;
    bool show_rules = false;
    bool exported = false;                // an export or the plan was downloaded (getting started)
    std::string rules_filter;
    GapGroupsState gap_groups;
    OverrideMarks override_marks;
    HandoffEdits handoff;
};

// The file name the page gives the sample it opens with (app.file_name).
constexpr const char* kSampleFileName = "sample-plan.json";
// Whether the plan open is (an edit of) that sample: opening a file, New plan and the
// API's loadPlan give app.file_name another value.
bool SampleOpen(const App& app);

// modals.cpp: the welcome modal, Getting started and Help ▸ Rules.
void DrawGuidance(App& app);
// Help menu entries for them (called inside the open Help menu).
void GuidanceMenuItems(App& app);
// view_draft.cpp: the date of the next handoff in the team's zone (today if its handoff
// is still ahead); what an empty "From" of Draft weeks means.
std::optional<rp::Date> NextHandoffDate(const App& app);
// The file name "Save plan" downloads: the opened file's, else the team's ("platform-eu.json").
std::string SaveFileName(const App& app);

}  // namespace app
