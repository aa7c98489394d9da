// DraftJob gives exactly draft(): same status, message, fills and written plan, whatever
// the step budget.
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "core/rules/draft.hpp"
#include "core/rules/draft_job.hpp"
#include "core/model/plan_io.hpp"

namespace {

rp::Plan LoadSample() {
    std::ifstream in(std::string(RP_ASSETS) + "/sample-plan.json");
    std::stringstream ss;
    ss << in.rdbuf();
    rp::LoadResult r = rp::readPlan(ss.str());
    REQUIRE(r.ok());
    return *r.plan;
}

void ExpectSame(const rp::DraftResult& a, const rp::DraftResult& b) {
    CHECK(a.status == b.status);
    CHECK(a.message == b.message);
    CHECK(a.rule == b.rule);
    CHECK(a.week == b.week);
    CHECK(a.weeks_added == b.weeks_added);
    CHECK(a.weeks_filled == b.weeks_filled);
    CHECK(rp::draftSummaryToJson(a).dump() == rp::draftSummaryToJson(b).dump());
    CHECK(rp::writePlan(a.plan) == rp::writePlan(b.plan));
}

}  // namespace

TEST_CASE("draft job: same result as draft() for every budget") {
    rp::Plan sample = LoadSample();
    rp::Plan feasible = sample;
    for (rp::TimeOff& t : feasible.time_off)
        if (t.person == "carol") t.to = t.from + date::days{2};
    for (const rp::Plan* plan : {&sample, &feasible}) {
        for (std::uint64_t seed : {0ull, 1ull, 7ull, 12345ull}) {
            for (int weeks : {4, 10, 52}) {
                rp::DraftOptions options;
                options.weeks = weeks;
                options.seed = seed;
                rp::DraftResult expected = rp::draft(*plan, options);
                for (double budget : {0.0, 1.0, 1e9}) {
                    rp::DraftJob job(*plan, options);
                    CHECK(job.progress() == 0.0);
                    int steps = 0;
                    double last = 0;
                    while (!job.step(budget)) {
                        CHECK(job.progress() >= last);
                        last = job.progress();
                        REQUIRE(++steps < 100);
                    }
                    CHECK(job.progress() == 1.0);
                    REQUIRE(!job.cancelled());
                    ExpectSame(job.result(), expected);
                    CHECK(job.report().has_value() == (expected.status == rp::DraftStatus::Ok));
                }
            }
        }
    }
}

TEST_CASE("draft job: a cancelled job stops") {
    rp::Plan sample = LoadSample();
    rp::DraftOptions options;
    options.weeks = 8;
    rp::DraftJob job(sample, options);
    job.step(0);
    job.cancel();
    CHECK(job.done());
    CHECK(job.cancelled());
    CHECK(job.step(0));
}

TEST_CASE("draft job: the passes run in slices of a few weeks, and the bar moves with them") {
    rp::Plan sample = LoadSample();
    for (rp::TimeOff& t : sample.time_off)
        if (t.person == "carol") t.to = t.from + date::days{2};
    rp::DraftOptions options;
    options.weeks = 52;
    rp::DraftJob job(sample, options);
    int steps = 0;
    double last = 0;
    while (!job.step(0)) {   // a budget of 0: one slice per call
        CHECK(job.progress() > last);
        last = job.progress();
        REQUIRE(++steps < 100);
    }
    REQUIRE(job.result().status == rp::DraftStatus::Ok);
    // 52 weeks, 8 per slice, in each of the two passes: 7 + 7 slices, plus the set-up,
    // the finish and the summary check.
    CHECK(steps >= 14);
    ExpectSame(job.result(), rp::draft(sample, options));
}
