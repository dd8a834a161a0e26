// The searches the travel matrix runs over a road graph or over its hierarchy's core: costs in
// (seconds, metres), a copy of the graph laid out for the searches, and one bucketed search.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "analysis/coverage.h"  // Points, kInf, kNone

namespace coopmap::analysis::routing {

// Seconds first, metres to choose among equally fast paths: a total order that addition keeps,
// so the searches and Boost's Dijkstra (the tests) find the one (seconds, metres) minimum and the
// km of a pair do not depend on which of several equally fast paths a search happened to take.
struct Cost {
    double s = kInf, m = kInf;
};
inline bool operator<(const Cost& a, const Cost& b) { return a.s < b.s || (a.s == b.s && a.m < b.m); }
inline Cost operator+(const Cost& a, const Cost& b) { return {a.s + b.s, a.m + b.m}; }

// Labels stamped per search (no reset between searches) under a binary heap: the small
// searches, the witness searches of the contraction and the matrix's up searches.
class HeapSearch {
public:
    explicit HeapSearch(std::size_t n) : dist_(n), stamp_(n, 0) {}

    void start(std::uint32_t source)
    {
        ++gen_;
        heap_.clear();
        put(source, {0, 0});
    }
    // The next node to settle and its cost; false when there is none.
    bool next(std::uint32_t& v, Cost& d)
    {
        while (!heap_.empty()) {
            std::pop_heap(heap_.begin(), heap_.end(), later);
            std::tie(d, v) = heap_.back();
            heap_.pop_back();
            if (!(dist_[v] < d)) return true;  // else an older, costlier entry of v
        }
        return false;
    }
    void relax(std::uint32_t v, Cost c)
    {
        if (stamp_[v] != gen_ || c < dist_[v]) put(v, c);
    }
    // Not reached by this search: kInf.
    Cost cost(std::uint32_t v) const { return stamp_[v] == gen_ ? dist_[v] : Cost{}; }

private:
    using Item = std::pair<Cost, std::uint32_t>;
    // A type, not a function pointer, so that the heap's compare is inlined.
    struct Later {
        bool operator()(const Item& a, const Item& b) const { return b.first < a.first; }
    };
    static constexpr Later later{};
    void put(std::uint32_t v, Cost c)
    {
        stamp_[v] = gen_;
        dist_[v] = c;
        heap_.push_back({c, v});
        std::push_heap(heap_.begin(), heap_.end(), later);
    }
    std::vector<Cost> dist_;
    std::vector<std::uint32_t> stamp_;
    std::uint32_t gen_ = 0;
    std::vector<Item> heap_;
};

// A directed graph as compressed rows: arcs of node v at [offsets[v], offsets[v + 1]).
struct ArcRows {
    std::span<const std::uint32_t> offsets, targets;
    std::span<const double> seconds, metres;
    const Points* positions = nullptr;  // per node, or null: kept in the given order
};

// A graph as the searches read it: nodes renumbered along a Hilbert curve of their positions,
// so that the nodes a search reaches together (a ring around the source) and their arcs lie
// together in memory, and each arc's head, seconds and metres in one record. On a graph too
// large for the caches the searches wait on memory, not on arithmetic; nodes in the order the
// road lines happened to list them cost a cache miss per arc.
struct SearchGraph {
#pragma pack(push, 4)
    struct Arc {
        std::uint32_t to;
        double s, m;
    };
#pragma pack(pop)
    std::vector<std::uint32_t> id;  // given node → search node
    std::vector<std::uint32_t> first;  // n + 1: the last holds the end of the arcs
    std::vector<Arc> arcs;
    double width = 1, longest = 0;  // bucket width; longest arc in seconds

    explicit SearchGraph(const ArcRows& rows);
    std::size_t size() const { return id.size(); }
};

// Searches over one SearchGraph, bucketed by cost: Δ-stepping (Meyer & Sanders, "Δ-stepping: a
// parallelizable shortest path algorithm", J. Algorithms 49(1), 2003), run on one core. Nodes
// wait in buckets of width Δ by their seconds; a bucket is emptied in any order, and a node
// improved into the bucket being emptied is scanned again, so when the search leaves a bucket
// every node in it has its final (seconds, metres). With Δ no wider than the shortest arc this
// is Dial's algorithm (CACM 12(11), 1969) and no node is scanned twice. A bucket costs O(1)
// where a binary heap costs O(log n) per node, and road arcs are all within a few orders of
// magnitude of each other, so the buckets stay few. One object per thread.
class BucketSearch {
public:
    struct Start {
        std::uint32_t node;  // search node
        Cost c;
    };
    explicit BucketSearch(const SearchGraph& g);

    // Costs from the starts until the bucket in which the last of `targets` targets was
    // reached: the search nodes v with column[v] != kNone and rank[column[v]] > after (every
    // column when `after` is -1). cost(v) then holds the cost of each.
    void run(std::span<const Start> starts, std::size_t targets, const std::vector<std::uint32_t>& column,
             const std::vector<std::uint32_t>& rank, std::int64_t after);

    // Not reached: kInf.
    Cost cost(std::uint32_t v) const { return node_[v].gen == stamp_ ? node_[v].c : Cost{}; }
    std::uint64_t scanned() const { return scanned_; }

private:
    struct Node {
        Cost c;
        std::uint32_t where = kNone;  // the bucket the node waits in; kNone: not waiting
        std::uint32_t gen = 0;  // the search that wrote c and where
    };
    const SearchGraph& g_;
    std::vector<Node> node_;
    double inverse_;
    std::vector<std::vector<std::uint32_t>> ring_;  // bucket k at k mod size: no arc spans it
    std::vector<std::uint32_t> current_;
    std::vector<std::uint32_t> seen_;  // per target column: the search that reached it
    std::uint32_t stamp_ = 0;
    std::uint64_t scanned_ = 0;  // node scans over every run
};

}  // namespace coopmap::analysis::routing
