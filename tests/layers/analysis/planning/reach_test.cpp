// Reach by road and excluded areas, on fixtures the tests draw themselves: a straight road
// with vertices every 0.01° of longitude, a separate road close by in a straight line but not
// joined to it, and a square excluded area with a hole.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/geodesic.h"
#include "analysis/planning/reach.h"
#include "analysis/planning/site_planning.h"

namespace coopmap::analysis::planning {
namespace {

void add_line(Layer& l, std::vector<std::pair<double, double>> pts, double kmh)
{
    for (const auto& [x, y] : pts) l.add_coordinate(x, y);
    l.end_ring();
    l.end_part();
    l.end_feature();
    l.columns[0].reals.push_back(kmh);
    l.columns[0].null.push_back(0);
}

struct RoadFixture {
    Layer roads;
    Points villages;  // 0..20 on the main road at 112.00 … 112.20, 21 on the side road, 22 off any road
};

RoadFixture road_fixture()
{
    RoadFixture f;
    f.roads.kind = GeometryKind::line;
    f.roads.role = Role::road;
    f.roads.add_column("speed", FieldType::real);
    std::vector<std::pair<double, double>> main;
    for (int k = 0; k <= 20; ++k) main.emplace_back(112.0 + 0.01 * k, 32.0);
    add_line(f.roads, main, 60);  // 60 km/h: one kilometre a minute
    add_line(f.roads, {{112.05, 32.02}, {112.06, 32.02}}, 60);
    for (const auto& [x, y] : main) f.villages.add(x, y);
    f.villages.add(112.05, 32.02);  // 2.2 km north of 112.05 in a straight line, unreachable by road
    f.villages.add(112.10, 32.06);  // 6.6 km from every road
    return f;
}

TEST(RoadReach, CandidatesReachWhatTheRoadReachesInTime)
{
    const auto f = road_fixture();
    RoadSpeeds speeds;
    speeds.speed_column = "speed";
    const auto g = RoadGraph::build(f.roads, speeds);
    ASSERT_TRUE(g) << g.error().text();
    // Each 0.01° step at 32° N is about 945 m (geod_inverse), 0.944 min at 60 km/h: three steps
    // (2.83 min) are within 3 minutes, four (3.78 min) are not.
    const double step = geodesic_distance_m(112.0, 32.0, 112.01, 32.0);
    ASSERT_NEAR(step, 945, 1);
    Points cand;
    cand.add(112.05, 32.0);  // on the main road, vertex 5
    cand.add(112.0501, 32.0);  // 9 m away: snaps to the same vertex, shares the search
    cand.add(112.05, 32.02);  // on the side road
    cand.add(112.10, 32.06);  // off the roads
    const auto r = coverage_by_road(*g, f.villages, cand, 3.0, 2000);
    ASSERT_TRUE(r) << r.error().text();
    EXPECT_EQ(r->candidates_off_road, 1u);
    EXPECT_EQ(r->demand_off_road, 1u);
    const auto c0 = r->coverage.covers(0);
    EXPECT_EQ(std::vector<std::uint32_t>(c0.begin(), c0.end()), (std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8}));
    const auto c1 = r->coverage.covers(1);
    EXPECT_EQ(std::vector<std::uint32_t>(c1.begin(), c1.end()), (std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8}));
    const auto c2 = r->coverage.covers(2);
    EXPECT_EQ(std::vector<std::uint32_t>(c2.begin(), c2.end()), (std::vector<std::uint32_t>{21}));
    EXPECT_EQ(r->coverage.covers(3).size(), 0u);
    // By straight line the side-road village is within 3 km of candidate 0; by road it is not.
    EXPECT_LT(geodesic_distance_m(112.05, 32.0, 112.05, 32.02), 3000);
    const auto back = r->coverage.covered_by(21);
    EXPECT_EQ(std::vector<std::uint32_t>(back.begin(), back.end()), (std::vector<std::uint32_t>{2}));

    Points existing;
    existing.add(112.0, 32.0);
    const auto cov = covered_by_road(*g, f.villages, existing, 3.0, 2000);
    ASSERT_TRUE(cov);
    std::size_t n = 0;
    for (std::size_t j = 0; j < cov->size(); ++j) n += (*cov)[j];
    EXPECT_EQ(n, 4u);  // vertices 0..3
    EXPECT_TRUE((*cov)[3]);
    EXPECT_FALSE((*cov)[4]);
}

TEST(RoadReach, MaxCoverageByRoadPicksTheRoadNotTheStraightLine)
{
    const auto f = road_fixture();
    RoadSpeeds speeds;
    speeds.speed_column = "speed";
    const auto g = RoadGraph::build(f.roads, speeds);
    ASSERT_TRUE(g);
    // Every village is a candidate; one site, weight 1 per village except the side-road one (100).
    auto reach = coverage_by_road(*g, f.villages, f.villages, 3.0, 2000);
    ASSERT_TRUE(reach);
    SitingProblem pb;
    pb.coverage = reach->coverage;
    pb.weight.assign(f.villages.size(), 1.0);
    pb.weight[21] = 100;
    pb.cand_lon = f.villages.lon;
    pb.cand_lat = f.villages.lat;
    SolveOptions o;
    o.new_sites = 2;
    o.method = Method::exact;
    const auto s = solve_covering(pb, o);
    ASSERT_TRUE(s) << s.error().text();
    EXPECT_TRUE(s->optimal);
    // The side-road village (100) and seven main-road villages.
    EXPECT_DOUBLE_EQ(s->objective, 107);
    EXPECT_DOUBLE_EQ(new_covered_weight(pb, s->sites), 107);
}

// p-median by travel time on the straight road: 21 villages one step (945 m, 0.945 min at
// 60 km/h) apart. One site: the middle vertex 10, Σ|k − 10| = 110 steps. The side-road
// village (weight 100) is reached only from its own vertex, so with two sites that is the
// second; the off-road one costs the same whatever is chosen.
TEST(RoadReach, PMedianByTravelTimeIsTheMiddleOfTheRoad)
{
    const auto f = road_fixture();
    RoadSpeeds speeds;
    speeds.speed_column = "speed";
    const auto g = RoadGraph::build(f.roads, speeds);
    ASSERT_TRUE(g);
    const double step_min = geodesic_distance_m(112.0, 32.0, 112.01, 32.0) / 1000;  // 1 km a minute
    Points none;
    auto dm = road_minutes(*g, f.villages, f.villages, none, 30, 2000);
    ASSERT_TRUE(dm) << dm.error().text();
    EXPECT_NEAR(dm->at(3, 10), 7 * step_min, 1e-3);
    EXPECT_NEAR(dm->at(20, 0), 20 * step_min, 1e-3);
    EXPECT_TRUE(std::isinf(dm->at(21, 10)));  // side road: not joined
    EXPECT_NEAR(dm->at(21, 21), 0, 1e-6);
    EXPECT_TRUE(std::isinf(dm->at(22, 22)));  // off every road
    EXPECT_TRUE(std::isinf(dm->base[0]));  // no existing site

    SitingProblem pb;
    pb.weight.assign(f.villages.size(), 1.0);
    pb.weight[21] = 100;
    pb.cand_lon = f.villages.lon;
    pb.cand_lat = f.villages.lat;
    pb.coverage = coverage_from_lists(f.villages.size(), std::vector<std::vector<std::uint32_t>>(f.villages.size()));
    SolveOptions o;
    o.objective = Objective::p_median;
    o.new_sites = 2;
    o.method = Method::exact;
    const auto s = solve_p_median(pb, *dm, o);
    ASSERT_TRUE(s) << s.error().text();
    EXPECT_TRUE(s->optimal);
    auto sites = s->sites;
    std::sort(sites.begin(), sites.end());
    EXPECT_EQ(sites, (std::vector<std::uint32_t>{10, 21}));

    // Stopped at 5 minutes: five steps (4.7 min) are in, six are not; an existing site at
    // vertex 0 gives the base times.
    Points existing;
    existing.add(112.0, 32.0);
    dm = road_minutes(*g, f.villages, f.villages, existing, 5, 2000);
    ASSERT_TRUE(dm);
    EXPECT_NEAR(dm->at(5, 10), 5 * step_min, 1e-3);
    EXPECT_TRUE(std::isinf(dm->at(4, 10)));
    EXPECT_NEAR(dm->base[5], 5 * step_min, 1e-3);
    EXPECT_TRUE(std::isinf(dm->base[6]));
    EXPECT_FALSE(road_minutes(*g, f.villages, f.villages, existing, 5, 2000, 100));  // too many pairs
}

Layer square_with_hole()
{
    Layer l;
    l.name = "禁建区";
    l.kind = GeometryKind::polygon;
    for (const auto& [x, y] : std::vector<std::pair<double, double>>{
             {112.0, 32.0}, {112.1, 32.0}, {112.1, 32.1}, {112.0, 32.1}, {112.0, 32.0}})
        l.add_coordinate(x, y);
    l.end_ring();
    for (const auto& [x, y] : std::vector<std::pair<double, double>>{
             {112.04, 32.04}, {112.04, 32.06}, {112.06, 32.06}, {112.06, 32.04}, {112.04, 32.04}})
        l.add_coordinate(x, y);
    l.end_ring();
    l.end_part();
    l.end_feature();
    return l;
}

TEST(ExcludedAreas, InsideOnTheEdgeInTheHoleAndOutside)
{
    const auto areas = square_with_hole();
    const std::vector<double> lon{112.02, 112.1, 112.05, 112.15, 111.99, 112.0999};
    const std::vector<double> lat{32.02, 32.05, 32.05, 32.05, 32.05, 32.0999};
    const auto in = inside_areas(areas, lon, lat);
    ASSERT_TRUE(in) << in.error().text();
    EXPECT_EQ(*in, (std::vector<std::uint8_t>{1, 1, 0, 0, 0, 1}));
}

TEST(ExcludedAreas, NoSiteIsChosenInsideAndAPointLayerIsRefused)
{
    const auto areas = square_with_hole();
    // A grid of villages 0.02° apart over 111.97 … 112.15, none on an edge: the heavy ones
    // (5 × 5) are inside, one of them in the hole.
    std::vector<double> lon, lat, w;
    for (int a = 0; a < 10; ++a)
        for (int b = 0; b < 10; ++b) {
            lon.push_back(111.97 + 0.02 * a);
            lat.push_back(31.97 + 0.02 * b);
            w.push_back(a >= 2 && a <= 6 && b >= 2 && b <= 6 ? 1000 : 10);
        }
    SitingProblem pb;
    pb.coverage = coverage_within_radius(lon, lat, lon, lat, 3000);
    pb.weight = w;
    pb.cand_lon = lon;
    pb.cand_lat = lat;
    const auto in = inside_areas(areas, lon, lat);
    ASSERT_TRUE(in);
    pb.rules.excluded = *in;
    std::size_t excluded = 0;
    for (const auto e : *in) excluded += e;
    EXPECT_EQ(excluded, 24u);  // 5 × 5 inside, less (112.05, 32.05) in the hole
    EXPECT_FALSE((*in)[4 * 10 + 4]);
    for (const auto method : {Method::exact, Method::heuristic}) {
        SolveOptions o;
        o.new_sites = 5;
        o.method = method;
        const auto s = solve_covering(pb, o);
        ASSERT_TRUE(s) << s.error().text();
        ASSERT_EQ(s->sites.size(), 5u);
        for (const auto c : s->sites) {
            const bool in_square =
                lon[c] >= 112.0 - 1e-9 && lon[c] <= 112.1 + 1e-9 && lat[c] >= 32.0 - 1e-9 && lat[c] <= 32.1 + 1e-9;
            const bool in_hole =
                lon[c] > 112.04 + 1e-9 && lon[c] < 112.06 - 1e-9 && lat[c] > 32.04 + 1e-9 && lat[c] < 32.06 - 1e-9;
            EXPECT_TRUE(!in_square || in_hole) << lon[c] << ", " << lat[c];
        }
        EXPECT_EQ(check_rules(pb, s->sites), "");
    }
    Layer points;
    points.name = "点";
    points.add_point(112.0, 32.0);
    const auto bad = inside_areas(points, lon, lat);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("不是面图层"), std::string::npos);
}

}  // namespace
}  // namespace coopmap::analysis::planning
