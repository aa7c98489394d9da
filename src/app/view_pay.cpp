// The pay window: the compensation report (pay.hpp) per person and month, from the
// incidents of the last incident run, with a CSV download through the platform seam.
#include <cctype>
#include <cfloat>

#include "imgui.h"

#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

namespace {

void Row(const rp::Plan& plan, const rp::PayRow& r, const std::string& first) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(first.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.person.empty() ? "all" : plan.nameOf(r.person).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld / %lld", (long long)r.primary_weeks, (long long)r.secondary_weeks);
    ImGui::TableNextColumn();
    ImGui::Text("%lld", (long long)r.weekends);
    ImGui::TableNextColumn();
    ImGui::Text("%lld (%lld P0)", (long long)r.incidents, (long long)r.p0_incidents);
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", r.base);
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", r.incident_pay);
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", r.weekend_pay);
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", r.total);
    ImGui::TableNextColumn();
    ImGui::Text("%.1f / %.1f", r.rest_hours, r.comp_hours);
}

}  // namespace

void DrawPayWindow(App& app) {
    PayViewState& st = app.inc_views.pay_view;
    const IncidentsViewState& inc = app.inc_views.inc;
    const rp::Plan& plan = app.doc.plan();
    if (inc.report && st.from != &*inc.report) {
        st.from = &*inc.report;
        st.pay.reset();
        st.error.clear();
        try {
            auto r = rp::computePay(plan, *inc.report);
            if (auto* e = std::get_if<std::string>(&r)) st.error = *e;
            else st.pay = std::get<rp::PayReport>(std::move(r));
        } catch (const std::exception& e) {
            st.error = e.what();
        }
    }
    if (!BeginIncidentToolWindow("Pay", &app.inc_views.pay, ImVec2(860, 460), ImVec2(0.5f, 0.6f))) {
        ImGui::End();
        return;
    }
    if (!inc.report) {
        TextMuted("Pay counts the incidents of the last incident run: run one first.");
        if (ImGui::Button("Open the incident window")) app.inc_views.incidents = true;
        Tag("pay:open-incidents");
    } else if (inc.report->outcomes.empty() && inc.report->totals.incidents > 0) {
        // A run larger than the page keeps incidents for (kPageKeptOutcomes): no pay from it.
        auto grouped = [](long long n) {   // 300,000
            std::string s = std::to_string(n);
            for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
            return s;
        };
        ImGui::TextWrapped("Pay counts each incident, and the last run had %s: more than the page keeps for it (%s). "
                           "Run at most %s incidents for pay here, or use rotaplan pay for larger runs.",
                           grouped(inc.report->totals.incidents).c_str(), grouped(kPageKeptOutcomes).c_str(),
                           grouped(kPageKeptOutcomes).c_str());
        Tag("pay:too-many");
    } else if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().error_text);
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
    } else if (st.pay) {
        const rp::PayReport& p = *st.pay;
        if (ImGui::Button("Download CSV")) {
            std::string name = plan.team_name.empty() ? std::string("rotaplan") : plan.team_name;
            for (char& c : name) c = std::isalnum((unsigned char)c) ? (char)std::tolower((unsigned char)c) : '-';
            platform::DownloadText(name + "-pay.csv", "text/csv", rp::payToCsv(plan, p));
            ShowNotice(app, "Downloaded the pay report");
        }
        Tag("pay:download");
        ImGui::SameLine();
        TextMuted("%lld incidents from the last run · amounts in %s · rest/comp in hours", (long long)p.incidents,
                  p.currency.empty() ? "the plan's currency" : p.currency.c_str());
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##pay", 10, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            for (const char* h : {"Month", "Person", "Weeks P/S", "Weekends", "Incidents", "Base", "Incident pay",
                                  "Weekend pay", "Total", "Rest/comp h"})
                ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            Tag("pay:table");
            for (const rp::PayRow& r : p.months) Row(plan, r, r.month);
            for (const rp::PayRow& r : p.per_person) Row(plan, r, "total");
            Row(plan, p.totals, "total");
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace app
