// Escalation timelines (escalation.md "Semantics" 1-7). See docs/escalation.md for the
// decisions taken where the spec is silent.
#include "core/simulation/escalation.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include <date/tz.h>

#include "core/model/time.hpp"

namespace rp {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kLevels = 5;
constexpr std::int64_t kMaxMinutes = 1000000000;  // ~1900 years: bounds --ack / --resolve
constexpr int kMaxBusinessSearchDays = 36600;      // ~100 years: beyond, a response is never due

int rank(EscalationLevel l) { return static_cast<int>(l); }
EscalationLevel levelOf(int r) { return static_cast<EscalationLevel>(r); }

std::string plural(std::int64_t n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// "no primary assigned", "no CTO assigned", ...
std::string nobodyText(EscalationLevel l) {
    switch (l) {
        case EscalationLevel::Primary: return "no primary assigned";
        case EscalationLevel::Secondary: return "no secondary assigned";
        case EscalationLevel::Escalation: return "no escalation contact assigned";
        case EscalationLevel::Cto: return "no CTO assigned";
        case EscalationLevel::Ceo: return "no CEO assigned";
    }
    return "nobody assigned";
}

bool nonEmpty(const std::optional<std::string>& s) { return s && !s->empty(); }

}  // namespace

// [SECTION] names

const char* escalationLevelName(EscalationLevel l) {
    switch (l) {
        case EscalationLevel::Primary: return "primary";
        case EscalationLevel::Secondary: return "secondary";
        case EscalationLevel::Escalation: return "escalation";
        case EscalationLevel::Cto: return "cto";
        case EscalationLevel::Ceo: return "ceo";
    }
    return "?";
}

std::optional<EscalationLevel> parseEscalationLevel(std::string_view s) {
    for (int r = 0; r < kLevels; ++r)
        if (s == escalationLevelName(levelOf(r))) return levelOf(r);
    return std::nullopt;
}

const char* escalationEventTypeName(EscalationEventType t) {
    switch (t) {
        case EscalationEventType::Page: return "page";
        case EscalationEventType::Ack: return "ack";
        case EscalationEventType::Skip: return "skip";
        case EscalationEventType::Resolve: return "resolve";
    }
    return "?";
}

// [SECTION] the index

void EscalationIndex::IntervalSet::add(Instant s, Instant e, int t) { pending.push_back({s, e, t, t}); }

void EscalationIndex::IntervalSet::finish() {
    segments = lowestRankCover(pending);
    pending.clear();
    pending.shrink_to_fit();
}

int EscalationIndex::IntervalSet::lowestTagAt(Instant t) const { return coverAt(segments, t); }

EscalationIndex::EscalationIndex(const Plan& plan)
    : plan_(&plan), zone_(findZone(plan.team_timezone)), spans_(weekSpans(plan)) {
    shifts_ = resolveShifts(plan, spans_);
    for (std::size_t i = 0; i < spans_.size(); ++i)
        if (spans_[i].start < spans_[i].end) weeks_.add(spans_[i].start, spans_[i].end, static_cast<int>(i));
    weeks_.finish();
    // Shifts are tagged by their position in a (week, start) order so that the lowest tag
    // is the lowest week where weeks overlap; pieces of one role inside a week never do.
    std::vector<std::size_t> by_week(shifts_.size());
    for (std::size_t i = 0; i < by_week.size(); ++i) by_week[i] = i;
    std::stable_sort(by_week.begin(), by_week.end(), [&](std::size_t a, std::size_t b) {
        if (shifts_[a].week != shifts_[b].week) return shifts_[a].week < shifts_[b].week;
        return shifts_[a].start < shifts_[b].start;
    });
    shift_order_ = by_week;
    for (std::size_t k = 0; k < by_week.size(); ++k) {
        const Shift& s = shifts_[by_week[k]];
        if (s.role == Role::Primary) primary_.add(s.start, s.end, static_cast<int>(k));
        else if (s.role == Role::Secondary) secondary_.add(s.start, s.end, static_cast<int>(k));
    }
    primary_.finish();
    secondary_.finish();

    std::vector<std::size_t> offs(plan.time_off.size());
    for (std::size_t i = 0; i < offs.size(); ++i) offs[i] = i;
    std::stable_sort(offs.begin(), offs.end(),
                     [&](std::size_t a, std::size_t b) { return plan.time_off[a].person < plan.time_off[b].person; });
    for (std::size_t i : offs) {
        const TimeOff& t = plan.time_off[i];
        if (time_off_.empty() || time_off_.back().first != t.person) time_off_.push_back({t.person, IntervalSet{}});
        time_off_.back().second.add(dayStart(zone_, t.from), dayStart(zone_, t.to + date::days{1}),
                                    static_cast<int>(i));
    }
    for (auto& p : time_off_) p.second.finish();

    holidays_ = plan.policy.holidays;
    std::sort(holidays_.begin(), holidays_.end());
    holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
    for (int d : plan.policy.business_hours.days)
        if (d >= 0 && d < 7) business_days_[d] = true;
}

int EscalationIndex::weekAt(Instant t) const { return weeks_.lowestTagAt(t); }

std::optional<std::string> EscalationIndex::holderAt(EscalationLevel level, Instant t) const {
    const Plan& p = *plan_;
    std::optional<std::string> who;
    switch (level) {
        case EscalationLevel::Primary:
        case EscalationLevel::Secondary: {
            const int k = (level == EscalationLevel::Primary ? primary_ : secondary_).lowestTagAt(t);
            if (k >= 0) who = shifts_[shift_order_[static_cast<std::size_t>(k)]].person;
            break;
        }
        case EscalationLevel::Escalation: {
            const int w = weekAt(t);
            if (w >= 0) {
                const Week& week = p.weeks[static_cast<std::size_t>(w)];
                who = nonEmpty(week.escalation) ? week.escalation : p.contacts.engineering_lead;
            }
            break;
        }
        case EscalationLevel::Cto: who = p.contacts.cto; break;
        case EscalationLevel::Ceo: who = p.contacts.ceo; break;
    }
    if (!nonEmpty(who)) return std::nullopt;
    return who;
}

int EscalationIndex::timeOffAt(const std::string& person, Instant t) const {
    auto it = std::lower_bound(time_off_.begin(), time_off_.end(), person,
                               [](const auto& e, const std::string& id) { return e.first < id; });
    if (it == time_off_.end() || it->first != person) return -1;
    return it->second.lowestTagAt(t);
}

bool EscalationIndex::isBusinessDay(Date d) const {
    const unsigned wd = date::weekday{d}.c_encoding();
    return business_days_[wd] && !std::binary_search(holidays_.begin(), holidays_.end(), d);
}

std::pair<Instant, Instant> EscalationIndex::businessHoursOn(Date d) const {
    const BusinessHours& bh = plan_->policy.business_hours;
    return {localToInstant(zone_, d, bh.start_minute), localToInstant(zone_, d, bh.end_minute)};
}

Date EscalationIndex::localDate(Instant t) const {
    const seconds off{offsetSeconds(zone_, t)};
    return Date{date::floor<date::days>(date::local_seconds{t.time_since_epoch() + off}).time_since_epoch()};
}

std::optional<Instant> EscalationIndex::businessStartAtOrAfter(Instant t) const {
    bool any = false;
    for (bool b : business_days_) any = any || b;
    if (!any) return std::nullopt;
    // Every 7 days hold at least one business weekday; only holidays can push further.
    const long long limit = std::min<long long>(kMaxBusinessSearchDays, 7LL * (static_cast<long long>(holidays_.size()) + 2));
    Date d = localDate(t) - date::days{1};  // business hours of the day before cannot hold t, but be safe
    for (long long i = 0; i <= limit + 1; ++i, d += date::days{1}) {
        if (!isBusinessDay(d)) continue;
        const auto [s, e] = businessHoursOn(d);
        if (s < e && t < e) return std::max(t, s);
    }
    return std::nullopt;
}

std::optional<Instant> EscalationIndex::addBusinessMinutes(Instant t, std::int64_t count) const {
    const std::optional<Instant> first = businessStartAtOrAfter(t);
    if (!first) return std::nullopt;
    Instant cursor = *first;
    seconds remaining{count * 60};
    const BusinessHours& bh = plan_->policy.business_hours;
    int weekdays = 0;
    for (bool b : business_days_) weekdays += b ? 1 : 0;
    const seconds week_secs{static_cast<std::int64_t>(weekdays) * (bh.end_minute - bh.start_minute) * 60};
    const Date start_day = localDate(cursor);
    const Date last_day = start_day + date::days{kMaxBusinessSearchDays};
    Date d = start_day;
    while (d < last_day) {
        // Whole weeks with no holiday and no change of offset hold exactly week_secs each:
        // skip them at once (a response due years ahead must not walk every day).
        if (week_secs.count() > 0 && remaining > week_secs) {
            const Instant ds = dayStart(zone_, d);
            if (cursor <= ds) {
                Date limit = last_day;
                auto h = std::lower_bound(holidays_.begin(), holidays_.end(), d);
                if (h != holidays_.end()) limit = std::min(limit, *h);
                if (zone_) {
                    const date::sys_info info = zone_->get_info(ds);
                    if (info.end < ds + date::days{kMaxBusinessSearchDays}) limit = std::min(limit, localDate(info.end));
                }
                const std::int64_t by_time = (remaining - seconds{1}) / week_secs;
                const std::int64_t by_days = (limit - d).count() / 7;
                const std::int64_t k = std::min(by_time, by_days);
                if (k > 0) {
                    d += date::days{7 * k};
                    remaining -= week_secs * k;
                    cursor = dayStart(zone_, d);
                    continue;
                }
            }
        }
        if (isBusinessDay(d)) {
            const auto [s, e] = businessHoursOn(d);
            const Instant a = std::max(s, cursor);
            if (a < e) {
                const seconds avail = e - a;
                if (remaining <= avail) return a + remaining;
                remaining -= avail;
            }
        }
        d += date::days{1};
    }
    return std::nullopt;
}

// [SECTION] the engine

EscalationResult escalate(const Plan& plan, const EscalationScenario& scenario) {
    EscalationIndex index(plan);
    return escalate(index, scenario);
}

EscalationResult escalate(const EscalationIndex& ix, const EscalationScenario& sc) {
    const Plan& plan = ix.plan();
    const date::time_zone* zone = ix.zone();
    auto sev_it = plan.policy.severities.find(sc.severity);
    if (sev_it == plan.policy.severities.end())
        return std::string("unknown severity '") + sc.severity + "' (expected P0, P1, P2 or P3)";
    const SeverityPolicy& pol = sev_it->second;
    const Instant t0 = sc.at;
    const int week = ix.weekAt(t0);
    if (week < 0) {
        if (plan.weeks.empty()) return std::string("the plan has no weeks");
        Instant lo = Instant::max(), hi = Instant::min();
        for (const WeekSpan& s : ix.spans())
            if (s.start < s.end) lo = std::min(lo, s.start), hi = std::max(hi, s.end);
        std::string msg = formatRfc3339(zone, t0) + " is outside the plan's weeks";
        if (lo < hi) msg += " (" + formatRfc3339(zone, lo) + " to " + formatRfc3339(zone, hi) + ")";
        return msg;
    }
    for (const EscalationAck& a : sc.acks)
        if (a.minute < 0 || a.minute > kMaxMinutes)
            return std::string("an acknowledgement minute must be between 0 and ") + std::to_string(kMaxMinutes);
    if (sc.resolve && (*sc.resolve < 0 || *sc.resolve > kMaxMinutes))
        return std::string("the resolve minute must be between 0 and ") + std::to_string(kMaxMinutes);

    EscalationTimeline tl;
    tl.severity = sc.severity;
    tl.opened = t0;
    tl.week = week;
    tl.security = sc.security;
    if (sc.security) tl.security_contact = plan.contacts.security;
    const bool bh = pol.coverage == Coverage::BusinessHours;
    tl.delivered = bh ? ix.businessStartAtOrAfter(t0) : std::optional<Instant>(t0);
    if (bh)
        tl.respond_due = ix.addBusinessMinutes(t0, pol.respond_minutes);
    else
        tl.respond_due = t0 + minutes{pol.respond_minutes};

    // Delivery minute: whole minutes after t0, rounded up when t0 carries seconds.
    std::int64_t D = -1;
    if (tl.delivered) D = (std::chrono::duration_cast<seconds>(*tl.delivered - t0).count() + 59) / 60;
    const std::int64_t A = pol.ack_minutes;
    const std::int64_t E = pol.escalate_every_minutes ? *pol.escalate_every_minutes : 0;
    const int top = pol.reaches_ceo ? rank(EscalationLevel::Ceo) : rank(EscalationLevel::Cto);

    // The minutes at which something may happen.
    std::vector<std::int64_t> when;
    if (D >= 0) {
        when.push_back(D);
        when.push_back(D + A);
        if (E > 0)  // grid steps after delivery; the path has at most 4 levels
            for (std::int64_t k = D / E + 1, n = 0; n < kLevels; ++k, ++n) when.push_back(k * E);
    }
    std::vector<EscalationAck> acks = sc.acks;
    std::stable_sort(acks.begin(), acks.end(), [](const EscalationAck& a, const EscalationAck& b) {
        if (a.minute != b.minute) return a.minute < b.minute;
        return rank(a.level) < rank(b.level);
    });
    for (const EscalationAck& a : acks) when.push_back(a.minute);
    if (sc.resolve) when.push_back(*sc.resolve);
    std::sort(when.begin(), when.end());
    when.erase(std::unique(when.begin(), when.end()), when.end());

    std::array<bool, kLevels> used{}, acked{};
    std::array<std::int64_t, kLevels> paged_at;
    paged_at.fill(-1);
    std::array<std::string, kLevels> paged_person;
    std::vector<bool> ack_done(acks.size(), false);
    const bool texts = sc.reasons;

    auto instantAt = [&](std::int64_t m) { return t0 + minutes{m}; };
    auto emit = [&](std::int64_t m, EscalationEventType type, std::optional<EscalationLevel> level,
                    std::optional<std::string> person, std::string reason) {
        tl.events.push_back({m, instantAt(m), type, level, std::move(person), std::move(reason)});
    };
    // Pages `level` at minute m; on a skip, the next unused level above it at once.
    auto pageChain = [&](EscalationLevel level, std::int64_t m, std::string reason) {
        int r = rank(level);
        const Instant at = instantAt(m);
        while (r >= 0) {
            used[static_cast<std::size_t>(r)] = true;
            const EscalationLevel l = levelOf(r);
            const std::optional<std::string> who = ix.holderAt(l, at);
            if (!who) {
                std::string why;
                if (texts) {
                    why = nobodyText(l);
                    if (r <= rank(EscalationLevel::Escalation) && ix.weekAt(at) < 0) why += " (outside the plan's weeks)";
                }
                emit(m, EscalationEventType::Skip, l, std::nullopt, std::move(why));
            } else if (const int off = ix.timeOffAt(*who, at); off >= 0) {
                const TimeOff& t = plan.time_off[static_cast<std::size_t>(off)];
                std::string why;
                if (texts) {
                    why = *who + " has time off";
                    if (nonEmpty(t.reason)) why += " (" + *t.reason + ")";
                }
                emit(m, EscalationEventType::Skip, l, who, std::move(why));
            } else {
                emit(m, EscalationEventType::Page, l, who, std::move(reason));
                paged_at[static_cast<std::size_t>(r)] = m;
                paged_person[static_cast<std::size_t>(r)] = *who;
                if (!tl.highest_level || rank(*tl.highest_level) < r) tl.highest_level = l;
                return;
            }
            if (texts) reason = std::string(escalationLevelName(l)) + " skipped";
            int next = -1;
            for (int q = r + 1; q <= top; ++q)
                if (!used[static_cast<std::size_t>(q)]) {
                    next = q;
                    break;
                }
            r = next;
        }
    };
    // Acknowledgements at minute m by levels already paged; with `final`, the rest at m
    // are ignored (their level was not paged by then).
    auto takeAcks = [&](std::int64_t m, bool final) {
        for (std::size_t i = 0; i < acks.size(); ++i) {
            if (ack_done[i] || acks[i].minute != m) continue;
            const std::size_t r = static_cast<std::size_t>(rank(acks[i].level));
            if (paged_at[r] < 0) {
                if (final) ack_done[i] = true;
                continue;
            }
            ack_done[i] = true;
            if (acked[r]) continue;  // that level acknowledged already
            acked[r] = true;
            const std::int64_t after = m - paged_at[r];
            emit(m, EscalationEventType::Ack, acks[i].level, paged_person[r],
                 !texts ? std::string()
                 : after == 0 ? std::string("acknowledged at once")
                              : "acknowledged " + plural(after, "minute") + " after being paged");
            if (!tl.acknowledged_minute) tl.acknowledged_minute = m;
        }
    };

    for (std::int64_t m : when) {
        // Rule 2 (and 5): delivery.
        if (m == D) {
            pageChain(EscalationLevel::Primary, m, texts ? "on call (primary)" : "");
            if (sc.security && !used[static_cast<std::size_t>(rank(EscalationLevel::Escalation))])
                pageChain(EscalationLevel::Escalation, m, texts ? "security incident" : "");
        }
        // Rule 7: acknowledgements by levels paged by now, then resolution.
        takeAcks(m, false);
        if (sc.resolve && m == *sc.resolve) {
            emit(m, EscalationEventType::Resolve, std::nullopt, std::nullopt,
                 !texts ? std::string() : m == 0 ? std::string("resolved") : "resolved after " + plural(m, "minute"));
            tl.resolved_minute = m;
            break;
        }
        // Rule 3: the primary's acknowledgement window.
        if (D >= 0 && m == D + A && paged_at[0] >= 0 && !acked[0] &&
            !used[static_cast<std::size_t>(rank(EscalationLevel::Secondary))])
            pageChain(EscalationLevel::Secondary, m,
                      texts ? "primary did not acknowledge within " + plural(A, "minute") : std::string());
        // Rule 4: the escalation clock (t0 + k*E, only after delivery).
        if (E > 0 && D >= 0 && m > D && m % E == 0) {
            for (int q = rank(EscalationLevel::Secondary); q <= top; ++q)
                if (!used[static_cast<std::size_t>(q)]) {
                    pageChain(levelOf(q), m, texts ? "not resolved within " + plural(m, "minute") : std::string());
                    break;
                }
        }
        // Acknowledgements by levels paged at this very minute.
        takeAcks(m, true);
    }
    return tl;
}

// [SECTION] text forms

std::optional<std::int64_t> parseMinutes(std::string_view text) {
    if (text.empty() || text.size() > 10) return std::nullopt;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v > kMaxMinutes) return std::nullopt;
    return v;
}

std::optional<EscalationAck> parseEscalationAck(std::string_view text, std::string* error) {
    const std::size_t at = text.rfind('@');
    auto fail = [&](std::string why) -> std::optional<EscalationAck> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (at == std::string_view::npos)
        return fail("'" + std::string(text) + "' is not LEVEL@MINUTE (for example primary@3)");
    const auto level = parseEscalationLevel(text.substr(0, at));
    if (!level)
        return fail("'" + std::string(text) +
                    "': the level must be primary, secondary, escalation, cto or ceo");
    const auto minute = parseMinutes(text.substr(at + 1));
    if (!minute)
        return fail("'" + std::string(text) + "': the minute must be a whole number of minutes after the opening (0 or more)");
    return EscalationAck{*level, *minute};
}

std::variant<EscalationScenario, std::string> scenarioFromJson(const Plan& plan, const Json& o) {
    if (!o.is_object()) return std::string("the options must be an object");
    EscalationScenario sc;
    auto sev = o.find("severity");
    if (sev == o.end() || !sev->is_string()) return std::string("severity: expected \"P0\", \"P1\", \"P2\" or \"P3\"");
    sc.severity = sev->get<std::string>();
    auto at = o.find("at");
    if (at == o.end() || !at->is_string()) return std::string("at: expected a date-time such as 2026-12-05T02:00");
    const auto t = parseDateTime(findZone(plan.team_timezone), at->get<std::string>());
    if (!t) return "at: '" + at->get<std::string>() + "' is not a date-time such as 2026-12-05T02:00";
    sc.at = *t;
    if (auto s = o.find("security"); s != o.end() && !s->is_null()) {
        if (!s->is_boolean()) return std::string("security: expected true or false");
        sc.security = s->get<bool>();
    }
    auto minuteOf = [](const Json& v) -> std::optional<std::int64_t> {
        if (!v.is_number_integer()) return std::nullopt;
        const std::int64_t m = v.get<std::int64_t>();
        if (m < 0 || m > kMaxMinutes) return std::nullopt;
        return m;
    };
    if (auto a = o.find("ack"); a != o.end() && !a->is_null()) {
        if (a->is_object()) {
            for (auto it = a->begin(); it != a->end(); ++it) {
                const auto level = parseEscalationLevel(it.key());
                if (!level) return "ack: unknown level '" + it.key() + "' (primary, secondary, escalation, cto or ceo)";
                const auto m = minuteOf(it.value());
                if (!m) return "ack." + it.key() + ": expected a whole number of minutes >= 0";
                sc.acks.push_back({*level, *m});
            }
        } else if (a->is_array()) {
            for (const Json& e : *a) {
                if (!e.is_string()) return std::string("ack: expected strings such as \"primary@3\"");
                std::string err;
                auto ack = parseEscalationAck(e.get<std::string>(), &err);
                if (!ack) return "ack: " + err;
                sc.acks.push_back(*ack);
            }
        } else {
            return std::string("ack: expected an object such as {\"primary\": 3}");
        }
    }
    if (auto r = o.find("resolve"); r != o.end() && !r->is_null()) {
        const auto m = minuteOf(*r);
        if (!m) return std::string("resolve: expected a whole number of minutes >= 0");
        sc.resolve = *m;
    }
    return sc;
}

Json escalationEventToJson(const EscalationEvent& e, const date::time_zone* zone) {
    Json j = Json::object();
    j["minute"] = e.minute;
    j["at"] = formatRfc3339(zone, e.at);
    j["type"] = escalationEventTypeName(e.type);
    j["level"] = e.level ? Json(escalationLevelName(*e.level)) : Json(nullptr);
    j["person"] = e.person ? Json(*e.person) : Json(nullptr);
    j["reason"] = e.reason;
    return j;
}

Json timelineToJson(const EscalationTimeline& t, const date::time_zone* zone) {
    Json j = Json::object();
    j["severity"] = t.severity;
    j["opened"] = formatRfc3339(zone, t.opened);
    j["respond_due"] = t.respond_due ? Json(formatRfc3339(zone, *t.respond_due)) : Json(nullptr);
    Json events = Json::array();
    for (const EscalationEvent& e : t.events) events.push_back(escalationEventToJson(e, zone));
    j["events"] = std::move(events);
    j["acknowledged_minute"] = t.acknowledged_minute ? Json(*t.acknowledged_minute) : Json(nullptr);
    j["resolved_minute"] = t.resolved_minute ? Json(*t.resolved_minute) : Json(nullptr);
    j["highest_level"] = t.highest_level ? Json(escalationLevelName(*t.highest_level)) : Json(nullptr);
    if (t.security) j["security_contact"] = t.security_contact ? Json(*t.security_contact) : Json(nullptr);
    return j;
}

std::string timelineToText(const Plan& plan, const EscalationTimeline& t) {
    const date::time_zone* zone = findZone(plan.team_timezone);
    std::string out;
    out += t.severity + (t.security ? " security incident" : " incident") + " opened " +
           formatRfc3339(zone, t.opened);
    if (t.week >= 0 && static_cast<std::size_t>(t.week) < plan.weeks.size())
        out += " (week of " + formatDate(plan.weeks[static_cast<std::size_t>(t.week)].start) + ")";
    out += "\n";
    if (t.delivered && *t.delivered != t.opened) out += "delivered " + formatRfc3339(zone, *t.delivered) + " (business hours)\n";
    if (!t.delivered) out += "never delivered: the policy has no business hours\n";
    out += "respond by " + (t.respond_due ? formatRfc3339(zone, *t.respond_due) : std::string("never")) + "\n";
    if (t.security)
        out += "security contact: " + (t.security_contact ? *t.security_contact : std::string("none in contacts")) + "\n";
    out += "\n";

    std::vector<std::array<std::string, 6>> rows;
    rows.push_back({"minute", "at", "event", "level", "person", "reason"});
    for (const EscalationEvent& e : t.events) {
        std::string who = "-";
        if (e.person) {
            const Person* p = plan.findPerson(*e.person);
            who = p && p->name != *e.person ? p->name + " (" + *e.person + ")" : *e.person;
        }
        rows.push_back({std::to_string(e.minute), formatRfc3339(zone, e.at), escalationEventTypeName(e.type),
                        e.level ? escalationLevelName(*e.level) : "-", who, e.reason});
    }
    std::array<std::size_t, 6> width{};
    for (const auto& r : rows)
        for (std::size_t c = 0; c < 6; ++c) width[c] = std::max(width[c], r[c].size());
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t c = 0; c < 6; ++c) {
            if (c == 0) line += std::string(width[0] - r[0].size(), ' ') + r[0];  // minutes right-aligned
            else if (c == 5) line += r[c];
            else line += r[c] + std::string(width[c] - r[c].size(), ' ');
            if (c < 5) line += "  ";
        }
        out += line + "\n";
    }
    if (t.events.empty()) out += "(no events)\n";
    out += "\n";
    out += "acknowledged: " + (t.acknowledged_minute ? "minute " + std::to_string(*t.acknowledged_minute) : std::string("never")) + "\n";
    out += "resolved: " + (t.resolved_minute ? "minute " + std::to_string(*t.resolved_minute) : std::string("never")) + "\n";
    out += "highest level paged: " + std::string(t.highest_level ? escalationLevelName(*t.highest_level) : "none") + "\n";
    return out;
}

}  // namespace rp
