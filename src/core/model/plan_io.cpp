// Reading and writing plan files (plan-format.md, version 1).
//
// [SECTION] contents
//   document   - parsing the text into an ordered DOM (size, depth, syntax errors)
//   locate     - second pass, on error only: byte offset -> line/column of a JSON pointer
//   values     - typed readers of single values, with "expected ..., found ..." messages
//   reader     - the plan, object by object, unknown fields kept in `extra`
//   writer     - canonical field order, defaults filled in for the policy
//   readPlan / writePlan
#include "core/model/plan_io.hpp"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <new>
#include <unordered_map>
#include <unordered_set>

#include "core/model/time.hpp"
#include "core/model/json_text.hpp"

namespace rp {

namespace {

constexpr int kFormatVersion = 1;
constexpr std::size_t kMaxDepth = 256;  // plans nest 5 levels; extras get generous room

// A refusal: the pointer named in the message, and the pointer whose value the line and
// column are taken from (the enclosing object when a field is missing).
struct Refusal {
    std::string pointer;
    std::string locate;
    std::string message;
};

[[noreturn]] void refuse(const std::string& pointer, std::string message) {
    throw Refusal{pointer, pointer, std::move(message)};
}

std::string pointerToken(std::string_view token) {
    std::string out;
    out.reserve(token.size() + 1);
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string at(const std::string& base, std::string_view key) { return base + pointerToken(key); }
std::string at(const std::string& base, std::size_t index) {
    return base + '/' + std::to_string(index);
}

// Keeps a message one line of valid UTF-8: control characters become spaces and broken
// UTF-8 sequences become '?', whatever the input held.
std::string cleanText(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
        if (c >= 0xf5) n = 0;
        bool ok = n > 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k)
            ok = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
        if (ok && n == 3) {  // no overlong forms, no surrogates
            const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);
        }
        if (ok && n == 4) {
            const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
        }
        if (ok) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out += '?';
            ++i;
        }
    }
    return out;
}

// [SECTION] numbers kept as text

// An integer beyond 64 bits is held in the DOM as a binary value of this subtype holding
// its text: the JSON reader never makes binary values, so it cannot be mistaken, and it
// compares and copies like any value. writePlan writes the text back as it was.
constexpr std::uint8_t kNumberTextSubtype = 0x4e;  // 'N'
std::atomic<bool> g_number_texts{false};           // any read in this process

bool isIntegerText(const std::string& t) {
    std::size_t i = t.size() > 0 && t[0] == '-' ? 1 : 0;
    if (i == t.size()) return false;
    for (; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    return true;
}

Json numberTextJson(const std::string& text) {
    g_number_texts.store(true, std::memory_order_relaxed);
    return Json::binary(Json::binary_t::container_type(text.begin(), text.end()), kNumberTextSubtype);
}

bool isNumberText(const Json& v) {
    return v.is_binary() && v.get_binary().has_subtype() && v.get_binary().subtype() == kNumberTextSubtype;
}

std::string numberText(const Json& v) {
    const auto& b = v.get_binary();
    return std::string(b.begin(), b.end());
}

// [SECTION] document

// Builds the ordered DOM through SAX, like nlohmann's own builder, but
//  - appends object members without nlohmann::ordered_map's linear key search (which
//    makes an object of many keys quadratic); a key index is made only for big objects,
//  - refuses nesting deeper than kMaxDepth (the DOM's copy and dump recurse),
//  - records a syntax error's byte position and message instead of throwing.
class DomBuilder {
public:
    using Members = Json::object_t::Container;  // std::vector<std::pair<const string, Json>>

    explicit DomBuilder(Json& root) : root_(root) {}

    bool null() { return value(Json(nullptr)); }
    bool boolean(bool v) { return value(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return value(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return value(Json(v)); }
    // An integer too big for 64 bits reaches here as a double; its text is kept instead
    // (plan-format.md: unknown fields are written back as they were).
    bool number_float(Json::number_float_t v, const std::string& text) {
        if (isIntegerText(text)) return value(numberTextJson(text));
        return value(Json(v));
    }
    bool string(std::string& v) { return value(Json(std::move(v))); }
    bool binary(Json::binary_t&) { return false; }  // never produced by the JSON lexer

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& f = frames_.back();
        Members& members = f.node->get_ref<Json::object_t&>();
        // A repeated key: the later value wins, at the first one's place (as nlohmann does).
        std::size_t found = members.size();
        if (members.size() < 16) {
            for (std::size_t i = 0; i < members.size(); ++i)
                if (members[i].first == k) found = i;
        } else {
            if (!f.index) {
                f.index.reset(new std::unordered_map<std::string, std::size_t>());
                for (std::size_t i = 0; i < members.size(); ++i) f.index->emplace(members[i].first, i);
            }
            auto it = f.index->find(k);
            if (it != f.index->end()) found = it->second;
        }
        if (found == members.size()) {
            if (f.index) f.index->emplace(k, members.size());
            members.emplace_back(std::move(k), Json());
        }
        slot_ = &members[found].second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) {
        syntax_error = true;
        error_position = position;
        // A number too big for a double is reported after its last character: point at its first.
        if (e.id == 406 && token.size() > 1 && position >= token.size()) error_position = position - token.size() + 1;
        error_message = e.what();
        return false;
    }

    bool syntax_error = false;
    bool too_deep = false;
    std::size_t error_position = 0;  // nlohmann: characters read, the offending one included
    std::string error_message;
    std::string deep_pointer;        // where the nesting became too deep

private:
    struct Frame {
        Json* node;
        std::unique_ptr<std::unordered_map<std::string, std::size_t>> index;
    };

    Json* place(Json&& v) {
        if (frames_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Json* parent = frames_.back().node;
        if (parent->is_array()) {
            auto& arr = parent->get_ref<Json::array_t&>();
            arr.push_back(std::move(v));
            return &arr.back();
        }
        *slot_ = std::move(v);
        return slot_;
    }
    bool value(Json&& v) {
        place(std::move(v));
        return true;
    }
    bool open(Json&& container) {
        if (frames_.size() >= kMaxDepth) {
            too_deep = true;
            deep_pointer = currentPointer();
            return false;
        }
        Json* node = place(std::move(container));
        frames_.push_back(Frame{node, nullptr});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return true;
    }
    // The pointer of the value about to be placed (error path only).
    std::string currentPointer() const {
        std::string p;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Json* node = frames_[i].node;
            const Json* child = i + 1 < frames_.size() ? frames_[i + 1].node : nullptr;
            if (node->is_array()) {
                const auto& arr = node->get_ref<const Json::array_t&>();
                const std::size_t index = child ? static_cast<std::size_t>(child - arr.data()) : arr.size();
                p = at(p, index);
            } else {
                const auto& members = node->get_ref<const Json::object_t&>();
                const Json* target = child ? child : slot_;
                for (const auto& m : members)
                    if (&m.second == target) p = at(p, m.first);
            }
        }
        return p;
    }

    Json& root_;
    std::vector<Frame> frames_;
    Json* slot_ = nullptr;
};

// [SECTION] locate

struct LineColumn {
    int line = 0, column = 0;
};

// 1-based line and column of a byte offset; columns count characters (UTF-8 code points).
LineColumn lineColumnOf(std::string_view text, std::size_t offset) {
    LineColumn lc{1, 1};
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xc0) != 0x80) {
            ++lc.column;
        }
    }
    return lc;
}

// An input iterator over the text that publishes how far the parser has read.
struct TrackingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** read_to = nullptr;  // where the position is published

    reference operator*() const { return *p; }
    TrackingIterator& operator++() {
        ++p;
        *read_to = p;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const TrackingIterator& o) const { return p == o.p; }
    bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

// Follows the current JSON pointer through SAX events and records the byte offset where
// the value at `target` starts (the last one, should a key repeat: the value kept).
class Locator {
public:
    Locator(std::string_view text, const char** read_to, std::string target)
        : text_(text), read_to_(read_to), target_(std::move(target)) {}

    bool null() { return scalar(4); }
    bool boolean(bool v) { return scalar(v ? 4 : 5); }
    bool number_integer(Json::number_integer_t) { return number(); }
    bool number_unsigned(Json::number_unsigned_t) { return number(); }
    bool number_float(Json::number_float_t, const std::string&) { return number(); }
    bool string(std::string&) { return stringValue(); }
    bool binary(Json::binary_t&) { return false; }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        path_.resize(bases_.back());
        path_ += pointerToken(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

    bool found = false;
    std::size_t offset = 0;

private:
    std::size_t readTo() const { return static_cast<std::size_t>(*read_to_ - text_.data()); }

    // Sets path_ to the pointer of the value now read; arrays count their elements.
    void enterValue() {
        if (!arrays_.empty() && arrays_.back() >= 0) {
            path_.resize(bases_.back());
            path_ += '/';
            path_ += std::to_string(arrays_.back()++);
        }
    }
    void hit(std::size_t start) {
        if (path_ == target_) {
            found = true;
            offset = start;
        }
    }
    bool scalar(std::size_t length) {  // a literal just read
        enterValue();
        hit(readTo() - length);
        return true;
    }
    bool number() {  // the lexer has read one character past the number (unless at the end)
        enterValue();
        std::size_t end = readTo();
        auto isNumberChar = [](char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        };
        while (end > 0 && !isNumberChar(text_[end - 1])) --end;
        std::size_t start = end;
        while (start > 0 && isNumberChar(text_[start - 1])) --start;
        hit(start);
        return true;
    }
    bool stringValue() {  // the closing quote was just read: find the opening one
        enterValue();
        std::size_t q = readTo() - 1;
        while (q > 0) {
            --q;
            if (text_[q] != '"') continue;
            std::size_t backslashes = 0;
            while (q >= backslashes + 1 && text_[q - backslashes - 1] == '\\') ++backslashes;
            if (backslashes % 2 == 0) break;
        }
        hit(q);
        return true;
    }
    bool open(bool is_array) {
        enterValue();
        hit(readTo() - 1);
        bases_.push_back(path_.size());
        arrays_.push_back(is_array ? 0 : -1);
        return true;
    }
    bool close() {
        path_.resize(bases_.back());
        bases_.pop_back();
        arrays_.pop_back();
        return true;
    }

    std::string_view text_;
    const char** read_to_;
    std::string target_;
    std::string path_;
    std::vector<std::size_t> bases_{0};
    std::vector<long> arrays_{-1};
};

LineColumn locate(std::string_view text, const std::string& pointer) {
    if (pointer.empty()) {
        // The document itself: its first non-blank character.
        std::size_t i = 0;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
        return lineColumnOf(text, i);
    }
    const char* read_to = text.data();
    Locator loc(text, &read_to, pointer);
    TrackingIterator first{text.data(), &read_to};
    TrackingIterator last{text.data() + text.size(), &read_to};
    Json::sax_parse(first, last, &loc);
    if (!loc.found) return {};
    return lineColumnOf(text, loc.offset);
}

// [SECTION] values

// How a value is named after "found": strings quoted (and shortened), numbers and
// literals as written, containers by kind.
std::string describe(const Json& v) {
    switch (v.type()) {
        case Json::value_t::object: return v.empty() ? "an empty object" : "an object";
        case Json::value_t::array: return v.empty() ? "an empty array" : "an array";
        case Json::value_t::string: {
            std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
            if (s.size() > 64) {
                std::size_t cut = 60;
                while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80) --cut;
                s = s.substr(0, cut) + "...\"";
            }
            return s;
        }
        case Json::value_t::binary: return isNumberText(v) ? numberText(v) : std::string("binary data");
        default: return v.dump();
    }
}

[[noreturn]] void expected(const std::string& pointer, const std::string& what, const Json& v) {
    refuse(pointer, "expected " + what + ", found " + describe(v));
}

const std::string& readString(const Json& v, const std::string& p) {
    if (!v.is_string()) expected(p, "a string", v);
    return v.get_ref<const std::string&>();
}

bool readBool(const Json& v, const std::string& p) {
    if (!v.is_boolean()) expected(p, "true or false", v);
    return v.get<bool>();
}

int readInt(const Json& v, const std::string& p, long long min, const char* what) {
    bool ok = false;
    long long n = 0;
    if (v.is_number_unsigned()) {
        const auto u = v.get<Json::number_unsigned_t>();
        ok = u <= static_cast<Json::number_unsigned_t>(std::numeric_limits<int>::max());
        n = static_cast<long long>(u);
    } else if (v.is_number_integer()) {
        n = v.get<Json::number_integer_t>();
        ok = n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max();
    }
    if (!ok || n < min) expected(p, what, v);
    return static_cast<int>(n);
}

// A compensation amount: a number from 0 to kMaxAmount, so that sums over any plan and
// any incident run stay finite and print in full.
constexpr double kMaxAmount = 1e12;

double readAmount(const Json& v, const std::string& p) {
    double x = -1;
    if (v.is_number()) x = v.get<double>();
    else if (isNumberText(v)) x = std::strtod(numberText(v).c_str(), nullptr);
    if (!(x >= 0) || !(x <= kMaxAmount)) expected(p, "a number from 0 to 1000000000000", v);
    return x;
}

Date readDate(const Json& v, const std::string& p) {
    std::optional<Date> d;
    if (v.is_string()) d = parseDate(v.get_ref<const std::string&>());
    if (!d) expected(p, "a date YYYY-MM-DD", v);
    return *d;
}

int readHm(const Json& v, const std::string& p) {
    std::optional<int> m;
    if (v.is_string()) m = parseHm(v.get_ref<const std::string&>());
    if (!m) expected(p, "a time HH:MM", v);
    return *m;
}

int readWeekday(const Json& v, const std::string& p) {
    std::optional<int> d;
    if (v.is_string()) d = parseWeekday(v.get_ref<const std::string&>());
    if (!d) expected(p, "a weekday \"monday\" ... \"sunday\"", v);
    return *d;
}

std::string readZone(const Json& v, const std::string& p) {
    if (v.is_string() && v.get_ref<const std::string&>() == "localtime")
        expected(p, "an IANA time zone name such as \"America/New_York\" (\"localtime\" is each machine's own zone)", v);
    if (!v.is_string() || !findZone(v.get_ref<const std::string&>()))
        expected(p, "an IANA time zone name such as \"America/New_York\"", v);
    return v.get<std::string>();
}

Role readRole(const Json& v, const std::string& p) {
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s == "primary") return Role::Primary;
        if (s == "secondary") return Role::Secondary;
    }
    expected(p, "\"primary\" or \"secondary\"", v);
}

bool isPersonId(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

// [SECTION] reader

// One JSON object being read: known fields are looked up by name; on construction every
// other member is moved, in its original order, into `extra`.
class Fields {
public:
    Fields(Json& obj, std::string pointer, std::initializer_list<const char*> known, Json* extra)
        : obj_(obj), pointer_(std::move(pointer)) {
        if (!obj.is_object()) expected(pointer_, "an object", obj);
        if (!extra) return;
        auto& members = obj.get_ref<Json::object_t&>();
        auto& out = extra->get_ref<Json::object_t&>();
        for (auto& m : members) {
            bool is_known = false;
            for (const char* k : known) is_known = is_known || m.first == k;
            if (!is_known) out.Container::emplace_back(m.first, std::move(m.second));
        }
    }

    const std::string& pointer() const { return pointer_; }
    std::string at(const char* key) const { return rp::at(pointer_, key); }

    // The member, or nullptr when it is absent or null (null means "not given").
    Json* get(const char* key) {
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return nullptr;
        return &*it;
    }
    Json* getRaw(const char* key) {  // null included
        auto it = obj_.find(key);
        return it == obj_.end() ? nullptr : &*it;
    }
    Json& require(const char* key, const char* what) {
        Json* v = get(key);
        if (!v) {
            auto it = obj_.find(key);
            if (it != obj_.end()) expected(at(key), what, *it);  // present but null
            throw Refusal{at(key), pointer_,
                          std::string("missing required field \"") + key + "\": expected " + what};
        }
        return *v;
    }

    std::optional<std::string> optString(const char* key) {
        if (Json* v = get(key)) return readString(*v, at(key));
        return std::nullopt;
    }

private:
    Json& obj_;
    std::string pointer_;
};

class Reader {
public:
    Plan plan;

    void read(Json& doc) {
        if (!doc.is_object()) expected("", "a JSON object (a Rotaplan plan)", doc);
        Fields f(doc, "",
                 {"rotaplan", "team", "policy", "people", "contacts", "time_off", "weeks",
                  "overrides", "requests", "compensation", "published"},
                 &plan.extra);
        readVersion(f);
        readTeam(f.require("team", "an object"), f.at("team"));
        if (Json* v = f.get("policy")) readPolicy(*v, f.at("policy"));
        else fillSeverities(plan.policy);
        readPeople(f.require("people", "an array of people"), f.at("people"));
        if (Json* v = f.get("contacts")) readContacts(*v, f.at("contacts"));
        readArray(f, "time_off", [this](Json& v, const std::string& p) { readTimeOff(v, p); });
        readArray(f, "weeks", [this](Json& v, const std::string& p) { plan.weeks.push_back(readWeek(v, p)); });
        readArray(f, "overrides", [this](Json& v, const std::string& p) { plan.overrides.push_back(readOverride(v, p)); });
        readArray(f, "requests", [this](Json& v, const std::string& p) { readRequest(v, p); });
        if (Json* v = f.get("compensation")) readCompensation(*v, f.at("compensation"));
        if (Json* v = f.get("published")) readPublished(*v, f.at("published"));
    }

private:
    const date::time_zone* team_zone_ = nullptr;
    std::unordered_set<std::string> request_ids_;

    template <class Fn>
    void readArray(Fields& f, const char* key, Fn fn) {
        Json* v = f.get(key);
        if (!v) return;
        const std::string p = f.at(key);
        if (!v->is_array()) expected(p, "an array", *v);
        std::size_t i = 0;
        for (Json& item : *v) fn(item, at(p, i++));
    }

    void readVersion(Fields& f) {
        const Json& v = f.require("rotaplan", "the format version 1");
        const std::string p = f.at("rotaplan");
        // JSON's non-negative integers are "unsigned" to nlohmann; negatives are not.
        if (!v.is_number_unsigned()) expected(p, "the format version 1", v);
        const auto version = v.get<Json::number_unsigned_t>();
        if (version > static_cast<unsigned>(kFormatVersion))
            refuse(p, "this file is rotaplan format version " + v.dump() +
                          "; this Rotaplan reads version " + std::to_string(kFormatVersion));
        if (version != static_cast<unsigned>(kFormatVersion)) expected(p, "the format version 1", v);
        plan.version = kFormatVersion;
    }

    void readTeam(Json& v, const std::string& p) {
        Fields f(v, p, {"name", "timezone"}, &plan.team_extra);
        plan.team_name = readString(f.require("name", "a string"), f.at("name"));
        plan.team_timezone = readZone(f.require("timezone", "an IANA time zone name"), f.at("timezone"));
        team_zone_ = findZone(plan.team_timezone);
    }

    void readPolicy(Json& v, const std::string& p) {
        Policy& pol = plan.policy;
        Fields f(v, p,
                 {"handoff", "no_consecutive", "change_notice_days", "business_hours", "holidays",
                  "severities", "readiness"},
                 &pol.extra);
        if (Json* h = f.get("handoff")) {
            Fields hf(*h, f.at("handoff"), {"weekday", "time"}, &pol.handoff_extra);
            if (Json* x = hf.get("weekday")) pol.handoff_weekday = readWeekday(*x, hf.at("weekday"));
            if (Json* x = hf.get("time")) pol.handoff_minute = readHm(*x, hf.at("time"));
        }
        if (Json* x = f.get("no_consecutive")) {
            const std::string s = x->is_string() ? x->get<std::string>() : std::string();
            if (s == "any") pol.no_consecutive = NoConsecutive::Any;
            else if (s == "primary") pol.no_consecutive = NoConsecutive::Primary;
            else expected(f.at("no_consecutive"), "\"any\" or \"primary\"", *x);
        }
        if (Json* x = f.get("change_notice_days"))
            pol.change_notice_days = readInt(*x, f.at("change_notice_days"), 0, "an integer >= 0");
        if (Json* b = f.get("business_hours")) readBusinessHours(*b, f.at("business_hours"));
        if (Json* x = f.get("holidays")) {
            const std::string hp = f.at("holidays");
            if (!x->is_array()) expected(hp, "an array of dates YYYY-MM-DD", *x);
            std::size_t i = 0;
            for (const Json& d : *x) pol.holidays.push_back(readDate(d, at(hp, i++)));
        }
        if (Json* s = f.get("severities")) readSeverities(*s, f.at("severities"));
        fillSeverities(pol);
        if (Json* r = f.get("readiness")) readReadiness(*r, f.at("readiness"));
    }

    void readReadiness(Json& v, const std::string& p) {
        Readiness r;
        r.checklist = defaultReadinessChecklist();
        Fields f(v, p, {"shadow_weeks", "checklist"}, &r.extra);
        if (Json* x = f.get("shadow_weeks"))
            r.shadow_weeks = readInt(*x, f.at("shadow_weeks"), 0, "an integer >= 0");
        if (Json* x = f.get("checklist")) r.checklist = readStringList(*x, f.at("checklist"), "checklist items");
        plan.policy.readiness = std::move(r);
    }

    // An array of non-empty strings, each once.
    static std::vector<std::string> readStringList(const Json& v, const std::string& p, const char* what) {
        if (!v.is_array()) expected(p, std::string("an array of ") + what + " (strings)", v);
        std::vector<std::string> out;
        std::unordered_set<std::string> seen;
        std::size_t i = 0;
        for (const Json& item : v) {
            const std::string ip = at(p, i++);
            const std::string& s = readString(item, ip);
            if (s.empty()) expected(ip, "a non-empty string", item);
            if (!seen.insert(s).second) expected(ip, "each item once", item);
            out.push_back(s);
        }
        return out;
    }

    void readBusinessHours(Json& v, const std::string& p) {
        BusinessHours& bh = plan.policy.business_hours;
        Fields f(v, p, {"start", "end", "days"}, &bh.extra);
        if (Json* x = f.get("start")) bh.start_minute = readHm(*x, f.at("start"));
        if (Json* x = f.get("end")) bh.end_minute = readHm(*x, f.at("end"));
        if (bh.end_minute <= bh.start_minute) {
            const std::string where = f.get("end") ? f.at("end") : f.at("start");
            Json shown = f.get("end") ? *f.get("end") : *f.get("start");
            expected(where, "business hours whose end (" + formatHm(bh.end_minute) +
                                ") is after their start (" + formatHm(bh.start_minute) + ")",
                     shown);
        }
        if (Json* x = f.get("days")) {
            const std::string dp = f.at("days");
            if (!x->is_array()) expected(dp, "an array of weekdays", *x);
            bh.days.clear();
            std::size_t i = 0;
            for (const Json& d : *x) bh.days.push_back(readWeekday(d, at(dp, i++)));
        }
    }

    static bool isKnownSeverity(const std::string& k) {
        return k == "P0" || k == "P1" || k == "P2" || k == "P3";
    }

    void readSeverities(Json& v, const std::string& p) {
        Policy& pol = plan.policy;
        if (!v.is_object()) expected(p, "an object", v);
        for (auto& m : v.get_ref<Json::object_t&>()) {
            if (!isKnownSeverity(m.first)) {  // kept as written
                pol.severities_extra.get_ref<Json::object_t&>().Container::emplace_back(
                    m.first, std::move(m.second));
                continue;
            }
            SeverityPolicy s = defaultSeverity(m.first);
            Fields f(m.second, at(p, m.first),
                     {"coverage", "ack_minutes", "respond_minutes", "escalate_every_minutes",
                      "reaches_ceo"},
                     &s.extra);
            if (Json* x = f.get("coverage")) {
                const std::string c = x->is_string() ? x->get<std::string>() : std::string();
                if (c == "24x7") s.coverage = Coverage::TwentyFourSeven;
                else if (c == "business_hours") s.coverage = Coverage::BusinessHours;
                else expected(f.at("coverage"), "\"24x7\" or \"business_hours\"", *x);
            }
            if (Json* x = f.get("ack_minutes"))
                s.ack_minutes = readInt(*x, f.at("ack_minutes"), 0, "an integer >= 0");
            if (Json* x = f.get("respond_minutes"))
                s.respond_minutes = readInt(*x, f.at("respond_minutes"), 0, "an integer >= 0");
            if (Json* x = f.getRaw("escalate_every_minutes")) {
                if (x->is_null()) s.escalate_every_minutes.reset();
                else s.escalate_every_minutes = readInt(*x, f.at("escalate_every_minutes"), 1,
                                                        "an integer >= 1 or null");
            }
            if (Json* x = f.get("reaches_ceo")) s.reaches_ceo = readBool(*x, f.at("reaches_ceo"));
            pol.severities[m.first] = std::move(s);
        }
    }

    static void fillSeverities(Policy& pol) {
        for (const char* k : {"P0", "P1", "P2", "P3"})
            if (!pol.severities.count(k)) pol.severities[k] = defaultSeverity(k);
    }

    void readPeople(Json& v, const std::string& p) {
        if (!v.is_array()) expected(p, "an array of people", v);
        if (v.empty()) expected(p, "at least one person", v);
        std::unordered_map<std::string, std::size_t> seen;
        plan.people.reserve(v.size());
        std::size_t i = 0;
        for (Json& item : v) {
            const std::string ip = at(p, i);
            Person person;
            Fields f(item, ip,
                     {"id", "name", "email", "phone", "timezone", "on_call", "trainee", "slack", "ready",
                      "ready_since", "inactive_from"},
                     &person.extra);
            const Json& id = f.require("id", "a person id");
            if (!id.is_string() || !isPersonId(id.get_ref<const std::string&>()))
                expected(f.at("id"), "a person id of 1 to 64 characters a-z, 0-9, \".\", \"_\" or \"-\"", id);
            person.id = id.get<std::string>();
            auto ins = seen.emplace(person.id, i);
            if (!ins.second)
                refuse(f.at("id"), "expected a unique person id, found " + describe(id) +
                                       " again (first at " + at(at(p, ins.first->second), "id") + ")");
            person.name = readString(f.require("name", "a string"), f.at("name"));
            person.email = f.optString("email");
            person.phone = f.optString("phone");
            if (Json* x = f.get("timezone")) person.timezone = readZone(*x, f.at("timezone"));
            if (Json* x = f.get("on_call")) person.on_call = readBool(*x, f.at("on_call"));
            if (Json* x = f.get("trainee")) person.trainee = readBool(*x, f.at("trainee"));
            person.slack = f.optString("slack");
            if (Json* x = f.get("ready")) person.ready = readStringList(*x, f.at("ready"), "checklist items");
            if (Json* x = f.get("ready_since")) person.ready_since = readDate(*x, f.at("ready_since"));
            if (Json* x = f.get("inactive_from")) person.inactive_from = readDate(*x, f.at("inactive_from"));
            plan.people.push_back(std::move(person));
            ++i;
        }
    }

    void readContacts(Json& v, const std::string& p) {
        Contacts& c = plan.contacts;
        Fields f(v, p, {"engineering_lead", "cto", "ceo", "security"}, &c.extra);
        c.engineering_lead = f.optString("engineering_lead");
        c.cto = f.optString("cto");
        c.ceo = f.optString("ceo");
        c.security = f.optString("security");
    }

    void readTimeOff(Json& v, const std::string& p) {
        TimeOff t;
        Fields f(v, p, {"person", "from", "to", "reason"}, &t.extra);
        t.person = readString(f.require("person", "a person id"), f.at("person"));
        t.from = readDate(f.require("from", "a date YYYY-MM-DD"), f.at("from"));
        t.to = readDate(f.require("to", "a date YYYY-MM-DD"), f.at("to"));
        t.reason = f.optString("reason");
        plan.time_off.push_back(std::move(t));
    }

    // The exports write a week's handoffs as RFC 3339 and iCalendar text: the week, and a
    // day either side (any zone's offset), stays within the years 0001 to 9999, and the team
    // zone's offset during it is whole minutes (not the local mean time of the 1800s).
    Instant ok_from_{}, ok_to_{};  // a span already found whole-minute

    void checkWeekStart(Date d, const Json& v, const std::string& p) {
        static const Date first = date::sys_days{date::year{1} / 1 / 2};
        static const Date last = date::sys_days{date::year{9999} / 12 / 23};
        if (d < first || d > last)
            expected(p, "a week start from 0001-01-02 to 9999-12-23 (a week stays within the years 0001 to 9999)", v);
        const Instant a = localToInstant(team_zone_, d, plan.policy.handoff_minute);
        const Instant b = localToInstant(team_zone_, d + date::days{7}, plan.policy.handoff_minute);
        if (ok_from_ <= a && b <= ok_to_) return;
        Offending bad;
        std::pair<Instant, Instant> whole;
        if (wholeMinuteOffsets(team_zone_, a, b, &bad, &whole)) {
            ok_from_ = whole.first;
            ok_to_ = whole.second;
            return;
        }
        std::string msg = "the week of " + formatDate(d) + " falls where " + plan.team_timezone + " was at UTC" +
                          formatOffset(bad.offset_seconds) +
                          ", an offset in seconds that RFC 3339 and calendar files cannot carry";
        if (bad.whole_from) msg += "; plan weeks from " + formatDate(dateIn(team_zone_, *bad.whole_from)) + " on";
        refuse(p, msg);
    }

    Week readWeek(Json& v, const std::string& p) {
        Week w;
        Fields f(v, p, {"start", "primary", "secondary", "escalation", "shadow", "emergency", "note"},
                 &w.extra);
        const Json& start = f.require("start", "a date YYYY-MM-DD");
        w.start = readDate(start, f.at("start"));
        checkWeekStart(w.start, start, f.at("start"));
        w.primary = f.optString("primary");
        w.secondary = f.optString("secondary");
        w.escalation = f.optString("escalation");
        w.shadow = f.optString("shadow");
        if (Json* x = f.get("emergency")) w.emergency = readBool(*x, f.at("emergency"));
        w.note = f.optString("note");
        return w;
    }

    DateTimeText readDateTime(const Json& v, const std::string& p) {
        std::optional<Instant> t;
        if (v.is_string()) t = parseDateTime(team_zone_, v.get_ref<const std::string&>());
        if (!t) expected(p, "a date-time YYYY-MM-DDTHH:MM (optionally with :SS, and Z or +HH:MM)", v);
        return DateTimeText{v.get<std::string>(), *t};
    }

    Override readOverride(Json& v, const std::string& p) {
        Override o;
        Fields f(v, p, {"role", "person", "from", "to", "reason"}, &o.extra);
        o.role = readRole(f.require("role", "\"primary\" or \"secondary\""), f.at("role"));
        o.person = readString(f.require("person", "a person id"), f.at("person"));
        o.from = readDateTime(f.require("from", "a date-time YYYY-MM-DDTHH:MM"), f.at("from"));
        const Json& to = f.require("to", "a date-time YYYY-MM-DDTHH:MM");
        o.to = readDateTime(to, f.at("to"));
        if (!(o.from.at < o.to.at))
            expected(f.at("to"), "a date-time after from (" + o.from.text + ")", to);
        o.reason = f.optString("reason");
        return o;
    }

    // The published snapshot (changes.md): its weeks and overrides read like the plan's own.
    void readPublished(Json& v, const std::string& p) {
        Published pub;
        Fields f(v, p, {"at", "weeks", "overrides"}, &pub.extra);
        pub.at = readDate(f.require("at", "a date YYYY-MM-DD"), f.at("at"));
        readArray(f, "weeks", [&](Json& w, const std::string& wp) { pub.weeks.push_back(readWeek(w, wp)); });
        readArray(f, "overrides", [&](Json& o, const std::string& op) { pub.overrides.push_back(readOverride(o, op)); });
        plan.published = std::move(pub);
    }

    void readRequest(Json& v, const std::string& p) {
        Request r;
        Fields f(v, p,
                 {"id", "type", "submitted", "by", "week", "role", "with", "with_week", "with_role",
                  "emergency", "status"},
                 &r.extra);
        const Json& id = f.require("id", "a string");
        r.id = readString(id, f.at("id"));
        if (!request_ids_.insert(r.id).second)
            refuse(f.at("id"), "expected a unique request id, found " + describe(id) + " again");
        const Json& type = f.require("type", "\"swap\" or \"cover\"");
        if (type == "swap") r.type = RequestType::Swap;
        else if (type == "cover") r.type = RequestType::Cover;
        else expected(f.at("type"), "\"swap\" or \"cover\"", type);
        r.submitted = readDate(f.require("submitted", "a date YYYY-MM-DD"), f.at("submitted"));
        r.by = readString(f.require("by", "a person id"), f.at("by"));
        r.week = readDate(f.require("week", "a date YYYY-MM-DD"), f.at("week"));
        r.role = readRole(f.require("role", "\"primary\" or \"secondary\""), f.at("role"));
        r.with = readString(f.require("with", "a person id"), f.at("with"));
        if (Json* x = f.get("with_week")) r.with_week = readDate(*x, f.at("with_week"));
        if (Json* x = f.get("with_role")) r.with_role = readRole(*x, f.at("with_role"));
        if (Json* x = f.get("emergency")) r.emergency = readBool(*x, f.at("emergency"));
        if (Json* x = f.get("status")) {
            if (*x == "pending") r.status = RequestStatus::Pending;
            else if (*x == "approved") r.status = RequestStatus::Approved;
            else if (*x == "applied") r.status = RequestStatus::Applied;
            else if (*x == "rejected") r.status = RequestStatus::Rejected;
            else expected(f.at("status"), "\"pending\", \"approved\", \"applied\" or \"rejected\"", *x);
        }
        plan.requests.push_back(std::move(r));
    }

    void readCompensation(Json& v, const std::string& p) {
        Compensation c;
        Fields f(v, p,
                 {"currency", "primary_weekly", "secondary_weekly", "per_incident", "weekend",
                  "p0_rest_hours", "weekend_comp_hours"},
                 &c.extra);
        c.currency = f.optString("currency");
        struct {
            const char* key;
            double Compensation::*field;
        } const numbers[] = {{"primary_weekly", &Compensation::primary_weekly},
                             {"secondary_weekly", &Compensation::secondary_weekly},
                             {"per_incident", &Compensation::per_incident},
                             {"weekend", &Compensation::weekend},
                             {"p0_rest_hours", &Compensation::p0_rest_hours},
                             {"weekend_comp_hours", &Compensation::weekend_comp_hours}};
        for (const auto& n : numbers)
            if (Json* x = f.get(n.key)) c.*(n.field) = readAmount(*x, f.at(n.key));
        plan.compensation = std::move(c);
    }
};

// [SECTION] writer

// Appends the members of `extra` that are not known field names of that object, in order.
void putExtra(Json& out, const Json& extra, std::initializer_list<const char*> known) {
    if (!extra.is_object()) return;
    auto& members = out.get_ref<Json::object_t&>();
    for (const auto& m : extra.get_ref<const Json::object_t&>()) {
        bool is_known = false;
        for (const char* k : known) is_known = is_known || m.first == k;
        if (is_known) continue;
        bool present = false;  // a key already written (only possible for hand-made plans)
        for (const auto& w : members) present = present || w.first == m.first;
        if (!present) members.Container::emplace_back(m.first, m.second);
    }
}

// Writes integral values as integers, so 500 stays 500 and not 500.0.
Json numberJson(double x) {
    if (!std::isfinite(x)) return Json(0);
    if (x == std::floor(x) && std::fabs(x) < 9007199254740992.0)
        return Json(static_cast<std::int64_t>(x));
    return Json(x);
}

Json severityJson(const SeverityPolicy& s) {
    Json j = Json::object();
    j["coverage"] = s.coverage == Coverage::BusinessHours ? "business_hours" : "24x7";
    j["ack_minutes"] = s.ack_minutes;
    j["respond_minutes"] = s.respond_minutes;
    j["escalate_every_minutes"] = s.escalate_every_minutes ? Json(*s.escalate_every_minutes) : Json(nullptr);
    j["reaches_ceo"] = s.reaches_ceo;
    putExtra(j, s.extra, {"coverage", "ack_minutes", "respond_minutes", "escalate_every_minutes", "reaches_ceo"});
    return j;
}

Json policyJson(const Policy& pol) {
    Json j = Json::object();
    Json handoff = Json::object();
    handoff["weekday"] = weekdayName(pol.handoff_weekday);
    handoff["time"] = formatHm(pol.handoff_minute);
    putExtra(handoff, pol.handoff_extra, {"weekday", "time"});
    j["handoff"] = std::move(handoff);
    j["no_consecutive"] = pol.no_consecutive == NoConsecutive::Primary ? "primary" : "any";
    j["change_notice_days"] = pol.change_notice_days;
    Json bh = Json::object();
    bh["start"] = formatHm(pol.business_hours.start_minute);
    bh["end"] = formatHm(pol.business_hours.end_minute);
    Json days = Json::array();
    for (int d : pol.business_hours.days) days.push_back(weekdayName(d));
    bh["days"] = std::move(days);
    putExtra(bh, pol.business_hours.extra, {"start", "end", "days"});
    j["business_hours"] = std::move(bh);
    Json holidays = Json::array();
    for (Date d : pol.holidays) holidays.push_back(formatDate(d));
    j["holidays"] = std::move(holidays);
    Json sev = Json::object();
    for (const char* k : {"P0", "P1", "P2", "P3"}) {
        auto it = pol.severities.find(k);
        sev[k] = severityJson(it != pol.severities.end() ? it->second : defaultSeverity(k));
    }
    for (const auto& [name, s] : pol.severities)  // other severities a program added
        if (!sev.contains(name)) sev[name] = severityJson(s);
    putExtra(sev, pol.severities_extra, {});
    j["severities"] = std::move(sev);
    if (pol.readiness) {
        Json r = Json::object();
        r["shadow_weeks"] = pol.readiness->shadow_weeks;
        r["checklist"] = pol.readiness->checklist;
        putExtra(r, pol.readiness->extra, {"shadow_weeks", "checklist"});
        j["readiness"] = std::move(r);
    }
    putExtra(j, pol.extra,
             {"handoff", "no_consecutive", "change_notice_days", "business_hours", "holidays", "severities",
              "readiness"});
    return j;
}

void putOpt(Json& j, const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
}

// A week of `weeks`; in the published snapshot (`snapshot`) the four roles are always
// written, null where nobody was assigned, as changes.md shows them.
Json weekJson(const Week& w, bool snapshot) {
    Json o = Json::object();
    o["start"] = formatDate(w.start);
    if (snapshot) {
        auto put = [&](const char* key, const std::optional<std::string>& v) { o[key] = v ? Json(*v) : Json(nullptr); };
        put("primary", w.primary);
        put("secondary", w.secondary);
        put("escalation", w.escalation);
        put("shadow", w.shadow);
    } else {
        putOpt(o, "primary", w.primary);
        putOpt(o, "secondary", w.secondary);
        putOpt(o, "escalation", w.escalation);
        putOpt(o, "shadow", w.shadow);
    }
    if (w.emergency) o["emergency"] = true;
    putOpt(o, "note", w.note);
    putExtra(o, w.extra, {"start", "primary", "secondary", "escalation", "shadow", "emergency", "note"});
    return o;
}

Json overrideJson(const Override& ov) {
    Json o = Json::object();
    o["role"] = roleName(ov.role);
    o["person"] = ov.person;
    o["from"] = ov.from.text;
    o["to"] = ov.to.text;
    putOpt(o, "reason", ov.reason);
    putExtra(o, ov.extra, {"role", "person", "from", "to", "reason"});
    return o;
}

}  // namespace

std::string describeValue(const Json& v) { return describe(v); }

// [SECTION] public functions

TextPosition textPositionOf(std::string_view text, std::size_t offset) {
    const LineColumn lc = lineColumnOf(text, offset);
    return {lc.line, lc.column};
}

TextPosition jsonPointerPosition(std::string_view text, const std::string& pointer) {
    try {
        const LineColumn lc = locate(text, pointer);
        return {lc.line, lc.column};
    } catch (...) {
        return {};
    }
}

std::string LoadError::str() const {
    std::string s = pointer;
    if (line > 0) {
        s += s.empty() ? "" : " ";
        s += "(line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
    }
    if (!s.empty()) s += ": ";
    return s + message;
}

std::optional<LoadError> parseJsonText(std::string_view text, Json& doc) {
    auto error = [&](std::string pointer, LineColumn lc, std::string message) {
        return LoadError{cleanText(pointer), lc.line, lc.column, cleanText(message)};
    };
    // nlohmann's lexer takes a NUL byte for the end of the input and would drop the rest.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        return error("", lineColumnOf(text, nul),
                     "not valid JSON: a NUL byte (byte " + std::to_string(nul + 1) +
                         " of the file) cannot appear in JSON text; the file may be damaged or not a text file");
    DomBuilder builder(doc);
    Json::sax_parse(text.begin(), text.end(), &builder);
    if (builder.syntax_error) {
        // nlohmann counts the offending character as read: it sits at position - 1.
        const std::size_t offset = builder.error_position > 0 ? builder.error_position - 1 : 0;
        std::string detail = builder.error_message;
        const std::size_t col = detail.find("column ");
        const std::size_t colon = col == std::string::npos ? col : detail.find(": ", col);
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
        // nlohmann's "; last read: '...'" shows raw token text (often several lines of
        // it); the line and column say where, so it is left out.
        const std::size_t last = detail.find("; last read: '");
        if (last != std::string::npos) {
            const std::size_t end = detail.rfind("'; ");
            detail.erase(last, end != std::string::npos && end > last ? end + 1 - last : std::string::npos);
        }
        // Other nlohmann errors ("[json.exception.out_of_range.406] number overflow ...").
        if (detail.rfind("[json.exception.", 0) == 0) {
            const std::size_t tag = detail.find("] ");
            if (tag != std::string::npos) detail.erase(0, tag + 2);
        }
        return error("", lineColumnOf(text, offset), "not valid JSON: " + detail);
    }
    if (builder.too_deep)
        return error(builder.deep_pointer, locate(text, builder.deep_pointer),
                     "expected at most " + std::to_string(kMaxDepth) +
                         " nested arrays and objects, found deeper nesting");
    return std::nullopt;
}

LoadResult readPlan(std::string_view text) {
    LoadResult result;
    auto failWith = [&](std::string pointer, LineColumn lc, std::string message) {
        result.plan.reset();
        result.error = LoadError{cleanText(pointer), lc.line, lc.column, cleanText(message)};
        return result;
    };
    try {
        if (text.size() > kMaxPlanBytes)
            return failWith("", {}, "the file is too large (" + std::to_string(text.size()) +
                                        " bytes); Rotaplan reads plans up to 50 MiB (" +
                                        std::to_string(kMaxPlanBytes) + " bytes)");
        Json doc;
        if (auto e = parseJsonText(text, doc)) {
            result.error = std::move(*e);
            return result;
        }
        Reader reader;
        try {
            reader.read(doc);
        } catch (const Refusal& r) {
            return failWith(r.pointer, locate(text, r.locate), r.message);
        }
        result.plan = std::move(reader.plan);
        return result;
    } catch (const std::bad_alloc&) {
        return failWith("", {}, "out of memory while reading the plan");
    } catch (const std::exception& e) {
        return failWith("", {}, std::string("could not read the plan: ") + e.what());
    } catch (...) {
        return failWith("", {}, "could not read the plan");
    }
}

Json planToJson(const Plan& plan) {
    Json j = Json::object();
    j["rotaplan"] = kFormatVersion;

    Json team = Json::object();
    team["name"] = plan.team_name;
    team["timezone"] = plan.team_timezone;
    putExtra(team, plan.team_extra, {"name", "timezone"});
    j["team"] = std::move(team);

    j["policy"] = policyJson(plan.policy);

    Json people = Json::array();
    for (const Person& p : plan.people) {
        Json o = Json::object();
        o["id"] = p.id;
        o["name"] = p.name;
        putOpt(o, "email", p.email);
        putOpt(o, "phone", p.phone);
        putOpt(o, "timezone", p.timezone);
        if (!p.on_call) o["on_call"] = false;
        if (p.trainee) o["trainee"] = true;
        putOpt(o, "slack", p.slack);
        if (p.ready) o["ready"] = *p.ready;
        if (p.ready_since) o["ready_since"] = formatDate(*p.ready_since);
        if (p.inactive_from) o["inactive_from"] = formatDate(*p.inactive_from);
        putExtra(o, p.extra,
                 {"id", "name", "email", "phone", "timezone", "on_call", "trainee", "slack", "ready",
                  "ready_since", "inactive_from"});
        people.push_back(std::move(o));
    }
    j["people"] = std::move(people);

    Json contacts = Json::object();
    putOpt(contacts, "engineering_lead", plan.contacts.engineering_lead);
    putOpt(contacts, "cto", plan.contacts.cto);
    putOpt(contacts, "ceo", plan.contacts.ceo);
    putOpt(contacts, "security", plan.contacts.security);
    putExtra(contacts, plan.contacts.extra, {"engineering_lead", "cto", "ceo", "security"});
    j["contacts"] = std::move(contacts);

    Json time_off = Json::array();
    for (const TimeOff& t : plan.time_off) {
        Json o = Json::object();
        o["person"] = t.person;
        o["from"] = formatDate(t.from);
        o["to"] = formatDate(t.to);
        putOpt(o, "reason", t.reason);
        putExtra(o, t.extra, {"person", "from", "to", "reason"});
        time_off.push_back(std::move(o));
    }
    j["time_off"] = std::move(time_off);

    Json weeks = Json::array();
    for (const Week& w : plan.weeks) weeks.push_back(weekJson(w, false));
    j["weeks"] = std::move(weeks);

    Json overrides = Json::array();
    for (const Override& ov : plan.overrides) overrides.push_back(overrideJson(ov));
    j["overrides"] = std::move(overrides);

    Json requests = Json::array();
    for (const Request& r : plan.requests) {
        Json o = Json::object();
        o["id"] = r.id;
        o["type"] = requestTypeName(r.type);
        o["submitted"] = formatDate(r.submitted);
        o["by"] = r.by;
        o["week"] = formatDate(r.week);
        o["role"] = roleName(r.role);
        o["with"] = r.with;
        if (r.with_week) o["with_week"] = formatDate(*r.with_week);
        if (r.with_role) o["with_role"] = roleName(*r.with_role);
        if (r.emergency) o["emergency"] = true;
        o["status"] = requestStatusName(r.status);
        putExtra(o, r.extra,
                 {"id", "type", "submitted", "by", "week", "role", "with", "with_week", "with_role",
                  "emergency", "status"});
        requests.push_back(std::move(o));
    }
    j["requests"] = std::move(requests);

    if (plan.compensation) {
        const Compensation& c = *plan.compensation;
        Json o = Json::object();
        putOpt(o, "currency", c.currency);
        o["primary_weekly"] = numberJson(c.primary_weekly);
        o["secondary_weekly"] = numberJson(c.secondary_weekly);
        o["per_incident"] = numberJson(c.per_incident);
        o["weekend"] = numberJson(c.weekend);
        o["p0_rest_hours"] = numberJson(c.p0_rest_hours);
        o["weekend_comp_hours"] = numberJson(c.weekend_comp_hours);
        putExtra(o, c.extra,
                 {"currency", "primary_weekly", "secondary_weekly", "per_incident", "weekend",
                  "p0_rest_hours", "weekend_comp_hours"});
        j["compensation"] = std::move(o);
    }

    if (plan.published) {
        const Published& pub = *plan.published;
        Json o = Json::object();
        o["at"] = formatDate(pub.at);
        Json pw = Json::array();
        for (const Week& w : pub.weeks) pw.push_back(weekJson(w, true));
        o["weeks"] = std::move(pw);
        Json po = Json::array();
        for (const Override& ov : pub.overrides) po.push_back(overrideJson(ov));
        o["overrides"] = std::move(po);
        putExtra(o, pub.extra, {"at", "weeks", "overrides"});
        j["published"] = std::move(o);
    }

    putExtra(j, plan.extra,
             {"rotaplan", "team", "policy", "people", "contacts", "time_off", "weeks", "overrides",
              "requests", "compensation", "published"});
    return j;
}

namespace {

bool holdsNumberText(const Json& v) {
    if (isNumberText(v)) return true;
    if (v.is_object()) {
        for (const auto& m : v.get_ref<const Json::object_t&>())
            if (holdsNumberText(m.second)) return true;
    } else if (v.is_array()) {
        for (const Json& e : v.get_ref<const Json::array_t&>())
            if (holdsNumberText(e)) return true;
    }
    return false;
}

std::string dumpScalar(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// nlohmann's dump(2) layout, written out here so that numbers kept as text go out as
// that text (only plans holding such numbers take this path).
void dumpKeepingNumbers(std::string& out, const Json& v, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    if (isNumberText(v)) {
        out += numberText(v);
    } else if (v.is_object()) {
        const auto& members = v.get_ref<const Json::object_t&>();
        if (members.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& m : members) {
            if (!first) out += ",\n";
            first = false;
            out += pad;
            out += dumpScalar(Json(m.first));
            out += ": ";
            dumpKeepingNumbers(out, m.second, indent + 2);
        }
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
        out += '}';
    } else if (v.is_array()) {
        const auto& items = v.get_ref<const Json::array_t&>();
        if (items.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const Json& e : items) {
            if (!first) out += ",\n";
            first = false;
            out += pad;
            dumpKeepingNumbers(out, e, indent + 2);
        }
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
        out += ']';
    } else {
        out += dumpScalar(v);
    }
}

}  // namespace

std::string writePlan(const Plan& plan) {
    const Json j = planToJson(plan);
    std::string out;
    if (g_number_texts.load(std::memory_order_relaxed) && holdsNumberText(j)) dumpKeepingNumbers(out, j, 0);
    else if (!jsontext::appendValue(out, j, 0)) out = j.dump(2, ' ', false, Json::error_handler_t::replace);
    out += '\n';
    return out;
}

}  // namespace rp
