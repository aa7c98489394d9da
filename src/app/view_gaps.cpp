// The coverage-gap window: the gap scan (gaps.hpp) of the open plan, re-run only when the
// plan's revision moves, grouped by cause (kind, level, person): someone unreachable
// first, then nobody on call, then missing contacts, then the plan's edges. Each group
// says how many weeks it touches and offers the fix ("Set the CTO…", "Who can cover?…");
// opened, it lists its gaps with times in the team's zone. Clicking a gap scrolls the
// rotation grid to its week.
//
// [SECTION] grouping
// [SECTION] readable text
// [SECTION] fixes
// [SECTION] window
#include <algorithm>
#include <cctype>
#include <cfloat>

#include "date/tz.h"
#include "imgui.h"

#include "core/model/time.hpp"
#include "platform/platform.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {

bool BeginIncidentToolWindow(const char* title, bool* open, ImVec2 size, ImVec2 pivot);  // view_escalation.cpp

namespace {

// [SECTION] grouping -------------------------------------------------------------------------

bool OnCallLevel(const std::optional<rp::EscalationLevel>& l) {
    return l && (*l == rp::EscalationLevel::Primary || *l == rp::EscalationLevel::Secondary ||
                 *l == rp::EscalationLevel::Escalation);
}

int RankOf(const rp::CoverageGap& g) {
    if (g.kind == rp::GapKind::OutsideWeeks) return 3;
    if (!OnCallLevel(g.level)) return 2;                // CTO, CEO
    return g.kind == rp::GapKind::TimeOff ? 0 : 1;      // someone unreachable, then nobody assigned
}

void BuildGroups(const rp::GapReport& report, std::vector<GapGroup>* out) {
    out->clear();
    for (int i = 0; i < (int)report.gaps.size(); ++i) {
        const rp::CoverageGap& g = report.gaps[i];
        auto it = std::find_if(out->begin(), out->end(), [&](const GapGroup& x) {
            return x.kind == g.kind && x.level == g.level && x.person == g.person;
        });
        if (it == out->end()) {
            GapGroup group;
            group.kind = g.kind;
            group.level = g.level;
            group.person = g.person;
            group.rank = RankOf(g);
            out->push_back(std::move(group));
            it = out->end() - 1;
        }
        it->gaps.push_back(i);
        if (g.week && std::find(it->weeks.begin(), it->weeks.end(), *g.week) == it->weeks.end()) it->weeks.push_back(*g.week);
        if (std::find(it->severities.begin(), it->severities.end(), g.severity) == it->severities.end())
            it->severities.push_back(g.severity);
    }
    for (GapGroup& group : *out) {
        std::sort(group.weeks.begin(), group.weeks.end());
        std::sort(group.severities.begin(), group.severities.end());
    }
    // Stable: within a rank, the cause met first in the report (earliest opening) first.
    std::stable_sort(out->begin(), out->end(), [](const GapGroup& a, const GapGroup& b) { return a.rank < b.rank; });
}

// [SECTION] readable text ------------------------------------------------------------------

const char* LevelText(rp::EscalationLevel l) {
    switch (l) {
    case rp::EscalationLevel::Primary: return "primary";
    case rp::EscalationLevel::Secondary: return "secondary";
    case rp::EscalationLevel::Escalation: return "escalation contact";
    case rp::EscalationLevel::Cto: return "CTO";
    case rp::EscalationLevel::Ceo: return "CEO";
    }
    return "";
}

std::string TeamTime(const date::time_zone* zone, rp::Instant t, const char* fmt = "%a %d %b %Y %H:%M") {
    if (!zone) return date::format(fmt, t) + " UTC";
    auto info = zone->get_info(t);
    return date::format(fmt, date::local_seconds{(t + info.offset).time_since_epoch()}) + " " + info.abbrev;
}

std::string ShortDate(rp::Date d) { return date::format("%d %b", d); }

std::string Headline(const App& app, const GapGroup& g) {
    const rp::Plan& plan = app.doc.plan();
    if (g.kind == rp::GapKind::OutsideWeeks) return "Pages or responses fall outside the plan's weeks";
    const std::string level = g.level ? LevelText(*g.level) : "someone";
    if (g.kind == rp::GapKind::TimeOff) return plan.nameOf(g.person.value_or("?")) + " is away as " + level;
    return "No " + level + " assigned";
}

std::string WeeksText(const GapGroup& g) {
    if (g.weeks.empty()) return Count((int)g.gaps.size(), "case", "cases");
    std::string s = Count((int)g.weeks.size(), "week", "weeks");
    s += g.weeks.size() == 1 ? " (" + ShortDate(g.weeks.front()) + ")"
                             : " (" + ShortDate(g.weeks.front()) + " \u2013 " + ShortDate(g.weeks.back()) + ")";
    return s;
}

std::string Consequence(const GapGroup& g) {
    std::string sev;
    for (const std::string& s : g.severities) sev += (sev.empty() ? "" : ", ") + s;
    if (g.kind == rp::GapKind::OutsideWeeks)
        return sev + " incidents near the plan's edges are paged or due where no week is planned.";
    if (!g.level) return sev + " incidents skip a level.";
    switch (*g.level) {
    case rp::EscalationLevel::Primary:
        return sev + " pages skip the primary and go straight to the next level.";
    case rp::EscalationLevel::Secondary:
        return "When the primary does not acknowledge, " + sev + " pages skip the secondary.";
    case rp::EscalationLevel::Escalation:
        return sev + " escalations skip the escalation contact.";
    default:
        return sev + " escalations that climb this far find nobody here. The check does not require a " +
               LevelText(*g.level) + ", so Violations stays clear.";
    }
}

bool DigitsAt(const std::string& s, std::size_t i, std::size_t n) {
    if (i + n > s.size()) return false;
    for (std::size_t k = 0; k < n; ++k)
        if (s[i + k] < '0' || s[i + k] > '9') return false;
    return true;
}

// The gap's message without its "P0 opened …: " prefix (the row shows both), with every
// RFC 3339 time ("2026-12-07T10:00:00+01:00") as a team-zone wall-clock reading.
std::string ReadableMessage(const date::time_zone* zone, const std::string& message) {
    std::string m = message;
    const std::size_t opened = m.find(" opened ");
    if (opened != std::string::npos) {
        const std::size_t colon = m.find(": ", opened);
        if (colon != std::string::npos) m = m.substr(colon + 2);
        else m = m.substr(opened + 1);
    }
    std::string out;
    for (std::size_t i = 0; i < m.size();) {
        // YYYY-MM-DDTHH:MM:SS then Z or ±HH:MM
        if (DigitsAt(m, i, 4) && m.size() >= i + 20 && m[i + 4] == '-' && m[i + 10] == 'T' && m[i + 13] == ':' &&
            m[i + 16] == ':') {
            std::size_t len = m[i + 19] == 'Z' ? 20 : (m.size() >= i + 25 && (m[i + 19] == '+' || m[i + 19] == '-')) ? 25 : 0;
            if (len) {
                if (auto t = rp::parseDateTime(zone, m.substr(i, len))) {
                    out += TeamTime(zone, *t, "%a %d %b %H:%M");
                    i += len;
                    continue;
                }
            }
        }
        out += m[i++];
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

// The group's test label: "no-contact:cto", "time-off:primary:bob", "outside-weeks".
std::string CauseKey(const GapGroup& g) {
    std::string key = rp::gapKindName(g.kind);
    if (g.level) key += std::string(":") + rp::escalationLevelName(*g.level);
    if (g.person) key += ":" + *g.person;
    return key;
}

// [SECTION] fixes ------------------------------------------------------------------------------

// The fix a group offers; draws its button (and popup) and applies it as one step.
void FixButton(App& app, const GapGroup& g, int group_index) {
    const rp::Plan& plan = app.doc.plan();
    const std::string tag = "gaps:fix:" + CauseKey(g);
    ImGui::PushID(group_index);
    auto pickContact = [&](const char* label, std::optional<std::string> rp::Contacts::*field, const char* what) {
        if (ImGui::SmallButton(label)) ImGui::OpenPopup("##fixpick");
        Tag(tag);
        if (ImGui::BeginPopup("##fixpick")) {
            ImGui::TextDisabled("%s", what);
            for (const rp::Person& p : plan.people) {
                if (ImGui::Selectable((p.name + "  (" + p.id + ")").c_str(), plan.contacts.*field == p.id)) {
                    std::string id = p.id;
                    Edit(app, std::string("Set ") + what + " to " + p.name, [field, id](rp::Plan& pl) { pl.contacts.*field = id; });
                    ShowNotice(app, std::string(what) + ": " + p.name);
                }
                Tag("pick:" + p.id);
            }
            ImGui::EndPopup();
        }
    };
    const std::optional<rp::Date> first_week = g.weeks.empty() ? std::nullopt : std::optional<rp::Date>(g.weeks.front());
    if (g.kind == rp::GapKind::OutsideWeeks) {
        ImGui::BeginDisabled(plan.weeks.empty());
        if (ImGui::SmallButton("Add a week at the end")) {
            Edit(app, "Add a week", [](rp::Plan& p) {
                if (p.weeks.empty()) return;
                rp::Week w;
                w.start = p.weeks.back().start + date::days{7};
                p.weeks.push_back(w);
            });
            app.rotation.scroll_to_week = 1 << 30;
        }
        ImGui::EndDisabled();
        Tag(tag);
    } else if (g.level == rp::EscalationLevel::Cto) {
        pickContact(g.kind == rp::GapKind::TimeOff ? "Set another CTO\u2026" : "Set the CTO\u2026", &rp::Contacts::cto, "the CTO");
    } else if (g.level == rp::EscalationLevel::Ceo) {
        pickContact(g.kind == rp::GapKind::TimeOff ? "Set another CEO\u2026" : "Set the CEO\u2026", &rp::Contacts::ceo, "the CEO");
    } else if (g.level == rp::EscalationLevel::Escalation && g.kind == rp::GapKind::NoContact) {
        pickContact("Set the engineering lead\u2026", &rp::Contacts::engineering_lead, "the engineering lead");
    } else if (g.level == rp::EscalationLevel::Escalation) {
        // The contact is away: name another for exactly the weeks concerned.
        if (ImGui::SmallButton(g.weeks.size() == 1 ? "Set that week's contact\u2026" : "Set those weeks' contact\u2026"))
            ImGui::OpenPopup("##fixpick");
        Tag(tag);
        if (ImGui::BeginPopup("##fixpick")) {
            ImGui::TextDisabled("Escalation contact of %s", WeeksText(g).c_str());
            for (const rp::Person& p : plan.people) {
                if (g.person && p.id == *g.person) continue;
                if (ImGui::Selectable((p.name + "  (" + p.id + ")").c_str())) {
                    std::vector<rp::Date> weeks = g.weeks;
                    std::string id = p.id;
                    Edit(app, "Set the escalation contact of " + WeeksText(g) + " to " + p.name, [weeks, id](rp::Plan& pl) {
                        for (rp::Week& w : pl.weeks)
                            if (std::find(weeks.begin(), weeks.end(), w.start) != weeks.end()) w.escalation = id;
                    });
                }
                Tag("pick:" + p.id);
            }
            ImGui::EndPopup();
        }
    } else if (g.kind == rp::GapKind::TimeOff && first_week) {
        if (ImGui::SmallButton("Who can cover?\u2026"))
            OpenCover(app, *first_week, g.level == rp::EscalationLevel::Secondary ? rp::Role::Secondary : rp::Role::Primary);
        Tag(tag);
        ImGui::SetItemTooltip("Candidates for the %s of the week of %s", LevelText(*g.level), rp::formatDate(*first_week).c_str());
    } else if (first_week) {
        if (ImGui::SmallButton("Fill with Draft weeks\u2026")) {
            app.req.show_draft = true;
            app.req.draft_from = rp::formatDate(*first_week);
            app.req.draft_weeks = 0;
        }
        Tag(tag);
    }
    ImGui::PopID();
}

}  // namespace

// [SECTION] window -------------------------------------------------------------------------------

void DrawGapsWindow(App& app) {
    GapsViewState& st = app.inc_views.gap;
    GapGroupsState& groups = app.ux.gap_groups;
    if (st.revision != app.doc.revision()) {
        st.revision = app.doc.revision();
        st.error.clear();
        st.report = {};
        st.selected = -1;
        try {
            st.report = rp::findCoverageGaps(app.doc.plan());
        } catch (const std::exception& e) {
            st.error = e.what();
        }
    }
    if (groups.revision != st.revision) {
        groups.revision = st.revision;
        BuildGroups(st.report, &groups.groups);
    }
    std::string title = "Coverage gaps (" + std::to_string(st.report.gaps.size()) + ")###Coverage gaps";
    if (!BeginIncidentToolWindow(title.c_str(), &app.inc_views.gaps, ImVec2(980, 460), ImVec2(0.6f, 0.3f))) {
        ImGui::End();
        return;
    }
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    const date::time_zone* zone = app.derived.team_zone;
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.error_text);
        ImGui::TextWrapped("The gap scan failed: %s", st.error.c_str());
        ImGui::PopStyleColor();
    } else if (st.report.gaps.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.ok_text);
        ImGui::TextUnformatted("No coverage gaps: every page at every shift boundary reaches someone.");
        ImGui::PopStyleColor();
        Tag("gaps:none");
    } else {
        ImGui::PushTextWrapPos(0);
        TextMuted("%s from %s: the worst case (nobody acknowledges) of every severity at every shift boundary and "
                  "business-hours edge. Times in %s. Open a cause to see its cases; click one to show its week.",
                  Count((int)st.report.gaps.size(), "gap", "gaps").c_str(),
                  Count((int)groups.groups.size(), "cause", "causes").c_str(), plan.team_timezone.c_str());
        ImGui::PopTextWrapPos();
    }
    if (st.report.gaps.empty() || !st.error.empty()) {
        ImGui::End();
        return;
    }
    ImGui::BeginChild("##gapgroups");
    const float em = ImGui::GetFontSize();
    int last_rank = -1;
    const char* rank_titles[] = {"Someone unreachable", "Nobody on call", "Contacts", "The plan's edges"};
    for (int gi = 0; gi < (int)groups.groups.size(); ++gi) {
        const GapGroup& g = groups.groups[gi];
        if (g.rank != last_rank) {
            ImGui::SeparatorText(rank_titles[std::clamp(g.rank, 0, 3)]);
            last_rank = g.rank;
        }
        ImGui::PushID(gi);
        const ImU32 colour = g.rank <= 1 ? pal.error_text : pal.warning_text;
        const std::string headline = Headline(app, g);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
        const bool open = ImGui::TreeNodeEx("##group", ImGuiTreeNodeFlags_None,
                                            "%s", headline.c_str());
        ImGui::PopStyleColor();
        const std::string cause = CauseKey(g);
        Tag("gaps:group:" + cause);
        ImGui::SameLine();
        TextMuted("\u2014 %s \u2014", WeeksText(g).c_str());
        TagText("gaps:group:" + cause, headline + " \u2014 " + WeeksText(g) + " \u2014 " + Consequence(g));
        ImGui::SameLine();
        FixButton(app, g, gi);
        ImGui::Indent(em * 1.4f);
        ImGui::PushTextWrapPos(0);
        TextMuted("%s", Consequence(g).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent(em * 1.4f);
        if (open) {
            const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                          ImGuiTableFlags_SizingStretchProp;
            const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
            const float h = row_h * (std::min<int>((int)g.gaps.size(), 10) + 1.3f);
            if (ImGui::BeginTable("##gaps", 4, flags, ImVec2(0, h))) {
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableSetupColumn("Opened", ImGuiTableColumnFlags_WidthFixed, em * 13);
                ImGui::TableSetupColumn("Sev", ImGuiTableColumnFlags_WidthFixed, em * 2.2f);
                ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_WidthFixed, em * 6);
                ImGui::TableSetupColumn("What happens", ImGuiTableColumnFlags_WidthStretch);
                ImGui::TableHeadersRow();
                ImGuiListClipper clipper;
                clipper.Begin((int)g.gaps.size());
                while (clipper.Step()) {
                    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                        const int i = g.gaps[row];
                        const rp::CoverageGap& gap = st.report.gaps[i];
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::PushID(i);
                        const std::string when = TeamTime(zone, gap.at);
                        if (ImGui::Selectable(when.c_str(), st.selected == i, ImGuiSelectableFlags_SpanAllColumns)) {
                            st.selected = i;
                            if (gap.week) JumpToWeek(app, *gap.week);
                        }
                        Tag("gap:" + std::to_string(i));
                        ImGui::PopID();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(gap.severity.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(gap.week ? ShortDate(*gap.week).c_str() : "\u2014");
                        ImGui::TableNextColumn();
                        std::string what = ReadableMessage(zone, gap.message);
                        if (gap.person) {   // "bob has time off" -> "Bob Osei has time off"
                            const std::string id = *gap.person + " has time off";
                            const std::size_t at = what.find(id);
                            if (at != std::string::npos)
                                what.replace(at, gap.person->size(), plan.nameOf(*gap.person));
                        }
                        ImGui::TextUnformatted(what.c_str());
                        TagText("gap:" + std::to_string(i), when + " | " + gap.severity + " | " + what);
                        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", gap.message.c_str());
                    }
                }
                ImGui::EndTable();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace app
