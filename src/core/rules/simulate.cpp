// Change-request simulation (rules.md "Simulating a change request").
#include "core/rules/simulate.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace rp {

namespace {

int roleRank(Role r) { return r == Role::Primary ? 0 : r == Role::Secondary ? 1 : 2; }

std::optional<std::string>& roleField(Week& w, Role r) {
    switch (r) {
        case Role::Primary: return w.primary;
        case Role::Secondary: return w.secondary;
        case Role::Shadow: return w.shadow;
    }
    return w.primary;
}

std::string dateText(Date d) { return formatDate(d); }

const char* roleText(Role r) { return r == Role::Primary ? "primary" : r == Role::Secondary ? "secondary" : "shadow"; }

// Identity of a violation for introduced/resolved: (rule, week, people, request, severity).
struct IdentityLess {
    bool operator()(const Violation* a, const Violation* b) const {
        if (violationLess(*a, *b)) return true;
        if (violationLess(*b, *a)) return false;
        return a->severity < b->severity;
    }
};

bool isOwn(const Violation& v, const std::string& id) {
    return v.request && *v.request == id && (v.rule == "change-notice" || v.rule == "request-invalid");
}

// Violations of `a` (except the request's own) that `b` lacks, in report order.
std::vector<Violation> difference(const Report& a, const Report& b, const std::string& id) {
    std::set<const Violation*, IdentityLess> in_b;
    for (const Violation& v : b.violations) in_b.insert(&v);
    std::vector<Violation> out;
    for (const Violation& v : a.violations)
        if (!isOwn(v, id) && !in_b.count(&v)) out.push_back(v);
    return out;
}

}  // namespace

AppliedRequest applyRequest(const Plan& plan, const Request& request) {
    AppliedRequest result{plan, {}};
    if (!requestMismatch(plan, request).empty()) return result;

    // Which weeks change, decided on the original before anything is written.
    struct Edit {
        std::size_t week;
        Role role;
        std::string to;
    };
    std::vector<Edit> edits;
    for (std::size_t i = 0; i < plan.weeks.size(); ++i) {
        Week& w = result.plan.weeks[i];
        if (w.start == request.week) {
            const auto& f = roleField(w, request.role);
            if (f && *f == request.by) edits.push_back({i, request.role, request.with});
        }
        if (request.type == RequestType::Swap && w.start == requestWithWeek(request)) {
            const Role wr = requestWithRole(request);
            const auto& f = roleField(w, wr);
            if (f && *f == request.with) edits.push_back({i, wr, request.by});
        }
    }
    for (const Edit& e : edits) {
        auto& f = roleField(result.plan.weeks[e.week], e.role);
        result.changes.push_back({plan.weeks[e.week].start, e.role, f, e.to});
        f = e.to;
    }
    std::stable_sort(result.changes.begin(), result.changes.end(), [](const Change& a, const Change& b) {
        if (a.week != b.week) return a.week < b.week;
        return roleRank(a.role) < roleRank(b.role);
    });
    for (Request& r : result.plan.requests)
        if (r.id == request.id) r.status = RequestStatus::Applied;
    return result;
}

Simulation simulate(const Plan& plan, const Request& request) {
    Simulation sim;
    sim.request = request.id;
    sim.notice_days = noticeDays(request);

    AppliedRequest applied = applyRequest(plan, request);
    sim.changes = applied.changes;
    const Report before = check(plan);
    const Report after = check(applied.plan);
    sim.introduced = difference(after, before, request.id);
    sim.resolved = difference(before, after, request.id);

    const std::string mismatch = requestMismatch(plan, request);
    if (!mismatch.empty()) sim.reasons.push_back(mismatch);
    if (sim.notice_days < plan.policy.change_notice_days && !request.emergency)
        sim.reasons.push_back(changeNoticeMessage(plan, request));
    for (const Violation& v : sim.introduced)
        if (v.severity == Severity::Error)
            sim.reasons.push_back("It would introduce an error (" + v.rule + "): " + v.message);
    sim.verdict = sim.reasons.empty() ? Verdict::Approve : Verdict::Reject;
    return sim;
}

std::optional<Simulation> simulate(const Plan& plan, const std::string& request_id) {
    for (const Request& r : plan.requests)
        if (r.id == request_id) return simulate(plan, r);
    return std::nullopt;
}

const char* verdictName(Verdict v) { return v == Verdict::Approve ? "approve" : "reject"; }

Json changeToJson(const Change& c) {
    Json j = Json::object();
    j["week"] = dateText(c.week);
    j["role"] = roleText(c.role);
    j["from"] = c.from ? Json(*c.from) : Json(nullptr);
    j["to"] = c.to ? Json(*c.to) : Json(nullptr);
    return j;
}

Json simulationToJson(const Simulation& s) {
    Json j = Json::object();
    j["request"] = s.request;
    j["verdict"] = verdictName(s.verdict);
    j["notice_days"] = s.notice_days;
    j["changes"] = Json::array();
    for (const Change& c : s.changes) j["changes"].push_back(changeToJson(c));
    j["introduced"] = Json::array();
    for (const Violation& v : s.introduced) j["introduced"].push_back(violationToJson(v));
    j["resolved"] = Json::array();
    for (const Violation& v : s.resolved) j["resolved"].push_back(violationToJson(v));
    j["reasons"] = Json::array();
    for (const std::string& r : s.reasons) j["reasons"].push_back(r);
    return j;
}

std::string simulationToText(const Plan& plan, const Simulation& s) {
    auto name = [&](const std::optional<std::string>& id) -> std::string {
        if (!id) return "nobody";
        for (const Person& p : plan.people)
            if (p.id == *id) return p.name;
        return *id;
    };
    auto line = [](const Violation& v) {
        char head[64];
        std::snprintf(head, sizeof head, "  %-8s%-12s%-20s", severityName(v.severity),
                      v.week ? dateText(*v.week).c_str() : "-", v.rule.c_str());
        return std::string(head) + v.message + "\n";
    };
    std::string t = s.request + ": " + verdictName(s.verdict) + " (submitted " + std::to_string(s.notice_days) +
                    (s.notice_days == 1 ? " day" : " days") + " before the earliest week it changes)\n";
    t += "Changes:\n";
    if (s.changes.empty()) t += "  none\n";
    for (const Change& c : s.changes)
        t += "  " + dateText(c.week) + "  " + roleText(c.role) + ": " + name(c.from) + " -> " + name(c.to) + "\n";
    t += "Introduced:\n";
    if (s.introduced.empty()) t += "  none\n";
    for (const Violation& v : s.introduced) t += line(v);
    t += "Resolved:\n";
    if (s.resolved.empty()) t += "  none\n";
    for (const Violation& v : s.resolved) t += line(v);
    if (!s.reasons.empty()) {
        t += "Reasons:\n";
        for (const std::string& r : s.reasons) t += "  - " + r + "\n";
    }
    return t;
}

int exitCodeFor(const Simulation& s) { return s.verdict == Verdict::Approve ? 0 : 1; }

}  // namespace rp
