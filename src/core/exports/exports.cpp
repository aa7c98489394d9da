// Exports (interfaces.md "Exports"): schedule JSON, iCalendar (RFC 5545), CSV (RFC 4180)
// and Markdown. Every export derives from resolveShifts() and is deterministic: the
// same plan and options give byte-identical text.
#include "core/exports/exports.hpp"

#include "core/model/digits.hpp"
#include "core/model/json_text.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <date/tz.h>

#include "core/changes/calendar.hpp"
#include "core/model/shifts.hpp"
#include "core/model/time.hpp"

namespace rp {
namespace {

// ---------------------------------------------------------------- shared helpers

const date::time_zone* teamZone(const Plan& plan) {
    if (const auto* z = findZone(plan.team_timezone)) return z;
    return findZone("UTC");
}

int roleOrder(Role r) {
    switch (r) {
        case Role::Primary: return 0;
        case Role::Secondary: return 1;
        case Role::Shadow: return 2;
    }
    return 3;
}

// The exported shifts: resolved pieces that belong to a week, sorted by start, then
// role (primary, secondary, shadow); ties keep resolveShifts' order (by week).
std::vector<Shift> exportedShifts(const Plan& plan, const std::vector<WeekSpan>& spans) {
    std::vector<Shift> shifts = resolveShifts(plan, spans);
    shifts.erase(std::remove_if(shifts.begin(), shifts.end(),
                                [&](const Shift& s) {
                                    return s.week < 0 || s.week >= static_cast<int>(plan.weeks.size()) ||
                                           !(s.start < s.end);
                                }),
                 shifts.end());
    const auto before = [](const Shift& a, const Shift& b) {
        if (a.start != b.start) return a.start < b.start;
        return roleOrder(a.role) < roleOrder(b.role);
    };
    // resolveShifts already sorts by start, then role: the stable sort is then a no-op,
    // and skipping it saves moving every shift through a merge buffer.
    if (!std::is_sorted(shifts.begin(), shifts.end(), before)) std::stable_sort(shifts.begin(), shifts.end(), before);
    return shifts;
}
std::vector<Shift> exportedShifts(const Plan& plan) { return exportedShifts(plan, weekSpans(plan)); }

std::string weekText(const Plan& plan, const Shift& s) {
    return formatDate(plan.weeks[static_cast<std::size_t>(s.week)].start);
}

const char* sourceName(const Shift& s) { return s.from_override ? "override" : "rotation"; }

// The escalation contact of a week: its own, else contacts.engineering_lead.
std::optional<std::string> escalationOf(const Plan& plan, const Week& w) {
    if (w.escalation && !w.escalation->empty()) return w.escalation;
    if (plan.contacts.engineering_lead && !plan.contacts.engineering_lead->empty())
        return plan.contacts.engineering_lead;
    return std::nullopt;
}

// Week indices sorted by start date (stable: plan order among equal starts).
std::vector<std::size_t> weeksByStart(const Plan& plan) {
    std::vector<std::size_t> idx(plan.weeks.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        return plan.weeks[a].start < plan.weeks[b].start;
    });
    return idx;
}

const char* coverageName(Coverage c) {
    return c == Coverage::BusinessHours ? "business_hours" : "24x7";
}

const char* noConsecutiveName(NoConsecutive n) {
    return n == NoConsecutive::Primary ? "primary" : "any";
}

Json policyToJson(const Plan& plan) {
    const Policy& p = plan.policy;
    Json j = Json::object();
    j["handoff"] = Json{{"weekday", weekdayName(p.handoff_weekday)},
                        {"time", formatHm(p.handoff_minute)}};
    j["no_consecutive"] = noConsecutiveName(p.no_consecutive);
    j["change_notice_days"] = p.change_notice_days;
    Json days = Json::array();
    for (int d : p.business_hours.days) days.push_back(weekdayName(d));
    j["business_hours"] = Json{{"start", formatHm(p.business_hours.start_minute)},
                               {"end", formatHm(p.business_hours.end_minute)},
                               {"days", days}};
    Json holidays = Json::array();
    for (const auto& h : p.holidays) holidays.push_back(formatDate(h));
    j["holidays"] = holidays;
    // P0..P3 always (defaults where the plan has none), then any other severity the
    // plan defines, in key order.
    std::map<std::string, SeverityPolicy> sev = p.severities;
    for (const char* name : {"P0", "P1", "P2", "P3"})
        if (!sev.count(name)) sev[name] = defaultSeverity(name);
    Json severities = Json::object();
    for (const auto& [name, s] : sev) {
        Json o = Json::object();
        o["coverage"] = coverageName(s.coverage);
        o["ack_minutes"] = s.ack_minutes;
        o["respond_minutes"] = s.respond_minutes;
        o["escalate_every_minutes"] =
            s.escalate_every_minutes ? Json(*s.escalate_every_minutes) : Json(nullptr);
        o["reaches_ceo"] = s.reaches_ceo;
        severities[name] = std::move(o);
    }
    j["severities"] = std::move(severities);
    return j;
}

// ---------------------------------------------------------------- iCalendar helpers

// RFC 5545 TEXT (putIcsText below) as a string.
char* putIcsText(char* p, std::string_view s);
std::string icsText(std::string_view s) {
    std::string out(2 * s.size(), '\0');
    out.resize(static_cast<std::size_t>(putIcsText(out.data(), s) - out.data()));
    return out;
}

// Appends one content line folded at 75 octets (CRLF not counted); continuation lines
// start with one space; a UTF-8 sequence is never split.
void icsLine(std::string& out, std::string_view line) {
    if (line.size() <= 75) {  // the common case: nothing to fold
        out.append(line).append("\r\n");
        return;
    }
    std::size_t pos = 0;
    bool first = true;
    do {
        const std::size_t limit = first ? 75 : 74;
        std::size_t n = std::min(limit, line.size() - pos);
        if (pos + n < line.size()) {
            while (n > 0 && (static_cast<unsigned char>(line[pos + n]) & 0xC0) == 0x80) --n;
            if (n == 0) n = std::min(limit, line.size() - pos);  // not UTF-8: cut anyway
        }
        if (!first) out += ' ';
        out.append(line.substr(pos, n));
        out += "\r\n";
        pos += n;
        first = false;
    } while (pos < line.size());
}

// Appends the iCalendar basic form of a wall-clock time, 20261130T090000, with a 'Z'
// when it is UTC.
void appendBasic(std::string& out, date::local_seconds t, bool utc) {
    char buf[48];
    out.append(buf, static_cast<std::size_t>(fixed::putBasic(buf, t, utc) - buf));
}
void appendBasicUtc(std::string& out, Instant t) { appendBasic(out, date::local_seconds{t.time_since_epoch()}, true); }

// ---------------------------------------------------------------- raw-buffer writing
//
// The per-shift loops of the ICS and JSON writers fill a char buffer through a pointer and
// hand it to the output string once per shift. In the wasm build every std::string append
// is an out-of-line call with its own capacity check (and the SSO checks of libc++), and
// the writers made a few dozen of them per shift: profiled, string appends were about a
// third of the ICS export there, against a few percent natively.

inline char* put(char* p, const char* s, std::size_t n) { return fixed::copy(p, s, n); }
inline char* put(char* p, std::string_view s) { return put(p, s.data(), s.size()); }

std::string_view roleText(Role r) {
    using namespace std::string_view_literals;
    switch (r) {
        case Role::Primary: return "primary"sv;
        case Role::Secondary: return "secondary"sv;
        case Role::Shadow: return "shadow"sv;
    }
    return "?"sv;
}

// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; CR and other control
// characters (except TAB) dropped, so no value can end a content line early. Into a buffer
// with room for 2 * s.size() bytes.
char* putIcsText(char* p, std::string_view s) {
    std::size_t run = 0;  // start of the pending run of characters copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0xC2 || c == 0xD8 || c == 0xE2) {  // spoofing characters (withoutSpoofing)
            bool brk = false;
            if (const std::size_t n = spoofingAt(s, i, &brk)) {
                p = put(p, s.data() + run, i - run);
                if (brk) *p++ = ' ';
                i += n - 1;
                run = i + 1;
            }
            continue;
        }
        const bool plain = ch != '\\' && ch != ';' && ch != ',' && ((c >= 0x20 && c != 0x7f) || ch == '\t');
        if (plain) continue;
        p = put(p, s.data() + run, i - run);
        run = i + 1;
        switch (ch) {
            case '\\': *p++ = '\\'; *p++ = '\\'; break;
            case ';': *p++ = '\\'; *p++ = ';'; break;
            case ',': *p++ = '\\'; *p++ = ','; break;
            case '\n': *p++ = '\\'; *p++ = 'n'; break;
            default: break;  // CR and other control characters are dropped
        }
    }
    return put(p, s.data() + run, s.size() - run);
}

// Ends the content line that starts at `line` and runs to `p`: CRLF, folded as icsLine
// folds when it is longer than 75 octets (the buffer has room for the folds: 3 bytes
// per 74 octets). `scratch` holds a copy of a long line while it is folded back.
char* endIcsLine(char* line, char* p, std::string& scratch) {
    const std::size_t len = static_cast<std::size_t>(p - line);
    if (len <= 75) {
        *p++ = '\r';
        *p++ = '\n';
        return p;
    }
    scratch.assign(line, len);
    const char* src = scratch.data();
    p = line;
    std::size_t pos = 0;
    bool first = true;
    do {
        const std::size_t limit = first ? 75 : 74;
        std::size_t n = std::min(limit, len - pos);
        if (pos + n < len) {
            while (n > 0 && (static_cast<unsigned char>(src[pos + n]) & 0xC0) == 0x80) --n;
            if (n == 0) n = std::min(limit, len - pos);  // not UTF-8: cut anyway
        }
        if (!first) *p++ = ' ';
        std::memcpy(p, src + pos, n);
        p += n;
        *p++ = '\r';
        *p++ = '\n';
        pos += n;
        first = false;
    } while (pos < len);
    return p;
}

std::string localBasic(date::local_seconds t) {
    std::string out;
    appendBasic(out, t, false);
    return out;
}

std::string icsOffset(std::chrono::seconds off) {
    long long s = off.count();
    const char sign = s < 0 ? '-' : '+';
    if (s < 0) s = -s;
    char buf[24];
    buf[0] = sign;
    return std::string(buf, fixed::putClock(buf + 1, s, s % 60 != 0, false));
}

bool isUtcZoneName(const std::string& name) {
    static const char* const names[] = {
        "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu",
        "GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0",
        "Etc/Greenwich", "Greenwich"};
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

// A VTIMEZONE built from the tz database: one STANDARD/DAYLIGHT sub-component per
// period in force during [from, to], each with the DTSTART of its transition (local
// time before it), TZOFFSETFROM and TZOFFSETTO.
void icsTimezone(std::string& out, const date::time_zone* zone, const std::string& tzid,
                 Instant from, Instant to) {
    icsLine(out, "BEGIN:VTIMEZONE");
    icsLine(out, "TZID:" + tzid);
    auto info = zone->get_info(from);
    // Periods without a known start (fixed-offset zones) or from before 1900 (local mean
    // time) get a nominal 1970 DTSTART: they are in force long before any exported shift.
    const auto oldest = date::sys_seconds{date::sys_days{date::year{1900} / 1 / 1}};
    // A calendar that opens in daylight saving time also gets the standard period before
    // it: readers such as python's icalendar cannot place DAYLIGHT without a STANDARD.
    if (info.save != std::chrono::minutes{0} && info.begin > oldest) info = zone->get_info(info.begin - std::chrono::seconds{1});
    for (int guard = 0; guard < 10000; ++guard) {
        const bool daylight = info.save != std::chrono::minutes{0};
        std::chrono::seconds off_from = info.offset;
        std::string dtstart = "19700101T000000";
        if (info.begin > oldest) {
            off_from = zone->get_info(info.begin - std::chrono::seconds{1}).offset;
            dtstart = localBasic(date::local_seconds{(info.begin + off_from).time_since_epoch()});
        }
        const std::string kind = daylight ? "DAYLIGHT" : "STANDARD";
        icsLine(out, "BEGIN:" + kind);
        icsLine(out, "DTSTART:" + dtstart);
        icsLine(out, "TZOFFSETFROM:" + icsOffset(off_from));
        icsLine(out, "TZOFFSETTO:" + icsOffset(info.offset));
        if (!info.abbrev.empty()) icsLine(out, "TZNAME:" + icsText(info.abbrev));
        icsLine(out, "END:" + kind);
        if (info.end > to) break;
        info = zone->get_info(info.end);
    }
    icsLine(out, "END:VTIMEZONE");
}

// The export's "people" array: every person with the zone they are on call in.
Json peopleJson(const Plan& plan) {
    Json people = Json::array();
    for (const auto& p : plan.people) {
        Json o = Json::object();
        o["id"] = p.id;
        o["name"] = p.name;
        if (p.email) o["email"] = *p.email;
        if (p.phone) o["phone"] = *p.phone;
        o["timezone"] = p.timezone ? *p.timezone : plan.team_timezone;
        people.push_back(std::move(o));
    }
    return people;
}

// Text written through a pointer into a 16 KiB buffer that is never zero-filled
// (std::string::resize would be) and appended to the output string whenever it fills:
// in the wasm build one large append is a single memory move, where an append per item
// copies a few hundred bytes at a time through the C library's memcpy. (A buffer for the
// whole text would be fresh pages from the system natively, faulted in on every call.)
class ChunkedText {
  public:
    explicit ChunkedText(std::string& out) : out_(out), data_(new char[kChunk]), cap_(kChunk) {}
    ~ChunkedText() { flush(); }
    ChunkedText(const ChunkedText&) = delete;
    ChunkedText& operator=(const ChunkedText&) = delete;
    // Room for n more bytes, written from the pointer returned; done() ends them.
    char* room(std::size_t n) {
        if (cap_ - size_ < n) {
            flush();
            if (n > cap_) {
                data_.reset(new char[n]);
                cap_ = n;
            }
        }
        return data_.get() + size_;
    }
    // The text now ends at p (inside the last room()).
    void done(const char* p) { size_ = static_cast<std::size_t>(p - data_.get()); }
    void flush() {
        out_.append(data_.get(), size_);
        size_ = 0;
    }

  private:
    static constexpr std::size_t kChunk = 16384;
    std::string& out_;
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0, cap_ = 0;
};

// The text of the last few instants written: a shift's end is the next one's start and
// the weeks' bounds repeat across roles, so most times are written several times over.
template <std::size_t N>
class TimeTexts {
  public:
    // The text cached for t, else nullptr.
    const std::string_view* find(Instant t) const {
        for (const Entry& e : entries_)
            if (e.used && e.t == t) return &e.view;
        return nullptr;
    }
    std::string_view add(Instant t, const char* text, std::size_t n) {
        Entry& e = entries_[next_];
        next_ = (next_ + 1) % 4;
        e.used = true;
        e.t = t;
        std::memcpy(e.text, text, n);
        e.view = std::string_view(e.text, n);
        return e.view;
    }

  private:
    struct Entry {
        bool used = false;
        Instant t;
        char text[N];
        std::string_view view;
    };
    Entry entries_[4];
    std::size_t next_ = 0;
};

// ---------------------------------------------------------------- CSV / Markdown helpers

std::string mdText(std::string_view raw) { return markdownText(raw, false); }

std::string localMinutes(const date::time_zone* zone, Instant t) {
    const auto local = zone->to_local(t);
    const auto day = date::floor<date::days>(local);
    const int minutes = static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
    return formatDate(Date{day.time_since_epoch()}) + " " + formatHm(minutes);
}

}  // namespace

std::size_t spoofingAt(std::string_view s, std::size_t i, bool* line_break) {
    const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    bool brk = false;
    std::size_t n = 0;
    if (b(0) == 0xC2 && b(1) == 0x85) n = 2, brk = true;                          // U+0085
    else if (b(0) == 0xD8 && b(1) == 0x9C) n = 2;                                 // U+061C
    else if (b(0) == 0xE2 && b(1) == 0x80) {
        const unsigned c = b(2);
        if (c == 0x8E || c == 0x8F || (c >= 0xAA && c <= 0xAE)) n = 3;            // U+200E/F, U+202A-E
        else if (c == 0xA8 || c == 0xA9) n = 3, brk = true;                       // U+2028/9
    } else if (b(0) == 0xE2 && b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9) {
        n = 3;                                                                    // U+2066-9
    }
    if (line_break) *line_break = brk;
    return n;
}

std::string withoutSpoofing(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        bool brk = false;
        const std::size_t n = (c == 0xC2 || c == 0xD8 || c == 0xE2) ? spoofingAt(s, i, &brk) : 0;
        if (n == 0) {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        if (brk) out += ' ';
        i += n;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
    return out;
}

std::string markdownText(std::string_view raw, bool escape_hash) {
    const std::string clean = withoutSpoofing(raw);
    std::string out;
    out.reserve(clean.size());
    for (char c : clean) {
        switch (c) {
            case '\\': case '|': case '*': case '_': case '`': case '[': case ']':
            case '<': case '>':
                out += '\\';
                out += c;
                break;
            case '#':
                if (escape_hash) out += '\\';
                out += c;
                break;
            case '\r': break;
            case '\n': out += ' '; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
                out += c;
        }
    }
    return out;
}

std::string csvCell(std::string s) {
    if (s.find_first_of("\xC2\xD8\xE2") != std::string::npos) s = withoutSpoofing(s);
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(0, 1, '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// ================================================================ schedule JSON

Json exportScheduleJson(const Plan& plan) {
    const auto* zone = teamZone(plan);
    Json j = Json::object();
    j["rotaplan_export"] = 1;
    j["team"] = Json{{"name", plan.team_name}, {"timezone", plan.team_timezone}};

    j["people"] = peopleJson(plan);

    Json contacts = Json::object();
    if (plan.contacts.engineering_lead) contacts["engineering_lead"] = *plan.contacts.engineering_lead;
    if (plan.contacts.cto) contacts["cto"] = *plan.contacts.cto;
    if (plan.contacts.ceo) contacts["ceo"] = *plan.contacts.ceo;
    if (plan.contacts.security) contacts["security"] = *plan.contacts.security;
    j["contacts"] = std::move(contacts);

    Json shifts = Json::array();
    for (const auto& s : exportedShifts(plan)) {
        Json o = Json::object();
        o["week"] = weekText(plan, s);
        o["role"] = roleName(s.role);
        o["person"] = s.person;
        o["start"] = formatRfc3339(zone, s.start);
        o["end"] = formatRfc3339(zone, s.end);
        o["source"] = sourceName(s);
        shifts.push_back(std::move(o));
    }
    j["shifts"] = std::move(shifts);

    Json escalation = Json::array();
    const auto spans = weekSpans(plan);
    for (std::size_t i : weeksByStart(plan)) {
        const auto who = escalationOf(plan, plan.weeks[i]);
        if (!who || i >= spans.size()) continue;
        Json o = Json::object();
        o["week"] = formatDate(plan.weeks[i].start);
        o["person"] = *who;
        o["start"] = formatRfc3339(zone, spans[i].start);
        o["end"] = formatRfc3339(zone, spans[i].end);
        escalation.push_back(std::move(o));
    }
    j["escalation"] = std::move(escalation);

    j["policy"] = policyToJson(plan);
    return j;
}

namespace {

// exportScheduleJson(plan).dump(2) + "\n" written straight out (json_text.hpp): the
// shifts and escalation lists, the bulk of the text, never become a Json tree. False when
// some text is not well-formed UTF-8 (nlohmann then throws, as it always did).
bool writeScheduleJson(const Plan& plan, std::string& out) {
    using namespace jsontext;
    const auto* zone = teamZone(plan);
    const auto spans = weekSpans(plan);
    const std::vector<Shift> shifts = exportedShifts(plan, spans);
    out.reserve(256 + 200 * plan.people.size() + 190 * shifts.size() + 170 * plan.weeks.size());
    out += "{\n  \"rotaplan_export\": 1,\n  \"team\": ";
    if (!appendValue(out, Json{{"name", plan.team_name}, {"timezone", plan.team_timezone}}, 1)) return false;
    // Each list item is written into `buf` (raw-buffer writing above) and appended once:
    // {"key": "text", ...} at depth 2, every value a string; dates, roles, times and
    // sources are ASCII that JSON keeps as it is, other text goes through the escaper.
    using namespace std::string_view_literals;
    ChunkedText raw(out);
    auto room = [&](std::size_t n) { return raw.room(n); };
    auto flush = [&](const char* p) { raw.done(p); };
    // People, contacts, shifts and escalation: written through `raw`.
    auto add = [&](std::string_view text) { raw.done(put(raw.room(text.size()), text)); };
    add(",\n  \"people\": ");
    if (plan.people.empty()) {
        add("[]");
    } else {
        // peopleJson(plan) as appendValue lays it out.
        add("[");
        bool first = true;
        for (const Person& person : plan.people) {
            const std::string& tz = person.timezone ? *person.timezone : plan.team_timezone;
            char* p = room(256 + 6 * (person.id.size() + person.name.size() + tz.size() +
                                      (person.email ? person.email->size() : 0) + (person.phone ? person.phone->size() : 0)));
            p = jsontext::putString(put(p, first ? "\n    {\n      \"id\": "sv : ",\n    {\n      \"id\": "sv), person.id);
            if (p) p = jsontext::putString(put(p, ",\n      \"name\": "sv), person.name);
            if (p && person.email) p = jsontext::putString(put(p, ",\n      \"email\": "sv), *person.email);
            if (p && person.phone) p = jsontext::putString(put(p, ",\n      \"phone\": "sv), *person.phone);
            if (p) p = jsontext::putString(put(p, ",\n      \"timezone\": "sv), tz);
            if (!p) return false;
            flush(put(p, "\n    }"sv));
            first = false;
        }
        add("\n  ]");
    }
    add(",\n  \"contacts\": ");
    {
        Json contacts = Json::object();
        if (plan.contacts.engineering_lead) contacts["engineering_lead"] = *plan.contacts.engineering_lead;
        if (plan.contacts.cto) contacts["cto"] = *plan.contacts.cto;
        if (plan.contacts.ceo) contacts["ceo"] = *plan.contacts.ceo;
        if (plan.contacts.security) contacts["security"] = *plan.contacts.security;
        std::string text;
        if (!appendValue(text, contacts, 1)) return false;
        add(text);
    }
    auto putDay = [](char* p, Date d) { return fixed::putDate(p, date::year_month_day{d}); };
    TimeTexts<kRfc3339Max> times;
    auto putTime = [&](char* p, Instant t) {
        if (const std::string_view* text = times.find(t)) return put(p, *text);
        const std::size_t n = formatRfc3339To(p, zone, t);
        times.add(t, p, n);
        return p + n;
    };
    add(",\n  \"shifts\": ");
    if (shifts.empty()) {
        add("[]");
    } else {
        add("[");
        bool first = true;
        for (const auto& s : shifts) {
            char* p = room(512 + 6 * s.person.size());
            p = put(p, first ? "\n    {\n      \"week\": \""sv : ",\n    {\n      \"week\": \""sv);
            p = putDay(p, plan.weeks[static_cast<std::size_t>(s.week)].start);
            p = put(put(p, "\",\n      \"role\": \""sv), roleText(s.role));
            p = jsontext::putString(put(p, "\",\n      \"person\": "sv), s.person);
            if (!p) return false;
            p = putTime(put(p, ",\n      \"start\": \""sv), s.start);
            p = putTime(put(p, "\",\n      \"end\": \""sv), s.end);
            p = put(put(p, "\",\n      \"source\": \""sv), std::string_view(sourceName(s)));
            flush(put(p, "\"\n    }"sv));
            first = false;
        }
        add("\n  ]");
    }
    add(",\n  \"escalation\": ");
    {
        bool first = true;
        for (std::size_t i : weeksByStart(plan)) {
            const auto who = escalationOf(plan, plan.weeks[i]);
            if (!who || i >= spans.size()) continue;
            char* p = room(512 + 6 * who->size());
            p = put(p, first ? "[\n    {\n      \"week\": \""sv : ",\n    {\n      \"week\": \""sv);
            p = putDay(p, plan.weeks[i].start);
            p = jsontext::putString(put(p, "\",\n      \"person\": "sv), *who);
            if (!p) return false;
            p = putTime(put(p, ",\n      \"start\": \""sv), spans[i].start);
            p = putTime(put(p, "\",\n      \"end\": \""sv), spans[i].end);
            flush(put(p, "\"\n    }"sv));
            first = false;
        }
        add(first ? "[]" : "\n  ]");
    }
    raw.flush();
    out += ",\n  \"policy\": ";
    if (!appendValue(out, policyToJson(plan), 1)) return false;
    out += "\n}\n";
    return true;
}

}  // namespace

std::string exportJsonText(const Plan& plan) {
    std::string out;
    if (writeScheduleJson(plan, out)) return out;
    return exportScheduleJson(plan).dump(2) + "\n";
}

// ================================================================ iCalendar

std::string exportIcs(const Plan& plan, const IcsOptions& options) {
    const auto* zone = teamZone(plan);
    const bool utc = options.utc || zone == nullptr || isUtcZoneName(plan.team_timezone);
    // The zone's canonical name: "EST" (read as America/New_York) and legacy links such as
    // "US/Eastern" are written as the zone they stand for, which every calendar knows.
    const std::string tzid = zone ? std::string(zone->name()) : plan.team_timezone;

    // UIDs and SEQUENCEs (core/changes/calendar.hpp): computed over all shifts, so a
    // --person calendar has the same UIDs; the UID names week, role and piece, never the
    // person, and the calendar carries STATUS:CANCELLED for pieces that left it.
    const auto all = exportedShifts(plan);
    const CalendarState calendar = calendarState(plan, all, options.person);
    struct Event {
        const Shift* shift;
        const CalendarPiece* piece;
    };
    std::vector<Event> events;
    events.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Shift& s = all[i];
        if (options.person && s.person != *options.person) continue;
        events.push_back({&s, &calendar.pieces[i]});
    }

    const Instant stamp = options.stamp
        ? *options.stamp
        : date::floor<std::chrono::seconds>(std::chrono::system_clock::now());

    // Names by id, looked up twice per event.
    std::unordered_map<std::string_view, std::string_view> names;
    for (const Person& p : plan.people) names.emplace(p.id, p.name);
    auto nameOf = [&](const std::string& id) -> std::string_view {
        auto it = names.find(id);
        return it == names.end() ? std::string_view(id) : it->second;
    };
    const std::string dtstamp = "DTSTAMP:" + formatIcsUtc(stamp);

    std::string out;
    out.reserve(2048 + events.size() * 420);
    icsLine(out, "BEGIN:VCALENDAR");
    icsLine(out, "VERSION:2.0");
    icsLine(out, "PRODID:-//Rotaplan//Rotaplan 0.1//EN");
    icsLine(out, "CALSCALE:GREGORIAN");
    icsLine(out, "X-WR-CALNAME:" + icsText(plan.team_name + " on-call"));
    if (!utc) icsLine(out, "X-WR-TIMEZONE:" + tzid);

    if (!utc && (!events.empty() || !calendar.cancelled.empty())) {
        Instant from = events.empty() ? calendar.cancelled.front().start : events.front().shift->start;
        Instant to = events.empty() ? calendar.cancelled.front().end : events.front().shift->end;
        for (const Event& e : events) {
            from = std::min(from, e.shift->start);
            to = std::max(to, e.shift->end);
        }
        for (const CalendarCancel& c : calendar.cancelled) {
            from = std::min(from, c.start);
            to = std::max(to, c.end);
        }
        icsTimezone(out, zone, tzid, from, to);
    }

    // One buffer for the line being built, one for plain text before escaping: the
    // cancelled events below use them; the events themselves are written into
    // `events_text` (raw-buffer writing above).
    std::string line, text, scratch;
    ChunkedText events_text(out);
    line.reserve(256);
    text.reserve(256);
    using namespace std::string_view_literals;  // literals below: lengths known, no strlen
    auto timeProp = [&](std::string_view name, Instant t) {
        line.assign(name);
        if (!utc) {
            // A local time that occurs twice (daylight saving ends) is written in UTC:
            // RFC 5545 reads it as the first occurrence but some readers (ical.js) take
            // the second, so only the UTC form is unambiguous everywhere.
            const LocalReading reading = localReading(zone, t);
            if (reading.unique) {
                appendBasic(line.append(";TZID="sv).append(tzid).append(":"sv), reading.local, false);
                icsLine(out, line);
                return;
            }
        }
        appendBasicUtc(line.append(":"sv), t);
        icsLine(out, line);
    };
    // The value of a time property: ";TZID=...:20261130T090000" or ":20261130T140000Z".
    auto putTimeValue = [&](char* p, Instant t) {
        if (!utc) {
            const LocalReading reading = localReading(zone, t);
            if (reading.unique) {
                p = put(put(p, ";TZID="sv), tzid);
                *p++ = ':';
                return fixed::putBasic(p, reading.local, false);
            }
        }
        *p++ = ':';
        return fixed::putBasic(p, date::local_seconds{t.time_since_epoch()}, true);
    };
    TimeTexts<128> times;  // values of the last few instants (tzid: a zone name, a few dozen bytes)
    auto putTimeProp = [&](char* p, std::string_view name, Instant t) {
        char* const start = p;
        p = put(p, name);
        if (tzid.size() > 100) {
            p = putTimeValue(p, t);
        } else if (const std::string_view* text = times.find(t)) {
            p = put(p, *text);
        } else {
            char* const value = p;
            p = putTimeValue(p, t);
            times.add(t, value, static_cast<std::size_t>(p - value));
        }
        return endIcsLine(start, p, scratch);
    };

    for (const Event& e : events) {
        const Shift* s = e.shift;
        const std::string& uid = e.piece->uid;
        const std::string_view role = roleText(s->role);
        const std::string_view name = nameOf(s->person);
        const std::string* reason = nullptr;
        if (s->from_override && s->override_index >= 0 &&
            s->override_index < static_cast<int>(plan.overrides.size()) &&
            plan.overrides[static_cast<std::size_t>(s->override_index)].reason)
            reason = &*plan.overrides[static_cast<std::size_t>(s->override_index)].reason;
        // Room for the event: text escapes to at most twice its length, folding adds
        // 3 bytes per 74, the fixed text is under 400 bytes.
        const std::size_t raw = uid.size() + 2 * tzid.size() + plan.team_name.size() + 2 * name.size() +
                                s->person.size() + (reason ? reason->size() : 0) + dtstamp.size();
        char* p = events_text.room(512 + 4 * raw);
        p = put(p, "BEGIN:VEVENT\r\nUID:"sv);
        char* at = p - 4;
        p = endIcsLine(at, put(p, uid), scratch);
        at = p;
        p = endIcsLine(at, fixed::put(put(p, "SEQUENCE:"sv), e.piece->sequence, 1), scratch);
        at = p;
        p = endIcsLine(at, put(p, dtstamp), scratch);
        p = putTimeProp(p, "DTSTART"sv, s->start);
        p = putTimeProp(p, "DTEND"sv, s->end);
        // Text joined from pieces escaped one by one: the text between them is ASCII, so
        // no escape or spoofing character spans two pieces.
        at = p;
        p = putIcsText(put(p, "SUMMARY:"sv), plan.team_name);
        p = put(put(put(p, " on-call: "sv), role), " ("sv);
        p = putIcsText(p, name);
        *p++ = ')';
        p = endIcsLine(at, p, scratch);
        at = p;
        p = put(put(put(p, "DESCRIPTION:Role: "sv), role), "\\nWeek of "sv);
        p = fixed::putDate(p, date::year_month_day{plan.weeks[static_cast<std::size_t>(s->week)].start});
        p = putIcsText(put(p, "\\nPerson: "sv), name);
        p = putIcsText(put(p, " ("sv), s->person);
        p = put(put(p, ")\\nSource: "sv), std::string_view(sourceName(*s)));
        if (reason) p = putIcsText(put(p, "\\nReason: "sv), *reason);
        p = endIcsLine(at, p, scratch);
        events_text.done(put(p, "END:VEVENT\r\n"sv));
    }
    events_text.flush();
    // Pieces that left this calendar since the last publish: the same UID, a higher
    // SEQUENCE and STATUS:CANCELLED, so a re-import removes the stale event.
    for (const CalendarCancel& c : calendar.cancelled) {
        const std::string_view role = roleName(c.role);
        icsLine(out, "BEGIN:VEVENT"sv);
        icsLine(out, line.assign("UID:"sv).append(c.uid));
        icsLine(out, line.assign("SEQUENCE:"sv).append(std::to_string(c.sequence)));
        icsLine(out, dtstamp);
        timeProp("DTSTART", c.start);
        timeProp("DTEND", c.end);
        icsLine(out, "STATUS:CANCELLED"sv);
        text.assign("Cancelled: "sv).append(plan.team_name).append(" on-call: "sv).append(role);
        text.append(" ("sv).append(nameOf(c.person)).append(")"sv);
        line.assign("SUMMARY:"sv).append(icsText(text));
        icsLine(out, line);
        text.assign("This duty was removed or given to someone else since the rotation was published.\nRole: "sv).append(role);
        text.append("\nWeek of "sv).append(formatDate(c.week));
        line.assign("DESCRIPTION:"sv).append(icsText(text));
        icsLine(out, line);
        icsLine(out, "END:VEVENT"sv);
    }
    icsLine(out, "END:VCALENDAR");
    return out;
}

// ================================================================ CSV

std::string exportCsv(const Plan& plan) {
    const auto* zone = teamZone(plan);
    const PersonIndex people(plan);
    auto nameOf = [&](const std::string& id) -> const std::string& { return people.nameOf(id); };
    std::string out = "week,role,person,name,start,end,source\r\n";
    for (const auto& s : exportedShifts(plan)) {
        out += csvCell(weekText(plan, s)) + "," + csvCell(roleName(s.role)) + "," +
               csvCell(s.person) + "," + csvCell(nameOf(s.person)) + "," +
               csvCell(formatRfc3339(zone, s.start)) + "," + csvCell(formatRfc3339(zone, s.end)) +
               "," + csvCell(sourceName(s)) + "\r\n";
    }
    return out;
}

// ================================================================ Markdown

std::string exportMarkdown(const Plan& plan) {
    const auto* zone = teamZone(plan);
    const std::string dash = "\xE2\x80\x94";     // — (nobody)
    const std::string ndash = "\xE2\x80\x93";    // – (date range)
    const PersonIndex people(plan);
    auto nameOf = [&](const std::string& id) -> const std::string& { return people.nameOf(id); };
    auto who = [&](const std::optional<std::string>& id) {
        if (!id || id->empty()) return dash;
        return mdText(nameOf(*id));
    };

    std::string out = "# " + mdText(plan.team_name) + " on-call rotation\n\n";
    out += "| Week | Primary On-Call | Secondary On-Call | Escalation |\n";
    out += "| --- | --- | --- | --- |\n";
    for (std::size_t i : weeksByStart(plan)) {
        const Week& w = plan.weeks[i];
        out += "| " + formatDate(w.start) + " " + ndash + " " +
               formatDate(w.start + date::days{7}) + " | " + who(w.primary) + " | " +
               who(w.secondary) + " | " + who(escalationOf(plan, w)) + " |\n";
    }

    if (!plan.overrides.empty()) {
        out += "\n## Overrides (" + plan.team_timezone + " time)\n\n";
        for (const auto& o : plan.overrides) {
            out += "- " + localMinutes(zone, o.from.at) + " " + ndash + " " +
                   localMinutes(zone, o.to.at) + ": " + mdText(nameOf(o.person)) + " is " +
                   roleName(o.role);
            if (o.reason && !o.reason->empty()) out += " (" + mdText(*o.reason) + ")";
            out += "\n";
        }
    }

    out += "\n## Contacts\n\n";
    auto contact = [&](const char* label, const std::optional<std::string>& id) {
        out += std::string("- ") + label + ": ";
        if (!id || id->empty()) {
            out += dash + "\n";
            return;
        }
        out += mdText(nameOf(*id));
        std::vector<std::string> reach;
        if (const Person* p = people.find(*id)) {
            if (p->email && !p->email->empty()) reach.push_back(mdText(*p->email));
            if (p->phone && !p->phone->empty()) reach.push_back(mdText(*p->phone));
        }
        if (!reach.empty()) {
            out += " (";
            for (std::size_t k = 0; k < reach.size(); ++k) out += (k ? ", " : "") + reach[k];
            out += ")";
        }
        out += "\n";
    };
    contact("Engineering lead", plan.contacts.engineering_lead);
    contact("CTO", plan.contacts.cto);
    contact("CEO", plan.contacts.ceo);
    out += "- Security: " +
           (plan.contacts.security && !plan.contacts.security->empty() ? mdText(*plan.contacts.security)
                                                                         : dash) +
           "\n";
    return out;
}

}  // namespace rp
