// Editing routes by hand (issue 18): on stops along one straight road, where every figure can be
// worked out on paper, moves give exact totals, moves that break a window, the load or the shift
// are refused with the plan unchanged, and moving back gives the first totals exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analysis/routing/route_edit.h"

namespace coopmap::analysis::routing {
namespace {

// One depot at km 0 of a road; stops at the given km along it (negative: the other way).
// Driving is 1 km a minute, cost 2 元/km and 100 元 per vehicle, each stop takes 10 件.
struct Line {
    RouteResult result;
    std::vector<double> at;  // km of each node: depot, then stops

    Line(std::vector<double> stops, double capacity = 100, double shift_end = 1000)
    {
        result.units = {"件"};
        RouteDepot d;
        d.site = {.id = "D",
                  .name = "中心",
                  .layer_id = "dc",
                  .township_code = {},
                  .county_code = "c",
                  .role = Role::distribution_center,
                  .lon = 112,
                  .lat = 32};
        d.vehicles = 2;
        d.capacity = {capacity};
        d.shift_start = 0;
        d.shift_end = shift_end;
        d.cost_per_km = 2;
        d.cost_per_vehicle = 100;
        result.depots.push_back(d);
        at.push_back(0);
        for (std::size_t i = 0; i < stops.size(); ++i) {
            RouteStop s;
            const std::string id(1, static_cast<char>('A' + i));
            s.site = {.id = id,
                      .name = "站" + id,
                      .layer_id = "st",
                      .township_code = "t" + id,
                      .county_code = "c",
                      .role = Role::village_service_station,
                      .lon = 112 + stops[i] / 100,
                      .lat = 32};
            s.delivery = {10};
            s.pickup = {0};
            result.stops.push_back(s);
            at.push_back(stops[i]);
        }
    }
    // Fixes the stops and makes the plan: |a - b| km and minutes between every two nodes.
    void plan()
    {
        const std::size_t n = at.size();
        std::vector<double> km(n * n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) km[i * n + j] = std::abs(at[i] - at[j]);
        result.plan = make_route_plan(result, km, km, {}, nullptr);
    }
    void route(std::vector<std::uint32_t> stops)
    {
        auto r = time_route(result, 0, static_cast<std::uint32_t>(result.routes.size() + 1), stops);
        ASSERT_TRUE(r) << r.error().message;
        result.routes.push_back(std::move(*r));
        result.shared = route_totals(result.routes);
    }
};

// A at 10, B at 20, C at -10, D at -20: vehicle 1 drives A B (0→10→20→0: 40 km), vehicle 2 C D.
Line four()
{
    Line l({10, 20, -10, -20});
    l.plan();
    l.route({0, 1});
    l.route({2, 3});
    l.result.separate = {.vehicles = 4, .km = 100, .hours = 100.0 / 60, .cost = 600};
    return l;
}

TEST(RouteEdit, TimesRoutesAsTheSolverAndSumsTheTotals)
{
    Line l = four();
    const auto& r = l.result;
    ASSERT_EQ(r.routes.size(), 2u);
    EXPECT_DOUBLE_EQ(r.routes[0].km, 40);
    EXPECT_DOUBLE_EQ(r.routes[0].visits[1].arrival, 20);
    EXPECT_DOUBLE_EQ(r.routes[0].visits[1].km, 10);
    EXPECT_DOUBLE_EQ(r.routes[0].km_back, 20);
    EXPECT_DOUBLE_EQ(r.routes[0].load_at_start[0], 20);
    EXPECT_DOUBLE_EQ(r.routes[0].visits[0].load_after[0], 10);
    EXPECT_DOUBLE_EQ(r.routes[0].cost, 2 * 40 + 100);
    EXPECT_EQ(r.shared.vehicles, 2u);
    EXPECT_DOUBLE_EQ(r.shared.km, 80);
    EXPECT_DOUBLE_EQ(r.shared.hours, 80.0 / 60);
    EXPECT_DOUBLE_EQ(r.shared.cost, 360);
    EXPECT_DOUBLE_EQ(r.saving_km(), 20);
    EXPECT_DOUBLE_EQ(r.saving_cost(), 240);
    // Without road ways the path is the straight legs: depot, A, B, depot.
    ASSERT_EQ(r.routes[0].path.size(), 4u);
    EXPECT_DOUBLE_EQ(r.routes[0].path[2].first, 112.2);
}

TEST(RouteEdit, MovesGiveExactTotals)
{
    Line l = four();
    auto& r = l.result;
    // C to the front of vehicle 1: 0→-10→10→20→0 = 60 km; vehicle 2 keeps D: 40 km.
    ASSERT_TRUE(move_stop(r, 2, 0, 0));
    ASSERT_EQ(r.routes[0].visits.size(), 3u);
    EXPECT_EQ(r.routes[0].visits[0].stop, 2u);
    EXPECT_DOUBLE_EQ(r.routes[0].km, 60);
    EXPECT_DOUBLE_EQ(r.routes[1].km, 40);
    EXPECT_EQ(r.shared.vehicles, 2u);
    EXPECT_DOUBLE_EQ(r.shared.km, 100);
    EXPECT_DOUBLE_EQ(r.shared.cost, 2 * 100 + 2 * 100);
    EXPECT_DOUBLE_EQ(r.saving_km(), 0);
    // D onto the end of vehicle 1: 0→-10→10→20→-20→0 = 100 km; vehicle 2 is empty and not counted.
    ASSERT_TRUE(move_stop(r, 3, 0, 3));
    EXPECT_DOUBLE_EQ(r.routes[0].km, 100);
    EXPECT_TRUE(r.routes[1].visits.empty());
    EXPECT_EQ(r.shared.vehicles, 1u);
    EXPECT_DOUBLE_EQ(r.shared.km, 100);
    EXPECT_DOUBLE_EQ(r.shared.hours, 100.0 / 60);
    EXPECT_DOUBLE_EQ(r.shared.cost, 300);
    EXPECT_DOUBLE_EQ(r.saving_cost(), 300);
    // Without a position the stop goes where the km grow least: first, 0→-20→-10→10→20→0
    // (80 km; after C ties at 80 and the earliest place wins).
    ASSERT_TRUE(move_stop(r, 3, 0));
    EXPECT_EQ(r.routes[0].visits[0].stop, 3u);
    EXPECT_DOUBLE_EQ(r.routes[0].km, 80);
    EXPECT_DOUBLE_EQ(r.shared.cost, 260);
}

TEST(RouteEdit, MovingBackGivesTheFirstTotalsExactly)
{
    Line l = four();
    auto& r = l.result;
    const RouteTotals first = r.shared;
    ASSERT_TRUE(move_stop(r, 2, 0, 1));
    ASSERT_TRUE(move_stop(r, 0, 1, 1));
    EXPECT_NE(r.shared.km, first.km);
    ASSERT_TRUE(move_stop(r, 0, 0, 0));
    ASSERT_TRUE(move_stop(r, 2, 1, 0));
    EXPECT_EQ(r.shared.vehicles, first.vehicles);
    EXPECT_EQ(r.shared.km, first.km);
    EXPECT_EQ(r.shared.hours, first.hours);
    EXPECT_EQ(r.shared.cost, first.cost);
    EXPECT_EQ(r.routes[0].end, 40);
}

TEST(RouteEdit, AddAndRemoveVehicles)
{
    Line l = four();
    auto& r = l.result;
    auto added = add_vehicle(r, 0);
    ASSERT_TRUE(added);
    EXPECT_EQ(*added, 2u);
    EXPECT_EQ(r.routes[2].vehicle, 3u);
    EXPECT_EQ(r.depots[0].vehicles, 3u);
    EXPECT_EQ(r.shared.vehicles, 2u);  // an empty vehicle drives nothing
    // B alone on vehicle 3: 40 km; vehicle 1 keeps A: 20 km.
    ASSERT_TRUE(move_stop(r, 1, 2, 0));
    EXPECT_EQ(r.shared.vehicles, 3u);
    EXPECT_DOUBLE_EQ(r.shared.km, 20 + 40 + 40);
    EXPECT_DOUBLE_EQ(r.shared.cost, 2 * 100 + 300);
    auto refused = remove_vehicle(r, 2);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("还有 1 个点"), std::string::npos);
    ASSERT_TRUE(move_stop(r, 1, 0, 1));
    ASSERT_TRUE(remove_vehicle(r, 2));
    EXPECT_EQ(r.routes.size(), 2u);
    EXPECT_DOUBLE_EQ(r.shared.km, 80);
    // A new vehicle for C: 20 km there and back; vehicle 2 keeps D (40 km).
    ASSERT_TRUE(move_stop_to_new_vehicle(r, 2, 0));
    ASSERT_EQ(r.routes.size(), 3u);
    EXPECT_DOUBLE_EQ(r.routes[2].km, 20);
    EXPECT_DOUBLE_EQ(r.shared.km, 40 + 40 + 20);
    EXPECT_EQ(r.shared.vehicles, 3u);
}

// The plan is left exactly as it was by a refused move.
void expect_unchanged(const RouteResult& before, const RouteResult& after)
{
    ASSERT_EQ(before.routes.size(), after.routes.size());
    for (std::size_t i = 0; i < before.routes.size(); ++i) {
        ASSERT_EQ(before.routes[i].visits.size(), after.routes[i].visits.size());
        for (std::size_t k = 0; k < before.routes[i].visits.size(); ++k)
            EXPECT_EQ(before.routes[i].visits[k].stop, after.routes[i].visits[k].stop);
        EXPECT_EQ(before.routes[i].km, after.routes[i].km);
    }
    EXPECT_EQ(before.shared.km, after.shared.km);
    EXPECT_EQ(before.shared.cost, after.shared.cost);
    EXPECT_EQ(before.shared.vehicles, after.shared.vehicles);
}

TEST(RouteEdit, RefusesAMoveThatBreaksAWindow)
{
    Line l({10, 20, -10, -20});
    l.result.stops[1].due = 25;  // B must be started by minute 25; it is reached at 20
    l.plan();
    l.route({0, 1});
    l.route({2, 3});
    const RouteResult before = l.result;
    // C first on vehicle 1 brings B to minute 40.
    auto s = move_stop(l.result, 2, 0, 0);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("站B"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("时间窗"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("站C"), std::string::npos) << s.error().message;
    expect_unchanged(before, l.result);
    // After B it fits: 0→10→20→-10→0 = 60 km, B still at 20.
    ASSERT_TRUE(move_stop(l.result, 2, 0, 2));
    EXPECT_DOUBLE_EQ(l.result.routes[0].km, 60);
}

TEST(RouteEdit, RefusesAMoveOverTheLoadOrTheShift)
{
    {
        Line l({10, 20, -10, -20}, 20);  // two stops of 10 fill a vehicle
        l.plan();
        l.route({0, 1});
        l.route({2, 3});
        const RouteResult before = l.result;
        auto s = move_stop(l.result, 2, 0);
        ASSERT_FALSE(s);
        EXPECT_NE(s.error().message.find("载重"), std::string::npos) << s.error().message;
        EXPECT_NE(s.error().message.find("站C"), std::string::npos) << s.error().message;
        expect_unchanged(before, l.result);
    }
    {
        Line l({10, 20, -10, -20}, 100, 50);  // back by minute 50
        l.plan();
        l.route({0, 1});
        l.route({2, 3});
        const RouteResult before = l.result;
        auto s = move_stop(l.result, 3, 0, 2);  // 0→10→20→-20→0: back at 80
        ASSERT_FALSE(s);
        EXPECT_NE(s.error().message.find("班次"), std::string::npos) << s.error().message;
        expect_unchanged(before, l.result);
    }
}

TEST(RouteEdit, RefusesWhatDoesNotExist)
{
    Line l = four();
    const RouteResult before = l.result;
    EXPECT_FALSE(move_stop(l.result, 9, 0));
    EXPECT_FALSE(move_stop(l.result, 0, 5));
    auto far = move_stop(l.result, 0, 1, 7);
    ASSERT_FALSE(far);
    EXPECT_NE(far.error().message.find("超出"), std::string::npos);
    EXPECT_FALSE(add_vehicle(l.result, 3));
    expect_unchanged(before, l.result);
    // A stop on no route and not among the unserved (a plan out of step) is refused by name.
    Line lost({10, 20, -10, -20});
    lost.plan();
    lost.route({0, 1});
    lost.route({2});
    auto u = move_stop(lost.result, 3, 0);
    ASSERT_FALSE(u);
    EXPECT_NE(u.error().message.find("站D"), std::string::npos) << u.error().message;
    EXPECT_NE(u.error().message.find("重新规划"), std::string::npos) << u.error().message;
}

// A at 10, B at 20 on vehicle 1 (40 km), C at -10 on vehicle 2 (20 km); D at -20 was left over.
Line three_and_unserved(double capacity = 100, double shift_end = 1000)
{
    Line l({10, 20, -10, -20}, capacity, shift_end);
    l.plan();
    l.route({0, 1});
    l.route({2});
    l.result.unserved.push_back({3, "车辆不足"});
    l.result.separate = {.vehicles = 3, .km = 80, .hours = 80.0 / 60, .cost = 460};
    return l;
}

TEST(RouteEdit, AddsAnUnservedStopToARoute)
{
    {
        // Where the km grow least: first, 0→-20→-10→0 = 40 km (after C ties at 40; the earliest
        // place wins).
        Line l = three_and_unserved();
        auto& r = l.result;
        ASSERT_TRUE(move_stop(r, 3, 1)) << "D onto vehicle 2";
        ASSERT_EQ(r.routes[1].visits.size(), 2u);
        EXPECT_EQ(r.routes[1].visits[0].stop, 3u);
        EXPECT_DOUBLE_EQ(r.routes[1].km, 40);
        EXPECT_TRUE(r.unserved.empty());
        EXPECT_EQ(r.shared.vehicles, 2u);
        EXPECT_DOUBLE_EQ(r.shared.km, 80);
        EXPECT_DOUBLE_EQ(r.shared.cost, 2 * 80 + 200);
        EXPECT_DOUBLE_EQ(r.separate.km, 80);  // the solver's comparison stays
        ASSERT_TRUE(find_stop(r, 3));
        EXPECT_EQ(find_stop(r, 3)->route, 1u);
    }
    {
        // Where it is dropped: D after B on vehicle 1, 0→10→20→-20→0 = 80 km; vehicle 2 untouched.
        Line l = three_and_unserved();
        auto& r = l.result;
        ASSERT_TRUE(move_stop(r, 3, 0, 2));
        EXPECT_EQ(r.routes[0].visits[2].stop, 3u);
        EXPECT_DOUBLE_EQ(r.routes[0].km, 80);
        EXPECT_DOUBLE_EQ(r.routes[0].load_at_start[0], 30);
        EXPECT_DOUBLE_EQ(r.routes[1].km, 20);
        EXPECT_DOUBLE_EQ(r.shared.km, 100);
        EXPECT_TRUE(r.unserved.empty());
    }
    {
        // Onto a new vehicle: 0→-20→0 = 40 km, three vehicles on the road.
        Line l = three_and_unserved();
        auto& r = l.result;
        ASSERT_TRUE(move_stop_to_new_vehicle(r, 3, 0));
        ASSERT_EQ(r.routes.size(), 3u);
        EXPECT_DOUBLE_EQ(r.routes[2].km, 40);
        EXPECT_EQ(r.shared.vehicles, 3u);
        EXPECT_DOUBLE_EQ(r.shared.km, 40 + 20 + 40);
        EXPECT_TRUE(r.unserved.empty());
    }
}

TEST(RouteEdit, RefusesAnUnservedStopThatBreaksTheRoute)
{
    {
        Line l = three_and_unserved(20);  // vehicle 1 is full with A and B
        const RouteResult before = l.result;
        auto s = move_stop(l.result, 3, 0);
        ASSERT_FALSE(s);
        EXPECT_EQ(s.error().message.find("不能把“站D”（D）加入中心 1 号车"), 0u) << s.error().message;
        EXPECT_NE(s.error().message.find("载重"), std::string::npos) << s.error().message;
        expect_unchanged(before, l.result);
        ASSERT_EQ(l.result.unserved.size(), 1u);
        EXPECT_EQ(l.result.unserved[0].stop, 3u);
        EXPECT_FALSE(find_stop(l.result, 3));
    }
    {
        Line l = three_and_unserved(100, 45);  // back by minute 45: D after B returns at 80
        const RouteResult before = l.result;
        auto s = move_stop(l.result, 3, 0, 2);
        ASSERT_FALSE(s);
        EXPECT_NE(s.error().message.find("加入中心 1 号车第 3 站"), std::string::npos) << s.error().message;
        EXPECT_NE(s.error().message.find("班次"), std::string::npos) << s.error().message;
        expect_unchanged(before, l.result);
        EXPECT_EQ(l.result.unserved.size(), 1u);
    }
    {
        Line l({10, 20, -10, -20});
        l.result.stops[3].due = 15;  // D must be started by minute 15; it is 20 km out
        l.plan();
        l.route({0, 1});
        l.route({2});
        l.result.unserved.push_back({3, "时间窗内无法到达"});
        const RouteResult before = l.result;
        auto s = move_stop(l.result, 3, 1);
        ASSERT_FALSE(s);
        EXPECT_NE(s.error().message.find("时间窗"), std::string::npos) << s.error().message;
        expect_unchanged(before, l.result);
        EXPECT_EQ(l.result.unserved.size(), 1u);
    }
}

}  // namespace
}  // namespace coopmap::analysis::routing
