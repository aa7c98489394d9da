// Exports to PagerDuty, Opsgenie, Grafana OnCall and GoAlert (interop.md): exact at every
// instant of the span (DST weeks in several zones, overrides, holes, unknown ids), natural
// (one rotation for a round robin, overrides only where the cycle breaks), the loss
// report, the user map, and whole documents for a small plan.
#include <doctest/doctest.h>

#include "core/interop/cycle.hpp"
#include "interop_helpers.hpp"

using namespace interop_test;
using rp::interop::Vendor;

namespace {

const Vendor kVendors[] = {Vendor::PagerDuty, Vendor::Opsgenie, Vendor::GrafanaOnCall, Vendor::GoAlert};

Json exportDoc(const rp::Plan& plan, Vendor v, const rp::interop::UserMap& users = {}) {
    const auto r = rp::interop::exportVendor(plan, v, users);
    Json doc = Json::parse(r.text);
    CHECK(doc["losses"] == rp::interop::lossesToJson(r.losses));
    return doc;
}

std::vector<std::string> kinds(const Json& doc) {
    std::vector<std::string> out;
    for (const Json& l : doc["losses"]) out.push_back(l["kind"].get<std::string>());
    return out;
}

int count(const std::vector<std::string>& v, const std::string& x) { return static_cast<int>(std::count(v.begin(), v.end(), x)); }

// Overrides (or override shifts) of one role's schedule.
std::size_t overrideCount(Vendor v, const Json& entry) {
    switch (v) {
        case Vendor::PagerDuty: return entry["overrides"]["overrides"].size();
        case Vendor::Opsgenie: return entry["overrides"].size();
        case Vendor::GrafanaOnCall: {
            std::size_t n = 0;
            for (const Json& s : entry["shifts"]) n += s["type"] == "override";
            return n;
        }
        default: return 0;
    }
}

}  // namespace

TEST_CASE("interop: the base cycle explains the most weeks, shortest period on ties") {
    using rp::interop::findBaseCycle;
    CHECK(findBaseCycle({"a", "b", "c", "a", "b", "c", "a"}).people == std::vector<std::string>{"a", "b", "c"});
    CHECK(findBaseCycle({"a", "b", "c", "a", "b", "c", "a"}).explained == 7);
    // A swap breaks two weeks; the cycle stays.
    auto swapped = findBaseCycle({"a", "b", "c", "b", "a", "c", "a", "b", "c"});
    CHECK(swapped.people == std::vector<std::string>{"a", "b", "c"});
    CHECK(swapped.explained == 7);
    // Holes explain nothing but do not move the phase.
    auto holes = findBaseCycle({"a", "", "c", "a", "b", ""});
    CHECK(holes.people == std::vector<std::string>{"a", "b", "c"});
    CHECK(holes.explained == 4);
    CHECK(findBaseCycle({"", ""}).people.empty());
    CHECK(findBaseCycle({"x"}).people == std::vector<std::string>{"x"});
    // The same person every week: a cycle of one.
    CHECK(findBaseCycle({"x", "x", "x"}).people == std::vector<std::string>{"x"});
}

TEST_CASE("interop: a plain round robin is one native rotation per role, no override, no loss") {
    const rp::Plan plan = load(planText("Europe/Berlin", "monday", "09:00", "2026-01-05", roundRobin(12, {"alice", "bob", "carol"})));
    rp::interop::UserMap users;
    users.given = true;
    for (const char* p : {"alice", "bob", "carol", "dan", "lee"}) users.by_key.emplace_back(p, std::string("U-") + p);
    for (Vendor v : kVendors) {
        CAPTURE(rp::interop::vendorName(v));
        const Json doc = exportDoc(plan, v, users);
        CHECK(doc["losses"].empty());
        CHECK(doc["schedules"].size() == 2);
        for (const Json& s : doc["schedules"]) CHECK(overrideCount(v, s) == 0);
    }
    const Json pd = exportDoc(plan, Vendor::PagerDuty, users);
    const Json& layers = pd["schedules"][0]["body"]["schedule"]["schedule_layers"];
    REQUIRE(layers.size() == 1);
    CHECK(layers[0]["end"].is_null());   // it keeps rotating after the plan
    CHECK(layers[0]["users"].size() == 3);
    CHECK(layers[0]["users"][0]["user"]["id"] == "U-alice");
    CHECK(layers[0]["rotation_virtual_start"] == "2026-01-05T09:00:00+01:00");
    const Json og = exportDoc(plan, Vendor::Opsgenie, users);
    CHECK(og["schedules"][1]["body"]["rotations"][0]["participants"][0]["id"] == "U-bob");
    const Json ga = exportDoc(plan, Vendor::GoAlert, users);
    CHECK(ga["schedules"][0]["createSchedule"]["targets"][0]["newRotation"]["userIDs"] == Json::array({"U-alice", "U-bob", "U-carol"}));
}

TEST_CASE("interop: exports are exact across DST weeks in several zones") {
    struct Case {
        const char* zone;
        const char* weekday;
        const char* time;
        const char* first;
    };
    const Case cases[] = {
        {"America/New_York", "monday", "09:00", "2026-02-23"},   // 8 March and 1 November
        {"Europe/Berlin", "sunday", "02:30", "2026-03-15"},       // 02:30 missing on 29 March, twice on 25 October
        {"Europe/Berlin", "sunday", "02:30", "2026-03-29"},       // the first handoff is the missing 02:30
        {"Australia/Sydney", "sunday", "02:30", "2026-03-22"},    // southern hemisphere, both changes
        {"Asia/Kolkata", "wednesday", "09:15", "2026-01-07"},     // no DST; a :15 handoff
        {"Pacific/Auckland", "monday", "00:00", "2026-03-30"},
        {"America/Sao_Paulo", "friday", "17:45", "2026-01-02"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        // 36 weeks: a round robin with a swapped pair of weeks, an unassigned week, an
        // unknown id, and overrides (one across a handoff).
        auto weeks = roundRobin(36, {"alice", "bob", "carol", "dan"});
        std::swap(weeks[5].first, weeks[6].first);
        weeks[9] = {"", ""};
        weeks[14].second = "zed";
        const rp::Date d0 = *rp::parseDate(c.first);
        const std::string w3 = rp::formatDate(d0 + date::days{7 * 3 + 2});
        const std::string w20 = rp::formatDate(d0 + date::days{7 * 20 + 6});
        const std::string w21 = rp::formatDate(d0 + date::days{7 * 21 + 1});
        const std::string overrides = R"([{"role":"primary","person":"carol","from":")" + w3 + R"(T18:00","to":")" + w3 +
                                      R"(T23:30"},{"role":"secondary","person":"alice","from":")" + w20 + R"(T12:00","to":")" +
                                      w21 + R"(T12:00"}])";
        std::vector<std::string> shadows(36, "");
        shadows[2] = shadows[3] = "tim";
        const rp::Plan plan = load(planText(c.zone, c.weekday, c.time, c.first, weeks, overrides, shadows));
        for (Vendor v : kVendors) {
            CAPTURE(rp::interop::vendorName(v));
            checkExact(v, plan, exportDoc(plan, v));
        }
    }
}

TEST_CASE("interop: the test readings of the documents notice a wrong document") {
    const rp::Plan plan = load(planText("America/New_York", "monday", "09:00", "2026-02-23", roundRobin(12, {"alice", "bob", "carol"})));
    Json g = exportDoc(plan, Vendor::GrafanaOnCall);
    Json& shifts = g["schedules"][0]["shifts"];
    REQUIRE(shifts.back()["type"] == "override");
    shifts.erase(shifts.size() - 1);   // the DST hour
    CHECK(mismatches(Vendor::GrafanaOnCall, plan, g) > 0);
    Json p = exportDoc(plan, Vendor::PagerDuty);
    p["schedules"][1]["body"]["schedule"]["schedule_layers"][0]["rotation_virtual_start"] = "2026-02-16T09:00:00-05:00";
    CHECK(mismatches(Vendor::PagerDuty, plan, p) > 0);
    Json o = exportDoc(plan, Vendor::Opsgenie);
    o["schedules"][0]["body"]["rotations"][0]["startDate"] = "2026-02-23T08:00:00-05:00";
    CHECK(mismatches(Vendor::Opsgenie, plan, o) > 0);
    Json a = exportDoc(plan, Vendor::GoAlert);
    a["schedules"][0]["temporarySchedule"]["shifts"][3]["userID"] = "dan";
    CHECK(mismatches(Vendor::GoAlert, plan, a) > 0);
}

TEST_CASE("interop: each week that breaks the cycle costs one override per differing piece") {
    auto weeks = roundRobin(10, {"alice", "bob", "carol"});
    weeks[4].first = "dan";   // one week replaced
    const rp::Plan plan = load(planText("UTC", "monday", "09:00", "2026-01-05", weeks,
                                        R"([{"role":"primary","person":"bob","from":"2026-01-07T18:00","to":"2026-01-08T09:00"}])"));
    for (Vendor v : {Vendor::PagerDuty, Vendor::Opsgenie, Vendor::GrafanaOnCall}) {
        CAPTURE(rp::interop::vendorName(v));
        const Json doc = exportDoc(plan, v);
        CHECK(overrideCount(v, scheduleOf(doc, "primary")) == 2);   // dan's week, bob's evening
        CHECK(overrideCount(v, scheduleOf(doc, "secondary")) == 0);
        checkExact(v, plan, doc);
    }
}

TEST_CASE("interop: Grafana OnCall needs one override per DST change, PagerDuty and Opsgenie none") {
    const rp::Plan plan = load(planText("America/New_York", "monday", "09:00", "2026-02-23", roundRobin(40, {"alice", "bob", "carol"})));
    const Json g = exportDoc(plan, Vendor::GrafanaOnCall);
    const Json& shifts = scheduleOf(g, "primary")["shifts"];
    std::vector<Json> fixes;
    for (const Json& s : shifts)
        if (s["type"] == "override") fixes.push_back(s);
    REQUIRE(fixes.size() == 2);
    // Spring: the 604800 s occurrence of the short week runs an hour into the next week.
    CHECK(fixes[0]["start"] == "2026-03-09T09:00:00");
    CHECK(fixes[0]["duration"] == 3600);
    CHECK(fixes[0]["users"] == Json::array({"carol"}));
    // Autumn: it stops an hour before the handoff of the long week's end.
    CHECK(fixes[1]["start"] == "2026-11-02T08:00:00");
    CHECK(fixes[1]["duration"] == 3600);
    for (Vendor v : {Vendor::PagerDuty, Vendor::Opsgenie})
        CHECK(overrideCount(v, scheduleOf(exportDoc(plan, v), "primary")) == 0);
}

TEST_CASE("interop: Opsgenie's :00/:30 rotation dates with a 09:15 handoff stay exact through overrides") {
    const rp::Plan plan = load(planText("Europe/London", "monday", "09:15", "2026-03-02", roundRobin(8, {"alice", "bob"})));
    const Json doc = exportDoc(plan, Vendor::Opsgenie);
    const Json& primary = scheduleOf(doc, "primary");
    CHECK(primary["body"]["rotations"][0]["startDate"] == "2026-03-02T09:00:00+00:00");
    CHECK(primary["overrides"].size() == 8);   // the 15 minutes before each handoff after the first
    CHECK(primary["overrides"][0]["startDate"] == "2026-03-09T09:00:00+00:00");
    CHECK(primary["overrides"][0]["endDate"] == "2026-03-09T09:15:00+00:00");
    CHECK(primary["overrides"][0]["user"]["username"] == "alice@example.com");
    CHECK(primary["overrides"][0]["alias"] == "rotaplan-primary-2026-03-02-1");
    CHECK(count(kinds(doc), "rounded-time") == 2);
    checkExact(Vendor::Opsgenie, plan, doc);
}

TEST_CASE("interop: an Opsgenie override before its rotation starts names no rotation") {
    // The first handoff (Sunday 02:30, 29 March) is a local time DST skips: the rotation
    // starts a week later and week 0 is an override. An override naming the rotation would
    // apply only where the rotation is active, i.e. nowhere in week 0.
    const rp::Plan plan = load(planText("Europe/Berlin", "sunday", "02:30", "2026-03-29", roundRobin(6, {"alice", "bob", "carol"})));
    const Json doc = exportDoc(plan, Vendor::Opsgenie);
    const Json& primary = scheduleOf(doc, "primary");
    CHECK(primary["body"]["rotations"][0]["startDate"] == "2026-04-05T02:30:00+02:00");
    REQUIRE(primary["overrides"].size() == 1);
    CHECK(primary["overrides"][0]["startDate"] == "2026-03-29T03:00:00+02:00");
    CHECK(primary["overrides"][0]["endDate"] == "2026-04-05T02:30:00+02:00");
    CHECK_FALSE(primary["overrides"][0].contains("rotations"));
    checkExact(Vendor::Opsgenie, plan, doc);
    // The same document with the override tied to the rotation leaves week 0 to nobody.
    Json tied = doc;
    for (Json& entry : tied["schedules"]) for (Json& o : entry["overrides"]) o["rotations"] = Json::array({Json{{"name", "weekly"}}});
    CHECK(mismatches(Vendor::Opsgenie, plan, tied) > 0);
}

TEST_CASE("interop: holes stay holes") {
    auto weeks = roundRobin(8, {"alice", "bob", "carol"});
    weeks[3] = {"", ""};
    const rp::Plan plan = load(planText("America/Chicago", "tuesday", "10:00", "2026-02-24", weeks));
    const Json pd = exportDoc(plan, Vendor::PagerDuty);
    const Json& layers = scheduleOf(pd, "primary")["body"]["schedule"]["schedule_layers"];
    REQUIRE(layers.size() == 2);
    CHECK(layers[0]["end"] == "2026-03-17T10:00:00-05:00");
    CHECK(layers[1]["start"] == "2026-03-24T10:00:00-05:00");
    CHECK(layers[1]["rotation_virtual_start"] == layers[0]["rotation_virtual_start"]);
    const Json og = exportDoc(plan, Vendor::Opsgenie);
    CHECK(scheduleOf(og, "primary")["overrides"][0]["user"] == Json{{"type", "none"}});
    const Json gr = exportDoc(plan, Vendor::GrafanaOnCall);
    const Json& shifts = scheduleOf(gr, "primary")["shifts"];
    // Two runs of the rotation, the hour of 8 March's change, and the minute before the
    // first run's until.
    REQUIRE(shifts.size() == 4);
    CHECK(shifts[0]["until"] == "2026-03-17T09:59:00");
    CHECK(shifts[2]["type"] == "override");
    CHECK(shifts[2]["start"] == "2026-03-10T10:00:00");
    CHECK(shifts[2]["duration"] == 3600);
    CHECK(shifts[3]["start"] == "2026-03-17T09:59:00");
    CHECK(shifts[3]["duration"] == 60);
    CHECK(shifts[1]["start"] == "2026-03-24T10:00:00");
    CHECK(shifts[1]["start_rotation_from_user_index"] == 1);   // week 4 of a cycle of 3
    for (Vendor v : kVendors) checkExact(v, plan, exportDoc(plan, v));
    // A gap between weeks is a hole too.
    rp::Plan gap = plan;
    gap.weeks.erase(gap.weeks.begin() + 3);
    for (Vendor v : kVendors) checkExact(v, gap, exportDoc(gap, v));
}

TEST_CASE("interop: a Grafana run never ends with a week that loses an hour") {
    // 2026-03-02's week loses an hour (8 March); the next week is unassigned.
    auto weeks = roundRobin(6, {"alice", "bob", "carol"});
    weeks[3] = {"", ""};
    const rp::Plan plan = load(planText("America/New_York", "monday", "09:00", "2026-02-16", weeks));
    const Json g = exportDoc(plan, Vendor::GrafanaOnCall);
    const Json& shifts = scheduleOf(g, "primary")["shifts"];
    REQUIRE(shifts[0]["type"] == "rolling_users");
    CHECK(shifts[0]["until"] == "2026-03-02T08:59:00");   // the run stops before the short week
    checkExact(Vendor::GrafanaOnCall, plan, g);             // under both readings of until
}

TEST_CASE("interop: the loss report") {
    rp::Plan plan = load(planText("UTC", "monday", "09:00", "2026-01-05", roundRobin(4, {"alice", "bob", "zed"}),
                                  R"([{"role":"primary","person":"bob","from":"2026-02-01T09:00","to":"2026-02-03T09:00"}])"));
    plan.contacts.ceo = "lee";
    plan.weeks[2].escalation = "dan";
    const Json doc = exportDoc(plan, Vendor::PagerDuty);
    const Json& losses = doc["losses"];
    // Unmapped people (no --users), each once, by id.
    std::vector<std::string> unmapped;
    for (const Json& l : losses)
        if (l["kind"] == "unmapped-person") unmapped.push_back(l["person"]);
    CHECK(unmapped == std::vector<std::string>{"alice", "bob", "lee", "zed"});   // dan is only named in a loss
    // The override beyond the last week.
    bool outside = false, contact = false, ceo = false;
    for (const Json& l : losses) {
        outside |= l["kind"] == "outside-span" && l["person"] == "bob" && l["role"] == "primary";
        contact |= l["kind"] == "unsupported" && l["week"] == "2026-01-19" && l["person"] == "dan";
        ceo |= l["kind"] == "unsupported" && l["person"] == "lee" && l["week"].is_null();
        CHECK(l.size() == 5);
        CHECK(!l["detail"].get<std::string>().empty());
    }
    CHECK(outside);
    CHECK(contact);
    CHECK(ceo);
    // Opsgenie needs no map for people with e-mails; zed has none.
    const Json og = exportDoc(plan, Vendor::Opsgenie);
    std::vector<std::string> og_unmapped;
    for (const Json& l : og["losses"])
        if (l["kind"] == "unmapped-person") og_unmapped.push_back(l["person"]);
    CHECK(og_unmapped == std::vector<std::string>{"zed"});
}

TEST_CASE("interop: --users as a flat map or a vendor's user list, by e-mail, case-insensitively") {
    const rp::Plan plan = load(planText("UTC", "monday", "09:00", "2026-01-05", roundRobin(3, {"alice", "bob"})));
    auto parsed = rp::interop::readUserMap(
        R"({"users": [{"id": "PA", "email": "ALICE@example.com"}, {"id": "PB", "email": "bob@Example.com"}, {"id": "PL", "email": "lee@example.com"}]})");
    REQUIRE(std::holds_alternative<rp::interop::UserMap>(parsed));
    Json doc = exportDoc(plan, Vendor::PagerDuty, std::get<rp::interop::UserMap>(parsed));
    CHECK(doc["losses"].empty());
    CHECK(scheduleOf(doc, "primary")["body"]["schedule"]["schedule_layers"][0]["users"][1]["user"]["id"] == "PB");
    for (const char* text : {R"({"results": [{"id": "G1", "email": "alice@example.com", "username": "alice"}]})",
                             R"({"data": [{"id": "O1", "username": "alice@example.com"}]})",
                             R"({"data": {"users": {"nodes": [{"id": "GA1", "email": "alice@example.com"}]}}})",
                             R"({"alice": "X1"})", R"({"alice@example.com": "X1"})"}) {
        CAPTURE(text);
        auto m = rp::interop::readUserMap(text);
        REQUIRE(std::holds_alternative<rp::interop::UserMap>(m));
        const Json d = exportDoc(plan, Vendor::GoAlert, std::get<rp::interop::UserMap>(m));
        CHECK(scheduleOf(d, "primary")["temporarySchedule"]["shifts"][0]["userID"] != "alice");
        CHECK(scheduleOf(d, "secondary")["temporarySchedule"]["shifts"][0]["userID"] == "bob");  // unmapped: the plan id
    }
    auto bad = rp::interop::readUserMap(R"({"alice": 12})");
    REQUIRE(std::holds_alternative<rp::interop::InputError>(bad));
    CHECK(std::get<rp::interop::InputError>(bad).str() == "/alice (line 1, column 11): expected the vendor user id of \"alice\" as a string, found 12");
    bad = rp::interop::readUserMap(R"({"users": [{"email": "a@b"}]})");
    REQUIRE(std::holds_alternative<rp::interop::InputError>(bad));
    CHECK(std::get<rp::interop::InputError>(bad).str() == "/users/0/id (line 1, column 12): missing: expected the vendor's user id");
}

TEST_CASE("interop: export documents are byte-stable and whole") {
    const rp::Plan plan = load(planText("America/New_York", "monday", "09:00", "2026-11-30",
                                        {{"alice", "bob"}, {"bob", "carol"}},
                                        R"([{"role":"primary","person":"carol","from":"2026-12-02T18:00","to":"2026-12-03T09:00"}])"));
    for (Vendor v : kVendors) CHECK(rp::interop::exportVendor(plan, v, {}).text == rp::interop::exportVendor(plan, v, {}).text);
    rp::interop::UserMap users;
    users.given = true;
    users.by_key = {{"alice", "PA"}, {"bob", "PB"}, {"carol", "PC"}, {"lee", "PL"}};
    const std::string pd = rp::interop::exportVendor(plan, Vendor::PagerDuty, users).text;
    const char* expected = R"({
  "rotaplan_pagerduty": 1,
  "schedules": [
    {
      "role": "primary",
      "body": {
        "schedule": {
          "type": "schedule",
          "name": "Ops primary",
          "time_zone": "America/New_York",
          "description": "Rotaplan: the primary rotation of Ops, handing off weekly on monday at 09:00 (America/New_York). Create it with POST /schedules, then send the 1 override(s) with POST /schedules/{id}/overrides.",
          "schedule_layers": [
            {
              "name": "Layer 1",
              "start": "2026-11-30T09:00:00-05:00",
              "end": null,
              "rotation_virtual_start": "2026-11-30T09:00:00-05:00",
              "rotation_turn_length_seconds": 604800,
              "users": [
                {
                  "user": {
                    "id": "PA",
                    "type": "user_reference"
                  }
                },
                {
                  "user": {
                    "id": "PB",
                    "type": "user_reference"
                  }
                }
              ],
              "restrictions": []
            }
          ]
        }
      },
      "overrides": {
        "overrides": [
          {
            "start": "2026-12-02T18:00:00-05:00",
            "end": "2026-12-03T09:00:00-05:00",
            "user": {
              "id": "PC",
              "type": "user_reference"
            }
          }
        ]
      }
    },
    {
      "role": "secondary",
      "body": {
        "schedule": {
          "type": "schedule",
          "name": "Ops secondary",
          "time_zone": "America/New_York",
          "description": "Rotaplan: the secondary rotation of Ops, handing off weekly on monday at 09:00 (America/New_York). Create it with POST /schedules, then send the 0 override(s) with POST /schedules/{id}/overrides.",
          "schedule_layers": [
            {
              "name": "Layer 1",
              "start": "2026-11-30T09:00:00-05:00",
              "end": null,
              "rotation_virtual_start": "2026-11-30T09:00:00-05:00",
              "rotation_turn_length_seconds": 604800,
              "users": [
                {
                  "user": {
                    "id": "PB",
                    "type": "user_reference"
                  }
                },
                {
                  "user": {
                    "id": "PC",
                    "type": "user_reference"
                  }
                }
              ],
              "restrictions": []
            }
          ]
        }
      },
      "overrides": {
        "overrides": []
      }
    }
  ],
  "escalation_policy": {
    "escalation_policy": {
      "type": "escalation_policy",
      "name": "Ops",
      "description": "Rotaplan: primary, then secondary, then the escalation contacts, one rule every 30 minutes. Each schedule_reference id is a placeholder holding the schedule's name: replace it with the id PagerDuty gave that schedule.",
      "num_loops": 0,
      "escalation_rules": [
        {
          "escalation_delay_in_minutes": 30,
          "targets": [
            {
              "id": "Ops primary",
              "type": "schedule_reference"
            }
          ]
        },
        {
          "escalation_delay_in_minutes": 30,
          "targets": [
            {
              "id": "Ops secondary",
              "type": "schedule_reference"
            }
          ]
        },
        {
          "escalation_delay_in_minutes": 30,
          "targets": [
            {
              "id": "PL",
              "type": "user_reference"
            }
          ]
        }
      ]
    }
  },
  "losses": []
}
)";
    CHECK(pd == expected);

    const Json g = Json::parse(rp::interop::exportVendor(plan, Vendor::GrafanaOnCall, users).text);
    CHECK(g["schedules"][0]["shifts"][0].dump() ==
          R"({"name":"ops-primary-rotation","type":"rolling_users","time_zone":"America/New_York","level":1,"start":"2026-11-30T09:00:00","rotation_start":"2026-11-30T09:00:00","duration":604800,"frequency":"weekly","interval":1,"week_start":"MO","rolling_users":[["PA"],["PB"]],"start_rotation_from_user_index":0})");
    CHECK(g["schedules"][0]["shifts"][1].dump() ==
          R"({"name":"ops-primary-2026-11-30-1","type":"override","time_zone":"America/New_York","start":"2026-12-02T18:00:00","duration":54000,"users":["PC"]})");
    CHECK(g["escalation_chain"].dump() == R"({"name":"Ops"})");
    CHECK(g["escalation_policies"].dump() ==
          R"([{"escalation_chain_id":"Ops","position":0,"type":"notify_on_call_from_schedule","notify_on_call_from_schedule":"Ops primary"},{"escalation_chain_id":"Ops","position":1,"type":"wait","duration":1800},{"escalation_chain_id":"Ops","position":2,"type":"notify_on_call_from_schedule","notify_on_call_from_schedule":"Ops secondary"},{"escalation_chain_id":"Ops","position":3,"type":"wait","duration":1800},{"escalation_chain_id":"Ops","position":4,"type":"notify_persons","persons_to_notify":["PL"]}])");

    const Json o = Json::parse(rp::interop::exportVendor(plan, Vendor::Opsgenie, users).text);
    CHECK(o["schedules"][0]["body"].dump() ==
          R"({"name":"Ops primary","timezone":"America/New_York","enabled":true,"rotations":[{"name":"weekly","startDate":"2026-11-30T09:00:00-05:00","type":"weekly","length":1,"participants":[{"type":"user","id":"PA"},{"type":"user","id":"PB"}]}]})");
    CHECK(o["schedules"][0]["overrides"].dump() ==
          R"([{"alias":"rotaplan-primary-2026-11-30-1","user":{"type":"user","id":"PC"},"startDate":"2026-12-02T18:00:00-05:00","endDate":"2026-12-03T09:00:00-05:00","rotations":[{"name":"weekly"}]}])");
    CHECK(o["escalation"]["rules"][2].dump() ==
          R"({"condition":"if-not-closed","notifyType":"default","delay":{"timeAmount":60,"timeUnit":"minutes"},"recipient":{"type":"user","id":"PL"}})");

    const Json a = Json::parse(rp::interop::exportVendor(plan, Vendor::GoAlert, users).text);
    CHECK(a["schedules"][0]["temporarySchedule"].dump() ==
          R"({"scheduleID":"Ops primary","start":"2026-11-30T09:00:00-05:00","end":"2026-12-14T09:00:00-05:00","shifts":[{"userID":"PA","start":"2026-11-30T09:00:00-05:00","end":"2026-12-02T18:00:00-05:00"},{"userID":"PC","start":"2026-12-02T18:00:00-05:00","end":"2026-12-03T09:00:00-05:00"},{"userID":"PA","start":"2026-12-03T09:00:00-05:00","end":"2026-12-07T09:00:00-05:00"},{"userID":"PB","start":"2026-12-07T09:00:00-05:00","end":"2026-12-14T09:00:00-05:00"}]})");
    CHECK(a["escalationPolicy"]["steps"][2].dump() ==
          R"({"delayMinutes":30,"actions":[{"type":"builtin-user","args":{"user_id":"PL"}}]})");
    CHECK(a["escalationPolicy"]["repeat"] == 0);
}

TEST_CASE("interop: a plan without weeks exports empty schedules and its escalation") {
    const rp::Plan plan = load(planText("UTC", "monday", "09:00", "2026-01-05", {}));
    for (Vendor v : kVendors) {
        CAPTURE(rp::interop::vendorName(v));
        const Json doc = exportDoc(plan, v);
        CHECK(doc["schedules"].size() == 2);
    }
}
