// The Requests window: the plan's change requests with their status, a form to add a
// swap or a cover, and the simulation of the selected one (rules.md "Simulating a
// change request") with Approve (applies it) and Reject. Every change is one undo step.
#include <algorithm>
#include <cctype>
#include <cfloat>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/rules/check.hpp"
#include "core/rules/simulate.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

const rp::Role kRoles[] = {rp::Role::Primary, rp::Role::Secondary, rp::Role::Shadow};

ImVec4 Col(unsigned int c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImVec4 StatusColour(rp::RequestStatus s) {
    const Palette& pal = GetPalette();
    switch (s) {
    case rp::RequestStatus::Pending: return Col(pal.warning_text);
    case rp::RequestStatus::Approved: return Col(pal.primary);
    case rp::RequestStatus::Applied: return Col(pal.ok_text);
    case rp::RequestStatus::Rejected: return Col(pal.error_text);
    }
    return Col(pal.muted_text);
}

rp::Date TodayIn(const date::time_zone* zone) {
    auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (!zone) return date::floor<date::days>(now);
    return rp::Date{date::floor<date::days>(zone->to_local(now)).time_since_epoch()};
}

// r<N>, one more than the largest r<N> in use (and unused).
std::string NextRequestId(const rp::Plan& plan) {
    long best = 0;
    for (const rp::Request& r : plan.requests) {
        if (r.id.size() < 2 || r.id[0] != 'r' || r.id.size() > 10) continue;
        if (!std::all_of(r.id.begin() + 1, r.id.end(), [](char c) { return std::isdigit((unsigned char)c); })) continue;
        best = std::max(best, std::stol(r.id.substr(1)));
    }
    for (long n = best + 1;; ++n) {
        std::string id = "r" + std::to_string(n);
        if (std::none_of(plan.requests.begin(), plan.requests.end(), [&](const rp::Request& r) { return r.id == id; }))
            return id;
    }
}

const rp::Request* FindRequest(const rp::Plan& plan, const std::string& id) {
    for (const rp::Request& r : plan.requests)
        if (r.id == id) return &r;
    return nullptr;
}

bool WeekCombo(const rp::Plan& plan, const char* label, int* index) {
    std::string preview = *index >= 0 && *index < (int)plan.weeks.size() ? rp::formatDate(plan.weeks[*index].start)
                                                                          : std::string("—");
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo(label, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (int i = 0; i < (int)plan.weeks.size(); ++i) {
            std::string d = rp::formatDate(plan.weeks[i].start);
            if (ImGui::Selectable(d.c_str(), i == *index)) {
                *index = i;
                changed = true;
            }
            Tag("pick:week:" + d);
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool RoleCombo(const char* label, int* role) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    bool changed = false;
    if (ImGui::BeginCombo(label, rp::roleName(kRoles[*role]))) {
        for (int i = 0; i < 3; ++i) {
            if (ImGui::Selectable(rp::roleName(kRoles[i]), i == *role)) {
                *role = i;
                changed = true;
            }
            Tag(std::string("pick:role:") + rp::roleName(kRoles[i]));
        }
        ImGui::EndCombo();
    }
    return changed;
}

void Label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(ImGui::GetFontSize() * 6.5f);
}

// The form to add a request; the request is one undoable edit.
void NewRequestForm(App& app) {
    RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    if (st.form_submitted.empty()) st.form_submitted = rp::formatDate(TodayIn(app.derived.team_zone));
    ImGui::SeparatorText("New request");
    Label("Type");
    if (ImGui::RadioButton("Swap", st.form_type == 0)) st.form_type = 0;
    Tag("requests:form:swap");
    ImGui::SameLine();
    if (ImGui::RadioButton("Cover", st.form_type == 1)) st.form_type = 1;
    Tag("requests:form:cover");

    std::optional<std::string> chosen;
    Label("By");
    if (PersonCombo(app, "##by", st.form_by.empty() ? std::nullopt : std::optional<std::string>(st.form_by), &chosen,
                    false, ImGui::GetFontSize() * 10))
        st.form_by = chosen.value_or("");
    Tag("requests:form:by");
    ImGui::SameLine();
    WeekCombo(plan, "##week", &st.form_week);
    Tag("requests:form:week");
    ImGui::SameLine();
    RoleCombo("##role", &st.form_role);
    Tag("requests:form:role");
    // Filling "by" from the week's holder is a convenience.
    Label("With");
    if (PersonCombo(app, "##with", st.form_with.empty() ? std::nullopt : std::optional<std::string>(st.form_with),
                    &chosen, false, ImGui::GetFontSize() * 10))
        st.form_with = chosen.value_or("");
    Tag("requests:form:with");
    if (st.form_type == 0) {
        ImGui::SameLine();
        WeekCombo(plan, "##withweek", &st.form_with_week);
        Tag("requests:form:with-week");
        ImGui::SameLine();
        RoleCombo("##withrole", &st.form_with_role);
        Tag("requests:form:with-role");
    }
    Label("Submitted");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint("##submitted", "YYYY-MM-DD", &st.form_submitted);
    Tag("requests:form:submitted");
    ImGui::SameLine();
    ImGui::Checkbox("Emergency", &st.form_emergency);
    Tag("requests:form:emergency");

    // Why the request cannot be added yet.
    std::string why;
    auto submitted = rp::parseDate(st.form_submitted);
    if (st.form_by.empty()) why = "Pick who asks (By).";
    else if (st.form_week < 0 || st.form_week >= (int)plan.weeks.size()) why = "Pick the week.";
    else if (st.form_with.empty()) why = "Pick who takes over (With).";
    else if (st.form_with == st.form_by) why = "By and With must be different people.";
    else if (st.form_type == 0 && (st.form_with_week < 0 || st.form_with_week >= (int)plan.weeks.size()))
        why = "Pick the week By takes in return.";
    else if (!submitted) why = "Submitted must be a date YYYY-MM-DD.";

    ImGui::BeginDisabled(!why.empty());
    bool create = ImGui::Button("Add request");
    ImGui::EndDisabled();
    Tag("requests:form:create");
    if (!why.empty()) ImGui::SetItemTooltip("%s", why.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) st.form_open = false;
    Tag("requests:form:cancel");
    if (!create || !why.empty()) return;

    rp::Request r;
    r.id = NextRequestId(plan);
    r.type = st.form_type == 0 ? rp::RequestType::Swap : rp::RequestType::Cover;
    r.submitted = *submitted;
    r.by = st.form_by;
    r.with = st.form_with;
    r.week = plan.weeks[st.form_week].start;
    r.role = kRoles[st.form_role];
    if (st.form_type == 0) {
        r.with_week = plan.weeks[st.form_with_week].start;
        if (st.form_with_role != st.form_role) r.with_role = kRoles[st.form_with_role];
    }
    r.emergency = st.form_emergency;
    Edit(app, "Add request " + r.id + " (" + rp::requestTypeName(r.type) + " by " + plan.nameOf(r.by) + ")",
         [r](rp::Plan& p) { p.requests.push_back(r); });
    st.selected = r.id;
    st.simulation.reset();
    st.form_open = false;
    ShowNotice(app, "Added request " + r.id);
}

void ViolationLines(const std::vector<rp::Violation>& list, const char* none) {
    const Palette& pal = GetPalette();
    if (list.empty()) {
        TextMuted("%s", none);
        return;
    }
    for (const rp::Violation& v : list) {
        bool err = v.severity == rp::Severity::Error;
        ImGui::PushStyleColor(ImGuiCol_Text, Col(err ? pal.error_text : pal.warning_text));
        ImGui::Bullet();
        ImGui::TextUnformatted(err ? "Error" : "Warning");
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", v.rule.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", v.message.c_str());
    }
}

void SimulationPanel(App& app, const rp::Request& r) {
    RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    if (!st.simulation || st.simulation->request != r.id || st.sim_revision != app.doc.revision()) {
        st.simulation = rp::simulate(plan, r);
        st.sim_revision = app.doc.revision();
    }
    const rp::Simulation& sim = *st.simulation;
    ImGui::SeparatorText(("Simulation of " + r.id).c_str());
    bool approve = sim.verdict == rp::Verdict::Approve;
    ImGui::PushStyleColor(ImGuiCol_Text, Col(approve ? pal.ok_text : pal.error_text));
    ImGui::Text("Verdict: %s", approve ? "approve" : "reject");
    ImGui::PopStyleColor();
    Tag("requests:verdict");
    Tag(std::string("requests:verdict:") + (approve ? "approve" : "reject"));
    ImGui::SameLine();
    TextMuted("  notice: %d days (%d required)", sim.notice_days, plan.policy.change_notice_days);
    Tag("requests:notice");
    for (const std::string& reason : sim.reasons) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", reason.c_str());
    }
    ImGui::TextUnformatted("Changes");
    if (sim.changes.empty()) TextMuted("  (none: the request does not match the plan)");
    for (const rp::Change& c : sim.changes) {
        std::string from = c.from ? plan.nameOf(*c.from) : std::string("nobody");
        std::string to = c.to ? plan.nameOf(*c.to) : std::string("nobody");
        ImGui::BulletText("%s %s: %s \u2192 %s", rp::formatDate(c.week).c_str(), rp::roleName(c.role), from.c_str(),
                          to.c_str());
    }
    ImGui::TextUnformatted("Introduced");
    ImGui::Indent();
    ViolationLines(sim.introduced, "nothing new");
    ImGui::Unindent();
    ImGui::TextUnformatted("Resolved");
    ImGui::Indent();
    ViolationLines(sim.resolved, "nothing");
    ImGui::Unindent();
}

void Actions(App& app, const rp::Request& r) {
    RequestsState& st = app.req;
    const bool closed = r.status == rp::RequestStatus::Applied || r.status == rp::RequestStatus::Rejected;
    const std::string mismatch = closed ? std::string() : rp::requestMismatch(app.doc.plan(), r);
    if (ImGui::Button("Simulate")) {
        st.simulation = rp::simulate(app.doc.plan(), r);
        st.sim_revision = app.doc.revision();
    }
    Tag("requests:simulate");
    ImGui::SameLine();

    std::string no_approve;
    if (r.status == rp::RequestStatus::Applied) no_approve = "Already applied.";
    else if (r.status == rp::RequestStatus::Rejected) no_approve = "This request was rejected.";
    else if (!mismatch.empty()) no_approve = "It does not match the plan: " + mismatch;
    ImGui::BeginDisabled(!no_approve.empty());
    bool approve = ImGui::Button("Approve");
    ImGui::EndDisabled();
    Tag("requests:approve");
    if (!no_approve.empty()) ImGui::SetItemTooltip("%s", no_approve.c_str());
    else if (st.simulation && st.simulation->request == r.id && st.simulation->verdict == rp::Verdict::Reject)
        ImGui::SetItemTooltip("The simulation says reject; approving applies the request anyway.");
    else ImGui::SetItemTooltip("Apply the request to the rotation (undoable)");
    ImGui::SameLine();
    std::string no_reject;
    if (r.status == rp::RequestStatus::Applied) no_reject = "Already applied: undo the approval instead.";
    else if (r.status == rp::RequestStatus::Rejected) no_reject = "Already rejected.";
    ImGui::BeginDisabled(!no_reject.empty());
    bool reject = ImGui::Button("Reject");
    ImGui::EndDisabled();
    Tag("requests:reject");
    if (!no_reject.empty()) ImGui::SetItemTooltip("%s", no_reject.c_str());

    const std::string id = r.id;
    if (approve && no_approve.empty()) {
        Edit(app, "Approve request " + id, [id](rp::Plan& p) {
            for (const rp::Request& req : p.requests) {
                if (req.id != id) continue;
                rp::AppliedRequest applied = rp::applyRequest(p, req);
                p = std::move(applied.plan);
                break;
            }
            for (rp::Request& req : p.requests)
                if (req.id == id) req.status = rp::RequestStatus::Applied;
        });
        ShowNotice(app, "Applied request " + id);
    }
    if (reject && no_reject.empty()) {
        Edit(app, "Reject request " + id, [id](rp::Plan& p) {
            for (rp::Request& req : p.requests)
                if (req.id == id) req.status = rp::RequestStatus::Rejected;
        });
        ShowNotice(app, "Rejected request " + id);
    }
}

}  // namespace

void DrawRequestsWindow(App& app) {
    RequestsState& st = app.req;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 40), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(820.0f, vp->WorkSize.x - 40), std::min(640.0f, vp->WorkSize.y - 80)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Requests", &st.show_requests, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    Tag("window:Requests");
    const rp::Plan& plan = app.doc.plan();
    if (ImGui::Button("+ New request")) {
        st.form_open = true;
        st.form_submitted.clear();
    }
    Tag("requests:new");
    ImGui::SameLine();
    TextMuted("%s", Count((int)plan.requests.size(), "request", "requests").c_str());

    if (st.form_open) NewRequestForm(app);

    if (plan.requests.empty()) {
        TextMuted("No requests in this plan.");
    } else if (ImGui::BeginTable("##requests", 8,
                                 ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_SizingFixedFit,
                                 ImVec2(0, std::min(ImGui::GetFrameHeightWithSpacing() * (plan.requests.size() + 1.5f),
                                                    ImGui::GetFontSize() * 14)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (const char* h : {"Id", "Status", "Type", "By", "With", "Week", "Role", "Submitted"})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const rp::Request& r : plan.requests) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(r.id.c_str());
            if (ImGui::Selectable(r.id.c_str(), st.selected == r.id, ImGuiSelectableFlags_SpanAllColumns)) {
                st.selected = r.id;
                st.simulation.reset();
            }
            Tag("request:" + r.id);
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            ImGui::TextColored(StatusColour(r.status), "%s", rp::requestStatusName(r.status));
            ImGui::TableSetColumnIndex(2);
            ImGui::Text("%s%s", rp::requestTypeName(r.type), r.emergency ? " (emergency)" : "");
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(plan.nameOf(r.by).c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(plan.nameOf(r.with).c_str());
            ImGui::TableSetColumnIndex(5);
            if (r.type == rp::RequestType::Swap && rp::requestWithWeek(r) != r.week)
                ImGui::Text("%s \u21c4 %s", rp::formatDate(r.week).c_str(), rp::formatDate(rp::requestWithWeek(r)).c_str());
            else
                ImGui::TextUnformatted(rp::formatDate(r.week).c_str());
            ImGui::TableSetColumnIndex(6);
            ImGui::TextUnformatted(rp::roleName(r.role));
            ImGui::TableSetColumnIndex(7);
            ImGui::TextUnformatted(rp::formatDate(r.submitted).c_str());
        }
        ImGui::EndTable();
    }

    if (const rp::Request* r = FindRequest(plan, st.selected)) {
        ImGui::Separator();
        ImGui::Text("%s: %s by %s", r->id.c_str(), rp::requestTypeName(r->type), plan.nameOf(r->by).c_str());
        ImGui::SameLine();
        ImGui::TextColored(StatusColour(r->status), "[%s]", rp::requestStatusName(r->status));
        const rp::Request copy = *r;   // the actions may queue edits; keep our own copy
        Actions(app, copy);
        SimulationPanel(app, copy);
    } else {
        TextMuted("Select a request to simulate, approve or reject it.");
    }
    ImGui::End();
}

}  // namespace app
