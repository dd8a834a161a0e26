#include "analysis/road_graph.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <numeric>
#include <queue>
#include <thread>
#include <unordered_map>

#include "analysis/geodesic.h"
#include "analysis/geos_bridge.h"

namespace coopmap::analysis {

std::map<std::string, double> RoadSpeeds::default_class_kmh()
{
    return {
        {"高速公路", 100},   {"motorway", 100},    {"一级公路", 70}, {"trunk", 70},    {"国道", 70},
        {"二级公路", 60},    {"primary", 60},      {"省道", 60},     {"三级公路", 40}, {"secondary", 40},
        {"县道", 40},        {"四级公路", 30},     {"tertiary", 30}, {"乡道", 30},     {"村道", 20},
        {"residential", 20}, {"unclassified", 20}, {"track", 15},    {"等外公路", 15},
    };
}

namespace {

// 1: along the digitised direction only; -1: against it; 0: both ways.
int oneway_of(const Column* c, std::size_t f)
{
    if (!c || c->null[f]) return 0;
    const std::string t = c->text(f);
    if (t == "1" || t == "yes" || t == "true" || t == "是") return 1;
    if (t == "-1" || t == "reverse") return -1;
    return 0;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    // FNV-1a over the 8 bytes of v.
    for (int i = 0; i < 8; ++i) {
        h ^= (v >> (8 * i)) & 0xff;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

std::uint64_t layer_fingerprint(const Layer& layer)
{
    std::uint64_t h = 1469598103934665603ull;
    h = mix(h, layer.size());
    h = mix(h, layer.x.size());
    for (std::size_t i = 0; i < layer.x.size(); ++i) {
        h = mix(h, std::bit_cast<std::uint64_t>(layer.x[i]));
        h = mix(h, std::bit_cast<std::uint64_t>(layer.y[i]));
    }
    for (const auto& c : layer.columns)
        for (std::size_t f = 0; f < c.size(); ++f)
            for (char ch : c.text(f)) h = mix(h, static_cast<unsigned char>(ch));
    return h;
}

Result<RoadGraph> RoadGraph::build(const Layer& roads, const RoadSpeeds& speeds, const Progress& progress)
{
    const Column* cls = speeds.class_column.empty() ? nullptr : roads.column(speeds.class_column);
    const Column* spd = speeds.speed_column.empty() ? nullptr : roads.column(speeds.speed_column);
    const Column* one = speeds.oneway_column.empty() ? nullptr : roads.column(speeds.oneway_column);

    struct KeyHash {
        std::size_t operator()(const std::pair<double, double>& k) const
        {
            const auto a = std::bit_cast<std::uint64_t>(k.first), b = std::bit_cast<std::uint64_t>(k.second);
            return static_cast<std::size_t>(a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6)));
        }
    };
    std::unordered_map<std::pair<double, double>, std::uint32_t, KeyHash> node_of;
    node_of.reserve(roads.x.size());
    Points pos;
    std::vector<Edge> edges;
    edges.reserve(roads.x.size() * 2);
    auto node = [&](double x, double y) {
        auto [it, fresh] = node_of.try_emplace({x, y}, static_cast<std::uint32_t>(pos.size()));
        if (fresh) pos.add(x, y);
        return it->second;
    };

    for (std::size_t f = 0; f < roads.size(); ++f) {
        if ((f & 4095) == 0 && progress && !progress(0.8 * static_cast<double>(f) / static_cast<double>(roads.size())))
            return cancelled();
        double kmh = spd ? spd->number(f) : std::nan("");
        if (!(kmh > 0) && cls && !cls->null[f]) {
            const auto it = speeds.class_kmh.find(cls->text(f));
            if (it != speeds.class_kmh.end()) kmh = it->second;
        }
        if (!(kmh > 0)) kmh = speeds.default_kmh;
        const double mps = kmh / 3.6;
        const int dir = oneway_of(one, f);
        for (auto p = roads.part_start[f]; p < roads.part_start[f + 1]; ++p)
            for (auto r = roads.ring_start[p]; r < roads.ring_start[p + 1]; ++r) {
                const auto b = roads.coord_start[r], e = roads.coord_start[r + 1];
                if (e - b < 2) continue;
                std::uint32_t prev = node(roads.x[b], roads.y[b]);
                for (auto i = b + 1; i < e; ++i) {
                    const std::uint32_t cur = node(roads.x[i], roads.y[i]);
                    if (cur == prev) continue;
                    const double m = geodesic_distance_m(roads.x[i - 1], roads.y[i - 1], roads.x[i], roads.y[i]);
                    if (dir >= 0) edges.push_back({prev, cur, m / mps, m});
                    if (dir <= 0) edges.push_back({cur, prev, m / mps, m});
                    prev = cur;
                }
            }
    }
    RoadGraph g;
    g.position_ = std::move(pos);
    g.finish(g.position_.size(), std::move(edges));
    // The fingerprint (a pass over every coordinate and attribute) is left to the cache.
    if (progress && !progress(1.0)) return cancelled();
    return g;
}

RoadGraph RoadGraph::from_edges(std::size_t node_count, std::span<const Edge> edges, Points positions)
{
    RoadGraph g;
    g.position_ = std::move(positions);
    g.finish(node_count, std::vector<Edge>(edges.begin(), edges.end()));
    return g;
}

void RoadGraph::finish(std::size_t n, std::vector<Edge> edges)
{
    // CSR by counting sort on the tail node.
    offset_.assign(n + 1, 0);
    for (const auto& e : edges) ++offset_[e.from + 1];
    std::partial_sum(offset_.begin(), offset_.end(), offset_.begin());
    target_.resize(edges.size());
    seconds_.resize(edges.size());
    metres_.resize(edges.size());
    std::vector<std::uint32_t> fill(offset_.begin(), offset_.end() - 1);
    for (const auto& e : edges) {
        const auto at = fill[e.from]++;
        target_[at] = e.to;
        seconds_[at] = e.seconds;
        metres_[at] = e.metres;
    }
    // Pieces ignoring direction: union-find with path halving.
    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](std::uint32_t a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    };
    for (const auto& e : edges) {
        const auto a = find(e.from), b = find(e.to);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    component_.assign(n, kNone);
    std::vector<std::uint32_t> id_of_root(n, kNone);
    component_count_ = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto r = find(v);
        if (id_of_root[r] == kNone) id_of_root[r] = static_cast<std::uint32_t>(component_count_++);
        component_[v] = id_of_root[r];
    }
    if (position_.size() == n) node_index_ = std::make_shared<index::PointIndex>(position_.lon, position_.lat);
}

RoadGraph::Snap RoadGraph::snap(double lon, double lat, double limit_m) const
{
    Points one;
    one.add(lon, lat);
    return snap_all(one, limit_m).front();
}

std::vector<RoadGraph::Snap> RoadGraph::snap_all(const Points& points, double limit_m) const
{
    std::vector<Snap> out(points.size());
    if (position_.size() != node_count() || node_count() == 0) return out;
    auto near = nearest_facilities(points, position_, limit_m);
    if (!near) return out;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = {near->facility[i], near->distance_m[i]};
    return out;
}

Result<TravelTimes> travel_times(const RoadGraph& graph, std::span<const std::uint32_t> sources, double max_seconds,
                                 const Progress& progress)
{
    const auto n = graph.node_count();
    TravelTimes t;
    t.seconds.assign(n, kInf);
    t.source.assign(n, kNone);
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    for (std::uint32_t s = 0; s < sources.size(); ++s) {
        const auto v = sources[s];
        if (v >= n || t.seconds[v] == 0) continue;  // the lower source index keeps a shared node
        t.seconds[v] = 0;
        t.source[v] = s;
        heap.push({0.0, v});
    }
    const auto off = graph.offsets();
    const auto to = graph.targets();
    const auto w = graph.seconds();
    std::size_t settled = 0;
    while (!heap.empty()) {
        const auto [d, u] = heap.top();
        heap.pop();
        if (d > t.seconds[u]) continue;  // a stale entry
        if ((++settled & 65535) == 0 && progress && !progress(static_cast<double>(settled) / static_cast<double>(n)))
            return cancelled();
        for (auto e = off[u]; e < off[u + 1]; ++e) {
            const double nd = d + w[e];
            const auto v = to[e];
            if (nd < t.seconds[v] && nd <= max_seconds) {
                t.seconds[v] = nd;
                t.source[v] = t.source[u];
                heap.push({nd, v});
            }
        }
    }
    if (progress && !progress(1.0)) return cancelled();
    return t;
}

namespace {

Layer isochrone_layer()
{
    Layer out;
    out.name = "isochrones";
    out.role = Role::coverage;
    out.kind = GeometryKind::polygon;
    out.add_column("source", FieldType::integer);
    out.add_column("minutes", FieldType::real);
    return out;
}

// Appends every feature of `src` (same columns) to `dst`, offsets shifted.
void append_features(Layer& dst, const Layer& src)
{
    const auto base_x = static_cast<std::uint32_t>(dst.x.size());
    const auto base_ring = static_cast<std::uint32_t>(dst.coord_start.size() - 1);
    const auto base_part = static_cast<std::uint32_t>(dst.ring_start.size() - 1);
    dst.x.insert(dst.x.end(), src.x.begin(), src.x.end());
    dst.y.insert(dst.y.end(), src.y.begin(), src.y.end());
    for (std::size_t r = 1; r < src.coord_start.size(); ++r) dst.coord_start.push_back(src.coord_start[r] + base_x);
    for (std::size_t p = 1; p < src.ring_start.size(); ++p) dst.ring_start.push_back(src.ring_start[p] + base_ring);
    for (std::size_t f = 1; f < src.part_start.size(); ++f) dst.part_start.push_back(src.part_start[f] + base_part);
    for (std::size_t c = 0; c < dst.columns.size(); ++c) {
        auto& d = dst.columns[c];
        const auto& s = src.columns[c];
        d.integers.insert(d.integers.end(), s.integers.begin(), s.integers.end());
        d.reals.insert(d.reals.end(), s.reals.begin(), s.reals.end());
        d.texts.insert(d.texts.end(), s.texts.begin(), s.texts.end());
        d.null.insert(d.null.end(), s.null.begin(), s.null.end());
    }
}

// The isochrones of sources [begin, end) into `out`; `tick` is called after each source and
// stops the work when it returns false.
void isochrones_range(const RoadGraph& graph, std::span<const std::uint32_t> sources, const std::vector<double>& bands,
                      std::size_t begin, std::size_t end, Layer& out, const std::function<bool()>& tick)
{
    const auto n = graph.node_count();
    const auto off = graph.offsets();
    const auto to = graph.targets();
    const auto w = graph.seconds();
    const auto& pos = graph.positions();
    const double max_s = bands.back() * 60;
    std::vector<double> dist(n, kInf);
    std::vector<std::uint32_t> touched;
    std::vector<double> px, py;
    const geos::Context ctx;
    using Item = std::pair<double, std::uint32_t>;

    for (std::size_t s = begin; s < end; ++s) {
        if (!tick()) return;
        const auto start = sources[s];
        if (start >= n) continue;
        // A Dijkstra bounded by the largest band; `touched` resets only what it changed.
        for (auto v : touched) dist[v] = kInf;
        touched.clear();
        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
        dist[start] = 0;
        touched.push_back(start);
        heap.push({0.0, start});
        while (!heap.empty()) {
            const auto [d, u] = heap.top();
            heap.pop();
            if (d > dist[u]) continue;
            for (auto e = off[u]; e < off[u + 1]; ++e) {
                const double nd = d + w[e];
                const auto v = to[e];
                if (nd < dist[v] && nd <= max_s) {
                    if (dist[v] == kInf) touched.push_back(v);
                    dist[v] = nd;
                    heap.push({nd, v});
                }
            }
        }
        for (const double band : bands) {
            const double t = band * 60;
            px.clear();
            py.clear();
            for (const auto u : touched) {
                const double du = dist[u];
                if (du > t) continue;
                // Only the outline matters to the hull: a node joined to four or more nodes all
                // reached within the band lies among them, so it is left out (on a grid that is
                // nine points in ten, and the hull's Delaunay triangulation shrinks with them).
                const auto degree = off[u + 1] - off[u];
                bool frontier = degree <= 3 || u == start;
                for (auto e = off[u]; e < off[u + 1]; ++e) {
                    const auto v = to[e];
                    if (dist[v] <= t) continue;
                    frontier = true;
                    // Where the band ends part-way along the edge, the point it reaches there.
                    if (du + w[e] <= t || w[e] <= 0) continue;
                    const double k = (t - du) / w[e];
                    px.push_back(pos.lon[u] + k * (pos.lon[v] - pos.lon[u]));
                    py.push_back(pos.lat[u] + k * (pos.lat[v] - pos.lat[u]));
                }
                if (frontier) {
                    px.push_back(pos.lon[u]);
                    py.push_back(pos.lat[u]);
                }
            }
            if (px.size() < 3) continue;
            auto mp = geos::multipoint(ctx, px, py);
            // Ratio 0.3 of GEOS's edge-length range: follows the network's outline without
            // breaking into fragments between its roads.
            auto hull = geos::own(ctx, GEOSConcaveHull_r(ctx.get(), mp.get(), 0.3, 0));
            if (geos::append(ctx, hull.get(), out)) {
                out.columns[0].integers.push_back(static_cast<std::int64_t>(s));
                out.columns[0].null.push_back(0);
                out.columns[1].reals.push_back(band);
                out.columns[1].null.push_back(0);
            }
        }
    }
}

}  // namespace

Result<Layer> isochrones(const RoadGraph& graph, std::span<const std::uint32_t> sources,
                         std::span<const double> minutes, const Progress& progress)
{
    Layer out = isochrone_layer();
    if (minutes.empty() || graph.positions().size() != graph.node_count()) return out;
    std::vector<double> bands(minutes.begin(), minutes.end());
    std::sort(bands.begin(), bands.end());

    // Sources are independent: split over the cores, each with its own distances and GEOS
    // context, and the pieces joined in source order so the result does not depend on timing.
    const std::size_t threads =
        sources.size() < 64 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    auto tick_for = [&](std::size_t worker) {
        return [&, worker] {
            const auto d = done++;
            if (worker == 0 && progress && (d & 15) == 0 &&
                !progress(static_cast<double>(d) / static_cast<double>(sources.size())))
                stop = true;
            return !stop.load(std::memory_order_relaxed);
        };
    };
    const std::size_t chunk = (sources.size() + threads - 1) / threads;
    std::vector<Layer> parts(threads, isochrone_layer());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            isochrones_range(graph, sources, bands, std::min(sources.size(), t * chunk),
                             std::min(sources.size(), (t + 1) * chunk), parts[t], tick_for(t));
        });
    isochrones_range(graph, sources, bands, 0, std::min(sources.size(), chunk), parts[0], tick_for(0));
    for (auto& th : pool) th.join();
    if (stop) return cancelled();
    for (const auto& p : parts) append_features(out, p);
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

Result<std::shared_ptr<const RoadGraph>> RoadGraphCache::get(const Layer& roads, const RoadSpeeds& speeds)
{
    const auto fp =
        layer_fingerprint(roads) ^
        std::hash<std::string>{}(speeds.class_column + '\x1f' + speeds.speed_column + '\x1f' + speeds.oneway_column);
    if (graph_ && fp == fingerprint_) return graph_;
    auto g = RoadGraph::build(roads, speeds);
    if (!g) return g.error();
    g->source_fingerprint = fp;
    graph_ = std::make_shared<const RoadGraph>(std::move(*g));
    fingerprint_ = fp;
    return graph_;
}

}  // namespace coopmap::analysis
