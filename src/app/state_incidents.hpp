// State of the escalation, coverage-gap, incident, pay and handoff windows
// (view_escalation.cpp, view_gaps.cpp, view_incidents.cpp, view_pay.cpp,
// view_handoff.cpp). Included from app_state.hpp; App holds one IncidentViews.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/simulation/escalation.hpp"
#include "core/simulation/gaps.hpp"
#include "core/simulation/incidents.hpp"
#include "core/simulation/pay.hpp"

namespace app {

struct App;

struct EscalationViewState {
    std::string date;                    // YYYY-MM-DD in the team zone ("" = first week's start)
    std::string time = "02:00";          // HH:MM
    int severity = 0;                    // index into plan.policy.severities (sorted keys)
    bool security = false;
    struct AckRow { int level = 0; int minute = 3; };
    std::vector<AckRow> acks;
    bool resolve_on = false;
    int resolve = 45;
    bool picking = false;                // the next click on the calendar picks the moment
    // The last computed timeline and what it was computed from.
    std::string key;                     // inputs + revision
    std::optional<rp::EscalationTimeline> timeline;
    std::vector<std::pair<rp::Instant, rp::Instant>> business;   // business hours on the axis
    std::string error;
};

struct GapsViewState {
    std::uint64_t revision = ~std::uint64_t(0);
    rp::GapReport report;
    std::string error;
    int selected = -1;
};

struct IncidentsViewState {
    float rate = 2.0f;                   // incidents per week
    float mix[4] = {1, 3, 10, 20};       // weights P0..P3
    int seed = 1;
    bool use_count = true;
    int count = 500;
    std::unique_ptr<rp::IncidentRun> run;   // running while set
    std::optional<rp::IncidentReport> report;
    std::uint64_t report_revision = 0;
    std::string error;
    double last_step_ms = 0;
};

struct PayViewState {
    const rp::IncidentReport* from = nullptr;   // the report the pay was computed from
    std::uint64_t revision = 0;                 // the plan revision it was computed at
    std::optional<rp::PayReport> pay;
    std::string error;
};

struct HandoffViewState {
    std::string week;                    // YYYY-MM-DD
    std::string key;                     // week + revision of the text
    std::string text, error;
};

struct IncidentViews {
    bool escalation = false, gaps = false, incidents = false, pay = false, handoff = false;
    EscalationViewState esc;
    GapsViewState gap;
    IncidentsViewState inc;
    PayViewState pay_view;
    HandoffViewState hand;
};

// Draws whichever of the five windows are shown (called from RunFrame).
void DrawIncidentViews(App& app);
// View menu items for the five windows (called inside the open View menu).
void IncidentViewsMenuItems(App& app);
// The calendar's timeline was clicked at `at` while picking: sets the escalation moment.
bool EscalationPicking(const App& app);
void EscalationPickAt(App& app, rp::Instant at);

}  // namespace app
