// Escalation timelines (escalation.md): who is paged when, what is due when and how far
// up the chain one incident climbs. docs/escalation.md states every decision taken where
// the spec is silent.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/model/plan.hpp"
#include "core/model/shifts.hpp"

namespace date { class time_zone; }

namespace rp {

// The levels, lowest first: the primary, then the escalation path.
enum class EscalationLevel { Primary, Secondary, Escalation, Cto, Ceo };
enum class EscalationEventType { Page, Ack, Skip, Resolve };

const char* escalationLevelName(EscalationLevel l);      // "primary" ... "ceo"
std::optional<EscalationLevel> parseEscalationLevel(std::string_view s);
const char* escalationEventTypeName(EscalationEventType t);  // "page", "ack", "skip", "resolve"

struct EscalationAck {
    EscalationLevel level = EscalationLevel::Primary;
    std::int64_t minute = 0;  // whole minutes after t0, >= 0
};

struct EscalationScenario {
    std::string severity;                 // a key of plan.policy.severities ("P0".."P3")
    Instant at{};                         // t0, the moment the incident opens
    bool security = false;
    std::vector<EscalationAck> acks;      // any order
    std::optional<std::int64_t> resolve;  // minutes after t0
    bool reasons = true;                  // false: every event's reason left empty (the gap scan)
};

struct EscalationEvent {
    std::int64_t minute = 0;              // whole wall-clock minutes after t0
    Instant at{};                         // t0 + minute
    EscalationEventType type = EscalationEventType::Page;
    std::optional<EscalationLevel> level; // null only for resolve
    std::optional<std::string> person;    // null for resolve and for a skip of nobody
    std::string reason;
};

struct EscalationTimeline {
    std::string severity;
    Instant opened{};
    int week = -1;                              // index of the week holding t0
    std::optional<Instant> delivered;           // null: never (no business hours at all)
    std::optional<Instant> respond_due;         // null: never
    std::vector<EscalationEvent> events;        // sorted by minute, then rule order
    std::optional<std::int64_t> acknowledged_minute;  // first valid ack
    std::optional<std::int64_t> resolved_minute;
    std::optional<EscalationLevel> highest_level;     // highest level paged (skips do not count)
    bool security = false;
    std::optional<std::string> security_contact;      // contacts.security when security
};

// What the engine needs of a plan, computed once (the gap scan runs thousands of
// timelines over one plan). Holds a reference to the plan: keep the plan alive.
class EscalationIndex {
public:
    explicit EscalationIndex(const Plan& plan);

    const Plan& plan() const { return *plan_; }
    const date::time_zone* zone() const { return zone_; }
    const std::vector<WeekSpan>& spans() const { return spans_; }
    const std::vector<Shift>& shifts() const { return shifts_; }

    // The week (index into plan.weeks) whose span holds t, the lowest index when several
    // do (a faulty plan); -1 when none.
    int weekAt(Instant t) const;
    // Who holds that level at instant t; nullopt when nobody is assigned.
    std::optional<std::string> holderAt(EscalationLevel level, Instant t) const;
    // The time-off entry (index into plan.time_off) covering t for that person, else -1.
    int timeOffAt(const std::string& person, Instant t) const;
    bool isBusinessDay(Date d) const;
    // The first business instant at or after t; nullopt when there is none.
    std::optional<Instant> businessStartAtOrAfter(Instant t) const;
    // `minutes` business minutes counted from t (t itself at or after the start of
    // business, or it is moved there first); nullopt when it never comes.
    std::optional<Instant> addBusinessMinutes(Instant t, std::int64_t minutes) const;
    // [start, end) of business hours on day d (no check that d is a business day).
    std::pair<Instant, Instant> businessHoursOn(Date d) const;
    // The team-zone date of an instant.
    Date localDate(Instant t) const;

private:
    // Intervals swept into the segments where the lowest tag holding them is constant,
    // so that "which one holds t" is one binary search however they nest or overlap.
    struct IntervalSet {
        std::vector<CoverInterval> pending;  // until finish()
        std::vector<CoverSegment> segments;  // item = the tag
        void add(Instant s, Instant e, int t);
        void finish();
        int lowestTagAt(Instant t) const;  // -1 when none
    };

    const Plan* plan_;
    const date::time_zone* zone_;
    std::vector<WeekSpan> spans_;
    std::vector<Shift> shifts_;
    std::vector<std::size_t> shift_order_;  // shift indices in (week, start) order
    IntervalSet weeks_, primary_, secondary_;
    std::vector<std::pair<std::string, IntervalSet>> time_off_;  // sorted by person id
    std::vector<Date> holidays_;                                 // sorted, unique
    bool business_days_[7] = {};
};

// Either a timeline or the reason the scenario cannot be run (unknown severity, t0
// outside the plan's weeks): one line, for the CLI's exit 2.
using EscalationResult = std::variant<EscalationTimeline, std::string>;

EscalationResult escalate(const EscalationIndex& index, const EscalationScenario& scenario);
EscalationResult escalate(const Plan& plan, const EscalationScenario& scenario);

// ---- text forms shared by the CLI and the page ----

// "primary@3" -> {Primary, 3}; nullopt with *error set when malformed.
std::optional<EscalationAck> parseEscalationAck(std::string_view text, std::string* error);
// A whole number of minutes >= 0 ("45"); nullopt when malformed.
std::optional<std::int64_t> parseMinutes(std::string_view text);

// The page's options object { severity, at, security, ack: {primary: 3}, resolve }
// (interfaces.md); `ack` may also be an array of "level@minute" strings.
std::variant<EscalationScenario, std::string> scenarioFromJson(const Plan& plan, const Json& options);

// {severity, opened, respond_due, events, acknowledged_minute, resolved_minute,
//  highest_level[, security_contact]}
Json timelineToJson(const EscalationTimeline& t, const date::time_zone* zone);
Json escalationEventToJson(const EscalationEvent& e, const date::time_zone* zone);
std::string timelineToText(const Plan& plan, const EscalationTimeline& t);

}  // namespace rp
