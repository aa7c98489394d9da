// Readiness (changes.md "not-ready").
#include "core/changes/readiness.hpp"

#include <algorithm>

namespace rp {

ReadinessIndex::ReadinessIndex(const Plan& plan) {
    if (!plan.policy.readiness) return;
    readiness_ = &*plan.policy.readiness;
    for (const Week& w : plan.weeks)
        if (w.shadow) shadow_starts_[*w.shadow].push_back(w.start);
    for (auto& kv : shadow_starts_) {
        std::sort(kv.second.begin(), kv.second.end());
        kv.second.erase(std::unique(kv.second.begin(), kv.second.end()), kv.second.end());
    }
}

int ReadinessIndex::shadowWeeksBefore(const std::string& id, Date week_start) const {
    auto it = shadow_starts_.find(id);
    if (it == shadow_starts_.end()) return 0;
    // A shadow week starting on s ends at the handoff of s + 7 days: before (or exactly
    // when) the week of week_start begins when s + 7 <= week_start.
    const Date last = week_start - date::days{7};
    return static_cast<int>(std::upper_bound(it->second.begin(), it->second.end(), last) - it->second.begin());
}

ReadinessStatus ReadinessIndex::status(const Person& p, Date week_start) const {
    ReadinessStatus s;
    if (!readiness_) return s;
    s.shadow_needed = readiness_->shadow_weeks;
    if (p.ready_since && *p.ready_since <= week_start) {
        s.by_ready_since = true;
        s.shadow_done = shadowWeeksBefore(p.id, week_start);
        return s;
    }
    s.shadow_done = shadowWeeksBefore(p.id, week_start);
    for (const std::string& item : readiness_->checklist) {
        const bool done = p.ready && std::find(p.ready->begin(), p.ready->end(), item) != p.ready->end();
        if (!done) s.missing.push_back(item);
    }
    s.ready = s.shadow_done >= s.shadow_needed && s.missing.empty();
    return s;
}

std::string readinessGapText(const ReadinessStatus& s) {
    std::string out;
    if (s.shadow_done < s.shadow_needed)
        out = std::to_string(s.shadow_done) + " of " + std::to_string(s.shadow_needed) +
              (s.shadow_needed == 1 ? " shadow week" : " shadow weeks") + " done";
    if (!s.missing.empty()) {
        if (!out.empty()) out += "; ";
        out += s.missing.size() == 1 ? "checklist item missing: " : "checklist items missing: ";
        for (std::size_t i = 0; i < s.missing.size(); ++i) out += (i ? ", " : "") + s.missing[i];
    }
    return out;
}

}  // namespace rp
