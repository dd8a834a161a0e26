// Editing the day's routes by hand (issue 18, "drag a stop between routes or add a vehicle and
// see the totals change at once"). What run_routes returns keeps its routing problem (RoutePlan):
// every depot and stop over the one travel matrix, so that a changed route is re-timed by the
// solver's own evaluate_route and the totals recomputed by the same functions run_routes uses —
// the CLI's figures and the window's come from one path. A move that breaks a window, the load
// or the shift is refused as a value naming the stop and why, and leaves the plan as it was.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "analysis/routing/route_run.h"
#include "analysis/routing/routes.h"
#include "analysis/routing/site_matrix.h"
#include "model/error.h"

namespace coopmap::analysis::routing {

// The problem behind a RouteResult: fleet d and node d are depot d; stop s is node
// depots + s (RouteResult::stops order). Immutable once made; the leg cache only remembers
// ways already computed along the roads.
struct RoutePlan {
    RoutingProblem problem;
    std::vector<std::uint8_t> estimated;  // node × node: the straight-line estimate (empty: none)
    // The ways along the roads (null: legs drawn straight). From run_routes its km and minutes
    // are empty: they moved into `problem`, the one copy of the figures.
    std::shared_ptr<const SiteMatrix> matrix;

    std::size_t depot_count() const { return problem.depots.size(); }
    std::size_t node_of_stop(std::uint32_t stop) const { return problem.depots.size() + stop; }
    bool estimated_at(std::size_t from, std::size_t to) const
    {
        return !estimated.empty() && estimated[from * problem.node_count + to] != 0;
    }
    // The way of one leg, node to node (cached: a drag asks for the same legs again).
    std::vector<std::pair<double, double>> leg(std::size_t from, std::size_t to) const;

private:
    mutable std::mutex mutex_;
    mutable std::map<std::pair<std::size_t, std::size_t>, std::vector<std::pair<double, double>>> legs_;
};

// The plan of `result` (its depots, fleets and stops as they stand) over a matrix of node × node
// km, minutes and estimate flags (depots first, then stops). `matrix` gives the road ways (may
// be null); run_routes passes its site matrix, tests and benchmarks a matrix of their own.
std::shared_ptr<const RoutePlan> make_route_plan(const RouteResult& result, std::vector<double> km,
                                                 std::vector<double> minutes, std::vector<std::uint8_t> estimated,
                                                 std::shared_ptr<const SiteMatrix> matrix);

// One vehicle's stops (indices into result.stops) in this order, timed by evaluate_route over
// result.plan: arrivals, loads, km per leg, cost, and (with_path) the way driven. Fails, naming
// the stop, when the order breaks a window, the load or the shift.
Result<VehicleRoute> time_route(const RouteResult& result, std::uint32_t depot, std::uint32_t vehicle,
                                std::span<const std::uint32_t> stops, bool with_path = true);

// Vehicles (routes with at least one stop), km, hours and cost of these routes.
RouteTotals route_totals(const std::vector<VehicleRoute>& routes);

// Where a stop is: its route (index into result.routes) and its place in that route.
struct StopPlace {
    std::size_t route = 0, position = 0;
};
std::optional<StopPlace> find_stop(const RouteResult& result, std::uint32_t stop);

// Moves a stop to route `route` (index into result.routes, the same route to reorder) at
// `position` — its place among that route's stops once it has left its old place — or, when
// position is unset, to the place where the route's km grow least and it stays feasible. A stop
// of result.unserved is added the same way and leaves that list. The changed routes are re-timed
// and result.shared recomputed; result.separate (the solver's served stops township by township)
// does not change. Refused, with the plan unchanged, when the stop or route does not exist or
// either route would break a window, the load or the shift; the message names the stop and why.
Status move_stop(RouteResult& result, std::uint32_t stop, std::size_t route,
                 std::optional<std::size_t> position = std::nullopt);

// A new, empty vehicle of depot `depot`, after that depot's routes (numbered after its
// highest); the depot's fleet grows when all its vehicles are on the road. Returns its index.
Result<std::size_t> add_vehicle(RouteResult& result, std::uint32_t depot);

// Removes an empty route; refused while it still has stops.
Status remove_vehicle(RouteResult& result, std::size_t route);

// The stop onto a new vehicle of `depot` (add_vehicle then move_stop; nothing changes when the
// move is refused).
Status move_stop_to_new_vehicle(RouteResult& result, std::uint32_t stop, std::uint32_t depot);

}  // namespace coopmap::analysis::routing
