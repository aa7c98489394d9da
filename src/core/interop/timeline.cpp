// The import: every vendor's resolved timeline turned into weeks by one algorithm
// (interop.md "Import", docs/interop.md "Import").
//
//  1. Each role file is read by its vendor's reader into entries (who, from, to).
//  2. Entries are laid end to end: where two overlap, the one on call first keeps the
//     overlap (a plan holds one person per role) and the report says so.
//  3. Zone: --timezone, else the primary's (or another role's) schedule zone, else UTC.
//     Handoff: --handoff, else the local weekday and time at which most turns of the
//     primary timeline start (ties: the earliest such turn).
//  4. Weeks run from the handoff at or before the earliest entry to the handoff at or
//     after the latest. In each week a role goes to the person on call for its largest
//     part (ties: the one on call at the handoff) and every other piece becomes an
//     override. A week with a stretch of nobody cannot hold a person for the whole week
//     and stay exact: its role is left unassigned, every piece is an override, and the
//     stretch is a `hole` in the report. A shadow is one person per week: pieces beyond
//     the week's shadow are reported.
//  5. People come from the timelines (id from the e-mail's local part, else the vendor id).
//
// [SECTION] timeline building blocks
// [SECTION] handoff detection
// [SECTION] weeks
// [SECTION] entry point
#include "core/interop/timeline.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/interop/common.hpp"
#include "core/interop/vendors.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

namespace rp::interop {

using detail::Failure;
using detail::TimelineEntry;
using detail::TimelineUser;
using detail::VendorTimeline;

// [SECTION] timeline building blocks

namespace detail {

int VendorTimeline::addUser(TimelineUser user) {
    auto [it, inserted] = user_index.emplace(user.key, static_cast<int>(users.size()));
    if (inserted) {
        users.push_back(std::move(user));
        return it->second;
    }
    TimelineUser& u = users[static_cast<std::size_t>(it->second)];
    if (u.name.empty()) u.name = user.name;
    if (u.email.empty()) u.email = user.email;
    if (u.username.empty()) u.username = user.username;
    if (u.vendor_id.empty()) u.vendor_id = user.vendor_id;
    return it->second;
}

void VendorTimeline::addEntry(int user, Instant start, Instant end, const std::string& pointer,
                              const std::string& end_pointer, int priority) {
    if (end < start) {
        const auto* utc = findZone("UTC");
        fail(end_pointer, "the entry ends (" + formatRfc3339(utc, end) + ") before it starts (" +
                              formatRfc3339(utc, start) + ")");
    }
    if (end == start) return;
    entries.push_back({user, start, end, pointer, priority});
}

}  // namespace detail

std::optional<std::pair<int, int>> parseHandoff(std::string_view text) {
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos) return std::nullopt;
    const auto day = parseWeekday(detail::lower(text.substr(0, at)));
    const auto minute = parseHm(std::string(text.substr(at + 1)));
    if (!day || !minute) return std::nullopt;
    return std::make_pair(*day, *minute);
}

namespace {

// A stretch of one role with its plan person (index into the people list; -1 nobody).
struct Span {
    Instant start, end;
    int person = -1;
};

struct RoleInput {
    Role role;
    const RoleFile* file = nullptr;
    VendorTimeline timeline;
    std::vector<Span> pieces;   // sorted, non-overlapping, adjacent pieces of one person merged
};

// One plan person as the timelines name them.
struct PersonInfo {
    std::string key, vendor_id, name, email, username;
    Instant first_seen{};
    int first_role = 0;
    bool only_shadow = true;
    std::string id;
};

std::string textOf(const date::time_zone* zone, Instant t) { return detail::localText(zone, t); }

std::string nameOf(const std::vector<PersonInfo>& people, int who) {
    if (who < 0) return "nobody";
    const PersonInfo& p = people[static_cast<std::size_t>(who)];
    return p.name + " (" + p.id + ")";
}

// Two people at once in one role: `kept` holds [from, to), `dropped` is left out there.
struct Overlap {
    Role role;
    int kept, dropped;
    Instant from, to;
};

// Lays a role's entries end to end (step 2): entries are painted from the lowest
// priority up and, within one priority, from the latest start back, so where two
// overlap the higher priority ([L2] in iCalendar) keeps the time, else the one on call
// first. Each overlap of two people of one priority is recorded (a higher level cutting
// a lower one is how the vendor resolves them: nothing is lost).
void layOut(RoleInput& in, const std::vector<int>& person_of_user, std::vector<Overlap>& overlaps) {
    struct Segment {
        Instant end;
        int person;
        int priority;
    };
    std::vector<std::size_t> order(in.timeline.entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto& entries = in.timeline.entries;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (entries[a].priority != entries[b].priority) return entries[a].priority < entries[b].priority;
        if (entries[a].start != entries[b].start) return entries[a].start > entries[b].start;
        return a > b;
    });
    std::map<Instant, Segment> painted;   // start -> (end, person), never overlapping
    for (std::size_t i : order) {
        const TimelineEntry& e = entries[i];
        const int who = person_of_user[static_cast<std::size_t>(e.user)];
        auto it = painted.lower_bound(e.start);
        if (it != painted.begin() && std::prev(it)->second.end > e.start) --it;
        while (it != painted.end() && it->first < e.end) {
            const Instant s0 = it->first;
            const Segment seg = it->second;
            it = painted.erase(it);
            // A higher level over a lower one is the vendor's own resolution, not a loss.
            if (seg.person != who && seg.priority == e.priority)
                overlaps.push_back({in.role, who, seg.person, std::max(s0, e.start), std::min(seg.end, e.end)});
            if (s0 < e.start) painted.emplace(s0, Segment{e.start, seg.person, seg.priority});
            if (seg.end > e.end) it = painted.emplace(e.end, Segment{seg.end, seg.person, seg.priority}).first;
        }
        painted.emplace(e.start, Segment{e.end, who, e.priority});
    }
    for (const auto& [start, seg] : painted) {
        if (!in.pieces.empty() && in.pieces.back().person == seg.person && in.pieces.back().end == start)
            in.pieces.back().end = seg.end;
        else
            in.pieces.push_back({start, seg.end, seg.person});
    }
}

// [SECTION] handoff detection

std::pair<int, int> detectHandoff(const std::vector<Span>& turns, const date::time_zone* zone) {
    std::map<std::pair<int, int>, std::pair<int, std::size_t>> counts;   // (weekday, minute) -> (turns, first)
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const auto local = localReading(zone, turns[i].start).local;
        const auto day = date::floor<date::days>(local);
        const int weekday = static_cast<int>(date::weekday(day).c_encoding());
        const int minute = static_cast<int>((local - day).count() / 60);
        auto [it, inserted] = counts.emplace(std::make_pair(weekday, minute), std::make_pair(0, i));
        ++it->second.first;
    }
    std::pair<int, int> best{1, 9 * 60};
    int best_count = 0;
    std::size_t best_first = 0;
    for (const auto& [key, value] : counts) {
        if (value.first > best_count || (value.first == best_count && value.second < best_first)) {
            best = key;
            best_count = value.first;
            best_first = value.second;
        }
    }
    return best;
}

// [SECTION] weeks

Date localDate(const date::time_zone* zone, Instant t) {
    return Date{date::floor<date::days>(localReading(zone, t).local).time_since_epoch()};
}

// "Platform primary", "payments - primary", "ops_primary" -> the team's name.
std::string teamName(std::string name, Role role) {
    const std::string suffix = roleName(role);
    const std::string low = detail::lower(name);
    if (low.size() > suffix.size() && low.compare(low.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string rest = name.substr(0, name.size() - suffix.size());
        const std::string dash = "\xE2\x80\x93";  // an en dash
        for (;;) {
            if (rest.size() >= 3 && rest.compare(rest.size() - 3, 3, dash) == 0) rest.resize(rest.size() - 3);
            else if (!rest.empty() && std::string(" -_:/").find(rest.back()) != std::string::npos) rest.pop_back();
            else break;
        }
        if (!rest.empty()) return rest;
    }
    return name;
}

std::string dateTimeText(const date::time_zone* zone, Instant t) {
    const LocalReading r = localReading(zone, t);
    const auto day = date::floor<date::days>(r.local);
    const long long sod = (r.local - day).count();
    if (sod % 60 == 0 && localToInstant(zone, r.local) == t)
        return formatDate(Date{day.time_since_epoch()}) + "T" + formatHm(static_cast<int>(sod / 60));
    return formatRfc3339(zone, t);
}

}  // namespace

// [SECTION] entry point

std::variant<ImportResult, ImportFailure> importTimelines(Vendor vendor, const RoleFile& primary,
                                                          const std::optional<RoleFile>& secondary,
                                                          const std::optional<RoleFile>& shadow,
                                                          const ImportOptions& options) {
    std::vector<RoleInput> inputs;
    inputs.push_back({Role::Primary, &primary, {}, {}});
    if (secondary) inputs.push_back({Role::Secondary, &*secondary, {}, {}});
    if (shadow) inputs.push_back({Role::Shadow, &*shadow, {}, {}});

    // 1. read
    for (RoleInput& in : inputs) {
        try {
            switch (vendor) {
                case Vendor::PagerDuty: in.timeline = detail::readPagerDutyTimeline(detail::parseJson(in.file->text)); break;
                case Vendor::Opsgenie: in.timeline = detail::readOpsgenieTimeline(detail::parseJson(in.file->text)); break;
                case Vendor::GrafanaOnCall:
                    in.timeline = detail::readGrafanaOnCallTimeline(detail::parseJson(in.file->text));
                    break;
                case Vendor::GoAlert: in.timeline = detail::readGoAlertTimeline(detail::parseJson(in.file->text)); break;
                case Vendor::Ics: in.timeline = detail::readIcsTimeline(in.file->text); break;
            }
        } catch (const Failure& f) {
            return ImportFailure{in.file->name, detail::toInputError(in.file->text, f)};
        }
    }

    // 3a. zone
    // A file naming a zone that does not exist is refused, whichever zone the team gets.
    for (const RoleInput& in : inputs) {
        if (!in.timeline.zone || findZone(*in.timeline.zone)) continue;
        Failure f{in.timeline.zone_pointer,
                  "unknown time zone \"" + *in.timeline.zone + "\": expected an IANA name such as America/New_York",
                  std::nullopt, in.timeline.zone_line};
        return ImportFailure{in.file->name, detail::toInputError(in.file->text, f)};
    }
    std::string zone_name = "UTC";
    if (options.timezone) {
        if (!findZone(*options.timezone))
            return ImportFailure{"--timezone", {"", "unknown time zone \"" + *options.timezone +
                                                        "\": expected an IANA name such as America/New_York"}};
        zone_name = *options.timezone;
    } else {
        for (const RoleInput& in : inputs) {
            if (!in.timeline.zone) continue;
            zone_name = *in.timeline.zone;
            break;
        }
    }
    const date::time_zone* zone = findZone(zone_name);

    // 5a. people, across the role files (by key)
    std::vector<PersonInfo> people;
    std::vector<std::vector<int>> person_of_user(inputs.size());
    for (std::size_t r = 0; r < inputs.size(); ++r) {
        for (const TimelineUser& u : inputs[r].timeline.users) {
            int found = -1;
            for (std::size_t p = 0; p < people.size(); ++p)
                if (people[p].key == u.key) found = static_cast<int>(p);
            if (found < 0) {
                found = static_cast<int>(people.size());
                people.push_back({u.key, u.vendor_id, u.name, u.email, u.username, Instant::max(), 3, true, ""});
            }
            PersonInfo& p = people[static_cast<std::size_t>(found)];
            if (p.name.empty()) p.name = u.name;
            if (p.email.empty()) p.email = u.email;
            if (p.username.empty()) p.username = u.username;
            person_of_user[r].push_back(found);
        }
    }

    // 2. lay out
    std::vector<Overlap> overlaps;
    for (std::size_t r = 0; r < inputs.size(); ++r) layOut(inputs[r], person_of_user[r], overlaps);

    // 3b. handoff
    int handoff_weekday = 1, handoff_minute = 9 * 60;
    if (options.handoff_weekday && options.handoff_minute) {
        handoff_weekday = *options.handoff_weekday;
        handoff_minute = *options.handoff_minute;
    } else {
        for (const RoleInput& in : inputs) {
            if (in.pieces.empty()) continue;
            std::tie(handoff_weekday, handoff_minute) = detectHandoff(in.pieces, zone);
            break;
        }
    }

    // 4. weeks
    Instant earliest = Instant::max(), latest = Instant::min();
    for (const RoleInput& in : inputs) {
        if (in.pieces.empty()) continue;
        earliest = std::min(earliest, in.pieces.front().start);
        latest = std::max(latest, in.pieces.back().end);
    }
    std::vector<Date> weeks;
    auto handoffOf = [&](Date d) { return localToInstant(zone, d, handoff_minute); };
    if (earliest < latest) {
        Date d = localDate(zone, earliest);
        d -= date::days{(static_cast<int>(date::weekday(d).c_encoding()) - handoff_weekday + 7) % 7};
        while (handoffOf(d) > earliest) d -= date::days{7};
        while (handoffOf(d + date::days{7}) <= earliest) d += date::days{7};
        for (; handoffOf(d) < latest; d += date::days{7}) weeks.push_back(d);
    }

    std::vector<Loss> losses;
    Plan plan;
    std::string team;
    for (const RoleInput& in : inputs)
        if (team.empty() && in.timeline.name) team = teamName(*in.timeline.name, in.role);
    if (team.empty()) team = std::string("Imported from ") + vendorTitle(vendor);
    plan.team_name = team;
    plan.team_timezone = zone_name;
    plan.policy.handoff_weekday = handoff_weekday;
    plan.policy.handoff_minute = handoff_minute;
    for (const char* name : {"P0", "P1", "P2", "P3"}) plan.policy.severities[name] = defaultSeverity(name);

    auto weekOf = [&](Instant t) -> std::optional<Date> {
        if (weeks.empty()) return std::nullopt;
        auto it = std::upper_bound(weeks.begin(), weeks.end(), t, [&](Instant v, Date w) { return v < handoffOf(w); });
        if (it == weeks.begin()) return weeks.front();
        return *(it - 1);
    };

    // First appearance of each person (people are listed in that order).
    for (const RoleInput& in : inputs) {
        for (const Span& s : in.pieces) {
            PersonInfo& p = people[static_cast<std::size_t>(s.person)];
            const int rank = static_cast<int>(in.role);
            if (s.start < p.first_seen || (s.start == p.first_seen && rank < p.first_role)) {
                p.first_seen = s.start;
                p.first_role = rank;
            }
            if (in.role != Role::Shadow) p.only_shadow = false;
        }
    }

    // 5b. ids: the e-mail's local part, else the vendor id, else the name; made unique.
    std::vector<int> order;
    for (std::size_t p = 0; p < people.size(); ++p) order.push_back(static_cast<int>(p));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const PersonInfo &x = people[static_cast<std::size_t>(a)], &y = people[static_cast<std::size_t>(b)];
        if (x.first_seen != y.first_seen) return x.first_seen < y.first_seen;
        return x.first_role < y.first_role;
    });
    std::vector<std::string> taken;
    auto sanitize = [](std::string s) {
        std::string out;
        for (unsigned char c : detail::lower(s)) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') out += static_cast<char>(c);
            else if (!out.empty() && out.back() != '-') out += '-';
        }
        while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
        while (!out.empty() && (out.front() == '-' || out.front() == '.')) out.erase(out.begin());
        if (out.size() > 60) out.resize(60);
        return out;
    };
    for (int idx : order) {
        PersonInfo& p = people[static_cast<std::size_t>(idx)];
        std::string base;
        if (!p.email.empty()) base = sanitize(p.email.substr(0, p.email.find('@')));
        if (base.empty()) base = sanitize(p.vendor_id);
        if (base.empty()) base = sanitize(p.username.substr(0, p.username.find('@')));
        if (base.empty()) base = sanitize(p.name);
        if (base.empty()) base = "person";
        std::string id = base;
        for (int n = 2; std::find(taken.begin(), taken.end(), id) != taken.end(); ++n) id = base + "-" + std::to_string(n);
        taken.push_back(id);
        p.id = id;
        std::string name = !p.name.empty() ? p.name : !p.username.empty() ? p.username : !p.email.empty() ? p.email : "";
        if (name.empty()) {
            name = p.vendor_id.empty() ? id : p.vendor_id;
            losses.push_back({"unmapped-person", std::nullopt, std::nullopt, id,
                              "The files name user " + (p.vendor_id.empty() ? id : p.vendor_id) +
                                  " by id only: the plan calls them \"" + name + "\"; give them their name and e-mail."});
        }
        Person person;
        person.id = id;
        person.name = name;
        if (!p.email.empty()) person.email = p.email;
        person.trainee = p.only_shadow;
        plan.people.push_back(std::move(person));
    }
    if (plan.people.empty()) {
        // A plan needs one person (plan-format.md): a placeholder for the lead to rename.
        Person lead;
        lead.id = "lead";
        lead.name = "Team lead";
        lead.on_call = false;
        plan.people.push_back(std::move(lead));
    }

    // Overlaps, now that people have ids.
    for (const Overlap& o : overlaps)
        losses.push_back({"unsupported", o.role, weekOf(o.from), people[static_cast<std::size_t>(o.dropped)].id,
                          nameOf(people, o.kept) + " and " + nameOf(people, o.dropped) + " are both on call for " +
                              roleName(o.role) + " from " + textOf(zone, o.from) + " to " + textOf(zone, o.to) + " (" +
                              zone_name + "); a plan holds one person per role, so it keeps " + nameOf(people, o.kept) +
                              " there."});

    // The weeks, role by role.
    struct OverrideOut {
        Role role;
        int person;
        Instant from, to;
    };
    std::vector<OverrideOut> overrides;
    plan.weeks.resize(weeks.size());
    for (std::size_t w = 0; w < weeks.size(); ++w) plan.weeks[w].start = weeks[w];
    for (std::size_t r_index = 0; r_index < inputs.size(); ++r_index) {
        RoleInput& in = inputs[r_index];
        std::size_t i = 0;
        Instant hole_from = Instant::max();
        auto closeHole = [&](Instant to) {
            if (hole_from == Instant::max()) return;
            losses.push_back({"hole", in.role, weekOf(hole_from), std::nullopt,
                              "Nobody is on call for " + std::string(roleName(in.role)) + " from " +
                                  textOf(zone, hole_from) + " to " + textOf(zone, to) + " (" + zone_name + ")" +
                                  (in.role == Role::Shadow ? "." : "; that week's " + std::string(roleName(in.role)) +
                                                                       " is left unassigned and its other pieces are overrides.")});
            hole_from = Instant::max();
        };
        for (std::size_t w = 0; w < weeks.size(); ++w) {
            const Instant a = handoffOf(weeks[w]), b = handoffOf(weeks[w] + date::days{7});
            while (i < in.pieces.size() && in.pieces[i].end <= a) ++i;
            std::vector<Span> parts;
            Instant cursor = a;
            bool hole = false;
            for (std::size_t j = i; j < in.pieces.size() && in.pieces[j].start < b; ++j) {
                const Span& s = in.pieces[j];
                const Instant x = std::max(s.start, a), y = std::min(s.end, b);
                if (x > cursor) {
                    hole = true;
                    if (hole_from == Instant::max()) hole_from = cursor;
                }
                closeHole(x);
                parts.push_back({x, y, s.person});
                cursor = y;
            }
            if (cursor < b) {
                hole = true;
                if (hole_from == Instant::max()) hole_from = cursor;
            }
            // The person with the largest part; ties: the first (the one at the handoff).
            std::vector<std::pair<int, long long>> totals;
            for (const Span& s : parts) {
                auto it = std::find_if(totals.begin(), totals.end(), [&](const auto& t) { return t.first == s.person; });
                if (it == totals.end()) totals.emplace_back(s.person, (s.end - s.start).count());
                else it->second += (s.end - s.start).count();
            }
            int holder = -1;
            long long most = 0;
            for (const auto& [who, len] : totals)
                if (len > most) holder = who, most = len;
            if (in.role == Role::Shadow) {
                if (holder < 0) continue;
                plan.weeks[w].shadow = people[static_cast<std::size_t>(holder)].id;
                for (const Span& s : parts) {
                    if (s.person == holder) continue;
                    losses.push_back({"unsupported", Role::Shadow, weeks[w], people[static_cast<std::size_t>(s.person)].id,
                                      nameOf(people, s.person) + " shadows from " + textOf(zone, s.start) + " to " +
                                          textOf(zone, s.end) + ", but a plan week has one shadow (" +
                                          nameOf(people, holder) + " this week): that piece is left out."});
                }
                if (hole)
                    losses.push_back({"unsupported", Role::Shadow, weeks[w], people[static_cast<std::size_t>(holder)].id,
                                      "Part of the week of " + formatDate(weeks[w]) +
                                          " has no shadow, but a plan's shadow covers the whole week: " +
                                          nameOf(people, holder) + " shadows all of it."});
                continue;
            }
            if (!hole && holder >= 0)
                (in.role == Role::Primary ? plan.weeks[w].primary : plan.weeks[w].secondary) =
                    people[static_cast<std::size_t>(holder)].id;
            for (const Span& s : parts) {
                if (!hole && s.person == holder) continue;
                if (!overrides.empty() && overrides.back().role == in.role && overrides.back().person == s.person &&
                    overrides.back().to == s.start)
                    overrides.back().to = s.end;
                else
                    overrides.push_back({in.role, s.person, s.start, s.end});
            }
        }
        closeHole(weeks.empty() ? Instant{} : handoffOf(weeks.back() + date::days{7}));
        for (Loss& l : in.timeline.losses) {
            l.role = in.role;
            // Readers name people by their key; the report names them by plan id.
            if (l.person) {
                auto it = in.timeline.user_index.find(*l.person);
                if (it != in.timeline.user_index.end())
                    l.person = people[static_cast<std::size_t>(person_of_user[r_index][static_cast<std::size_t>(it->second)])].id;
            }
            losses.push_back(l);
        }
    }
    std::stable_sort(overrides.begin(), overrides.end(), [](const OverrideOut& x, const OverrideOut& y) {
        if (x.from != y.from) return x.from < y.from;
        return static_cast<int>(x.role) < static_cast<int>(y.role);
    });
    for (const OverrideOut& o : overrides) {
        Override ov;
        ov.role = o.role;
        ov.person = people[static_cast<std::size_t>(o.person)].id;
        ov.from = {dateTimeText(zone, o.from), o.from};
        ov.to = {dateTimeText(zone, o.to), o.to};
        plan.overrides.push_back(std::move(ov));
    }
    sortLosses(losses);
    return ImportResult{std::move(plan), std::move(losses)};
}

}  // namespace rp::interop
