// Internal helpers of the interop code: vendor JSON with pointers, date-time text, names.
#include "core/interop/common.hpp"
#include "core/model/json_text.hpp"

#include <chrono>

#include "core/model/digits.hpp"
#include "core/model/plan_io.hpp"
#include "core/model/time.hpp"

namespace rp::interop::detail {

// [SECTION] failures

void fail(std::string pointer, std::string message) {
    throw Failure{std::move(pointer), std::move(message), std::nullopt, std::nullopt};
}

namespace {

constexpr int kMaxDepth = 100;

std::string token(std::string_view key);

}  // namespace

std::string pointerToken(std::string_view key) { return token(key); }

namespace {

// Escapes one reference token of a JSON pointer (RFC 6901).
std::string token(std::string_view key) {
    std::string out = "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// Keeps a message on one line.
std::string oneLine(std::string s) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return s;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view s, std::size_t at, std::size_t n) { return fixed::readDigits(s, at, n); }

}  // namespace

Json parseJson(std::string_view text) {
    if (text.size() > kMaxPlanBytes)
        fail("", "the file is too large (" + std::to_string(text.size()) + " bytes); files up to 50 MB are read");
    // Nesting depth first (outside strings), so no hostile file reaches a deep recursion.
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) {
                Failure f{"", "expected at most 100 nested arrays and objects, found deeper nesting", i, std::nullopt};
                throw f;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        std::string detail = e.what();
        const std::size_t colon = detail.find(": ", detail.find("column "));
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
        const std::size_t last = detail.find("; last read: '");
        if (last != std::string::npos) {
            const std::size_t end = detail.rfind("'; ");
            detail.erase(last, end != std::string::npos && end > last ? end + 1 - last : std::string::npos);
        }
        Failure f{"", "not valid JSON: " + oneLine(detail), e.byte > 0 ? e.byte - 1 : 0, std::nullopt};
        throw f;
    }
}

InputError toInputError(std::string_view text, const Failure& f) {
    InputError e;
    e.message = oneLine(f.message);
    if (f.ics_line) {
        e.where = "line " + std::to_string(*f.ics_line);
        return e;
    }
    TextPosition pos = f.offset ? textPositionOf(text, *f.offset) : jsonPointerPosition(text, f.pointer);
    // A missing member: where its object is.
    for (std::string p = f.pointer; !f.offset && pos.line == 0 && !p.empty();) {
        p.resize(p.rfind('/'));
        pos = jsonPointerPosition(text, p);
    }
    e.where = oneLine(f.pointer);
    if (pos.line > 0) {
        if (!e.where.empty()) e.where += " ";
        e.where += "(line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) + ")";
    }
    return e;
}

// [SECTION] nodes

std::optional<Node> Node::get(std::string_view key) const {
    if (!value_->is_object()) return std::nullopt;
    auto it = value_->find(std::string(key));
    if (it == value_->end() || it->is_null()) return std::nullopt;
    return Node(*it, pointer_ + token(key));
}

Node Node::at(std::string_view key, std::string_view what) const {
    if (!value_->is_object()) failHere("expected an object, found " + describe(*value_));
    auto n = get(key);
    if (!n) fail(pointer_ + token(key), "missing: expected " + std::string(what));
    return *n;
}

std::string Node::string(std::string_view what) const {
    if (!value_->is_string()) failHere("expected " + std::string(what) + ", found " + describe(*value_));
    return value_->get<std::string>();
}

std::optional<std::string> Node::optString(std::string_view key) const {
    auto n = get(key);
    if (!n || !n->json().is_string()) return std::nullopt;
    std::string s = n->json().get<std::string>();
    if (s.empty()) return std::nullopt;
    return s;
}

std::vector<Node> Node::items(std::string_view what) const {
    if (!value_->is_array()) failHere("expected " + std::string(what) + ", found " + describe(*value_));
    std::vector<Node> out;
    out.reserve(value_->size());
    for (std::size_t i = 0; i < value_->size(); ++i) out.emplace_back((*value_)[i], pointer_ + "/" + std::to_string(i));
    return out;
}

Instant Node::instant() const {
    const std::string s = string("a date-time such as 2026-11-30T09:00:00-05:00");
    auto t = parseVendorInstant(s);
    if (!t) failHere("expected a date-time with an offset such as 2026-11-30T09:00:00-05:00, found " + describe(*value_));
    return *t;
}

std::string describe(const Json& v) { return describeValue(v); }

// [SECTION] date-times

std::optional<Instant> parseVendorInstant(std::string_view s) {
    // YYYY-MM-DD[T t space]HH:MM[:SS[.fff]](Z | z | +HH:MM | +HHMM | -...)
    if (s.size() < 17 || s[4] != '-' || s[7] != '-' || s[13] != ':') return std::nullopt;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const int hh = digits(s, 11, 2), mm = digits(s, 14, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    std::size_t at = 16;
    int ss = 0;
    if (at < s.size() && s[at] == ':') {
        ss = digits(s, at + 1, 2);
        if (ss < 0 || ss > 60) return std::nullopt;
        if (ss == 60) ss = 59;  // a leap second reads as the second before it
        at += 3;
        if (at < s.size() && s[at] == '.') {
            ++at;
            const std::size_t begin = at;
            while (at < s.size() && isDigit(s[at])) ++at;
            if (at == begin) return std::nullopt;
        }
    }
    if (at >= s.size()) return std::nullopt;  // no offset
    int offset = 0;
    if ((s[at] == 'Z' || s[at] == 'z') && at + 1 == s.size()) {
        offset = 0;
    } else if (s[at] == '+' || s[at] == '-') {
        const int oh = digits(s, at + 1, 2);
        int om = -1;
        if (s.size() == at + 6 && s[at + 3] == ':') om = digits(s, at + 4, 2);
        else if (s.size() == at + 5) om = digits(s, at + 3, 2);
        else if (s.size() == at + 3) om = 0;
        if (oh < 0 || om < 0 || oh > 23 || om > 59) return std::nullopt;
        offset = (oh * 60 + om) * 60 * (s[at] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const auto local = date::sys_days{ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
    return Instant{local.time_since_epoch()} - std::chrono::seconds{offset};
}

// [SECTION] names

std::string slug(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("rotaplan") : out;
}

std::string exportZoneName(const Plan& plan) {
    return plan.team_timezone == "EST" ? std::string("America/New_York") : plan.team_timezone;
}

std::string scheduleName(const Plan& plan, Role role) {
    std::string team = plan.team_name.empty() ? std::string("Rotaplan") : plan.team_name;
    return team + " " + roleName(role);
}

std::string naiveLocal(const date::time_zone* zone, Instant t) {
    const LocalReading r = localReading(zone, t);
    const auto day = date::floor<date::days>(r.local);
    char buf[32];
    char* p = fixed::putDate(buf, date::year_month_day{day});
    *p++ = 'T';
    p = fixed::putClock(p, (r.local - day).count(), true);
    return std::string(buf, p);
}

bool naiveNames(const date::time_zone* zone, Instant t) {
    return localToInstant(zone, localReading(zone, t).local) == t;
}

std::string personLabel(const Plan& plan, const std::string& id) {
    const Person* p = plan.findPerson(id);
    if (!p) return id + " (not in the plan's people)";
    return p->name + " (" + id + ")";
}

std::string localText(const date::time_zone* zone, Instant t) {
    const LocalReading r = localReading(zone, t);
    const auto day = date::floor<date::days>(r.local);
    char buf[32];
    char* p = fixed::putDate(buf, date::year_month_day{day});
    *p++ = ' ';
    const long long sod = (r.local - day).count();
    p = fixed::putClock(p, sod, sod % 60 != 0);
    return std::string(buf, p);
}

// The documents in nlohmann's dump(2) layout, written by jsontext (the serializer's
// virtual output adapter made these exports about 1.4x native in wasm); text that is not
// well-formed UTF-8 goes through nlohmann, which replaces it as before.
std::string documentText(const Json& doc) {
    std::string out;
    if (jsontext::appendValue(out, doc, 0)) return out + "\n";
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace rp::interop::detail
