// When the page draws. The page draws a frame only when something can have changed:
// input (the browser's events wake the loop), a JS API or test-hook call, a timer that
// is due (a notice that fades, a highlight that ends, the text caret's blink), running
// work (a draft, an incident run) and a short tail after input for ImGui's own delays
// (tooltips, popups measuring themselves, a modal's fade). Between those the browser's
// loop sleeps: no animation frame is requested at all (main.cpp).
#pragma once

namespace app {

struct App;

// A frame at this platform::NowSeconds() time (in addition to any other reason).
void RedrawAt(double when);
// The next `frames` frames (running work calls this every frame it runs).
void RedrawSoon(int frames = 1);

// ---- the frame loop's side (main.cpp) ------------------------------------------
// What the loop does after a frame: draw the next animation frame, or sleep until
// `wake_at` (0: until input).
struct NextFrame {
    bool draw_next = false;
    double wake_at = 0;
};
// Call once per drawn frame, after it: `input` says the frame processed events.
NextFrame PlanNextFrame(const App& app, bool input, double now);

}  // namespace app
