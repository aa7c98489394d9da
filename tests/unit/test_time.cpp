// Time in the team's zone (rules.md "Time"), checked against the zone database:
// daylight-saving gaps and overlaps, week lengths, the text forms.
#include <doctest/doctest.h>

#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

using namespace date::literals;
using rp::Date;
using rp::Instant;

namespace {

Instant utc(Date d, int h, int m = 0, int s = 0) {
    return Instant{d.time_since_epoch()} + std::chrono::hours{h} + std::chrono::minutes{m} +
           std::chrono::seconds{s};
}

const date::time_zone* zone(const char* name) {
    const date::time_zone* z = rp::findZone(name);
    REQUIRE_MESSAGE(z != nullptr, name);
    return z;
}

}  // namespace

TEST_CASE("findZone: IANA names, UTC, refusals and a stable pointer") {
    CHECK(rp::findZone("America/New_York") != nullptr);
    CHECK(rp::findZone("Europe/Berlin") != nullptr);
    CHECK(rp::findZone("UTC") != nullptr);
    CHECK(rp::findZone("Asia/Kolkata") != nullptr);
    CHECK(rp::findZone("America/New_York") == rp::findZone("America/New_York"));
    const char* bad[] = {"", "Mars/Olympus", "america/new_york", "EST ", "posix/Europe/Berlin",
                         "right/UTC", "../../etc/passwd", "America/"};
    for (const char* name : bad) {
        CAPTURE(name);
        CHECK(rp::findZone(name) == nullptr);
    }
    CHECK(rp::findZone(std::string(300, 'A')) == nullptr);
}

TEST_CASE("localToInstant: skipped times move to the transition, repeated times take the earlier") {
    struct Case {
        const char* zone;
        Date day;
        int minute;
        Instant expected;
    };
    const Case cases[] = {
        // New York, spring forward 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z)
        {"America/New_York", 2026_y / 3 / 8, 2 * 60 + 30, utc(2026_y / 3 / 8, 7)},
        {"America/New_York", 2026_y / 3 / 8, 2 * 60, utc(2026_y / 3 / 8, 7)},
        {"America/New_York", 2026_y / 3 / 8, 1 * 60 + 59, utc(2026_y / 3 / 8, 6, 59)},
        {"America/New_York", 2026_y / 3 / 8, 3 * 60, utc(2026_y / 3 / 8, 7)},
        // New York, fall back 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice
        {"America/New_York", 2026_y / 11 / 1, 1 * 60 + 30, utc(2026_y / 11 / 1, 5, 30)},
        {"America/New_York", 2026_y / 11 / 1, 2 * 60, utc(2026_y / 11 / 1, 7)},
        {"America/New_York", 2026_y / 11 / 1, 0, utc(2026_y / 11 / 1, 4)},
        // London: 2026-03-29 01:00 GMT -> 02:00 BST; 2026-10-25 02:00 BST -> 01:00 GMT
        {"Europe/London", 2026_y / 3 / 29, 1 * 60 + 15, utc(2026_y / 3 / 29, 1)},
        {"Europe/London", 2026_y / 10 / 25, 1 * 60 + 15, utc(2026_y / 10 / 25, 0, 15)},
        // Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00 AEDT
        {"Australia/Sydney", 2026_y / 4 / 5, 2 * 60 + 30, utc(2026_y / 4 / 4, 15, 30)},
        {"Australia/Sydney", 2026_y / 10 / 4, 2 * 60 + 30, utc(2026_y / 10 / 3, 16)},
        // Fixed offsets
        {"Asia/Kolkata", 2026_y / 6 / 1, 9 * 60, utc(2026_y / 6 / 1, 3, 30)},
        {"UTC", 2028_y / 2 / 29, 23 * 60 + 59, utc(2028_y / 2 / 29, 23, 59)},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        CAPTURE(rp::formatDate(c.day));
        CAPTURE(c.minute);
        CHECK(rp::formatIcsUtc(rp::localToInstant(zone(c.zone), c.day, c.minute)) ==
              rp::formatIcsUtc(c.expected));
    }
    // The same answers again, now that the fast path remembers the periods.
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        CHECK(rp::localToInstant(zone(c.zone), c.day, c.minute) == c.expected);
    }
}

TEST_CASE("handoffInstant: weeks of 167 and 169 hours across daylight-saving changes") {
    struct Case {
        const char* zone;
        const char* weekday;
        Date start;
        long hours;
        const char* from;
        const char* to;
    };
    const Case cases[] = {
        {"America/New_York", "monday", 2026_y / 3 / 2, 167, "2026-03-02T09:00:00-05:00", "2026-03-09T09:00:00-04:00"},
        {"America/New_York", "monday", 2026_y / 10 / 26, 169, "2026-10-26T09:00:00-04:00", "2026-11-02T09:00:00-05:00"},
        {"America/New_York", "monday", 2026_y / 11 / 30, 168, "2026-11-30T09:00:00-05:00", "2026-12-07T09:00:00-05:00"},
        {"Europe/London", "monday", 2026_y / 3 / 23, 167, "2026-03-23T09:00:00+00:00", "2026-03-30T09:00:00+01:00"},
        {"Europe/London", "monday", 2026_y / 10 / 19, 169, "2026-10-19T09:00:00+01:00", "2026-10-26T09:00:00+00:00"},
        {"Australia/Sydney", "monday", 2026_y / 3 / 30, 169, "2026-03-30T09:00:00+11:00", "2026-04-06T09:00:00+10:00"},
        {"Australia/Sydney", "monday", 2026_y / 9 / 28, 167, "2026-09-28T09:00:00+10:00", "2026-10-05T09:00:00+11:00"},
        {"UTC", "monday", 2026_y / 3 / 2, 168, "2026-03-02T09:00:00+00:00", "2026-03-09T09:00:00+00:00"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        CAPTURE(rp::formatDate(c.start));
        rp::Plan plan;
        plan.team_timezone = c.zone;
        const auto* z = zone(c.zone);
        const Instant a = rp::handoffInstant(plan, c.start);
        const Instant b = rp::handoffInstant(plan, c.start + date::days{7});
        CHECK(std::chrono::duration_cast<std::chrono::hours>(b - a).count() == c.hours);
        CHECK(rp::formatRfc3339(z, a) == c.from);
        CHECK(rp::formatRfc3339(z, b) == c.to);
    }
}

TEST_CASE("handoffInstant: a handoff time inside the skipped hour") {
    rp::Plan plan;
    plan.team_timezone = "America/New_York";
    plan.policy.handoff_weekday = 0;  // sunday
    plan.policy.handoff_minute = 2 * 60 + 30;
    CHECK(rp::formatIcsUtc(rp::handoffInstant(plan, 2026_y / 3 / 8)) == "20260308T070000Z");
    CHECK(rp::formatIcsUtc(rp::handoffInstant(plan, 2026_y / 3 / 1)) == "20260301T073000Z");
}

TEST_CASE("dayStart: local midnight, or the transition when midnight is skipped") {
    CHECK(rp::formatRfc3339(zone("America/New_York"), rp::dayStart(zone("America/New_York"), 2026_y / 12 / 21)) ==
          "2026-12-21T00:00:00-05:00");
    // Chile starts daylight saving at 24:00: 2026-09-06 begins at 01:00 local.
    CHECK(rp::formatRfc3339(zone("America/Santiago"), rp::dayStart(zone("America/Santiago"), 2026_y / 9 / 6)) ==
          "2026-09-06T01:00:00-03:00");
    CHECK(rp::dayStart(nullptr, 2026_y / 1 / 1) == utc(2026_y / 1 / 1, 0));
}

TEST_CASE("offsetSeconds and formatRfc3339") {
    struct Case {
        const char* zone;
        Instant t;
        int offset;
        const char* text;
    };
    const Case cases[] = {
        {"America/New_York", utc(2026_y / 11 / 30, 14), -5 * 3600, "2026-11-30T09:00:00-05:00"},
        {"America/New_York", utc(2026_y / 7 / 1, 13, 0, 7), -4 * 3600, "2026-07-01T09:00:07-04:00"},
        {"Asia/Kolkata", utc(2026_y / 12 / 31, 20), 5 * 3600 + 1800, "2027-01-01T01:30:00+05:30"},
        {"UTC", utc(2026_y / 1 / 1, 0), 0, "2026-01-01T00:00:00+00:00"},
        {"Europe/London", utc(2026_y / 1 / 1, 0), 0, "2026-01-01T00:00:00+00:00"},
        {"America/St_Johns", utc(2026_y / 1 / 1, 12), -(3 * 3600 + 1800), "2026-01-01T08:30:00-03:30"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        CHECK(rp::offsetSeconds(zone(c.zone), c.t) == c.offset);
        CHECK(rp::formatRfc3339(zone(c.zone), c.t) == c.text);
    }
    CHECK(rp::offsetSeconds(nullptr, utc(2026_y / 1 / 1, 0)) == 0);
}

TEST_CASE("formatIcsUtc") {
    CHECK(rp::formatIcsUtc(utc(2026_y / 11 / 30, 14)) == "20261130T140000Z");
    CHECK(rp::formatIcsUtc(utc(2028_y / 2 / 29, 23, 59, 59)) == "20280229T235959Z");
    CHECK(rp::formatIcsUtc(Instant{}) == "19700101T000000Z");
}

TEST_CASE("parseDateTime: local, seconds, Z and offsets; strict otherwise") {
    const auto* ny = zone("America/New_York");
    struct Good {
        const char* text;
        Instant expected;
    };
    const Good good[] = {
        {"2026-12-02T18:00", utc(2026_y / 12 / 2, 23)},
        {"2026-12-02T18:00:30", utc(2026_y / 12 / 2, 23, 0, 30)},
        {"2026-12-02T23:00Z", utc(2026_y / 12 / 2, 23)},
        {"2026-12-02T23:00:00Z", utc(2026_y / 12 / 2, 23)},
        {"2026-12-02T18:00-05:00", utc(2026_y / 12 / 2, 23)},
        {"2026-12-03T04:30+05:30", utc(2026_y / 12 / 2, 23)},
        {"2026-12-02T23:00+00:00", utc(2026_y / 12 / 2, 23)},
        {"2026-03-08T02:30", utc(2026_y / 3 / 8, 7)},          // skipped: the transition
        {"2026-11-01T01:30", utc(2026_y / 11 / 1, 5, 30)},     // repeated: the earlier
        {"2028-02-29T00:00Z", utc(2028_y / 2 / 29, 0)},
    };
    for (const Good& g : good) {
        CAPTURE(g.text);
        const auto t = rp::parseDateTime(ny, g.text);
        REQUIRE(t.has_value());
        CHECK(*t == g.expected);
    }
    const char* bad[] = {"",
                         "2026-12-02",
                         "2026-12-02 18:00",
                         "2026-12-02t18:00",
                         "2026-12-02T18",
                         "2026-12-02T18:0",
                         "2026-12-02T24:00",
                         "2026-12-02T18:60",
                         "2026-12-02T18:00:60",
                         "2026-12-02T18:00:5",
                         "2026-12-02T18:00z",
                         "2026-12-02T18:00+0500",
                         "2026-12-02T18:00+05",
                         "2026-12-02T18:00+24:00",
                         "2026-12-02T18:00Z ",
                         "2026-13-02T18:00",
                         "2027-02-29T18:00",
                         "2026-12-02T18:00:00.5Z",
                         "+2026-12-02T18:00"};
    for (const char* b : bad) {
        CAPTURE(b);
        CHECK_FALSE(rp::parseDateTime(ny, b).has_value());
    }
    // Without a zone a local date-time is read as UTC.
    CHECK(rp::parseDateTime(nullptr, "2026-12-02T18:00") == utc(2026_y / 12 / 2, 18));
}

TEST_CASE("dates, times and weekdays: strict text forms") {
    const char* good_dates[] = {"2026-11-30", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31"};
    for (const char* d : good_dates) {
        CAPTURE(d);
        const auto parsed = rp::parseDate(d);
        REQUIRE(parsed.has_value());
        CHECK(rp::formatDate(*parsed) == d);
    }
    const char* bad_dates[] = {"",           "2027-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
                               "2026-04-31", "2026-1-05",  "2026-01-5",  "26-01-05",   "2026/01/05",
                               "2026-01-05T", " 2026-01-05", "２０２６-01-05", "2026-0a-05"};
    for (const char* d : bad_dates) {
        CAPTURE(d);
        CHECK_FALSE(rp::parseDate(d).has_value());
    }
    CHECK(rp::parseHm("00:00") == 0);
    CHECK(rp::parseHm("09:00") == 540);
    CHECK(rp::parseHm("23:59") == 23 * 60 + 59);
    const char* bad_times[] = {"24:00", "9:00", "09:60", "0900", "09:00:00", "", "ab:cd", " 9:00"};
    for (const char* t : bad_times) {
        CAPTURE(t);
        CHECK_FALSE(rp::parseHm(t).has_value());
    }
    CHECK(rp::formatHm(0) == "00:00");
    CHECK(rp::formatHm(17 * 60 + 5) == "17:05");
    for (int d = 0; d < 7; ++d) CHECK(rp::parseWeekday(rp::weekdayName(d)) == d);
    CHECK(std::string(rp::weekdayName(1)) == "monday");
    CHECK_FALSE(rp::parseWeekday("Monday").has_value());
    CHECK_FALSE(rp::parseWeekday("mon").has_value());
}

TEST_CASE("handoffInstant is fast enough for a ten-year plan of a large team") {
    rp::Plan plan;
    plan.team_timezone = "America/New_York";
    long long sum = 0;
    const Date first = 2026_y / 1 / 5;
    for (int rep = 0; rep < 200; ++rep)
        for (int w = 0; w < 520; ++w) sum += rp::handoffInstant(plan, first + date::days{7 * w}).time_since_epoch().count();
    CHECK(sum != 0);  // timing is the benchmark's job; this one only guards the fast path
    CHECK(rp::handoffInstant(plan, first + date::days{7 * 10}) ==
          rp::localToInstant(zone("America/New_York"), first + date::days{7 * 10}, 9 * 60));
}

TEST_CASE("findZone: \"EST\" means US Eastern with daylight saving (plan-format.md)") {
    const date::time_zone* est = rp::findZone("EST");
    REQUIRE(est != nullptr);
    CHECK(est == rp::findZone("America/New_York"));
    // A July instant is in EDT (-04:00), not the fixed -05:00 of the tz database's "EST".
    const rp::Instant july = date::sys_days{date::year{2026} / 7 / 6} + std::chrono::hours{13};
    CHECK(rp::formatRfc3339(est, july) == "2026-07-06T09:00:00-04:00");
}
