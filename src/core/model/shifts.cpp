// Resolved shifts (rules.md "Time").
#include "core/model/shifts.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>

#include "core/model/time.hpp"

namespace rp {

std::vector<WeekSpan> weekSpans(const Plan& plan) {
    std::vector<WeekSpan> spans;
    spans.reserve(plan.weeks.size());
    // handoffInstant(plan, day), with the zone looked up once and a week's end reused as
    // the next week's start (consecutive weeks share the handoff between them).
    const date::time_zone* zone = findZone(plan.team_timezone);
    const int minute = plan.policy.handoff_minute;
    Date last_day{};
    Instant last{};
    bool have_last = false;
    auto handoff = [&](Date day) {
        if (!(have_last && day == last_day)) {
            last_day = day;
            last = localToInstant(zone, day, minute);
            have_last = true;
        }
        return last;
    };
    for (const Week& w : plan.weeks) {
        const Instant start = handoff(w.start);
        spans.push_back({start, handoff(w.start + date::days{7})});
    }
    return spans;
}

std::vector<CoverSegment> lowestRankCover(const std::vector<CoverInterval>& intervals) {
    struct Event {
        Instant at;
        int k;       // index into intervals
        bool opens;
    };
    std::vector<Event> events;
    events.reserve(2 * intervals.size());
    for (std::size_t k = 0; k < intervals.size(); ++k) {
        const CoverInterval& iv = intervals[k];
        if (!(iv.start < iv.end)) continue;
        events.push_back({iv.start, static_cast<int>(k), true});
        events.push_back({iv.end, static_cast<int>(k), false});
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    // Open intervals by (rank, item), lowest on top; closed ones leave lazily.
    using Entry = std::tuple<long long, int, int>;  // rank, item, k
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> open;
    std::vector<char> alive(intervals.size(), 0);
    std::vector<CoverSegment> out;
    for (std::size_t i = 0; i < events.size();) {
        const Instant t = events[i].at;
        for (; i < events.size() && events[i].at == t; ++i) {
            const int k = events[i].k;
            alive[static_cast<std::size_t>(k)] = events[i].opens;
            if (events[i].opens) open.emplace(intervals[static_cast<std::size_t>(k)].rank,
                                              intervals[static_cast<std::size_t>(k)].item, k);
        }
        while (!open.empty() && !alive[static_cast<std::size_t>(std::get<2>(open.top()))]) open.pop();
        if (open.empty() || i == events.size()) continue;
        const int item = std::get<1>(open.top());
        const Instant next = events[i].at;
        if (!out.empty() && out.back().item == item && out.back().end == t) out.back().end = next;
        else out.push_back({t, next, item});
    }
    return out;
}

int coverAt(const std::vector<CoverSegment>& segments, Instant t) {
    // The first segment ending after t is the only one that can hold it.
    auto it = std::upper_bound(segments.begin(), segments.end(), t,
                               [](Instant x, const CoverSegment& s) { return x < s.end; });
    return it != segments.end() && it->start <= t ? it->item : -1;
}

namespace {

int roleRank(Role r) {
    switch (r) {
        case Role::Primary: return 0;
        case Role::Secondary: return 1;
        case Role::Shadow: return 2;
    }
    return 3;
}

}  // namespace

std::vector<Shift> resolveShifts(const Plan& plan) { return resolveShifts(plan, weekSpans(plan)); }

// Per role, the overrides are swept once into segments owned by the latest override
// holding them (rank = -index); each week then takes the segments inside its span and
// its own assignment in the holes between them. O((overrides + weeks) log n + pieces),
// however the overrides nest.
std::vector<Shift> resolveShifts(const Plan& plan, const std::vector<WeekSpan>& spans) {
    const std::size_t n = plan.weeks.size();
    std::vector<Shift> out;
    out.reserve(3 * n + 2 * plan.overrides.size());
    std::vector<CoverInterval> intervals;
    std::size_t blocks[3] = {0, 0, 0};  // where the secondary and shadow pieces begin, and the end
    for (Role role : {Role::Primary, Role::Secondary}) {
        if (role == Role::Secondary) blocks[0] = out.size();
        intervals.clear();
        for (std::size_t oi = 0; oi < plan.overrides.size(); ++oi) {
            const Override& o = plan.overrides[oi];
            if (o.role == role) intervals.push_back({o.from.at, o.to.at, -static_cast<long long>(oi), static_cast<int>(oi)});
        }
        const std::vector<CoverSegment> segments = lowestRankCover(intervals);
        for (std::size_t i = 0; i < n; ++i) {
            const Instant ws = spans[i].start, we = spans[i].end;
            if (!(ws < we)) continue;
            const Week& w = plan.weeks[i];
            const std::optional<std::string>& base = role == Role::Primary ? w.primary : w.secondary;
            const int week = static_cast<int>(i);
            Instant at = ws;
            auto k = std::upper_bound(segments.begin(), segments.end(), ws,
                                      [](Instant x, const CoverSegment& s) { return x < s.end; });
            for (; k != segments.end() && k->start < we; ++k) {
                const Instant a = std::max(k->start, ws), b = std::min(k->end, we);
                if (base && at < a) out.push_back({week, role, *base, at, a, false, -1});
                out.push_back({week, role, plan.overrides[static_cast<std::size_t>(k->item)].person, a, b, true, k->item});
                at = b;
            }
            if (base && at < we) out.push_back({week, role, *base, at, we, false, -1});
        }
    }

    blocks[1] = out.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Week& w = plan.weeks[i];
        if (w.shadow && spans[i].start < spans[i].end)
            out.push_back({static_cast<int>(i), Role::Shadow, *w.shadow, spans[i].start, spans[i].end,
                           false, -1});
    }
    blocks[2] = out.size();
    // A strict total order on the pieces (within a week and role they are disjoint), so
    // every sorting method gives the same list. Each role's pieces come out in week order,
    // already sorted when the weeks are in date order (the usual plan): then merging the
    // three runs is linear and moves each piece twice instead of sorting them all.
    const auto before = [](const Shift& a, const Shift& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.role != b.role) return roleRank(a.role) < roleRank(b.role);
        if (a.week != b.week) return a.week < b.week;
        return a.end < b.end;
    };
    const auto b0 = out.begin(), b1 = b0 + static_cast<std::ptrdiff_t>(blocks[0]),
               b2 = b0 + static_cast<std::ptrdiff_t>(blocks[1]), b3 = b0 + static_cast<std::ptrdiff_t>(blocks[2]);
    if (std::is_sorted(b0, b1, before) && std::is_sorted(b1, b2, before) && std::is_sorted(b2, b3, before)) {
        std::inplace_merge(b0, b1, b2, before);
        std::inplace_merge(b0, b2, b3, before);
    } else {
        std::sort(out.begin(), out.end(), before);
    }
    return out;
}

}  // namespace rp
