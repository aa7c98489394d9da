// Shared by the interop unit tests: small plans, the plan's resolved timeline as
// "who is on call at t", and readings of the four export documents by the semantics
// of interop.md ("Semantics used to judge exactness"), written from the contract, not
// from the exporters' code.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <date/tz.h>

#include "core/interop/interop.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace interop_test {

using rp::Instant;
using rp::Json;
using std::chrono::seconds;

// A team of four with e-mails, a lead, weeks from `first` (one entry per week: primary,
// secondary; "" for unassigned) and optional overrides / extra week fields.
inline std::string planText(const std::string& zone, const std::string& weekday, const std::string& time,
                            const std::string& first, const std::vector<std::pair<std::string, std::string>>& weeks,
                            const std::string& overrides = "[]",
                            const std::vector<std::string>& shadows = {}) {
    Json j;
    j["rotaplan"] = 1;
    j["team"] = {{"name", "Ops"}, {"timezone", zone}};
    j["policy"] = {{"handoff", {{"weekday", weekday}, {"time", time}}}};
    j["people"] = Json::array();
    for (const char* p : {"alice", "bob", "carol", "dan"})
        j["people"].push_back({{"id", p}, {"name", std::string(1, static_cast<char>(p[0] - 32)) + (p + 1)},
                               {"email", std::string(p) + "@example.com"}});
    j["people"].push_back({{"id", "tim"}, {"name", "Tim"}, {"trainee", true}, {"email", "tim@example.com"}});
    j["people"].push_back({{"id", "lee"}, {"name", "Lee"}, {"on_call", false}, {"email", "lee@example.com"}});
    j["contacts"] = {{"engineering_lead", "lee"}};
    const rp::Date d0 = *rp::parseDate(first);
    j["weeks"] = Json::array();
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        Json w = {{"start", rp::formatDate(d0 + date::days{7 * static_cast<int>(i)})}};
        if (!weeks[i].first.empty()) w["primary"] = weeks[i].first;
        if (!weeks[i].second.empty()) w["secondary"] = weeks[i].second;
        if (i < shadows.size() && !shadows[i].empty()) w["shadow"] = shadows[i];
        j["weeks"].push_back(w);
    }
    j["overrides"] = Json::parse(overrides);
    return j.dump(2);
}

inline rp::Plan load(const std::string& text) {
    rp::LoadResult r = rp::readPlan(text);
    REQUIRE_MESSAGE(r.ok(), (r.error ? r.error->str() : ""));
    return *r.plan;
}

// A round robin of `n` weeks over people (primary k, secondary k+1).
inline std::vector<std::pair<std::string, std::string>> roundRobin(int n, const std::vector<std::string>& people) {
    std::vector<std::pair<std::string, std::string>> out;
    for (int k = 0; k < n; ++k)
        out.emplace_back(people[static_cast<std::size_t>(k) % people.size()],
                         people[static_cast<std::size_t>(k + 1) % people.size()]);
    return out;
}

// ---- the plan's truth ----

struct Truth {
    std::vector<rp::Shift> shifts;   // one role, sorted
    Instant from, to;                // the span
    std::string at(Instant t) const {
        std::string who;
        for (const auto& s : shifts)
            if (s.start <= t && t < s.end) who = s.person;
        return who;
    }
};

inline Truth truthOf(const rp::Plan& plan, rp::Role role) {
    Truth t;
    const auto spans = rp::weekSpans(plan);
    t.from = Instant::max();
    t.to = Instant::min();
    for (const auto& s : spans) {
        t.from = std::min(t.from, s.start);
        t.to = std::max(t.to, s.end);
    }
    for (const auto& s : rp::resolveShifts(plan))
        if (s.role == role) t.shifts.push_back(s);
    return t;
}

inline Instant instant(const Json& v) {
    auto t = rp::parseDateTime(rp::findZone("UTC"), v.get<std::string>());
    if (!t) FAIL("not a date-time: " << v.dump());
    return *t;
}

inline const date::time_zone* zone(const std::string& name) {
    const auto* z = rp::findZone(name);
    if (!z) FAIL("unknown zone " << name);
    return z;
}

// Wall-clock of `base` plus k days, in the zone (rules.md "Time" for gaps and repeats).
inline Instant plusDays(const date::time_zone* z, Instant base, long days) {
    const auto local = rp::localReading(z, base).local;
    return rp::localToInstant(z, local + date::days{days});
}

// The turn index k with turn(k) <= t < turn(k + 1), where turn(k) = base + 7k days (wall clock).
inline long turnAt(const date::time_zone* z, Instant base, Instant t) {
    long k = static_cast<long>((t - base).count() / (7 * 86400));
    if (t < base) --k;
    while (plusDays(z, base, 7 * k) > t) --k;
    while (plusDays(z, base, 7 * (k + 1)) <= t) ++k;
    return k;
}

inline std::size_t mod(long k, std::size_t n) { return static_cast<std::size_t>(((k % static_cast<long>(n)) + static_cast<long>(n)) % static_cast<long>(n)); }

const char* const kBoth = "<two people>";

// ---- readings of the export documents (one schedule each) ----

// PagerDuty: overrides beat layers (later override wins); the last active layer wins.
inline std::string pagerDutyAt(const Json& entry, Instant t) {
    std::string who;
    bool overridden = false;
    for (const Json& o : entry["overrides"]["overrides"])
        if (instant(o["start"]) <= t && t < instant(o["end"])) {
            who = o["user"]["id"].get<std::string>();
            overridden = true;
        }
    if (overridden) return who;
    const Json& s = entry["body"]["schedule"];
    const auto* z = zone(s["time_zone"].get<std::string>());
    for (const Json& l : s["schedule_layers"]) {
        if (t < instant(l["start"])) continue;
        if (!l["end"].is_null() && t >= instant(l["end"])) continue;
        if (l["rotation_turn_length_seconds"].get<long>() != 604800) FAIL("not a weekly layer");
        const long k = turnAt(z, instant(l["rotation_virtual_start"]), t);
        who = l["users"][mod(k, l["users"].size())]["user"]["id"].get<std::string>();
    }
    return who;
}

// Opsgenie: overrides beat rotations; a rotation turns weekly at the wall-clock of its
// startDate; "none" is nobody; two active rotations page both.
inline std::string opsgenieAt(const Json& entry, const std::string& zone_name, Instant t) {
    auto name = [](const Json& u) -> std::string {
        if (u["type"] == "none") return "";
        return u.contains("id") ? u["id"].get<std::string>() : u["username"].get<std::string>();
    };
    // An override naming rotations applies only where one of them is active ("If you
    // select a Rotation, the override only applies to that Rotation"); without
    // `rotations` it overrides the whole schedule.
    auto active = [&](const Json& r) {
        if (t < instant(r["startDate"])) return false;
        return !(r.contains("endDate") && t >= instant(r["endDate"]));
    };
    for (const Json& o : entry["overrides"]) {
        if (!(instant(o["startDate"]) <= t && t < instant(o["endDate"]))) continue;
        if (!o.contains("rotations")) return name(o["user"]);
        for (const Json& ref : o["rotations"])
            for (const Json& r : entry["body"]["rotations"])
                if (r["name"] == ref["name"] && active(r)) return name(o["user"]);
    }
    const auto* z = zone(zone_name);
    std::set<std::string> on;
    for (const Json& r : entry["body"]["rotations"]) {
        const Instant start = instant(r["startDate"]);
        if (t < start) continue;
        if (r.contains("endDate") && t >= instant(r["endDate"])) continue;
        if (r["type"] != "weekly") FAIL("not a weekly rotation");
        const long k = turnAt(z, start, t) / r["length"].get<long>();
        const std::string who = name(r["participants"][mod(k, r["participants"].size())]);
        if (!who.empty()) on.insert(who);
    }
    if (on.empty()) return "";
    return on.size() == 1 ? *on.begin() : kBoth;
}

// Grafana OnCall: override shifts beat the others; the highest level wins; a weekly
// rolling shift starts occurrence i at start + i weeks (wall clock), lasting `duration`,
// group (start_rotation_from_user_index + i) mod n, skipping occurrences before
// rotation_start; `until` stops it.
// Two readings of `until`: the contract's ("until ends it": nothing after it) and
// Grafana's own code's (RFC 5545's inclusive UNTIL: an occurrence that starts at or before
// it runs its whole duration). Exports must be exact under both.
inline bool& grafanaInclusiveUntil() {
    static bool inclusive = false;
    return inclusive;
}

inline std::string grafanaAt(const Json& entry, Instant t) {
    const auto* z = zone(entry["body"]["time_zone"].get<std::string>());
    auto naive = [&](const Json& v) {
        auto at = rp::parseDateTime(z, v.get<std::string>());
        if (!at || v.get<std::string>().size() != 19) FAIL("not a naive date-time: " << v.dump());
        return *at;
    };
    std::set<std::string> over;
    int best_level = -1;
    std::set<std::string> on;
    for (const Json& s : entry["shifts"]) {
        if (s["type"] == "override") {
            const Instant a = naive(s["start"]);
            if (a <= t && t < a + seconds{s["duration"].get<long>()})
                for (const Json& u : s["users"]) over.insert(u.get<std::string>());
            continue;
        }
        if (s["type"] != "rolling_users" || s["frequency"] != "weekly") FAIL("not a weekly rolling shift");
        const Instant start = naive(s["start"]);
        // The wall-clock series repeats the text's local time (also when that time does not
        // exist on the first day).
        const date::local_seconds start_local{
            rp::parseDate(s["start"].get<std::string>().substr(0, 10))->time_since_epoch() +
            std::chrono::hours{std::stoi(s["start"].get<std::string>().substr(11, 2))} +
            std::chrono::minutes{std::stoi(s["start"].get<std::string>().substr(14, 2))}};
        auto occurrence = [&](long i) { return rp::localToInstant(z, start_local + date::days{7 * s["interval"].get<long>() * i}); };
        const Instant rotation_start = s.contains("rotation_start") ? naive(s["rotation_start"]) : start;
        const std::optional<Instant> until = s.contains("until") ? std::optional<Instant>(naive(s["until"])) : std::nullopt;
        if (until && t >= *until && !grafanaInclusiveUntil()) continue;
        const long interval = s["interval"].get<long>();
        // The latest occurrences whose start is at or before t (an occurrence may last
        // past the next one's start).
        long k = static_cast<long>((t - start).count() / (7 * 86400 * interval));
        while (k > 0 && occurrence(k) > t) --k;
        while (occurrence(k + 1) <= t) ++k;
        for (long i = std::max(0L, k - 1); i <= k; ++i) {
            const Instant a = occurrence(i);
            if (a < rotation_start || a > t || t >= a + seconds{s["duration"].get<long>()}) continue;
            if (until && a > *until) continue;
            const Json& group = s["rolling_users"][mod(s["start_rotation_from_user_index"].get<long>() + i,
                                                       s["rolling_users"].size())];
            const int level = s["level"].get<int>();
            if (level > best_level) {
                best_level = level;
                on.clear();
            }
            if (level == best_level)
                for (const Json& u : group) on.insert(u.get<std::string>());
        }
    }
    const std::set<std::string>& result = over.empty() ? on : over;
    if (result.empty()) return "";
    return result.size() == 1 ? *result.begin() : kBoth;
}

// GoAlert: inside the temporary schedule only its shifts count.
inline std::string goalertAt(const Json& entry, Instant t) {
    const Json& temp = entry["temporarySchedule"];
    if (t < instant(temp["start"]) || t >= instant(temp["end"])) FAIL("outside the temporary schedule");
    std::set<std::string> on;
    for (const Json& s : temp["shifts"])
        if (instant(s["start"]) <= t && t < instant(s["end"])) on.insert(s["userID"].get<std::string>());
    if (on.empty()) return "";
    return on.size() == 1 ? *on.begin() : kBoth;
}

// Who the exported schedule of `role` puts on call at t.
inline std::string vendorAt(rp::interop::Vendor v, const Json& doc, const Json& entry, Instant t) {
    using rp::interop::Vendor;
    switch (v) {
        case Vendor::PagerDuty: return pagerDutyAt(entry, t);
        case Vendor::Opsgenie: return opsgenieAt(entry, entry["body"]["timezone"].get<std::string>(), t);
        case Vendor::GrafanaOnCall: return grafanaAt(entry, t);
        case Vendor::GoAlert: return goalertAt(entry, t);
        default: break;
    }
    (void)doc;
    return "?";
}

inline const Json& scheduleOf(const Json& doc, const std::string& role) {
    for (const Json& s : doc["schedules"])
        if (s["role"] == role) return s;
    FAIL("no schedule for " << role);
    return doc;
}

// Instants to compare at: every hour of the span, and a second either side of
// every boundary of the plan's pieces and of the document's own date-times.
inline std::vector<Instant> samples(const Truth& truth, const Json& entry) {
    std::set<Instant> at;
    for (Instant t = truth.from; t < truth.to; t += seconds{3600}) at.insert(t);
    auto edge = [&](Instant t) {
        for (Instant x : {t - seconds{1}, t, t + seconds{1}})
            if (truth.from <= x && x < truth.to) at.insert(x);
    };
    for (const auto& s : truth.shifts) {
        edge(s.start);
        edge(s.end);
    }
    std::vector<const Json*> stack{&entry};
    while (!stack.empty()) {
        const Json* j = stack.back();
        stack.pop_back();
        if (j->is_string()) {
            if (auto t = rp::parseDateTime(rp::findZone("UTC"), j->get<std::string>())) edge(*t);
        } else if (j->is_structured()) {
            for (const Json& c : *j) stack.push_back(&c);
        }
    }
    return {at.begin(), at.end()};
}

// Instants of the span where an exported schedule differs from the plan's resolved
// shifts, over every role (a few described in `first`).
inline int mismatches(rp::interop::Vendor v, const rp::Plan& plan, const Json& doc, std::vector<std::string>* first = nullptr) {
    int wrong = 0;
    for (rp::Role role : {rp::Role::Primary, rp::Role::Secondary, rp::Role::Shadow}) {
        const Truth truth = truthOf(plan, role);
        bool exported = false;
        for (const Json& s : doc["schedules"]) exported |= s["role"] == rp::roleName(role);
        if (!exported) {
            wrong += static_cast<int>(truth.shifts.size());
            continue;
        }
        const Json& entry = scheduleOf(doc, rp::roleName(role));
        for (Instant t : samples(truth, entry)) {
            std::string want = truth.at(t);
            // Opsgenie writes people with an e-mail by their e-mail.
            if (v == rp::interop::Vendor::Opsgenie && !want.empty())
                if (const rp::Person* p = plan.findPerson(want); p && p->email) want = *p->email;
            const std::string got = vendorAt(v, doc, entry, t);
            if (got == want) continue;
            if (first && first->size() < 3)
                first->push_back(std::string(rp::roleName(role)) + " at " + rp::formatRfc3339(rp::findZone("UTC"), t) +
                                 ": vendor has '" + got + "', plan '" + want + "'");
            ++wrong;
        }
    }
    return wrong;
}

// The exported schedules equal the plan's resolved shifts at every sampled instant.
inline void checkExact(rp::interop::Vendor v, const rp::Plan& plan, const Json& doc) {
    for (bool inclusive : {false, true}) {
        if (inclusive && v != rp::interop::Vendor::GrafanaOnCall) break;
        grafanaInclusiveUntil() = inclusive;
        std::vector<std::string> first;
        const int wrong = mismatches(v, plan, doc, &first);
        std::string text;
        for (const auto& f : first) text += "\n  " + f;
        CHECK_MESSAGE(wrong == 0, rp::interop::vendorName(v) << (inclusive ? " (inclusive until)" : "") << ": " << wrong
                                                             << " instants differ" << text);
    }
    grafanaInclusiveUntil() = false;
}

}  // namespace interop_test
