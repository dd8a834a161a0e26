// A partial contraction hierarchy of the road graph for the travel matrix (Geisberger, Sanders,
// Schultes & Delling, "Contraction hierarchies: faster and simpler hierarchical routing in road
// networks", WEA 2008), stopped at a core of the least contractible nodes (as in their core-based
// variants): contracting the whole of a grid-like network builds separator-sized cliques at the
// top, while the first 97 % contract with about one shortcut per node. A contracted node keeps
// its arcs to the nodes left when it was contracted ("up" arcs, and the arcs from them into it);
// the core keeps its own arcs and the shortcuts, laid out for the bucketed searches. Built once
// per road graph and kept with it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "analysis/road_graph.h"
#include "analysis/routing/road_search.h"
#include "model/error.h"
#include "model/feedback.h"

namespace coopmap::analysis::routing {

struct Hierarchy {
#pragma pack(push, 4)
    struct Arc {
        std::uint32_t to;  // road node
        Cost c;
    };
#pragma pack(pop)
    // Per road node: its core search node, kNone when contracted.
    std::vector<std::uint32_t> core;
    // Per contracted road node v, CSR (n + 1 offsets): up[v]: arcs v → w to the nodes left when
    // v was contracted; down[v]: the arcs w → v from them, stored with w as `to`.
    std::vector<std::uint32_t> up_first, down_first;
    std::vector<Arc> up, down;
    // The core with its shortcuts; core_node[k]: road node of core search node k.
    std::unique_ptr<SearchGraph> core_graph;
    std::vector<std::uint32_t> core_node;
    std::size_t shortcuts = 0;
    // Every arc of the road graph has its reverse with the same seconds and metres (no one-way
    // roads, no costs by direction): the cost from a to b is then the cost from b to a, and the
    // matrix needs each pair once.
    bool two_way = false;

    std::size_t core_size() const { return core_node.size(); }
};

// The graph's hierarchy, built on first use (with the feedback's progress and cancel) and kept
// with the graph for every later matrix over it. Null when cancelled.
std::shared_ptr<const Hierarchy> hierarchy_of(const RoadGraph& graph, const Feedback& feedback, double from,
                                              double to);

// Builds one (tests, the bench): the core keeps `core_share` of the nodes.
std::shared_ptr<const Hierarchy> build_hierarchy(const RoadGraph& graph, double core_share, const Feedback& feedback,
                                                 double from, double to);

}  // namespace coopmap::analysis::routing
