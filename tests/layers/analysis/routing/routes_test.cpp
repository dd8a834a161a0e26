// The delivery-route solver against an independent checker on random instances, against brute
// force on tiny ones, and on stops that cannot be served.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "analysis/routing/routes.h"

namespace coopmap::analysis::routing {
namespace {

// Points on a plane, Euclidean distance in km, travel time = distance × minutes per km.
struct Plane {
    std::vector<double> x, y;
    RoutingProblem problem;
    void matrices(double minutes_per_km)
    {
        const std::size_t n = x.size();
        problem.node_count = n;
        problem.distance_km.resize(n * n);
        problem.travel_time.resize(n * n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                problem.distance_km[i * n + j] = std::hypot(x[i] - x[j], y[i] - y[j]);
                problem.travel_time[i * n + j] = problem.distance_km[i * n + j] * minutes_per_km;
            }
    }
};

double amount(const std::vector<double>& v, std::size_t u) { return u < v.size() ? v[u] : 0; }

// Written apart from the solver: drives each route as given, from the fleet's shift start,
// and counts what goes wrong. Returns the total distance, or -1 with `why` set.
double check(const RoutingProblem& pb, const RoutingSolution& sol, std::string& why)
{
    const std::size_t n = pb.node_count, units = std::max<std::size_t>(pb.units.size(), 1);
    std::vector<int> seen(pb.stops.size(), 0);
    std::vector<std::uint32_t> used(pb.fleets.size(), 0);
    double total = 0;
    for (const auto& r : sol.routes) {
        const Fleet& f = pb.fleets[r.fleet];
        ++used[r.fleet];
        const std::uint32_t depot = pb.depots[f.depot].node;
        std::vector<double> load(units, 0);
        for (const auto& v : r.visits)
            for (std::size_t u = 0; u < units; ++u) load[u] += amount(pb.stops[v.stop].delivery, u);
        for (std::size_t u = 0; u < units; ++u)
            if (load[u] > amount(f.capacity, u) + 1e-9) return why = "loaded over capacity", -1;
        double t = f.shift_start, dist = 0;
        std::uint32_t at = depot;
        for (const auto& v : r.visits) {
            const Stop& s = pb.stops[v.stop];
            ++seen[v.stop];
            t = std::max(t + pb.travel_time[at * n + s.node], s.ready);
            if (t > s.due + 1e-9) return why = "late at " + s.id, -1;
            if (v.start + 1e-9 < s.ready || v.start > s.due + 1e-9) return why = "reported start outside window", -1;
            t += s.service;
            dist += pb.distance_km[at * n + s.node];
            for (std::size_t u = 0; u < units; ++u) {
                load[u] += amount(s.pickup, u) - amount(s.delivery, u);
                if (load[u] > amount(f.capacity, u) + 1e-9) return why = "over capacity after " + s.id, -1;
                if (std::abs(load[u] - v.load_after[u]) > 1e-9) return why = "reported load wrong", -1;
            }
            at = s.node;
        }
        if (t + pb.travel_time[at * n + depot] > f.shift_end + 1e-9) return why = "back after the shift", -1;
        dist += pb.distance_km[at * n + depot];
        if (std::abs(dist - r.distance_km) > 1e-6) return why = "reported distance wrong", -1;
        total += dist;
    }
    for (std::size_t f = 0; f < pb.fleets.size(); ++f)
        if (used[f] > pb.fleets[f].count) return why = "too many vehicles", -1;
    for (const auto& u : sol.unserved) ++seen[u.stop];
    for (std::size_t s = 0; s < seen.size(); ++s)
        if (seen[s] != 1) return why = "stop " + pb.stops[s].id + " seen " + std::to_string(seen[s]) + " times", -1;
    if (std::abs(total - sol.distance_km) > 1e-6) return why = "reported total wrong", -1;
    return total;
}

// A county-like random instance: `depots` centres, stops around them with two units (吨, 件),
// optional pickups, windows of 1–3 h within an 08:00–17:00 shift (minutes since midnight).
Plane random_instance(std::uint32_t seed, std::size_t stops, std::size_t depots, bool pickups)
{
    std::mt19937 g(seed);
    std::uniform_real_distribution<double> coord(0, 40), unit(0, 1);
    Plane p;
    p.problem.units = {"吨", "件"};
    for (std::size_t d = 0; d < depots; ++d) {
        p.x.push_back(coord(g));
        p.y.push_back(coord(g));
        p.problem.depots.push_back({.id = "中心" + std::to_string(d), .node = static_cast<std::uint32_t>(d)});
        p.problem.fleets.push_back({.depot = static_cast<std::uint32_t>(d),
                                    .count = 3,
                                    .capacity = {4.0, 60.0},
                                    .shift_start = 480,
                                    .shift_end = 1020,
                                    .cost_per_km = 2.5,
                                    .cost_per_vehicle = 200});
    }
    for (std::size_t s = 0; s < stops; ++s) {
        p.x.push_back(coord(g));
        p.y.push_back(coord(g));
        const double ready = 480 + std::floor(unit(g) * 6) * 60;
        Stop st{.id = "站" + std::to_string(s),
                .node = static_cast<std::uint32_t>(depots + s),
                .delivery = {std::round(unit(g) * 10) / 10, std::floor(unit(g) * 12)},
                .pickup = {},
                .service = 10 + std::floor(unit(g) * 20),
                .ready = ready,
                .due = ready + 60 + std::floor(unit(g) * 3) * 60};
        if (pickups) st.pickup = {std::round(unit(g) * 8) / 10, std::floor(unit(g) * 10)};
        p.problem.stops.push_back(st);
    }
    p.matrices(1.5);
    return p;
}

TEST(Routes, EveryRouteOfRandomInstancesPassesTheIndependentCheck)
{
    int served = 0, routes = 0;
    for (std::uint32_t seed = 1; seed <= 8; ++seed) {
        Plane p = random_instance(seed, 40, seed % 2 ? 1 : 2, seed % 3 != 0);
        const auto sol = solve_routes(p.problem, {.seed = seed, .seconds = 20, .iterations = 1500, .progress = {}});
        ASSERT_TRUE(sol) << sol.error().text();
        std::string why;
        EXPECT_GE(check(p.problem, *sol, why), 0) << "seed " << seed << ": " << why;
        served += static_cast<int>(p.problem.stops.size() - sol->unserved.size());
        routes += static_cast<int>(sol->routes.size());
        for (const auto& u : sol->unserved) EXPECT_FALSE(u.message.empty());
    }
    // Most stops fit in 3 vehicles per centre; enough are served that the check means something.
    EXPECT_GT(served, 200);
    EXPECT_GT(routes, 16);
}

// Brute force: the cheapest feasible order of every subset of stops as one route, then the
// cheapest split of all stops into at most `count` such routes (single fleet).
double brute_force(const RoutingProblem& pb)
{
    const std::size_t m = pb.stops.size();
    const std::size_t full = (std::size_t{1} << m) - 1;
    std::vector<double> route(full + 1, kInf);
    route[0] = 0;
    for (std::size_t mask = 1; mask <= full; ++mask) {
        std::vector<std::uint32_t> order;
        for (std::uint32_t s = 0; s < m; ++s)
            if (mask >> s & 1) order.push_back(s);
        do {
            auto r = evaluate_route(pb, 0, order);
            if (r) route[mask] = std::min(route[mask], r->distance_km);
        } while (std::next_permutation(order.begin(), order.end()));
    }
    // best[k][mask]: at most k routes covering mask.
    std::vector<double> best(full + 1, kInf), next;
    best[0] = 0;
    for (std::uint32_t k = 0; k < pb.fleets[0].count; ++k) {
        next = best;
        for (std::size_t mask = 1; mask <= full; ++mask)
            for (std::size_t sub = mask; sub; sub = (sub - 1) & mask)
                if (route[sub] < kInf && best[mask ^ sub] < kInf)
                    next[mask] = std::min(next[mask], best[mask ^ sub] + route[sub]);
        best.swap(next);
    }
    return best[full];
}

TEST(Routes, TinyInstancesReachTheBruteForceOptimum)
{
    int compared = 0;
    for (std::uint32_t seed = 1; seed <= 24; ++seed) {
        std::mt19937 g(seed * 7919);
        std::uniform_real_distribution<double> unit(0, 1);
        Plane p;
        p.problem.units = {"吨"};
        p.x = {20};
        p.y = {20};
        p.problem.depots = {{.id = "中心", .node = 0}};
        p.problem.fleets = {{.depot = 0,
                             .count = 2 + seed % 2,
                             .capacity = {10},
                             .shift_start = 0,
                             .shift_end = 200,
                             .cost_per_km = 1,
                             .cost_per_vehicle = 0}};
        const std::size_t m = 5 + seed % 3;  // 5, 6 or 7 stops
        for (std::size_t s = 0; s < m; ++s) {
            p.x.push_back(unit(g) * 40);
            p.y.push_back(unit(g) * 40);
            const double ready = std::floor(unit(g) * 120);
            p.problem.stops.push_back({.id = std::to_string(s + 1),
                                       .node = static_cast<std::uint32_t>(s + 1),
                                       .delivery = {1 + std::floor(unit(g) * 4)},
                                       .pickup = {seed % 4 == 0 ? std::floor(unit(g) * 4) : 0},
                                       .service = 5,
                                       .ready = ready,
                                       .due = ready + 30 + std::floor(unit(g) * 60)});
        }
        p.matrices(1);
        const double optimum = brute_force(p.problem);
        const auto sol = solve_routes(p.problem, {.seed = seed, .seconds = 10, .iterations = 300, .progress = {}});
        ASSERT_TRUE(sol) << sol.error().text();
        std::string why;
        ASSERT_GE(check(p.problem, *sol, why), 0) << why;
        if (optimum == kInf) {
            EXPECT_FALSE(sol->unserved.empty()) << "seed " << seed;
            continue;
        }
        ++compared;
        EXPECT_TRUE(sol->unserved.empty()) << "seed " << seed;
        EXPECT_NEAR(sol->distance_km, optimum, 1e-6) << "seed " << seed << ", " << m << " stops";
    }
    EXPECT_GE(compared, 18);
}

TEST(Routes, UnservableStopsComeBackWithTheirReasons)
{
    Plane p;
    p.problem.units = {"吨"};
    p.x = {0, 1, 2, 50, 3, 4};
    p.y = {0, 0, 0, 0, 0, 0};
    p.problem.depots = {{.id = "中心", .node = 0}};
    p.problem.fleets = {{.depot = 0,
                         .count = 1,
                         .capacity = {10},
                         .shift_start = 480,
                         .shift_end = 1020,
                         .cost_per_km = 1,
                         .cost_per_vehicle = 0}};
    p.problem.stops = {
        {.id = "A", .node = 1, .delivery = {4}, .pickup = {}, .service = 10, .ready = 480, .due = 1020},
        {.id = "重", .node = 2, .delivery = {12}, .pickup = {}, .service = 10, .ready = 480, .due = 1020},
        // 50 km out at 1 min/km: the window closes at 500, the earliest arrival is 530.
        {.id = "远", .node = 3, .delivery = {1}, .pickup = {}, .service = 10, .ready = 480, .due = 500},
        {.id = "B", .node = 4, .delivery = {4}, .pickup = {}, .service = 10, .ready = 480, .due = 1020},
        // Fits alone, but with A and B the one vehicle is full (4 + 4 + 4 > 10).
        {.id = "C", .node = 5, .delivery = {4}, .pickup = {}, .service = 10, .ready = 480, .due = 1020},
    };
    p.matrices(1);
    const auto sol = solve_routes(p.problem, {.seed = 3, .seconds = 5, .iterations = 200, .progress = {}});
    ASSERT_TRUE(sol) << sol.error().text();
    std::string why;
    ASSERT_GE(check(p.problem, *sol, why), 0) << why;
    ASSERT_EQ(sol->unserved.size(), 3u);
    EXPECT_EQ(sol->unserved[0].stop, 1u);
    EXPECT_EQ(sol->unserved[0].reason, UnservedReason::too_heavy);
    EXPECT_EQ(sol->unserved[0].message, "需求量或回程量（吨）超过所有车辆的载重，请分批配送或增加大车");
    EXPECT_EQ(sol->unserved[1].stop, 2u);
    EXPECT_EQ(sol->unserved[1].reason, UnservedReason::window_unreachable);
    EXPECT_EQ(sol->unserved[2].reason, UnservedReason::fleet_too_small);
    EXPECT_EQ(sol->unserved[2].message, "车辆不足：现有车辆装不下或赶不上这一站，请增加车辆");
    ASSERT_EQ(sol->routes.size(), 1u);
    EXPECT_EQ(sol->routes[0].visits.size(), 2u);
    // Of A, B, C (on one line from the depot) the cheapest pair is A + B: out to 3 km and back.
    EXPECT_EQ(sol->unserved[2].stop, 4u);
    EXPECT_NEAR(sol->distance_km, 6.0, 1e-9);
}

TEST(Routes, MixedPickupAndDeliveryLoadPeaksMidRoute)
{
    // One vehicle of 10 t. P picks up 8 t and D delivers 8 t: D then P carries 8, 0, 8 — fine;
    // P then D would carry 8 + 8 = 16 after P. Both orders are equally long; only the load decides.
    Plane p;
    p.problem.units = {"吨"};
    p.x = {0, 5, 5};
    p.y = {0, 0, 1};
    p.problem.depots = {{.id = "中心", .node = 0}};
    p.problem.fleets = {{.depot = 0,
                         .count = 1,
                         .capacity = {10},
                         .shift_start = 0,
                         .shift_end = 1000,
                         .cost_per_km = 1,
                         .cost_per_vehicle = 0}};
    p.problem.stops = {{.id = "P", .node = 1, .delivery = {}, .pickup = {8}, .service = 0, .ready = 0, .due = 1000},
                       {.id = "D", .node = 2, .delivery = {8}, .pickup = {}, .service = 0, .ready = 0, .due = 1000}};
    p.matrices(1);
    const std::uint32_t pd[] = {0, 1}, dp[] = {1, 0};
    const auto bad = evaluate_route(p.problem, 0, pd);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().feature, "P");
    EXPECT_EQ(bad.error().message, "装卸后超过载重");
    const auto good = evaluate_route(p.problem, 0, dp);
    ASSERT_TRUE(good);
    EXPECT_EQ(good->load_at_start, (std::vector<double>{8}));
    EXPECT_EQ(good->visits[0].load_after, (std::vector<double>{0}));
    EXPECT_EQ(good->visits[1].load_after, (std::vector<double>{8}));
    const auto sol = solve_routes(p.problem, {.seed = 1, .seconds = 5, .iterations = 50, .progress = {}});
    ASSERT_TRUE(sol);
    ASSERT_EQ(sol->routes.size(), 1u);
    EXPECT_EQ(sol->routes[0].visits[0].stop, 1u);
    EXPECT_NEAR(sol->distance_km, std::hypot(5, 1) + 1 + 5, 1e-9);
}

TEST(Routes, SameSeedSameAnswer)
{
    Plane p = random_instance(11, 60, 2, true);
    const SolveOptions o{.seed = 42, .seconds = 60, .iterations = 800, .progress = {}};
    const auto a = solve_routes(p.problem, o), b = solve_routes(p.problem, o);
    ASSERT_TRUE(a && b);
    ASSERT_EQ(a->routes.size(), b->routes.size());
    for (std::size_t r = 0; r < a->routes.size(); ++r) {
        ASSERT_EQ(a->routes[r].visits.size(), b->routes[r].visits.size());
        for (std::size_t k = 0; k < a->routes[r].visits.size(); ++k)
            EXPECT_EQ(a->routes[r].visits[k].stop, b->routes[r].visits[k].stop);
    }
    EXPECT_EQ(a->distance_km, b->distance_km);
    EXPECT_EQ(a->iterations, 800u);
}

TEST(Routes, CancelAndMalformedProblemsAreErrors)
{
    Plane p = random_instance(5, 30, 1, false);
    int calls = 0;
    const auto cancelled_run = solve_routes(
        p.problem, {.seed = 1, .seconds = 30, .iterations = 100000, .progress = [&](double) { return ++calls < 3; }});
    ASSERT_FALSE(cancelled_run);
    EXPECT_TRUE(is_cancelled(cancelled_run.error()));
    EXPECT_EQ(calls, 3);

    p.problem.stops[4].due = p.problem.stops[4].ready - 1;
    const auto bad_window = solve_routes(p.problem);
    ASSERT_FALSE(bad_window);
    EXPECT_EQ(bad_window.error().feature, "站4");
    EXPECT_EQ(bad_window.error().message, "时间窗结束早于开始");

    p = random_instance(5, 30, 1, false);
    p.problem.travel_time.pop_back();
    const auto bad_matrix = solve_routes(p.problem);
    ASSERT_FALSE(bad_matrix);
    EXPECT_EQ(bad_matrix.error().message, "距离矩阵或行驶时间矩阵的大小与节点数不符");
}

}  // namespace
}  // namespace coopmap::analysis::routing
