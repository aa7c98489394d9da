// The JavaScript API of the published-rotation commands (docs/interfaces.md "The page's
// JavaScript API"): check({today}), publish, diff, announce, whois, next, review, as the
// CLI gives them; and the test hook's fixed today. web/rotaplan-api.js wraps these.
#include <chrono>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

#include "app_state.hpp"
#include "core/changes/announce.hpp"
#include "core/changes/diff.hpp"
#include "core/changes/incident_log.hpp"
#include "core/changes/lookup.hpp"
#include "core/changes/publish.hpp"
#include "core/changes/review.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"
#include "core/rules/check.hpp"

namespace {

std::string& Result() {
    static std::string result;   // valid until the next call; JS copies it at once
    return result;
}

const char* Return(const rp::Json& j) {
    Result() = j.dump();
    return Result().c_str();
}

const char* Fail(const std::string& message) { return Return(rp::Json{{"ok", false}, {"error", message}}); }

// The options object; a missing or malformed one is an empty object.
rp::Json Options(const char* text) {
    rp::Json o = rp::Json::parse(text ? text : "{}", nullptr, false);
    if (o.is_discarded() || !o.is_object()) return rp::Json::object();
    return o;
}

// options.today (YYYY-MM-DD), else the page's today; an error text when malformed.
std::optional<std::string> TodayOf(const rp::Json& o, rp::Date* today) {
    *today = app::PageToday(app::TheApp());
    if (!o.contains("today") || o["today"].is_null()) return std::nullopt;
    if (!o["today"].is_string()) return std::string("options.today: expected a date YYYY-MM-DD");
    const auto d = rp::parseDate(o["today"].get<std::string>());
    if (!d) return "options.today: expected a date YYYY-MM-DD, got \"" + o["today"].get<std::string>() + "\"";
    *today = *d;
    return std::nullopt;
}

// options.at: a date-time in the team's zone, with Z or an offset, or "now"/absent.
std::optional<std::string> InstantOf(const rp::Plan& plan, const rp::Json& o, rp::Instant* at) {
    *at = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (!o.contains("at") || o["at"].is_null() || o["at"] == "now") return std::nullopt;
    if (!o["at"].is_string()) return std::string("options.at: expected a date-time such as 2026-12-02T20:00");
    const auto t = rp::parseDateTime(rp::findZone(plan.team_timezone), o["at"].get<std::string>());
    if (!t) return "options.at: expected a date-time YYYY-MM-DDTHH:MM (team zone), or with Z or an offset, got \"" +
                   o["at"].get<std::string>() + "\"";
    *at = *t;
    return std::nullopt;
}

}  // namespace

extern "C" {

// {today} -> the check report at that date (default: the page's today).
EMSCRIPTEN_KEEPALIVE const char* rp_api_check_with(const char* options_c) {
    try {
        const rp::Json o = Options(options_c);
        rp::Date today;
        if (auto e = TodayOf(o, &today)) return Fail(*e);
        rp::CheckOptions options;
        options.today = today;
        return Return(rp::Json{{"ok", true}, {"report", rp::reportToJson(rp::check(app::TheApp().doc.plan(), options))}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// {today, force} -> publishes the open plan as one undoable step, like the Publish button.
EMSCRIPTEN_KEEPALIVE const char* rp_api_publish(const char* options_c) {
    try {
        app::App& a = app::TheApp();
        const rp::Json o = Options(options_c);
        rp::Date today;
        if (auto e = TodayOf(o, &today)) return Fail(*e);
        const bool force = o.contains("force") && o["force"].is_boolean() && o["force"].get<bool>();
        const rp::PublishOutcome out = rp::publishPlan(a.doc.plan(), today, force);
        if (!out.plan) {
            rp::Json blockers = rp::Json::array();
            for (const rp::Violation& v : out.blockers) blockers.push_back(rp::violationToJson(v));
            return Return(rp::Json{{"ok", false}, {"error", out.message}, {"blockers", blockers}});
        }
        a.doc.Apply("Publish the rotation (" + rp::formatDate(today) + ")",
                    [today](rp::Plan& p) { p.published = rp::snapshotOf(p, today); });
        return Return(rp::Json{{"ok", true}, {"at", rp::formatDate(today)},
                               {"weeks", static_cast<int>(a.doc.plan().weeks.size())}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// {today, old: planText} -> the diff object (against the published snapshot, or old).
EMSCRIPTEN_KEEPALIVE const char* rp_api_diff(const char* options_c) {
    try {
        const rp::Plan& plan = app::TheApp().doc.plan();
        const rp::Json o = Options(options_c);
        rp::Date today;
        if (auto e = TodayOf(o, &today)) return Fail(*e);
        rp::DiffResult d;
        if (o.contains("old") && o["old"].is_string()) {
            rp::LoadResult old = rp::readPlan(o["old"].get<std::string>());
            if (!old.ok()) return Fail("options.old: " + old.error->str());
            d = rp::diffPlans(*old.plan, plan, today);
        } else {
            auto r = rp::diffPublished(plan, today);
            if (!r) return Fail("the plan has no published snapshot (publish it first)");
            d = std::move(*r);
        }
        return Return(rp::Json{{"ok", true}, {"diff", rp::diffToJson(plan, d)}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// {format: "slack"|"md", weeks, today} -> the announcement text.
EMSCRIPTEN_KEEPALIVE const char* rp_api_announce(const char* options_c) {
    try {
        const rp::Json o = Options(options_c);
        rp::AnnounceOptions a;
        if (auto e = TodayOf(o, &a.today)) return Fail(*e);
        if (o.contains("format") && !o["format"].is_null()) {
            if (o["format"] == "slack") a.format = rp::AnnounceFormat::Slack;
            else if (o["format"] == "md" || o["format"] == "markdown") a.format = rp::AnnounceFormat::Markdown;
            else return Fail("options.format: expected \"slack\" or \"md\"");
        }
        if (o.contains("weeks") && !o["weeks"].is_null()) {
            if (!o["weeks"].is_number_integer() || o["weeks"].get<long long>() < 1 || o["weeks"].get<long long>() > 520)
                return Fail("options.weeks: expected a whole number of weeks from 1 to 520");
            a.weeks = static_cast<int>(o["weeks"].get<long long>());
        }
        return Return(rp::Json{{"ok", true}, {"text", rp::announceText(app::TheApp().doc.plan(), a)}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// {at} -> who is on call then.
EMSCRIPTEN_KEEPALIVE const char* rp_api_whois(const char* options_c) {
    try {
        const rp::Plan& plan = app::TheApp().doc.plan();
        rp::Instant at;
        if (auto e = InstantOf(plan, Options(options_c), &at)) return Fail(*e);
        return Return(rp::Json{{"ok", true}, {"whois", rp::onCallToJson(plan, rp::whoIsOnCall(plan, at))}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// {person, count, at} -> the person's next duties.
EMSCRIPTEN_KEEPALIVE const char* rp_api_next(const char* options_c) {
    try {
        const rp::Plan& plan = app::TheApp().doc.plan();
        const rp::Json o = Options(options_c);
        if (!o.contains("person") || !o["person"].is_string()) return Fail("options.person: expected a person id");
        const std::string person = o["person"].get<std::string>();
        if (!plan.findPerson(person)) return Fail("options.person: " + person + " is not a person of the plan");
        int count = 5;
        if (o.contains("count") && !o["count"].is_null()) {
            if (!o["count"].is_number_integer() || o["count"].get<long long>() < 1 || o["count"].get<long long>() > 10000)
                return Fail("options.count: expected a whole number from 1 to 10000");
            count = static_cast<int>(o["count"].get<long long>());
        }
        rp::Instant at;
        if (auto e = InstantOf(plan, o, &at)) return Fail(*e);
        return Return(rp::Json{{"ok", true},
                               {"next", rp::nextDutiesToJson(plan, person, at, rp::nextDuties(plan, person, at, count))}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// {incidents: logText, month: "YYYY-MM", format: "json"|"md"} -> the review.
EMSCRIPTEN_KEEPALIVE const char* rp_api_review(const char* options_c) {
    try {
        const rp::Plan& plan = app::TheApp().doc.plan();
        const rp::Json o = Options(options_c);
        if (!o.contains("incidents") || !o["incidents"].is_string())
            return Fail("options.incidents: expected the incident log's text (CSV or JSON)");
        if (!o.contains("month") || !o["month"].is_string()) return Fail("options.month: expected a month YYYY-MM");
        const auto ym = rp::parseMonth(o["month"].get<std::string>());
        if (!ym) return Fail("options.month: expected a month YYYY-MM, got \"" + o["month"].get<std::string>() + "\"");
        auto log = rp::readIncidentLog(plan, o["incidents"].get<std::string>());
        if (const auto* e = std::get_if<std::string>(&log)) return Fail("options.incidents: " + *e);
        const rp::Review r = rp::reviewMonth(plan, std::get<std::vector<rp::LoggedIncident>>(log), ym->first, ym->second);
        if (o.contains("format") && o["format"] == "md")
            return Return(rp::Json{{"ok", true}, {"review", rp::reviewToMarkdown(plan, r)}});
        return Return(rp::Json{{"ok", true}, {"review", rp::reviewToJson(plan, r)}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// Test hook: the page's today fixed to a date ("" = the clock again).
EMSCRIPTEN_KEEPALIVE int rp_test_set_today(const char* date_c) {
    app::App& a = app::TheApp();
    const std::string text = date_c ? date_c : "";
    if (text.empty()) {
        a.chg.today_override.reset();
        return 1;
    }
    const auto d = rp::parseDate(text);
    if (!d) return 0;
    a.chg.today_override = *d;
    return 1;
}

}  // extern "C"
