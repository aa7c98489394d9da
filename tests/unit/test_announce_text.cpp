// Names in announcements (docs/changes.md "Announcements"): the Markdown and Slack text
// defuse Trojan-Source-style spoofing characters as every export does (exports.hpp
// withoutSpoofing), through the Markdown escaper shared with the Markdown export.
#include <doctest/doctest.h>

#include "core/changes/announce.hpp"
#include "core/exports/exports.hpp"
#include "core/model/plan_io.hpp"
#include "test_data.hpp"

using namespace rp;

TEST_CASE("markdownText: one escaper for the Markdown export and the announcement") {
    const std::string rlo = "\xE2\x80\xAE", ls = "\xE2\x80\xA8";
    CHECK(markdownText("a|b*c_d`e[f]g<h>i\\j") == "a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>i\\\\j");
    CHECK(markdownText("# x") == "# x");
    CHECK(markdownText("# x", true) == "\\# x");
    CHECK(markdownText("a\r\nb\x01\tc") == "a b\tc");
    CHECK(markdownText("Ev" + rlo + "e" + ls + "x") == "Eve x");
}

TEST_CASE("announce: bidi controls and line separators in names are defused, Markdown and Slack") {
    const std::string rlo = "\xE2\x80\xAE", lri = "\xE2\x81\xA6", ls = "\xE2\x80\xA8", nel = "\xC2\x85";
    Plan team = loadTestPlan("changes/team.json");
    REQUIRE(team.people.size() > 1);
    team.people[0].name = "Ali" + rlo + "ce" + lri + ls + "# x";
    team.people[1].name = "Bo" + nel + "b";
    AnnounceOptions o;
    o.today = *parseDate("2026-12-01");
    o.format = AnnounceFormat::Markdown;
    const std::string md = announceText(team, o);
    for (const std::string& bad : {rlo, lri, ls, nel}) CHECK(md.find(bad) == std::string::npos);
    CHECK(md.find("| 2026-11-30 | Alice \\# x | Bo b | Dana Li |") != std::string::npos);

    o.format = AnnounceFormat::Slack;
    const std::string slack = announceText(team, o);
    for (const std::string& bad : {rlo, lri, ls, nel}) CHECK(slack.find(bad) == std::string::npos);
    CHECK(slack.find("2026-11-30  Alice # x") != std::string::npos);  // in the code block
}
