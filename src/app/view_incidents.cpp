// The incident window: many random incidents over the whole plan (incidents.hpp). Run
// starts an IncidentRun that is stepped across frames (about 8 ms per frame) with a
// progress bar and Cancel; the finished report is drawn as charts.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <initializer_list>

#include "imgui.h"

#include "core/model/plan.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

namespace {

constexpr double kFrameBudgetMs = 8.0;
const char* const kSev[] = {"P0", "P1", "P2", "P3"};
const char* const kLevelNames[] = {"primary", "secondary", "escalation", "cto", "ceo"};

void StepRun(App& app) {
    IncidentsViewState& st = app.inc_views.inc;
    if (!st.run) return;
    const double start = platform::NowMilliseconds();
    std::int64_t batch = 16;
    bool more = true;
    while (more) {
        try {
            more = st.run->step(batch);
        } catch (const std::bad_alloc&) {
            // Refused with a message instead of the page's runtime aborting.
            const std::int64_t done = st.run->processed();
            st.run.reset();
            st.error = "The run stopped after " + std::to_string(done) +
                       " incidents: the page ran out of memory. Run fewer incidents, or use the rotaplan command line.";
            return;
        }
        double spent = platform::NowMilliseconds() - start;
        if (spent >= kFrameBudgetMs) break;
        if (spent < kFrameBudgetMs / 4) batch *= 2;
    }
    st.last_step_ms = platform::NowMilliseconds() - start;
    if (!more) {
        st.report = st.run->result();
        st.report_revision = app.doc.revision();
        st.run.reset();
        app.inc_views.pay_view.from = nullptr;   // pay follows the new run
        ShowNotice(app, "Incident simulation finished: " + Count((int)st.report->totals.incidents, "incident", "incidents"));
    }
}

void Start(App& app) {
    IncidentsViewState& st = app.inc_views.inc;
    rp::IncidentOptions o;
    o.seed = static_cast<std::uint64_t>(std::max(0, st.seed));
    o.rate_per_week = st.rate;
    if (st.use_count) o.count = std::max(1, st.count);
    for (int i = 0; i < 4; ++i) o.mix[i] = st.mix[i];
    // The pay window needs only the per-month sums every run keeps (IncidentReport::pay).
    auto run = std::make_unique<rp::IncidentRun>();
    st.error.clear();
    try {
        if (!run->start(app.doc.plan(), o, &st.error)) return;
    } catch (const std::exception& e) {
        st.error = e.what();
        return;
    }
    st.run = std::move(run);
}

// A row of colour swatches with their meaning, under a chart.
void Legend(std::initializer_list<std::pair<ImU32, const char*>> items, const char* tag) {
    const float em = ImGui::GetFontSize();
    bool first = true;
    ImGui::BeginGroup();
    for (const auto& [colour, text] : items) {
        if (!first) ImGui::SameLine(0, em);
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float s = em * 0.8f, dy = (ImGui::GetTextLineHeight() - s) / 2;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + dy), ImVec2(p.x + s, p.y + dy + s), colour, 2.0f);
        ImGui::Dummy(ImVec2(s, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, em * 0.35f);
        ImGui::TextUnformatted(text);
    }
    ImGui::EndGroup();
    Tag(tag);
}

// Grouped horizontal bars: one group per person, one bar per series.
void PersonBars(const rp::IncidentReport& r, const rp::Plan& plan) {
    const Palette& pal = GetPalette();
    const ImU32 cols[3] = {pal.primary, pal.secondary, pal.warning_text};
    const char* names[3] = {"pages", "night pages", "weekend pages"};
    std::int64_t maxv = 1;
    for (const auto& p : r.per_person) maxv = std::max(maxv, p.pages);
    const float em = ImGui::GetFontSize(), bar = em * 0.45f, group = bar * 3 + em * 0.5f, label_w = em * 8;
    ImVec2 o = ImGui::GetCursorScreenPos();
    float width = std::max(150.0f, ImGui::GetContentRegionAvail().x) - label_w - em * 3;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int rows = 0;
    for (const auto& p : r.per_person) {
        if (p.pages == 0 && p.skips == 0) continue;
        float y = o.y + rows * group;
        dl->AddText(ImVec2(o.x, y + bar * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), plan.nameOf(p.person).c_str());
        std::int64_t v[3] = {p.pages, p.night_pages, p.weekend_pages};
        for (int k = 0; k < 3; ++k) {
            float w = width * float(double(v[k]) / double(maxv));
            float by = y + k * bar;
            dl->AddRectFilled(ImVec2(o.x + label_w, by), ImVec2(o.x + label_w + std::max(1.0f, w), by + bar - 1), cols[k]);
            char num[32];
            std::snprintf(num, sizeof num, "%lld", (long long)v[k]);
            if (k == 0) dl->AddText(ImVec2(o.x + label_w + w + 3, by - 2), pal.muted_text, num);
        }
        ++rows;
    }
    ImGui::Dummy(ImVec2(label_w + width, std::max(1, rows) * group));
    Legend({{cols[0], "pages (number at the bar)"}, {cols[1], names[1]}, {cols[2], names[2]}}, "incidents:legend:people");
    TextMuted("Night: 22:00\u201307:00, weekend: Saturday and Sunday, each in the person's own zone.");
}

void LevelHistogram(const rp::IncidentReport& r) {
    const Palette& pal = GetPalette();
    const float em = ImGui::GetFontSize();
    std::int64_t maxv = 1;
    for (auto n : r.totals.levels.n) maxv = std::max(maxv, n);
    ImVec2 o = ImGui::GetCursorScreenPos();
    const float pad = em * 1.3f;   // room for the tallest bar's number
    o.y += pad;
    const float h = em * 6, col_w = em * 5.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int l = 0; l < 5; ++l) {
        float bh = h * float(double(r.totals.levels.n[l]) / double(maxv));
        float x = o.x + l * col_w;
        dl->AddRectFilled(ImVec2(x + em * 0.5f, o.y + h - bh), ImVec2(x + col_w - em * 0.5f, o.y + h), l < 2 ? pal.primary : pal.error_text);
        char num[32];
        std::snprintf(num, sizeof num, "%lld", (long long)r.totals.levels.n[l]);
        dl->AddText(ImVec2(x + em * 0.5f, o.y + h - bh - em - 1), pal.muted_text, num);
        dl->AddText(ImVec2(x + em * 0.5f, o.y + h + 2), ImGui::GetColorU32(ImGuiCol_Text), kLevelNames[l]);
    }
    ImGui::Dummy(ImVec2(col_w * 5, pad + h + em * 1.4f));
    Legend({{pal.primary, "stopped at primary or secondary"}, {pal.error_text, "escalated to the contact, CTO or CEO"}},
           "incidents:legend:levels");
    TextMuted("Incidents by the highest level they paged.");
}

void WeekChart(const rp::IncidentReport& r) {
    const Palette& pal = GetPalette();
    const float em = ImGui::GetFontSize();
    ImVec2 o = ImGui::GetCursorScreenPos();
    const float pad = em * 1.3f;   // the "max" line above the bars
    o.y += pad;
    float width = std::max(150.0f, ImGui::GetContentRegionAvail().x - em), h = em * 6;
    std::int64_t maxv = 1;
    for (const auto& w : r.per_week) maxv = std::max(maxv, w.pages);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int n = (int)r.per_week.size();
    dl->AddLine(ImVec2(o.x, o.y + h), ImVec2(o.x + width, o.y + h), pal.muted_text);
    if (n > 0) {
        float bw = width / n;
        for (int i = 0; i < n; ++i) {
            const auto& w = r.per_week[i];
            float bh = h * float(double(w.pages) / double(maxv));
            float nh = h * float(double(w.night_pages) / double(maxv));
            dl->AddRectFilled(ImVec2(o.x + i * bw + 1, o.y + h - bh), ImVec2(o.x + (i + 1) * bw - 1, o.y + h), pal.primary);
            dl->AddRectFilled(ImVec2(o.x + i * bw + 1, o.y + h - nh), ImVec2(o.x + (i + 1) * bw - 1, o.y + h), pal.secondary);
        }
        dl->AddText(ImVec2(o.x, o.y + h + 2), pal.muted_text, rp::formatDate(r.per_week.front().week).c_str());
        std::string last = rp::formatDate(r.per_week.back().week);
        dl->AddText(ImVec2(o.x + width - ImGui::CalcTextSize(last.c_str()).x, o.y + h + 2), pal.muted_text, last.c_str());
        char top[48];
        std::snprintf(top, sizeof top, "max %lld pages", (long long)maxv);
        dl->AddText(ImVec2(o.x + 2, o.y - pad), pal.muted_text, top);
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y - pad));
    ImGui::Dummy(ImVec2(width, pad + h + em * 1.4f));
    if (ImGui::IsItemHovered() && n > 0) {
        int i = std::clamp(int((ImGui::GetIO().MousePos.x - o.x) / (width / n)), 0, n - 1);
        const auto& w = r.per_week[i];
        ImGui::SetTooltip("Week of %s\n%lld incidents, %lld pages (%lld at night, %lld on weekends), %lld escalated",
                          rp::formatDate(w.week).c_str(), (long long)w.incidents, (long long)w.pages,
                          (long long)w.night_pages, (long long)w.weekend_pages, (long long)w.escalated);
    }
    Legend({{pal.primary, "pages per week"}, {pal.secondary, "of them at night"}}, "incidents:legend:weeks");
}

std::string Minutes(const std::optional<std::int64_t>& m) { return m ? std::to_string(*m) + " min" : std::string("—"); }

void PersonTable(const rp::IncidentReport& r, const rp::Plan& plan) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##incpeople", 7, flags)) return;
    for (const char* h : {"Person", "Pages", "Night", "Weekend", "Ack median", "Ack p90", "Escalation rate"})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const auto& p : r.per_person) {
        if (p.pages == 0 && p.skips == 0) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(plan.nameOf(p.person).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", (long long)p.pages);
        ImGui::TableNextColumn();
        ImGui::Text("%lld", (long long)p.night_pages);
        ImGui::TableNextColumn();
        ImGui::Text("%lld", (long long)p.weekend_pages);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Minutes(p.ack_median).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Minutes(p.ack_p90).c_str());
        ImGui::TableNextColumn();
        if (p.incidents > 0) ImGui::Text("%.0f%% of %lld", 100.0 * double(p.escalated) / double(p.incidents), (long long)p.incidents);
        else ImGui::TextUnformatted("—");
    }
    ImGui::EndTable();
}

}  // namespace

void DrawIncidentsWindow(App& app) {
    StepRun(app);
    if (!app.inc_views.incidents) return;
    IncidentsViewState& st = app.inc_views.inc;
    if (!BeginIncidentToolWindow("Incidents", &app.inc_views.incidents, ImVec2(820, 640), ImVec2(0.5f, 0.5f))) {
        ImGui::End();
        return;
    }
    const rp::Plan& plan = app.doc.plan();
    const float em = ImGui::GetFontSize();
    const bool running = st.run != nullptr;
    ImGui::BeginDisabled(running);
    ImGui::SetNextItemWidth(em * 6);
    ImGui::InputInt("Seed", &st.seed);
    Tag("incidents:seed");
    ImGui::SameLine();
    ImGui::Checkbox("Exactly", &st.use_count);
    Tag("incidents:use-count");
    ImGui::SameLine();
    if (st.use_count) {
        ImGui::SetNextItemWidth(em * 7);
        ImGui::InputInt("incidents", &st.count, 100, 1000);
        st.count = std::clamp(st.count, 1, 10'000'000);
        Tag("incidents:count");
    } else {
        ImGui::SetNextItemWidth(em * 10);
        ImGui::SliderFloat("per week", &st.rate, 0.1f, 50.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
        Tag("incidents:rate");
    }
    ImGui::TextUnformatted("Severity mix");
    for (int i = 0; i < 4; ++i) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 7);
        ImGui::SliderFloat(kSev[i], &st.mix[i], 0.0f, 50.0f, "%.0f");
        Tag(std::string("incidents:mix:") + kSev[i]);
    }
    ImGui::EndDisabled();
    if (!running) {
        if (ImGui::Button("Run")) Start(app);
        Tag("incidents:run");
    } else {
        if (ImGui::Button("Cancel")) {
            st.run.reset();
            ShowNotice(app, "Incident simulation cancelled");
        }
        Tag("incidents:cancel");
    }
    if (st.run) {
        ImGui::SameLine();
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%lld incidents", (long long)st.run->processed());
        ImGui::ProgressBar(float(st.run->progress()), ImVec2(-FLT_MIN, 0), overlay);
        Tag("incidents:progress");
    }
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().error_text);
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    if (st.report) {
        const rp::IncidentReport& r = *st.report;
        const auto& t = r.totals;
        ImGui::Text("%lld incidents · %lld pages (%lld at night, %lld on weekends) · %lld skips", (long long)t.incidents,
                    (long long)t.pages, (long long)t.night_pages, (long long)t.weekend_pages, (long long)t.skips);
        Tag("incidents:summary");
        TextMuted("escalation rate %.1f%% · ack median %s, p90 %s%s",
                  t.incidents ? 100.0 * double(t.escalated) / double(t.incidents) : 0.0, Minutes(t.ack_median).c_str(),
                  Minutes(t.ack_p90).c_str(), st.report_revision != app.doc.revision() ? " · the plan changed since: run again" : "");
        ImGui::BeginChild("##charts", ImVec2(0, 0));
        ImGui::SeparatorText("Pages per person");
        PersonBars(r, plan);
        ImGui::SeparatorText("Acknowledgement and escalation per person");
        PersonTable(r, plan);
        ImGui::SeparatorText("Highest level reached");
        LevelHistogram(r);
        ImGui::SeparatorText("Per week");
        WeekChart(r);
        ImGui::EndChild();
        Tag("incidents:charts");
    } else if (!running) {
        TextMuted("Run a simulation to see pages per person and per week.");
    }
    ImGui::End();
}

}  // namespace app
