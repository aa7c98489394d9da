#include "actions.hpp"

#include <cctype>

#include "core/exports/exports.hpp"
#include "core/model/plan_io.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace app {
namespace {

// "Platform" -> "platform"; anything odd becomes '-'.
std::string Slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("rotaplan") : out;
}

std::string BaseName(const App& app) { return Slug(app.doc.plan().team_name) + "-oncall"; }

template <class F>
void SafeExport(App& app, const char* what, F make) {
    try {
        make();
        app.ux.exported = true;   // getting started: the plan has left the page once
    } catch (const std::exception& e) {
        ShowError(app, std::string("Cannot export ") + what, e.what());
    }
}

bool Always(const App&) { return true; }
bool CanUndo(const App& app) { return app.doc.CanUndo(); }
bool CanRedo(const App& app) { return app.doc.CanRedo(); }

void RunNewPlan(App& app) {
    app.confirm = {true, "Start a new plan?",
                   "The open plan will be replaced by an empty one. You can still undo this with Ctrl+Z, "
                   "but download it first if you want to keep a copy.",
                   "Discard and start new", static_cast<int>(ActionId::NewPlan)};
}
void RunOpen(App&) { platform::OpenFilePicker(); }
void RunSave(App& app) {
    const std::string name = SaveFileName(app);
    platform::DownloadText(name, "application/json", rp::writePlan(app.doc.plan()));
    app.ux.exported = true;
    ShowNotice(app, "Downloaded " + name);
}
void RunImport(App& app) { OpenImport(app); }
void RunExportJson(App& app) {
    SafeExport(app, "JSON", [&] {
        platform::DownloadText(BaseName(app) + ".json", "application/json", rp::exportJsonText(app.doc.plan()));
    });
}
void RunExportIcs(App& app) {
    SafeExport(app, "iCalendar", [&] {
        platform::DownloadText(BaseName(app) + ".ics", "text/calendar", rp::exportIcs(app.doc.plan(), {}));
    });
}
void RunExportCsv(App& app) {
    SafeExport(app, "CSV", [&] {
        platform::DownloadText(BaseName(app) + ".csv", "text/csv", rp::exportCsv(app.doc.plan()));
    });
}
void RunExportMd(App& app) {
    SafeExport(app, "Markdown", [&] {
        platform::DownloadText(BaseName(app) + ".md", "text/markdown", rp::exportMarkdown(app.doc.plan()));
    });
}
void RunShowExports(App& app) { app.windows.exports = true; }
void RunUndo(App& app) {
    std::string error = app.doc.Undo();
    if (!error.empty()) ShowError(app, "Cannot undo", error);
}
void RunRedo(App& app) {
    std::string error = app.doc.Redo();
    if (!error.empty()) ShowError(app, "Cannot redo", error);
}
void RunAddWeek(App& app) {
    app.doc.Apply("Add a week", [](rp::Plan& plan) {
        rp::Week w;
        if (!plan.weeks.empty()) {
            w.start = plan.weeks.back().start + date::days{7};
        } else {
            // The next handoff weekday from today.
            auto today = date::floor<date::days>(std::chrono::system_clock::now());
            int wd = static_cast<int>(date::weekday(today).c_encoding());
            w.start = today + date::days{(plan.policy.handoff_weekday - wd + 7) % 7};
        }
        plan.weeks.push_back(w);
    });
    app.rotation.scroll_to_week = 1 << 30;   // the last week
}
void RunAddPerson(App& app) {
    app.windows.team = true;
    app.team.selected = -2;   // the team view opens its "add person" form
}
void RunToggleTheme(App& app) {
    app.settings.dark = !app.settings.dark;
    ApplyTheme(app.settings.dark);
    platform::StorageSet("rotaplan.theme", app.settings.dark ? "dark" : "light");
}
void RunResetLayout(App& app) {
    app.windows = WindowFlags();
    app.layout_reset = true;
}
void RunAbout(App& app) { app.windows.about = true; }

const Action kActions[] = {
    {ActionId::NewPlan, "New plan…", 0, nullptr, Always, RunNewPlan},
    {ActionId::OpenPlan, "Open plan…", ImGuiMod_Ctrl | ImGuiKey_O, "Ctrl+O", Always, RunOpen},
    {ActionId::SavePlan, "Save plan", ImGuiMod_Ctrl | ImGuiKey_S, "Ctrl+S", Always, RunSave},
    {ActionId::ImportPlan, "Import…", 0, nullptr, Always, RunImport},
    {ActionId::ExportJson, "Schedule JSON", 0, nullptr, Always, RunExportJson},
    {ActionId::ExportIcsTeam, "iCalendar (team)", 0, nullptr, Always, RunExportIcs},
    {ActionId::ExportCsv, "CSV", 0, nullptr, Always, RunExportCsv},
    {ActionId::ExportMarkdown, "Markdown", 0, nullptr, Always, RunExportMd},
    {ActionId::ShowExports, "Export window…", ImGuiMod_Ctrl | ImGuiKey_E, "Ctrl+E", Always, RunShowExports},
    {ActionId::Undo, "Undo", ImGuiMod_Ctrl | ImGuiKey_Z, "Ctrl+Z", CanUndo, RunUndo},
    {ActionId::Redo, "Redo", ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z, "Ctrl+Shift+Z", CanRedo, RunRedo},
    {ActionId::AddWeek, "Add a week", 0, nullptr, Always, RunAddWeek},
    {ActionId::AddPerson, "Add a person…", 0, nullptr, Always, RunAddPerson},
    {ActionId::ToggleTheme, "Dark theme", 0, nullptr, Always, RunToggleTheme},
    {ActionId::ResetLayout, "Reset layout", 0, nullptr, Always, RunResetLayout},
    {ActionId::About, "About Rotaplan", 0, nullptr, Always, RunAbout},
};
static_assert(sizeof(kActions) / sizeof(kActions[0]) == static_cast<size_t>(ActionId::Count),
              "every ActionId needs one entry in kActions, in enum order");

}  // namespace

std::string SaveFileName(const App& app) {
    if (!app.file_name.empty() && !SampleOpen(app)) return app.file_name;
    return Slug(app.doc.plan().team_name) + ".json";
}

const Action& GetAction(ActionId id) { return kActions[static_cast<int>(id)]; }
bool IsEnabled(const App& app, ActionId id) { return GetAction(id).enabled(app); }

void Run(App& app, ActionId id) {
    if (IsEnabled(app, id)) GetAction(id).run(app);
}

void ActionMenuItem(App& app, ActionId id, const char* label_override) {
    const Action& a = GetAction(id);
    bool selected = id == ActionId::ToggleTheme && app.settings.dark;
    bool clicked = ImGui::MenuItem(label_override ? label_override : a.label, a.shortcut_text, selected, a.enabled(app));
    // Test label: "menu:" + the action's own label without its ellipsis ("menu:New plan").
    std::string tag = a.label;
    if (tag.size() >= 3 && tag.compare(tag.size() - 3, 3, "\u2026") == 0) tag.resize(tag.size() - 3);
    Tag("menu:" + tag);
    if (clicked) a.run(app);
}

void HandleShortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y)) Run(app, ActionId::Redo);
    for (const Action& a : kActions) {
        if (a.shortcut != 0 && ImGui::IsKeyChordPressed(a.shortcut)) Run(app, a.id);
    }
}

void DownloadIcsForPerson(App& app, const std::string& person_id) {
    SafeExport(app, "iCalendar", [&] {
        rp::IcsOptions options;
        options.person = person_id;
        platform::DownloadText(BaseName(app) + "-" + Slug(person_id) + ".ics", "text/calendar",
                               rp::exportIcs(app.doc.plan(), options));
    });
}

void StartNewPlan(App& app) {
    rp::Plan plan;
    plan.team_name = "New team";
    plan.team_timezone = app.viewer.zone ? app.viewer.name : "UTC";
    for (const char* p : {"P0", "P1", "P2", "P3"}) plan.policy.severities[p] = rp::defaultSeverity(p);
    // A plan needs at least one person (plan-format.md): the lead, to rename. The lead is
    // every week's escalation contact and stays out of the rotation pool, so the draft
    // never makes them primary or secondary as well (paged twice). docs/decisions.md.
    rp::Person lead;
    lead.id = "lead";
    lead.name = "Team lead";
    lead.on_call = false;
    plan.people.push_back(lead);
    plan.contacts.engineering_lead = lead.id;
    app.doc.Replace("New plan", std::move(plan));
    app.file_name.clear();
    app.ux.show_getting_started = true;
    app.ux.exported = false;
    app.rotation = RotationViewState();
    app.team = TeamViewState();
    app.team.selected = 0;
    ShowNotice(app, "Started a new plan");
}

}  // namespace app
