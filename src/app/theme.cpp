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
        0x2000, 0x206F,   // punctuation: dashes, ellipsis
        0x2190, 0x21FF,   // arrows
        0x2212, 0x2212,   // minus
        0x25A0, 0x25FF,   // shapes
        0x2600, 0x26FF,   // symbols (warning sign)
        0x2713, 0x2717,   // check and cross marks
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

void ApplyTheme(bool dark) {
    ImGuiStyle& style = ImGui::GetStyle();
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
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(0.14f, 0.15f, 0.18f, 0.98f);
        c[ImGuiCol_TitleBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.18f, 0.22f, 0.30f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.24f, 0.36f, 0.55f, 0.55f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.19f, 0.23f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1.0f, 1.0f, 1.0f, 0.03f);
        g_palette = {
            IM_COL32(190, 60, 60, 110), IM_COL32(200, 150, 40, 90), IM_COL32(255, 120, 110, 255),
            IM_COL32(240, 190, 80, 255), IM_COL32(110, 200, 130, 255), IM_COL32(150, 155, 165, 255),
            IM_COL32(80, 140, 230, 255), IM_COL32(120, 180, 160, 255), IM_COL32(170, 130, 220, 255),
            IM_COL32(240, 150, 60, 255), IM_COL32(255, 255, 255, 10), IM_COL32(255, 90, 90, 200),
            IM_COL32(80, 140, 230, 70),
        };
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.99f);
        c[ImGuiCol_TitleBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.82f, 0.87f, 0.95f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.89f, 0.91f, 0.94f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.025f);
        c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.14f);
        g_palette = {
            IM_COL32(230, 70, 70, 70), IM_COL32(235, 170, 30, 70), IM_COL32(190, 30, 30, 255),
            IM_COL32(160, 100, 0, 255), IM_COL32(30, 130, 60, 255), IM_COL32(110, 115, 125, 255),
            IM_COL32(50, 110, 210, 255), IM_COL32(40, 150, 120, 255), IM_COL32(140, 90, 200, 255),
            IM_COL32(225, 120, 20, 255), IM_COL32(0, 0, 0, 10), IM_COL32(220, 40, 40, 200),
            IM_COL32(50, 110, 210, 50),
        };
    }
}

}  // namespace app
