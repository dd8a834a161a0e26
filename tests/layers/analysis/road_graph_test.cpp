#include <gtest/gtest.h>

#include <random>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "analysis/geodesic.h"
#include "analysis/road_graph.h"
#include "analysis/service_areas.h"

namespace coopmap::analysis {
namespace {

// Boost.Graph's Dijkstra from one source: the reference for our CSR search.
std::vector<double> boost_dijkstra(std::size_t n, const std::vector<Edge>& edges, std::uint32_t source)
{
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    G g(n);
    for (const auto& e : edges) boost::add_edge(e.from, e.to, e.seconds, g);
    std::vector<double> d(n);
    boost::dijkstra_shortest_paths(g, source, boost::distance_map(d.data()));
    return d;
}

TEST(RoadGraph, MultiSourceSearchEqualsBoostDijkstraOnARandomGraph)
{
    std::mt19937_64 rng(42);
    const std::size_t n = 3000;
    std::uniform_int_distribution<std::uint32_t> node(0, n - 1);
    std::uniform_real_distribution<double> w(1.0, 600.0);
    std::vector<Edge> edges;
    for (int i = 0; i < 9000; ++i) edges.push_back({node(rng), node(rng), w(rng)});
    const auto g = RoadGraph::from_edges(n, edges);
    ASSERT_EQ(g.node_count(), n);
    ASSERT_EQ(g.edge_count(), edges.size());

    const std::vector<std::uint32_t> sources{node(rng), node(rng), node(rng), node(rng)};
    std::vector<std::vector<double>> ref;
    for (auto s : sources) ref.push_back(boost_dijkstra(n, edges, s));
    const auto ours = travel_times(g, sources);
    ASSERT_TRUE(ours.ok());
    std::size_t reached = 0;
    for (std::size_t v = 0; v < n; ++v) {
        double best = std::numeric_limits<double>::max();  // Boost's "unreached"
        for (const auto& r : ref) best = std::min(best, r[v]);
        if (best == std::numeric_limits<double>::max()) {
            EXPECT_EQ(ours->seconds[v], kInf) << v;
            EXPECT_EQ(ours->source[v], kNone) << v;
            continue;
        }
        ++reached;
        ASSERT_NEAR(ours->seconds[v], best, 1e-9) << v;
        // The source named is one whose own distance is that minimum.
        ASSERT_NE(ours->source[v], kNone);
        EXPECT_NEAR(ref[ours->source[v]][v], best, 1e-9) << v;
    }
    EXPECT_GT(reached, n / 2);
}

TEST(RoadGraph, MaxSecondsStopsTheSearch)
{
    const std::vector<Edge> edges{{0, 1, 60}, {1, 2, 60}, {2, 3, 60}};
    const auto g = RoadGraph::from_edges(4, edges);
    const std::uint32_t src[] = {0};
    const auto t = travel_times(g, src, 120);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->seconds, (std::vector<double>{0, 60, 120, kInf}));
}

// Three roads: a 2-way 60 km/h road west-east of 1000 m, a one-way 30 km/h road of 500 m north
// from its end, and a separate 100 m track far away (a second piece).
Layer three_roads()
{
    Layer l;
    l.role = Role::road;
    l.kind = GeometryKind::line;
    l.columns.reserve(3);  // references to columns stay valid while they are added
    auto& cls = l.add_column("class", FieldType::text);
    auto& one = l.add_column("oneway", FieldType::integer);
    auto& spd = l.add_column("speed_kmh", FieldType::real);
    auto add = [&](std::vector<Destination> pts, const char* c, int ow, double kmh) {
        for (const auto& p : pts) l.add_coordinate(p.lon, p.lat);
        l.end_ring();
        l.end_part();
        l.end_feature();
        cls.texts.push_back(c);
        cls.null.push_back(0);
        one.integers.push_back(ow);
        one.null.push_back(0);
        spd.reals.push_back(kmh);
        spd.null.push_back(kmh > 0 ? 0 : 1);
    };
    const Destination a{112.0, 32.0};
    const auto b = geodesic_destination(a.lon, a.lat, 90, 500);
    const auto c = geodesic_destination(a.lon, a.lat, 90, 1000);
    const auto d = geodesic_destination(c.lon, c.lat, 0, 500);
    add({a, b, c}, "县道", 0, 60);
    add({c, d}, "乡道", 1, 0);  // no speed: the class's 30 km/h
    const Destination e{113.0, 33.0};
    add({e, geodesic_destination(e.lon, e.lat, 0, 100)}, "未知", 0, 0);  // default 30 km/h
    return l;
}

TEST(RoadGraph, BuildFromLinesRespectsSpeedsOneWayAndPieces)
{
    RoadSpeeds s;
    s.class_column = "class";
    s.speed_column = "speed_kmh";
    s.oneway_column = "oneway";
    const auto g = RoadGraph::build(three_roads(), s);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g->node_count(), 6u);
    EXPECT_EQ(g->edge_count(), 2u * 2 + 1 + 2);
    EXPECT_EQ(g->component_count(), 2u);
    const std::uint32_t a[] = {0};
    const auto t = travel_times(*g, a);
    ASSERT_TRUE(t.ok());
    // 1000 m at 60 km/h = 60 s; then 500 m at 30 km/h = 60 s more.
    EXPECT_NEAR(t->seconds[2], 60.0, 1e-6);
    EXPECT_NEAR(t->seconds[3], 120.0, 1e-6);
    EXPECT_EQ(t->seconds[4], kInf);
    // Against the one-way road, the north end reaches nothing.
    const std::uint32_t d[] = {3};
    const auto back = travel_times(*g, d);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->seconds[0], kInf);
}

TEST(RoadGraph, SnapFindsTheNearestVertexWithinTheLimit)
{
    const auto g = RoadGraph::build(three_roads(), RoadSpeeds{});
    ASSERT_TRUE(g.ok());
    const auto p = geodesic_destination(112.0, 32.0, 180, 300);
    const auto s = g->snap(p.lon, p.lat, 500);
    EXPECT_EQ(s.node, 0u);
    EXPECT_NEAR(s.distance_m, 300, 1e-3);
    EXPECT_EQ(g->snap(p.lon, p.lat, 200).node, kNone);
}

TEST(RoadGraph, CacheRebuildsOnlyWhenTheLayerChanges)
{
    RoadGraphCache cache;
    auto roads = three_roads();
    const auto a = cache.get(roads, RoadSpeeds{});
    const auto b = cache.get(roads, RoadSpeeds{});
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->get(), b->get());
    roads.x[0] += 0.001;
    const auto c = cache.get(roads, RoadSpeeds{});
    ASSERT_TRUE(c.ok());
    EXPECT_NE(a->get(), c->get());
}

// A 21 x 21 grid of 100 m cells at 36 km/h (10 m/s): in one minute the search reaches 600 m of
// road, a diamond |dx| + |dy| <= 600 m of area 2 * 600² = 720,000 m². The isochrone is a polygon
// of about that area (the concave hull can only add to it, up to the convex diamond).
TEST(Isochrones, AGridGivesTheDiamondItsRoadsReach)
{
    const int k = 21;
    std::vector<Edge> edges;
    Points pos;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const auto east = geodesic_destination(112.0, 32.0, 90, 100.0 * j);
            const auto p = geodesic_destination(east.lon, east.lat, 0, 100.0 * i);
            pos.add(p.lon, p.lat);
        }
    auto id = [k](int i, int j) { return static_cast<std::uint32_t>(i * k + j); };
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            if (j + 1 < k) {
                edges.push_back({id(i, j), id(i, j + 1), 10});
                edges.push_back({id(i, j + 1), id(i, j), 10});
            }
            if (i + 1 < k) {
                edges.push_back({id(i, j), id(i + 1, j), 10});
                edges.push_back({id(i + 1, j), id(i, j), 10});
            }
        }
    const auto g = RoadGraph::from_edges(static_cast<std::size_t>(k * k), edges, pos);
    const std::uint32_t centre[] = {id(10, 10)};
    const double minutes[] = {0.5, 1.0};
    const auto iso = isochrones(g, centre, minutes);
    ASSERT_TRUE(iso.ok());
    ASSERT_EQ(iso->size(), 2u);
    EXPECT_EQ(iso->kind, GeometryKind::polygon);
    EXPECT_EQ(iso->column("minutes")->reals, (std::vector<double>{0.5, 1.0}));
    EXPECT_NEAR(geodesic_area_m2(*iso, 0), 2 * 300.0 * 300.0, 0.02 * 2 * 300.0 * 300.0);
    EXPECT_NEAR(geodesic_area_m2(*iso, 1), 2 * 600.0 * 600.0, 0.02 * 2 * 600.0 * 600.0);
}

}  // namespace
}  // namespace coopmap::analysis
