// The handoff-notes window: pick a week, get the Markdown message for its handoff
// (handoff.hpp) in a read-only field, with Copy and Download.
#include <cfloat>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/exports/handoff.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

void DrawHandoffWindow(App& app) {
    HandoffViewState& st = app.inc_views.hand;
    const rp::Plan& plan = app.doc.plan();
    if (!BeginIncidentToolWindow("Handoff notes", &app.inc_views.handoff, ImVec2(640, 520), ImVec2(0.3f, 0.5f))) {
        ImGui::End();
        return;
    }
    if (st.week.empty() && !plan.weeks.empty()) st.week = rp::formatDate(plan.weeks.front().start);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Week");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("##handoffweek", st.week.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const rp::Week& w : plan.weeks) {
            std::string d = rp::formatDate(w.start);
            std::string label = d + "  " + (w.primary ? plan.nameOf(*w.primary) : std::string("—"));
            if (ImGui::Selectable(label.c_str(), d == st.week)) st.week = d;
            Tag("handoff:week:" + d);
        }
        ImGui::EndCombo();
    }
    Tag("handoff:week");
    std::string key = st.week + "|" + std::to_string(app.doc.revision());
    if (key != st.key) {
        st.key = key;
        st.text.clear();
        st.error.clear();
        try {
            auto day = rp::parseDate(st.week);
            if (!day) st.error = "pick a week";
            else if (auto md = rp::handoffMarkdown(plan, *day, &st.error)) st.text = *md;
        } catch (const std::exception& e) {
            st.error = e.what();
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(st.text.empty());
    if (ImGui::Button("Copy")) {
        platform::ClipboardSet(st.text);
        ShowNotice(app, "Copied the handoff notes");
    }
    Tag("handoff:copy");
    ImGui::SameLine();
    if (ImGui::Button("Download")) {
        platform::DownloadText("handoff-" + st.week + ".md", "text/markdown", st.text);
        ShowNotice(app, "Downloaded the handoff notes");
    }
    Tag("handoff:download");
    ImGui::EndDisabled();
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().error_text);
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::InputTextMultiline("##handofftext", &st.text, ImVec2(-FLT_MIN, -FLT_MIN), ImGuiInputTextFlags_ReadOnly);
    Tag("handoff:text");
    ImGui::End();
}

}  // namespace app
