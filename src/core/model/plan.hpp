// The plan model (plan-format.md, version 1): typed fields plus, on every object,
// the unknown fields it carried ("extra"), so a plan read and written keeps them.
// No UI or platform header may be included from src/core.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

namespace rp {

using Json = nlohmann::ordered_json;   // keeps key order: writes are stable
using Date = date::sys_days;           // a calendar date (team zone)
using Instant = date::sys_seconds;     // an instant (UTC)

enum class Role { Primary, Secondary, Shadow };
enum class NoConsecutive { Any, Primary };
enum class RequestType { Swap, Cover };
enum class RequestStatus { Pending, Approved, Applied, Rejected };
enum class Coverage { TwentyFourSeven, BusinessHours };

struct Person {
    std::string id;
    std::string name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::string> timezone;  // absent: the team's zone
    bool on_call = true;                  // in the rotation pool
    bool trainee = false;                 // may only shadow
    std::optional<std::string> slack;     // Slack member id ("U024BE7LH") or handle, for announcements
    std::optional<std::vector<std::string>> ready;   // readiness checklist items done (changes.md)
    std::optional<Date> ready_since;      // counts as fully ready from this date (changes.md)
    // Leaves the rotation pool from this date: weeks starting on or after it treat the
    // person as `on_call: false` (docs/decisions.md, "roster changes"); earlier weeks keep them.
    std::optional<Date> inactive_from;
    Json extra = Json::object();
};

struct SeverityPolicy {
    Coverage coverage = Coverage::TwentyFourSeven;
    int ack_minutes = 5;
    int respond_minutes = 15;
    std::optional<int> escalate_every_minutes;  // nullopt: no escalation
    bool reaches_ceo = false;
    Json extra = Json::object();
};

struct BusinessHours {
    int start_minute = 9 * 60;            // minutes after local midnight
    int end_minute = 17 * 60;
    std::vector<int> days{1, 2, 3, 4, 5}; // 0 = sunday ... 6 = saturday (date::weekday::c_encoding)
    Json extra = Json::object();
};

// policy.readiness (changes.md): who may hold primary or secondary. Absent: rule not-ready is off.
struct Readiness {
    int shadow_weeks = 1;                 // shadow weeks that ended before the week starts
    std::vector<std::string> checklist;   // items each person's `ready` must hold
    Json extra = Json::object();
};
// The procedure's checklist, the default of policy.readiness.checklist.
std::vector<std::string> defaultReadinessChecklist();

struct Policy {
    int handoff_weekday = 1;              // 0 = sunday ... 6 = saturday
    int handoff_minute = 9 * 60;          // minutes after local midnight
    Json handoff_extra = Json::object();
    NoConsecutive no_consecutive = NoConsecutive::Any;
    int change_notice_days = 14;
    BusinessHours business_hours;
    std::vector<Date> holidays;
    // "P0".."P3" always present after reading (defaults from escalation.md);
    // other keys the file gives are kept too.
    std::map<std::string, SeverityPolicy> severities;
    Json severities_extra = Json::object();  // unknown keys inside policy.severities
    std::optional<Readiness> readiness;
    Json extra = Json::object();
};

struct Contacts {
    std::optional<std::string> engineering_lead, cto, ceo, security;
    Json extra = Json::object();
};

struct TimeOff {
    std::string person;
    Date from, to;                        // both inclusive
    std::optional<std::string> reason;
    Json extra = Json::object();
};

struct Week {
    Date start;
    std::optional<std::string> primary, secondary;
    std::optional<std::string> escalation;  // absent: contacts.engineering_lead
    std::optional<std::string> shadow;
    bool emergency = false;
    std::optional<std::string> note;
    Json extra = Json::object();
};

// A local date-time "YYYY-MM-DDTHH:MM" (team zone) or one with an offset / Z.
struct DateTimeText {
    std::string text;                     // as written; written back unchanged
    Instant at{};                         // resolved against the team zone at read time
};

struct Override {
    Role role = Role::Primary;            // Primary or Secondary only
    std::string person;
    DateTimeText from, to;
    std::optional<std::string> reason;
    Json extra = Json::object();
};

struct Request {
    std::string id;
    RequestType type = RequestType::Swap;
    Date submitted;
    std::string by;
    Date week;
    Role role = Role::Primary;
    std::string with;
    std::optional<Date> with_week;
    std::optional<Role> with_role;        // default: role
    bool emergency = false;
    RequestStatus status = RequestStatus::Pending;
    Json extra = Json::object();
};

struct Compensation {
    std::optional<std::string> currency;
    double primary_weekly = 0, secondary_weekly = 0, per_incident = 0, weekend = 0;
    double p0_rest_hours = 0, weekend_comp_hours = 0;
    Json extra = Json::object();
};

// The rotation as announced (changes.md): the weeks' assignments and the overrides at
// the time of `at`. Weeks hold start, primary, secondary, escalation (as resolved when
// published) and shadow; other members of a published week are kept in its `extra`.
struct Published {
    Date at;
    std::vector<Week> weeks;
    std::vector<Override> overrides;
    Json extra = Json::object();
};

struct Plan {
    int version = 1;
    std::string team_name;
    std::string team_timezone = "UTC";
    Json team_extra = Json::object();
    Policy policy;
    std::vector<Person> people;
    Contacts contacts;
    std::vector<TimeOff> time_off;
    std::vector<Week> weeks;
    std::vector<Override> overrides;
    std::vector<Request> requests;
    std::optional<Compensation> compensation;
    std::optional<Published> published;   // absent: nothing published yet
    Json extra = Json::object();

    const Person* findPerson(const std::string& id) const;
    // The display name of an id: the person's name, or the id itself when unknown.
    std::string nameOf(const std::string& id) const;
};

// People by id, for code that looks many ids up (Plan::findPerson searches the list):
// the same answers, the first person of a repeated id. Keep the plan alive and unchanged.
class PersonIndex {
public:
    explicit PersonIndex(const Plan& plan);
    const Person* find(const std::string& id) const;
    const std::string& nameOf(const std::string& id) const;  // the name, or the id itself

private:
    std::unordered_map<std::string_view, const Person*> by_id_;
};

// Defaults of escalation.md for P0..P3.
SeverityPolicy defaultSeverity(const std::string& name);

// ---- text helpers shared by reader, writer and exports ----
std::string formatDate(Date d);                       // YYYY-MM-DD
std::optional<Date> parseDate(const std::string& s);  // strict YYYY-MM-DD, valid calendar date
std::string formatHm(int minute_of_day);              // HH:MM
std::optional<int> parseHm(const std::string& s);     // strict HH:MM, 00:00..23:59
// A plain decimal number: digits with at most one decimal point ("2", "0.5"), no sign or
// exponent, at most max_chars characters; locale-free, the same on every platform.
std::optional<double> parseDecimal(std::string_view s, std::size_t max_chars = 16);
const char* weekdayName(int c_encoding);              // "monday"...
std::optional<int> parseWeekday(const std::string& s);
const char* roleName(Role r);
const char* requestStatusName(RequestStatus s);
const char* requestTypeName(RequestType t);

}  // namespace rp
