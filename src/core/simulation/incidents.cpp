// Many incidents over the whole plan (escalation.md "Beyond one incident").
// See docs/incidents-pay-handoff.md for every decision.
#include "core/simulation/incidents.hpp"

#include "core/changes/incident_log.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <date/tz.h>

#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

namespace rp {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kLevels = 5;
constexpr const char* kSeverities[4] = {"P0", "P1", "P2", "P3"};
constexpr std::int64_t kMaxAckDelay = 7 * 24 * 60;        // minutes
constexpr std::int64_t kMaxResolve = 30 * 24 * 60;        // minutes after delivery
constexpr double kMinutesPerWeek = 7.0 * 24 * 60;

int severityIndex(const std::string& s) {
    for (int i = 0; i < 4; ++i)
        if (s == kSeverities[i]) return i;
    return -1;
}

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// The delivery minute as the engine computes it: rounded up to whole minutes.
std::optional<std::int64_t> deliveryMinute(const std::optional<Instant>& delivered, Instant t0) {
    if (!delivered) return std::nullopt;
    return (std::chrono::duration_cast<seconds>(*delivered - t0).count() + 59) / 60;
}

double round4(double x) { return std::floor(x * 10000.0 + 0.5) / 10000.0; }

Json optInt(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json rateJson(std::int64_t num, std::int64_t den) {
    if (den <= 0) return Json(nullptr);
    return Json(round4(static_cast<double>(num) / static_cast<double>(den)));
}

std::string rateText(std::int64_t num, std::int64_t den) {
    if (den <= 0) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(num) / static_cast<double>(den));
    return buf;
}

}  // namespace

// [SECTION] random numbers

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed) {
    std::uint64_t st = seed;
    for (auto& s : s_) s = splitmix64(st);
}

std::uint64_t Rng::next() {
    auto rotl = [](std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

// Through a signed integer: the same value (below 2^53), and wasm converts signed 64-bit
// integers in one instruction where unsigned ones take a branchy sequence.
double Rng::uniform() { return static_cast<double>(static_cast<std::int64_t>(next() >> 11)) * 0x1.0p-53; }

double Rng::exponential(double mean) { return mean * -detLog(1.0 - uniform()); }

double Rng::standardNormal() {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += uniform();
    return s - 6.0;
}

double detLog(double x) {
    if (!(x > 0)) return -std::numeric_limits<double>::infinity();
    if (x == std::numeric_limits<double>::infinity()) return x;
    int e = 0;
    double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1): exact
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        --e;
    }
    // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    // 1/(2k+1), k = 11..0, folded at compile time (correctly rounded by every compiler)
    static constexpr double kInvOdd[12] = {1.0 / 23, 1.0 / 21, 1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13,
                                           1.0 / 11, 1.0 / 9,  1.0 / 7,  1.0 / 5,  1.0 / 3,  1.0};
    double sum = kInvOdd[0];
    for (int k = 1; k < 12; ++k) sum = kInvOdd[k] + s2 * sum;
    return static_cast<double>(e) * 0.69314718055994530942 + 2.0 * s * sum;
}

double detExp(double x) {
    if (x != x) return x;
    if (x > 709.0) return std::numeric_limits<double>::infinity();
    if (x < -745.0) return 0.0;
    const double k = std::floor(x * 1.44269504088896340736 + 0.5);
    const double r = (x - k * 0.693147180369123816490) - k * 1.90821492927058770002e-10;  // |r| <= 0.35
    // Taylor series to r^17/17! (|r| <= 0.35: the rest is below 1e-20), Horner form with
    // 1/i! folded at compile time
    static constexpr double kInvFact[18] = {
        1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
        1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0, 1.0 / 87178291200.0,
        1.0 / 1307674368000.0, 1.0 / 20922789888000.0, 1.0 / 355687428096000.0};
    double sum = kInvFact[17];
    for (int i = 16; i >= 0; --i) sum = kInvFact[i] + r * sum;
    return std::ldexp(sum, static_cast<int>(k));
}

std::optional<std::int64_t> percentileNearestRank(std::vector<std::int64_t>& v, int p) {
    if (v.empty()) return std::nullopt;
    const std::size_t n = v.size();
    std::size_t rank = (static_cast<std::size_t>(p) * n + 99) / 100;  // ceil(p/100 * n)
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(rank - 1), v.end());
    return v[rank - 1];
}

// [SECTION] options

std::optional<std::array<double, 4>> parseSeverityMix(const std::string& text, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<std::array<double, 4>> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    std::array<double, 4> mix{0, 0, 0, 0};
    std::array<bool, 4> seen{};
    std::size_t pos = 0;
    if (text.empty()) return fail("empty mix (expected for example P0=1,P1=3,P2=10,P3=20)");
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string::npos) comma = text.size();
        const std::string item = text.substr(pos, comma - pos);
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos)
            return fail("'" + item + "' is not SEVERITY=WEIGHT (for example P0=1,P1=3,P2=10,P3=20)");
        const int s = severityIndex(item.substr(0, eq));
        if (s < 0) return fail("'" + item.substr(0, eq) + "' is not a severity (P0, P1, P2 or P3)");
        if (seen[static_cast<std::size_t>(s)]) return fail(item.substr(0, eq) + " is given twice");
        seen[static_cast<std::size_t>(s)] = true;
        const std::optional<double> v = parseDecimal(item.substr(eq + 1), 12);
        if (!v) return fail("the weight of " + item.substr(0, eq) + " must be a number >= 0");
        mix[static_cast<std::size_t>(s)] = *v;
        pos = comma + 1;
    }
    double total = 0;
    for (double w : mix) total += w;
    if (!(total > 0)) return fail("the weights must not all be 0");
    return mix;
}

std::optional<std::string> validateIncidentOptions(const IncidentOptions& o) {
    auto finite = [](double x) { return x == x && x < std::numeric_limits<double>::infinity() && x > -std::numeric_limits<double>::infinity(); };
    if (o.count) {
        if (*o.count < 0 || *o.count > kMaxIncidents)
            return "count: expected a whole number from 0 to " + std::to_string(kMaxIncidents);
    } else if (!finite(o.rate_per_week) || !(o.rate_per_week > 0) || o.rate_per_week > 10000) {
        return std::string("rate: expected incidents per week, more than 0 and at most 10000");
    }
    double total = 0;
    for (double w : o.mix) {
        if (!finite(w) || w < 0) return std::string("mix: every weight must be a number >= 0");
        total += w;
    }
    if (!(total > 0)) return std::string("mix: the weights must not all be 0");
    if (!finite(o.security_share) || o.security_share < 0 || o.security_share > 1)
        return std::string("security share: expected a number from 0 to 1");
    if (!finite(o.ack_mean_min) || !finite(o.ack_mean_max) || o.ack_mean_min < 0 || o.ack_mean_max < o.ack_mean_min ||
        o.ack_mean_max > 1440)
        return std::string("ack mean: expected MIN-MAX minutes with 0 <= MIN <= MAX <= 1440");
    for (double m : o.resolve_median)
        if (!finite(m) || !(m > 0) || m > kMaxResolve) return std::string("resolve median: expected minutes > 0");
    if (!finite(o.resolve_sigma) || o.resolve_sigma < 0 || o.resolve_sigma > 5)
        return std::string("resolve sigma: expected a number from 0 to 5");
    return std::nullopt;
}

// [SECTION] people

void IncidentPeople::begin(const Plan& plan) {
    ids.clear();
    zones.clear();
    index.clear();
    const date::time_zone* team = findZone(plan.team_timezone);
    for (const Person& p : plan.people) {
        if (index.count(p.id)) continue;
        index.emplace(p.id, static_cast<int>(ids.size()));
        ids.push_back(p.id);
        const date::time_zone* z = p.timezone ? findZone(*p.timezone) : nullptr;
        zones.push_back(z ? z : team);
    }
    team_zone = team;
    // Ids the plan names but `people` lacks (the check reports them), sorted: registered
    // now so that every engine numbers people alike.
    std::vector<std::string> unknown;
    auto note = [&](const std::optional<std::string>& id) {
        if (id && !id->empty() && !index.count(*id)) unknown.push_back(*id);
    };
    for (const Week& w : plan.weeks) note(w.primary), note(w.secondary), note(w.escalation);
    for (const Override& o : plan.overrides) note(o.person);
    for (const TimeOff& t : plan.time_off) note(t.person);
    note(plan.contacts.engineering_lead), note(plan.contacts.cto), note(plan.contacts.ceo);
    std::sort(unknown.begin(), unknown.end());
    unknown.erase(std::unique(unknown.begin(), unknown.end()), unknown.end());
    for (const std::string& id : unknown) indexOf(id);
}

int IncidentPeople::indexOf(const std::string& id) {
    auto it = index.find(id);
    if (it != index.end()) return it->second;
    const int k = static_cast<int>(ids.size());
    index.emplace(id, k);
    ids.push_back(id);
    zones.push_back(team_zone);
    return k;
}

int IncidentPeople::find(const std::string& id) const {
    auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
}

IncidentOutcome outcomeFromTimeline(const EscalationTimeline& tl, const EscalationScenario& sc, IncidentPeople& people) {
    IncidentOutcome o;
    o.at = tl.opened;
    o.severity = static_cast<std::int8_t>(severityIndex(tl.severity));
    o.security = tl.security;
    o.week = tl.week;
    o.delivered_minute = deliveryMinute(tl.delivered, tl.opened);
    o.resolve = sc.resolve;
    o.events.reserve(tl.events.size());
    for (const EscalationEvent& e : tl.events) {
        IncidentEvent ev;
        ev.minute = e.minute;
        ev.type = e.type;
        ev.level = e.level ? static_cast<std::int8_t>(*e.level) : std::int8_t(-1);
        ev.person = e.person ? people.indexOf(*e.person) : -1;
        o.events.push_back(ev);
    }
    o.highest_level = tl.highest_level ? static_cast<std::int8_t>(*tl.highest_level) : std::int8_t(-1);
    return o;
}

// [SECTION] the fast engine: the rules of rp::escalate() without text (verified equal in
// tests/unit/test_incidents.cpp). delayFor(level, person) gives the minutes a paged person
// takes to acknowledge.

namespace {

struct SeverityTiming {
    bool business_hours = false;
    std::int64_t ack = 5, every = 0;
    int top = 3;
};

SeverityTiming timingOf(const SeverityPolicy& p) {
    SeverityTiming t;
    t.business_hours = p.coverage == Coverage::BusinessHours;
    t.ack = p.ack_minutes;
    t.every = p.escalate_every_minutes ? *p.escalate_every_minutes : 0;
    t.top = p.reaches_ceo ? 4 : 3;
    return t;
}

// EscalationIndex's look-ups again, with people as numbers (no strings, nothing to destroy
// in the hot loop: under emscripten's JavaScript exceptions, every call made while an object
// with a destructor is alive goes through a slow JavaScript trampoline).
struct IntervalTable {
    std::vector<CoverInterval> pending;       // until finish()
    std::vector<int> pending_value;
    std::vector<Instant> seg_start, seg_end;  // where the lowest tag holding t is constant
    std::vector<int> seg_value;
    // The segment of the last hit: the run asks in time order, so the next question is
    // mostly answered there without a search.
    mutable std::size_t hint = 0;
    void add(Instant s, Instant e, int t, int v) {
        pending.push_back({s, e, t, static_cast<int>(pending_value.size())});
        pending_value.push_back(v);
    }
    void finish() {
        for (const CoverSegment& c : lowestRankCover(pending)) {
            seg_start.push_back(c.start);
            seg_end.push_back(c.end);
            seg_value.push_back(pending_value[static_cast<std::size_t>(c.item)]);
        }
        pending = {};
        pending_value = {};
    }
    // The value of the lowest tag holding t; `none` when no entry does.
    int valueAt(Instant t, int none) const noexcept {
        // segments are sorted and disjoint: one holding t is the one upper_bound finds
        if (hint < seg_end.size() && seg_start[hint] <= t && t < seg_end[hint]) return seg_value[hint];
        const std::size_t k = static_cast<std::size_t>(std::upper_bound(seg_end.begin(), seg_end.end(), t) - seg_end.begin());
        if (k < seg_end.size() && seg_start[k] <= t) {
            hint = k;
            return seg_value[k];
        }
        return none;
    }
};

struct SimIndex {
    IntervalTable weeks;                     // EscalationIndex::weekAt again, with a hint
    IntervalTable primary, secondary;
    std::vector<int> week_escalation;        // person, -1: nobody
    int cto = -1, ceo = -1;
    std::vector<IntervalTable> time_off;     // by person

    void build(const Plan& plan, const EscalationIndex& ix, IncidentPeople& people) {
        auto person = [&](const std::optional<std::string>& id) { return id && !id->empty() ? people.indexOf(*id) : -1; };
        // as EscalationIndex: week i tagged i, the lowest week wins where weeks overlap
        for (std::size_t i = 0; i < ix.spans().size(); ++i)
            if (ix.spans()[i].start < ix.spans()[i].end)
                weeks.add(ix.spans()[i].start, ix.spans()[i].end, static_cast<int>(i), static_cast<int>(i));
        weeks.finish();
        const std::vector<Shift>& shifts = ix.shifts();
        // tags in (week, start) order, as EscalationIndex: the lowest week wins where weeks overlap
        std::vector<std::size_t> by_week(shifts.size());
        for (std::size_t i = 0; i < by_week.size(); ++i) by_week[i] = i;
        std::stable_sort(by_week.begin(), by_week.end(), [&](std::size_t a, std::size_t b) {
            if (shifts[a].week != shifts[b].week) return shifts[a].week < shifts[b].week;
            return shifts[a].start < shifts[b].start;
        });
        for (std::size_t k = 0; k < by_week.size(); ++k) {
            const Shift& sh = shifts[by_week[k]];
            const int who = sh.person.empty() ? -1 : people.indexOf(sh.person);
            if (sh.role == Role::Primary) primary.add(sh.start, sh.end, static_cast<int>(k), who);
            else if (sh.role == Role::Secondary) secondary.add(sh.start, sh.end, static_cast<int>(k), who);
        }
        primary.finish();
        secondary.finish();
        for (const Week& w : plan.weeks)
            week_escalation.push_back(person(w.escalation && !w.escalation->empty() ? w.escalation
                                                                                      : plan.contacts.engineering_lead));
        cto = person(plan.contacts.cto);
        ceo = person(plan.contacts.ceo);
        const date::time_zone* zone = ix.zone();
        for (std::size_t i = 0; i < plan.time_off.size(); ++i) {
            const TimeOff& t = plan.time_off[i];
            const int p = people.indexOf(t.person);
            if (time_off.size() <= static_cast<std::size_t>(p)) time_off.resize(static_cast<std::size_t>(p) + 1);
            time_off[static_cast<std::size_t>(p)].add(dayStart(zone, t.from), dayStart(zone, t.to + date::days{1}),
                                                      static_cast<int>(i), 0);
        }
        for (auto& t : time_off) t.finish();
        time_off.resize(people.ids.size());
    }
    int holderAt(const EscalationIndex& /*ix*/, int level, Instant t) const noexcept {
        switch (level) {
            case 0: return primary.valueAt(t, -1);
            case 1: return secondary.valueAt(t, -1);
            case 2: {
                const int w = weekAt(t);
                return w >= 0 ? week_escalation[static_cast<std::size_t>(w)] : -1;
            }
            case 3: return cto;
            default: return ceo;
        }
    }
    int weekAt(Instant t) const noexcept { return weeks.valueAt(t, -1); }
    bool offAt(int person, Instant t) const noexcept {
        return static_cast<std::size_t>(person) < time_off.size() &&
               time_off[static_cast<std::size_t>(person)].valueAt(t, -1) >= 0;
    }
};

template <class DelayFor>
void fastTimeline(const EscalationIndex& ix, const SimIndex& si, const SeverityTiming& sev, DelayFor&& delayFor,
                  const std::optional<std::int64_t>& business_delivery, IncidentOutcome& out) {
    const Instant t0 = out.at;
    out.events.clear();
    out.highest_level = -1;
    const bool has_r = out.resolve.has_value();
    const std::int64_t R = has_r ? *out.resolve : 0;
    if (sev.business_hours) {
        // deliveryMinute(ix.businessStartAtOrAfter(t0), t0), which the caller has at hand
        out.delivered_minute = business_delivery;
    } else {
        out.delivered_minute = 0;
    }
    auto emit = [&](std::int64_t m, EscalationEventType type, int level, int person) {
        IncidentEvent e;
        e.minute = m;
        e.type = type;
        e.level = static_cast<std::int8_t>(level);
        e.person = person;
        out.events.push_back(e);
    };
    if (!out.delivered_minute) {
        if (has_r) emit(R, EscalationEventType::Resolve, -1, -1);
        return;
    }
    const std::int64_t D = *out.delivered_minute, A = sev.ack, E = sev.every;
    const int top = sev.top;
    bool used[kLevels] = {}, acked[kLevels] = {};
    std::int64_t paged_at[kLevels] = {-1, -1, -1, -1, -1};
    std::int64_t ack_at[kLevels] = {-1, -1, -1, -1, -1};
    int paged_person[kLevels] = {-1, -1, -1, -1, -1};

    auto pageChain = [&](int r, std::int64_t m) {
        const Instant at = t0 + minutes{m};
        while (r >= 0) {
            used[r] = true;
            const int who = si.holderAt(ix, r, at);
            if (who < 0) {
                emit(m, EscalationEventType::Skip, r, -1);
            } else if (si.offAt(who, at)) {
                emit(m, EscalationEventType::Skip, r, who);
            } else {
                emit(m, EscalationEventType::Page, r, who);
                paged_at[r] = m;
                paged_person[r] = who;
                ack_at[r] = m + delayFor(r, who);
                if (out.highest_level < r) out.highest_level = static_cast<std::int8_t>(r);
                return;
            }
            int next = -1;
            for (int q = r + 1; q <= top; ++q)
                if (!used[q]) {
                    next = q;
                    break;
                }
            r = next;
        }
    };
    auto takeAcks = [&](std::int64_t m) {
        for (int r = 0; r < kLevels; ++r)
            if (ack_at[r] == m && !acked[r]) {
                acked[r] = true;
                emit(m, EscalationEventType::Ack, r, paged_person[r]);
            }
    };
    auto anyUnused = [&] {
        for (int q = 1; q <= top; ++q)
            if (!used[q]) return true;
        return false;
    };

    std::int64_t m = has_r ? std::min(D, R) : D;
    for (;;) {
        if (m == D) {
            pageChain(0, m);
            if (out.security && !used[2]) pageChain(2, m);
        }
        takeAcks(m);
        if (has_r && m == R) {
            emit(m, EscalationEventType::Resolve, -1, -1);
            break;
        }
        if (m == D + A && paged_at[0] >= 0 && !acked[0] && !used[1]) pageChain(1, m);
        if (E > 0 && m > D && m % E == 0)
            for (int q = 1; q <= top; ++q)
                if (!used[q]) {
                    pageChain(q, m);
                    break;
                }
        takeAcks(m);
        // The next minute at which anything can happen.
        std::int64_t next = std::numeric_limits<std::int64_t>::max();
        if (D > m) next = std::min(next, D);
        if (D + A > m) next = std::min(next, D + A);
        if (E > 0 && anyUnused()) next = std::min(next, (std::max(m, D) / E + 1) * E);
        for (int r = 0; r < kLevels; ++r)
            if (ack_at[r] > m && !acked[r]) next = std::min(next, ack_at[r]);
        if (has_r && R > m) next = std::min(next, R);
        if (next == std::numeric_limits<std::int64_t>::max()) break;
        m = next;
    }
}

}  // namespace

// [SECTION] the tally

void IncidentTally::begin(const Plan& plan, const date::time_zone* team_zone, IncidentPeople* people) {
    plan_ = &plan;
    team_zone_ = team_zone;
    people_ = people;
    totals_ = IncidentTotals{};
    person_.clear();
    person_acks_.clear();
    zone_cache_.clear();
    week_.assign(plan.weeks.size(), WeekIncidentStats{});
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) week_[i].week = plan.weeks[i].start;
    week_acks_.assign(plan.weeks.size(), {});
    all_acks_.clear();
    team_cache_ = ZoneCache{};
    pay_ = PayCounts{};
    pay_month_ = ~std::uint64_t{0};
    pay_now_.clear();
    pay_touched_.clear();
}

void IncidentTally::flushPay() {
    for (const std::int32_t person : pay_touched_) {
        PayCount& now = pay_now_[static_cast<std::size_t>(person)];
        PayCount& c = pay_.by_month_person[pay_month_ << 32 | static_cast<std::uint32_t>(person)];
        c.incidents += now.incidents;
        c.p0_incidents += now.p0_incidents;
        now = PayCount{};
    }
    pay_touched_.clear();
}

void IncidentTally::countPay(const IncidentOutcome& o) {
    ZoneCache& c = team_cache_;
    if (!(c.begin <= o.at && o.at < c.end)) {
        if (!team_zone_) {
            c.begin = Instant::min();
            c.end = Instant::max();
            c.offset = 0;
        } else {
            const date::sys_info info = team_zone_->get_info(o.at);
            c.begin = info.begin;
            c.end = info.end;
            c.offset = info.offset.count();
        }
    }
    const date::year_month_day ymd{date::floor<date::days>(date::sys_seconds{o.at.time_since_epoch() + seconds{c.offset}})};
    const std::uint64_t month =
        static_cast<std::uint64_t>(static_cast<std::int64_t>(int(ymd.year())) * 12 + static_cast<unsigned>(ymd.month()) - 1);
    ++pay_.incidents;
    // Each person once per incident, as paid and as a P0 responder.
    std::int32_t paid[8], responders[8];
    int np = 0, nr = 0;
    auto put = [](std::int32_t* set, int& n, std::int32_t person) {
        for (int i = 0; i < n; ++i)
            if (set[i] == person) return;
        if (n < 8) set[n++] = person;
    };
    for (const IncidentEvent& e : o.events) {
        if (e.person < 0) continue;
        if (e.type == EscalationEventType::Page && e.level == 0) put(paid, np, e.person), put(responders, nr, e.person);
        if (e.type == EscalationEventType::Ack) {
            if (e.level == 1) put(paid, np, e.person);
            put(responders, nr, e.person);
        }
    }
    if (month != pay_month_) {
        flushPay();
        pay_month_ = month;
    }
    auto count = [&](std::int32_t person) -> PayCount& {
        const auto i = static_cast<std::size_t>(static_cast<std::uint32_t>(person));
        if (i >= pay_now_.size()) pay_now_.resize(i + 1);
        PayCount& c = pay_now_[i];
        if (c.incidents == 0 && c.p0_incidents == 0) pay_touched_.push_back(person);
        return c;
    };
    for (int i = 0; i < np; ++i) ++count(paid[i]).incidents;
    if (o.severity == 0)
        for (int i = 0; i < nr; ++i) ++count(responders[i]).p0_incidents;
}

std::int64_t IncidentTally::localSeconds(int person, Instant t) {
    ZoneCache& c = zone_cache_[static_cast<std::size_t>(person)];
    if (!c.zone) {
        c.zone = people_->zones[static_cast<std::size_t>(person)];
        c.begin = c.end = Instant{};
    }
    if (!(c.begin <= t && t < c.end)) {
        if (!c.zone) {
            c.begin = Instant::min();
            c.end = Instant::max();
            c.offset = 0;
        } else {
            const date::sys_info info = c.zone->get_info(t);
            c.begin = info.begin;
            c.end = info.end;
            c.offset = info.offset.count();
        }
    }
    return t.time_since_epoch().count() + c.offset;
}

void IncidentTally::add(const IncidentOutcome& o) {
    const std::size_t np = people_->ids.size();
    if (person_.size() < np) {
        const std::size_t old = person_.size();
        person_.resize(np);
        person_acks_.resize(np);
        zone_cache_.resize(np);
        for (std::size_t i = old; i < np; ++i) person_[i].person = people_->ids[i];
    }
    WeekIncidentStats* w = o.week >= 0 && static_cast<std::size_t>(o.week) < week_.size()
                               ? &week_[static_cast<std::size_t>(o.week)]
                               : nullptr;
    std::vector<std::int64_t>* wacks = w ? &week_acks_[static_cast<std::size_t>(o.week)] : nullptr;
    const int sev = o.severity >= 0 && o.severity < 4 ? o.severity : 0;
    countPay(o);
    ++totals_.incidents;
    ++totals_.by_severity[static_cast<std::size_t>(sev)];
    if (o.security) ++totals_.security;
    if (!o.delivered_minute) ++totals_.never_delivered;
    if (w) {
        ++w->incidents;
        ++w->by_severity[static_cast<std::size_t>(sev)];
        if (o.security) ++w->security;
    }
    std::int64_t paged_at[kLevels] = {-1, -1, -1, -1, -1};
    bool reached[kLevels] = {};
    std::optional<std::int64_t> first_ack;
    int primary_person = -1;
    for (const IncidentEvent& e : o.events) {
        if (e.type == EscalationEventType::Page) {
            paged_at[e.level] = e.minute;
            reached[e.level] = true;
            if (e.level == 0) primary_person = e.person;
            ++totals_.pages;
            if (w) ++w->pages;
            if (e.person < 0) continue;
            PersonIncidentStats& p = person_[static_cast<std::size_t>(e.person)];
            ++p.pages;
            ++p.levels.n[static_cast<std::size_t>(e.level)];
            const std::int64_t local = localSeconds(e.person, o.at + minutes{e.minute});
            const std::int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
            const std::int64_t sod = local - day * 86400;
            const bool night = sod >= 22 * 3600 || sod < 7 * 3600;
            const unsigned wd = date::weekday{date::sys_days{date::days{day}}}.c_encoding();
            const bool weekend = wd == 0 || wd == 6;
            if (night) {
                ++p.night_pages;
                ++totals_.night_pages;
                if (w) ++w->night_pages;
            }
            if (weekend) {
                ++p.weekend_pages;
                ++totals_.weekend_pages;
                if (w) ++w->weekend_pages;
            }
        } else if (e.type == EscalationEventType::Skip) {
            ++totals_.skips;
            if (w) ++w->skips;
            if (e.person >= 0) ++person_[static_cast<std::size_t>(e.person)].skips;
        } else if (e.type == EscalationEventType::Ack) {
            if (!first_ack) first_ack = e.minute;
            if (e.person >= 0 && e.level >= 0 && paged_at[e.level] >= 0) {
                PersonIncidentStats& p = person_[static_cast<std::size_t>(e.person)];
                ++p.acks;
                person_acks_[static_cast<std::size_t>(e.person)].push_back(e.minute - paged_at[e.level]);
            }
        }
    }
    const bool escalated = o.highest_level >= 2;
    for (int r = 0; r < kLevels; ++r)
        if (reached[r]) {
            ++totals_.levels.n[static_cast<std::size_t>(r)];
            if (w) ++w->levels.n[static_cast<std::size_t>(r)];
        }
    if (escalated) {
        ++totals_.escalated;
        if (w) ++w->escalated;
    }
    if (primary_person >= 0) {
        PersonIncidentStats& p = person_[static_cast<std::size_t>(primary_person)];
        ++p.incidents;
        if (escalated) ++p.escalated;
    }
    if (first_ack && o.delivered_minute) {
        const std::int64_t tta = *first_ack - *o.delivered_minute;
        ++totals_.acknowledged;
        all_acks_.push_back(tta);
        if (w) {
            ++w->acknowledged;
            wacks->push_back(tta);
        }
    }
}

namespace {

// percentileNearestRank(v, 50) and (v, 90) with one and a half selections instead of two:
// the 90th is looked for only among the values above the median's place.
void medianAndP90(std::vector<std::int64_t>& v, std::optional<std::int64_t>& median, std::optional<std::int64_t>& p90) {
    if (v.empty()) {
        median.reset();
        p90.reset();
        return;
    }
    const std::size_t n = v.size();
    auto rankOf = [n](std::size_t p) { return std::min(n, std::max<std::size_t>(1, (p * n + 99) / 100)); };
    const std::size_t r50 = rankOf(50), r90 = rankOf(90);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(r50 - 1), v.end());
    median = v[r50 - 1];
    if (r90 > r50)
        std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(r50), v.begin() + static_cast<std::ptrdiff_t>(r90 - 1), v.end());
    p90 = v[r90 - 1];
}

}  // namespace

void IncidentTally::finish(IncidentReport& out) {
    const std::size_t np = people_->ids.size();
    if (person_.size() < np) {
        const std::size_t old = person_.size();
        person_.resize(np);
        person_acks_.resize(np);
        zone_cache_.resize(np);
        for (std::size_t i = old; i < np; ++i) person_[i].person = people_->ids[i];
    }
    // percentileNearestRank only reorders the values: the tally stays valid for more add()s
    flushPay();
    out.pay = pay_;
    out.totals = totals_;
    medianAndP90(all_acks_, out.totals.ack_median, out.totals.ack_p90);
    out.per_person = person_;
    for (std::size_t i = 0; i < np; ++i) {
        medianAndP90(person_acks_[i], out.per_person[i].ack_median, out.per_person[i].ack_p90);
    }
    out.per_week = week_;
    for (std::size_t i = 0; i < week_.size(); ++i) {
        medianAndP90(week_acks_[i], out.per_week[i].ack_median, out.per_week[i].ack_p90);
    }
}

// [SECTION] the run

struct IncidentRun::State {
    std::unique_ptr<Plan> owned;   // the copy start() takes
    const Plan* plan = nullptr;
    std::unique_ptr<EscalationIndex> index;
    SimIndex sim;
    IncidentOptions options;
    IncidentReport report;         // people, outcomes
    IncidentTally tally;
    std::array<SeverityTiming, 4> timing{};
    double mix_total = 0;
    Rng arrivals{0}, draws{0};
    Instant span_start{}, span_end{};
    std::int64_t span_minutes = 0;
    // count mode: N sorted uniform positions, streamed as normalised exponential spacings
    // (the sum of all N + 1 spacings is taken in start() from a copy of the stream)
    double count_sum = 0, count_acc = 0;
    std::int64_t count_left = 0;
    double clock = 0;              // Poisson mode: minutes after span_start
    std::int64_t next_minute = -1; // the next incident's minute, -1 when none is left
    std::int64_t processed = 0;
    std::vector<double> ack_mean;  // by person index
    IncidentOutcome scratch;       // the incident being run (no allocation per incident)

    double drawMean(int person) const {
        Rng r(options.seed ^ 0xA5A5A5A55A5A5A5AULL ^ fnv1a(report.people.ids[static_cast<std::size_t>(person)]));
        return options.ack_mean_min + (options.ack_mean_max - options.ack_mean_min) * r.uniform();
    }
    std::int64_t delay(double u, int person) const noexcept {
        const double mean = static_cast<std::size_t>(person) < ack_mean.size() ? ack_mean[static_cast<std::size_t>(person)]
                                                                              : options.ack_mean_max;
        const double x = mean * -detLog(1.0 - u);
        if (!(x < static_cast<double>(kMaxAckDelay))) return kMaxAckDelay;
        return static_cast<std::int64_t>(std::floor(x));
    }
    void advance() noexcept {
        if (options.count) {
            if (count_left <= 0) {
                next_minute = -1;
                return;
            }
            --count_left;
            count_acc += -detLog(1.0 - arrivals.uniform());
            std::int64_t m = static_cast<std::int64_t>(std::floor(count_acc / count_sum * static_cast<double>(span_minutes)));
            next_minute = std::min(std::max<std::int64_t>(m, 0), span_minutes - 1);
            return;
        }
        clock += arrivals.exponential(kMinutesPerWeek / options.rate_per_week);
        next_minute = clock < static_cast<double>(span_minutes) ? static_cast<std::int64_t>(std::floor(clock)) : -1;
    }
    void runOne(std::int64_t minute);
    void runReference(const double* u);
};

// rp::escalate() with the same draws: once without acks, again with the primary's ack when
// it comes in time, then with every paged level's ack. Fills `scratch`.
void IncidentRun::State::runReference(const double* u) {
    IncidentOutcome& o = scratch;
    const SeverityTiming& t = timing[static_cast<std::size_t>(o.severity)];
    EscalationScenario sc;
    sc.severity = kSeverities[o.severity];
    sc.at = o.at;
    sc.security = o.security;
    sc.resolve = o.resolve;
    auto run = [&]() { return std::get<EscalationTimeline>(escalate(*index, sc)); };
    EscalationTimeline tl = run();
    for (const EscalationEvent& e : tl.events)
        if (e.type == EscalationEventType::Page && e.level == EscalationLevel::Primary) {
            const std::int64_t d = delay(u[0], report.people.indexOf(*e.person));
            if (d <= t.ack) {
                sc.acks.push_back({EscalationLevel::Primary, e.minute + d});
                tl = run();
            }
            break;
        }
    sc.acks.clear();
    for (const EscalationEvent& e : tl.events)
        if (e.type == EscalationEventType::Page)
            sc.acks.push_back({*e.level, e.minute + delay(u[static_cast<int>(*e.level)], report.people.indexOf(*e.person))});
    tl = run();
    o = outcomeFromTimeline(tl, sc, report.people);
}

// Nothing with a destructor lives in this frame (see SimIndex).
void IncidentRun::State::runOne(std::int64_t minute) {
    // Fixed draws per incident: severity, security, resolution (12), one per level (5).
    const double us = draws.uniform() * mix_total;
    int sev = 3;
    double acc = 0;
    for (int i = 0; i < 4; ++i) {
        acc += options.mix[static_cast<std::size_t>(i)];
        if (us < acc && options.mix[static_cast<std::size_t>(i)] > 0) {
            sev = i;
            break;
        }
    }
    while (sev > 0 && options.mix[static_cast<std::size_t>(sev)] <= 0) --sev;  // rounding at the top end
    const bool security = draws.uniform() < options.security_share;
    const double z = draws.standardNormal();
    double u[kLevels];
    for (double& x : u) x = draws.uniform();

    IncidentOutcome& o = scratch;
    o.events.clear();
    o.resolve.reset();
    o.delivered_minute.reset();
    o.highest_level = -1;
    o.at = span_start + minutes{minute};
    o.severity = static_cast<std::int8_t>(sev);
    o.security = security;
    o.week = sim.weekAt(o.at);
    ++processed;
    if (o.week < 0) {
        tally.outsideWeeks();
        return;
    }
    const SeverityTiming& t = timing[static_cast<std::size_t>(sev)];
    const double res = options.resolve_median[static_cast<std::size_t>(sev)] * detExp(options.resolve_sigma * z);
    std::int64_t res_min = res < static_cast<double>(kMaxResolve) ? static_cast<std::int64_t>(std::floor(res + 0.5))
                                                                 : kMaxResolve;
    res_min = std::max<std::int64_t>(1, res_min);
    std::int64_t D = 0;
    bool delivered = true;
    std::optional<std::int64_t> business_delivery;
    if (t.business_hours) {
        business_delivery = deliveryMinute(index->businessStartAtOrAfter(o.at), o.at);
        delivered = business_delivery.has_value();
        D = business_delivery.value_or(0);
    }
    if (delivered) o.resolve = D + res_min;  // never delivered: never resolved either

    if (!options.reference_engine)
        fastTimeline(*index, sim, t, [&](int level, int person) { return delay(u[level], person); }, business_delivery, o);
    else
        runReference(u);
    tally.add(o);
    if (options.keep_outcomes) report.outcomes.push_back(o);
}

IncidentRun::IncidentRun() = default;
IncidentRun::~IncidentRun() = default;
IncidentRun::IncidentRun(IncidentRun&&) noexcept = default;
IncidentRun& IncidentRun::operator=(IncidentRun&&) noexcept = default;

bool IncidentRun::start(const Plan& plan, const IncidentOptions& options, std::string* error) {
    return begin(plan, options, error, false);
}

bool IncidentRun::begin(const Plan& plan, const IncidentOptions& options, std::string* error, bool borrow) {
    s_.reset();
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    if (auto bad = validateIncidentOptions(options)) return fail(*bad);
    auto st = std::make_unique<State>();
    if (borrow) {
        st->plan = &plan;
    } else {
        st->owned = std::make_unique<Plan>(plan);
        st->plan = st->owned.get();
    }
    const Plan& p = *st->plan;
    st->index = std::make_unique<EscalationIndex>(p);
    st->options = options;
    for (double w : options.mix) st->mix_total += w;
    for (int i = 0; i < 4; ++i) {
        auto it = p.policy.severities.find(kSeverities[i]);
        st->timing[static_cast<std::size_t>(i)] =
            timingOf(it != p.policy.severities.end() ? it->second : defaultSeverity(kSeverities[i]));
    }
    bool any = false;
    for (const WeekSpan& s : st->index->spans()) {
        if (!(s.start < s.end)) continue;
        if (!any || s.start < st->span_start) st->span_start = s.start;
        if (!any || s.end > st->span_end) st->span_end = s.end;
        any = true;
    }
    if (!any) return fail("the plan has no weeks");
    st->span_minutes = std::chrono::duration_cast<minutes>(st->span_end - st->span_start).count();
    if (!options.count) {  // the cap holds for a rate too: its expected total
        const double weeks = static_cast<double>(st->span_minutes) / kMinutesPerWeek;
        const double expected = options.rate_per_week * weeks;
        if (expected > static_cast<double>(kMaxIncidents)) {
            char buf[160];
            std::snprintf(buf, sizeof buf,
                          "rate: %.10g incidents per week over the plan's %.0f weeks would be about %.0f incidents; "
                          "at most %lld are simulated (lower the rate, or give a count)",
                          options.rate_per_week, std::floor(weeks + 0.5), std::floor(expected + 0.5),
                          static_cast<long long>(kMaxIncidents));
            return fail(buf);
        }
    }
    st->report.options = options;
    st->report.simulated = true;
    st->report.span_start = st->span_start;
    st->report.span_end = st->span_end;
    st->report.people.begin(p);
    st->sim.build(p, *st->index, st->report.people);
    st->ack_mean.resize(st->report.people.ids.size());
    for (std::size_t i = 0; i < st->ack_mean.size(); ++i) st->ack_mean[i] = st->drawMean(static_cast<int>(i));
    st->tally.begin(p, st->index->zone(), &st->report.people);
    st->scratch.events.reserve(16);
    st->arrivals = Rng(options.seed ^ 0x1234567887654321ULL);
    st->draws = Rng(options.seed);
    if (options.count) {
        st->count_left = *options.count;
        Rng copy = st->arrivals;
        double sum = 0;
        for (std::int64_t i = 0; i <= *options.count; ++i) sum += -detLog(1.0 - copy.uniform());
        st->count_sum = sum;
        if (options.keep_outcomes) st->report.outcomes.reserve(static_cast<std::size_t>(*options.count));
    }
    st->advance();
    s_ = std::move(st);
    return true;
}

bool IncidentRun::step(std::int64_t max_incidents) {
    if (!s_) return false;
    State& st = *s_;
    for (std::int64_t i = 0; i < max_incidents && st.next_minute >= 0; ++i) {
        st.runOne(st.next_minute);
        st.advance();
    }
    return st.next_minute >= 0;
}

bool IncidentRun::done() const { return !s_ || s_->next_minute < 0; }

std::int64_t IncidentRun::processed() const { return s_ ? s_->processed : 0; }

double IncidentRun::progress() const {
    if (!s_ || s_->next_minute < 0) return 1.0;
    if (s_->options.count)
        return *s_->options.count > 0 ? static_cast<double>(s_->processed) / static_cast<double>(*s_->options.count) : 1.0;
    return s_->span_minutes > 0 ? std::min(1.0, s_->clock / static_cast<double>(s_->span_minutes)) : 1.0;
}

IncidentReport IncidentRun::result() {
    IncidentReport r;
    if (!s_) return r;
    s_->tally.finish(s_->report);
    r = s_->report;
    return r;
}

std::variant<IncidentReport, std::string> simulateIncidents(const Plan& plan, const IncidentOptions& options) {
    IncidentRun run;
    std::string err;
    // the plan outlives this call: no copy
    if (!run.begin(plan, options, &err, true)) return err;
    while (run.step(1 << 20)) {
    }
    return run.result();
}

std::variant<IncidentReport, std::string> reportIncidents(const Plan& plan, const std::vector<EscalationScenario>& incidents,
                                                          bool keep_outcomes) {
    EscalationIndex ix(plan);
    IncidentReport rep;
    rep.simulated = false;
    rep.options.keep_outcomes = keep_outcomes;
    rep.people.begin(plan);
    bool any = false;
    for (const WeekSpan& s : ix.spans()) {
        if (!(s.start < s.end)) continue;
        if (!any || s.start < rep.span_start) rep.span_start = s.start;
        if (!any || s.end > rep.span_end) rep.span_end = s.end;
        any = true;
    }
    IncidentTally tally;
    tally.begin(plan, ix.zone(), &rep.people);
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        EscalationResult r = escalate(ix, incidents[i]);
        if (const auto* err = std::get_if<std::string>(&r)) return "/" + std::to_string(i) + ": " + *err;
        IncidentOutcome o = outcomeFromTimeline(std::get<EscalationTimeline>(r), incidents[i], rep.people);
        tally.add(o);
        if (keep_outcomes) rep.outcomes.push_back(std::move(o));
    }
    tally.finish(rep);
    return rep;
}

// [SECTION] incident lists

std::variant<std::vector<EscalationScenario>, std::string> readIncidentList(const Plan& plan, const std::string& text) {
    // An incident log (opened/acknowledged/resolved, CSV or JSON; core/changes/incident_log.hpp).
    if (isIncidentLog(text)) {
        auto log = readIncidentLog(plan, text);
        if (const auto* e = std::get_if<std::string>(&log)) return *e;
        std::vector<EscalationScenario> list;
        for (const LoggedIncident& i : std::get<std::vector<LoggedIncident>>(log)) list.push_back(scenarioFromLogged(i));
        return list;
    }
    // The plan reader's parser: a NUL byte, deep nesting and every nlohmann error come
    // back as a message with the line and column, never as an exception.
    Json doc;
    if (auto e = parseJsonText(text, doc)) {
        std::string what = e->message;
        if (what.rfind("not valid JSON: ", 0) == 0) what.erase(0, 16);
        std::string where = e->pointer;
        if (e->line > 0) where += (where.empty() ? "" : " ") + std::string("(line ") + std::to_string(e->line) +
                                  ", column " + std::to_string(e->column) + ")";
        return where + ": not JSON: " + what;
    }
    if (!doc.is_array())
        return std::string("(document): expected an array of incidents such as "
                           "[{\"at\": \"2026-12-05T02:00\", \"severity\": \"P0\"}]");
    const date::time_zone* zone = findZone(plan.team_timezone);
    std::vector<EscalationScenario> out;
    out.reserve(doc.size());
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const Json& o = doc[i];
        const std::string at_ptr = "/" + std::to_string(i);
        if (!o.is_object()) return at_ptr + ": expected an object with \"at\" and \"severity\"";
        EscalationScenario sc;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string& k = it.key();
            const Json& v = it.value();
            const std::string ptr = at_ptr + "/" + k;
            if (k == "at") {
                if (!v.is_string()) return ptr + ": expected a date-time such as \"2026-12-05T02:00\"";
                const auto t = parseDateTime(zone, v.get<std::string>());
                if (!t)
                    return ptr + ": '" + v.get<std::string>() +
                           "' is not a date-time (YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset)";
                sc.at = *t;
            } else if (k == "severity") {
                if (!v.is_string() || !plan.policy.severities.count(v.get<std::string>()) ||
                    severityIndex(v.get<std::string>()) < 0)
                    return ptr + ": expected \"P0\", \"P1\", \"P2\" or \"P3\"";
                sc.severity = v.get<std::string>();
            } else if (k == "security") {
                if (!v.is_boolean() && !v.is_null()) return ptr + ": expected true or false";
                sc.security = v.is_boolean() && v.get<bool>();
            } else if (k == "ack") {
                if (v.is_null()) continue;
                if (!v.is_object()) return ptr + ": expected an object such as {\"primary\": 3}";
                for (auto a = v.begin(); a != v.end(); ++a) {
                    const auto level = parseEscalationLevel(a.key());
                    if (!level) return ptr + "/" + a.key() + ": not a level (primary, secondary, escalation, cto or ceo)";
                    if (!a.value().is_number_integer() || a.value().get<std::int64_t>() < 0 ||
                        a.value().get<std::int64_t>() > 1000000000)
                        return ptr + "/" + a.key() + ": expected whole minutes after the opening (0 or more)";
                    sc.acks.push_back({*level, a.value().get<std::int64_t>()});
                }
            } else if (k == "resolve") {
                if (v.is_null()) continue;
                if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 1000000000)
                    return ptr + ": expected whole minutes after the opening (0 or more)";
                sc.resolve = v.get<std::int64_t>();
            } else if (k == "id" || k == "title" || k == "note") {
                if (!v.is_string() && !v.is_number_integer()) return ptr + ": expected a string";
            } else {
                return ptr + ": unknown field (expected at, severity, security, ack, resolve, id, title or note)";
            }
        }
        if (!o.contains("at")) return at_ptr + ": \"at\" is missing (when the incident opened)";
        if (!o.contains("severity")) return at_ptr + ": \"severity\" is missing (P0, P1, P2 or P3)";
        out.push_back(std::move(sc));
    }
    return out;
}

// [SECTION] output

namespace {

Json levelsJson(const LevelCounts& c) {
    Json j = Json::object();
    for (int r = 0; r < kLevels; ++r) j[escalationLevelName(static_cast<EscalationLevel>(r))] = c.n[static_cast<std::size_t>(r)];
    return j;
}

Json severitiesJson(const std::array<std::int64_t, 4>& c) {
    Json j = Json::object();
    for (int i = 0; i < 4; ++i) j[kSeverities[i]] = c[static_cast<std::size_t>(i)];
    return j;
}

Json numberJson(double x) {
    // whole numbers as integers; others rounded to 4 decimals
    if (x == std::floor(x) && x > -9e15 && x < 9e15) return Json(static_cast<std::int64_t>(x));
    return Json(round4(x));
}

}  // namespace

Json incidentReportToJson(const Plan& plan, const IncidentReport& r) {
    const date::time_zone* zone = findZone(plan.team_timezone);
    Json j = Json::object();
    j["source"] = r.simulated ? "simulation" : "list";
    if (r.simulated) {
        const IncidentOptions& o = r.options;
        j["seed"] = o.seed;
        j["rate_per_week"] = o.count ? Json(nullptr) : numberJson(o.rate_per_week);
        j["count"] = o.count ? Json(*o.count) : Json(nullptr);
        Json mix = Json::object();
        for (int i = 0; i < 4; ++i) mix[kSeverities[i]] = numberJson(o.mix[static_cast<std::size_t>(i)]);
        j["mix"] = mix;
        j["security_share"] = numberJson(o.security_share);
        j["ack_mean_minutes"] = {{"min", numberJson(o.ack_mean_min)}, {"max", numberJson(o.ack_mean_max)}};
    }
    j["span"] = {{"start", formatRfc3339(zone, r.span_start)}, {"end", formatRfc3339(zone, r.span_end)}};
    const IncidentTotals& t = r.totals;
    Json tj = Json::object();
    tj["incidents"] = t.incidents;
    tj["outside_weeks"] = t.outside_weeks;
    tj["never_delivered"] = t.never_delivered;
    tj["by_severity"] = severitiesJson(t.by_severity);
    tj["security"] = t.security;
    tj["pages"] = t.pages;
    tj["night_pages"] = t.night_pages;
    tj["weekend_pages"] = t.weekend_pages;
    tj["skips"] = t.skips;
    tj["acknowledged"] = t.acknowledged;
    tj["ack_median_minutes"] = optInt(t.ack_median);
    tj["ack_p90_minutes"] = optInt(t.ack_p90);
    tj["escalated"] = t.escalated;
    tj["escalation_rate"] = rateJson(t.escalated, t.incidents);
    j["totals"] = tj;
    j["levels"] = levelsJson(t.levels);
    Json pp = Json::array();
    const PersonIndex people(plan);
    for (const PersonIncidentStats& p : r.per_person) {
        const Person* person = people.find(p.person);
        Json e = Json::object();
        e["person"] = p.person;
        e["name"] = people.nameOf(p.person);
        e["timezone"] = person && person->timezone ? *person->timezone : plan.team_timezone;
        e["pages"] = p.pages;
        e["night_pages"] = p.night_pages;
        e["weekend_pages"] = p.weekend_pages;
        e["levels"] = levelsJson(p.levels);
        e["skips"] = p.skips;
        e["acks"] = p.acks;
        e["ack_median_minutes"] = optInt(p.ack_median);
        e["ack_p90_minutes"] = optInt(p.ack_p90);
        e["incidents"] = p.incidents;
        e["escalated"] = p.escalated;
        e["escalation_rate"] = rateJson(p.escalated, p.incidents);
        pp.push_back(std::move(e));
    }
    j["per_person"] = std::move(pp);
    Json pw = Json::array();
    for (const WeekIncidentStats& w : r.per_week) {
        Json e = Json::object();
        e["week"] = formatDate(w.week);
        e["incidents"] = w.incidents;
        e["by_severity"] = severitiesJson(w.by_severity);
        e["security"] = w.security;
        e["pages"] = w.pages;
        e["night_pages"] = w.night_pages;
        e["weekend_pages"] = w.weekend_pages;
        e["skips"] = w.skips;
        e["levels"] = levelsJson(w.levels);
        e["acknowledged"] = w.acknowledged;
        e["ack_median_minutes"] = optInt(w.ack_median);
        e["ack_p90_minutes"] = optInt(w.ack_p90);
        e["escalated"] = w.escalated;
        e["escalation_rate"] = rateJson(w.escalated, w.incidents);
        pw.push_back(std::move(e));
    }
    j["per_week"] = std::move(pw);
    return j;
}

std::string incidentReportToText(const Plan& plan, const IncidentReport& r) {
    const date::time_zone* zone = findZone(plan.team_timezone);
    auto num = [](std::int64_t v) { return std::to_string(v); };
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string("-"); };
    std::string out;
    const IncidentTotals& t = r.totals;
    if (r.simulated) {
        const IncidentOptions& o = r.options;
        char buf[256];
        if (o.count)
            std::snprintf(buf, sizeof buf, "%lld incidents, seed %llu", static_cast<long long>(*o.count),
                          static_cast<unsigned long long>(o.seed));
        else
            std::snprintf(buf, sizeof buf, "%.2f incidents per week, seed %llu", o.rate_per_week,
                          static_cast<unsigned long long>(o.seed));
        out += std::string("Simulated ") + buf;
        std::snprintf(buf, sizeof buf, "; mix P0=%g P1=%g P2=%g P3=%g; security share %.2f\n", o.mix[0], o.mix[1],
                      o.mix[2], o.mix[3], o.security_share);
        out += buf;
    } else {
        out += "Incidents from a list\n";
    }
    out += "span " + formatRfc3339(zone, r.span_start) + " to " + formatRfc3339(zone, r.span_end) + "\n\n";
    out += "incidents " + num(t.incidents) + " (P0 " + num(t.by_severity[0]) + ", P1 " + num(t.by_severity[1]) + ", P2 " +
           num(t.by_severity[2]) + ", P3 " + num(t.by_severity[3]) + "; security " + num(t.security) + ")";
    if (t.outside_weeks) out += ", " + num(t.outside_weeks) + " outside the plan's weeks (not run)";
    if (t.never_delivered) out += ", " + num(t.never_delivered) + " never delivered";
    out += "\n";
    out += "pages " + num(t.pages) + " (night " + num(t.night_pages) + ", weekend " + num(t.weekend_pages) + "), skips " +
           num(t.skips) + "\n";
    out += "time to acknowledge: median " + opt(t.ack_median) + " min, 90th percentile " + opt(t.ack_p90) + " min (" +
           num(t.acknowledged) + " acknowledged)\n";
    out += "escalated beyond secondary: " + num(t.escalated) + " (" + rateText(t.escalated, t.incidents) + ")\n";
    out += "levels reached: primary " + num(t.levels.n[0]) + ", secondary " + num(t.levels.n[1]) + ", escalation " +
           num(t.levels.n[2]) + ", cto " + num(t.levels.n[3]) + ", ceo " + num(t.levels.n[4]) + "\n\n";

    auto table = [&](const std::vector<std::vector<std::string>>& rows) {
        std::vector<std::size_t> w(rows[0].size(), 0);
        for (const auto& row : rows)
            for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], row[c].size());
        for (const auto& row : rows) {
            std::string line;
            for (std::size_t c = 0; c < row.size(); ++c) {
                const std::string pad(w[c] - row[c].size(), ' ');
                line += c == 0 ? row[c] + pad : pad + row[c];
                if (c + 1 < row.size()) line += "  ";
            }
            out += line + "\n";
        }
    };
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"person", "pages", "night", "weekend", "primary", "secondary", "escalation", "cto", "ceo", "skips",
                    "ack_med", "ack_p90", "incidents", "escalated"});
    for (const PersonIncidentStats& p : r.per_person)
        rows.push_back({p.person, num(p.pages), num(p.night_pages), num(p.weekend_pages), num(p.levels.n[0]),
                        num(p.levels.n[1]), num(p.levels.n[2]), num(p.levels.n[3]), num(p.levels.n[4]), num(p.skips),
                        opt(p.ack_median), opt(p.ack_p90), num(p.incidents), rateText(p.escalated, p.incidents)});
    table(rows);
    out += "\n";
    rows.clear();
    rows.push_back({"week", "incidents", "P0", "P1", "P2", "P3", "pages", "night", "weekend", "skips", "ack_med",
                    "ack_p90", "escalated"});
    for (const WeekIncidentStats& w : r.per_week)
        rows.push_back({formatDate(w.week), num(w.incidents), num(w.by_severity[0]), num(w.by_severity[1]),
                        num(w.by_severity[2]), num(w.by_severity[3]), num(w.pages), num(w.night_pages),
                        num(w.weekend_pages), num(w.skips), opt(w.ack_median), opt(w.ack_p90),
                        rateText(w.escalated, w.incidents)});
    table(rows);
    return out;
}

}  // namespace rp
