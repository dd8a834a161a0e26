#include "analysis/routing/travel_matrix.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "analysis/geodesic.h"
#include "analysis/routing/hierarchy.h"
#include "analysis/routing/parallel_jobs.h"
#include "analysis/routing/road_search.h"

namespace coopmap::analysis::routing {

namespace {

const char* const kCancelled = "已取消行车时间矩阵计算，未作任何改动";

// Checks and snapping before the searches; the road part (seconds and metres between the
// distinct snapped nodes) is then filled in by them.
struct Prepared {
    TravelMatrix matrix;
    std::vector<std::uint32_t> nodes;  // distinct road nodes of the on-road stops
    std::vector<std::uint32_t> column;  // per stop: index into nodes; kNone off-road
};

Result<Prepared> prepare(const RoadGraph& graph, const Points& stops, const MatrixOptions& options)
{
    auto bad = [](std::string feature, std::string message) {
        return Error{{}, {}, std::move(feature), std::move(message)};
    };
    if (!(options.snap_limit_m >= 0))
        return bad("snap_limit_m", "接入道路的距离上限必须是不小于 0 的米数，请检查路线设置");
    if (!(options.detour_factor >= 1) || !std::isfinite(options.detour_factor))
        return bad("detour_factor", "绕行系数必须不小于 1，请检查路线设置");
    if (!(options.offroad_kmh > 0) || !std::isfinite(options.offroad_kmh))
        return bad("offroad_kmh", "无路段的估算车速必须大于 0 公里/小时，请检查路线设置");
    if (graph.node_count() > 0 && graph.positions().size() != graph.node_count())
        return bad({}, "道路网没有节点坐标，站点无法接入道路；请从道路图层重新建立路网");
    for (std::size_t i = 0; i < stops.size(); ++i)
        if (!std::isfinite(stops.lon[i]) || !std::isfinite(stops.lat[i]) || std::abs(stops.lat[i]) > 90)
            return bad("站点 " + std::to_string(i + 1), "站点坐标无效（不是有限的经纬度），请检查该站点的位置");

    Prepared p;
    auto& m = p.matrix;
    m.n = stops.size();
    m.options = options;
    m.minutes.assign(m.n * m.n, 0);
    m.km.assign(m.n * m.n, 0);
    m.estimated.assign(m.n * m.n, 0);
    m.node.assign(m.n, kNone);
    m.snap_m.assign(m.n, kInf);
    m.offroad.assign(m.n, 1);
    p.column.assign(m.n, kNone);
    const auto snaps = graph.snap_all(stops, options.snap_limit_m);
    for (std::size_t i = 0; i < m.n; ++i) {
        if (snaps[i].node == kNone) {
            ++m.offroad_stops;
            continue;
        }
        m.node[i] = snaps[i].node;
        m.snap_m[i] = snaps[i].distance_m;
        m.offroad[i] = 0;
        p.nodes.push_back(snaps[i].node);
    }
    std::sort(p.nodes.begin(), p.nodes.end());
    p.nodes.erase(std::unique(p.nodes.begin(), p.nodes.end()), p.nodes.end());
    for (std::size_t i = 0; i < m.n; ++i)
        if (m.node[i] != kNone)
            p.column[i] = static_cast<std::uint32_t>(std::lower_bound(p.nodes.begin(), p.nodes.end(), m.node[i]) -
                                                     p.nodes.begin());
    return p;
}

// Road figures (u × u, seconds and metres; kInf: no path) into the stop matrix, and the
// estimate wherever the road gives none.
TravelMatrix finish(Prepared p, const Points& stops, const std::vector<Cost>& road)
{
    auto& m = p.matrix;
    const std::size_t u = p.nodes.size();
    for (std::size_t i = 0; i < m.n; ++i)
        for (std::size_t j = 0; j < m.n; ++j) {
            if (i == j) continue;
            const auto at = i * m.n + j;
            const auto ci = p.column[i], cj = p.column[j];
            if (ci != kNone && cj != kNone && road[ci * u + cj].s < kInf) {
                m.minutes[at] = road[ci * u + cj].s / 60;
                m.km[at] = road[ci * u + cj].m / 1000;
                continue;
            }
            const double km = geodesic_distance_m(stops.lon[i], stops.lat[i], stops.lon[j], stops.lat[j]) / 1000 *
                              m.options.detour_factor;
            m.km[at] = km;
            m.minutes[at] = km / m.options.offroad_kmh * 60;
            m.estimated[at] = 1;
            ++m.estimated_pairs;
        }
    return std::move(p.matrix);
}

}  // namespace

namespace {

// The searches from a stop's node over the contracted part of the hierarchy: up its up arcs
// (forward: from the stop) or its down arcs backwards (into the stop). The contracted nodes it
// settles and the core nodes it reaches come out with their costs; a core node is not searched
// on (the core search does that). A binary heap: these searches are a few thousand nodes.
class UpSearch {
public:
    explicit UpSearch(std::size_t n) : search_(n) {}

    void run(const Hierarchy& h, std::uint32_t source, bool forward, std::vector<Hierarchy::Arc>& below,
             std::vector<BucketSearch::Start>& core)
    {
        below.clear();
        core.clear();
        search_.start(source);
        const auto& first = forward ? h.up_first : h.down_first;
        const auto& arcs = forward ? h.up : h.down;
        std::uint32_t v;
        Cost d;
        while (search_.next(v, d)) {
            ++scanned_;
            if (h.core[v] != kNone) {
                core.push_back({h.core[v], d});
                continue;
            }
            below.push_back({v, d});
            for (auto e = first[v]; e < first[v + 1]; ++e) search_.relax(arcs[e].to, d + arcs[e].c);
        }
    }
    std::uint64_t scanned() const { return scanned_; }

private:
    HeapSearch search_;
    std::uint64_t scanned_ = 0;
};

// Lists per index as compressed rows, in index order.
template <typename T>
struct Rows {
    std::vector<std::uint32_t> first;
    std::vector<T> items;
    std::span<const T> at(std::size_t i) const { return {items.data() + first[i], items.data() + first[i + 1]}; }
};

}  // namespace

Result<TravelMatrix> travel_matrix(const RoadGraph& graph, const Points& stops, const MatrixOptions& options,
                                   const Feedback& feedback)
{
    auto prepared = prepare(graph, stops, options);
    if (!prepared) return prepared.error();
    auto& p = *prepared;
    const std::size_t u = p.nodes.size();
    std::vector<Cost> road(u * u);
    std::uint64_t scanned = 0;
    if (u > 0) {
        // The hierarchy: built with the graph's first matrix (most of this job's time then),
        // kept with the graph for the later ones.
        const auto h = hierarchy_of(graph, feedback, 0, 0.6);
        if (!h) return cancelled_error(kCancelled);
        const bool two_way = h->two_way;
        const unsigned workers = worker_count(u);

        // Each stop's node searched up the hierarchy both ways.
        struct Up {
            std::vector<Hierarchy::Arc> below;
            std::vector<BucketSearch::Start> core;
        };
        std::vector<Up> from(u), into(u);
        std::vector<std::unique_ptr<UpSearch>> up(workers);
        if (!parallel_jobs(u, workers, feedback, 0.6, 0.7, [&](unsigned w, std::size_t c) {
                if (!up[w]) up[w] = std::make_unique<UpSearch>(graph.node_count());
                up[w]->run(*h, p.nodes[c], true, from[c].below, from[c].core);
                up[w]->run(*h, p.nodes[c], false, into[c].below, into[c].core);
            }))
            return cancelled_error(kCancelled);
        for (const auto& s : up)
            if (s) scanned += s->scanned();

        // Where the searches into the stops met a contracted node: per node, (stop, cost).
        struct Meet {
            std::uint32_t stop;
            Cost c;
        };
        Rows<Meet> meets;
        meets.first.assign(graph.node_count() + 1, 0);
        for (const auto& t : into)
            for (const auto& a : t.below) ++meets.first[a.to + 1];
        for (std::size_t v = 0; v < graph.node_count(); ++v) meets.first[v + 1] += meets.first[v];
        meets.items.resize(meets.first.back());
        {
            auto fill = meets.first;
            for (std::uint32_t j = 0; j < u; ++j)
                for (const auto& a : into[j].below) meets.items[fill[a.to]++] = {j, a.c};
        }
        // The core nodes the searches into the stops reached, each a target of the core
        // searches: `column` numbers them, `latest` is the last stop (index) that needs it.
        const std::size_t core_n = h->core_size();
        std::vector<std::uint32_t> column(core_n, kNone), latest;
        for (std::uint32_t j = 0; j < u; ++j)
            for (const auto& s : into[j].core) {
                if (column[s.node] == kNone) {
                    column[s.node] = static_cast<std::uint32_t>(latest.size());
                    latest.push_back(0);
                }
                latest[column[s.node]] = j;
            }
        // Sorted, to count how many of them a core search from stop c must reach (on a two-way
        // graph those a stop after c needs).
        std::vector<std::uint32_t> sorted = latest;
        std::sort(sorted.begin(), sorted.end());
        // Per stop, where its up search entered the core: by column, seconds and metres in
        // arrays of their own, which the loop below reads in order (~650 per stop on the bench
        // grid, for every pair: most of the matrix's work).
        std::vector<std::uint32_t> entry_node(latest.size()), enter_first(u + 1, 0), enter_col;
        std::vector<double> enter_s, enter_m;
        for (std::uint32_t j = 0; j < u; ++j) {
            for (const auto& e : into[j].core) {
                entry_node[column[e.node]] = e.node;
                enter_col.push_back(column[e.node]);
                enter_s.push_back(e.c.s);
                enter_m.push_back(e.c.m);
            }
            enter_first[j + 1] = static_cast<std::uint32_t>(enter_col.size());
        }
        std::vector<std::vector<double>> at_s(workers), at_m(workers);

        std::vector<std::unique_ptr<BucketSearch>> core(workers);
        std::vector<std::vector<Cost>> rows(workers);
        const bool ok = parallel_jobs(u, workers, feedback, 0.7, 1, [&](unsigned w, std::size_t c) {
            if (!core[w]) core[w] = std::make_unique<BucketSearch>(*h->core_graph);
            auto& row = rows[w];
            row.assign(u, Cost{});
            road[c * u + c] = Cost{0, 0};  // stops on one node
            const std::size_t lo = two_way ? c + 1 : 0;  // the stops this search fills in
            row[c] = Cost{0, 0};
            for (const auto& a : from[c].below)
                for (const auto& m : meets.at(a.to))
                    if (m.stop >= lo) {
                        const Cost via = a.c + m.c;
                        if (via < row[m.stop]) row[m.stop] = via;
                    }
            const auto after = two_way ? static_cast<std::int64_t>(c) : std::int64_t{-1};
            const std::size_t targets =
                two_way ? static_cast<std::size_t>(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), c))
                        : latest.size();
            if (targets > 0) {
                core[w]->run(from[c].core, targets, column, latest, after);
                auto& ds = at_s[w];
                auto& dm = at_m[w];
                ds.resize(entry_node.size());
                dm.resize(entry_node.size());
                for (std::size_t k = 0; k < entry_node.size(); ++k) {
                    const Cost x = core[w]->cost(entry_node[k]);
                    ds[k] = x.s;
                    dm[k] = x.m;
                }
                for (std::size_t j = lo; j < u; ++j) {
                    double bs = row[j].s, bm = row[j].m;
                    for (auto e = enter_first[j]; e < enter_first[j + 1]; ++e) {
                        const auto k = enter_col[e];
                        const double vs = ds[k] + enter_s[e];
                        if (vs < bs || (vs == bs && dm[k] + enter_m[e] < bm)) {
                            bs = vs;
                            bm = dm[k] + enter_m[e];
                        }
                    }
                    row[j] = {bs, bm};
                }
            }
            for (std::size_t j = lo; j < u; ++j) {
                road[c * u + j] = row[j];
                if (two_way) road[j * u + c] = row[j];
            }
        });
        if (!ok) return cancelled_error(kCancelled);
        for (const auto& s : core)
            if (s) scanned += s->scanned();
    }
    auto m = finish(std::move(p), stops, road);
    m.scanned = scanned;
    feedback.set_progress(1);
    return m;
}

}  // namespace coopmap::analysis::routing
