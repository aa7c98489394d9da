// The live check: every violation, newest result (the check re-runs when the plan
// changes, not per frame). Clicking one scrolls the rotation grid to its week.
#include <algorithm>
#include <cctype>
#include <cfloat>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "layout.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

bool ContainsNoCase(const std::string& text, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower((unsigned char)a) == std::tolower((unsigned char)b);
    });
    return it != text.end();
}


}  // namespace

void JumpToWeek(App& app, rp::Date week) {
    const auto& weeks = app.doc.plan().weeks;
    for (int i = 0; i < (int)weeks.size(); ++i) {
        if (weeks[i].start == week) {
            app.windows.rotation = true;
            app.rotation.scroll_to_week = i;
            app.rotation.highlight_week = i;
            app.rotation.highlight_until = platform::NowSeconds() + 2.5;
            return;
        }
    }
}

void DrawViolationsView(App& app) {
    const Derived& d = app.derived;
    std::string title = "Violations (" + Count(d.report.errors, "error", "errors") + ", " +
                        Count(d.report.warnings, "warning", "warnings") + ")###Violations";
    if (!BeginPanel(app, Panel::Violations, title.c_str(), &app.windows.violations)) {
        ImGui::End();
        return;
    }
    ViolationsViewState& st = app.violations;
    const Palette& pal = GetPalette();
    ImGui::Checkbox("Errors", &st.show_errors);
    Tag("violations:show-errors");
    ImGui::SameLine();
    ImGui::Checkbox("Warnings", &st.show_warnings);
    Tag("violations:show-warnings");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##vfilter", "Filter", &st.filter);

    std::vector<int> shown;
    for (int i = 0; i < (int)d.report.violations.size(); ++i) {
        const rp::Violation& v = d.report.violations[i];
        bool err = v.severity == rp::Severity::Error;
        if ((err && !st.show_errors) || (!err && !st.show_warnings)) continue;
        if (!ContainsNoCase(v.message, st.filter) && !ContainsNoCase(v.rule, st.filter)) continue;
        shown.push_back(i);
    }

    if (d.report.violations.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.ok_text));
        ImGui::TextUnformatted("\u2713 The plan follows every rule.");
        ImGui::PopStyleColor();
        ImGui::End();
        return;
    }

    // Messages wrap to the panel's width. Rows differ in height, so the list is cut to
    // what is in view by hand: the wrapped heights are measured once per plan revision,
    // filter and width (a 520-week plan can have thousands of rows), and the rows above
    // and below the view become one spacer row each.
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingFixedFit;
    const float week_w = ImGui::CalcTextSize("\u25CF 2026-12-07").x + ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::BeginTable("##violations", 2, flags)) {
        ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_WidthFixed, week_w);
        ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch);
        ViolationRows& rows = st.rows;
        const float pad_y = ImGui::GetStyle().CellPadding.y * 2;
        if (rows.revision != d.revision || rows.shown != shown || rows.width != rows.measured_width) {
            rows.revision = d.revision;
            rows.shown = shown;
            rows.measured_width = rows.width;
            rows.heights.clear();
            for (int i : shown) {
                const float wrap = rows.width > 0 ? rows.width : 200.0f;
                const float h = ImGui::CalcTextSize(d.report.violations[i].message.c_str(), nullptr, false, wrap).y;
                rows.heights.push_back(std::max(h, ImGui::GetFrameHeight() - pad_y) + pad_y);
            }
        }
        const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
        int first = 0;
        float y = 0;
        while (first < (int)shown.size() && y + rows.heights[first] < top) y += rows.heights[first++];
        if (y > 0) ImGui::TableNextRow(0, y);   // the rows above the view
        int row = first;
        for (; row < (int)shown.size() && y < bottom; ++row) {
            const int i = shown[row];
            const rp::Violation& v = d.report.violations[i];
            const bool err = v.severity == rp::Severity::Error;
            ImGui::TableNextRow(0, rows.heights[row]);
            y += rows.heights[row];
            ImGui::PushID(i);
            ImGui::TableSetColumnIndex(0);
            std::string week = v.week ? rp::formatDate(*v.week) : std::string("plan");
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(err ? pal.error_text : pal.warning_text));
            // The whole row is one selectable; the message is drawn over it.
            bool clicked = ImGui::Selectable(((err ? "\u25CF " : "\u25B2 ") + week).c_str(), false,
                                             ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                                             ImVec2(0, rows.heights[row] - pad_y));
            ImGui::PopStyleColor();
            Tag("violation:" + std::to_string(i));
            Tag("violation:" + v.rule + ":" + week);
            if (clicked && v.week) JumpToWeek(app, *v.week);
            if (ImGui::BeginItemTooltip()) {
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
                ImGui::Text("%s · %s", err ? "Error" : "Warning", v.rule.c_str());
                ImGui::TextUnformatted(v.message.c_str());
                if (v.request) ImGui::Text("Request %s", v.request->c_str());
                if (v.week) TextMuted("Click to show the week in the rotation");
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::TableSetColumnIndex(1);
            if (row == first) rows.width = ImGui::GetContentRegionAvail().x;   // measured from the next frame on
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(v.message.c_str());
            ImGui::PopTextWrapPos();
            Tag("violation:" + std::to_string(i) + ":text");
            ImGui::PopID();
        }
        float below = 0;
        for (; row < (int)shown.size(); ++row) below += rows.heights[row];
        if (below > 0) ImGui::TableNextRow(0, below);   // the rows below the view
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
