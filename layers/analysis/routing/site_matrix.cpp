#include "analysis/routing/site_matrix.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

#include "analysis/geodesic.h"
#include "analysis/routing/travel_matrix.h"
#include "model/fields.h"

namespace coopmap::analysis::routing {

namespace {

std::vector<double> edge_lengths_km(const RoadGraph& g)
{
    std::vector<double> km(g.edge_count());
    const auto off = g.offsets();
    const auto to = g.targets();
    const auto& pos = g.positions();
    for (std::size_t u = 0; u + 1 < off.size(); ++u)
        for (std::uint32_t e = off[u]; e < off[u + 1]; ++e)
            km[e] = geodesic_distance_m(pos.lon[u], pos.lat[u], pos.lon[to[e]], pos.lat[to[e]]) / 1000;
    return km;
}

// Seconds and km from `source` to every node (kInf unreached); `pred` (if given) the edge into
// each. One binary-heap Dijkstra by time, ties broken by km so that the path and its km do not
// depend on the heap's order; stops once `stop_at` is settled.
void dijkstra(const RoadGraph& g, const std::vector<double>& edge_km, std::uint32_t source, std::vector<double>& secs,
              std::vector<double>& km, std::vector<std::uint32_t>* pred, std::uint32_t stop_at = kNone)
{
    const auto off = g.offsets();
    const auto to = g.targets();
    const auto w = g.seconds();
    secs.assign(g.node_count(), kInf);
    km.assign(g.node_count(), kInf);
    if (pred) pred->assign(g.node_count(), kNone);
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    secs[source] = 0;
    km[source] = 0;
    heap.push({0, source});
    while (!heap.empty()) {
        const auto [d, u] = heap.top();
        heap.pop();
        if (d > secs[u]) continue;
        if (u == stop_at) break;
        for (std::uint32_t e = off[u]; e < off[u + 1]; ++e) {
            const double nd = d + w[e];
            const std::uint32_t v = to[e];
            if (nd < secs[v] || (nd == secs[v] && km[u] + edge_km[e] < km[v])) {
                secs[v] = nd;
                km[v] = km[u] + edge_km[e];
                if (pred) (*pred)[v] = e;
                heap.push({nd, v});
            }
        }
    }
}

}  // namespace

Result<SiteMatrix> site_matrix(const Project& project, const std::vector<Layer>& layers, const Points& sites,
                               double snap_limit_m, const Feedback& feedback, RoadGraphCache* roads,
                               const std::string& cancel_message)
{
    SiteMatrix m;
    m.n = sites.size();
    m.sites = sites;
    m.detour_factor = project.routing.detour_factor;
    m.offroad_kmh = project.routing.offroad_kmh;
    m.km.assign(m.n * m.n, 0);
    m.minutes.assign(m.n * m.n, 0);
    m.estimated.assign(m.n * m.n, 0);
    m.off_road.assign(m.n, 1);
    RoadGraphCache local;
    for (std::size_t i = 0; i < project.layers.size() && i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != Role::road || layers[i].size() == 0) continue;
        RoadSpeeds speeds;
        if (const auto* c = field_column(layers[i], cfg, "road_class")) speeds.class_column = c->name;
        if (const auto* c = field_column(layers[i], cfg, "speed")) speeds.speed_column = c->name;
        if (const auto* c = field_column(layers[i], cfg, "oneway")) speeds.oneway_column = c->name;
        auto g = (roads ? roads : &local)->get(layers[i], speeds);
        if (!g) return g.error();
        m.graph = *g;
        break;
    }
    if (m.graph && m.graph->node_count() > 0) {
        m.has_roads = true;
        m.snap = m.graph->snap_all(sites, snap_limit_m);
        m.edge_km = edge_lengths_km(*m.graph);
        for (std::size_t i = 0; i < m.n; ++i) m.off_road[i] = m.snap[i].node == kNone;
        // The road figures from the travel matrix (one search per distinct road node among the
        // sites, stopped once they are all reached, over the cores; travel_matrix.h).
        MatrixOptions options;
        options.snap_limit_m = snap_limit_m;
        options.detour_factor = m.detour_factor;
        options.offroad_kmh = m.offroad_kmh;
        auto road = travel_matrix(*m.graph, sites, options, feedback);
        if (!road) {
            if (road.error().cancelled) return cancelled_error(cancel_message, project.file);
            Error e = road.error();
            e.file = project.file;
            return e;
        }
        for (std::size_t i = 0; i < m.n; ++i)
            for (std::size_t j = 0; j < m.n; ++j) {
                if (i == j) continue;
                const std::size_t at = i * m.n + j;
                m.km[at] = road->km[at];
                m.minutes[at] = road->minutes[at];
                m.estimated[at] = road->estimated[at];
                if (road->estimated[at]) continue;
                // From the site to its road vertex and from the other vertex to the other site.
                const double access_km = (m.snap[i].distance_m + m.snap[j].distance_m) / 1000;
                m.km[at] += access_km;
                m.minutes[at] += access_km / m.offroad_kmh * 60;
            }
    } else {
        m.graph.reset();
        for (std::size_t i = 0; i < m.n; ++i) {
            if (feedback.cancelled()) return cancelled_error(cancel_message, project.file);
            for (std::size_t j = 0; j < m.n; ++j) {
                if (i == j) continue;
                const double km = geodesic_distance_m(sites.lon[i], sites.lat[i], sites.lon[j], sites.lat[j]) /
                                  1000 * m.detour_factor;
                m.km[i * m.n + j] = km;
                m.minutes[i * m.n + j] = km / m.offroad_kmh * 60;
                m.estimated[i * m.n + j] = 1;
            }
        }
    }
    feedback.set_progress(1);
    return m;
}

std::vector<std::pair<double, double>> leg_path(const SiteMatrix& m, std::size_t i, std::size_t j)
{
    std::vector<std::pair<double, double>> out{{m.sites.lon[i], m.sites.lat[i]}};
    if (m.graph && i != j && !m.estimated_at(i, j)) {
        const auto& g = *m.graph;
        std::vector<double> secs, km;
        std::vector<std::uint32_t> pred;
        const std::uint32_t a = m.snap[i].node, b = m.snap[j].node;
        dijkstra(g, m.edge_km, a, secs, km, &pred, b);
        // An edge's tail is the node whose CSR range holds it.
        const auto off = g.offsets();
        std::vector<std::uint32_t> nodes;
        for (std::uint32_t v = b; v != a && pred[v] != kNone;) {
            nodes.push_back(v);
            v = static_cast<std::uint32_t>(std::upper_bound(off.begin(), off.end(), pred[v]) - off.begin() - 1);
        }
        nodes.push_back(a);
        std::reverse(nodes.begin(), nodes.end());
        for (std::uint32_t v : nodes) out.emplace_back(g.positions().lon[v], g.positions().lat[v]);
    }
    out.emplace_back(m.sites.lon[j], m.sites.lat[j]);
    return out;
}

}  // namespace coopmap::analysis::routing
