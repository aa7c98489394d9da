#include "layout.hpp"

#include <algorithm>
#include <cmath>

namespace app {
namespace {

// Below this width (CSS pixels) the rotation grid spans the side column too.
constexpr float kWideLayoutMin = 1400.0f;

struct Box {
    ImVec2 pos, size;
};

// Splits [y, y+h) between two stacked panels; a hidden one yields its space.
void Stack(bool top_shown, bool bottom_shown, float top_share, float x, float y, float w, float h,
           Box* top, Box* bottom) {
    const float gap = 0.0f;
    if (top_shown && bottom_shown) {
        float th = std::floor(h * top_share);
        *top = {{x, y}, {w, th}};
        *bottom = {{x, y + th + gap}, {w, h - th - gap}};
    } else {
        *top = {{x, y}, {w, h}};
        *bottom = {{x, y}, {w, h}};
    }
}

Box PanelBox(const App& app, Panel panel) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const WindowFlags& w = app.windows;
    float x = vp->WorkPos.x, y = vp->WorkPos.y;
    float width = vp->WorkSize.x, height = vp->WorkSize.y - StatusBarHeight();
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
    Box a, b;
    // On narrower screens (laptops) the rotation grid would be squeezed between the side
    // columns; it takes the whole width right of the Team column instead, and Violations
    // and Load sit beside the calendar below it.
    if (width < kWideLayoutMin && w.rotation && right && panel != Panel::Team && panel != Panel::Policy) {
        const float top_h = std::floor(height * 0.58f);
        const float bottom_y = y + top_h, bottom_h = height - top_h;
        const float side_x = w.calendar ? x + left_w + mid_w : x + left_w;
        const float side_w = w.calendar ? right_w : mid_w + right_w;
        if (panel == Panel::Rotation) return {{x + left_w, y}, {mid_w + right_w, top_h}};
        if (panel == Panel::Calendar) return {{x + left_w, bottom_y}, {mid_w, bottom_h}};
        Stack(w.violations, w.load, 0.5f, side_x, bottom_y, side_w, bottom_h, &a, &b);
        return panel == Panel::Violations ? a : b;
    }
    switch (panel) {
    case Panel::Team:
    case Panel::Policy:
        Stack(w.team, w.policy, 0.62f, x, y, left_w, height, &a, &b);
        return panel == Panel::Team ? a : b;
    case Panel::Rotation:
    case Panel::Calendar:
        Stack(w.rotation, w.calendar, 0.6f, x + left_w, y, mid_w, height, &a, &b);
        return panel == Panel::Rotation ? a : b;
    case Panel::Violations:
    case Panel::Load:
        Stack(w.violations, w.load, 0.55f, x + left_w + mid_w, y, right_w, height, &a, &b);
        return panel == Panel::Violations ? a : b;
    }
    return {{x, y}, {width, height}};
}

}  // namespace

float StatusBarHeight() { return ImGui::GetFrameHeight() + 6.0f; }

bool BeginPanel(App& app, Panel panel, const char* title, bool* open, ImGuiWindowFlags extra) {
    Box box = PanelBox(app, panel);
    ImGui::SetNextWindowPos(box.pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(box.size, ImGuiCond_Always);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | extra;
    return ImGui::Begin(title, open, flags);
}

}  // namespace app
