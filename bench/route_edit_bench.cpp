// Editing routes by hand (issue 18: "drag a stop between routes or add a vehicle and see the
// totals change at once, ≤ 50 ms a step on a 300-stop county"). A generated county — one
// distribution centre, 300 stops over 60 × 60 km, a tenth of them supermarkets with an
// 08:00–11:00 window, road km the straight line × 1.3 at 40 km/h — is solved once; then random
// drag steps (a stop to another route, at a random place or at the cheapest one, now and then a
// new vehicle) — each the copy kept for undo, the move, the re-timing and the totals through
// route_edit.h — are timed one by one, beside re-solving from scratch (the peer: what the
// window would do without editing).
// Exits non-zero when the totals after the edits differ from a fresh evaluate_route of every
// route, when a refused step changed the plan, or when the slowest step exceeds 50 ms.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "analysis/routing/route_edit.h"

using namespace coopmap;
using namespace coopmap::analysis::routing;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

RouteResult county(std::size_t stops, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> km(-30, 30);
    RouteResult r;
    r.units = {"件"};
    RouteDepot d;
    d.site = {.id = "DC",
              .name = "县集配中心",
              .layer_id = "dc",
              .township_code = {},
              .county_code = "420600",
              .role = Role::distribution_center,
              .lon = 112.1,
              .lat = 32.0};
    d.vehicles = 20;
    d.capacity = {200};
    d.shift_start = 7 * 60;
    d.shift_end = 17 * 60;
    d.cost_per_km = 2.5;
    d.cost_per_vehicle = 150;
    r.depots.push_back(d);
    std::vector<double> x{0}, y{0};
    for (std::size_t i = 0; i < stops; ++i) {
        RouteStop s;
        const bool supermarket = i % 10 == 0;
        x.push_back(km(rng));
        y.push_back(km(rng));
        s.site = {.id = "S" + std::to_string(i + 1),
                  .name = "网点" + std::to_string(i + 1),
                  .layer_id = "st",
                  .township_code = "t" + std::to_string(i % 15),
                  .county_code = "420600",
                  .role = supermarket ? Role::township_supermarket : Role::village_service_station,
                  .lon = 112.1 + x.back() / 94.4,
                  .lat = 32.0 + y.back() / 111.0};
        s.delivery = {supermarket ? 30.0 : 6.0};
        s.pickup = {supermarket ? 10.0 : 2.0};
        s.service_minutes = supermarket ? 20 : 10;
        if (supermarket) {
            s.ready = 8 * 60;
            s.due = 11 * 60;
        }
        r.stops.push_back(std::move(s));
    }
    const std::size_t n = x.size();
    std::vector<double> dist(n * n), minutes(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            dist[i * n + j] = std::hypot(x[i] - x[j], y[i] - y[j]) * 1.3;
            minutes[i * n + j] = dist[i * n + j] / 40 * 60;
        }
    r.plan = make_route_plan(r, std::move(dist), std::move(minutes), {}, nullptr);
    return r;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::size_t stops = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 300;
    const std::size_t steps = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
    RouteResult r = county(stops, 7);

    // The peer: solving the county from scratch, as run_routes does (20,000 iterations).
    SolveOptions opt;
    opt.seed = 1;
    opt.iterations = 20000;
    opt.seconds = 60;
    const auto t_solve = Clock::now();
    auto sol = solve_routes(r.plan->problem, opt);
    const double solve_ms = ms_since(t_solve);
    if (!sol) {
        std::fprintf(stderr, "solve: %s\n", sol.error().message.c_str());
        return 1;
    }
    for (const auto& route : sol->routes) {
        std::vector<std::uint32_t> order;
        for (const auto& v : route.visits) order.push_back(v.stop);
        auto vr = time_route(r, 0, static_cast<std::uint32_t>(r.routes.size() + 1), order);
        if (!vr) return 1;
        r.routes.push_back(std::move(*vr));
    }
    r.shared = route_totals(r.routes);
    std::printf("county: %zu stops, %zu routes, %zu unserved, %.1f km, %.0f 元; solved from scratch in %.0f ms\n",
                stops, r.routes.size(), sol->unserved.size(), r.shared.km, r.shared.cost, solve_ms);

    std::mt19937_64 rng(11);
    std::vector<double> times;
    std::size_t accepted = 0, refused = 0, changed_on_refusal = 0;
    for (std::size_t k = 0; k < steps; ++k) {
        std::vector<std::uint32_t> served;
        for (const auto& route : r.routes)
            for (const auto& v : route.visits) served.push_back(v.stop);
        const std::uint32_t stop = served[rng() % served.size()];
        const std::size_t route = rng() % r.routes.size();
        const auto size = r.routes[route].visits.size();
        const int kind = static_cast<int>(rng() % 200);
        const RouteTotals before = r.shared;
        const auto t = Clock::now();
        // The window keeps the plan before each step for 撤销: the copy is part of a step.
        [[maybe_unused]] const RouteResult undo = r;
        Status s = Done{};
        if (kind == 0) s = move_stop_to_new_vehicle(r, stop, 0);
        else if (kind < 10) s = move_stop(r, stop, route);  // the cheapest place, as a drop on a route
        else s = move_stop(r, stop, route, rng() % (size + 1));
        // A route left empty is taken off, as an office would.
        for (std::size_t i = r.routes.size(); i-- > 0;)
            if (r.routes[i].visits.empty()) (void)remove_vehicle(r, i);
        times.push_back(ms_since(t));
        if (s) ++accepted;
        else {
            ++refused;
            if (r.shared.km != before.km || r.shared.cost != before.cost) ++changed_on_refusal;
        }
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2], p99 = times[times.size() * 99 / 100], worst = times.back();

    // The check: every route timed afresh by the solver's evaluation, totals summed here.
    double km = 0, cost = 0, hours = 0;
    std::size_t vehicles = 0, mismatched = 0;
    for (const auto& route : r.routes) {
        std::vector<std::uint32_t> order;
        for (const auto& v : route.visits) order.push_back(v.stop);
        auto fresh = evaluate_route(r.plan->problem, route.depot, order);
        if (!fresh || std::abs(fresh->distance_km - route.km) > 1e-9 || std::abs(fresh->cost - route.cost) > 1e-9 ||
            std::abs((fresh->end - fresh->start) - route.minutes) > 1e-9) {
            ++mismatched;
            continue;
        }
        if (order.empty()) continue;
        ++vehicles;
        km += fresh->distance_km;
        cost += fresh->cost;
        hours += (fresh->end - fresh->start) / 60;
    }
    const bool totals_ok = mismatched == 0 && vehicles == r.shared.vehicles && std::abs(km - r.shared.km) < 1e-6 &&
                           std::abs(cost - r.shared.cost) < 1e-6 && std::abs(hours - r.shared.hours) < 1e-9;
    std::printf("drag steps: %zu (%zu accepted, %zu refused); per step median %.3f ms, p99 %.3f ms, max %.3f ms "
                "(target <= 50 ms)\n",
                steps, accepted, refused, median, p99, worst);
    std::printf("re-solving from scratch / median drag step: %.0fx\n", solve_ms / std::max(median, 1e-6));
    std::printf(
        "after the edits: %zu routes, %zu vehicles, %.1f km, %.0f 元; fresh evaluate_route of every route: %s\n",
        r.routes.size(), r.shared.vehicles, r.shared.km, r.shared.cost, totals_ok ? "the same totals" : "DIFFERENT");
    if (!totals_ok || changed_on_refusal > 0 || worst > 50) {
        std::fprintf(stderr, "FAIL: %zu routes differ, %zu refused steps changed the totals, max %.3f ms\n", mismatched,
                     changed_on_refusal, worst);
        return 1;
    }
    return 0;
}
