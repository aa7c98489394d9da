// Many incidents over the whole plan (escalation.md "Beyond one incident"): random
// incidents (a seed, an arrival rate, a severity mix, acknowledgement delays drawn per
// person) run through the escalation rules, and a report per person and per week.
// Deterministic for a seed on every platform: own PRNG and own distributions, built from
// IEEE basic operations only (no <random> distributions, no libm transcendental calls).
// Decisions: docs/incidents-pay-handoff.md.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/simulation/escalation.hpp"
#include "core/model/plan.hpp"

namespace rp {

// ---- deterministic random numbers ------------------------------------------------

std::uint64_t splitmix64(std::uint64_t& state);

// xoshiro256** seeded through splitmix64.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0);
    std::uint64_t next();
    double uniform();                      // [0, 1), 53 bits
    double exponential(double mean);       // mean * -ln(1 - U)
    double standardNormal();               // Irwin-Hall: sum of 12 uniforms - 6 (fixed draw count)
private:
    std::uint64_t s_[4];
};

// ln and exp from +, -, *, / and exact helpers (frexp, ldexp, floor): the same bits on
// every platform, unlike the C library's.
double detLog(double x);
double detExp(double x);

// Nearest-rank percentile of whole minutes: the smallest value with at least p% of the
// values at or below it (p in (0, 100]); nullopt for no values. Reorders `values`.
std::optional<std::int64_t> percentileNearestRank(std::vector<std::int64_t>& values, int p);

// ---- options ---------------------------------------------------------------------

struct IncidentOptions {
    std::uint64_t seed = 1;
    double rate_per_week = 2.0;              // Poisson arrivals over the plan's span
    std::optional<std::int64_t> count;       // instead: exactly N incidents, uniform over the span
    std::array<double, 4> mix{1, 3, 10, 20}; // weights of P0..P3
    double security_share = 0.05;            // probability that an incident is a security one
    double ack_mean_min = 1.0;               // each person's mean acknowledgement delay (minutes)
    double ack_mean_max = 6.0;               //   is drawn uniformly from [min, max] per person
    std::array<double, 4> resolve_median{45, 60, 120, 240};  // minutes after delivery, P0..P3
    double resolve_sigma = 0.75;             // lognormal spread of the resolution time
    bool keep_outcomes = false;              // keep every incident (tests; the pay report needs only sums)
    bool reference_engine = false;           // run rp::escalate() per incident (slow; tests)
};

// The most incidents a run simulates, however it is asked: --count, or --rate times the
// plan's weeks (the expected total).
constexpr std::int64_t kMaxIncidents = 10'000'000;

// Parses "P0=1,P1=3,P2=10,P3=20" (missing severities weigh 0); nullopt + *error when bad.
std::optional<std::array<double, 4>> parseSeverityMix(const std::string& text, std::string* error);
// Checks ranges (rate > 0, count, weights, shares...); the message names the option.
std::optional<std::string> validateIncidentOptions(const IncidentOptions& o);

// ---- one incident's outcome ---------------------------------------------------------

struct IncidentEvent {
    std::int64_t minute = 0;
    EscalationEventType type = EscalationEventType::Page;
    std::int8_t level = -1;                  // EscalationLevel, -1 for resolve
    std::int32_t person = -1;                // index into IncidentPeople, -1 for nobody
    bool operator==(const IncidentEvent& o) const {
        return minute == o.minute && type == o.type && level == o.level && person == o.person;
    }
};

struct IncidentOutcome {
    Instant at{};                            // t0
    std::int8_t severity = 0;                // 0..3 for P0..P3
    bool security = false;
    std::int32_t week = -1;                  // plan week holding t0
    std::optional<std::int64_t> delivered_minute;
    std::optional<std::int64_t> resolve;     // the scenario's resolution minute
    std::vector<IncidentEvent> events;       // as the timeline, reasons left out
    std::int8_t highest_level = -1;          // -1: nobody paged
};

// The people of a run: plan.people in order, then the ids the plan names (weeks,
// overrides, time off, contacts) but `people` lacks, sorted; then any met later.
struct IncidentPeople {
    std::vector<std::string> ids;
    std::vector<const date::time_zone*> zones;  // own zone, else the team's
    std::unordered_map<std::string, int> index;
    void begin(const Plan& plan);                // plan.people, in order
    int indexOf(const std::string& id);          // adds an unknown id
    int find(const std::string& id) const;       // -1 when absent
    const date::time_zone* team_zone = nullptr;   // the zone of unknown ids
};

// Converts a timeline of rp::escalate() to an outcome (people added as met).
IncidentOutcome outcomeFromTimeline(const EscalationTimeline& tl, const EscalationScenario& sc,
                                    IncidentPeople& people);

// ---- the report -----------------------------------------------------------------------

struct LevelCounts {
    std::array<std::int64_t, 5> n{};         // primary, secondary, escalation, cto, ceo
};

struct PersonIncidentStats {
    std::string person;
    std::int64_t pages = 0, night_pages = 0, weekend_pages = 0, skips = 0;
    LevelCounts levels;                      // pages by level
    std::int64_t acks = 0;
    std::optional<std::int64_t> ack_median, ack_p90;   // own page -> own ack, minutes
    std::int64_t incidents = 0;              // incidents where paged as primary
    std::int64_t escalated = 0;              // of those, a level above secondary was paged
};

struct WeekIncidentStats {
    Date week{};
    std::int64_t incidents = 0;
    std::array<std::int64_t, 4> by_severity{};
    std::int64_t security = 0, pages = 0, night_pages = 0, weekend_pages = 0, skips = 0;
    LevelCounts levels;                      // incidents reaching each level
    std::int64_t escalated = 0, acknowledged = 0;
    std::optional<std::int64_t> ack_median, ack_p90;   // delivery -> first ack, minutes
};

struct IncidentTotals {
    std::int64_t incidents = 0, outside_weeks = 0, never_delivered = 0;
    std::array<std::int64_t, 4> by_severity{};
    std::int64_t security = 0, pages = 0, night_pages = 0, weekend_pages = 0, skips = 0;
    LevelCounts levels;
    std::int64_t escalated = 0, acknowledged = 0;
    std::optional<std::int64_t> ack_median, ack_p90;
};

// What the pay report needs of the incidents, counted as they run so that no outcome has
// to be kept (docs/incidents-pay-handoff.md "Pay"): per team-zone month and person, the
// incidents paid (the primary paged; a secondary who acknowledged) and the P0s responded
// to (the primary paged, anyone who acknowledged).
struct PayCount {
    std::int64_t incidents = 0, p0_incidents = 0;
};
struct PayCounts {
    // key: (year * 12 + month - 1) << 32 | person index (IncidentPeople)
    std::unordered_map<std::uint64_t, PayCount> by_month_person;
    std::int64_t incidents = 0;              // incidents counted (those inside the plan's weeks)
};

struct IncidentReport {
    IncidentOptions options;
    bool simulated = true;                   // false: from an incident list
    Instant span_start{}, span_end{};
    IncidentTotals totals;
    std::vector<PersonIncidentStats> per_person;  // IncidentPeople order
    std::vector<WeekIncidentStats> per_week;      // plan.weeks order
    std::vector<IncidentOutcome> outcomes;        // with keep_outcomes, by opening instant
    PayCounts pay;                                // always
    IncidentPeople people;
};

// Folds outcomes into the report; used by the simulation and by incident lists.
class IncidentTally {
public:
    IncidentTally() = default;
    void begin(const Plan& plan, const date::time_zone* team_zone, IncidentPeople* people);
    void add(const IncidentOutcome& o);
    void outsideWeeks() { ++totals_.outside_weeks; }
    void finish(IncidentReport& out);

private:
    struct ZoneCache { const date::time_zone* zone = nullptr; Instant begin{}, end{}; std::int64_t offset = 0; };
    std::int64_t localSeconds(int person, Instant t);
    void countPay(const IncidentOutcome& o);
    const Plan* plan_ = nullptr;
    const date::time_zone* team_zone_ = nullptr;
    IncidentPeople* people_ = nullptr;
    std::vector<ZoneCache> zone_cache_;      // by person index
    IncidentTotals totals_;
    std::vector<PersonIncidentStats> person_;
    std::vector<std::vector<std::int64_t>> person_acks_;
    std::vector<WeekIncidentStats> week_;
    std::vector<std::vector<std::int64_t>> week_acks_;
    std::vector<std::int64_t> all_acks_;
    ZoneCache team_cache_;
    PayCounts pay_;
    // The month being counted, by person index, folded into pay_ when the month changes
    // (incidents come in time order): a hash lookup per month and person instead of one
    // per incident and person.
    void flushPay();
    std::uint64_t pay_month_ = ~std::uint64_t{0};
    std::vector<PayCount> pay_now_;
    std::vector<std::int32_t> pay_touched_;
};

// The simulation, runnable in slices (the page steps it across frames).
class IncidentRun {
public:
    IncidentRun();
    ~IncidentRun();
    IncidentRun(IncidentRun&&) noexcept;
    IncidentRun& operator=(IncidentRun&&) noexcept;

    // Copies the plan (edits made meanwhile do not disturb the run). False with *error
    // when the options are out of range or the plan has no weeks.
    bool start(const Plan& plan, const IncidentOptions& options, std::string* error = nullptr);
    // Runs up to max_incidents more; true while incidents remain.
    bool step(std::int64_t max_incidents);
    double progress() const;                 // 0..1
    bool done() const;
    std::int64_t processed() const;
    // The report (complete once done(); a partial one before).
    IncidentReport result();

private:
    friend std::variant<IncidentReport, std::string> simulateIncidents(const Plan&, const IncidentOptions&);
    bool begin(const Plan& plan, const IncidentOptions& options, std::string* error, bool borrow);
    struct State;
    std::unique_ptr<State> s_;
};

// Runs the whole simulation at once.
std::variant<IncidentReport, std::string> simulateIncidents(const Plan& plan, const IncidentOptions& options);

// A report over given incidents (an incident list): each runs through rp::escalate().
// Error: the first scenario it cannot run, as "/<index>: <reason>".
std::variant<IncidentReport, std::string> reportIncidents(const Plan& plan,
                                                          const std::vector<EscalationScenario>& incidents,
                                                          bool keep_outcomes = true);

// Reads an incident list: [{"at", "severity", "security", "ack": {"primary": 3}, "resolve"}],
// also "id"/"title"/"note" strings. Error: "/<i>/<field> (line L, column C): what is wrong".
std::variant<std::vector<EscalationScenario>, std::string> readIncidentList(const Plan& plan, const std::string& text);

// {"source", "seed", ..., "span", "totals", "levels", "per_person", "per_week"}
Json incidentReportToJson(const Plan& plan, const IncidentReport& r);
std::string incidentReportToText(const Plan& plan, const IncidentReport& r);

}  // namespace rp
