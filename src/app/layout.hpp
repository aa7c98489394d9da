// The page's tiled layout: Team and Policy on the left, the rotation and the calendar
// in the middle, violations and load on the right. Hidden panels give their space to
// their neighbours; the layout follows the browser window's size every frame (in CSS
// pixels, so a zoomed page gets the layout of a smaller window).
//
//   >= 1400 px   three columns
//   1100-1400    Team/Policy left; the rotation spans the rest; calendar, violations
//                and load share the row under it
//   <  1100      one panel at a time under a row of tabs (Team, Policy, Rotation, ...)
//
// Stacked panels are sized to their content where it is short (the calendar's
// timeline, a small team's load table) and the rest goes to the panel beside them.
#pragma once
#include "imgui.h"

#include "app_state.hpp"

namespace app {

enum class Panel { Team, Policy, Rotation, Calendar, Violations, Load };

// Begin() for a panel at its place in the layout; always pair with ImGui::End(). In the
// tabbed layout a panel behind another tab is not drawn (Begin returns false).
bool BeginPanel(App& app, Panel panel, const char* title, bool* open, ImGuiWindowFlags extra = 0);

// The status bar's height, reserved at the bottom of the page.
float StatusBarHeight();

// The tabbed layout's row of tabs; call once per frame before the panels (main.cpp).
void DrawPanelTabs(App& app);
bool IsTabbedLayout();
// Brings the panel whose window is named `window_name` to the front of the tabbed layout
// (F6); nothing in the tiled layouts.
void ShowPanel(App& app, const char* window_name);

// The rotation grid's column needs: a person column as wide as the longest name, the
// escalation column as wide as "<lead> (lead)" too, the note a few words; `min_total`
// is the grid's narrowest width with every name whole (fixed columns included). A
// narrower panel scrolls the grid sideways rather than cut names (view_rotation.cpp
// passes these as the columns' stretch weights, so extra width is shared alike).
struct RotationWidths {
    float person = 0, escalation = 0, note = 0, min_total = 0;
};
RotationWidths RotationColumnWidths(const App& app);

// The calendar panel's height with its timeline fully shown (view_calendar.cpp).
float CalendarNaturalHeight(const App& app);

}  // namespace app
