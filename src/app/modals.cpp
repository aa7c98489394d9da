// Modals (errors, confirmations), the About window, the status bar and the drop hint;
// the guidance: the welcome on first open, Getting started and Help ▸ Rules.
//
// [SECTION] modals
// [SECTION] about, status bar, drop hint
// [SECTION] guidance: welcome, getting started, rules
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <map>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "actions.hpp"
#include "layout.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

// [SECTION] modals -------------------------------------------------------------------------

void DrawModals(App& app) {
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    if (app.error.pending_open) {
        ImGui::OpenPopup("##error");
        app.error.pending_open = false;
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(640, FLT_MAX));
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        Heading(app.error.title.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 38.0f);
        ImGui::TextUnformatted(app.error.message.c_str());
        ImGui::PopTextWrapPos();
        Tag("modal:error");
        ImGui::Spacing();
        if (ImGui::Button("Copy message")) platform::ClipboardSet(app.error.title + "\n" + app.error.message);
        ImGui::SameLine();
        if (ImGui::Button("OK", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        Tag("modal:error/OK");
        ImGui::SetItemDefaultFocus();
        ImGui::EndPopup();
    }

    if (app.confirm.pending_open) {
        ImGui::OpenPopup("##confirm");
        app.confirm.pending_open = false;
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##confirm", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        Heading(app.confirm.title.c_str());
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
        ImGui::TextUnformatted(app.confirm.message.c_str());
        ImGui::PopTextWrapPos();
        Tag("modal:confirm");
        ImGui::Spacing();
        if (ImGui::Button(app.confirm.confirm_label.c_str())) {
            if (app.confirm.action == static_cast<int>(ActionId::NewPlan)) StartNewPlan(app);
            ImGui::CloseCurrentPopup();
        }
        Tag("modal:confirm/OK");
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        Tag("modal:confirm/Cancel");
        ImGui::SetItemDefaultFocus();
        ImGui::EndPopup();
    }
}

// [SECTION] about, status bar, drop hint -----------------------------------------------------

void DrawAboutWindow(App& app) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("About Rotaplan", &app.windows.about,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        Heading("Rotaplan " RP_VERSION);
        ImGui::TextUnformatted("On-call rotation planner. Your plan stays in this browser.");
        ImGui::Separator();
        ImGui::TextUnformatted("Drop a plan file anywhere on the page to open it.");
        ImGui::TextUnformatted("Drag a person from the Team list onto a rotation cell to assign them.");
        ImGui::TextUnformatted("Right-click a week's date for more.");
        ImGui::Text("Ctrl+Z / Ctrl+Shift+Z undo and redo; Ctrl+S downloads the plan.");
        ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
    }
    ImGui::End();
}

void DrawStatusBar(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = StatusBarHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::AlignTextToFramePadding();
    const Palette& pal = GetPalette();
    const Derived& d = app.derived;
    const bool ok = d.report.errors == 0;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ok ? pal.ok_text : pal.error_text));
    if (ok) ImGui::TextUnformatted("\u2713 No errors");
    else ImGui::Text("\u2717 %s", Count(d.report.errors, "error", "errors").c_str());
    ImGui::PopStyleColor();
    Tag("status:check");
    ImGui::SameLine();
    TextMuted("%s", Count(d.report.warnings, "warning", "warnings").c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    DrawSaveStatus(app);   // storage.cpp
    if (!d.problems.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error_text));
        ImGui::TextUnformatted(d.problems.front().c_str());
        ImGui::PopStyleColor();
    }
    if (!app.notice.text.empty()) {
        if (app.notice.until != 0 && platform::NowSeconds() > app.notice.until) {
            app.notice.text.clear();
        } else {
            ImGui::SameLine();
            ImGui::TextDisabled("|");
            ImGui::SameLine();
            // The notice gives way to "On call now" (and its Dismiss button): cut with an
            // ellipsis to the room left, the whole text on hover (a narrow or zoomed page).
            const ImGuiStyle& style = ImGui::GetStyle();
            float reserve = ImGui::CalcTextSize(OnCallNowText(app).c_str()).x + ImGui::CalcTextSize("|").x +
                            style.ItemSpacing.x * 3 + 12.0f;
            if (app.notice.until == 0) reserve += ImGui::CalcTextSize("Dismiss").x + style.FramePadding.x * 2 + style.ItemSpacing.x;
            const float room = ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - reserve;
            TextCut(app.notice.text, std::max(room, ImGui::GetFontSize() * 6));
            Tag("status:notice");
            if (app.notice.until == 0) {
                ImGui::SameLine();
                if (ImGui::SmallButton("Dismiss")) app.notice.text.clear();
            }
        }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    DrawOnCallNow(app);
    std::string right = "Your zone: " + app.viewer.name;
    float w = ImGui::CalcTextSize(right.c_str()).x;
    // Right-aligned when there is room after the last item (a narrow or zoomed page has none).
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (used + 20.0f <= ImGui::GetWindowWidth() - w - 12.0f) {
        ImGui::SameLine(ImGui::GetWindowWidth() - w - 12.0f);
        TextMuted("%s", right.c_str());
    }
    ImGui::End();
}

void DrawDropHint(App& app) {
    if (!platform::IsFileDragActive()) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 a(vp->Pos.x + 12, vp->Pos.y + 12), b(vp->Pos.x + vp->Size.x - 12, vp->Pos.y + vp->Size.y - 12);
    dl->AddRectFilled(a, b, IM_COL32(40, 90, 180, 60), 12.0f);
    dl->AddRect(a, b, IM_COL32(60, 120, 230, 220), 12.0f, 0, 3.0f);
    const char* text = app.interop.import.show ? "Drop a schedule file for the Import dialog" : "Drop a plan file to open it";
    ImGui::PushFont(GetFonts().heading);
    ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 at(vp->GetCenter().x - size.x / 2, vp->GetCenter().y - size.y / 2);
    // An opaque plate under the words: white on the translucent wash would be 1.6:1.
    dl->AddRectFilled(ImVec2(at.x - 16, at.y - 10), ImVec2(at.x + size.x + 16, at.y + size.y + 10), IM_COL32(30, 80, 170, 255), 8.0f);
    dl->AddText(at, IM_COL32(255, 255, 255, 255), text);
    ImGui::PopFont();
}

// [SECTION] guidance: welcome, getting started, rules ----------------------------------------

namespace {

constexpr const char* kWelcomedKey = "rotaplan.welcomed";

// The current window's bottom-right corner (its test rectangle: window:NAME).
ImVec2 WindowMax() {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    return ImVec2(p.x + s.x, p.y + s.y);
}

// One sentence per rule of the check (docs/rules.md, changes.md), in the order a lead
// meets them.
struct RuleHelp {
    const char* id;
    const char* severity;
    const char* text;
};
const RuleHelp kRules[] = {
    {"min-engineers", "error",
     "Some moment of a week has no primary or no secondary, one person is both at once, or the rotation pool has "
     "fewer than two people."},
    {"gap", "error", "A week starts more than 7 days after the one listed before it, so some days have no rotation."},
    {"week-order", "error",
     "A week does not start on the handoff weekday, is listed twice, or is listed after a later week."},
    {"not-eligible", "error",
     "A primary, secondary or override names someone outside the rotation pool: not on call, or a trainee "
     "(trainees may only shadow)."},
    {"consecutive", "error (warning in an emergency week)",
     "Someone is on call two weeks in a row (primary or secondary, or primary only, as the policy counts)."},
    {"unavailable", "error", "Someone is on call, shadowing or the escalation contact while they have time off."},
    {"escalation-contact", "error",
     "A week has no escalation contact, or its contact is not in the team or has time off that week."},
    {"escalation-on-call", "warning",
     "A week's escalation contact is also its primary or secondary, so one person would be paged twice."},
    {"change-notice", "error (warning for an emergency)",
     "A pending or approved change request was submitted fewer days ahead of its week than the notice period."},
    {"request-invalid", "error",
     "A pending or approved request does not match the plan: the person does not hold that role in that week."},
    {"unknown-person", "error",
     "An id named by a week, a contact, time off, an override or a request is not in the team."},
    {"override-outside", "error", "An override lies partly or wholly outside the plan's weeks."},
    {"fairness", "warning",
     "In the rotation pool, the most and the fewest primary (or secondary) weeks differ by more than one."},
    {"late-change", "error (warning in an emergency)",
     "A week inside the notice period (from today) differs from the published rotation without an on-time request."},
    {"history-change", "warning",
     "A week that has already ended differs from the published rotation: the record of who was on call was "
     "rewritten."},
    {"not-ready", "error",
     "Someone is primary or secondary before they are ready: too few shadow weeks, or a readiness checklist item "
     "not done."},
};

void FinishWelcome() { platform::StorageSet(kWelcomedKey, "1"); }

void DrawWelcome(App& app) {
    UxState& ux = app.ux;
    if (!ux.welcome_checked && app.ready) {
        ux.welcome_checked = true;
        if (SampleOpen(app) && !platform::StorageGet(kWelcomedKey)) ux.welcome_pending = true;
    }
    if (ux.welcome_pending) {
        ImGui::OpenPopup("##welcome");
        ux.welcome_pending = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(460.0f, vp->WorkSize.x - 20), 0), ImVec2(620, FLT_MAX));
    if (!ImGui::BeginPopupModal("##welcome", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return;
    TagRect("welcome", ImGui::GetWindowPos(), WindowMax());
    if (!SampleOpen(app)) ImGui::CloseCurrentPopup();   // a plan was opened or loaded meanwhile
    const float wrap = ImGui::GetFontSize() * 34.0f;
    Heading("Welcome to Rotaplan");
    ImGui::Separator();
    ImGui::PushTextWrapPos(wrap);
    ImGui::TextUnformatted("This is a sample plan: the Platform team's rotation for four weeks of December 2026, "
                           "with a swap request, an override and some time off. Try anything on it.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Your own plan starts empty: name the team, set its zone, add the people, draft the "
                           "weeks, export them. It stays in this browser; nothing is sent anywhere.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Start your own plan")) {
        FinishWelcome();
        StartNewPlan(app);
        ImGui::CloseCurrentPopup();
    }
    Tag("welcome:start");
    ImGui::SameLine();
    bool keep = ImGui::Button("Keep exploring the sample");
    Tag("welcome:explore");
    ImGui::SetItemDefaultFocus();
    if (keep || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        FinishWelcome();
        ImGui::CloseCurrentPopup();
    }
    ImGui::Spacing();
    TextMuted("Help \u25b8 Getting started and Help \u25b8 Rules are there whenever you need them.");
    ImGui::EndPopup();
}

void DrawGettingStarted(App& app) {
    UxState& ux = app.ux;
    const rp::Plan& plan = app.doc.plan();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 16, vp->WorkPos.y + 60), ImGuiCond_Appearing,
                            ImVec2(1.0f, 0.0f));
    if (!ImGui::Begin("Getting started", &ux.show_getting_started,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    TagRect("window:Getting started", ImGui::GetWindowPos(), WindowMax());
    int pool = 0;
    for (const rp::Person& p : plan.people)
        if (p.on_call && !p.trainee) ++pool;
    // A week takes two people; with "no two weeks in a row" counting both roles, a
    // rotation that never repeats needs four.
    const bool both_count = plan.policy.no_consecutive == rp::NoConsecutive::Any;
    const int needed = both_count ? 4 : 2;
    const char* why_needed = both_count ? "each week takes two, and nobody is on call two weeks in a row."
                                        : "each week takes a primary and a secondary.";
    bool all_filled = !plan.weeks.empty();
    for (const rp::Week& w : plan.weeks)
        if (!w.primary || !w.secondary) all_filled = false;
    struct Step {
        bool done;
        std::string title, detail;
        const char* button;
    };
    const Step steps[] = {
        {!plan.team_name.empty() && plan.team_name != "New team", "Name the team",
         "Policy \u25b8 Team name: it titles the exports and the file you save.", "Policy"},
        {app.derived.team_zone != nullptr, "Check the team's time zone",
         "Handoffs, business hours and holidays are read in " + plan.team_timezone + ".", "Zone"},
        {pool >= needed, "Add the people who go on call",
         pool >= needed ? std::to_string(pool) + " people in the rotation pool."
                        : std::to_string(pool) + " of at least " + std::to_string(needed) +
                              " in the rotation pool (on call, not trainees): " + why_needed + " The lead stays out of it.",
         "Add a person"},
        {all_filled, "Draft the weeks",
         "Draft weeks fills primary and secondary from the next handoff on, fairly and within the rules.",
         "Draft weeks"},
        {ux.exported, "Export or save",
         "Calendar files for everyone (iCalendar), CSV or Markdown; Save plan keeps a copy of the plan.", "Export"},
    };
    const Palette& pal = GetPalette();
    const float em = ImGui::GetFontSize();
    for (int i = 0; i < 5; ++i) {
        const Step& st = steps[i];
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(st.done ? pal.ok_text : pal.muted_text));
        ImGui::Text(st.done ? "\u2713" : "%d", i + 1);
        ImGui::PopStyleColor();
        ImGui::SameLine(em * 1.6f);
        ImGui::BeginGroup();
        ImGui::TextUnformatted(st.title.c_str());
        Tag("start:step:" + std::to_string(i + 1) + (st.done ? ":done" : ":todo"));
        ImGui::PushTextWrapPos(em * 26);
        TextMuted("%s", st.detail.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(em * 28);
        if (ImGui::SmallButton(st.button)) {
            switch (i) {
            case 0:
            case 1: app.windows.policy = true; break;
            case 2: Run(app, ActionId::AddPerson); break;
            case 3: app.req.show_draft = true; break;
            case 4: app.windows.exports = true; break;
            }
        }
        Tag("start:go:" + std::to_string(i + 1));
        ImGui::PopID();
    }
    ImGui::Spacing();
    TextMuted("Help \u25b8 Rules explains each rule the check applies.");
    ImGui::End();
}

void DrawRulesHelp(App& app) {
    UxState& ux = app.ux;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, vp->WorkSize.x - 40), std::min(560.0f, vp->WorkSize.y - 60)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Rules", &ux.show_rules, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    TagRect("window:Rules", ImGui::GetWindowPos(), WindowMax());
    ImGui::PushTextWrapPos(0);
    TextMuted("The check runs after every change and lists each rule a plan breaks in Violations. Errors must be "
              "fixed; warnings are allowed.");
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputTextWithHint("##rulesfilter", "Filter rules", &ux.rules_filter);
    std::map<std::string, int> now;
    for (const rp::Violation& v : app.derived.report.violations) ++now[v.rule];
    const Palette& pal = GetPalette();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##rules", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthFixed, em * 9.5f);
        ImGui::TableSetupColumn("What it means", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("In this plan", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableHeadersRow();
        std::string filter = ux.rules_filter;
        for (char& c : filter) c = static_cast<char>(std::tolower((unsigned char)c));
        for (const RuleHelp& r : kRules) {
            std::string hay = std::string(r.id) + " " + r.text;
            for (char& c : hay) c = static_cast<char>(std::tolower((unsigned char)c));
            if (!filter.empty() && hay.find(filter) == std::string::npos) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.id);
            Tag(std::string("rules:") + r.id);
            TagText(std::string("rules:") + r.id, std::string(r.severity) + " | " + r.text);
            const bool error = std::string(r.severity).rfind("error", 0) == 0;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(error ? pal.error_text : pal.warning_text));
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em * 9.0f);
            ImGui::TextUnformatted(r.severity);
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", r.text);
            ImGui::TableNextColumn();
            auto it = now.find(r.id);
            if (it == now.end()) TextMuted("none");
            else ImGui::Text("%d", it->second);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace

bool SampleOpen(const App& app) { return app.file_name == kSampleFileName; }

void DrawGuidance(App& app) {
    DrawWelcome(app);
    if (app.ux.show_getting_started) DrawGettingStarted(app);
    if (app.ux.show_rules) DrawRulesHelp(app);
}

void GuidanceMenuItems(App& app) {
    ImGui::MenuItem("Getting started", nullptr, &app.ux.show_getting_started);
    Tag("menu:Help/Getting started");
    ImGui::MenuItem("Rules", nullptr, &app.ux.show_rules);
    Tag("menu:Help/Rules");
    ImGui::Separator();
}

}  // namespace app
