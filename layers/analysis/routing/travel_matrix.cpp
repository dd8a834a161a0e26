#include "analysis/routing/travel_matrix.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <thread>

#include "analysis/geodesic.h"

namespace coopmap::analysis::routing {

namespace {

// Seconds first, metres to choose among equally fast paths: a total order that addition keeps,
// so the searches and Boost's Dijkstra (the tests) find the one (seconds, metres) minimum and the
// km of a pair do not depend on which of several equally fast paths a search happened to take.
struct Cost {
    double s = kInf, m = kInf;
};
inline bool operator<(const Cost& a, const Cost& b) { return a.s < b.s || (a.s == b.s && a.m < b.m); }
inline Cost operator+(const Cost& a, const Cost& b) { return {a.s + b.s, a.m + b.m}; }

const char* const kCancelled = "已取消行车时间矩阵计算，未作任何改动";

unsigned worker_count(std::size_t jobs)
{
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(
        std::clamp<std::size_t>(std::min<std::size_t>(hw, 8), 1, std::max<std::size_t>(jobs, 1)));
}

// job(worker, i) for every i in [0, count), handed out one at a time over the cores. Progress
// (share of the jobs done, mapped onto [from, to]) is reported from the calling thread only, as
// Feedback's listener expects. False when the feedback was cancelled.
template <typename Job>
bool parallel_jobs(std::size_t count, unsigned workers, const Feedback& feedback, double from, double to, Job&& job)
{
    std::atomic<std::size_t> next{0}, done{0};
    auto run = [&](unsigned w) {
        for (;;) {
            if (feedback.cancelled()) return;
            const auto i = next++;
            if (i >= count) return;
            job(w, i);
            const auto d = ++done;
            if (w == 0 && count > 0)
                feedback.set_progress(from + (to - from) * static_cast<double>(d) / static_cast<double>(count));
        }
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(run, w);
    run(0);
    for (auto& t : pool) t.join();
    return !feedback.cancelled();
}

// Checks and snapping shared by both ways of computing the matrix; the road part (seconds and
// metres between the distinct snapped nodes) is then filled in by one of them.
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

// Position along a Hilbert curve of order 16 (Hilbert, "Über die stetige Abbildung einer Linie
// auf ein Flächenstück", Math. Ann. 38, 1891; the iterative form of Lam & Shapiro).
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y)
{
    std::uint64_t d = 0;
    for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
        const std::uint32_t rx = (x & s) ? 1 : 0, ry = (y & s) ? 1 : 0;
        d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

// The road graph as the searches read it: nodes renumbered along a Hilbert curve of their
// positions, so that the nodes a search reaches together (a ring around the stop) and their
// arcs lie together in memory, and each arc's head, seconds and metres in one record. On a
// graph too large for the caches the searches wait on memory, not on arithmetic; nodes in the
// order the road lines happened to list them cost a cache miss per arc.
struct SearchGraph {
#pragma pack(push, 4)
    struct Arc {
        std::uint32_t to;
        double s, m;
    };
#pragma pack(pop)
    // Per search node, its first arc and (read at the same time) its stop column.
    struct Node {
        std::uint32_t first;
        std::uint32_t column = kNone;  // the stop's column when a stop snaps to the node
    };
    std::vector<std::uint32_t> id;  // road node → search node
    std::vector<Node> node;  // n + 1: the last holds the end of the arcs
    std::vector<Arc> arcs;
    double width = 1, longest = 0;  // bucket width; longest arc in seconds
    // Every arc has its reverse with the same seconds and metres (no one-way roads, no costs by
    // direction): the cost from a to b is then the cost from b to a, and one search per pair
    // is enough.
    bool two_way = true;

    explicit SearchGraph(const RoadGraph& g)
    {
        const std::size_t n = g.node_count();
        const auto& pos = g.positions();
        std::vector<std::uint32_t> order(n);
        for (std::uint32_t v = 0; v < n; ++v) order[v] = v;
        if (pos.size() == n && n > 0) {
            double x0 = kInf, x1 = -kInf, y0 = kInf, y1 = -kInf;
            for (std::size_t v = 0; v < n; ++v) {
                x0 = std::min(x0, pos.lon[v]);
                x1 = std::max(x1, pos.lon[v]);
                y0 = std::min(y0, pos.lat[v]);
                y1 = std::max(y1, pos.lat[v]);
            }
            const double scale = 65535 / std::max({x1 - x0, y1 - y0, 1e-12});
            std::vector<std::uint64_t> key(n);
            for (std::size_t v = 0; v < n; ++v)
                key[v] = hilbert_index(static_cast<std::uint32_t>((pos.lon[v] - x0) * scale),
                                       static_cast<std::uint32_t>((pos.lat[v] - y0) * scale));
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
        }
        id.assign(n, 0);
        for (std::uint32_t k = 0; k < n; ++k) id[order[k]] = k;
        const auto off = g.offsets();
        const auto to = g.targets();
        const auto sec = g.seconds();
        const auto met = g.metres();
        node.assign(n + 1, Node{0});
        arcs.reserve(to.size());
        for (std::size_t k = 0; k < n; ++k) {
            const auto v = order[k];
            for (auto e = off[v]; e < off[v + 1]; ++e) arcs.push_back({id[to[e]], sec[e], met[e]});
            node[k + 1].first = static_cast<std::uint32_t>(arcs.size());
        }
        for (std::uint32_t v = 0; v < n && two_way; ++v)
            for (auto e = node[v].first; e < node[v + 1].first && two_way; ++e) {
                const Arc& a = arcs[e];
                const auto begin = arcs.begin() + node[a.to].first, end = arcs.begin() + node[a.to + 1].first;
                two_way = std::any_of(begin, end, [&](const Arc& b) { return b.to == v && b.s == a.s && b.m == a.m; });
            }
        // The bucket width: the shortest arcs (a low quantile of the arc seconds, so that a few
        // very short links do not make the buckets tiny), and no narrower than the longest arc
        // over 2^16, which bounds the ring of buckets. Any width > 0 gives the exact answer; it
        // only decides how often a node is scanned again within its bucket.
        std::vector<double> positive;
        positive.reserve(sec.size());
        for (const double x : sec)
            if (x > 0 && std::isfinite(x)) {
                positive.push_back(x);
                longest = std::max(longest, x);
            }
        if (!positive.empty()) {
            const auto q = positive.begin() + static_cast<std::ptrdiff_t>(positive.size() / 100);
            std::nth_element(positive.begin(), q, positive.end());
            // ... and wide enough that no finite cost's bucket overflows 32 bits.
            width = std::max({*q, longest / 65536, longest * static_cast<double>(n) / 4e9});
        }
    }
};

// One search from a stop's node, bucketed by cost: Δ-stepping (Meyer & Sanders, "Δ-stepping: a
// parallelizable shortest path algorithm", J. Algorithms 49(1), 2003), run on one core. Nodes
// wait in buckets of width Δ by their seconds; a bucket is emptied in any order, and a node
// improved into the bucket being emptied is scanned again, so when the search leaves a bucket
// every node in it has its final (seconds, metres). With Δ no wider than the shortest arc this
// is Dial's algorithm (CACM 12(11), 1969) and no node is scanned twice. A bucket costs O(1)
// where a binary heap costs O(log n) per node, and the road's arcs are all within a few orders
// of magnitude of each other, so the buckets stay few.
class BucketSearch {
public:
    explicit BucketSearch(const SearchGraph& g)
        : g_(g), node_(g.id.size()), inverse_(1 / g.width),
          ring_(std::bit_ceil(static_cast<std::size_t>(g.longest * (1 / g.width)) + 2))
    {
    }

    // Costs from `source` (a search node) until the bucket in which the last of `targets`
    // targets was reached: the search nodes whose column ranks after `after` (rank[column];
    // every column when `after` is -1). cost(v) then holds the cost of each.
    void run(std::uint32_t source, std::size_t targets, const std::vector<std::uint32_t>& rank, std::int64_t after)
    {
        // A node's label counts only if this search wrote it: no reset between searches.
        const std::uint32_t gen = ++stamp_;
        if (seen_.size() < rank.size()) seen_.assign(rank.size(), 0);
        const SearchGraph::Node* const info = g_.node.data();
        const SearchGraph::Arc* const arcs = g_.arcs.data();
        Node* const node = node_.data();
        const std::size_t mask = ring_.size() - 1;  // a power of two: no division per arc
        node[source] = {{0, 0}, 0, gen};
        ring_[0].push_back(source);
        std::size_t queued = 1, reached = 0;
        for (std::uint32_t k = 0; queued > 0; ++k) {
            auto& bucket = ring_[k & mask];
            while (!bucket.empty()) {
                current_.swap(bucket);
                const std::size_t count = current_.size();
                for (std::size_t i = 0; i < count; ++i) {
                    // The searches wait on memory: the bucket says which nodes come next, so
                    // each node's record is fetched 32 nodes ahead, its arcs 16 ahead and the
                    // heads of those arcs 8 ahead.
                    if (i + 32 < count) __builtin_prefetch(info + current_[i + 32]);
                    if (i + 16 < count) {
                        const auto* a = arcs + info[current_[i + 16]].first;
                        __builtin_prefetch(a);
                        __builtin_prefetch(reinterpret_cast<const char*>(a) + 64);
                    }
                    if (i + 8 < count) {
                        const auto w = current_[i + 8];
                        __builtin_prefetch(node + w);
                        for (auto e = info[w].first; e < info[w + 1].first; ++e) __builtin_prefetch(node + arcs[e].to);
                    }
                    const auto v = current_[i];
                    --queued;
                    if (node[v].where != k) continue;  // moved to an earlier bucket, or scanned
                    node[v].where = kNone;
                    ++scanned_;
                    const auto c = info[v].column;
                    if (c != kNone && seen_[c] != stamp_ && static_cast<std::int64_t>(rank[c]) > after) {
                        seen_[c] = stamp_;
                        ++reached;
                    }
                    const Cost d = node[v].c;
                    for (auto e = info[v].first, end = info[v + 1].first; e < end; ++e) {
                        const auto& a = arcs[e];
                        const Cost nd{d.s + a.s, d.m + a.m};
                        Node& y = node[a.to];
                        if (y.gen != gen) {
                            y.gen = gen;
                            y.where = kNone;
                        } else if (!(nd.s < y.c.s)) {
                            // Equally fast (rare with real-valued seconds): the shorter wins.
                            if (__builtin_expect(nd.s != y.c.s, 1) || !(nd.m < y.c.m)) continue;
                        }
                        y.c = nd;
                        const auto b = static_cast<std::uint32_t>(nd.s * inverse_);
                        if (y.where != b) {
                            y.where = b;
                            ring_[b & mask].push_back(a.to);
                            ++queued;
                        }
                    }
                }
                current_.clear();
            }
            // Every target reached so far has its final cost now that bucket k is empty.
            if (reached == targets) break;
        }
        for (auto& b : ring_) b.clear();
    }

    // Not reached: kInf.
    Cost cost(std::uint32_t v) const { return node_[v].gen == stamp_ ? node_[v].c : Cost{}; }
    std::uint64_t scanned() const { return scanned_; }

private:
    struct Node {
        Cost c;
        std::uint32_t where = kNone;  // the bucket the node waits in; kNone: not waiting
        std::uint32_t gen = 0;  // the search that wrote c and where
    };
    const SearchGraph& g_;
    std::vector<Node> node_;
    double inverse_;
    std::vector<std::vector<std::uint32_t>> ring_;  // bucket k at k mod size: no arc spans it
    std::vector<std::uint32_t> current_;
    std::vector<std::uint32_t> seen_;  // per target column: the search that reached it
    std::uint32_t stamp_ = 0;
    std::uint64_t scanned_ = 0;  // node scans over every run
};

// The order of the searches on a two-way graph, where each search need reach only the stops
// whose searches come later: repeatedly the stop farthest (as the crow flies) from the middle of
// the bounding box of those left, so that those left shrink towards one another.
std::vector<std::uint32_t> search_order(const Points& pos, const std::vector<std::uint32_t>& nodes)
{
    const std::size_t u = nodes.size();
    std::vector<double> x(u), y(u);
    double mean_lat = 0;
    for (std::size_t c = 0; c < u; ++c) mean_lat += pos.lat[nodes[c]] / static_cast<double>(u);
    const double shrink = std::cos(mean_lat * std::numbers::pi / 180);  // a degree of longitude is shorter
    for (std::size_t c = 0; c < u; ++c) {
        x[c] = pos.lon[nodes[c]] * shrink;
        y[c] = pos.lat[nodes[c]];
    }
    std::vector<std::uint32_t> left(u), order;
    for (std::uint32_t c = 0; c < u; ++c) left[c] = c;
    order.reserve(u);
    while (!left.empty()) {
        double x0 = kInf, x1 = -kInf, y0 = kInf, y1 = -kInf;
        for (const auto c : left) {
            x0 = std::min(x0, x[c]);
            x1 = std::max(x1, x[c]);
            y0 = std::min(y0, y[c]);
            y1 = std::max(y1, y[c]);
        }
        const double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
        std::size_t far = 0;
        double most = -1;
        for (std::size_t i = 0; i < left.size(); ++i) {
            const double d = std::hypot(x[left[i]] - mx, y[left[i]] - my);
            if (d > most) {
                most = d;
                far = i;
            }
        }
        order.push_back(left[far]);
        left[far] = left.back();
        left.pop_back();
    }
    return order;
}

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
        SearchGraph g(graph);
        std::vector<std::uint32_t> source(u);
        for (std::size_t c = 0; c < u; ++c) {
            source[c] = g.id[p.nodes[c]];
            g.node[source[c]].column = static_cast<std::uint32_t>(c);
        }
        // One search per distinct node, stopped once every stop's node it has to reach has its
        // cost: every node, or on a two-way graph only those whose searches come later, so
        // that each pair is searched once. The searches then go from the outside of the stops
        // inwards (search_order), so that those still to come lie close together and each
        // search stops sooner.
        const auto order = g.two_way ? search_order(graph.positions(), p.nodes) : std::vector<std::uint32_t>();
        std::vector<std::uint32_t> rank(u, 0);
        for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
        const unsigned workers = worker_count(u);
        std::vector<std::unique_ptr<BucketSearch>> search(workers);
        const bool ok = parallel_jobs(u, workers, feedback, 0, 1, [&](unsigned w, std::size_t r) {
            if (!search[w]) search[w] = std::make_unique<BucketSearch>(g);
            auto& s = *search[w];
            if (!g.two_way) {
                s.run(source[r], u, rank, -1);
                Cost* row = road.data() + r * u;
                for (std::size_t j = 0; j < u; ++j) row[j] = s.cost(source[j]);
                return;
            }
            const auto c = order[r];
            road[c * u + c] = Cost{0, 0};
            if (r + 1 == u) return;
            s.run(source[c], u - 1 - r, rank, static_cast<std::int64_t>(r));
            for (std::size_t k = r + 1; k < u; ++k) {
                const auto j = order[k];
                road[c * u + j] = road[j * u + c] = s.cost(source[j]);
            }
        });
        if (!ok) return cancelled_error(kCancelled);
        for (const auto& s : search)
            if (s) scanned += s->scanned();
    }
    auto m = finish(std::move(p), stops, road);
    m.scanned = scanned;
    feedback.set_progress(1);
    return m;
}

}  // namespace coopmap::analysis::routing
