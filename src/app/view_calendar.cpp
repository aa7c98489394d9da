// The calendar: resolved shifts as bars over days (team zone), overrides visible as
// the pieces they cut, time off beneath; and the overrides themselves, with a form to
// create one.
#include <algorithm>
#include <cfloat>
#include <chrono>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/model/time.hpp"
#include "layout.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

using std::chrono::seconds;

rp::Date Today(const date::time_zone* zone) {
    auto now = date::floor<seconds>(std::chrono::system_clock::now());
    if (!zone) return date::floor<date::days>(now);
    return rp::Date{date::floor<date::days>(zone->to_local(now)).time_since_epoch()};
}

rp::Date FirstDay(const App& app) {
    if (auto d = rp::parseDate(app.calendar.first_day)) return *d;
    const auto& weeks = app.doc.plan().weeks;
    if (!weeks.empty()) return weeks.front().start;
    return Today(app.derived.team_zone);
}

std::string LocalText(const date::time_zone* zone, rp::Instant t, const char* fmt) {
    if (!zone) return date::format(fmt, t);
    auto info = zone->get_info(t);
    return date::format(fmt, date::local_seconds{(t + info.offset).time_since_epoch()}) + " " + info.abbrev;
}

ImU32 WithAlpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | ((ImU32)alpha << IM_COL32_A_SHIFT); }

struct Timeline {
    rp::Instant t0, t1;
    float x0, x1;
    float X(rp::Instant t) const {
        double f = double((t - t0).count()) / double((t1 - t0).count());
        return x0 + float(f) * (x1 - x0);
    }
};

void Header(App& app, rp::Date first) {
    CalendarViewState& st = app.calendar;
    const date::time_zone* zone = app.derived.team_zone;
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) st.first_day = rp::formatDate(first - date::days{st.days / 2});
    Tag("calendar:prev");
    ImGui::SameLine();
    if (ImGui::Button("Today")) st.first_day = rp::formatDate(Today(zone) - date::days{3});
    Tag("calendar:today");
    ImGui::SameLine();
    if (ImGui::Button("First week")) st.first_day.clear();
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) st.first_day = rp::formatDate(first + date::days{st.days / 2});
    Tag("calendar:next");
    ImGui::SameLine();
    const char* ranges[] = {"2 weeks", "4 weeks", "8 weeks"};
    const int range_days[] = {14, 28, 56};
    int current = st.days == 14 ? 0 : st.days == 56 ? 2 : 1;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::Combo("##range", &current, ranges, 3)) st.days = range_days[current];
    ImGui::SameLine();
    rp::Date last = first + date::days{st.days - 1};
    TextMuted("%s – %s · %s", date::format("%d %b", first).c_str(), date::format("%d %b %Y", last).c_str(),
              app.doc.plan().team_timezone.c_str());
}

void DrawTimeline(App& app, rp::Date first) {
    const rp::Plan& plan = app.doc.plan();
    const Derived& d = app.derived;
    const Palette& pal = GetPalette();
    const date::time_zone* zone = d.team_zone;
    if (!zone) {
        TextMuted("The team's time zone is unknown.");
        return;
    }
    CalendarViewState& st = app.calendar;
    const int days = st.days;

    ImGui::BeginChild("##timeline", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float label_w = ImGui::GetFontSize() * 6.0f;
    const float header_h = line * 2.2f;
    const float row_h = std::max(line * 1.5f, 20.0f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;

    // Time off lanes: each entry touching the range gets a lane (at most 4).
    rp::Instant t0 = rp::dayStart(zone, first), t1 = rp::dayStart(zone, first + date::days{days});
    std::vector<int> offs;
    for (int i = 0; i < (int)plan.time_off.size() && offs.size() < 4; ++i) {
        const auto& o = plan.time_off[i];
        if (rp::dayStart(zone, o.from) < t1 && rp::dayStart(zone, o.to + date::days{1}) > t0) offs.push_back(i);
    }
    const char* row_names[] = {"Primary", "Secondary", "Shadow"};
    const int rows = 3 + std::max<int>(1, (int)offs.size());
    const float total_h = header_h + rows * row_h + 4;

    Timeline tl{t0, t1, origin.x + label_w, origin.x + width - 4};
    // Day columns: weekend and holiday shading, header labels.
    float month_label_end = -FLT_MAX;
    for (int i = 0; i < days; ++i) {
        rp::Date day = first + date::days{i};
        float xa = tl.X(rp::dayStart(zone, day)), xb = tl.X(rp::dayStart(zone, day + date::days{1}));
        unsigned wd = date::weekday(day).c_encoding();
        bool holiday = std::find(plan.policy.holidays.begin(), plan.policy.holidays.end(), day) != plan.policy.holidays.end();
        if (wd == 0 || wd == 6 || holiday)
            dl->AddRectFilled(ImVec2(xa, origin.y + header_h), ImVec2(xb, origin.y + total_h),
                              holiday ? pal.warning_bg : pal.weekend_bg);
        dl->AddLine(ImVec2(xa, origin.y + line), ImVec2(xa, origin.y + total_h), ImGui::GetColorU32(ImGuiCol_Border));
        const float cell = xb - xa;
        auto ymd = date::year_month_day{day};
        // The first column names its month unless a new month starts a few days later.
        bool month_soon = i == 0 && date::year_month_day{day + date::days{4}}.month() != ymd.month();
        if (((i == 0 && !month_soon) || unsigned(ymd.day()) == 1) && xa >= month_label_end) {
            std::string month = date::format("%b %Y", day);
            dl->AddText(ImVec2(xa + 3, origin.y), ImGui::GetColorU32(ImGuiCol_Text), month.c_str());
            month_label_end = xa + 3 + ImGui::CalcTextSize(month.c_str()).x + 8;
        }
        std::string label = cell > line * 2.6f ? date::format("%a %d", day) : date::format("%d", day);
        if (cell > ImGui::CalcTextSize(label.c_str()).x + 2)
            dl->AddText(ImVec2(xa + 2, origin.y + line), holiday ? pal.warning_text : pal.muted_text, label.c_str());
    }
    DrawNoticeWindowBand(app, dl, t0, t1, tl.x0, tl.x1, origin.y + header_h, origin.y + total_h);
    // Row labels and separators.
    for (int r = 0; r < rows; ++r) {
        float y = origin.y + header_h + r * row_h;
        const char* name = r < 3 ? row_names[r] : (r == 3 ? "Time off" : "");
        dl->AddText(ImVec2(origin.x, y + (row_h - line) / 2), ImGui::GetColorU32(ImGuiCol_Text), name);
        dl->AddLine(ImVec2(origin.x, y), ImVec2(tl.x1, y), ImGui::GetColorU32(ImGuiCol_Border));
    }

    // Shifts (sorted by start; pieces are at most a week and a bit long).
    const ImVec2 mouse = ImGui::GetMousePos();
    const ImU32 role_colors[] = {pal.primary, pal.secondary, pal.shadow};
    auto begin = std::lower_bound(d.shifts.begin(), d.shifts.end(), t0 - date::days{9},
                                  [](const rp::Shift& s, rp::Instant t) { return s.start < t; });
    const rp::Shift* hovered = nullptr;
    for (auto it = begin; it != d.shifts.end() && it->start < t1; ++it) {
        const rp::Shift& s = *it;
        if (s.end <= t0) continue;
        int r = static_cast<int>(s.role);
        float xa = std::max(tl.X(s.start), tl.x0), xb = std::min(tl.X(s.end), tl.x1);
        float y = origin.y + header_h + r * row_h + 2;
        ImVec2 a(xa + 1, y), b(xb - 1, y + row_h - 4);
        ImU32 fill = s.from_override ? pal.override_piece : role_colors[r];
        dl->AddRectFilled(a, b, WithAlpha(fill, 200), 4.0f);
        if (s.from_override) dl->AddRect(a, b, IM_COL32(0, 0, 0, 120), 4.0f, 0, 1.5f);
        std::string name = plan.nameOf(s.person);
        if (b.x - a.x > line * 1.2f) {
            dl->PushClipRect(a, b, true);
            dl->AddText(ImVec2(a.x + 5, y + (row_h - 4 - line) / 2), IM_COL32(255, 255, 255, 255), name.c_str());
            dl->PopClipRect();
        }
        if (s.from_override) TagRect("calendar:override:" + std::to_string(s.override_index), a, b);
        else TagRect("calendar:shift:" + rp::formatDate(plan.weeks[s.week].start) + ":" + rp::roleName(s.role), a, b);
        if (ImGui::IsWindowHovered() && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) hovered = &s;
    }
    // Time off bars.
    for (int lane = 0; lane < (int)offs.size(); ++lane) {
        const auto& o = plan.time_off[offs[lane]];
        float xa = std::max(tl.X(rp::dayStart(zone, o.from)), tl.x0);
        float xb = std::min(tl.X(rp::dayStart(zone, o.to + date::days{1})), tl.x1);
        float y = origin.y + header_h + (3 + lane) * row_h + 2;
        ImVec2 a(xa + 1, y), b(xb - 1, y + row_h - 4);
        dl->AddRectFilled(a, b, pal.error_bg, 4.0f);
        std::string text = plan.nameOf(o.person) + (o.reason ? " · " + *o.reason : std::string());
        dl->PushClipRect(a, b, true);
        dl->AddText(ImVec2(a.x + 5, y + (row_h - 4 - line) / 2), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
        dl->PopClipRect();
    }
    if (offs.empty()) {
        float y = origin.y + header_h + 3 * row_h;
        dl->AddText(ImVec2(tl.x0 + 6, y + (row_h - line) / 2), pal.muted_text, "nobody is off");
    }
    // Now.
    rp::Instant now = date::floor<seconds>(std::chrono::system_clock::now());
    if (now >= t0 && now < t1) {
        float x = tl.X(now);
        dl->AddLine(ImVec2(x, origin.y + line), ImVec2(x, origin.y + total_h), pal.today_line, 2.0f);
    }

    ImGui::InvisibleButton("##area", ImVec2(width, total_h));
    Tag("calendar:timeline");
    if (EscalationPicking(app)) {
        // The escalation window waits for a moment: this click picks it.
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to open the escalation here");
        if (ImGui::IsItemClicked() && mouse.x >= tl.x0 && mouse.x < tl.x1) {
            double f = (mouse.x - tl.x0) / (tl.x1 - tl.x0);
            EscalationPickAt(app, t0 + seconds(int64_t(f * double((t1 - t0).count()))));
        }
        hovered = nullptr;
    }
    if (hovered) {
        const rp::Shift& s = *hovered;
        ImGui::BeginTooltip();
        ImGui::Text("%s · %s", plan.nameOf(s.person).c_str(), rp::roleName(s.role));
        ImGui::Text("%s → %s", LocalText(zone, s.start, "%a %d %b %H:%M").c_str(),
                    LocalText(zone, s.end, "%a %d %b %H:%M").c_str());
        if (s.from_override) {
            const auto& o = plan.overrides[s.override_index];
            ImGui::Text("Override%s%s", o.reason ? ": " : "", o.reason ? o.reason->c_str() : "");
        } else {
            TextMuted("Rotation week of %s", rp::formatDate(plan.weeks[s.week].start).c_str());
        }
        TextMuted("Click to draft an override starting here");
        ImGui::EndTooltip();
        if (ImGui::IsItemClicked() && s.role != rp::Role::Shadow) {
            // Prefill the override form with the hour under the mouse.
            double f = (mouse.x - tl.x0) / (tl.x1 - tl.x0);
            rp::Instant at = t0 + date::floor<std::chrono::hours>(seconds(int64_t(f * (t1 - t0).count())));
            auto local = zone->to_local(at);
            st.role = s.role == rp::Role::Primary ? 0 : 1;
            st.from = date::format("%Y-%m-%dT%H:00", local);
            st.to = date::format("%Y-%m-%dT%H:00", local + std::chrono::hours(8));
            st.form_error.clear();
            st.show_form_tab = true;
        }
    }
    ImGui::EndChild();
}

void OverrideForm(App& app) {
    CalendarViewState& st = app.calendar;
    const rp::Plan& plan = app.doc.plan();
    const date::time_zone* zone = app.derived.team_zone;
    ImGui::SeparatorText("New override");
    const float field = ImGui::GetFontSize() * 9.5f;
    const char* roles[] = {"primary", "secondary"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::Combo("##role", &st.role, roles, 2);
    Tag("override:role");
    ImGui::SameLine();
    std::optional<std::string> person = st.person.empty() ? std::nullopt : std::optional<std::string>(st.person);
    std::optional<std::string> chosen;
    if (PersonCombo(app, "##person", person, &chosen, false, ImGui::GetFontSize() * 9)) st.person = chosen.value_or("");
    Tag("override:person");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##from", "from YYYY-MM-DDTHH:MM", &st.from);
    Tag("override:from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##to", "to YYYY-MM-DDTHH:MM", &st.to);
    Tag("override:to");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##reason", "reason (optional)", &st.reason);
    Tag("override:reason");
    ImGui::SameLine();
    if (ImGui::Button("Add override")) {
        std::optional<rp::Instant> from = zone ? rp::parseDateTime(zone, st.from) : std::nullopt;
        std::optional<rp::Instant> to = zone ? rp::parseDateTime(zone, st.to) : std::nullopt;
        if (st.person.empty()) st.form_error = "Pick who takes over.";
        else if (!from) st.form_error = "From: expected a date-time such as 2026-12-02T18:00.";
        else if (!to) st.form_error = "To: expected a date-time such as 2026-12-03T09:00.";
        else if (*from >= *to) st.form_error = "From must be before to.";
        else {
            rp::Override o;
            o.role = st.role == 0 ? rp::Role::Primary : rp::Role::Secondary;
            o.person = st.person;
            o.from = {st.from, *from};
            o.to = {st.to, *to};
            if (!st.reason.empty()) o.reason = st.reason;
            Edit(app, "Add an override for " + plan.nameOf(st.person), [o](rp::Plan& p) { p.overrides.push_back(o); });
            st.form_error.clear();
            st.reason.clear();
        }
    }
    Tag("override:add");
    if (!st.form_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        ImGui::TextUnformatted(st.form_error.c_str());
        ImGui::PopStyleColor();
    } else {
        TextMuted("Times are in the team zone (%s); add Z or an offset for another.", plan.team_timezone.c_str());
    }
}

void OverrideList(App& app) {
    const rp::Plan& plan = app.doc.plan();
    if (plan.overrides.empty()) {
        TextMuted("No overrides yet.");
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##overrides", 6, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Role", 0, 0.8f);
        ImGui::TableSetupColumn("Who", 0, 1.2f);
        ImGui::TableSetupColumn("From", 0, 1.4f);
        ImGui::TableSetupColumn("To", 0, 1.4f);
        ImGui::TableSetupColumn("Reason", 0, 2.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)plan.overrides.size());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const rp::Override& o = plan.overrides[i];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(rp::roleName(o.role));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(plan.nameOf(o.person).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(o.from.text.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(o.to.text.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(o.reason.value_or("").c_str());
                ImGui::TableNextColumn();
                if (ImGui::SmallButton("remove"))
                    Edit(app, "Remove the override for " + plan.nameOf(o.person),
                         [i](rp::Plan& p) { p.overrides.erase(p.overrides.begin() + i); });
                Tag("override:remove:" + std::to_string(i));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace

void DrawCalendarView(App& app) {
    if (!BeginPanel(app, Panel::Calendar, "Calendar", &app.windows.calendar)) {
        ImGui::End();
        return;
    }
    rp::Date first = FirstDay(app);
    if (ImGui::BeginTabBar("##caltabs")) {
        if (ImGui::BeginTabItem("Shifts")) {
            Header(app, first);
            DrawTimeline(app, first);
            ImGui::EndTabItem();
        }
        Tag("tab:Shifts");
        ImGuiTabItemFlags flags = app.calendar.show_form_tab ? ImGuiTabItemFlags_SetSelected : 0;
        app.calendar.show_form_tab = false;
        if (ImGui::BeginTabItem("Overrides", nullptr, flags)) {
            OverrideForm(app);
            OverrideList(app);
            ImGui::EndTabItem();
        }
        Tag("tab:Overrides");
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace app
