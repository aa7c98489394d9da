// The "Draft weeks" dialog: fill the weeks from a date on (and add some), run as a
// DraftJob across frames with a progress bar and Cancel. Success replaces the plan as
// one undoable step and shows a summary; failure names the week and the rule and
// leaves the plan untouched.
#include <algorithm>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/rules/draft_job.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

constexpr double kSliceMs = 8.0;   // work per frame

void Start(App& app) {
    RequestsState& st = app.req;
    const rp::Plan& plan = app.doc.plan();
    st.draft_error.clear();
    rp::DraftOptions options;
    if (!st.draft_from.empty()) {
        auto from = rp::parseDate(st.draft_from);
        if (!from) {
            st.draft_error = "From must be a date YYYY-MM-DD (or empty for the first week).";
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
    options.today = PageToday(app);   // the notice window: a published week keeps what was published
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
    ImGui::SetNextItemWidth(em * 8);
    ImGui::InputTextWithHint("##from", "first week", &st.draft_from);
    Tag("draft:from");
    ImGui::SameLine();
    TextMuted("YYYY-MM-DD; empty: the first week");
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
                if (r.week) ImGui::Text("Week: %s   rule: %s", rp::formatDate(*r.week).c_str(), r.rule.c_str());
                TextMuted("The plan was not changed.");
                ImGui::PopTextWrapPos();
            }
        }
    }
    ImGui::End();
}

}  // namespace app
