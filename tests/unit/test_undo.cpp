// The page's Document (src/app/undo.cpp): text deltas, undo/redo by deltas, the bound by
// bytes, and the history written out and read back (undo kept across a reload).
#include <doctest/doctest.h>

#include <random>

#include "app/undo.hpp"
#include "core/model/plan_io.hpp"
#include "test_data.hpp"

namespace {

rp::Plan examplePlan() { return loadTestPlan("example.json"); }

void checkDelta(const std::string& a, const std::string& b) {
    app::TextDelta d = app::TextDelta::Between(a, b);
    CHECK(d.ApplyTo(a) == b);
    app::TextDelta back = d.Inverse(a);
    CHECK(back.ApplyTo(b) == a);
}

// A plan with many weeks, so its text is large enough for the line-by-line delta.
rp::Plan bigPlan(int weeks) {
    rp::Plan plan = examplePlan();
    rp::Week w = plan.weeks.back();
    for (int i = 0; i < weeks; ++i) {
        w.start += date::days{7};
        w.note = "week " + std::to_string(i);
        plan.weeks.push_back(w);
    }
    return plan;
}

}  // namespace

TEST_CASE("text delta: prefix, suffix and line by line, both ways") {
    checkDelta("", "");
    checkDelta("", "abc\n");
    checkDelta("abc\n", "");
    checkDelta("a\nb\nc\n", "a\nB\nc\n");
    checkDelta("a\nb\nc", "a\nb\nc\nd");
    checkDelta("same\n", "same\n");
    CHECK(app::TextDelta::Between("same\n", "same\n").hunks.empty());
    // Hunks are whole lines: a change inside a multi-byte character stays valid UTF-8.
    app::TextDelta d = app::TextDelta::Between("x\n\xc3\xa9t\xc3\xa9\n", "x\n\xc3\xa9t\xc3\xa8\n");
    REQUIRE(d.hunks.size() == 1);
    CHECK(d.hunks[0].pos == 2);
    CHECK(d.hunks[0].text == "\xc3\xa9t\xc3\xa8\n");

    // Large texts with scattered changes, insertions and removals: exact both ways, and
    // the delta holds about the changed lines only.
    std::mt19937 rng(7);
    std::string a;
    for (int i = 0; i < 20000; ++i) a += "    \"line\": " + std::to_string(i) + ",\n";
    for (int round = 0; round < 20; ++round) {
        std::vector<std::string> lines;
        std::size_t start = 0;
        while (start < a.size()) {
            std::size_t nl = a.find('\n', start);
            lines.push_back(a.substr(start, nl + 1 - start));
            start = nl + 1;
        }
        for (int k = 0; k < 6; ++k) {
            std::size_t at = rng() % lines.size();
            switch (rng() % 3) {
            case 0: lines[at] = "    \"changed\": " + std::to_string(rng()) + ",\n"; break;
            case 1: lines.insert(lines.begin() + at, "    \"new\": true,\n"); break;
            default: lines.erase(lines.begin() + at); break;
            }
        }
        std::string b;
        for (auto& l : lines) b += l;
        app::TextDelta delta = app::TextDelta::Between(a, b);
        CHECK(delta.ApplyTo(a) == b);
        CHECK(delta.Inverse(a).ApplyTo(b) == a);
        CHECK(delta.Bytes() < 4096);
        a = b;
    }
}

TEST_CASE("document: undo and redo by deltas give back the exact plans") {
    app::Document doc;
    doc.Reset(bigPlan(400));
    const std::string t0 = rp::writePlan(doc.plan());
    CHECK(doc.CommittedText() == t0);
    doc.Apply("Set primary", [](rp::Plan& p) { p.weeks[10].primary = "bob"; });
    const std::string t1 = rp::writePlan(doc.plan());
    doc.Apply("Add a week", [](rp::Plan& p) {
        rp::Week w;
        w.start = p.weeks.back().start + date::days{7};
        p.weeks.push_back(w);
    });
    const std::string t2 = rp::writePlan(doc.plan());
    // A live edit (typing) is one step.
    doc.LivePlan().team_name = "Pl";
    doc.LiveChanged();
    doc.LivePlan().team_name = "Platform team";
    doc.LiveChanged();
    doc.LiveCommit("Rename the team");
    const std::string t3 = rp::writePlan(doc.plan());
    CHECK(doc.UndoSteps() == 3);
    CHECK(doc.UndoDescription() == "Rename the team");
    // Nothing changed: no step.
    doc.Apply("Set primary again", [](rp::Plan& p) { p.weeks[10].primary = "bob"; });
    CHECK(doc.UndoSteps() == 3);

    CHECK(doc.Undo().empty());
    CHECK(rp::writePlan(doc.plan()) == t2);
    CHECK(doc.CommittedText() == t2);
    CHECK(doc.Undo().empty());
    CHECK(rp::writePlan(doc.plan()) == t1);
    CHECK(doc.Undo().empty());
    CHECK(rp::writePlan(doc.plan()) == t0);
    CHECK_FALSE(doc.CanUndo());
    CHECK(doc.RedoDescription() == "Set primary");
    CHECK(doc.Redo().empty());
    CHECK(doc.Redo().empty());
    CHECK(doc.Redo().empty());
    CHECK(rp::writePlan(doc.plan()) == t3);
    CHECK_FALSE(doc.CanRedo());
    // Each step holds a small delta, not a plan.
    CHECK(doc.CommittedText().size() > 50000);
    CHECK(doc.HistoryBytes() < 8000);
}

TEST_CASE("document: a plan that does not read back is kept as a copy, and undo returns to it") {
    app::Document doc;
    doc.Reset(examplePlan());
    const std::string t0 = doc.CommittedText();
    doc.Apply("Remove everyone", [](rp::Plan& p) { p.people.clear(); });   // a plan needs a person
    CHECK_FALSE(doc.CommittedReadable());
    CHECK_FALSE(doc.CommittedProblem().empty());
    const std::string t1 = doc.CommittedText();
    doc.Apply("Add one", [](rp::Plan& p) {
        rp::Person x;
        x.id = "x";
        x.name = "X";
        p.people.push_back(x);
    });
    CHECK(doc.CommittedReadable());
    CHECK(doc.Undo().empty());
    CHECK(doc.plan().people.empty());
    CHECK(doc.CommittedText() == t1);
    CHECK(doc.Undo().empty());
    CHECK(doc.CommittedText() == t0);
    CHECK(doc.Redo().empty());
    CHECK(doc.plan().people.empty());
    CHECK(doc.Redo().empty());
    CHECK(doc.plan().people.size() == 1);
}

TEST_CASE("document: the history is bounded by bytes, oldest steps first") {
    app::Document doc;
    doc.Reset(bigPlan(2000));
    doc.SetHistoryBudget(200 * 1024);
    // Each step rewrites every note: a delta the size of the notes.
    for (int i = 0; i < 30; ++i)
        doc.Apply("Step " + std::to_string(i), [i](rp::Plan& p) {
            for (auto& w : p.weeks) w.note = "round " + std::to_string(i);
        });
    CHECK(doc.HistoryBytes() <= 200 * 1024);
    CHECK(doc.UndoSteps() > 0);
    CHECK(doc.UndoSteps() < 30);
    CHECK(doc.UndoDescription() == "Step 29");
    // Undo to the oldest kept step works.
    const std::size_t steps = doc.UndoSteps();
    for (std::size_t k = 0; k < steps; ++k) CHECK(doc.Undo().empty());
    CHECK(doc.plan().weeks[5].note == "round " + std::to_string(29 - static_cast<int>(steps)));

    // The step bound as well.
    app::Document small;
    small.Reset(examplePlan());
    for (int i = 0; i < 250; ++i)
        small.Apply("n", [i](rp::Plan& p) { p.team_name = "T" + std::to_string(i); });
    CHECK(small.UndoSteps() == app::Document::kMaxSteps);
}

TEST_CASE("document: history written out and read back (undo across a reload)") {
    app::Document doc;
    doc.Reset(bigPlan(100));
    const std::string t0 = doc.CommittedText();
    doc.Apply("Set primary of week 5", [](rp::Plan& p) { p.weeks[5].primary = "carol"; });
    const std::string t1 = doc.CommittedText();
    doc.Apply("Rename the team", [](rp::Plan& p) { p.team_name = "Renamed"; });
    const std::string t2 = doc.CommittedText();
    doc.Apply("Note", [](rp::Plan& p) { p.weeks[50].note = "handoff at noon"; });
    CHECK(doc.Undo().empty());   // one redo step too
    const std::string history = doc.SerializeHistory(1 << 20);

    // A new page: the stored plan, then its history.
    app::Document again;
    again.Reset(*rp::readPlan(t2).plan);
    REQUIRE(again.CommittedText() == t2);
    REQUIRE(again.RestoreHistory(history));
    CHECK(again.UndoSteps() == 2);
    CHECK(again.RedoSteps() == 1);
    CHECK(again.UndoDescription() == "Rename the team");
    CHECK(again.Undo().empty());
    CHECK(again.CommittedText() == t1);
    CHECK(again.Undo().empty());
    CHECK(again.CommittedText() == t0);
    CHECK(again.Redo().empty());
    CHECK(again.Redo().empty());
    CHECK(again.Redo().empty());
    CHECK(again.plan().weeks[50].note == std::optional<std::string>("handoff at noon"));

    // A history for another text, or broken text, is refused and changes nothing.
    app::Document other;
    other.Reset(examplePlan());
    CHECK_FALSE(other.RestoreHistory(history));
    CHECK_FALSE(other.CanUndo());
    CHECK_FALSE(again.RestoreHistory("{not json"));
    CHECK_FALSE(again.RestoreHistory(R"({"v":1,"text_bytes":3,"text_hash":"x","undo":[]})"));

    // The bound on what is written keeps the newest steps.
    const std::string small = doc.SerializeHistory(40);
    app::Document third;
    third.Reset(*rp::readPlan(doc.CommittedText()).plan);
    REQUIRE(third.RestoreHistory(small));
    CHECK(third.UndoSteps() <= 1);
}

TEST_CASE("document: an edit that runs out of memory leaves the plan as it was") {
    app::Document doc;
    doc.Reset(examplePlan());
    doc.Apply("Rename", [](rp::Plan& p) { p.team_name = "Renamed"; });
    const std::string before = doc.CommittedText();
    CHECK_THROWS_AS(doc.Apply("Half an edit",
                              [](rp::Plan& p) {
                                  p.weeks.clear();   // changed, then the allocation fails
                                  throw std::bad_alloc();
                              }),
                    std::bad_alloc);
    CHECK(rp::writePlan(doc.plan()) == before);
    CHECK(doc.CommittedText() == before);
    CHECK_FALSE(doc.CanUndo());   // the history was given back
    // And it goes on working.
    doc.Apply("Rename again", [](rp::Plan& p) { p.team_name = "Again"; });
    CHECK(doc.Undo().empty());
    CHECK(doc.CommittedText() == before);
}
