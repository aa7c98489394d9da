// The page's entry point: SDL2 window, WebGL2 context, Dear ImGui, and the frame loop.
// Everything the page shows is in RunFrame (app.cpp).
//
// [SECTION] The runtime: window, context, fonts at the device's pixel ratio
// [SECTION] One frame
// [SECTION] The browser's loop: draws only when woken (redraw.hpp)
// [SECTION] main
#include <cstdio>

#include <SDL.h>
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#else
#include <SDL_opengl.h>
#define EMSCRIPTEN_KEEPALIVE
#endif

#include "imgui.h"
#include "imgui_impl_sdl2.h"

#include "a11y.hpp"
#include "app_state.hpp"
#include "layout.hpp"
#include "redraw.hpp"
#include "renderer.hpp"
#include "theme.hpp"
#include "platform/platform.hpp"

namespace {

// ---- [SECTION] The runtime ----------------------------------------------------------

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    app::App* app = nullptr;
    float pixel_ratio = 1.0f;   // the fonts were built for this devicePixelRatio
    bool running = true;
    bool first_frame_marked = false;
    int frames_drawn = 0;       // every drawn frame (test hook: idle frames)
};
Runtime g_rt;   // lives as long as the page: the browser's loop calls back into it

// Zooming the page or moving it to a screen with another pixel ratio: the canvas's
// backing store follows (SDL's resize handler sizes it to CSS size x ratio) and the
// fonts are rasterized again for the new ratio, so text stays sharp.
bool FollowPixelRatio(Runtime& rt) {
    const float ratio = platform::DevicePixelRatio();
    if (ratio == rt.pixel_ratio) return false;
    rt.pixel_ratio = ratio;
    app::RendererDestroyFontTexture();
    app::BuildFonts(ratio);
    app::RendererCreateFontTexture();
    return true;
}

// ---- [SECTION] One frame ------------------------------------------------------------

// Draws one frame; returns whether it processed input (events or a new pixel ratio).
bool Frame(Runtime& rt) {
    bool input = false;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) rt.running = false;
        input = true;
    }
    if (FollowPixelRatio(rt)) input = true;

    const double started = platform::NowMilliseconds();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    app::HandlePanelKeys(*rt.app);
    app::DrawPanelTabs(*rt.app);
    app::RunFrame(*rt.app);
    app::UpdateMirror(*rt.app);
    ImGui::Render();

    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(rt.window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    app::RendererDraw(ImGui::GetDrawData(), width, height);
    // Main-thread time of the frame (UI build + GL submission), read by the test hook.
    rt.app->frame_ms = platform::NowMilliseconds() - started;
    SDL_GL_SwapWindow(rt.window);
    ++rt.frames_drawn;
    if (!rt.first_frame_marked) {
        rt.first_frame_marked = true;
        platform::Mark("rotaplan:first-frame");
    }
    return input;
}

// ---- [SECTION] The browser's loop -----------------------------------------------------

#ifdef __EMSCRIPTEN__
// Module.rpWake(frames) asks for an animation frame (at most one is pending) and, with
// `frames`, for that many frames at least. The page's own listeners call it for every
// input event (capture phase, before SDL's handlers queue the event), the JS API and the
// test hook call it after each call, and the frame itself asks for the next one or for
// a timer (rp_loop_schedule). A hidden tab gets no animation frames, as before.
EM_JS(void, rp_loop_install, (), {
    var pending = 0, timer = 0;
    function tick() { pending = 0; _rp_loop_frame(); }
    Module.rpWake = function (frames) {
        if (frames > 0) _rp_loop_want_frames(frames | 0);
        if (!pending) pending = requestAnimationFrame(tick);
    };
    Module.rpLoopSchedule = function (next, delayMs) {
        if (timer) { clearTimeout(timer); timer = 0; }
        if (next) { if (!pending) pending = requestAnimationFrame(tick); }
        else if (delayMs > 0) timer = setTimeout(function () { timer = 0; Module.rpWake(1); }, delayMs);
    };
    var wake = function () { Module.rpWake(0); };
    ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'pointerdown',
     'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'focus', 'blur',
     'resize', 'paste', 'drop', 'dragenter', 'dragover', 'dragleave', 'contextmenu', 'visibilitychange',
     'mouseenter', 'mouseleave'].forEach(function (type) {
        window.addEventListener(type, wake, { capture: true, passive: true });
    });
    // A new devicePixelRatio without a resize (another screen): SDL sizes the canvas's
    // backing store in its resize handler, so hand it one.
    (function watchRatio() {
        if (!window.matchMedia) return;
        var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
        var changed = function () {
            query.removeEventListener('change', changed);
            window.dispatchEvent(new Event('resize'));
            watchRatio();
        };
        query.addEventListener('change', changed);
    })();
});
EM_JS(void, rp_loop_schedule, (int next, double delay_ms), { Module.rpLoopSchedule(next, delay_ms); });
#endif

}  // namespace

extern "C" {
// One turn of the loop: a frame, then the next frame or a timer, or sleep until input.
EMSCRIPTEN_KEEPALIVE void rp_loop_frame() {
    const bool input = Frame(g_rt);
    const double now = platform::NowSeconds();
    const app::NextFrame next = app::PlanNextFrame(*g_rt.app, input, now);
#ifdef __EMSCRIPTEN__
    rp_loop_schedule(next.draw_next ? 1 : 0, next.wake_at > 0 ? (next.wake_at - now) * 1000.0 : 0.0);
#else
    (void)next;
#endif
}
EMSCRIPTEN_KEEPALIVE void rp_loop_want_frames(int frames) { app::RedrawSoon(frames); }
// Test hook: frames drawn since the page started (does not wake the loop).
EMSCRIPTEN_KEEPALIVE int rp_test_frames_drawn() { return g_rt.frames_drawn; }
// Test hook: the devicePixelRatio the fonts were last built for.
EMSCRIPTEN_KEEPALIVE double rp_test_font_ratio() { return g_rt.pixel_ratio; }
}

// ---- [SECTION] main -----------------------------------------------------------------

int main(int, char**) {
    platform::Mark("rotaplan:main");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "rotaplan: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Runtime& rt = g_rt;
    rt.window = SDL_CreateWindow("Rotaplan", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!rt.window) {
        std::fprintf(stderr, "rotaplan: cannot create the window: %s\n", SDL_GetError());
        return 1;
    }
    rt.gl = SDL_GL_CreateContext(rt.window);
    if (!rt.gl) {
        std::fprintf(stderr, "rotaplan: WebGL2 is not available: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(rt.window, rt.gl);
#ifndef __EMSCRIPTEN__
    SDL_GL_SetSwapInterval(1);   // in the browser the animation frame paces the loop
#endif

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // the layout is the app's; nothing to persist
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    ImGui_ImplSDL2_InitForOpenGL(rt.window, rt.gl);
    if (!app::RendererInit()) return 1;
    // SDL has no clipboard in the browser: copy through navigator.clipboard; paste arrives
    // as the DOM paste event (platform::TakePastedText), the last text is kept for ImGui.
    io.SetClipboardTextFn = [](void*, const char* text) { platform::ClipboardSet(text ? text : ""); };
    io.GetClipboardTextFn = [](void*) { return platform::ClipboardLastPasted().c_str(); };

    rt.pixel_ratio = platform::DevicePixelRatio();
    app::BuildFonts(rt.pixel_ratio);
    app::RendererCreateFontTexture();

    platform::Init();
    rt.app = &app::TheApp();
    app::InitApp(*rt.app);
    platform::Mark("rotaplan:initialised");

#ifdef __EMSCRIPTEN__
    rp_loop_install();
    app::RedrawSoon(4);   // the first frames: layout, then the API is announced (app.cpp)
    rp_loop_frame();
    emscripten_exit_with_live_runtime();   // the loop lives on in the browser's callbacks
#else
    while (rt.running) Frame(rt);
    app::RendererShutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(rt.gl);
    SDL_DestroyWindow(rt.window);
    SDL_Quit();
#endif
    return 0;
}
