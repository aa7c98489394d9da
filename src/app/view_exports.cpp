// The export window: every export as a download or on the clipboard, with a preview;
// for the on-call products (PagerDuty, Opsgenie, Grafana OnCall, GoAlert) the loss report
// beside the preview and an optional user list for --users (docs/interop.md).
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <utility>

#include "imgui.h"

#include "actions.hpp"
#include "core/exports/exports.hpp"
#include "core/interop/interop.hpp"
#include "interop_client.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

const char* const kFormats[] = {"Schedule JSON", "iCalendar", "CSV", "Markdown",
                                "PagerDuty", "Opsgenie", "Grafana OnCall", "GoAlert"};
// Test labels and file name parts.
const char* const kKeys[] = {"json", "ics", "csv", "md", "pagerduty", "opsgenie", "grafana-oncall", "goalert"};
const char* const kExtensions[] = {"json", "ics", "csv", "md", "json", "json", "json", "json"};
const char* const kMimes[] = {"application/json", "text/calendar", "text/csv", "text/markdown",
                              "application/json", "application/json", "application/json", "application/json"};
constexpr int kFormatCount = 8;
constexpr int kFirstVendor = 4;
const rp::interop::Vendor kVendorOf[] = {rp::interop::Vendor::PagerDuty, rp::interop::Vendor::Opsgenie,
                                         rp::interop::Vendor::GrafanaOnCall, rp::interop::Vendor::GoAlert};

std::string Generate(App& app) {
    const rp::Plan& plan = app.doc.plan();
    const ExportsViewState& st = app.exports;
    app.interop.export_losses.clear();
    app.interop.export_error.clear();
    if (st.format >= kFirstVendor) {
        auto r = rp::interop::exportVendorVia(InteropTransport(), plan, kVendorOf[st.format - kFirstVendor],
                                              app.interop.users.text);
        if (auto* e = std::get_if<rp::interop::ServiceError>(&r)) {
            app.interop.export_error = e->message;
            return "Cannot export: " + e->message;
        }
        auto& done = std::get<rp::interop::ExportResult>(r);
        app.interop.export_losses = std::move(done.losses);
        return std::move(done.text);
    }
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

// The loss report beside a vendor preview: what the document cannot carry exactly.
// When the vendor formats could not be loaded, the reason (wrapped) in its place.
void DrawLossReport(const std::vector<rp::interop::Loss>& losses, const std::string& error) {
    const Palette& pal = GetPalette();
    ImGui::BeginChild("##losses", ImVec2(0, -FLT_MIN), ImGuiChildFlags_Border);
    Heading("Loss report");
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.error_text);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("Not exported. " + error).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        Tag("export:error");
        ImGui::EndChild();
        return;
    }
    if (losses.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.ok_text);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted("Exact: the product puts the plan's person on call at every instant of the plan.");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.warning_text);
        ImGui::TextUnformatted(Count(static_cast<int>(losses.size()), "thing to check", "things to check").c_str());
        ImGui::PopStyleColor();
    }
    Tag("export:losses");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(losses.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const rp::interop::Loss& l = losses[static_cast<std::size_t>(i)];
            ImGui::Separator();
            std::string where = l.kind;
            if (l.role) where += std::string("  ·  ") + rp::roleName(*l.role);
            if (l.week) where += "  ·  week of " + rp::formatDate(*l.week);
            TextMuted("%s", where.c_str());
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(l.detail.c_str());
            ImGui::PopTextWrapPos();
            Tag("export:loss:" + std::to_string(i));
        }
    }
    ImGui::EndChild();
}

// The preview: the lines in view only (exports of a long plan run to megabytes), in a
// child with a horizontal scrollbar, so a long line (a schedule's description, a CSV row)
// scrolls instead of being cut off. Copying is the "Copy to clipboard" button.
void DrawPreview(App& app, ImVec2 size) {
    const std::string& text = app.exports.preview;
    ExportPreviewLines& pl = app.interop.preview_lines;
    if (pl.dirty) {
        pl.starts.assign(1, 0);
        for (std::size_t i = 0; i + 1 < text.size(); ++i)
            if (text[i] == '\n') pl.starts.push_back(i + 1);
        pl.width = -1;
        pl.dirty = false;
    }
    auto line = [&](std::size_t i) {
        const char* b = text.data() + pl.starts[i];
        const char* e = text.data() + (i + 1 < pl.starts.size() ? pl.starts[i + 1] : text.size());
        while (e > b && (e[-1] == '\n' || e[-1] == '\r')) --e;
        return std::pair<const char*, const char*>{b, e};
    };
    if (pl.width < 0 || pl.font_size != ImGui::GetFontSize()) {
        pl.font_size = ImGui::GetFontSize();
        pl.width = 0;
        for (std::size_t i = 0; i < pl.starts.size(); ++i) {
            const auto [b, e] = line(i);
            pl.width = std::max(pl.width, ImGui::CalcTextSize(b, e).x);
        }
    }
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginChild("##preview", size, ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(text.empty() ? 0 : pl.starts.size()), ImGui::GetTextLineHeight());
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto [b, e] = line(static_cast<std::size_t>(i));
            ImGui::TextUnformatted(b, e);
        }
    ImGui::Dummy(ImVec2(pl.width, 0));   // the widest line sets the scroll width
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void DrawExportsWindow(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(960.0f, vp->WorkSize.x - 40), std::min(600.0f, vp->WorkSize.y - 60)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Export", &app.windows.exports, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    // The vendor formats' code comes on demand (interop_client.hpp): fetched now, so it is
    // in by the time one is chosen.
    if (ImGui::IsWindowAppearing()) platform::PrefetchInterop();
    ExportsViewState& st = app.exports;
    const rp::Plan& plan = app.doc.plan();
    for (int i = 0; i < kFormatCount; ++i) {
        if (i == 0 || i == kFirstVendor) {
            ImGui::AlignTextToFramePadding();
            TextMuted(i == 0 ? "For other tools " : "On-call products");
        }
        ImGui::SameLine();
        if (ImGui::RadioButton(kFormats[i], st.format == i)) st.format = i;
        Tag(std::string("export:format:") + kKeys[i]);
    }
    bool options_changed = false;
    if (st.format >= kFirstVendor) {
        ExportUsersState& users = app.interop.users;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Vendor users");
        ImGui::SameLine();
        if (ImGui::Button("Choose a user list…")) platform::OpenFilePickerFor(".json,application/json", "export:users");
        Tag("export:users");
        ImGui::SameLine();
        if (!users.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, GetPalette().error_text);
            ImGui::TextUnformatted(users.error.c_str());
            ImGui::PopStyleColor();
        } else if (users.text) {
            ImGui::Text("%s (%zu)", users.name.c_str(), users.count);
        } else {
            TextMuted("none: people are written with their plan ids (Opsgenie: their e-mails)");
        }
        if (users.text || !users.error.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Remove")) {
                users = ExportUsersState();
                options_changed = true;
            }
            Tag("export:users:remove");
        }
    }
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
        app.interop.preview_lines.dirty = true;
    }
    const bool failed = !app.interop.export_error.empty();
    if (failed) {
        if (ImGui::Button("Try again")) st.preview_format = -1;
        Tag("export:retry");
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(failed);
    if (ImGui::Button("Download")) {
        std::string name = plan.team_name.empty() ? std::string("rotaplan") : plan.team_name;
        for (char& c : name) c = std::isalnum((unsigned char)c) ? (char)std::tolower((unsigned char)c) : '-';
        if (st.format == 1 && !st.person.empty()) name += "-" + st.person;
        name += st.format >= kFirstVendor ? std::string("-") + kKeys[st.format] : std::string("-oncall");
        platform::DownloadText(name + "." + kExtensions[st.format], kMimes[st.format], st.preview);
        ShowNotice(app, std::string("Downloaded the ") + kFormats[st.format] + " export");
    }
    Tag("export:download");
    ImGui::SameLine();
    if (ImGui::Button("Copy to clipboard")) {
        platform::ClipboardSet(st.preview);
        ShowNotice(app, "Copied to the clipboard");
    }
    Tag("export:copy");
    ImGui::EndDisabled();
    ImGui::SameLine();
    TextMuted("%zu bytes", st.preview.size());
    const bool vendor = st.format >= kFirstVendor;
    const float preview_w = vendor ? ImGui::GetContentRegionAvail().x * 0.58f : -FLT_MIN;
    DrawPreview(app, ImVec2(preview_w, -FLT_MIN));
    Tag("export:preview");
    if (vendor) {
        ImGui::SameLine();
        DrawLossReport(app.interop.export_losses, app.interop.export_error);
    }
    ImGui::End();
}

}  // namespace app
