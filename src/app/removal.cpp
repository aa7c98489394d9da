#include "removal.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/model/time.hpp"
#include "core/rules/check.hpp"
#include "core/rules/draft.hpp"

namespace app {
namespace {

// The instant the effective date begins in the team zone (overrides are compared with it).
rp::Instant StartOf(const rp::Plan& plan, rp::Date from) {
    const date::time_zone* zone = nullptr;
    try {
        zone = rp::findZone(plan.team_timezone);
    } catch (const std::exception&) {
        zone = nullptr;
    }
    if (!zone) return rp::Instant{from.time_since_epoch()};
    return rp::dayStart(zone, from);
}

bool Names(const std::optional<std::string>& v, const std::string& id) { return v && *v == id; }

bool RequestAbout(const rp::Request& r, const std::string& id) { return r.by == id || r.with == id; }

bool Open(const rp::Request& r) {
    return r.status == rp::RequestStatus::Pending || r.status == rp::RequestStatus::Approved;
}

// A request whose duties lie from the date on (it cannot happen once their cells are empty).
bool AboutDutiesFrom(const rp::Request& r, rp::Date from) {
    return r.week >= from || (r.type == rp::RequestType::Swap && rp::requestWithWeek(r) >= from);
}

}  // namespace

bool PersonMentions::any() const {
    return duties_from || weeks_before || overrides_from || overrides_before || time_off || !requests_from.empty() ||
           requests_other || !contacts.empty();
}

PersonMentions FindMentions(const rp::Plan& plan, const std::string& id, rp::Date from) {
    PersonMentions m;
    for (const rp::Week& w : plan.weeks) {
        const int n = Names(w.primary, id) + Names(w.secondary, id) + Names(w.shadow, id) + Names(w.escalation, id);
        if (!n) continue;
        if (w.start >= from) m.duties_from += n;
        else ++m.weeks_before;
    }
    const rp::Instant start = StartOf(plan, from);
    for (const rp::Override& o : plan.overrides)
        if (o.person == id) ++(o.from.at >= start ? m.overrides_from : m.overrides_before);
    for (const rp::TimeOff& t : plan.time_off) m.time_off += t.person == id;
    for (const rp::Request& r : plan.requests) {
        if (!RequestAbout(r, id)) continue;
        if (Open(r) && AboutDutiesFrom(r, from)) m.requests_from.push_back(r.id);
        else ++m.requests_other;
    }
    if (Names(plan.contacts.engineering_lead, id)) m.contacts.push_back("engineering lead");
    if (Names(plan.contacts.cto, id)) m.contacts.push_back("CTO");
    if (Names(plan.contacts.ceo, id)) m.contacts.push_back("CEO");
    return m;
}

RemovalResult RemovePerson(const rp::Plan& plan, const RemovalChoice& choice) {
    RemovalResult out;
    const std::string& id = choice.person;
    const auto person = std::find_if(plan.people.begin(), plan.people.end(), [&](const rp::Person& p) { return p.id == id; });
    if (person == plan.people.end()) {
        out.error = id + " is not a person of the plan";
        return out;
    }
    if (!choice.keep_inactive && plan.people.size() <= 1) {
        out.error = "a plan needs at least one person";
        return out;
    }
    rp::Plan p = plan;
    const rp::Instant start = StartOf(plan, choice.from);

    // Their cells from the date on (with `keep_inactive` false, every week's).
    struct Cell {
        rp::Date week;
        rp::Role role;
    };
    std::vector<Cell> emptied;
    for (rp::Week& w : p.weeks) {
        if (choice.keep_inactive && w.start < choice.from) continue;
        const bool from_date = w.start >= choice.from;
        auto take = [&](std::optional<std::string>& v, std::optional<rp::Role> role) {
            if (!Names(v, id)) return;
            v.reset();
            ++out.emptied;
            if (role && from_date) emptied.push_back({w.start, *role});
        };
        take(w.primary, rp::Role::Primary);
        take(w.secondary, rp::Role::Secondary);
        take(w.shadow, rp::Role::Shadow);
        take(w.escalation, std::nullopt);   // the week's contact falls back to the engineering lead
    }
    // Overrides that put them on call from the date (all of them when they leave the plan).
    p.overrides.erase(std::remove_if(p.overrides.begin(), p.overrides.end(),
                                     [&](const rp::Override& o) {
                                         return o.person == id && (!choice.keep_inactive || o.from.at >= start);
                                     }),
                      p.overrides.end());
    // Requests about duties that went away are rejected, saying why (a removed person's
    // requests go with them, below).
    if (choice.keep_inactive) {
        for (rp::Request& r : p.requests) {
            if (!RequestAbout(r, id) || !Open(r) || !AboutDutiesFrom(r, choice.from)) continue;
            r.status = rp::RequestStatus::Rejected;
            if (!choice.decided_at.empty()) r.extra["decided_at"] = choice.decided_at;
            r.extra["rejected_because"] = person->name + " is inactive from " + rp::formatDate(choice.from);
            out.rejected.push_back(r.id);
        }
    }
    if (choice.keep_inactive) {
        for (rp::Person& q : p.people)
            if (q.id == id) q.inactive_from = choice.from;
    } else {
        p.people.erase(std::remove_if(p.people.begin(), p.people.end(), [&](const rp::Person& q) { return q.id == id; }),
                       p.people.end());
        p.time_off.erase(std::remove_if(p.time_off.begin(), p.time_off.end(), [&](const rp::TimeOff& t) { return t.person == id; }),
                         p.time_off.end());
        for (const rp::Request& r : p.requests)
            if (RequestAbout(r, id)) out.removed_requests.push_back(r.id);
        p.requests.erase(std::remove_if(p.requests.begin(), p.requests.end(),
                                        [&](const rp::Request& r) { return RequestAbout(r, id); }),
                         p.requests.end());
        for (auto* c : {&p.contacts.engineering_lead, &p.contacts.cto, &p.contacts.ceo})
            if (Names(*c, id)) c->reset();
    }

    if (choice.redraft && !emptied.empty()) {
        // The draft fills every empty cell from the date; only the ones taken from them are
        // used, so nobody else's weeks change. The person is out of its pool.
        rp::Plan pool = p;
        for (rp::Person& q : pool.people)
            if (q.id == id) q.on_call = false;
        rp::DraftOptions options;
        options.from = choice.from;
        rp::DraftResult d = rp::draft(pool, options);
        if (d.status != rp::DraftStatus::Ok) {
            out.error = "cannot redraft their weeks: " + d.message;
            return out;
        }
        std::set<std::pair<long, int>> wanted;
        for (const Cell& c : emptied) wanted.insert({c.week.time_since_epoch().count(), static_cast<int>(c.role)});
        for (const rp::DraftFill& f : d.fills) {
            if (!wanted.count({f.week.time_since_epoch().count(), static_cast<int>(f.role)})) continue;
            for (rp::Week& w : p.weeks) {
                if (w.start != f.week) continue;
                auto& cell = f.role == rp::Role::Primary ? w.primary : f.role == rp::Role::Secondary ? w.secondary : w.shadow;
                if (!cell) {
                    cell = f.person;
                    ++out.refilled;
                }
            }
        }
    }
    out.ok = true;
    out.plan = std::move(p);
    return out;
}

}  // namespace app
