// The base-cycle finder. For every period n from 1 to the number of distinct people,
// the best cycle of that period gives each residue r = k mod n the person who holds the
// most weeks with that residue, each person at most once (greedy on the counts, largest
// first; ties: the person seen first). The cycle explaining the most
// weeks wins; ties go to the shorter period. Distinct people only: whether PagerDuty,
// Grafana OnCall or GoAlert accept a user twice in one rotation is not documented.
#include "core/interop/cycle.hpp"

#include <algorithm>
#include <unordered_map>

namespace rp::interop {

BaseCycle findBaseCycle(const std::vector<std::string>& week_people) {
    // People by first appearance, and the weeks each holds.
    std::vector<std::string> people;
    std::unordered_map<std::string, int> index;
    std::vector<std::vector<long>> weeks_of;
    int total = 0;
    for (std::size_t k = 0; k < week_people.size(); ++k) {
        const std::string& p = week_people[k];
        if (p.empty()) continue;
        auto [it, inserted] = index.emplace(p, static_cast<int>(people.size()));
        if (inserted) {
            people.push_back(p);
            weeks_of.emplace_back();
        }
        weeks_of[static_cast<std::size_t>(it->second)].push_back(static_cast<long>(k));
        ++total;
    }
    BaseCycle best;
    if (total == 0) return best;
    const long max_period = std::min<long>(static_cast<long>(people.size()), static_cast<long>(week_people.size()));

    struct Count {
        long residue;
        int person;
    };
    // For one period: the (residue, person) pairs bucketed by how many weeks they explain,
    // each bucket in order of the person's first appearance, then of the residue's.
    std::vector<std::vector<Count>> buckets(static_cast<std::size_t>(total) + 1);
    std::vector<int> scratch, assigned, owner, best_assignment;
    std::vector<long> touched;
    long best_n = 0;
    for (long n = 1; n <= max_period; ++n) {
        for (auto& b : buckets) b.clear();
        scratch.assign(static_cast<std::size_t>(n), 0);
        for (std::size_t p = 0; p < people.size(); ++p) {
            touched.clear();
            for (long k : weeks_of[p]) {
                const long r = k % n;
                if (scratch[static_cast<std::size_t>(r)]++ == 0) touched.push_back(r);
            }
            for (long r : touched) {
                buckets[static_cast<std::size_t>(scratch[static_cast<std::size_t>(r)])].push_back({r, static_cast<int>(p)});
                scratch[static_cast<std::size_t>(r)] = 0;
            }
        }
        assigned.assign(static_cast<std::size_t>(n), -1);
        owner.assign(people.size(), -1);
        int explained = 0;
        for (std::size_t c = buckets.size(); c-- > 1;) {
            for (const Count& x : buckets[c]) {
                if (assigned[static_cast<std::size_t>(x.residue)] >= 0 || owner[static_cast<std::size_t>(x.person)] >= 0) continue;
                assigned[static_cast<std::size_t>(x.residue)] = x.person;
                owner[static_cast<std::size_t>(x.person)] = static_cast<int>(x.residue);
                explained += static_cast<int>(c);
            }
        }
        if (explained > best.explained) {
            best.explained = explained;
            best_n = n;
            best_assignment = assigned;
            // Residues no week explains take the people left, in order of first appearance.
            std::size_t next = 0;
            for (int& a : best_assignment) {
                if (a >= 0) continue;
                while (owner[next] != -1) ++next;
                a = static_cast<int>(next);
                owner[next] = -2;
            }
        }
        if (explained == total) break;
    }
    for (long r = 0; r < best_n; ++r)
        best.people.push_back(people[static_cast<std::size_t>(best_assignment[static_cast<std::size_t>(r)])]);
    return best;
}

}  // namespace rp::interop
