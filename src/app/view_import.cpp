// File > Import...: a rotation from PagerDuty, Opsgenie, Grafana OnCall, GoAlert or an
// iCalendar feed (docs/interop.md). The lead picks the vendor and one file per role
// (picked or dropped), sees what the import gives and the loss report, and only then
// replaces the open plan: one undoable step. The same core call as `rotaplan import`.
//
// [SECTION] files and preview
// [SECTION] the dialog
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/model/plan_io.hpp"
#include "interop_client.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

// [SECTION] files and preview

struct VendorChoice {
    rp::interop::Vendor vendor;
    const char* what;     // the file to give, for the hint line
    const char* accept;   // the picker's filter
};

const VendorChoice kVendors[] = {
    {rp::interop::Vendor::PagerDuty, "the response of GET /schedules/{id}?since=...&until=... (or GET /oncalls)", ".json,application/json"},
    {rp::interop::Vendor::Opsgenie, "the response of GET /v2/schedules/{id}/timeline", ".json,application/json"},
    {rp::interop::Vendor::GrafanaOnCall, "the response of GET /api/v1/schedules/{id}/final_shifts (pages as an array)", ".json,application/json"},
    {rp::interop::Vendor::GoAlert, "the GraphQL response with the schedule's timeZone and shifts", ".json,application/json"},
    {rp::interop::Vendor::Ics, "an iCalendar feed with one person per event", ".ics,text/calendar"},
};
constexpr int kVendorCount = sizeof(kVendors) / sizeof(kVendors[0]);
const char* const kRoles[3] = {"primary", "secondary", "shadow"};
const char* const kRoleTitles[3] = {"Primary", "Secondary", "Shadow"};

void Refresh(App& app) {
    ImportDialogState& st = app.interop.import;
    if (!st.dirty) return;
    st.dirty = false;
    st.result.reset();
    st.error.clear();
    if (!st.files[0]) return;
    rp::interop::ImportOptions options;
    if (!st.timezone.empty()) options.timezone = st.timezone;
    if (st.handoff_given) {
        options.handoff_weekday = st.handoff_weekday;
        options.handoff_minute = st.handoff_minute;
    }
    auto roleFile = [&](int r) -> std::optional<rp::interop::RoleFile> {
        if (!st.files[r]) return std::nullopt;
        return rp::interop::RoleFile{st.files[r]->name, st.files[r]->text};
    };
    auto r = rp::interop::importTimelinesVia(InteropTransport(), kVendors[st.vendor].vendor, *roleFile(0), roleFile(1),
                                             roleFile(2), options);
    if (auto* e = std::get_if<rp::interop::ServiceError>(&r)) st.error = (e->thrown ? "Cannot import: " : "") + e->message;
    else st.result = std::move(std::get<rp::interop::ImportResult>(r));
}

std::string SizeText(std::size_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
    else std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

void Replace(App& app) {
    ImportDialogState& st = app.interop.import;
    if (!st.result) return;
    const std::string what = std::string("Import from ") + rp::interop::vendorTitle(kVendors[st.vendor].vendor);
    rp::Plan plan = st.result->plan;
    const std::size_t weeks = plan.weeks.size();
    Edit(app, what, [plan = std::move(plan)](rp::Plan& p) { p = plan; });
    app.rotation = RotationViewState();
    app.file_name = "plan.json";
    ShowNotice(app, what + ": " + Count(static_cast<int>(weeks), "week", "weeks") + " (Edit > Undo to go back)", 10);
    st.show = false;
}

}  // namespace

void OpenImport(App& app) {
    app.interop.import.show = true;
    app.interop.import.dirty = true;
    platform::PrefetchInterop();
}

bool TakeInteropFile(App& app, const std::string& name, const std::string& text, const std::string& purpose) {
    ImportDialogState& st = app.interop.import;
    if (purpose == "export:users") {
        ExportUsersState& users = app.interop.users;
        auto read = rp::interop::checkUsersVia(InteropTransport(), text);
        users = ExportUsersState();
        users.name = name;
        if (auto* e = std::get_if<rp::interop::ServiceError>(&read)) {
            users.error = name + ": " + e->message;
        } else {
            users.text = text;
            users.count = std::get<std::size_t>(read);
        }
        app.exports.preview_format = -1;   // regenerate the preview
        return true;
    }
    int role = -1;
    for (int r = 0; r < 3; ++r)
        if (purpose == std::string("import:") + kRoles[r]) role = r;
    if (role < 0 && purpose.empty() && st.show) {
        // Dropped onto the page while the dialog is open: the first role without a file.
        for (int r = 2; r >= 0; --r)
            if (!st.files[r]) role = r;
        if (role < 0) role = 0;
    }
    if (role < 0) return false;
    st.files[role] = ImportFile{name, text};
    st.dirty = true;
    return true;
}

rp::Json ImportPreviewJson(const App& app) {
    const ImportDialogState& st = app.interop.import;
    rp::Json j = rp::Json::object();
    j["show"] = st.show;
    j["vendor"] = rp::interop::vendorName(kVendors[st.vendor].vendor);
    rp::Json files = rp::Json::object();
    for (int r = 0; r < 3; ++r) files[kRoles[r]] = st.files[r] ? rp::Json(st.files[r]->name) : rp::Json(nullptr);
    j["files"] = files;
    j["ok"] = st.result.has_value();
    j["error"] = st.error.empty() ? rp::Json(nullptr) : rp::Json(st.error);
    j["losses"] = st.result ? rp::interop::lossesToJson(st.result->losses) : rp::Json::array();
    j["weeks"] = st.result ? static_cast<int>(st.result->plan.weeks.size()) : 0;
    return j;
}

// [SECTION] the dialog

void DrawImportWindow(App& app) {
    ImportDialogState& st = app.interop.import;
    const Palette& pal = GetPalette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(820.0f, vp->WorkSize.x - 40), std::min(600.0f, vp->WorkSize.y - 60)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Import a rotation", &st.show, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    const float label_w = ImGui::CalcTextSize("Secondary").x + ImGui::GetStyle().ItemSpacing.x * 2;

    // The vendor.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("From");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo("##vendor", rp::interop::vendorTitle(kVendors[st.vendor].vendor))) {
        for (int i = 0; i < kVendorCount; ++i) {
            if (ImGui::Selectable(rp::interop::vendorTitle(kVendors[i].vendor), i == st.vendor) && i != st.vendor) {
                st.vendor = i;
                st.dirty = true;
            }
            Tag(std::string("import:vendor:") + rp::interop::vendorName(kVendors[i].vendor));
        }
        ImGui::EndCombo();
    }
    Tag("import:vendor");
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);   // a narrow window wraps the hint rather than cutting it off
    TextMuted("one file per role: %s", kVendors[st.vendor].what);
    ImGui::PopTextWrapPos();

    // One file per role.
    for (int r = 0; r < 3; ++r) {
        ImGui::PushID(r);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(kRoleTitles[r]);
        ImGui::SameLine(label_w);
        if (ImGui::Button("Choose file…"))
            platform::OpenFilePickerFor(kVendors[st.vendor].accept, std::string("import:") + kRoles[r]);
        Tag(std::string("import:choose:") + kRoles[r]);
        ImGui::SameLine();
        if (st.files[r]) {
            ImGui::Text("%s", st.files[r]->name.c_str());
            Tag(std::string("import:file:") + kRoles[r]);
            ImGui::SameLine();
            TextMuted("%s", SizeText(st.files[r]->text.size()).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Remove")) {
                st.files[r].reset();
                st.dirty = true;
            }
            Tag(std::string("import:remove:") + kRoles[r]);
        } else {
            TextMuted(r == 0 ? "required" : "optional");
        }
        ImGui::PopID();
    }
    TextMuted(platform::IsFileDragActive() ? "Drop the file: it goes to the first role without one."
                                           : "Or drop files onto the page: each goes to the first role without one.");

    // Options: zone and handoff.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Zone");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    std::string zone;
    if (ZoneCombo(app, "##zone", st.timezone, &zone, true)) {
        st.timezone = zone;
        st.dirty = true;
    }
    Tag("import:timezone");
    ImGui::SameLine();
    TextMuted("(team zone) = the schedule's zone, else UTC");
    const rp::interop::Vendor vendor = kVendors[st.vendor].vendor;
    if (st.timezone.empty() && (vendor == rp::interop::Vendor::Opsgenie || vendor == rp::interop::Vendor::GrafanaOnCall)) {
        ImGui::Dummy(ImVec2(label_w - ImGui::GetStyle().ItemSpacing.x, 0));
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, pal.warning_text);
        ImGui::Text("%s's file carries no zone: choose the team's, or the handoffs are read in UTC.",
                    rp::interop::vendorTitle(vendor));
        ImGui::PopStyleColor();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Handoff");
    ImGui::SameLine(label_w);
    if (ImGui::Checkbox("Set it", &st.handoff_given)) st.dirty = true;
    Tag("import:handoff");
    ImGui::SameLine();
    if (st.handoff_given) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::BeginCombo("##weekday", rp::weekdayName(st.handoff_weekday))) {
            for (int d = 1; d <= 7; ++d)
                if (ImGui::Selectable(rp::weekdayName(d % 7), d % 7 == st.handoff_weekday)) {
                    st.handoff_weekday = d % 7;
                    st.dirty = true;
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        std::string hm = rp::formatHm(st.handoff_minute);
        if (ImGui::InputText("##time", &hm))
            if (auto m = rp::parseHm(hm)) {
                st.handoff_minute = *m;
                st.dirty = true;
            }
    } else {
        TextMuted("detected: when most turns of the primary timeline start");
    }

    Refresh(app);
    ImGui::Separator();

    // What the import gives.
    if (!st.files[0]) {
        TextMuted("Choose the primary schedule's file to see what the import gives.");
    } else if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.error_text);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(st.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        Tag("import:error");
    } else if (st.result) {
        const rp::Plan& p = st.result->plan;
        std::string summary = p.team_name + "  ·  " + p.team_timezone + "  ·  " + rp::weekdayName(p.policy.handoff_weekday) +
                              " " + rp::formatHm(p.policy.handoff_minute) + "  ·  " +
                              Count(static_cast<int>(p.weeks.size()), "week", "weeks");
        if (!p.weeks.empty()) summary += " from " + rp::formatDate(p.weeks.front().start);
        summary += "  ·  " + Count(static_cast<int>(p.people.size()), "person", "people") + "  ·  " +
                   Count(static_cast<int>(p.overrides.size()), "override", "overrides");
        ImGui::TextUnformatted(summary.c_str());
        Tag("import:summary");
        const auto& losses = st.result->losses;
        if (losses.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.ok_text);
            ImGui::TextUnformatted("Exact: the plan holds every instant of the files, nothing is lost.");
            ImGui::PopStyleColor();
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.warning_text);
            ImGui::Text("Loss report (%zu): what the plan cannot hold as the files say", losses.size());
            ImGui::PopStyleColor();
        }
        Tag("import:verdict");
        const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
        if (!losses.empty() &&
            ImGui::BeginTable("##losses", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                                 ImGuiTableFlags_SizingFixedFit,
                              ImVec2(0, std::max(ImGui::GetTextLineHeightWithSpacing() * 3, ImGui::GetContentRegionAvail().y - footer)))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Kind");
            ImGui::TableSetupColumn("Role");
            ImGui::TableSetupColumn("Week");
            ImGui::TableSetupColumn("What to do", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(losses.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const rp::interop::Loss& l = losses[static_cast<std::size_t>(i)];
                    ImGui::TableNextRow();
                    ImGui::TableSetColumnIndex(0);
                    ImGui::TextUnformatted(l.kind.c_str());
                    Tag("import:loss:" + std::to_string(i));
                    ImGui::TableSetColumnIndex(1);
                    ImGui::TextUnformatted(l.role ? rp::roleName(*l.role) : "—");
                    ImGui::TableSetColumnIndex(2);
                    ImGui::TextUnformatted(l.week ? rp::formatDate(*l.week).c_str() : "—");
                    ImGui::TableSetColumnIndex(3);
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextUnformatted(l.detail.c_str());
                    ImGui::PopTextWrapPos();
                }
            }
            ImGui::EndTable();
            Tag("import:report");
        }
    }

    // The decision.
    ImGui::Separator();
    ImGui::BeginDisabled(!st.result);
    if (ImGui::Button("Replace the open plan")) Replace(app);
    Tag("import:replace");
    ImGui::SameLine();
    if (ImGui::Button("Download the report") && st.result)
        platform::DownloadText("import-report.json", "application/json",
                               rp::interop::lossesToJson(st.result->losses).dump(2) + "\n");
    Tag("import:download-report");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) st.show = false;
    Tag("import:cancel");
    ImGui::SameLine();
    TextMuted("Replacing is one step: Edit > Undo brings your plan back.");
    ImGui::End();
}

}  // namespace app
