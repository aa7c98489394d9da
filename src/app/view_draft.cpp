// The "Draft weeks" dialog: fill the weeks from a date on (and add some), run as a
// DraftJob across frames with a progress bar and Cancel. Success replaces the plan as
// one undoable step and shows a summary; failure names the week and the rule and
// leaves the plan untouched.
#include <algorithm>
#include <chrono>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/model/time.hpp"
#include "core/rules/draft_job.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

constexpr double kSliceMs = 8.0;   // work per frame

}  // namespace

// The date of the next handoff in the team's zone: today when today is the handoff
// weekday and its handoff time is still ahead, else the next handoff weekday.
std::optional<rp::Date> NextHandoffDate(const App& app) {
    const rp::Plan& plan = app.doc.plan();
    const date::time_zone* zone = app.derived.team_zone;
    if (!zone) return std::nullopt;
    const auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const rp::Date today{date::floor<date::days>(zone->to_local(now)).time_since_epoch()};
    const int wd = static_cast<int>(date::weekday(today).c_encoding());
    rp::Date day = today + date::days{(plan.policy.handoff_weekday - wd + 7) % 7};
    try {
        if (day == today && rp::handoffInstant(plan, today) <= now) day += date::days{7};
    } catch (const std::exception&) {
    }
    return day;
}

namespace {

void Start(App& app) {
    RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    st.draft_error.clear();
    rp::DraftOptions options;
    // An empty From is the next handoff (shown in the field), never "give --from DATE".
    std::string from_text = st.draft_from;
    while (!from_text.empty() && from_text.back() == ' ') from_text.pop_back();
    while (!from_text.empty() && from_text.front() == ' ') from_text.erase(from_text.begin());
    if (from_text.empty()) {
        if (auto next = NextHandoffDate(app)) {
            options.from = *next;
            st.draft_from = rp::formatDate(*next);
        }
    } else {
        auto from = rp::parseDate(from_text);
        if (!from) {
            st.draft_error = "From: \"" + from_text + "\" is not a date; type it as YYYY-MM-DD, or leave it empty for the "
                             "next handoff.";
            return;
        }
        options.from = *from;
    }
    if (st.draft_weeks > 0) {
        std::optional<rp::Date> from = options.from;
        if (!from && !plan.weeks.empty()) {
            from = plan.weeks[0].start;
            for (const rp::Week& w : plan.weeks) from = std::min(*from, w.start);
        }
        int have = 0;
        for (const rp::Week& w : plan.weeks)
            if (from && w.start >= *from) ++have;
        options.weeks = have + st.draft_weeks;
    }
    options.seed = static_cast<std::uint64_t>(std::max(0, st.draft_seed));
    st.draft_job = std::make_shared<rp::DraftJob>(plan, options);
    st.draft_revision = app.doc.revision();
    st.draft_applied = false;
}

}  // namespace

void TickDraft(App& app) {
    RequestsState& st = app.req;
    if (!st.draft_job || st.draft_applied) return;
    rp::DraftJob& job = *st.draft_job;
    if (!job.done()) job.step(kSliceMs);
    if (!job.done() || job.cancelled()) return;
    const rp::DraftResult& r = job.result();
    if (r.status != rp::DraftStatus::Ok) return;
    st.draft_applied = true;
    if (app.doc.revision() != st.draft_revision) {
        st.draft_error = "The plan changed while drafting; nothing was applied. Run the draft again.";
        return;
    }
    std::shared_ptr<rp::DraftJob> keep = st.draft_job;
    std::string what = "Draft weeks (" + Count(r.weeks_filled, "week", "weeks") + " filled";
    if (r.weeks_added > 0) what += ", " + std::to_string(r.weeks_added) + " added";
    what += ")";
    Edit(app, what, [keep](rp::Plan& p) { p = keep->result().plan; });
    ShowNotice(app, what);
}

void DrawDraftWindow(App& app) {
    RequestsState& st = app.req;
    const Palette& pal = GetPalette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, vp->WorkSize.x - 40), 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Draft weeks", &st.show_draft, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                                         ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    Tag("window:Draft weeks");
    const bool running = st.draft_job && !st.draft_job->done();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    TextMuted("Fills every week from the date on that lacks a primary or a secondary, balanced across the "
              "rotation pool, so that the plan passes the check wherever any completion does.");
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(running);
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("From");
    ImGui::SameLine(em * 7);
    const std::optional<rp::Date> next = NextHandoffDate(app);
    const std::string next_text = next ? rp::formatDate(*next) : std::string();
    if (ImGui::IsWindowAppearing() && st.draft_from.empty() && next) st.draft_from = next_text;
    ImGui::SetNextItemWidth(em * 8);
    ImGui::InputTextWithHint("##from", next ? next_text.c_str() : "YYYY-MM-DD", &st.draft_from);
    Tag("draft:from");
    TagText("draft:from", st.draft_from);
    ImGui::SameLine();
    if (next) TextMuted("YYYY-MM-DD; empty: the next handoff (%s)", date::format("%a %d %b", *next).c_str());
    else TextMuted("YYYY-MM-DD");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Add weeks");
    ImGui::SameLine(em * 7);
    ImGui::SetNextItemWidth(em * 8);
    ImGui::InputInt("##weeks", &st.draft_weeks);
    st.draft_weeks = std::clamp(st.draft_weeks, 0, rp::kMaxDraftAddedWeeks);
    Tag("draft:weeks");
    ImGui::SameLine();
    TextMuted("0: only fill the existing weeks");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Seed");
    ImGui::SameLine(em * 7);
    ImGui::SetNextItemWidth(em * 8);
    ImGui::InputInt("##seed", &st.draft_seed);
    st.draft_seed = std::max(0, st.draft_seed);
    Tag("draft:seed");
    ImGui::SameLine();
    TextMuted("breaks ties; 0: team order");
    bool run = ImGui::Button("Draft");
    ImGui::EndDisabled();
    Tag("draft:run");
    if (running) ImGui::SetItemTooltip("A draft is running.");
    if (run && !running) Start(app);
    ImGui::SameLine();
    ImGui::BeginDisabled(!running);
    if (ImGui::Button("Cancel")) {
        st.draft_job->cancel();
        ShowNotice(app, "Draft cancelled; the plan was not changed");
    }
    ImGui::EndDisabled();
    Tag("draft:cancel");
    if (!running) ImGui::SetItemTooltip("Nothing is running.");

    if (!st.draft_error.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.error_text), "%s", st.draft_error.c_str());
        Tag("draft:error");
        TagText("draft:error", st.draft_error);
    }
    if (st.draft_job) {
        const rp::DraftJob& job = *st.draft_job;
        ImGui::ProgressBar(static_cast<float>(job.progress()), ImVec2(-1, 0),
                           job.cancelled() ? "cancelled" : job.done() ? "done" : "drafting…");
        Tag("draft:progress");
        if (job.done() && !job.cancelled()) {
            const rp::DraftResult& r = job.result();
            if (r.status == rp::DraftStatus::Ok) {
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.ok_text), "Drafted: %s added, %s filled.",
                                   Count(r.weeks_added, "week", "weeks").c_str(),
                                   Count(r.weeks_filled, "week", "weeks").c_str());
                Tag("draft:summary");
                if (!r.escalation_to_cto.empty()) {
                    std::string weeks;
                    for (rp::Date d : r.escalation_to_cto) weeks += (weeks.empty() ? "" : ", ") + rp::formatDate(d);
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
                    ImGui::TextWrapped("Escalation moved to the CTO in %s: %s", Count((int)r.escalation_to_cto.size(), "week", "weeks").c_str(), weeks.c_str());
                    ImGui::PopTextWrapPos();
                }
                if (job.report())
                    TextMuted("The drafted plan: %s, %s. One step: Ctrl+Z undoes the whole draft.",
                              Count(job.report()->errors, "error", "errors").c_str(),
                              Count(job.report()->warnings, "warning", "warnings").c_str());
            } else {
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.error_text), "%s",
                                   r.status == rp::DraftStatus::Infeasible ? "No valid draft exists." : "Cannot draft.");
                ImGui::TextWrapped("%s", r.message.c_str());
                Tag("draft:failure");
                TagText("draft:failure", r.message);
                if (r.week) ImGui::Text("Week: %s   rule: %s", rp::formatDate(*r.week).c_str(), r.rule.c_str());
                TextMuted("The plan was not changed.");
                ImGui::PopTextWrapPos();
            }
        }
    }
    ImGui::End();
}

}  // namespace app
