// The frame loop and the operations every view shares: loading, deriving, autosave.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <date/tz.h>

#include "actions.hpp"
#include "app_state.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

extern "C" void rp_announce_ready();   // js_api.cpp

namespace app {

namespace {

// Files picked or dropped, and text pasted, since the last frame.
void TakePlatformInput(App& app) {
    while (auto file = platform::TakeOpenedFile()) {
        if (TakeInteropFile(app, file->name, file->text, file->purpose)) continue;
        if (TakeReviewFile(app, file->name, file->text, file->purpose)) continue;   // an incident log (view_review.cpp)
        std::optional<std::string> error;
        try {
            error = LoadPlanText(app, file->text, "Open " + file->name);
        } catch (const std::bad_alloc&) {
            ShowOutOfMemory(app, file->name + " was not opened");
            continue;
        }
        if (error) {
            ShowError(app, "Cannot open " + file->name, *error + "\n\nThe open plan was not changed.");
        } else {
            app.file_name = file->name;
            app.rotation = RotationViewState();
            ShowNotice(app, "Opened " + file->name);
        }
    }
    while (auto text = platform::TakePastedText()) {
        if (ImGui::GetIO().WantTextInput) ImGui::GetIO().AddInputCharactersUTF8(text->c_str());
    }
}

void ApplyPendingEdits(App& app) {
    std::vector<PendingEdit> edits;
    edits.swap(app.pending_edits);
    for (PendingEdit& e : edits) {
        try {
            app.doc.Apply(e.description, e.edit);
        } catch (const std::bad_alloc&) {
            ShowOutOfMemory(app, "\u201c" + e.description + "\u201d was not made");
            break;
        }
    }
}

// The zone list is the core's (rp::zoneNames): the names a plan may use, the same in the
// page as on the command line, legacy links included.
void LoadZoneNames(App& app) {
    try {
        app.zone_names = rp::zoneNames();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rotaplan: zone list unavailable: %s\n", e.what());
    }
    if (app.zone_names.empty()) app.zone_names.push_back("UTC");
}

const date::time_zone* LookUpZone(const std::string& name) {
    try {
        return rp::findZone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

// The browser's zone through the core's look-up (old names browsers still report, such as
// Asia/Calcutta, are legacy links it resolves); a last resort matches the city part
// ("Foo/Buenos_Aires"). UTC when nothing fits (ICU's "Etc/Unknown" included).
void FindViewerZone(App& app) {
    const std::string name = platform::ViewerTimeZone();
    app.viewer.browser_name = name;
    const date::time_zone* zone = LookUpZone(name);
    if (!zone && name.find('/') != std::string::npos) {
        const std::string city = name.substr(name.rfind('/'));
        for (const std::string& candidate : app.zone_names) {
            if (candidate.size() > city.size() && candidate.compare(candidate.size() - city.size(), city.size(), city) == 0) {
                zone = LookUpZone(candidate);
                if (zone) break;
            }
        }
    }
    if (!zone) zone = LookUpZone("Etc/UTC");
    app.viewer.zone = zone;
    app.viewer.name = zone ? std::string(zone->name()) : std::string("UTC");
}

}  // namespace

App& TheApp() {
    static App app;   // the page's one app: the main loop and the JS API share it
    return app;
}

void InitApp(App& app) {
    if (auto theme = platform::StorageGet("rotaplan.theme")) app.settings.dark = *theme == "dark";
    ApplyTheme(app.settings.dark);
    LoadZoneNames(app);
    FindViewerZone(app);
    RestoreStartPlan(app);   // storage.cpp
    if (!app.doc.plan().people.empty()) app.team.selected = 0;
}

std::optional<std::string> LoadPlanText(App& app, const std::string& text, const std::string& description) {
    rp::LoadResult r = rp::readPlan(text);
    if (!r.ok()) return r.error ? r.error->str() : std::string("the plan could not be read");
    app.doc.Replace(description, std::move(*r.plan));
    return std::nullopt;
}

void Edit(App& app, std::string description, std::function<void(rp::Plan&)> edit) {
    app.pending_edits.push_back({std::move(description), std::move(edit)});
}

void ShowError(App& app, const std::string& title, const std::string& message) {
    app.error.pending_open = true;
    app.error.title = title;
    app.error.message = message;
}

std::string Count(int n, const char* singular, const char* plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

void ShowOutOfMemory(App& app, const std::string& what) {
    app.doc.DropHistory();   // the undo history is what can be given back at once
    ShowError(app, "Not enough memory",
              what + ": the page reached the memory the browser gives it. The plan is as it was before; the undo "
                     "history was cleared to make room.\n\nDownload the plan (Ctrl+S) and reload the page, or use the "
                     "rotaplan command line for plans this large.");
}

void ShowNotice(App& app, const std::string& text, double seconds) {
    app.notice.text = text;
    app.notice.until = seconds > 0 ? platform::NowSeconds() + seconds : 0;
}

void RunFrame(App& app) {
    ++app.frame;
    TakePlatformInput(app);
    RefreshDerived(app);
    HandleShortcuts(app);

    DrawMainMenu(app);
    if (app.windows.team) DrawTeamView(app);
    if (app.windows.policy) DrawPolicyView(app);
    if (app.windows.rotation) DrawRotationView(app);
    if (app.windows.calendar) DrawCalendarView(app);
    if (app.windows.violations) DrawViolationsView(app);
    if (app.windows.load) DrawLoadView(app);
    if (app.windows.exports) DrawExportsWindow(app);
    if (app.windows.about) DrawAboutWindow(app);
    DrawIncidentViews(app);
    DrawChangesViews(app);
    if (app.req.show_requests) DrawRequestsWindow(app);
    if (app.req.form_open) DrawRequestForm(app);
    if (app.req.show_cover) DrawCoverWindow(app);
    TickDraft(app);
    if (app.req.show_draft) DrawDraftWindow(app);
    if (app.interop.import.show) DrawImportWindow(app);
    DrawStatusBar(app);
    DrawDropHint(app);
    DrawModals(app);
    DrawGuidance(app);   // welcome, getting started, rules (state_ux.hpp)
    DrawStorageWindows(app);

    ApplyPendingEdits(app);
    StorageTick(app);   // saves in the browser after every completed change (storage.cpp)
    EndFrameTags();
    app.layout_reset = false;
    // Announced once the first frames are drawn, so the test hook has rectangles.
    if (!app.ready && app.frame >= 3) {
        app.ready = true;
        rp_announce_ready();
    }
}

}  // namespace app
