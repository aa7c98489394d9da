// Published rotations in the page (docs/changes.md, docs/page.md): Publish, the
// "Changes since published" window (each change with its verdict and who to notify, the
// announcement with Copy and a Slack/Markdown switch), the marks on the rotation grid and
// the calendar, readiness and next duties in the Team panel, "on call now" in the status
// bar. The core does the work (core/changes); this file only shows it.
//
// [SECTION] today and what is derived
// [SECTION] publishing
// [SECTION] the grid and the calendar
// [SECTION] the Changes window
// [SECTION] the Team panel
// [SECTION] the status bar
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <map>

#include <date/tz.h>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "core/changes/announce.hpp"
#include "core/changes/publish.hpp"
#include "core/changes/readiness.hpp"
#include "core/model/time.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp
void DrawReviewWindow(App& app);                                                      // view_review.cpp

namespace {

// Colours of this file's marks, readable in both themes.
ImU32 ChangedColor(const App& app) { return app.settings.dark ? IM_COL32(190, 140, 255, 255) : IM_COL32(120, 60, 200, 255); }
ImU32 NoticeRowColor(const App& app) { return app.settings.dark ? IM_COL32(70, 110, 170, 60) : IM_COL32(90, 140, 220, 38); }
ImU32 NoticeBandColor(const App& app) { return app.settings.dark ? IM_COL32(90, 140, 220, 46) : IM_COL32(90, 140, 220, 34); }

int ColumnOf(rp::Duty d) {
    switch (d) {
    case rp::Duty::Primary: return static_cast<int>(Column::Primary);
    case rp::Duty::Secondary: return static_cast<int>(Column::Secondary);
    case rp::Duty::Escalation: return static_cast<int>(Column::Escalation);
    case rp::Duty::Shadow: return static_cast<int>(Column::Shadow);
    }
    return static_cast<int>(Column::Dates);
}

std::string Who(const rp::Plan& plan, const std::optional<std::string>& id) { return id ? plan.nameOf(*id) : "nobody"; }

// Per-cell descriptions of what changed, for the grid's tooltips.
std::map<std::pair<long, int>, std::vector<std::string>>& CellNotes() {
    static std::map<std::pair<long, int>, std::vector<std::string>> notes;   // rebuilt with the diff
    return notes;
}

const date::time_zone* Zone(const App& app) {
    return app.derived.team_zone ? app.derived.team_zone : rp::findZone("UTC");
}

// "Now" for the views: the clock, or noon of the test hook's day.
rp::Instant PageNow(const App& app) {
    if (app.chg.today_override) return rp::localToInstant(Zone(app), *app.chg.today_override, 12 * 60);
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

// [SECTION] today and what is derived

rp::Date PageToday(const App& app) {
    if (app.chg.today_override) return *app.chg.today_override;
    try {
        return rp::currentDate(app.doc.plan());
    } catch (const std::exception&) {
        return date::floor<date::days>(std::chrono::system_clock::now());
    }
}

void RefreshChanges(App& app) {
    ChangesState& st = app.chg;
    const rp::Date today = app.derived.today;
    if (st.revision == app.doc.revision() && st.today == today) return;
    st.revision = app.doc.revision();
    st.today = today;
    st.diff.reset();
    st.changed.clear();
    st.announce_key.clear();
    CellNotes().clear();
    const rp::Plan& plan = app.doc.plan();
    try {
        st.window = rp::noticeWindow(plan, today);
        st.diff = rp::diffPublished(plan, today);
    } catch (const std::exception& e) {
        app.derived.problems.push_back(std::string("cannot compare with the published rotation: ") + e.what());
        return;
    }
    if (!st.diff) return;
    for (const rp::DutyChange& c : st.diff->changes) {
        const std::pair<long, int> key{static_cast<long>(c.week.time_since_epoch().count()), ColumnOf(c.role)};
        st.changed.insert(key);
        CellNotes()[key].push_back(rp::describeChange(plan, c));
    }
}

// [SECTION] publishing

namespace {

void Publish(App& app, bool force) {
    const rp::Date today = app.derived.today;
    const rp::PublishOutcome out = rp::publishPlan(app.doc.plan(), today, force);
    if (!out.plan) {
        app.chg.confirm_publish = true;
        app.chg.confirm_message = out.message;
        app.chg.confirm_revision = app.doc.revision();
        app.chg.show_changes = true;
        return;
    }
    app.chg.confirm_publish = false;
    const int weeks = static_cast<int>(app.doc.plan().weeks.size());
    Edit(app, "Publish the rotation (" + rp::formatDate(today) + ")",
         [today](rp::Plan& p) { p.published = rp::snapshotOf(p, today); });
    ShowNotice(app, "Published " + Count(weeks, "week", "weeks") + " on " + rp::formatDate(today) +
                        "; the announcement is under Changes");
}

}  // namespace

void PublishButton(App& app) {
    if (ImGui::Button("Publish")) Publish(app, false);
    Tag("button:publish");
    ImGui::SetItemTooltip("Record the rotation as announced today. Later changes inside the %d-day notice window are "
                          "then errors (late-change), and \"Changes since published\" lists them.",
                          app.doc.plan().policy.change_notice_days);
    ImGui::SameLine();
    const bool any = app.chg.diff && !app.chg.diff->changes.empty();
    std::string label = any ? "Changes (" + std::to_string(app.chg.diff->changes.size()) + ")###changes" : "Changes###changes";
    if (ImGui::Button(label.c_str())) app.chg.show_changes = !app.chg.show_changes;
    Tag("button:changes");
}

void ChangesMenuItems(App& app) {
    ImGui::MenuItem("Changes since published", nullptr, &app.chg.show_changes);
    Tag("menu:View/Changes since published");
    ImGui::MenuItem("Monthly review", nullptr, &app.chg.show_review);
    Tag("menu:View/Monthly review");
}

// [SECTION] the grid and the calendar

void TintNoticeRow(const App& app, int week_index) {
    const auto& spans = app.derived.spans;
    if (!app.chg.window || week_index < 0 || week_index >= static_cast<int>(spans.size())) return;
    if (app.chg.window->intersects(spans[week_index].start, spans[week_index].end))
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, NoticeRowColor(app));
}

void MarkChangedCell(const App& app, rp::Date week, Column column) {
    const std::pair<long, int> key{static_cast<long>(week.time_since_epoch().count()), static_cast<int>(column)};
    if (!app.chg.changed.count(key)) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float s = std::min(ImGui::GetFontSize() * 0.6f, b.y - a.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddTriangleFilled(ImVec2(b.x - s, a.y), ImVec2(b.x, a.y), ImVec2(b.x, a.y + s), ChangedColor(app));
    dl->AddRect(a, b, ChangedColor(app), 2.0f, 0, 1.5f);
    TagRect("changed:" + rp::formatDate(week) + ":" + ColumnName(column), a, b);
    if (ImGui::BeginItemTooltip()) {
        const auto& notes = CellNotes()[key];
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ChangedColor(app)), "Changed since published on %s",
                           rp::formatDate(app.doc.plan().published->at).c_str());
        for (const std::string& n : notes) ImGui::BulletText("%s", n.c_str());
        ImGui::EndTooltip();
    }
}

void DrawNoticeWindowBand(const App& app, ImDrawList* dl, rp::Instant t0, rp::Instant t1, float x0, float x1, float y0,
                          float y1) {
    if (!app.chg.window || app.chg.window->days <= 0 || !(t0 < t1)) return;
    const rp::Instant a = std::max(t0, app.chg.window->from), b = std::min(t1, app.chg.window->to);
    if (!(a < b)) return;
    auto X = [&](rp::Instant t) {
        return x0 + float(double((t - t0).count()) / double((t1 - t0).count())) * (x1 - x0);
    };
    const ImVec2 p(X(a), y0), q(X(b), y1);
    dl->AddRectFilled(p, q, NoticeBandColor(app));
    dl->AddLine(ImVec2(p.x, y0), ImVec2(p.x, y1), ChangedColor(app), 1.0f);
    dl->AddLine(ImVec2(q.x, y0), ImVec2(q.x, y1), ChangedColor(app), 1.0f);
    const char* label = "notice window";
    if (q.x - p.x > ImGui::CalcTextSize(label).x + 8)
        dl->AddText(ImVec2(q.x - ImGui::CalcTextSize(label).x - 4, y1 - ImGui::GetTextLineHeight() - 2), ChangedColor(app), label);
    TagRect("calendar:notice-window", p, q);
}

// [SECTION] the Changes window

namespace {

struct Verdict {
    const char* text;
    int level;   // 0 fine, 1 warning, 2 error
    std::string detail;
};

Verdict VerdictOf(const App& app, const rp::DutyChange& c) {
    for (const rp::Violation& v : app.derived.report.violations) {
        if (!v.week || *v.week != c.week) continue;
        if (v.rule == "late-change")
            return {v.severity == rp::Severity::Error ? "late change" : "late change, allowed",
                    v.severity == rp::Severity::Error ? 2 : 1, v.message};
        if (v.rule == "history-change") return {"history rewritten", 1, v.message};
    }
    if (c.role == rp::Duty::Shadow) return {"shadow (no notice rule)", 0, ""};
    if (c.inside_notice) return {"explained by an applied request", 0, ""};
    return {"enough notice", 0, ""};
}

void Announcement(App& app) {
    ChangesState& st = app.chg;
    const rp::Plan& plan = app.doc.plan();
    ImGui::SeparatorText("Announcement");
    if (ImGui::RadioButton("Slack", !st.announce_markdown)) st.announce_markdown = false;
    Tag("changes:format:slack");
    ImGui::SameLine();
    if (ImGui::RadioButton("Markdown", st.announce_markdown)) st.announce_markdown = true;
    Tag("changes:format:md");
    const std::string key = std::to_string(app.doc.revision()) + "|" + rp::formatDate(app.derived.today) + "|" +
                            (st.announce_markdown ? "md" : "slack");
    if (key != st.announce_key) {
        st.announce_key = key;
        try {
            rp::AnnounceOptions o;
            o.today = app.derived.today;
            o.format = st.announce_markdown ? rp::AnnounceFormat::Markdown : rp::AnnounceFormat::Slack;
            st.announcement = rp::announceText(plan, o);
        } catch (const std::exception& e) {
            st.announcement = std::string("The announcement could not be written: ") + e.what();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Copy")) {
        platform::ClipboardSet(st.announcement);
        ShowNotice(app, std::string("Copied the announcement (") + (st.announce_markdown ? "Markdown" : "Slack") + ")");
    }
    Tag("changes:copy");
    ImGui::SameLine();
    if (ImGui::Button("Download")) {
        platform::DownloadText(std::string("announcement-") + rp::formatDate(app.derived.today) +
                                   (st.announce_markdown ? ".md" : ".txt"),
                               st.announce_markdown ? "text/markdown" : "text/plain", st.announcement);
    }
    Tag("changes:download");
    ImGui::SameLine();
    TextMuted("%s", st.announce_markdown ? "for a wiki or an e-mail" : "paste in #incidents: mentions, bold, aligned table");
    ImGui::InputTextMultiline("##announcement", &st.announcement, ImVec2(-FLT_MIN, -FLT_MIN), ImGuiInputTextFlags_ReadOnly);
    Tag("changes:announcement");
}

void ChangesTable(App& app) {
    const ChangesState& st = app.chg;
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    if (!st.diff || st.diff->changes.empty()) {
        TextMuted("No changes since the rotation was published.");
        Tag("changes:none");
        return;
    }
    const float em = ImGui::GetFontSize();
    const float height = std::min(em * 1.9f * (st.diff->changes.size() + 1.5f), ImGui::GetContentRegionAvail().y * 0.45f);
    if (ImGui::BeginTable("##changes", 5,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                              ImGuiTableFlags_SizingStretchProp,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_WidthFixed, em * 6.5f);
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
        ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Notify", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        int row = 0;
        for (const rp::DutyChange& c : st.diff->changes) {
            ImGui::TableNextRow();
            ImGui::PushID(row++);
            ImGui::TableSetColumnIndex(0);
            const std::string week = rp::formatDate(c.week);
            if (ImGui::Selectable(week.c_str(), false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
                JumpToWeek(app, c.week);
            Tag("changes:row:" + week + ":" + rp::dutyName(c.role));
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(rp::dutyName(c.role));
            ImGui::TableSetColumnIndex(2);
            std::string what = Who(plan, c.from) + " \u2192 " + Who(plan, c.to);
            if (!c.whole_week) {
                const date::time_zone* zone = Zone(app);
                auto fmt = [&](rp::Instant t) {
                    return date::format("%a %d %b %H:%M", date::local_seconds{(t + std::chrono::seconds(rp::offsetSeconds(zone, t))).time_since_epoch()});
                };
                what += "  (" + fmt(c.start) + " \u2013 " + fmt(c.end) + ")";
            }
            ImGui::TextWrapped("%s", what.c_str());
            ImGui::TableSetColumnIndex(3);
            const Verdict v = VerdictOf(app, c);
            const ImU32 color = v.level == 2 ? pal.error_text : v.level == 1 ? pal.warning_text : pal.ok_text;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
            ImGui::TextWrapped("%s%s", v.level == 2 ? "\u2717 " : v.level == 1 ? "! " : "\u2713 ", v.text);
            ImGui::PopStyleColor();
            Tag("changes:verdict:" + week + ":" + rp::dutyName(c.role));
            if (!v.detail.empty()) ImGui::SetItemTooltip("%s", v.detail.c_str());
            ImGui::TableSetColumnIndex(4);
            std::string notify;
            if (c.from) notify = plan.nameOf(*c.from);
            if (c.to && (!c.from || *c.to != *c.from)) notify += (notify.empty() ? "" : ", ") + plan.nameOf(*c.to);
            ImGui::TextWrapped("%s", notify.c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // Everyone to notify, with their weeks.
    std::string all;
    for (const rp::NotifyEntry& n : st.diff->notify) {
        all += (all.empty() ? "" : "; ") + plan.nameOf(n.person) + " (";
        for (std::size_t k = 0; k < n.weeks.size(); ++k) all += (k ? ", " : "") + date::format("%d %b", n.weeks[k]);
        all += ")";
    }
    ImGui::TextWrapped("Notify: %s", all.c_str());
    Tag("changes:notify");
}

void DrawChangesWindow(App& app) {
    ChangesState& st = app.chg;
    const rp::Plan& plan = app.doc.plan();
    if (!BeginIncidentToolWindow("Changes since published", &st.show_changes, ImVec2(760, 600), ImVec2(0.985f, 0.96f))) {
        ImGui::End();
        return;
    }
    TagRect("window:changes", ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    const Palette& pal = GetPalette();
    if (!plan.published) {
        ImGui::TextWrapped("Not published yet. Publishing records the rotation as announced today; from then on a change "
                           "inside the %d-day notice window is an error (late-change), and this window lists every change "
                           "with who to notify.",
                           plan.policy.change_notice_days);
    } else {
        const rp::NoticeWindow& w = *st.window;
        std::string line = "Published " + rp::formatDate(plan.published->at) + " \u00b7 today " + rp::formatDate(w.today);
        if (w.days > 0)
            line += " \u00b7 notice window until " + rp::formatDate(w.today + date::days{w.days - 1}) + " (" +
                    std::to_string(w.days) + " days)";
        ImGui::TextUnformatted(line.c_str());
        Tag("changes:summary");
    }
    if (ImGui::Button(plan.published ? "Publish again" : "Publish")) Publish(app, false);
    Tag("changes:publish");
    if (st.confirm_publish && st.confirm_revision != app.doc.revision()) st.confirm_publish = false;   // edited since
    if (st.confirm_publish) {
        {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error_text));
            ImGui::TextWrapped("%s", st.confirm_message.c_str());
            ImGui::PopStyleColor();
            Tag("changes:refused");
            if (ImGui::Button("Publish anyway")) Publish(app, true);
            Tag("changes:publish-anyway");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) st.confirm_publish = false;
        }
    }
    if (plan.published) {
        ImGui::SeparatorText("Changes");
        ChangesTable(app);
    }
    Announcement(app);
    ImGui::End();
}

}  // namespace

void DrawChangesViews(App& app) {
    if (app.chg.show_changes) DrawChangesWindow(app);
    if (app.chg.show_review) DrawReviewWindow(app);
}

// [SECTION] the Team panel

void DrawPersonReadiness(App& app, int person_index) {
    const rp::Plan& plan = app.doc.plan();
    if (person_index < 0 || person_index >= static_cast<int>(plan.people.size())) return;
    const rp::Person& p = plan.people[person_index];
    ImGui::SeparatorText("Readiness");
    if (!plan.policy.readiness) {
        TextMuted("Readiness checks are off.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Turn on")) {
            Edit(app, "Turn on readiness checks", [](rp::Plan& q) {
                rp::Readiness r;
                r.checklist = rp::defaultReadinessChecklist();
                q.policy.readiness = r;
            });
        }
        Tag("team:readiness:on");
        ImGui::SetItemTooltip("Shadow weeks and an access checklist before someone is primary or secondary (rule not-ready)");
        return;
    }
    const rp::Readiness& r = *plan.policy.readiness;
    const rp::ReadinessIndex idx(plan);
    const rp::Date today = app.derived.today;
    // As for a week starting today: shadow weeks that ended by today, the checklist.
    const rp::ReadinessStatus now = idx.status(p, today);
    const Palette& pal = GetPalette();
    ImGui::Text("Shadow weeks done: %d of %d", now.shadow_done, r.shadow_weeks);
    Tag("team:readiness:shadow");
    for (const std::string& item : r.checklist) {
        bool done = p.ready && std::find(p.ready->begin(), p.ready->end(), item) != p.ready->end();
        if (ImGui::Checkbox(item.c_str(), &done)) {
            const std::string id = p.id;
            Edit(app, std::string(done ? "Tick " : "Untick ") + item + " for " + p.name, [=](rp::Plan& q) {
                for (rp::Person& person : q.people) {
                    if (person.id != id) continue;
                    std::vector<std::string> list = person.ready ? *person.ready : std::vector<std::string>{};
                    list.erase(std::remove(list.begin(), list.end(), item), list.end());
                    if (done) list.push_back(item);
                    if (list.empty()) person.ready.reset();
                    else person.ready = list;
                }
            });
        }
        Tag("team:ready:" + item);
    }
    if (p.ready_since) {
        ImGui::Text("Ready since %s", rp::formatDate(*p.ready_since).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear##readysince")) {
            const std::string id = p.id;
            Edit(app, "Clear ready-since of " + p.name, [=](rp::Plan& q) {
                for (rp::Person& person : q.people)
                    if (person.id == id) person.ready_since.reset();
            });
        }
    } else if (ImGui::SmallButton("Mark as ready from today")) {
        const std::string id = p.id;
        Edit(app, "Mark " + p.name + " as ready from " + rp::formatDate(today), [=](rp::Plan& q) {
            for (rp::Person& person : q.people)
                if (person.id == id) person.ready_since = today;
        });
    }
    Tag("team:readiness:since");
    ImGui::SetItemTooltip("For people who went on call before Rotaplan: fully ready from that date");
    const bool ready = now.ready;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ready ? pal.ok_text : pal.warning_text));
    if (ready) ImGui::TextUnformatted("\u2713 Ready for primary and secondary");
    else ImGui::TextWrapped("Not ready yet: %s", rp::readinessGapText(now).c_str());
    ImGui::PopStyleColor();
    Tag("team:readiness:status");
}

void DrawPersonNextDuties(App& app, int person_index) {
    const rp::Plan& plan = app.doc.plan();
    if (person_index < 0 || person_index >= static_cast<int>(plan.people.size())) return;
    const rp::Person& p = plan.people[person_index];
    ImGui::SeparatorText("Next duties");
    const Derived& d = app.derived;
    const rp::Instant from = PageNow(app);
    // From the shifts already resolved for the views (sorted by start; a piece is at most
    // a week and a bit long), and the weeks as escalation contact.
    std::vector<rp::PersonDuty> duties;
    auto it = std::lower_bound(d.shifts.begin(), d.shifts.end(), from - date::days{9},
                               [](const rp::Shift& s, rp::Instant t) { return s.start < t; });
    for (; it != d.shifts.end() && duties.size() < 12; ++it) {
        if (it->person != p.id || it->end <= from || it->week < 0 || it->week >= static_cast<int>(plan.weeks.size())) continue;
        const rp::Duty role = it->role == rp::Role::Primary ? rp::Duty::Primary
                              : it->role == rp::Role::Secondary ? rp::Duty::Secondary : rp::Duty::Shadow;
        duties.push_back({plan.weeks[it->week].start, role, it->start, it->end, it->from_override});
    }
    for (std::size_t i = 0; i < plan.weeks.size() && i < d.spans.size(); ++i) {
        const rp::Week& w = plan.weeks[i];
        const auto& contact = w.escalation ? w.escalation : plan.contacts.engineering_lead;
        if (contact && *contact == p.id && d.spans[i].end > from) duties.push_back({w.start, rp::Duty::Escalation, d.spans[i].start, d.spans[i].end, false});
    }
    std::sort(duties.begin(), duties.end(), [](const rp::PersonDuty& a, const rp::PersonDuty& b) {
        if (a.start != b.start) return a.start < b.start;
        return static_cast<int>(a.role) < static_cast<int>(b.role);
    });
    if (duties.size() > 5) duties.resize(5);
    if (duties.empty()) {
        TextMuted("None in the plan's weeks.");
        Tag("team:next:none");
        return;
    }
    const date::time_zone* zone = rp::personZone(plan, p.id);
    auto fmt = [&](rp::Instant t) {
        return date::format("%a %d %b %H:%M", date::local_seconds{(t + std::chrono::seconds(rp::offsetSeconds(zone, t))).time_since_epoch()});
    };
    for (std::size_t k = 0; k < duties.size(); ++k) {
        const rp::PersonDuty& x = duties[k];
        ImGui::Text("%-10s %s \u2192 %s%s", rp::dutyName(x.role), fmt(x.start).c_str(), fmt(x.end).c_str(),
                    x.from_override ? "  (override)" : "");
        Tag("team:next:" + std::to_string(k));
    }
    TextMuted("Times in %s", p.timezone ? p.timezone->c_str() : plan.team_timezone.c_str());
}

// [SECTION] the status bar

const std::string& OnCallNowText(App& app) {
    ChangesState& st = app.chg;
    const rp::Instant now = PageNow(app);
    const std::string key = std::to_string(app.doc.revision()) + "|" + std::to_string(now.time_since_epoch().count() / 60);
    if (key != st.oncall_key) {
        st.oncall_key = key;
        const rp::Plan& plan = app.doc.plan();
        const Derived& d = app.derived;
        int week = -1;
        for (std::size_t i = 0; i < d.spans.size(); ++i)
            if (d.spans[i].start <= now && now < d.spans[i].end) {
                week = static_cast<int>(i);
                break;
            }
        if (week < 0) {
            st.oncall_text = "On call now: no week of the plan is running";
        } else {
            std::string primary, secondary;
            for (const rp::Shift& s : d.shifts) {
                if (s.week != week || !(s.start <= now && now < s.end)) continue;
                if (s.role == rp::Role::Primary && primary.empty()) primary = plan.nameOf(s.person);
                if (s.role == rp::Role::Secondary && secondary.empty()) secondary = plan.nameOf(s.person);
            }
            st.oncall_text = "On call now: " + (primary.empty() ? std::string("nobody") : primary) + " (primary), " +
                             (secondary.empty() ? std::string("nobody") : secondary) + " (secondary)";
        }
    }
    return st.oncall_text;
}

void DrawOnCallNow(App& app) {
    ImGui::TextUnformatted(OnCallNowText(app).c_str());
    Tag("status:oncall");
}

}  // namespace app
