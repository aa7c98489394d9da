// Modals (errors, confirmations), the About window, the status bar and the drop hint.
#include "imgui.h"

#include "actions.hpp"
#include "layout.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawModals(App& app) {
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    if (app.error.pending_open) {
        ImGui::OpenPopup("##error");
        app.error.pending_open = false;
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(640, FLT_MAX));
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        Heading(app.error.title.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 38.0f);
        ImGui::TextUnformatted(app.error.message.c_str());
        ImGui::PopTextWrapPos();
        Tag("modal:error");
        ImGui::Spacing();
        if (ImGui::Button("Copy message")) platform::ClipboardSet(app.error.title + "\n" + app.error.message);
        ImGui::SameLine();
        if (ImGui::Button("OK", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        Tag("modal:error/OK");
        ImGui::SetItemDefaultFocus();
        ImGui::EndPopup();
    }

    if (app.confirm.pending_open) {
        ImGui::OpenPopup("##confirm");
        app.confirm.pending_open = false;
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##confirm", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        Heading(app.confirm.title.c_str());
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
        ImGui::TextUnformatted(app.confirm.message.c_str());
        ImGui::PopTextWrapPos();
        Tag("modal:confirm");
        ImGui::Spacing();
        if (ImGui::Button(app.confirm.confirm_label.c_str())) {
            if (app.confirm.action == static_cast<int>(ActionId::NewPlan)) StartNewPlan(app);
            ImGui::CloseCurrentPopup();
        }
        Tag("modal:confirm/OK");
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        Tag("modal:confirm/Cancel");
        ImGui::SetItemDefaultFocus();
        ImGui::EndPopup();
    }
}

void DrawAboutWindow(App& app) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("About Rotaplan", &app.windows.about,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        Heading("Rotaplan " RP_VERSION);
        ImGui::TextUnformatted("On-call rotation planner. Your plan stays in this browser.");
        ImGui::Separator();
        ImGui::TextUnformatted("Drop a plan file anywhere on the page to open it.");
        ImGui::TextUnformatted("Drag a person from the Team list onto a rotation cell to assign them.");
        ImGui::TextUnformatted("Right-click a week's date for more.");
        ImGui::Text("Ctrl+Z / Ctrl+Shift+Z undo and redo; Ctrl+S downloads the plan.");
        ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
    }
    ImGui::End();
}

void DrawStatusBar(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = StatusBarHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::AlignTextToFramePadding();
    const Palette& pal = GetPalette();
    const Derived& d = app.derived;
    const bool ok = d.report.errors == 0;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ok ? pal.ok_text : pal.error_text));
    if (ok) ImGui::TextUnformatted("\u2713 No errors");
    else ImGui::Text("\u2717 %s", Count(d.report.errors, "error", "errors").c_str());
    ImGui::PopStyleColor();
    Tag("status:check");
    ImGui::SameLine();
    TextMuted("%s", Count(d.report.warnings, "warning", "warnings").c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    bool saved = app.doc.saved_revision == app.doc.revision() && !app.save_blocked;
    TextMuted("%s", saved ? "Saved in this browser" : app.save_blocked ? "Not saved" : "Saving…");
    if (!d.problems.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error_text));
        ImGui::TextUnformatted(d.problems.front().c_str());
        ImGui::PopStyleColor();
    }
    if (!app.notice.text.empty()) {
        if (app.notice.until != 0 && platform::NowSeconds() > app.notice.until) {
            app.notice.text.clear();
        } else {
            ImGui::SameLine();
            ImGui::TextDisabled("|");
            ImGui::SameLine();
            ImGui::TextUnformatted(app.notice.text.c_str());
            Tag("status:notice");
            if (app.notice.until == 0) {
                ImGui::SameLine();
                if (ImGui::SmallButton("Dismiss")) app.notice.text.clear();
            }
        }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    DrawOnCallNow(app);
    std::string right = "Your zone: " + app.viewer.name;
    float w = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10.0f, ImGui::GetWindowWidth() - w - 12.0f));
    TextMuted("%s", right.c_str());
    ImGui::End();
}

void DrawDropHint(App& app) {
    if (!platform::IsFileDragActive()) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 a(vp->Pos.x + 12, vp->Pos.y + 12), b(vp->Pos.x + vp->Size.x - 12, vp->Pos.y + vp->Size.y - 12);
    dl->AddRectFilled(a, b, IM_COL32(40, 90, 180, 60), 12.0f);
    dl->AddRect(a, b, IM_COL32(60, 120, 230, 220), 12.0f, 0, 3.0f);
    const char* text = app.interop.import.show ? "Drop a schedule file for the Import dialog" : "Drop a plan file to open it";
    ImGui::PushFont(GetFonts().heading);
    ImVec2 size = ImGui::CalcTextSize(text);
    dl->AddText(ImVec2(vp->GetCenter().x - size.x / 2, vp->GetCenter().y - size.y / 2), IM_COL32(255, 255, 255, 255), text);
    ImGui::PopFont();
}

}  // namespace app
