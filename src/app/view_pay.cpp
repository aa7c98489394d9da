// The pay window: the plan's compensation (a form: currency, weekly rates, per incident,
// weekend extra, rest and comp hours; each change one undoable step, every field
// validated) and the compensation report (pay.hpp) per person and month. Without an
// incident run the report holds base and weekend pay only (as `rotaplan pay` without
// --incidents); with one, its incidents too. "Download CSV" goes through the platform seam.
//
// [SECTION] report rows
// [SECTION] compensation form
// [SECTION] window
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

constexpr double kMaxMoney = 1e9;     // per week, incident or weekend
constexpr double kMaxHours = 1000;    // rest or comp hours

// [SECTION] report rows ------------------------------------------------------------------------

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

// [SECTION] compensation form ------------------------------------------------------------------

// One labelled number of the form; the error line names the field while its text is wrong.
void NumberField(App& app, const char* label, const char* id, double rp::Compensation::*field, double max_value,
                 const std::string& unit, std::string* error) {
    const rp::Compensation& c = *app.doc.plan().compensation;
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(em * 11);
    ImGui::SetNextItemWidth(em * 7);
    bool bad = false;
    InputDecimal(
        app, (std::string("##") + id).c_str(), c.*field,
        [field](rp::Plan& p, double v) {
            if (p.compensation) (*p.compensation).*field = v;
        },
        std::string("Set the compensation's ") + label, max_value, &bad);
    Tag(std::string("pay:comp:") + id);
    ImGui::SameLine();
    TextMuted("%s", unit.c_str());
    if (bad)
        *error = std::string(label) + ": type a number from 0 to " + FormatDecimal(max_value) +
                 " (digits and one decimal point, such as 500 or 12.50). Leaving the field keeps " +
                 FormatDecimal(c.*field) + ".";
}

void CompensationForm(App& app) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    if (!plan.compensation) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted("The plan has no compensation: what the rotation pays per week, per incident and per "
                               "weekend. Add it to see the pay report.");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Add compensation")) {
            Edit(app, "Add compensation", [](rp::Plan& p) {
                if (!p.compensation) p.compensation = rp::Compensation();
            });
        }
        Tag("pay:comp:add");
        return;
    }
    const rp::Compensation& c = *plan.compensation;
    const std::string cur = c.currency.value_or("");
    const std::string money = cur.empty() ? std::string("(amount)") : cur;
    std::string error;
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Currency");
    ImGui::SameLine(em * 11);
    ImGui::SetNextItemWidth(em * 7);
    bool bad_currency = false;
    InputCurrency(
        app, "##currency", c.currency,
        [](rp::Plan& p, std::optional<std::string> v) {
            if (p.compensation) p.compensation->currency = std::move(v);
        },
        "Set the compensation's currency", &bad_currency);
    Tag("pay:comp:currency");
    ImGui::SameLine();
    TextMuted("ISO 4217 code (USD, EUR); empty: none");
    if (bad_currency) error = "Currency: three letters such as USD, EUR or GBP, or empty.";
    using C = rp::Compensation;
    NumberField(app, "Primary", "primary-weekly", &C::primary_weekly, kMaxMoney, money + " per week", &error);
    NumberField(app, "Secondary", "secondary-weekly", &C::secondary_weekly, kMaxMoney, money + " per week", &error);
    NumberField(app, "Per incident", "per-incident", &C::per_incident, kMaxMoney, money + " per incident handled", &error);
    NumberField(app, "Weekend extra", "weekend", &C::weekend, kMaxMoney, money + " per weekend as primary", &error);
    NumberField(app, "Rest after a P0", "p0-rest-hours", &C::p0_rest_hours, kMaxHours, "hours per P0 responded to", &error);
    NumberField(app, "Weekend comp", "weekend-comp-hours", &C::weekend_comp_hours, kMaxHours, "hours per weekend as primary",
                &error);
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error_text));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        Tag("pay:comp:error");
        TagText("pay:comp:error", error);
    }
    if (ImGui::SmallButton("Remove compensation")) Edit(app, "Remove compensation", [](rp::Plan& p) { p.compensation.reset(); });
    Tag("pay:comp:remove");
    ImGui::SameLine();
    TextMuted("Each change is one step: Ctrl+Z undoes it.");
}

}  // namespace

// [SECTION] window ---------------------------------------------------------------------------------

void DrawPayWindow(App& app) {
    PayViewState& st = app.inc_views.pay_view;
    const IncidentsViewState& inc = app.inc_views.inc;
    const rp::Plan& plan = app.doc.plan();
    // Follows the plan (the form above edits it) and the last incident run.
    static const rp::IncidentReport kNoIncidents = [] {
        rp::IncidentReport r;
        r.simulated = false;
        return r;
    }();
    const rp::IncidentReport* from = inc.report ? &*inc.report : &kNoIncidents;
    if (st.from != from || st.revision != app.doc.revision()) {
        st.from = from;
        st.revision = app.doc.revision();
        st.pay.reset();
        st.error.clear();
        if (plan.compensation) {
            try {
                auto r = rp::computePay(plan, *from);
                if (auto* e = std::get_if<std::string>(&r)) st.error = *e;
                else st.pay = std::get<rp::PayReport>(std::move(r));
            } catch (const std::exception& e) {
                st.error = e.what();
            }
        }
    }
    if (!BeginIncidentToolWindow("Pay", &app.inc_views.pay, ImVec2(900, 600), ImVec2(0.5f, 0.6f))) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemOpen(!plan.compensation, ImGuiCond_Appearing);
    const bool form_open = ImGui::CollapsingHeader("Compensation");
    Tag("pay:comp");
    if (form_open) CompensationForm(app);
    if (!plan.compensation) {
        ImGui::End();
        return;
    }
    ImGui::Separator();
    if (!inc.report) {
        TextMuted("Base and weekend pay only: run the incident simulation to add per-incident pay and rest hours.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Open the incident window")) app.inc_views.incidents = true;
        Tag("pay:open-incidents");
    }
    if (!st.error.empty()) {
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
        const std::string summary = (inc.report ? Count((int)p.incidents, "incident", "incidents") + " from the last run"
                                                : std::string("no incidents")) +
                                    " \u00b7 amounts in " + (p.currency.empty() ? std::string("no currency given") : p.currency) +
                                    " \u00b7 rest/comp in hours";
        TextMuted("%s", summary.c_str());
        Tag("pay:summary");
        TagText("pay:summary", summary);
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##pay", 10, flags, ImVec2(0, std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y)))) {
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
