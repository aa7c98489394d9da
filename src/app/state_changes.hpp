// State of the published-rotation views (view_changes.cpp: the "Changes since published"
// window, Publish, the changed-cell marks and the notice window on the grid and the
// calendar, readiness and next duties in the Team panel, "on call now" in the status
// bar; view_review.cpp: the monthly review). Included from app_state.hpp; App holds one
// ChangesState. docs/changes.md, docs/page.md.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/changes/diff.hpp"
#include "core/changes/incident_log.hpp"
#include "core/changes/lookup.hpp"
#include "core/changes/review.hpp"
#include "core/model/plan.hpp"

struct ImDrawList;

namespace app {

struct App;
enum class Column;

struct ReviewViewState {
    std::string file_name;                       // the incident log picked
    std::optional<std::vector<rp::LoggedIncident>> log;
    std::string error;                           // the log could not be read
    std::vector<std::string> months;             // YYYY-MM with incidents, newest first
    std::string month;                           // the month shown
    std::string key;                             // month + revision the review was made for
    std::optional<rp::Review> review;
    std::string markdown;
};

struct ChangesState {
    bool show_changes = false, show_review = false;
    std::optional<rp::Date> today_override;      // the test hook's fixed date
    // Derived, when the plan's revision or today changes (RefreshChanges).
    std::uint64_t revision = ~std::uint64_t(0);
    rp::Date today{};
    std::optional<rp::DiffResult> diff;          // against the published snapshot
    std::set<std::pair<long, int>> changed;      // (week start day count, Column) differing from it
    std::optional<rp::NoticeWindow> window;
    bool announce_markdown = false;              // the announcement's format switch
    std::string announce_key, announcement;
    bool confirm_publish = false;                // "publish despite N errors?" shown
    std::string confirm_message;                 // the refusal, for the plan of confirm_revision
    std::uint64_t confirm_revision = 0;
    // "On call now" in the status bar, recomputed each minute or on a change.
    std::string oncall_key, oncall_text;
    ReviewViewState review;
};

// ---- used by the shared views (one call each) ----
// Today in the page: the viewer's clock as a date in the team's zone (or the test hook's).
rp::Date PageToday(const App& app);
void RefreshChanges(App& app);                   // derive.cpp, after the check
void DrawChangesViews(App& app);                 // app.cpp: the two windows when shown
void ChangesMenuItems(App& app);                 // menu.cpp, inside View
void PublishButton(App& app);                    // view_rotation.cpp toolbar
// view_rotation.cpp: the notice-window tint of a row; the mark of a cell changed since
// publishing (call right after the cell's widget).
void TintNoticeRow(const App& app, int week_index);
void MarkChangedCell(const App& app, rp::Date week, Column column);
// view_calendar.cpp: the notice window as a band over [t0, t1) mapped to [x0, x1).
void DrawNoticeWindowBand(const App& app, ImDrawList* dl, rp::Instant t0, rp::Instant t1, float x0, float x1,
                          float y0, float y1);
// view_team.cpp: the selected person's readiness (checklist, shadow weeks) and next duties.
void DrawPersonReadiness(App& app, int person_index);
void DrawPersonNextDuties(App& app, int person_index);
// modals.cpp: "On call now: …" in the status bar.
void DrawOnCallNow(App& app);
// The status bar's "On call now: ..." text, recomputed when the plan or the minute changes.
const std::string& OnCallNowText(App& app);
// app.cpp: a file picked for the review; true when it was one.
bool TakeReviewFile(App& app, const std::string& name, const std::string& text, const std::string& purpose);

}  // namespace app
