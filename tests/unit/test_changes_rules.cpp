// The published-rotation rules (changes.md): late-change, history-change, not-ready, and
// Rotaplan's escalation-on-call and inactive_from; exact reports. Plans without
// `published` or `policy.readiness` check exactly as before, whatever today is.
#include <doctest/doctest.h>

#include <map>

#include "core/model/plan_io.hpp"
#include "core/rules/check.hpp"
#include "test_data.hpp"

using namespace rp;

namespace doctest {
template <> struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string s = "{";
        for (const auto& x : v) s += "\n  \"" + x + "\"";
        return (s + "}").c_str();
    }
};
}  // namespace doctest

namespace {

// Ops, America/New_York: five clean weeks from 2026-11-30, published on 2026-11-16 as
// they stand; notice 14 days.
Json baseJson() {
    Json j = Json::parse(R"JSON({
      "rotaplan": 1,
      "team": { "name": "Ops", "timezone": "America/New_York" },
      "people": [
        { "id": "alice", "name": "Alice Ng" }, { "id": "bob", "name": "Bob Osei" },
        { "id": "carol", "name": "Carol Diaz" }, { "id": "dev", "name": "Dev Rao" },
        { "id": "gina", "name": "Gina Park", "trainee": true },
        { "id": "dana", "name": "Dana Li", "on_call": false }
      ],
      "contacts": { "engineering_lead": "dana" },
      "weeks": [
        { "start": "2026-11-30", "primary": "alice", "secondary": "bob" },
        { "start": "2026-12-07", "primary": "carol", "secondary": "dev" },
        { "start": "2026-12-14", "primary": "bob", "secondary": "alice" },
        { "start": "2026-12-21", "primary": "dev", "secondary": "carol" },
        { "start": "2026-12-28", "primary": "alice", "secondary": "bob" }
      ]
    })JSON");
    Json pub = Json::object();
    pub["at"] = "2026-11-16";
    pub["weeks"] = Json::array();
    for (const Json& w : j["weeks"])
        pub["weeks"].push_back({{"start", w["start"]}, {"primary", w["primary"]}, {"secondary", w["secondary"]},
                                {"escalation", "dana"}, {"shadow", nullptr}});
    pub["overrides"] = Json::array();
    j["published"] = pub;
    return j;
}

Plan make(const Json& j) {
    LoadResult r = readPlan(j.dump());
    REQUIRE_MESSAGE(r.ok(), (r.error ? r.error->str() : ""));
    return *r.plan;
}

Report checkOn(const Plan& p, const char* today) {
    CheckOptions o;
    o.today = *parseDate(today);
    return check(p, o);
}

// The report as "severity week rule [people] message" lines; fairness left out (these
// plans move single weeks around) unless asked for.
std::vector<std::string> lines(const Report& r, bool fairness = false) {
    std::vector<std::string> out;
    for (const Violation& v : r.violations) {
        if (v.rule == "fairness" && !fairness) continue;
        std::string people;
        for (const auto& p : v.people) people += (people.empty() ? "" : ",") + p;
        out.push_back(std::string(severityName(v.severity)) + " " + (v.week ? formatDate(*v.week) : "-") + " " + v.rule +
                      " [" + people + "] " + v.message);
    }
    return out;
}

using Lines = std::vector<std::string>;

int keysOfRule(const Report& r, const char* rule) {
    int n = 0;
    for (const Violation& v : r.violations) n += v.rule == rule ? 1 : 0;
    return n;
}

// Swaps the primary and secondary of week k.
void swapRoles(Json& j, int k) { std::swap(j["weeks"][k]["primary"], j["weeks"][k]["secondary"]); }

}  // namespace

TEST_CASE("late-change: an edit inside the notice window is an error") {
    Json j = baseJson();
    swapRoles(j, 1);  // the week of 2026-12-07, 6 days after today
    CHECK(lines(checkOn(make(j), "2026-12-01")) ==
          Lines{"error 2026-12-07 late-change [carol,dev] The week of 2026-12-07 is inside the 14-day notice window but "
                "differs from the rotation published on 2026-11-16: primary Carol Diaz -> Dev Rao; secondary Dev Rao -> "
                "Carol Diaz"});
    // The week under way when today begins counts too; the JSON form is the usual one.
    Json k = baseJson();
    swapRoles(k, 0);
    const Report r = checkOn(make(k), "2026-12-01");
    CHECK(lines(r) == Lines{"error 2026-11-30 late-change [alice,bob] The week of 2026-11-30 is inside the 14-day notice "
                            "window but differs from the rotation published on 2026-11-16: primary Alice Ng -> Bob Osei; "
                            "secondary Bob Osei -> Alice Ng"});
    CHECK(reportToJson(r).dump() ==
          R"({"errors":1,"warnings":0,"violations":[{"rule":"late-change","severity":"error","week":"2026-11-30","people":["alice","bob"],"request":null,"message":"The week of 2026-11-30 is inside the 14-day notice window but differs from the rotation published on 2026-11-16: primary Alice Ng -> Bob Osei; secondary Bob Osei -> Alice Ng"}]})");
}

TEST_CASE("late-change: an edit outside the notice window is fine; no today, no date rules") {
    Json j = baseJson();
    swapRoles(j, 3);  // the week of 2026-12-21 starts 20 days after today
    const Plan p = make(j);
    CHECK(lines(checkOn(p, "2026-12-01")).empty());
    // The week of 2026-12-14 starts at 09:00 on the window's last day: inside.
    Json k = baseJson();
    swapRoles(k, 2);
    CHECK(keysOfRule(checkOn(make(k), "2026-12-01"), "late-change") == 1);
    CHECK(keysOfRule(checkOn(make(k), "2026-12-02"), "late-change") == 1);
    // Without today (simulate, and check(plan)) the date rules are silent.
    CHECK(lines(check(make(k))).empty());
    // change_notice_days 0: no window at all.
    k["policy"] = {{"change_notice_days", 0}};
    CHECK(lines(checkOn(make(k), "2026-12-14")).empty());
}

TEST_CASE("late-change: an emergency week is a warning") {
    Json j = baseJson();
    swapRoles(j, 1);
    j["weeks"][1]["emergency"] = true;
    CHECK(lines(checkOn(make(j), "2026-12-01")) ==
          Lines{"warning 2026-12-07 late-change [carol,dev] The week of 2026-12-07 is inside the 14-day notice window but "
                "differs from the rotation published on 2026-11-16: primary Carol Diaz -> Dev Rao; secondary Dev Rao -> "
                "Carol Diaz; allowed as an emergency week"});
}

TEST_CASE("late-change: an applied request explains the change") {
    Json j = baseJson();
    swapRoles(j, 1);
    Json req = {{"id", "q1"}, {"type", "swap"}, {"submitted", "2026-11-20"}, {"by", "carol"}, {"week", "2026-12-07"},
                {"role", "primary"}, {"with", "dev"}, {"with_week", "2026-12-07"}, {"with_role", "secondary"},
                {"status", "applied"}};
    j["requests"] = Json::array({req});
    // Submitted 17 days before the week: on time, so the change was announced in time.
    CHECK(lines(checkOn(make(j), "2026-12-01")).empty());
    // Submitted 13 days before: not enough notice; the change is a late change.
    j["requests"][0]["submitted"] = "2026-11-24";
    CHECK(lines(checkOn(make(j), "2026-12-01")) ==
          Lines{"error 2026-12-07 late-change [carol,dev] The week of 2026-12-07 is inside the 14-day notice window but "
                "differs from the rotation published on 2026-11-16: primary Carol Diaz -> Dev Rao; secondary Dev Rao -> "
                "Carol Diaz"});
    // The same, as an emergency request: a warning naming it.
    j["requests"][0]["emergency"] = true;
    CHECK(lines(checkOn(make(j), "2026-12-01")) ==
          Lines{"warning 2026-12-07 late-change [carol,dev] The week of 2026-12-07 is inside the 14-day notice window but "
                "differs from the rotation published on 2026-11-16: primary Carol Diaz -> Dev Rao; secondary Dev Rao -> "
                "Carol Diaz; allowed as an emergency (q1)"});
    // A request that explains only one side leaves the other unexplained.
    Json c = baseJson();
    c["weeks"][1]["primary"] = "bob";
    c["weeks"][1]["secondary"] = "alice";
    c["requests"] = Json::array({{{"id", "c1"}, {"type", "cover"}, {"submitted", "2026-11-01"}, {"by", "carol"},
                                  {"week", "2026-12-07"}, {"role", "primary"}, {"with", "bob"}, {"status", "applied"}}});
    const Report r = checkOn(make(c), "2026-12-01");
    REQUIRE(r.errors >= 1);
    CHECK(keysOfRule(r, "late-change") == 1);
    // Pending requests explain nothing (only applied ones describe what was done).
    c["weeks"][1]["secondary"] = "dev";
    c["requests"][0]["status"] = "pending";
    CHECK(keysOfRule(checkOn(make(c), "2026-12-01"), "late-change") == 1);
}

TEST_CASE("history-change: a past week rewritten is a warning") {
    Json j = baseJson();
    swapRoles(j, 0);  // the week of 2026-11-30 ended at 09:00 on 2026-12-07
    CHECK(lines(checkOn(make(j), "2026-12-10")) ==
          Lines{"warning 2026-11-30 history-change [alice,bob] The week of 2026-11-30 ended before today (2026-12-10) but "
                "differs from the rotation published on 2026-11-16: primary Alice Ng -> Bob Osei; secondary Bob Osei -> "
                "Alice Ng"});
    // A week removed from the plan was rewritten too.
    Json k = baseJson();
    k["weeks"].erase(0);
    CHECK(lines(checkOn(make(k), "2026-12-10")) ==
          Lines{"warning 2026-11-30 history-change [alice,bob,dana] The week of 2026-11-30 ended before today "
                "(2026-12-10) but differs from the rotation published on 2026-11-16: primary Alice Ng -> nobody; "
                "secondary Bob Osei -> nobody; escalation contact Dana Li -> nobody"});
}

TEST_CASE("late-change: an override added next Tuesday") {
    Json j = baseJson();
    j["overrides"] = Json::array({{{"role", "primary"}, {"person", "alice"}, {"from", "2026-12-08T18:00"},
                                   {"to", "2026-12-09T09:00"}, {"reason", "carol at a wedding"}}});
    CHECK(lines(checkOn(make(j), "2026-12-01")) ==
          Lines{"error 2026-12-07 late-change [alice,carol] The week of 2026-12-07 is inside the 14-day notice window but "
                "differs from the rotation published on 2026-11-16: primary Carol Diaz -> Alice Ng from 2026-12-08 18:00 "
                "to 2026-12-09 09:00"});
    // Published with the override, it is no change; an escalation contact moved is one.
    j["published"]["overrides"] = j["overrides"];
    j["weeks"][1]["escalation"] = "bob";
    CHECK(lines(checkOn(make(j), "2026-12-01")) ==
          Lines{"error 2026-12-07 late-change [bob,dana] The week of 2026-12-07 is inside the 14-day notice window but "
                "differs from the rotation published on 2026-11-16: escalation contact Dana Li -> Bob Osei"});
    // A shadow added is no late change (the rule looks at primary, secondary, escalation).
    Json k = baseJson();
    k["weeks"][1]["shadow"] = "gina";
    CHECK(lines(checkOn(make(k), "2026-12-01")).empty());
}

TEST_CASE("not-ready: a trainee with one shadow week made primary, a checklist item missing, ready_since") {
    Json j = baseJson();
    j.erase("published");
    j["policy"] = {{"readiness", {{"shadow_weeks", 2}, {"checklist", {"github", "runbooks-reviewed"}}}}};
    for (auto& p : j["people"]) p["ready_since"] = "2026-01-01";
    j["people"][4].erase("ready_since");
    j["people"][4]["ready"] = {"github"};
    j["weeks"][1]["shadow"] = "gina";
    j["weeks"][3]["primary"] = "gina";  // the week of 2026-12-21
    CHECK(lines(check(make(j))) ==
          Lines{"error 2026-12-21 not-eligible [gina] Gina Park is a trainee (trainees may only shadow) and cannot be "
                "primary in the week of 2026-12-21",
                "error 2026-12-21 not-ready [gina] Gina Park is primary in the week of 2026-12-21 but is not ready: 1 of 2 "
                "shadow weeks done; checklist item missing: runbooks-reviewed"});
    // Graduated, with both shadow weeks and the checklist done: ready.
    j["people"][4]["trainee"] = false;
    j["people"][4]["ready"] = {"runbooks-reviewed", "github"};
    j["weeks"][0]["shadow"] = "gina";
    CHECK(keysOfRule(check(make(j)), "not-ready") == 0);
    // A shadow week ends when the next begins, so the week right after it counts.
    j["weeks"][0].erase("shadow");
    j["weeks"][2]["shadow"] = "gina";
    CHECK(keysOfRule(check(make(j)), "not-ready") == 0);
    j["weeks"][2].erase("shadow");
    CHECK(lines(check(make(j)))[0] ==
          "error 2026-12-21 not-ready [gina] Gina Park is primary in the week of 2026-12-21 but is not ready: 1 of 2 "
          "shadow weeks done");
}

TEST_CASE("not-ready: the default checklist, an item missing, ready_since, overrides") {
    Json j = baseJson();
    j.erase("published");
    j["policy"] = {{"readiness", Json::object()}};  // defaults: 1 shadow week, the procedure's eight items
    for (auto& p : j["people"]) p["ready_since"] = "2026-01-01";
    j["people"].push_back({{"id", "hank"}, {"name", "Hank Moss"},
                           {"ready", {"github", "vercel", "supabase", "dashboards", "database-read", "runbooks-reviewed",
                                      "practice-incident"}}});
    j["weeks"][0]["shadow"] = "hank";
    j["weeks"][2]["secondary"] = "hank";
    j["weeks"][4]["secondary"] = "hank";
    const std::string missing = "checklist item missing: sentry";
    CHECK(lines(check(make(j))) ==
          Lines{"error 2026-12-14 not-ready [hank] Hank Moss is secondary in the week of 2026-12-14 but is not ready: " + missing,
                "error 2026-12-28 not-ready [hank] Hank Moss is secondary in the week of 2026-12-28 but is not ready: " + missing});
    // ready_since: fully ready from that date on; weeks before it are judged as usual.
    j["people"][6]["ready_since"] = "2026-12-20";
    CHECK(lines(check(make(j)))[0] ==
          "error 2026-12-14 not-ready [hank] Hank Moss is secondary in the week of 2026-12-14 but is not ready: " + missing);
    CHECK(keysOfRule(check(make(j)), "not-ready") == 1);
    // An override counts as holding the role.
    j["people"][6].erase("ready_since");
    j["weeks"][2]["secondary"] = "alice";
    j["weeks"][4]["secondary"] = "bob";
    j["overrides"] = Json::array({{{"role", "primary"}, {"person", "hank"}, {"from", "2026-12-23T18:00"},
                                   {"to", "2026-12-24T09:00"}}});
    CHECK(lines(check(make(j))) ==
          Lines{"error 2026-12-21 not-ready [hank] Hank Moss is primary in the week of 2026-12-21 but is not ready: " + missing});
    // No policy.readiness: the rule is off.
    j.erase("policy");
    CHECK(lines(check(make(j))).empty());
}

TEST_CASE("escalation-on-call: the escalation contact also on call that week") {
    Json j = baseJson();
    j.erase("published");
    j["people"][5]["on_call"] = true;
    j["weeks"][1]["secondary"] = "dana";  // the default contact, the lead
    j["weeks"][3]["escalation"] = "carol";
    CHECK(lines(check(make(j))) ==
          Lines{"warning 2026-12-07 escalation-on-call [dana] Dana Li, the escalation contact of the week of 2026-12-07, "
                "is also secondary in that week and would be paged twice",
                "warning 2026-12-21 escalation-on-call [carol] Carol Diaz, the escalation contact of the week of "
                "2026-12-21, is also secondary in that week and would be paged twice"});
    // An override counts (resolved shifts).
    Json k = baseJson();
    k.erase("published");
    k["people"][5]["on_call"] = true;
    k["overrides"] = Json::array({{{"role", "primary"}, {"person", "dana"}, {"from", "2026-12-15T18:00"}, {"to", "2026-12-16T09:00"}}});
    CHECK(lines(check(make(k))) ==
          Lines{"warning 2026-12-14 escalation-on-call [dana] Dana Li, the escalation contact of the week of 2026-12-14, "
                "is also primary in that week and would be paged twice"});
}

TEST_CASE("inactive_from: out of the pool from that week on, earlier weeks keep them") {
    Json j = baseJson();
    j.erase("published");
    j["people"][1]["inactive_from"] = "2026-12-14";
    const auto l = lines(check(make(j)));
    REQUIRE(l.size() == 2);
    CHECK(l[0] == "error 2026-12-14 not-eligible [bob] Bob Osei left the rotation pool on 2026-12-14 (inactive_from) and "
                  "cannot be primary in the week of 2026-12-14");
    CHECK(l[1] == "error 2026-12-28 not-eligible [bob] Bob Osei left the rotation pool on 2026-12-14 (inactive_from) and "
                  "cannot be secondary in the week of 2026-12-28");
    // Fairness leaves out people leaving during the plan: with bob's later weeks given to
    // others, the counts of those staying are compared.
    j["people"].push_back({{"id", "erin"}, {"name", "Erin Cho"}});
    j["weeks"][2]["primary"] = "erin";
    j["weeks"][4]["secondary"] = "erin";
    CHECK(lines(check(make(j)), true).empty());
    // An override after the date is not eligible; one before is.
    j["overrides"] = Json::array({{{"role", "primary"}, {"person", "bob"}, {"from", "2026-12-09T18:00"}, {"to", "2026-12-10T09:00"}},
                                  {{"role", "primary"}, {"person", "bob"}, {"from", "2026-12-16T18:00"}, {"to", "2026-12-17T09:00"}}});
    const auto o = lines(check(make(j)));
    CAPTURE(o);
    REQUIRE(o.size() == 1);
    CHECK(o[0] == "error 2026-12-14 not-eligible [bob] Bob Osei left the rotation pool on 2026-12-14 (inactive_from) and "
                  "cannot take the primary override from 2026-12-16 18:00 to 2026-12-17 09:00");
    // Leaving before every week: not in the pool at all (min-engineers counts the rest).
    Json k = baseJson();
    k.erase("published");
    k["people"] = Json::array({{{"id", "alice"}, {"name", "Alice Ng"}}, {{"id", "bob"}, {"name", "Bob Osei"}, {"inactive_from", "2026-01-05"}},
                               {{"id", "dana"}, {"name", "Dana Li"}, {"on_call", false}}});
    k["weeks"] = Json::array({{{"start", "2026-11-30"}, {"primary", "alice"}}});
    bool pool_error = false;
    for (const auto& line : lines(check(make(k))))
        pool_error = pool_error || line == "error - min-engineers [] The rotation pool has only 1 engineer (Alice Ng); at least 2 are needed";
    CHECK(pool_error);
}

TEST_CASE("plans without published or policy.readiness check exactly as before, whatever today is") {
    // tests/data/changes/check-before.json: the reports of every test plan, written by the
    // check before this part existed.
    const Json before = Json::parse(readTestData("changes/check-before.json"));
    REQUIRE(before.size() >= 15);
    for (auto it = before.begin(); it != before.end(); ++it) {
        const std::string rel = it.key();
        CAPTURE(rel);
        const std::string path = rel.rfind("tests/data/", 0) == 0 ? rel.substr(11) : "../../" + rel;
        const Plan p = loadTestPlan(path);
        REQUIRE_FALSE(p.published);
        REQUIRE_FALSE(p.policy.readiness);
        CHECK(reportToJson(check(p)) == it.value());
        for (const char* today : {"2020-01-01", "2026-12-01", "2026-12-25", "2031-06-30"})
            CHECK(reportToJson(checkOn(p, today)) == it.value());
    }
}
