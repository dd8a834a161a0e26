// The travel matrix against Boost.Graph's Dijkstra from each stop on random graphs with one-way
// roads, a disconnected piece and off-road stops; and its estimates, options and cancel.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "analysis/geodesic.h"
#include "analysis/routing/hierarchy.h"
#include "analysis/routing/travel_matrix.h"

namespace coopmap::analysis::routing {
namespace {

// (seconds, metres), compared lexicographically by std::pair: the fastest path, the shortest
// of equally fast ones — the matrix's own definition, computed here by Boost alone.
using Cost = std::pair<double, double>;

std::vector<Cost> boost_dijkstra(std::size_t n, const std::vector<Edge>& edges, std::uint32_t source)
{
    struct Weight {
        Cost w;
    };
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Weight>;
    G g(n);
    for (const auto& e : edges) boost::add_edge(e.from, e.to, Weight{{e.seconds, e.metres}}, g);
    std::vector<Cost> d(n);
    const Cost inf{kInf, kInf};
    boost::dijkstra_shortest_paths(
        g, source,
        boost::weight_map(boost::get(&Weight::w, g))
            .distance_map(boost::make_iterator_property_map(d.begin(), boost::get(boost::vertex_index, g)))
            .distance_compare(std::less<Cost>())
            .distance_combine([](const Cost& a, const Cost& b) {
                return Cost{a.first + b.first, a.second + b.second};
            })
            .distance_inf(inf)
            .distance_zero(Cost{0, 0}));
    return d;
}

struct RandomNetwork {
    std::size_t n = 0;
    std::vector<Edge> edges;
    Points positions;
    Points stops;
    std::vector<std::uint32_t> stop_node;  // kNone: off-road
};

// n nodes at random places in a 50 km box; the last tenth a piece of their own. Edge times and
// lengths are whole numbers (sums exact in any order, so equality can be exact) drawn small so
// that equally fast paths are common and the tie on metres matters; a third are one-way.
RandomNetwork random_network(std::uint64_t seed, std::size_t n, std::size_t edge_count)
{
    RandomNetwork r;
    r.n = n;
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(111.0, 111.5), lat(31.0, 31.45);
    for (std::size_t i = 0; i < n; ++i) r.positions.add(lon(rng), lat(rng));
    // Nodes main_n - 1 and main_n - 2 hang off the main piece by one one-way road each: the
    // first can only be reached, the second only left.
    const std::uint32_t main_n = static_cast<std::uint32_t>(n - n / 10);
    const std::uint32_t sink = main_n - 1, spring = main_n - 2;
    std::uniform_int_distribution<std::uint32_t> main_node(0, main_n - 3),
        piece_node(main_n, static_cast<std::uint32_t>(n - 1));
    std::uniform_int_distribution<int> secs(1, 40), metres(1, 900), kind(0, 2);
    for (std::size_t k = 0; k < edge_count; ++k) {
        const bool piece = k % 10 == 0;
        const auto a = piece ? piece_node(rng) : main_node(rng);
        const auto b = piece ? piece_node(rng) : main_node(rng);
        const double s = secs(rng), m = metres(rng);
        r.edges.push_back({a, b, s, m});
        if (kind(rng) != 0) r.edges.push_back({b, a, s, m});
    }
    r.edges.push_back({main_node(rng), sink, 30, 400});
    r.edges.push_back({spring, main_node(rng), 30, 400});
    // Stops at nodes (so each snaps to that node): the two one-way ends, 55 at random, twice at
    // one node, and three far from any road.
    std::uniform_int_distribution<std::uint32_t> any(0, static_cast<std::uint32_t>(n - 1));
    for (const auto v : {sink, spring}) {
        r.stops.add(r.positions.lon[v], r.positions.lat[v]);
        r.stop_node.push_back(v);
    }
    for (int i = 0; i < 55; ++i) {
        const auto v = any(rng);
        r.stops.add(r.positions.lon[v], r.positions.lat[v]);
        r.stop_node.push_back(v);
    }
    r.stops.add(r.stops.lon[3], r.stops.lat[3]);
    r.stop_node.push_back(r.stop_node[3]);
    for (int i = 0; i < 3; ++i) {
        r.stops.add(112.0 + 0.1 * i, 31.2);
        r.stop_node.push_back(kNone);
    }
    return r;
}

// Every pair of `m` equals Boost's fastest path between the stops' nodes, or the estimate where
// there is none; returns how many pairs were estimated and how many were one-way only.
std::pair<std::size_t, std::size_t> expect_matrix_is_boost(const RandomNetwork& r, const TravelMatrix& m)
{
    const MatrixOptions o;
    const std::size_t n = r.stops.size();
    EXPECT_EQ(m.n, n);
    std::size_t estimated = 0, one_way = 0, offroad = 0;
    std::vector<std::vector<Cost>> ref(n);
    for (std::size_t i = 0; i < n; ++i)
        if (r.stop_node[i] != kNone) ref[i] = boost_dijkstra(r.n, r.edges, r.stop_node[i]);
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(m.node[i], r.stop_node[i]) << i;
        EXPECT_EQ(m.offroad[i], r.stop_node[i] == kNone ? 1 : 0) << i;
        offroad += r.stop_node[i] == kNone;
        if (r.stop_node[i] != kNone) {
            EXPECT_EQ(m.snap_m[i], 0) << i;
        }
        for (std::size_t j = 0; j < n; ++j) {
            const auto at = i * n + j;
            if (i == j) {
                EXPECT_EQ(m.minutes[at], 0);
                EXPECT_EQ(m.km[at], 0);
                EXPECT_EQ(m.estimated[at], 0);
                continue;
            }
            const bool road = r.stop_node[i] != kNone && r.stop_node[j] != kNone &&
                              ref[i][r.stop_node[j]].first < std::numeric_limits<double>::max() &&
                              ref[i][r.stop_node[j]].first < kInf;
            if (road) {
                const auto c = ref[i][r.stop_node[j]];
                EXPECT_EQ(m.estimated[at], 0) << i << "→" << j;
                EXPECT_EQ(m.minutes[at], c.first / 60) << i << "→" << j;
                EXPECT_EQ(m.km[at], c.second / 1000) << i << "→" << j;
                const auto back = ref[j].empty() ? kInf : ref[j][r.stop_node[i]].first;
                one_way += !(back < kInf);
                continue;
            }
            ++estimated;
            const double km = geodesic_distance_m(r.stops.lon[i], r.stops.lat[i], r.stops.lon[j], r.stops.lat[j]) /
                              1000 * o.detour_factor;
            EXPECT_EQ(m.estimated[at], 1) << i << "→" << j;
            EXPECT_DOUBLE_EQ(m.km[at], km) << i << "→" << j;
            EXPECT_DOUBLE_EQ(m.minutes[at], km / o.offroad_kmh * 60) << i << "→" << j;
        }
    }
    EXPECT_EQ(m.estimated_pairs, estimated);
    EXPECT_EQ(m.offroad_stops, offroad);
    EXPECT_EQ(m.options.detour_factor, o.detour_factor);
    return {estimated, one_way};
}

// `count` stops at random nodes of `pos`, and those nodes.
std::pair<Points, std::vector<std::uint32_t>> stops_at_nodes(std::mt19937_64& rng, const Points& pos, int count)
{
    std::uniform_int_distribution<std::uint32_t> any(0, static_cast<std::uint32_t>(pos.size() - 1));
    std::pair<Points, std::vector<std::uint32_t>> out;
    for (int s = 0; s < count; ++s) {
        out.second.push_back(any(rng));
        out.first.add(pos.lon[out.second.back()], pos.lat[out.second.back()]);
    }
    return out;
}

// Every pair of stops at the nodes `at` against Boost's fastest path, for whole-number costs
// (the sums are exact in any order, so equality is exact): pairs by road, pairs estimated (no
// path), and pairs that differ (or stops not at their node).
struct Agreement {
    std::size_t road = 0, estimated = 0, differ = 0;
};

Agreement against_boost(const TravelMatrix& m, std::size_t n, const std::vector<Edge>& edges,
                        const std::vector<std::uint32_t>& at)
{
    Agreement r;
    for (std::size_t a = 0; a < at.size(); ++a) {
        r.differ += m.node[a] != at[a];
        const auto ref = boost_dijkstra(n, edges, at[a]);
        for (std::size_t b = 0; b < at.size(); ++b) {
            if (a == b || at[a] == at[b]) continue;
            if (!(ref[at[b]].first < kInf)) {
                ++r.estimated;
                r.differ += !m.estimated_at(a, b);
                continue;
            }
            ++r.road;
            r.differ += m.estimated_at(a, b) || m.minutes_at(a, b) != ref[at[b]].first / 60 ||
                        m.km_at(a, b) != ref[at[b]].second / 1000;
        }
    }
    return r;
}

TEST(TravelMatrix, EqualsBoostDijkstraOnRandomGraphs)
{
    for (std::uint64_t seed : {1, 2, 3}) {
        const auto r = random_network(seed, 3000, 6000);
        const auto g = RoadGraph::from_edges(r.n, r.edges, r.positions);
        double last = 0;
        const Feedback feedback([&](double done) { last = done; });
        const auto m = travel_matrix(g, r.stops, {}, feedback);
        ASSERT_TRUE(m.ok()) << m.error().text();
        const auto [estimated, one_way] = expect_matrix_is_boost(r, *m);
        // The cases the test is for all occur: off-road stops, disconnected pairs, one-way pairs.
        EXPECT_GT(estimated, 3u * 2 * 57) << seed;
        EXPECT_GT(one_way, 0u) << seed;
        EXPECT_EQ(last, 1.0);
    }
}

// A denser graph with real-valued (not whole) costs: every node a stop, all pairs compared. Arcs
// of 0 s (two points of one junction) and arcs shorter than a bucket are scanned again within
// the bucket, and two arcs of a day stretch the ring of buckets: each case changes the answer
// when the search gets it wrong.
TEST(TravelMatrix, EveryPairOfADenseGraphWithZeroShortAndLongArcs)
{
    std::mt19937_64 rng(11);
    const std::size_t n = 400;
    Points pos;
    std::uniform_real_distribution<double> lon(111.0, 111.2), lat(31.0, 31.2), w(1.0, 300.0);
    for (std::size_t i = 0; i < n; ++i) pos.add(lon(rng), lat(rng));
    std::uniform_int_distribution<std::uint32_t> node(0, n - 1);
    std::vector<Edge> edges;
    for (int k = 0; k < 2400; ++k) {
        const double s = k % 50 == 0 ? 0 : k % 7 == 0 ? w(rng) / 100 : w(rng);
        edges.push_back({node(rng), node(rng), s, s == 0 ? 3 : s * 10});
    }
    edges.push_back({0, 1, 86400, 1e6});
    edges.push_back({2, 3, 86400 * 1.5, 1e6});
    const auto g = RoadGraph::from_edges(n, edges, pos);
    const auto m = travel_matrix(g, pos);
    ASSERT_TRUE(m.ok());
    std::size_t road = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto ref = boost_dijkstra(n, edges, i);
        for (std::uint32_t j = 0; j < n; ++j) {
            if (i == j || !(ref[j].first < kInf)) continue;
            ++road;
            ASSERT_FALSE(m->estimated_at(i, j)) << i << "→" << j;
            // Sums of real numbers in another order: equal to rounding.
            ASSERT_NEAR(m->minutes_at(i, j), ref[j].first / 60, 1e-9 * ref[j].first) << i << "→" << j;
            ASSERT_NEAR(m->km_at(i, j), ref[j].second / 1000, 1e-9 * ref[j].second) << i << "→" << j;
        }
    }
    EXPECT_GT(road, n * n / 2);
}

// A grid (the shape of the bench network, where the buckets hold rings of nodes): 60 x 60 nodes
// a little off their places, two-way streets with whole-number costs that differ by direction,
// some one-way, a few removed and some diagonals; 150 stops at nodes, every pair against Boost.
TEST(TravelMatrix, OnAGridEqualsBoostDijkstra)
{
    std::mt19937_64 rng(21);
    const std::uint32_t k = 60, n = k * k;
    Points pos;
    std::uniform_real_distribution<double> jitter(-0.0004, 0.0004);
    for (std::uint32_t i = 0; i < k; ++i)
        for (std::uint32_t j = 0; j < k; ++j)
            pos.add(111.0 + 0.0015 * j + jitter(rng), 31.0 + 0.0013 * i + jitter(rng));
    std::uniform_int_distribution<int> secs(8, 14), metres(140, 160), kind(0, 19);
    std::vector<Edge> edges;
    const auto street = [&](std::uint32_t a, std::uint32_t b) {
        const int what = kind(rng);
        if (what == 0) return;  // a gap in the grid
        const double m = metres(rng);
        edges.push_back({a, b, static_cast<double>(secs(rng)), m});
        if (what != 1) edges.push_back({b, a, static_cast<double>(secs(rng)), m});  // 1: one-way
    };
    for (std::uint32_t i = 0; i < k; ++i)
        for (std::uint32_t j = 0; j < k; ++j) {
            const std::uint32_t v = i * k + j;
            if (j + 1 < k) street(v, v + 1);
            if (i + 1 < k) street(v, v + k);
            if (i + 1 < k && j + 1 < k && kind(rng) < 2) street(v, v + k + 1);
        }
    const auto g = RoadGraph::from_edges(n, edges, pos);
    const auto [stops, at] = stops_at_nodes(rng, pos, 150);
    MatrixOptions o;
    o.snap_limit_m = 1;
    const auto m = travel_matrix(g, stops, o);
    ASSERT_TRUE(m.ok()) << m.error().text();
    const auto r = against_boost(*m, n, edges, at);
    EXPECT_EQ(r.differ, 0u);
    EXPECT_GT(r.road, 150u * 149 * 9 / 10);
}

// A two-way grid (every street both ways at the same cost, as most rural roads are, a gap here
// and there, and a piece of its own), where each pair is computed once and filled in both ways,
// and the same grid made one-way somewhere by one extra arc, where every pair is computed on its
// own: each equals Boost's Dijkstra from every stop on its own graph.
TEST(TravelMatrix, OnATwoWayGridEachPairIsDoneOnce)
{
    std::mt19937_64 rng(31);
    const std::uint32_t k = 50, n = k * k + 40;
    Points pos;
    for (std::uint32_t i = 0; i < k; ++i)
        for (std::uint32_t j = 0; j < k; ++j) pos.add(111.0 + 0.0015 * j, 31.0 + 0.0013 * i);
    for (std::uint32_t i = 0; i < 40; ++i) pos.add(111.2 + 0.0015 * (i % 8), 31.2 + 0.0013 * (i / 8));
    std::uniform_int_distribution<int> secs(8, 14), metres(140, 160), kind(0, 19);
    std::vector<Edge> edges;
    const auto street = [&](std::uint32_t a, std::uint32_t b) {
        if (kind(rng) == 0) return;
        const double s = secs(rng), m = metres(rng);
        edges.push_back({a, b, s, m});
        edges.push_back({b, a, s, m});
    };
    for (std::uint32_t i = 0; i < k; ++i)
        for (std::uint32_t j = 0; j < k; ++j) {
            if (j + 1 < k) street(i * k + j, i * k + j + 1);
            if (i + 1 < k) street(i * k + j, (i + 1) * k + j);
        }
    for (std::uint32_t i = k * k; i + 1 < n; ++i) street(i, i + 1);
    const auto [stops, at] = stops_at_nodes(rng, pos, 120);
    MatrixOptions o;
    o.snap_limit_m = 1;
    const auto two_way = travel_matrix(RoadGraph::from_edges(n, edges, pos), stops, o);
    ASSERT_TRUE(two_way.ok()) << two_way.error().text();
    auto one_arc = edges;
    one_arc.push_back({0, k * k - 1, 1e6, 1e6});
    const auto one_way = travel_matrix(RoadGraph::from_edges(n, one_arc, pos), stops, o);
    ASSERT_TRUE(one_way.ok());
    const auto r = against_boost(*two_way, n, edges, at);
    EXPECT_EQ(r.differ, 0u);
    EXPECT_EQ(against_boost(*one_way, n, one_arc, at).differ, 0u);
    EXPECT_GT(r.road, 100u * 99);
    EXPECT_GT(r.estimated, 0u);
}

// The matrix is exact whatever share of the graph the hierarchy leaves in its core: none
// contracted (core searches only), half, and as far as contraction goes before the core is dense.
TEST(TravelMatrix, EqualsBoostWithAnyCore)
{
    const auto r = random_network(4, 3000, 6000);
    for (const double share : {1.0, 0.5, 0.0}) {
        const auto g = RoadGraph::from_edges(r.n, r.edges, r.positions);
        const auto h = build_hierarchy(g, share, Feedback(), 0, 1);
        ASSERT_TRUE(h);
        if (share == 1.0) {
            EXPECT_EQ(h->core_size(), r.n);
        } else if (share == 0.5) {
            EXPECT_EQ(h->core_size(), r.n / 2);
        } else {
            EXPECT_LT(h->core_size(), r.n / 2);
        }
        g.derived().hierarchy = h;
        const auto m = travel_matrix(g, r.stops);
        ASSERT_TRUE(m.ok()) << m.error().text();
        SCOPED_TRACE(share);
        expect_matrix_is_boost(r, *m);
    }
}

// The hierarchy is built with a graph's first matrix and kept with it (and its copies); a
// cancelled build keeps nothing, and the next matrix builds it.
TEST(TravelMatrix, KeepsTheHierarchyWithTheGraph)
{
    const auto r = random_network(5, 3000, 6000);
    const auto g = RoadGraph::from_edges(r.n, r.edges, r.positions);
    const Feedback cancelled;
    cancelled.cancel();
    EXPECT_FALSE(hierarchy_of(g, cancelled, 0, 1));
    EXPECT_FALSE(g.derived().hierarchy);
    ASSERT_TRUE(travel_matrix(g, r.stops).ok());
    const auto kept = g.derived().hierarchy;
    ASSERT_TRUE(kept);
    const auto copy = g;
    ASSERT_TRUE(travel_matrix(copy, r.stops).ok());
    EXPECT_EQ(hierarchy_of(copy, Feedback(), 0, 1).get(), kept.get());
    EXPECT_EQ(g.derived().hierarchy.get(), kept.get());
}

TEST(TravelMatrix, SaysWhatIsWrongWithItsInput)
{
    const auto r = random_network(7, 200, 400);
    const auto g = RoadGraph::from_edges(r.n, r.edges, r.positions);
    MatrixOptions o;
    o.detour_factor = 0.9;
    auto m = travel_matrix(g, r.stops, o);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().feature, "detour_factor");
    EXPECT_EQ(m.error().message, "绕行系数必须不小于 1，请检查路线设置");
    o = {};
    o.offroad_kmh = 0;
    m = travel_matrix(g, r.stops, o);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().feature, "offroad_kmh");
    Points bad = r.stops;
    bad.lat[4] = std::nan("");
    m = travel_matrix(g, bad);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().feature, "站点 5");
    const auto no_positions = RoadGraph::from_edges(r.n, r.edges);
    m = travel_matrix(no_positions, r.stops);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().message, "道路网没有节点坐标，站点无法接入道路；请从道路图层重新建立路网");
}

TEST(TravelMatrix, StopsWhenCancelled)
{
    const auto r = random_network(8, 3000, 6000);
    const auto g = RoadGraph::from_edges(r.n, r.edges, r.positions);
    const Feedback feedback;
    feedback.cancel();
    const auto m = travel_matrix(g, r.stops, {}, feedback);
    ASSERT_FALSE(m.ok());
    EXPECT_TRUE(m.error().cancelled);
    EXPECT_EQ(m.error().message, "已取消行车时间矩阵计算，未作任何改动");
}

TEST(TravelMatrix, NoStopsAndOneStop)
{
    const auto r = random_network(9, 300, 600);
    const auto g = RoadGraph::from_edges(r.n, r.edges, r.positions);
    auto m = travel_matrix(g, Points{});
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->n, 0u);
    EXPECT_TRUE(m->minutes.empty());
    Points one;
    one.add(r.positions.lon[5], r.positions.lat[5]);
    m = travel_matrix(g, one);
    ASSERT_TRUE(m.ok());
    ASSERT_EQ(m->minutes.size(), 1u);
    EXPECT_EQ(m->minutes[0], 0);
    EXPECT_EQ(m->node[0], 5u);
}

}  // namespace
}  // namespace coopmap::analysis::routing
