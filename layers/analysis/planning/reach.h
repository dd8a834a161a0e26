// Reach other than a straight-line radius, for the planning matrix: travel time over the
// road graph (issue 6's RoadGraph) and excluded areas drawn as polygons.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/planning/coverage_matrix.h"
#include "analysis/planning/site_planning.h"
#include "analysis/road_graph.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::analysis::planning {

// Which demand points each candidate reaches within `minutes` over the roads. Candidates
// and demand points are snapped to the nearest road vertex within `snap_limit_m` (as
// run_coverage does); a point farther from any road is reached by no one and reaches no one.
struct RoadReach {
    CoverageMatrix coverage;
    std::size_t candidates_off_road = 0;
    std::size_t demand_off_road = 0;
};
Result<RoadReach> coverage_by_road(const RoadGraph& graph, const Points& demand, const Points& candidates,
                                   double minutes, double snap_limit_m, const Progress& progress = {});

// Travel minutes over the roads for the p-median: from each demand point to each candidate
// (one search per candidate's road node, stopped at `minutes`) and to the nearest existing
// site (one search from all of them). Pairs beyond `minutes`, or with either end farther than
// `snap_limit_m` from a road, are +infinity. Fails (as a value) above `max_entries` pairs.
Result<DistanceMatrix> road_minutes(const RoadGraph& graph, const Points& demand, const Points& candidates,
                                    const Points& existing, double minutes, double snap_limit_m,
                                    std::size_t max_entries = 16'000'000, const Progress& progress = {});

// 1 for each demand point some site reaches within `minutes` over the roads (one Dijkstra
// from all sites at once).
Result<std::vector<std::uint8_t>> covered_by_road(const RoadGraph& graph, const Points& demand, const Points& sites,
                                                  double minutes, double snap_limit_m);

// 1 for each point inside (or on the boundary of) any polygon of `areas`: GEOS prepared
// geometry over the merged polygons. Fails for a layer that is not polygons.
Result<std::vector<std::uint8_t>> inside_areas(const Layer& areas, std::span<const double> lon,
                                               std::span<const double> lat);

}  // namespace coopmap::analysis::planning
