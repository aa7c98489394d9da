// The monthly review (docs/changes.md "The review").
//
// [SECTION] figures
// [SECTION] JSON
// [SECTION] Markdown
#include "core/changes/review.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/changes/lookup.hpp"
#include "core/changes/text.hpp"
#include "core/model/time.hpp"
#include "core/simulation/escalation.hpp"

namespace rp {

using namespace changes_text;

std::optional<std::pair<int, unsigned>> parseMonth(const std::string& text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int y = std::stoi(text.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    if (m < 1 || m > 12 || y < 1900) return std::nullopt;
    return std::make_pair(y, m);
}

// [SECTION] figures

namespace {

int severityIndex(const std::string& s) { return s.size() == 2 && s[0] == 'P' && s[1] >= '0' && s[1] <= '3' ? s[1] - '0' : -1; }

// Business seconds in [a, b) (business hours on business days, team zone).
long long businessSeconds(const EscalationIndex& ix, Instant a, Instant b) {
    if (b <= a) return 0;
    long long total = 0;
    Date d = ix.localDate(a), last = ix.localDate(b);
    for (int guard = 0; d <= last && guard < 40000; d += date::days{1}, ++guard) {
        if (!ix.isBusinessDay(d)) continue;
        const auto [s, e] = ix.businessHoursOn(d);
        const Instant x = std::max(s, a), y = std::min(e, b);
        if (x < y) total += (y - x).count();
    }
    return total;
}

bool atNight(const date::time_zone* zone, Instant t) {
    const auto local = t + std::chrono::seconds(offsetSeconds(zone, t));
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local)).count();
    return minute >= 22 * 60 || minute < 7 * 60;
}

// Nearest rank: the smallest value with at least p% of the values at or below it.
long long rankValue(const std::vector<long long>& sorted, int p) {
    const std::size_t n = sorted.size();
    std::size_t k = (static_cast<std::size_t>(p) * n + 99) / 100;
    if (k < 1) k = 1;
    return sorted[k - 1];
}

MonthFigures figuresFor(const Plan& plan, const EscalationIndex& ix, const std::vector<const LoggedIncident*>& log,
                        int year, unsigned month) {
    const auto* zone = teamZone(plan);
    MonthFigures f;
    f.year = year;
    f.month = month;
    const Date first = date::sys_days{date::year{year} / date::month{month} / 1};
    const Date next = date::sys_days{(date::year_month{date::year{year} / date::month{month}} + date::months{1}) / 1};
    f.from = dayStart(zone, first);
    f.to = dayStart(zone, next);
    std::array<std::vector<long long>, 4> ack, res;
    std::unordered_map<std::string, PersonFigures> people;
    for (int k = 0; k < 4; ++k) {
        f.severities[static_cast<std::size_t>(k)].severity = "P" + std::to_string(k);
        auto it = plan.policy.severities.find("P" + std::to_string(k));
        const SeverityPolicy pol = it != plan.policy.severities.end() ? it->second : defaultSeverity("P" + std::to_string(k));
        f.severities[static_cast<std::size_t>(k)].business_hours = pol.coverage == Coverage::BusinessHours;
        f.severities[static_cast<std::size_t>(k)].acknowledge.target_minutes = pol.ack_minutes;
        f.severities[static_cast<std::size_t>(k)].resolve.target_minutes = pol.respond_minutes;
    }
    std::unordered_map<std::string, const date::time_zone*> zones;  // each person's zone, looked up once
    auto page = [&](const std::string& who, Instant at) {
        auto z = zones.find(who);
        if (z == zones.end()) z = zones.emplace(who, personZone(plan, who)).first;
        if (atNight(z->second, at)) {
            ++people[who].night_pages;
            ++f.night_pages;
        }
    };
    // `log` is sorted by opening: the month is one stretch of it.
    const auto lo = std::lower_bound(log.begin(), log.end(), f.from,
                                     [](const LoggedIncident* x, Instant t) { return x->opened < t; });
    const auto hi = std::lower_bound(lo, log.end(), f.to, [](const LoggedIncident* x, Instant t) { return x->opened < t; });
    f.misses.reserve(2 * static_cast<std::size_t>(hi - lo));  // up to two per incident: no regrowth
    for (auto it = lo; it != hi; ++it) {
        const LoggedIncident* i = *it;
        const int k = severityIndex(i->severity);
        if (k < 0) continue;
        SeverityFigures& sf = f.severities[static_cast<std::size_t>(k)];
        ++f.incidents;
        ++sf.incidents;
        const bool bh = sf.business_hours;
        const std::optional<Instant> delivered = bh ? ix.businessStartAtOrAfter(i->opened) : std::optional<Instant>(i->opened);
        if (ix.weekAt(i->opened) < 0) ++f.outside_weeks;
        const Instant when = delivered ? *delivered : i->opened;
        const std::optional<std::string> primary = ix.holderAt(EscalationLevel::Primary, when);
        if (primary) {
            ++people[*primary].incidents;
            if (delivered) page(*primary, *delivered);
        }
        if (i->escalated_to) {
            ++f.escalated;
            // The person escalated to: a level's holder when it opened, or a person id.
            std::optional<std::string> who;
            if (const auto level = parseEscalationLevel(*i->escalated_to)) who = ix.holderAt(*level, when);
            else if (plan.findPerson(*i->escalated_to)) who = *i->escalated_to;
            if (who && delivered && (!primary || *who != *primary)) page(*who, *delivered);
        }
        auto measure = [&](const std::optional<Instant>& at, DurationFigures& d, std::vector<long long>& all,
                           const char* target) {
            if (!at) {
                ++d.missing;
                ++d.missed;
                f.misses.push_back({i->id, i->severity, i->opened, primary, target, d.target_minutes, std::nullopt});
                return;
            }
            const long long took = bh ? businessSeconds(ix, i->opened, *at) : (*at - i->opened).count();
            ++d.measured;
            all.push_back(took);
            if (took > static_cast<long long>(d.target_minutes) * 60) {
                ++d.missed;
                f.misses.push_back({i->id, i->severity, i->opened, primary, target, d.target_minutes, took});
            }
        };
        measure(i->acknowledged, sf.acknowledge, ack[static_cast<std::size_t>(k)], "acknowledge");
        measure(i->resolved, sf.resolve, res[static_cast<std::size_t>(k)], "resolve");
    }
    for (std::size_t k = 0; k < 4; ++k) {
        for (auto [values, d] : {std::pair<std::vector<long long>*, DurationFigures*>{&ack[k], &f.severities[k].acknowledge},
                                 std::pair<std::vector<long long>*, DurationFigures*>{&res[k], &f.severities[k].resolve}}) {
            if (values->empty()) continue;
            std::sort(values->begin(), values->end());
            d->median = rankValue(*values, 50);
            d->p90 = rankValue(*values, 90);
            d->worst = values->back();
        }
    }
    for (auto& kv : people) {
        kv.second.person = kv.first;
        f.per_person.push_back(kv.second);
    }
    std::sort(f.per_person.begin(), f.per_person.end(),
              [](const PersonFigures& a, const PersonFigures& b) { return a.person < b.person; });
    return f;  // misses are in opening order: the log was sorted before
}

}  // namespace

Review reviewMonth(const Plan& plan, const std::vector<LoggedIncident>& log, int year, unsigned month) {
    const EscalationIndex ix(plan);
    // By opening instant (stable: the log's order among equals), so the misses come out
    // in that order.
    std::vector<std::pair<Instant, std::size_t>> keys;  // (opened, position): sorting them is stable
    keys.reserve(log.size());
    for (std::size_t k = 0; k < log.size(); ++k) keys.emplace_back(log[k].opened, k);
    std::sort(keys.begin(), keys.end());
    std::vector<const LoggedIncident*> sorted;
    sorted.reserve(log.size());
    for (const auto& k : keys) sorted.push_back(&log[k.second]);
    Review r;
    r.month = figuresFor(plan, ix, sorted, year, month);
    bool earlier = false;
    for (const LoggedIncident& i : log) earlier = earlier || i.opened < r.month.from;
    if (earlier) {
        const int py = month == 1 ? year - 1 : year;
        const unsigned pm = month == 1 ? 12 : month - 1;
        r.previous = figuresFor(plan, ix, sorted, py, pm);
    }
    return r;
}

// [SECTION] JSON

namespace {

Json minutesJson(const std::optional<long long>& seconds) {
    if (!seconds) return Json(nullptr);
    if (*seconds % 60 == 0) return Json(*seconds / 60);
    return Json(std::round(static_cast<double>(*seconds) / 60.0 * 100.0) / 100.0);
}

std::string monthText(int y, unsigned m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    return buf;
}

Json monthJson(const Plan& plan, const MonthFigures& f) {
    const auto* zone = teamZone(plan);
    Json j = Json::object();
    j["month"] = monthText(f.year, f.month);
    j["from"] = formatRfc3339(zone, f.from);
    j["to"] = formatRfc3339(zone, f.to);
    j["incidents"] = f.incidents;
    j["outside_weeks"] = f.outside_weeks;
    Json by = Json::object();
    for (const SeverityFigures& s : f.severities) by[s.severity] = s.incidents;
    j["by_severity"] = std::move(by);
    for (const char* which : {"acknowledge", "resolve"}) {
        Json list = Json::array();
        for (const SeverityFigures& s : f.severities) {
            const DurationFigures& d = std::string(which) == "acknowledge" ? s.acknowledge : s.resolve;
            Json o = Json::object();
            o["severity"] = s.severity;
            o["business_hours"] = s.business_hours;
            o["incidents"] = s.incidents;
            o["measured"] = d.measured;
            o["missing"] = d.missing;
            o["median_minutes"] = minutesJson(d.median);
            o["p90_minutes"] = minutesJson(d.p90);
            o["worst_minutes"] = minutesJson(d.worst);
            o["target_minutes"] = d.target_minutes;
            o["missed"] = d.missed;
            list.push_back(std::move(o));
        }
        j[which] = std::move(list);
    }
    j["escalated"] = f.escalated;
    j["escalation_rate"] = f.incidents ? Json(std::round(1e4 * f.escalated / f.incidents) / 1e4) : Json(nullptr);
    j["night_pages"] = f.night_pages;
    Json pp = Json::array();
    for (const PersonFigures& p : f.per_person)
        pp.push_back({{"person", p.person}, {"name", plan.nameOf(p.person)}, {"incidents", p.incidents},
                      {"night_pages", p.night_pages}});
    j["per_person"] = std::move(pp);
    Json misses = Json::array();
    for (const ReviewMiss& m : f.misses) {
        Json o = Json::object();
        o["id"] = m.id;
        o["opened"] = formatRfc3339(zone, m.opened);
        o["severity"] = m.severity;
        o["on_call"] = m.on_call ? Json(*m.on_call) : Json(nullptr);
        o["target"] = m.target;
        o["target_minutes"] = m.target_minutes;
        o["minutes"] = minutesJson(m.took);
        misses.push_back(std::move(o));
    }
    j["misses"] = std::move(misses);
    return j;
}

}  // namespace

Json reviewToJson(const Plan& plan, const Review& r) {
    Json j = Json::object();
    j["team"] = plan.team_name;
    j["timezone"] = plan.team_timezone;
    Json m = monthJson(plan, r.month);
    for (auto it = m.begin(); it != m.end(); ++it) j[it.key()] = it.value();
    j["previous"] = r.previous ? monthJson(plan, *r.previous) : Json(nullptr);
    return j;
}

// [SECTION] Markdown

namespace {

std::string mdEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#')
            out += '\\';
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

std::string durationText(long long seconds) {
    const double minutes = static_cast<double>(seconds) / 60.0;
    char buf[48];
    if (minutes < 60) {
        const double r = std::round(minutes * 10) / 10;
        if (r == std::floor(r)) std::snprintf(buf, sizeof buf, "%.0f min", r);
        else std::snprintf(buf, sizeof buf, "%.1f min", r);
        return buf;
    }
    const long long total = static_cast<long long>(std::llround(minutes));
    if (total < 48 * 60) {
        if (total % 60 == 0) std::snprintf(buf, sizeof buf, "%lld h", total / 60);
        else std::snprintf(buf, sizeof buf, "%lld h %lld min", total / 60, total % 60);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%lld d %lld h", total / (24 * 60), total / 60 % 24);
    return buf;
}

std::string optDuration(const std::optional<long long>& s) { return s ? durationText(*s) : "\xE2\x80\x94"; }

const char* monthName(unsigned m) {
    static const char* names[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

std::string percent(int part, int whole) {
    if (whole == 0) return "\xE2\x80\x94";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * part / whole);
    return buf;
}

}  // namespace

std::string reviewToMarkdown(const Plan& plan, const Review& r) {
    const auto* zone = teamZone(plan);
    const MonthFigures& f = r.month;
    const MonthFigures* p = r.previous ? &*r.previous : nullptr;
    std::string out = "# On-call review: " + mdEscape(plan.team_name) + ", " + monthName(f.month) + " " +
                      std::to_string(f.year) + "\n\n";
    const Date last = date::floor<date::days>(f.to + std::chrono::seconds(offsetSeconds(zone, f.to))) - date::days{1};
    out += "Incidents opened from " + monthText(f.year, f.month) + "-01 to " + formatDate(last) + " (" +
           plan.team_timezone + "): **" + std::to_string(f.incidents) + "**";
    std::vector<std::string> parts;
    for (const SeverityFigures& s : f.severities) parts.push_back(s.severity + ": " + std::to_string(s.incidents));
    out += " (";
    for (std::size_t k = 0; k < parts.size(); ++k) out += (k ? ", " : "") + parts[k];
    out += ").";
    if (p) out += " " + std::string(monthName(p->month)) + ": " + std::to_string(p->incidents) + ".";
    if (f.outside_weeks) out += " " + plural(f.outside_weeks, "incident", "incidents") + " opened outside the plan's weeks.";
    out += "\n";

    for (const char* which : {"acknowledge", "resolve"}) {
        const bool ack = std::string(which) == "acknowledge";
        out += std::string("\n## Time to ") + which + "\n\n";
        out += "| Severity | Incidents | Median | 90th percentile | Worst | Target | Missed |";
        if (p) out += " Median in " + std::string(monthName(p->month)) + " |";
        out += "\n| --- | --- | --- | --- | --- | --- | --- |" + std::string(p ? " --- |" : "") + "\n";
        bool any_bh = false;
        for (std::size_t k = 0; k < 4; ++k) {
            const SeverityFigures& s = f.severities[k];
            const DurationFigures& d = ack ? s.acknowledge : s.resolve;
            any_bh = any_bh || (s.business_hours && s.incidents > 0);
            out += "| " + s.severity + (s.business_hours ? "\\*" : "") + " | " + std::to_string(s.incidents) + " | " +
                   optDuration(d.median) + " | " + optDuration(d.p90) + " | " + optDuration(d.worst) + " | " +
                   durationText(static_cast<long long>(d.target_minutes) * 60) + " | " + std::to_string(d.missed);
            if (d.missing) out += " (" + std::to_string(d.missing) + (ack ? " never acknowledged)" : " never resolved)");
            out += " |";
            if (p) {
                const DurationFigures& pd = ack ? p->severities[k].acknowledge : p->severities[k].resolve;
                out += " " + optDuration(pd.median) + " |";
            }
            out += "\n";
        }
        if (any_bh) out += "\n\\* business minutes (" + formatHm(plan.policy.business_hours.start_minute) + "–" +
                           formatHm(plan.policy.business_hours.end_minute) + " on business days), as its target counts them.\n";
    }

    out += "\n## Escalation\n\n";
    out += std::to_string(f.escalated) + " of " + std::to_string(f.incidents) + " incidents were escalated (" +
           percent(f.escalated, f.incidents) + ").";
    if (p) out += " " + std::string(monthName(p->month)) + ": " + std::to_string(p->escalated) + " of " +
                  std::to_string(p->incidents) + " (" + percent(p->escalated, p->incidents) + ").";
    out += "\n";

    out += "\n## Incidents per person on call\n\n";
    // Everyone with anything this month or the month before.
    std::vector<std::string> ids;
    for (const PersonFigures& pf : f.per_person) ids.push_back(pf.person);
    if (p)
        for (const PersonFigures& q : p->per_person)
            if (std::find(ids.begin(), ids.end(), q.person) == ids.end()) ids.push_back(q.person);
    std::sort(ids.begin(), ids.end());
    if (ids.empty()) {
        out += "Nobody was on call for an incident this month.\n";
    } else {
        out += "| Person | Incidents | Pages at night (own zone) |" + std::string(p ? " Incidents in " + std::string(monthName(p->month)) + " |" : "") +
               "\n| --- | --- | --- |" + (p ? " --- |" : "") + "\n";
        for (const std::string& id : ids) {
            PersonFigures pf;
            for (const PersonFigures& x : f.per_person)
                if (x.person == id) pf = x;
            pf.person = id;
            out += "| " + mdEscape(plan.nameOf(pf.person)) + " | " + std::to_string(pf.incidents) + " | " +
                   std::to_string(pf.night_pages) + " |";
            if (p) {
                int before = 0;
                for (const PersonFigures& q : p->per_person)
                    if (q.person == pf.person) before = q.incidents;
                out += " " + std::to_string(before) + " |";
            }
            out += "\n";
        }
        out += "\nNight: 22:00 to 07:00 in the person's own time zone. " + plural(f.night_pages, "page", "pages") +
               " at night in all.\n";
    }

    out += "\n## Missed targets\n\n";
    if (f.misses.empty()) {
        out += "No incident missed a target.\n";
    } else {
        out += "| Incident | Opened | Severity | On call | Target | Took |\n| --- | --- | --- | --- | --- | --- |\n";
        for (const ReviewMiss& m : f.misses)
            out += "| " + mdEscape(m.id) + " | " + localText(zone, m.opened) + " | " + m.severity + " | " +
                   (m.on_call ? mdEscape(plan.nameOf(*m.on_call)) : std::string("\xE2\x80\x94")) + " | " + m.target +
                   " within " + durationText(static_cast<long long>(m.target_minutes) * 60) + " | " +
                   (m.took ? durationText(*m.took) : std::string(m.target == "acknowledge" ? "never acknowledged" : "never resolved")) +
                   " |\n";
    }
    return out;
}

}  // namespace rp
