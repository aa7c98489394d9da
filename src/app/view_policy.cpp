// The team's name and zone, and the policy: handoff, consecutive rule, notice,
// business hours, holidays.
#include <algorithm>
#include <cfloat>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "layout.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kShortDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

float LabelWidth() { return ImGui::GetFontSize() * 7.0f; }

void Label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(LabelWidth());
}

void TeamSection(App& app) {
    rp::Plan& live = app.doc.LivePlan();
    Label("Team name");
    ImGui::SetNextItemWidth(-FLT_MIN);
    TrackLiveEdit(app, ImGui::InputText("##teamname", &live.team_name), "Rename the team");
    Tag("policy:team-name");
    Label("Team zone");
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string zone;
    if (ZoneCombo(app, "##teamzone", live.team_timezone, &zone)) {
        if (zone != live.team_timezone)
            Edit(app, "Set the team zone to " + zone, [zone](rp::Plan& p) { p.team_timezone = zone; });
    }
    Tag("policy:team-zone");
}

void HandoffSection(App& app) {
    rp::Plan& live = app.doc.LivePlan();
    rp::Policy& policy = live.policy;
    ImGui::SeparatorText("Handoff");
    Label("Weekday");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    int weekday = policy.handoff_weekday;
    if (ImGui::Combo("##weekday", &weekday, kWeekdays, 7) && weekday != policy.handoff_weekday) {
        Edit(app, std::string("Hand off on ") + kWeekdays[weekday], [weekday](rp::Plan& p) {
            p.policy.handoff_weekday = weekday;
        });
    }
    Tag("policy:handoff-weekday");
    Label("Time");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    InputTime(app, "##handofftime", policy.handoff_minute, "Change the handoff time");
    Tag("policy:handoff-time");
    // Weeks that no longer start on the handoff weekday can be moved in one step.
    int off = 0;
    for (const rp::Week& w : live.weeks)
        if ((int)date::weekday(w.start).c_encoding() != policy.handoff_weekday) ++off;
    if (off > 0) {
        ImGui::SetCursorPosX(LabelWidth());
        std::string label = "Move " + std::to_string(off) + " weeks to " + kWeekdays[policy.handoff_weekday];
        if (ImGui::SmallButton(label.c_str())) {
            int wd = policy.handoff_weekday;
            Edit(app, label, [wd](rp::Plan& p) {
                for (rp::Week& w : p.weeks) {
                    int cur = (int)date::weekday(w.start).c_encoding();
                    int delta = ((wd - cur) + 7) % 7;
                    if (delta > 3) delta -= 7;   // the nearest such day
                    w.start += date::days{delta};
                }
            });
        }
        Tag("policy:move-weeks");
    }
}

void RulesSection(App& app) {
    rp::Policy& policy = app.doc.LivePlan().policy;
    ImGui::SeparatorText("Rules");
    // policy.no_consecutive: which roles count as "on call two weeks in a row".
    ImGui::AlignTextToFramePadding();
    const char* counted = "No two weeks in a row as";
    ImGui::TextUnformatted(counted);
    Tag("policy:no-consecutive");
    TagText("policy:no-consecutive", std::string(counted) + ": " +
                                         (policy.no_consecutive == rp::NoConsecutive::Any ? "primary or secondary" : "primary only"));
    HelpMarker("Nobody may be on call in two adjacent weeks, unless the later week is an emergency week (then it "
               "is a warning). Choose whether a secondary week counts, or only primary weeks do.");
    ImGui::SetCursorPosX(LabelWidth());
    int mode = policy.no_consecutive == rp::NoConsecutive::Any ? 0 : 1;
    if (ImGui::RadioButton("primary or secondary", mode == 0) && mode != 0)
        Edit(app, "Count primary and secondary for weeks in a row",
             [](rp::Plan& p) { p.policy.no_consecutive = rp::NoConsecutive::Any; });
    Tag("policy:no-consecutive-any");
    ImGui::SetCursorPosX(LabelWidth());
    if (ImGui::RadioButton("primary only", mode == 1) && mode != 1)
        Edit(app, "Count only primary for weeks in a row",
             [](rp::Plan& p) { p.policy.no_consecutive = rp::NoConsecutive::Primary; });
    Tag("policy:no-consecutive-primary");
    Label("Notice (days)");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    int days = policy.change_notice_days;
    bool changed = ImGui::InputInt("##notice", &days);
    if (changed) {
        days = std::clamp(days, 0, 365);
        changed = days != policy.change_notice_days;
        policy.change_notice_days = days;
    }
    TrackLiveEdit(app, changed, "Change the notice period");
    Tag("policy:notice-days");
    HelpMarker("How far ahead a change request must be submitted.");
}

void BusinessHoursSection(App& app) {
    rp::BusinessHours& bh = app.doc.LivePlan().policy.business_hours;
    ImGui::SeparatorText("Business hours");
    Label("Hours");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    InputTime(app, "##bhstart", bh.start_minute, "Change business hours");
    Tag("policy:business-start");
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    InputTime(app, "##bhend", bh.end_minute, "Change business hours");
    Tag("policy:business-end");
    if (bh.end_minute <= bh.start_minute) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        ImGui::TextUnformatted("ends before it starts");
        ImGui::PopStyleColor();
    }
    Label("Days");
    for (int i = 0; i < 7; ++i) {
        int day = (i + 1) % 7;   // Monday first
        bool on = std::find(bh.days.begin(), bh.days.end(), day) != bh.days.end();
        if (i > 0) ImGui::SameLine(0, 2);
        ImGui::PushID(day);
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(on ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg));
        if (ImGui::Button(kShortDays[day], ImVec2(ImGui::GetFontSize() * 2.4f, 0))) {
            Edit(app, std::string(on ? "Remove " : "Add ") + kWeekdays[day] + " as a business day",
                 [day, on](rp::Plan& p) {
                     auto& d = p.policy.business_hours.days;
                     if (on) d.erase(std::remove(d.begin(), d.end(), day), d.end());
                     else {
                         d.push_back(day);
                         std::sort(d.begin(), d.end(), [](int a, int b) { return (a + 6) % 7 < (b + 6) % 7; });
                     }
                 });
        }
        ImGui::PopStyleColor();
        Tag(std::string("policy:business-day:") + kShortDays[day]);
        ImGui::PopID();
    }
}

void HolidaysSection(App& app) {
    rp::Plan& live = app.doc.LivePlan();
    ImGui::SeparatorText("Holidays");
    for (int i = 0; i < (int)live.policy.holidays.size(); ++i) {
        ImGui::PushID(i);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
        InputDate(app, "##holiday", live.policy.holidays[i], "Change a holiday");
        ImGui::SameLine();
        TextMuted("%s", date::format("%A", live.policy.holidays[i]).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("remove"))
            Edit(app, "Remove the holiday " + rp::formatDate(live.policy.holidays[i]),
                 [i](rp::Plan& p) { p.policy.holidays.erase(p.policy.holidays.begin() + i); });
        Tag("policy:holiday:" + rp::formatDate(live.policy.holidays[i]));
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    bool enter = ImGui::InputTextWithHint("##newholiday", "YYYY-MM-DD", &app.policy.new_holiday,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    Tag("policy:new-holiday");
    ImGui::SameLine();
    auto day = rp::parseDate(app.policy.new_holiday);
    ImGui::BeginDisabled(!day);
    if ((ImGui::Button("Add holiday") || enter) && day) {
        rp::Date d = *day;
        Edit(app, "Add the holiday " + rp::formatDate(d), [d](rp::Plan& p) {
            auto& h = p.policy.holidays;
            if (std::find(h.begin(), h.end(), d) == h.end()) {
                h.push_back(d);
                std::sort(h.begin(), h.end());
            }
        });
        app.policy.new_holiday.clear();
    }
    ImGui::EndDisabled();
    Tag("policy:add-holiday");
}

}  // namespace

void DrawPolicyView(App& app) {
    if (BeginPanel(app, Panel::Policy, "Policy", &app.windows.policy)) {
        TeamSection(app);
        HandoffSection(app);
        RulesSection(app);
        BusinessHoursSection(app);
        HolidaysSection(app);
    }
    ImGui::End();
}

}  // namespace app
