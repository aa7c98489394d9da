#include "redraw.hpp"

#include <algorithm>

#include "app_state.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // the active text field's caret timer

namespace app {
namespace {

// After input, ImGui needs frames without new events: a tooltip waits 0.15-0.4 s for a
// still mouse, a new popup measures itself for a frame or two, a modal fades in over
// about 0.2 s. Half a second covers them.
constexpr double kTailSeconds = 0.5;

struct RedrawState {
    int frames = 0;              // frames asked for with RedrawSoon
    double deadline = 0;         // earliest RedrawAt still in the future (0: none)
    double awake_until = 0;      // the tail after the last input
};
RedrawState g_redraw;

void Consider(double* wake_at, double when, double now) {
    if (when > now && (*wake_at == 0 || when < *wake_at)) *wake_at = when;
}

// ImGui's caret is visible while fmod(anim, 1.2) <= 0.8 (imgui_widgets.cpp): the next
// change of that is the next frame a focused text field needs.
double CaretToggleIn() {
    ImGuiContext& g = *GImGui;
    if (!g.IO.ConfigInputTextCursorBlink || g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) return 0;
    const float anim = g.InputTextState.CursorAnim;
    if (anim <= 0.0f) return -anim + 0.01;   // still solid after typing
    const double phase = ImFmod(anim, 1.20f);
    return (phase < 0.80 ? 0.80 - phase : 1.20 - phase) + 0.01;
}

bool HasRunningWork(const App& app) {
    if (app.req.draft_job && !app.req.draft_job->done()) return true;
    if (app.inc_views.inc.run) return true;
    return false;
}

}  // namespace

void RedrawAt(double when) {
    if (g_redraw.deadline == 0 || when < g_redraw.deadline) g_redraw.deadline = when;
}

void RedrawSoon(int frames) { g_redraw.frames = std::max(g_redraw.frames, frames); }

NextFrame PlanNextFrame(const App& app, bool input, double now) {
    NextFrame next;
    if (input) g_redraw.awake_until = now + kTailSeconds;
    if (g_redraw.frames > 0) --g_redraw.frames;
    if (g_redraw.deadline != 0 && g_redraw.deadline <= now) g_redraw.deadline = 0;
    // ImGui trickles queued input (one typed character a frame, a click after the text
    // before it): keep drawing until the queue is empty, however long the typing was.
    const bool queued_input = GImGui && GImGui->InputEventsQueue.Size > 0;
    next.draw_next = queued_input || g_redraw.frames > 0 || now < g_redraw.awake_until || HasRunningWork(app) ||
                     !app.pending_edits.empty() || app.derived.revision != app.doc.revision();
    if (next.draw_next) return next;
    Consider(&next.wake_at, g_redraw.deadline, now);
    Consider(&next.wake_at, app.notice.until, now);
    Consider(&next.wake_at, app.rotation.highlight_until, now);
    if (const double caret = CaretToggleIn(); caret > 0) Consider(&next.wake_at, now + caret, now);
    return next;
}

}  // namespace app
