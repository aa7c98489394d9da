// The export model: the plan's exact per-role timeline, its weekly grid and base cycle,
// the difference between a vendor's native coverage and the plan, and the escalation
// levels (docs/interop.md "Exports").
//
// [SECTION] grid
// [SECTION] role timelines
// [SECTION] coverage and differences
// [SECTION] escalation
// [SECTION] the export entry point
#include "core/interop/export_model.hpp"

#include <algorithm>
#include <map>

#include "core/interop/common.hpp"
#include "core/interop/vendors.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace rp::interop::detail {

using std::chrono::seconds;

// [SECTION] grid

Instant Grid::at(long k, int minute_of_day) const { return localToInstant(zone, date(k), minute_of_day); }

long Grid::weekAt(Instant t) const {
    const Instant h0 = handoff(0);
    long k = static_cast<long>((t - h0).count() / (7 * 86400));
    if (t < h0) k -= 1;
    while (handoff(k) > t) --k;
    while (handoff(k + 1) <= t) ++k;
    return k;
}

Date ExportModel::weekOf(Instant t) const {
    auto it = std::upper_bound(week_starts.begin(), week_starts.end(), t,
                               [](Instant v, const std::pair<Instant, Date>& w) { return v < w.first; });
    if (it != week_starts.begin()) {
        const auto& w = *(it - 1);
        // Inside that week (a week is 7 calendar days from its start date).
        if (t < localToInstant(grid.zone, w.second + date::days{7}, grid.minute)) return w.second;
    }
    return grid.date(grid.weekAt(t));
}

std::string roleTitle(Role role) { return roleName(role); }

// [SECTION] role timelines

namespace {

const date::time_zone* zoneOf(const Plan& plan) {
    if (const auto* z = findZone(plan.team_timezone)) return z;
    return findZone("UTC");
}

// Lays the role's resolved pieces end to end: where two weeks overlap (a faulty plan),
// the later-starting piece holds the overlap. Gaps become holes.
std::vector<Piece> paint(const ExportModel& m, const std::vector<const Shift*>& shifts, Role role,
                         std::vector<Loss>& losses) {
    struct Painted {
        Piece piece;
        int week;
    };
    std::vector<Painted> out;
    std::vector<std::pair<int, int>> reported;
    const Plan& plan = *m.plan;
    for (const Shift* s : shifts) {
        std::vector<Painted> tail;
        while (!out.empty() && out.back().piece.end > s->start) {
            Painted p = out.back();
            out.pop_back();
            if (p.week != s->week) {
                const std::pair<int, int> pair{p.week, s->week};
                if (std::find(reported.begin(), reported.end(), pair) == reported.end()) {
                    reported.push_back(pair);
                    const Instant a = std::max(p.piece.start, s->start), b = std::min(p.piece.end, s->end);
                    losses.push_back({"unsupported", role, plan.weeks[static_cast<std::size_t>(s->week)].start,
                                      std::nullopt,
                                      "The weeks of " + formatDate(plan.weeks[static_cast<std::size_t>(p.week)].start) +
                                          " and " + formatDate(plan.weeks[static_cast<std::size_t>(s->week)].start) +
                                          " overlap from " + localText(m.grid.zone, a) + " to " +
                                          localText(m.grid.zone, b) + ": one schedule holds one person, so the " +
                                          roleTitle(role) + " export follows the later week there; fix the weeks' dates."});
                }
            }
            if (p.piece.end > s->end) {
                Painted right = p;
                right.piece.start = s->end;
                tail.insert(tail.begin(), right);
            }
            if (p.piece.start < s->start) {
                p.piece.end = s->start;
                out.push_back(p);
                break;
            }
        }
        out.push_back({{s->start, s->end, s->person}, s->week});
        for (auto& t : tail) out.push_back(t);
    }
    std::vector<Piece> target;
    Instant cursor = m.span_start;
    for (const Painted& p : out) {
        if (p.piece.start > cursor) target.push_back({cursor, p.piece.start, ""});
        target.push_back(p.piece);
        cursor = p.piece.end;
    }
    if (cursor < m.span_end) target.push_back({cursor, m.span_end, ""});
    return target;
}

// Per grid week: the person with the largest part (ties: the one at the handoff, then
// the first), and whether any of it has nobody.
void weekPeople(const Grid& grid, RoleModel& r) {
    r.week_person.assign(static_cast<std::size_t>(grid.weeks), "");
    r.week_hole.assign(static_cast<std::size_t>(grid.weeks), false);
    std::size_t i = 0;
    std::vector<std::pair<std::string, long long>> parts;
    for (long k = 0; k < grid.weeks; ++k) {
        const Instant a = grid.handoff(k), b = grid.handoff(k + 1);
        while (i < r.target.size() && r.target[i].end <= a) ++i;
        parts.clear();
        for (std::size_t j = i; j < r.target.size() && r.target[j].start < b; ++j) {
            const Piece& p = r.target[j];
            const long long len = (std::min(p.end, b) - std::max(p.start, a)).count();
            if (len <= 0) continue;
            if (p.person.empty()) {
                r.week_hole[static_cast<std::size_t>(k)] = true;
                continue;
            }
            auto it = std::find_if(parts.begin(), parts.end(), [&](const auto& x) { return x.first == p.person; });
            if (it == parts.end()) parts.emplace_back(p.person, len);
            else it->second += len;
        }
        if (parts.empty()) continue;
        // Ties: the person at the handoff is the first part when a piece starts there.
        std::size_t best = 0;
        for (std::size_t j = 1; j < parts.size(); ++j)
            if (parts[j].second > parts[best].second) best = j;
        r.week_person[static_cast<std::size_t>(k)] = parts[best].first;
    }
}

void outsideSpanLosses(ExportModel& m, const std::vector<WeekSpan>& spans) {
    std::vector<std::pair<Instant, Instant>> cover;
    for (const auto& s : spans)
        if (s.start < s.end) cover.emplace_back(s.start, s.end);
    std::sort(cover.begin(), cover.end());
    std::vector<std::pair<Instant, Instant>> merged;
    for (const auto& c : cover) {
        if (!merged.empty() && c.first <= merged.back().second) merged.back().second = std::max(merged.back().second, c.second);
        else merged.push_back(c);
    }
    const Plan& plan = *m.plan;
    for (const Override& o : plan.overrides) {
        if (o.role == Role::Shadow || !(o.from.at < o.to.at)) continue;
        long long inside = 0;
        for (const auto& c : merged) {
            const Instant a = std::max(c.first, o.from.at), b = std::min(c.second, o.to.at);
            if (a < b) inside += (b - a).count();
        }
        if (inside == (o.to.at - o.from.at).count()) continue;
        m.losses.push_back({"outside-span", o.role, std::nullopt, o.person,
                            "The " + roleTitle(o.role) + " override of " + personLabel(plan, o.person) + " from " +
                                localText(m.grid.zone, o.from.at) + " to " + localText(m.grid.zone, o.to.at) +
                                (inside == 0 ? " lies outside the plan's weeks and is not exported"
                                             : " reaches outside the plan's weeks; only the part inside them is exported") +
                                ": add the weeks it covers, or shorten it."});
    }
}

}  // namespace

ExportModel buildExportModel(const Plan& plan) {
    ExportModel m;
    m.plan = &plan;
    m.zone_name = exportZoneName(plan);
    m.grid.zone = zoneOf(plan);
    m.grid.minute = plan.policy.handoff_minute;
    const std::vector<WeekSpan> spans = weekSpans(plan);
    bool any = false;
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) {
        if (!(spans[i].start < spans[i].end)) continue;
        if (!any || plan.weeks[i].start < m.grid.first) m.grid.first = plan.weeks[i].start;
        if (!any || spans[i].start < m.span_start) m.span_start = spans[i].start;
        if (!any || spans[i].end > m.span_end) m.span_end = spans[i].end;
        m.week_starts.emplace_back(spans[i].start, plan.weeks[i].start);
        any = true;
    }
    std::sort(m.week_starts.begin(), m.week_starts.end());
    bool has_shadow = false;
    for (const Week& w : plan.weeks) has_shadow |= w.shadow.has_value();
    std::vector<Role> roles{Role::Primary, Role::Secondary};
    if (has_shadow) roles.push_back(Role::Shadow);
    m.empty = !any;
    if (m.empty) {
        for (Role r : roles) m.roles.push_back(RoleModel{r, {}, {}, {}, {}});
        outsideSpanLosses(m, spans);
        return m;
    }
    m.grid.weeks = m.grid.weekAt(m.span_end - seconds{1}) + 1;

    const std::vector<Shift> shifts = resolveShifts(plan, spans);
    for (Role role : roles) {
        std::vector<const Shift*> mine;
        for (const Shift& s : shifts)
            if (s.role == role && s.week >= 0 && s.week < static_cast<int>(plan.weeks.size()) && s.start < s.end)
                mine.push_back(&s);
        RoleModel r;
        r.role = role;
        r.target = paint(m, mine, role, m.losses);
        weekPeople(m.grid, r);
        r.cycle = findBaseCycle(r.week_person);
        m.roles.push_back(std::move(r));
    }
    outsideSpanLosses(m, spans);
    return m;
}

// [SECTION] coverage and differences

const char* const kConflict = "\x01";

std::vector<Piece> flatten(std::vector<Coverage> cover, Instant from, Instant to) {
    struct Event {
        Instant t;
        int delta;
        std::size_t who;
    };
    std::vector<std::string> names;
    std::vector<Event> events;
    events.reserve(cover.size() * 2);
    for (const Coverage& c : cover) {
        const Instant a = std::max(c.start, from), b = std::min(c.end, to);
        if (!(a < b) || c.person.empty()) continue;
        std::size_t who = 0;
        while (who < names.size() && names[who] != c.person) ++who;
        if (who == names.size()) names.push_back(c.person);
        events.push_back({a, +1, who});
        events.push_back({b, -1, who});
    }
    std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return x.t < y.t; });
    std::vector<int> active(names.size(), 0);
    int distinct = 0;
    std::vector<Piece> out;
    auto value = [&]() -> std::string {
        if (distinct == 0) return "";
        if (distinct > 1) return kConflict;
        for (std::size_t w = 0; w < active.size(); ++w)
            if (active[w] > 0) return names[w];
        return "";
    };
    Instant cursor = from;
    std::size_t i = 0;
    while (cursor < to) {
        while (i < events.size() && events[i].t <= cursor) {
            int& a = active[events[i].who];
            if (events[i].delta > 0 && a++ == 0) ++distinct;
            if (events[i].delta < 0 && --a == 0) --distinct;
            ++i;
        }
        const Instant next = i < events.size() ? std::min(events[i].t, to) : to;
        std::string v = value();
        if (!out.empty() && out.back().person == v && out.back().end == cursor) out.back().end = next;
        else out.push_back({cursor, next, std::move(v)});
        cursor = next;
    }
    return out;
}

long anchorWeek(const Grid& grid, int minute, long fallback) {
    const Instant at = grid.at(0, minute);
    const date::local_seconds nominal{grid.date(0).time_since_epoch() + std::chrono::minutes{minute}};
    return localReading(grid.zone, at).local == nominal ? 0 : fallback;
}

std::vector<std::string> rotated(const std::vector<std::string>& cycle, long anchor) {
    std::vector<std::string> out;
    const long n = static_cast<long>(cycle.size());
    for (long j = 0; j < n; ++j) out.push_back(cycle[static_cast<std::size_t>((((j + anchor) % n) + n) % n)]);
    return out;
}

void addWeeklyTurns(const Grid& grid, const std::vector<std::string>& cycle, int turn_minute, Instant from, Instant to,
                    std::vector<Coverage>& out) {
    if (cycle.empty() || !(from < to)) return;
    const long n = static_cast<long>(cycle.size());
    long k = grid.weekAt(from);
    while (grid.at(k, turn_minute) > from) --k;
    while (grid.at(k + 1, turn_minute) <= from) ++k;
    for (;; ++k) {
        const Instant a = grid.at(k, turn_minute);
        if (a >= to) break;
        const Instant b = grid.at(k + 1, turn_minute);
        out.push_back({std::max(a, from), std::min(b, to), cycle[static_cast<std::size_t>(((k % n) + n) % n)]});
    }
}

std::vector<Fix> differences(const ExportModel& m, const std::vector<Piece>& target, const std::vector<Piece>& native) {
    std::vector<Fix> fixes;
    std::size_t j = 0;
    for (const Piece& t : target) {
        while (j < native.size() && native[j].end <= t.start) ++j;
        bool open = false;
        for (std::size_t q = j; q < native.size() && native[q].start < t.end; ++q) {
            const Instant a = std::max(t.start, native[q].start), b = std::min(t.end, native[q].end);
            if (!(a < b)) continue;
            if (native[q].person == t.person) {
                open = false;
                continue;
            }
            if (open && fixes.back().end == a) {
                fixes.back().end = b;
            } else {
                fixes.push_back({a, b, t.person, m.weekOf(a)});
                open = true;
            }
        }
    }
    return fixes;
}

// [SECTION] escalation

EscalationModel escalationModel(const Plan& plan, Vendor vendor, std::vector<Loss>& losses) {
    EscalationModel e;
    auto severity = [&](const char* name) {
        auto it = plan.policy.severities.find(name);
        return it != plan.policy.severities.end() ? it->second : defaultSeverity(name);
    };
    const SeverityPolicy p0 = severity("P0");
    e.delay_minutes = p0.escalate_every_minutes ? *p0.escalate_every_minutes : p0.ack_minutes;
    e.steps.push_back({true, Role::Primary, "", "primary"});
    e.steps.push_back({true, Role::Secondary, "", "secondary"});
    if (!p0.escalate_every_minutes) return e;

    const std::string title = vendorTitle(vendor);
    auto known = [](const std::optional<std::string>& s) { return s && !s->empty(); };
    // The contact of most weeks; ties go to contacts.engineering_lead, then to the earliest.
    std::vector<std::pair<std::string, int>> counts;
    std::vector<std::pair<const Week*, std::string>> by_week;
    std::vector<const Week*> weeks;
    for (const Week& w : plan.weeks) weeks.push_back(&w);
    std::stable_sort(weeks.begin(), weeks.end(), [](const Week* a, const Week* b) { return a->start < b->start; });
    for (const Week* w : weeks) {
        std::string who = known(w->escalation) ? *w->escalation
                          : known(plan.contacts.engineering_lead) ? *plan.contacts.engineering_lead
                                                                  : std::string();
        by_week.emplace_back(w, who);
        if (who.empty()) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == who; });
        if (it == counts.end()) counts.emplace_back(who, 1);
        else ++it->second;
    }
    std::string contact;
    int best = 0;
    for (const auto& [who, n] : counts) {
        const bool lead = known(plan.contacts.engineering_lead) && who == *plan.contacts.engineering_lead;
        const bool best_is_lead = known(plan.contacts.engineering_lead) && contact == *plan.contacts.engineering_lead;
        if (n > best || (n == best && lead && !best_is_lead)) {
            contact = who;
            best = n;
        }
    }
    if (counts.empty() && known(plan.contacts.engineering_lead)) contact = *plan.contacts.engineering_lead;
    if (!contact.empty()) e.steps.push_back({false, Role::Primary, contact, "escalation contact"});
    for (const auto& [w, who] : by_week) {
        if (who == contact) continue;
        std::string detail = "In the week of " + formatDate(w->start) + " the escalation contact is ";
        detail += who.empty() ? std::string("nobody") : personLabel(plan, who);
        detail += ", but one " + title + " policy pages " +
                  (contact.empty() ? std::string("no contact") : personLabel(plan, contact)) +
                  " every week: change that step's user for the week by hand.";
        losses.push_back({"unsupported", std::nullopt, w->start, who.empty() ? std::nullopt : std::optional<std::string>(who),
                          detail});
    }
    if (known(plan.contacts.cto)) e.steps.push_back({false, Role::Primary, *plan.contacts.cto, "CTO"});
    if (known(plan.contacts.ceo) && p0.reaches_ceo) {
        e.steps.push_back({false, Role::Primary, *plan.contacts.ceo, "CEO"});
        bool all = true;
        std::map<std::string, SeverityPolicy> sev = plan.policy.severities;
        for (const char* n : {"P0", "P1", "P2", "P3"})
            if (!sev.count(n)) sev[n] = defaultSeverity(n);
        for (const auto& [name, s] : sev)
            if (s.escalate_every_minutes && !s.reaches_ceo) all = false;
        if (!all)
            losses.push_back({"unsupported", std::nullopt, std::nullopt, *plan.contacts.ceo,
                              "The plan pages " + personLabel(plan, *plan.contacts.ceo) +
                                  ", the CEO, for P0 incidents only; the " + title +
                                  " policy pages them for every incident still open at its last step: attach it to P0 "
                                  "services only, or drop that step for the others."});
    }
    return e;
}

// [SECTION] the export entry point

ExportResult finishExport(Json doc, std::vector<Loss> losses) {
    sortLosses(losses);
    doc["losses"] = lossesToJson(losses);
    return {documentText(doc), std::move(losses)};
}

}  // namespace rp::interop::detail

namespace rp::interop {

ExportResult exportVendor(const Plan& plan, Vendor vendor, const UserMap& users) {
    switch (vendor) {
        case Vendor::PagerDuty: return detail::exportPagerDuty(plan, users);
        case Vendor::Opsgenie: return detail::exportOpsgenie(plan, users);
        case Vendor::GrafanaOnCall: return detail::exportGrafanaOnCall(plan, users);
        case Vendor::GoAlert: return detail::exportGoAlert(plan, users);
        case Vendor::Ics: break;
    }
    return detail::finishExport(Json::object(), {{"unsupported", std::nullopt, std::nullopt, std::nullopt,
                                                 "iCalendar is exported with --format ics."}});
}

}  // namespace rp::interop
