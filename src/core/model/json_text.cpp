// JSON text in nlohmann's dump(2) layout, without its serializer (see json_text.hpp).
#include "core/model/json_text.hpp"

#include "core/model/digits.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace rp::jsontext {

namespace {

// The length of the well-formed UTF-8 sequence (Unicode table 3-7) starting at s[i]
// with lead byte c >= 0x80, 0 when there is none.
std::size_t utf8Length(std::string_view s, std::size_t i, unsigned char c) {
    auto at = [&](std::size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto cont = [](unsigned b) { return b >= 0x80 && b <= 0xBF; };
    if (c >= 0xC2 && c <= 0xDF) return cont(at(1)) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned b = at(1);
        const bool ok = c == 0xE0 ? (b >= 0xA0 && b <= 0xBF) : c == 0xED ? (b >= 0x80 && b <= 0x9F) : cont(b);
        return ok && cont(at(2)) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned b = at(1);
        const bool ok = c == 0xF0 ? (b >= 0x90 && b <= 0xBF) : c == 0xF4 ? (b >= 0x80 && b <= 0x8F) : cont(b);
        return ok && cont(at(2)) && cont(at(3)) ? 4 : 0;
    }
    return 0;
}

}  // namespace

char* putString(char* p, std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    *p++ = '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8Length(s, i, c);
            if (n == 0) return nullptr;
            i += n;
            continue;
        }
        p = fixed::copy(p, s.data() + run, i - run);
        *p++ = '\\';
        switch (c) {
            case '"': *p++ = '"'; break;
            case '\\': *p++ = '\\'; break;
            case '\b': *p++ = 'b'; break;
            case '\f': *p++ = 'f'; break;
            case '\n': *p++ = 'n'; break;
            case '\r': *p++ = 'r'; break;
            case '\t': *p++ = 't'; break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = kHex[c >> 4];
                *p++ = kHex[c & 15];
        }
        run = ++i;
    }
    p = fixed::copy(p, s.data() + run, s.size() - run);
    *p++ = '"';
    return p;
}

bool appendString(std::string& out, std::string_view s) {
    // Short strings (almost all of a plan) through a buffer on the stack, longer ones
    // straight into `out`, both by putString.
    constexpr std::size_t kShort = 256;
    if (s.size() <= kShort) {
        char buf[2 + 6 * kShort];
        char* e = putString(buf, s);
        if (!e) return false;
        out.append(buf, static_cast<std::size_t>(e - buf));
        return true;
    }
    const std::size_t at = out.size();
    out.resize(at + 2 + 6 * s.size());
    char* e = putString(out.data() + at, s);
    out.resize(e ? static_cast<std::size_t>(e - out.data()) : at);
    return e != nullptr;
}

void newline(std::string& out, int depth) {
    out += '\n';
    out.append(static_cast<std::size_t>(2 * depth), ' ');
}

bool appendValue(std::string& out, const Json& v, int depth) {
    switch (v.type()) {
        case Json::value_t::object: {
            const auto& members = v.get_ref<const Json::object_t&>();
            if (members.empty()) {
                out += "{}";
                return true;
            }
            out += '{';
            bool first = true;
            for (const auto& m : members) {
                if (!first) out += ',';
                first = false;
                newline(out, depth + 1);
                if (!appendString(out, m.first)) return false;
                out += ": ";
                if (!appendValue(out, m.second, depth + 1)) return false;
            }
            newline(out, depth);
            out += '}';
            return true;
        }
        case Json::value_t::array: {
            const auto& items = v.get_ref<const Json::array_t&>();
            if (items.empty()) {
                out += "[]";
                return true;
            }
            out += '[';
            bool first = true;
            for (const Json& e : items) {
                if (!first) out += ',';
                first = false;
                newline(out, depth + 1);
                if (!appendValue(out, e, depth + 1)) return false;
            }
            newline(out, depth);
            out += ']';
            return true;
        }
        case Json::value_t::string: return appendString(out, v.get_ref<const std::string&>());
        case Json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return true;
        case Json::value_t::null: out += "null"; return true;
        case Json::value_t::number_integer: {
            char buf[24];
            const auto r = std::to_chars(buf, buf + sizeof buf, v.get<std::int64_t>());
            out.append(buf, static_cast<std::size_t>(r.ptr - buf));
            return true;
        }
        case Json::value_t::number_unsigned: {
            char buf[24];
            const auto r = std::to_chars(buf, buf + sizeof buf, v.get<std::uint64_t>());
            out.append(buf, static_cast<std::size_t>(r.ptr - buf));
            return true;
        }
        case Json::value_t::binary: return false;  // never in a plan: nlohmann lays it out
        default:  // floating point, discarded: nlohmann's own text (a scalar)
            out += v.dump();
            return true;
    }
}

}  // namespace rp::jsontext
