// The page's entry point: SDL2 window, WebGL2 context, Dear ImGui, and the browser's
// main loop. Everything the page shows is in RunFrame (app.cpp).
#include <cstdio>

#include <SDL.h>
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#else
#include <SDL_opengl.h>
#endif

#include "imgui.h"
#include "imgui_impl_sdl2.h"

#include "app_state.hpp"
#include "renderer.hpp"
#include "theme.hpp"
#include "platform/platform.hpp"

namespace {

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    app::App* app = nullptr;
    float pixel_ratio = 1.0f;   // the fonts were built for this devicePixelRatio
    bool running = true;
    bool first_frame_marked = false;
};

void Frame(void* arg) {
    Runtime& rt = *static_cast<Runtime*>(arg);
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) rt.running = false;
    }
    // Moving the page to a screen with another pixel ratio (or zooming) rebuilds the fonts.
    const float ratio = platform::DevicePixelRatio();
    if (ratio != rt.pixel_ratio) {
        rt.pixel_ratio = ratio;
        app::RendererDestroyFontTexture();
        app::BuildFonts(ratio);
        app::RendererCreateFontTexture();
    }

    const double started = platform::NowMilliseconds();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    app::RunFrame(*rt.app);
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
    if (!rt.first_frame_marked) {
        rt.first_frame_marked = true;
        platform::Mark("rotaplan:first-frame");
    }
}

}  // namespace

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

    static Runtime rt;   // lives as long as the page: the main loop keeps a pointer to it
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
    SDL_GL_SetSwapInterval(1);

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
    emscripten_set_main_loop_arg(Frame, &rt, 0, true);
#else
    while (rt.running) Frame(&rt);
    app::RendererShutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(rt.gl);
    SDL_DestroyWindow(rt.window);
    SDL_Quit();
#endif
    return 0;
}
