// Week spans and resolved shifts (rules.md "Time").
#include <doctest/doctest.h>

#include "core/model/shifts.hpp"
#include "rules_fixtures.hpp"

using namespace rp;
using namespace rpt;

namespace {

long long hours(const WeekSpan& s) {
    return std::chrono::duration_cast<std::chrono::hours>(s.end - s.start).count();
}

struct Piece {
    std::string role, person, start, end;
    bool from_override;
};

std::vector<Piece> pieces(const std::vector<Shift>& shifts) {
    std::vector<Piece> out;
    for (const Shift& s : shifts)
        out.push_back({roleName(s.role), s.person, formatIcsUtc(s.start), formatIcsUtc(s.end), s.from_override});
    return out;
}

}  // namespace

TEST_CASE("weekSpans: handoff to handoff, 167/168/169 hours across daylight saving") {
    struct Row {
        const char* zone;
        const char* start;
        const char* utc_start;
        const char* utc_end;
        long long hours;
    };
    const Row rows[] = {
        {"America/New_York", "2026-11-30", "20261130T140000Z", "20261207T140000Z", 168},
        {"America/New_York", "2027-03-08", "20270308T140000Z", "20270315T130000Z", 167},  // DST starts 03-14
        {"America/New_York", "2026-10-26", "20261026T130000Z", "20261102T140000Z", 169},  // DST ends 11-01
        {"Europe/London", "2026-10-19", "20261019T080000Z", "20261026T090000Z", 169},     // BST ends 10-25
        {"Europe/London", "2027-03-22", "20270322T090000Z", "20270329T080000Z", 167},     // BST starts 03-28
        {"Australia/Sydney", "2026-09-28", "20260927T230000Z", "20261004T220000Z", 167},  // DST starts 10-04
        {"Australia/Sydney", "2027-03-29", "20270328T220000Z", "20270404T230000Z", 169},  // DST ends 04-04
        {"UTC", "2026-12-28", "20261228T090000Z", "20270104T090000Z", 168},               // ISO week 53
    };
    for (const Row& r : rows) {
        const std::string zone = r.zone, start = r.start;
        CAPTURE(zone);
        CAPTURE(start);
        Plan p = cleanPlan(r.zone);
        p.weeks = {week(r.start, "alice", "bob")};
        auto spans = weekSpans(p);
        REQUIRE(spans.size() == 1);
        CHECK(formatIcsUtc(spans[0].start) == r.utc_start);
        CHECK(formatIcsUtc(spans[0].end) == r.utc_end);
        CHECK(hours(spans[0]) == r.hours);
    }
}

TEST_CASE("weekSpans: a handoff in the skipped hour starts after the gap; a repeated one is the earlier") {
    Plan p = cleanPlan("America/New_York");
    p.policy.handoff_weekday = 0;  // sunday
    p.policy.handoff_minute = 2 * 60 + 30;
    p.weeks = {week("2027-03-07", "alice", "bob"), week("2027-03-14", "carol", "dev")};
    auto spans = weekSpans(p);
    CHECK(formatIcsUtc(spans[0].end) == "20270314T070000Z");  // 03:00 EDT, first instant after the gap
    CHECK(spans[0].end == spans[1].start);
    CHECK(formatIcsUtc(spans[1].end) == "20270321T063000Z");

    p.policy.handoff_minute = 1 * 60 + 30;
    p.weeks = {week("2026-11-01", "alice", "bob")};
    spans = weekSpans(p);
    CHECK(formatIcsUtc(spans[0].start) == "20261101T053000Z");  // 01:30 EDT, the earlier one
}

TEST_CASE("resolveShifts: the example's override cuts alice's primary shift in two") {
    Plan p = examplePlan();
    auto all = resolveShifts(p);
    std::vector<Shift> first_week;
    for (const Shift& s : all)
        if (s.week == 0) first_week.push_back(s);
    auto got = pieces(first_week);
    REQUIRE(got.size() == 4);
    CHECK(got[0].role == "primary");
    CHECK(got[0].person == "alice");
    CHECK(got[0].start == "20261130T140000Z");
    CHECK(got[0].end == "20261202T230000Z");
    CHECK(got[1].role == "secondary");
    CHECK(got[1].person == "bob");
    CHECK(got[1].end == "20261207T140000Z");
    CHECK(got[2].person == "carol");
    CHECK(got[2].from_override);
    CHECK(got[2].start == "20261202T230000Z");
    CHECK(got[2].end == "20261203T140000Z");
    CHECK(got[3].person == "alice");
    CHECK_FALSE(got[3].from_override);
    CHECK(got[3].start == "20261203T140000Z");
    CHECK(got[3].end == "20261207T140000Z");
    CHECK(first_week[2].override_index == 0);

    // Second week: primary, secondary, shadow at the same start, in role order.
    std::vector<Shift> second;
    for (const Shift& s : all)
        if (s.week == 1) second.push_back(s);
    REQUIRE(second.size() == 3);
    CHECK(second[0].role == Role::Primary);
    CHECK(second[1].role == Role::Secondary);
    CHECK(second[2].role == Role::Shadow);
    CHECK(second[2].person == "gina");
    CHECK(all.size() == 4 + 3 + 2 + 2);

    // Sorted by start, then role.
    for (std::size_t i = 1; i < all.size(); ++i) {
        CHECK(all[i - 1].start <= all[i].start);
        if (all[i - 1].start == all[i].start)
            CHECK(static_cast<int>(all[i - 1].role) <= static_cast<int>(all[i].role));
    }
}

TEST_CASE("resolveShifts: the later of two overlapping overrides of one role wins the overlap") {
    Plan p = cleanPlan();
    p.weeks = {week("2026-11-30", "alice", "bob")};
    p.overrides = {ovr(p, Role::Primary, "carol", "2026-12-01T09:00", "2026-12-02T09:00"),
                   ovr(p, Role::Primary, "dev", "2026-12-01T21:00", "2026-12-03T09:00"),
                   ovr(p, Role::Secondary, "carol", "2026-12-01T12:00", "2026-12-01T13:00")};
    auto got = pieces(resolveShifts(p));
    // EST: local + 5 h.
    std::vector<std::string> want = {
        "primary alice 20261130T140000Z 20261201T140000Z",   "secondary bob 20261130T140000Z 20261201T170000Z",
        "primary carol 20261201T140000Z 20261202T020000Z",   "secondary carol 20261201T170000Z 20261201T180000Z",
        "secondary bob 20261201T180000Z 20261207T140000Z",   "primary dev 20261202T020000Z 20261203T140000Z",
        "primary alice 20261203T140000Z 20261207T140000Z"};
    std::vector<std::string> have;
    for (const Piece& x : got) have.push_back(x.role + " " + x.person + " " + x.start + " " + x.end);
    CHECK(have == want);

    // In the other order the earlier-starting override wins its whole interval instead.
    std::swap(p.overrides[0], p.overrides[1]);
    have.clear();
    for (const Piece& x : pieces(resolveShifts(p)))
        if (x.role == "primary") have.push_back(x.person + " " + x.start + " " + x.end);
    CHECK(have == std::vector<std::string>{"alice 20261130T140000Z 20261201T140000Z",
                                           "carol 20261201T140000Z 20261202T140000Z",
                                           "dev 20261202T140000Z 20261203T140000Z",
                                           "alice 20261203T140000Z 20261207T140000Z"});
}

TEST_CASE("resolveShifts: an override across a handoff is cut at it; parts outside the weeks vanish") {
    Plan p = cleanPlan();
    p.weeks = {week("2026-11-30", "alice", "bob"), week("2026-12-07", "carol", "dev")};
    p.overrides = {ovr(p, Role::Secondary, "alice", "2026-12-06T09:00", "2026-12-08T09:00"),
                   ovr(p, Role::Primary, "dev", "2026-12-13T09:00", "2026-12-15T09:00"),
                   ovr(p, Role::Primary, "bob", "2026-11-20T09:00", "2026-11-21T09:00")};
    auto all = resolveShifts(p);
    std::vector<std::string> have;
    for (const Shift& s : all)
        if (s.from_override)
            have.push_back(std::to_string(s.week) + " " + s.person + " " + formatIcsUtc(s.start) + " " +
                           formatIcsUtc(s.end));
    CHECK(have == std::vector<std::string>{"0 alice 20261206T140000Z 20261207T140000Z",
                                           "1 alice 20261207T140000Z 20261208T140000Z",
                                           "1 dev 20261213T140000Z 20261214T140000Z"});
}

TEST_CASE("resolveShifts: an override fills an unassigned role only where it lies") {
    Plan p = cleanPlan();
    p.weeks = {week("2026-11-30", "alice", "")};
    p.overrides = {ovr(p, Role::Secondary, "carol", "2026-12-01T09:00", "2026-12-02T09:00")};
    std::vector<std::string> have;
    for (const Shift& s : resolveShifts(p))
        if (s.role == Role::Secondary) have.push_back(s.person + " " + formatIcsUtc(s.start));
    CHECK(have == std::vector<std::string>{"carol 20261201T140000Z"});
}

TEST_CASE("resolveShifts: pieces of one role never overlap and leave no hole in an assigned week") {
    Plan p = cleanPlan("Europe/London");
    p.weeks.clear();
    const char* starts[] = {"2027-03-15", "2027-03-22", "2027-03-29"};
    for (const char* s : starts) p.weeks.push_back(week(s, "alice", "bob"));
    const char* names[] = {"carol", "dev"};
    const Instant base = T(p, "2027-03-14T00:00");
    for (int i = 0; i < 60; ++i) {
        Override o;
        o.role = i % 2 ? Role::Primary : Role::Secondary;
        o.person = names[i % 2];
        o.from.at = base + std::chrono::hours((i * 37) % (24 * 24));
        o.to.at = o.from.at + std::chrono::hours(1 + (i * 11) % 60);
        p.overrides.push_back(o);
    }
    auto spans = weekSpans(p);
    auto all = resolveShifts(p);
    for (int w = 0; w < 3; ++w)
        for (Role role : {Role::Primary, Role::Secondary}) {
            Instant at = spans[w].start;
            for (const Shift& s : all) {
                if (s.week != w || s.role != role) continue;
                CHECK(s.start == at);  // contiguous, no overlap, no hole
                CHECK(s.start < s.end);
                at = s.end;
            }
            CHECK(at == spans[w].end);
        }
}
