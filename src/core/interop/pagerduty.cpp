// PagerDuty (REST API v2, layer-based schedules): the export of a plan and the reader of
// a schedule's rendered final timeline (docs/interop.md "PagerDuty").
//
// [SECTION] export
// [SECTION] reader
// [SECTION] ActiveSupport zone names
#include <algorithm>

#include "core/interop/common.hpp"
#include "core/interop/export_model.hpp"
#include "core/interop/users.hpp"
#include "core/interop/vendors.hpp"
#include "core/model/time.hpp"

namespace rp::interop::detail {

// [SECTION] export

namespace {

constexpr int kWeekSeconds = 7 * 24 * 3600;

Json userRef(const std::string& id) { return Json{{"id", id}, {"type", "user_reference"}}; }

// Where the base rotation is in force: from the span's start on, forever, minus the plan's
// holes (a layer covers [start, end); nobody is on call where no layer is).
std::vector<std::pair<Instant, std::optional<Instant>>> segments(const ExportModel& m, const RoleModel& r) {
    std::vector<std::pair<Instant, std::optional<Instant>>> out;
    if (r.cycle.people.empty() || m.empty) return out;
    Instant cursor = m.span_start;
    for (const Piece& p : r.target) {
        if (!p.person.empty()) continue;
        if (p.start > cursor) out.emplace_back(cursor, p.start);
        cursor = std::max(cursor, p.end);
    }
    out.emplace_back(cursor, std::nullopt);
    return out;
}

}  // namespace

ExportResult exportPagerDuty(const Plan& plan, const UserMap& users) {
    ExportModel m = buildExportModel(plan);
    UserResolver ur(plan, users, Vendor::PagerDuty);
    std::vector<Loss> losses = m.losses;
    const auto* zone = m.grid.zone;

    Json schedules = Json::array();
    for (const RoleModel& r : m.roles) {
        const std::string name = scheduleName(plan, r.role);
        const auto segs = segments(m, r);
        std::vector<Coverage> cover;
        for (const auto& [a, b] : segs) addWeeklyTurns(m.grid, r.cycle.people, m.grid.minute, a, b.value_or(m.span_end), cover);
        const std::vector<Fix> fixes =
            m.empty ? std::vector<Fix>{} : differences(m, r.target, flatten(std::move(cover), m.span_start, m.span_end));

        // rotation_virtual_start: the first handoff, or the one before it when daylight
        // saving skips the first one's local time (the wall-clock PagerDuty repeats).
        const long anchor = anchorWeek(m.grid, m.grid.minute, -1);
        Json layers = Json::array();
        Json layer_users = Json::array();
        for (const std::string& p : rotated(r.cycle.people, anchor)) layer_users.push_back(Json{{"user", userRef(ur.id(p))}});
        int n = 0;
        for (const auto& [a, b] : segs) {
            Json layer = Json::object();
            layer["name"] = "Layer " + std::to_string(++n);
            layer["start"] = formatRfc3339(zone, a);
            layer["end"] = b ? Json(formatRfc3339(zone, *b)) : Json(nullptr);
            layer["rotation_virtual_start"] = formatRfc3339(zone, m.grid.handoff(anchor));
            layer["rotation_turn_length_seconds"] = kWeekSeconds;
            layer["users"] = layer_users;
            layer["restrictions"] = Json::array();
            layers.push_back(std::move(layer));
        }
        Json overrides = Json::array();
        for (const Fix& f : fixes) {
            if (f.person.empty()) {  // cannot happen: holes are outside every layer
                losses.push_back({"unsupported", r.role, f.week, std::nullopt,
                                  "Nobody should be on call from " + localText(zone, f.start) + " to " +
                                      localText(zone, f.end) + ", which a PagerDuty override cannot say."});
                continue;
            }
            Json o = Json::object();
            o["start"] = formatRfc3339(zone, f.start);
            o["end"] = formatRfc3339(zone, f.end);
            o["user"] = userRef(ur.id(f.person));
            overrides.push_back(std::move(o));
        }

        std::string description = "Rotaplan: the " + roleTitle(r.role) + " rotation of " + plan.team_name + ", ";
        description += r.cycle.people.empty()
                           ? std::string("with nobody on call")
                           : "handing off weekly on " + std::string(weekdayName(plan.policy.handoff_weekday)) + " at " +
                                 formatHm(plan.policy.handoff_minute) + " (" + m.zone_name + ")";
        description += ". Create it with POST /schedules, then send the " + std::to_string(overrides.size()) +
                       " override(s) with POST /schedules/{id}/overrides.";
        if (r.role == Role::Shadow) description += " No escalation rule pages this schedule.";

        Json schedule = Json::object();
        schedule["type"] = "schedule";
        schedule["name"] = name;
        schedule["time_zone"] = m.zone_name;
        schedule["description"] = description;
        schedule["schedule_layers"] = std::move(layers);
        Json entry = Json::object();
        entry["role"] = roleName(r.role);
        entry["body"] = Json{{"schedule", std::move(schedule)}};
        entry["overrides"] = Json{{"overrides", std::move(overrides)}};
        schedules.push_back(std::move(entry));
    }

    const EscalationModel esc = escalationModel(plan, Vendor::PagerDuty, losses);
    Json rules = Json::array();
    for (const EscalationStep& s : esc.steps) {
        Json target = s.schedule ? Json{{"id", scheduleName(plan, s.role)}, {"type", "schedule_reference"}}
                                 : userRef(ur.id(s.person));
        rules.push_back(Json{{"escalation_delay_in_minutes", esc.delay_minutes}, {"targets", Json::array({target})}});
    }
    Json policy = Json::object();
    policy["type"] = "escalation_policy";
    policy["name"] = plan.team_name.empty() ? std::string("Rotaplan") : plan.team_name;
    policy["description"] =
        "Rotaplan: primary, then secondary, then the escalation contacts, one rule every " +
        std::to_string(esc.delay_minutes) +
        " minutes. Each schedule_reference id is a placeholder holding the schedule's name: replace it with the id "
        "PagerDuty gave that schedule.";
    policy["num_loops"] = 0;
    policy["escalation_rules"] = std::move(rules);

    for (const Loss& l : ur.losses()) losses.push_back(l);
    Json doc = Json::object();
    doc["rotaplan_pagerduty"] = 1;
    doc["schedules"] = std::move(schedules);
    doc["escalation_policy"] = Json{{"escalation_policy", std::move(policy)}};
    return finishExport(std::move(doc), std::move(losses));
}

// [SECTION] reader

namespace {

std::optional<std::string> ianaFromRailsName(std::string_view name);

TimelineUser userOf(const Node& user, const std::vector<TimelineUser>& known) {
    TimelineUser u;
    u.vendor_id = user.at("id", "the user's id").string("the user's id");
    u.key = u.vendor_id;
    u.name = user.optString("summary").value_or(user.optString("name").value_or(""));
    u.email = user.optString("email").value_or("");
    for (const TimelineUser& k : known) {
        if (k.vendor_id != u.vendor_id) continue;
        if (u.name.empty()) u.name = k.name;
        if (u.email.empty()) u.email = k.email;
    }
    return u;
}

void readSchedule(const Node& schedule, VendorTimeline& t) {
    if (!schedule.isObject()) schedule.failHere("expected a schedule object, found " + describe(schedule.json()));
    if (auto tz = schedule.get("time_zone")) {
        std::string z = tz->string("the schedule's time zone");
        if (!findZone(z))
            if (auto iana = ianaFromRailsName(z)) z = *iana;
        t.zone = z;
        t.zone_pointer = tz->pointer();
    }
    t.name = schedule.optString("name");
    std::vector<TimelineUser> known;
    const auto users = schedule.get("users");
    if (users)
        for (const Node& u : users->items("the schedule's users"))
            if (u.isObject() && u.get("id")) known.push_back(userOf(u, {}));
    std::vector<std::string> unlisted;
    const Node final_schedule =
        schedule.at("final_schedule", "the rendered final schedule (GET /schedules/{id} with since and until)");
    const Node entries = final_schedule.at("rendered_schedule_entries",
                                           "the rendered entries (GET /schedules/{id} with since and until)");
    for (const Node& e : entries.items("a list of rendered schedule entries")) {
        const Node user = e.at("user", "the user on call");
        const TimelineUser u = userOf(user, known);
        if (users && std::none_of(known.begin(), known.end(), [&](const TimelineUser& k) { return k.vendor_id == u.vendor_id; }) &&
            std::find(unlisted.begin(), unlisted.end(), u.vendor_id) == unlisted.end()) {
            unlisted.push_back(u.vendor_id);
            t.losses.push_back({"unsupported", std::nullopt, std::nullopt, u.vendor_id,
                                (u.name.empty() ? u.vendor_id : u.name + " (" + u.vendor_id + ")") +
                                    " is on call in the rendered schedule (" + e.pointer() +
                                    ") but not among the schedule's users: the plan keeps the entries; check that the user "
                                    "still exists."});
        }
        const int who = t.addUser(u);
        const Node start = e.at("start", "the entry's start"), end = e.at("end", "the entry's end");
        const Instant a = start.instant(), b = end.instant();
        t.addEntry(who, a, b, e.pointer(), end.pointer());
    }
}

void readOncalls(const Node& oncalls, VendorTimeline& t) {
    std::optional<std::string> schedule_id;
    std::vector<std::tuple<std::string, Instant, Instant>> seen;
    for (const Node& o : oncalls.items("a list of on-calls")) {
        auto schedule = o.get("schedule");
        if (!schedule) continue;  // a user paged directly by an escalation rule, not a schedule
        const std::string id = schedule->at("id", "the schedule's id").string("the schedule's id");
        if (schedule_id && *schedule_id != id)
            fail(schedule->pointer() + "/id", "the file holds the on-calls of more than one schedule (" + *schedule_id +
                                                  " and " + id + "): ask for one with schedule_ids[]");
        if (!schedule_id) {
            schedule_id = id;
            t.name = schedule->optString("summary");
        }
        const Node user = o.at("user", "the user on call");
        auto start = o.get("start"), end = o.get("end");
        const TimelineUser u = userOf(user, {});
        if (!start || !end) {
            t.losses.push_back({"unsupported", std::nullopt, std::nullopt, std::nullopt,
                                (u.name.empty() ? u.vendor_id : u.name) +
                                    " is on call without a start or an end (" + o.pointer() +
                                    "), which has no place in weeks: left out."});
            continue;
        }
        const Instant a = start->instant(), b = end->instant();
        const std::tuple<std::string, Instant, Instant> key{u.vendor_id, a, b};
        // The same shift appears once per escalation level that uses the schedule.
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        t.addEntry(t.addUser(u), a, b, o.pointer(), end->pointer());
    }
}

}  // namespace

VendorTimeline readPagerDutyTimeline(const Json& doc) {
    const Node root(doc, "");
    VendorTimeline t;
    if (root.isObject()) {
        if (auto schedule = root.get("schedule")) {
            readSchedule(*schedule, t);
            return t;
        }
        if (auto oncalls = root.get("oncalls")) {
            readOncalls(*oncalls, t);
            return t;
        }
        if (root.get("final_schedule")) {
            readSchedule(root, t);
            return t;
        }
    }
    root.failHere("not a PagerDuty schedule: expected the response of GET /schedules/{id} ({\"schedule\": {..., "
                  "\"final_schedule\": ...}}) or of GET /oncalls ({\"oncalls\": [...]})");
}

// [SECTION] ActiveSupport zone names

namespace {

// The names PagerDuty's web interface shows (Rails' ActiveSupport::TimeZone), as IANA zones.
const std::pair<const char*, const char*> kRailsZones[] = {
    {"International Date Line West", "Etc/GMT+12"}, {"Midway Island", "Pacific/Midway"},
    {"American Samoa", "Pacific/Pago_Pago"}, {"Hawaii", "Pacific/Honolulu"}, {"Alaska", "America/Juneau"},
    {"Pacific Time (US & Canada)", "America/Los_Angeles"}, {"Tijuana", "America/Tijuana"},
    {"Mountain Time (US & Canada)", "America/Denver"}, {"Arizona", "America/Phoenix"},
    {"Chihuahua", "America/Chihuahua"}, {"Mazatlan", "America/Mazatlan"},
    {"Central Time (US & Canada)", "America/Chicago"}, {"Saskatchewan", "America/Regina"},
    {"Guadalajara", "America/Mexico_City"}, {"Mexico City", "America/Mexico_City"},
    {"Monterrey", "America/Monterrey"}, {"Central America", "America/Guatemala"},
    {"Eastern Time (US & Canada)", "America/New_York"}, {"Indiana (East)", "America/Indiana/Indianapolis"},
    {"Bogota", "America/Bogota"}, {"Lima", "America/Lima"}, {"Quito", "America/Lima"},
    {"Atlantic Time (Canada)", "America/Halifax"}, {"Caracas", "America/Caracas"}, {"La Paz", "America/La_Paz"},
    {"Santiago", "America/Santiago"}, {"Newfoundland", "America/St_Johns"}, {"Brasilia", "America/Sao_Paulo"},
    {"Buenos Aires", "America/Argentina/Buenos_Aires"}, {"Montevideo", "America/Montevideo"},
    {"Georgetown", "America/Guyana"}, {"Puerto Rico", "America/Puerto_Rico"}, {"Greenland", "America/Nuuk"},
    {"Mid-Atlantic", "Atlantic/South_Georgia"}, {"Azores", "Atlantic/Azores"}, {"Cape Verde Is.", "Atlantic/Cape_Verde"},
    {"Dublin", "Europe/Dublin"}, {"Edinburgh", "Europe/London"}, {"Lisbon", "Europe/Lisbon"},
    {"London", "Europe/London"}, {"Casablanca", "Africa/Casablanca"}, {"Monrovia", "Africa/Monrovia"},
    {"UTC", "Etc/UTC"}, {"Belgrade", "Europe/Belgrade"}, {"Bratislava", "Europe/Bratislava"},
    {"Budapest", "Europe/Budapest"}, {"Ljubljana", "Europe/Ljubljana"}, {"Prague", "Europe/Prague"},
    {"Sarajevo", "Europe/Sarajevo"}, {"Skopje", "Europe/Skopje"}, {"Warsaw", "Europe/Warsaw"},
    {"Zagreb", "Europe/Zagreb"}, {"Brussels", "Europe/Brussels"}, {"Copenhagen", "Europe/Copenhagen"},
    {"Madrid", "Europe/Madrid"}, {"Paris", "Europe/Paris"}, {"Amsterdam", "Europe/Amsterdam"},
    {"Berlin", "Europe/Berlin"}, {"Bern", "Europe/Zurich"}, {"Zurich", "Europe/Zurich"}, {"Rome", "Europe/Rome"},
    {"Stockholm", "Europe/Stockholm"}, {"Vienna", "Europe/Vienna"}, {"West Central Africa", "Africa/Algiers"},
    {"Bucharest", "Europe/Bucharest"}, {"Cairo", "Africa/Cairo"}, {"Helsinki", "Europe/Helsinki"},
    {"Kyiv", "Europe/Kyiv"}, {"Kyev", "Europe/Kyiv"}, {"Riga", "Europe/Riga"}, {"Sofia", "Europe/Sofia"},
    {"Tallinn", "Europe/Tallinn"}, {"Vilnius", "Europe/Vilnius"}, {"Athens", "Europe/Athens"},
    {"Istanbul", "Europe/Istanbul"}, {"Minsk", "Europe/Minsk"}, {"Jerusalem", "Asia/Jerusalem"},
    {"Harare", "Africa/Harare"}, {"Pretoria", "Africa/Johannesburg"}, {"Kaliningrad", "Europe/Kaliningrad"},
    {"Moscow", "Europe/Moscow"}, {"St. Petersburg", "Europe/Moscow"}, {"Volgograd", "Europe/Volgograd"},
    {"Samara", "Europe/Samara"}, {"Kuwait", "Asia/Kuwait"}, {"Riyadh", "Asia/Riyadh"}, {"Nairobi", "Africa/Nairobi"},
    {"Baghdad", "Asia/Baghdad"}, {"Tehran", "Asia/Tehran"}, {"Abu Dhabi", "Asia/Muscat"}, {"Muscat", "Asia/Muscat"},
    {"Baku", "Asia/Baku"}, {"Tbilisi", "Asia/Tbilisi"}, {"Yerevan", "Asia/Yerevan"}, {"Kabul", "Asia/Kabul"},
    {"Ekaterinburg", "Asia/Yekaterinburg"}, {"Islamabad", "Asia/Karachi"}, {"Karachi", "Asia/Karachi"},
    {"Tashkent", "Asia/Tashkent"}, {"Chennai", "Asia/Kolkata"}, {"Kolkata", "Asia/Kolkata"},
    {"Mumbai", "Asia/Kolkata"}, {"New Delhi", "Asia/Kolkata"}, {"Kathmandu", "Asia/Kathmandu"},
    {"Astana", "Asia/Dhaka"}, {"Dhaka", "Asia/Dhaka"}, {"Sri Jayawardenepura", "Asia/Colombo"},
    {"Almaty", "Asia/Almaty"}, {"Novosibirsk", "Asia/Novosibirsk"}, {"Rangoon", "Asia/Yangon"},
    {"Bangkok", "Asia/Bangkok"}, {"Hanoi", "Asia/Bangkok"}, {"Jakarta", "Asia/Jakarta"},
    {"Krasnoyarsk", "Asia/Krasnoyarsk"}, {"Beijing", "Asia/Shanghai"}, {"Chongqing", "Asia/Chongqing"},
    {"Hong Kong", "Asia/Hong_Kong"}, {"Urumqi", "Asia/Urumqi"}, {"Kuala Lumpur", "Asia/Kuala_Lumpur"},
    {"Singapore", "Asia/Singapore"}, {"Taipei", "Asia/Taipei"}, {"Perth", "Australia/Perth"},
    {"Irkutsk", "Asia/Irkutsk"}, {"Ulaanbaatar", "Asia/Ulaanbaatar"}, {"Seoul", "Asia/Seoul"},
    {"Osaka", "Asia/Tokyo"}, {"Sapporo", "Asia/Tokyo"}, {"Tokyo", "Asia/Tokyo"}, {"Yakutsk", "Asia/Yakutsk"},
    {"Darwin", "Australia/Darwin"}, {"Adelaide", "Australia/Adelaide"}, {"Canberra", "Australia/Melbourne"},
    {"Melbourne", "Australia/Melbourne"}, {"Sydney", "Australia/Sydney"}, {"Brisbane", "Australia/Brisbane"},
    {"Hobart", "Australia/Hobart"}, {"Vladivostok", "Asia/Vladivostok"}, {"Guam", "Pacific/Guam"},
    {"Port Moresby", "Pacific/Port_Moresby"}, {"Magadan", "Asia/Magadan"}, {"Srednekolymsk", "Asia/Srednekolymsk"},
    {"Solomon Is.", "Pacific/Guadalcanal"}, {"New Caledonia", "Pacific/Noumea"}, {"Fiji", "Pacific/Fiji"},
    {"Kamchatka", "Asia/Kamchatka"}, {"Marshall Is.", "Pacific/Majuro"}, {"Auckland", "Pacific/Auckland"},
    {"Wellington", "Pacific/Auckland"}, {"Nuku'alofa", "Pacific/Tongatapu"}, {"Tokelau Is.", "Pacific/Fakaofo"},
    {"Chatham Is.", "Pacific/Chatham"}, {"Samoa", "Pacific/Apia"},
};

std::optional<std::string> ianaFromRailsName(std::string_view name) {
    if (name.find('/') != std::string_view::npos) return std::nullopt;  // already IANA
    for (const auto& [rails, iana] : kRailsZones)
        if (name == rails) return std::string(iana);
    return std::nullopt;
}

}  // namespace

}  // namespace rp::interop::detail
