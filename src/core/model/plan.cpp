// The plan model's helpers: people look-up, severity defaults (escalation.md) and the
// strict text forms of dates, times, weekdays and enums (plan-format.md "Fields").
#include "core/model/plan.hpp"

#include "core/model/digits.hpp"

#include <cstdio>

namespace rp {

// [SECTION] people

const Person* Plan::findPerson(const std::string& id) const {
    for (const Person& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

std::string Plan::nameOf(const std::string& id) const {
    const Person* p = findPerson(id);
    return p ? p->name : id;
}

PersonIndex::PersonIndex(const Plan& plan) {
    by_id_.reserve(plan.people.size());
    for (const Person& p : plan.people) by_id_.emplace(p.id, &p);  // emplace keeps the first
}

const Person* PersonIndex::find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
}

const std::string& PersonIndex::nameOf(const std::string& id) const {
    const Person* p = find(id);
    return p ? p->name : id;
}

// [SECTION] severity defaults (escalation.md "Policy")

SeverityPolicy defaultSeverity(const std::string& name) {
    SeverityPolicy s;
    if (name == "P0") {
        s.escalate_every_minutes = 30;
        s.reaches_ceo = true;
    } else if (name == "P1") {
        s.escalate_every_minutes = 120;
    } else if (name == "P2" || name == "P3") {
        s.coverage = Coverage::BusinessHours;
        s.respond_minutes = 120;
    }
    return s;
}

std::vector<std::string> defaultReadinessChecklist() {
    return {"github", "vercel", "supabase", "sentry", "dashboards", "database-read",
            "runbooks-reviewed", "practice-incident"};
}

// [SECTION] text forms

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The value of n decimal digits at s[at..at+n), or -1 when one is not a digit.
int digits(const std::string& s, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (!isDigit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

const char* const kWeekdays[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};

}  // namespace

std::string formatDate(Date d) {
    char buf[32];
    return std::string(buf, fixed::putDate(buf, date::year_month_day{d}));
}

std::optional<Date> parseDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;  // month 1..12, day within that month (leap years)
    return Date{ymd};
}

std::string formatHm(int minute_of_day) {
    if (minute_of_day < 0) minute_of_day = 0;
    char buf[16];
    return std::string(buf, fixed::putClock(buf, minute_of_day * 60LL, false));
}

std::optional<double> parseDecimal(std::string_view s, std::size_t max_chars) {
    if (s.empty() || s.size() > max_chars) return std::nullopt;
    double v = 0, scale = 0;
    bool digits = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            digits = true;
            if (scale == 0) v = v * 10 + (c - '0');
            else v += (c - '0') * scale, scale /= 10;
        } else if (c == '.' && scale == 0) {
            scale = 0.1;
        } else {
            return std::nullopt;
        }
    }
    if (!digits) return std::nullopt;
    return v;
}

std::optional<int> parseHm(const std::string& s) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    const int h = digits(s, 0, 2), m = digits(s, 3, 2);
    if (h < 0 || m < 0 || h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

const char* weekdayName(int c_encoding) {
    return c_encoding >= 0 && c_encoding < 7 ? kWeekdays[c_encoding] : "?";
}

std::optional<int> parseWeekday(const std::string& s) {
    for (int i = 0; i < 7; ++i)
        if (s == kWeekdays[i]) return i;
    return std::nullopt;
}

const char* roleName(Role r) {
    switch (r) {
        case Role::Primary: return "primary";
        case Role::Secondary: return "secondary";
        case Role::Shadow: return "shadow";
    }
    return "?";
}

const char* requestStatusName(RequestStatus s) {
    switch (s) {
        case RequestStatus::Pending: return "pending";
        case RequestStatus::Approved: return "approved";
        case RequestStatus::Applied: return "applied";
        case RequestStatus::Rejected: return "rejected";
    }
    return "?";
}

const char* requestTypeName(RequestType t) {
    switch (t) {
        case RequestType::Swap: return "swap";
        case RequestType::Cover: return "cover";
    }
    return "?";
}

}  // namespace rp
