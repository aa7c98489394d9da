// JSON text written straight into a std::string, byte for byte nlohmann's dump(2)
// layout (ensure_ascii off). nlohmann's serializer writes through a virtual output
// adapter one character or chunk at a time; in the wasm build those indirect calls and
// out-of-line string appends made the JSON writers about twice as slow as native.
// Internal to the core.
#pragma once

#include <string>
#include <string_view>

#include "core/model/plan.hpp"

namespace rp::jsontext {

// Appends s as a JSON string (quotes included), escaped as nlohmann escapes it. Returns
// false, leaving `out` partly written, when s is not well-formed UTF-8: the caller then
// falls back to nlohmann, whose error handler decides (throw or replace).
bool appendString(std::string& out, std::string_view s);

// appendString into a caller's buffer with room for 2 + 6 * s.size() bytes: the position
// after the closing quote, nullptr when s is not well-formed UTF-8.
char* putString(char* p, std::string_view s);

// Appends v in nlohmann's dump(indent = 2) layout, the value itself starting at nesting
// `depth` (its closing bracket indented by 2 * depth). False as above.
bool appendValue(std::string& out, const Json& v, int depth);

// Appends "\n" + 2 * depth spaces.
void newline(std::string& out, int depth);

}  // namespace rp::jsontext
