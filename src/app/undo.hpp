// The open plan and its history. Every change goes through here, whether it comes
// from a window, an imported file or the JavaScript API, so undo, autosave and the
// check all see it. Undo is snapshot based: each step keeps the whole plan from
// before it (a plan is small; 520 weeks are a few hundred kilobytes).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/model/plan.hpp"

namespace app {

class Document {
public:
    Document();

    const rp::Plan& plan() const { return m_plan; }
    // Bumped on every change of the plan, committed or live: caches compare it.
    std::uint64_t revision() const { return m_revision; }

    // One undoable step: `edit` changes the plan, `description` names it ("Set primary of
    // 2026-12-07 to Carol Diaz").
    void Apply(const std::string& description, const std::function<void(rp::Plan&)>& edit);
    // Replaces the whole plan (open, import, new plan, JS loadPlan) as one undoable step.
    void Replace(const std::string& description, rp::Plan plan);
    // Starts afresh: the plan with no history (startup, restore).
    void Reset(rp::Plan plan);

    // Live edits (text fields, drags): the widget changes LivePlan() in place while the
    // user types, calls LiveChanged() on each change and LiveCommit() when the widget is
    // left; the whole typing session becomes one step.
    rp::Plan& LivePlan() { return m_plan; }
    void LiveChanged();
    void LiveCommit(const std::string& description);
    bool HasLiveEdit() const { return m_live_dirty; }

    bool CanUndo() const { return !m_undo.empty() || m_live_dirty; }
    bool CanRedo() const { return !m_redo.empty() && !m_live_dirty; }
    std::string UndoDescription() const;   // "" when nothing to undo
    std::string RedoDescription() const;
    void Undo();
    void Redo();

    // Set by autosave: the revision last written to storage.
    std::uint64_t saved_revision = 0;

private:
    struct Step {
        std::string description;
        rp::Plan plan;   // the plan on the other side of the step
    };
    void Push(const std::string& description);
    void Touch() { ++m_revision; }

    rp::Plan m_plan;        // what the windows show and edit
    rp::Plan m_committed;   // the plan after the last committed step (live edits start from it)
    bool m_live_dirty = false;
    std::vector<Step> m_undo, m_redo;
    std::uint64_t m_revision = 1;
    static constexpr std::size_t kMaxSteps = 200;
};

}  // namespace app
