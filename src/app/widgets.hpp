// Small widgets shared by the views, and the test hook's rectangle registry.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"

#include "app_state.hpp"

struct ImGuiWindow;

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

// Picks a person (or none); returns true with *out set when the user chose. With
// `action`, the list starts with that item too (e.g. "Who can cover?"); choosing it sets
// *action_chosen and returns false.
bool PersonCombo(const App& app, const char* label, const std::optional<std::string>& current,
                 std::optional<std::string>* out, bool allow_none = true, float width = -1.0f,
                 ImGuiComboFlags flags = 0, const char* action = nullptr, bool* action_chosen = nullptr);

// Searchable IANA zone picker; returns true with *out set when the user chose.
bool ZoneCombo(App& app, const char* label, const std::string& current, std::string* out,
               bool allow_default = false);

// Drag source payload "RP_PERSON": a person id.
constexpr const char* kPersonPayload = "RP_PERSON";

void HelpMarker(const char* text);
void TextMuted(const char* fmt, ...) IM_FMTARGS(1);
// A heading line in the heading font.
void Heading(const char* text);

}  // namespace app
