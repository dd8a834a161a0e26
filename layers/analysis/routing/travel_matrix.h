// The stop-to-stop travel matrix the route solver needs (issue 18): minutes and km along the
// fastest road path between every two stops, over the snapped road graph. Where there is no
// road — a stop farther than the snap limit from every road node, or a pair with no road path
// from one to the other (disconnected pieces, one-way roads) — the pair is estimated as the
// geodesic distance × a detour factor at an off-road speed, and marked so that the output can
// say which figures are estimates.
//
// Over a partial contraction hierarchy of the road graph (hierarchy.h), built with the graph's
// first matrix and kept with the graph: from each distinct stop node one search up the
// contracted part each way, then per stop one bucketed search over the core (Δ-stepping, Meyer
// & Sanders 2003), stopped once it has reached the core nodes the other stops enter by; a
// pair's cost is the least over where its two up searches meet and over those core nodes. The
// searches share the cores; on a graph that is the same both ways each pair is done once.
#pragma once

#include <cstdint>
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
    // Node scans over all the searches (up searches and core searches), for the bench.
    std::uint64_t scanned = 0;

    double minutes_at(std::size_t from, std::size_t to) const { return minutes[from * n + to]; }
    double km_at(std::size_t from, std::size_t to) const { return km[from * n + to]; }
    bool estimated_at(std::size_t from, std::size_t to) const { return estimated[from * n + to] != 0; }
};

// Fails (as a value) on options out of range (snap limit < 0, detour factor < 1, off-road
// speed <= 0), a stop whose coordinates are not finite, a graph without node positions, and
// with cancelled_error when the feedback is cancelled.
Result<TravelMatrix> travel_matrix(const RoadGraph& graph, const Points& stops, const MatrixOptions& options = {},
                                   const Feedback& feedback = Feedback());

}  // namespace coopmap::analysis::routing
