// State of the change-request windows: the Requests window (list, new-request form,
// simulation), "Who can cover?" and the "Draft weeks" dialog. Included from
// app_state.hpp; App holds one RequestsState as `app.req`.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/rules/candidates.hpp"
#include "core/rules/draft.hpp"
#include "core/rules/draft_job.hpp"
#include "core/model/plan.hpp"
#include "core/rules/simulate.hpp"

namespace app {

struct App;

struct RequestsState {
    // ---- the Requests window ----
    bool show_requests = false;
    std::string selected;                     // request id whose simulation is shown
    std::optional<rp::Simulation> simulation; // of `selected`, at `sim_revision`
    std::uint64_t sim_revision = 0;
    // The new-request form ("Request a change", its own window): who asks, one of their
    // duties, who takes it, and for a swap one of theirs in return.
    bool form_open = false;
    int form_type = 0;                        // 0 swap, 1 cover
    std::string form_by, form_with;
    std::optional<rp::Date> form_week, form_with_week;   // the duties: week and role
    rp::Role form_role = rp::Role::Primary, form_with_role = rp::Role::Primary;
    bool form_emergency = false;
    bool form_past = false;                   // list duties of weeks already over too
    std::string form_submitted;               // YYYY-MM-DD ("" = today in the team zone)
    float form_cell_top = -1, form_cell_bottom = -1;   // the cell it was opened from (screen rows)
    bool form_place = false;                  // place the window next frame
    // Approving a request whose simulation says reject: asked first.
    std::string approve_anyway;               // the request id being asked about
    std::vector<std::string> approve_reasons; // the simulation's reasons, shown in the question
    bool approve_open = false;                // open the question next frame

    // ---- Who can cover? ----
    bool show_cover = false;
    rp::Date cover_week{};
    rp::Role cover_role = rp::Role::Primary;
    std::optional<rp::CandidateList> candidates;   // for cover_week/cover_role at cover_revision
    std::uint64_t cover_revision = 0;
    float cover_cell_top = -1, cover_cell_bottom = -1;   // screen rows of the cell asked about
    bool cover_place = false;                 // place the window beside that cell next frame

    // ---- Draft weeks ----
    bool show_draft = false;
    std::string draft_from;                   // YYYY-MM-DD ("" = the first week)
    int draft_weeks = 4;                      // 0 = fill only, add none
    int draft_seed = 0;
    std::shared_ptr<rp::DraftJob> draft_job;  // running or finished
    std::uint64_t draft_revision = 0;         // plan revision the job started from
    bool draft_applied = false;
    std::string draft_error;                  // bad option text
};

void DrawRequestsWindow(App& app);   // view_requests.cpp
void DrawCoverWindow(App& app);      // view_cover.cpp
void DrawDraftWindow(App& app);      // view_draft.cpp
// Opens "Who can cover?" for one cell (the rotation grid's pick list and context menu).
// With the cell's screen rows, the window is placed above or below the cell, not on it.
void OpenCover(App& app, rp::Date week, rp::Role role, float cell_top = -1, float cell_bottom = -1);
// Opens the new-request form for one duty (a role cell's "Request swap / cover..."):
// who holds it asks; the window is placed beside the cell's row, not on it.
void OpenRequestForm(App& app, rp::Date week, rp::Role role, const std::optional<std::string>& holder,
                     float cell_top = -1, float cell_bottom = -1);
// The form's window (view_requests.cpp), drawn while form_open.
void DrawRequestForm(App& app);
// Advances a running draft by one frame's slice (app.cpp, once per frame).
void TickDraft(App& app);

}  // namespace app
