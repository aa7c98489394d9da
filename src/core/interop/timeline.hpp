// Internal to src/core/interop: one schedule's resolved timeline as a vendor file gives
// it, the form every reader produces and the shared timeline-to-weeks algorithm
// (timeline.cpp) consumes.
#pragma once
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/interop/interop.hpp"

namespace rp::interop::detail {

// A person as the vendor file names them; `key` identifies them across the role files.
struct TimelineUser {
    std::string key;         // vendor id, else e-mail (lower case), else name
    std::string vendor_id, name, email, username;
};

struct TimelineEntry {
    int user = 0;            // index into VendorTimeline::users
    Instant start, end;
    std::string pointer;     // where the entry is (for messages)
    int priority = 0;        // where entries overlap, the higher keeps the time ([L2] in iCalendar)
};

struct VendorTimeline {
    std::optional<std::string> zone;   // the schedule's zone as the file names it
    std::string zone_pointer;          // where (for an unknown zone)
    std::optional<int> zone_line;      // an iCalendar line instead of a pointer
    std::optional<std::string> name;   // the schedule's name
    std::vector<TimelineUser> users;
    std::vector<TimelineEntry> entries;
    std::vector<Loss> losses;          // role and week filled in by the caller

    // Adds or finds (by key) a user; fills in what the earlier mention lacked.
    int addUser(TimelineUser user);
    std::unordered_map<std::string, int> user_index;   // key -> index into users
    // Adds an entry; end before start is a refusal at `end_pointer`, an empty one is dropped.
    void addEntry(int user, Instant start, Instant end, const std::string& pointer, const std::string& end_pointer,
                  int priority = 0);
};

}  // namespace rp::interop::detail
