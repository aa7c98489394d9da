// The direct JSON writers (core/model/json_text.hpp) against nlohmann's dump(2): the
// schedule JSON export and the plan writer must give the same bytes as before.
#include <doctest/doctest.h>

#include <string>

#include "core/exports/exports.hpp"
#include "core/model/json_text.hpp"
#include "core/model/plan_io.hpp"

using namespace rp;

namespace {

// Names with every escape nlohmann writes, multi-byte UTF-8, DEL and an empty string.
const char* kTricky = R"JSON({
  "rotaplan": 1,
  "team": { "name": "Ops \"blue\" \\ team\t\u0001\u001f\u007f", "timezone": "Europe/Berlin" },
  "people": [
    { "id": "a", "name": "Zoë Ø 東京 🎉\r\n\b\f", "email": "a@x.example", "phone": "+49 1" },
    { "id": "b", "name": "", "timezone": "Asia/Kolkata" },
    { "id": "c", "name": "C" }
  ],
  "contacts": { "engineering_lead": "c", "security": "sec \u2028 x" },
  "policy": { "holidays": ["2026-12-25"], "change_notice_days": 0,
              "severities": { "P9": { "coverage": "business_hours", "ack_minutes": 3,
                                      "respond_minutes": 7, "escalate_every_minutes": 10 } } },
  "weeks": [
    { "start": "2026-03-23", "primary": "a", "secondary": "b", "escalation": "c" },
    { "start": "2026-03-30", "primary": "b", "secondary": "a" },
    { "start": "2026-10-19", "primary": "a" }
  ],
  "overrides": [ { "role": "primary", "person": "c", "from": "2026-03-25T18:00", "to": "2026-03-26T09:00" } ]
})JSON";

}  // namespace

TEST_CASE("json_text: schedule JSON export equals nlohmann's dump(2)") {
    for (const char* text : {kTricky, R"({"rotaplan":1,"team":{"name":"T","timezone":"UTC"},"people":[{"id":"x","name":"X"}]})"}) {
        auto r = readPlan(text);
        INFO((r.ok() ? std::string() : r.error->str()));
        REQUIRE(r.ok());
        CHECK(exportJsonText(*r.plan) == exportScheduleJson(*r.plan).dump(2) + "\n");
    }
}

TEST_CASE("json_text: values in every shape equal nlohmann's dump(2)") {
    Json j = Json::parse(R"({"a":[],"b":{},"c":[1,-2,18446744073709551615,-9223372036854775808,0.5,1e300,2.0],
                            "d":{"x":[{"y":null,"z":true,"w":false}],"s":"q\"\\\u0000\u00e9"},"e":[[[]]]})");
    std::string out;
    REQUIRE(jsontext::appendValue(out, j, 0));
    CHECK(out == j.dump(2));
    Json scalar = "plain";
    out.clear();
    REQUIRE(jsontext::appendValue(out, scalar, 3));
    CHECK(out == "\"plain\"");
}

TEST_CASE("json_text: malformed UTF-8 is refused, and the writers keep nlohmann's handling") {
    for (const char* bad : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"}) {
        std::string out;
        CHECK_FALSE(jsontext::appendString(out, bad));
    }
    for (const char* good : {"\xc3\xa9", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf", "\xef\xbf\xbf", "\xf0\x90\x80\x80"}) {
        std::string out;
        CHECK(jsontext::appendString(out, good));
        CHECK(out == Json(good).dump());
    }
    auto r = readPlan(kTricky);
    REQUIRE(r.ok());
    Plan p = *r.plan;
    p.people[0].name = "bad \xff name";
    // the plan writer replaces, as nlohmann's replace handler does
    const std::string written = writePlan(p);
    CHECK(written.find("bad \xef\xbf\xbd name") != std::string::npos);
    // the export throws, as nlohmann's strict handler always did
    CHECK_THROWS(exportJsonText(p));
}
