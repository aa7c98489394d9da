// The page's tiled layout: Team and Policy on the left, the rotation and the calendar
// in the middle, violations and load on the right. Hidden panels give their space to
// their neighbours; the layout follows the browser window's size every frame.
#pragma once
#include "imgui.h"

#include "app_state.hpp"

namespace app {

enum class Panel { Team, Policy, Rotation, Calendar, Violations, Load };

// Begin() for a panel at its place in the layout; always pair with ImGui::End().
bool BeginPanel(App& app, Panel panel, const char* title, bool* open, ImGuiWindowFlags extra = 0);

// The status bar's height, reserved at the bottom of the page.
float StatusBarHeight();

}  // namespace app
