#include "widgets.hpp"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdarg>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "imgui_internal.h"   // the current window, for Tag()
#include <date/tz.h>

#include "imgui_stdlib.h"

#include "core/model/time.hpp"
#include "core/rules/candidates.hpp"
#include "theme.hpp"

namespace app {

// [SECTION] test hook rectangles -------------------------------------------------------

namespace {
struct TagRegistry {
    std::unordered_map<std::string, ItemBox> current, last;
    std::unordered_map<std::string, std::string> texts, last_texts;   // TagText
};
TagRegistry& Tags() {
    static TagRegistry registry;   // one per page, read by the JS test hook between frames
    return registry;
}

}  // namespace

void Tag(const std::string& label) {
    TagRect(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    auto it = Tags().current.find(label);
    if (it != Tags().current.end()) {
        it->second.id = ImGui::GetItemID();
        it->second.window = ImGui::GetCurrentWindowRead();
    }
}

void TagRect(const std::string& label, ImVec2 min, ImVec2 max) {
    // Clip to the current window so a scrolled-away item is not reported as clickable.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    ImVec2 a(std::max(min.x, cmin.x), std::max(min.y, cmin.y));
    ImVec2 b(std::min(max.x, cmax.x), std::min(max.y, cmax.y));
    if (b.x <= a.x || b.y <= a.y) return;
    Tags().current[label] = {a, b};
}

void EndFrameTags() {
    auto& t = Tags();
    t.last.swap(t.current);
    t.current.clear();
    t.last_texts.swap(t.texts);
    t.texts.clear();
}

void TagText(const std::string& label, const std::string& text) { Tags().texts[label] = text; }

std::optional<std::string> LastFrameText(const std::string& label) {
    auto& t = Tags();
    auto it = t.last_texts.find(label);
    if (it == t.last_texts.end()) return std::nullopt;
    return it->second;
}

std::optional<ItemBox> LastFrameRect(const std::string& label) {
    auto& t = Tags();
    auto it = t.last.find(label);
    if (it == t.last.end()) return std::nullopt;
    return it->second;
}

// [SECTION] live edits ------------------------------------------------------------------

void TrackLiveEdit(App& app, bool changed, const std::string& description) {
    if (changed) app.doc.LiveChanged();
    if (ImGui::IsItemDeactivated()) app.doc.LiveCommit(description);
}

bool InputOptional(App& app, const char* label, std::optional<std::string>& value,
                   const std::string& description, const char* hint) {
    std::string text = value.value_or("");
    bool changed = hint ? ImGui::InputTextWithHint(label, hint, &text) : ImGui::InputText(label, &text);
    if (changed) {
        if (text.empty()) value.reset(); else value = text;
    }
    TrackLiveEdit(app, changed, description);
    return changed;
}

namespace {
// Text buffers of date/time fields while they are being edited (keyed by ImGui id).
std::unordered_map<ImGuiID, std::string>& FieldBuffers() {
    static std::unordered_map<ImGuiID, std::string> buffers;
    return buffers;
}

template <class Parse, class Format, class Apply>
bool ParsedField(App& app, const char* label, const std::string& shown, const char* hint,
                 Parse parse, Format format, Apply apply, const std::string& description, bool* invalid = nullptr) {
    ImGuiID id = ImGui::GetID(label);
    auto& buffers = FieldBuffers();
    auto it = buffers.find(id);
    std::string& buffer = it != buffers.end() ? it->second : (buffers[id] = shown);
    bool valid = static_cast<bool>(parse(buffer));
    if (!valid) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
    bool edited = ImGui::InputTextWithHint(label, hint, &buffer);
    if (!valid) ImGui::PopStyleColor();
    bool changed = false;
    if (edited) {
        if (auto v = parse(buffer)) {
            if (format(*v) != shown) {
                apply(*v);
                changed = true;
            }
        }
    }
    if (ImGui::IsItemHovered() && !valid) ImGui::SetTooltip("Expected %s", hint);
    TrackLiveEdit(app, changed, description);
    if (invalid) *invalid = !valid && ImGui::IsItemActive();
    if (!ImGui::IsItemActive()) buffers.erase(id);   // shows the plan's value again
    return changed;
}
}  // namespace

bool InputDate(App& app, const char* label, rp::Date& value, const std::string& description) {
    return ParsedField(
        app, label, rp::formatDate(value), "YYYY-MM-DD", [](const std::string& s) { return rp::parseDate(s); },
        [](rp::Date d) { return rp::formatDate(d); }, [&](rp::Date d) { value = d; }, description);
}

bool InputTime(App& app, const char* label, int& minute_of_day, const std::string& description) {
    return ParsedField(
        app, label, rp::formatHm(minute_of_day), "HH:MM", [](const std::string& s) { return rp::parseHm(s); },
        [](int m) { return rp::formatHm(m); }, [&](int m) { minute_of_day = m; }, description);
}

std::string FormatDecimal(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f", value);
    std::string s = text;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

namespace {

// A field whose text becomes one undoable step when it is left (Enter, Tab, a click
// elsewhere) and reads as a value; while the text is not one, *invalid is set (the view
// says why), and leaving then keeps the plan's value. Escape reverts.
template <class V, class Parse, class Format>
bool CommitField(App& app, const char* label, const V& current, Parse parse, Format format, const char* hint,
                 const char* placeholder, std::function<void(rp::Plan&, V)> set, const std::string& description,
                 bool* invalid) {
    ImGuiID id = ImGui::GetID(label);
    auto& buffers = FieldBuffers();
    const std::string shown = format(current);
    auto it = buffers.find(id);
    std::string& buffer = it != buffers.end() ? it->second : (buffers[id] = shown);
    const std::optional<V> value = parse(buffer);
    if (!value) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().error_text));
    ImGui::InputTextWithHint(label, placeholder, &buffer);
    if (!value) ImGui::PopStyleColor();
    const bool active = ImGui::IsItemActive();
    if (invalid) *invalid = active && !value;
    bool changed = false;
    if (ImGui::IsItemDeactivated()) {
        const std::optional<V> now = parse(buffer);
        if (now && format(*now) != shown) {
            V v = *now;
            Edit(app, description, [set, v](rp::Plan& p) { set(p, v); });
            changed = true;
        } else if (!now) {
            ShowNotice(app, description + ": \"" + buffer + "\" is not " + hint + "; kept " +
                                (shown.empty() ? std::string("it empty") : shown), 8);
        }
    }
    if (!active) buffers.erase(id);   // shows the plan's value again
    return changed;
}

}  // namespace

bool InputDecimal(App& app, const char* label, double current, std::function<void(rp::Plan&, double)> set,
                  const std::string& description, double max_value, bool* invalid) {
    auto parse = [max_value](const std::string& s) -> std::optional<double> {
        std::string t = s;
        while (!t.empty() && t.back() == ' ') t.pop_back();
        while (!t.empty() && t.front() == ' ') t.erase(t.begin());
        auto v = rp::parseDecimal(t);
        if (!v || *v > max_value) return std::nullopt;
        return v;
    };
    return CommitField<double>(app, label, current, parse, [](double v) { return FormatDecimal(v); },
                               "a number such as 500 or 12.50", "0", std::move(set), description, invalid);
}

bool InputCurrency(App& app, const char* label, const std::optional<std::string>& current,
                   std::function<void(rp::Plan&, std::optional<std::string>)> set, const std::string& description,
                   bool* invalid) {
    using Code = std::optional<std::string>;
    auto parse = [](const std::string& typed) -> std::optional<Code> {
        std::string s;
        for (unsigned char c : typed)
            if (c != ' ') s += static_cast<char>(std::toupper(c));
        if (s.empty()) return Code();   // no currency
        if (s.size() != 3 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return std::nullopt;
        return Code(s);
    };
    return CommitField<Code>(app, label, current, parse, [](const Code& c) { return c.value_or(""); },
                             "a currency code such as USD", "USD", std::move(set), description, invalid);
}

std::optional<DateTimeInput> ParseDateTimeInput(const date::time_zone* zone, const std::string& typed) {
    std::string s = typed;
    while (!s.empty() && std::isspace((unsigned char)s.front())) s.erase(s.begin());
    while (!s.empty() && std::isspace((unsigned char)s.back())) s.pop_back();
    // "2026-12-08 18:00" (one or more spaces, or a lower-case t) is the ISO "2026-12-08T18:00".
    if (s.size() > 10 && (s[10] == ' ' || s[10] == 't')) {
        std::size_t j = 10;
        while (j < s.size() && s[j] == ' ') ++j;
        if (s[10] == 't') j = 11;
        s = s.substr(0, 10) + "T" + s.substr(j);
    }
    if (!s.empty() && s.back() == 'z') s.back() = 'Z';
    if (!zone || s.size() < 16) return std::nullopt;
    auto at = rp::parseDateTime(zone, s);
    if (!at) return std::nullopt;
    return DateTimeInput{s, *at};
}

std::string DateTimeInputError(const std::string& field, const std::string& typed) {
    std::string t = typed;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    if (t.empty()) return field + ": type a date and time, such as 2026-12-08 18:00 (team zone).";
    return field + ": \"" + t + "\" is not a date and time; type it as 2026-12-08 18:00 (team zone), or 2026-12-08T18:00Z "
           "or with an offset such as +01:00.";
}

// [SECTION] pickers ---------------------------------------------------------------------

namespace {

// Every word of `query` (spaces, '_' and '/' separate words) appears in `text`, ignoring
// case and reading '_' as a space: "new york" and "york new" find America/New_York.
bool WordsMatch(const std::string& text, const std::string& query) {
    auto norm = [](const std::string& s) {
        std::string out;
        out.reserve(s.size());
        for (unsigned char c : s) out += (c == '_' || c == '/') ? ' ' : static_cast<char>(std::tolower(c));
        return out;
    };
    const std::string hay = norm(text), q = norm(query);
    std::size_t i = 0;
    while (i < q.size()) {
        while (i < q.size() && q[i] == ' ') ++i;
        std::size_t j = q.find(' ', i);
        if (j == std::string::npos) j = q.size();
        if (j > i && hay.find(q.substr(i, j - i)) == std::string::npos) return false;
        i = j;
    }
    return true;
}

std::string Plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// One person's line in a pick list: a mark is a short word with a colour and a test tag.
struct Mark {
    std::string text, tag, tooltip;
    ImU32 color = 0;
};
struct PickEntry {
    int person = -1;                 // index into plan.people
    bool candidate = false;          // "who can cover?" has them among the candidates
    bool best = false;               // the first candidate who does not hold the cell
    std::string summary;             // candidates: their weeks and rest
    std::vector<Mark> marks;
};

// Who holds a counted role (consecutive rule) in the week starting `start`.
bool HoldsCounted(const rp::Plan& plan, rp::Date start, const std::string& id) {
    const bool any = plan.policy.no_consecutive == rp::NoConsecutive::Any;
    for (const rp::Week& w : plan.weeks) {
        if (w.start != start) continue;
        if (w.primary && *w.primary == id) return true;
        if (any && w.secondary && *w.secondary == id) return true;
    }
    return false;
}

// Time off of `id` overlapping the week (team zone), as the check reads it.
bool AwayInWeek(const App& app, int week_index, const std::string& id) {
    const Derived& d = app.derived;
    if (!d.team_zone || week_index < 0 || week_index >= (int)d.spans.size()) return false;
    const rp::WeekSpan& span = d.spans[week_index];
    for (const rp::TimeOff& t : app.doc.plan().time_off) {
        if (t.person != id || t.to < t.from) continue;
        if (rp::dayStart(d.team_zone, t.from) < span.end && span.start < rp::dayStart(d.team_zone, t.to + date::days{1}))
            return true;
    }
    return false;
}

// The entries of a cell's pick list, best first: the candidates of "who can cover?"
// (core/rules/candidates.hpp) in their order, then everyone else with what excludes them.
// Recomputed when the list opens, or when the plan changed while it is open.
struct PickCache {
    std::uint64_t revision = 0;
    long week = 0;
    int column = -1;
    std::vector<PickEntry> entries;
};
PickCache& TheCache() {
    static PickCache cache;   // one pick list is open at a time
    return cache;
}

void AddMark(PickEntry& e, const std::string& id, const char* kind, std::string text, ImU32 color, std::string tooltip = {}) {
    e.marks.push_back({std::move(text), "pick:mark:" + id + ":" + kind, std::move(tooltip), color});
}

void BuildEntries(const App& app, const PickCell& cell, std::vector<PickEntry>* out) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    out->clear();
    int week_index = -1;
    for (int i = 0; i < (int)plan.weeks.size(); ++i)
        if (plan.weeks[i].start == cell.week) {
            week_index = i;
            break;
        }
    const rp::Week* week = week_index >= 0 ? &plan.weeks[week_index] : nullptr;
    // Facts every mark reads: the other roles this week, the neighbouring weeks.
    auto inWeek = [&](const std::string& id) -> const char* {
        if (!week) return nullptr;
        if (cell.column != Column::Primary && week->primary && *week->primary == id) return "primary";
        if (cell.column != Column::Secondary && week->secondary && *week->secondary == id) return "secondary";
        if (cell.column != Column::Shadow && week->shadow && *week->shadow == id) return "shadow";
        return nullptr;
    };
    const bool counted = cell.column == Column::Primary ||
                         (cell.column == Column::Secondary && plan.policy.no_consecutive == rp::NoConsecutive::Any);
    auto neighbours = [&](PickEntry& e, const std::string& id, ImU32 color) {
        if (!counted) return;
        if (HoldsCounted(plan, cell.week - date::days{7}, id)) AddMark(e, id, "before", "on call the week before", color);
        if (HoldsCounted(plan, cell.week + date::days{7}, id)) AddMark(e, id, "after", "on call the week after", color);
    };
    std::vector<bool> placed(plan.people.size(), false);
    auto indexOf = [&](const std::string& id) {
        for (int i = 0; i < (int)plan.people.size(); ++i)
            if (plan.people[i].id == id) return i;
        return -1;
    };

    if (cell.column == Column::Escalation) {
        // Not a rotation role: "who can cover?" does not judge it. Away (time off in the
        // week) and on call in the same week (paged twice) are what matter.
        for (int i = 0; i < (int)plan.people.size(); ++i) {
            const rp::Person& p = plan.people[i];
            PickEntry e;
            e.person = i;
            if (AwayInWeek(app, week_index, p.id)) AddMark(e, p.id, "away", "away", pal.error_text, "Has time off in this week");
            if (week && ((week->primary && *week->primary == p.id) || (week->secondary && *week->secondary == p.id)))
                AddMark(e, p.id, "in-week", std::string("already ") + inWeek(p.id) + " this week", pal.warning_text,
                        "Would be paged twice: as on call and as the escalation contact");
            // Away breaks a rule (escalation-contact); on call as well is a warning (escalation-on-call).
            e.candidate = std::none_of(e.marks.begin(), e.marks.end(), [](const Mark& m) { return m.tag.size() > 5 && m.tag.compare(m.tag.size() - 5, 5, ":away") == 0; });
            out->push_back(std::move(e));
        }
        // Clean first, then allowed with a warning, then the ones that break a rule.
        auto tier = [](const PickEntry& e) { return !e.candidate ? 2 : e.marks.empty() ? 0 : 1; };
        std::stable_sort(out->begin(), out->end(), [&](const PickEntry& a, const PickEntry& b) { return tier(a) < tier(b); });
        return;
    }

    const rp::Role role = cell.column == Column::Primary     ? rp::Role::Primary
                          : cell.column == Column::Secondary ? rp::Role::Secondary
                                                             : rp::Role::Shadow;
    std::optional<rp::CandidateList> list;
    try {
        list = rp::findCandidates(plan, cell.week, role);
    } catch (const std::exception&) {
        list.reset();
    }
    if (list) {
        bool best_given = false;
        for (const rp::Candidate& c : list->candidates) {
            int i = indexOf(c.person);
            if (i < 0 || placed[i]) continue;
            placed[i] = true;
            PickEntry e;
            e.person = i;
            e.candidate = true;
            if (!c.current && !best_given && c.warnings.empty()) e.best = best_given = true;
            if (c.current) AddMark(e, c.person, "now", "holds it now", pal.muted_text);
            e.summary = CandidateSummary(c, role);
            for (const std::string& w : c.warnings) AddMark(e, c.person, "warning", "allowed with a warning", pal.warning_text, w);
            neighbours(e, c.person, pal.warning_text);
            out->push_back(std::move(e));
        }
        for (const rp::Exclusion& x : list->excluded) {
            int i = indexOf(x.person);
            if (i < 0 || placed[i]) continue;
            placed[i] = true;
            PickEntry e;
            e.person = i;
            const rp::Person& p = plan.people[i];
            bool explained = false;
            for (const std::string& rule : x.rules) {
                if (rule == "unavailable") {
                    AddMark(e, p.id, "away", "away", pal.error_text, x.rule == rule ? x.reason : std::string());
                    explained = true;
                } else if (rule == "consecutive") {
                    neighbours(e, p.id, pal.error_text);
                    explained = true;
                } else if (rule == "min-engineers") {
                    if (const char* other = inWeek(p.id)) {
                        AddMark(e, p.id, "in-week", std::string("already ") + other + " this week", pal.error_text);
                        explained = true;
                    }
                } else if (rule == "not-eligible") {
                    AddMark(e, p.id, "not-eligible", p.trainee ? "trainee" : "not on call", pal.error_text,
                            x.rule == rule ? x.reason : std::string());
                    explained = true;
                }
            }
            if (!explained) AddMark(e, p.id, "rule", x.rule, pal.error_text, x.reason);
            out->push_back(std::move(e));
        }
    }
    // Everyone "who can cover?" does not judge (shadow: people who are not trainees).
    for (int i = 0; i < (int)plan.people.size(); ++i) {
        if (placed[i]) continue;
        const rp::Person& p = plan.people[i];
        PickEntry e;
        e.person = i;
        if (const char* other = inWeek(p.id)) AddMark(e, p.id, "in-week", std::string("already ") + other + " this week", pal.warning_text);
        if (AwayInWeek(app, week_index, p.id)) AddMark(e, p.id, "away", "away", pal.error_text);
        if (role == rp::Role::Shadow && !p.trainee) AddMark(e, p.id, "info", "not a trainee", pal.muted_text);
        out->push_back(std::move(e));
    }
}

// The plain list for a field that is not a rotation cell (contacts, forms).
void PlainEntries(const App& app, std::vector<PickEntry>* out) {
    const rp::Plan& plan = app.doc.plan();
    const Palette& pal = GetPalette();
    out->clear();
    for (int i = 0; i < (int)plan.people.size(); ++i) {
        const rp::Person& p = plan.people[i];
        PickEntry e;
        e.person = i;
        e.candidate = true;
        if (p.trainee) AddMark(e, p.id, "info", "trainee", pal.shadow);
        if (!p.on_call) AddMark(e, p.id, "info", "not on call", pal.muted_text);
        out->push_back(std::move(e));
    }
}

std::string& PickFilter() {
    static std::string filter;   // the open list's filter text
    return filter;
}

}  // namespace

std::string CandidateSummary(const rp::Candidate& c, rp::Role role) {
    std::string s;
    if (role == rp::Role::Shadow) {
        s = c.weeks == 0 ? std::string("no other shadow week") : Plural(c.weeks, "other shadow week", "other shadow weeks");
    } else if (c.weeks == 0) {
        s = "no other week on call";
    } else {
        s = "on call " + Plural(c.weeks, "other week", "other weeks") + " (" + std::to_string(c.primary_weeks) + " primary, " +
            std::to_string(c.secondary_weeks) + " secondary)";
    }
    if (c.rest_weeks) {
        const char* what = role == rp::Role::Shadow ? "shadow" : "on call";
        s += std::string(c.rest_before ? ", last " : ", next ") + what + " " + Plural(*c.rest_weeks, "week", "weeks") +
             (c.rest_before ? " before" : " after");
    }
    return s;
}

bool PickPerson(const App& app, const char* label, const std::optional<std::string>& current,
                std::optional<std::string>* out, const PickOptions& o) {
    const rp::Plan& plan = app.doc.plan();
    std::string preview = o.preview ? std::string(o.preview) : current ? plan.nameOf(*current) : std::string("—");
    if (o.width != 0.0f) ImGui::SetNextItemWidth(o.width);
    const float em = ImGui::GetFontSize();
    const float list_w = std::max(o.width > 0 ? o.width : ImGui::CalcItemWidth(), em * (o.cell ? 30.0f : 18.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(list_w, 0), ImVec2(FLT_MAX, ImGui::GetTextLineHeightWithSpacing() * 22));
    if (o.muted_preview) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().muted_text));
    const bool open = ImGui::BeginCombo(label, preview.c_str(), ImGuiComboFlags_HeightLarge | o.flags);
    if (o.muted_preview) ImGui::PopStyleColor();
    if (!open) return false;

    bool chosen = false;
    std::string& filter = PickFilter();
    const bool appearing = ImGui::IsWindowAppearing();
    if (appearing) filter.clear();
    PickCache& cache = TheCache();
    std::vector<PickEntry> plain;
    const std::vector<PickEntry>* entries = &plain;
    if (o.cell) {
        const long week = o.cell->week.time_since_epoch().count();
        if (appearing || cache.revision != app.doc.revision() || cache.week != week || cache.column != (int)o.cell->column) {
            cache.revision = app.doc.revision();
            cache.week = week;
            cache.column = (int)o.cell->column;
            BuildEntries(app, *o.cell, &cache.entries);
        }
        entries = &cache.entries;
    } else {
        PlainEntries(app, &plain);
    }

    if (o.action && o.action_chosen) {
        if (ImGui::Selectable(o.action)) *o.action_chosen = true;
        Tag("pick:action");
    }
    if (o.heading) ImGui::TextDisabled("%s", o.heading);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (appearing) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputTextWithHint("##pickfilter", "Type a name to filter; Enter picks the first", &filter,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    Tag("pick:filter");
    // Escape closes the list at once (the filter field would otherwise take the first press).
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    ImGui::Separator();
    if (o.allow_none && filter.empty()) {
        if (ImGui::Selectable(o.none_label ? o.none_label : "\u2014 nobody \u2014", !current)) {
            *out = std::nullopt;
            chosen = true;
        }
        Tag("pick:none");
    }
    const Palette& pal = GetPalette();
    const float marks_x = em * 11.5f;
    int shown = 0;
    const PickEntry* first = nullptr;
    bool separated = false;
    for (const PickEntry& e : *entries) {
        if (e.person < 0 || e.person >= (int)plan.people.size()) continue;
        const rp::Person& p = plan.people[e.person];
        if (!WordsMatch(p.name + " " + p.id, filter)) continue;
        if (o.cell && !e.candidate && !separated) {
            ImGui::SeparatorText("Would break a rule");
            separated = true;
        }
        if (!first) first = &e;
        ++shown;
        const bool selected = current && *current == p.id;
        ImGui::PushID(e.person);
        if (ImGui::Selectable("##entry", selected)) {
            *out = p.id;
            chosen = true;
        }
        Tag("pick:" + p.id);
        if (selected && appearing) ImGui::SetItemDefaultFocus();
        const bool hovered = ImGui::IsItemHovered();
        ImGui::SameLine(ImGui::GetStyle().ItemSpacing.x);
        if (!e.candidate && o.cell) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.muted_text));
        ImGui::TextUnformatted(p.name.c_str());
        if (!e.candidate && o.cell) ImGui::PopStyleColor();
        ImGui::SameLine();
        TextMuted("%s", p.id.c_str());
        if (e.best || !e.marks.empty() || !e.summary.empty()) ImGui::SameLine(std::max(marks_x, ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + em * 0.8f));
        std::string tooltip;
        bool any = false;
        if (e.best) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.ok_text));
            ImGui::TextUnformatted("best");
            ImGui::PopStyleColor();
            Tag("pick:mark:" + p.id + ":best");
            any = true;
        }
        for (const Mark& m : e.marks) {
            if (any) {
                ImGui::SameLine(0, 0);
                TextMuted(" \u00b7 ");
                ImGui::SameLine(0, 0);
            }
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(m.color));
            ImGui::TextUnformatted(m.text.c_str());
            ImGui::PopStyleColor();
            Tag(m.tag);
            if (!m.tooltip.empty()) tooltip += (tooltip.empty() ? "" : "\n") + m.tooltip;
            any = true;
        }
        if (!e.summary.empty()) {
            if (any) {
                ImGui::SameLine(0, 0);
                TextMuted(" \u00b7 ");
                ImGui::SameLine(0, 0);
            }
            TextMuted("%s", e.summary.c_str());
        }
        if (hovered && !tooltip.empty()) ImGui::SetTooltip("%s", tooltip.c_str());
        {
            std::string line = p.name + " (" + p.id + ")";
            if (e.best) line += " | best";
            for (const Mark& m : e.marks) line += " | " + m.text;
            if (!e.summary.empty()) line += " | " + e.summary;
            TagText("pick:" + p.id, line);
        }
        ImGui::PopID();
    }
    if (shown == 0) TextMuted(filter.empty() ? "Nobody in the team yet." : "Nobody matches \"%s\".", filter.c_str());
    if (enter && first) {
        *out = plan.people[first->person].id;
        chosen = true;
    }
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndCombo();
    return chosen;
}

bool PersonCombo(const App& app, const char* label, const std::optional<std::string>& current,
                 std::optional<std::string>* out, bool allow_none, float width, ImGuiComboFlags flags,
                 const char* action, bool* action_chosen) {
    PickOptions o;
    o.allow_none = allow_none;
    o.width = width;
    o.flags = flags;
    o.action = action;
    o.action_chosen = action_chosen;
    return PickPerson(app, label, current, out, o);
}

bool ZoneCombo(App& app, const char* label, const std::string& current, std::string* out, bool allow_default) {
    bool chosen = false;
    const char* preview = current.empty() ? "(team zone)" : current.c_str();
    if (ImGui::BeginCombo(label, preview, ImGuiComboFlags_HeightLarge)) {
        if (ImGui::IsWindowAppearing()) {
            app.team.zone_filter.clear();
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::SetNextItemWidth(-1);
        const bool enter = ImGui::InputTextWithHint("##zonefilter", "Search zones (e.g. berlin, new york)",
                                                    &app.team.zone_filter, ImGuiInputTextFlags_EnterReturnsTrue);
        Tag("zone:filter");
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
        if (allow_default && app.team.zone_filter.empty() && ImGui::Selectable("(team zone)", current.empty())) {
            *out = "";
            chosen = true;
        }
        std::vector<int> matches;
        for (int i = 0; i < (int)app.zone_names.size(); ++i)
            if (WordsMatch(app.zone_names[i], app.team.zone_filter)) matches.push_back(i);
        if (enter && !matches.empty()) {
            *out = app.zone_names[matches.front()];
            chosen = true;
        }
        if (matches.empty()) TextMuted("No zone matches \"%s\".", app.team.zone_filter.c_str());
        ImGui::BeginChild("##zones", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14));
        ImGuiListClipper clipper;
        clipper.Begin((int)matches.size());
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const std::string& name = app.zone_names[matches[row]];
                if (ImGui::Selectable(name.c_str(), name == current)) {
                    *out = name;
                    chosen = true;
                }
                Tag("zone:" + name);
            }
        }
        ImGui::EndChild();
        if (chosen) ImGui::CloseCurrentPopup();
        ImGui::EndCombo();
    }
    return chosen;
}

// [SECTION] text ---------------------------------------------------------------------------

void HelpMarker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void TextMuted(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(GetPalette().muted_text));
    ImGui::TextV(fmt, args);
    ImGui::PopStyleColor();
    va_end(args);
}

void TextCut(const std::string& text, float max_width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= max_width) {
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    const float ellipsis = ImGui::CalcTextSize("\u2026").x;
    // The longest prefix that fits with the ellipsis, cut between UTF-8 characters (a cut
    // moved back to a character's start only shortens it, so the test stays monotonic).
    auto start = [&](std::size_t i) {
        while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    std::size_t lo = 0, hi = text.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (ImGui::CalcTextSize(text.data(), text.data() + start(mid)).x + ellipsis <= max_width) lo = mid;
        else hi = mid - 1;
    }
    lo = start(lo);
    ImGui::TextUnformatted((text.substr(0, lo) + "\u2026").c_str());
    ImGui::SetItemTooltip("%s", text.c_str());
}

void Heading(const char* text) {
    ImGui::PushFont(GetFonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

}  // namespace app
