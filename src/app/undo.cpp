// Document: the open plan, its committed text and the undo/redo history as text deltas.
//
// [SECTION] TextDelta: between two texts, apply, inverse
// [SECTION] Document: steps, commit, undo/redo, the byte bound
// [SECTION] Document: history written out and read back
#include "undo.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "core/model/plan_io.hpp"

namespace app {

// ---- [SECTION] TextDelta -------------------------------------------------------------

namespace {

// Lines of `text`, each with its '\n' (the last may lack one).
std::vector<std::string_view> SplitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

void AddHunk(TextDelta& d, std::size_t pos, std::size_t len, std::string_view text) {
    if (len == 0 && text.empty()) return;
    if (!d.hunks.empty()) {
        TextDelta::Hunk& last = d.hunks.back();
        if (last.pos + last.len == pos) {   // adjacent: one hunk
            last.len += len;
            last.text.append(text);
            return;
        }
    }
    d.hunks.push_back({pos, len, std::string(text)});
}

// Middles up to this size are one hunk; larger ones are compared line by line.
constexpr std::size_t kSmallMiddle = 4096;
// How far ahead (lines) a mismatch looks for the texts to agree again.
constexpr std::size_t kLookAhead = 16;
// After this many mismatched lines in a row with no agreement found, the rest is one hunk.
constexpr int kGiveUp = 64;

}  // namespace

TextDelta TextDelta::Between(std::string_view from, std::string_view to) {
    TextDelta d;
    const std::size_t n1 = from.size(), n2 = to.size();
    std::size_t p = 0;
    const std::size_t limit = std::min(n1, n2);
    while (p < limit && from[p] == to[p]) ++p;
    if (p == n1 && p == n2) return d;
    std::size_t s = 0;
    while (s < limit - p && from[n1 - 1 - s] == to[n2 - 1 - s]) ++s;
    // Whole lines only, so every hunk holds whole UTF-8 sequences.
    while (p > 0 && from[p - 1] != '\n') --p;
    while (s > 0 && from[n1 - s - 1] != '\n') --s;
    const std::string_view a = from.substr(p, n1 - s - p), b = to.substr(p, n2 - s - p);
    if (a.size() + b.size() <= kSmallMiddle) {
        AddHunk(d, p, a.size(), b);
        return d;
    }
    const std::vector<std::string_view> la = SplitLines(a), lb = SplitLines(b);
    const std::size_t na = la.size(), nb = lb.size();
    std::size_t i = 0, j = 0, pos = p;
    int misses = 0;
    while (i < na || j < nb) {
        if (i < na && j < nb && la[i] == lb[j]) {
            pos += la[i].size();
            ++i;
            ++j;
            misses = 0;
            continue;
        }
        std::size_t di = 0, dj = 0;
        bool found = false;
        if (misses < kGiveUp && i < na && j < nb) {
            // The nearest (di, dj) where the texts agree again; of equal sums, the most
            // balanced (a changed line before an inserted one).
            for (std::size_t dsum = 1; dsum <= 2 * kLookAhead && !found; ++dsum) {
                std::size_t best_score = ~std::size_t(0);
                for (std::size_t ci = 0; ci <= dsum; ++ci) {
                    const std::size_t cj = dsum - ci;
                    if (ci > kLookAhead || cj > kLookAhead || i + ci >= na || j + cj >= nb) continue;
                    const std::size_t score = ci > cj ? ci - cj : cj - ci;
                    if (score < best_score && la[i + ci] == lb[j + cj]) {
                        best_score = score;
                        di = ci;
                        dj = cj;
                        found = true;
                    }
                }
            }
        }
        if (!found) {
            if (i < na && j < nb && misses < kGiveUp) {
                di = dj = 1;   // a changed line
                ++misses;
            } else {
                di = na - i;   // the rest
                dj = nb - j;
            }
        } else {
            misses = 0;
        }
        std::size_t len = 0;
        for (std::size_t k = 0; k < di; ++k) len += la[i + k].size();
        std::string text;
        for (std::size_t k = 0; k < dj; ++k) text.append(lb[j + k]);
        AddHunk(d, pos, len, text);
        pos += len;
        i += di;
        j += dj;
    }
    return d;
}

std::string TextDelta::ApplyTo(std::string_view source) const {
    std::size_t size = source.size();
    for (const Hunk& h : hunks) size = size - h.len + h.text.size();
    std::string out;
    out.reserve(size);
    std::size_t at = 0;
    for (const Hunk& h : hunks) {
        out.append(source.substr(at, h.pos - at));
        out.append(h.text);
        at = h.pos + h.len;
    }
    out.append(source.substr(at));
    return out;
}

TextDelta TextDelta::Inverse(std::string_view source) const {
    TextDelta back;
    back.hunks.reserve(hunks.size());
    std::ptrdiff_t shift = 0;   // how far the result's offsets are from the source's
    for (const Hunk& h : hunks) {
        back.hunks.push_back({static_cast<std::size_t>(static_cast<std::ptrdiff_t>(h.pos) + shift), h.text.size(),
                              std::string(source.substr(h.pos, h.len))});
        shift += static_cast<std::ptrdiff_t>(h.text.size()) - static_cast<std::ptrdiff_t>(h.len);
    }
    return back;
}

std::size_t TextDelta::Bytes() const {
    std::size_t n = sizeof(TextDelta) + hunks.capacity() * sizeof(Hunk);
    for (const Hunk& h : hunks) n += h.text.capacity();
    return n;
}

std::string TextHash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// ---- [SECTION] Document: steps, commit, undo/redo ---------------------------------------

Document::Document() : m_text(rp::writePlan(m_plan)) {}

std::size_t Document::StepBytes(const Step& s) {
    std::size_t n = sizeof(Step) + s.description.capacity() + s.problem.capacity() + s.delta.Bytes();
    return n;
}

void Document::ClearHistory() {
    m_undo.clear();
    m_redo.clear();
    m_history_bytes = 0;
}

void Document::PushUndo(Step step) {
    for (const Step& r : m_redo) m_history_bytes -= r.bytes;
    m_redo.clear();
    m_history_bytes += step.bytes;
    m_undo.push_back(std::move(step));
    Trim();
}

// Drops the oldest steps until the history is within its step and byte bounds.
void Document::Trim() {
    std::size_t drop = 0;
    std::size_t bytes = m_history_bytes;
    while (drop < m_undo.size() && (m_undo.size() - drop > kMaxSteps || bytes > m_budget)) {
        bytes -= m_undo[drop].bytes;
        ++drop;
    }
    if (drop) m_undo.erase(m_undo.begin(), m_undo.begin() + static_cast<std::ptrdiff_t>(drop));
    while (!m_redo.empty() && bytes > m_budget) {   // then the farthest redo steps
        bytes -= m_redo.front().bytes;
        m_redo.erase(m_redo.begin());
    }
    m_history_bytes = bytes;
}

void Document::Commit(const std::string& description, std::optional<bool> readable) {
    std::string text = rp::writePlan(m_plan);
    m_committed_revision = m_revision;
    if (text == m_text) return;   // the plan did not change: no step
    bool ok = true;
    std::string problem;
    if (readable) {
        ok = *readable;
    } else {
        rp::LoadResult r = rp::readPlan(text);
        ok = r.ok();
        if (!ok) problem = r.error ? r.error->str() : std::string("the plan does not read back");
    }
    Step step;
    step.description = description;
    step.delta = TextDelta::Between(text, m_text);
    step.readable = m_readable;
    step.problem = m_problem;
    step.snapshot = m_readable ? nullptr : m_unreadable;
    step.bytes = StepBytes(step) + (step.snapshot ? m_text.size() * 3 : 0);
    std::shared_ptr<const rp::Plan> unreadable = ok ? nullptr : std::make_shared<const rp::Plan>(m_plan);
    PushUndo(std::move(step));
    m_text = std::move(text);
    m_readable = ok;
    m_problem = std::move(problem);
    m_unreadable = std::move(unreadable);
    m_committed_description = description;
    ++m_text_version;
}

void Document::RestoreCommitted() {
    m_live_dirty = false;
    if (m_unreadable) {
        m_plan = *m_unreadable;
    } else {
        rp::LoadResult r = rp::readPlan(m_text);
        if (r.ok()) m_plan = std::move(*r.plan);
    }
    Touch();
    m_committed_revision = m_revision;
}

void Document::Apply(const std::string& description, const std::function<void(rp::Plan&)>& edit) {
    if (m_live_dirty) LiveCommit("Edit");
    try {
        edit(m_plan);
        Touch();
        Commit(description, std::nullopt);
    } catch (...) {
        ClearHistory();   // frees memory for the way back
        RestoreCommitted();
        throw;
    }
}

void Document::Replace(const std::string& description, rp::Plan plan, bool read_back) {
    if (m_live_dirty) LiveCommit("Edit");
    rp::Plan old = std::move(m_plan);
    m_plan = std::move(plan);
    Touch();
    try {
        Commit(description, read_back ? std::optional<bool>(true) : std::nullopt);
    } catch (...) {
        m_plan = std::move(old);
        Touch();
        m_committed_revision = m_revision;
        throw;
    }
}

void Document::Reset(rp::Plan plan) {
    m_plan = std::move(plan);
    m_text = rp::writePlan(m_plan);
    m_readable = true;
    m_problem.clear();
    m_unreadable.reset();
    m_committed_description.clear();
    m_live_dirty = false;
    ClearHistory();
    Touch();
    m_committed_revision = m_revision;
    ++m_text_version;
}

void Document::LiveChanged() {
    m_live_dirty = true;
    Touch();
}

void Document::LiveCommit(const std::string& description) {
    if (!m_live_dirty) return;
    m_live_dirty = false;
    Commit(description, std::nullopt);
}

std::string Document::UndoDescription() const {
    if (m_live_dirty) return "Edit";
    return m_undo.empty() ? std::string() : m_undo.back().description;
}

std::string Document::RedoDescription() const {
    return m_redo.empty() ? std::string() : m_redo.back().description;
}

// Takes the newest step of `from`, goes to its state, and records the way back in `to`.
std::string Document::Move(std::vector<Step>& from, std::vector<Step>& to) {
    Step step = std::move(from.back());
    from.pop_back();
    m_history_bytes -= step.bytes;
    std::string text = step.delta.ApplyTo(m_text);
    rp::Plan plan;
    if (step.snapshot) {
        plan = *step.snapshot;
    } else {
        rp::LoadResult r = rp::readPlan(text);
        if (!r.ok()) {
            ClearHistory();
            return "the saved step does not read back (" + (r.error ? r.error->str() : std::string("unknown")) +
                   "); the undo history was cleared";
        }
        plan = std::move(*r.plan);
    }
    Step back;
    back.description = step.description;
    back.delta = step.delta.Inverse(m_text);
    back.readable = m_readable;
    back.problem = m_problem;
    back.snapshot = m_readable ? nullptr : m_unreadable;
    back.bytes = StepBytes(back) + (back.snapshot ? m_text.size() * 3 : 0);
    m_history_bytes += back.bytes;
    to.push_back(std::move(back));
    m_plan = std::move(plan);
    m_text = std::move(text);
    m_readable = step.readable;
    m_problem = step.problem;
    m_unreadable = step.snapshot;
    ++m_text_version;
    Touch();
    m_committed_revision = m_revision;
    Trim();
    return "";
}

std::string Document::Undo() {
    if (m_live_dirty) LiveCommit("Edit");
    if (m_undo.empty()) return "";
    const std::string what = m_undo.back().description;
    std::string error = Move(m_undo, m_redo);
    if (error.empty()) m_committed_description = "Undo " + what;
    return error;
}

std::string Document::Redo() {
    if (m_live_dirty || m_redo.empty()) return "";
    const std::string what = m_redo.back().description;
    std::string error = Move(m_redo, m_undo);
    if (error.empty()) m_committed_description = what;
    return error;
}

// ---- [SECTION] Document: history written out and read back -------------------------------

namespace {

rp::Json DeltaJson(const TextDelta& d) {
    rp::Json hunks = rp::Json::array();
    for (const TextDelta::Hunk& h : d.hunks) hunks.push_back(rp::Json::array({h.pos, h.len, h.text}));
    return hunks;
}

// Reads [[pos, len, text], ...]; checks that the hunks fit a source of `source_size`
// characters, in order; *result_size is the size of the text they make.
bool ReadDelta(const rp::Json& j, std::size_t source_size, TextDelta* out, std::size_t* result_size) {
    if (!j.is_array()) return false;
    std::size_t at = 0, size = source_size;
    for (const rp::Json& h : j) {
        if (!h.is_array() || h.size() != 3 || !h[0].is_number_unsigned() || !h[1].is_number_unsigned() ||
            !h[2].is_string())
            return false;
        TextDelta::Hunk hunk{h[0].get<std::size_t>(), h[1].get<std::size_t>(), h[2].get<std::string>()};
        if (hunk.pos < at || hunk.pos > source_size || hunk.len > source_size - hunk.pos) return false;
        at = hunk.pos + hunk.len;
        size = size - hunk.len + hunk.text.size();
        out->hunks.push_back(std::move(hunk));
    }
    *result_size = size;
    return true;
}

}  // namespace

const std::string& Document::Hash() const {
    if (m_hash_version != m_text_version || m_hash.empty()) {
        m_hash = TextHash(m_text);
        m_hash_version = m_text_version;
    }
    return m_hash;
}

std::string Document::SerializeHistory(std::size_t max_bytes) const {
    rp::Json out = {{"v", 1}, {"text_bytes", m_text.size()}, {"text_hash", Hash()}};
    std::size_t used = 0;
    auto steps = [&](const std::vector<Step>& list) {
        rp::Json arr = rp::Json::array();
        for (auto it = list.rbegin(); it != list.rend(); ++it) {   // newest first
            if (it->snapshot || !it->readable) break;   // a copy of an unreadable plan is not written
            std::size_t bytes = it->description.size() + 16;
            for (const TextDelta::Hunk& h : it->delta.hunks) bytes += h.text.size() + 24;
            if (used + bytes > max_bytes) break;
            used += bytes;
            arr.push_back({{"d", it->description}, {"h", DeltaJson(it->delta)}});
        }
        return arr;
    };
    out["undo"] = steps(m_undo);
    out["redo"] = steps(m_redo);
    return out.dump(-1, ' ', false, rp::Json::error_handler_t::replace);
}

bool Document::RestoreHistory(const std::string& json) {
    rp::Json j = rp::Json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    auto text_bytes = j.find("text_bytes");
    auto text_hash = j.find("text_hash");
    if (j.value("v", 0) != 1 || text_bytes == j.end() || !text_bytes->is_number_unsigned() ||
        text_bytes->get<std::size_t>() != m_text.size() || text_hash == j.end() || !text_hash->is_string() ||
        text_hash->get<std::string>() != Hash())
        return false;
    auto read = [&](const char* key, std::vector<Step>* out) {
        out->clear();
        auto arr = j.find(key);
        if (arr == j.end()) return true;
        if (!arr->is_array()) return false;
        std::size_t size = m_text.size();
        std::vector<Step> newest_first;
        for (const rp::Json& s : *arr) {
            if (!s.is_object() || !s.contains("d") || !s["d"].is_string() || !s.contains("h")) return false;
            Step step;
            step.description = s["d"].get<std::string>();
            std::size_t next = 0;
            if (!ReadDelta(s["h"], size, &step.delta, &next)) return false;
            size = next;
            step.bytes = StepBytes(step);
            newest_first.push_back(std::move(step));
        }
        out->assign(std::make_move_iterator(newest_first.rbegin()), std::make_move_iterator(newest_first.rend()));
        return true;
    };
    std::vector<Step> undo, redo;
    if (!read("undo", &undo) || !read("redo", &redo)) return false;
    if (m_live_dirty) LiveCommit("Edit");
    m_undo = std::move(undo);
    m_redo = std::move(redo);
    m_history_bytes = 0;
    for (const Step& s : m_undo) m_history_bytes += s.bytes;
    for (const Step& s : m_redo) m_history_bytes += s.bytes;
    Trim();
    return true;
}

}  // namespace app
