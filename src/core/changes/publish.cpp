// Publishing (changes.md "rotaplan publish"; docs/changes.md).
#include "core/changes/publish.hpp"

#include "core/changes/calendar.hpp"
#include "core/changes/text.hpp"
#include "core/model/time.hpp"

namespace rp {

Published snapshotOf(const Plan& plan, Date today) {
    Published pub;
    pub.at = today;
    // Members other tools keep in the snapshot survive; Rotaplan's "ics" is replaced.
    if (plan.published) pub.extra = plan.published->extra;
    if (!pub.extra.is_object()) pub.extra = Json::object();
    pub.extra.erase("ics");
    pub.extra.erase("last_changes");
    pub.weeks.reserve(plan.weeks.size());
    for (const Week& w : plan.weeks) {
        Week s;
        s.start = w.start;
        s.primary = w.primary;
        s.secondary = w.secondary;
        s.escalation = w.escalation ? w.escalation : plan.contacts.engineering_lead;
        s.shadow = w.shadow;
        pub.weeks.push_back(std::move(s));
    }
    pub.overrides = plan.overrides;
    for (Override& o : pub.overrides) o.extra = Json::object();
    Json ics = calendarStateAfterPublish(plan, today);
    if (!ics["sequence"].empty() || !ics["cancelled"].empty()) pub.extra["ics"] = std::move(ics);
    if (const auto d = diffPublished(plan, today); d && !d->changes.empty()) {
        const auto* zone = changes_text::teamZone(plan);
        Json list = Json::array();
        for (const DutyChange& c : d->changes) {
            Json o = Json::object();
            o["week"] = formatDate(c.week);
            o["role"] = dutyName(c.role);
            o["from"] = c.from ? Json(*c.from) : Json(nullptr);
            o["to"] = c.to ? Json(*c.to) : Json(nullptr);
            o["start"] = formatRfc3339(zone, c.start);
            o["end"] = formatRfc3339(zone, c.end);
            if (c.whole_week) o["whole_week"] = true;
            list.push_back(std::move(o));
        }
        pub.extra["last_changes"] = Json{{"since", formatDate(plan.published->at)}, {"changes", std::move(list)}};
    }
    return pub;
}

PublishOutcome publishPlan(const Plan& plan, Date today, bool force) {
    PublishOutcome out;
    CheckOptions options;
    options.today = today;
    out.report = check(plan, options);
    for (const Violation& v : out.report.violations)
        if (v.severity == Severity::Error && v.rule != "late-change") out.blockers.push_back(v);
    if (!out.blockers.empty() && !force) {
        const Violation& v = out.blockers.front();
        out.message = "not published: the plan has " + std::to_string(out.blockers.size()) +
                      (out.blockers.size() == 1 ? " error" : " errors") + " besides late changes (first: " + v.rule +
                      (v.week ? " " + formatDate(*v.week) : std::string()) + ": " + v.message +
                      "); fix them or publish with --force";
        return out;
    }
    Plan p = plan;
    p.published = snapshotOf(plan, today);
    out.plan = std::move(p);
    return out;
}

std::optional<StoredChanges> lastPublishedChanges(const Plan& plan) {
    if (!plan.published || !plan.published->extra.is_object()) return std::nullopt;
    const Json& extra = plan.published->extra;
    if (!extra.contains("last_changes") || !extra["last_changes"].is_object()) return std::nullopt;
    const Json& lc = extra["last_changes"];
    if (!lc.contains("since") || !lc["since"].is_string() || !lc.contains("changes") || !lc["changes"].is_array())
        return std::nullopt;
    const auto since = parseDate(lc["since"].get<std::string>());
    if (!since) return std::nullopt;
    StoredChanges out{*since, {}};
    const auto* zone = changes_text::teamZone(plan);
    for (const Json& o : lc["changes"]) {
        if (!o.is_object()) continue;
        auto str = [&](const char* k) -> std::optional<std::string> {
            if (o.contains(k) && o[k].is_string()) return o[k].get<std::string>();
            return std::nullopt;
        };
        const auto week = str("week"), role = str("role"), start = str("start"), end = str("end");
        if (!week || !role || !start || !end) continue;
        DutyChange c;
        const auto w = parseDate(*week);
        const auto a = parseDateTime(zone, *start), b = parseDateTime(zone, *end);
        if (!w || !a || !b) continue;
        if (*role == "primary") c.role = Duty::Primary;
        else if (*role == "secondary") c.role = Duty::Secondary;
        else if (*role == "escalation") c.role = Duty::Escalation;
        else if (*role == "shadow") c.role = Duty::Shadow;
        else continue;
        c.week = *w;
        c.from = str("from");
        c.to = str("to");
        c.start = *a;
        c.end = *b;
        c.whole_week = o.contains("whole_week") && o["whole_week"].is_boolean() && o["whole_week"].get<bool>();
        out.changes.push_back(std::move(c));
    }
    return out;
}

}  // namespace rp
