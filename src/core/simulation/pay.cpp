// The compensation report. See docs/incidents-pay-handoff.md "Pay".
#include "core/simulation/pay.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/simulation/escalation.hpp"
#include "core/exports/exports.hpp"
#include "core/model/time.hpp"

namespace rp {

namespace {

std::string monthOf(Date d) {
    return formatDate(d).substr(0, 7);  // YYYY-MM
}

double cents(double x) { return std::floor(x * 100.0 + 0.5) / 100.0; }

void price(PayRow& r, const Compensation& c) {
    r.base = cents(static_cast<double>(r.primary_weeks) * c.primary_weekly +
                   static_cast<double>(r.secondary_weeks) * c.secondary_weekly);
    r.incident_pay = cents(static_cast<double>(r.incidents) * c.per_incident);
    r.weekend_pay = cents(static_cast<double>(r.weekends) * c.weekend);
    r.total = cents(r.base + r.incident_pay + r.weekend_pay);
    r.rest_hours = cents(static_cast<double>(r.p0_incidents) * c.p0_rest_hours);
    r.comp_hours = cents(static_cast<double>(r.weekends) * c.weekend_comp_hours);
}

void addCounts(PayRow& to, const PayRow& from) {
    to.primary_weeks += from.primary_weeks;
    to.secondary_weeks += from.secondary_weeks;
    to.weekends += from.weekends;
    to.incidents += from.incidents;
    to.p0_incidents += from.p0_incidents;
}

std::string money(double x) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", cents(x));
    return buf;
}

// Hours: up to 2 decimals, trailing zeros dropped ("4", "4.5").
std::string hours(double x) {
    std::string s = money(x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

Json amount(double x) {
    const double c = cents(x);
    if (c == std::floor(c) && c > -9e15 && c < 9e15) return Json(static_cast<std::int64_t>(c));
    return Json(c);
}

Json rowJson(const PersonIndex& people, const PayRow& r, const std::string& currency, bool month, bool person) {
    Json j = Json::object();
    if (month) j["month"] = r.month;
    if (person) {
        j["person"] = r.person;
        j["name"] = people.nameOf(r.person);
    }
    j["primary_weeks"] = r.primary_weeks;
    j["secondary_weeks"] = r.secondary_weeks;
    j["weekends"] = r.weekends;
    j["incidents"] = r.incidents;
    j["p0_incidents"] = r.p0_incidents;
    j["base"] = amount(r.base);
    j["incident_pay"] = amount(r.incident_pay);
    j["weekend_pay"] = amount(r.weekend_pay);
    j["total"] = amount(r.total);
    j["currency"] = currency;
    j["rest_hours"] = amount(r.rest_hours);
    j["comp_hours"] = amount(r.comp_hours);
    return j;
}

}  // namespace

std::variant<PayReport, std::string> computePay(const Plan& plan, const IncidentReport& inc) {
    if (!plan.compensation) return std::string("the plan has no compensation section");
    const Compensation& c = *plan.compensation;
    EscalationIndex ix(plan);
    const date::time_zone* zone = ix.zone();
    std::map<std::pair<std::string, std::string>, PayRow> rows;  // (month, person)
    auto row = [&](const std::string& month, const std::string& person) -> PayRow& {
        PayRow& r = rows[{month, person}];
        r.month = month;
        r.person = person;
        return r;
    };

    // Base: the weeks' own assignments; a week belongs to the month of its start date.
    for (const Week& w : plan.weeks) {
        const std::string m = monthOf(w.start);
        if (w.primary && !w.primary->empty()) ++row(m, *w.primary).primary_weeks;
        if (w.secondary && !w.secondary->empty()) ++row(m, *w.secondary).secondary_weeks;
    }
    // Weekends: the primary (resolved shifts) at Saturday 12:00 in the team's zone holds
    // that weekend; it belongs to the Saturday's month.
    if (!plan.weeks.empty()) {
        Date lo = plan.weeks.front().start, hi = lo;
        for (const Week& w : plan.weeks) lo = std::min(lo, w.start), hi = std::max(hi, w.start);
        for (Date d = lo; d <= hi + date::days{7}; d += date::days{1}) {
            if (date::weekday{d} != date::Saturday) continue;
            const Instant noon = localToInstant(zone, d, 12 * 60);
            if (ix.weekAt(noon) < 0) continue;
            const auto who = ix.holderAt(EscalationLevel::Primary, noon);
            if (who) ++row(monthOf(d), *who).weekends;
        }
    }
    // Incidents: the primary paged is paid (they handled it); the secondary when they
    // acknowledged. Rest hours: every responder (the primary paged, anyone who
    // acknowledged) of a P0. The run counted both per month and person (PayCounts).
    for (const auto& [key, n] : inc.pay.by_month_person) {
        const std::int64_t month = static_cast<std::int64_t>(key >> 32);
        const std::size_t person = static_cast<std::size_t>(key & 0xffffffffu);
        if (person >= inc.people.ids.size()) continue;
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(month / 12), static_cast<long long>(month % 12 + 1));
        PayRow& x = row(buf, inc.people.ids[person]);
        x.incidents += n.incidents;
        x.p0_incidents += n.p0_incidents;
    }
    PayReport r;
    r.currency = c.currency ? *c.currency : std::string();
    r.incidents = inc.pay.incidents;
    r.simulated = inc.simulated;
    std::map<std::string, PayRow> per;
    for (auto& kv : rows) {
        PayRow& x = kv.second;
        price(x, c);
        r.months.push_back(x);
        PayRow& p = per[x.person];
        p.person = x.person;
        addCounts(p, x);
        addCounts(r.totals, x);
    }
    for (auto& kv : per) {
        price(kv.second, c);
        r.per_person.push_back(kv.second);
    }
    price(r.totals, c);
    return r;
}

std::string payToCsv(const Plan& plan, const PayReport& r) {
    const PersonIndex people(plan);
    std::string out =
        "month,person,name,primary_weeks,secondary_weeks,weekends,incidents,p0_incidents,base,incident_pay,"
        "weekend_pay,total,currency,rest_hours,comp_hours\r\n";
    for (const PayRow& x : r.months) {
        out += csvCell(x.month) + "," + csvCell(x.person) + "," + csvCell(people.nameOf(x.person)) + "," +
               std::to_string(x.primary_weeks) + "," + std::to_string(x.secondary_weeks) + "," +
               std::to_string(x.weekends) + "," + std::to_string(x.incidents) + "," + std::to_string(x.p0_incidents) +
               "," + money(x.base) + "," + money(x.incident_pay) + "," + money(x.weekend_pay) + "," + money(x.total) +
               "," + csvCell(r.currency) + "," + hours(x.rest_hours) + "," + hours(x.comp_hours) + "\r\n";
    }
    return out;
}

Json payToJson(const Plan& plan, const PayReport& r) {
    const PersonIndex people(plan);
    Json j = Json::object();
    j["currency"] = r.currency;
    j["source"] = r.simulated ? "simulation" : "list";
    j["incidents"] = r.incidents;
    Json months = Json::array();
    for (const PayRow& x : r.months) months.push_back(rowJson(people, x, r.currency, true, true));
    j["months"] = std::move(months);
    Json per = Json::array();
    for (const PayRow& x : r.per_person) per.push_back(rowJson(people, x, r.currency, false, true));
    j["per_person"] = std::move(per);
    j["totals"] = rowJson(people, r.totals, r.currency, false, false);
    return j;
}

}  // namespace rp
