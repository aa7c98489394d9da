// The override sweep (resolveShifts) and the interval look-ups built on lowestRankCover,
// against straightforward references on random plans: nested, overlapping and
// out-of-order overrides and weeks, unassigned weeks, overrides outside the weeks.
#include <doctest/doctest.h>

#include <random>

#include "core/model/shifts.hpp"
#include "core/rules/check.hpp"
#include "core/simulation/escalation.hpp"
#include "rules_fixtures.hpp"

using namespace rp;
using namespace rpt;

namespace {

// The definition, one override at a time: cut [a, b) out of the week's pieces, then put
// the override's piece in (the later override wins).
std::vector<Shift> referenceShifts(const Plan& plan) {
    const auto spans = weekSpans(plan);
    std::vector<Shift> out;
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) {
        if (!(spans[i].start < spans[i].end)) continue;
        for (Role role : {Role::Primary, Role::Secondary}) {
            const auto& base = role == Role::Primary ? plan.weeks[i].primary : plan.weeks[i].secondary;
            std::vector<Shift> pieces;
            if (base) pieces.push_back({static_cast<int>(i), role, *base, spans[i].start, spans[i].end, false, -1});
            for (std::size_t oi = 0; oi < plan.overrides.size(); ++oi) {
                const Override& o = plan.overrides[oi];
                if (o.role != role) continue;
                const Instant a = std::max(o.from.at, spans[i].start), b = std::min(o.to.at, spans[i].end);
                if (!(a < b)) continue;
                std::vector<Shift> kept;
                for (const Shift& p : pieces) {
                    if (p.end <= a || p.start >= b) {
                        kept.push_back(p);
                        continue;
                    }
                    if (p.start < a) kept.push_back({p.week, p.role, p.person, p.start, a, p.from_override, p.override_index});
                    if (p.end > b) kept.push_back({p.week, p.role, p.person, b, p.end, p.from_override, p.override_index});
                }
                kept.push_back({static_cast<int>(i), role, o.person, a, b, true, static_cast<int>(oi)});
                pieces.swap(kept);
            }
            out.insert(out.end(), pieces.begin(), pieces.end());
        }
        if (plan.weeks[i].shadow)
            out.push_back({static_cast<int>(i), Role::Shadow, *plan.weeks[i].shadow, spans[i].start, spans[i].end, false, -1});
    }
    auto rank = [](Role r) { return r == Role::Primary ? 0 : r == Role::Secondary ? 1 : 2; };
    std::sort(out.begin(), out.end(), [&](const Shift& a, const Shift& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.role != b.role) return rank(a.role) < rank(b.role);
        if (a.week != b.week) return a.week < b.week;
        return a.end < b.end;
    });
    return out;
}

std::string describe(const std::vector<Shift>& shifts) {
    std::string s;
    for (const Shift& x : shifts)
        s += std::to_string(x.week) + " " + roleName(x.role) + " " + x.person + " " + formatIcsUtc(x.start) + " " +
             formatIcsUtc(x.end) + " " + (x.from_override ? "o" + std::to_string(x.override_index) : "r") + "\n";
    return s;
}

// A random plan over 6 weeks: some weeks unassigned, repeated or out of order; overrides
// on a 3-hour grid, nested, overlapping, touching, or reaching outside the weeks.
Plan randomPlan(std::mt19937& rng) {
    Plan p = cleanPlan("America/New_York");
    const char* ids[] = {"alice", "bob", "carol", "dave"};
    auto pick = [&]() { return ids[rng() % 4]; };
    const int weeks = 1 + static_cast<int>(rng() % 6);
    p.weeks.clear();
    for (int w = 0; w < weeks; ++w) {
        const int k = rng() % 5 == 0 ? static_cast<int>(rng() % 6) : w;  // sometimes repeated / out of order
        Week wk = week(formatDate(D("2026-11-02") + date::days{7 * k}).c_str(), rng() % 4 ? pick() : "",
                       rng() % 4 ? pick() : "");
        if (rng() % 3 == 0) wk.shadow = std::string(pick());
        p.weeks.push_back(wk);
    }
    p.overrides.clear();
    const int overrides = static_cast<int>(rng() % 12);
    const Instant origin = T(p, "2026-10-30T00:00");
    for (int i = 0; i < overrides; ++i) {
        const long long a = static_cast<long long>(rng() % 400), len = 1 + static_cast<long long>(rng() % 80);
        Override o;
        o.role = rng() % 2 ? Role::Primary : Role::Secondary;
        o.person = pick();
        o.from = {"", origin + std::chrono::hours{3 * a}};
        o.to = {"", origin + std::chrono::hours{3 * (a + len)}};
        p.overrides.push_back(o);
    }
    return p;
}

}  // namespace

TEST_CASE("resolveShifts: the sweep gives the pieces of cutting overrides in one at a time") {
    std::mt19937 rng(20261130);
    for (int round = 0; round < 2000; ++round) {
        CAPTURE(round);
        const Plan p = randomPlan(rng);
        const std::string got = describe(resolveShifts(p)), want = describe(referenceShifts(p));
        REQUIRE(got == want);
    }
}

TEST_CASE("resolveShifts: 2,000 nested overrides in one week leave the later ones on top") {
    Plan p = cleanPlan("UTC");
    p.weeks = {week("2026-11-30", "alice", "bob")};
    const Instant ws = weekSpans(p)[0].start;
    for (int i = 0; i < 2000; ++i) {
        Override o;
        o.role = Role::Primary;
        o.person = i % 2 ? "carol" : "dave";
        o.from = {"", ws + std::chrono::minutes{1 + i}};
        o.to = {"", ws + std::chrono::hours{168} - std::chrono::minutes{1 + i}};
        p.overrides.push_back(o);
    }
    const auto got = resolveShifts(p);
    CHECK(describe(got) == describe(referenceShifts(p)));
    // alice's two ends, 2,000 overrides' left and right parts but the innermost whole, bob.
    CHECK(got.size() == 2 + 2 * 1999 + 1 + 1);
}

TEST_CASE("lowestRankCover: the lowest rank holding each instant, adjacent pieces of one item merged") {
    const Instant t0 = Z("2026-01-01T00:00");
    auto at = [&](int h) { return t0 + std::chrono::hours{h}; };
    // item 0 [0, 10) rank 5; item 1 [2, 4) rank 1; item 2 [4, 6) rank 1; item 3 [8, 12) rank 9;
    // item 4 [20, 20) empty; item 5 [3, 5) rank 1 (ties go to the lower item)
    const std::vector<CoverInterval> iv = {{at(0), at(10), 5, 0},  {at(2), at(4), 1, 1}, {at(4), at(6), 1, 2},
                                           {at(8), at(12), 9, 3},  {at(20), at(20), 0, 4}, {at(3), at(5), 1, 5}};
    const auto seg = lowestRankCover(iv);
    std::string s;
    for (const auto& c : seg)
        s += std::to_string((c.start - t0) / std::chrono::hours{1}) + "-" +
             std::to_string((c.end - t0) / std::chrono::hours{1}) + ":" + std::to_string(c.item) + " ";
    CHECK(s == "0-2:0 2-4:1 4-6:2 6-10:0 10-12:3 ");
    CHECK(coverAt(seg, at(0)) == 0);
    CHECK(coverAt(seg, at(4)) == 2);
    CHECK(coverAt(seg, at(11)) == 3);
    CHECK(coverAt(seg, at(12)) == -1);
    CHECK(coverAt(seg, at(-1)) == -1);
    CHECK(coverAt({}, at(1)) == -1);
}

TEST_CASE("EscalationIndex: weekAt, holderAt and timeOffAt agree with a scan on random plans") {
    std::mt19937 rng(77);
    for (int round = 0; round < 300; ++round) {
        CAPTURE(round);
        Plan p = randomPlan(rng);
        for (int k = 0; k < 6; ++k) {  // nested and overlapping time off
            const int a = static_cast<int>(rng() % 40), len = static_cast<int>(rng() % 20);
            p.time_off.push_back(off("alice", formatDate(D("2026-10-30") + date::days{a}).c_str(),
                                     formatDate(D("2026-10-30") + date::days{a + len}).c_str()));
        }
        const EscalationIndex ix(p);
        const auto spans = weekSpans(p);
        const auto shifts = resolveShifts(p);
        const Instant origin = T(p, "2026-10-30T00:00");
        for (int h = 0; h < 24 * 7 * 8; h += 5) {
            const Instant t = origin + std::chrono::hours{h} + std::chrono::minutes{h % 60};
            int week = -1;
            for (std::size_t i = 0; i < spans.size() && week < 0; ++i)
                if (spans[i].start <= t && t < spans[i].end) week = static_cast<int>(i);
            REQUIRE(ix.weekAt(t) == week);
            // Where weeks overlap, the lowest week's piece holds the level.
            std::optional<std::string> primary;
            int best = -1;
            for (const Shift& s : shifts)
                if (s.role == Role::Primary && s.start <= t && t < s.end && (best < 0 || s.week < best))
                    best = s.week, primary = s.person;
            REQUIRE(ix.holderAt(EscalationLevel::Primary, t) == primary);
            int offIndex = -1;
            for (std::size_t i = 0; i < p.time_off.size() && offIndex < 0; ++i)
                if (dayStart(ix.zone(), p.time_off[i].from) <= t && t < dayStart(ix.zone(), p.time_off[i].to + date::days{1}))
                    offIndex = static_cast<int>(i);
            REQUIRE(ix.timeOffAt("alice", t) == offIndex);
        }
    }
}
