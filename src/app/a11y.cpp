// Keyboard reach (panels, F6, Escape, the first focus) and the DOM mirror (a11y.hpp).
//
// [SECTION] Panels and floating windows
// [SECTION] Keys
// [SECTION] The mirror
#include "a11y.hpp"

#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

#include "imgui.h"
#include "imgui_internal.h"   // the focused window, and putting keyboard focus on an item

#include "app_state.hpp"
#include "layout.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace app {
namespace {

// ---- [SECTION] Panels and floating windows ---------------------------------------------

struct NamedWindow {
    const char* name;     // ImGui window name (the part after ### where the title changes)
    const char* spoken;   // what the live region says when F6 lands there
    bool* shown;
};

// The tiled panels in reading order, then the floating windows. A new floating window
// belongs here too, so F6 reaches it and Escape closes it.
std::vector<NamedWindow> Windows(App& app) {
    return {
        {"Team", "Team panel", &app.windows.team},
        {"Policy", "Policy panel", &app.windows.policy},
        {"Rotation", "Rotation panel", &app.windows.rotation},
        {"Calendar", "Calendar panel", &app.windows.calendar},
        {"###Violations", "Violations panel", &app.windows.violations},
        {"Load", "Load panel", &app.windows.load},
        {"Export", "Export window", &app.windows.exports},
        {"About Rotaplan", "About window", &app.windows.about},
        {"Requests", "Requests window", &app.req.show_requests},
        {"Who can cover?", "Who can cover window", &app.req.show_cover},
        {"Draft weeks", "Draft weeks window", &app.req.show_draft},
        {"Escalation", "Escalation window", &app.inc_views.escalation},
        {"###Coverage gaps", "Coverage gaps window", &app.inc_views.gaps},
        {"Incidents", "Incidents window", &app.inc_views.incidents},
        {"Pay", "Pay window", &app.inc_views.pay},
        {"Handoff notes", "Handoff notes window", &app.inc_views.handoff},
    };
}
constexpr int kPanels = 6;   // the first six entries above

ImGuiWindow* FocusedRoot() {
    ImGuiContext& g = *GImGui;
    return g.NavWindow ? g.NavWindow->RootWindow : nullptr;
}

struct MirrorState {
    std::uint64_t revision = 0;
    bool sent = false;
    std::string undo, redo;        // the history's ends at the last update
    int errors = -1, warnings = -1;
    std::string pending_announcement;
    bool focused_initially = false;
    std::string focus_pending;     // a window F6 chose that is drawn from the next frame on
    std::string focused_panel;     // test hook: the window F6 moved to last
};
MirrorState g_mirror;

// Puts keyboard focus (and the visible focus frame) on the item tagged `label` in the
// last frame; false when it was not drawn.
bool FocusTagged(const std::string& label) {
    std::optional<ItemBox> box = LastFrameRect(label);
    if (!box || box->id == 0 || !box->window) return false;
    ImGui::FocusWindow(box->window);
    ImGui::SetFocusID(box->id, box->window);
    ImGuiContext& g = *GImGui;
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    return true;
}

void FocusWindowForKeys(ImGuiWindow* window) {
    ImGui::FocusWindow(window);
    ImGuiContext& g = *GImGui;
    // Land on the item last focused there, or the window's first.
    if (g.NavId == 0) ImGui::NavInitWindow(window, true);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

// ---- [SECTION] Keys ----------------------------------------------------------------------

void CyclePanels(App& app, int direction) {
    std::vector<NamedWindow> all = Windows(app);
    // Shown windows; in the tabbed layout a panel behind another tab counts too.
    std::vector<const NamedWindow*> open;
    int at = -1;
    ImGuiWindow* current = FocusedRoot();
    for (int i = 0; i < (int)all.size(); ++i) {
        const NamedWindow& w = all[i];
        if (!*w.shown) continue;
        ImGuiWindow* window = ImGui::FindWindowByName(w.name);
        const bool drawn = window && window->WasActive && !window->Hidden;
        if (!drawn && !(i < kPanels && IsTabbedLayout())) continue;
        if (drawn && window == current) at = (int)open.size();
        open.push_back(&w);
    }
    if (open.empty()) return;
    const int n = (int)open.size();
    const int next = at < 0 ? (direction > 0 ? 0 : n - 1) : (at + direction + n) % n;
    ShowPanel(app, open[next]->name);
    g_mirror.focus_pending = open[next]->name;
    g_mirror.focused_panel = open[next]->spoken;
    Announce(open[next]->spoken);
}

}  // namespace

void HandlePanelKeys(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    // The first focus: the rotation grid's first week, once the layout is drawn.
    if (!g_mirror.focused_initially && app.ready) {
        g_mirror.focused_initially = true;
        const auto& weeks = app.doc.plan().weeks;
        if (!weeks.empty() && FocusTagged("cell:" + rp::formatDate(weeks.front().start) + ":primary")) {
            g_mirror.focused_panel = "Rotation panel";
        } else if (ImGuiWindow* rotation = ImGui::FindWindowByName("Rotation")) {
            FocusWindowForKeys(rotation);
        }
    }
    if (ImGui::IsKeyPressed(ImGuiKey_F6, false)) CyclePanels(app, io.KeyShift ? -1 : +1);
    if (!g_mirror.focus_pending.empty()) {
        // Focus once the window is drawn (a panel behind a tab is drawn from the next frame).
        ImGuiWindow* window = ImGui::FindWindowByName(g_mirror.focus_pending.c_str());
        if (window && window->WasActive) {
            FocusWindowForKeys(window);
            g_mirror.focus_pending.clear();
        }
    }

    // Escape closes the focused floating window, unless something smaller has it first
    // (a popup or menu, a text field being edited, a pick on the calendar).
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !io.WantTextInput &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) &&
        !app.inc_views.esc.picking && GImGui->ActiveId == 0) {
        ImGuiWindow* focused = FocusedRoot();
        std::vector<NamedWindow> all = Windows(app);
        for (int i = kPanels; i < (int)all.size(); ++i) {
            if (*all[i].shown && ImGui::FindWindowByName(all[i].name) == focused) {
                *all[i].shown = false;
                Announce(std::string("Closed the ") + all[i].spoken);
                if (ImGuiWindow* rotation = ImGui::FindWindowByName("Rotation")) FocusWindowForKeys(rotation);
                break;
            }
        }
    }
}

// ---- [SECTION] The mirror ------------------------------------------------------------

namespace {

#ifdef __EMSCRIPTEN__
EM_JS(void, rp_js_mirror, (const char* json), {
    if (window.rotaplanMirror) window.rotaplanMirror(JSON.parse(UTF8ToString(json)));
});
#else
void rp_js_mirror(const char*) {}
#endif

std::string DayText(rp::Date d) {
    std::string s = date::format("%d %b %Y", d);
    if (!s.empty() && s[0] == '0') s.erase(0, 1);
    return s;
}

std::string CountsText(const rp::Report& r) {
    std::string s = r.errors == 0 ? std::string("No errors") : Count(r.errors, "error", "errors");
    if (r.warnings > 0) s += ", " + Count(r.warnings, "warning", "warnings");
    return s;
}

// What the last change was: a new step, an undo or a redo, read from the history's ends.
std::string DescribeChange(const Document& doc, const MirrorState& before) {
    const std::string undo = doc.UndoDescription(), redo = doc.RedoDescription();
    if (!redo.empty() && redo == before.undo && undo != before.undo) return "Undid " + redo;
    if (!before.redo.empty() && undo == before.redo && redo != before.redo) return "Redid " + undo;
    return undo;
}

}  // namespace

void Announce(const std::string& text) {
    std::string& p = g_mirror.pending_announcement;
    p += (p.empty() ? "" : ". ") + text;
}

void UpdateMirror(App& app) {
    if (!app.ready) return;
    const bool plan_moved = !g_mirror.sent || g_mirror.revision != app.doc.revision();
    if (plan_moved && (app.doc.HasLiveEdit() || ImGui::IsAnyItemActive())) return;   // mid-typing, mid-drag
    if (!plan_moved && g_mirror.pending_announcement.empty()) return;

    rp::Json out = rp::Json::object();
    if (plan_moved) {
        RefreshDerived(app);
        const rp::Plan& plan = app.doc.plan();
        const rp::Report& report = app.derived.report;
        rp::Json rows = rp::Json::array();
        for (const rp::Week& w : plan.weeks) {
            auto name = [&](const std::optional<std::string>& id) { return id ? plan.nameOf(*id) : std::string(); };
            std::optional<std::string> escalation = w.escalation ? w.escalation : plan.contacts.engineering_lead;
            rows.push_back({DayText(w.start), name(w.primary), name(w.secondary), name(escalation)});
        }
        rp::Json violations = rp::Json::array();
        for (const rp::Violation& v : report.violations) {
            std::string where = v.week ? "week of " + DayText(*v.week) : std::string("whole plan");
            violations.push_back({{"severity", v.severity == rp::Severity::Error ? "Error" : "Warning"},
                                  {"where", where}, {"message", v.message}});
        }
        out["team"] = plan.team_name;
        out["rows"] = std::move(rows);
        out["violations"] = std::move(violations);
        out["summary"] = CountsText(report);
        if (g_mirror.sent) {
            std::string change = DescribeChange(app.doc, g_mirror);
            if (change.empty()) change = "Plan changed";
            std::string said = change;
            if (report.errors != g_mirror.errors || report.warnings != g_mirror.warnings) said += ". " + CountsText(report);
            std::string& p = g_mirror.pending_announcement;
            p = said + (p.empty() ? "" : ". " + p);
        }
        g_mirror.sent = true;
        g_mirror.revision = app.doc.revision();
        g_mirror.undo = app.doc.UndoDescription();
        g_mirror.redo = app.doc.RedoDescription();
        g_mirror.errors = report.errors;
        g_mirror.warnings = report.warnings;
    }
    if (!g_mirror.pending_announcement.empty()) out["announce"] = g_mirror.pending_announcement;
    g_mirror.pending_announcement.clear();
    rp_js_mirror(out.dump().c_str());
}

}  // namespace app

extern "C" {
// Test hook: what F6 or the first focus moved to ("Rotation panel"), "" before either.
EMSCRIPTEN_KEEPALIVE const char* rp_test_focused_panel() { return app::g_mirror.focused_panel.c_str(); }
}

extern "C" {
// Test hook: the theme's text/background pairs as [{what, text: [r,g,b], background: [r,g,b]}].
EMSCRIPTEN_KEEPALIVE const char* rp_test_contrast_pairs(int dark) {
    static std::string result;
    rp::Json out = rp::Json::array();
    auto rgb = [](unsigned int c) {
        return rp::Json::array({(c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF, (c >> IM_COL32_B_SHIFT) & 0xFF});
    };
    for (const app::ContrastPair& p : app::ContrastPairs(dark != 0))
        out.push_back({{"what", p.what}, {"text", rgb(p.text)}, {"background", rgb(p.background)}});
    result = out.dump();
    return result.c_str();
}
}
