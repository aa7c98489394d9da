// Internal to src/core/interop: reading vendor JSON with JSON pointers for messages,
// vendor date-time text, and the names exports give schedules and shifts.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/interop/interop.hpp"

namespace date { class time_zone; }

namespace rp::interop::detail {

// A refusal inside a reader; turned into an InputError (with line and column) at the edge.
struct Failure {
    std::string pointer;                 // JSON pointer, or "" for the document
    std::string message;
    std::optional<std::size_t> offset;   // a syntax error's byte offset
    std::optional<int> ics_line;         // an iCalendar line
};

[[noreturn]] void fail(std::string pointer, std::string message);
// "/" + a key escaped as a JSON pointer reference token (RFC 6901).
std::string pointerToken(std::string_view key);

// Parses JSON text (at most 50 MB, nesting at most 100 deep); throws Failure.
Json parseJson(std::string_view text);
// A Failure as the caller shows it: the pointer with its line and column in `text`.
InputError toInputError(std::string_view text, const Failure& f);

// A value inside a parsed document with its pointer, for readers that name the place.
class Node {
public:
    Node(const Json& value, std::string pointer) : value_(&value), pointer_(std::move(pointer)) {}
    const Json& json() const { return *value_; }
    const std::string& pointer() const { return pointer_; }
    bool isObject() const { return value_->is_object(); }
    bool isArray() const { return value_->is_array(); }
    bool isNull() const { return value_->is_null(); }
    // A member that is present and not null.
    std::optional<Node> get(std::string_view key) const;
    // A required member ("expected `what`" when missing).
    Node at(std::string_view key, std::string_view what) const;
    std::string string(std::string_view what) const;          // throws unless a string
    std::optional<std::string> optString(std::string_view key) const;  // a string member, else nullopt
    std::vector<Node> items(std::string_view what) const;    // throws unless an array
    Instant instant() const;                                  // an RFC 3339 date-time with offset
    [[noreturn]] void failHere(std::string message) const { fail(pointer_, std::move(message)); }

private:
    const Json* value_;
    std::string pointer_;
};

// "2026-11-30T09:00:00-05:00", "...Z", "...T09:00:00.000+0100": an instant; nullopt
// without an offset or when malformed.
std::optional<Instant> parseVendorInstant(std::string_view s);
// How a JSON value is named in a message: strings quoted and shortened, containers by kind.
std::string describe(const Json& v);

// ---- names and times of the exports ----

// "Platform" -> "platform"; anything else than letters and digits becomes '-'.
std::string slug(std::string_view text);
// The IANA zone exports carry ("EST" is written as America/New_York, plan-format.md).
std::string exportZoneName(const Plan& plan);
// "Platform primary", "Platform secondary", "Platform shadow".
std::string scheduleName(const Plan& plan, Role role);
// A wall-clock reading without offset, "2026-11-30T09:00:00" (Grafana OnCall).
std::string naiveLocal(const date::time_zone* zone, Instant t);
// True when that naive reading names t itself (not the second of a repeated hour).
bool naiveNames(const date::time_zone* zone, Instant t);
// A person as a sentence names them: "Alice Ng (alice)".
std::string personLabel(const Plan& plan, const std::string& id);
// Local "2026-12-02 18:00" in a zone, for loss details.
std::string localText(const date::time_zone* zone, Instant t);
// Serialises an export document: 2-space indent, trailing newline.
std::string documentText(const Json& doc);
// Lower-cases ASCII letters.
std::string lower(std::string_view s);

}  // namespace rp::interop::detail
