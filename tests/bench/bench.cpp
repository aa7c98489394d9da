// Benchmark driver, built natively and as wasm (run under node) from the same source,
// so scripts/bench can compare like with like. Prints "name<TAB>milliseconds" rows.
// usage: rotaplan_bench [--repeat N] [--only PREFIX] [--write-plan FILE]
// --only runs just the rows whose name starts with PREFIX (for profiling one operation).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/changes/incident_log.hpp"
#include "core/changes/publish.hpp"
#include "core/changes/review.hpp"
#include "core/rules/candidates.hpp"
#include "core/rules/check.hpp"
#include "core/rules/draft.hpp"
#include "core/rules/draft_job.hpp"
#include "core/exports/exports.hpp"
#include "core/simulation/gaps.hpp"
#include "core/simulation/incidents.hpp"
#include "core/model/plan_io.hpp"
#include "core/interop/interop.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// A deterministic large plan: 200 people x 520 weeks, 1,000 time-off entries,
// 500 overrides, 300 requests (issue 3's benchmark shape).
std::string generatePlan(int people, int weeks, int time_off, int overrides, int requests) {
    std::mt19937 rng(12345);
    rp::Json j;
    j["rotaplan"] = 1;
    j["team"] = {{"name", "Bench"}, {"timezone", "America/New_York"}};
    rp::Json ps = rp::Json::array();
    for (int i = 0; i < people; ++i) {
        rp::Json p = {{"id", "p" + std::to_string(i)}, {"name", "Person " + std::to_string(i)}};
        if (i % 7 == 3) p["timezone"] = "Europe/Berlin";
        ps.push_back(p);
    }
    ps.push_back({{"id", "lead"}, {"name", "The Lead"}, {"on_call", false}});
    j["people"] = ps;
    j["contacts"] = {{"engineering_lead", "lead"}};
    const rp::Date first = date::sys_days{date::year{2026} / 1 / 5};  // a Monday
    auto day = [&](int offset) { return rp::formatDate(first + date::days{offset}); };
    rp::Json ws = rp::Json::array();
    for (int w = 0; w < weeks; ++w) {
        int a = (2 * w) % people, b = (2 * w + 1) % people;
        ws.push_back({{"start", day(7 * w)}, {"primary", "p" + std::to_string(a)},
                      {"secondary", "p" + std::to_string(b)}});
    }
    j["weeks"] = ws;
    rp::Json to = rp::Json::array();
    for (int i = 0; i < time_off; ++i) {
        int start = static_cast<int>(rng() % (7u * weeks));
        to.push_back({{"person", "p" + std::to_string(rng() % people)}, {"from", day(start)},
                      {"to", day(start + static_cast<int>(rng() % 10))}});
    }
    j["time_off"] = to;
    rp::Json os = rp::Json::array();
    for (int i = 0; i < overrides; ++i) {
        int w = static_cast<int>(rng() % weeks);
        os.push_back({{"role", (i % 2) ? "secondary" : "primary"}, {"person", "p" + std::to_string(rng() % people)},
                      {"from", day(7 * w + 2) + "T18:00"}, {"to", day(7 * w + 3) + "T09:00"}});
    }
    j["overrides"] = os;
    rp::Json rs = rp::Json::array();
    for (int i = 0; i < requests; ++i) {
        int w = static_cast<int>(rng() % weeks);
        rs.push_back({{"id", "r" + std::to_string(i)}, {"type", "cover"}, {"submitted", day(7 * w - 20)},
                      {"by", "p" + std::to_string((2 * w) % people)}, {"week", day(7 * w)},
                      {"role", "primary"}, {"with", "p" + std::to_string(rng() % people)},
                      {"status", "pending"}});
    }
    j["requests"] = rs;
    return j.dump(2);
}

// Nested overrides (issue 13): override i runs from (first handoff + 60 s + i s) to (the
// last handoff - 60 s - i s), roles alternating, over `weeks` weeks; the overrides stop at
// `count` or before the compact text passes `max_bytes`.
std::string generateNested(int count, int weeks, std::size_t max_bytes) {
    std::string head = "{\"rotaplan\":1,\"team\":{\"name\":\"Nested\",\"timezone\":\"America/New_York\"},\"people\":[";
    for (int i = 0; i < 8; ++i)
        head += std::string(i ? "," : "") + "{\"id\":\"p" + std::to_string(i) + "\",\"name\":\"Person " + std::to_string(i) + "\"}";
    head += "],\"contacts\":{\"engineering_lead\":\"p0\"},\"weeks\":[";
    const rp::Date first = date::sys_days{date::year{2026} / 1 / 5};
    for (int w = 0; w < weeks; ++w)
        head += std::string(w ? "," : "") + "{\"start\":\"" + rp::formatDate(first + date::days{7 * w}) + "\",\"primary\":\"p" +
                std::to_string(2 * w % 8) + "\",\"secondary\":\"p" + std::to_string((2 * w + 1) % 8) + "\"}";
    head += "],\"overrides\":[";
    const std::string tail = "]}";
    // Local wall-clock text of second s after 2026-01-05 09:00 (offsets come from the zone).
    const date::local_seconds t0{date::local_days{date::year{2026} / 1 / 5}.time_since_epoch() + std::chrono::hours{9}};
    auto text = [](date::local_seconds t) {
        const auto day = date::floor<date::days>(t);
        const long long sod = (t - day).count();
        char buf[40];
        const date::year_month_day ymd{day};
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), sod / 3600, sod / 60 % 60, sod % 60);
        return std::string(buf);
    };
    const long long span = 7LL * 24 * 3600 * weeks;
    std::string out = head;
    for (int i = 0; i < count; ++i) {
        const long long a = 60 + i, b = span - 60 - i;
        if (a >= b) break;
        std::string o = std::string(i ? "," : "") + "{\"role\":\"" + (i % 2 ? "secondary" : "primary") + "\",\"person\":\"p" +
                        std::to_string(i % 8) + "\",\"from\":\"" + text(t0 + std::chrono::seconds{a}) + "\",\"to\":\"" +
                        text(t0 + std::chrono::seconds{b}) + "\"}";
        if (out.size() + o.size() + tail.size() > max_bytes) break;
        out += o;
    }
    return out + tail;
}

// One timed run (rows of several seconds: no warm-up, no repeat).
double onceMs(const std::function<void()>& fn) {
    const auto a = Clock::now();
    fn();
    return std::chrono::duration<double, std::milli>(Clock::now() - a).count();
}

// Median of N runs, in milliseconds, after a warm-up: V8 first runs wasm through its
// baseline compiler and swaps in optimised code in the background, so untimed runs (at
// least two, and up to 300 ms) let both builds be measured in their steady state.
double timeMs(int repeat, const std::function<void()>& fn) {
    const auto warm_start = Clock::now();
    for (int i = 0; i < 2 || (i < 50 && Clock::now() - warm_start < std::chrono::milliseconds(300)); ++i) fn();
    std::vector<double> t;
    for (int i = 0; i < repeat; ++i) {
        auto a = Clock::now();
        fn();
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

volatile std::size_t g_sink = 0;  // keeps results alive
std::string g_only;                // --only PREFIX: run just the rows starting with it

bool wanted(const std::string& row) { return row.compare(0, g_only.size(), g_only) == 0; }

// A team for the draft rows: `people` engineers, a lead and a CTO, no weeks, and time off
// averaging about 3 weeks a year per person (entries of 1 to 14 days).
rp::Plan draftTeam(int people, int weeks) {
    std::mt19937 rng(777);
    rp::Json j;
    j["rotaplan"] = 1;
    j["team"] = {{"name", "Draft bench"}, {"timezone", "America/New_York"}};
    rp::Json ps = rp::Json::array();
    for (int i = 0; i < people; ++i) ps.push_back({{"id", "p" + std::to_string(i)}, {"name", "Person " + std::to_string(i)}});
    ps.push_back({{"id", "lead"}, {"name", "The Lead"}, {"on_call", false}});
    ps.push_back({{"id", "cto"}, {"name", "The CTO"}, {"on_call", false}});
    j["people"] = ps;
    j["contacts"] = {{"engineering_lead", "lead"}, {"cto", "cto"}};
    const rp::Date first = date::sys_days{date::year{2026} / 1 / 5};
    rp::Json to = rp::Json::array();
    const int entries = people * weeks / 52 * 2;
    for (int i = 0; i < entries; ++i) {
        const int start = static_cast<int>(rng() % (7u * weeks));
        to.push_back({{"person", "p" + std::to_string(rng() % people)},
                      {"from", rp::formatDate(first + date::days{start})},
                      {"to", rp::formatDate(first + date::days{start + static_cast<int>(rng() % 14)})}});
    }
    j["time_off"] = to;
    return *rp::readPlan(j.dump()).plan;
}

// Max - min primary and secondary counts over the rotation pool.
std::pair<int, int> draftSpreads(const rp::Plan& plan) {
    std::vector<std::string> pool;
    for (const auto& p : plan.people)
        if (p.on_call && !p.trainee) pool.push_back(p.id);
    std::sort(pool.begin(), pool.end());
    std::vector<int> cp(pool.size()), cs(pool.size());
    auto at = [&](const std::string& id) {
        return static_cast<std::size_t>(std::lower_bound(pool.begin(), pool.end(), id) - pool.begin());
    };
    for (const auto& w : plan.weeks) {
        if (w.primary) ++cp[at(*w.primary)];
        if (w.secondary) ++cs[at(*w.secondary)];
    }
    auto spread = [](const std::vector<int>& v) {
        return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end());
    };
    return {spread(cp), spread(cs)};
}

// For the candidates row: `people` engineers over 20 weeks, the week of 2026-03-16 holding
// `overrides` nested overrides (each inside the one before, so the later one wins
// everywhere it reaches), alternately primary and secondary, by three people.
rp::Plan nestedOverridesPlan(int people, int overrides) {
    rp::Json j;
    j["rotaplan"] = 1;
    j["team"] = {{"name", "Nested"}, {"timezone", "UTC"}};
    rp::Json ps = rp::Json::array();
    for (int i = 0; i < people; ++i) ps.push_back({{"id", "p" + std::to_string(i)}, {"name", "Person " + std::to_string(i)}});
    ps.push_back({{"id", "lead"}, {"name", "The Lead"}, {"on_call", false}});
    j["people"] = ps;
    j["contacts"] = {{"engineering_lead", "lead"}};
    const rp::Date first = date::sys_days{date::year{2026} / 1 / 5};
    rp::Json ws = rp::Json::array();
    for (int w = 0; w < 20; ++w)
        ws.push_back({{"start", rp::formatDate(first + date::days{7 * w})},
                      {"primary", "p" + std::to_string((2 * w) % people)},
                      {"secondary", "p" + std::to_string((2 * w + 1) % people)}});
    j["weeks"] = ws;
    rp::Json os = rp::Json::array();
    const rp::Date day = first + date::days{7 * 10 + 1};   // Tuesday of the week of 2026-03-16
    auto at = [&](int minutes) {   // `minutes` after 00:00 on that Tuesday
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes % 1440) / 60, minutes % 60);
        return rp::formatDate(day + date::days{minutes / 1440}) + "T" + buf;
    };
    for (int i = 0; i < overrides; ++i) {
        const int m = static_cast<int>(static_cast<long long>(i) * 2800 / overrides);   // 0 .. 2800 minutes in
        os.push_back({{"role", i % 2 ? "primary" : "secondary"},
                      {"person", "p" + std::to_string(6 + i % 3)},
                      {"from", at(m)},
                      {"to", at(4 * 1440 - m)}});
    }
    j["overrides"] = os;
    return *rp::readPlan(j.dump()).plan;
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 7;
    const char* write_plan = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--write-plan") && i + 1 < argc) write_plan = argv[++i];
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) g_only = argv[++i];
    }
    const std::string text = generatePlan(200, 520, 1000, 500, 300);
    if (write_plan) {
        std::ofstream(write_plan, std::ios::binary) << text;
        return 0;
    }
    auto loaded = rp::readPlan(text);
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench plan refused: %s\n", loaded.error->str().c_str());
        return 1;
    }
    const rp::Plan& plan = *loaded.plan;
    std::printf("plan_bytes\t%zu\n", text.size());
    if (wanted("read_ms")) std::printf("read_ms\t%.3f\n", timeMs(repeat, [&] { g_sink += rp::readPlan(text).ok(); }));
    if (wanted("check_ms")) std::printf("check_ms\t%.3f\n", timeMs(repeat, [&] { g_sink += rp::check(plan).violations.size(); }));
    // The check with a published snapshot (changes.md): published in the middle of the
    // 520 weeks, then 20 weeks edited; today in the middle, so every rule runs, history
    // and notice window included.
    if (wanted("check_published_ms")) {
        const rp::Date today = date::sys_days{date::year{2030} / 12 / 2};
        rp::Plan published = plan;
        published.published = rp::snapshotOf(plan, today - date::days{30});
        for (int k = 0; k < 20; ++k) std::swap(published.weeks[25 * k + 3].primary, published.weeks[25 * k + 3].secondary);
        rp::CheckOptions o;
        o.today = today;
        std::printf("check_published_ms\t%.3f\n", timeMs(repeat, [&] { g_sink += rp::check(published, o).violations.size(); }));
    }
    if (wanted("export_json_ms")) std::printf("export_json_ms\t%.3f\n", timeMs(repeat, [&] { g_sink += rp::exportJsonText(plan).size(); }));
    if (wanted("export_ics_ms")) std::printf("export_ics_ms\t%.3f\n", timeMs(repeat, [&] {
        rp::IcsOptions o;
        o.stamp = rp::Instant{};
        g_sink += rp::exportIcs(plan, o).size();
    }));
    if (wanted("read_check_export_json_ms")) std::printf("read_check_export_json_ms\t%.3f\n", timeMs(repeat, [&] {
        auto r = rp::readPlan(text);
        g_sink += rp::check(*r.plan).violations.size();
        g_sink += rp::exportJsonText(*r.plan).size();
    }));
    if (wanted("write_plan_ms")) std::printf("write_plan_ms\t%.3f\n", timeMs(repeat, [&] { g_sink += rp::writePlan(plan).size(); }));
    // The coverage-gap scan (docs/escalation.md) over the whole 520-week plan.
    if (wanted("gaps_520w_ms"))
        std::printf("gaps_520w_ms\t%.3f\n", timeMs(repeat, [&] { g_sink += rp::findCoverageGaps(plan).gaps.size(); }));

    // ---- interop (docs/interop.md): the plan to each vendor's document, and the import of
    // a 520-week PagerDuty rendering (primary and secondary timelines) back into a plan ----
    for (auto v : {rp::interop::Vendor::PagerDuty, rp::interop::Vendor::Opsgenie, rp::interop::Vendor::GrafanaOnCall,
                   rp::interop::Vendor::GoAlert}) {
        std::string row = std::string("export_") + rp::interop::vendorName(v) + "_ms";
        for (char& c : row)
            if (c == '-') c = '_';
        if (!wanted(row)) continue;
        std::printf("%s\t%.3f\n", row.c_str(),
                    timeMs(repeat, [&] { g_sink += rp::interop::exportVendor(plan, v, {}).text.size(); }));
    }
    if (wanted("import_pagerduty_520w_ms")) {
        const auto* zone = rp::findZone(plan.team_timezone);
        std::string files[2];
        for (int r = 0; r < 2; ++r) {
            rp::Json entries = rp::Json::array();
            for (const rp::Shift& s : rp::resolveShifts(plan)) {
                if (s.role != (r == 0 ? rp::Role::Primary : rp::Role::Secondary)) continue;
                entries.push_back({{"start", rp::formatRfc3339(zone, s.start)}, {"end", rp::formatRfc3339(zone, s.end)},
                                   {"user", {{"id", "P" + s.person}, {"type", "user_reference"}, {"summary", plan.nameOf(s.person)}}}});
            }
            files[r] = rp::Json{{"schedule", {{"name", "Bench"}, {"time_zone", plan.team_timezone},
                                              {"final_schedule", {{"rendered_schedule_entries", entries}}}}}}.dump();
        }
        const rp::interop::RoleFile primary{"primary.json", files[0]};
        const std::optional<rp::interop::RoleFile> secondary = rp::interop::RoleFile{"secondary.json", files[1]};
        std::printf("import_pagerduty_520w_ms\t%.3f\n", timeMs(repeat, [&] {
            auto r = rp::interop::importTimelines(rp::interop::Vendor::PagerDuty, primary, secondary, std::nullopt, {});
            g_sink += std::holds_alternative<rp::interop::ImportResult>(r) ? std::get<rp::interop::ImportResult>(r).plan.weeks.size() : 0;
        }));
    }

    // ---- nested overrides (issue 13): 30,000 in 4 weeks, and as many as the largest plan
    // under 50 MiB holds (20 weeks); read, check, ICS export and the gap scan ----
    for (const auto& shape : {std::pair<const char*, int>{"nested_30k", 30000}, std::pair<const char*, int>{"nested_50mib", 1 << 30}}) {
        const std::string tag = shape.first;
        if (!wanted(tag)) continue;
        const bool big = shape.second > 30000;
        const std::string nested = generateNested(shape.second, big ? 20 : 4, rp::kMaxPlanBytes);
        rp::LoadResult r;
        const double read_ms = onceMs([&] { r = rp::readPlan(nested); });
        if (!r.ok()) {
            std::fprintf(stderr, "%s plan refused: %s\n", tag.c_str(), r.error->str().c_str());
            return 1;
        }
        const rp::Plan& np = *r.plan;
        auto row = [&](const char* what, const std::function<void()>& fn) {
            std::printf("%s_%s_ms\t%.3f\n", tag.c_str(), what, big ? onceMs(fn) : timeMs(std::min(repeat, 3), fn));
        };
        std::printf("%s_bytes\t%zu\n", tag.c_str(), nested.size());
        std::printf("%s_overrides\t%zu\n", tag.c_str(), np.overrides.size());
        std::printf("%s_read_ms\t%.3f\n", tag.c_str(), read_ms);
        row("check", [&] { g_sink += rp::check(np).violations.size(); });
        row("export_ics", [&] {
            rp::IcsOptions o;
            o.stamp = rp::Instant{};
            g_sink += rp::exportIcs(np, o).size();
        });
        row("export_csv", [&] { g_sink += rp::exportCsv(np).size(); });
        row("gaps", [&] { g_sink += rp::findCoverageGaps(np).gaps.size(); });
    }

    // ---- drafting (docs/drafting.md): N people with time off, every week to fill ----
    for (const auto& shape : {std::pair<int, int>{50, 52}, std::pair<int, int>{500, 520}}) {
        const int people = shape.first, weeks = shape.second;
        const std::string tag = "draft_" + std::to_string(weeks) + "w_" + std::to_string(people) + "p";
        if (!wanted(tag)) continue;
        rp::Plan team = draftTeam(people, weeks);
        rp::DraftOptions o;
        o.from = date::sys_days{date::year{2026} / 1 / 5};
        o.weeks = weeks;
        rp::DraftResult r;
        const double ms = timeMs(people > 100 ? std::min(repeat, 3) : repeat, [&] { r = rp::draft(team, o); });
        if (r.status != rp::DraftStatus::Ok) {
            std::fprintf(stderr, "%s failed: %s\n", tag.c_str(), r.message.c_str());
            return 1;
        }
        auto sp = draftSpreads(r.plan);
        // The page runs the same draft in slices (DraftJob); the longest slice is the
        // longest the page can go without drawing a frame. Like every other row, the median
        // over `repeat` runs (a single run's longest slice is one sample of a maximum: a
        // stray pause or a function compiled on first use decides it).
        int slices = 0;
        std::vector<double> longest_of_run;
        for (int run = 0; run < (people > 100 ? std::min(repeat, 3) : repeat); ++run) {
            double longest = 0;
            slices = 0;
            rp::DraftJob job(team, o);
            for (bool done = false; !done; ++slices) {
                const auto a = Clock::now();
                done = job.step(0);
                longest = std::max(longest, std::chrono::duration<double, std::milli>(Clock::now() - a).count());
            }
            longest_of_run.push_back(longest);
        }
        std::sort(longest_of_run.begin(), longest_of_run.end());
        const double longest = longest_of_run[longest_of_run.size() / 2];
        std::printf("%s_ms\t%.3f\n", tag.c_str(), ms);
        std::printf("%s_longest_slice_ms\t%.3f\n", tag.c_str(), longest);
        std::printf("%s_slices\t%d\n", tag.c_str(), slices);
        std::printf("%s_errors\t%d\n", tag.c_str(), rp::check(r.plan).errors);
        std::printf("%s_primary_spread\t%d\n", tag.c_str(), sp.first);
        std::printf("%s_secondary_spread\t%d\n", tag.c_str(), sp.second);
    }

    // ---- who can cover? (docs/drafting.md "candidates"): a week of the 520 x 200 plan, and
    // a week holding 30,000 nested overrides ----
    if (wanted("candidates_520w_200p_ms"))
        std::printf("candidates_520w_200p_ms\t%.3f\n", timeMs(repeat, [&] {
            auto c = rp::findCandidates(plan, date::sys_days{date::year{2030} / 1 / 7}, rp::Role::Primary);
            g_sink += c ? c->candidates.size() : 0;
        }));
    if (wanted("candidates_30k_nested_ms")) {
        const rp::Plan nested = nestedOverridesPlan(12, 30000);
        // One run, no warm-up: a run is long enough to be steady.
        const auto a = Clock::now();
        auto c = rp::findCandidates(nested, date::sys_days{date::year{2026} / 3 / 16}, rp::Role::Primary);
        g_sink += c ? c->candidates.size() : 0;
        std::printf("candidates_30k_nested_ms\t%.3f\n", std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }

    // ---- incident simulation (docs/incidents-pay-handoff.md): 100,000 incidents over the
    // 520-week plan, the whole run (index, draws, timelines, tally, percentiles) ----
    if (wanted("incidents_100k_ms")) {
        rp::IncidentOptions o;
        o.seed = 1;
        o.count = 100000;
        std::int64_t n = 0;
        const double ms = timeMs(std::min(repeat, 5), [&] {
            auto r = rp::simulateIncidents(plan, o);
            n = std::get<rp::IncidentReport>(r).totals.incidents;
        });
        g_sink += static_cast<std::size_t>(n);
        std::printf("incidents_100k_ms\t%.3f\n", ms);
    }
    // ---- the monthly review (docs/changes.md): 100,000 logged incidents as CSV (90,000 in
    // the month reviewed, 10,000 in the month before), read and reviewed ----
    if (wanted("review_100k_ms")) {
        std::mt19937 rng(99);
        std::string csv = "id,opened,acknowledged,resolved,severity,escalated_to\n";
        const char* sev[] = {"P0", "P1", "P2", "P3"};
        const char* esc[] = {"", "", "", "", "secondary", "escalation", "cto"};
        const rp::Instant month_start = rp::localToInstant(rp::findZone("America/New_York"), date::sys_days{date::year{2030} / 6 / 1}, 0);
        for (int i = 0; i < 100000; ++i) {
            const long long offset = i < 90000 ? static_cast<long long>(rng() % (30u * 86400u))
                                               : -static_cast<long long>(1 + rng() % (31u * 86400u));
            const rp::Instant opened = month_start + std::chrono::seconds{offset};
            const rp::Instant ack = opened + std::chrono::seconds{30 + rng() % 900};
            const rp::Instant res = ack + std::chrono::seconds{300 + rng() % 20000};
            csv += "i" + std::to_string(i) + "," + 
                   rp::formatRfc3339(rp::findZone("UTC"), opened) + "," + rp::formatRfc3339(rp::findZone("UTC"), ack) + "," +
                   (i % 17 ? rp::formatRfc3339(rp::findZone("UTC"), res) : std::string()) + "," + sev[rng() % 4] + "," +
                   esc[rng() % 7] + "\n";
        }
        std::size_t n = 0;
        const double ms = timeMs(std::min(repeat, 5), [&] {
            auto log = rp::readIncidentLog(plan, csv);
            const auto& list = std::get<std::vector<rp::LoggedIncident>>(log);
            const rp::Review r = rp::reviewMonth(plan, list, 2030, 6);
            n = static_cast<std::size_t>(r.month.incidents) + r.month.misses.size();
        });
        g_sink += n;
        std::printf("review_100k_ms\t%.3f\n", ms);
    }
    return 0;
}
