// Reading incident logs (docs/changes.md "The incident log").
//
// [SECTION] values
// [SECTION] CSV
// [SECTION] JSON
// [SECTION] entry point
#include "core/changes/incident_log.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <string_view>
#include <tuple>

#include "core/model/time.hpp"
#include "core/simulation/incidents.hpp"

namespace rp {

namespace {

// [SECTION] values

std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string quoted(const std::string& s) {
    std::string cut = s.size() > 60 ? s.substr(0, 57) + "..." : s;
    for (char& c : cut)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return "'" + cut + "'";
}

// "2026-12-05T02:00", also with seconds, Z or an offset; a space may stand for the T.
std::optional<Instant> instantValue(const date::time_zone* zone, std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.size() > 10 && s[10] == ' ') {
        std::string t(s);
        t[10] = 'T';
        return parseDateTime(zone, t);
    }
    return parseDateTime(zone, s);
}

std::optional<std::string> severityValue(const std::string& s) {
    const std::string t = trim(s);
    if (t.size() == 2 && (t[0] == 'P' || t[0] == 'p') && t[1] >= '0' && t[1] <= '3') return std::string("P") + t[1];
    return std::nullopt;
}

std::optional<bool> boolValue(const std::string& s) {
    const std::string t = lower(trim(s));
    if (t == "true" || t == "yes" || t == "1") return true;
    if (t == "false" || t == "no" || t == "0" || t.empty()) return false;
    return std::nullopt;
}

// Checks one entry's order of instants; error text or empty.
std::string orderProblem(const LoggedIncident& i) {
    if (i.acknowledged && *i.acknowledged < i.opened) return "acknowledged before it was opened";
    if (i.resolved && *i.resolved < i.opened) return "resolved before it was opened";
    return {};
}

// [SECTION] CSV

// RFC 4180 records, one at a time: quoted fields may hold commas, quotes ("") and line
// breaks. Fields are views into the text (unquoted ones trimmed); a quoted field with ""
// inside is unescaped into the reader's scratch storage.
class CsvReader {
public:
    explicit CsvReader(const std::string& text) : text_(text) {
        if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // byte order mark
    }
    int line() const { return record_line_; }
    // The next non-blank record; false at the end, or with *error when a quote is not closed.
    bool next(std::vector<std::string_view>& fields, std::string* error) {
        for (;;) {
            fields.clear();
            scratch_.clear();
            if (pos_ >= text_.size()) return false;
            record_line_ = line_;
            for (;;) {
                std::string_view field;
                if (!readField(field, error)) return false;
                fields.push_back(field);
                if (pos_ >= text_.size()) break;
                const char c = text_[pos_];
                if (c == ',') {
                    ++pos_;
                    continue;
                }
                // end of record
                if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
                ++pos_;
                ++line_;
                break;
            }
            if (!(fields.size() == 1 && fields[0].empty())) return true;  // skip blank lines
        }
    }

private:
    static bool space(char c) { return c == ' ' || c == '\t'; }

    bool readField(std::string_view& out, std::string* error) {
        std::size_t a = pos_;
        while (a < text_.size() && space(text_[a])) ++a;
        if (a < text_.size() && text_[a] == '"') {
            std::size_t i = a + 1;
            bool escaped = false;
            for (;; ++i) {
                if (i >= text_.size()) {
                    *error = "line " + std::to_string(record_line_) + ": a quoted field is not closed";
                    return false;
                }
                if (text_[i] == '"') {
                    if (i + 1 < text_.size() && text_[i + 1] == '"') {
                        escaped = true;
                        ++i;
                        continue;
                    }
                    break;
                }
                if (text_[i] == '\n') ++line_;
            }
            std::string_view inner(text_.data() + a + 1, i - a - 1);
            if (escaped) {
                std::string u;
                for (std::size_t k = 0; k < inner.size(); ++k) {
                    u += inner[k];
                    if (inner[k] == '"') ++k;
                }
                scratch_.push_back(std::move(u));
                inner = scratch_.back();
            }
            pos_ = i + 1;
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
            out = inner;
            return true;
        }
        std::size_t e = a;
        while (e < text_.size() && text_[e] != ',' && text_[e] != '\n' && text_[e] != '\r') ++e;
        pos_ = e;
        while (e > a && space(text_[e - 1])) --e;
        out = std::string_view(text_.data() + a, e - a);
        return true;
    }

    const std::string& text_;
    std::size_t pos_ = 0;
    int line_ = 1, record_line_ = 1;
    std::deque<std::string> scratch_;  // stable addresses for the views
};

std::variant<std::vector<LoggedIncident>, std::string> readCsvLog(const Plan& plan, const std::string& text) {
    CsvReader csv(text);
    std::vector<std::string_view> fields;
    std::string error;
    if (!csv.next(fields, &error)) {
        if (!error.empty()) return error;
        return std::string("line 1: the log is empty (expected a header row such as opened,acknowledged,resolved,severity,escalated_to)");
    }
    int col_opened = -1, col_ack = -1, col_res = -1, col_sev = -1, col_esc = -1, col_id = -1, col_sec = -1;
    for (std::size_t k = 0; k < fields.size(); ++k) {
        const std::string h = lower(trim(std::string(fields[k])));
        int* slot = h == "opened" ? &col_opened : h == "acknowledged" ? &col_ack : h == "resolved" ? &col_res
                  : h == "severity" ? &col_sev : h == "escalated_to" ? &col_esc : h == "id" ? &col_id
                  : h == "security" ? &col_sec : nullptr;
        if (!slot) continue;  // other columns (title, service, ...) are not needed
        if (*slot >= 0) return "line 1: the column " + h + " appears twice";
        *slot = static_cast<int>(k);
    }
    if (col_opened < 0) return std::string("line 1: no column \"opened\" (when each incident was opened)");
    if (col_sev < 0) return std::string("line 1: no column \"severity\" (P0, P1, P2 or P3)");
    const auto* zone = findZone(plan.team_timezone);
    std::vector<LoggedIncident> out;
    out.reserve(text.size() / 64);
    for (int r = 1; csv.next(fields, &error); ++r) {
        auto cell = [&](int col) -> std::string_view {
            return col >= 0 && static_cast<std::size_t>(col) < fields.size() ? fields[static_cast<std::size_t>(col)]
                                                                               : std::string_view();
        };
        auto where = [&](const char* column) { return "line " + std::to_string(csv.line()) + ", column " + column + ": "; };
        LoggedIncident inc;
        inc.id = trim(std::string(cell(col_id)));
        if (inc.id.empty()) inc.id = "#" + std::to_string(r);
        const std::string_view opened = cell(col_opened);
        if (opened.empty()) return where("opened") + "missing (when the incident was opened)";
        const auto o = instantValue(zone, opened);
        if (!o) return where("opened") + quoted(std::string(opened)) + " is not a date-time (YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset)";
        inc.opened = *o;
        const auto sev = severityValue(std::string(cell(col_sev)));
        if (!sev) return where("severity") + quoted(std::string(cell(col_sev))) + " is not P0, P1, P2 or P3";
        inc.severity = *sev;
        for (auto [col, name, slot] : {std::tuple<int, const char*, std::optional<Instant>*>{col_ack, "acknowledged", &inc.acknowledged},
                                       std::tuple<int, const char*, std::optional<Instant>*>{col_res, "resolved", &inc.resolved}}) {
            const std::string_view v = cell(col);
            if (v.empty()) continue;
            const auto t = instantValue(zone, v);
            if (!t) return where(name) + quoted(std::string(v)) + " is not a date-time";
            *slot = *t;
        }
        const std::string_view esc = cell(col_esc);
        if (!esc.empty()) {
            const std::string e = lower(std::string(esc));
            if (e != "none" && e != "primary") inc.escalated_to = std::string(esc);
        }
        if (col_sec >= 0) {
            const auto b = boolValue(std::string(cell(col_sec)));
            if (!b) return where("security") + quoted(std::string(cell(col_sec))) + " is not true or false";
            inc.security = *b;
        }
        if (const std::string p = orderProblem(inc); !p.empty()) return where(p[0] == 'a' ? "acknowledged" : "resolved") + p;
        out.push_back(std::move(inc));
    }
    if (!error.empty()) return error;
    return out;
}

// [SECTION] JSON

std::variant<std::vector<LoggedIncident>, std::string> readJsonLog(const Plan& plan, const Json& doc) {
    const auto* zone = findZone(plan.team_timezone);
    std::vector<LoggedIncident> out;
    out.reserve(doc.size());
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const Json& o = doc[i];
        const std::string at = "/" + std::to_string(i);
        if (!o.is_object()) return at + ": expected an object with \"opened\" and \"severity\"";
        LoggedIncident inc;
        inc.id = "#" + std::to_string(i + 1);
        if (o.contains("id") && (o["id"].is_string() || o["id"].is_number_integer()))
            inc.id = o["id"].is_string() ? o["id"].get<std::string>() : std::to_string(o["id"].get<long long>());
        if (!o.contains("opened") || o["opened"].is_null()) return at + ": \"opened\" is missing (when the incident was opened)";
        auto instant = [&](const char* key, std::optional<Instant>& slot) -> std::string {
            if (!o.contains(key) || o[key].is_null()) return {};
            if (!o[key].is_string()) return at + "/" + key + ": expected a date-time such as \"2026-12-05T02:00\"";
            const auto t = instantValue(zone, o[key].get<std::string>());
            if (!t) return at + "/" + key + ": " + quoted(o[key].get<std::string>()) +
                           " is not a date-time (YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset)";
            slot = *t;
            return {};
        };
        std::optional<Instant> opened;
        for (auto [key, slot] : {std::pair<const char*, std::optional<Instant>*>{"opened", &opened},
                                 std::pair<const char*, std::optional<Instant>*>{"acknowledged", &inc.acknowledged},
                                 std::pair<const char*, std::optional<Instant>*>{"resolved", &inc.resolved}})
            if (std::string e = instant(key, *slot); !e.empty()) return e;
        inc.opened = *opened;
        if (!o.contains("severity") || !o["severity"].is_string() || !severityValue(o["severity"].get<std::string>()))
            return at + "/severity: expected \"P0\", \"P1\", \"P2\" or \"P3\"";
        inc.severity = *severityValue(o["severity"].get<std::string>());
        if (o.contains("escalated_to") && !o["escalated_to"].is_null()) {
            if (!o["escalated_to"].is_string()) return at + "/escalated_to: expected a level or a person id, or null";
            const std::string e = trim(o["escalated_to"].get<std::string>());
            if (!e.empty() && lower(e) != "none" && lower(e) != "primary") inc.escalated_to = e;
        }
        if (o.contains("security") && !o["security"].is_null()) {
            if (!o["security"].is_boolean()) return at + "/security: expected true or false";
            inc.security = o["security"].get<bool>();
        }
        if (const std::string p = orderProblem(inc); !p.empty()) return at + (p[0] == 'a' ? "/acknowledged: " : "/resolved: ") + p;
        out.push_back(std::move(inc));
    }
    return out;
}

// Pay's list ({at, severity, ack: {level: minute}, resolve}) as logged incidents.
std::vector<LoggedIncident> fromPayList(const Json& doc, const std::vector<EscalationScenario>& list) {
    std::vector<LoggedIncident> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const EscalationScenario& s = list[i];
        LoggedIncident inc;
        inc.id = "#" + std::to_string(i + 1);
        const Json& o = doc[i];
        if (o.contains("id") && (o["id"].is_string() || o["id"].is_number_integer()))
            inc.id = o["id"].is_string() ? o["id"].get<std::string>() : std::to_string(o["id"].get<long long>());
        inc.severity = s.severity;
        inc.opened = s.at;
        inc.security = s.security;
        const EscalationAck* first = nullptr;
        for (const EscalationAck& a : s.acks)
            if (!first || a.minute < first->minute) first = &a;
        if (first) {
            inc.acknowledged = s.at + std::chrono::minutes{first->minute};
            if (first->level != EscalationLevel::Primary) inc.escalated_to = escalationLevelName(first->level);
        }
        if (s.resolve) inc.resolved = s.at + std::chrono::minutes{*s.resolve};
        out.push_back(std::move(inc));
    }
    return out;
}

}  // namespace

// [SECTION] entry point

bool isIncidentLog(const std::string& text) {
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) return false;
    if (text[i] == '{') return false;  // JSON, but not a list: pay's reader says so
    if (text[i] != '[') return true;   // CSV
    const Json doc = Json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_array() || doc.empty()) return false;
    return doc[0].is_object() && doc[0].contains("opened");
}

std::variant<std::vector<LoggedIncident>, std::string> readIncidentLog(const Plan& plan, const std::string& text) {
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && text[i] != '[' && text[i] != '{') return readCsvLog(plan, text);
    if (i >= text.size()) return std::string("the log is empty (expected CSV with a header row, or a JSON array)");
    const Json doc = Json::parse(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
        // The pay list reader gives the syntax error with its place.
        auto r = readIncidentList(plan, text);
        if (auto* e = std::get_if<std::string>(&r)) return *e;
        return std::string("not a JSON array of incidents");
    }
    if (!doc.empty() && doc[0].is_object() && doc[0].contains("opened")) return readJsonLog(plan, doc);
    auto r = readIncidentList(plan, text);
    if (auto* e = std::get_if<std::string>(&r)) return *e;
    return fromPayList(doc, std::get<std::vector<EscalationScenario>>(r));
}

EscalationScenario scenarioFromLogged(const LoggedIncident& i) {
    EscalationScenario s;
    s.severity = i.severity;
    s.at = i.opened;
    s.security = i.security;
    auto minutesAfter = [&](Instant t) {
        return static_cast<std::int64_t>((std::chrono::duration_cast<std::chrono::seconds>(t - i.opened).count() + 59) / 60);
    };
    if (i.acknowledged) s.acks.push_back({EscalationLevel::Primary, minutesAfter(*i.acknowledged)});
    if (i.resolved) s.resolve = minutesAfter(*i.resolved);
    return s;
}

}  // namespace rp
