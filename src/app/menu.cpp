// The main menu bar: File, Edit, View, Help. Items come from the action table.
#include "imgui.h"

#include "actions.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawMainMenu(App& app) {
    if (!ImGui::BeginMainMenuBar()) return;
    const rp::Plan& plan = app.doc.plan();

    bool file_open = ImGui::BeginMenu("File");
    Tag("menu:File");
    if (file_open) {
        ActionMenuItem(app, ActionId::NewPlan);
        ActionMenuItem(app, ActionId::OpenPlan);
        ActionMenuItem(app, ActionId::SavePlan);
        ActionMenuItem(app, ActionId::ImportPlan);   // from PagerDuty, Opsgenie, Grafana OnCall, GoAlert, iCalendar
        StorageMenuItems(app);   // storage.cpp
        ImGui::SeparatorText("Download an export");
        ActionMenuItem(app, ActionId::ExportJson);
        ActionMenuItem(app, ActionId::ExportIcsTeam);
        bool per_person = ImGui::BeginMenu("iCalendar for one person");
        Tag("menu:iCalendar for one person");
        if (per_person) {
            for (const rp::Person& p : plan.people) {
                if (ImGui::MenuItem((p.name + "  (" + p.id + ")").c_str())) DownloadIcsForPerson(app, p.id);
                Tag("menu:ics:" + p.id);
            }
            ImGui::EndMenu();
        }
        ActionMenuItem(app, ActionId::ExportCsv);
        ActionMenuItem(app, ActionId::ExportMarkdown);
        ImGui::Separator();
        ActionMenuItem(app, ActionId::ShowExports);
        ImGui::EndMenu();
    }

    bool edit_open = ImGui::BeginMenu("Edit");
    Tag("menu:Edit");
    if (edit_open) {
        std::string undo = app.doc.CanUndo() ? "Undo " + app.doc.UndoDescription() : std::string("Undo");
        std::string redo = app.doc.CanRedo() ? "Redo " + app.doc.RedoDescription() : std::string("Redo");
        ActionMenuItem(app, ActionId::Undo, undo.c_str());
        Tag("menu:Edit/Undo");
        ActionMenuItem(app, ActionId::Redo, redo.c_str());
        Tag("menu:Edit/Redo");
        ImGui::Separator();
        ActionMenuItem(app, ActionId::AddWeek);
        ActionMenuItem(app, ActionId::AddPerson);
        if (ImGui::MenuItem("Draft weeks…")) app.req.show_draft = true;
        Tag("menu:Draft weeks");
        ImGui::EndMenu();
    }

    bool view_open = ImGui::BeginMenu("View");
    Tag("menu:View");
    if (view_open) {
        ImGui::MenuItem("Team", nullptr, &app.windows.team);
        ImGui::MenuItem("Policy", nullptr, &app.windows.policy);
        ImGui::MenuItem("Rotation", nullptr, &app.windows.rotation);
        ImGui::MenuItem("Calendar", nullptr, &app.windows.calendar);
        ImGui::MenuItem("Violations", nullptr, &app.windows.violations);
        ImGui::MenuItem("Load", nullptr, &app.windows.load);
        IncidentViewsMenuItems(app);
        ImGui::MenuItem("Requests", nullptr, &app.req.show_requests);
        Tag("menu:Requests");
        ChangesMenuItems(app);
        ImGui::Separator();
        ActionMenuItem(app, ActionId::ToggleTheme);
        Tag("menu:View/Dark theme");
        ActionMenuItem(app, ActionId::ResetLayout);
        ImGui::EndMenu();
    }

    bool help_open = ImGui::BeginMenu("Help");
    Tag("menu:Help");
    if (help_open) {
        GuidanceMenuItems(app);
        ActionMenuItem(app, ActionId::About);
        ImGui::EndMenu();
    }

    // The plan's name and the check summary, right-aligned.
    const Derived& d = app.derived;
    std::string summary = plan.team_name + "  ·  " + Count(d.report.errors, "error", "errors") + ", " +
                          Count(d.report.warnings, "warning", "warnings");
    float width = ImGui::CalcTextSize(summary.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - width - ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::TextUnformatted(summary.c_str());
    ImGui::EndMainMenuBar();
}

}  // namespace app
