// The vendor exchange through the page's interop module framing (core/interop/service.hpp):
// every answer through serviceCall is the same as the direct call (bytes, losses, errors),
// the framing refuses what is not a whole list, and a transport that fails gives a clear
// message instead of a half-made result.
#include <doctest/doctest.h>

#include "core/interop/service.hpp"
#include "interop_helpers.hpp"
#include "test_data.hpp"

using namespace interop_test;
using rp::interop::Vendor;

namespace {

const rp::interop::Transport kDirect = [](const std::string& request) {
    return rp::interop::TransportReply{rp::interop::serviceCall(request), ""};
};

std::string lossesText(const std::vector<rp::interop::Loss>& l) { return rp::interop::lossesToJson(l).dump(); }

}  // namespace

TEST_CASE("service framing: netstrings in, the same fields out; anything else refused") {
    using rp::interop::packFields;
    using rp::interop::unpackFields;
    const std::string nul("a\0b", 3);
    const std::string packed = packFields({"export", "", nul, "12:34,"});
    CHECK(packed == std::string("6:export,0:,3:a\0b,6:12:34,,", 27));
    auto back = unpackFields(packed);
    REQUIRE(back);
    CHECK(*back == std::vector<std::string>{"export", "", nul, "12:34,"});
    CHECK(unpackFields("")->empty());
    for (const char* bad : {"3:ab,", "3:abcd", "x:abc,", ":abc,", "3abc,", "2:ab", "99999999999999:a,"})
        CHECK_MESSAGE(!unpackFields(bad), bad);
    CHECK(rp::interop::serviceCall("garbage") == packFields({"error", "interop request: not a list of fields", "0"}));
    CHECK(rp::interop::serviceCall(packFields({"sing"})) ==
          packFields({"error", "interop request: unknown operation \"sing\"", "0"}));
    CHECK(rp::interop::serviceCall(packFields({"export", "pagerduty"})) ==
          packFields({"error", "interop request: export takes 4 fields", "0"}));
}

TEST_CASE("service export: the same document and losses as exportVendor, for every vendor, with and without users") {
    const rp::Plan plan = load(planText("America/New_York", "monday", "09:00", "2026-03-02",
                                        {{"alice", "bob"}, {"carol", "dan"}, {"bob", ""}, {"dan", "alice"}},
                                        R"([{"role":"primary","person":"carol","from":"2026-03-10T18:00","to":"2026-03-11T06:00"}])"));
    const std::string users = R"({"alice": "PALICE", "bob": "PBOB"})";
    for (Vendor v : {Vendor::PagerDuty, Vendor::Opsgenie, Vendor::GrafanaOnCall, Vendor::GoAlert}) {
        for (bool with_users : {false, true}) {
            CAPTURE(rp::interop::vendorName(v));
            CAPTURE(with_users);
            rp::interop::UserMap map;
            if (with_users) map = std::get<rp::interop::UserMap>(rp::interop::readUserMap(users));
            const auto direct = rp::interop::exportVendor(plan, v, map);
            auto via = rp::interop::exportVendorVia(kDirect, plan, v, with_users ? std::optional<std::string>(users) : std::nullopt);
            REQUIRE(std::holds_alternative<rp::interop::ExportResult>(via));
            const auto& r = std::get<rp::interop::ExportResult>(via);
            CHECK(r.text == direct.text);
            CHECK(lossesText(r.losses) == lossesText(direct.losses));
        }
    }
    // A bad user list: the reader's place, as the CLI says it.
    auto bad = rp::interop::exportVendorVia(kDirect, plan, Vendor::PagerDuty, std::string("[1, 2"));
    REQUIRE(std::holds_alternative<rp::interop::ServiceError>(bad));
    const auto direct_error = std::get<rp::interop::InputError>(rp::interop::readUserMap("[1, 2")).str();
    CHECK(std::get<rp::interop::ServiceError>(bad).message == direct_error);
    CHECK_FALSE(std::get<rp::interop::ServiceError>(bad).thrown);
    auto count = rp::interop::checkUsersVia(kDirect, users);
    REQUIRE(std::holds_alternative<std::size_t>(count));
    CHECK(std::get<std::size_t>(count) == 2);
}

TEST_CASE("service import: the vendor fixtures give the same plan bytes and losses as importTimelines") {
    const Json cases = Json::parse(readTestData("interop/cases.json"));
    int checked = 0;
    for (const Json& c : cases["cases"]) {
        CAPTURE(c["name"].get<std::string>());
        const Vendor v = *rp::interop::parseVendor(c["from"].get<std::string>());
        const rp::interop::RoleFile primary{"primary", readTestData("interop/" + c["primary"].get<std::string>())};
        std::optional<rp::interop::RoleFile> secondary;
        if (c.contains("secondary") && c["secondary"].is_string())
            secondary = rp::interop::RoleFile{"secondary", readTestData("interop/" + c["secondary"].get<std::string>())};
        rp::interop::ImportOptions options;
        const Json& args = c["options"];
        for (std::size_t i = 0; i + 1 < args.size(); i += 2)
            if (args[i] == "--timezone") options.timezone = args[i + 1].get<std::string>();
        if (checked % 2 == 1) {   // every other case with a handoff given
            options.handoff_weekday = 2;
            options.handoff_minute = 8 * 60 + 30;
        }
        auto direct = rp::interop::importTimelines(v, primary, secondary, std::nullopt, options);
        auto via = rp::interop::importTimelinesVia(kDirect, v, primary, secondary, std::nullopt, options);
        REQUIRE(std::holds_alternative<rp::interop::ImportResult>(direct));
        REQUIRE(std::holds_alternative<rp::interop::ImportResult>(via));
        const auto& d = std::get<rp::interop::ImportResult>(direct);
        const auto& r = std::get<rp::interop::ImportResult>(via);
        CHECK(rp::writePlan(r.plan) == rp::writePlan(d.plan));
        CHECK(lossesText(r.losses) == lossesText(d.losses));
        ++checked;
    }
    CHECK(checked == static_cast<int>(cases["cases"].size()));
}

TEST_CASE("service import: a bad file and a bad zone fail with the direct call's message, nothing half-made") {
    for (const char* bad : {"bad/opsgenie-end-before-start.json", "bad/goalert-unknown-zone.json", "bad/ics-bad-dtstart.ics"}) {
        CAPTURE(bad);
        const std::string name = bad;
        const Vendor v = name.find("opsgenie") != std::string::npos ? Vendor::Opsgenie
                         : name.find("goalert") != std::string::npos ? Vendor::GoAlert : Vendor::Ics;
        const rp::interop::RoleFile file{"primary.json", readTestData("interop/" + name)};
        rp::interop::ImportOptions options;
        if (v != Vendor::GoAlert) options.timezone = "Europe/Berlin";
        auto direct = rp::interop::importTimelines(v, file, std::nullopt, std::nullopt, options);
        auto via = rp::interop::importTimelinesVia(kDirect, v, file, std::nullopt, std::nullopt, options);
        REQUIRE(std::holds_alternative<rp::interop::ImportFailure>(direct));
        REQUIRE(std::holds_alternative<rp::interop::ServiceError>(via));
        CHECK(std::get<rp::interop::ServiceError>(via).message == std::get<rp::interop::ImportFailure>(direct).str());
    }
    rp::interop::ImportOptions zone;
    zone.timezone = "Mars/Olympus";
    const rp::interop::RoleFile file{"p.json", readTestData("interop/opsgenie/timeline-primary.json")};
    auto direct = rp::interop::importTimelines(Vendor::Opsgenie, file, std::nullopt, std::nullopt, zone);
    auto via = rp::interop::importTimelinesVia(kDirect, Vendor::Opsgenie, file, std::nullopt, std::nullopt, zone);
    REQUIRE(std::holds_alternative<rp::interop::ImportFailure>(direct));
    REQUIRE(std::holds_alternative<rp::interop::ServiceError>(via));
    CHECK(std::get<rp::interop::ServiceError>(via).message == std::get<rp::interop::ImportFailure>(direct).str());
}

TEST_CASE("service: a transport that fails or answers garbage gives a message, never a result") {
    const rp::Plan plan = load(planText("UTC", "monday", "09:00", "2026-03-02", {{"alice", "bob"}}));
    const rp::interop::Transport down = [](const std::string&) {
        return rp::interop::TransportReply{std::nullopt, "rotaplan-interop-module.wasm: HTTP 404"};
    };
    auto r = rp::interop::exportVendorVia(down, plan, Vendor::GoAlert, std::nullopt);
    REQUIRE(std::holds_alternative<rp::interop::ServiceError>(r));
    CHECK(std::get<rp::interop::ServiceError>(r).message == "rotaplan-interop-module.wasm: HTTP 404");
    CHECK(std::get<rp::interop::ServiceError>(r).thrown);
    const rp::interop::Transport garbage = [](const std::string&) { return rp::interop::TransportReply{"2:ok,", ""}; };
    auto g = rp::interop::importTimelinesVia(garbage, Vendor::Ics, {"p.ics", "x"}, std::nullopt, std::nullopt, {});
    REQUIRE(std::holds_alternative<rp::interop::ServiceError>(g));
    CHECK(std::get<rp::interop::ServiceError>(g).message == "the vendor formats module gave an answer that cannot be read");
}
