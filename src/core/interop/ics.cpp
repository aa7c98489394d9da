// The iCalendar reader (RFC 5545) for the feeds Grafana OnCall, PagerDuty and Opsgenie
// give, and Rotaplan's own: one person per event, named by its single ATTENDEE, else by
// SUMMARY (a leading "[L1] " level marker dropped). Rotaplan's own events carry
// "Person: Name (id)" in DESCRIPTION, which is used when present. docs/interop.md "iCalendar".
//
// [SECTION] content lines
// [SECTION] values
// [SECTION] events and recurrence
#include <algorithm>

#include "core/interop/common.hpp"
#include "core/interop/vendors.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

namespace rp::interop::detail {

namespace {

// [SECTION] content lines

struct Property {
    std::string name;                                        // upper case
    std::vector<std::pair<std::string, std::string>> params; // names upper case
    std::string value;
    int line = 0;
    std::optional<std::string> param(std::string_view key) const {
        for (const auto& [k, v] : params)
            if (k == key) return v;
        return std::nullopt;
    }
};

[[noreturn]] void failLine(int line, std::string message) {
    Failure f;
    f.message = std::move(message);
    f.ics_line = line;
    throw f;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// Unfolds the text into content lines and splits each into name, parameters and value.
std::vector<Property> contentLines(std::string_view text) {
    if (text.size() > kMaxPlanBytes) failLine(1, "the file is too large; files up to 50 MB are read");
    std::vector<std::pair<std::string, int>> lines;
    int number = 0;
    std::size_t pos = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a byte order mark
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        ++number;
        if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty()) lines.back().first.append(raw.substr(1));
        else if (!raw.empty()) lines.emplace_back(std::string(raw), number);
        if (end == text.size()) break;
        pos = end + 1;
    }
    std::vector<Property> out;
    out.reserve(lines.size());
    for (auto& [line, at] : lines) {
        Property p;
        p.line = at;
        // The name ends at ';' or ':'; parameter values may be quoted (and hold ':').
        std::size_t i = 0;
        while (i < line.size() && line[i] != ';' && line[i] != ':') ++i;
        p.name = upper(line.substr(0, i));
        while (i < line.size() && line[i] == ';') {
            const std::size_t eq = line.find('=', i + 1);
            if (eq == std::string::npos) failLine(at, "a parameter without '=' in \"" + line.substr(0, 60) + "\"");
            std::string key = upper(line.substr(i + 1, eq - i - 1));
            std::size_t j = eq + 1;
            std::string value;
            if (j < line.size() && line[j] == '"') {
                const std::size_t close = line.find('"', j + 1);
                if (close == std::string::npos) failLine(at, "an unclosed quote in a parameter");
                value = line.substr(j + 1, close - j - 1);
                j = close + 1;
            } else {
                while (j < line.size() && line[j] != ';' && line[j] != ':') ++j;
                value = line.substr(eq + 1, j - eq - 1);
            }
            p.params.emplace_back(std::move(key), std::move(value));
            i = j;
        }
        if (i >= line.size() || line[i] != ':')
            failLine(at, "expected NAME:VALUE, found \"" + line.substr(0, 60) + "\"");
        p.value = line.substr(i + 1);
        out.push_back(std::move(p));
    }
    return out;
}

// [SECTION] values

std::string unescapeText(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        out += (c == 'n' || c == 'N') ? '\n' : c;
    }
    return out;
}

std::string trim(std::string s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

int digitsAt(const std::string& s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

struct Moment {
    Instant at;
    bool date_only = false;
};

// DATE-TIME (UTC "Z", TZID, or floating in the calendar's zone) or DATE.
Moment parseMoment(const Property& p, const std::string& value, const date::time_zone* calendar_zone) {
    const int y = digitsAt(value, 0, 4), mo = digitsAt(value, 4, 2), d = digitsAt(value, 6, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1)
        failLine(p.line, "expected a date such as 20261130T090000Z in " + p.name + ", found \"" + value.substr(0, 40) + "\"");
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)}, date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) failLine(p.line, "no such date in " + p.name + ": \"" + value + "\"");
    const date::local_days day{ymd};
    const bool date_value = value.size() == 8 || p.param("VALUE") == std::optional<std::string>("DATE");
    if (date_value) {
        if (value.size() != 8) failLine(p.line, "expected a date such as 20261130 in " + p.name);
        return {localToInstant(calendar_zone, date::local_seconds{day.time_since_epoch()}), true};
    }
    if (value.size() < 15 || value[8] != 'T')
        failLine(p.line, "expected a date-time such as 20261130T090000Z in " + p.name + ", found \"" + value.substr(0, 40) + "\"");
    const int hh = digitsAt(value, 9, 2), mm = digitsAt(value, 11, 2), ss = digitsAt(value, 13, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
        failLine(p.line, "no such time in " + p.name + ": \"" + value + "\"");
    const date::local_seconds local = date::local_seconds{day.time_since_epoch()} + std::chrono::hours{hh} +
                                      std::chrono::minutes{mm} + std::chrono::seconds{std::min(ss, 59)};
    const std::string rest = value.substr(15);
    if (rest == "Z" || rest == "z") return {Instant{local.time_since_epoch()}, false};
    if (!rest.empty()) failLine(p.line, "unexpected \"" + rest + "\" after the time in " + p.name);
    if (auto tzid = p.param("TZID")) {
        std::string name = *tzid;
        if (!name.empty() && name[0] == '/') name.erase(0, 1);   // "/Europe/Berlin" (a global id)
        const date::time_zone* zone = findZone(name);
        if (!zone)
            failLine(p.line, "unknown TZID \"" + *tzid + "\" in " + p.name +
                                 ": expected an IANA zone name such as Europe/Berlin");
        return {localToInstant(zone, local), false};
    }
    return {localToInstant(calendar_zone, local), false};
}

// DURATION: [+]P[nW][nD][T[nH][nM][nS]]. Weeks and days are nominal (wall-clock days in
// the event's zone, RFC 5545 3.3.6); hours, minutes and seconds are exact.
struct Length {
    long days = 0;
    std::chrono::seconds exact{0};
};

Length parseDuration(const Property& p) {
    const std::string& v = p.value;
    std::size_t i = 0;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) {
        if (v[i] == '-') failLine(p.line, "a negative DURATION");
        ++i;
    }
    if (i >= v.size() || v[i] != 'P') failLine(p.line, "expected a DURATION such as PT12H or P7D, found \"" + v + "\"");
    ++i;
    Length length;
    bool time = false, any = false;
    while (i < v.size()) {
        if (v[i] == 'T') {
            time = true;
            ++i;
            continue;
        }
        long long n = 0;
        std::size_t start = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i - start < 9) n = n * 10 + (v[i++] - '0');
        if (i == start || i >= v.size()) failLine(p.line, "expected a DURATION such as PT12H or P7D, found \"" + v + "\"");
        const char unit = v[i++];
        if (unit == 'W' && !time) length.days += static_cast<long>(n) * 7;
        else if (unit == 'D' && !time) length.days += static_cast<long>(n);
        else if (unit == 'H' && time) length.exact += std::chrono::seconds{n * 3600};
        else if (unit == 'M' && time) length.exact += std::chrono::seconds{n * 60};
        else if (unit == 'S' && time) length.exact += std::chrono::seconds{n};
        else failLine(p.line, "expected a DURATION such as PT12H or P7D, found \"" + v + "\"");
        any = true;
    }
    if (!any) failLine(p.line, "an empty DURATION");
    return length;
}

// The end of an occurrence starting at `start` in `zone` (nullptr: UTC).
Instant endOf(Instant start, const date::time_zone* zone, const Length& length) {
    Instant end = start;
    if (length.days != 0) {
        if (!zone) end = start + date::days{length.days};
        else end = localToInstant(zone, localReading(zone, start).local + date::days{length.days});
    }
    return end + length.exact;
}

// The zone an event's DTSTART is read in: its TZID, UTC for a "Z" time, else the calendar's.
const date::time_zone* zoneOfStart(const Property& ds, const date::time_zone* calendar_zone) {
    if (auto tz = ds.param("TZID")) return findZone(tz->size() && (*tz)[0] == '/' ? tz->substr(1) : *tz);
    const std::string v = trim(ds.value);
    if (!v.empty() && (v.back() == 'Z' || v.back() == 'z')) return nullptr;
    return calendar_zone;
}

// [SECTION] events and recurrence

struct Event {
    int line = 0;                     // BEGIN:VEVENT
    std::vector<Property> props;
    const Property* find(std::string_view name) const {
        for (const Property& p : props)
            if (p.name == name) return &p;
        return nullptr;
    }
    int count(std::string_view name) const {
        return static_cast<int>(std::count_if(props.begin(), props.end(), [&](const Property& p) { return p.name == name; }));
    }
};

// Who an event names: the single ATTENDEE, else Rotaplan's "Person: Name (id)", else SUMMARY.
TimelineUser personOf(const Event& e) {
    TimelineUser u;
    if (e.count("ATTENDEE") == 1) {
        const Property* a = e.find("ATTENDEE");
        std::string v = trim(a->value);
        if (lower(v.substr(0, 7)) == "mailto:") v = v.substr(7);
        u.email = v;
        u.name = a->param("CN").value_or("");
        u.key = lower(v);
        if (!u.key.empty()) return u;
    }
    if (const Property* d = e.find("DESCRIPTION")) {
        const std::string text = unescapeText(d->value);
        const std::size_t at = text.find("Person: ");
        if (at != std::string::npos) {
            std::string line = text.substr(at + 8, text.find('\n', at) - at - 8);
            const std::size_t open = line.rfind(" (");
            if (open != std::string::npos && !line.empty() && line.back() == ')') {
                u.vendor_id = line.substr(open + 2, line.size() - open - 3);
                u.name = line.substr(0, open);
                u.key = u.vendor_id;
                if (!u.key.empty()) return u;
            }
        }
    }
    const Property* s = e.find("SUMMARY");
    if (!s) failLine(e.line, "the event names nobody: expected a SUMMARY with the person's name or one ATTENDEE");
    std::string who = trim(unescapeText(s->value));
    if (who.size() > 2 && who[0] == '[' && (who[1] == 'L' || who[1] == 'l')) {
        const std::size_t close = who.find(']');
        if (close != std::string::npos) who = trim(who.substr(close + 1));
    }
    if (who.empty()) failLine(s->line, "the event's SUMMARY names nobody");
    if (who.find('@') != std::string::npos && who.find(' ') == std::string::npos) u.email = who;
    else u.username = who;
    u.name = who;
    u.key = lower(who);
    return u;
}

// The level marker "[L2] " at the start of SUMMARY (Grafana OnCall's priority), else 0.
int levelOf(const Event& e) {
    const Property* s = e.find("SUMMARY");
    if (!s) return 0;
    const std::string v = trim(s->value);
    if (v.size() < 4 || v[0] != '[' || (v[1] != 'L' && v[1] != 'l')) return 0;
    int level = 0;
    std::size_t i = 2;
    while (i < v.size() && i < 6 && v[i] >= '0' && v[i] <= '9') level = level * 10 + (v[i++] - '0');
    return i < v.size() && v[i] == ']' ? level : 0;
}

struct Occurrence {
    Instant start, end;
    int line;
    int level;
};

}  // namespace

VendorTimeline readIcsTimeline(std::string_view text) {
    const std::vector<Property> props = contentLines(text);
    if (props.empty() || props.front().name != "BEGIN" || upper(props.front().value) != "VCALENDAR")
        failLine(props.empty() ? 1 : props.front().line, "not an iCalendar file: expected BEGIN:VCALENDAR first");
    VendorTimeline t;
    const date::time_zone* calendar_zone = findZone("UTC");
    std::vector<Event> events;
    std::vector<std::pair<std::string, int>> stack;   // open components and their BEGIN lines
    auto unclosed = [&]() {
        failLine(stack.back().second, "BEGIN:" + stack.back().first + " without its END:" + stack.back().first);
    };
    for (const Property& p : props) {
        if (p.name == "BEGIN") {
            const std::string name = upper(trim(p.value));
            if (name == "VEVENT" && !stack.empty() && stack.back().first == "VEVENT") unclosed();
            stack.emplace_back(name, p.line);
            if (name == "VEVENT") events.push_back({p.line, {}});
            continue;
        }
        if (p.name == "END") {
            const std::string name = upper(trim(p.value));
            if (stack.empty()) failLine(p.line, "END:" + p.value + " without its BEGIN");
            if (stack.back().first != name) {
                // END of an outer component: the inner one was never closed.
                for (const auto& open : stack)
                    if (open.first == name) unclosed();
                failLine(p.line, "END:" + p.value + " without its BEGIN");
            }
            stack.pop_back();
            continue;
        }
        if (stack.size() == 1 && p.name == "X-WR-TIMEZONE") {
            t.zone = trim(p.value);
            t.zone_line = p.line;
            if (const auto* z = findZone(*t.zone)) calendar_zone = z;
        } else if (stack.size() == 1 && p.name == "X-WR-CALNAME") {
            t.name = trim(unescapeText(p.value));
        } else if (!stack.empty() && stack.back().first == "VEVENT") {
            events.back().props.push_back(p);
        }
    }
    if (!stack.empty()) unclosed();

    // The zone all timed events name, when the calendar does not say.
    if (!t.zone) {
        std::optional<std::string> only;
        bool one = true;
        int line = 0;
        for (const Event& e : events)
            if (const Property* s = e.find("DTSTART"))
                if (auto tz = s->param("TZID")) {
                    if (only && *only != *tz) one = false;
                    if (!only) line = s->line;
                    only = *tz;
                }
        if (only && one) {
            t.zone = only->size() && (*only)[0] == '/' ? only->substr(1) : *only;
            t.zone_line = line;
        }
    }

    // Occurrences: plain events, then recurring series (RRULE with FREQ DAILY, WEEKLY or
    // HOURLY, INTERVAL, COUNT, UNTIL; EXDATE), with RECURRENCE-ID events replacing theirs.
    struct Series {
        const Event* event;
        TimelineUser user;
        Moment start;
        Length length;
        std::string uid;
        int level;
    };
    std::vector<std::pair<Occurrence, TimelineUser>> plain;
    std::vector<Series> series;
    std::vector<std::pair<std::string, Instant>> replaced;   // (UID, RECURRENCE-ID)
    Instant bounded_end = Instant::min();
    for (const Event& e : events) {
        if (const Property* st = e.find("STATUS"); st && upper(trim(st->value)) == "CANCELLED") continue;
        const Property* ds = e.find("DTSTART");
        if (!ds) failLine(e.line, "the event has no DTSTART");
        const Moment start = parseMoment(*ds, trim(ds->value), calendar_zone);
        const date::time_zone* zone = zoneOfStart(*ds, calendar_zone);
        Length length;
        if (const Property* de = e.find("DTEND")) {
            const Instant end = parseMoment(*de, trim(de->value), calendar_zone).at;
            if (end < start.at) failLine(de->line, "the event ends (DTEND) before it starts (DTSTART)");
            length.exact = end - start.at;
        } else if (const Property* du = e.find("DURATION")) {
            length = parseDuration(*du);
        } else if (start.date_only) {
            length.days = 1;
        }
        TimelineUser user = personOf(e);
        const int level = levelOf(e);
        const std::string uid = e.find("UID") ? trim(e.find("UID")->value) : std::string();
        if (const Property* rid = e.find("RECURRENCE-ID"))
            replaced.emplace_back(uid, parseMoment(*rid, trim(rid->value), calendar_zone).at);
        if (e.find("RRULE")) {
            series.push_back({&e, std::move(user), start, length, uid, level});
        } else {
            const Instant end = endOf(start.at, zone, length);
            plain.push_back({{start.at, end, e.line, level}, std::move(user)});
            bounded_end = std::max(bounded_end, end);
        }
    }
    std::vector<std::pair<Occurrence, TimelineUser>> expanded;
    for (const Series& s : series) {
        const Property* rule = s.event->find("RRULE");
        std::string freq;
        long interval = 1, count = -1;
        std::optional<Instant> until;
        std::vector<std::string> ignored;
        std::string v = upper(rule->value);
        std::size_t pos = 0;
        while (pos < v.size()) {
            std::size_t semi = v.find(';', pos);
            if (semi == std::string::npos) semi = v.size();
            const std::string part = v.substr(pos, semi - pos);
            const std::size_t eq = part.find('=');
            const std::string key = part.substr(0, eq), val = eq == std::string::npos ? "" : part.substr(eq + 1);
            if (key == "FREQ") freq = val;
            else if (key == "INTERVAL") interval = std::max(1L, std::atol(val.c_str()));
            else if (key == "COUNT") count = std::max(0L, std::atol(val.c_str()));
            else if (key == "UNTIL") until = parseMoment(*rule, val, calendar_zone).at;
            else if (key != "WKST" && !key.empty()) ignored.push_back(key);
            pos = semi + 1;
        }
        long step_days = 0, step_hours = 0;
        if (freq == "WEEKLY") step_days = 7 * interval;
        else if (freq == "DAILY") step_days = interval;
        else if (freq == "HOURLY") step_hours = interval;
        if ((step_days == 0 && step_hours == 0) || !ignored.empty()) {
            t.losses.push_back({"unsupported", std::nullopt, std::nullopt, std::nullopt,
                                "The event at line " + std::to_string(s.event->line) + " repeats by a rule Rotaplan does not "
                                "expand (" + rule->value + "): only its first occurrence is read."});
            count = 1;
            step_days = 1;
        }
        std::vector<Instant> excluded;
        for (const Property& p : s.event->props)
            if (p.name == "EXDATE") {
                std::size_t a = 0;
                const std::string list = trim(p.value);
                while (a <= list.size()) {
                    std::size_t b = list.find(',', a);
                    if (b == std::string::npos) b = list.size();
                    excluded.push_back(parseMoment(p, list.substr(a, b - a), calendar_zone).at);
                    a = b + 1;
                }
            }
        const bool unbounded = count < 0 && !until;
        Instant limit = until ? *until : Instant::max();
        if (unbounded) {
            limit = bounded_end != Instant::min() ? bounded_end : s.start.at + std::chrono::hours{24 * 7 * 52};
            t.losses.push_back({"outside-span", std::nullopt, std::nullopt, std::nullopt,
                                "The event at line " + std::to_string(s.event->line) +
                                    " repeats with no end; it is read up to " +
                                    formatRfc3339(findZone("UTC"), limit) + "."});
        }
        // Wall-clock steps in the event's own zone (a weekly 09:00 stays at 09:00).
        const date::time_zone* zone = zoneOfStart(*s.event->find("DTSTART"), calendar_zone);
        const date::local_seconds first = zone ? localReading(zone, s.start.at).local
                                               : date::local_seconds{s.start.at.time_since_epoch()};
        for (long k = 0; count < 0 || k < count; ++k) {
            if (k > 200000) break;  // a guard: ten years of hourly turns is under 90,000
            const date::local_seconds local = first + date::days{step_days * k} + std::chrono::hours{step_hours * k};
            const Instant a = zone ? localToInstant(zone, local) : Instant{local.time_since_epoch()};
            if (a > limit || (unbounded && a >= limit)) break;
            if (std::find(excluded.begin(), excluded.end(), a) != excluded.end()) continue;
            if (std::find(replaced.begin(), replaced.end(), std::make_pair(s.uid, a)) != replaced.end()) continue;
            expanded.push_back({{a, endOf(a, zone, s.length), s.event->line, s.level}, s.user});
        }
    }
    for (auto& e : expanded) plain.push_back(std::move(e));
    for (auto& [o, user] : plain) {
        const int who = t.addUser(user);
        t.addEntry(who, o.start, o.end, "line " + std::to_string(o.line), "line " + std::to_string(o.line), o.level);
    }
    return t;
}

}  // namespace rp::interop::detail
