// Coverage analysis of one facility role over a loaded project: the one function that
// coopmap-cli coverage and the GUI's analysis panel both call, so their numbers agree.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "analysis/reach_default.h"
#include "analysis/road_graph.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

enum class GroupBy { township, county };

struct CoverageRequest {
    Role role = Role::village_service_station;
    // More roles whose sites serve beside `role`'s (a tier: tier_roles(role) minus role); the
    // reach is `role`'s. Empty: `role` alone.
    std::vector<Role> with = {};
    double radius_m = 0;  // > 0: covered within this geodesic distance
    double minutes = 0;  // > 0: covered within this travel time over the road layer
    GroupBy by = GroupBy::county;
    double snap_limit_m = 2000;  // facilities and villages farther from any road are not on the network
    // Minutes replace the radius; neither set: the project's default for the role
    // (analysis::default_reach).
    // Also the layers the map and the exports show (CoverageResult::area, gaps, isochrones):
    // the union of the reach, which takes longer than the table.
    bool areas = false;
    // > 0: the network as it stood at the end of this year (analysis::network_as_of): sites
    // built by then and not only planned. 0: every site the layers hold.
    int year = 0;
};

// Every village with its nearest facility and whether it is covered.
struct VillageCoverage {
    std::vector<std::string> code, name, township_code, county_code;
    std::vector<double> population, households;  // NaN where unknown
    Points location;
    std::vector<std::uint32_t> nearest;  // index into CoverageResult::facilities; kNone: there are none
    std::vector<double> distance_m;  // geodesic to that facility; kInf only with kNone
    std::vector<double> travel_minutes;  // to the nearest facility by road; kInf: unreachable; empty: no road layer
    std::vector<std::uint8_t> covered;
    std::size_t size() const { return code.size(); }
};

struct CoverageResult {
    CoverageRequest request;  // with radius_m / minutes as used
    Reach reach;  // the reach used and why (the project's default or the request's)
    std::vector<Role> roles;  // request.role, then request.with
    std::string role_name;  // Chinese, e.g. 村级综合服务社 (several roles joined with 、)
    Points facilities;  // all layers of the roles, role by role, each in project order
    std::vector<std::string> facility_name;
    VillageCoverage villages;
    CoverageTable table;  // per township or county, as request.by
    double target = 0;  // project target village_coverage (0 when unset)
    std::size_t road_pieces = 0;  // disconnected pieces of the road graph (0: no roads)
    std::size_t facilities_off_road = 0;
    std::size_t villages_off_road = 0;

    // With request.areas (else null): the area covered as one merged feature (coverage_area),
    // the uncovered parts of the townships (of the counties without township boundaries; null
    // without either: coverage_gaps), and by minutes each facility's isochrone
    // (coverage_isochrones; null by radius).
    std::shared_ptr<const Layer> area, gaps, isochrones;
    // The layers above that are there, in that order: what export_coverage writes beside the
    // villages and the table.
    std::vector<const Layer*> polygons() const;
};

// The coverage job: what `coopmap-cli coverage` prints and writes and what the analysis panel
// shows, whole. `layers` are the project's layers in project order (load_project). Errors name
// the project file and layer: no village layer, no facility of the role, a mapped field missing;
// a cancelled `feedback` gives cancelled_error("分析已取消"). `roads` caches the road graph
// between runs (may be null).
Result<CoverageResult> run_coverage(const Project& project, const std::vector<Layer>& layers,
                                    const CoverageRequest& request, const Feedback& feedback = Feedback{},
                                    RoadGraphCache* roads = nullptr);
// The same, for callers not yet on Feedback (app/analysis until it is switched).
Result<CoverageResult> run_coverage(const Project& project, const std::vector<Layer>& layers,
                                    const CoverageRequest& request, RoadGraphCache* roads,
                                    const Progress& progress = {});

// The steps run_coverage takes with request.areas.
// By minutes: each facility's isochrone polygon for request.minutes over the project's road
// layer (the graph from `roads` when it holds it). Columns "facility" (index into
// result.facilities), "name" and "minutes"; facilities off the road network get none.
// By radius (or without roads): an empty polygon layer.
Result<Layer> coverage_isochrones(const Project& project, const std::vector<Layer>& layers,
                                  const CoverageResult& result, RoadGraphCache* roads = nullptr,
                                  const Progress& progress = {});

// The area covered, as one merged feature: by radius the union of the geodesic circles clipped
// to the county boundaries (the township ones if there are no counties); by minutes the union
// of `isochrones` (coverage_isochrones' layer).
Result<Layer> coverage_area(const Project& project, const std::vector<Layer>& layers, const CoverageResult& result,
                            const Layer* isochrones = nullptr, const Progress& progress = {});

// The column a project maps a role field to ("population" -> "人口"), or the field's own name
// when the mapping does not name it; nullptr when the layer has neither.
const Column* mapped_column(const LayerConfig& config, const Layer& layer, const std::string& field);

// The villages as a point layer for the map and for export: code, name, township_code,
// county_code, population, households, nearest (facility name), distance_m, travel_min,
// covered (1/0). `uncovered_only`: only the gaps.
Layer village_layer(const CoverageResult& result, bool uncovered_only);

// The admin boundary layer of a level ("county" or "township") in `layers`, or nullptr.
const Layer* admin_layer(const Project& project, const std::vector<Layer>& layers, const std::string& level);

// A row's share as the tables print it ("81.2", one decimal, printf rounding), so that the CSV,
// the terminal and the GUI show the same digits.
std::string share_percent_text(const CoverageRow& row);

// CSV of the table (UTF-8 with BOM so that Excel shows the Chinese): 代码,名称,村数,覆盖村数,覆盖率,
// 人口,覆盖人口,未覆盖人口,户数,未覆盖户数,达标; last row 合计.
std::string coverage_table_csv(const CoverageResult& result);
// The same table as aligned text for the terminal.
std::string coverage_table_text(const CoverageResult& result);

}  // namespace coopmap::analysis
