#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui_internal.h"   // hiding a panel behind its tab for the frame

#include "widgets.hpp"

namespace app {
namespace {

// Widths in CSS pixels (ImGui coordinates; a zoomed page is a narrower window).
constexpr float kWideLayoutMin = 1400.0f;   // three columns from here
constexpr float kTiledLayoutMin = 1100.0f;  // below: one panel at a time, under tabs

struct PanelInfo {
    Panel panel;
    const char* window_name;   // as the views name their windows
    const char* tab;
};
constexpr PanelInfo kPanels[] = {
    {Panel::Team, "Team", "Team"},
    {Panel::Policy, "Policy", "Policy"},
    {Panel::Rotation, "Rotation", "Rotation"},
    {Panel::Calendar, "Calendar", "Calendar"},
    {Panel::Violations, "###Violations", "Violations"},
    {Panel::Load, "Load", "Load"},
};

struct LayoutState {
    bool tabbed = false;             // decided at the start of the frame (DrawPanelTabs)
    Panel selected = Panel::Rotation;
    bool select_pending = true;      // select `selected` in the next tab bar (ShowPanel; at start: Rotation)
    float tabs_h = 0;                // height of the tab row (0 when tiled)
};
LayoutState g_layout;

bool Shown(const WindowFlags& w, Panel p) {
    switch (p) {
    case Panel::Team: return w.team;
    case Panel::Policy: return w.policy;
    case Panel::Rotation: return w.rotation;
    case Panel::Calendar: return w.calendar;
    case Panel::Violations: return w.violations;
    case Panel::Load: return w.load;
    }
    return false;
}

struct Box {
    ImVec2 pos, size;
};

// Splits [y, y+h) between two stacked panels, the top one `top_h` high; a hidden one
// yields its space.
void Stack(bool top_shown, bool bottom_shown, float top_h, float x, float y, float w, float h, Box* top, Box* bottom) {
    if (top_shown && bottom_shown) {
        const float th = std::floor(std::clamp(top_h, 0.0f, h));
        *top = {{x, y}, {w, th}};
        *bottom = {{x, y + th}, {w, h - th}};
    } else {
        *top = {{x, y}, {w, h}};
        *bottom = {{x, y}, {w, h}};
    }
}

// The load table's height with every row shown: title, a line of text, header, rows.
float LoadNaturalHeight(const App& app) {
    const ImGuiStyle& s = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + s.CellPadding.y * 2;
    const float rows = static_cast<float>(app.derived.load.size() + 1);
    return ImGui::GetFrameHeight() + s.WindowPadding.y * 2 + ImGui::GetTextLineHeightWithSpacing() * 2 +
           rows * row + s.ItemSpacing.y;
}

// The rotation grid's height with every week shown: title, toolbar, header, rows.
float RotationNaturalHeight(const App& app) {
    const ImGuiStyle& s = ImGui::GetStyle();
    const float row = ImGui::GetFrameHeight() + s.CellPadding.y * 2;
    const float rows = static_cast<float>(app.doc.plan().weeks.size() + 1);
    return ImGui::GetFrameHeight() + s.WindowPadding.y * 2 + ImGui::GetFrameHeightWithSpacing() + rows * row +
           s.ScrollbarSize + s.ItemSpacing.y * 2;
}

Box PanelBox(const App& app, Panel panel) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const WindowFlags& w = app.windows;
    float x = vp->WorkPos.x, y = vp->WorkPos.y + g_layout.tabs_h;
    float width = vp->WorkSize.x, height = vp->WorkSize.y - StatusBarHeight() - g_layout.tabs_h;
    if (g_layout.tabbed) return {{x, y}, {width, height}};

    bool left = w.team || w.policy, right = w.violations || w.load, middle = w.rotation || w.calendar;
    float left_w = left ? std::clamp(width * 0.22f, 270.0f, 380.0f) : 0.0f;
    float right_w = right ? std::clamp(width * 0.21f, 250.0f, 400.0f) : 0.0f;
    if (!middle) {
        // Without the middle column the side columns share the page.
        if (left && right) left_w = right_w = width * 0.5f;
        else if (left) left_w = width;
        else right_w = width;
    }
    float mid_w = std::max(0.0f, width - left_w - right_w);
    // The calendar takes the height its timeline needs (more for the override form), at
    // most half; the rotation grid above it gets the rest.
    const float calendar_h = std::clamp(CalendarNaturalHeight(app), height * 0.25f, height * 0.5f);
    Box a, b;
    // On laptops the rotation grid would be squeezed between the side columns; it takes
    // the whole width right of the Team column instead, and Violations and Load sit
    // beside the calendar below it.
    if (width < kWideLayoutMin && w.rotation && right && panel != Panel::Team && panel != Panel::Policy) {
        // The grid takes what its weeks need (between 35 % and 60 % of the height); the
        // row under it, the rest (at least the calendar's timeline).
        const float top_h = std::floor(std::clamp(RotationNaturalHeight(app), height * 0.35f,
                                                  std::max(height * 0.35f, std::min(height * 0.6f, height - (w.calendar ? calendar_h : 0.0f)))));
        const float bottom_h = height - top_h;
        const float bottom_y = y + top_h;
        const float side_x = w.calendar ? x + left_w + mid_w : x + left_w;
        const float side_w = w.calendar ? right_w : mid_w + right_w;
        if (panel == Panel::Rotation) return {{x + left_w, y}, {mid_w + right_w, top_h}};
        if (panel == Panel::Calendar) return {{x + left_w, bottom_y}, {mid_w, bottom_h}};
        // Side by side under the grid: violations get the wider share.
        if (w.violations && w.load) {
            const float vw = std::floor(side_w * (w.calendar ? 1.0f : 0.6f));
            if (w.calendar) {
                const float load_h = std::clamp(LoadNaturalHeight(app), bottom_h * 0.35f, bottom_h * 0.5f);
                Stack(true, true, bottom_h - load_h, side_x, bottom_y, side_w, bottom_h, &a, &b);
                return panel == Panel::Violations ? a : b;
            }
            if (panel == Panel::Violations) return {{side_x, bottom_y}, {vw, bottom_h}};
            return {{side_x + vw, bottom_y}, {side_w - vw, bottom_h}};
        }
        return {{side_x, bottom_y}, {side_w, bottom_h}};
    }
    switch (panel) {
    case Panel::Team:
    case Panel::Policy:
        Stack(w.team, w.policy, height * 0.62f, x, y, left_w, height, &a, &b);
        return panel == Panel::Team ? a : b;
    case Panel::Rotation:
    case Panel::Calendar:
        Stack(w.rotation, w.calendar, height - calendar_h, x + left_w, y, mid_w, height, &a, &b);
        return panel == Panel::Rotation ? a : b;
    case Panel::Violations:
    case Panel::Load: {
        // The load table takes what its rows need (between a third and a half); the
        // violations the rest.
        const float load_h = std::clamp(LoadNaturalHeight(app), height * 0.3f, height * 0.5f);
        Stack(w.violations, w.load, height - load_h, x + left_w + mid_w, y, right_w, height, &a, &b);
        return panel == Panel::Violations ? a : b;
    }
    }
    return {{x, y}, {width, height}};
}

struct RotationWidthCache {
    std::uint64_t revision = 0;
    float font_size = 0;
    RotationWidths widths;
};
RotationWidthCache g_rotation_widths;

}  // namespace

RotationWidths RotationColumnWidths(const App& app) {
    RotationWidthCache& c = g_rotation_widths;
    if (c.revision == app.doc.revision() && c.font_size == ImGui::GetFontSize()) return c.widths;
    c.revision = app.doc.revision();
    c.font_size = ImGui::GetFontSize();
    const rp::Plan& plan = app.doc.plan();
    const ImGuiStyle& s = ImGui::GetStyle();
    const float pad = s.CellPadding.x * 2 + 4, frame = s.FramePadding.x * 2;
    float widest = ImGui::CalcTextSize("\u2014").x;
    for (const rp::Person& p : plan.people) widest = std::max(widest, ImGui::CalcTextSize(p.name.c_str()).x);
    float lead = 0;
    if (plan.contacts.engineering_lead)
        lead = ImGui::CalcTextSize((plan.nameOf(*plan.contacts.engineering_lead) + " (lead)").c_str()).x;
    auto fit = [&](const char* sample) { return ImGui::CalcTextSize(sample).x + pad; };
    RotationWidths& w = c.widths;
    w.person = widest + frame + pad;
    w.escalation = std::max(widest, lead) + frame + pad;
    w.note = ImGui::GetFontSize() * 7.0f;
    const float fixed = fit("30 Sep 2026") + fit("09:00 AEDT") + fit("Wed 09:00 EST") + fit("Emerg.") + 9.0f;
    w.min_total = fixed + 3 * w.person + w.escalation + w.note + s.ScrollbarSize;
    return w;
}

float StatusBarHeight() { return ImGui::GetFrameHeight() + 6.0f; }

bool IsTabbedLayout() { return g_layout.tabbed; }

void ShowPanel(App& app, const char* window_name) {
    for (const PanelInfo& p : kPanels) {
        if (std::strcmp(p.window_name, window_name) == 0 && Shown(app.windows, p.panel)) {
            g_layout.selected = p.panel;
            g_layout.select_pending = true;
        }
    }
}

void DrawPanelTabs(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    g_layout.tabbed = vp->WorkSize.x < kTiledLayoutMin;
    g_layout.tabs_h = 0;
    if (!g_layout.tabbed) return;
    // A hidden panel cannot be the one shown: the first shown one is.
    if (!Shown(app.windows, g_layout.selected)) {
        for (const PanelInfo& p : kPanels)
            if (Shown(app.windows, p.panel)) {
                g_layout.selected = p.panel;
                g_layout.select_pending = true;
                break;
            }
    }
    const float h = ImGui::GetFrameHeight() + 8.0f;
    g_layout.tabs_h = h;
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("##panel-tabs", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(2);
    if (ImGui::BeginTabBar("##panels", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (const PanelInfo& p : kPanels) {
            if (!Shown(app.windows, p.panel)) continue;
            ImGuiTabItemFlags flags = g_layout.select_pending && g_layout.selected == p.panel ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(p.tab, nullptr, flags)) {
                if (!g_layout.select_pending) g_layout.selected = p.panel;
                ImGui::EndTabItem();
            }
            Tag(std::string("layout:tab:") + p.tab);
        }
        g_layout.select_pending = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
}

bool BeginPanel(App& app, Panel panel, const char* title, bool* open, ImGuiWindowFlags extra) {
    Box box = PanelBox(app, panel);
    ImGui::SetNextWindowPos(box.pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(box.size, ImGuiCond_Always);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | extra;
    const bool visible = ImGui::Begin(title, open, flags);
    if (g_layout.tabbed && panel != g_layout.selected) {
        // Behind another tab: kept alive (F6 can bring it forward) but not drawn.
        ImGui::SetWindowHiddenAndSkipItemsForCurrentFrame(ImGui::GetCurrentWindow());
        return false;
    }
    return visible;
}

}  // namespace app
