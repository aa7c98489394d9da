// The escalation window (escalation.md): pick the moment an incident opens (typed, or a
// click on the calendar), its severity and who acknowledges when; see the lanes per
// level on a time axis and the events in the team's and each person's zone. The
// timeline is recomputed only when the inputs or the plan's revision change.
// Also the entry points of the five incident windows (state_incidents.hpp).
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "date/tz.h"
#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/model/time.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

void DrawGapsWindow(App& app);       // view_gaps.cpp
void DrawIncidentsWindow(App& app);  // view_incidents.cpp
void DrawPayWindow(App& app);        // view_pay.cpp
void DrawHandoffWindow(App& app);    // view_handoff.cpp

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const char* const kLevels[] = {"primary", "secondary", "escalation", "cto", "ceo"};

std::vector<std::string> SeverityKeys(const rp::Plan& plan) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : plan.policy.severities) keys.push_back(k);
    if (keys.empty()) keys = {"P0", "P1", "P2", "P3"};
    return keys;
}

std::string ZoneText(const date::time_zone* zone, rp::Instant t, const char* fmt) {
    if (!zone) return date::format(fmt, t) + " UTC";
    auto info = zone->get_info(t);
    return date::format(fmt, date::local_seconds{(t + info.offset).time_since_epoch()}) + " " + info.abbrev;
}

const date::time_zone* PersonZone(const App& app, const std::optional<std::string>& id) {
    if (!id) return nullptr;
    for (const rp::Person& p : app.doc.plan().people) {
        if (p.id == *id && p.timezone) {
            try {
                if (auto* z = rp::findZone(*p.timezone)) return z;
            } catch (const std::exception&) {
            }
        }
    }
    return app.derived.team_zone;
}

// The end of the lanes' time axis: a little after the last thing of interest.
rp::Instant AxisEnd(const rp::EscalationTimeline& tl) {
    rp::Instant t0 = tl.opened;
    rp::Instant end = t0 + minutes(30);
    for (const auto& e : tl.events) end = std::max(end, e.at);
    if (tl.respond_due) end = std::max(end, *tl.respond_due);
    if (tl.delivered) end = std::max(end, *tl.delivered);
    return end + (end - t0) / 10 + minutes(5);
}

void Recompute(App& app) {
    EscalationViewState& st = app.inc_views.esc;
    const rp::Plan& plan = app.doc.plan();
    std::vector<std::string> keys = SeverityKeys(plan);
    st.severity = std::clamp(st.severity, 0, (int)keys.size() - 1);
    if (st.date.empty() && !plan.weeks.empty()) st.date = rp::formatDate(plan.weeks.front().start + date::days{5});
    std::string key = std::to_string(app.doc.revision()) + "|" + st.date + "|" + st.time + "|" + keys[st.severity] +
                      "|" + (st.security ? "s" : "") + "|" + (st.resolve_on ? std::to_string(st.resolve) : "");
    for (const auto& a : st.acks) key += "|" + std::to_string(a.level) + "@" + std::to_string(a.minute);
    if (key == st.key) return;
    st.key = key;
    st.timeline.reset();
    st.error.clear();
    try {
        const date::time_zone* zone = rp::findZone(plan.team_timezone);
        auto at = zone ? rp::parseDateTime(zone, st.date + "T" + st.time) : std::nullopt;
        if (!at) {
            st.error = "Type the moment as YYYY-MM-DD and HH:MM";
            return;
        }
        rp::EscalationScenario sc;
        sc.severity = keys[st.severity];
        sc.at = *at;
        sc.security = st.security;
        for (const auto& a : st.acks)
            sc.acks.push_back({static_cast<rp::EscalationLevel>(a.level), std::max(0, a.minute)});
        if (st.resolve_on) sc.resolve = std::max(0, st.resolve);
        rp::EscalationResult r = rp::escalate(plan, sc);
        if (auto* e = std::get_if<std::string>(&r)) st.error = *e;
        else st.timeline = std::get<rp::EscalationTimeline>(r);
        st.business.clear();
        if (st.timeline) {
            rp::EscalationIndex index(plan);
            rp::Instant t0 = st.timeline->opened, t1 = AxisEnd(*st.timeline);
            rp::Date d0 = index.localDate(t0) - date::days{1}, d1 = index.localDate(t1);
            int days = 0;
            for (rp::Date d = d0; d <= d1 && days < 400; d += date::days{1}, ++days) {
                if (!index.isBusinessDay(d)) continue;
                auto hours = index.businessHoursOn(d);
                if (hours.second > t0 && hours.first < t1) st.business.push_back(hours);
            }
        }
    } catch (const std::exception& e) {
        st.error = e.what();
    }
}

void Inputs(App& app) {
    EscalationViewState& st = app.inc_views.esc;
    const rp::Plan& plan = app.doc.plan();
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Opens");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 7);
    ImGui::InputTextWithHint("##escdate", "YYYY-MM-DD", &st.date);
    Tag("esc:date");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 4);
    ImGui::InputTextWithHint("##esctime", "HH:MM", &st.time);
    Tag("esc:time");
    ImGui::SameLine();
    TextMuted("%s", plan.team_timezone.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Pick on calendar")) {
        // The window steps aside until the calendar is clicked (Escape cancels).
        st.picking = true;
        app.windows.calendar = true;
        ShowNotice(app, "Click a point on the calendar to open the escalation there (Escape cancels)", 0);
    }
    Tag("esc:pick");

    std::vector<std::string> keys = SeverityKeys(plan);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Severity");
    for (int i = 0; i < (int)keys.size(); ++i) {
        ImGui::SameLine();
        if (ImGui::RadioButton(keys[i].c_str(), st.severity == i)) st.severity = i;
        Tag("esc:severity:" + keys[i]);
    }
    ImGui::SameLine();
    ImGui::Checkbox("Security", &st.security);
    Tag("esc:security");
    ImGui::SameLine();
    ImGui::Checkbox("Resolved at minute", &st.resolve_on);
    Tag("esc:resolve");
    if (st.resolve_on) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6);
        ImGui::InputInt("##resolve", &st.resolve);
        Tag("esc:resolve-minute");
        st.resolve = std::max(0, st.resolve);
    }

    int remove = -1;
    for (int i = 0; i < (int)st.acks.size(); ++i) {
        ImGui::PushID(i);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Acknowledged by");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 7);
        ImGui::Combo("##level", &st.acks[i].level, kLevels, 5);
        Tag("esc:ack:" + std::to_string(i) + ":level");
        ImGui::SameLine();
        ImGui::TextUnformatted("at minute");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6);
        ImGui::InputInt("##minute", &st.acks[i].minute);
        st.acks[i].minute = std::max(0, st.acks[i].minute);
        Tag("esc:ack:" + std::to_string(i) + ":minute");
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = i;
        Tag("esc:ack:" + std::to_string(i) + ":remove");
        ImGui::PopID();
    }
    if (remove >= 0) st.acks.erase(st.acks.begin() + remove);
    if (ImGui::SmallButton("+ Acknowledgement")) st.acks.push_back({});
    Tag("esc:ack-add");
}

// Lanes per level on a time axis: page, ack, skip markers; resolve across all lanes;
// the acknowledge and respond deadlines as vertical lines labelled in a strip above the
// lanes; business hours shaded. Nothing is drawn over anything else: markers of one lane
// that would touch are moved apart vertically (their x stays their time), a name is cut
// short before the next marker of its lane (or moved left of its marker at the axis
// end), and labels in the strip that would overlap go to its second row. Hovering shows
// every event near the pointer.
void Lanes(App& app, const rp::EscalationTimeline& tl) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    const date::time_zone* zone = app.derived.team_zone;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const float label_w = em * 6.5f, lane_h = em * 1.8f, axis_h = em * 1.4f, strip_h = em * 2.3f;
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImVec2 origin(top_left.x, top_left.y + strip_h);   // the first lane's top
    float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    float height = strip_h + lane_h * 5 + axis_h;

    // The axis: from t0 to a little after the last thing of interest.
    rp::Instant t0 = tl.opened, t1 = AxisEnd(tl);
    const float x0 = origin.x + label_w, x1 = origin.x + width - 8;
    auto X = [&](rp::Instant t) {
        return x0 + float(double((t - t0).count()) / double((t1 - t0).count())) * (x1 - x0);
    };

    // Business hours (team zone).
    for (const auto& [bs, be] : app.inc_views.esc.business) {
        float a = std::max(x0, X(std::max(bs, t0))), b = std::min(x1, X(std::min(be, t1)));
        dl->AddRectFilled(ImVec2(a, origin.y), ImVec2(b, origin.y + lane_h * 5), (pal.ok_text & 0x00FFFFFF) | 0x22000000);
    }
    // Lanes.
    for (int l = 0; l < 5; ++l) {
        float y = origin.y + l * lane_h;
        if (l % 2) dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(x1, y + lane_h), (pal.muted_text & 0x00FFFFFF) | 0x14000000);
        dl->AddText(ImVec2(origin.x + 4, y + (lane_h - em) / 2), ImGui::GetColorU32(ImGuiCol_Text), kLevels[l]);
    }
    // Axis ticks: a readable step; a tick label that would touch the previous one is left out.
    const std::int64_t span_min = (t1 - t0).count() / 60;
    const std::int64_t steps[] = {5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080};
    std::int64_t step = steps[11];
    for (std::int64_t s : steps)
        if (span_min / s <= std::max<std::int64_t>(2, std::int64_t((x1 - x0) / (em * 9)))) { step = s; break; }
    float axis_y = origin.y + lane_h * 5;
    dl->AddLine(ImVec2(x0, axis_y), ImVec2(x1, axis_y), pal.muted_text);
    float tick_end = -FLT_MAX;
    for (std::int64_t m = 0; m <= span_min; m += step) {
        float x = X(t0 + minutes(m));
        dl->AddLine(ImVec2(x, origin.y), ImVec2(x, axis_y + 4), (pal.muted_text & 0x00FFFFFF) | 0x40000000);
        std::string text = "+" + std::to_string(m) + "m " + ZoneText(zone, t0 + minutes(m), "%H:%M");
        if (step >= 1440) text = ZoneText(zone, t0 + minutes(m), "%a %d %b");
        const float w = ImGui::CalcTextSize(text.c_str()).x;
        if (x + 2 < tick_end || x + 2 + w > x1 + 8) continue;
        dl->AddText(ImVec2(x + 2, axis_y + 2), pal.muted_text, text.c_str());
        tick_end = x + 2 + w + em * 0.5f;
    }

    // The strip above the lanes: deadline and resolve labels, two rows, never overlapping.
    struct StripLabel { float x; ImU32 colour; const char* text; };
    std::vector<StripLabel> strip;
    auto sev = plan.policy.severities.find(tl.severity);
    if (tl.delivered && sev != plan.policy.severities.end()) {
        float x = X(*tl.delivered + minutes(sev->second.ack_minutes));
        dl->AddLine(ImVec2(x, top_left.y + em * 0.2f), ImVec2(x, axis_y), pal.warning_text, 2.0f);
        strip.push_back({x, pal.warning_text, "ack due"});
    }
    if (tl.respond_due) {
        float x = X(*tl.respond_due);
        dl->AddLine(ImVec2(x, top_left.y + em * 0.2f), ImVec2(x, axis_y), pal.error_text, 2.0f);
        strip.push_back({x, pal.error_text, "respond due"});
    }
    const ImU32 page_col = pal.primary, ack_col = pal.ok_text, skip_col = pal.error_text;
    for (const auto& e : tl.events) {
        if (e.type != rp::EscalationEventType::Resolve) continue;
        float x = X(e.at);
        dl->AddLine(ImVec2(x, top_left.y + em * 0.2f), ImVec2(x, axis_y), ack_col, 3.0f);
        strip.push_back({x, ack_col, "resolved"});
    }
    // Every label and marker drawn, for the test hook (esc:boxes): nothing may overlap.
    std::string boxes;
    auto box = [&](char kind, float x, float y, float w, float h) {
        char text[96];
        std::snprintf(text, sizeof text, "%s%c %.1f %.1f %.1f %.1f", boxes.empty() ? "" : "|", kind, x, y, w, h);
        boxes += text;
    };
    std::sort(strip.begin(), strip.end(), [](const StripLabel& a, const StripLabel& b) { return a.x < b.x; });
    float row_end[2] = {-FLT_MAX, -FLT_MAX};
    for (const StripLabel& lab : strip) {
        const float w = ImGui::CalcTextSize(lab.text).x;
        float x = lab.x + 3;
        if (x + w > x1 + 8) x = lab.x - 3 - w;          // at the axis end: left of its line
        int row = x >= row_end[0] ? 0 : x >= row_end[1] ? 1 : -1;
        if (row < 0) {                                   // both rows taken here: after the shorter one
            row = row_end[0] <= row_end[1] ? 0 : 1;
            x = row_end[row];
        }
        dl->AddText(ImVec2(x, top_left.y + row * em * 1.05f), lab.colour, lab.text);
        box('L', x, top_left.y + row * em * 1.05f, w, em);
        row_end[row] = x + w + em * 0.4f;
    }

    // Events: markers per lane, apart when they would touch; names cut before the next marker.
    const float r = em * 0.38f;
    struct Marker { float x, cy; const rp::EscalationEvent* e; };
    std::vector<Marker> lanes[5];
    for (const auto& e : tl.events) {
        if (e.type == rp::EscalationEventType::Resolve) continue;
        int l = e.level ? std::clamp((int)*e.level, 0, 4) : 0;
        lanes[l].push_back({X(e.at), origin.y + l * lane_h + lane_h / 2, &e});
    }
    for (int l = 0; l < 5; ++l) {
        std::vector<Marker>& ms = lanes[l];
        std::stable_sort(ms.begin(), ms.end(), [](const Marker& a, const Marker& b) { return a.x < b.x; });
        // Markers that would touch go up and down in turn (their x stays their time).
        const float touch = r * 2.6f;
        int in_cluster = 0;
        for (std::size_t k = 0; k < ms.size(); ++k) {
            const bool near_prev = k > 0 && ms[k].x - ms[k - 1].x < touch;
            const bool near_next = k + 1 < ms.size() && ms[k + 1].x - ms[k].x < touch;
            in_cluster = near_prev ? in_cluster + 1 : 0;
            if (near_prev || near_next) ms[k].cy += (in_cluster % 2 ? 1.0f : -1.0f) * lane_h * 0.25f;
        }
        float name_end = -FLT_MAX;   // where the last name drawn in this lane ends
        for (std::size_t k = 0; k < ms.size(); ++k) {
            const Marker& m = ms[k];
            const rp::EscalationEvent& e = *m.e;
            box('M', m.x - r * 1.2f, m.cy - r * 1.3f, r * 2.4f, r * 2.3f);
            switch (e.type) {
            case rp::EscalationEventType::Page:
                dl->AddCircleFilled(ImVec2(m.x, m.cy), r, page_col);
                break;
            case rp::EscalationEventType::Ack:
                dl->AddTriangleFilled(ImVec2(m.x, m.cy - r * 1.3f), ImVec2(m.x - r * 1.2f, m.cy + r),
                                      ImVec2(m.x + r * 1.2f, m.cy + r), ack_col);
                break;
            case rp::EscalationEventType::Skip:
                dl->AddLine(ImVec2(m.x - r, m.cy - r), ImVec2(m.x + r, m.cy + r), skip_col, 2.5f);
                dl->AddLine(ImVec2(m.x - r, m.cy + r), ImVec2(m.x + r, m.cy - r), skip_col, 2.5f);
                break;
            default: break;
            }
            if (e.type == rp::EscalationEventType::Ack) continue;   // the page beside it names the person
            std::string who = e.person ? plan.nameOf(*e.person) : std::string("nobody");
            const float w = ImGui::CalcTextSize(who.c_str()).x;
            // The markers touching this one (moved up or down) and the free room beside them.
            float cluster_left = m.x, cluster_right = m.x;
            for (const Marker& o : ms)
                if (std::fabs(o.x - m.x) < touch) cluster_left = std::min(cluster_left, o.x), cluster_right = std::max(cluster_right, o.x);
            float limit = x1, before = x0;   // right: the next marker beyond; left: the previous one
            for (const Marker& o : ms) {
                if (o.x > cluster_right + 0.01f && o.x - r * 1.4f < limit && std::fabs(o.x - m.x) >= touch) limit = o.x - r * 1.4f;
                if (o.x < cluster_left - 0.01f && std::fabs(o.x - m.x) >= touch) before = std::max(before, o.x + r * 1.4f);
            }
            float tx = std::max(cluster_right + r * 1.2f + 3, name_end);
            const float left_x = cluster_left - r * 1.2f - 3 - w;
            if (tx + w > limit && left_x >= std::max(before, name_end)) tx = left_x;   // left of it
            const float room = std::min(limit, x1 + 8) - tx;
            if (room < em * 1.5f) continue;   // no room: the tooltip names them
            dl->PushClipRect(ImVec2(tx, m.cy - em), ImVec2(tx + room, m.cy + em), true);
            dl->AddText(ImVec2(tx, m.cy - em / 2), ImGui::GetColorU32(ImGuiCol_Text), who.c_str());
            dl->PopClipRect();
            box('L', tx, m.cy - em / 2, std::min(w, room), em);
            name_end = tx + std::min(w, room) + em * 0.4f;
        }
    }
    ImGui::InvisibleButton("##lanes", ImVec2(width, height + em * 0.4f));
    Tag("esc:lanes");
    TagText("esc:boxes", boxes);
    if (ImGui::IsItemHovered()) {
        float mx = ImGui::GetIO().MousePos.x;
        if (mx >= x0 && mx <= x1) {
            double f = (mx - x0) / (x1 - x0);
            rp::Instant at = t0 + seconds(std::int64_t(f * double((t1 - t0).count())));
            std::string text = "+" + std::to_string((at - t0).count() / 60) + " min  " + ZoneText(zone, at, "%a %d %b %H:%M");
            for (const auto& e : tl.events) {
                if (std::fabs(X(e.at) - mx) > em * 0.6f) continue;
                text += "\n" + std::to_string(e.minute) + " min: " + rp::escalationEventTypeName(e.type) +
                        (e.level ? std::string(" ") + rp::escalationLevelName(*e.level) : std::string()) +
                        (e.person ? " \u2014 " + plan.nameOf(*e.person) : std::string());
            }
            ImGui::SetTooltip("%s", text.c_str());
        }
    }
    TextMuted("dot: page · triangle: acknowledgement · cross: skip · green line: resolved · orange/red lines: ack/respond due · shaded: business hours");
}

void Events(App& app, const rp::EscalationTimeline& tl) {
    const rp::Plan& plan = app.doc.plan();
    const date::time_zone* zone = app.derived.team_zone;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##escevents", 6, flags, ImVec2(0, std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().y)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Minute", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.5f);
    ImGui::TableSetupColumn("Team time");
    ImGui::TableSetupColumn("Event");
    ImGui::TableSetupColumn("Who");
    ImGui::TableSetupColumn("Their time");
    ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_None, 2.5f);
    ImGui::TableHeadersRow();
    for (int i = 0; i < (int)tl.events.size(); ++i) {
        const auto& e = tl.events[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", (long long)e.minute);
        if (i == 0) Tag("esc:events");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ZoneText(zone, e.at, "%a %d %b %H:%M").c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s%s%s", rp::escalationEventTypeName(e.type), e.level ? " " : "",
                    e.level ? rp::escalationLevelName(*e.level) : "");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.person ? plan.nameOf(*e.person).c_str() : "—");
        ImGui::TableNextColumn();
        if (e.person) ImGui::TextUnformatted(ZoneText(PersonZone(app, e.person), e.at, "%a %H:%M").c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", e.reason.c_str());
    }
    ImGui::EndTable();
}

bool BeginToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 pos(vp->WorkPos.x + vp->WorkSize.x * pivot.x, vp->WorkPos.y + vp->WorkSize.y * pivot.y);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Appearing, pivot);
    ImGui::SetNextWindowSize(ImVec2(std::min(size.x, vp->WorkSize.x - 20), std::min(size.y, vp->WorkSize.y - 40)),
                             ImGuiCond_Appearing);
    return ImGui::Begin(title, open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
}

void DrawEscalationWindow(App& app) {
    if (app.inc_views.esc.picking) {
        if (ImGui::IsKeyPressed(ImGuiKey_Escape)) app.inc_views.esc.picking = false;
        if (app.inc_views.esc.picking) return;
        app.notice.text.clear();
    }
    if (!BeginToolWindow("Escalation", &app.inc_views.escalation, ImVec2(900, 600), ImVec2(0.5f, 0.5f))) {
        ImGui::End();
        return;
    }
    Inputs(app);
    Recompute(app);
    TagText("esc:inputs", app.inc_views.esc.key);   // revision|date|time|severity|security|resolve|acks
    const EscalationViewState& st = app.inc_views.esc;
    ImGui::Separator();
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().error_text);
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
        Tag("esc:error");
    } else if (st.timeline) {
        const auto& tl = *st.timeline;
        const date::time_zone* zone = app.derived.team_zone;
        ImGui::Text("Opened %s", ZoneText(zone, tl.opened, "%a %d %b %Y %H:%M").c_str());
        ImGui::SameLine();
        TextMuted("· delivered %s · respond by %s · highest level %s%s%s",
                  tl.delivered ? ZoneText(zone, *tl.delivered, "%a %H:%M").c_str() : "never",
                  tl.respond_due ? ZoneText(zone, *tl.respond_due, "%a %d %b %H:%M").c_str() : "never",
                  tl.highest_level ? rp::escalationLevelName(*tl.highest_level) : "none",
                  tl.security_contact ? " · security: " : "",
                  tl.security_contact ? app.doc.plan().nameOf(*tl.security_contact).c_str() : "");
        Tag("esc:summary");
        Lanes(app, tl);
        Events(app, tl);
    }
    ImGui::End();
}

}  // namespace

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot) {
    return BeginToolWindow(title, open, size, pivot);
}

bool EscalationPicking(const App& app) { return app.inc_views.escalation && app.inc_views.esc.picking; }

void EscalationPickAt(App& app, rp::Instant at) {
    EscalationViewState& st = app.inc_views.esc;
    const date::time_zone* zone = app.derived.team_zone;
    auto local = zone ? zone->to_local(at) : date::local_seconds{at.time_since_epoch()};
    auto local_min = date::floor<std::chrono::minutes>(local);
    local_min -= minutes(local_min.time_since_epoch().count() % 15);   // a quarter hour
    st.date = date::format("%Y-%m-%d", date::floor<date::days>(local_min));
    st.time = date::format("%H:%M", local_min);
    st.picking = false;
    app.notice.text.clear();
}

void IncidentViewsMenuItems(App& app) {
    IncidentViews& v = app.inc_views;
    ImGui::MenuItem("Escalation", nullptr, &v.escalation);
    Tag("menu:View/Escalation");
    ImGui::MenuItem("Coverage gaps", nullptr, &v.gaps);
    Tag("menu:View/Coverage gaps");
    ImGui::MenuItem("Incidents", nullptr, &v.incidents);
    Tag("menu:View/Incidents");
    ImGui::MenuItem("Pay", nullptr, &v.pay);
    Tag("menu:View/Pay");
    ImGui::MenuItem("Handoff notes", nullptr, &v.handoff);
    Tag("menu:View/Handoff notes");
}

void DrawIncidentViews(App& app) {
    IncidentViews& v = app.inc_views;
    if (v.escalation) DrawEscalationWindow(app);
    if (v.gaps) DrawGapsWindow(app);
    // The run steps even while its window is closed.
    if (v.incidents || v.inc.run) DrawIncidentsWindow(app);
    if (v.pay) DrawPayWindow(app);
    if (v.handoff) DrawHandoffWindow(app);
}

}  // namespace app
