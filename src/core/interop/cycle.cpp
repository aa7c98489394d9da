// The base-cycle finder. For every period n from 1 to the number of distinct people,
// the best cycle of that period gives each residue r = k mod n the person who holds the
// most weeks with that residue, each person at most once (greedy on the counts, largest
// first; ties: lower residue, then the person seen first). The cycle explaining the most
// weeks wins; ties go to the shorter period. Distinct people only: whether PagerDuty,
// Grafana OnCall or GoAlert accept a user twice in one rotation is not documented.
#include "core/interop/cycle.hpp"

#include <algorithm>
#include <unordered_map>

namespace rp::interop {

BaseCycle findBaseCycle(const std::vector<std::string>& week_people) {
    // People by first appearance; weeks as (week, person index).
    std::vector<std::string> people;
    std::unordered_map<std::string, int> index;
    std::vector<std::pair<long, int>> weeks;
    for (std::size_t k = 0; k < week_people.size(); ++k) {
        const std::string& p = week_people[k];
        if (p.empty()) continue;
        auto [it, inserted] = index.emplace(p, static_cast<int>(people.size()));
        if (inserted) people.push_back(p);
        weeks.emplace_back(static_cast<long>(k), it->second);
    }
    BaseCycle best;
    if (weeks.empty()) return best;
    const int total = static_cast<int>(weeks.size());
    const long max_period = std::min<long>(static_cast<long>(people.size()), static_cast<long>(week_people.size()));

    struct Count {
        long residue;
        int person, weeks;
    };
    std::vector<long> keys(weeks.size());
    std::vector<Count> counts;
    std::vector<int> assigned, owner;
    std::vector<int> best_assignment;
    long best_n = 0;
    for (long n = 1; n <= max_period; ++n) {
        const long P = static_cast<long>(people.size());
        for (std::size_t i = 0; i < weeks.size(); ++i) keys[i] = (weeks[i].first % n) * P + weeks[i].second;
        std::sort(keys.begin(), keys.end());
        counts.clear();
        for (std::size_t i = 0; i < keys.size();) {
            std::size_t j = i;
            while (j < keys.size() && keys[j] == keys[i]) ++j;
            counts.push_back({keys[i] / P, static_cast<int>(keys[i] % P), static_cast<int>(j - i)});
            i = j;
        }
        std::sort(counts.begin(), counts.end(), [](const Count& a, const Count& b) {
            if (a.weeks != b.weeks) return a.weeks > b.weeks;
            if (a.residue != b.residue) return a.residue < b.residue;
            return a.person < b.person;
        });
        assigned.assign(static_cast<std::size_t>(n), -1);
        owner.assign(people.size(), -1);
        int explained = 0;
        for (const Count& c : counts) {
            if (assigned[static_cast<std::size_t>(c.residue)] >= 0 || owner[static_cast<std::size_t>(c.person)] >= 0) continue;
            assigned[static_cast<std::size_t>(c.residue)] = c.person;
            owner[static_cast<std::size_t>(c.person)] = static_cast<int>(c.residue);
            explained += c.weeks;
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
    for (long r = 0; r < best_n; ++r) best.people.push_back(people[static_cast<std::size_t>(best_assignment[static_cast<std::size_t>(r)])]);
    return best;
}

}  // namespace rp::interop
