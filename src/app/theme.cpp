#include "theme.hpp"

#include <cstdio>

#include "imgui.h"

namespace app {
namespace {

Fonts g_fonts;           // rebuilt with the atlas
Palette g_palette;       // set by ApplyTheme

constexpr const char* kFontPath = "/assets/fonts/DejaVuSans.ttf";
constexpr float kBodySize = 14.0f;
constexpr float kHeadingSize = 18.0f;

bool FileExists(const char* path) {
    if (std::FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

}  // namespace

const Fonts& GetFonts() { return g_fonts; }
const Palette& GetPalette() { return g_palette; }

void BuildFonts(float pixel_ratio) {
    if (pixel_ratio < 1.0f) pixel_ratio = 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,   // Basic Latin, Latin-1
        0x0100, 0x017F,   // Latin Extended-A (names)
        0x0218, 0x021B,   // S and T with comma below (Romanian names)
        0x2000, 0x206F,   // punctuation: dashes, ellipsis
        0x2190, 0x2193,   // arrows
        0x21C4, 0x21C4,   // swap arrows
        0x2212, 0x2212,   // minus
        0x2264, 0x2265,   // less/greater than or equal
        0x25A0, 0x25A1,   // squares
        0x25B2, 0x25BC,   // triangles
        0x25C6, 0x25CF,   // diamonds, circles, discs
        0x26A0, 0x26A0,   // warning sign
        0x2713, 0x2717,   // check and cross marks
        // Keep in step with the font subset in CMakeLists.txt (pyftsubset --unicodes).
        0,
    };
    if (FileExists(kFontPath)) {
        ImFontConfig config;
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        g_fonts.body = io.Fonts->AddFontFromFileTTF(kFontPath, kBodySize * pixel_ratio, &config, kRanges);
        g_fonts.heading = io.Fonts->AddFontFromFileTTF(kFontPath, kHeadingSize * pixel_ratio, &config,
                                                       io.Fonts->GetGlyphRangesDefault());
    } else {
        // Without the TTF: ImGui's own font, rasterized at the device's size.
        ImFontConfig config;
        config.SizePixels = 13.0f * pixel_ratio;
        g_fonts.body = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 17.0f * pixel_ratio;
        g_fonts.heading = io.Fonts->AddFontDefault(&config);
    }
    io.FontGlobalScale = 1.0f / pixel_ratio;   // ImGui coordinates stay in CSS pixels
    io.Fonts->Build();
}

namespace {

ImVec4 Rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

// The theme into `style` and `palette`. Colours that carry text were chosen for at least
// 4.5:1 against what they are drawn on (ContrastPairs lists the pairs; a test checks them).
void MakeTheme(bool dark, ImGuiStyle* out, Palette* palette) {
    ImGuiStyle& style = *out;
    style = ImGuiStyle();
    if (dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    style.WindowRounding = 6.0f;
    style.ChildRounding = 4.0f;
    style.FrameRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.ScrollbarRounding = 6.0f;
    style.WindowPadding = ImVec2(10, 10);
    style.FramePadding = ImVec2(7, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(6, 3);
    style.WindowBorderSize = 1.0f;
    style.FrameBorderSize = dark ? 0.0f : 1.0f;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    style.SeparatorTextBorderSize = 1.0f;

    ImVec4* c = style.Colors;
    if (dark) {
        c[ImGuiCol_TextDisabled] = Rgb(150, 153, 160);
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(0.14f, 0.15f, 0.18f, 0.98f);
        c[ImGuiCol_TitleBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.18f, 0.22f, 0.30f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.19f, 0.23f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1.0f, 1.0f, 1.0f, 0.03f);
        // ImGui's dark blues under white text are too bright (3:1) when hovered or pressed.
        c[ImGuiCol_Button] = Rgb(44, 78, 122);
        c[ImGuiCol_ButtonHovered] = Rgb(40, 95, 165);
        c[ImGuiCol_ButtonActive] = Rgb(30, 80, 150);
        c[ImGuiCol_Header] = Rgb(46, 70, 105);
        c[ImGuiCol_HeaderHovered] = Rgb(40, 95, 165);
        c[ImGuiCol_HeaderActive] = Rgb(30, 80, 150);
        c[ImGuiCol_Tab] = Rgb(38, 62, 96);
        c[ImGuiCol_TabHovered] = Rgb(40, 95, 165);
        c[ImGuiCol_TabActive] = Rgb(44, 86, 140);
        c[ImGuiCol_TabUnfocused] = Rgb(32, 40, 52);
        c[ImGuiCol_TabUnfocusedActive] = Rgb(38, 58, 86);
        c[ImGuiCol_FrameBg] = Rgb(38, 48, 64);
        c[ImGuiCol_FrameBgHovered] = Rgb(46, 62, 86);
        c[ImGuiCol_FrameBgActive] = Rgb(52, 72, 102);
        c[ImGuiCol_PlotHistogram] = Rgb(60, 110, 190);
        c[ImGuiCol_PlotHistogramHovered] = Rgb(70, 125, 210);
        *palette = {
            IM_COL32(190, 60, 60, 110), IM_COL32(200, 150, 40, 90), IM_COL32(255, 135, 125, 255),
            IM_COL32(240, 190, 80, 255), IM_COL32(110, 200, 130, 255), IM_COL32(160, 165, 175, 255),
            IM_COL32(120, 168, 240, 255), IM_COL32(100, 200, 165, 255), IM_COL32(190, 160, 240, 255),
            IM_COL32(245, 170, 90, 255), IM_COL32(255, 255, 255, 10), IM_COL32(255, 90, 90, 200),
            IM_COL32(80, 140, 230, 70),
            IM_COL32(16, 18, 22, 255), IM_COL32(255, 255, 255, 200), IM_COL32(100, 48, 52, 255),
            IM_COL32(120, 168, 240, 90), IM_COL32(150, 190, 250, 255), IM_COL32(220, 225, 235, 110),
        };
    } else {
        c[ImGuiCol_TextDisabled] = Rgb(100, 103, 110);
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.99f);
        c[ImGuiCol_TitleBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.82f, 0.87f, 0.95f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.89f, 0.91f, 0.94f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.025f);
        c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.14f);
        *palette = {
            IM_COL32(230, 70, 70, 70), IM_COL32(235, 170, 30, 70), IM_COL32(180, 25, 25, 255),
            IM_COL32(135, 82, 0, 255), IM_COL32(20, 112, 48, 255), IM_COL32(92, 97, 107, 255),
            IM_COL32(40, 95, 190, 255), IM_COL32(18, 112, 88, 255), IM_COL32(118, 70, 178, 255),
            IM_COL32(168, 76, 0, 255), IM_COL32(0, 0, 0, 10), IM_COL32(220, 40, 40, 200),
            IM_COL32(50, 110, 210, 50),
            IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 150), IM_COL32(245, 208, 208, 255),
            IM_COL32(40, 95, 190, 70), IM_COL32(30, 80, 170, 255), IM_COL32(40, 45, 55, 110),
        };
    }
}

ImU32 ToU32(ImVec4 v) { return ImGui::ColorConvertFloat4ToU32(v); }

// `top` laid over the opaque `under`.
ImU32 Over(ImU32 top, ImU32 under) {
    const float a = float((top >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
    auto mix = [&](int shift) {
        const float t = float((top >> shift) & 0xFF), u = float((under >> shift) & 0xFF);
        return static_cast<ImU32>(t * a + u * (1.0f - a) + 0.5f) << shift;
    };
    return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
}

}  // namespace

std::vector<ContrastPair> ContrastPairs(bool dark) {
    ImGuiStyle style;
    Palette p{};
    MakeTheme(dark, &style, &p);
    auto col = [&](ImGuiCol i) { return ToU32(style.Colors[i]); };
    const ImU32 window = Over(col(ImGuiCol_WindowBg), IM_COL32(0, 0, 0, 255));
    const ImU32 popup = Over(col(ImGuiCol_PopupBg), window);
    const ImU32 text = Over(col(ImGuiCol_Text), window), hint = col(ImGuiCol_TextDisabled);
    const ImU32 alt_row = Over(col(ImGuiCol_TableRowBgAlt), window);
    std::vector<ContrastPair> pairs = {
        {"text on window", text, window},
        {"text on popup", text, popup},
        {"text on alternate table row", text, alt_row},
        {"text on menu bar and status bar", text, Over(col(ImGuiCol_MenuBarBg), window)},
        {"text on title bar", text, Over(col(ImGuiCol_TitleBg), window)},
        {"text on focused title bar", text, Over(col(ImGuiCol_TitleBgActive), window)},
        {"text on table header", text, Over(col(ImGuiCol_TableHeaderBg), window)},
        {"text on field", text, Over(col(ImGuiCol_FrameBg), window)},
        {"text on hovered field", text, Over(col(ImGuiCol_FrameBgHovered), window)},
        {"text on active field", text, Over(col(ImGuiCol_FrameBgActive), window)},
        {"text on button", text, Over(col(ImGuiCol_Button), window)},
        {"text on hovered button", text, Over(col(ImGuiCol_ButtonHovered), window)},
        {"text on pressed button", text, Over(col(ImGuiCol_ButtonActive), window)},
        {"text on selected row", text, Over(col(ImGuiCol_Header), window)},
        {"text on hovered row and menu item", text, Over(col(ImGuiCol_HeaderHovered), popup)},
        {"text on pressed row", text, Over(col(ImGuiCol_HeaderActive), window)},
        {"text on tab", text, Over(col(ImGuiCol_Tab), window)},
        {"text on hovered tab", text, Over(col(ImGuiCol_TabHovered), window)},
        {"text on selected tab", text, Over(col(ImGuiCol_TabActive), window)},
        {"text on tab of another panel", text, Over(col(ImGuiCol_TabUnfocused), window)},
        {"text on selected tab of another panel", text, Over(col(ImGuiCol_TabUnfocusedActive), window)},
        {"text on selected text", text, Over(col(ImGuiCol_TextSelectedBg), Over(col(ImGuiCol_FrameBg), window))},
        {"text on progress bar", text, Over(col(ImGuiCol_PlotHistogram), window)},
        {"hint and disabled text on window", hint, window},
        {"hint text on field", hint, Over(col(ImGuiCol_FrameBg), window)},
        {"muted text on window", p.muted_text, window},
        {"muted text on alternate table row", p.muted_text, alt_row},
        {"muted text on popup", p.muted_text, popup},
        {"error text on window", p.error_text, window},
        {"error text on status bar", p.error_text, Over(col(ImGuiCol_MenuBarBg), window)},
        {"error text on popup", p.error_text, popup},
        {"warning text on window", p.warning_text, window},
        {"ok text on window", p.ok_text, window},
        {"ok text on status bar", p.ok_text, Over(col(ImGuiCol_MenuBarBg), window)},
        {"request status (primary colour) on window", p.primary, window},
        {"trainee badge (shadow colour) on window", p.shadow, window},
        {"text on a cell tinted by an error", text, Over(p.error_bg, window)},
        {"text on a cell tinted by a warning", text, Over(p.warning_bg, window)},
        {"text on a highlighted week", text, Over(p.highlight_bg, window)},
        {"holiday day label on window", p.warning_text, window},
        {"day label on window", p.muted_text, window},
        {"bar text on primary bar", p.bar_text, p.primary},
        {"bar text on secondary bar", p.bar_text, p.secondary},
        {"bar text on shadow bar", p.bar_text, p.shadow},
        {"bar text on override piece", p.bar_text, p.override_piece},
        {"text on time-off bar", text, Over(p.time_off_bg, window)},
        {"text on weekend column", text, Over(p.weekend_bg, window)},
        {"text on holiday column", text, Over(p.warning_bg, window)},
        {"drop hint (modals.cpp) on its plate", IM_COL32(255, 255, 255, 255), IM_COL32(30, 80, 170, 255)},
    };
    return pairs;
}

void ApplyTheme(bool dark) { MakeTheme(dark, &ImGui::GetStyle(), &g_palette); }

}  // namespace app
