// The team: people (add, edit, remove, rename ids everywhere), contacts, time off.
// People in the list can be dragged onto the rotation grid.
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <chrono>
#include <memory>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "layout.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

bool ValidId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

// Why `id` cannot be used for a new or renamed person, or "" when it can.
std::string IdProblem(const rp::Plan& plan, const std::string& id, int except = -1) {
    if (!ValidId(id)) return "Ids are 1–64 characters of a–z, 0–9, '.', '_' or '-'";
    for (int i = 0; i < (int)plan.people.size(); ++i)
        if (i != except && plan.people[i].id == id) return "\"" + id + "\" is already taken";
    return "";
}

void RenameEverywhere(rp::Plan& p, const std::string& from, const std::string& to) {
    auto fix = [&](std::optional<std::string>& v) { if (v && *v == from) v = to; };
    auto fixs = [&](std::string& v) { if (v == from) v = to; };
    for (auto& person : p.people) fixs(person.id);
    for (auto& w : p.weeks) { fix(w.primary); fix(w.secondary); fix(w.escalation); fix(w.shadow); }
    for (auto& o : p.overrides) fixs(o.person);
    for (auto& t : p.time_off) fixs(t.person);
    for (auto& r : p.requests) { fixs(r.by); fixs(r.with); }
    fix(p.contacts.engineering_lead);
    fix(p.contacts.cto);
    fix(p.contacts.ceo);
}

rp::Date TodayInTeamZone(const App& app) {
    auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (!app.derived.team_zone) return date::floor<date::days>(now);
    return rp::Date{date::floor<date::days>(app.derived.team_zone->to_local(now)).time_since_epoch()};
}

// The first week of the plan starting today or later (the next handoff); today without one.
rp::Date DefaultEffectiveDate(const App& app) {
    const rp::Date today = TodayInTeamZone(app);
    std::optional<rp::Date> best;
    for (const rp::Week& w : app.doc.plan().weeks)
        if (w.start >= today && (!best || w.start < *best)) best = w.start;
    return best.value_or(today);
}

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? (i + 1 == items.size() ? " and " : ", ") : "") + items[i];
    return out;
}

// "Remove Bob Osei from the team?": what happens to their duties from a date (left empty or
// redrafted, nobody else's weeks move), and whether they stay, inactive from that date, or
// go with every mention of them. One undoable step.
void RemovalDialog(App& app) {
    RemovalDialogState& rd = app.removal;
    if (rd.open_pending) {
        ImGui::OpenPopup("##remove-person");
        rd.open_pending = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##remove-person", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return;
    const rp::Plan& plan = app.doc.plan();
    const rp::Person* person = plan.findPerson(rd.person);
    if (!person) {   // gone meanwhile (undo)
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const std::string name = person->name;
    const std::optional<rp::Date> from = rp::parseDate(rd.from);
    const PersonMentions m = FindMentions(plan, rd.person, from.value_or(DefaultEffectiveDate(app)));
    Heading(("Take " + name + " off the team?").c_str());
    Tag("modal:remove-person");
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("From the week of");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
    ImGui::InputTextWithHint("##from", "YYYY-MM-DD", &rd.from);
    Tag("team:remove:from");
    if (!from) {
        ImGui::SameLine();
        TextMuted("a date as YYYY-MM-DD");
    }
    ImGui::TextWrapped("%s holds %s in weeks from then on%s.", name.c_str(),
                       Count(m.duties_from, "duty", "duties").c_str(),
                       m.weeks_before ? (", and is named in " + Count(m.weeks_before, "earlier week", "earlier weeks")).c_str()
                                      : "");
    ImGui::SeparatorText("Their duties from that week");
    if (ImGui::RadioButton("Leave them empty, to fill later", !rd.redraft)) rd.redraft = false;
    Tag("team:remove:empty");
    if (ImGui::RadioButton("Redraft them: only those cells, nobody else's weeks move", rd.redraft)) rd.redraft = true;
    Tag("team:remove:redraft");
    ImGui::SeparatorText(name.c_str());
    if (ImGui::RadioButton("Stays on the team, inactive from that week (earlier weeks keep the name)", rd.keep_inactive))
        rd.keep_inactive = true;
    Tag("team:remove:inactive");
    std::vector<std::string> also;
    if (m.weeks_before) also.push_back(Count(m.weeks_before, "earlier week", "earlier weeks"));
    if (m.overrides_from + m.overrides_before)
        also.push_back(Count(m.overrides_from + m.overrides_before, "override", "overrides"));
    if (m.time_off) also.push_back(Count(m.time_off, "time off", "times off"));
    const int requests = static_cast<int>(m.requests_from.size()) + m.requests_other;
    if (requests) also.push_back(Count(requests, "request", "requests"));
    for (const std::string& c : m.contacts) also.push_back("the " + c + " contact");
    const std::string remove_text = "Is removed from the plan" + (also.empty() ? std::string() : ", with " + Join(also));
    ImGui::BeginDisabled(plan.people.size() <= 1);
    if (ImGui::RadioButton(remove_text.c_str(), !rd.keep_inactive)) rd.keep_inactive = false;
    ImGui::EndDisabled();
    Tag("team:remove:delete");
    if (rd.keep_inactive && (!m.requests_from.empty() || m.overrides_from))
        TextMuted("%s%s%s", m.requests_from.empty() ? "" : ("Open requests about those duties are rejected: " + Join(m.requests_from) + ". ").c_str(),
                  m.overrides_from ? Count(m.overrides_from, "override", "overrides").c_str() : "",
                  m.overrides_from ? " from that week are removed." : "");
    if (!rd.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        ImGui::TextWrapped("%s", rd.error.c_str());
        ImGui::PopStyleColor();
        Tag("team:remove:error");
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::BeginDisabled(!from);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(GetPalette().error_bg));
    const bool apply = ImGui::Button(rd.keep_inactive ? "Make inactive" : "Remove");
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    Tag("team:remove:apply");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    Tag("team:remove:cancel");
    if (apply && from) {
        RemovalChoice choice;
        choice.person = rd.person;
        choice.from = *from;
        choice.redraft = rd.redraft;
        choice.keep_inactive = rd.keep_inactive;
        choice.decided_at = date::format("%FT%TZ", date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
        RemovalResult r = RemovePerson(plan, choice);
        if (!r.ok) {
            rd.error = "Nothing was changed: " + r.error + ". Leave them empty instead, or pick a later week.";
        } else {
            const std::string date = rp::formatDate(*from);
            std::string weeks = r.emptied == 0 ? "no duties to change"
                                : rd.redraft ? Count(r.refilled, "duty", "duties") + " redrafted" +
                                                   (r.refilled < r.emptied ? ", " + std::to_string(r.emptied - r.refilled) + " left empty" : "")
                                             : Count(r.emptied, "duty", "duties") + " left empty";
            std::string description = (rd.keep_inactive ? "Make " + name + " inactive from " + date : "Remove " + name) +
                                      " (" + weeks + ")";
            auto result = std::make_shared<rp::Plan>(std::move(r.plan));
            Edit(app, description, [result](rp::Plan& p) { p = *result; });
            if (!rd.keep_inactive) app.team.selected = -1;
            ShowNotice(app, description);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndPopup();
}

bool Matches(const rp::Person& p, const std::string& filter) {
    if (filter.empty()) return true;
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower((unsigned char)c));
        return s;
    };
    std::string f = lower(filter);
    return lower(p.name).find(f) != std::string::npos || lower(p.id).find(f) != std::string::npos;
}

// Wide enough for a whole date ("2026-12-28") in the current font, frame included.
float DateFieldWidth() {
    return ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFontSize() * 0.6f;
}

void Badge(const char* text, ImU32 color) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void AddPersonForm(App& app) {
    const rp::Plan& plan = app.doc.plan();
    ImGui::SeparatorText("Add a person");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::IsWindowAppearing() || app.team.selected == -2) ImGui::SetKeyboardFocusHere();
    if (app.team.selected == -2) app.team.selected = -3;   // focus once
    bool enter = ImGui::InputTextWithHint("##newid", "id (e.g. alice)", &app.team.new_id,
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsNoBlank);
    Tag("team:new-id");
    ImGui::SameLine();
    std::string problem = app.team.new_id.empty() ? std::string() : IdProblem(plan, app.team.new_id);
    ImGui::BeginDisabled(app.team.new_id.empty() || !problem.empty());
    bool add = ImGui::Button("Add person") || (enter && problem.empty() && !app.team.new_id.empty());
    ImGui::EndDisabled();
    Tag("team:add-person");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) app.team.selected = -1;
    if (!problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
        ImGui::TextWrapped("%s", problem.c_str());
        ImGui::PopStyleColor();
    }
    if (add) {
        std::string id = app.team.new_id;
        std::string name = id;
        if (!name.empty()) name[0] = static_cast<char>(std::toupper((unsigned char)name[0]));
        Edit(app, "Add " + id, [id, name](rp::Plan& p) {
            rp::Person person;
            person.id = id;
            person.name = name;
            p.people.push_back(person);
        });
        app.team.selected = static_cast<int>(plan.people.size());   // the new one, once added
        app.team.new_id.clear();
        app.team.id_buffer_for = -1;
    }
}

void PersonEditor(App& app, int index) {
    rp::Plan& live = app.doc.LivePlan();
    rp::Person& person = live.people[index];
    const std::string who = person.name;
    ImGui::PushID(index);
    ImGui::SeparatorText(person.name.c_str());
    const float label_w = ImGui::GetFontSize() * 5.5f;
    auto label = [&](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(-FLT_MIN);
    };

    // The id: renamed everywhere it is used when the field is left (Enter, Tab or a
    // click elsewhere); Escape, or an id that cannot be used, keeps the old one.
    if (app.team.id_buffer_for != index) {
        app.team.id_buffer = person.id;
        app.team.id_buffer_for = index;
    }
    label("Id");
    ImGui::InputText("##id", &app.team.id_buffer, ImGuiInputTextFlags_CharsNoBlank);
    const bool id_left = ImGui::IsItemDeactivated();
    const bool id_escaped = id_left && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    Tag("team:id");
    bool id_changed = app.team.id_buffer != person.id;
    std::string problem = id_changed ? IdProblem(live, app.team.id_buffer, index) : std::string();
    if (id_changed && !id_left) {
        if (!problem.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
            ImGui::TextWrapped("%s", problem.c_str());
            ImGui::PopStyleColor();
        } else {
            TextMuted("Leaving the field renames \"%s\" everywhere in the plan", person.id.c_str());
        }
    }
    if (id_left && id_changed) {
        if (problem.empty() && !id_escaped) {
            std::string from = person.id, to = app.team.id_buffer;
            Edit(app, "Rename " + from + " to " + to, [from, to](rp::Plan& p) { RenameEverywhere(p, from, to); });
        } else {
            if (!id_escaped) ShowNotice(app, "Id not changed: " + problem, 8);
            app.team.id_buffer = person.id;
        }
    }

    label("Name");
    TrackLiveEdit(app, ImGui::InputText("##name", &person.name), "Rename " + who);
    Tag("team:name");
    label("Email");
    InputOptional(app, "##email", person.email, "Edit the email of " + who, "name@example.com");
    label("Phone");
    InputOptional(app, "##phone", person.phone, "Edit the phone of " + who, "+1 555 0100");
    label("Time zone");
    std::string zone;
    if (ZoneCombo(app, "##zone", person.timezone.value_or(""), &zone, true)) {
        std::optional<std::string> value = zone.empty() ? std::nullopt : std::optional<std::string>(zone);
        Edit(app, "Set the time zone of " + who + " to " + (zone.empty() ? "the team's" : zone),
             [index, value](rp::Plan& p) { p.people[index].timezone = value; });
    }
    Tag("team:zone");

    bool on_call = person.on_call, trainee = person.trainee;
    ImGui::SetCursorPosX(label_w);
    if (ImGui::Checkbox("On call", &on_call))
        Edit(app, std::string(on_call ? "Put " : "Take ") + who + (on_call ? " in" : " out of") + " the rotation",
             [index, on_call](rp::Plan& p) { p.people[index].on_call = on_call; });
    Tag("team:on-call");
    ImGui::SameLine();
    if (ImGui::Checkbox("Trainee", &trainee))
        Edit(app, std::string(trainee ? "Mark " : "Unmark ") + who + " as a trainee",
             [index, trainee](rp::Plan& p) { p.people[index].trainee = trainee; });
    Tag("team:trainee");
    HelpMarker("Trainees may only shadow. People not in the rotation can still be escalation contacts.");

    // Readiness (checklist, shadow weeks) and the next duties (view_changes.cpp).
    DrawPersonReadiness(app, index);
    DrawPersonNextDuties(app, index);

    // This person's time off.
    ImGui::SeparatorText("Time off");
    int shown = 0;
    for (int t = 0; t < (int)live.time_off.size(); ++t) {
        rp::TimeOff& off = live.time_off[t];
        if (off.person != person.id) continue;
        ++shown;
        ImGui::PushID(t);
        const float w = DateFieldWidth();
        ImGui::SetNextItemWidth(w);
        InputDate(app, "##from", off.from, "Edit time off of " + who);
        ImGui::SameLine();
        ImGui::TextUnformatted("to");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        InputDate(app, "##to", off.to, "Edit time off of " + who);
        // The reason beside the dates where the panel is wide enough, else under them.
        const float reason_min = ImGui::GetFontSize() * 7;
        const float x_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SameLine();
        const bool beside = ImGui::GetContentRegionAvail().x - x_w >= reason_min;
        if (beside) {
            ImGui::SetNextItemWidth(-x_w);
            InputOptional(app, "##reason", off.reason, "Edit time off of " + who, "reason");
            ImGui::SameLine();
        }
        if (ImGui::Button("x", ImVec2(ImGui::GetFrameHeight(), 0)))
            Edit(app, "Remove time off of " + who, [t](rp::Plan& p) { p.time_off.erase(p.time_off.begin() + t); });
        ImGui::SetItemTooltip("Remove this time off");
        if (!beside) {
            ImGui::SetNextItemWidth(w * 2 + ImGui::CalcTextSize("to").x + ImGui::GetStyle().ItemSpacing.x * 2);
            InputOptional(app, "##reason", off.reason, "Edit time off of " + who, "reason");
        }
        ImGui::PopID();
    }
    if (shown == 0) TextMuted("None");
    TeamViewState& st = app.team;
    const float w = DateFieldWidth();
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("##offfrom", "from", &st.time_off_from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("##offto", "to", &st.time_off_to);
    ImGui::SameLine();
    auto from = rp::parseDate(st.time_off_from);
    auto to = rp::parseDate(st.time_off_to.empty() ? st.time_off_from : st.time_off_to);
    bool valid = from && to && *from <= *to;
    ImGui::BeginDisabled(!valid);
    if (ImGui::Button("Add time off")) {
        std::string id = person.id;
        rp::Date f = *from, t = *to;
        Edit(app, "Add time off for " + who, [id, f, t](rp::Plan& p) {
            rp::TimeOff off;
            off.person = id;
            off.from = f;
            off.to = t;
            p.time_off.push_back(off);
        });
        st.time_off_from.clear();
        st.time_off_to.clear();
    }
    ImGui::EndDisabled();
    Tag("team:add-time-off");
    if (!valid && (!st.time_off_from.empty() || !st.time_off_to.empty()))
        TextMuted("Dates as YYYY-MM-DD, from on or before to");

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(GetPalette().error_bg));
    ImGui::BeginDisabled(live.people.size() <= 1);   // a plan keeps at least one person
    bool remove = ImGui::Button("Remove from the team");
    ImGui::EndDisabled();
    if (remove) {
        // Named anywhere (weeks, overrides, time off, requests, contacts): ask how. Otherwise
        // there is nothing to decide.
        const rp::Date from = DefaultEffectiveDate(app);
        if (FindMentions(live, person.id, from).any()) {
            RemovalDialogState& rd = app.removal;
            rd = RemovalDialogState();
            rd.open_pending = true;
            rd.person = person.id;
            rd.from = rp::formatDate(from);
            rd.keep_inactive = FindMentions(live, person.id, from).weeks_before > 0;   // keep their history
        } else {
            Edit(app, "Remove " + who, [index](rp::Plan& p) { p.people.erase(p.people.begin() + index); });
            app.team.selected = -1;
        }
    }
    ImGui::PopStyleColor();
    Tag("team:remove-person");
    ImGui::SetItemTooltip(live.people.size() <= 1 ? "A plan needs at least one person."
                                                  : "Asks what happens to their weeks first.");
    ImGui::PopID();
}

void PeopleTab(App& app) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("+ Add").x - ImGui::GetStyle().FramePadding.x * 2 -
                            ImGui::GetStyle().ItemSpacing.x);
    ImGui::InputTextWithHint("##filter", "Filter people", &app.team.filter);
    ImGui::SameLine();
    if (ImGui::Button("+ Add")) app.team.selected = -2;
    Tag("team:add");

    float list_h = std::max(ImGui::GetTextLineHeightWithSpacing() * 4.5f, ImGui::GetContentRegionAvail().y * 0.38f);
    if (ImGui::BeginChild("##people", ImVec2(0, list_h), ImGuiChildFlags_Border)) {
        for (int i = 0; i < (int)plan.people.size(); ++i) {
            const rp::Person& p = plan.people[i];
            if (!Matches(p, app.team.filter)) continue;
            ImGui::PushID(i);
            if (ImGui::Selectable(p.name.c_str(), app.team.selected == i)) app.team.selected = i;
            Tag("person:" + p.id);
            if (ImGui::BeginDragDropSource()) {
                ImGui::SetDragDropPayload(kPersonPayload, p.id.data(), p.id.size());
                ImGui::Text("Assign %s", p.name.c_str());
                ImGui::EndDragDropSource();
            }
            ImGui::SetItemTooltip("Drag onto a rotation cell to assign");
            ImGui::SameLine();
            TextMuted("%s", p.id.c_str());
            if (p.trainee) Badge("trainee", pal.shadow);
            if (!p.on_call) Badge("not on call", pal.muted_text);
            ImGui::PopID();
        }
        if (plan.people.empty()) TextMuted("Nobody yet: add the first person.");
    }
    ImGui::EndChild();

    if (app.team.selected <= -2) {
        AddPersonForm(app);
    } else if (app.team.selected >= 0 && app.team.selected < (int)plan.people.size()) {
        PersonEditor(app, app.team.selected);
    } else {
        TextMuted("Select a person to edit them.");
    }
}

void ContactsTab(App& app) {
    const rp::Plan& plan = app.doc.plan();
    const float label_w = ImGui::GetFontSize() * 8.5f;
    struct Row {
        const char* label;
        const char* tag;
        std::optional<std::string> rp::Contacts::*field;
    };
    const Row rows[] = {
        {"Engineering lead", "contact:engineering_lead", &rp::Contacts::engineering_lead},
        {"CTO", "contact:cto", &rp::Contacts::cto},
        {"CEO", "contact:ceo", &rp::Contacts::ceo},
    };
    for (const Row& row : rows) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(row.label);
        ImGui::SameLine(label_w);
        std::optional<std::string> chosen;
        auto field = row.field;
        if (PersonCombo(app, (std::string("##") + row.tag).c_str(), plan.contacts.*field, &chosen, true, -FLT_MIN)) {
            std::string who = chosen ? plan.nameOf(*chosen) : std::string("nobody");
            Edit(app, std::string("Set ") + row.label + " to " + who,
                 [field, chosen](rp::Plan& p) { p.contacts.*field = chosen; });
        }
        Tag(row.tag);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Security");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-FLT_MIN);
    InputOptional(app, "##security", app.doc.LivePlan().contacts.security, "Edit the security contact",
                  "security@example.com");
    Tag("contact:security");
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    TextMuted("The engineering lead is every week's escalation contact unless a week names another.");
    ImGui::PopTextWrapPos();
}

void TimeOffTab(App& app) {
    rp::Plan& live = app.doc.LivePlan();
    if (live.time_off.empty()) {
        TextMuted("No time off. Add it from a person's page.");
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp;
    // Dates are always shown whole. Wide: one line per entry (who, from, to, reason).
    // Narrow (the usual side panel): the name, then the dates, then the reason.
    const float em = ImGui::GetFontSize(), date_w = DateFieldWidth();
    const bool wide = ImGui::GetContentRegionAvail().x >= date_w * 2 + ImGui::GetFrameHeight() + em * 17;
    if (ImGui::BeginTable("##timeoff", wide ? 5 : 2, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        if (wide) {
            ImGui::TableSetupColumn("Who", 0, 1.2f);
            ImGui::TableSetupColumn("From", ImGuiTableColumnFlags_WidthFixed, date_w);
            ImGui::TableSetupColumn("To", ImGuiTableColumnFlags_WidthFixed, date_w);
            ImGui::TableSetupColumn("Reason", 0, 1.3f);
        } else {
            ImGui::TableSetupColumn("Who, from \u2013 to, reason", ImGuiTableColumnFlags_WidthStretch);
        }
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)live.time_off.size());
        while (clipper.Step()) {
            for (int t = clipper.DisplayStart; t < clipper.DisplayEnd; ++t) {
                rp::TimeOff& off = live.time_off[t];
                const std::string who = live.nameOf(off.person);
                const std::string what = "Edit time off of " + who;
                ImGui::PushID(t);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(who.c_str());
                if (wide) ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(wide ? -FLT_MIN : date_w);
                InputDate(app, "##from", off.from, what);
                Tag("timeoff:" + std::to_string(t) + ":from");
                if (wide) {
                    ImGui::TableNextColumn();
                } else {
                    ImGui::SameLine();
                    ImGui::TextUnformatted("\u2013");
                    ImGui::SameLine();
                }
                ImGui::SetNextItemWidth(wide ? -FLT_MIN : date_w);
                InputDate(app, "##to", off.to, what);
                Tag("timeoff:" + std::to_string(t) + ":to");
                if (wide) ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-FLT_MIN);
                InputOptional(app, "##reason", off.reason, what, "reason");
                ImGui::TableNextColumn();
                if (ImGui::Button("x", ImVec2(ImGui::GetFrameHeight(), 0)))
                    Edit(app, "Remove time off of " + who, [t](rp::Plan& p) { p.time_off.erase(p.time_off.begin() + t); });
                ImGui::SetItemTooltip("Remove this time off");
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace

void DrawTeamView(App& app) {
    if (!BeginPanel(app, Panel::Team, "Team", &app.windows.team)) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTabBar("##teamtabs")) {
        ImGuiTabItemFlags people_flags = app.team.selected == -2 ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem("People", nullptr, people_flags)) {
            PeopleTab(app);
            ImGui::EndTabItem();
        }
        Tag("tab:People");
        if (ImGui::BeginTabItem("Contacts")) {
            ContactsTab(app);
            ImGui::EndTabItem();
        }
        Tag("tab:Contacts");
        if (ImGui::BeginTabItem("Time off")) {
            TimeOffTab(app);
            ImGui::EndTabItem();
        }
        Tag("tab:Time off");
        ImGui::EndTabBar();
    }
    RemovalDialog(app);
    ImGui::End();
}

}  // namespace app
