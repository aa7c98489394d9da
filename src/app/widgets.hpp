// Small widgets shared by the views, and the test hook's rectangle registry.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"

#include "app_state.hpp"

struct ImGuiWindow;
namespace date { class time_zone; }
namespace rp { struct Candidate; }

namespace app {

// ---- test hook: rectangles of named items ----------------------------------------
// Tag("cell:2026-12-07:primary") records the last item's rectangle under that label.
// The JS test hook reads the rectangles of the last complete frame (docs/page.md lists
// the labels).
void Tag(const std::string& label);
void TagRect(const std::string& label, ImVec2 min, ImVec2 max);
void EndFrameTags();   // the frame's rectangles become the "last frame"
struct ItemBox {
    ImVec2 min, max;
    ImGuiID id = 0;                  // Tag(): the item, for moving keyboard focus to it (a11y.cpp)
    ImGuiWindow* window = nullptr;   // Tag(): the window it is in
};
std::optional<ItemBox> LastFrameRect(const std::string& label);
// The text a labelled item showed in the last complete frame (widgetText in the test hook),
// for tests that read what a person reads: TagText("gaps:headline:0", "No CTO assigned").
void TagText(const std::string& label, const std::string& text);
std::optional<std::string> LastFrameText(const std::string& label);

// ---- edits --------------------------------------------------------------------------
// Call right after a widget that edits doc.LivePlan() in place: turns the typing session
// into one undo step named `description`.
void TrackLiveEdit(App& app, bool changed, const std::string& description);

// Text field bound to an optional string (empty text = absent). Live, undoable.
bool InputOptional(App& app, const char* label, std::optional<std::string>& value,
                   const std::string& description, const char* hint = nullptr);

// A date typed as YYYY-MM-DD; changes the value only when the text is a valid date.
bool InputDate(App& app, const char* label, rp::Date& value, const std::string& description);
// A time of day typed as HH:MM (minutes after midnight).
bool InputTime(App& app, const char* label, int& minute_of_day, const std::string& description);

// A number typed as a plain decimal ("500", "12.50"; 0 ≤ value ≤ max_value). The text
// becomes one undoable step, `set` applied to the plan, when the field is left; while
// it is not such a number *invalid is set, and leaving then keeps the plan's value.
bool InputDecimal(App& app, const char* label, double current, std::function<void(rp::Plan&, double)> set,
                  const std::string& description, double max_value, bool* invalid = nullptr);
std::string FormatDecimal(double value);   // 500, 12.5, 0.25
// An ISO 4217 currency code (3 letters, typed in any case; empty = none), as InputDecimal.
bool InputCurrency(App& app, const char* label, const std::optional<std::string>& current,
                   std::function<void(rp::Plan&, std::optional<std::string>)> set, const std::string& description,
                   bool* invalid = nullptr);

// A date-time typed by a person: "2026-12-08 18:00" (team zone), the ISO form
// "2026-12-08T18:00", with ":SS", "Z" or "+01:00". `text` is the ISO form the plan keeps.
struct DateTimeInput {
    std::string text;
    rp::Instant at;
};
std::optional<DateTimeInput> ParseDateTimeInput(const date::time_zone* zone, const std::string& typed);
// "From: "tomorrow" is not a date and time; type it as 2026-12-08 18:00 …"
std::string DateTimeInputError(const std::string& field, const std::string& typed);

// The rotation cell a pick list fills: its entries come from "who can cover?"
// (rp::findCandidates) best first, each marked with what stands against them (away, on
// call the week before or after, already in the week), and the list filters as you type.
struct PickCell {
    rp::Date week;
    Column column = Column::Primary;   // Primary, Secondary, Shadow or Escalation
};
struct PickOptions {
    bool allow_none = true;
    float width = -1.0f;
    ImGuiComboFlags flags = 0;
    const char* action = nullptr;       // an item at the top ("Who can cover?…")
    bool* action_chosen = nullptr;
    const PickCell* cell = nullptr;     // marks and candidate order for a rotation cell
    const char* preview = nullptr;      // the closed combo's text (default: the current name)
    bool muted_preview = false;
    const char* none_label = nullptr;   // default "— nobody —"
    const char* heading = nullptr;      // a muted line above the list
};
bool PickPerson(const App& app, const char* label, const std::optional<std::string>& current,
                std::optional<std::string>* out, const PickOptions& options);
// "on call 3 other weeks (2 primary, 1 secondary), last on call 2 weeks before": the
// counts cover the whole plan, not only the weeks before this one.
std::string CandidateSummary(const rp::Candidate& c, rp::Role role);

// Picks a person (or none); returns true with *out set when the user chose. With
// `action`, the list starts with that item too (e.g. "Who can cover?"); choosing it sets
// *action_chosen and returns false. Filters as you type (PickPerson).
bool PersonCombo(const App& app, const char* label, const std::optional<std::string>& current,
                 std::optional<std::string>* out, bool allow_none = true, float width = -1.0f,
                 ImGuiComboFlags flags = 0, const char* action = nullptr, bool* action_chosen = nullptr);

// Searchable IANA zone picker; returns true with *out set when the user chose. The search
// matches words in any order, case-insensitive, '_' as a space ("new york"); Enter picks
// the first match.
bool ZoneCombo(App& app, const char* label, const std::string& current, std::string* out,
               bool allow_default = false);

// Drag source payload "RP_PERSON": a person id.
constexpr const char* kPersonPayload = "RP_PERSON";

void HelpMarker(const char* text);
void TextMuted(const char* fmt, ...) IM_FMTARGS(1);
// One line of text no wider than max_width: cut at a character with "…" when it is wider,
// the whole text in a tooltip on hover.
void TextCut(const std::string& text, float max_width);
// A heading line in the heading font.
void Heading(const char* text);

}  // namespace app
