// The calendar: resolved shifts as bars over days (team zone), overrides visible as
// the pieces they cut, time off beneath; and the overrides themselves, with a form to
// create one. Dragging across the primary or secondary row creates an override too:
// the span snaps to whole hours (coarser when an hour is only a pixel or two wide),
// then a list asks who takes over, and the choice is one undoable step.
//
// [SECTION] Time helpers
// [SECTION] Header (navigation, range)
// [SECTION] Timeline: days, bars, pointer readout, drag to create
// [SECTION] The override form and list
// [SECTION] The view
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>

#include <date/tz.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/model/time.hpp"
#include "layout.hpp"
#include "platform/platform.hpp"
#include "redraw.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// What the pointer does on the timeline: the drag that creates an override, the
// person list that finishes it, the readout of the instant under the pointer.
struct CalendarInteraction {
    bool dragging = false;
    bool moved = false;              // the pointer left the press point (a drag, not a click)
    int role = 0;                    // 0 primary, 1 secondary
    rp::Instant anchor{}, current{};
    float press_x = 0;
    // The finished drag waiting for its person.
    bool ask_pending = false;        // open the popup next time the timeline draws
    int ask_role = 0;
    rp::Instant ask_from{}, ask_to{};
    std::string ask_filter, ask_reason;
    std::string readout;             // the readout line as last drawn (test hook)
    int lanes = 1;                   // time-off lanes last drawn (the panel's natural height)
    bool overrides_tab = false;      // the Overrides tab is shown (it wants more height)
};
CalendarInteraction g_cal;

// ---- [SECTION] Time helpers ------------------------------------------------------------

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

date::local_seconds LocalOf(const date::time_zone* zone, rp::Instant t) {
    return date::local_seconds{t.time_since_epoch() + seconds{rp::offsetSeconds(zone, t)}};
}

std::string Abbrev(const date::time_zone* zone, rp::Instant t) {
    if (!zone) return "UTC";
    return zone->get_info(t).abbrev;
}

// "Tue 8 Dec 18:40 EST"; the day of the month without a leading zero.
std::string Moment(const date::time_zone* zone, rp::Instant t, bool with_zone = true) {
    const date::local_seconds local = zone ? LocalOf(zone, t) : date::local_seconds{t.time_since_epoch()};
    const date::local_days day = date::floor<date::days>(local);
    const unsigned dom = unsigned(date::year_month_day{day}.day());
    std::string s = date::format("%a ", local) + std::to_string(dom) + date::format(" %b %H:%M", local);
    if (with_zone) s += " " + Abbrev(zone, t);
    return s;
}

std::string LocalText(const date::time_zone* zone, rp::Instant t, const char* fmt) {
    if (!zone) return date::format(fmt, t);
    auto info = zone->get_info(t);
    return date::format(fmt, date::local_seconds{(t + info.offset).time_since_epoch()}) + " " + info.abbrev;
}

// How an override's time is written into the plan: the team-zone wall clock the lead
// dragged to ("2026-12-08T18:00"), or with its offset when that reading is not unique
// (the hour daylight saving repeats).
std::string OverrideTimeText(const date::time_zone* zone, rp::Instant t) {
    const rp::LocalReading r = rp::localReading(zone, t);
    if (r.unique && rp::localToInstant(zone, r.local) == t) return date::format("%Y-%m-%dT%H:%M", r.local);
    std::string full = rp::formatRfc3339(zone, t);   // 2026-11-01T01:30:00-04:00
    return full.substr(0, 16) + full.substr(19);
}

std::string Hours(rp::Instant from, rp::Instant to) {
    const auto mins = date::floor<minutes>(to - from).count();
    std::string s = std::to_string(mins / 60) + " h";
    if (mins % 60) s = std::to_string(mins / 60) + " h " + std::to_string(mins % 60) + " min";
    return s;
}

ImU32 WithAlpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | ((ImU32)alpha << IM_COL32_A_SHIFT); }

struct Timeline {
    rp::Instant t0, t1;
    float x0, x1;
    float X(rp::Instant t) const {
        double f = double((t - t0).count()) / double((t1 - t0).count());
        return x0 + float(f) * (x1 - x0);
    }
    rp::Instant T(float x) const {
        const double f = std::clamp(double(x - x0) / double(x1 - x0), 0.0, 1.0);
        return t0 + seconds(int64_t(f * double((t1 - t0).count())));
    }
    // Snap step: the smallest of 1, 3, 6, 12 and 24 hours at least 4 pixels wide.
    hours Step() const {
        const double px_per_hour = double(x1 - x0) / (double((t1 - t0).count()) / 3600.0);
        for (int h : {1, 3, 6, 12})
            if (px_per_hour * h >= 4.0) return hours{h};
        return hours{24};
    }
};

// Rounds to the nearest step of team-zone wall-clock time (18:00, not 23:00 UTC).
rp::Instant Snap(const date::time_zone* zone, rp::Instant t, hours step) {
    const date::local_seconds local = LocalOf(zone, t);
    const date::local_days day = date::floor<date::days>(local);
    const auto into = local - day;
    const auto snapped = hours{int64_t(std::llround(double(into.count()) / double(seconds{step}.count()))) * step.count()};
    return rp::localToInstant(zone, date::local_seconds{day + snapped});
}

// A name that fits `width`: "Eve Tanaka", "Eve T.", "Eve", "ET", or nothing.
std::string FitName(const std::string& name, float width) {
    if (ImGui::CalcTextSize(name.c_str()).x <= width) return name;
    const auto space = name.find(' ');
    std::vector<std::string> tries;
    if (space != std::string::npos && space + 1 < name.size()) {
        tries.push_back(name.substr(0, space) + " " + name.substr(space + 1, 1) + ".");
        tries.push_back(name.substr(0, space));
        tries.push_back(name.substr(0, 1) + name.substr(space + 1, 1));
    } else if (!name.empty()) {
        tries.push_back(name.substr(0, 1));
    }
    for (const std::string& t : tries)
        if (ImGui::CalcTextSize(t.c_str()).x <= width) return t;
    return {};
}

// ---- [SECTION] Header --------------------------------------------------------------------

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
    Tag("calendar:range");
    ImGui::SameLine();
    rp::Date last = first + date::days{st.days - 1};
    TextMuted("%s – %s · %s", date::format("%d %b", first).c_str(), date::format("%d %b %Y", last).c_str(),
              app.doc.plan().team_timezone.c_str());
}

// ---- [SECTION] Timeline --------------------------------------------------------------------

struct TimelineMetrics {
    float line, label_w, header_h, row_h;
};
TimelineMetrics Metrics() {
    const float line = ImGui::GetTextLineHeight();
    return {line, ImGui::GetFontSize() * 6.0f, line * 3.0f + 4.0f, std::max(line * 1.5f, 20.0f)};
}

// Day columns: weekend and holiday shading; the month, the weekday (name or initial,
// where it fits) and the day number. Numbers show at every width: when a day is too
// narrow for its number, every second day or every week start is numbered.
void DrawDays(const rp::Plan& plan, const date::time_zone* zone, const Timeline& tl, rp::Date first, int days,
              ImVec2 origin, float total_h, const TimelineMetrics& m) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = GetPalette();
    const float day_w = (tl.x1 - tl.x0) / float(days);
    const float number_w = ImGui::CalcTextSize("30").x + 4;
    const int number_every = day_w >= number_w ? 1 : day_w * 2 >= number_w ? 2 : 7;
    const bool names = day_w >= ImGui::CalcTextSize("Wed").x + 4;
    const bool initials = !names && day_w >= ImGui::CalcTextSize("W").x + 3;
    const unsigned week_start = unsigned(plan.policy.handoff_weekday);
    float month_label_end = -FLT_MAX;
    for (int i = 0; i < days; ++i) {
        rp::Date day = first + date::days{i};
        float xa = tl.X(rp::dayStart(zone, day)), xb = tl.X(rp::dayStart(zone, day + date::days{1}));
        const unsigned wd = date::weekday(day).c_encoding();
        const bool holiday = std::find(plan.policy.holidays.begin(), plan.policy.holidays.end(), day) != plan.policy.holidays.end();
        if (wd == 0 || wd == 6 || holiday)
            dl->AddRectFilled(ImVec2(xa, origin.y + m.header_h), ImVec2(xb, origin.y + total_h),
                              holiday ? pal.warning_bg : pal.weekend_bg);
        dl->AddLine(ImVec2(xa, origin.y + m.line), ImVec2(xa, origin.y + total_h), ImGui::GetColorU32(ImGuiCol_Border));
        auto ymd = date::year_month_day{day};
        // The first column names its month unless a new month starts a few days later.
        bool month_soon = i == 0 && date::year_month_day{day + date::days{4}}.month() != ymd.month();
        if (((i == 0 && !month_soon) || unsigned(ymd.day()) == 1) && xa >= month_label_end) {
            std::string month = date::format("%b %Y", day);
            dl->AddText(ImVec2(xa + 3, origin.y), ImGui::GetColorU32(ImGuiCol_Text), month.c_str());
            month_label_end = xa + 3 + ImGui::CalcTextSize(month.c_str()).x + 8;
        }
        const ImU32 label_col = holiday ? pal.warning_text : pal.muted_text;
        const std::string date_text = rp::formatDate(day);
        if (names || initials) {
            std::string name = date::format("%a", day);
            if (initials) name = name.substr(0, 1);
            const ImVec2 at(xa + 2, origin.y + m.line);
            dl->AddText(at, label_col, name.c_str());
            { const ImVec2 sz = ImGui::CalcTextSize(name.c_str()); TagRect("calendar:weekday:" + date_text, at, ImVec2(at.x + sz.x, at.y + sz.y)); }
        }
        const bool numbered = number_every == 1 || (number_every == 2 && i % 2 == 0) ||
                              (number_every == 7 && wd == week_start);
        if (numbered) {
            const std::string number = std::to_string(unsigned(ymd.day()));
            const ImVec2 at(xa + 2, origin.y + m.line * 2);
            dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), number.c_str());
            { const ImVec2 sz = ImGui::CalcTextSize(number.c_str()); TagRect("calendar:day:" + date_text, at, ImVec2(at.x + sz.x, at.y + sz.y)); }
        }
    }
}

// The person list that finishes a dragged override (opened when the drag ends).
void NewOverridePopup(App& app) {
    const rp::Plan& plan = app.doc.plan();
    const date::time_zone* zone = app.derived.team_zone;
    CalendarInteraction& c = g_cal;
    if (c.ask_pending) {
        c.ask_pending = false;
        c.ask_filter.clear();
        c.ask_reason.clear();
        ImGui::OpenPopup("##new-override");
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 18, 0), ImVec2(ImGui::GetFontSize() * 30, FLT_MAX));
    if (!ImGui::BeginPopup("##new-override")) return;
    const char* role = c.ask_role == 0 ? "primary" : "secondary";
    Heading(c.ask_role == 0 ? "New primary override" : "New secondary override");
    Tag("override:new");
    ImGui::Text("%s → %s (%s)", Moment(zone, c.ask_from, false).c_str(), Moment(zone, c.ask_to).c_str(),
                Hours(c.ask_from, c.ask_to).c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##reason", "reason (optional)", &c.ask_reason);
    Tag("override:new:reason");
    ImGui::TextUnformatted("Who takes over?");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##filter", "type to filter", &c.ask_filter);
    Tag("override:new:filter");
    const float list_h = std::min<float>(ImGui::GetTextLineHeightWithSpacing() * 10,
                                         ImGui::GetTextLineHeightWithSpacing() * float(plan.people.size() + 1));
    if (ImGui::BeginChild("##people", ImVec2(0, list_h), ImGuiChildFlags_None)) {
        for (const rp::Person& p : plan.people) {
            const std::string text = p.name + " (" + p.id + ")";
            std::string lower_text = text, lower_filter = c.ask_filter;
            for (char& ch : lower_text) ch = char(std::tolower((unsigned char)ch));
            for (char& ch : lower_filter) ch = char(std::tolower((unsigned char)ch));
            if (lower_text.find(lower_filter) == std::string::npos) continue;
            // Who is away during the span, so the lead does not pick them blindly.
            bool away = false;
            for (const rp::TimeOff& o : plan.time_off)
                if (o.person == p.id && rp::dayStart(zone, o.from) < c.ask_to &&
                    rp::dayStart(zone, o.to + date::days{1}) > c.ask_from)
                    away = true;
            if (ImGui::Selectable((p.name + (away ? "  · away" : "")).c_str())) {
                rp::Override o;
                o.role = c.ask_role == 0 ? rp::Role::Primary : rp::Role::Secondary;
                o.person = p.id;
                o.from = {OverrideTimeText(zone, c.ask_from), c.ask_from};
                o.to = {OverrideTimeText(zone, c.ask_to), c.ask_to};
                if (!c.ask_reason.empty()) o.reason = c.ask_reason;
                Edit(app, std::string("Add a ") + role + " override for " + p.name + ", " +
                              Moment(zone, c.ask_from, false) + " – " + Moment(zone, c.ask_to, false),
                     [o](rp::Plan& plan_) { plan_.overrides.push_back(o); });
                ImGui::CloseCurrentPopup();
            }
            Tag("pick:" + p.id);
        }
    }
    ImGui::EndChild();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    Tag("override:new:cancel");
    ImGui::EndPopup();
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
    CalendarInteraction& c = g_cal;
    const int days = st.days;

    ImGui::BeginChild("##timeline", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TimelineMetrics m = Metrics();
    const float line = m.line, header_h = m.header_h, row_h = m.row_h;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;

    // Time off lanes: each entry touching the range gets a lane (at most 4).
    rp::Instant t0 = rp::dayStart(zone, first), t1 = rp::dayStart(zone, first + date::days{days});
    std::vector<int> offs;
    for (int i = 0; i < (int)plan.time_off.size() && offs.size() < 4; ++i) {
        const auto& o = plan.time_off[i];
        if (rp::dayStart(zone, o.from) < t1 && rp::dayStart(zone, o.to + date::days{1}) > t0) offs.push_back(i);
    }
    c.lanes = std::max<int>(1, (int)offs.size());
    const char* row_names[] = {"Primary", "Secondary", "Shadow"};
    const int rows = 3 + c.lanes;
    const float total_h = header_h + rows * row_h + 4;

    Timeline tl{t0, t1, origin.x + m.label_w, origin.x + width - 4};
    DrawDays(plan, zone, tl, first, days, origin, total_h, m);
    DrawNoticeWindowBand(app, dl, t0, t1, tl.x0, tl.x1, origin.y + header_h, origin.y + total_h);
    // Row labels and separators.
    for (int r = 0; r < rows; ++r) {
        float y = origin.y + header_h + r * row_h;
        const char* name = r < 3 ? row_names[r] : (r == 3 ? "Time off" : "");
        dl->AddText(ImVec2(origin.x, y + (row_h - line) / 2), ImGui::GetColorU32(ImGuiCol_Text), name);
        dl->AddLine(ImVec2(origin.x, y), ImVec2(tl.x1, y), ImGui::GetColorU32(ImGuiCol_Border));
    }

    // Shifts (sorted by start; pieces are at most a week and a bit long). Opaque fills
    // with the theme's bar text colour: at least 4.5:1 (theme.cpp's contrast pairs).
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
        dl->AddRectFilled(a, b, fill, 4.0f);
        if (s.from_override) dl->AddRect(a, b, pal.bar_outline, 4.0f, 0, 1.5f);
        const std::string name = FitName(plan.nameOf(s.person), b.x - a.x - 8);
        if (!name.empty()) {
            dl->PushClipRect(a, b, true);
            dl->AddText(ImVec2(a.x + 4, y + (row_h - 4 - line) / 2), pal.bar_text, name.c_str());
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
        dl->AddRectFilled(a, b, pal.time_off_bg, 4.0f);
        std::string text = plan.nameOf(o.person) + (o.reason ? " · " + *o.reason : std::string());
        if (ImGui::CalcTextSize(text.c_str()).x > b.x - a.x - 8) text = FitName(plan.nameOf(o.person), b.x - a.x - 8);
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
        RedrawAt(platform::NowSeconds() + 60);   // the line moves on while the page sleeps
        float x = tl.X(now);
        dl->AddLine(ImVec2(x, origin.y + line), ImVec2(x, origin.y + total_h), pal.today_line, 2.0f);
    }

    ImGui::InvisibleButton("##area", ImVec2(width, total_h));
    Tag("calendar:timeline");
    const bool area_hovered = ImGui::IsItemHovered(), area_clicked = ImGui::IsItemClicked();
    const bool area_activated = ImGui::IsItemActivated(), area_active = ImGui::IsItemActive();
    const bool area_deactivated = ImGui::IsItemDeactivated();
    const bool over_rows = area_hovered && mouse.x >= tl.x0 && mouse.x < tl.x1 &&
                           mouse.y >= origin.y + header_h && mouse.y < origin.y + total_h;
    const int mouse_row = int(std::floor((mouse.y - origin.y - header_h) / row_h));
    const hours step = tl.Step();
    const bool picking = EscalationPicking(app);

    // Drag across the primary or secondary row to create an override there.
    if (!picking && area_activated && over_rows && (mouse_row == 0 || mouse_row == 1)) {
        c.dragging = true;
        c.moved = false;
        c.role = mouse_row;
        c.anchor = c.current = Snap(zone, tl.T(mouse.x), step);
        c.press_x = mouse.x;
    }
    // Escape cancels the drag (ImGui lets go of the press in the same frame: that must not
    // count as a release).
    if (c.dragging && ImGui::IsKeyPressed(ImGuiKey_Escape)) c.dragging = false;
    if (c.dragging && area_active) {
        if (std::fabs(mouse.x - c.press_x) > 3.0f) c.moved = true;
        c.current = Snap(zone, tl.T(std::clamp(mouse.x, tl.x0, tl.x1)), step);
    }
    const bool released = c.dragging && area_deactivated;
    if (c.dragging && (c.moved || released)) {
        const rp::Instant from = std::min(c.anchor, c.current), to = std::max(c.anchor, c.current);
        if (to > from) {
            const float y = origin.y + header_h + c.role * row_h + 1;
            dl->AddRectFilled(ImVec2(tl.X(from), y), ImVec2(tl.X(to), y + row_h - 2), pal.drag_fill, 4.0f);
            dl->AddRect(ImVec2(tl.X(from), y), ImVec2(tl.X(to), y + row_h - 2), pal.drag_outline, 4.0f, 0, 2.0f);
        }
    }
    bool clicked_bar = false;
    if (released) {
        c.dragging = false;
        const rp::Instant from = std::min(c.anchor, c.current), to = std::max(c.anchor, c.current);
        if (c.moved && to > from) {
            c.ask_pending = true;
            c.ask_role = c.role;
            c.ask_from = from;
            c.ask_to = to;
        } else if (!c.moved) {
            clicked_bar = true;
        }
    }

    // The readout: the instant under the pointer in the team's zone and the viewer's.
    {
        std::string text;
        const date::time_zone* mine = app.viewer.zone;
        if (c.dragging && c.moved) {
            const rp::Instant from = std::min(c.anchor, c.current), to = std::max(c.anchor, c.current);
            text = std::string("New ") + (c.role == 0 ? "primary" : "secondary") + " override: " +
                   Moment(zone, from, false) + " → " + Moment(zone, to) + " (" + Hours(from, to) +
                   "); release to pick who";
        } else if (area_hovered && mouse.x >= tl.x0 && mouse.x < tl.x1) {
            const rp::Instant at = date::floor<minutes>(tl.T(mouse.x));
            text = Moment(zone, at) + " team time";
            if (mine && mine != zone) text += " · " + Moment(mine, at) + " your time";
            else text += " (your zone too)";
        }
        c.readout = text;
        if (text.empty()) TextMuted("Point at the timeline to read the time; drag across a role row to add an override.");
        else ImGui::TextUnformatted(text.c_str());
        Tag("calendar:readout");
        if (!text.empty() && !(c.dragging && c.moved)) {
            const float x = std::clamp(mouse.x, tl.x0, tl.x1);
            dl->AddLine(ImVec2(x, origin.y + header_h), ImVec2(x, origin.y + total_h), pal.pointer_line, 1.0f);
        }
    }

    if (picking) {
        // The escalation window waits for a moment: this click picks it.
        if (area_hovered) ImGui::SetTooltip("Click to open the escalation here");
        if (area_clicked && mouse.x >= tl.x0 && mouse.x < tl.x1) EscalationPickAt(app, tl.T(mouse.x));
        hovered = nullptr;
    }
    if (hovered && !(c.dragging && c.moved)) {
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
        if (s.role != rp::Role::Shadow) TextMuted("Drag across the row to add an override; click to fill in the form");
        ImGui::EndTooltip();
        if (clicked_bar && s.role != rp::Role::Shadow) {
            // Prefill the override form with the hour under the mouse.
            rp::Instant at = t0 + date::floor<hours>(tl.T(mouse.x) - t0);
            auto local = zone->to_local(at);
            st.role = s.role == rp::Role::Primary ? 0 : 1;
            st.from = date::format("%Y-%m-%dT%H:00", local);
            st.to = date::format("%Y-%m-%dT%H:00", local + hours(8));
            st.form_error.clear();
            st.show_form_tab = true;
        }
    }
    NewOverridePopup(app);
    ImGui::EndChild();
}

}  // namespace

float CalendarNaturalHeight(const App& app) {
    if (app.calendar.show_form_tab || g_cal.overrides_tab) return FLT_MAX;
    const ImGuiStyle& s = ImGui::GetStyle();
    const TimelineMetrics m = Metrics();
    const float timeline = m.header_h + float(3 + g_cal.lanes) * m.row_h + 4;
    // Title bar, tab bar, the navigation row, the timeline, the readout line.
    return ImGui::GetFrameHeight() + s.WindowPadding.y * 2 + (ImGui::GetFrameHeight() + s.ItemSpacing.y) * 2 + timeline +
           s.ItemSpacing.y + ImGui::GetTextLineHeightWithSpacing() + 4;
}

namespace {

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
    ImGui::InputTextWithHint("##from", "from 2026-12-08 18:00", &st.from);
    Tag("override:from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##to", "to 2026-12-09 09:00", &st.to);
    Tag("override:to");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##reason", "reason (optional)", &st.reason);
    Tag("override:reason");
    ImGui::SameLine();
    if (ImGui::Button("Add override")) {
        // Typed as "2026-12-08 18:00" or ISO "2026-12-08T18:00" (page-ux: ParseDateTimeInput).
        std::optional<DateTimeInput> from = ParseDateTimeInput(zone, st.from);
        std::optional<DateTimeInput> to = ParseDateTimeInput(zone, st.to);
        if (st.person.empty()) st.form_error = "Pick who takes over.";
        else if (!from) st.form_error = DateTimeInputError("From", st.from);
        else if (!to) st.form_error = DateTimeInputError("To", st.to);
        else if (from->at >= to->at) st.form_error = "From must be before to.";
        else {
            rp::Override o;
            o.role = st.role == 0 ? rp::Role::Primary : rp::Role::Secondary;
            o.person = st.person;
            o.from = {from->text, from->at};
            o.to = {to->text, to->at};
            if (!st.reason.empty()) o.reason = st.reason;
            Edit(app, "Add an override for " + plan.nameOf(st.person), [o](rp::Plan& p) { p.overrides.push_back(o); });
            st.form_error.clear();
            st.reason.clear();
        }
    }
    Tag("override:add");
    if (!st.form_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(st.form_error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        Tag("override:error");
        TagText("override:error", st.form_error);
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
        g_cal.overrides_tab = false;
        if (ImGui::BeginTabItem("Overrides", nullptr, flags)) {
            g_cal.overrides_tab = true;
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

extern "C" {
// Test hook: the calendar's readout line as last drawn ("" when the pointer is elsewhere).
EMSCRIPTEN_KEEPALIVE const char* rp_test_calendar_readout() { return app::g_cal.readout.c_str(); }
}
