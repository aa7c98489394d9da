// A small WebGL2 renderer for ImGui draw data (see renderer.hpp for why it exists).
#include "renderer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>
#endif

#include "imgui.h"

namespace app {
namespace {

struct Renderer {
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font_texture = 0;
    GLint u_projection = -1, u_texture = -1;
    GLsizeiptr vbo_size = 0, ibo_size = 0;
};
Renderer g_r;

const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";

const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
})";

GLuint Compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// Sets everything the draw calls depend on; nothing else in the page draws with GL.
void SetState(int fb_width, int fb_height, const ImDrawData* dd) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    const float l = dd->DisplayPos.x, r = dd->DisplayPos.x + dd->DisplaySize.x;
    const float t = dd->DisplayPos.y, b = dd->DisplayPos.y + dd->DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUseProgram(g_r.program);
    glUniform1i(g_r.u_texture, 0);
    glUniformMatrix4fv(g_r.u_projection, 1, GL_FALSE, &projection[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g_r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_r.ibo);
}

}  // namespace

bool RendererInit() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "rotaplan_webgl2";
    const GLuint vs = Compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fs = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
    g_r.program = glCreateProgram();
    glAttachShader(g_r.program, vs);
    glAttachShader(g_r.program, fs);
    glLinkProgram(g_r.program);
    // One status query at start-up (not per frame): a driver that cannot link these two
    // tiny shaders cannot show the page, and the message says so.
    GLint linked = GL_FALSE;
    glGetProgramiv(g_r.program, GL_LINK_STATUS, &linked);
    glDetachShader(g_r.program, vs);
    glDetachShader(g_r.program, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (linked != GL_TRUE) {
        char log[512] = {};
        glGetProgramInfoLog(g_r.program, sizeof log, nullptr, log);
        std::fprintf(stderr, "rotaplan: the UI shaders do not link: %s\n", log);
        return false;
    }
    g_r.u_texture = glGetUniformLocation(g_r.program, "Texture");
    g_r.u_projection = glGetUniformLocation(g_r.program, "ProjMtx");

    glGenVertexArrays(1, &g_r.vao);
    glGenBuffers(1, &g_r.vbo);
    glGenBuffers(1, &g_r.ibo);
    glBindVertexArray(g_r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_r.ibo);   // recorded in the VAO
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    return true;
}

void RendererShutdown() {
    RendererDestroyFontTexture();
    if (g_r.vbo) glDeleteBuffers(1, &g_r.vbo);
    if (g_r.ibo) glDeleteBuffers(1, &g_r.ibo);
    if (g_r.vao) glDeleteVertexArrays(1, &g_r.vao);
    if (g_r.program) glDeleteProgram(g_r.program);
    g_r = Renderer{};
}

void RendererCreateFontTexture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    glGenTextures(1, &g_r.font_texture);
    glBindTexture(GL_TEXTURE_2D, g_r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g_r.font_texture)));
    io.Fonts->ClearTexData();   // the pixels live on the GPU now
}

void RendererDestroyFontTexture() {
    if (!g_r.font_texture) return;
    glDeleteTextures(1, &g_r.font_texture);
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    g_r.font_texture = 0;
}

void RendererDraw(ImDrawData* dd, int fb_width, int fb_height) {
    if (!dd || fb_width <= 0 || fb_height <= 0 || !g_r.program) return;
    SetState(fb_width, fb_height, dd);
    const ImVec2 clip_off = dd->DisplayPos;
    const ImVec2 clip_scale = dd->FramebufferScale;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        const auto vtx_bytes = static_cast<GLsizeiptr>(list->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert));
        const auto idx_bytes = static_cast<GLsizeiptr>(list->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx));
        // Grow the buffers when needed (with headroom), then update in place.
        if (vtx_bytes > g_r.vbo_size) {
            g_r.vbo_size = vtx_bytes + vtx_bytes / 2;
            glBufferData(GL_ARRAY_BUFFER, g_r.vbo_size, nullptr, GL_STREAM_DRAW);
        }
        if (idx_bytes > g_r.ibo_size) {
            g_r.ibo_size = idx_bytes + idx_bytes / 2;
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, g_r.ibo_size, nullptr, GL_STREAM_DRAW);
        }
        glBufferSubData(GL_ARRAY_BUFFER, 0, vtx_bytes, list->VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idx_bytes, list->IdxBuffer.Data);
        for (int c = 0; c < list->CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list->CmdBuffer[c];
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) SetState(fb_width, fb_height, dd);
                else cmd.UserCallback(list, &cmd);
                continue;
            }
            const ImVec2 lo((cmd.ClipRect.x - clip_off.x) * clip_scale.x, (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
            const ImVec2 hi((cmd.ClipRect.z - clip_off.x) * clip_scale.x, (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
            if (hi.x <= lo.x || hi.y <= lo.y) continue;
            glScissor(static_cast<int>(lo.x), static_cast<int>(static_cast<float>(fb_height) - hi.y),
                      static_cast<int>(hi.x - lo.x), static_cast<int>(hi.y - lo.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);   // so the next frame's clear covers the whole canvas
}

}  // namespace app
