// Reading and writing plan files (plan-format.md). Errors are values.
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "core/model/plan.hpp"

namespace rp {

struct LoadError {
    std::string pointer;   // JSON pointer of the offending value ("" for the document)
    int line = 0;          // 1-based; 0 when unknown
    int column = 0;        // 1-based; 0 when unknown
    std::string message;   // what was expected / what is wrong
    // "<pointer> (line L, column C): message" — one line.
    std::string str() const;
};

struct LoadResult {
    std::optional<Plan> plan;
    std::optional<LoadError> error;
    bool ok() const { return plan.has_value(); }
};

constexpr std::size_t kMaxPlanBytes = 50u * 1024u * 1024u;

// Parses JSON text into an ordered DOM the way readPlan does: a NUL byte, nesting deeper
// than 256 and syntax errors are refused with the line and column; an integer beyond 64
// bits is kept as its text (a binary value, written back as it was by writePlan). No
// size limit. Never throws std::exception from nlohmann.
std::optional<LoadError> parseJsonText(std::string_view text, Json& out);

// How a value is named after "found" in a message: strings quoted (and shortened),
// numbers and literals as written, containers by kind ("an empty array").
std::string describeValue(const Json& v);

// Parses and validates a plan. Never throws; never half-fills: either a plan or an error.
LoadResult readPlan(std::string_view text);

// Writes a plan as JSON text (2-space indent, trailing newline). Deterministic:
// writing the same plan twice gives identical bytes; unknown fields are kept.
std::string writePlan(const Plan& plan);
Json planToJson(const Plan& plan);

// Where things are in a JSON text, for messages about other JSON files (the vendor files
// of src/core/interop): the 1-based line and column of a byte offset, and of the value
// at a JSON pointer ({0, 0} when the pointer names nothing).
struct TextPosition {
    int line = 0, column = 0;
};
TextPosition textPositionOf(std::string_view text, std::size_t offset);
TextPosition jsonPointerPosition(std::string_view text, const std::string& pointer);

}  // namespace rp
