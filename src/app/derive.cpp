// What the views show that is computed from the plan: the check, week spans, resolved
// shifts, load counts. Recomputed only when the document's revision has moved on.
#include <algorithm>
#include <map>

#include <date/tz.h>

#include "app_state.hpp"
#include "core/model/time.hpp"

namespace app {

const char* ColumnName(Column c) {
    switch (c) {
    case Column::Dates: return "dates";
    case Column::Primary: return "primary";
    case Column::Secondary: return "secondary";
    case Column::Escalation: return "escalation";
    case Column::Shadow: return "shadow";
    case Column::Emergency: return "emergency";
    case Column::Note: return "note";
    }
    return "";
}

namespace {

// Weekend days (Saturday, Sunday in the team zone) whose local noon falls inside a
// primary or secondary piece, per person.
void CountWeekends(const rp::Plan& plan, const date::time_zone* zone, const std::vector<rp::Shift>& shifts,
                   std::map<std::string, int>* weekends) {
    if (!zone) return;
    for (const rp::Shift& s : shifts) {
        if (s.role == rp::Role::Shadow) continue;
        auto local_start = zone->to_local(s.start);
        rp::Date day{date::floor<date::days>(local_start).time_since_epoch()};
        for (int i = 0; i < 9; ++i, day += date::days{1}) {
            unsigned wd = date::weekday(day).c_encoding();
            if (wd != 0 && wd != 6) continue;
            rp::Instant noon = rp::localToInstant(zone, day, 12 * 60);
            if (noon >= s.start && noon < s.end) ++(*weekends)[s.person];
            if (noon >= s.end) break;
        }
    }
    (void)plan;
}

}  // namespace

void RefreshDerived(App& app) {
    Derived& d = app.derived;
    const rp::Date today = PageToday(app);   // the rules late-change and history-change need it
    if (d.revision == app.doc.revision() && d.today == today) return;
    d.revision = app.doc.revision();
    d.today = today;
    const rp::Plan& plan = app.doc.plan();
    d.problems.clear();
    d.violations_by_week.clear();
    d.team_zone = nullptr;
    try {
        d.team_zone = rp::findZone(plan.team_timezone);
    } catch (const std::exception& e) {
        d.problems.push_back(e.what());
    }
    try {
        rp::CheckOptions options;
        options.today = today;
        d.report = rp::check(plan, options);
    } catch (const std::exception& e) {
        d.report = rp::Report();
        d.problems.push_back(std::string("check failed: ") + e.what());
    }
    for (int i = 0; i < (int)d.report.violations.size(); ++i) {
        const auto& v = d.report.violations[i];
        if (v.week) d.violations_by_week[v.week->time_since_epoch().count()].push_back(i);
    }
    try {
        d.spans = rp::weekSpans(plan);
        d.shifts = rp::resolveShifts(plan);
    } catch (const std::exception& e) {
        d.spans.clear();
        d.shifts.clear();
        d.problems.push_back(std::string("cannot resolve shifts: ") + e.what());
    }

    // Load per person: own week assignments, weekend days from the resolved shifts.
    std::map<std::string, int> weekends;
    try {
        CountWeekends(plan, d.team_zone, d.shifts, &weekends);
    } catch (const std::exception&) {
    }
    d.load.clear();
    std::map<std::string, int> index;
    for (const rp::Person& p : plan.people) {
        index[p.id] = (int)d.load.size();
        d.load.push_back({p.id});
    }
    auto slot = [&](const std::string& id) -> PersonLoad& {
        auto it = index.find(id);
        if (it == index.end()) {
            it = index.emplace(id, (int)d.load.size()).first;
            d.load.push_back({id});
        }
        return d.load[it->second];
    };
    for (const rp::Week& w : plan.weeks) {
        if (w.primary) ++slot(*w.primary).primary_weeks;
        if (w.secondary) ++slot(*w.secondary).secondary_weeks;
        if (w.shadow) ++slot(*w.shadow).shadow_weeks;
    }
    for (const rp::Override& o : plan.overrides) ++slot(o.person).override_pieces;
    for (auto& [id, n] : weekends) slot(id).weekends = n;
    RefreshChanges(app);
}

}  // namespace app
