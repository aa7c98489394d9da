// Reading and writing plans (plan-format.md): the example, every refusal with its exact
// message and place, unknown fields kept, byte-identical rewriting.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

using namespace date::literals;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string examplePlan() { return readFile(std::string(RP_TEST_DATA) + "/example.json"); }

// A small valid plan; `tail` (a member of the root object) goes on line 8 from column 3.
//   line 2: "rotaplan" value at column 15
//   line 3: team "{" at column 11, name value at 21, timezone value at 45
//   line 4: people "[" at column 13
//   line 5: first person "{" at column 5, id value at 13, name value at 30
//   line 6: second person, id value at 13
std::string planWith(const std::string& tail = "") {
    return "{\n"
           "  \"rotaplan\": 1,\n"
           "  \"team\": { \"name\": \"Platform\", \"timezone\": \"America/New_York\" },\n"
           "  \"people\": [\n"
           "    { \"id\": \"alice\", \"name\": \"Alice\" },\n"
           "    { \"id\": \"bob\", \"name\": \"Bob\" }\n"
           "  ]" +
           (tail.empty() ? std::string() : ",\n  " + tail) + "\n}\n";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

rp::Plan load(const std::string& text) {
    rp::LoadResult r = rp::readPlan(text);
    INFO((r.error ? r.error->str() : std::string()));
    REQUIRE(r.ok());
    REQUIRE_FALSE(r.error.has_value());
    return *r.plan;
}

}  // namespace

TEST_CASE("the spec's example plan loads") {
    const rp::Plan plan = load(examplePlan());
    CHECK(plan.version == 1);
    CHECK(plan.team_name == "Platform");
    CHECK(plan.team_timezone == "America/New_York");
    REQUIRE(plan.people.size() == 8);
    REQUIRE(plan.weeks.size() == 4);
    CHECK(plan.people[0].id == "alice");
    CHECK(plan.people[0].email == "alice@example.com");
    CHECK(plan.people[0].phone == "+1 555 0100");
    CHECK(plan.people[1].timezone == "Europe/Berlin");
    CHECK_FALSE(plan.people[2].timezone.has_value());
    CHECK(plan.people[4].trainee);
    CHECK(plan.people[4].on_call);
    CHECK_FALSE(plan.people[5].on_call);
    CHECK(plan.findPerson("dev") == &plan.people[3]);
    CHECK(plan.findPerson("zoe") == nullptr);
    CHECK(plan.nameOf("erin") == "Erin Cho");
    CHECK(plan.nameOf("zoe") == "zoe");

    CHECK(plan.policy.handoff_weekday == 1);
    CHECK(plan.policy.handoff_minute == 9 * 60);
    CHECK(plan.policy.no_consecutive == rp::NoConsecutive::Any);
    CHECK(plan.policy.change_notice_days == 14);
    CHECK(plan.policy.business_hours.start_minute == 9 * 60);
    CHECK(plan.policy.business_hours.end_minute == 17 * 60);
    CHECK(plan.policy.business_hours.days == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(plan.policy.holidays == std::vector<rp::Date>{2026_y / 12 / 25, 2027_y / 1 / 1});
    REQUIRE(plan.policy.severities.size() == 4);
    CHECK(plan.policy.severities.at("P0").escalate_every_minutes == 30);
    CHECK(plan.policy.severities.at("P0").reaches_ceo);
    CHECK(plan.policy.severities.at("P2").coverage == rp::Coverage::BusinessHours);
    CHECK_FALSE(plan.policy.severities.at("P3").escalate_every_minutes.has_value());

    CHECK(plan.contacts.engineering_lead == "dana");
    CHECK(plan.contacts.security == "security@example.com");
    REQUIRE(plan.time_off.size() == 2);
    CHECK(plan.time_off[0].from == 2026_y / 12 / 21);
    CHECK(plan.time_off[0].to == 2027_y / 1 / 3);

    CHECK(plan.weeks[0].start == 2026_y / 11 / 30);
    CHECK(plan.weeks[1].shadow == "gina");
    CHECK(plan.weeks[2].escalation == "erin");
    CHECK(plan.weeks[2].note == "release freeze; Dana is travelling");
    CHECK(plan.weeks[3].emergency);
    CHECK_FALSE(plan.weeks[0].emergency);

    REQUIRE(plan.overrides.size() == 1);
    CHECK(plan.overrides[0].role == rp::Role::Primary);
    CHECK(plan.overrides[0].from.text == "2026-12-02T18:00");
    CHECK(rp::formatIcsUtc(plan.overrides[0].from.at) == "20261202T230000Z");
    CHECK(rp::formatIcsUtc(plan.overrides[0].to.at) == "20261203T140000Z");

    REQUIRE(plan.requests.size() == 2);
    CHECK(plan.requests[0].type == rp::RequestType::Swap);
    CHECK(plan.requests[0].with_week == 2026_y / 12 / 7);
    CHECK_FALSE(plan.requests[0].with_role.has_value());
    CHECK(plan.requests[1].type == rp::RequestType::Cover);
    CHECK(plan.requests[1].emergency);
    CHECK(plan.requests[1].status == rp::RequestStatus::Pending);

    REQUIRE(plan.compensation.has_value());
    CHECK(plan.compensation->currency == "USD");
    CHECK(plan.compensation->primary_weekly == 500);
    CHECK(plan.compensation->weekend_comp_hours == 8);
}

TEST_CASE("the sample plan shipped with the page is the spec's example") {
    CHECK(readFile(std::string(RP_ASSETS) + "/sample-plan.json") == examplePlan());
}

TEST_CASE("defaults of a minimal plan") {
    const rp::Plan plan = load(planWith());
    CHECK(plan.policy.handoff_weekday == 1);
    CHECK(plan.policy.handoff_minute == 540);
    CHECK(plan.policy.change_notice_days == 14);
    CHECK(plan.policy.severities.size() == 4);
    CHECK(plan.policy.severities.at("P1").escalate_every_minutes == 120);
    CHECK(plan.weeks.empty());
    CHECK_FALSE(plan.compensation.has_value());
    CHECK(plan.people[0].on_call);
    CHECK_FALSE(plan.people[0].trainee);
}

TEST_CASE("written twice, a plan is byte-identical; the writer's form is stable") {
    const rp::Plan plan = load(examplePlan());
    const std::string once = rp::writePlan(plan);
    CHECK(once.back() == '\n');
    CHECK(once.rfind("{\n  \"rotaplan\": 1,\n  \"team\": {\n    \"name\": \"Platform\",", 0) == 0);
    const std::string twice = rp::writePlan(load(once));
    CHECK(once == twice);
    CHECK(rp::writePlan(plan) == once);  // deterministic
    // policy written in full, defaults filled in
    CHECK(once.find("\"severities\": {\n      \"P0\": {\n        \"coverage\": \"24x7\"") != std::string::npos);
    CHECK(once.find("\"escalate_every_minutes\": null") != std::string::npos);
    // optional fields only when present, flags only when not default
    CHECK(once.find("\"on_call\": true") == std::string::npos);
    CHECK(once.find("\"trainee\": false") == std::string::npos);
    CHECK(once.find("\"emergency\": false") == std::string::npos);
    CHECK(once.find("\"primary_weekly\": 500,") != std::string::npos);
    // override times as written
    CHECK(once.find("\"from\": \"2026-12-02T18:00\"") != std::string::npos);
}

TEST_CASE("round trip of plans with every optional form") {
    const std::string tails[] = {
        "\"overrides\": [ { \"role\": \"secondary\", \"person\": \"bob\", \"from\": \"2026-12-02T23:00Z\", "
        "\"to\": \"2026-12-03T09:00:30-05:00\" } ]",
        "\"policy\": { \"handoff\": { \"weekday\": \"sunday\", \"time\": \"23:30\" }, \"no_consecutive\": \"primary\", "
        "\"change_notice_days\": 0, \"business_hours\": { \"days\": [] }, \"severities\": { \"P1\": { \"coverage\": "
        "\"business_hours\", \"escalate_every_minutes\": null }, \"P9\": { \"x\": 1 } } }",
        "\"compensation\": { \"primary_weekly\": 512.75, \"weekend\": 1e3 }",
        "\"requests\": [ { \"id\": \"r\", \"type\": \"swap\", \"submitted\": \"2026-01-01\", \"by\": \"alice\", "
        "\"week\": \"2026-01-05\", \"role\": \"secondary\", \"with\": \"bob\", \"with_week\": \"2026-01-12\", "
        "\"with_role\": \"primary\", \"emergency\": true, \"status\": \"applied\" } ]",
        "\"weeks\": [ { \"start\": \"2028-02-29\", \"note\": \"leap \\u00e9\\u2603 \\\"day\\\"\" } ]",
    };
    for (const std::string& tail : tails) {
        CAPTURE(tail);
        const std::string once = rp::writePlan(load(planWith(tail)));
        CHECK(rp::writePlan(load(once)) == once);
    }
}

TEST_CASE("unknown fields are kept at every level, after the known ones, in their order") {
    const std::string text = R"({
  "zz_top": 1,
  "team": { "x_team": [1, 2], "name": "T", "timezone": "UTC" },
  "rotaplan": 1,
  "policy": { "x_policy": true, "handoff": { "x_h": null, "time": "10:00" },
              "business_hours": { "x_bh": "b" },
              "severities": { "P0": { "x_sev": 0, "ack_minutes": 3 }, "P7": { "coverage": "weird" }, "notes": "n" } },
  "people": [ { "name": "A", "id": "a", "x_person": { "deep": [ { "a": 1 } ] }, "y_person": 2 } ],
  "contacts": { "x_contacts": 1, "cto": "a" },
  "time_off": [ { "person": "a", "from": "2026-01-01", "to": "2026-01-02", "x_to": 1 } ],
  "weeks": [ { "x_week": "w", "start": "2026-01-05" } ],
  "overrides": [ { "role": "primary", "person": "a", "from": "2026-01-05T10:00", "to": "2026-01-05T11:00", "x_ov": 1 } ],
  "requests": [ { "id": "r1", "type": "cover", "submitted": "2026-01-01", "by": "a", "week": "2026-01-05",
                  "role": "primary", "with": "b", "x_req": 1 } ],
  "compensation": { "x_comp": 1, "currency": "EUR" },
  "aa_bottom": { "b": 2, "a": 1 }
}
)";
    const rp::Plan plan = load(text);
    CHECK(plan.extra.dump() == R"({"zz_top":1,"aa_bottom":{"b":2,"a":1}})");
    CHECK(plan.team_extra.dump() == R"({"x_team":[1,2]})");
    CHECK(plan.policy.extra.dump() == R"({"x_policy":true})");
    CHECK(plan.policy.handoff_extra.dump() == R"({"x_h":null})");
    CHECK(plan.policy.business_hours.extra.dump() == R"({"x_bh":"b"})");
    CHECK(plan.policy.severities.at("P0").extra.dump() == R"({"x_sev":0})");
    CHECK(plan.policy.severities.at("P0").ack_minutes == 3);
    CHECK(plan.policy.severities_extra.dump() == R"({"P7":{"coverage":"weird"},"notes":"n"})");
    CHECK(plan.people[0].extra.dump() == R"({"x_person":{"deep":[{"a":1}]},"y_person":2})");
    CHECK(plan.contacts.extra.dump() == R"({"x_contacts":1})");
    CHECK(plan.time_off[0].extra.dump() == R"({"x_to":1})");
    CHECK(plan.weeks[0].extra.dump() == R"({"x_week":"w"})");
    CHECK(plan.overrides[0].extra.dump() == R"({"x_ov":1})");
    CHECK(plan.requests[0].extra.dump() == R"({"x_req":1})");
    CHECK(plan.compensation->extra.dump() == R"({"x_comp":1})");

    const std::string once = rp::writePlan(plan);
    CHECK(rp::writePlan(load(once)) == once);
    const rp::Json j = rp::Json::parse(once);
    std::vector<std::string> top;
    for (const auto& m : j.items()) top.push_back(m.key());
    CHECK(top == std::vector<std::string>{"rotaplan", "team", "policy", "people", "contacts", "time_off", "weeks",
                                          "overrides", "requests", "compensation", "zz_top", "aa_bottom"});
    CHECK(j["people"][0].dump() == R"({"id":"a","name":"A","x_person":{"deep":[{"a":1}]},"y_person":2})");
    CHECK(j["policy"]["handoff"].dump() == R"({"weekday":"monday","time":"10:00","x_h":null})");
    std::vector<std::string> sev;
    for (const auto& m : j["policy"]["severities"].items()) sev.push_back(m.key());
    CHECK(sev == std::vector<std::string>{"P0", "P1", "P2", "P3", "P7", "notes"});
    CHECK(j["policy"]["severities"]["P0"].dump() ==
          R"({"coverage":"24x7","ack_minutes":3,"respond_minutes":15,"escalate_every_minutes":30,"reaches_ceo":true,"x_sev":0})");
}

TEST_CASE("not load errors: unknown person ids, weeks off the handoff weekday, nulls for optional fields") {
    const rp::Plan plan = load(planWith(
        "\"contacts\": { \"engineering_lead\": \"nobody\" },\n"
        "  \"weeks\": [ { \"start\": \"2026-12-02\", \"primary\": \"ghost\", \"secondary\": null, \"note\": null } ],\n"
        "  \"time_off\": [ { \"person\": \"ghost\", \"from\": \"2026-12-05\", \"to\": \"2026-12-01\" } ],\n"
        "  \"requests\": [ { \"id\": \"r\", \"type\": \"cover\", \"submitted\": \"2026-01-01\", \"by\": \"x\", "
        "\"week\": \"2026-12-02\", \"role\": \"primary\", \"with\": \"y\", \"status\": null } ]"));
    CHECK(plan.weeks[0].primary == "ghost");
    CHECK_FALSE(plan.weeks[0].secondary.has_value());
    CHECK(plan.contacts.engineering_lead == "nobody");
    CHECK(plan.requests[0].status == rp::RequestStatus::Pending);
}

TEST_CASE("a repeated JSON key: the later value wins") {
    const rp::Plan plan = load(replaced(planWith(), "\"name\": \"Platform\"", "\"name\": \"A\", \"name\": \"B\""));
    CHECK(plan.team_name == "B");
}

TEST_CASE("refusals: exact message, pointer, line and column") {
    struct Case {
        const char* what;
        std::string text;
        const char* pointer;
        int line, column;
        const char* message;
    };
    const std::string base = planWith();
    const Case cases[] = {
        // not JSON
        {"syntax", replaced(base, "\"bob\",", "\"bob\" "), "", 6, 25,
         "not valid JSON: syntax error while parsing object - unexpected string literal; expected '}'"},
        {"empty", "", "", 1, 1,
         "not valid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
         "literal"},
        {"truncated", base.substr(0, base.find("\"Bob\"")), "", 6, 28,
         "not valid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
         "literal"},
        {"trailing", base + "x", "", 9, 1,
         "not valid JSON: syntax error while parsing value - invalid literal; expected end of input"},
        {"root array", "\n  [1]", "", 2, 3, "expected a JSON object (a Rotaplan plan), found an array"},
        {"too deep", planWith("\"x\": " + std::string(300, '[') + std::string(300, ']')),
         "", 0, 0, nullptr},  // pointer and message checked below
        // version
        {"version 2", replaced(base, "\"rotaplan\": 1", "\"rotaplan\": 2"), "/rotaplan", 2, 15,
         "this file is rotaplan format version 2; this Rotaplan reads version 1"},
        {"version 0", replaced(base, "\"rotaplan\": 1", "\"rotaplan\": 0"), "/rotaplan", 2, 15,
         "expected the format version 1, found 0"},
        {"version text", replaced(base, "\"rotaplan\": 1", "\"rotaplan\": \"1\""), "/rotaplan", 2, 15,
         "expected the format version 1, found \"1\""},
        {"version float", replaced(base, "\"rotaplan\": 1", "\"rotaplan\": 1.0"), "/rotaplan", 2, 15,
         "expected the format version 1, found 1.0"},
        {"version missing", replaced(base, "\"rotaplan\": 1,", "\"rotaplan_\": 1,"), "/rotaplan", 1, 1,
         "missing required field \"rotaplan\": expected the format version 1"},
        // team
        {"team missing", replaced(base, "\"team\":", "\"Team\":"), "/team", 1, 1,
         "missing required field \"team\": expected an object"},
        {"team name missing", replaced(base, "\"name\": \"Platform\", ", ""), "/team/name", 3, 11,
         "missing required field \"name\": expected a string"},
        {"team name type", replaced(base, "\"Platform\"", "42"), "/team/name", 3, 21,
         "expected a string, found 42"},
        {"team name null", replaced(base, "\"Platform\"", "null"), "/team/name", 3, 21,
         "expected a string, found null"},
        {"team zone", replaced(base, "\"America/New_York\"", "\"Mars/Olympus\""), "/team/timezone", 3, 45,
         "expected an IANA time zone name such as \"America/New_York\", found \"Mars/Olympus\""},
        {"team zone abbreviation", replaced(base, "\"America/New_York\"", "\"Eastern\""), "/team/timezone", 3, 45,
         "expected an IANA time zone name such as \"America/New_York\", found \"Eastern\""},
        // people
        {"people missing", replaced(base, "\"people\"", "\"persons\""), "/people", 1, 1,
         "missing required field \"people\": expected an array of people"},
        {"people empty", replaced(replaced(base, "    { \"id\": \"alice\", \"name\": \"Alice\" },\n", ""),
                                  "    { \"id\": \"bob\", \"name\": \"Bob\" }\n", ""),
         "/people", 4, 13, "expected at least one person, found an empty array"},
        {"people object", replaced(replaced(base, "\"people\": [", "\"people\": {\"a\": ["), "\n  ]", "\n  ]}"), "", 0, 0, nullptr},
        {"person id missing", replaced(base, "\"id\": \"bob\", ", ""), "/people/1/id", 6, 5,
         "missing required field \"id\": expected a person id"},
        {"person id pattern", replaced(base, "\"alice\"", "\"Alice\""), "/people/0/id", 5, 13,
         "expected a person id of 1 to 64 characters a-z, 0-9, \".\", \"_\" or \"-\", found \"Alice\""},
        {"person id too long", replaced(base, "\"alice\"", "\"" + std::string(65, 'a') + "\""), "/people/0/id", 5,
         13, nullptr},
        {"person id empty", replaced(base, "\"alice\"", "\"\""), "/people/0/id", 5, 13,
         "expected a person id of 1 to 64 characters a-z, 0-9, \".\", \"_\" or \"-\", found \"\""},
        {"person id duplicate", replaced(base, "\"bob\"", "\"alice\""), "/people/1/id", 6, 13,
         "expected a unique person id, found \"alice\" again (first at /people/0/id)"},
        {"person name missing", replaced(base, ", \"name\": \"Bob\"", ""), "/people/1/name", 6, 5,
         "missing required field \"name\": expected a string"},
        {"person zone", replaced(base, "\"name\": \"Bob\"", "\"name\": \"Bob\", \"timezone\": \"CEST\""),
         "/people/1/timezone", 6, 47,
         "expected an IANA time zone name such as \"America/New_York\", found \"CEST\""},
        {"person on_call", replaced(base, "\"name\": \"Bob\"", "\"name\": \"Bob\", \"on_call\": \"no\""),
         "/people/1/on_call", 6, 46, "expected true or false, found \"no\""},
        // policy
        {"weekday case", planWith("\"policy\": { \"handoff\": { \"weekday\": \"Monday\" } }"),
         "/policy/handoff/weekday", 8, 39, "expected a weekday \"monday\" ... \"sunday\", found \"Monday\""},
        {"handoff time", planWith("\"policy\": { \"handoff\": { \"time\": \"24:00\" } }"), "/policy/handoff/time",
         8, 36, "expected a time HH:MM, found \"24:00\""},
        {"handoff time short", planWith("\"policy\": { \"handoff\": { \"time\": \"9:00\" } }"),
         "/policy/handoff/time", 8, 36, "expected a time HH:MM, found \"9:00\""},
        {"no_consecutive", planWith("\"policy\": { \"no_consecutive\": \"all\" }"), "/policy/no_consecutive", 8,
         33, "expected \"any\" or \"primary\", found \"all\""},
        {"notice negative", planWith("\"policy\": { \"change_notice_days\": -1 }"),
         "/policy/change_notice_days", 8, 37, "expected an integer >= 0, found -1"},
        {"notice float", planWith("\"policy\": { \"change_notice_days\": 14.0 }"),
         "/policy/change_notice_days", 8, 37, "expected an integer >= 0, found 14.0"},
        {"notice text", planWith("\"policy\": { \"change_notice_days\": \"14\" }"),
         "/policy/change_notice_days", 8, 37, "expected an integer >= 0, found \"14\""},
        {"notice huge", planWith("\"policy\": { \"change_notice_days\": 99999999999 }"),
         "/policy/change_notice_days", 8, 37, "expected an integer >= 0, found 99999999999"},
        {"business hours order",
         planWith("\"policy\": { \"business_hours\": { \"start\": \"17:00\", \"end\": \"09:00\" } }"),
         "/policy/business_hours/end", 8, 60,
         "expected business hours whose end (09:00) is after their start (17:00), found \"09:00\""},
        {"business day", planWith("\"policy\": { \"business_hours\": { \"days\": [\"monday\", \"funday\"] } }"),
         "/policy/business_hours/days/1", 8, 54,
         "expected a weekday \"monday\" ... \"sunday\", found \"funday\""},
        {"holiday", planWith("\"policy\": { \"holidays\": [\"2026-12-25\", \"2026-12-32\"] }"),
         "/policy/holidays/1", 8, 42, "expected a date YYYY-MM-DD, found \"2026-12-32\""},
        {"holidays type", planWith("\"policy\": { \"holidays\": \"2026-12-25\" }"), "/policy/holidays", 8, 27,
         "expected an array of dates YYYY-MM-DD, found \"2026-12-25\""},
        {"coverage", planWith("\"policy\": { \"severities\": { \"P2\": { \"coverage\": \"24/7\" } } }"),
         "/policy/severities/P2/coverage", 8, 51, "expected \"24x7\" or \"business_hours\", found \"24/7\""},
        {"escalate zero", planWith("\"policy\": { \"severities\": { \"P0\": { \"escalate_every_minutes\": 0 } } }"),
         "/policy/severities/P0/escalate_every_minutes", 8, 65, "expected an integer >= 1 or null, found 0"},
        {"ack negative", planWith("\"policy\": { \"severities\": { \"P0\": { \"ack_minutes\": -5 } } }"),
         "/policy/severities/P0/ack_minutes", 8, 54, "expected an integer >= 0, found -5"},
        {"policy type", planWith("\"policy\": []"), "/policy", 8, 13, "expected an object, found an empty array"},
        // weeks
        {"week date", planWith("\"weeks\": [ { \"start\": \"2026-11-30\" }, { \"start\": \"2026-13-01\" } ]"),
         "/weeks/1/start", 8, 52, "expected a date YYYY-MM-DD, found \"2026-13-01\""},
        {"week not a leap day", planWith("\"weeks\": [ { \"start\": \"2027-02-29\" } ]"), "/weeks/0/start", 8, 25,
         "expected a date YYYY-MM-DD, found \"2027-02-29\""},
        {"week date form", planWith("\"weeks\": [ { \"start\": \"2026-1-05\" } ]"), "/weeks/0/start", 8, 25,
         "expected a date YYYY-MM-DD, found \"2026-1-05\""},
        {"week start missing", planWith("\"weeks\": [ { \"primary\": \"alice\" } ]"), "/weeks/0/start", 8, 14,
         "missing required field \"start\": expected a date YYYY-MM-DD"},
        {"week primary type", planWith("\"weeks\": [ { \"start\": \"2026-11-30\", \"primary\": 7 } ]"),
         "/weeks/0/primary", 8, 50, "expected a string, found 7"},
        {"week emergency", planWith("\"weeks\": [ { \"start\": \"2026-11-30\", \"emergency\": \"true\" } ]"),
         "/weeks/0/emergency", 8, 52, "expected true or false, found \"true\""},
        {"weeks type", planWith("\"weeks\": {}"), "/weeks", 8, 12, "expected an array, found an empty object"},
        {"week type", planWith("\"weeks\": [ \"2026-11-30\" ]"), "/weeks/0", 8, 14,
         "expected an object, found \"2026-11-30\""},
        // time off
        {"time off date", planWith("\"time_off\": [ { \"person\": \"bob\", \"from\": \"2026-12-01\", \"to\": \"12/05/2026\" } ]"),
         "/time_off/0/to", 8, 64, "expected a date YYYY-MM-DD, found \"12/05/2026\""},
        // overrides
        {"override role", planWith("\"overrides\": [ { \"role\": \"shadow\", \"person\": \"bob\", \"from\": "
                                   "\"2026-12-02T18:00\", \"to\": \"2026-12-03T09:00\" } ]"),
         "/overrides/0/role", 8, 28, "expected \"primary\" or \"secondary\", found \"shadow\""},
        {"override from", planWith("\"overrides\": [ { \"role\": \"primary\", \"person\": \"bob\", \"from\": "
                                   "\"2026-12-02 18:00\", \"to\": \"2026-12-03T09:00\" } ]"),
         "/overrides/0/from", 8, 64,
         "expected a date-time YYYY-MM-DDTHH:MM (optionally with :SS, and Z or +HH:MM), found \"2026-12-02 18:00\""},
        {"override empty", planWith("\"overrides\": [ { \"role\": \"primary\", \"person\": \"bob\", \"from\": "
                                    "\"2026-12-02T18:00\", \"to\": \"2026-12-02T18:00\" } ]"),
         "/overrides/0/to", 8, 90, "expected a date-time after from (2026-12-02T18:00), found \"2026-12-02T18:00\""},
        {"override backwards", planWith("\"overrides\": [ { \"role\": \"primary\", \"person\": \"bob\", \"from\": "
                                        "\"2026-12-03T09:00\", \"to\": \"2026-12-02T18:00\" } ]"),
         "/overrides/0/to", 8, 90, "expected a date-time after from (2026-12-03T09:00), found \"2026-12-02T18:00\""},
        {"override same instant", planWith("\"overrides\": [ { \"role\": \"primary\", \"person\": \"bob\", \"from\": "
                                           "\"2026-12-02T18:00\", \"to\": \"2026-12-02T23:00Z\" } ]"),
         "/overrides/0/to", 8, 90, "expected a date-time after from (2026-12-02T18:00), found \"2026-12-02T23:00Z\""},
        {"override in the repeated hour", planWith("\"overrides\": [ { \"role\": \"primary\", \"person\": \"bob\", "
                                                   "\"from\": \"2026-11-01T01:30\", \"to\": \"2026-11-01T05:30Z\" } ]"),
         "/overrides/0/to", 8, 90, "expected a date-time after from (2026-11-01T01:30), found \"2026-11-01T05:30Z\""},
        // requests
        {"request type", planWith("\"requests\": [ { \"id\": \"r1\", \"type\": \"trade\" } ]"),
         "/requests/0/type", 8, 39, "expected \"swap\" or \"cover\", found \"trade\""},
        {"request id duplicate",
         planWith("\"requests\": [ { \"id\": \"r1\", \"type\": \"cover\", \"submitted\": \"2026-01-01\", \"by\": "
                  "\"bob\", \"week\": \"2026-01-05\", \"role\": \"primary\", \"with\": \"alice\" },\n"
                  "    { \"id\": \"r1\" } ]"),
         "/requests/1/id", 9, 13, "expected a unique request id, found \"r1\" again"},
        {"request status",
         planWith("\"requests\": [ { \"id\": \"r1\", \"type\": \"cover\", \"submitted\": \"2026-01-01\", \"by\": "
                  "\"bob\", \"week\": \"2026-01-05\", \"role\": \"primary\", \"with\": \"alice\", \"status\": "
                  "\"done\" } ]"),
         "/requests/0/status", 8, 156, "expected \"pending\", \"approved\", \"applied\" or \"rejected\", found \"done\""},
        {"request role",
         planWith("\"requests\": [ { \"id\": \"r1\", \"type\": \"cover\", \"submitted\": \"2026-01-01\", \"by\": "
                  "\"bob\", \"week\": \"2026-01-05\", \"role\": \"Primary\", \"with\": \"alice\" } ]"),
         "/requests/0/role", 8, 118, "expected \"primary\" or \"secondary\", found \"Primary\""},
        {"request submitted",
         planWith("\"requests\": [ { \"id\": \"r1\", \"type\": \"cover\", \"submitted\": \"2026-02-30\" } ]"),
         "/requests/0/submitted", 8, 61, "expected a date YYYY-MM-DD, found \"2026-02-30\""},
        {"request with missing",
         planWith("\"requests\": [ { \"id\": \"r1\", \"type\": \"cover\", \"submitted\": \"2026-01-01\", \"by\": "
                  "\"bob\", \"week\": \"2026-01-05\", \"role\": \"primary\" } ]"),
         "/requests/0/with", 8, 17, "missing required field \"with\": expected a person id"},
        // compensation
        {"compensation negative", planWith("\"compensation\": { \"weekend\": -1 }"), "/compensation/weekend", 8,
         32, "expected a number from 0 to 1000000000000, found -1"},
        {"compensation text", planWith("\"compensation\": { \"per_incident\": \"100\" }"),
         "/compensation/per_incident", 8, 37, "expected a number from 0 to 1000000000000, found \"100\""},
        {"contacts type", planWith("\"contacts\": { \"cto\": false }"), "/contacts/cto", 8, 24,
         "expected a string, found false"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const rp::LoadResult r = rp::readPlan(c.text);
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error.has_value());
        const rp::LoadError& e = *r.error;
        CAPTURE(e.str());
        if (std::string(c.what) == "too deep") {
            CHECK(e.pointer == "/x" + [] { std::string p; for (int i = 0; i < 255; ++i) p += "/0"; return p; }());
            CHECK(e.line == 8);
            CHECK(e.column == 3 + 5 + 255);
            CHECK(e.message == "expected at most 256 nested arrays and objects, found deeper nesting");
            continue;
        }
        if (std::string(c.what) == "people object") {
            CHECK(e.pointer == "/people");
            CHECK(e.message == "expected an array of people, found an object");
            continue;
        }
        CHECK(e.pointer == c.pointer);
        CHECK(e.line == c.line);
        CHECK(e.column == c.column);
        if (c.message) CHECK(e.message == c.message);
        // one line of text, naming the place first
        CHECK(e.str().find('\n') == std::string::npos);
        if (e.line > 0) CHECK(e.str().find("(line " + std::to_string(c.line) + ", column ") != std::string::npos);
    }
}

TEST_CASE("LoadError::str: pointer, place and message on one line") {
    rp::LoadResult r = rp::readPlan(planWith("\"weeks\": [ { \"start\": \"2026-13-01\" } ]"));
    REQUIRE(r.error);
    CHECK(r.error->str() == "/weeks/0/start (line 8, column 25): expected a date YYYY-MM-DD, found \"2026-13-01\"");
    r = rp::readPlan("{");
    REQUIRE(r.error);
    CHECK(r.error->str() ==
          "(line 1, column 2): not valid JSON: syntax error while parsing object key - unexpected end of input; "
          "expected string literal");
    CHECK(rp::LoadError{"/a", 0, 0, "m"}.str() == "/a: m");
    CHECK(rp::LoadError{"", 0, 0, "m"}.str() == "m");
}

TEST_CASE("the example plan with a broken date: the place in the real file") {
    const std::string text = replaced(examplePlan(), "\"start\": \"2026-12-21\"", "\"start\": \"2026-12-32\"");
    const rp::LoadResult r = rp::readPlan(text);
    REQUIRE(r.error);
    CHECK(r.error->str() == "/weeks/3/start (line 34, column 16): expected a date YYYY-MM-DD, found \"2026-12-32\"");
}

TEST_CASE("lines and columns count characters, also after non-ASCII text and CRLF") {
    std::string text = planWith("\"weeks\": [ { \"note\": \"caf\xc3\xa9 \xe2\x98\x83\", \"start\": 5 } ]");
    rp::LoadResult r = rp::readPlan(text);
    REQUIRE(r.error);
    CHECK(r.error->pointer == "/weeks/0/start");
    CHECK(r.error->line == 8);
    CHECK(r.error->column == 43);
    // CRLF line ends: the same lines and columns
    std::string crlf;
    for (char c : planWith("\"weeks\": [ { \"start\": \"x\" } ]")) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    r = rp::readPlan(crlf);
    REQUIRE(r.error);
    CHECK(r.error->line == 8);
    CHECK(r.error->column == 25);
}

TEST_CASE("strings with escapes before the offending value do not confuse the place") {
    const std::string text = planWith("\"weeks\": [ { \"note\": \"a \\\"quoted\\\" \\\\\", \"start\": \"bad\" } ]");
    const rp::LoadResult r = rp::readPlan(text);
    REQUIRE(r.error);
    CHECK(r.error->pointer == "/weeks/0/start");
    CHECK(r.error->column == 52);
    const std::string number = planWith("\"weeks\": [ { \"start\": -12.5e3 } ]");
    const rp::LoadResult rn = rp::readPlan(number);
    REQUIRE(rn.error);
    CHECK(rn.error->str() == "/weeks/0/start (line 8, column 25): expected a date YYYY-MM-DD, found -12500.0");
}

TEST_CASE("a file over 50 MiB is refused with a message; one just under loads") {
    std::string big = planWith("\"x\": \"\"");
    big.insert(big.find("\"\"") + 1, 60u * 1024u * 1024u - big.size(), 'a');
    REQUIRE(big.size() == 60u * 1024u * 1024u);
    rp::LoadResult r = rp::readPlan(big);
    REQUIRE(r.error);
    CHECK_FALSE(r.ok());
    CHECK(r.error->pointer.empty());
    CHECK(r.error->line == 0);
    CHECK(r.error->message ==
          "the file is too large (62914560 bytes); Rotaplan reads plans up to 50 MiB (52428800 bytes)");

    big.erase(big.find("aaaa"), big.size() - rp::kMaxPlanBytes);
    REQUIRE(big.size() == rp::kMaxPlanBytes);
    const rp::Plan plan = load(big);
    CHECK(plan.extra["x"].get_ref<const std::string&>().size() > 40u * 1024u * 1024u);
}

TEST_CASE("an object with many keys loads in reasonable time") {
    std::string tail = "\"x\": {";
    for (int i = 0; i < 200000; ++i) tail += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    tail += "}";
    const rp::Plan plan = load(planWith(tail));
    CHECK(plan.extra["x"].size() == 200000);
    CHECK(plan.extra["x"]["k199999"] == 199999);
}

TEST_CASE("invalid UTF-8 is refused as not JSON, and the message stays valid UTF-8") {
    const rp::LoadResult r = rp::readPlan(replaced(planWith(), "Platform", "Pl\xff" "tform"));
    REQUIRE(r.error);
    CHECK(r.error->message.rfind("not valid JSON: ", 0) == 0);
    CHECK(r.error->line == 3);
    CHECK(r.error->message.find('\xff') == std::string::npos);
}

TEST_CASE("changes.md fields: published snapshot, readiness, slack, ready, ready_since; inactive_from") {
    const std::string text = planWith(
        "\"policy\": { \"readiness\": { \"shadow_weeks\": 2 } },\n"
        "  \"weeks\": [ { \"start\": \"2026-11-30\", \"primary\": \"alice\", \"secondary\": \"bob\" } ],\n"
        "  \"published\": { \"at\": \"2026-11-20\", \"weeks\": [ { \"start\": \"2026-11-30\", \"primary\": \"alice\",\n"
        "    \"secondary\": \"bob\", \"escalation\": null, \"shadow\": null } ], \"overrides\": [ { \"role\": \"primary\",\n"
        "    \"person\": \"bob\", \"from\": \"2026-12-01T10:00\", \"to\": \"2026-12-01T12:00\" } ], \"note\": \"kept\" }");
    const std::string with_people = replaced(
        replaced(text, "{ \"id\": \"alice\", \"name\": \"Alice\" }",
                 "{ \"id\": \"alice\", \"name\": \"Alice\", \"slack\": \"U024BE7LH\", \"ready\": [\"github\", \"sentry\"], "
                 "\"ready_since\": \"2026-01-05\" }"),
        "{ \"id\": \"bob\", \"name\": \"Bob\" }", "{ \"id\": \"bob\", \"name\": \"Bob\", \"inactive_from\": \"2027-01-04\" }");
    rp::Plan plan = load(with_people);
    REQUIRE(plan.policy.readiness);
    CHECK(plan.policy.readiness->shadow_weeks == 2);
    CHECK(plan.policy.readiness->checklist == rp::defaultReadinessChecklist());
    CHECK(plan.people[0].slack == std::optional<std::string>("U024BE7LH"));
    CHECK(plan.people[0].ready == std::optional<std::vector<std::string>>({"github", "sentry"}));
    CHECK(plan.people[0].ready_since == std::optional<rp::Date>(rp::Date(2026_y / 1 / 5)));
    CHECK(plan.people[1].inactive_from == std::optional<rp::Date>(rp::Date(2027_y / 1 / 4)));
    REQUIRE(plan.published);
    CHECK(plan.published->at == rp::Date(2026_y / 11 / 20));
    REQUIRE(plan.published->weeks.size() == 1);
    CHECK(plan.published->weeks[0].primary == std::optional<std::string>("alice"));
    CHECK_FALSE(plan.published->weeks[0].escalation.has_value());
    REQUIRE(plan.published->overrides.size() == 1);
    CHECK(plan.published->overrides[0].person == "bob");
    // Written back: the snapshot's roles always present (null where empty), unknown members kept.
    const std::string written = rp::writePlan(plan);
    CHECK(written.find("\"escalation\": null") != std::string::npos);
    CHECK(written.find("\"note\": \"kept\"") != std::string::npos);
    CHECK(rp::writePlan(load(written)) == written);
    // A plan without them writes none of them.
    const std::string plain = rp::writePlan(load(planWith()));
    for (const char* key : {"published", "readiness", "slack", "ready", "inactive_from"})
        CHECK_MESSAGE(plain.find(std::string("\"") + key + "\"") == std::string::npos, key);
}

TEST_CASE("changes.md fields: refusals name the place") {
    struct Case { std::string tail; const char* pointer; const char* message; };
    const Case cases[] = {
        {"\"published\": { \"weeks\": [] }", "/published/at", "missing required field \"at\": expected a date YYYY-MM-DD"},
        {"\"published\": { \"at\": \"2026-11-20\", \"weeks\": [ { \"primary\": \"alice\" } ] }", "/published/weeks/0/start",
         "missing required field \"start\": expected a date YYYY-MM-DD"},
        {"\"published\": { \"at\": \"2026-11-20\", \"overrides\": [ { \"role\": \"primary\", \"person\": \"bob\", "
         "\"from\": \"2026-12-01T12:00\", \"to\": \"2026-12-01T10:00\" } ] }", "/published/overrides/0/to",
         "expected a date-time after from (2026-12-01T12:00), found \"2026-12-01T10:00\""},
        {"\"policy\": { \"readiness\": { \"shadow_weeks\": -1 } }", "/policy/readiness/shadow_weeks",
         "expected an integer >= 0, found -1"},
        {"\"policy\": { \"readiness\": { \"checklist\": [\"github\", \"github\"] } }", "/policy/readiness/checklist/1",
         "expected each item once, found \"github\""},
        {"\"policy\": { \"readiness\": { \"checklist\": \"github\" } }", "/policy/readiness/checklist",
         "expected an array of checklist items (strings), found \"github\""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.tail);
        rp::LoadResult r = rp::readPlan(planWith(c.tail));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error->pointer == c.pointer);
        CHECK(r.error->message == c.message);
    }
    rp::LoadResult r = rp::readPlan(replaced(planWith(), "\"name\": \"Bob\"", "\"name\": \"Bob\", \"ready_since\": \"2026-13-01\""));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->pointer == "/people/1/ready_since");
}
