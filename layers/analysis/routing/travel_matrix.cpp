#include "analysis/routing/travel_matrix.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <queue>
#include <span>
#include <string>
#include <thread>

#include "analysis/geodesic.h"

namespace coopmap::analysis::routing {

namespace {

// Seconds first, metres to choose among equally fast paths: a total order that addition keeps,
// so Dijkstra and the hierarchy both find the one (seconds, metres) minimum and the km of a pair
// do not depend on which of several equally fast paths a search happened to take.
struct Cost {
    double s = kInf, m = kInf;
};
inline bool operator<(const Cost& a, const Cost& b) { return a.s < b.s || (a.s == b.s && a.m < b.m); }
inline Cost operator+(const Cost& a, const Cost& b) { return {a.s + b.s, a.m + b.m}; }

struct HeapItem {
    Cost c;
    std::uint32_t v;
    bool operator>(const HeapItem& o) const { return o.c < c; }
};
using MinHeap = std::priority_queue<HeapItem, std::vector<HeapItem>, std::greater<>>;

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

Result<TravelMatrix> travel_matrix(const RoadGraph& graph, const Points& stops, const MatrixOptions& options,
                                   const Feedback& feedback)
{
    auto prepared = prepare(graph, stops, options);
    if (!prepared) return prepared.error();
    auto& p = *prepared;
    const std::size_t u = p.nodes.size(), n = graph.node_count();
    std::vector<std::uint32_t> column_of_node(n, kNone);
    for (std::size_t c = 0; c < u; ++c) column_of_node[p.nodes[c]] = static_cast<std::uint32_t>(c);
    std::vector<Cost> road(u * u);

    const auto off = graph.offsets();
    const auto to = graph.targets();
    const auto sec = graph.seconds();
    const auto met = graph.metres();
    const unsigned workers = worker_count(u);
    struct Search {
        std::vector<Cost> dist;
        std::vector<std::uint8_t> done;
        std::vector<std::uint32_t> touched;
    };
    std::vector<Search> state(workers);
    // One Dijkstra per distinct node, stopped once every stop's node is settled.
    const bool ok = parallel_jobs(u, workers, feedback, 0, 1, [&](unsigned w, std::size_t c) {
        auto& st = state[w];
        if (st.dist.empty()) {
            st.dist.assign(n, Cost{});
            st.done.assign(n, 0);
        }
        for (auto v : st.touched) {
            st.dist[v] = Cost{};
            st.done[v] = 0;
        }
        st.touched.clear();
        MinHeap heap;
        const auto s = p.nodes[c];
        st.dist[s] = {0, 0};
        st.touched.push_back(s);
        heap.push({{0, 0}, s});
        std::size_t left = u;
        Cost* row = road.data() + c * u;
        while (!heap.empty() && left > 0) {
            const auto [d, x] = heap.top();
            heap.pop();
            if (st.done[x]) continue;
            st.done[x] = 1;
            if (column_of_node[x] != kNone) {
                row[column_of_node[x]] = d;
                --left;
            }
            for (auto e = off[x]; e < off[x + 1]; ++e) {
                const Cost nd = d + Cost{sec[e], met[e]};
                const auto y = to[e];
                if (nd < st.dist[y]) {
                    if (st.dist[y].s == kInf) st.touched.push_back(y);
                    st.dist[y] = nd;
                    heap.push({nd, y});
                }
            }
        }
    });
    if (!ok) return cancelled_error(kCancelled);
    auto m = finish(std::move(p), stops, road);
    feedback.set_progress(1);
    return m;
}

// ---- the contraction hierarchy ----

namespace {

struct Arc {
    std::uint32_t to;
    Cost c;
};

// A binary min-heap on a reused vector (std::priority_queue cannot be cleared without freeing).
struct Heap {
    std::vector<HeapItem> items;
    bool empty() const { return items.empty(); }
    void clear() { items.clear(); }
    void push(Cost c, std::uint32_t v)
    {
        items.push_back({c, v});
        std::push_heap(items.begin(), items.end(), std::greater<>());
    }
    HeapItem pop()
    {
        std::pop_heap(items.begin(), items.end(), std::greater<>());
        const auto top = items.back();
        items.pop_back();
        return top;
    }
    const HeapItem& top() const { return items.front(); }
};

// Node contraction in the order of Geisberger et al. §3: lazily updated priority (edge
// difference + contracted neighbours + level), witness searches bounded by the shortcut's cost
// and a settled-node limit (a search stopped early only adds a shortcut that was not needed).
class Contraction {
public:
    explicit Contraction(const RoadGraph& g)
        : n_(g.node_count()), out_(n_), in_(n_), dist_(n_), contracted_(n_, 0), slot_(n_, kNone)
    {
        const auto off = g.offsets();
        const auto to = g.targets();
        const auto sec = g.seconds();
        const auto met = g.metres();
        for (std::uint32_t v = 0; v < n_; ++v)
            for (auto e = off[v]; e < off[v + 1]; ++e)
                if (to[e] != v) add_arc(v, to[e], {sec[e], met[e]});
        deleted_.assign(n_, 0);
        level_.assign(n_, 0);
    }

    // Contracts the nodes in `fixed` order when given (every node once), else in the lazily
    // updated priority order.
    bool run(const Feedback& feedback, RoadHierarchy& h, std::size_t& shortcuts,
             const std::vector<std::uint32_t>* fixed = nullptr)
    {
        std::vector<std::uint32_t> order;
        order.reserve(n_);
        std::vector<std::vector<Arc>> up(n_), down(n_);
        const auto contract_next = [&](std::uint32_t v) {
            // What stays of v: its arcs to and from the nodes not yet contracted (more important).
            up[v] = out_[v];
            down[v] = in_[v];
            shortcuts += contract(v);
            order.push_back(v);
        };
        if (fixed) {
            for (const std::uint32_t v : *fixed) {
                if ((order.size() & 1023) == 0) {
                    if (feedback.cancelled()) return false;
                    feedback.set_progress(0.05 + 0.9 * static_cast<double>(order.size()) / static_cast<double>(n_));
                }
                priority(v);  // leaves v's shortcuts in pending_
                contract_next(v);
            }
            return pack(order, up, down, h);
        }

        struct Prio {
            double p;
            std::uint32_t v;
            bool operator>(const Prio& o) const { return p > o.p || (p == o.p && v > o.v); }
        };
        std::priority_queue<Prio, std::vector<Prio>, std::greater<>> queue;
        for (std::uint32_t v = 0; v < n_; ++v) {
            if ((v & 4095) == 0) {
                if (feedback.cancelled()) return false;
                feedback.set_progress(0.2 * static_cast<double>(v) / static_cast<double>(n_));
            }
            queue.push({priority(v), v});
        }
        while (!queue.empty()) {
            const auto [p0, v] = queue.top();
            queue.pop();
            if (contracted_[v]) continue;
            const double p = priority(v);
            if (!queue.empty() && p > queue.top().p) {
                queue.push({p, v});
                continue;
            }
            if ((order.size() & 1023) == 0) {
                if (feedback.cancelled()) return false;
                feedback.set_progress(0.2 + 0.75 * static_cast<double>(order.size()) / static_cast<double>(n_));
            }
            contract_next(v);
        }
        return pack(order, up, down, h);
    }

private:
    bool pack(const std::vector<std::uint32_t>& order, const std::vector<std::vector<Arc>>& up,
              const std::vector<std::vector<Arc>>& down, RoadHierarchy& h) const
    {
        // Hierarchy ids: 0 the last contracted (most important), so the tops of every search
        // share the front of the arrays.
        auto& r = h.rank_of;
        r.assign(n_, 0);
        for (std::size_t k = 0; k < n_; ++k) r[order[k]] = static_cast<std::uint32_t>(n_ - 1 - k);
        auto flatten = [&](const std::vector<std::vector<Arc>>& arcs, std::vector<std::uint32_t>& offset,
                        std::vector<RoadHierarchy::Arc>& flat) {
            offset.assign(n_ + 1, 0);
            flat.clear();
            for (std::size_t id = 0; id < n_; ++id) {
                const auto v = order[n_ - 1 - id];
                for (const auto& a : arcs[v]) flat.push_back({r[a.to], a.c.s, a.c.m});
                offset[id + 1] = static_cast<std::uint32_t>(flat.size());
            }
        };
        flatten(up, h.up_offset, h.up);
        flatten(down, h.down_offset, h.down);
        return true;
    }

    // Where the graph has grown dense (the top of a grid's hierarchy has nodes with hundreds of
    // arcs) a witness search stops after a few settled nodes; the arc u → w itself, when there
    // is one, is always found by the first.
    static constexpr std::size_t kSettleLimit = 100, kRelaxLimit = 2000;

    // Adds a → b or lowers its cost; true when the arc is new.
    bool add_arc(std::uint32_t a, std::uint32_t b, Cost c)
    {
        for (auto& x : out_[a])
            if (x.to == b) {
                if (c < x.c) {
                    x.c = c;
                    for (auto& y : in_[b])
                        if (y.to == a) y.c = c;
                }
                return false;
            }
        out_[a].push_back({b, c});
        in_[b].push_back({a, c});
        return true;
    }

    // Distances from u avoiding v, up to `limit` (dist_ holds them until the next search).
    void witness(std::uint32_t u, std::uint32_t v, Cost limit)
    {
        for (auto x : touched_) dist_[x] = Cost{};
        touched_.clear();
        heap_.clear();
        dist_[u] = {0, 0};
        touched_.push_back(u);
        heap_.push({0, 0}, u);
        std::size_t settled = 0, relaxed = 0;
        while (!heap_.empty()) {
            const auto [d, x] = heap_.pop();
            if (dist_[x] < d) continue;
            if (limit < d || ++settled > kSettleLimit || relaxed > kRelaxLimit) break;
            relaxed += out_[x].size();
            for (const auto& a : out_[x]) {
                if (a.to == v) continue;
                const Cost nd = d + a.c;
                if (nd < dist_[a.to]) {
                    if (dist_[a.to].s == kInf) touched_.push_back(a.to);
                    dist_[a.to] = nd;
                    heap_.push(nd, a.to);
                }
            }
        }
    }

    // The shortcuts contracting v needs: u → w for each in-arc u → v and out-arc v → w whose
    // path through v no other path (found within the limits) matches.
    template <typename Found> void shortcuts_of(std::uint32_t v, Found&& found)
    {
        for (const auto& in : in_[v]) {
            Cost most{0, 0};
            bool any = false;
            for (const auto& out : out_[v])
                if (out.to != in.to) {
                    const Cost c = in.c + out.c;
                    if (most < c) most = c;
                    any = true;
                }
            if (!any) continue;
            witness(in.to, v, most);
            for (const auto& out : out_[v])
                if (out.to != in.to) {
                    const Cost c = in.c + out.c;
                    if (c < dist_[out.to]) found(in.to, out.to, c);
                }
        }
    }

    // Also leaves v's shortcuts in pending_, for contract(v) right after.
    double priority(std::uint32_t v)
    {
        pending_.clear();
        shortcuts_of(v, [&](std::uint32_t a, std::uint32_t b, Cost c) { pending_.push_back({a, b, c}); });
        const double removed = static_cast<double>(in_[v].size() + out_[v].size());
        return static_cast<double>(pending_.size()) - removed + deleted_[v] + level_[v];
    }

    // Contracts v with the shortcuts priority(v) found just before.
    std::size_t contract(std::uint32_t v)
    {
        contracted_[v] = 1;
        auto neighbour = [&](std::uint32_t x) {
            ++deleted_[x];
            level_[x] = std::max(level_[x], level_[v] + 1);
        };
        for (const auto& a : out_[v]) {
            auto& l = in_[a.to];
            l.erase(std::remove_if(l.begin(), l.end(), [v](const Arc& x) { return x.to == v; }), l.end());
            neighbour(a.to);
        }
        for (const auto& a : in_[v]) {
            auto& l = out_[a.to];
            l.erase(std::remove_if(l.begin(), l.end(), [v](const Arc& x) { return x.to == v; }), l.end());
            neighbour(a.to);
        }
        std::vector<Arc>().swap(out_[v]);
        std::vector<Arc>().swap(in_[v]);
        // The shortcuts come grouped by their tail (shortcuts_of goes in-arc by in-arc): per
        // tail, its arcs are found through slot_ instead of a scan of its list for each shortcut
        // (a separator node at the top of a grid's dissection has a thousand of them).
        std::size_t added = 0;
        for (std::size_t i = 0; i < pending_.size();) {
            const std::uint32_t a = pending_[i].from;
            auto& out = out_[a];
            for (std::uint32_t k = 0; k < out.size(); ++k) slot_[out[k].to] = k;
            for (; i < pending_.size() && pending_[i].from == a; ++i) {
                const auto& sc = pending_[i];
                const std::uint32_t k = slot_[sc.to];
                if (k == kNone) {
                    slot_[sc.to] = static_cast<std::uint32_t>(out.size());
                    out.push_back({sc.to, sc.c});
                    in_[sc.to].push_back({a, sc.c});
                    ++added;
                } else if (sc.c < out[k].c) {
                    out[k].c = sc.c;
                    for (auto& y : in_[sc.to])
                        if (y.to == a) y.c = sc.c;
                }
            }
            for (const auto& x : out) slot_[x.to] = kNone;
        }
        return added;
    }

    struct Shortcut {
        std::uint32_t from, to;
        Cost c;
    };
    std::size_t n_;
    std::vector<std::vector<Arc>> out_, in_;
    std::vector<Cost> dist_;
    std::vector<std::uint32_t> touched_;
    Heap heap_;
    std::vector<std::uint8_t> contracted_;
    std::vector<double> deleted_, level_;
    std::vector<Shortcut> pending_;
    std::vector<std::uint32_t> slot_;  // kNone but while contract() indexes one node's out-arcs
};

// The contraction order from the nodes' positions (empty when the network has no small
// separators): nested dissection by recursive coordinate
// bisection (George, "Nested dissection of a regular finite element mesh", SIAM J. Numer. Anal.
// 10(2) 1973; the order of Dibbelt, Strasser & Wagner, "Customizable Contraction Hierarchies",
// ACM JEA 21, 2016). A region's nodes are split at the median of its wider side; the nodes of
// one half with an arc to the other (the smaller such set) are its separator, ordered after
// both halves, which are ordered the same way in turn. A shortest path between the halves then
// meets the separator, so contraction never builds shortcuts across a half, and on a grid —
// which has no road hierarchy for the edge-difference order to find — the hierarchy has the
// shape of the dissection: O(√n) separators at the top, built in one pass over the nodes.
std::vector<std::uint32_t> nested_dissection_order(const RoadGraph& g)
{
    const std::size_t n = g.node_count();
    const auto& pos = g.positions();
    const auto off = g.offsets();
    const auto to = g.targets();
    // Arcs both ways: a separator cuts every arc between the halves, whichever way it runs.
    std::vector<std::uint32_t> in_off(n + 1, 0), in_from(to.size());
    for (const auto t : to) ++in_off[t + 1];
    for (std::size_t v = 0; v < n; ++v) in_off[v + 1] += in_off[v];
    {
        std::vector<std::uint32_t> fill(in_off.begin(), in_off.end() - 1);
        for (std::uint32_t v = 0; v < n; ++v)
            for (auto e = off[v]; e < off[v + 1]; ++e) in_from[fill[to[e]]++] = v;
    }
    double mean_lat = 0;
    for (std::size_t v = 0; v < n; ++v) mean_lat += pos.lat[v] / static_cast<double>(n);
    const double kx = std::cos(mean_lat * 3.14159265358979323846 / 180);  // degrees of longitude shrink

    std::vector<std::uint32_t> nodes(n);
    for (std::uint32_t v = 0; v < n; ++v) nodes[v] = v;
    std::vector<std::uint32_t> mark(n, 0);
    std::uint32_t stamp = 0;
    std::vector<std::uint32_t> order;
    order.reserve(n);
    constexpr std::size_t kLeaf = 16;
    struct Task {
        std::size_t begin, end;
        bool emit;  // append [begin, end) (a separator) to the order as it is; else dissect it
    };
    std::vector<Task> stack{{0, n, false}};
    const auto touches = [&](std::uint32_t v, std::uint32_t other) {
        for (auto e = off[v]; e < off[v + 1]; ++e)
            if (mark[to[e]] == other) return true;
        for (auto e = in_off[v]; e < in_off[v + 1]; ++e)
            if (mark[in_from[e]] == other) return true;
        return false;
    };
    while (!stack.empty()) {
        const Task t = stack.back();
        stack.pop_back();
        if (t.emit || t.end - t.begin <= kLeaf) {
            order.insert(order.end(), nodes.begin() + static_cast<std::ptrdiff_t>(t.begin),
                         nodes.begin() + static_cast<std::ptrdiff_t>(t.end));
            continue;
        }
        const auto first = nodes.begin() + static_cast<std::ptrdiff_t>(t.begin);
        const auto last = nodes.begin() + static_cast<std::ptrdiff_t>(t.end);
        double x0 = kInf, x1 = -kInf, y0 = kInf, y1 = -kInf;
        for (auto it = first; it != last; ++it) {
            x0 = std::min(x0, pos.lon[*it] * kx);
            x1 = std::max(x1, pos.lon[*it] * kx);
            y0 = std::min(y0, pos.lat[*it]);
            y1 = std::max(y1, pos.lat[*it]);
        }
        const bool by_x = x1 - x0 >= y1 - y0;
        const std::size_t mid = t.begin + (t.end - t.begin) / 2;
        const auto middle = nodes.begin() + static_cast<std::ptrdiff_t>(mid);
        // Ties by node id, so that the order does not depend on the library's nth_element.
        std::nth_element(first, middle, last, [&](std::uint32_t a, std::uint32_t b) {
            const double ka = by_x ? pos.lon[a] : pos.lat[a], kb = by_x ? pos.lon[b] : pos.lat[b];
            return ka < kb || (ka == kb && a < b);
        });
        const std::uint32_t left = ++stamp, right = ++stamp;
        for (auto it = first; it != middle; ++it) mark[*it] = left;
        for (auto it = middle; it != last; ++it) mark[*it] = right;
        std::size_t left_cut = 0, right_cut = 0;
        for (auto it = first; it != middle; ++it) left_cut += touches(*it, right);
        for (auto it = middle; it != last; ++it) right_cut += touches(*it, left);
        // A network without small separators (not laid out in the plane, e.g. random links
        // across the map: the first cut takes a share of all nodes, not ~√n) gains nothing from
        // the dissection: the caller takes the edge-difference order then.
        if (t.begin == 0 && t.end == n &&
            static_cast<double>(std::min(left_cut, right_cut)) > 4 * std::sqrt(static_cast<double>(n)) + 16)
            return {};
        if (left_cut <= right_cut) {
            // [begin, s) the left half without its separator, [s, mid) the separator.
            const auto s = std::stable_partition(first, middle, [&](std::uint32_t v) { return !touches(v, right); });
            const std::size_t cut = t.begin + static_cast<std::size_t>(s - first);
            stack.push_back({cut, mid, true});
            stack.push_back({mid, t.end, false});
            stack.push_back({t.begin, cut, false});
        } else {
            const auto s = std::stable_partition(middle, last, [&](std::uint32_t v) { return !touches(v, left); });
            const std::size_t cut = mid + static_cast<std::size_t>(s - middle);
            stack.push_back({cut, t.end, true});
            stack.push_back({mid, cut, false});
            stack.push_back({t.begin, mid, false});
        }
    }
    return order;
}

// One upward search of the hierarchy (forward: over `up`; backward: over `down`), stalling on
// demand (Geisberger et al. §4.1): a node that a more important node of this search reaches
// more cheaply is on no shortest path upward, so it is neither scanned nor reported.
class UpwardSearch {
public:
    template <typename Settled>
    void run(std::uint32_t start, std::span<const std::uint32_t> relax_off, std::span<const RoadHierarchy::Arc> relax,
             std::span<const std::uint32_t> stall_off, std::span<const RoadHierarchy::Arc> stall, Settled&& settled)
    {
        if (dist_.size() < relax_off.size()) dist_.assign(relax_off.size(), Cost{});
        for (auto x : touched_) dist_[x] = Cost{};
        touched_.clear();
        heap_.clear();
        dist_[start] = {0, 0};
        touched_.push_back(start);
        heap_.push({0, 0}, start);
        while (!heap_.empty()) {
            const auto [d, x] = heap_.pop();
            if (dist_[x] < d) continue;
            bool stalled = false;
            for (auto e = stall_off[x]; e < stall_off[x + 1] && !stalled; ++e)
                stalled = dist_[stall[e].to] + Cost{stall[e].seconds, stall[e].metres} < d;
            if (stalled) continue;
            settled(x, d);
            for (auto e = relax_off[x]; e < relax_off[x + 1]; ++e) {
                const auto y = relax[e].to;
                const Cost nd = d + Cost{relax[e].seconds, relax[e].metres};
                if (nd < dist_[y]) {
                    if (dist_[y].s == kInf) touched_.push_back(y);
                    dist_[y] = nd;
                    heap_.push(nd, y);
                }
            }
        }
    }

private:
    std::vector<Cost> dist_;
    std::vector<std::uint32_t> touched_;
    Heap heap_;
};

}  // namespace

Result<std::shared_ptr<const RoadHierarchy>> RoadHierarchy::build(std::shared_ptr<const RoadGraph> graph,
                                                                  const Feedback& feedback)
{
    const auto t0 = std::chrono::steady_clock::now();
    auto h = std::make_shared<RoadHierarchy>();
    Contraction contraction(*graph);
    // With positions (every graph of a road layer has them) the dissection order; without, the
    // edge-difference order of Geisberger et al.
    const bool placed = graph->node_count() > 0 && graph->positions().size() == graph->node_count();
    const auto order = placed ? nested_dissection_order(*graph) : std::vector<std::uint32_t>{};
    h->dissection_ = !order.empty();
    if (!contraction.run(feedback, *h, h->shortcuts_, order.empty() ? nullptr : &order))
        return cancelled_error(kCancelled);
    h->graph_ = std::move(graph);
    h->build_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    feedback.set_progress(1);
    return std::shared_ptr<const RoadHierarchy>(std::move(h));
}

Result<TravelMatrix> travel_matrix(const RoadHierarchy& hierarchy, const Points& stops, const MatrixOptions& options,
                                   const Feedback& feedback)
{
    auto prepared = prepare(hierarchy.graph(), stops, options);
    if (!prepared) return prepared.error();
    auto& p = *prepared;
    const std::size_t u = p.nodes.size(), n = hierarchy.graph().node_count();
    const std::span<const std::uint32_t> up_off = hierarchy.up_offset, down_off = hierarchy.down_offset;
    const std::span<const RoadHierarchy::Arc> up = hierarchy.up, down = hierarchy.down;
    const unsigned workers = worker_count(u);
    std::vector<UpwardSearch> search(workers);

    // Backward searches from every stop's node leave (column, cost to it) in buckets at the
    // nodes they settle.
    struct Entry {
        std::uint32_t node, column;
        Cost c;
    };
    std::vector<std::vector<Entry>> found(workers);
    if (!parallel_jobs(u, workers, feedback, 0, 0.3, [&](unsigned w, std::size_t c) {
            search[w].run(hierarchy.rank_of[p.nodes[c]], down_off, down, up_off, up, [&](std::uint32_t x, Cost d) {
                found[w].push_back({x, static_cast<std::uint32_t>(c), d});
            });
        }))
        return cancelled_error(kCancelled);
    struct Bucket {
        std::uint32_t column;
        Cost c;
    };
    std::vector<std::uint32_t> bucket_off(n + 1, 0);
    for (const auto& f : found)
        for (const auto& e : f) ++bucket_off[e.node + 1];
    for (std::size_t x = 0; x < n; ++x) bucket_off[x + 1] += bucket_off[x];
    std::vector<Bucket> bucket(bucket_off[n]);
    {
        std::vector<std::uint32_t> fill(bucket_off.begin(), bucket_off.end() - 1);
        for (auto& f : found) {
            for (const auto& e : f) bucket[fill[e.node]++] = {e.column, e.c};
            std::vector<Entry>().swap(f);
        }
    }

    // Forward searches read the buckets at the nodes they settle: the best meeting node of the
    // two upward searches gives the road cost of each pair.
    std::vector<Cost> road(u * u);
    if (!parallel_jobs(u, workers, feedback, 0.3, 1, [&](unsigned w, std::size_t r) {
            Cost* row = road.data() + r * u;
            search[w].run(hierarchy.rank_of[p.nodes[r]], up_off, up, down_off, down, [&](std::uint32_t x, Cost d) {
                for (auto b = bucket_off[x]; b < bucket_off[x + 1]; ++b) {
                    const Cost c = d + bucket[b].c;
                    if (c < row[bucket[b].column]) row[bucket[b].column] = c;
                }
            });
        }))
        return cancelled_error(kCancelled);
    auto m = finish(std::move(p), stops, road);
    feedback.set_progress(1);
    return m;
}

}  // namespace coopmap::analysis::routing
