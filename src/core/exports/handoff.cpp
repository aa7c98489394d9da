// Handoff notes. See docs/incidents-pay-handoff.md "Handoff notes".
#include "core/exports/handoff.hpp"

#include <algorithm>
#include <vector>

#include "core/exports/exports.hpp"
#include "core/model/time.hpp"

namespace rp {

namespace {

// Inline Markdown: markup escaped, line breaks turned into spaces, other control
// characters and the spoofing characters of withoutSpoofing() dropped.
std::string md(const std::string& raw) {
    const std::string s = withoutSpoofing(raw);
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '#':
                out += '\\';
                out += c;
                break;
            case '\r': case '\n': case '\t': out += ' '; break;
            default:
                if ((static_cast<unsigned char>(c) < 0x20) || c == 0x7f) break;
                out += c;
        }
    }
    return out;
}

std::string nameOrDash(const Plan& plan, const std::optional<std::string>& id) {
    if (!id || id->empty()) return "—";
    return md(plan.nameOf(*id));
}

std::optional<std::string> escalationOf(const Plan& plan, const Week& w) {
    if (w.escalation && !w.escalation->empty()) return w.escalation;
    if (plan.contacts.engineering_lead && !plan.contacts.engineering_lead->empty()) return plan.contacts.engineering_lead;
    return std::nullopt;
}

std::string capitalized(const char* s) {
    std::string out = s;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

// "Monday 2026-12-07 09:00"
std::string localWhen(const Plan& plan, Date d) {
    return capitalized(weekdayName(static_cast<int>(date::weekday{d}.c_encoding()))) + " " + formatDate(d) + " " +
           formatHm(plan.policy.handoff_minute);
}

// "Carol Diaz — carol@x, +1 555 (Asia/Kolkata)" or "... — no email or phone in the plan"
std::string contactLine(const Plan& plan, const std::string& id) {
    const Person* p = plan.findPerson(id);
    std::string line = md(plan.nameOf(id));
    if (!p) return line + " — not in the plan's people";
    std::vector<std::string> parts;
    if (p->email && !p->email->empty()) parts.push_back(md(*p->email));
    if (p->phone && !p->phone->empty()) parts.push_back(md(*p->phone));
    line += " — " + (parts.empty() ? std::string("no email or phone in the plan") : parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) line += ", " + parts[i];
    if (p->timezone && *p->timezone != plan.team_timezone) line += " (" + *p->timezone + ")";
    return line;
}

std::string overrideText(const Plan& plan, const PersonIndex& people, const Override& o) {
    const date::time_zone* zone = findZone(plan.team_timezone);
    auto local = [&](Instant t) {
        const std::string s = formatRfc3339(zone, t);  // 2026-12-02T18:00:00-05:00
        return s.substr(0, 10) + " " + s.substr(11, 5);
    };
    std::string s = capitalized(roleName(o.role)) + ": " + md(people.nameOf(o.person)) + " from " + local(o.from.at) +
                    " to " + local(o.to.at);
    if (o.reason && !o.reason->empty()) s += " (" + md(*o.reason) + ")";
    return s;
}

std::string requestText(const PersonIndex& people, const Request& r) {
    std::string head = md(r.id) + " (" + requestTypeName(r.type) + (r.emergency ? ", emergency" : "") + ", " +
                       requestStatusName(r.status) + "): ";
    const std::string by = md(people.nameOf(r.by)), with = md(people.nameOf(r.with));
    if (r.type == RequestType::Cover)
        return head + by + " asks " + with + " to take over " + roleName(r.role) + " in the week of " +
               formatDate(r.week) + "; submitted " + formatDate(r.submitted) + ".";
    const Role with_role = r.with_role ? *r.with_role : r.role;
    return head + by + " (" + roleName(r.role) + ", week of " + formatDate(r.week) + ") swaps with " + with + " (" +
           roleName(with_role) + ", week of " + (r.with_week ? formatDate(*r.with_week) : std::string("?")) +
           "); submitted " + formatDate(r.submitted) + ".";
}

}  // namespace

int handoffWeekIndex(const Plan& plan, Date day) {
    for (std::size_t i = 0; i < plan.weeks.size(); ++i)
        if (plan.weeks[i].start == day) return static_cast<int>(i);
    for (std::size_t i = 0; i < plan.weeks.size(); ++i)
        if (plan.weeks[i].start <= day && day < plan.weeks[i].start + date::days{7}) return static_cast<int>(i);
    return -1;
}

std::optional<std::string> handoffMarkdown(const Plan& plan, Date day, std::string* error) {
    const int wi = handoffWeekIndex(plan, day);
    if (wi < 0) {
        if (error) {
            if (plan.weeks.empty()) {
                *error = "the plan has no weeks";
            } else {
                Date lo = plan.weeks.front().start, hi = lo;
                for (const Week& w : plan.weeks) lo = std::min(lo, w.start), hi = std::max(hi, w.start);
                *error = formatDate(day) + " is not in the plan's weeks (" + formatDate(lo) + " to " +
                         formatDate(hi + date::days{6}) + ")";
            }
        }
        return std::nullopt;
    }
    const Week& in = plan.weeks[static_cast<std::size_t>(wi)];
    const Week* out = nullptr;
    for (const Week& w : plan.weeks)
        if (w.start == in.start - date::days{7}) {
            out = &w;
            break;
        }
    const Date window_end = in.start + date::days{7 * kHandoffLookaheadWeeks - 1};  // inclusive
    const std::optional<std::string> esc_in = escalationOf(plan, in);
    const std::optional<std::string> esc_out = out ? escalationOf(plan, *out) : std::nullopt;

    const PersonIndex people(plan);
    std::string s;
    s += "# On-call handoff: " + md(plan.team_name) + ", week of " + formatDate(in.start) + "\n\n";
    s += "Handoff " + localWhen(plan, in.start) + " (" + plan.team_timezone + "). The week runs until " +
         localWhen(plan, in.start + date::days{7}) + ".\n\n";

    s += "## On call\n\n";
    s += "| Role | Outgoing" + (out ? " (week of " + formatDate(out->start) + ")" : std::string(" (no week before)")) +
         " | Incoming (week of " + formatDate(in.start) + ") |\n";
    s += "| --- | --- | --- |\n";
    s += "| Primary | " + (out ? nameOrDash(plan, out->primary) : "—") + " | " + nameOrDash(plan, in.primary) + " |\n";
    s += "| Secondary | " + (out ? nameOrDash(plan, out->secondary) : "—") + " | " + nameOrDash(plan, in.secondary) +
         " |\n";
    s += "| Escalation contact | " + (out ? nameOrDash(plan, esc_out) : "—") + " | " + nameOrDash(plan, esc_in) + " |\n";
    if ((out && out->shadow) || in.shadow)
        s += "| Shadow | " + (out ? nameOrDash(plan, out->shadow) : "—") + " | " + nameOrDash(plan, in.shadow) + " |\n";
    s += "\n";
    if (in.emergency) s += "The incoming week is an emergency week.\n\n";
    if (in.note && !in.note->empty()) s += "Note: " + md(*in.note) + "\n\n";
    {
        std::vector<std::string> lines;
        const Instant a = handoffInstant(plan, in.start), b = handoffInstant(plan, in.start + date::days{7});
        for (const Override& o : plan.overrides)
            if (o.from.at < b && a < o.to.at) lines.push_back("- " + overrideText(plan, people, o) + "\n");
        if (!lines.empty()) {
            s += "Overrides touching the incoming week:\n\n";
            for (const auto& l : lines) s += l;
            s += "\n";
        }
    }

    s += "## Contacts\n\n";
    if (in.primary && !in.primary->empty()) s += "- Incoming primary: " + contactLine(plan, *in.primary) + "\n";
    if (in.secondary && !in.secondary->empty()) s += "- Incoming secondary: " + contactLine(plan, *in.secondary) + "\n";
    if (esc_in) s += "- Escalation contact: " + contactLine(plan, *esc_in) + "\n";
    else s += "- Escalation contact: none assigned\n";
    if (out && out->primary && !out->primary->empty()) s += "- Outgoing primary: " + contactLine(plan, *out->primary) + "\n";
    if (out && out->secondary && !out->secondary->empty())
        s += "- Outgoing secondary: " + contactLine(plan, *out->secondary) + "\n";
    if (plan.contacts.cto && !plan.contacts.cto->empty()) s += "- CTO: " + contactLine(plan, *plan.contacts.cto) + "\n";
    if (plan.contacts.ceo && !plan.contacts.ceo->empty()) s += "- CEO: " + contactLine(plan, *plan.contacts.ceo) + "\n";
    if (plan.contacts.security && !plan.contacts.security->empty())
        s += "- Security: " + md(*plan.contacts.security) + "\n";
    s += "\n";

    const std::string window = formatDate(in.start) + " to " + formatDate(window_end);
    s += "## Pending change requests (" + window + ")\n\n";
    {
        std::vector<std::string> lines;
        auto inWindow = [&](Date d) { return in.start <= d && d <= window_end; };
        for (const Request& r : plan.requests) {
            if (r.status != RequestStatus::Pending && r.status != RequestStatus::Approved) continue;
            if (!inWindow(r.week) && !(r.with_week && inWindow(*r.with_week))) continue;
            lines.push_back("- " + requestText(people, r) + "\n");
        }
        if (lines.empty()) s += "- None.\n";
        for (const auto& l : lines) s += l;
        s += "\n";
    }

    s += "## Time off coming up (" + window + ")\n\n";
    {
        std::vector<const TimeOff*> offs;
        for (const TimeOff& t : plan.time_off)
            if (t.from <= window_end && in.start <= t.to) offs.push_back(&t);
        std::stable_sort(offs.begin(), offs.end(), [](const TimeOff* a, const TimeOff* b) {
            if (a->from != b->from) return a->from < b->from;
            return a->person < b->person;
        });
        if (offs.empty()) s += "- None.\n";
        for (const TimeOff* t : offs) {
            s += "- " + md(people.nameOf(t->person)) + ": " + formatDate(t->from) + " to " + formatDate(t->to);
            if (t->reason && !t->reason->empty()) s += " (" + md(*t->reason) + ")";
            s += "\n";
        }
        s += "\n";
    }

    s += "## Active incidents\n\n- _None recorded. For each: severity, opened, owner, status, next step._\n\n";
    s += "## Recent incidents\n\n- _Incidents of the outgoing week: severity, what happened, follow-ups._\n\n";
    s += "## System status\n\n- _Dashboards, alerts firing, anything degraded._\n\n";
    s += "## Known issues\n\n- _Open problems the incoming on-call should know about, with workarounds._\n\n";
    s += "## Upcoming maintenance\n\n- _Planned changes, deploys and maintenance windows in the coming week._\n";
    return s;
}

}  // namespace rp
