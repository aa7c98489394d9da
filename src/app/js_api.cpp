// The page's JavaScript API (interfaces.md "The page's JavaScript API") and the test
// hook, as C functions returning JSON text. web/rotaplan-api.js wraps them into
// window.rotaplan and window.rotaplanTest. Every plan change goes through the
// Document, so the API's loadPlan is undoable and autosaved like a change in a window.
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

#include "app_state.hpp"
#include "core/rules/check.hpp"
#include "core/simulation/escalation.hpp"
#include "core/exports/exports.hpp"
#include "core/interop/interop.hpp"
#include "interop_client.hpp"
#include "core/simulation/gaps.hpp"
#include "core/model/plan_io.hpp"
#include "core/rules/simulate.hpp"
#include "core/model/time.hpp"
#include "widgets.hpp"

namespace {

// The text handed back to JavaScript; valid until the next call (JS copies it at once).
std::string& Result() {
    static std::string result;
    return result;
}

const char* Return(const rp::Json& j) {
    Result() = j.dump();
    return Result().c_str();
}

const char* Fail(const std::string& message) { return Return(rp::Json{{"ok", false}, {"error", message}}); }

}  // namespace

extern "C" {

// `length` is the text's byte length: a NUL byte inside it is the reader's to refuse, not
// the end of the text.
EMSCRIPTEN_KEEPALIVE const char* rp_api_load_plan(const char* text, int length) {
    app::App& a = app::TheApp();
    try {
        const std::string plan_text = text ? std::string(text, static_cast<std::size_t>(length > 0 ? length : 0)) : std::string();
        if (auto error = app::LoadPlanText(a, plan_text, "Load plan (API)")) return Fail(*error);
    } catch (const std::bad_alloc&) {
        a.doc.DropHistory();
        return Fail("not enough memory in the page to load this plan; the open plan is unchanged");
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
    a.rotation = app::RotationViewState();
    a.file_name.clear();   // a program's own plan: saved under its team's name, not the sample's
    return Return(rp::Json{{"ok", true}});
}

EMSCRIPTEN_KEEPALIVE const char* rp_api_plan_json() {
    Result() = rp::writePlan(app::TheApp().doc.plan());
    return Result().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* rp_api_check() {
    app::App& a = app::TheApp();
    try {
        app::RefreshDerived(a);
        return Return(rp::Json{{"ok", true}, {"report", rp::reportToJson(a.derived.report)}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

EMSCRIPTEN_KEEPALIVE const char* rp_api_simulate(const char* request_id) {
    try {
        auto sim = rp::simulate(app::TheApp().doc.plan(), request_id ? request_id : "");
        if (!sim) return Fail(std::string("no request with id \"") + (request_id ? request_id : "") + "\"");
        return Return(rp::Json{{"ok", true}, {"simulation", rp::simulationToJson(*sim)}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// options: {severity, at, security, ack: {primary: 3}, resolve} (escalation.md)
EMSCRIPTEN_KEEPALIVE const char* rp_api_escalate(const char* options_c) {
    const rp::Plan& plan = app::TheApp().doc.plan();
    rp::Json options = rp::Json::parse(options_c ? options_c : "{}", nullptr, false);
    if (options.is_discarded() || !options.is_object()) return Fail("options: expected an object");
    try {
        auto scenario = rp::scenarioFromJson(plan, options);
        if (auto* error = std::get_if<std::string>(&scenario)) return Fail(*error);
        rp::EscalationResult result = rp::escalate(plan, std::get<rp::EscalationScenario>(scenario));
        if (auto* error = std::get_if<std::string>(&result)) return Fail(*error);
        return Return(rp::Json{{"ok", true},
                               {"timeline", rp::timelineToJson(std::get<rp::EscalationTimeline>(result),
                                                               rp::findZone(plan.team_timezone))}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// The coverage-gap scan of the open plan: {gaps: [...], count} (escalation.md).
EMSCRIPTEN_KEEPALIVE const char* rp_api_gaps() {
    const rp::Plan& plan = app::TheApp().doc.plan();
    try {
        return Return(rp::Json{{"ok", true},
                               {"gaps", rp::gapReportToJson(rp::findCoverageGaps(plan), rp::findZone(plan.team_timezone))}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// options: {"person": id, "stamp": "2026-11-27T00:00:00Z", "utc": bool} (all optional)
EMSCRIPTEN_KEEPALIVE const char* rp_api_export(const char* format_c, const char* options_c) {
    const rp::Plan& plan = app::TheApp().doc.plan();
    const std::string format = format_c ? format_c : "";
    rp::Json options = rp::Json::parse(options_c ? options_c : "{}", nullptr, false);
    if (options.is_discarded() || !options.is_object()) options = rp::Json::object();
    // A wrongly typed option is refused, never ignored (an ignored `person` would hand back
    // the whole team's calendar).
    if (options.contains("person") && !options["person"].is_string()) return Fail("options.person: expected a person id");
    if (options.contains("utc") && !options["utc"].is_boolean()) return Fail("options.utc: expected true or false");
    if (options.contains("stamp") && !options["stamp"].is_string())
        return Fail("options.stamp: expected a date-time such as 2026-11-27T00:00:00Z");
    try {
        std::string text;
        if (format == "json") {
            text = rp::exportJsonText(plan);
        } else if (format == "ics") {
            rp::IcsOptions ics;
            if (options.contains("person") && options["person"].is_string()) {
                ics.person = options["person"].get<std::string>();
                // Same as the CLI's --person: an unknown id is an error, not an empty calendar.
                if (!plan.findPerson(*ics.person))
                    return Fail("options.person: " + *ics.person + " is not a person of the plan");
            }
            if (options.contains("utc") && options["utc"].is_boolean()) ics.utc = options["utc"].get<bool>();
            if (options.contains("stamp") && options["stamp"].is_string()) {
                const std::string stamp = options["stamp"].get<std::string>();
                // Read like the CLI's --stamp: a time without an offset is UTC.
                auto at = rp::parseDateTime(rp::findZone("UTC"), stamp);
                if (!at) return Fail("options.stamp: expected a date-time such as 2026-11-27T00:00:00Z, got \"" +
                                     stamp + "\"");
                ics.stamp = *at;
            }
            text = rp::exportIcs(plan, ics);
        } else if (format == "csv") {
            text = rp::exportCsv(plan);
        } else if (format == "md" || format == "markdown") {
            text = rp::exportMarkdown(plan);
        } else if (auto vendor = rp::interop::parseVendor(format); vendor && *vendor != rp::interop::Vendor::Ics) {
            // options.users: the --users file's text, or the same as an object (docs/interop.md).
            std::optional<std::string> users;
            if (options.contains("users") && !options["users"].is_null()) {
                users = options["users"].is_string() ? options["users"].get<std::string>() : options["users"].dump();
                auto read = rp::interop::checkUsersVia(app::InteropTransport(), *users);
                if (auto* e = std::get_if<rp::interop::ServiceError>(&read))
                    return Fail((e->thrown ? "" : "options.users: ") + e->message);
            }
            auto r = rp::interop::exportVendorVia(app::InteropTransport(), plan, *vendor, users);
            if (auto* e = std::get_if<rp::interop::ServiceError>(&r)) return Fail(e->message);
            text = std::move(std::get<rp::interop::ExportResult>(r).text);
        } else {
            return Fail("unknown format \"" + format +
                        "\" (expected json, ics, csv, md, pagerduty, opsgenie, grafana-oncall or goalert)");
        }
        return Return(rp::Json{{"ok", true}, {"text", text}});
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// kind: pagerduty, opsgenie, grafana-oncall, goalert or ics; files: {primary, secondary,
// shadow} (texts); options: {timezone, handoff: "monday@09:00", replace (default true)}.
// The same import as `rotaplan import`: {ok, plan (text), losses} or {ok: false, error}.
// With replace, the plan replaces the open one as one undoable step.
EMSCRIPTEN_KEEPALIVE const char* rp_api_import(const char* kind_c, const char* files_c, const char* options_c) {
    const std::string kind = kind_c ? kind_c : "";
    auto vendor = rp::interop::parseVendor(kind);
    if (!vendor) return Fail("unknown kind \"" + kind + "\" (expected pagerduty, opsgenie, grafana-oncall, goalert or ics)");
    rp::Json files = rp::Json::parse(files_c ? files_c : "{}", nullptr, false);
    rp::Json options = rp::Json::parse(options_c ? options_c : "{}", nullptr, false);
    if (files.is_discarded() || !files.is_object()) return Fail("files: expected {primary, secondary, shadow}");
    if (options.is_discarded() || !options.is_object()) options = rp::Json::object();
    auto fileOf = [&](const char* role) -> std::optional<rp::interop::RoleFile> {
        if (!files.contains(role) || !files[role].is_string()) return std::nullopt;
        return rp::interop::RoleFile{role, files[role].get<std::string>()};
    };
    const auto primary = fileOf("primary");
    if (!primary) return Fail("files.primary: the primary schedule's file (text) is required");
    rp::interop::ImportOptions opts;
    if (options.contains("timezone") && options["timezone"].is_string()) opts.timezone = options["timezone"].get<std::string>();
    if (options.contains("handoff") && options["handoff"].is_string()) {
        auto h = rp::interop::parseHandoff(options["handoff"].get<std::string>());
        if (!h) return Fail("options.handoff: expected WEEKDAY@HH:MM such as monday@09:00");
        opts.handoff_weekday = h->first;
        opts.handoff_minute = h->second;
    }
    const bool replace = !(options.contains("replace") && options["replace"].is_boolean() && !options["replace"].get<bool>());
    try {
        auto r = rp::interop::importTimelinesVia(app::InteropTransport(), *vendor, *primary, fileOf("secondary"),
                                                 fileOf("shadow"), opts);
        if (auto* f = std::get_if<rp::interop::ServiceError>(&r)) return Fail(f->message);
        auto& imported = std::get<rp::interop::ImportResult>(r);
        rp::Json out{{"ok", true}, {"plan", rp::writePlan(imported.plan)}, {"losses", rp::interop::lossesToJson(imported.losses)}};
        if (replace) {
            app::App& a = app::TheApp();
            a.doc.Replace(std::string("Import from ") + rp::interop::vendorTitle(*vendor) + " (API)", std::move(imported.plan));
            a.rotation = app::RotationViewState();
        }
        return Return(out);
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
}

// ---- test hook ----

// The Import dialog's preview: {show, vendor, files, ok, error, losses, weeks}.
EMSCRIPTEN_KEEPALIVE const char* rp_test_import_preview() { return Return(app::ImportPreviewJson(app::TheApp())); }

EMSCRIPTEN_KEEPALIVE const char* rp_test_widget_rect(const char* label) {
    auto box = app::LastFrameRect(label ? label : "");
    if (!box) return Return(nullptr);
    return Return(rp::Json{{"x", box->min.x}, {"y", box->min.y},
                           {"w", box->max.x - box->min.x}, {"h", box->max.y - box->min.y}});
}

EMSCRIPTEN_KEEPALIVE const char* rp_test_widget_text(const char* label) {
    auto text = app::LastFrameText(label ? label : "");
    return text ? Return(rp::Json(*text)) : Return(nullptr);
}

EMSCRIPTEN_KEEPALIVE void rp_test_undo() { app::TheApp().doc.Undo(); }
EMSCRIPTEN_KEEPALIVE void rp_test_redo() { app::TheApp().doc.Redo(); }
EMSCRIPTEN_KEEPALIVE int rp_test_can_undo() { return app::TheApp().doc.CanUndo() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int rp_test_can_redo() { return app::TheApp().doc.CanRedo() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* rp_test_undo_description() {
    Result() = app::TheApp().doc.UndoDescription();
    return Result().c_str();
}
EMSCRIPTEN_KEEPALIVE double rp_test_frame_ms() { return app::TheApp().frame_ms; }
EMSCRIPTEN_KEEPALIVE int rp_test_revision() { return static_cast<int>(app::TheApp().doc.revision()); }

// Called by the frame loop once the plan is loaded and the first frames are drawn.
void rp_announce_ready() {
#ifdef __EMSCRIPTEN__
    EM_ASM({
        if (Module.rotaplanStarted) Module.rotaplanStarted();
    });
#endif
}

}  // extern "C"
