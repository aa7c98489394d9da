// Escalation timelines (escalation.md): exact timelines for the spec example and for
// every rule, skip and acknowledgement variant. Decisions: docs/escalation.md.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "core/simulation/escalation.hpp"
#include "core/model/plan_io.hpp"
#include "test_data.hpp"
#include "core/model/time.hpp"

using namespace rp;

namespace {

struct Run {
    std::vector<std::string> acks;
    std::optional<std::int64_t> resolve;
    bool security = false;
};

EscalationResult run(const Plan& plan, const char* severity, const char* at, const Run& opt = {}) {
    EscalationScenario sc;
    sc.severity = severity;
    auto t = parseDateTime(findZone(plan.team_timezone), at);
    REQUIRE_MESSAGE(t.has_value(), "bad date-time in test: " << at);
    sc.at = *t;
    sc.security = opt.security;
    for (const auto& a : opt.acks) {
        std::string err;
        auto ack = parseEscalationAck(a, &err);
        REQUIRE_MESSAGE(ack.has_value(), err);
        sc.acks.push_back(*ack);
    }
    sc.resolve = opt.resolve;
    return escalate(plan, sc);
}

Json timelineJson(const Plan& plan, const char* severity, const char* at, const Run& opt = {}) {
    EscalationResult r = run(plan, severity, at, opt);
    const auto* err = std::get_if<std::string>(&r);
    REQUIRE_MESSAGE(err == nullptr, (err ? *err : std::string()));
    return timelineToJson(std::get<EscalationTimeline>(r), findZone(plan.team_timezone));
}

// One event as a compact line: "minute type level person | reason".
std::vector<std::string> lines(const Json& t) {
    std::vector<std::string> out;
    for (const Json& e : t["events"])
        out.push_back(std::to_string(e["minute"].get<long long>()) + " " + e["type"].get<std::string>() + " " +
                      (e["level"].is_null() ? std::string("-") : e["level"].get<std::string>()) + " " +
                      (e["person"].is_null() ? std::string("-") : e["person"].get<std::string>()) + " | " +
                      e["reason"].get<std::string>());
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("escalation: the spec example, P0 at 02:00 on Saturday, is exactly escalation.md's JSON") {
    Plan p = loadTestPlan("example.json");
    CHECK(timelineJson(p, "P0", "2026-12-05T02:00").dump(2) == Json::parse(R"JSON({
      "severity": "P0",
      "opened": "2026-12-05T02:00:00-05:00",
      "respond_due": "2026-12-05T02:15:00-05:00",
      "events": [
        { "minute": 0,  "at": "2026-12-05T02:00:00-05:00", "type": "page", "level": "primary",
          "person": "alice", "reason": "on call (primary)" },
        { "minute": 5,  "at": "2026-12-05T02:05:00-05:00", "type": "page", "level": "secondary",
          "person": "bob", "reason": "primary did not acknowledge within 5 minutes" },
        { "minute": 30, "at": "2026-12-05T02:30:00-05:00", "type": "page", "level": "escalation",
          "person": "dana", "reason": "not resolved within 30 minutes" },
        { "minute": 60, "at": "2026-12-05T03:00:00-05:00", "type": "page", "level": "cto",
          "person": "erin", "reason": "not resolved within 60 minutes" },
        { "minute": 90, "at": "2026-12-05T03:30:00-05:00", "type": "page", "level": "ceo",
          "person": "frank", "reason": "not resolved within 90 minutes" }
      ],
      "acknowledged_minute": null,
      "resolved_minute": null,
      "highest_level": "ceo"
    })JSON").dump(2));
    // The same instant given with an offset, and in UTC.
    CHECK(timelineJson(p, "P0", "2026-12-05T02:00-05:00") == timelineJson(p, "P0", "2026-12-05T02:00"));
    CHECK(timelineJson(p, "P0", "2026-12-05T07:00Z") == timelineJson(p, "P0", "2026-12-05T02:00"));
}

TEST_CASE("escalation: P1 escalates every 120 minutes and stops at the CTO") {
    Plan p = loadTestPlan("example.json");
    Json t = timelineJson(p, "P1", "2026-12-05T02:00");
    CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                            "5 page secondary bob | primary did not acknowledge within 5 minutes",
                            "120 page escalation dana | not resolved within 120 minutes",
                            "240 page cto erin | not resolved within 240 minutes"});
    CHECK(t["respond_due"] == "2026-12-05T02:15:00-05:00");
    CHECK(t["highest_level"] == "cto");
}

TEST_CASE("escalation: a P2 opened Friday 16:30 is due Monday 10:30 (business minutes)") {
    Plan p = loadTestPlan("example.json");
    CHECK(timelineJson(p, "P2", "2026-12-04T16:30").dump(2) == Json::parse(R"JSON({
      "severity": "P2",
      "opened": "2026-12-04T16:30:00-05:00",
      "respond_due": "2026-12-07T10:30:00-05:00",
      "events": [
        { "minute": 0, "at": "2026-12-04T16:30:00-05:00", "type": "page", "level": "primary",
          "person": "alice", "reason": "on call (primary)" },
        { "minute": 5, "at": "2026-12-04T16:35:00-05:00", "type": "page", "level": "secondary",
          "person": "bob", "reason": "primary did not acknowledge within 5 minutes" }
      ],
      "acknowledged_minute": null,
      "resolved_minute": null,
      "highest_level": "secondary"
    })JSON").dump(2));
    // P3 has the same defaults.
    Json p3 = timelineJson(p, "P3", "2026-12-04T16:30");
    CHECK(p3["respond_due"] == "2026-12-07T10:30:00-05:00");
    // Exactly the business minutes left on Friday: due at 17:00 that day, not Monday 09:00.
    Plan q = p;
    q.policy.severities["P2"].respond_minutes = 30;
    CHECK(timelineJson(q, "P2", "2026-12-04T16:30")["respond_due"] == "2026-12-04T17:00:00-05:00");
}

TEST_CASE("escalation: a P2 opened outside business hours is delivered at the next business start") {
    Plan p = loadTestPlan("example.json");
    // Saturday 02:00: delivered Monday 09:00, which is the next week's handoff: carol.
    Json t = timelineJson(p, "P2", "2026-12-05T02:00");
    CHECK(t["respond_due"] == "2026-12-07T11:00:00-05:00");
    CHECK(lines(t) == Lines{"3300 page primary carol | on call (primary)",
                            "3305 page secondary dev | primary did not acknowledge within 5 minutes"});
    CHECK(t["events"][0]["at"] == "2026-12-07T09:00:00-05:00");
    // An ack before delivery is by a level not paged by then: ignored.
    Json a = timelineJson(p, "P2", "2026-12-05T02:00", {{"primary@100"}});
    CHECK(a["acknowledged_minute"].is_null());
    CHECK(lines(a).size() == 2);
    // Resolved before delivery: nobody is paged.
    Json r = timelineJson(p, "P2", "2026-12-05T02:00", {{}, 60});
    CHECK(lines(r) == Lines{"60 resolve - - | resolved after 60 minutes"});
    CHECK(r["highest_level"].is_null());
    CHECK(r["resolved_minute"] == 60);
}

TEST_CASE("escalation: a holiday between opening and response counts no business minutes") {
    Plan p = loadTestPlan("escalation/team.json");
    // Wednesday 16:30 before Thanksgiving (2026-11-26): 30 minutes Wednesday, 90 on Friday.
    Json t = timelineJson(p, "P2", "2026-11-25T16:30");
    CHECK(t["respond_due"] == "2026-11-27T10:30:00-05:00");
    CHECK(lines(t) == Lines{"0 page primary dev | on call (primary)",
                            "5 page secondary carol | primary did not acknowledge within 5 minutes"});
    // Opened on the holiday itself: delivered Friday 09:00 (23 hours later).
    Json h = timelineJson(p, "P2", "2026-11-26T10:00");
    CHECK(h["respond_due"] == "2026-11-27T11:00:00-05:00");
    CHECK(lines(h) == Lines{"1380 page primary dev | on call (primary)",
                            "1385 page secondary carol | primary did not acknowledge within 5 minutes"});
    // A 24x7 severity ignores holidays.
    CHECK(timelineJson(p, "P0", "2026-11-26T10:00")["respond_due"] == "2026-11-26T10:15:00-05:00");
}

TEST_CASE("escalation: a P0 across the night the clocks go back (America/New_York 2026-11-01)") {
    Plan p = loadTestPlan("escalation/team.json");
    Json t = timelineJson(p, "P0", "2026-11-01T00:30");
    CHECK(t["opened"] == "2026-11-01T00:30:00-04:00");
    CHECK(t["respond_due"] == "2026-11-01T00:45:00-04:00");
    std::vector<std::string> at;
    for (const Json& e : t["events"]) at.push_back(e["at"].get<std::string>());
    CHECK(at == Lines{"2026-11-01T00:30:00-04:00", "2026-11-01T00:35:00-04:00", "2026-11-01T01:00:00-04:00",
                      "2026-11-01T01:30:00-04:00", "2026-11-01T01:00:00-05:00"});
    CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                            "5 page secondary bob | primary did not acknowledge within 5 minutes",
                            "30 page escalation dana | not resolved within 30 minutes",
                            "60 page cto erin | not resolved within 60 minutes",
                            "90 page ceo frank | not resolved within 90 minutes"});
    // 01:30 occurs twice that night: the earlier one (EDT) is meant.
    Json u = timelineJson(p, "P0", "2026-11-01T01:30");
    CHECK(u["opened"] == "2026-11-01T01:30:00-04:00");
    CHECK(u["events"][2]["at"] == "2026-11-01T01:00:00-05:00");
    CHECK(u["events"][4]["at"] == "2026-11-01T02:00:00-05:00");
}

TEST_CASE("escalation: someone with time off is skipped and the next level paged at once") {
    Plan p = loadTestPlan("escalation/team.json");
    // alice is primary in the week of 2026-11-09 but has time off on the 10th and 11th.
    Json t = timelineJson(p, "P0", "2026-11-10T12:00");
    CHECK(t.dump(2) == Json::parse(R"JSON({
      "severity": "P0",
      "opened": "2026-11-10T12:00:00-05:00",
      "respond_due": "2026-11-10T12:15:00-05:00",
      "events": [
        { "minute": 0, "at": "2026-11-10T12:00:00-05:00", "type": "skip", "level": "primary",
          "person": "alice", "reason": "alice has time off (PTO)" },
        { "minute": 0, "at": "2026-11-10T12:00:00-05:00", "type": "page", "level": "secondary",
          "person": "carol", "reason": "primary skipped" },
        { "minute": 30, "at": "2026-11-10T12:30:00-05:00", "type": "page", "level": "escalation",
          "person": "dana", "reason": "not resolved within 30 minutes" },
        { "minute": 60, "at": "2026-11-10T13:00:00-05:00", "type": "page", "level": "cto",
          "person": "erin", "reason": "not resolved within 60 minutes" },
        { "minute": 90, "at": "2026-11-10T13:30:00-05:00", "type": "page", "level": "ceo",
          "person": "frank", "reason": "not resolved within 90 minutes" }
      ],
      "acknowledged_minute": null,
      "resolved_minute": null,
      "highest_level": "ceo"
    })JSON").dump(2));
    // dana (the engineering lead, the default escalation contact) is at a conference.
    Json e = timelineJson(p, "P0", "2026-11-17T10:00");
    CHECK(lines(e) == Lines{"0 page primary bob | on call (primary)",
                            "5 page secondary dev | primary did not acknowledge within 5 minutes",
                            "30 skip escalation dana | dana has time off (conference)",
                            "30 page cto erin | escalation skipped",
                            "60 page ceo frank | not resolved within 60 minutes"});
    CHECK(e["highest_level"] == "ceo");
    // Time off ends at midnight after its last day: on the 19th dana is back.
    CHECK(lines(timelineJson(p, "P0", "2026-11-19T00:00"))[2] ==
          "30 page escalation dana | not resolved within 30 minutes");
    // A skipped level counts as used: the P1 chain ends at the CTO.
    Json p1 = timelineJson(p, "P1", "2026-11-17T10:00");
    CHECK(lines(p1) == Lines{"0 page primary bob | on call (primary)",
                             "5 page secondary dev | primary did not acknowledge within 5 minutes",
                             "120 skip escalation dana | dana has time off (conference)",
                             "120 page cto erin | escalation skipped"});
}

TEST_CASE("escalation: a level with nobody assigned is a skip with person null") {
    Plan p = loadTestPlan("escalation/nolead.json");
    Json t = timelineJson(p, "P0", "2026-11-03T03:00");
    CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                            "5 page secondary bob | primary did not acknowledge within 5 minutes",
                            "30 skip escalation - | no escalation contact assigned",
                            "30 page cto erin | escalation skipped",
                            "60 skip ceo - | no CEO assigned"});
    CHECK(t["events"][2]["person"].is_null());
    CHECK(t["highest_level"] == "cto");
    // Every level skipped in a row: the chain goes up at once.
    Plan q = p;
    q.weeks[0].primary.reset();
    q.weeks[0].secondary.reset();
    q.contacts.cto.reset();
    Json n = timelineJson(q, "P0", "2026-11-03T03:00");
    CHECK(lines(n) == Lines{"0 skip primary - | no primary assigned", "0 skip secondary - | no secondary assigned",
                            "0 skip escalation - | no escalation contact assigned", "0 skip cto - | no CTO assigned",
                            "0 skip ceo - | no CEO assigned"});
    CHECK(n["highest_level"].is_null());
    // A page that lands after the plan's last week finds no secondary.
    Json end = timelineJson(p, "P0", "2026-11-16T08:58");
    CHECK(lines(end) == Lines{"0 page primary bob | on call (primary)",
                              "5 skip secondary - | no secondary assigned (outside the plan's weeks)",
                              "5 skip escalation - | no escalation contact assigned (outside the plan's weeks)",
                              "5 page cto erin | escalation skipped", "30 skip ceo - | no CEO assigned"});
}

TEST_CASE("escalation: a security incident also pages the escalation contact and names contacts.security") {
    Plan p = loadTestPlan("example.json");
    Json t = timelineJson(p, "P0", "2026-12-05T02:00", {{}, std::nullopt, true});
    CHECK(t.dump(2) == Json::parse(R"JSON({
      "severity": "P0",
      "opened": "2026-12-05T02:00:00-05:00",
      "respond_due": "2026-12-05T02:15:00-05:00",
      "events": [
        { "minute": 0,  "at": "2026-12-05T02:00:00-05:00", "type": "page", "level": "primary",
          "person": "alice", "reason": "on call (primary)" },
        { "minute": 0,  "at": "2026-12-05T02:00:00-05:00", "type": "page", "level": "escalation",
          "person": "dana", "reason": "security incident" },
        { "minute": 5,  "at": "2026-12-05T02:05:00-05:00", "type": "page", "level": "secondary",
          "person": "bob", "reason": "primary did not acknowledge within 5 minutes" },
        { "minute": 30, "at": "2026-12-05T02:30:00-05:00", "type": "page", "level": "cto",
          "person": "erin", "reason": "not resolved within 30 minutes" },
        { "minute": 60, "at": "2026-12-05T03:00:00-05:00", "type": "page", "level": "ceo",
          "person": "frank", "reason": "not resolved within 60 minutes" }
      ],
      "acknowledged_minute": null,
      "resolved_minute": null,
      "highest_level": "ceo",
      "security_contact": "security@example.com"
    })JSON").dump(2));
    // Week of 2026-12-14: the week's own escalation contact (erin), not the lead.
    Json w = timelineJson(p, "P2", "2026-12-15T10:00", {{}, std::nullopt, true});
    CHECK(lines(w) == Lines{"0 page primary bob | on call (primary)", "0 page escalation erin | security incident",
                            "5 page secondary alice | primary did not acknowledge within 5 minutes"});
    CHECK(w["security_contact"] == "security@example.com");
    // Without contacts.security the field is null; without --security it is absent.
    Plan q = p;
    q.contacts.security.reset();
    CHECK(timelineJson(q, "P0", "2026-12-05T02:00", {{}, std::nullopt, true})["security_contact"].is_null());
    CHECK_FALSE(timelineJson(p, "P0", "2026-12-05T02:00").contains("security_contact"));
}

TEST_CASE("escalation: acknowledgement variants") {
    Plan p = loadTestPlan("example.json");
    const char* at = "2026-12-05T02:00";

    SUBCASE("the primary in time, at exactly ack_minutes: no secondary page; escalation goes on") {
        Json t = timelineJson(p, "P0", at, {{"primary@5"}});
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "5 ack primary alice | acknowledged 5 minutes after being paged",
                                "30 page secondary bob | not resolved within 30 minutes",
                                "60 page escalation dana | not resolved within 60 minutes",
                                "90 page cto erin | not resolved within 90 minutes",
                                "120 page ceo frank | not resolved within 120 minutes"});
        CHECK(t["acknowledged_minute"] == 5);
        CHECK(t["highest_level"] == "ceo");
    }
    SUBCASE("the primary at 3 on a P2: the chain is the primary alone") {
        Json t = timelineJson(p, "P2", "2026-12-03T10:00", {{"primary@3"}});
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "3 ack primary alice | acknowledged 3 minutes after being paged"});
        CHECK(t["highest_level"] == "primary");
    }
    SUBCASE("the primary late, at 6: the secondary was paged at 5") {
        Json t = timelineJson(p, "P0", at, {{"primary@6"}});
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "5 page secondary bob | primary did not acknowledge within 5 minutes",
                                "6 ack primary alice | acknowledged 6 minutes after being paged",
                                "30 page escalation dana | not resolved within 30 minutes",
                                "60 page cto erin | not resolved within 60 minutes",
                                "90 page ceo frank | not resolved within 90 minutes"});
        CHECK(t["acknowledged_minute"] == 6);
    }
    SUBCASE("the secondary acknowledges; at the minute of its page, the ack follows the page") {
        Json t = timelineJson(p, "P0", at, {{"secondary@12"}});
        CHECK(lines(t)[2] == "12 ack secondary bob | acknowledged 7 minutes after being paged");
        CHECK(t["acknowledged_minute"] == 12);
        Json s = timelineJson(p, "P0", at, {{"secondary@5"}});
        CHECK(lines(s)[1] == "5 page secondary bob | primary did not acknowledge within 5 minutes");
        CHECK(lines(s)[2] == "5 ack secondary bob | acknowledged at once");
    }
    SUBCASE("an ack by a level not paged by then is ignored") {
        Json t = timelineJson(p, "P0", at, {{"escalation@10", "secondary@4"}});
        CHECK(t["acknowledged_minute"].is_null());
        CHECK(lines(t) == lines(timelineJson(p, "P0", at)));
        // escalation paged at 30; its ack at 40 counts, the ignored one at 10 does not.
        Json u = timelineJson(p, "P0", at, {{"escalation@10", "escalation@40"}});
        CHECK(lines(u)[3] == "40 ack escalation dana | acknowledged 10 minutes after being paged");
        CHECK(u["acknowledged_minute"] == 40);
    }
    SUBCASE("both the primary and the secondary; the first valid ack is acknowledged_minute") {
        Json t = timelineJson(p, "P0", at, {{"secondary@12", "primary@3"}});
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "3 ack primary alice | acknowledged 3 minutes after being paged",
                                "30 page secondary bob | not resolved within 30 minutes",
                                "60 page escalation dana | not resolved within 60 minutes",
                                "90 page cto erin | not resolved within 90 minutes",
                                "120 page ceo frank | not resolved within 120 minutes"});
        // secondary@12 came before the secondary was paged (30): ignored.
        CHECK(t["acknowledged_minute"] == 3);
        // A second ack by the same level is not an event.
        Json d = timelineJson(p, "P0", at, {{"primary@3", "primary@4"}});
        CHECK(lines(d).size() == 6);
    }
    SUBCASE("resolution at an escalation minute: that escalation does not happen") {
        Json t = timelineJson(p, "P0", at, {{"primary@3"}, 60});
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "3 ack primary alice | acknowledged 3 minutes after being paged",
                                "30 page secondary bob | not resolved within 30 minutes",
                                "60 resolve - - | resolved after 60 minutes"});
        CHECK(t["acknowledged_minute"] == 3);
        CHECK(t["resolved_minute"] == 60);
        CHECK(t["highest_level"] == "secondary");
        // Resolved at the minute the secondary would be paged: no page; an ack at that minute
        // comes before the resolution.
        Json r = timelineJson(p, "P0", at, {{"primary@5"}, 5});
        CHECK(lines(r) == Lines{"0 page primary alice | on call (primary)",
                                "5 ack primary alice | acknowledged 5 minutes after being paged",
                                "5 resolve - - | resolved after 5 minutes"});
        Json z = timelineJson(p, "P0", at, {{}, 0});
        CHECK(lines(z) == Lines{"0 page primary alice | on call (primary)", "0 resolve - - | resolved"});
        // An ack after the resolution is no event.
        Json late = timelineJson(p, "P0", at, {{"secondary@50"}, 45});
        CHECK(lines(late).back() == "45 resolve - - | resolved after 45 minutes");
        CHECK(late["acknowledged_minute"].is_null());
    }
}

TEST_CASE("escalation: errors are one line, for an exit 2") {
    Plan p = loadTestPlan("example.json");
    auto err = [&](const char* sev, const char* at) {
        EscalationResult r = run(p, sev, at);
        REQUIRE(std::holds_alternative<std::string>(r));
        return std::get<std::string>(r);
    };
    CHECK(err("P0", "2026-11-30T08:59") ==
          "2026-11-30T08:59:00-05:00 is outside the plan's weeks (2026-11-30T09:00:00-05:00 to "
          "2026-12-28T09:00:00-05:00)");
    CHECK(err("P0", "2026-12-28T09:00").find("outside the plan's weeks") != std::string::npos);
    CHECK(err("P9", "2026-12-05T02:00") == "unknown severity 'P9' (expected P0, P1, P2 or P3)");
    // The first and the last minute of the plan are inside it.
    CHECK(std::holds_alternative<EscalationTimeline>(run(p, "P0", "2026-11-30T09:00")));
    CHECK(std::holds_alternative<EscalationTimeline>(run(p, "P0", "2026-12-28T08:59")));

    std::string e;
    CHECK_FALSE(parseEscalationAck("boss@3", &e).has_value());
    CHECK(e.find("primary, secondary, escalation, cto or ceo") != std::string::npos);
    CHECK_FALSE(parseEscalationAck("primary@-1", &e).has_value());
    CHECK_FALSE(parseEscalationAck("primary3", &e).has_value());
    CHECK_FALSE(parseEscalationAck("primary@", &e).has_value());
    CHECK_FALSE(parseEscalationAck("primary@2.5", &e).has_value());
    auto ok = parseEscalationAck("cto@120", &e);
    REQUIRE(ok.has_value());
    CHECK(ok->level == EscalationLevel::Cto);
    CHECK(ok->minute == 120);
    CHECK(parseMinutes("45") == 45);
    CHECK_FALSE(parseMinutes("-5").has_value());
    CHECK_FALSE(parseMinutes("").has_value());
}

TEST_CASE("escalation: severities overridden in the policy") {
    Plan p = loadTestPlan("example.json");
    SUBCASE("ack_minutes 0 and a shorter clock") {
        p.policy.severities["P1"].ack_minutes = 0;
        p.policy.severities["P1"].escalate_every_minutes = 10;
        p.policy.severities["P1"].reaches_ceo = true;
        Json t = timelineJson(p, "P1", "2026-12-05T02:00");
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "0 page secondary bob | primary did not acknowledge within 0 minutes",
                                "10 page escalation dana | not resolved within 10 minutes",
                                "20 page cto erin | not resolved within 20 minutes",
                                "30 page ceo frank | not resolved within 30 minutes"});
    }
    SUBCASE("an escalation clock shorter than the ack window pages the secondary first") {
        p.policy.severities["P0"].escalate_every_minutes = 3;
        Json t = timelineJson(p, "P0", "2026-12-05T02:00");
        CHECK(lines(t) == Lines{"0 page primary alice | on call (primary)",
                                "3 page secondary bob | not resolved within 3 minutes",
                                "6 page escalation dana | not resolved within 6 minutes",
                                "9 page cto erin | not resolved within 9 minutes",
                                "12 page ceo frank | not resolved within 12 minutes"});
    }
    SUBCASE("a business-hours severity with a clock: steps on the t0 grid, only after delivery") {
        p.policy.severities["P2"].escalate_every_minutes = 60;
        // Opened Saturday 02:00, delivered Monday 09:00 = minute 3300 (a grid minute: no step).
        Json t = timelineJson(p, "P2", "2026-12-05T02:00");
        CHECK(lines(t) == Lines{"3300 page primary carol | on call (primary)",
                                "3305 page secondary dev | primary did not acknowledge within 5 minutes",
                                "3360 page escalation dana | not resolved within 3360 minutes",
                                "3420 page cto erin | not resolved within 3420 minutes"});
    }
    SUBCASE("24x7 P3") {
        p.policy.severities["P3"].coverage = Coverage::TwentyFourSeven;
        CHECK(timelineJson(p, "P3", "2026-12-05T02:00")["respond_due"] == "2026-12-05T04:00:00-05:00");
    }
}

TEST_CASE("escalation: an override is the primary at delivery; the secondary is looked up when paged") {
    Plan p = loadTestPlan("example.json");
    // carol takes alice's primary from Wednesday 18:00 to Thursday 09:00.
    Json t = timelineJson(p, "P0", "2026-12-02T20:00");
    CHECK(lines(t)[0] == "0 page primary carol | on call (primary)");
    // Opened 08:58 on the Monday handoff: alice at 08:58, then the new week's secondary
    // (dev) at 09:03 and the new week's escalation contact.
    Json h = timelineJson(p, "P0", "2026-12-07T08:58");
    CHECK(lines(h)[0] == "0 page primary alice | on call (primary)");
    CHECK(lines(h)[1] == "5 page secondary dev | primary did not acknowledge within 5 minutes");
}

TEST_CASE("escalation: the page's options object") {
    Plan p = loadTestPlan("example.json");
    auto sc = scenarioFromJson(p, Json::parse(R"({"severity":"P0","at":"2026-12-05T02:00","security":true,
                                                   "ack":{"primary":3},"resolve":45})"));
    REQUIRE(std::holds_alternative<EscalationScenario>(sc));
    const auto& s = std::get<EscalationScenario>(sc);
    CHECK(s.severity == "P0");
    CHECK(s.security);
    REQUIRE(s.acks.size() == 1);
    CHECK(s.acks[0].level == EscalationLevel::Primary);
    CHECK(s.acks[0].minute == 3);
    CHECK(s.resolve == 45);
    auto arr = scenarioFromJson(p, Json::parse(R"({"severity":"P1","at":"2026-12-05T02:00","ack":["secondary@9"]})"));
    REQUIRE(std::holds_alternative<EscalationScenario>(arr));
    CHECK(std::get<EscalationScenario>(arr).acks[0].level == EscalationLevel::Secondary);
    CHECK(std::holds_alternative<std::string>(scenarioFromJson(p, Json::parse(R"({"severity":"P0"})"))));
    CHECK(std::holds_alternative<std::string>(
        scenarioFromJson(p, Json::parse(R"({"severity":"P0","at":"2026-12-05T02:00","ack":{"boss":1}})"))));
    CHECK(std::holds_alternative<std::string>(
        scenarioFromJson(p, Json::parse(R"({"severity":"P0","at":"2026-12-05T02:00","resolve":-1})"))));
}

TEST_CASE("escalation: the text timeline") {
    Plan p = loadTestPlan("example.json");
    EscalationResult r = run(p, "P0", "2026-12-05T02:00", {{"primary@3"}, 45, true});
    std::string text = timelineToText(p, std::get<EscalationTimeline>(r));
    CHECK(text.find("P0 security incident opened 2026-12-05T02:00:00-05:00 (week of 2026-11-30)") == 0);
    CHECK(text.find("security contact: security@example.com") != std::string::npos);
    CHECK(text.find("Alice Ng (alice)") != std::string::npos);
    CHECK(text.find("resolved: minute 45") != std::string::npos);
    CHECK(text.find("highest level paged: escalation") != std::string::npos);
}

TEST_CASE("escalation: business minutes far ahead are counted exactly and fast") {
    Plan p = loadTestPlan("escalation/team.json");
    EscalationIndex ix(p);
    const auto* zone = findZone(p.team_timezone);
    auto due = [&](const char* at, std::int64_t minutes) {
        auto r = ix.addBusinessMinutes(*parseDateTime(zone, at), minutes);
        return r ? formatRfc3339(zone, *r) : std::string("never");
    };
    // Reference: the day-by-day walk, by hand. 2026-11-02 is a Monday; 480 minutes a day.
    CHECK(due("2026-11-02T09:00", 480) == "2026-11-02T17:00:00-05:00");
    CHECK(due("2026-11-02T09:00", 481) == "2026-11-03T09:01:00-05:00");
    CHECK(due("2026-11-02T09:00", 5 * 480) == "2026-11-06T17:00:00-05:00");
    // Four weeks with Thanksgiving (2026-11-26) in the fourth: 19 business days, then 60 min.
    CHECK(due("2026-11-02T09:00", 19 * 480 + 60) == "2026-11-30T10:00:00-05:00");
    // Across the spring-forward change (2027-03-14): weeks are still 2400 minutes, hours local.
    CHECK(due("2027-03-01T09:00", 3 * 2400) == "2027-03-19T17:00:00-04:00");
    CHECK(due("2027-03-01T09:00", 3 * 2400 + 1) == "2027-03-22T09:01:00-04:00");
    // The largest respond_minutes a plan may hold: never within 100 years, and quickly so.
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(due("2026-11-02T09:00", 2147483647LL) == "never");
    CHECK(due("2026-11-02T09:00", 2400LL * 52 * 10) != "never");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(200));
}

TEST_CASE("escalation: business minutes agree with a minute-by-minute reference walk") {
    Plan p = loadTestPlan("escalation/team.json");
    p.policy.holidays.push_back(*parseDate("2027-01-01"));
    p.policy.holidays.push_back(*parseDate("2027-03-15"));  // the Monday after spring forward
    p.policy.business_hours.start_minute = 8 * 60 + 30;
    p.policy.business_hours.end_minute = 16 * 60 + 45;
    p.policy.business_hours.days = {1, 2, 3, 4, 6};        // a Saturday, no Friday
    EscalationIndex ix(p);
    // Reference: walk the days one by one, counting each day's business seconds.
    auto reference = [&](Instant t, std::int64_t minutes) -> Instant {
        Instant cursor = *ix.businessStartAtOrAfter(t);
        std::chrono::seconds remaining{minutes * 60};
        for (Date d = ix.localDate(cursor);; d += date::days{1}) {
            if (!ix.isBusinessDay(d)) continue;
            auto [s, e] = ix.businessHoursOn(d);
            const Instant a = std::max(s, cursor);
            if (a >= e) continue;
            if (remaining <= e - a) return a + remaining;
            remaining -= e - a;
        }
    };
    const auto* zone = findZone(p.team_timezone);
    std::uint64_t seed = 12345;
    auto next = [&](std::uint64_t n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return (seed >> 33) % n;
    };
    const Instant base = *parseDateTime(zone, "2026-10-20T00:00");
    for (int i = 0; i < 400; ++i) {
        const Instant t = base + std::chrono::minutes{static_cast<std::int64_t>(next(60 * 24 * 200))};
        const std::int64_t m = static_cast<std::int64_t>(next(4)) == 0 ? static_cast<std::int64_t>(next(600))
                                                                        : static_cast<std::int64_t>(next(200000));
        CAPTURE(formatRfc3339(zone, t));
        CAPTURE(m);
        REQUIRE(ix.addBusinessMinutes(t, m).has_value());
        CHECK(*ix.addBusinessMinutes(t, m) == reference(t, m));
    }
}
