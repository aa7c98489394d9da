// whois and next (changes.md "Commands"; docs/changes.md).
#include "core/changes/lookup.hpp"

#include <algorithm>

#include "core/changes/text.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace rp {

using namespace changes_text;

const date::time_zone* personZone(const Plan& plan, const std::string& person) {
    if (const Person* p = plan.findPerson(person))
        if (p->timezone)
            if (const auto* z = findZone(*p->timezone)) return z;
    return teamZone(plan);
}

OnCall whoIsOnCall(const Plan& plan, Instant at) {
    OnCall o;
    o.at = at;
    const auto spans = weekSpans(plan);
    for (std::size_t i = 0; i < spans.size(); ++i)
        if (spans[i].start <= at && at < spans[i].end) {
            o.week = static_cast<int>(i);
            break;
        }
    if (o.week < 0) return o;
    const Week& w = plan.weeks[static_cast<std::size_t>(o.week)];
    o.escalation = w.escalation ? w.escalation : plan.contacts.engineering_lead;
    for (const Shift& s : resolveShifts(plan, spans)) {
        if (s.week != o.week || !(s.start <= at && at < s.end)) continue;
        auto& slot = s.role == Role::Primary ? o.primary : s.role == Role::Secondary ? o.secondary : o.shadow;
        if (!slot) slot = OnCallPiece{s.person, s.start, s.end, s.from_override};
    }
    return o;
}

namespace {

Json pieceId(const std::optional<OnCallPiece>& p) { return p ? Json(p->person) : Json(nullptr); }

}  // namespace

Json onCallToJson(const Plan& plan, const OnCall& o) {
    const auto* zone = teamZone(plan);
    Json j = Json::object();
    j["at"] = formatRfc3339(zone, o.at);
    j["week"] = o.week >= 0 ? Json(formatDate(plan.weeks[static_cast<std::size_t>(o.week)].start)) : Json(nullptr);
    j["primary"] = pieceId(o.primary);
    j["secondary"] = pieceId(o.secondary);
    j["escalation"] = o.escalation ? Json(*o.escalation) : Json(nullptr);
    j["shadow"] = pieceId(o.shadow);
    Json shifts = Json::array();
    auto put = [&](const char* role, const std::optional<OnCallPiece>& p) {
        if (!p) return;
        Json s = Json::object();
        s["role"] = role;
        s["person"] = p->person;
        s["name"] = plan.nameOf(p->person);
        s["start"] = formatRfc3339(zone, p->start);
        s["end"] = formatRfc3339(zone, p->end);
        s["source"] = p->from_override ? "override" : "rotation";
        shifts.push_back(std::move(s));
    };
    put("primary", o.primary);
    put("secondary", o.secondary);
    put("shadow", o.shadow);
    j["shifts"] = std::move(shifts);
    return j;
}

std::string onCallToText(const Plan& plan, const OnCall& o) {
    const auto* zone = teamZone(plan);
    std::string out = "On call at " + localText(zone, o.at) + " (" + plan.team_timezone + ")";
    if (o.week < 0) return out + ": no week of the plan holds this instant; nobody is on call.\n";
    out += ", week of " + formatDate(plan.weeks[static_cast<std::size_t>(o.week)].start) + ":\n";
    auto line = [&](const char* role, const std::optional<OnCallPiece>& p) {
        std::string r = role;
        r.resize(12, ' ');
        out += "  " + r;
        if (!p) {
            out += "nobody\n";
            return;
        }
        out += plan.nameOf(p->person) + " (" + p->person + ")" + (p->from_override ? ", override" : "") + ", until " +
               localText(zone, p->end) + "\n";
    };
    line("primary", o.primary);
    line("secondary", o.secondary);
    out += "  escalation  " + (o.escalation ? plan.nameOf(*o.escalation) + " (" + *o.escalation + ")" : std::string("nobody")) + "\n";
    line("shadow", o.shadow);
    return out;
}

std::vector<PersonDuty> nextDuties(const Plan& plan, const std::string& person, Instant from, int count) {
    std::vector<PersonDuty> out;
    if (count <= 0) return out;
    const auto spans = weekSpans(plan);
    for (const Shift& s : resolveShifts(plan, spans)) {
        if (s.person != person || s.end <= from || s.week < 0) continue;
        const Duty role = s.role == Role::Primary ? Duty::Primary : s.role == Role::Secondary ? Duty::Secondary : Duty::Shadow;
        out.push_back({plan.weeks[static_cast<std::size_t>(s.week)].start, role, s.start, s.end, s.from_override});
    }
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) {
        const Week& w = plan.weeks[i];
        const auto& contact = w.escalation ? w.escalation : plan.contacts.engineering_lead;
        if (!contact || *contact != person || spans[i].end <= from || !(spans[i].start < spans[i].end)) continue;
        out.push_back({w.start, Duty::Escalation, spans[i].start, spans[i].end, false});
    }
    std::sort(out.begin(), out.end(), [](const PersonDuty& a, const PersonDuty& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.role != b.role) return static_cast<int>(a.role) < static_cast<int>(b.role);
        return a.week < b.week;
    });
    if (out.size() > static_cast<std::size_t>(count)) out.resize(static_cast<std::size_t>(count));
    return out;
}

namespace {

std::string zoneName(const Plan& plan, const std::string& person) {
    if (const Person* p = plan.findPerson(person))
        if (p->timezone && findZone(*p->timezone)) return *p->timezone;
    return plan.team_timezone;
}

const char* weekdayShort(Date d) {
    static const char* names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return names[date::weekday{d}.c_encoding()];
}

std::string localWithDay(const date::time_zone* zone, Instant t) {
    const auto local = t + std::chrono::seconds(offsetSeconds(zone, t));
    return std::string(weekdayShort(date::floor<date::days>(local))) + " " + localText(zone, t);
}

}  // namespace

Json nextDutiesToJson(const Plan& plan, const std::string& person, Instant from, const std::vector<PersonDuty>& d) {
    const auto* zone = personZone(plan, person);
    Json j = Json::object();
    j["person"] = person;
    j["name"] = plan.nameOf(person);
    j["timezone"] = zoneName(plan, person);
    j["from"] = formatRfc3339(zone, from);
    Json duties = Json::array();
    for (const PersonDuty& x : d) {
        Json o = Json::object();
        o["week"] = formatDate(x.week);
        o["role"] = dutyName(x.role);
        o["start"] = formatRfc3339(zone, x.start);
        o["end"] = formatRfc3339(zone, x.end);
        o["source"] = x.from_override ? "override" : "rotation";
        duties.push_back(std::move(o));
    }
    j["duties"] = std::move(duties);
    return j;
}

std::string nextDutiesToText(const Plan& plan, const std::string& person, Instant from, const std::vector<PersonDuty>& d) {
    const auto* zone = personZone(plan, person);
    std::string out = "Next duties of " + plan.nameOf(person) + " (" + person + ") after " + localText(zone, from) +
                      ", times in " + zoneName(plan, person) + ":\n";
    if (d.empty()) return out + "  none in the plan's weeks\n";
    for (const PersonDuty& x : d) {
        std::string role = x.role == Duty::Escalation ? "escalation" : dutyName(x.role);
        role.resize(11, ' ');
        out += "  " + role + localWithDay(zone, x.start) + " to " + localWithDay(zone, x.end) + "  (week of " +
               formatDate(x.week) + (x.from_override ? ", override" : "") + ")\n";
    }
    return out;
}

}  // namespace rp
