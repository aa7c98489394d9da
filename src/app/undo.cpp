#include "undo.hpp"

#include <utility>

namespace app {

Document::Document() = default;

void Document::Push(const std::string& description) {
    m_undo.push_back({description, m_committed});
    if (m_undo.size() > kMaxSteps) m_undo.erase(m_undo.begin());
    m_redo.clear();
}

void Document::Apply(const std::string& description, const std::function<void(rp::Plan&)>& edit) {
    if (m_live_dirty) LiveCommit("Edit");
    Push(description);
    edit(m_plan);
    m_committed = m_plan;
    Touch();
}

void Document::Replace(const std::string& description, rp::Plan plan) {
    if (m_live_dirty) LiveCommit("Edit");
    Push(description);
    m_plan = std::move(plan);
    m_committed = m_plan;
    Touch();
}

void Document::Reset(rp::Plan plan) {
    m_plan = std::move(plan);
    m_committed = m_plan;
    m_live_dirty = false;
    m_undo.clear();
    m_redo.clear();
    Touch();
}

void Document::LiveChanged() {
    m_live_dirty = true;
    Touch();
}

void Document::LiveCommit(const std::string& description) {
    if (!m_live_dirty) return;
    m_live_dirty = false;
    Push(description);
    m_committed = m_plan;
}

std::string Document::UndoDescription() const {
    if (m_live_dirty) return "Edit";
    return m_undo.empty() ? std::string() : m_undo.back().description;
}

std::string Document::RedoDescription() const {
    return m_redo.empty() ? std::string() : m_redo.back().description;
}

void Document::Undo() {
    if (m_live_dirty) LiveCommit("Edit");
    if (m_undo.empty()) return;
    Step step = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back({step.description, std::move(m_plan)});
    m_plan = std::move(step.plan);
    m_committed = m_plan;
    Touch();
}

void Document::Redo() {
    if (m_live_dirty || m_redo.empty()) return;
    Step step = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back({step.description, std::move(m_plan)});
    m_plan = std::move(step.plan);
    m_committed = m_plan;
    Touch();
}

}  // namespace app
