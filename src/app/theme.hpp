// Fonts (sharp at any devicePixelRatio) and the light and dark themes.
#pragma once

struct ImFont;

namespace app {

struct Fonts {
    ImFont* body = nullptr;      // DejaVu Sans 15 px (CSS), or ImGui's default font
    ImFont* heading = nullptr;   // the same, 19 px
};
const Fonts& GetFonts();

// Rebuilds the font atlas rasterized at `pixel_ratio` times the CSS size and scales it
// back down, so text is drawn 1:1 on the device's pixels. The caller recreates the
// backend's font texture.
void BuildFonts(float pixel_ratio);

void ApplyTheme(bool dark);

// Colours used by the views beyond ImGui's style, matched to the theme.
struct Palette {
    unsigned int error_bg, warning_bg, error_text, warning_text, ok_text, muted_text;
    unsigned int primary, secondary, shadow, override_piece, weekend_bg, today_line, highlight_bg;
};
const Palette& GetPalette();

}  // namespace app
