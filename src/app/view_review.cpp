// The monthly review window (docs/changes.md "The review"): pick an incident log file and a
// month; the figures as charts (incidents by severity, time to acknowledge and to resolve
// against the targets, incidents and night pages per person), the table of misses, and
// the Markdown the CLI writes, to copy or download.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/model/time.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

namespace {

constexpr const char* kPurpose = "incident-log";

std::string MonthOf(const date::time_zone* zone, rp::Instant t) {
    const auto local = t + std::chrono::seconds(rp::offsetSeconds(zone, t));
    return date::format("%Y-%m", date::floor<date::days>(local));
}

std::string Minutes(const std::optional<long long>& seconds) {
    if (!seconds) return "\u2014";
    const double m = static_cast<double>(*seconds) / 60.0;
    char buf[32];
    if (m < 60) std::snprintf(buf, sizeof buf, m < 10 ? "%.1f min" : "%.0f min", m);
    else std::snprintf(buf, sizeof buf, "%.1f h", m / 60.0);
    return buf;
}

// A horizontal bar chart: one row per label, bars for `a` (and `b` beside it, lighter),
// an optional target mark per row; values share one scale.
struct BarRow {
    std::string label;
    double a = 0, b = -1;        // b < 0: none
    double target = -1;          // < 0: none
    std::string a_text, b_text;
};

void BarChart(const char* id, const std::vector<BarRow>& rows, ImU32 color_a, ImU32 color_b, const char* legend_a,
              const char* legend_b) {
    const float em = ImGui::GetFontSize();
    const float row_h = em * (legend_b ? 2.3f : 1.5f);
    const float label_w = em * 7.5f, text_w = em * 11.0f;   // room for "34 min  (worst 34 min)"
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = row_h * rows.size() + em * 1.6f;
    ImGui::BeginChild(id, ImVec2(width, height), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    double top = 0;
    for (const BarRow& r : rows) top = std::max({top, r.a, r.b, r.target * 1.15});
    if (top <= 0) top = 1;
    const float x0 = o.x + label_w, x1 = o.x + width - text_w;
    auto X = [&](double v) { return x0 + float(v / top) * (x1 - x0); };
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = GetPalette().muted_text;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const BarRow& r = rows[k];
        const float y = o.y + row_h * k;
        dl->AddText(ImVec2(o.x, y + (row_h - em) / 2), text, r.label.c_str());
        const float h = legend_b ? row_h * 0.38f : row_h * 0.62f;
        const float ya = y + (legend_b ? row_h * 0.1f : (row_h - h) / 2);
        dl->AddRectFilled(ImVec2(x0, ya), ImVec2(std::max(X(r.a), x0 + 1), ya + h), color_a, 2.0f);
        dl->AddText(ImVec2(std::max(X(r.a), x0 + 1) + 4, ya + (h - em) / 2), text, r.a_text.c_str());
        if (legend_b && r.b >= 0) {
            const float yb = ya + h + row_h * 0.06f;
            dl->AddRectFilled(ImVec2(x0, yb), ImVec2(std::max(X(r.b), x0 + 1), yb + h), color_b, 2.0f);
            dl->AddText(ImVec2(std::max(X(r.b), x0 + 1) + 4, yb + (h - em) / 2), muted, r.b_text.c_str());
        }
        if (r.target >= 0) {
            const float xt = X(r.target);
            dl->AddLine(ImVec2(xt, y + 2), ImVec2(xt, y + row_h - 2), GetPalette().error_text, 2.0f);
        }
    }
    // Legend.
    const float ly = o.y + row_h * rows.size() + em * 0.2f;
    float lx = x0;
    dl->AddRectFilled(ImVec2(lx, ly + em * 0.2f), ImVec2(lx + em, ly + em * 0.9f), color_a, 2.0f);
    dl->AddText(ImVec2(lx + em * 1.3f, ly), muted, legend_a);
    lx += em * 1.3f + ImGui::CalcTextSize(legend_a).x + em;
    if (legend_b) {
        dl->AddRectFilled(ImVec2(lx, ly + em * 0.2f), ImVec2(lx + em, ly + em * 0.9f), color_b, 2.0f);
        dl->AddText(ImVec2(lx + em * 1.3f, ly), muted, legend_b);
        lx += em * 1.3f + ImGui::CalcTextSize(legend_b).x + em;
    }
    bool any_target = false;
    for (const BarRow& r : rows) any_target = any_target || r.target >= 0;
    if (any_target) {
        dl->AddLine(ImVec2(lx + em * 0.5f, ly), ImVec2(lx + em * 0.5f, ly + em), GetPalette().error_text, 2.0f);
        dl->AddText(ImVec2(lx + em * 1.1f, ly), muted, "target");
    }
    ImGui::Dummy(ImVec2(width, height));
    ImGui::EndChild();
    Tag(std::string("review:chart:") + id);
}

ImU32 WithAlpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | ((ImU32)alpha << IM_COL32_A_SHIFT); }

void Recompute(App& app) {
    ReviewViewState& st = app.chg.review;
    if (!st.log || st.month.empty()) return;
    const std::string key = st.month + "|" + std::to_string(app.doc.revision()) + "|" + st.file_name;
    if (key == st.key) return;
    st.key = key;
    st.review.reset();
    st.markdown.clear();
    const auto ym = rp::parseMonth(st.month);
    if (!ym) return;
    try {
        st.review = rp::reviewMonth(app.doc.plan(), *st.log, ym->first, ym->second);
        st.markdown = rp::reviewToMarkdown(app.doc.plan(), *st.review);
    } catch (const std::exception& e) {
        st.error = std::string("The review could not be made: ") + e.what();
    }
}

void Figures(App& app) {
    const ReviewViewState& st = app.chg.review;
    const rp::Plan& plan = app.doc.plan();
    const rp::MonthFigures& f = st.review->month;
    const rp::MonthFigures* p = st.review->previous ? &*st.review->previous : nullptr;
    const Palette& pal = GetPalette();
    ImGui::Text("%d incidents", f.incidents);
    Tag("review:count");
    ImGui::SameLine();
    TextMuted("\u00b7 %d escalated (%s) \u00b7 %d pages at night%s", f.escalated,
              f.incidents ? (std::to_string(static_cast<int>(std::lround(100.0 * f.escalated / f.incidents))) + "%").c_str() : "\u2014",
              f.night_pages, p ? (" \u00b7 previous month: " + std::to_string(p->incidents) + " incidents").c_str() : "");

    ImGui::SeparatorText("Incidents by severity");
    std::vector<BarRow> sev;
    for (std::size_t k = 0; k < 4; ++k) {
        BarRow r;
        r.label = f.severities[k].severity;
        r.a = f.severities[k].incidents;
        r.a_text = std::to_string(f.severities[k].incidents);
        if (p) {
            r.b = p->severities[k].incidents;
            r.b_text = std::to_string(p->severities[k].incidents);
        }
        sev.push_back(r);
    }
    BarChart("severity", sev, pal.primary, WithAlpha(pal.primary, 110), "this month", p ? "previous month" : nullptr);

    for (int which = 0; which < 2; ++which) {
        ImGui::SeparatorText(which == 0 ? "Time to acknowledge (median, 90th percentile)" : "Time to resolve (median, 90th percentile)");
        std::vector<BarRow> rows;
        for (std::size_t k = 0; k < 4; ++k) {
            const rp::SeverityFigures& s = f.severities[k];
            const rp::DurationFigures& d = which == 0 ? s.acknowledge : s.resolve;
            BarRow r;
            r.label = s.severity + (s.business_hours ? " (business)" : "");
            r.a = d.median ? *d.median / 60.0 : 0;
            r.b = d.p90 ? *d.p90 / 60.0 : 0;
            r.target = d.target_minutes;
            r.a_text = Minutes(d.median) + (d.missed ? "  \u00b7 " + std::to_string(d.missed) + " missed" : "");
            r.b_text = Minutes(d.p90) + "  (worst " + Minutes(d.worst) + ")";
            rows.push_back(r);
        }
        BarChart(which == 0 ? "ack" : "resolve", rows, pal.secondary, WithAlpha(pal.secondary, 110), "median",
                 "90th percentile");
    }

    ImGui::SeparatorText("Incidents per person on call");
    std::vector<BarRow> people;
    for (const rp::PersonFigures& pf : f.per_person) {
        BarRow r;
        r.label = plan.nameOf(pf.person);
        r.a = pf.incidents;
        r.b = pf.night_pages;
        r.a_text = std::to_string(pf.incidents) + " incidents";
        r.b_text = std::to_string(pf.night_pages) + " at night";
        people.push_back(r);
    }
    if (people.empty()) TextMuted("Nobody was on call for an incident this month.");
    else BarChart("people", people, pal.shadow, WithAlpha(pal.warning_text, 150), "incidents", "pages at night (own zone)");

    ImGui::SeparatorText("Missed targets");
    if (f.misses.empty()) {
        TextMuted("No incident missed a target.");
    } else if (ImGui::BeginTable("##misses", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Incident");
        ImGui::TableSetupColumn("Opened");
        ImGui::TableSetupColumn("Severity");
        ImGui::TableSetupColumn("On call");
        ImGui::TableSetupColumn("Target / took");
        ImGui::TableHeadersRow();
        const date::time_zone* zone = app.derived.team_zone ? app.derived.team_zone : rp::findZone("UTC");
        int shown = 0;
        for (const rp::ReviewMiss& m : f.misses) {
            if (++shown > 200) break;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(m.id.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(date::format("%a %d %b %H:%M", date::local_seconds{(m.opened + std::chrono::seconds(rp::offsetSeconds(zone, m.opened))).time_since_epoch()}).c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(m.severity.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(m.on_call ? plan.nameOf(*m.on_call).c_str() : "\u2014");
            ImGui::TableSetColumnIndex(4);
            ImGui::Text("%s in %d min: %s", m.target.c_str(), m.target_minutes,
                        m.took ? Minutes(m.took).c_str() : (m.target == "acknowledge" ? "never acknowledged" : "never resolved"));
        }
        ImGui::EndTable();
        if (f.misses.size() > 200) TextMuted("… and %d more (all in the Markdown)", static_cast<int>(f.misses.size()) - 200);
    }
    Tag("review:misses");
}

}  // namespace

bool TakeReviewFile(App& app, const std::string& name, const std::string& text, const std::string& purpose) {
    if (purpose != kPurpose) return false;
    ReviewViewState& st = app.chg.review;
    app.chg.show_review = true;
    st = ReviewViewState();
    st.file_name = name;
    auto log = rp::readIncidentLog(app.doc.plan(), text);
    if (const auto* e = std::get_if<std::string>(&log)) {
        st.error = name + ": " + *e;
        return true;
    }
    st.log = std::move(std::get<std::vector<rp::LoggedIncident>>(log));
    const date::time_zone* zone = app.derived.team_zone ? app.derived.team_zone : rp::findZone("UTC");
    for (const rp::LoggedIncident& i : *st.log) st.months.push_back(MonthOf(zone, i.opened));
    std::sort(st.months.begin(), st.months.end());
    st.months.erase(std::unique(st.months.begin(), st.months.end()), st.months.end());
    std::reverse(st.months.begin(), st.months.end());
    // The newest month that is over, else the newest.
    const std::string current = date::format("%Y-%m", PageToday(app));
    for (const std::string& m : st.months)
        if (m < current) {
            st.month = m;
            break;
        }
    if (st.month.empty() && !st.months.empty()) st.month = st.months.front();
    ShowNotice(app, "Read " + Count(static_cast<int>(st.log->size()), "incident", "incidents") + " from " + name);
    return true;
}

void DrawReviewWindow(App& app) {
    ReviewViewState& st = app.chg.review;
    if (!BeginIncidentToolWindow("Monthly review", &app.chg.show_review, ImVec2(860, 760), ImVec2(0.5f, 0.5f))) {
        ImGui::End();
        return;
    }
    TagRect("window:review", ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    if (ImGui::Button("Open incident log\u2026")) platform::OpenFilePickerFor(".csv,.json,text/csv,application/json", kPurpose);
    Tag("review:open");
    ImGui::SetItemTooltip("CSV with a header row, or JSON: opened, acknowledged, resolved, severity, escalated_to");
    ImGui::SameLine();
    if (st.log) TextMuted("%s \u00b7 %s", st.file_name.c_str(), Count(static_cast<int>(st.log->size()), "incident", "incidents").c_str());
    else TextMuted("No log open");
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
        Tag("review:error");
    }
    if (st.log && !st.months.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Month");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (ImGui::BeginCombo("##reviewmonth", st.month.c_str())) {
            for (const std::string& m : st.months) {
                if (ImGui::Selectable(m.c_str(), m == st.month)) st.month = m;
                Tag("review:month:" + m);
            }
            ImGui::EndCombo();
        }
        Tag("review:month");
        Recompute(app);
        ImGui::SameLine();
        ImGui::BeginDisabled(st.markdown.empty());
        if (ImGui::Button("Download as Markdown")) {
            platform::DownloadText("on-call-review-" + st.month + ".md", "text/markdown", st.markdown);
            ShowNotice(app, "Downloaded the review of " + st.month);
        }
        Tag("review:download");
        ImGui::SameLine();
        if (ImGui::Button("Copy")) {
            platform::ClipboardSet(st.markdown);
            ShowNotice(app, "Copied the review of " + st.month + " (Markdown)");
        }
        Tag("review:copy");
        ImGui::EndDisabled();
    } else if (st.log) {
        TextMuted("The log has no incidents.");
    } else {
        ImGui::TextWrapped("The review the procedure asks for each month: incidents by severity, time to acknowledge and "
                           "to resolve against each severity's targets, escalation rate, incidents and pages at night per "
                           "person on call, and the incidents that missed a target, beside the month before.");
    }
    if (st.review) {
        ImGui::BeginChild("##reviewbody", ImVec2(0, 0));
        Figures(app);
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace app
