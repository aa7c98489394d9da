// The coverage-gap scan (docs/escalation.md "Coverage gaps").
#include "core/simulation/gaps.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/model/time.hpp"

namespace rp {

namespace {

const char* levelText(EscalationLevel l) {
    switch (l) {
        case EscalationLevel::Primary: return "primary";
        case EscalationLevel::Secondary: return "secondary";
        case EscalationLevel::Escalation: return "escalation contact";
        case EscalationLevel::Cto: return "CTO";
        case EscalationLevel::Ceo: return "CEO";
    }
    return "?";
}

}  // namespace

const char* gapKindName(GapKind k) {
    switch (k) {
        case GapKind::TimeOff: return "time-off";
        case GapKind::NoContact: return "no-contact";
        case GapKind::OutsideWeeks: return "outside-weeks";
    }
    return "?";
}

std::vector<Instant> gapScanInstants(const EscalationIndex& ix) {
    std::vector<Instant> out;
    for (const Shift& s : ix.shifts())
        if (s.role == Role::Primary || s.role == Role::Secondary) out.push_back(s.start);
    Instant lo = Instant::max(), hi = Instant::min();
    for (const WeekSpan& s : ix.spans())
        if (s.start < s.end) lo = std::min(lo, s.start), hi = std::max(hi, s.end);
    if (lo < hi) {
        const Date last = ix.localDate(hi);
        for (Date d = ix.localDate(lo); d <= last; d += date::days{1}) {
            if (!ix.isBusinessDay(d)) continue;
            const auto [s, e] = ix.businessHoursOn(d);
            if (ix.weekAt(s) >= 0) out.push_back(s);
            if (ix.weekAt(e) >= 0) out.push_back(e);
        }
    }
    // The first instant of each time off: a weekend off inside a week meets no other edge.
    for (const TimeOff& t : ix.plan().time_off) {
        const Instant a = dayStart(ix.zone(), t.from);
        if (ix.weekAt(a) >= 0) out.push_back(a);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

GapReport findCoverageGaps(const Plan& plan) {
    EscalationIndex index(plan);
    return findCoverageGaps(index);
}

GapReport findCoverageGaps(const EscalationIndex& ix) {
    const Plan& plan = ix.plan();
    const date::time_zone* zone = ix.zone();
    GapReport report;
    // (severity, kind, week, level, person) already reported, severities and people by
    // number (a person of none counts as the id "\x01", as it always did)
    std::set<std::tuple<int, int, long long, int, int>> seen;
    std::unordered_map<std::string, int> person_no;
    auto weekDate = [&](int w) -> std::optional<Date> {
        if (w < 0) return std::nullopt;
        return plan.weeks[static_cast<std::size_t>(w)].start;
    };
    // Whether such a gap is new (and now seen); its message is only written when it is.
    auto isNew = [&](int sev_no, GapKind kind, const std::optional<Date>& week, std::optional<EscalationLevel> level,
                     const std::optional<std::string>& person) {
        const long long wk = week ? week->time_since_epoch().count() : -1000000000LL;
        const int who = person_no.emplace(person ? *person : std::string("\x01"), static_cast<int>(person_no.size())).first->second;
        return seen.insert(std::make_tuple(sev_no, static_cast<int>(kind), wk, level ? static_cast<int>(*level) : -1, who)).second;
    };

    for (const Instant t0 : gapScanInstants(ix)) {
        int sev_no = -1;
        for (const auto& sev : plan.policy.severities) {
            ++sev_no;
            // The scan runs without reason texts; the one run again with them is an
            // instant that shows a new skip (rare: most repeat a gap already reported).
            EscalationScenario sc;
            sc.severity = sev.first;
            sc.at = t0;
            sc.reasons = false;
            const EscalationResult r = escalate(ix, sc);
            const auto* tl = std::get_if<EscalationTimeline>(&r);
            if (!tl) continue;
            std::string opened_text;
            auto opened = [&]() -> const std::string& {
                if (opened_text.empty()) opened_text = sev.first + " opened " + formatRfc3339(zone, t0);
                return opened_text;
            };

            // Outside the plan's weeks: delivery, the response, or any page or skip.
            std::string outside;
            if (!tl->delivered)
                outside = opened() + " is never delivered: the policy has no business hours";
            else if (ix.weekAt(*tl->delivered) < 0)
                outside = opened() + " is delivered " + formatRfc3339(zone, *tl->delivered) + ", outside the plan's weeks";
            else if (!tl->respond_due)
                outside = opened() + " has no response due: it never comes within business hours";
            else if (ix.weekAt(*tl->respond_due) < 0)
                outside = opened() + " is due " + formatRfc3339(zone, *tl->respond_due) + ", outside the plan's weeks";
            else
                for (const EscalationEvent& e : tl->events)
                    if (e.level && ix.weekAt(e.at) < 0) {
                        outside = opened() + " reaches the " + levelText(*e.level) + " at " + formatRfc3339(zone, e.at) +
                                  ", outside the plan's weeks";
                        break;
                    }
            if (!outside.empty() && isNew(sev_no, GapKind::OutsideWeeks, weekDate(tl->week), std::nullopt, std::nullopt))
                report.gaps.push_back({t0, sev.first, weekDate(tl->week), std::nullopt, std::nullopt, GapKind::OutsideWeeks, outside});

            std::optional<EscalationResult> with_reasons;
            for (std::size_t i = 0; i < tl->events.size(); ++i) {
                const EscalationEvent& e = tl->events[i];
                if (e.type != EscalationEventType::Skip || !e.level) continue;
                const int w = ix.weekAt(e.at);
                if (w < 0) continue;  // reported as outside-weeks above
                const GapKind kind = e.person ? GapKind::TimeOff : GapKind::NoContact;
                if (!isNew(sev_no, kind, weekDate(w), e.level, e.person)) continue;
                if (!with_reasons) {
                    sc.reasons = true;
                    with_reasons = escalate(ix, sc);
                }
                CoverageGap g;
                g.at = t0;
                g.severity = sev.first;
                g.week = weekDate(w);
                g.level = e.level;
                g.person = e.person;
                g.kind = kind;
                g.message = opened() + ": the " + levelText(*e.level) + " is skipped at " + formatRfc3339(zone, e.at) +
                            ": " + std::get<EscalationTimeline>(*with_reasons).events[i].reason;
                report.gaps.push_back(std::move(g));
            }
        }
    }
    return report;
}

Json gapReportToJson(const GapReport& report, const date::time_zone* zone) {
    Json gaps = Json::array();
    for (const CoverageGap& g : report.gaps) {
        Json j = Json::object();
        j["at"] = formatRfc3339(zone, g.at);
        j["severity"] = g.severity;
        j["week"] = g.week ? Json(formatDate(*g.week)) : Json(nullptr);
        j["level"] = g.level ? Json(escalationLevelName(*g.level)) : Json(nullptr);
        j["person"] = g.person ? Json(*g.person) : Json(nullptr);
        j["kind"] = gapKindName(g.kind);
        j["message"] = g.message;
        gaps.push_back(std::move(j));
    }
    Json out = Json::object();
    out["gaps"] = std::move(gaps);
    out["count"] = report.gaps.size();
    return out;
}

std::string gapReportToText(const Plan& plan, const GapReport& report) {
    (void)plan;
    std::string out;
    for (const CoverageGap& g : report.gaps) {
        out += std::string(gapKindName(g.kind)) + "  week " + (g.week ? formatDate(*g.week) : std::string("-")) + "  " +
               g.message + "\n";
    }
    const std::size_t n = report.gaps.size();
    out += n == 0 ? std::string("no coverage gaps\n")
                  : std::to_string(n) + (n == 1 ? " coverage gap\n" : " coverage gaps\n");
    return out;
}

int gapsExitCode(const GapReport& report) { return report.gaps.empty() ? 0 : 1; }

}  // namespace rp
