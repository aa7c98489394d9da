// The open plan and its history. Every change goes through here, whether it comes
// from a window, an imported file or the JavaScript API, so undo, autosave and the
// check all see it.
//
// Undo keeps differences, not copies: after each committed step the plan is written
// (writePlan, the text autosave stores too) and the step keeps only the lines that
// differ from the text before it (a TextDelta). A 22 MB plan edited 100 times holds one
// plan, one text and 100 small deltas, instead of 100 whole plans. The history is bounded
// by bytes (kMaxHistoryBytes) as well as by steps, and it can be written out and read
// back (SerializeHistory / RestoreHistory), so undo survives a reload.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/plan.hpp"

namespace app {

// Turns one text into another: the pieces of the source to replace, in order.
struct TextDelta {
    struct Hunk {
        std::size_t pos = 0;    // offset in the source text
        std::size_t len = 0;    // characters of the source replaced
        std::string text;       // what replaces them
    };
    std::vector<Hunk> hunks;    // sorted by pos, not overlapping

    // The delta that turns `from` into `to`: common prefix and suffix, then line by line
    // (with a short look-ahead to re-align after inserted or removed lines).
    static TextDelta Between(std::string_view from, std::string_view to);
    std::string ApplyTo(std::string_view source) const;
    // The delta back: Apply(Inverse(source), Apply(source)) == source.
    TextDelta Inverse(std::string_view source) const;
    std::size_t Bytes() const;   // memory held (texts and bookkeeping)
};

class Document {
public:
    Document();

    const rp::Plan& plan() const { return m_plan; }
    // Bumped on every change of the plan, committed or live: caches compare it.
    std::uint64_t revision() const { return m_revision; }

    // One undoable step: `edit` changes the plan, `description` names it ("Set primary of
    // 2026-12-07 to Carol Diaz"). A step that leaves the plan's text as it was adds no step.
    // When the edit or writing the plan throws (std::bad_alloc), the plan is as it was and
    // the exception goes on to the caller; Replace likewise.
    void Apply(const std::string& description, const std::function<void(rp::Plan&)>& edit);
    // Replaces the whole plan (open, import, new plan, JS loadPlan) as one undoable step.
    // `read_back`: the plan came from readPlan, so its text is known to read back.
    void Replace(const std::string& description, rp::Plan plan, bool read_back = true);
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
    // Undo and Redo return "" or why they could not (the history is then dropped).
    std::string Undo();
    std::string Redo();
    std::size_t UndoSteps() const { return m_undo.size(); }
    std::size_t RedoSteps() const { return m_redo.size(); }

    // The text of the last committed state (writePlan of it) and whether it reads back
    // (autosave stores only plans that do; the reason when not).
    const std::string& CommittedText() const { return m_text; }
    bool CommittedReadable() const { return m_readable; }
    const std::string& CommittedProblem() const { return m_problem; }
    // The revision of the last committed state (live edits move revision() past it).
    std::uint64_t CommittedRevision() const { return m_committed_revision; }
    // The description of the step that made the committed state ("" at the start).
    const std::string& CommittedDescription() const { return m_committed_description; }

    // Moves on every change of the committed text (not on steps that change nothing).
    std::uint64_t TextVersion() const { return m_text_version; }

    // Bytes the undo and redo history hold (texts of the deltas, snapshots).
    std::size_t HistoryBytes() const { return m_history_bytes; }
    // Forgets every undo and redo step (to free memory).
    void DropHistory() { ClearHistory(); }

    // The history as JSON text, newest steps first up to `max_bytes`: {"v", "text_bytes",
    // "text_hash", "undo": [{"d", "h": [[pos, len, text], ...]}], "redo": [...]}. Steps that
    // lead to a plan that does not read back (kept as a copy) end what is written.
    std::string SerializeHistory(std::size_t max_bytes) const;
    // Takes a history written by SerializeHistory for the current committed text; false
    // (and no history) when it belongs to another text or does not parse.
    bool RestoreHistory(const std::string& json);

    // Set by autosave: the revision last written to storage.
    std::uint64_t saved_revision = 0;

    static constexpr std::size_t kMaxSteps = 200;
    static constexpr std::size_t kMaxHistoryBytes = 64u << 20;   // 64 MiB
    // Changes the byte bound (tests); 0 restores kMaxHistoryBytes.
    void SetHistoryBudget(std::size_t bytes) { m_budget = bytes ? bytes : kMaxHistoryBytes; Trim(); }

private:
    struct Step {
        std::string description;
        TextDelta delta;                              // turns the newer text into this step's
        std::shared_ptr<const rp::Plan> snapshot;     // set when this step's text does not read back
        bool readable = true;                         // this step's text reads back
        std::string problem;                          // why not
        std::size_t bytes = 0;
    };
    // Writes the plan, makes the step from the previous text, and makes this the committed state.
    void Commit(const std::string& description, std::optional<bool> readable);
    void PushUndo(Step step);
    void Trim();
    std::string Move(std::vector<Step>& from, std::vector<Step>& to);
    void ClearHistory();
    static std::size_t StepBytes(const Step& s);
    void Touch() { ++m_revision; }
    // After a failed edit (out of memory): the plan back as it was last committed.
    void RestoreCommitted();

    rp::Plan m_plan;                  // what the windows show and edit
    std::string m_text;               // writePlan of the committed state
    bool m_readable = true;
    std::string m_problem;
    std::shared_ptr<const rp::Plan> m_unreadable;   // copy of the committed state when it does not read back
    std::string m_committed_description;
    bool m_live_dirty = false;
    std::vector<Step> m_undo, m_redo; // oldest first; back() is the next to undo / redo
    std::size_t m_history_bytes = 0;
    std::size_t m_budget = kMaxHistoryBytes;
    std::uint64_t m_revision = 1;
    std::uint64_t m_committed_revision = 1;
    std::uint64_t m_text_version = 1;
    mutable std::string m_hash;                 // TextHash(m_text), computed when asked
    mutable std::uint64_t m_hash_version = 0;   // the text version it belongs to
    const std::string& Hash() const;
};

// FNV-1a of a text (64 bits), written as 16 hex digits: ties a stored history to its plan.
std::string TextHash(std::string_view text);

}  // namespace app
