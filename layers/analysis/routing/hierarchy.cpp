#include "analysis/routing/hierarchy.h"

#include <algorithm>
#include <queue>

#include "analysis/routing/parallel_jobs.h"

namespace coopmap::analysis::routing {

namespace {

using Arc = Hierarchy::Arc;

// The search that decides whether a shortcut is needed: from u, never through the node being
// contracted, until the bound or `limit` settled nodes. A path it misses only costs a shortcut
// that is not needed; the distances stay exact.
class Witness {
public:
    explicit Witness(std::size_t n) : search_(n) {}

    void run(const std::vector<std::vector<Arc>>& out, std::uint32_t u, std::uint32_t skip, Cost bound, int limit)
    {
        search_.start(u);
        int settled = 0;
        std::uint32_t v;
        Cost d;
        while (search_.next(v, d)) {
            if (bound < d || ++settled > limit) break;
            for (const auto& a : out[v])
                if (a.to != skip) search_.relax(a.to, d + a.c);
        }
    }
    Cost cost(std::uint32_t v) const { return search_.cost(v); }

private:
    HeapSearch search_;
};

// Hierarchy::two_way: every arc has its reverse at the same seconds and metres.
bool same_both_ways(const RoadGraph& g)
{
    const auto off = g.offsets();
    const auto to = g.targets();
    const auto sec = g.seconds();
    const auto met = g.metres();
    for (std::uint32_t v = 0; v < g.node_count(); ++v)
        for (auto e = off[v]; e < off[v + 1]; ++e) {
            const auto w = to[e];
            bool back = false;
            for (auto f = off[w]; f < off[w + 1] && !back; ++f)
                back = to[f] == v && sec[f] == sec[e] && met[f] == met[e];
            if (!back) return false;
        }
    return true;
}

struct Shortcut {
    std::uint32_t from, to;
    Cost c;
};

// The graph as it shrinks: each live node's arcs to and from live nodes, parallel arcs merged.
class Contraction {
public:
    explicit Contraction(const RoadGraph& g) : out_(g.node_count()), in_(g.node_count())
    {
        const auto off = g.offsets();
        const auto to = g.targets();
        const auto sec = g.seconds();
        const auto met = g.metres();
        for (std::uint32_t v = 0; v < g.node_count(); ++v)
            for (auto e = off[v]; e < off[v + 1]; ++e)
                if (to[e] != v) add(v, to[e], {sec[e], met[e]});  // a loop never shortens a path
        added = 0;
    }

    // The shortcuts contracting v would need (into `found`); returns the arcs it would remove.
    std::size_t simulate(std::uint32_t v, int limit, Witness& w, std::vector<Shortcut>& found) const
    {
        found.clear();
        Cost longest{0, 0};
        for (const auto& b : out_[v]) longest = longest < b.c ? b.c : longest;
        for (const auto& a : in_[v]) {
            w.run(out_, a.to, v, a.c + longest, limit);
            for (const auto& b : out_[v]) {
                if (b.to == a.to) continue;
                const Cost through = a.c + b.c;
                if (through < w.cost(b.to)) found.push_back({a.to, b.to, through});
            }
        }
        return in_[v].size() + out_[v].size();
    }

    // Removes v, adding the shortcuts; v's arcs at that moment are returned as its up and
    // down arcs.
    void contract(std::uint32_t v, const std::vector<Shortcut>& found, std::vector<Arc>& up, std::vector<Arc>& down)
    {
        for (const auto& s : found) add(s.from, s.to, s.c);
        up = std::move(out_[v]);
        down = std::move(in_[v]);
        for (const auto& a : up) erase(in_[a.to], v);
        for (const auto& a : down) erase(out_[a.to], v);
        out_[v] = {};
        in_[v] = {};
    }

    const std::vector<Arc>& out(std::uint32_t v) const { return out_[v]; }
    const std::vector<Arc>& in(std::uint32_t v) const { return in_[v]; }
    std::size_t added = 0;  // shortcuts that are new arcs

private:
    void add(std::uint32_t a, std::uint32_t b, Cost c)
    {
        for (auto& x : out_[a])
            if (x.to == b) {
                if (c < x.c) {
                    x.c = c;
                    for (auto& y : in_[b])
                        if (y.to == a) y.c = c;
                }
                return;
            }
        out_[a].push_back({b, c});
        in_[b].push_back({a, c});
        ++added;
    }
    static void erase(std::vector<Arc>& arcs, std::uint32_t v)
    {
        arcs.erase(std::remove_if(arcs.begin(), arcs.end(), [v](const Arc& a) { return a.to == v; }), arcs.end());
    }
    std::vector<std::vector<Arc>> out_, in_;
};

// Priority of a node: the edge difference (shortcuts added less arcs removed) plus the
// neighbours contracted before it, which spreads the contraction evenly over the graph.
constexpr int kSimulateLimit = 20;  // settled nodes per witness search
constexpr int kContractLimit = 500;
constexpr std::size_t kDenseCore = 16;

}  // namespace

std::shared_ptr<const Hierarchy> build_hierarchy(const RoadGraph& graph, double core_share, const Feedback& feedback,
                                                 double from, double to)
{
    const std::size_t n = graph.node_count();
    Contraction g(graph);
    std::vector<int> deleted(n, 0), priority(n, 0);
    // The first priorities over the cores (the graph is only read): the first tenth of the
    // progress.
    const double ranked = from + (to - from) / 10;
    {
        std::vector<std::unique_ptr<Witness>> searches(worker_count(n));
        std::vector<std::vector<Shortcut>> founds(searches.size());
        if (!parallel_jobs(n, static_cast<unsigned>(searches.size()), feedback, from, ranked,
                           [&](unsigned w, std::size_t v) {
                               if (!searches[w]) searches[w] = std::make_unique<Witness>(n);
                               const auto removed =
                                   g.simulate(static_cast<std::uint32_t>(v), kSimulateLimit, *searches[w], founds[w]);
                               priority[v] = static_cast<int>(founds[w].size()) - static_cast<int>(removed);
                           }))
            return nullptr;
    }
    using Item = std::pair<int, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (std::uint32_t v = 0; v < n; ++v) queue.push({priority[v], v});

    Witness search(n);
    std::vector<Shortcut> found;
    std::vector<char> done(n, 0);
    std::vector<std::vector<Arc>> up(n), down(n);
    const auto keep = static_cast<std::size_t>(static_cast<double>(n) * core_share);
    std::size_t contracted = 0;
    std::vector<std::uint32_t> near;
    while (!queue.empty() && n - contracted > keep) {
        const auto [p, v] = queue.top();
        queue.pop();
        if (done[v] || p != priority[v]) continue;  // contracted, or an older priority
        const auto removed = g.simulate(v, kContractLimit, search, found);
        const int now = static_cast<int>(found.size()) - static_cast<int>(removed) + deleted[v];
        if (now > p) {  // worse than when queued: queue it again (lazy update)
            priority[v] = now;
            queue.push({now, v});
            continue;
        }
        // The least contractible node left would need this many shortcuts: the rest is a
        // dense core, which the core searches handle better than more shortcuts.
        if (found.size() > kDenseCore) break;
        near.clear();
        for (const auto& a : g.out(v)) near.push_back(a.to);
        for (const auto& a : g.in(v)) near.push_back(a.to);
        g.contract(v, found, up[v], down[v]);
        done[v] = 1;
        ++contracted;
        std::sort(near.begin(), near.end());
        near.erase(std::unique(near.begin(), near.end()), near.end());
        for (const auto w : near) {
            ++deleted[w];
            const auto r = g.simulate(w, kSimulateLimit, search, found);
            priority[w] = static_cast<int>(found.size()) - static_cast<int>(r) + deleted[w];
            queue.push({priority[w], w});
        }
        if ((contracted & 4095) == 0) {
            if (feedback.cancelled()) return nullptr;
            feedback.set_progress(ranked + (to - ranked) * static_cast<double>(contracted) /
                                                   static_cast<double>(std::max<std::size_t>(n - keep, 1)));
        }
    }

    auto h = std::make_shared<Hierarchy>();
    h->shortcuts = g.added;
    h->two_way = same_both_ways(graph);
    h->up_first.assign(n + 1, 0);
    h->down_first.assign(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        h->up_first[v + 1] = h->up_first[v] + static_cast<std::uint32_t>(up[v].size());
        h->down_first[v + 1] = h->down_first[v] + static_cast<std::uint32_t>(down[v].size());
    }
    h->up.reserve(h->up_first[n]);
    h->down.reserve(h->down_first[n]);
    for (std::size_t v = 0; v < n; ++v) {
        h->up.insert(h->up.end(), up[v].begin(), up[v].end());
        h->down.insert(h->down.end(), down[v].begin(), down[v].end());
        up[v] = {};
        down[v] = {};
    }
    // The core, numbered in road order, then laid out for the searches.
    std::vector<std::uint32_t> order;
    for (std::uint32_t v = 0; v < n; ++v)
        if (!done[v]) order.push_back(v);
    std::vector<std::uint32_t> index(n, kNone);
    for (std::uint32_t k = 0; k < order.size(); ++k) index[order[k]] = k;
    std::vector<std::uint32_t> offsets{0}, targets;
    std::vector<double> seconds, metres;
    Points positions;
    const bool placed = graph.positions().size() == n;
    for (const auto v : order) {
        for (const auto& a : g.out(v)) {
            targets.push_back(index[a.to]);
            seconds.push_back(a.c.s);
            metres.push_back(a.c.m);
        }
        offsets.push_back(static_cast<std::uint32_t>(targets.size()));
        if (placed) positions.add(graph.positions().lon[v], graph.positions().lat[v]);
    }
    h->core_graph = std::make_unique<SearchGraph>(ArcRows{offsets, targets, seconds, metres, placed ? &positions : nullptr});
    h->core.assign(n, kNone);
    h->core_node.assign(order.size(), kNone);
    for (std::uint32_t k = 0; k < order.size(); ++k) {
        h->core[order[k]] = h->core_graph->id[k];
        h->core_node[h->core_graph->id[k]] = order[k];
    }
    return h;
}

std::shared_ptr<const Hierarchy> hierarchy_of(const RoadGraph& graph, const Feedback& feedback, double from,
                                              double to)
{
    // The core left: 3 % of the nodes. On the bench grid a smaller core costs more shortcuts per
    // contraction than it saves in core searches.
    constexpr double kCoreShare = 0.03;
    auto& derived = graph.derived();
    std::lock_guard lock(derived.mutex);
    if (!derived.hierarchy) derived.hierarchy = build_hierarchy(graph, kCoreShare, feedback, from, to);
    return std::static_pointer_cast<const Hierarchy>(derived.hierarchy);
}

}  // namespace coopmap::analysis::routing
