// The rotation grid: one row per week (clipped, so 520 weeks cost what 30 do), with
// the handoff in the team's zone and the viewer's, and the assignments. Assign by
// picking from a cell's list or dropping a person from the team list onto a cell.
// Cells that a violation concerns are tinted, with the message in a tooltip.
#include <algorithm>
#include <array>
#include <cfloat>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "actions.hpp"
#include "layout.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

struct CellIssues {
    bool error = false, warning = false;
    std::vector<const rp::Violation*> list;
    void Add(const rp::Violation& v) {
        list.push_back(&v);
        if (v.severity == rp::Severity::Error) error = true; else warning = true;
    }
};

constexpr int kColumns = 9;   // dates, team handoff, your handoff, primary, secondary, escalation, shadow, emergency, note

std::string EffectiveEscalation(const rp::Plan& plan, const rp::Week& w, bool* is_default) {
    *is_default = !w.escalation.has_value();
    if (w.escalation) return *w.escalation;
    return plan.contacts.engineering_lead.value_or("");
}

// Which cells of a row each of its violations concerns.
void SortIssues(const rp::Plan& plan, const rp::Week& w, const std::vector<int>& indices, const rp::Report& report,
                CellIssues cells[7]) {
    bool esc_default = false;
    const std::string esc = EffectiveEscalation(plan, w, &esc_default);
    for (int idx : indices) {
        const rp::Violation& v = report.violations[idx];
        bool placed = false;
        auto place = [&](Column c) {
            cells[static_cast<int>(c)].Add(v);
            placed = true;
        };
        for (const std::string& id : v.people) {
            if (v.rule == "escalation-contact") {
                if (id == esc) place(Column::Escalation);
                continue;
            }
            if (w.primary && *w.primary == id) place(Column::Primary);
            if (w.secondary && *w.secondary == id) place(Column::Secondary);
            if (w.shadow && *w.shadow == id) place(Column::Shadow);
            if (!esc_default && id == esc && v.rule == "unknown-person") place(Column::Escalation);
        }
        if (!placed) {
            if (v.rule == "escalation-contact") {
                place(Column::Escalation);
            } else if (v.rule == "min-engineers" && (!w.primary || !w.secondary)) {
                if (!w.primary) place(Column::Primary);
                if (!w.secondary) place(Column::Secondary);
            } else {
                place(Column::Dates);
            }
        }
    }
}

// Which overrides cut into each week's primary and secondary (from the resolved shifts),
// rebuilt when the plan changes.
const std::array<std::vector<int>, 2>* OverridesOf(App& app, int week_index) {
    OverrideMarks& m = app.ux.override_marks;
    if (m.revision != app.derived.revision) {
        m.revision = app.derived.revision;
        m.by_week.assign(app.doc.plan().weeks.size(), {});
        for (const rp::Shift& s : app.derived.shifts) {
            if (!s.from_override || s.week < 0 || s.week >= (int)m.by_week.size() || s.role == rp::Role::Shadow) continue;
            auto& list = m.by_week[s.week][s.role == rp::Role::Primary ? 0 : 1];
            if (std::find(list.begin(), list.end(), s.override_index) == list.end()) list.push_back(s.override_index);
        }
    }
    if (week_index < 0 || week_index >= (int)m.by_week.size()) return nullptr;
    const auto& entry = m.by_week[week_index];
    return entry[0].empty() && entry[1].empty() ? nullptr : &entry;
}

std::string ShortLocal(const date::time_zone* zone, rp::Instant t) {
    if (!zone) return date::format("%a %d %b %H:%M UTC", t);
    auto info = zone->get_info(t);
    return date::format("%a %d %b %H:%M", date::local_seconds{(t + info.offset).time_since_epoch()});
}

// A small corner mark on a cell whose week has an override of that role.
void OverrideMarker(const std::string& tag) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float s = std::min(ImGui::GetFontSize() * 0.7f, (max.y - min.y) * 0.7f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 colour = GetPalette().override_piece;
    dl->AddTriangleFilled(ImVec2(max.x - s, min.y), ImVec2(max.x, min.y), ImVec2(max.x, min.y + s), colour);
    dl->AddLine(ImVec2(max.x - s, min.y), ImVec2(max.x, min.y + s), IM_COL32(0, 0, 0, 110), 1.0f);
    TagRect(tag, ImVec2(max.x - s, min.y), ImVec2(max.x, min.y + s));
}

// The cell's tooltip: the violations it is tinted for, and the overrides of its role.
void IssueTooltip(const CellIssues& issues, const App* app = nullptr, const std::vector<int>* overrides = nullptr) {
    if (issues.list.empty() && (!overrides || overrides->empty())) return;
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        const Palette& pal = GetPalette();
        if (app && overrides) {
            const rp::Plan& plan = app->doc.plan();
            const date::time_zone* zone = app->derived.team_zone;
            for (int index : *overrides) {
                if (index < 0 || index >= (int)plan.overrides.size()) continue;
                const rp::Override& o = plan.overrides[index];
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.override_piece));
                ImGui::TextUnformatted("Override");
                ImGui::PopStyleColor();
                ImGui::SameLine();
                ImGui::Text("%s is %s from %s to %s%s%s", plan.nameOf(o.person).c_str(), rp::roleName(o.role),
                            ShortLocal(zone, o.from.at).c_str(), ShortLocal(zone, o.to.at).c_str(),
                            o.reason ? ": " : "", o.reason ? o.reason->c_str() : "");
            }
        }
        for (const rp::Violation* v : issues.list) {
            bool err = v->severity == rp::Severity::Error;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(err ? pal.error_text : pal.warning_text));
            ImGui::TextUnformatted(err ? "Error" : "Warning");
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextDisabled("%s", v->rule.c_str());
            ImGui::TextUnformatted(v->message.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// Tints the current cell, and the frames drawn in it until PopTint().
int TintCell(const CellIssues& issues) {
    if (!issues.error && !issues.warning) return 0;
    ImU32 c = issues.error ? GetPalette().error_bg : GetPalette().warning_bg;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, c);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, c);
    ImGui::PushStyleColor(ImGuiCol_Border, issues.error ? GetPalette().error_text : GetPalette().warning_text);
    return 2;
}
void PopTint(int n) { ImGui::PopStyleColor(n); }

std::string FormatLocal(const date::time_zone* zone, rp::Instant t, const char* fmt) {
    if (!zone) return "?";
    try {
        auto info = zone->get_info(t);
        auto local = date::local_seconds{(t + info.offset).time_since_epoch()};
        return date::format(fmt, local) + " " + info.abbrev;
    } catch (const std::exception&) {
        return "?";
    }
}

rp::Date LocalDay(const date::time_zone* zone, rp::Instant t) {
    if (!zone) return date::floor<date::days>(t);
    return rp::Date{date::floor<date::days>(zone->to_local(t)).time_since_epoch()};
}

// A role cell: a combo to pick the person, and a drop target for a dragged person.
void RoleCell(App& app, int week_index, Column column, const std::string& date_text) {
    const rp::Plan& plan = app.doc.plan();
    const rp::Week& w = plan.weeks[week_index];
    const std::optional<std::string>* field = nullptr;
    const char* role = ColumnName(column);
    switch (column) {
    case Column::Primary: field = &w.primary; break;
    case Column::Secondary: field = &w.secondary; break;
    case Column::Escalation: field = &w.escalation; break;
    case Column::Shadow: field = &w.shadow; break;
    default: return;
    }
    std::optional<std::string> current = *field;
    const rp::Role cover_role = column == Column::Primary     ? rp::Role::Primary
                                : column == Column::Secondary ? rp::Role::Secondary
                                                              : rp::Role::Shadow;   // "Who can cover?" (not escalation)
    ImGui::PushID(role);
    std::optional<std::string> chosen;
    bool picked = false;
    const PickCell cell{w.start, column};
    PickOptions o;
    o.width = -FLT_MIN;
    o.flags = ImGuiComboFlags_NoArrowButton;
    o.cell = &cell;
    std::string preview;
    if (column == Column::Escalation) {
        // No week contact: the engineering lead by default, shown muted; picking sets one.
        o.heading = "Default: the engineering lead";
        o.none_label = "\u2014 the engineering lead (default) \u2014";
        if (!current) {
            bool dflt = false;
            std::string lead = EffectiveEscalation(plan, w, &dflt);
            preview = lead.empty() ? std::string("\u2014") : plan.nameOf(lead) + " (lead)";
            o.preview = preview.c_str();
            o.muted_preview = true;
        }
        picked = PickPerson(app, "##pick", current, &chosen, o);
    } else {
        bool cover = false;
        o.action = "Who can cover?\u2026";
        o.action_chosen = &cover;
        picked = PickPerson(app, "##pick", current, &chosen, o);
        if (cover) OpenCover(app, w.start, cover_role, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().y);
    }
    const float cell_top = ImGui::GetItemRectMin().y, cell_bottom = ImGui::GetItemRectMax().y;
    Tag("cell:" + date_text + ":" + role);
    if (column != Column::Escalation && ImGui::BeginPopupContextItem("##covermenu")) {
        ImGui::TextDisabled("%s of %s", role, date_text.c_str());
        ImGui::Separator();
        if (ImGui::MenuItem("Who can cover?")) OpenCover(app, w.start, cover_role, cell_top, cell_bottom);
        Tag("menu:Who can cover?");
        if (column == Column::Primary || column == Column::Secondary) {   // a request names one of these
            if (ImGui::MenuItem("Request swap / cover\u2026"))
                OpenRequestForm(app, w.start, cover_role, current, cell_top, cell_bottom);
            Tag("menu:Request swap / cover");
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPersonPayload)) {
            chosen = std::string(static_cast<const char*>(payload->Data), payload->DataSize);
            picked = true;
        }
        ImGui::EndDragDropTarget();
    }
    // A filled cell can itself be dragged onto another cell.
    if (current && ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceAllowNullID)) {
        ImGui::SetDragDropPayload(kPersonPayload, current->data(), current->size());
        ImGui::Text("%s", plan.nameOf(*current).c_str());
        ImGui::EndDragDropSource();
    }
    if (picked && chosen != current) {
        std::string who = chosen ? plan.nameOf(*chosen) : std::string("nobody");
        std::string description = std::string("Set ") + role + " of " + date_text + " to " + who;
        Edit(app, description, [=](rp::Plan& p) {
            rp::Week& wk = p.weeks[week_index];
            switch (column) {
            case Column::Primary: wk.primary = chosen; break;
            case Column::Secondary: wk.secondary = chosen; break;
            case Column::Escalation: wk.escalation = chosen; break;
            case Column::Shadow: wk.shadow = chosen; break;
            default: break;
            }
        });
    }
    ImGui::PopID();
}

void WeekContextMenu(App& app, int week_index, const std::string& date_text) {
    if (!ImGui::BeginPopupContextItem("##weekmenu")) return;
    ImGui::TextDisabled("Week of %s", date_text.c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("Insert a week before")) {
        Edit(app, "Insert a week before " + date_text, [=](rp::Plan& p) {
            rp::Week w;
            w.start = p.weeks[week_index].start - date::days{7};
            p.weeks.insert(p.weeks.begin() + week_index, w);
        });
    }
    if (ImGui::MenuItem("Clear assignments")) {
        Edit(app, "Clear the week of " + date_text, [=](rp::Plan& p) {
            rp::Week& w = p.weeks[week_index];
            w.primary.reset();
            w.secondary.reset();
            w.shadow.reset();
            w.escalation.reset();
        });
    }
    if (ImGui::MenuItem("Remove this week")) {
        Edit(app, "Remove the week of " + date_text,
                      [=](rp::Plan& p) { p.weeks.erase(p.weeks.begin() + week_index); });
    }
    ImGui::EndPopup();
}

void Toolbar(App& app) {
    const rp::Plan& plan = app.doc.plan();
    if (ImGui::Button("+ Add week")) Run(app, ActionId::AddWeek);
    Tag("button:add-week");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::InputInt("##addn", &app.rotation.add_weeks);
    app.rotation.add_weeks = std::clamp(app.rotation.add_weeks, 1, 520);
    ImGui::SameLine();
    if (ImGui::Button("Add weeks")) {
        int n = app.rotation.add_weeks;
        Edit(app, "Add " + std::to_string(n) + " weeks", [n](rp::Plan& p) {
            for (int i = 0; i < n; ++i) {
                rp::Week w;
                if (!p.weeks.empty()) {
                    w.start = p.weeks.back().start + date::days{7};
                } else {
                    auto today = date::floor<date::days>(std::chrono::system_clock::now());
                    int wd = static_cast<int>(date::weekday(today).c_encoding());
                    w.start = today + date::days{(p.policy.handoff_weekday - wd + 7) % 7};
                }
                p.weeks.push_back(w);
            }
        });
        app.rotation.scroll_to_week = 1 << 30;   // the last week, once added
    }
    Tag("button:add-weeks");
    ImGui::SameLine();
    ImGui::BeginDisabled(plan.weeks.empty());
    if (ImGui::Button("Remove last")) {
        std::string d = rp::formatDate(plan.weeks.back().start);
        Edit(app, "Remove the week of " + d, [](rp::Plan& p) { p.weeks.pop_back(); });
    }
    ImGui::EndDisabled();
    Tag("button:remove-week");
    ImGui::SameLine();
    if (ImGui::Button("Draft weeks…")) app.req.show_draft = true;
    Tag("button:draft-weeks");
    ImGui::SameLine();
    if (ImGui::Button("Requests")) app.req.show_requests = true;
    Tag("button:requests");
    ImGui::SameLine();
    PublishButton(app);
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    TextMuted("%d weeks", (int)plan.weeks.size());
    ImGui::SetItemTooltip("Handoff times in the team zone (%s); \"Your time\" in yours (%s)",
                          plan.team_timezone.c_str(), app.viewer.name.c_str());
}

// While the sample is open: say so, and offer a plan of one's own.
void SampleBanner(App& app) {
    const Palette& pal = GetPalette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.highlight_bg));
    const float h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    if (ImGui::BeginChild("##sample", ImVec2(0, h), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar)) {
        ImGui::SetCursorPos(ImVec2(ImGui::GetStyle().ItemSpacing.x, ImGui::GetStyle().WindowPadding.y * 0.5f));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("This is a sample plan to explore.");
        Tag("sample:banner");
        ImGui::SameLine();
        if (ImGui::SmallButton("Start your own plan")) StartNewPlan(app);
        Tag("sample:start");
        ImGui::SameLine();
        if (ImGui::SmallButton("Keep exploring")) app.ux.sample_banner_dismissed = true;
        Tag("sample:hide");
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void DrawRotationView(App& app) {
    if (!BeginPanel(app, Panel::Rotation, "Rotation", &app.windows.rotation)) {
        ImGui::End();
        return;
    }
    if (SampleOpen(app) && !app.ux.sample_banner_dismissed) SampleBanner(app);
    Toolbar(app);
    const rp::Plan& plan = app.doc.plan();
    const Derived& d = app.derived;
    const Palette& pal = GetPalette();

    if (plan.weeks.empty()) {
        ImGui::Spacing();
        TextMuted("No weeks yet. \"Draft weeks\u2026\" adds and fills them from the next handoff; \"+ Add week\" adds "
                  "an empty one.");
        ImGui::End();
        return;
    }

    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                            ImGuiTableFlags_Resizable;
    // Columns stretch to the panel; below a readable width the grid scrolls sideways.
    const float em = ImGui::GetFontSize();
    const RotationWidths need = RotationColumnWidths(app);   // layout.cpp: whole names, or scroll
    const float inner_width = std::max({ImGui::GetContentRegionAvail().x, em * 40.0f, need.min_total});
    if (ImGui::BeginTable("##grid", kColumns, flags, ImVec2(0, 0), inner_width)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        // Text columns fit their longest content; the people and the note share the rest.
        const float pad = ImGui::GetStyle().CellPadding.x * 2 + 4;
        auto fit = [&](const char* sample) { return ImGui::CalcTextSize(sample).x + pad; };
        const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed;
        ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_NoHide | fixed, fit("30 Sep 2026"));
        ImGui::TableSetupColumn("Handoff", fixed, fit("09:00 AEDT"));
        ImGui::TableSetupColumn("Your time", fixed, fit("Wed 09:00 EST"));
        ImGui::TableSetupColumn("Primary", ImGuiTableColumnFlags_WidthStretch, need.person);
        ImGui::TableSetupColumn("Secondary", ImGuiTableColumnFlags_WidthStretch, need.person);
        ImGui::TableSetupColumn("Escalation", ImGuiTableColumnFlags_WidthStretch, need.escalation);
        ImGui::TableSetupColumn("Shadow", ImGuiTableColumnFlags_WidthStretch, need.person);
        ImGui::TableSetupColumn("Emerg.", fixed, fit("Emerg."));
        ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch, need.note);
        ImGui::TableHeadersRow();

        const int count = static_cast<int>(plan.weeks.size());
        std::optional<int> target = app.rotation.scroll_to_week;
        if (target) target = std::clamp(*target, 0, count - 1);
        ImGuiListClipper clipper;
        clipper.Begin(count);
        if (target) clipper.IncludeItemByIndex(*target);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const rp::Week& w = plan.weeks[i];
                const std::string date_text = rp::formatDate(w.start);
                ImGui::TableNextRow(0, ImGui::GetFrameHeight());
                ImGui::PushID(i);

                CellIssues cells[7];
                auto it = d.violations_by_week.find(w.start.time_since_epoch().count());
                if (it != d.violations_by_week.end()) SortIssues(plan, w, it->second, d.report, cells);

                bool highlighted = app.rotation.highlight_week == i && platform::NowSeconds() < app.rotation.highlight_until;
                TintNoticeRow(app, i);
                if (highlighted) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, pal.highlight_bg);

                // Week dates
                ImGui::TableSetColumnIndex(0);
                PopTint(TintCell(cells[(int)Column::Dates]));
                ImGui::AlignTextToFramePadding();
                std::string label = date::format("%d %b %Y", w.start);
                ImGui::Selectable(label.c_str(), highlighted, ImGuiSelectableFlags_AllowOverlap);
                Tag("cell:" + date_text + ":dates");
                IssueTooltip(cells[(int)Column::Dates]);
                WeekContextMenu(app, i, date_text);
                if (target && *target == i) {
                    ImGui::SetScrollHereY(0.3f);
                    app.rotation.scroll_to_week.reset();
                }

                // Handoffs
                const bool have_span = i < (int)d.spans.size();
                ImGui::TableSetColumnIndex(1);
                ImGui::AlignTextToFramePadding();
                if (have_span) ImGui::TextUnformatted(FormatLocal(d.team_zone, d.spans[i].start, "%H:%M").c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::AlignTextToFramePadding();
                if (have_span) {
                    // The weekday only when the handoff falls on another day where the viewer is.
                    bool other_day = LocalDay(app.viewer.zone, d.spans[i].start) != w.start;
                    std::string mine = FormatLocal(app.viewer.zone, d.spans[i].start, other_day ? "%a %H:%M" : "%H:%M");
                    TextMuted("%s", mine.c_str());
                    if (ImGui::BeginItemTooltip()) {
                        ImGui::Text("%s in %s", FormatLocal(app.viewer.zone, d.spans[i].start, "%a %d %b %Y %H:%M").c_str(),
                                    app.viewer.name.c_str());
                        ImGui::EndTooltip();
                    }
                }

                // Roles
                const Column roles[] = {Column::Primary, Column::Secondary, Column::Escalation, Column::Shadow};
                const auto* overrides = OverridesOf(app, i);
                for (int r = 0; r < 4; ++r) {
                    ImGui::TableSetColumnIndex(3 + r);
                    int tint = TintCell(cells[(int)roles[r]]);
                    RoleCell(app, i, roles[r], date_text);
                    MarkChangedCell(app, w.start, roles[r]);
                    PopTint(tint);
                    const std::vector<int>* role_overrides = overrides && r < 2 && !(*overrides)[r].empty() ? &(*overrides)[r] : nullptr;
                    if (role_overrides)
                        OverrideMarker("cell:" + date_text + ":" + ColumnName(roles[r]) + ":override");
                    IssueTooltip(cells[(int)roles[r]], &app, role_overrides);
                }

                // Emergency
                ImGui::TableSetColumnIndex(7);
                bool emergency = w.emergency;
                if (ImGui::Checkbox("##emergency", &emergency)) {
                    Edit(app, std::string(emergency ? "Mark " : "Unmark ") + date_text + " as an emergency week",
                                  [=](rp::Plan& p) { p.weeks[i].emergency = emergency; });
                }
                Tag("cell:" + date_text + ":emergency");
                ImGui::SetItemTooltip("Emergency week: consecutive on-call is allowed (reported as a warning)");

                // Note
                ImGui::TableSetColumnIndex(8);
                ImGui::SetNextItemWidth(-FLT_MIN);
                InputOptional(app, "##note", app.doc.LivePlan().weeks[i].note, "Edit the note of " + date_text, "note");
                Tag("cell:" + date_text + ":note");

                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
