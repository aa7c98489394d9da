// One draw function per view, one file each (view_*.cpp, menu.cpp, modals.cpp).
#pragma once
#include "app_state.hpp"

namespace app {

void DrawMainMenu(App& app);          // menu.cpp
void DrawTeamView(App& app);          // view_team.cpp: people, contacts, time off
void DrawPolicyView(App& app);        // view_policy.cpp
void DrawRotationView(App& app);      // view_rotation.cpp: the week grid
void DrawCalendarView(App& app);      // view_calendar.cpp: resolved shifts, overrides
void DrawViolationsView(App& app);    // view_violations.cpp: the live check
// Shows the rotation grid scrolled to the week starting `week`, briefly highlighted
// (violations and coverage gaps jump there on click). view_violations.cpp.
void JumpToWeek(App& app, rp::Date week);
void DrawLoadView(App& app);          // view_load.cpp: weeks and weekends per person
void DrawExportsWindow(App& app);     // view_exports.cpp
void DrawAboutWindow(App& app);       // modals.cpp
void DrawModals(App& app);            // modals.cpp: errors, confirmations
void DrawStatusBar(App& app);         // modals.cpp
void DrawDropHint(App& app);          // modals.cpp

}  // namespace app
