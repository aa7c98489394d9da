// Load per person: primary and secondary weeks and weekend days on call, as bars.
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui.h"

#include "layout.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

// A horizontal bar of `value` out of `max`, with the number at its end.
void Bar(int value, int max, ImU32 color, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight() * 0.75f;
    float y = p.y + (ImGui::GetTextLineHeight() - h) * 0.5f;
    float label_w = ImGui::CalcTextSize("00").x;
    float full = std::max(1.0f, width - label_w - 4);
    float w = max > 0 ? full * value / max : 0;
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + full, y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    if (w > 0) dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + h), color, 3.0f);
    char text[16];
    std::snprintf(text, sizeof text, "%d", value);
    dl->AddText(ImVec2(p.x + full + 4, p.y), ImGui::GetColorU32(ImGuiCol_Text), text);
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
}

}  // namespace

void DrawLoadView(App& app) {
    if (!BeginPanel(app, Panel::Load, "Load", &app.windows.load)) {
        ImGui::End();
        return;
    }
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    const auto& load = app.derived.load;
    ImGui::PushTextWrapPos(0);
    TextMuted("Weeks held in the rotation; weekend days on call (overrides included).");
    ImGui::PopTextWrapPos();
    int max_weeks = 1, max_weekend = 1;
    for (const PersonLoad& l : load) {
        max_weeks = std::max({max_weeks, l.primary_weeks, l.secondary_weeks});
        max_weekend = std::max(max_weekend, l.weekends);
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##load", 4, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Person", 0, 1.3f);
        ImGui::TableSetupColumn("Primary", 0, 1.0f);
        ImGui::TableSetupColumn("Second.", 0, 1.0f);
        ImGui::TableSetupColumn("Wkend", 0, 1.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)load.size());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const PersonLoad& l = load[i];
                const rp::Person* person = plan.findPerson(l.id);
                ImGui::TableNextRow();
                ImGui::PushID(i);
                ImGui::TableSetColumnIndex(0);
                std::string name = person ? person->name : l.id + " (unknown)";
                bool in_pool = person && person->on_call && !person->trainee;
                if (in_pool) ImGui::TextUnformatted(name.c_str());
                else TextMuted("%s", name.c_str());
                Tag("load:" + l.id);
                if (ImGui::BeginItemTooltip()) {
                    ImGui::Text("%s: %d primary, %d secondary, %d shadow weeks", name.c_str(), l.primary_weeks,
                                l.secondary_weeks, l.shadow_weeks);
                    ImGui::Text("%d weekend days on call, %d override pieces", l.weekends, l.override_pieces);
                    if (!in_pool) TextMuted("Not in the rotation pool");
                    ImGui::EndTooltip();
                }
                ImGui::TableSetColumnIndex(1);
                Bar(l.primary_weeks, max_weeks, pal.primary, ImGui::GetContentRegionAvail().x);
                ImGui::TableSetColumnIndex(2);
                Bar(l.secondary_weeks, max_weeks, pal.secondary, ImGui::GetContentRegionAvail().x);
                ImGui::TableSetColumnIndex(3);
                Bar(l.weekends, max_weekend, pal.override_piece, ImGui::GetContentRegionAvail().x);
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
