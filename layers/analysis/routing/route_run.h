// The day's delivery routes of a loaded project (issue 18): the one function that
// `coopmap-cli routes` and the window call. It turns the project's sites into the routing
// problem — depots, stops with their amounts, service times and windows from the project's
// "routing" defaults and the field mapping, a fleet per depot — builds the travel matrix over
// the roads, solves it with routes.h and sets the shared delivery beside the same stops served
// township by township, each township by its own trips from its depot.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/coverage.h"  // Points
#include "analysis/road_graph.h"
#include "analysis/routing/routes.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis::routing {

struct RoutePlan;  // route_edit.h

struct RouteRequest {
    // Depots: these sites by code (any facility layer), else every site of depot_role.
    std::vector<std::string> depot_ids;
    Role depot_role = Role::distribution_center;
    // Stops: every site of these roles, else (empty roles) the sites with these codes.
    std::vector<Role> stop_roles;
    std::vector<std::string> stop_ids;
    // The fleet of every depot; unset: the project's routing defaults (its "depots" entry first).
    std::optional<std::uint32_t> vehicles;
    std::optional<std::vector<double>> capacity;  // per unit
    std::optional<std::pair<double, double>> shift;  // minutes since midnight
    std::optional<double> cost_per_km, cost_per_vehicle;
    std::uint64_t seed = 1;
    // The search stops at `iterations` per county (the same answer for a seed on any machine)
    // or at `seconds` in all, whichever comes first; RouteResult::time_limited says which.
    std::uint64_t iterations = 20000;
    double seconds = 30;
    double snap_limit_m = 2000;  // sites farther from any road reach it by the straight-line estimate
};

struct RouteSite {
    std::string id;  // code (or the layer's feature number when it has no code)
    std::string name, layer_id, township_code, county_code;
    Role role = Role::village;
    double lon = 0, lat = 0;
};

struct RouteDepot {
    RouteSite site;
    std::uint32_t vehicles = 0;
    std::vector<double> capacity;
    double shift_start = 0, shift_end = 0;
    double cost_per_km = 0, cost_per_vehicle = 0;
};

struct RouteStop {
    RouteSite site;
    std::vector<double> delivery, pickup;  // per unit
    double service_minutes = 0;
    double ready = 0, due = kInf;  // minutes since midnight
    std::uint32_t depot = 0;  // the depot whose county (or, without one, whose road time) it belongs to
};

struct RouteVisit {
    std::uint32_t stop = 0;  // index into RouteResult::stops
    double arrival = 0, start = 0, departure = 0;  // minutes since midnight
    std::vector<double> load_after;  // per unit
    double km = 0;  // from the previous stop (the depot for the first)
    bool estimated = false;  // that leg is the straight-line estimate
};

struct VehicleRoute {
    std::uint32_t depot = 0;
    std::uint32_t vehicle = 1;  // 1-based within its depot
    std::vector<RouteVisit> visits;
    std::vector<double> load_at_start;
    double start = 0, end = 0;  // leaves and is back at the depot
    double km = 0, minutes = 0, cost = 0;
    double km_back = 0;  // the last leg, to the depot
    bool back_estimated = false;
    // The way driven, depot to depot: along the roads where they give the path, straight elsewhere.
    std::vector<std::pair<double, double>> path;  // lon, lat
};

struct UnservedStop {
    std::uint32_t stop = 0;
    std::string reason;  // Chinese, what the office reads
};

struct RouteTotals {
    std::size_t vehicles = 0;  // trips (vehicles used)
    double km = 0, hours = 0, cost = 0;
};

struct RouteResult {
    std::vector<std::string> units;
    std::vector<RouteDepot> depots;
    std::vector<RouteStop> stops;
    std::vector<VehicleRoute> routes;  // by depot, then vehicle
    std::vector<UnservedStop> unserved;
    RouteTotals shared;
    // The served stops again, each township alone: its own trips from its depot.
    RouteTotals separate;
    std::size_t townships = 0;  // how many townships `separate` has
    double saving_km() const { return separate.km - shared.km; }
    double saving_cost() const { return separate.cost - shared.cost; }
    // The saving as a share of what delivering township by township costs (0 when that is 0).
    double saving_share() const { return separate.cost > 0 ? saving_cost() / separate.cost : 0; }
    // Legs of the matrix the roads gave no time for (a site off the roads, or no path), taken as
    // the straight line × detour factor at offroad_kmh: how many of all pairs, and which.
    std::size_t pairs = 0;
    std::vector<std::pair<std::string, std::string>> estimated_pairs;  // site ids, from → to
    std::vector<std::string> off_road;  // ids of the sites farther than snap_limit_m from any road
    double detour_factor = 0;
    bool has_roads = false;
    bool time_limited = false;  // the time limit, not the iteration count, ended some search
    std::uint64_t seed = 1;
    // The problem behind these routes (every depot and stop over the one matrix): what
    // time_route and the edits of route_edit.h re-time a changed route with.
    std::shared_ptr<const RoutePlan> plan;
};

// The routes job. Errors (as values, naming the project file and layer): no depot or stop
// found, a code that matches no site, a stop's 需求量/时间窗 value that cannot be read, amounts in
// more units than the project has; a cancelled `feedback` gives cancelled_error("已取消路线规划").
// `roads` caches the road graph between runs (may be null).
Result<RouteResult> run_routes(const Project& project, const std::vector<Layer>& layers, const RouteRequest& request,
                               const Feedback& feedback = Feedback{}, RoadGraphCache* roads = nullptr);

// What coopmap-cli prints: per route one line, then totals, the township-by-township
// comparison with the saving in 公里 and 元, unserved stops and the estimated legs.
std::string route_summary_text(const RouteResult& result);

// The route lines (one feature per vehicle: depot, vehicle, stops, km, minutes, cost) and the
// stops (depot, vehicle, seq, arrival, departure, load) as layers; unserved stops have vehicle 0.
Layer route_line_layer(const RouteResult& result);
Layer route_stop_layer(const RouteResult& result);
// Both into one GeoPackage (layers routes and route_stops), written whole or not at all.
Status write_routes_gpkg(const RouteResult& result, const std::string& path);
// The route sheet: one sheet per vehicle (named after depot and vehicle), one row per stop in
// order — 序号, 编号, 名称, 到达, 离开, load after the stop per unit, 公里 — plus 出发 and 返回
// rows, and a sheet 未服务 when stops are left over. Written whole or not at all.
Status write_route_sheet(const RouteResult& result, const std::string& path);
// The sheet names write_route_sheet gives, in route order.
std::vector<std::string> route_sheet_names(const RouteResult& result);

}  // namespace coopmap::analysis::routing
