// Maximum flow (Dinic's algorithm), used by the draft to bound the balance it can reach
// (docs/drafting.md "Balance: optimal"). Internal to src/core/rules/draft.cpp.
#pragma once
#include <algorithm>
#include <limits>
#include <vector>

namespace rp::draftflow {

class MaxFlow {
public:
    explicit MaxFlow(int nodes) : g_(static_cast<std::size_t>(nodes)), level_(g_.size()), next_(g_.size()) {}

    void addEdge(int from, int to, int cap) {
        if (cap <= 0) return;
        g_[from].push_back({to, static_cast<int>(g_[to].size()), cap});
        g_[to].push_back({from, static_cast<int>(g_[from].size()) - 1, 0});
    }

    // The value of a maximum flow from s to t (the graph keeps the flow afterwards).
    long long run(int s, int t) {
        long long total = 0;
        while (levels(s, t)) {
            std::fill(next_.begin(), next_.end(), 0);
            while (int f = push(s, t, std::numeric_limits<int>::max())) total += f;
        }
        return total;
    }

private:
    struct Edge {
        int to, rev, cap;
    };
    std::vector<std::vector<Edge>> g_;
    std::vector<int> level_;
    std::vector<std::size_t> next_;
    std::vector<int> queue_;

    bool levels(int s, int t) {
        std::fill(level_.begin(), level_.end(), -1);
        queue_.assign(1, s);
        level_[s] = 0;
        for (std::size_t i = 0; i < queue_.size(); ++i) {
            const int u = queue_[i];
            for (const Edge& e : g_[u])
                if (e.cap > 0 && level_[e.to] < 0) {
                    level_[e.to] = level_[u] + 1;
                    queue_.push_back(e.to);
                }
        }
        return level_[t] >= 0;
    }

    // One augmenting path in the level graph (paths here are at most 4 edges long, so
    // the recursion stays shallow).
    int push(int u, int t, int limit) {
        if (u == t) return limit;
        for (std::size_t& i = next_[u]; i < g_[u].size(); ++i) {
            Edge& e = g_[u][i];
            if (e.cap <= 0 || level_[e.to] != level_[u] + 1) continue;
            if (int f = push(e.to, t, std::min(limit, e.cap))) {
                e.cap -= f;
                g_[e.to][e.rev].cap += f;
                return f;
            }
        }
        return 0;
    }
};

// An edge that must carry between lo and hi units.
struct BoundedEdge {
    int from, to, lo, hi;
};

// Whether some circulation carries between lo and hi units on every edge (the usual
// reduction to one maximum flow from a super source to a super sink).
inline bool feasibleCirculation(int nodes, const std::vector<BoundedEdge>& edges) {
    MaxFlow g(nodes + 2);
    const int s = nodes, t = nodes + 1;
    std::vector<long long> excess(static_cast<std::size_t>(nodes), 0);
    for (const BoundedEdge& e : edges) {
        if (e.lo > e.hi) return false;
        g.addEdge(e.from, e.to, e.hi - e.lo);
        excess[e.to] += e.lo;
        excess[e.from] -= e.lo;
    }
    long long need = 0;
    for (int v = 0; v < nodes; ++v) {
        if (excess[v] > 0) {
            g.addEdge(s, v, static_cast<int>(excess[v]));
            need += excess[v];
        } else if (excess[v] < 0) {
            g.addEdge(v, t, static_cast<int>(-excess[v]));
        }
    }
    return g.run(s, t) == need;
}

}  // namespace rp::draftflow
