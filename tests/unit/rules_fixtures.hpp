// Plans built in code for the shifts / check / simulate tests (no reader needed), and
// the example plan of plan-format.md.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/rules/check.hpp"
#include "core/model/plan.hpp"
#include "core/model/time.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string s = "{";
        for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", \"" : "\"") + v[i] + "\"";
        return (s + "}").c_str();
    }
};
}  // namespace doctest

namespace rpt {

using namespace rp;

inline Date D(const char* text) {
    auto d = parseDate(text);
    REQUIRE_MESSAGE(d.has_value(), "bad date in test: " << text);
    return *d;
}

// A date-time of the plan's team zone ("2026-12-02T18:00") or with an offset/Z.
inline Instant T(const Plan& plan, const char* text) {
    auto t = parseDateTime(findZone(plan.team_timezone), text);
    REQUIRE_MESSAGE(t.has_value(), "bad date-time in test: " << text);
    return *t;
}

inline Instant Z(const char* utc) {  // "2026-12-02T23:00" read as UTC
    auto t = parseDateTime(findZone("UTC"), utc);
    REQUIRE(t.has_value());
    return *t;
}

inline Person person(const char* id, const char* name, bool on_call = true, bool trainee = false) {
    Person p;
    p.id = id;
    p.name = name;
    p.on_call = on_call;
    p.trainee = trainee;
    return p;
}

inline Week week(const char* start, const char* primary, const char* secondary) {
    Week w;
    w.start = D(start);
    if (primary && *primary) w.primary = primary;
    if (secondary && *secondary) w.secondary = secondary;
    return w;
}

inline TimeOff off(const char* who, const char* from, const char* to) {
    TimeOff t;
    t.person = who;
    t.from = D(from);
    t.to = D(to);
    return t;
}

inline Override ovr(const Plan& plan, Role role, const char* who, const char* from, const char* to) {
    Override o;
    o.role = role;
    o.person = who;
    o.from = {from, T(plan, from)};
    o.to = {to, T(plan, to)};
    return o;
}

inline Request req(const char* id, RequestType type, const char* submitted, const char* by, const char* week_,
                   Role role, const char* with, const char* with_week = nullptr) {
    Request r;
    r.id = id;
    r.type = type;
    r.submitted = D(submitted);
    r.by = by;
    r.week = D(week_);
    r.role = role;
    r.with = with;
    if (with_week) r.with_week = D(with_week);
    return r;
}

// People of the example: alice, bob, carol, dev in the pool; gina a trainee; dana
// (engineering lead), erin (cto), frank (ceo) not on call.
inline std::vector<Person> examplePeople() {
    return {person("alice", "Alice Ng"), person("bob", "Bob Osei"),      person("carol", "Carol Diaz"),
            person("dev", "Dev Rao"),    person("gina", "Gina Park", true, true),
            person("dana", "Dana Li", false), person("erin", "Erin Cho", false), person("frank", "Frank Roy", false)};
}

// A plan that passes the check: four balanced weeks from 2026-11-30, Monday 09:00 handoff.
inline Plan cleanPlan(const char* zone = "America/New_York") {
    Plan p;
    p.team_name = "Platform";
    p.team_timezone = zone;
    for (const char* s : {"P0", "P1", "P2", "P3"}) p.policy.severities[s] = defaultSeverity(s);
    p.people = examplePeople();
    p.contacts.engineering_lead = "dana";
    p.contacts.cto = "erin";
    p.contacts.ceo = "frank";
    p.weeks = {week("2026-11-30", "alice", "bob"), week("2026-12-07", "carol", "dev"),
               week("2026-12-14", "bob", "alice"), week("2026-12-21", "dev", "carol")};
    return p;
}

// The example plan of plan-format.md, built in code.
inline Plan examplePlan() {
    Plan p = cleanPlan();
    p.policy.holidays = {D("2026-12-25"), D("2027-01-01")};
    p.time_off = {off("carol", "2026-12-21", "2027-01-03"), off("dana", "2026-12-15", "2026-12-18")};
    p.time_off[0].reason = "PTO";
    p.time_off[1].reason = "conference";
    p.weeks = {week("2026-11-30", "alice", "bob"), week("2026-12-07", "carol", "dev"),
               week("2026-12-14", "bob", "alice"), week("2026-12-21", "dev", "alice")};
    p.weeks[1].shadow = "gina";
    p.weeks[2].escalation = "erin";
    p.weeks[2].note = "release freeze; Dana is travelling";
    p.weeks[3].emergency = true;
    p.overrides = {ovr(p, Role::Primary, "carol", "2026-12-02T18:00", "2026-12-03T09:00")};
    p.overrides[0].reason = "alice at a school event";
    Request r1 = req("r1", RequestType::Swap, "2026-11-16", "alice", "2026-11-30", Role::Primary, "carol", "2026-12-07");
    Request r2 = req("r2", RequestType::Cover, "2026-12-01", "bob", "2026-12-14", Role::Primary, "carol");
    r2.emergency = true;
    p.requests = {r1, r2};
    return p;
}

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string fmt(const std::optional<Date>& d) { return d ? formatDate(*d) : std::string("null"); }

// "rule|week|people,...|request|severity" for compact comparisons.
inline std::string key(const Violation& v) {
    std::string s = v.rule + "|" + fmt(v.week) + "|";
    for (std::size_t i = 0; i < v.people.size(); ++i) s += (i ? "," : "") + v.people[i];
    s += "|" + (v.request ? *v.request : std::string("null")) + "|" + severityName(v.severity);
    return s;
}

inline std::vector<std::string> keys(const Report& r) {
    std::vector<std::string> out;
    for (const auto& v : r.violations) out.push_back(key(v));
    return out;
}

inline std::vector<std::string> keysOf(const Report& r, const std::string& rule) {
    std::vector<std::string> out;
    for (const auto& v : r.violations)
        if (v.rule == rule) out.push_back(key(v));
    return out;
}

inline const Violation* find(const Report& r, const std::string& k) {
    for (const auto& v : r.violations)
        if (key(v) == k) return &v;
    return nullptr;
}

}  // namespace rpt
