// The base-cycle finder (docs/interop.md "The base rotation"): the weekly cycle of
// distinct people that explains the most weeks of a role. Exports write it as the
// vendor's native rotation and spend overrides only on the weeks it does not explain.
#pragma once
#include <string>
#include <vector>

namespace rp::interop {

struct BaseCycle {
    std::vector<std::string> people;   // turn k of the rotation is people[k mod n]; empty: no rotation
    int explained = 0;                 // weeks k with week_people[k] == people[k mod n]
};

// week_people[k]: who holds the role for the largest part of week k ("" nobody).
BaseCycle findBaseCycle(const std::vector<std::string>& week_people);

}  // namespace rp::interop
