// The export window: every export as a download or on the clipboard, with a preview.
#include <cctype>
#include <cfloat>

#include "imgui.h"

#include "actions.hpp"
#include "core/exports/exports.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

const char* const kFormats[] = {"Schedule JSON", "iCalendar", "CSV", "Markdown"};
const char* const kExtensions[] = {"json", "ics", "csv", "md"};
const char* const kMimes[] = {"application/json", "text/calendar", "text/csv", "text/markdown"};

std::string Generate(const App& app) {
    const rp::Plan& plan = app.doc.plan();
    const ExportsViewState& st = app.exports;
    switch (st.format) {
    case 0: return rp::exportJsonText(plan);
    case 1: {
        rp::IcsOptions options;
        if (!st.person.empty()) options.person = st.person;
        options.utc = st.utc;
        return rp::exportIcs(plan, options);
    }
    case 2: return rp::exportCsv(plan);
    default: return rp::exportMarkdown(plan);
    }
}

}  // namespace

void DrawExportsWindow(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, vp->WorkSize.x - 40), std::min(560.0f, vp->WorkSize.y - 60)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Export", &app.windows.exports, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ExportsViewState& st = app.exports;
    const rp::Plan& plan = app.doc.plan();
    for (int i = 0; i < 4; ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(kFormats[i], st.format == i)) st.format = i;
        Tag(std::string("export:format:") + kExtensions[i]);
    }
    bool options_changed = false;
    if (st.format == 1) {
        std::optional<std::string> person = st.person.empty() ? std::nullopt : std::optional<std::string>(st.person);
        std::optional<std::string> chosen;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Whose shifts");
        ImGui::SameLine();
        if (PersonCombo(app, "##icsperson", person, &chosen, true, ImGui::GetFontSize() * 12)) {
            st.person = chosen.value_or("");
            options_changed = true;
        }
        Tag("export:person");
        ImGui::SameLine();
        TextMuted("%s", st.person.empty() ? "(the whole team)" : "");
        ImGui::SameLine();
        options_changed |= ImGui::Checkbox("Times in UTC", &st.utc);
        Tag("export:utc");
    }
    if (options_changed || st.preview_format != st.format || st.preview_revision != app.doc.revision()) {
        try {
            st.preview = Generate(app);
        } catch (const std::exception& e) {
            st.preview = std::string("Cannot export: ") + e.what();
        }
        st.preview_format = st.format;
        st.preview_revision = app.doc.revision();
    }
    std::string base = "oncall";
    if (ImGui::Button("Download")) {
        std::string name = plan.team_name.empty() ? std::string("rotaplan") : plan.team_name;
        for (char& c : name) c = std::isalnum((unsigned char)c) ? (char)std::tolower((unsigned char)c) : '-';
        if (st.format == 1 && !st.person.empty()) name += "-" + st.person;
        platform::DownloadText(name + "-oncall." + kExtensions[st.format], kMimes[st.format], st.preview);
        ShowNotice(app, std::string("Downloaded the ") + kFormats[st.format] + " export");
    }
    Tag("export:download");
    ImGui::SameLine();
    if (ImGui::Button("Copy to clipboard")) {
        platform::ClipboardSet(st.preview);
        ShowNotice(app, "Copied to the clipboard");
    }
    Tag("export:copy");
    ImGui::SameLine();
    TextMuted("%zu bytes", st.preview.size());
    ImGui::InputTextMultiline("##preview", &st.preview[0], st.preview.size() + 1, ImVec2(-FLT_MIN, -FLT_MIN),
                              ImGuiInputTextFlags_ReadOnly);
    Tag("export:preview");
    ImGui::End();
}

}  // namespace app
