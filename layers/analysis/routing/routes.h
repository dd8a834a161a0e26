// Delivery routes from the county distribution centres (issue 18): the vehicle routing
// problem as an office states it — depots, a fleet per depot, stops with delivery and
// pickup amounts in one or more units, service times and time windows — over a travel
// matrix given as input, and the solver that plans the day's routes.
//
// The solver is the ruin-and-recreate of Christiaens & Vanden Berghe, "Slack induction by
// string removals for vehicle routing problems", Transportation Science 54(2) 2020 (SISR),
// under simulated annealing, with a local search (relocate, swap, 2-opt*) on each new best
// whose time-window and load checks are O(1) per move through the concatenation data of
// Vidal, Crainic, Gendreau & Prins, "A hybrid genetic algorithm with adaptive diversity
// management for a large class of vehicle routing problems with time-windows", C&OR 40(1)
// 2013. Constraints are hard: every route returned is feasible.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/coverage.h"  // cancelled(), kInf
#include "model/error.h"
#include "model/feedback.h"  // Progress

namespace coopmap::analysis::routing {

// Loads are carried in at most this many units at once (e.g. 吨, 件, 立方).
inline constexpr std::size_t kMaxUnits = 4;

struct Depot {
    std::string id;
    std::uint32_t node = 0;  // row/column of the matrices
};

// The vehicles of one depot, all alike. A vehicle leaves at or after shift_start and is back
// at the depot by shift_end; it waits (free of cost) when it arrives before a window opens.
struct Fleet {
    std::uint32_t depot = 0;  // index into RoutingProblem::depots
    std::uint32_t count = 1;  // vehicles
    std::vector<double> capacity;  // per unit
    double shift_start = 0, shift_end = kInf;
    double cost_per_km = 1;  // 元/km (1: the objective is distance)
    double cost_per_vehicle = 0;  // 元 per vehicle used
};

// A stop receives `delivery` (loaded at the depot) and hands over `pickup` (carried back to
// the depot, e.g. produce); the vehicle's load after each stop never exceeds its capacity.
struct Stop {
    std::string id;
    std::uint32_t node = 0;
    std::vector<double> delivery;  // per unit; shorter than the unit list: the rest 0
    std::vector<double> pickup;  // per unit; empty: nothing to pick up
    double service = 0;  // time spent at the stop
    double ready = 0, due = kInf;  // window for the start of service
};

// Times (matrix, windows, service, shifts) share one unit, e.g. minutes since midnight.
struct RoutingProblem {
    std::vector<std::string> units;  // names of the load units, e.g. {"吨"}
    std::vector<Depot> depots;
    std::vector<Fleet> fleets;
    std::vector<Stop> stops;
    std::size_t node_count = 0;
    std::vector<double> distance_km;  // node_count × node_count, row-major from → to
    std::vector<double> travel_time;  // same shape
};

struct SolveOptions {
    std::uint64_t seed = 1;
    double seconds = 5;  // time limit of the search
    // Iterations of the outer loop; 0: as many as the time limit allows. The answer depends
    // only on the problem, the seed and this count when the count is reached in time.
    std::uint64_t iterations = 0;
    Progress progress;  // share done; returning false cancels (→ cancelled())
};

struct Visit {
    std::uint32_t stop = 0;
    double arrival = 0, start = 0, departure = 0;
    std::vector<double> load_after;  // on board after the stop, per unit
};

struct Route {
    std::uint32_t fleet = 0;
    std::vector<Visit> visits;  // in driving order
    std::vector<double> load_at_start;  // deliveries loaded at the depot, per unit
    double start = 0, end = 0;  // leaves and is back at the depot
    double distance_km = 0, cost = 0;
};

enum class UnservedReason { too_heavy, window_unreachable, fleet_too_small };

struct Unserved {
    std::uint32_t stop = 0;
    UnservedReason reason = UnservedReason::fleet_too_small;
    std::string message;  // what the office reads, e.g. "需求量超过所有车辆的载重"
};

struct RoutingSolution {
    std::vector<Route> routes;  // used vehicles only
    std::vector<Unserved> unserved;  // by stop index
    double distance_km = 0, cost = 0;
    std::uint64_t iterations = 0;
    double seconds = 0;
};

// Fails (as a value) on a malformed problem: matrix sizes, node or depot out of range, more
// than kMaxUnits units, a negative amount, a window that closes before it opens; and with
// cancelled() when progress returns false.
Result<RoutingSolution> solve_routes(const RoutingProblem& problem, const SolveOptions& options = {});

// One route in the given order, timed as the solver times it (leaving the depot as late as
// the first window allows). Fails when the order breaks the load, a window or the shift, with
// the stop that breaks it; for route sheets and for moving a stop by hand.
Result<Route> evaluate_route(const RoutingProblem& problem, std::uint32_t fleet, std::span<const std::uint32_t> stops);

}  // namespace coopmap::analysis::routing
