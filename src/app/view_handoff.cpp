// The handoff-notes window: pick a week, get the Markdown message for its handoff
// (handoff.hpp) in a field the lead can edit (its headed sections are there to be filled),
// with Copy and Download of the text as edited. Edits are kept per team and week in this
// browser (localStorage "rotaplan.handoff-notes"); when the plan changes under an edited
// text the window says so and offers the plan's current notes.
#include <cfloat>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/exports/handoff.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

namespace {

constexpr const char* kStorageKey = "rotaplan.handoff-notes";
constexpr std::size_t kMaxKept = 60;   // edited weeks kept in storage (the newest keys win)

void LoadEdits(HandoffEdits& edits) {
    edits.loaded = true;
    auto text = platform::StorageGet(kStorageKey);
    if (!text) return;
    rp::Json j = rp::Json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const rp::Json& v = it.value();
        if (v.is_object() && v.contains("generated") && v.contains("text") && v["generated"].is_string() &&
            v["text"].is_string())
            edits.by_week[it.key()] = {v["generated"].get<std::string>(), v["text"].get<std::string>()};
    }
}

void SaveEdits(App& app) {
    HandoffEdits& edits = app.ux.handoff;
    while (edits.by_week.size() > kMaxKept) edits.by_week.erase(edits.by_week.begin());
    rp::Json j = rp::Json::object();
    for (const auto& [key, value] : edits.by_week) j[key] = {{"generated", value.first}, {"text", value.second}};
    if (!platform::StorageSet(kStorageKey, j.dump())) ShowNotice(app, "Could not keep the edited notes in this browser", 8);
}

}  // namespace

void DrawHandoffWindow(App& app) {
    HandoffViewState& st = app.inc_views.hand;
    HandoffEdits& edits = app.ux.handoff;
    if (!edits.loaded) LoadEdits(edits);
    const rp::Plan& plan = app.doc.plan();
    if (!BeginIncidentToolWindow("Handoff notes", &app.inc_views.handoff, ImVec2(640, 560), ImVec2(0.3f, 0.5f))) {
        ImGui::End();
        return;
    }
    if (st.week.empty() && !plan.weeks.empty()) {
        // The next handoff's week when the plan has it, else the first week.
        st.week = rp::formatDate(plan.weeks.front().start);
        if (auto next = NextHandoffDate(app))
            for (const rp::Week& w : plan.weeks)
                if (w.start == *next) st.week = rp::formatDate(w.start);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Week");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo("##handoffweek", st.week.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const rp::Week& w : plan.weeks) {
            std::string d = rp::formatDate(w.start);
            std::string label = d + "  " + (w.primary ? plan.nameOf(*w.primary) : std::string("\u2014"));
            if (edits.by_week.count(plan.team_name + "|" + d)) label += "  (edited)";
            if (ImGui::Selectable(label.c_str(), d == st.week)) st.week = d;
            Tag("handoff:week:" + d);
        }
        ImGui::EndCombo();
    }
    Tag("handoff:week");
    std::string key = st.week + "|" + std::to_string(app.doc.revision());
    if (key != st.key) {
        st.key = key;
        st.text.clear();
        st.error.clear();
        try {
            auto day = rp::parseDate(st.week);
            if (!day) st.error = "pick a week";
            else if (auto md = rp::handoffMarkdown(plan, *day, &st.error)) st.text = *md;
        } catch (const std::exception& e) {
            st.error = e.what();
        }
    }
    const std::string edit_key = plan.team_name + "|" + st.week;
    auto edited = edits.by_week.find(edit_key);
    const bool is_edited = edited != edits.by_week.end();
    const std::string& shown = is_edited ? edited->second.second : st.text;
    ImGui::SameLine();
    ImGui::BeginDisabled(shown.empty());
    if (ImGui::Button("Copy")) {
        platform::ClipboardSet(shown);
        ShowNotice(app, "Copied the handoff notes");
    }
    Tag("handoff:copy");
    ImGui::SameLine();
    if (ImGui::Button("Download")) {
        platform::DownloadText("handoff-" + st.week + ".md", "text/markdown", shown);
        ShowNotice(app, "Downloaded the handoff notes");
    }
    Tag("handoff:download");
    ImGui::EndDisabled();
    if (is_edited) {
        ImGui::SameLine();
        if (ImGui::Button("Reset to the plan's notes")) {
            edits.by_week.erase(edited);
            SaveEdits(app);
            ImGui::End();
            return;
        }
        Tag("handoff:reset");
    }
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().error_text);
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
    }
    if (is_edited && edited->second.first != st.text && !st.text.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().warning_text);
        ImGui::TextWrapped("The plan changed since you edited these notes; your text is kept as it was.");
        ImGui::PopStyleColor();
        Tag("handoff:stale");
    } else {
        TextMuted(is_edited ? "Edited: kept in this browser. Copy or Download takes the text as it is here."
                            : "Fill in the sections; your edits are kept in this browser for this week.");
    }
    // The field edits a copy of the generated text until the first change makes it an edit.
    static std::string scratch;
    std::string& buffer = is_edited ? edited->second.second : scratch;
    if (!is_edited) scratch = st.text;
    const bool changed = ImGui::InputTextMultiline("##handofftext", &buffer, ImVec2(-FLT_MIN, -FLT_MIN));
    Tag("handoff:text");
    TagText("handoff:text", buffer);
    if (changed && !is_edited && !st.text.empty()) edits.by_week[edit_key] = {st.text, scratch};
    if (ImGui::IsItemDeactivatedAfterEdit() || (changed && !is_edited)) SaveEdits(app);
    ImGui::End();
}

}  // namespace app
