// Fonts (sharp at any devicePixelRatio) and the light and dark themes.
#pragma once
#include <vector>

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

// Colours used by the views beyond ImGui's style, matched to the theme. Text colours
// (and the fills text is drawn on) keep 4.5:1 contrast (WCAG AA) in both themes; the
// pairs are listed by ContrastPairs and checked by a browser test.
struct Palette {
    unsigned int error_bg, warning_bg, error_text, warning_text, ok_text, muted_text;
    unsigned int primary, secondary, shadow, override_piece, weekend_bg, today_line, highlight_bg;
    unsigned int bar_text;        // names on the calendar's bars (primary, secondary, shadow, override)
    unsigned int bar_outline;     // the outline of an override's piece
    unsigned int time_off_bg;     // a time-off bar (theme text on it)
    unsigned int drag_fill, drag_outline;   // the span being dragged on the calendar
    unsigned int pointer_line;    // the calendar's line under the pointer
};
const Palette& GetPalette();

// A text colour and the opaque colour it is drawn on (translucent fills already laid over
// the window background), as 0xAABBGGRR (ImU32).
struct ContrastPair {
    const char* what;
    unsigned int text, background;
};
// Every text-on-fill pair the page draws, for the light or the dark theme (the live
// theme is not touched).
std::vector<ContrastPair> ContrastPairs(bool dark);

}  // namespace app
