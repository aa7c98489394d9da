// "Who can cover?": the candidates for one primary/secondary/shadow cell, best first with
// the reason for their rank, and the people excluded with the rule that excludes them
// (core/candidates.hpp). "Assign" puts a candidate in the cell as one undoable edit.
#include <algorithm>
#include <cfloat>

#include "imgui.h"

#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void OpenCover(App& app, rp::Date week, rp::Role role, float cell_top, float cell_bottom) {
    RequestsState& st = app.req;
    st.show_cover = true;
    st.cover_cell_top = cell_top;
    st.cover_cell_bottom = cell_bottom;
    st.cover_place = cell_top >= 0 && cell_bottom > cell_top;
    st.cover_week = week;
    st.cover_role = role;
    st.candidates.reset();
    ImGui::SetWindowFocus("Who can cover?");
}

void DrawCoverWindow(App& app) {
    RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(std::min(720.0f, vp->WorkSize.x - 40), std::min(520.0f, vp->WorkSize.y - 80));
    const float centre_x = vp->WorkPos.x + vp->WorkSize.x * 0.5f;
    if (st.cover_place) {
        // Beside the cell asked about, on the side with more room, so the row stays in view.
        st.cover_place = false;
        const float gap = 8.0f, top = vp->WorkPos.y, bottom = vp->WorkPos.y + vp->WorkSize.y;
        const float below = bottom - (st.cover_cell_bottom + gap), above = (st.cover_cell_top - gap) - top;
        const float h = std::max(160.0f, std::min(size.y, std::max(below, above)));
        const float y = below >= above ? st.cover_cell_bottom + gap : std::max(top, st.cover_cell_top - gap - h);
        ImGui::SetNextWindowPos(ImVec2(centre_x, y), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowSize(ImVec2(size.x, h), ImGuiCond_Always);
    } else {
        ImGui::SetNextWindowPos(ImVec2(centre_x, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Appearing,
                                ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    }
    if (!ImGui::Begin("Who can cover?", &st.show_cover, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    Tag("window:Who can cover?");
    if (!st.candidates || st.cover_revision != app.doc.revision()) {
        st.candidates = rp::findCandidates(plan, st.cover_week, st.cover_role);
        st.cover_revision = app.doc.revision();
    }
    const std::string week_text = rp::formatDate(st.cover_week);
    const char* role = rp::roleName(st.cover_role);
    Heading(("The " + std::string(role) + " of the week of " + week_text).c_str());
    Tag("cover:for:" + week_text + ":" + role);
    if (!st.candidates) {
        TextMuted("The plan has no week starting %s any more.", week_text.c_str());
        ImGui::End();
        return;
    }
    const rp::CandidateList& list = *st.candidates;
    ImGui::Text("Now: %s", list.current ? plan.nameOf(*list.current).c_str() : "nobody");
    const float close_w = ImGui::CalcTextSize("Close").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
    if (ImGui::Button("Close")) st.show_cover = false;
    Tag("cover:close");

    ImGui::SeparatorText(("Candidates (" + std::to_string(list.candidates.size()) + "), best first").c_str());
    if (list.candidates.empty()) TextMuted("Nobody can take this cell without a new error.");
    if (!list.candidates.empty() &&
        ImGui::BeginTable("##cands", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Why here");
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        bool first_tagged = false;
        for (int i = 0; i < (int)list.candidates.size(); ++i) {
            const rp::Candidate& c = list.candidates[i];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%d", i + 1);
            ImGui::TableSetColumnIndex(1);
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s%s", c.name.c_str(), c.current ? " (now)" : "");
            Tag("cover:candidate:" + c.person);
            ImGui::TableSetColumnIndex(2);
            const std::string why = CandidateSummary(c, st.cover_role);   // counts over the whole plan
            ImGui::TextWrapped("%s", why.c_str());
            TagText("cover:candidate:" + c.person, why);
            for (const std::string& w : c.warnings) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.warning_text));
                ImGui::TextWrapped("Warning: %s", w.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::TableSetColumnIndex(3);
            ImGui::BeginDisabled(c.current);
            bool assign = ImGui::Button("Assign");
            ImGui::EndDisabled();
            Tag("cover:assign:" + c.person);
            if (!c.current && !first_tagged) {
                Tag("cover:assign-first");   // the best candidate who does not hold the cell
                first_tagged = true;
            }
            if (c.current) ImGui::SetItemTooltip("%s already holds this cell.", c.name.c_str());
            if (assign && !c.current) {
                const rp::Date week = st.cover_week;
                const rp::Role r = st.cover_role;
                const std::string person = c.person;
                Edit(app, "Set " + std::string(role) + " of " + week_text + " to " + c.name, [=](rp::Plan& p) {
                    for (rp::Week& w : p.weeks) {
                        if (w.start != week) continue;
                        (r == rp::Role::Primary ? w.primary : r == rp::Role::Secondary ? w.secondary : w.shadow) = person;
                    }
                });
                ShowNotice(app, c.name + " now covers the " + role + " of " + week_text);
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    ImGui::SeparatorText(("Excluded (" + std::to_string(list.excluded.size()) + ")").c_str());
    if (list.excluded.empty()) TextMuted("Nobody.");
    if (!list.excluded.empty() &&
        ImGui::BeginTable("##excl", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Why");
        ImGui::TableHeadersRow();
        for (const rp::Exclusion& e : list.excluded) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(e.name.c_str());
            Tag("cover:excluded:" + e.person);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.error_text), "%s", e.rule.c_str());
            if (e.rules.size() > 1 && ImGui::BeginItemTooltip()) {
                ImGui::TextUnformatted("Every rule it would break:");
                for (const std::string& r : e.rules) ImGui::BulletText("%s", r.c_str());
                ImGui::EndTooltip();
            }
            ImGui::TableSetColumnIndex(2);
            ImGui::TextWrapped("%s", e.reason.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
