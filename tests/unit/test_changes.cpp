// The published-rotation workflow (docs/changes.md): diff, publish, calendar identity
// (UID, SEQUENCE, cancellations), announcements, whois/next, the incident log, the review.
#include <doctest/doctest.h>

#include "core/changes/announce.hpp"
#include "core/changes/calendar.hpp"
#include "core/changes/diff.hpp"
#include "core/changes/incident_log.hpp"
#include "core/changes/lookup.hpp"
#include "core/changes/publish.hpp"
#include "core/changes/readiness.hpp"
#include "core/changes/review.hpp"
#include "core/exports/exports.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"
#include "core/simulation/incidents.hpp"
#include "test_data.hpp"

using namespace rp;

namespace {

Date day(const char* s) { return *parseDate(s); }

Instant at(const Plan& p, const char* s) { return *parseDateTime(findZone(p.team_timezone), s); }

Plan fromJson(const Json& j) {
    LoadResult r = readPlan(j.dump());
    REQUIRE_MESSAGE(r.ok(), (r.error ? r.error->str() : ""));
    return *r.plan;
}

std::string changeText(const Plan& p, const DutyChange& c) {
    return formatDate(c.week) + " " + dutyName(c.role) + " " + (c.from ? *c.from : "-") + ">" + (c.to ? *c.to : "-") +
           " " + formatRfc3339(findZone(p.team_timezone), c.start) + " " + formatRfc3339(findZone(p.team_timezone), c.end) +
           (c.inside_notice ? " inside" : "") + (c.whole_week ? " whole" : "");
}

}  // namespace

TEST_CASE("diff: stretches merged, weeks on one side only, people to notify") {
    const Plan team = loadTestPlan("changes/team.json");
    const auto d = diffPublished(team, day("2026-12-01"));
    REQUIRE(d);
    CHECK(d->since == std::optional<Date>(day("2026-11-20")));
    std::vector<std::string> got;
    for (const DutyChange& c : d->changes) got.push_back(changeText(team, c));
    CHECK(got == std::vector<std::string>{
                     "2026-11-30 primary alice>carol 2026-12-02T18:00:00-05:00 2026-12-03T09:00:00-05:00 inside",
                     "2026-12-07 primary carol>dev 2026-12-07T09:00:00-05:00 2026-12-14T09:00:00-05:00 inside whole",
                     "2026-12-07 secondary dev>carol 2026-12-07T09:00:00-05:00 2026-12-14T09:00:00-05:00 inside whole",
                     "2026-12-14 escalation dana>erin 2026-12-14T09:00:00-05:00 2026-12-21T09:00:00-05:00 inside whole",
                     "2027-01-04 primary ->carol 2027-01-04T09:00:00-05:00 2027-01-11T09:00:00-05:00 whole",
                     "2027-01-04 secondary ->dev 2027-01-04T09:00:00-05:00 2027-01-11T09:00:00-05:00 whole",
                     "2027-01-04 escalation ->dana 2027-01-04T09:00:00-05:00 2027-01-11T09:00:00-05:00 whole"});
    std::vector<std::string> notify;
    for (const NotifyEntry& n : d->notify) notify.push_back(n.person + ":" + std::to_string(n.weeks.size()));
    CHECK(notify == std::vector<std::string>{"alice:1", "carol:3", "dana:2", "dev:2", "erin:1"});

    // Two overrides side by side with the same change become one stretch; a plan compared
    // with itself has none.
    Plan a = team, b = team;
    a.published.reset();
    b.published.reset();
    Override o1 = b.overrides[0];
    o1.from.at = at(b, "2026-12-09T09:00");
    o1.to.at = at(b, "2026-12-09T12:00");
    Override o2 = o1;
    o2.from.at = o1.to.at;
    o2.to.at = at(b, "2026-12-09T15:00");
    b.overrides.push_back(o1);
    b.overrides.push_back(o2);
    const DiffResult e = diffPlans(a, b, day("2026-12-01"));
    REQUIRE(e.changes.size() == 1);
    CHECK(changeText(b, e.changes[0]) == "2026-12-07 primary dev>carol 2026-12-09T09:00:00-05:00 2026-12-09T15:00:00-05:00 inside");
    CHECK(describeChange(b, e.changes[0]) == "primary Dev Rao -> Carol Diaz from 2026-12-09 09:00 to 2026-12-09 15:00");
    CHECK(diffPlans(a, a, day("2026-12-01")).changes.empty());
    CHECK_FALSE(diffPublished(a, day("2026-12-01")));
}

TEST_CASE("publish: the snapshot, the refusal, last changes") {
    const Plan team = loadTestPlan("changes/team.json");
    PublishOutcome out = publishPlan(team, day("2026-12-01"), false);
    REQUIRE(out.plan);
    CHECK(out.blockers.empty());
    CHECK(out.report.errors == 3);  // the three late changes do not block
    const Published& pub = *out.plan->published;
    CHECK(pub.at == day("2026-12-01"));
    REQUIRE(pub.weeks.size() == team.weeks.size());
    CHECK(pub.weeks[0].escalation == std::optional<std::string>("dana"));  // the lead, resolved
    CHECK(pub.weeks[5].shadow == std::optional<std::string>("gina"));
    CHECK(diffPublished(*out.plan, day("2026-12-01"))->changes.empty());
    const auto stored = lastPublishedChanges(*out.plan);
    REQUIRE(stored);
    CHECK(stored->since == day("2026-11-20"));
    CHECK(stored->changes.size() == 7);
    // Read back and written again, the plan is unchanged (the snapshot's own members kept).
    const std::string text = writePlan(*out.plan);
    CHECK(writePlan(*readPlan(text).plan) == text);

    Plan broken = team;
    broken.weeks[2].secondary = broken.weeks[2].primary;
    PublishOutcome refused = publishPlan(broken, day("2026-12-01"), false);
    CHECK_FALSE(refused.plan);
    REQUIRE(refused.blockers.size() == 1);
    CHECK(refused.message ==
          "not published: the plan has 1 error besides late changes (first: min-engineers 2026-11-16: Bob Osei is both "
          "primary and secondary in the week of 2026-11-16); fix them or publish with --force");
    CHECK(publishPlan(broken, day("2026-12-01"), true).plan);
}

TEST_CASE("calendar: UIDs by week, role and piece; SEQUENCE rises per publish; cancellations") {
    Plan p = loadTestPlan("example.json");
    const auto shifts = resolveShifts(p);
    const auto keys = calendarPieceKeys(p, shifts);
    std::vector<std::string> first_week;
    for (std::size_t i = 0; i < shifts.size(); ++i)
        if (p.weeks[static_cast<std::size_t>(shifts[i].week)].start == day("2026-11-30")) first_week.push_back(keys[i]);
    CHECK(first_week == std::vector<std::string>{"2026-11-30/primary/1", "2026-11-30/secondary/1", "2026-11-30/primary/2",
                                                 "2026-11-30/primary/3"});
    CHECK(calendarUid(p, "2026-11-30/primary/2") == "2026-11-30-primary-2.platform@rotaplan");
    Plan odd = p;
    odd.team_name = "  Ops & SRE: EU!";
    CHECK(calendarUid(odd, "2026-11-30/primary/1") == "2026-11-30-primary-1.ops-sre-eu@rotaplan");
    odd.team_name = "\xC3\x89quipe";  // no ASCII letter first: "quipe"
    CHECK(calendarUid(odd, "k") == "k.quipe@rotaplan");

    // Not published: everything at 0, nothing cancelled.
    CalendarState s0 = calendarState(p, shifts, std::string("alice"));
    for (const auto& piece : s0.pieces) CHECK(piece.sequence == 0);
    CHECK(s0.cancelled.empty());

    // Published, then the first week's primary given to bob.
    p = *publishPlan(p, day("2026-11-20"), true).plan;
    p.weeks[0].primary = "bob";
    p.weeks[0].secondary = "dev";
    const auto s1 = resolveShifts(p);
    const CalendarState alice = calendarState(p, s1, std::string("alice"));
    REQUIRE(alice.cancelled.size() == 2);
    CHECK(alice.cancelled[0].uid == "2026-11-30-primary-1.platform@rotaplan");
    CHECK(alice.cancelled[0].sequence == 1);
    CHECK(alice.cancelled[1].uid == "2026-11-30-primary-3.platform@rotaplan");
    const CalendarState team = calendarState(p, s1, std::nullopt);
    CHECK(team.cancelled.empty());  // every piece still exists, with someone else
    const auto k1 = calendarPieceKeys(p, s1);
    for (std::size_t i = 0; i < s1.size(); ++i) {
        const bool changed = k1[i] == "2026-11-30/primary/1" || k1[i] == "2026-11-30/primary/3" || k1[i] == "2026-11-30/secondary/1";
        CHECK_MESSAGE(team.pieces[i].sequence == (changed ? 1 : 0), k1[i]);
    }
    // After publishing: the sequences are kept, and alice's calendar still cancels.
    p = *publishPlan(p, day("2026-11-21"), true).plan;
    const auto s2 = resolveShifts(p);
    const CalendarState alice2 = calendarState(p, s2, std::string("alice"));
    REQUIRE(alice2.cancelled.size() == 2);
    CHECK(alice2.cancelled[0].sequence == 1);
    const CalendarState team2 = calendarState(p, s2, std::nullopt);
    CHECK(team2.pieces == team.pieces);
    // The override removed: its piece vanished from the team calendar (cancelled), the
    // week's primary is one piece again.
    p.overrides.clear();
    const auto s3 = resolveShifts(p);
    const CalendarState team3 = calendarState(p, s3, std::nullopt);
    std::vector<std::string> gone;
    for (const auto& c : team3.cancelled) gone.push_back(c.uid + " " + std::to_string(c.sequence));
    CHECK(gone == std::vector<std::string>{"2026-11-30-primary-2.platform@rotaplan 1",
                                           "2026-11-30-primary-3.platform@rotaplan 2"});
    // ... and once published, SEQUENCE 2 for piece 1 (changed twice), the cancellations kept.
    p = *publishPlan(p, day("2026-11-22"), true).plan;
    const CalendarState team4 = calendarState(p, resolveShifts(p), std::nullopt);
    CHECK(team4.cancelled.size() == 2);
    CHECK(team4.pieces[0].sequence == 2);
    // The ICS carries it all.
    IcsOptions o;
    o.stamp = Instant{};
    const std::string ics = exportIcs(p, o);
    CHECK(ics.find("UID:2026-11-30-primary-2.platform@rotaplan\r\nSEQUENCE:1\r\n") != std::string::npos);
    CHECK(ics.find("STATUS:CANCELLED\r\nSUMMARY:Cancelled: Platform on-call: primary (Carol Diaz)\r\n") != std::string::npos);
}

TEST_CASE("announce: Slack mentions, Markdown escaping") {
    Person p;
    p.name = "A <b> & c";
    CHECK(slackMention(p) == "A &lt;b&gt; &amp; c");
    p.slack = "U024BE7LH";
    CHECK(slackMention(p) == "<@U024BE7LH>");
    p.slack = "<@W12345>";
    CHECK(slackMention(p) == "<@W12345>");
    p.slack = "@ann";
    CHECK(slackMention(p) == "@ann");
    p.slack = "ann.lee";
    CHECK(slackMention(p) == "@ann.lee");

    Plan team = loadTestPlan("changes/team.json");
    team.people[0].name = "Alice | *bold* `x`";
    AnnounceOptions o;
    o.today = day("2026-12-01");
    o.format = AnnounceFormat::Markdown;
    const std::string md = announceText(team, o);
    CHECK(md.find("| 2026-11-30 | Alice \\| \\*bold\\* \\`x\\` | Bob Osei | Dana Li |") != std::string::npos);
    o.format = AnnounceFormat::Slack;
    const std::string slack = announceText(team, o);
    CHECK(slack.find("2026-11-30  Alice | *bold* 'x'") != std::string::npos);  // in the code block: no backtick
    // A day that is not the handoff day lists the week under way first.
    o.today = day("2026-12-10");
    o.weeks = 1;
    CHECK(announceText(team, o).find("```\nWeek of     Primary  Secondary   Escalation\n2026-12-07  Dev Rao  Carol Diaz  Dana Li\n```") !=
          std::string::npos);
}

TEST_CASE("whois and next: resolved, in the person's zone") {
    const Plan team = loadTestPlan("changes/team.json");
    const OnCall o = whoIsOnCall(team, at(team, "2026-12-02T20:00"));
    REQUIRE(o.primary);
    CHECK(o.primary->person == "carol");
    CHECK(o.primary->from_override);
    CHECK(o.secondary->person == "bob");
    CHECK(o.escalation == std::optional<std::string>("dana"));
    CHECK_FALSE(o.shadow);
    CHECK(whoIsOnCall(team, at(team, "2026-12-07T08:59")).week == 4);
    CHECK(whoIsOnCall(team, at(team, "2026-12-07T09:00")).week == 5);
    CHECK(whoIsOnCall(team, at(team, "2030-01-01T00:00")).week == -1);
    const auto d = nextDuties(team, "carol", at(team, "2026-12-01T00:00"), 3);
    REQUIRE(d.size() == 3);
    CHECK(d[0].role == Duty::Primary);
    CHECK(d[0].from_override);
    CHECK(d[1].week == day("2026-12-07"));
    CHECK(d[1].role == Duty::Secondary);
    CHECK(d[2].week == day("2026-12-21"));
    const Json j = nextDutiesToJson(team, "dev", at(team, "2026-12-01T00:00"), nextDuties(team, "dev", at(team, "2026-12-01T00:00"), 1));
    CHECK(j["timezone"] == "Asia/Kolkata");
    CHECK(j["duties"][0]["start"] == "2026-12-07T19:30:00+05:30");
}

TEST_CASE("incident log: CSV quoting, columns in any order, errors with the place") {
    const Plan team = loadTestPlan("changes/team.json");
    auto read = [&](const std::string& text) { return readIncidentLog(team, text); };
    auto err = [&](const std::string& text) {
        auto r = read(text);
        return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : std::string("(read)");
    };
    auto ok = read("\xEF\xBB\xBFSeverity,Title,Opened,Escalated_To,Resolved\r\n"
                   "p1,\"Disk full, again\nsecond line\",2026-12-01 10:00,secondary,2026-12-01T15:30Z\r\n\r\n"
                   "P3,x,2026-12-02T10:00+01:00,,\r\n");
    REQUIRE(std::holds_alternative<std::vector<LoggedIncident>>(ok));
    const auto& log = std::get<std::vector<LoggedIncident>>(ok);
    REQUIRE(log.size() == 2);
    CHECK(log[0].severity == "P1");
    CHECK(log[0].id == "#1");
    CHECK(log[0].escalated_to == std::optional<std::string>("secondary"));
    CHECK(log[0].opened == at(team, "2026-12-01T10:00"));
    CHECK(log[0].resolved == std::optional<Instant>(at(team, "2026-12-01T15:30Z")));
    CHECK_FALSE(log[1].acknowledged);
    CHECK(log[1].opened == at(team, "2026-12-02T09:00Z"));
    CHECK(err("title\nx\n") == "line 1: no column \"opened\" (when each incident was opened)");
    CHECK(err("opened,severity,opened\n") == "line 1: the column opened appears twice");
    CHECK(err("opened,severity\n2026-12-01,P1\n") ==
          "line 2, column opened: '2026-12-01' is not a date-time (YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset)");
    CHECK(err("opened,severity\n\"2026-12-01T10:00,P1\n") == "line 2: a quoted field is not closed");
    CHECK(err("opened,severity,resolved\n2026-12-01T10:00,P1,2026-12-01T09:00\n") ==
          "line 2, column resolved: resolved before it was opened");
    CHECK(err(R"([{"opened": "2026-12-01T10:00", "severity": "P1", "escalated_to": 3}])") ==
          "/0/escalated_to: expected a level or a person id, or null");
    CHECK(err(R"([{"severity": "P1", "opened": null}])") == "/0: \"opened\" is missing (when the incident was opened)");
    CHECK(err("[1,") .find("not JSON") != std::string::npos);
    // pay's own list is read too, and a log feeds pay.
    auto pay = read(R"([{"at": "2026-12-05T02:00", "severity": "P0", "ack": {"secondary": 12}, "resolve": 45, "id": "x"}])");
    REQUIRE(std::holds_alternative<std::vector<LoggedIncident>>(pay));
    const LoggedIncident& i = std::get<std::vector<LoggedIncident>>(pay)[0];
    CHECK(i.id == "x");
    CHECK(i.escalated_to == std::optional<std::string>("secondary"));
    CHECK(i.acknowledged == std::optional<Instant>(at(team, "2026-12-05T02:12")));
    CHECK(isIncidentLog("opened,severity\n"));
    CHECK_FALSE(isIncidentLog(R"([{"at": "2026-12-05T02:00", "severity": "P0"}])"));
    auto list = readIncidentList(team, "opened,severity,acknowledged\n2026-12-05T02:00,P0,2026-12-05T02:03:30\n");
    REQUIRE(std::holds_alternative<std::vector<EscalationScenario>>(list));
    const auto& sc = std::get<std::vector<EscalationScenario>>(list)[0];
    REQUIRE(sc.acks.size() == 1);
    CHECK(sc.acks[0].minute == 4);  // rounded up to whole minutes
}

TEST_CASE("review: nearest-rank median and 90th percentile, business minutes, previous month") {
    const Plan team = loadTestPlan("changes/team.json");
    // Ten P1s acknowledged after 1..10 minutes, resolved after 10..100: median 5 and 50,
    // p90 9 and 90 (nearest rank), worst 10 and 100.
    std::string csv = "opened,acknowledged,resolved,severity\n";
    for (int k = 1; k <= 10; ++k) {
        char line[160];
        std::snprintf(line, sizeof line, "2026-12-%02dT10:00,2026-12-%02dT10:%02d,2026-12-%02dT%02d:%02d,P1\n", k + 1, k + 1, k,
                      k + 1, 10 + (10 * k) / 60, (10 * k) % 60);
        csv += line;
    }
    auto log = std::get<std::vector<LoggedIncident>>(readIncidentLog(team, csv));
    Review r = reviewMonth(team, log, 2026, 12);
    const SeverityFigures& p1 = r.month.severities[1];
    CHECK(p1.incidents == 10);
    CHECK(p1.acknowledge.median == std::optional<long long>(5 * 60));
    CHECK(p1.acknowledge.p90 == std::optional<long long>(9 * 60));
    CHECK(p1.acknowledge.worst == std::optional<long long>(10 * 60));
    CHECK(p1.acknowledge.missed == 5);  // 6..10 minutes against 5
    CHECK(p1.resolve.median == std::optional<long long>(50 * 60));
    CHECK(p1.resolve.p90 == std::optional<long long>(90 * 60));
    CHECK(p1.resolve.missed == 9);      // all but 10 minutes against 15
    CHECK_FALSE(r.previous);
    // A P2 opened Friday 16:30, acknowledged Monday 09:04: 34 business minutes.
    log.push_back({"bh", "P2", at(team, "2026-12-04T16:30"), at(team, "2026-12-07T09:04"), at(team, "2026-12-07T10:30"), std::nullopt, false});
    // One in November: the previous month is shown.
    log.push_back({"nov", "P1", at(team, "2026-11-30T23:59"), std::nullopt, std::nullopt, std::nullopt, false});
    r = reviewMonth(team, log, 2026, 12);
    CHECK(r.month.severities[2].acknowledge.median == std::optional<long long>(34 * 60));
    CHECK(r.month.severities[2].resolve.median == std::optional<long long>(120 * 60));
    CHECK(r.month.severities[2].resolve.missed == 0);
    REQUIRE(r.previous);
    CHECK(r.previous->incidents == 1);
    CHECK(r.previous->severities[1].acknowledge.missing == 1);
    const Json j = reviewToJson(team, r);
    CHECK(j["acknowledge"][1]["median_minutes"] == 5);
    CHECK(j["previous"]["misses"].size() == 2);
    CHECK(parseMonth("2026-12") == std::optional<std::pair<int, unsigned>>({2026, 12u}));
    CHECK_FALSE(parseMonth("2026-00"));
    CHECK_FALSE(parseMonth("26-12"));
}
