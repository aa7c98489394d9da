// Opsgenie (REST API v2): the export of a plan and the reader of a schedule's final
// timeline (docs/interop.md "Opsgenie").
//
// [SECTION] export
// [SECTION] reader
#include "core/interop/common.hpp"
#include "core/interop/export_model.hpp"
#include "core/interop/users.hpp"
#include "core/interop/vendors.hpp"
#include "core/model/time.hpp"

namespace rp::interop::detail {

// [SECTION] export

namespace {

constexpr const char* kRotationName = "weekly";

}  // namespace

ExportResult exportOpsgenie(const Plan& plan, const UserMap& users) {
    ExportModel m = buildExportModel(plan);
    UserResolver ur(plan, users, Vendor::Opsgenie);
    std::vector<Loss> losses = m.losses;
    const auto* zone = m.grid.zone;
    // Rotation dates take minutes :00 and :30 only; the rotation turns at the handoff's
    // half hour and overrides carry the minutes between (overrides are not rounded).
    const int turn_minute = m.grid.minute - m.grid.minute % 30;

    Json schedules = Json::array();
    for (const RoleModel& r : m.roles) {
        // The cycle as the rotation (it goes on after the plan); a rotation of nobody only
        // when nobody holds the role at all.
        // The rotation starts (and is active from) the first handoff, or the second when
        // daylight saving skips the first one's local time; overrides then hold week 0.
        std::vector<Fix> fixes;
        const bool with_cycle = !r.cycle.people.empty() && !m.empty;
        const long anchor = m.empty ? 0 : anchorWeek(m.grid, turn_minute, 1);
        if (!m.empty) {
            std::vector<Coverage> cover;
            const Instant active = std::max(m.span_start, m.grid.at(anchor, turn_minute));
            addWeeklyTurns(m.grid, r.cycle.people, turn_minute, active, m.span_end, cover);
            fixes = differences(m, r.target, flatten(std::move(cover), m.span_start, m.span_end));
        }

        Json participants = Json::array();
        if (with_cycle) {
            for (const std::string& p : rotated(r.cycle.people, anchor)) participants.push_back(ur.opsgenieUser(p));
        } else {
            participants.push_back(Json{{"type", "none"}});
        }
        Json rotation = Json::object();
        rotation["name"] = kRotationName;
        const Instant rotation_start = m.empty ? localToInstant(zone, m.grid.first, turn_minute)
                                               : m.grid.at(anchor, turn_minute);
        rotation["startDate"] = formatRfc3339(zone, rotation_start);
        rotation["type"] = "weekly";
        rotation["length"] = 1;
        rotation["participants"] = std::move(participants);

        Json overrides = Json::array();
        Date last_week{};
        int n = 0;
        int rounding_fixes = 0;
        for (const Fix& f : fixes) {
            n = f.week == last_week ? n + 1 : 1;
            last_week = f.week;
            // The stretches between the rounded turn and the handoff end at a handoff.
            if (turn_minute != m.grid.minute && m.grid.handoff(m.grid.weekAt(f.end)) == f.end &&
                f.end - f.start < std::chrono::minutes{30})
                ++rounding_fixes;
            Json o = Json::object();
            o["alias"] = "rotaplan-" + std::string(roleName(r.role)) + "-" + formatDate(f.week) + "-" + std::to_string(n);
            o["user"] = f.person.empty() ? Json{{"type", "none"}} : ur.opsgenieUser(f.person);
            o["startDate"] = formatRfc3339(zone, f.start);
            o["endDate"] = formatRfc3339(zone, f.end);
            // "If you select a Rotation, the override only applies to that Rotation": before
            // the rotation's startDate there is nothing to override, so an override reaching
            // there names no rotation and overrides the whole schedule (the schedule has this
            // one rotation, so the two are the same wherever the rotation is active).
            if (f.start >= rotation_start) o["rotations"] = Json::array({Json{{"name", kRotationName}}});
            overrides.push_back(std::move(o));
        }
        if (with_cycle && turn_minute != m.grid.minute)
            losses.push_back({"rounded-time", r.role, std::nullopt, std::nullopt,
                              "Opsgenie turns rotations on :00 or :30 only, so the " + roleTitle(r.role) +
                                  " rotation turns at " + formatHm(turn_minute) + " and " +
                                  std::to_string(rounding_fixes) + " override(s) keep each handoff at " +
                                  formatHm(m.grid.minute) + "; a :00 or :30 handoff would need none."});

        Json body = Json::object();
        body["name"] = scheduleName(plan, r.role);
        body["timezone"] = m.zone_name;
        body["enabled"] = true;
        body["rotations"] = Json::array({std::move(rotation)});
        Json entry = Json::object();
        entry["role"] = roleName(r.role);
        entry["body"] = std::move(body);
        entry["overrides"] = std::move(overrides);
        schedules.push_back(std::move(entry));
    }

    // Opsgenie counts each rule's delay from the alert's creation; Rotaplan escalates until
    // the incident is resolved, so every rule waits for "not closed".
    const EscalationModel esc = escalationModel(plan, Vendor::Opsgenie, losses);
    Json rules = Json::array();
    int step = 0;
    for (const EscalationStep& s : esc.steps) {
        Json rule = Json::object();
        rule["condition"] = "if-not-closed";
        rule["notifyType"] = "default";
        rule["delay"] = Json{{"timeAmount", step++ * esc.delay_minutes}, {"timeUnit", "minutes"}};
        rule["recipient"] = s.schedule ? Json{{"type", "schedule"}, {"name", scheduleName(plan, s.role)}}
                                       : ur.opsgenieUser(s.person);
        rules.push_back(std::move(rule));
    }
    Json escalation = Json::object();
    escalation["name"] = (plan.team_name.empty() ? std::string("Rotaplan") : plan.team_name) + " escalation";
    escalation["rules"] = std::move(rules);

    for (const Loss& l : ur.losses()) losses.push_back(l);
    Json doc = Json::object();
    doc["rotaplan_opsgenie"] = 1;
    doc["schedules"] = std::move(schedules);
    doc["escalation"] = std::move(escalation);
    return finishExport(std::move(doc), std::move(losses));
}

// [SECTION] reader

VendorTimeline readOpsgenieTimeline(const Json& doc) {
    const Node root(doc, "");
    VendorTimeline t;
    std::optional<Node> data;
    if (root.isObject()) {
        if (auto d = root.get("data"); d && d->isObject()) data = d;
        else if (root.get("finalTimeline")) data = root;
    }
    if (!data)
        root.failHere("not an Opsgenie timeline: expected the response of GET /v2/schedules/{id}/timeline "
                      "({\"data\": {\"finalTimeline\": {\"rotations\": [...]}}})");
    if (auto parent = data->get("_parent")) t.name = parent->optString("name");
    const Node final_timeline = data->at("finalTimeline", "the final timeline (GET /v2/schedules/{id}/timeline)");
    const Node rotations = final_timeline.at("rotations", "the final timeline's rotations");
    for (const Node& rotation : rotations.items("a list of rotations")) {
        auto periods = rotation.get("periods");
        if (!periods) continue;
        for (const Node& p : periods->items("a list of periods")) {
            const Node start = p.at("startDate", "the period's start"), end = p.at("endDate", "the period's end");
            const Instant a = start.instant(), b = end.instant();
            auto recipient = p.get("recipient");
            const std::string type = recipient ? recipient->optString("type").value_or("user") : std::string("none");
            if (type == "none") continue;  // nobody on call: a hole
            if (type != "user") {
                t.losses.push_back({"unsupported", std::nullopt, std::nullopt, std::nullopt,
                                    "A " + type + " (" + recipient->optString("name").value_or("unnamed") +
                                        ") is on call from " + start.string("") + " to " + end.string("") + " (" +
                                        p.pointer() + "): a plan week holds people only, so that stretch is left out."});
                continue;
            }
            TimelineUser u;
            u.vendor_id = recipient->optString("id").value_or("");
            u.username = recipient->optString("name").value_or(recipient->optString("username").value_or(""));
            if (u.vendor_id.empty() && u.username.empty())
                recipient->failHere("the recipient has neither \"id\" nor \"name\"");
            if (u.username.find('@') != std::string::npos) u.email = u.username;
            u.name = u.username;
            u.key = !u.vendor_id.empty() ? u.vendor_id : lower(u.username);
            t.addEntry(t.addUser(u), a, b, p.pointer(), end.pointer());
        }
    }
    return t;
}

}  // namespace rp::interop::detail
