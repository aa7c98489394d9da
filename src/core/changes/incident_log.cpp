// Reading incident logs (docs/changes.md "The incident log").
//
// [SECTION] values
// [SECTION] CSV
// [SECTION] JSON
// [SECTION] entry point
#include "core/changes/incident_log.hpp"

#include <algorithm>
#include <cctype>
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
std::optional<Instant> instantValue(const date::time_zone* zone, std::string s) {
    s = trim(s);
    if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
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

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;  // where the record starts
};

std::variant<std::vector<CsvRecord>, std::string> splitCsv(const std::string& text) {
    std::vector<CsvRecord> out;
    CsvRecord rec;
    std::string field;
    bool quoted_field = false, in_quotes = false, any = false;
    int line = 1;
    rec.line = 1;
    std::size_t i = 0;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // byte order mark
    auto endField = [&] {
        rec.fields.push_back(quoted_field ? field : trim(field));
        field.clear();
        quoted_field = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank) out.push_back(std::move(rec));
        rec = CsvRecord();
        rec.line = line;
        any = false;
    };
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            field.clear();
            in_quotes = quoted_field = true;
            any = true;
        } else if (c == ',') {
            endField();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            endRecord();
        } else {
            field += c;
            any = true;
        }
    }
    if (in_quotes) return "line " + std::to_string(rec.line) + ": a quoted field is not closed";
    if (any || !field.empty()) endRecord();
    return out;
}

std::variant<std::vector<LoggedIncident>, std::string> readCsvLog(const Plan& plan, const std::string& text) {
    auto split = splitCsv(text);
    if (auto* e = std::get_if<std::string>(&split)) return *e;
    const auto& rows = std::get<std::vector<CsvRecord>>(split);
    if (rows.empty()) return std::string("line 1: the log is empty (expected a header row such as opened,acknowledged,resolved,severity,escalated_to)");
    const auto& header = rows[0].fields;
    int col_opened = -1, col_ack = -1, col_res = -1, col_sev = -1, col_esc = -1, col_id = -1, col_sec = -1;
    for (std::size_t k = 0; k < header.size(); ++k) {
        const std::string h = lower(trim(header[k]));
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
    out.reserve(rows.size() - 1);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRecord& rec = rows[r];
        auto cell = [&](int col) -> std::string {
            return col >= 0 && static_cast<std::size_t>(col) < rec.fields.size() ? rec.fields[static_cast<std::size_t>(col)] : std::string();
        };
        const std::string where = "line " + std::to_string(rec.line) + ", column ";
        LoggedIncident inc;
        inc.id = trim(cell(col_id));
        if (inc.id.empty()) inc.id = "#" + std::to_string(r);
        const std::string opened = cell(col_opened);
        if (trim(opened).empty()) return where + "opened: missing (when the incident was opened)";
        const auto o = instantValue(zone, opened);
        if (!o) return where + "opened: " + quoted(opened) + " is not a date-time (YYYY-MM-DDTHH:MM in the team's zone, or with Z or an offset)";
        inc.opened = *o;
        const auto sev = severityValue(cell(col_sev));
        if (!sev) return where + "severity: " + quoted(cell(col_sev)) + " is not P0, P1, P2 or P3";
        inc.severity = *sev;
        for (auto [col, name, slot] : {std::tuple<int, const char*, std::optional<Instant>*>{col_ack, "acknowledged", &inc.acknowledged},
                                       std::tuple<int, const char*, std::optional<Instant>*>{col_res, "resolved", &inc.resolved}}) {
            const std::string v = trim(cell(col));
            if (v.empty()) continue;
            const auto t = instantValue(zone, v);
            if (!t) return where + name + ": " + quoted(v) + " is not a date-time";
            *slot = *t;
        }
        const std::string esc = trim(cell(col_esc));
        if (!esc.empty() && lower(esc) != "none" && lower(esc) != "primary") inc.escalated_to = esc;
        if (col_sec >= 0) {
            const auto b = boolValue(cell(col_sec));
            if (!b) return where + "security: " + quoted(cell(col_sec)) + " is not true or false";
            inc.security = *b;
        }
        if (const std::string p = orderProblem(inc); !p.empty()) return where + (p[0] == 'a' ? "acknowledged: " : "resolved: ") + p;
        out.push_back(std::move(inc));
    }
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
