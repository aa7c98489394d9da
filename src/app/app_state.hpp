// The page's state, in named structs: the open document, what is derived from it
// (recomputed only when the plan's revision changes), each view's own state, and the
// modals. One App lives for the page's lifetime; views receive it by reference.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/rules/check.hpp"
#include "core/model/plan.hpp"
#include "core/model/shifts.hpp"
#include "state_changes.hpp"
#include "state_incidents.hpp"
#include "state_interop.hpp"
#include "state_requests.hpp"
#include "state_ux.hpp"
#include "state_storage.hpp"
#include "removal.hpp"
#include "undo.hpp"

namespace date { class time_zone; }

namespace app {

// The rotation grid's columns, in order; also the names used in test labels.
enum class Column { Dates, Primary, Secondary, Escalation, Shadow, Emergency, Note };
const char* ColumnName(Column c);   // "dates", "primary", ...

// Counts for the load summary.
struct PersonLoad {
    std::string id;
    int primary_weeks = 0, secondary_weeks = 0, shadow_weeks = 0;
    int weekends = 0;           // weekend days (Sat/Sun) spent on primary or secondary
    int override_pieces = 0;
};

// Everything derived from the plan. Rebuilt when Document::revision() moves on, never
// per frame.
struct Derived {
    std::uint64_t revision = 0;
    rp::Report report;
    std::vector<rp::WeekSpan> spans;           // one per plan.weeks entry
    std::vector<rp::Shift> shifts;             // resolved, sorted by start
    std::unordered_map<long, std::vector<int>> violations_by_week;  // days since epoch -> report indices
    std::vector<PersonLoad> load;              // one per person in the pool and beyond
    std::vector<std::string> problems;         // derivation failures (bad zone...), shown in the status bar
    const date::time_zone* team_zone = nullptr;
    rp::Date today{};                          // the check's today (state_changes.hpp PageToday)
};

// Windows the user can show or hide (View menu).
struct WindowFlags {
    bool team = true, policy = true, rotation = true, calendar = true;
    bool violations = true, load = true, exports = false, about = false;
};

struct TeamViewState {
    int selected = -1;                // index into plan.people
    std::string id_buffer;            // the id being edited (renames on Enter)
    int id_buffer_for = -1;           // which person id_buffer belongs to
    std::string filter;               // people list filter
    std::string new_id;               // "Add person" form
    std::string zone_filter;          // searchable zone list
    std::string time_off_from, time_off_to, time_off_reason;
};

struct RotationViewState {
    std::optional<int> scroll_to_week;   // index into plan.weeks: scroll there next frame
    int highlight_week = -1;             // briefly highlighted after a jump
    double highlight_until = 0;
    int add_weeks = 4;
};

struct CalendarViewState {
    std::string first_day;               // YYYY-MM-DD shown first ("" = first week)
    int days = 28;
    // The override form.
    int role = 0;                        // 0 primary, 1 secondary
    std::string person, from, to, reason;
    std::string form_error;
    bool show_form_tab = false;          // switch to the Overrides tab next frame
};

// The violation list's wrapped row heights (view_violations.cpp), kept until the plan,
// the filter or the width changes.
struct ViolationRows {
    std::uint64_t revision = 0;
    std::vector<int> shown;
    std::vector<float> heights;
    float width = 0, measured_width = -1;
};

struct ViolationsViewState {
    bool show_errors = true, show_warnings = true;
    std::string filter;
    ViolationRows rows;
};

struct ExportsViewState {
    int format = 0;                      // json, ics, csv, md
    std::string person;                  // ics: one person ("" = team)
    bool utc = false;                    // ics: times in UTC
    std::string preview;                 // the last generated text
    std::uint64_t preview_revision = 0;
    int preview_format = -1;
};

struct PolicyViewState {
    std::string new_holiday;
};

// A modal message ("Cannot open plan.json", with the place in the file).
struct ErrorModal {
    bool pending_open = false;
    std::string title, message;
};

struct ConfirmModal {
    bool pending_open = false;
    std::string title, message, confirm_label;
    int action = 0;   // ActionId to run when confirmed
};

// A line in the status bar that fades after a while ("Restored your plan from this browser").
struct Notice {
    std::string text;
    double until = 0;    // platform::NowSeconds() when it disappears; 0 = stays
};

struct ViewerZone {
    std::string browser_name;             // what the browser said (maybe an alias)
    std::string name;                     // the zone used ("UTC" when unknown)
    const date::time_zone* zone = nullptr;
};

struct Settings {
    bool dark = false;
};

// An edit requested while the views are drawn; applied after them, so no view loses
// the element it is drawing.
struct PendingEdit {
    std::string description;
    std::function<void(rp::Plan&)> edit;
};

struct App {
    Document doc;
    std::vector<PendingEdit> pending_edits;
    Derived derived;
    WindowFlags windows;
    TeamViewState team;
    RotationViewState rotation;
    CalendarViewState calendar;
    ViolationsViewState violations;
    PolicyViewState policy;
    ExportsViewState exports;
    IncidentViews inc_views;               // escalation, gaps, incidents, pay, handoff (state_incidents.hpp)
    RequestsState req;                     // requests, who can cover, draft (state_requests.hpp)
    InteropState interop;                  // File > Import..., vendor exports (state_interop.hpp)
    ChangesState chg;                      // published rotations, the review (state_changes.hpp)
    UxState ux;                            // welcome, guidance, gap groups, markers (state_ux.hpp)
    StorageState storage;                  // saving in the browser, other tabs (state_storage.hpp)
    RemovalDialogState removal;            // "Remove from the team" question (removal.hpp)
    ErrorModal error;
    ConfirmModal confirm;
    Notice notice;
    ViewerZone viewer;
    Settings settings;
    std::vector<std::string> zone_names;   // every IANA zone the database has, sorted
    std::string file_name;                 // the opened file's name; "" or the sample's: saved under the team's name (SaveFileName)
    bool save_blocked = false;             // the plan as it is would not read back; not stored
    bool ready = false;                    // the JS API has been announced
    int frame = 0;
    double frame_ms = 0;                   // the last frame's main-thread time (UI build + GL submission)
    bool layout_reset = true;              // place the windows on the next frame
};

App& TheApp();   // the page's one App (the JS API needs a way in)

// ---- shared operations (app.cpp) ----
void InitApp(App& app);
void RunFrame(App& app);
void RefreshDerived(App& app);
// Queues one undoable edit of the plan (see PendingEdit); the views use this.
void Edit(App& app, std::string description, std::function<void(rp::Plan&)> edit);
// Reads a plan and replaces the open one as one undoable step; on failure shows
// nothing and returns the error text (the open plan is untouched).
std::optional<std::string> LoadPlanText(App& app, const std::string& text, const std::string& description);
void ShowError(App& app, const std::string& title, const std::string& message);
void ShowNotice(App& app, const std::string& text, double seconds = 6);
// An operation ran out of the page's memory (std::bad_alloc): says so in a modal, frees the
// undo history. `what` names what was not done.
void ShowOutOfMemory(App& app, const std::string& what);
// "1 error", "3 errors"
std::string Count(int n, const char* singular, const char* plural);

}  // namespace app
