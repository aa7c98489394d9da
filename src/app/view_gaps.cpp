// The coverage-gap window: the gap scan (gaps.hpp) of the open plan, re-run only when the
// plan's revision moves. Clicking a gap scrolls the rotation grid to its week.
#include <cfloat>

#include "date/tz.h"
#include "imgui.h"

#include "core/model/time.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

namespace {

std::string TeamTime(const date::time_zone* zone, rp::Instant t) {
    if (!zone) return date::format("%Y-%m-%d %H:%M UTC", t);
    auto info = zone->get_info(t);
    return date::format("%a %Y-%m-%d %H:%M", date::local_seconds{(t + info.offset).time_since_epoch()}) + " " + info.abbrev;
}

}  // namespace

void DrawGapsWindow(App& app) {
    GapsViewState& st = app.inc_views.gap;
    if (st.revision != app.doc.revision()) {
        st.revision = app.doc.revision();
        st.error.clear();
        st.report = {};
        st.selected = -1;
        try {
            st.report = rp::findCoverageGaps(app.doc.plan());
        } catch (const std::exception& e) {
            st.error = e.what();
        }
    }
    std::string title = "Coverage gaps (" + std::to_string(st.report.gaps.size()) + ")###Coverage gaps";
    if (!BeginIncidentToolWindow(title.c_str(), &app.inc_views.gaps, ImVec2(980, 420), ImVec2(0.6f, 0.3f))) {
        ImGui::End();
        return;
    }
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.error_text);
        ImGui::TextWrapped("The gap scan failed: %s", st.error.c_str());
        ImGui::PopStyleColor();
    } else if (st.report.gaps.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.ok_text);
        ImGui::TextUnformatted("No coverage gaps: every page at every shift boundary reaches someone.");
        ImGui::PopStyleColor();
        Tag("gaps:none");
    } else {
        TextMuted("Worst case (nobody acknowledges) of every severity at every shift boundary and business-hours edge. Click a gap to show its week.");
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!st.report.gaps.empty() && ImGui::BeginTable("##gaps", 6, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupColumn("Opened (team time)", ImGuiTableColumnFlags_WidthFixed, em * 12);
        ImGui::TableSetupColumn("Sev", ImGuiTableColumnFlags_WidthFixed, em * 2);
        ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em * 7);
        ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, em * 8);
        ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)st.report.gaps.size());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const rp::CoverageGap& g = st.report.gaps[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                std::string label = TeamTime(app.derived.team_zone, g.at);
                if (ImGui::Selectable(label.c_str(), st.selected == i, ImGuiSelectableFlags_SpanAllColumns)) {
                    st.selected = i;
                    if (g.week) JumpToWeek(app, *g.week);
                }
                Tag("gap:" + std::to_string(i));
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(g.severity.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(g.week ? rp::formatDate(*g.week).c_str() : "—");
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, g.kind == rp::GapKind::NoContact ? pal.error_text : pal.warning_text);
                ImGui::TextUnformatted(rp::gapKindName(g.kind));
                ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                std::string who = g.person ? plan.nameOf(*g.person) : std::string("—");
                if (g.level) who += std::string(" (") + rp::escalationLevelName(*g.level) + ")";
                ImGui::TextUnformatted(who.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(g.message.c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
