// Grafana OnCall (public HTTP API v1; Grafana Cloud IRM carries the same): the export of a
// plan and the reader of a schedule's final shifts (docs/interop.md "Grafana OnCall").
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

constexpr int kWeekSeconds = 7 * 24 * 3600;
const char* const kIcalDays[7] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

// Runs of grid weeks the rolling rotation covers: every week with nobody on call for some
// of it is left out (a rolling shift has no "nobody"; its until is a handoff), and so is a
// short DST week that would end a run. After the plan the rotation goes on from the end of
// the last run, or from the span's end.
struct Segment {
    long from, to;   // grid weeks [from, to); to == -1: no end
};

std::vector<Segment> segments(const ExportModel& m, const RoleModel& r) {
    std::vector<Segment> out;
    if (r.cycle.people.empty() || m.empty) return out;
    long start = -1;
    for (long k = 0; k < m.grid.weeks; ++k) {
        const bool clean = !r.week_hole[static_cast<std::size_t>(k)];
        if (clean && start < 0) start = k;
        if (!clean && start >= 0) {
            out.push_back({start, k});
            start = -1;
        }
    }
    out.push_back({start >= 0 ? start : m.grid.weeks, -1});
    // A run must not end with a week shorter than 604800 s (the one that loses an hour to
    // DST): its occurrence would outlast the handoff, into the week left out, wherever
    // Grafana lets an occurrence that started before `until` run its whole duration. Such
    // a week leaves the run; its pieces become overrides of their exact length.
    std::vector<Segment> kept;
    for (Segment s : out) {
        while (s.to > s.from && m.grid.handoff(s.to) - m.grid.handoff(s.to - 1) < std::chrono::seconds{kWeekSeconds}) --s.to;
        if (s.to < 0 || s.to > s.from) kept.push_back(s);
    }
    return kept;
}

}  // namespace

ExportResult exportGrafanaOnCall(const Plan& plan, const UserMap& users) {
    ExportModel m = buildExportModel(plan);
    UserResolver ur(plan, users, Vendor::GrafanaOnCall);
    std::vector<Loss> losses = m.losses;
    const auto* zone = m.grid.zone;
    const std::string team = slug(plan.team_name);

    Json schedules = Json::array();
    for (const RoleModel& r : m.roles) {
        const std::string role = roleName(r.role);
        const auto segs = segments(m, r);
        const long n = static_cast<long>(r.cycle.people.size());
        Json shifts = Json::array();
        std::vector<Coverage> cover;
        Json rolling = Json::array();
        for (const std::string& p : r.cycle.people) rolling.push_back(Json::array({ur.id(p)}));
        int index = 0;
        for (const Segment& s : segs) {
            // Occurrence i starts at week (from + i)'s handoff, wall-clock, and lasts a
            // fixed 604800 s: across a daylight-saving change it ends an hour off the next
            // handoff, which the differences below turn into overrides.
            const long last = s.to >= 0 ? s.to : m.grid.weeks;
            // `until` a minute before the handoff, and the minute up to it an override: exact
            // whether `until` cuts the last occurrence or (RFC 5545's inclusive UNTIL, as
            // Grafana's code reads it) only stops occurrences from starting after it.
            const Instant until = s.to >= 0 ? m.grid.handoff(s.to) - std::chrono::seconds{60} : Instant::max();
            for (long k = s.from; k < last; ++k) {
                const Instant a = m.grid.handoff(k);
                cover.push_back({a, std::min(a + std::chrono::seconds{kWeekSeconds}, until),
                                 r.cycle.people[static_cast<std::size_t>(k % n)]});
            }
            Json shift = Json::object();
            shift["name"] = team + "-" + role + "-rotation" + (index++ ? "-" + std::to_string(index) : "");
            shift["type"] = "rolling_users";
            shift["time_zone"] = m.zone_name;
            shift["level"] = 1;
            // The handoff as the plan says it (a 02:30 that daylight saving skips stays
            // 02:30, so every later occurrence is at 02:30 too), not the instant's reading.
            const std::string start = formatDate(m.grid.date(s.from)) + "T" + formatHm(m.grid.minute) + ":00";
            shift["start"] = start;
            shift["rotation_start"] = start;
            shift["duration"] = kWeekSeconds;
            shift["frequency"] = "weekly";
            shift["interval"] = 1;
            shift["week_start"] = kIcalDays[plan.policy.handoff_weekday % 7];
            if (s.to >= 0) shift["until"] = naiveLocal(zone, until);
            shift["rolling_users"] = rolling;
            shift["start_rotation_from_user_index"] = s.from % n;
            shifts.push_back(std::move(shift));
        }
        const std::vector<Fix> fixes =
            m.empty ? std::vector<Fix>{} : differences(m, r.target, flatten(std::move(cover), m.span_start, m.span_end));
        Date last_week{};
        int count = 0;
        for (const Fix& f : fixes) {
            if (f.person.empty()) {  // cannot happen: hole weeks are outside every run
                losses.push_back({"unsupported", r.role, f.week, std::nullopt,
                                  "Nobody should be on call from " + localText(zone, f.start) + " to " +
                                      localText(zone, f.end) + ", which a Grafana OnCall override cannot say."});
                continue;
            }
            if (!naiveNames(zone, f.start))
                losses.push_back({"unsupported", r.role, f.week, f.person,
                                  "An override of " + personLabel(plan, f.person) + " starts at " +
                                      localText(zone, f.start) +
                                      " in the hour that occurs twice; Grafana OnCall's local times name the first: "
                                      "move its start by hand."});
            count = f.week == last_week ? count + 1 : 1;
            last_week = f.week;
            Json o = Json::object();
            o["name"] = team + "-" + role + "-" + formatDate(f.week) + "-" + std::to_string(count);
            o["type"] = "override";
            o["time_zone"] = m.zone_name;
            o["start"] = naiveLocal(zone, f.start);
            o["duration"] = (f.end - f.start).count();
            o["users"] = Json::array({ur.id(f.person)});
            shifts.push_back(std::move(o));
        }
        Json body = Json::object();
        body["name"] = scheduleName(plan, r.role);
        body["type"] = "calendar";
        body["time_zone"] = m.zone_name;
        Json entry = Json::object();
        entry["role"] = role;
        entry["body"] = std::move(body);
        entry["shifts"] = std::move(shifts);
        schedules.push_back(std::move(entry));
    }

    const EscalationModel esc = escalationModel(plan, Vendor::GrafanaOnCall, losses);
    const std::string chain = plan.team_name.empty() ? std::string("Rotaplan") : plan.team_name;
    int wait = esc.delay_minutes * 60;
    if (wait < 60 || wait > 86400) {
        const int clamped = wait < 60 ? 60 : 86400;
        losses.push_back({"unsupported", std::nullopt, std::nullopt, std::nullopt,
                          "Grafana OnCall waits 1 minute to 24 hours between steps; the plan's " +
                              std::to_string(esc.delay_minutes) + " minutes become " + std::to_string(clamped / 60) +
                              " minutes."});
        wait = clamped;
    }
    Json steps = Json::array();
    int position = 0;
    for (const EscalationStep& s : esc.steps) {
        if (position > 0) {
            steps.push_back(Json{{"escalation_chain_id", chain}, {"position", position++}, {"type", "wait"},
                                 {"duration", wait}});
        }
        Json step = Json::object();
        step["escalation_chain_id"] = chain;
        step["position"] = position++;
        if (s.schedule) {
            step["type"] = "notify_on_call_from_schedule";
            step["notify_on_call_from_schedule"] = scheduleName(plan, s.role);
        } else {
            step["type"] = "notify_persons";
            step["persons_to_notify"] = Json::array({ur.id(s.person)});
        }
        steps.push_back(std::move(step));
    }

    for (const Loss& l : ur.losses()) losses.push_back(l);
    Json doc = Json::object();
    doc["rotaplan_grafana_oncall"] = 1;
    doc["schedules"] = std::move(schedules);
    doc["escalation_chain"] = Json{{"name", chain}};
    doc["escalation_policies"] = std::move(steps);
    return finishExport(std::move(doc), std::move(losses));
}

// [SECTION] reader

namespace {

void readPage(const Node& page, VendorTimeline& t) {
    if (!page.isObject() || !page.get("results"))
        page.failHere("not a page of Grafana OnCall final shifts: expected {\"results\": [...]} (GET "
                      "/api/v1/schedules/{id}/final_shifts)");
    for (const Node& s : page.at("results", "the final shifts").items("a list of final shifts")) {
        TimelineUser u;
        if (auto pk = s.get("user_pk")) u.vendor_id = pk->string("the user's id");
        u.email = s.optString("user_email").value_or("");
        u.username = s.optString("user_username").value_or("");
        u.name = u.username;
        u.key = !u.vendor_id.empty() ? u.vendor_id : !u.email.empty() ? lower(u.email) : u.username;
        if (u.key.empty()) s.failHere("the shift names no user (user_pk, user_email or user_username)");
        const Node start = s.at("shift_start", "the shift's start"), end = s.at("shift_end", "the shift's end");
        const Instant a = start.instant(), b = end.instant();
        t.addEntry(t.addUser(u), a, b, s.pointer(), end.pointer());
    }
}

}  // namespace

VendorTimeline readGrafanaOnCallTimeline(const Json& doc) {
    const Node root(doc, "");
    VendorTimeline t;
    if (root.isArray()) {
        for (const Node& page : root.items("a list of pages")) readPage(page, t);
    } else {
        readPage(root, t);
    }
    return t;
}

}  // namespace rp::interop::detail
