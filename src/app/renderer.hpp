// Draws ImGui's draw lists with WebGL2 (OpenGL ES 3.0).
//
// Why not ImGui's OpenGL3 backend: it saves and restores the whole GL state around every
// frame with about fifteen glGet* calls, and in a browser each of those is a synchronous
// round trip to the GPU process that waits for the previous frame's work. Measured in
// headless Chromium: 448 getParameter calls over 30 frames took 2.2 s of main-thread time.
// The page owns its context, so this renderer sets the state it needs and never reads
// any back.
#pragma once

struct ImDrawData;

namespace app {

bool RendererInit();               // after the GL context is current
void RendererShutdown();
void RendererCreateFontTexture();  // after the font atlas is built (and again when rebuilt)
void RendererDestroyFontTexture();
void RendererDraw(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

}  // namespace app
