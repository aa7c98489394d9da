// The Requests window: the plan's change requests with their status, and for the selected
// one either its simulation (rules.md "Simulating a change request") with Approve and
// Reject, or, once decided, what was done and when. Approving over a reject verdict asks
// first. The new-request form is its own small window ("Request a change"), opened from
// here or from a role cell. Every change is one undo step.
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <chrono>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/rules/check.hpp"
#include "core/rules/simulate.hpp"
#include "core/model/time.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

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

// One duty a person holds: a week and a role (primary or secondary, what a request names).
struct Duty {
    rp::Date week;
    rp::Role role;
};

// `person`'s duties, in week order; weeks already over only with `past`.
std::vector<Duty> DutiesOf(const rp::Plan& plan, const std::string& person, rp::Date today, bool past) {
    std::vector<Duty> out;
    if (person.empty()) return out;
    for (const rp::Week& w : plan.weeks) {
        if (!past && w.start + date::days{7} <= today) continue;
        if (w.primary && *w.primary == person) out.push_back({w.start, rp::Role::Primary});
        if (w.secondary && *w.secondary == person) out.push_back({w.start, rp::Role::Secondary});
    }
    std::stable_sort(out.begin(), out.end(), [](const Duty& a, const Duty& b) { return a.week < b.week; });
    return out;
}

bool Holds(const std::vector<Duty>& duties, const std::optional<rp::Date>& week, rp::Role role) {
    return week && std::any_of(duties.begin(), duties.end(), [&](const Duty& d) { return d.week == *week && d.role == role; });
}

std::string DutyText(rp::Date week, rp::Role role) {
    return rp::formatDate(week) + " \u00b7 " + rp::roleName(role);
}

// Picks one of `duties` (their own, not every week); true when the choice changed.
bool DutyCombo(const char* label, const std::vector<Duty>& duties, std::optional<rp::Date>* week, rp::Role* role,
               const char* none_text) {
    std::string preview = *week ? DutyText(**week, *role) : std::string(duties.empty() ? none_text : "pick one");
    bool changed = false;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::BeginDisabled(duties.empty());
    if (ImGui::BeginCombo(label, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const Duty& d : duties) {
            const std::string date = rp::formatDate(d.week);
            const bool selected = *week && **week == d.week && *role == d.role;
            if (ImGui::Selectable(DutyText(d.week, d.role).c_str(), selected)) {
                *week = d.week;
                *role = d.role;
                changed = true;
            }
            Tag("pick:week:" + date);
            Tag("pick:duty:" + date + ":" + rp::roleName(d.role));
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    return changed;
}

void FormLabel(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(ImGui::GetFontSize() * 6.5f);
}

// The form's checks, in the order a person fills it in: "" when the request can be added.
std::string FormProblem(const App& app, const std::vector<Duty>& by_duties, const std::vector<Duty>& with_duties) {
    const RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    if (st.form_by.empty()) return "Pick who asks.";
    if (by_duties.empty()) return plan.nameOf(st.form_by) + " has no duty to give away" + (st.form_past ? "." : " from today on.");
    if (!Holds(by_duties, st.form_week, st.form_role)) return "Pick which of their duties.";
    if (st.form_with.empty()) return st.form_type == 0 ? "Pick who swaps with them." : "Pick who covers it.";
    if (st.form_with == st.form_by) return "Pick someone else: they cannot swap with themselves.";
    if (st.form_type == 0) {
        if (with_duties.empty())
            return plan.nameOf(st.form_with) + " has no duty to give in return" + (st.form_past ? "" : " from today on") +
                   ": make it a cover, or pick someone else.";
        if (!Holds(with_duties, st.form_with_week, st.form_with_role)) return "Pick which of their duties comes back.";
    }
    if (!rp::parseDate(st.form_submitted)) return "Submitted: a date as YYYY-MM-DD.";
    return "";
}

}  // namespace

void OpenRequestForm(App& app, rp::Date week, rp::Role role, const std::optional<std::string>& holder, float cell_top,
                     float cell_bottom) {
    RequestsState& st = app.req;
    st.form_open = true;
    st.form_type = 0;
    st.form_by = holder.value_or("");
    st.form_week = week;
    st.form_role = role;
    st.form_with.clear();
    st.form_with_week.reset();
    st.form_emergency = false;
    st.form_submitted.clear();
    st.form_past = week + date::days{7} <= TodayIn(app.derived.team_zone);
    st.form_cell_top = cell_top;
    st.form_cell_bottom = cell_bottom;
    st.form_place = true;
}

// The new-request form, in its own small window at the right edge, beside the row it came
// from (or under the menu bar), so the rotation grid stays in view. The request is one step.
void DrawRequestForm(App& app) {
    RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    const rp::Date today = TodayIn(app.derived.team_zone);
    if (st.form_submitted.empty()) st.form_submitted = rp::formatDate(today);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize(), width = std::min(em * 24.0f, vp->WorkSize.x - 16);
    if (st.form_place) {
        st.form_place = false;
        const float x = vp->WorkPos.x + vp->WorkSize.x - 8;
        float y = vp->WorkPos.y + 30;
        const float guess_h = em * 17;
        if (st.form_cell_bottom > st.form_cell_top) {
            const float below = vp->WorkPos.y + vp->WorkSize.y - (st.form_cell_bottom + 8);
            y = below >= guess_h ? st.form_cell_bottom + 8 : std::max(vp->WorkPos.y, st.form_cell_top - 8 - guess_h);
        }
        ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
        ImGui::SetNextWindowFocus();
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    if (!ImGui::Begin("Request a change", &st.form_open,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    {   // the whole window, for tests that check what it covers
        const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        ImGui::PushClipRect(wp, ImVec2(wp.x + ws.x, wp.y + ws.y), false);
        TagRect("window:Request a change", wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
        ImGui::PopClipRect();
    }
    FormLabel("Type");
    if (ImGui::RadioButton("Swap", st.form_type == 0)) st.form_type = 0;
    Tag("requests:form:swap");
    ImGui::SameLine();
    if (ImGui::RadioButton("Cover", st.form_type == 1)) st.form_type = 1;
    Tag("requests:form:cover");

    const std::vector<Duty> by_duties = DutiesOf(plan, st.form_by, today, st.form_past);
    std::optional<std::string> chosen;
    FormLabel("Who asks");
    if (PersonCombo(app, "##by", st.form_by.empty() ? std::nullopt : std::optional<std::string>(st.form_by), &chosen,
                    false, -FLT_MIN)) {
        st.form_by = chosen.value_or("");
        const std::vector<Duty> now = DutiesOf(plan, st.form_by, today, st.form_past);
        if (!Holds(now, st.form_week, st.form_role)) st.form_week.reset();
        if (now.size() == 1) {
            st.form_week = now[0].week;
            st.form_role = now[0].role;
        }
    }
    Tag("requests:form:by");
    FormLabel("Their duty");
    DutyCombo("##week", by_duties, &st.form_week, &st.form_role, st.form_by.empty() ? "pick who first" : "no duties");
    Tag("requests:form:week");
    FormLabel("Role");
    if (st.form_week) ImGui::TextUnformatted(rp::roleName(st.form_role));
    else TextMuted("from the duty");
    Tag("requests:form:role");

    FormLabel(st.form_type == 0 ? "Swap with" : "Covered by");
    if (PersonCombo(app, "##with", st.form_with.empty() ? std::nullopt : std::optional<std::string>(st.form_with),
                    &chosen, false, -FLT_MIN)) {
        st.form_with = chosen.value_or("");
        const std::vector<Duty> now = DutiesOf(plan, st.form_with, today, st.form_past);
        if (!Holds(now, st.form_with_week, st.form_with_role)) st.form_with_week.reset();
        if (now.size() == 1) {
            st.form_with_week = now[0].week;
            st.form_with_role = now[0].role;
        }
    }
    Tag("requests:form:with");
    const std::vector<Duty> with_duties = DutiesOf(plan, st.form_with, today, st.form_past);
    if (st.form_type == 0) {
        FormLabel("In return");
        DutyCombo("##withweek", with_duties, &st.form_with_week, &st.form_with_role,
                  st.form_with.empty() ? "pick who first" : "no duties");
        Tag("requests:form:with-week");
    }
    FormLabel("Submitted");
    ImGui::SetNextItemWidth(em * 7.5f);
    ImGui::InputTextWithHint("##submitted", "YYYY-MM-DD", &st.form_submitted);
    Tag("requests:form:submitted");
    ImGui::SameLine();
    ImGui::Checkbox("Emergency", &st.form_emergency);
    Tag("requests:form:emergency");
    ImGui::SetCursorPosX(em * 6.5f);
    if (ImGui::Checkbox("Weeks already over too", &st.form_past)) {
        if (!Holds(DutiesOf(plan, st.form_by, today, st.form_past), st.form_week, st.form_role)) st.form_week.reset();
        if (!Holds(DutiesOf(plan, st.form_with, today, st.form_past), st.form_with_week, st.form_with_role))
            st.form_with_week.reset();
    }
    Tag("requests:form:past");

    const std::string why = FormProblem(app, by_duties, with_duties);
    ImGui::Spacing();
    ImGui::BeginDisabled(!why.empty());
    bool create = ImGui::Button("Add request");
    ImGui::EndDisabled();
    Tag("requests:form:create");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) st.form_open = false;
    Tag("requests:form:cancel");
    if (!why.empty()) {
        ImGui::PushTextWrapPos(0);
        TextMuted("%s", why.c_str());
        ImGui::PopTextWrapPos();
        Tag("requests:form:why");
    }
    ImGui::End();
    if (!create || !why.empty()) return;

    rp::Request r;
    r.id = NextRequestId(plan);
    r.type = st.form_type == 0 ? rp::RequestType::Swap : rp::RequestType::Cover;
    r.submitted = *rp::parseDate(st.form_submitted);
    r.by = st.form_by;
    r.with = st.form_with;
    r.week = *st.form_week;
    r.role = st.form_role;
    if (st.form_type == 0) {
        r.with_week = *st.form_with_week;
        if (st.form_with_role != st.form_role) r.with_role = st.form_with_role;
    }
    r.emergency = st.form_emergency;
    Edit(app, "Add request " + r.id + " (" + rp::requestTypeName(r.type) + " by " + plan.nameOf(r.by) + ")",
         [r](rp::Plan& p) { p.requests.push_back(r); });
    st.selected = r.id;
    st.simulation.reset();
    st.form_open = false;
    st.show_requests = true;   // the new request, selected, with its simulation
    ShowNotice(app, "Added request " + r.id);
}

namespace {

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

// The simulation of `r` against the plan as it is now (recomputed when the plan changed).
const rp::Simulation& CurrentSimulation(App& app, const rp::Request& r) {
    RequestsState& st = app.req;
    if (!st.simulation || st.simulation->request != r.id || st.sim_revision != app.doc.revision()) {
        st.simulation = rp::simulate(app.doc.plan(), r);
        st.sim_revision = app.doc.revision();
    }
    return *st.simulation;
}

void SimulationPanel(App& app, const rp::Request& r) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    const rp::Simulation& sim = CurrentSimulation(app, r);
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

// "2026-12-03T09:41:07Z": when a request was decided (kept in the request as `decided_at`).
std::string NowStamp() {
    return date::format("%FT%TZ", date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// "Thu 03 Dec 2026 09:41" in the viewer's zone, from a `decided_at` stamp.
std::string DecidedText(const App& app, const std::string& stamp) {
    auto at = rp::parseDateTime(rp::findZone("UTC"), stamp);
    if (!at) return stamp;
    try {
        if (app.viewer.zone) return date::format("%a %d %b %Y %H:%M", app.viewer.zone->to_local(*at));
    } catch (const std::exception&) {
    }
    return date::format("%a %d %b %Y %H:%M UTC", *at);
}

// An applied or rejected request: what was done and when, as recorded when it was decided
// (not a new simulation, which would compare against the plan it already changed).
void DecisionPanel(App& app, const rp::Request& r) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    const bool applied = r.status == rp::RequestStatus::Applied;
    const rp::Json& x = r.extra;
    const std::string stamp = x.contains("decided_at") && x["decided_at"].is_string() ? x["decided_at"].get<std::string>() : "";
    ImGui::SeparatorText(applied ? "What was done" : "Decision");
    ImGui::PushStyleColor(ImGuiCol_Text, Col(applied ? pal.ok_text : pal.error_text));
    if (!stamp.empty())
        ImGui::Text("%s on %s (your time)", applied ? "Applied" : "Rejected", DecidedText(app, stamp).c_str());
    else
        ImGui::Text("%s before this planner kept a record of when", applied ? "Applied" : "Rejected");
    ImGui::PopStyleColor();
    Tag("requests:done");
    if (!applied) {
        TextMuted("The plan was not changed by it; the check ignores rejected requests.");
        return;
    }
    ImGui::TextUnformatted("Changes made");
    bool listed = false;
    if (x.contains("applied_changes") && x["applied_changes"].is_array()) {
        for (const rp::Json& c : x["applied_changes"]) {
            if (!c.is_object()) continue;
            auto name = [&](const char* key) {
                return c.contains(key) && c[key].is_string() ? plan.nameOf(c[key].get<std::string>()) : std::string("nobody");
            };
            ImGui::BulletText("%s %s: %s \u2192 %s", c.value("week", std::string("?")).c_str(),
                              c.value("role", std::string("?")).c_str(), name("from").c_str(), name("to").c_str());
            listed = true;
        }
    }
    if (!listed) {
        // No record: say who holds the request's duties now.
        auto holder = [&](rp::Date week, rp::Role role) {
            for (const rp::Week& w : plan.weeks) {
                if (w.start != week) continue;
                const auto& v = role == rp::Role::Primary ? w.primary : role == rp::Role::Secondary ? w.secondary : w.shadow;
                return v ? plan.nameOf(*v) : std::string("nobody");
            }
            return std::string("(no such week)");
        };
        TextMuted("  (not recorded) now in the plan:");
        ImGui::BulletText("%s %s: %s", rp::formatDate(r.week).c_str(), rp::roleName(r.role), holder(r.week, r.role).c_str());
        if (r.type == rp::RequestType::Swap) {
            const rp::Role wr = r.with_role.value_or(r.role);
            ImGui::BulletText("%s %s: %s", rp::formatDate(rp::requestWithWeek(r)).c_str(), rp::roleName(wr),
                              holder(rp::requestWithWeek(r), wr).c_str());
        }
    }
    if (x.contains("approved_over") && x["approved_over"].is_array() && !x["approved_over"].empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, Col(pal.warning_text));
        ImGui::TextUnformatted("Approved although the simulation said reject:");
        ImGui::PopStyleColor();
        Tag("requests:done:overridden");
        for (const rp::Json& reason : x["approved_over"])
            if (reason.is_string()) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", reason.get<std::string>().c_str());
            }
    }
}

// Applies request `id` as one step, recording when, what changed and (when approved over a
// reject verdict) the reasons it was approved over.
void Approve(App& app, const std::string& id, const std::vector<std::string>& over) {
    const std::string stamp = NowStamp();
    Edit(app, over.empty() ? "Approve request " + id : "Approve request " + id + " over its reject verdict",
         [id, over, stamp](rp::Plan& p) {
             rp::Json changes = rp::Json::array();
             for (const rp::Request& req : p.requests) {
                 if (req.id != id) continue;
                 rp::AppliedRequest applied = rp::applyRequest(p, req);
                 for (const rp::Change& c : applied.changes) changes.push_back(rp::changeToJson(c));
                 p = std::move(applied.plan);
                 break;
             }
             for (rp::Request& req : p.requests) {
                 if (req.id != id) continue;
                 req.status = rp::RequestStatus::Applied;
                 req.extra["decided_at"] = stamp;
                 req.extra["applied_changes"] = changes;
                 if (!over.empty()) req.extra["approved_over"] = over;
                 else req.extra.erase("approved_over");
             }
         });
    ShowNotice(app, "Applied request " + id);
}

void Actions(App& app, const rp::Request& r) {
    RequestsState& st = app.req;
    const bool closed = r.status == rp::RequestStatus::Applied || r.status == rp::RequestStatus::Rejected;
    const std::string mismatch = closed ? std::string() : rp::requestMismatch(app.doc.plan(), r);
    ImGui::BeginDisabled(closed);
    if (ImGui::Button("Simulate")) {
        st.simulation = rp::simulate(app.doc.plan(), r);
        st.sim_revision = app.doc.revision();
    }
    ImGui::EndDisabled();
    Tag("requests:simulate");
    if (closed) ImGui::SetItemTooltip("It is %s: below is what was done.", rp::requestStatusName(r.status));
    ImGui::SameLine();

    std::string no_approve;
    if (r.status == rp::RequestStatus::Applied) no_approve = "Already applied.";
    else if (r.status == rp::RequestStatus::Rejected) no_approve = "This request was rejected.";
    else if (!mismatch.empty()) no_approve = "It does not match the plan: " + mismatch;
    const rp::Simulation* sim = closed ? nullptr : &CurrentSimulation(app, r);
    const bool against = sim && sim->verdict == rp::Verdict::Reject;
    ImGui::BeginDisabled(!no_approve.empty());
    // Approving over a reject verdict is its own, explicit action: it asks first.
    bool approve = ImGui::Button(against && no_approve.empty() ? "Approve anyway\u2026" : "Approve");
    ImGui::EndDisabled();
    Tag("requests:approve");
    if (!no_approve.empty()) ImGui::SetItemTooltip("%s", no_approve.c_str());
    else if (against) ImGui::SetItemTooltip("The simulation says reject; you will be asked before it is applied.");
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
        if (against) {
            st.approve_anyway = id;
            st.approve_reasons = sim->reasons;
            st.approve_open = true;
        } else {
            Approve(app, id, {});
        }
    }
    if (reject && no_reject.empty()) {
        const std::string stamp = NowStamp();
        Edit(app, "Reject request " + id, [id, stamp](rp::Plan& p) {
            for (rp::Request& req : p.requests)
                if (req.id == id) {
                    req.status = rp::RequestStatus::Rejected;
                    req.extra["decided_at"] = stamp;
                }
        });
        ShowNotice(app, "Rejected request " + id);
    }
}

// "Approve r1 although the simulation says reject?", naming the reasons.
void ApproveAnywayModal(App& app) {
    RequestsState& st = app.req;
    if (st.approve_open) {
        ImGui::OpenPopup("##approve-anyway");
        st.approve_open = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##approve-anyway", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return;
    Heading(("Approve " + st.approve_anyway + " although the simulation says reject?").c_str());
    Tag("modal:approve-anyway");
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted("The simulation rejects it because:");
    for (std::size_t i = 0; i < st.approve_reasons.size(); ++i) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", st.approve_reasons[i].c_str());
        Tag("requests:approve-anyway:reason:" + std::to_string(i));
    }
    ImGui::Spacing();
    TextMuted("Approving applies it anyway and records these reasons with the request. Ctrl+Z undoes it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const Palette& pal = GetPalette();
    ImGui::PushStyleColor(ImGuiCol_Button, Col(pal.error_bg));
    if (ImGui::Button("Approve anyway")) {
        Approve(app, st.approve_anyway, st.approve_reasons);
        ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor();
    Tag("requests:approve-anyway");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    Tag("requests:approve-cancel");
    ImGui::SetItemDefaultFocus();
    ImGui::EndPopup();
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
        st.form_type = 0;
        st.form_by.clear();
        st.form_with.clear();
        st.form_week.reset();
        st.form_with_week.reset();
        st.form_emergency = false;
        st.form_submitted.clear();
        st.form_cell_top = st.form_cell_bottom = -1;
        st.form_place = true;
    }
    Tag("requests:new");
    ImGui::SameLine();
    TextMuted("%s", Count((int)plan.requests.size(), "request", "requests").c_str());

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
        if (copy.status == rp::RequestStatus::Applied || copy.status == rp::RequestStatus::Rejected)
            DecisionPanel(app, copy);
        else
            SimulationPanel(app, copy);
    } else {
        TextMuted("Select a request to simulate, approve or reject it.");
    }
    ApproveAnywayModal(app);
    ImGui::End();
}

}  // namespace app
