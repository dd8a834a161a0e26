// The stop-to-stop travel matrix the route solver needs (issue 18): minutes and km along the
// fastest road path between every two stops, over the snapped road graph. Where there is no
// road — a stop farther than the snap limit from every road node, or a pair with no road path
// from one to the other (disconnected pieces, one-way roads) — the pair is estimated as the
// geodesic distance × a detour factor at an off-road speed, and marked so that the output can
// say which figures are estimates.
//
// Many-to-many over a contraction hierarchy (Geisberger, Sanders, Schultes & Delling,
// "Contraction hierarchies: faster and simpler hierarchical routing in road networks", WEA
// 2008) with the bucket method of Knopp, Sanders, Schultes, Schulz & Wagner, "Computing
// many-to-many shortest paths using highway hierarchies", ALENEX 2007: one upward search per
// stop each way, the backward ones leaving their distances in buckets at the nodes they
// settle, the forward ones reading them. The hierarchy is built once per road graph and kept.
// Its contraction order is a nested dissection of the nodes by their positions (recursive
// coordinate bisection, the order of Dibbelt, Strasser & Wagner's customizable contraction
// hierarchies, ACM JEA 21, 2016): separators last, so that grid-like networks — where the
// edge-difference order degenerates into a dense core — contract in one pass; each node is
// contracted once with bounded witness searches (an extra shortcut costs time, never exactness).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "analysis/coverage.h"  // Points, kInf, kNone
#include "analysis/road_graph.h"
#include "model/error.h"
#include "model/feedback.h"

namespace coopmap::analysis::routing {

struct MatrixOptions {
    // A stop farther than this from every road node (geodesic metres) is off-road.
    double snap_limit_m = 500;
    // Road km per straight-line km where there is no road: circuity of rural road networks is
    // about 1.2–1.4 (Ballou, Rahardja & Sakai, "Selected country circuity factors for road
    // travel distance estimation", Transportation Research A 36(9) 2002).
    double detour_factor = 1.3;
    // Speed on the estimated legs (km/h): tracks and field roads not in the road layer.
    double offroad_kmh = 20;
};

struct TravelMatrix {
    std::size_t n = 0;  // stops
    // n × n, row-major from → to; the diagonal is 0. Along the fastest road path (the
    // shortest of equally fast ones), from the road node each stop snaps to; the walk from
    // the stop to that node is reported in snap_m and not added (as RoadGraph::snap says).
    std::vector<double> minutes;
    std::vector<double> km;
    std::vector<std::uint32_t> node;  // road node per stop; kNone: off-road
    std::vector<double> snap_m;  // metres from the stop to that node; kInf when off-road
    std::vector<std::uint8_t> offroad;  // per stop: 1 when no road node is within the snap limit
    std::vector<std::uint8_t> estimated;  // per pair (n × n): 1 when geodesic × detour factor
    std::size_t offroad_stops = 0, estimated_pairs = 0;
    MatrixOptions options;  // what the estimates used, for the output to state

    double minutes_at(std::size_t from, std::size_t to) const { return minutes[from * n + to]; }
    double km_at(std::size_t from, std::size_t to) const { return km[from * n + to]; }
    bool estimated_at(std::size_t from, std::size_t to) const { return estimated[from * n + to] != 0; }
};

// The contraction hierarchy of one road graph: built once, then any number of matrices over
// it. Keeps the graph alive. A graph without node positions, or one without small separators
// (links across the map at random), is contracted in the edge-difference order instead.
class RoadHierarchy {
public:
    static Result<std::shared_ptr<const RoadHierarchy>> build(std::shared_ptr<const RoadGraph> graph,
                                                              const Feedback& feedback = Feedback());

    const RoadGraph& graph() const { return *graph_; }
    std::size_t shortcut_count() const { return shortcuts_; }
    double build_seconds() const { return build_seconds_; }
    // Whether the contraction order was the nested dissection (else the edge-difference order).
    bool dissection() const { return dissection_; }

    // Upward arcs in rank order (node ids renumbered: 0 is the most important node).
    struct Arc {
        std::uint32_t to = 0;
        double seconds = 0, metres = 0;
    };
    std::vector<std::uint32_t> rank_of;  // graph node → hierarchy id
    std::vector<std::uint32_t> up_offset, down_offset;  // CSR per hierarchy id
    std::vector<Arc> up;  // v → w with w more important (forward searches)
    std::vector<Arc> down;  // w → v reversed: at v, arcs from more important w (backward searches)

private:
    std::shared_ptr<const RoadGraph> graph_;
    std::size_t shortcuts_ = 0;
    double build_seconds_ = 0;
    bool dissection_ = false;
};

// Fails (as a value) on options out of range (snap limit < 0, detour factor < 1, off-road
// speed <= 0), a stop whose coordinates are not finite, a graph without node positions, and
// with cancelled_error when the feedback is cancelled.
Result<TravelMatrix> travel_matrix(const RoadHierarchy& hierarchy, const Points& stops,
                                   const MatrixOptions& options = {}, const Feedback& feedback = Feedback());

// The same from the graph alone: one Dijkstra per distinct road node among the stops. No
// preprocessing, for a few stops or a graph used once; the answer is the same.
Result<TravelMatrix> travel_matrix(const RoadGraph& graph, const Points& stops, const MatrixOptions& options = {},
                                   const Feedback& feedback = Feedback());

}  // namespace coopmap::analysis::routing
