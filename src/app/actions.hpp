// Commands the user can run from the menus and the keyboard. Each is registered once
// with its label, shortcut and "enabled" check; menus and the shortcut handler read
// the same table, and draw code never reads shortcuts itself.
#pragma once
#include <string>

#include "imgui.h"

#include "app_state.hpp"

namespace app {

enum class ActionId {
    NewPlan, OpenPlan, SavePlan, ImportPlan,
    ExportJson, ExportIcsTeam, ExportCsv, ExportMarkdown, ShowExports,
    Undo, Redo,
    AddWeek, AddPerson,
    ToggleTheme, ResetLayout, About,
    Count
};

struct Action {
    ActionId id;
    const char* label;        // menu text
    ImGuiKeyChord shortcut;   // 0: none
    const char* shortcut_text;
    bool (*enabled)(const App&);
    void (*run)(App&);
};

const Action& GetAction(ActionId id);
bool IsEnabled(const App& app, ActionId id);
void Run(App& app, ActionId id);

// Draws a menu item for the action (label, shortcut, enabled state) and runs it.
void ActionMenuItem(App& app, ActionId id, const char* label_override = nullptr);

// Runs the actions whose shortcut was pressed this frame (not while a text field is
// being edited: the field's own Ctrl+Z belongs to it).
void HandleShortcuts(App& app);

// Exports that need an argument.
void DownloadIcsForPerson(App& app, const std::string& person_id);
// Discards the open plan for an empty one (after the confirmation).
void StartNewPlan(App& app);

}  // namespace app
