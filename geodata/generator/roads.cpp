// The generated road network. Real roads grow as a hierarchy: national and provincial
// roads join the county seats, county roads join a county's townships, township and
// village roads reach every village. Each level here is a minimum spanning tree of its
// places (Boost.Graph's Kruskal) plus the links a real network has where the tree makes
// a long detour (a greedy spanner: add a short link when the path over the network is
// more than `detour` times the straight distance). One feature per edge, so that every
// junction is a shared end point and the layer is a routable graph.
// Speeds are the design speeds of JTG B01-2014 (national/provincial class-1/2 highways
// 80/60 km/h, county class-3 40, township class-4 30, village roads 20), lowered in
// mountain counties where the same class winds through valleys.
#include <algorithm>
#include <cmath>
#include <format>
#include <map>
#include <numbers>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/kruskal_min_spanning_tree.hpp>

#include "index/point_index.h"
#include "network.h"

namespace coopmap::sample {

namespace {

struct Link {
    std::size_t a = 0, b = 0;  // indices into the group's points
    bool tree = false;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;

// The spanning tree of `points` plus detour-breaking links among each point's `k`
// nearest neighbours, shortest candidates first.
std::vector<Link> spanner(const std::vector<XY>& points, std::size_t k, double detour, double max_link_km)
{
    const std::size_t n = points.size();
    std::vector<Link> out;
    if (n < 2) return out;
    Graph complete(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) boost::add_edge(i, j, distance(points[i], points[j]), complete);
    std::vector<boost::graph_traits<Graph>::edge_descriptor> tree;
    boost::kruskal_minimum_spanning_tree(complete, std::back_inserter(tree));

    Graph net(n);
    std::set<std::pair<std::size_t, std::size_t>> have;
    for (const auto& e : tree) {
        const std::size_t a = boost::source(e, complete), b = boost::target(e, complete);
        boost::add_edge(a, b, distance(points[a], points[b]), net);
        have.insert(std::minmax(a, b));
        out.push_back({a, b, true});
    }

    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::pair<double, std::size_t>> near;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) near.push_back({distance(points[i], points[j]), j});
        const std::size_t m = std::min(k, near.size());
        std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(m), near.end());
        for (std::size_t q = 0; q < m; ++q)
            if (near[q].first <= max_link_km)
                candidates.push_back({near[q].first, std::min(i, near[q].second), std::max(i, near[q].second)});
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<double> dist(n);
    for (const auto& [d, a, b] : candidates) {
        if (have.contains({a, b})) continue;
        boost::dijkstra_shortest_paths(net, a, boost::distance_map(dist.data()));
        if (dist[b] <= detour * d) continue;
        boost::add_edge(a, b, d, net);
        have.insert({a, b});
        out.push_back({a, b, false});
    }
    return out;
}

// How many points hang below each tree link when the tree is rooted at point 0: trunk
// roads carry many villages, twigs one.
std::vector<std::size_t> downstream(std::size_t n, const std::vector<Link>& links)
{
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adjacent(n);
    for (std::size_t l = 0; l < links.size(); ++l)
        if (links[l].tree) {
            adjacent[links[l].a].push_back({links[l].b, l});
            adjacent[links[l].b].push_back({links[l].a, l});
        }
    std::vector<std::size_t> below(links.size(), 0), size(n, 1), order, parent_link(n, links.size());
    std::vector<bool> seen(n, false);
    std::vector<std::size_t> stack{0};
    seen[0] = true;
    while (!stack.empty()) {
        const std::size_t u = stack.back();
        stack.pop_back();
        order.push_back(u);
        for (const auto& [v, l] : adjacent[u])
            if (!seen[v]) {
                seen[v] = true;
                parent_link[v] = l;
                stack.push_back(v);
            }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::size_t l = parent_link[*it];
        if (l == links.size()) continue;
        below[l] = size[*it];
        const std::size_t parent = links[l].a == *it ? links[l].b : links[l].a;
        size[parent] += size[*it];
    }
    return below;
}

struct ClassSpec {
    const char* name;
    const char* prefix;  // the letter of China's road numbering: G, S, X, Y, C
    double speed_kmh;
    double wiggle;  // sideways wander as a share of the length
};
const ClassSpec kNational{"国道", "G", 80, 0.025};
const ClassSpec kProvincial{"省道", "S", 60, 0.035};
const ClassSpec kCounty{"县道", "X", 40, 0.05};
const ClassSpec kTownship{"乡道", "Y", 30, 0.07};
const ClassSpec kVillage{"村道", "C", 20, 0.09};

class Builder {
public:
    Builder(const Geos& geos, const AdminAreas& areas, const LocalFrame& frame, const Random& root)
        : geos_(geos), frame_(frame), random_(root.fork("roads")), outline_(geos.prepare(areas.outline.get()))
    {
    }

    // A road from a to b: end points exact (they are the junctions), between them a gentle
    // meander by midpoint displacement, kept inside the city.
    void add(LonLat a, LonLat b, const ClassSpec& c, double ruggedness)
    {
        const XY pa = frame_.km(a), pb = frame_.km(b);
        const double length = distance(pa, pb);
        const double amplitude = c.wiggle * (1 + 1.5 * ruggedness) * length;
        const int depth = length > 12 ? 4 : length > 5 ? 3 : length > 1.5 ? 2 : 1;
        std::vector<XY> line{pa, pb};
        double scale = amplitude;
        for (int level = 0; level < depth; ++level, scale *= 0.5) {
            std::vector<XY> finer{line.front()};
            for (std::size_t i = 0; i + 1 < line.size(); ++i) {
                const XY p = line[i], q = line[i + 1];
                const double dx = q.x - p.x, dy = q.y - p.y, d = std::hypot(dx, dy);
                const double off = scale * random_.normal();
                finer.push_back({(p.x + q.x) / 2 - dy / d * off, (p.y + q.y) / 2 + dx / d * off});
                finer.push_back(q);
            }
            line = std::move(finer);
        }
        std::vector<LonLat> points{a};
        bool inside = true;
        for (std::size_t i = 1; i + 1 < line.size(); ++i) {
            points.push_back(frame_.lonlat(line[i]));
            inside = inside && geos_.contains(outline_.get(), points.back());
        }
        points.push_back(b);
        if (!inside) points = {a, b};
        const double speed =
            c.speed_kmh >= 60 ? c.speed_kmh : std::max(15.0, 5 * std::round(c.speed_kmh * (1 - 0.3 * ruggedness) / 5));
        roads_.push_back({std::format("{}{:03}", c.prefix, ++sequence_[c.prefix]), c.name, speed, std::move(points)});
    }

    std::vector<Road> take() { return std::move(roads_); }

private:
    const Geos& geos_;
    const LocalFrame& frame_;
    Random random_;
    Geos::Prepared outline_;
    std::map<std::string, int> sequence_;
    std::vector<Road> roads_;
};

}  // namespace

std::vector<Road> make_roads(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                             const LocalFrame& frame, const Random& root)
{
    Builder roads(geos, areas, frame, root);
    const auto& counties = areas.counties;
    const auto& townships = areas.townships;

    // Each county's hub: the township whose seat is nearest the county government.
    std::vector<std::size_t> hub(counties.size());
    for (std::size_t c = 0; c < counties.size(); ++c) {
        double best = 1e300;
        for (const std::size_t t : counties[c].townships) {
            const double d = distance(frame.km(townships[t].centre), frame.km(counties[c].source->seat));
            if (d < best) {
                best = d;
                hub[c] = t;
            }
        }
    }
    // The three urban districts (襄城、樊城、襄州) are the city: roads touching them are national.
    const auto urban = [&](std::size_t c) {
        const std::string& code = counties[c].source->code;
        return code == "420602" || code == "420606" || code == "420607";
    };

    // National and provincial roads between the county seats.
    {
        std::vector<XY> seats;
        for (std::size_t c = 0; c < counties.size(); ++c) seats.push_back(frame.km(townships[hub[c]].centre));
        for (const Link& l : spanner(seats, 4, 1.3, 90)) {
            const bool national = urban(l.a) || urban(l.b);
            roads.add(townships[hub[l.a]].centre, townships[hub[l.b]].centre, national ? kNational : kProvincial,
                      0.5 * (counties[l.a].source->ruggedness + counties[l.b].source->ruggedness));
        }
    }

    // County roads: within each county from its hub to every township seat, and across
    // county borders between the nearest township seats.
    for (std::size_t c = 0; c < counties.size(); ++c) {
        std::vector<std::size_t> members{hub[c]};
        for (const std::size_t t : counties[c].townships)
            if (t != hub[c]) members.push_back(t);
        std::vector<XY> points;
        for (const std::size_t t : members) points.push_back(frame.km(townships[t].centre));
        for (const Link& l : spanner(points, 3, 1.5, 25))
            roads.add(townships[members[l.a]].centre, townships[members[l.b]].centre, kCounty,
                      counties[c].source->ruggedness);
    }
    for (std::size_t c1 = 0; c1 < counties.size(); ++c1)
        for (std::size_t c2 = c1 + 1; c2 < counties.size(); ++c2) {
            double best = 1e300;
            std::size_t b1 = 0, b2 = 0;
            for (const std::size_t t1 : counties[c1].townships)
                for (const std::size_t t2 : counties[c2].townships) {
                    const double d = distance(frame.km(townships[t1].centre), frame.km(townships[t2].centre));
                    if (d < best) {
                        best = d;
                        b1 = t1;
                        b2 = t2;
                    }
                }
            if (best < 18 && b1 != hub[c1] && b2 != hub[c2])
                roads.add(townships[b1].centre, townships[b2].centre, kCounty,
                          0.5 * (counties[c1].source->ruggedness + counties[c2].source->ruggedness));
        }

    // Township and village roads: in each township from its seat to every village; the
    // links that carry five or more villages are township roads, the rest village roads.
    std::vector<std::vector<std::size_t>> villages_of(townships.size());
    for (std::size_t v = 0; v < villages.size(); ++v) villages_of[villages[v].township].push_back(v);
    for (std::size_t t = 0; t < townships.size(); ++t) {
        const double ruggedness =
            townships[t].kind == TownshipKind::street ? 0.0 : counties[townships[t].county].source->ruggedness;
        std::vector<LonLat> at{townships[t].centre};
        for (const std::size_t v : villages_of[t]) at.push_back(villages[v].position);
        std::vector<XY> points;
        for (const auto& p : at) points.push_back(frame.km(p));
        const auto links = spanner(points, 3, 1.8 + ruggedness, 6);
        const auto below = downstream(points.size(), links);
        for (std::size_t l = 0; l < links.size(); ++l) {
            const bool trunk = links[l].tree && (below[l] >= 5 || links[l].a == 0 || links[l].b == 0);
            roads.add(at[links[l].a], at[links[l].b], trunk ? kTownship : kVillage, ruggedness);
        }
    }

    // Village roads across township borders: the nearest pair of villages of two
    // neighbouring townships, where they are close.
    {
        std::vector<double> x, y;
        for (const auto& v : villages) {
            const XY p = frame.km(v.position);
            x.push_back(p.x);
            y.push_back(p.y);
        }
        const index::PointIndex near(x, y);
        std::map<std::pair<std::size_t, std::size_t>, std::tuple<double, std::size_t, std::size_t>> best;
        std::vector<std::uint32_t> found;
        for (std::size_t v = 0; v < villages.size(); ++v) {
            near.nearest(x[v], y[v], 6, found);
            for (const std::uint32_t w : found) {
                const std::size_t t1 = villages[v].township, t2 = villages[w].township;
                if (t1 == t2) continue;
                const double d = std::hypot(x[v] - x[w], y[v] - y[w]);
                const auto key = std::minmax(t1, t2);
                const auto it = best.find(key);
                if (it == best.end() || d < std::get<0>(it->second) ||
                    (d == std::get<0>(it->second) &&
                     std::minmax(v, std::size_t{w}) < std::minmax(std::get<1>(it->second), std::get<2>(it->second))))
                    best[key] = {d, std::min(v, std::size_t{w}), std::max(v, std::size_t{w})};
            }
        }
        for (const auto& [key, link] : best) {
            const auto [d, v, w] = link;
            if (d > 4) continue;
            const double ruggedness = 0.5 * (counties[townships[key.first].county].source->ruggedness +
                                             counties[townships[key.second].county].source->ruggedness);
            roads.add(villages[v].position, villages[w].position, kVillage, ruggedness);
        }
    }
    return roads.take();
}

}  // namespace coopmap::sample
