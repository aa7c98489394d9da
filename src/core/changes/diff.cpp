// Rotation differences (changes.md "rotaplan diff"). docs/changes.md states the choices.
//
// [SECTION] time: notice window, today
// [SECTION] week duties
// [SECTION] comparing one week
// [SECTION] whole plans
// [SECTION] output
#include "core/changes/diff.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <date/tz.h>

#include "core/changes/text.hpp"
#include "core/model/time.hpp"

namespace rp {

using namespace changes_text;

const char* dutyName(Duty d) {
    switch (d) {
        case Duty::Primary: return "primary";
        case Duty::Secondary: return "secondary";
        case Duty::Escalation: return "escalation";
        case Duty::Shadow: return "shadow";
    }
    return "?";
}

// [SECTION] time: notice window, today

NoticeWindow noticeWindow(const Plan& plan, Date today) {
    const auto* zone = teamZone(plan);
    NoticeWindow w;
    w.today = today;
    w.days = std::max(0, plan.policy.change_notice_days);
    w.from = dayStart(zone, today);
    w.to = dayStart(zone, today + date::days{w.days});
    return w;
}

Date currentDate(const Plan& plan) {
    const auto* zone = teamZone(plan);
    const Instant now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto local = now + std::chrono::seconds(offsetSeconds(zone, now));
    return date::floor<date::days>(local);
}

// [SECTION] week duties

std::vector<WeekDuties> weekDuties(const Plan& plan) {
    const auto spans = weekSpans(plan);
    return weekDuties(plan, spans, resolveShifts(plan, spans));
}

std::vector<WeekDuties> weekDuties(const Plan& plan, const std::vector<WeekSpan>& spans,
                                   const std::vector<Shift>& shifts) {
    const std::size_t n = plan.weeks.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return plan.weeks[a].start < plan.weeks[b].start; });
    std::vector<WeekDuties> out;
    out.reserve(n);
    std::vector<int> group(n, -1);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        const Week& w = plan.weeks[i];
        if (out.empty() || out.back().start != w.start) {
            WeekDuties d;
            d.start = w.start;
            d.span_start = spans[i].start;
            d.span_end = spans[i].end;
            d.escalation = w.escalation ? w.escalation : plan.contacts.engineering_lead;
            d.shadow = w.shadow;
            out.push_back(std::move(d));
        }
        out.back().emergency = out.back().emergency || w.emergency;
        group[i] = static_cast<int>(out.size()) - 1;
    }
    for (const Shift& s : shifts) {
        if (s.week < 0 || static_cast<std::size_t>(s.week) >= n || s.role == Role::Shadow) continue;
        WeekDuties& d = out[static_cast<std::size_t>(group[static_cast<std::size_t>(s.week)])];
        (s.role == Role::Primary ? d.primary : d.secondary).push_back({s.person, s.start, s.end});
    }
    return out;
}

Plan snapshotPlan(const Plan& plan) {
    Plan p;
    p.version = plan.version;
    p.team_name = plan.team_name;
    p.team_timezone = plan.team_timezone;
    p.policy = plan.policy;
    p.contacts = plan.contacts;
    if (plan.published) {
        p.weeks = plan.published->weeks;
        p.overrides = plan.published->overrides;
    }
    return p;
}

// [SECTION] comparing one week

namespace {

using Pieces = std::vector<WeekDuties::Piece>;

// Who holds the role at instant t, walking `i` forward (pieces sorted by start).
const std::string* holderAt(const Pieces& pieces, std::size_t& i, Instant t) {
    while (i < pieces.size() && pieces[i].end <= t) ++i;
    if (i < pieces.size() && pieces[i].start <= t) return &pieces[i].person;
    return nullptr;
}

bool sameHolder(const std::string* a, const std::string* b) {
    if (!a || !b) return a == b;
    return *a == *b;
}

std::optional<std::string> opt(const std::string* s) {
    return s ? std::optional<std::string>(*s) : std::nullopt;
}

void diffPieces(Duty role, Date week, const Pieces& old_p, const Pieces& new_p, Instant span_start,
                Instant span_end, std::vector<DutyChange>& out) {
    if (old_p.size() == new_p.size()) {  // the common case: nothing changed
        bool same = true;
        for (std::size_t k = 0; same && k < old_p.size(); ++k)
            same = old_p[k].person == new_p[k].person && old_p[k].start == new_p[k].start &&
                   old_p[k].end == new_p[k].end;
        if (same) return;
    }
    std::vector<Instant> cuts;
    cuts.reserve(2 * (old_p.size() + new_p.size()));
    for (const auto& p : old_p) cuts.push_back(p.start), cuts.push_back(p.end);
    for (const auto& p : new_p) cuts.push_back(p.start), cuts.push_back(p.end);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::size_t io = 0, in = 0;
    const std::size_t first = out.size();
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const Instant a = cuts[k], b = cuts[k + 1];
        const std::string* was = holderAt(old_p, io, a);
        const std::string* now = holderAt(new_p, in, a);
        if (sameHolder(was, now)) continue;
        if (out.size() > first) {
            DutyChange& last = out.back();
            if (last.end == a && last.from == opt(was) && last.to == opt(now)) {
                last.end = b;
                continue;
            }
        }
        DutyChange c;
        c.week = week;
        c.role = role;
        c.from = opt(was);
        c.to = opt(now);
        c.start = a;
        c.end = b;
        out.push_back(std::move(c));
    }
    for (std::size_t k = first; k < out.size(); ++k)
        out[k].whole_week = out[k].start == span_start && out[k].end == span_end;
}

}  // namespace

std::vector<DutyChange> diffWeek(const WeekDuties* old_week, const WeekDuties* new_week) {
    std::vector<DutyChange> out;
    if (!old_week && !new_week) return out;
    const WeekDuties& span = new_week ? *new_week : *old_week;
    static const Pieces none;
    diffPieces(Duty::Primary, span.start, old_week ? old_week->primary : none, new_week ? new_week->primary : none,
               span.span_start, span.span_end, out);
    diffPieces(Duty::Secondary, span.start, old_week ? old_week->secondary : none,
               new_week ? new_week->secondary : none, span.span_start, span.span_end, out);
    auto whole = [&](Duty role, const std::optional<std::string>& was, const std::optional<std::string>& now) {
        if (was == now) return;
        DutyChange c;
        c.week = span.start;
        c.role = role;
        c.from = was;
        c.to = now;
        c.start = span.span_start;
        c.end = span.span_end;
        c.whole_week = true;
        out.push_back(std::move(c));
    };
    static const std::optional<std::string> nobody;
    whole(Duty::Escalation, old_week ? old_week->escalation : nobody, new_week ? new_week->escalation : nobody);
    whole(Duty::Shadow, old_week ? old_week->shadow : nobody, new_week ? new_week->shadow : nobody);
    return out;
}

// [SECTION] whole plans

DiffResult diffPlans(const Plan& old_plan, const Plan& new_plan, Date today) {
    DiffResult r;
    r.window = noticeWindow(new_plan, today);
    const auto old_d = weekDuties(old_plan);
    const auto new_d = weekDuties(new_plan);
    std::size_t i = 0, j = 0;
    while (i < old_d.size() || j < new_d.size()) {
        const WeekDuties* o = nullptr;
        const WeekDuties* n = nullptr;
        if (j >= new_d.size() || (i < old_d.size() && old_d[i].start < new_d[j].start)) {
            o = &old_d[i++];
        } else if (i >= old_d.size() || new_d[j].start < old_d[i].start) {
            n = &new_d[j++];
        } else {
            o = &old_d[i++];
            n = &new_d[j++];
        }
        auto changes = diffWeek(o, n);
        const WeekDuties& w = n ? *n : *o;
        const bool inside = r.window.intersects(w.span_start, w.span_end);
        for (DutyChange& c : changes) {
            c.inside_notice = inside;
            r.changes.push_back(std::move(c));
        }
    }
    std::map<std::string, std::vector<Date>> people;
    for (const DutyChange& c : r.changes) {
        if (c.from) people[*c.from].push_back(c.week);
        if (c.to) people[*c.to].push_back(c.week);
    }
    for (auto& kv : people) {
        std::sort(kv.second.begin(), kv.second.end());
        kv.second.erase(std::unique(kv.second.begin(), kv.second.end()), kv.second.end());
        r.notify.push_back({kv.first, std::move(kv.second)});
    }
    return r;
}

std::optional<DiffResult> diffPublished(const Plan& plan, Date today) {
    if (!plan.published) return std::nullopt;
    DiffResult r = diffPlans(snapshotPlan(plan), plan, today);
    r.since = plan.published->at;
    return r;
}

// [SECTION] output

namespace {

std::string whoText(const Plan& plan, const std::optional<std::string>& id) {
    return id ? plan.nameOf(*id) : std::string("nobody");
}

Json idJson(const std::optional<std::string>& id) { return id ? Json(*id) : Json(nullptr); }

}  // namespace

std::string describeChange(const Plan& plan, const DutyChange& c) {
    std::string s = c.role == Duty::Escalation ? "escalation contact" : dutyName(c.role);
    s += " " + whoText(plan, c.from) + " -> " + whoText(plan, c.to);
    if (!c.whole_week) {
        const auto* zone = teamZone(plan);
        s += " from " + localText(zone, c.start) + " to " + localText(zone, c.end);
    }
    return s;
}

Json diffToJson(const Plan& plan, const DiffResult& d) {
    const auto* zone = teamZone(plan);
    Json j = Json::object();
    j["since"] = d.since ? Json(formatDate(*d.since)) : Json(nullptr);
    j["today"] = formatDate(d.window.today);
    j["notice_days"] = d.window.days;
    Json changes = Json::array();
    for (const DutyChange& c : d.changes) {
        Json o = Json::object();
        o["week"] = formatDate(c.week);
        o["role"] = dutyName(c.role);
        o["from"] = idJson(c.from);
        o["to"] = idJson(c.to);
        o["start"] = formatRfc3339(zone, c.start);
        o["end"] = formatRfc3339(zone, c.end);
        o["inside_notice"] = c.inside_notice;
        changes.push_back(std::move(o));
    }
    j["changes"] = std::move(changes);
    Json notify = Json::array();
    for (const NotifyEntry& n : d.notify) {
        Json o = Json::object();
        o["person"] = n.person;
        o["name"] = plan.nameOf(n.person);
        Json weeks = Json::array();
        for (Date w : n.weeks) weeks.push_back(formatDate(w));
        o["weeks"] = std::move(weeks);
        notify.push_back(std::move(o));
    }
    j["notify"] = std::move(notify);
    return j;
}

std::string diffToText(const Plan& plan, const DiffResult& d) {
    std::string head = d.since ? "since the rotation published on " + formatDate(*d.since) : "between the two plans";
    std::string window = "today " + formatDate(d.window.today) + ", ";
    if (d.window.days > 0)
        window += "notice window " + formatDate(d.window.today) + " to " +
                  formatDate(d.window.today + date::days{d.window.days - 1});
    else
        window += "no notice window";
    if (d.changes.empty()) return "No changes " + head + " (" + window + ").\n";
    std::string out = plural(static_cast<long long>(d.changes.size()), "change ", "changes ") + head + " (" + window + "):\n";
    for (const DutyChange& c : d.changes) {
        std::string role = dutyName(c.role);
        role.resize(std::max<std::size_t>(role.size(), 11), ' ');
        out += "  " + formatDate(c.week) + "  " + role + " " + whoText(plan, c.from) + " -> " + whoText(plan, c.to);
        if (!c.whole_week) {
            const auto* zone = teamZone(plan);
            out += " from " + localText(zone, c.start) + " to " + localText(zone, c.end);
        }
        if (c.inside_notice) out += " (inside the notice window)";
        out += "\n";
    }
    out += "People to notify:\n";
    for (const NotifyEntry& n : d.notify) {
        out += "  " + plan.nameOf(n.person) + " (" + n.person + "): ";
        for (std::size_t k = 0; k < n.weeks.size(); ++k) out += (k ? ", " : "") + formatDate(n.weeks[k]);
        out += "\n";
    }
    return out;
}

}  // namespace rp
