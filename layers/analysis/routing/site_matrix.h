// Travel between a project's sites over its road layer, for delivery routes and for dispatch
// (issue 18): km and minutes for every ordered pair, the straight line × detour factor where
// the roads give none, and the way along the roads for drawing a leg. The one place the jobs
// ask for travel, so that the road matrix (travel_matrix.h) can take it over whole.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "analysis/coverage.h"
#include "analysis/road_graph.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis::routing {

struct SiteMatrix {
    std::size_t n = 0;
    std::vector<double> km, minutes;  // n × n, row-major from → to
    std::vector<std::uint8_t> estimated;  // 1: the straight-line estimate
    std::vector<std::uint8_t> off_road;  // per site: farther than the snap limit from any road
    bool has_roads = false;
    double detour_factor = 1, offroad_kmh = 30;

    // Internal: what leg_path needs.
    std::shared_ptr<const RoadGraph> graph;
    std::vector<RoadGraph::Snap> snap;
    std::vector<double> edge_km;
    Points sites;

    double km_at(std::size_t i, std::size_t j) const { return km[i * n + j]; }
    double minutes_at(std::size_t i, std::size_t j) const { return minutes[i * n + j]; }
    bool estimated_at(std::size_t i, std::size_t j) const { return estimated[i * n + j] != 0; }
};

// Over the project's first road layer (none: every pair estimated); detour factor and offroad
// speed from project.routing. A site reaches its nearest road vertex within snap_limit_m as a
// short straight piece at offroad speed. Cancelled: cancelled_error(cancel_message).
Result<SiteMatrix> site_matrix(const Project& project, const std::vector<Layer>& layers, const Points& sites,
                               double snap_limit_m, const Feedback& feedback, RoadGraphCache* roads,
                               const std::string& cancel_message);

// The way from site i to site j: along the roads when the matrix has a road time for it, else
// the straight segment. Lon/lat pairs, first i, last j.
std::vector<std::pair<double, double>> leg_path(const SiteMatrix& m, std::size_t i, std::size_t j);

}  // namespace coopmap::analysis::routing
