// GoAlert (GraphQL API): the export of a plan as mutation inputs and the reader of a
// schedule's shifts (docs/interop.md "GoAlert").
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

ExportResult exportGoAlert(const Plan& plan, const UserMap& users) {
    ExportModel m = buildExportModel(plan);
    UserResolver ur(plan, users, Vendor::GoAlert);
    std::vector<Loss> losses = m.losses;
    const auto* zone = m.grid.zone;

    Json schedules = Json::array();
    for (const RoleModel& r : m.roles) {
        const std::string name = scheduleName(plan, r.role);
        Json targets = Json::array();
        if (!r.cycle.people.empty()) {
            // start: the first handoff, or the one before when daylight saving skips its
            // local time (GoAlert repeats start's wall-clock time).
            const long anchor = m.empty ? 0 : anchorWeek(m.grid, m.grid.minute, -1);
            Json ids = Json::array();
            for (const std::string& p : rotated(r.cycle.people, anchor)) ids.push_back(ur.id(p));
            const long n = static_cast<long>(r.cycle.people.size());
            const std::string& next = r.cycle.people[static_cast<std::size_t>(m.grid.weeks % n)];
            const long next_index = (((m.grid.weeks - anchor) % n) + n) % n;   // in userIDs
            Json rotation = Json::object();
            rotation["name"] = name + " rotation";
            rotation["description"] =
                "Rotaplan: weekly on " + std::string(weekdayName(plan.policy.handoff_weekday)) + " at " +
                formatHm(plan.policy.handoff_minute) + ". The schedule's temporary schedule holds the plan until " +
                formatDate(m.grid.date(m.grid.weeks)) + "; from then on the rotation goes on with " +
                personLabel(plan, next) + ": set activeUserIndex " + std::to_string(next_index) +
                " (updateRotation) at that handoff.";
            rotation["timeZone"] = m.zone_name;
            rotation["start"] = formatRfc3339(zone, m.empty ? localToInstant(zone, m.grid.first, m.grid.minute)
                                                            : m.grid.handoff(anchor));
            rotation["type"] = "weekly";
            rotation["shiftLength"] = 1;
            rotation["userIDs"] = std::move(ids);
            Json rule = Json::object();
            rule["start"] = "00:00";
            rule["end"] = "00:00";
            rule["weekdayFilter"] = Json::array({true, true, true, true, true, true, true});
            targets.push_back(Json{{"newRotation", std::move(rotation)}, {"rules", Json::array({std::move(rule)})}});
        }
        Json create = Json::object();
        create["name"] = name;
        create["description"] = "Rotaplan: the " + roleTitle(r.role) + " schedule of " + plan.team_name +
                                (r.role == Role::Shadow ? "; no escalation step pages it." : ".");
        create["timeZone"] = m.zone_name;
        create["targets"] = std::move(targets);

        Json shifts = Json::array();
        bool seconds_lost = false;
        for (const Piece& p : r.target) {
            if (p.person.empty()) continue;
            seconds_lost |= p.start.time_since_epoch().count() % 60 != 0 || p.end.time_since_epoch().count() % 60 != 0;
            shifts.push_back(Json{{"userID", ur.id(p.person)},
                                  {"start", formatRfc3339(zone, p.start)},
                                  {"end", formatRfc3339(zone, p.end)}});
        }
        if (seconds_lost)
            losses.push_back({"rounded-time", r.role, std::nullopt, std::nullopt,
                              "GoAlert keeps whole minutes; some " + roleTitle(r.role) +
                                  " shifts start or end between minutes and move to the minute before."});
        Json temporary = Json::object();
        temporary["scheduleID"] = name;
        temporary["start"] = formatRfc3339(zone, m.span_start);
        temporary["end"] = formatRfc3339(zone, m.span_end);
        temporary["shifts"] = std::move(shifts);

        Json entry = Json::object();
        entry["role"] = roleName(r.role);
        entry["createSchedule"] = std::move(create);
        entry["temporarySchedule"] = m.empty ? Json(nullptr) : std::move(temporary);
        schedules.push_back(std::move(entry));
    }

    const EscalationModel esc = escalationModel(plan, Vendor::GoAlert, losses);
    Json steps = Json::array();
    for (const EscalationStep& s : esc.steps) {
        Json action = s.schedule
            ? Json{{"type", "builtin-schedule"}, {"args", Json{{"schedule_id", scheduleName(plan, s.role)}}}}
            : Json{{"type", "builtin-user"}, {"args", Json{{"user_id", ur.id(s.person)}}}};
        steps.push_back(Json{{"delayMinutes", esc.delay_minutes}, {"actions", Json::array({std::move(action)})}});
    }
    Json policy = Json::object();
    policy["name"] = plan.team_name.empty() ? std::string("Rotaplan") : plan.team_name;
    policy["description"] = "Rotaplan: each schedule_id is a placeholder holding the schedule's name: replace it "
                            "with the id GoAlert gave that schedule.";
    policy["repeat"] = 0;
    policy["steps"] = std::move(steps);

    for (const Loss& l : ur.losses()) losses.push_back(l);
    Json doc = Json::object();
    doc["rotaplan_goalert"] = 1;
    doc["schedules"] = std::move(schedules);
    doc["escalationPolicy"] = std::move(policy);
    return finishExport(std::move(doc), std::move(losses));
}

// [SECTION] reader

VendorTimeline readGoAlertTimeline(const Json& doc) {
    const Node root(doc, "");
    VendorTimeline t;
    std::optional<Node> schedule;
    if (root.isObject()) {
        if (auto data = root.get("data")) schedule = data->get("schedule");
        else if (root.get("shifts")) schedule = root;
    }
    if (!schedule || !schedule->isObject())
        root.failHere("not a GoAlert schedule: expected the GraphQL response {\"data\": {\"schedule\": {\"timeZone\", "
                      "\"shifts\": [...]}}}");
    if (auto tz = schedule->get("timeZone")) {
        t.zone = tz->string("the schedule's time zone");
        t.zone_pointer = tz->pointer();
    }
    t.name = schedule->optString("name");
    for (const Node& s : schedule->at("shifts", "the schedule's shifts").items("a list of shifts")) {
        TimelineUser u;
        if (auto id = s.get("userID")) u.vendor_id = id->string("the user's id");
        if (auto user = s.get("user")) {
            if (u.vendor_id.empty()) u.vendor_id = user->optString("id").value_or("");
            u.name = user->optString("name").value_or("");
            u.email = user->optString("email").value_or("");
        }
        if (u.vendor_id.empty()) s.failHere("the shift names no user (userID)");
        u.key = u.vendor_id;
        const Node start = s.at("start", "the shift's start"), end = s.at("end", "the shift's end");
        const Instant a = start.instant(), b = end.instant();
        t.addEntry(t.addUser(u), a, b, s.pointer(), end.pointer());
    }
    return t;
}

}  // namespace rp::interop::detail
