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

    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("##violations", 2, flags)) {
        ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.6f);
        ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch);
        ImGuiListClipper clipper;
        clipper.Begin((int)shown.size());
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const int i = shown[row];
                const rp::Violation& v = d.report.violations[i];
                const bool err = v.severity == rp::Severity::Error;
                ImGui::TableNextRow();
                ImGui::PushID(i);
                ImGui::TableSetColumnIndex(0);
                std::string week = v.week ? rp::formatDate(*v.week) : std::string("plan");
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(err ? pal.error_text : pal.warning_text));
                // The whole row is one selectable; the message is drawn over it.
                bool clicked = ImGui::Selectable(((err ? "\u25CF " : "\u25B2 ") + week).c_str(), false,
                                                 ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap);
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
                ImGui::TextUnformatted(v.message.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
