// Resolved shifts (rules.md "Time").
#include "core/model/shifts.hpp"

#include <algorithm>

#include "core/model/time.hpp"

namespace rp {

std::vector<WeekSpan> weekSpans(const Plan& plan) {
    std::vector<WeekSpan> spans;
    spans.reserve(plan.weeks.size());
    for (const Week& w : plan.weeks)
        spans.push_back({handoffInstant(plan, w.start), handoffInstant(plan, w.start + date::days{7})});
    return spans;
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

// Removes [a, b) from a list of pieces (sorted, non-overlapping); keeps the rest.
void cutOut(std::vector<Shift>& pieces, Instant a, Instant b) {
    std::vector<Shift> kept;
    kept.reserve(pieces.size() + 1);
    for (const Shift& p : pieces) {
        if (p.end <= a || p.start >= b) {
            kept.push_back(p);
            continue;
        }
        if (p.start < a) {
            Shift left = p;
            left.end = a;
            kept.push_back(left);
        }
        if (p.end > b) {
            Shift right = p;
            right.start = b;
            kept.push_back(right);
        }
    }
    pieces.swap(kept);
}

}  // namespace

std::vector<Shift> resolveShifts(const Plan& plan) { return resolveShifts(plan, weekSpans(plan)); }

std::vector<Shift> resolveShifts(const Plan& plan, const std::vector<WeekSpan>& spans) {
    const std::size_t n = plan.weeks.size();
    // pieces[2 * week + 0] primary, [2 * week + 1] secondary; each sorted by start.
    std::vector<std::vector<Shift>> pieces(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        const Week& w = plan.weeks[i];
        if (spans[i].start >= spans[i].end) continue;
        if (w.primary)
            pieces[2 * i].push_back({static_cast<int>(i), Role::Primary, *w.primary, spans[i].start,
                                     spans[i].end, false, -1});
        if (w.secondary)
            pieces[2 * i + 1].push_back({static_cast<int>(i), Role::Secondary, *w.secondary,
                                         spans[i].start, spans[i].end, false, -1});
    }

    if (!plan.overrides.empty() && n > 0) {
        // Weeks sorted by span start, with the running maximum of their ends, so that the
        // weeks an override touches are found without scanning all of them (weeks may be
        // out of order or overlap in a faulty plan).
        std::vector<int> order(n);
        for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<int>(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return spans[a].start < spans[b].start; });
        std::vector<Instant> max_end(n);
        for (std::size_t k = 0; k < n; ++k)
            max_end[k] = k == 0 ? spans[order[k]].end : std::max(max_end[k - 1], spans[order[k]].end);

        std::vector<int> touched;
        for (std::size_t oi = 0; oi < plan.overrides.size(); ++oi) {
            const Override& o = plan.overrides[oi];
            if (o.role == Role::Shadow) continue;
            const Instant from = o.from.at, to = o.to.at;
            if (from >= to) continue;
            // First sorted position whose start is >= to: weeks before it start before `to`.
            auto it = std::lower_bound(order.begin(), order.end(), to,
                                       [&](int w, Instant t) { return spans[w].start < t; });
            touched.clear();
            for (std::ptrdiff_t k = (it - order.begin()) - 1; k >= 0 && max_end[k] > from; --k) {
                int w = order[k];
                if (spans[w].end > from) touched.push_back(w);
            }
            std::sort(touched.begin(), touched.end());
            const int slot = o.role == Role::Primary ? 0 : 1;
            for (int w : touched) {
                const Instant a = std::max(from, spans[w].start), b = std::min(to, spans[w].end);
                if (a >= b) continue;
                auto& list = pieces[2 * w + slot];
                cutOut(list, a, b);
                Shift s{w, o.role, o.person, a, b, true, static_cast<int>(oi)};
                list.insert(std::upper_bound(list.begin(), list.end(), s,
                                             [](const Shift& x, const Shift& y) { return x.start < y.start; }),
                            s);
            }
        }
    }

    std::vector<Shift> out;
    std::size_t total = 0;
    for (const auto& l : pieces) total += l.size();
    out.reserve(total + n);
    for (auto& l : pieces)
        for (Shift& s : l) out.push_back(std::move(s));
    for (std::size_t i = 0; i < n; ++i) {
        const Week& w = plan.weeks[i];
        if (w.shadow && spans[i].start < spans[i].end)
            out.push_back({static_cast<int>(i), Role::Shadow, *w.shadow, spans[i].start, spans[i].end,
                           false, -1});
    }
    std::sort(out.begin(), out.end(), [](const Shift& a, const Shift& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.role != b.role) return roleRank(a.role) < roleRank(b.role);
        if (a.week != b.week) return a.week < b.week;
        return a.end < b.end;
    });
    return out;
}

}  // namespace rp
