#include "analysis/routing/road_search.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace coopmap::analysis::routing {

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

}  // namespace

SearchGraph::SearchGraph(const ArcRows& rows)
{
    const std::size_t n = rows.offsets.empty() ? 0 : rows.offsets.size() - 1;
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t v = 0; v < n; ++v) order[v] = v;
    if (rows.positions && rows.positions->size() == n && n > 0) {
        const auto& pos = *rows.positions;
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
    first.assign(n + 1, 0);
    arcs.reserve(rows.targets.size());
    for (std::size_t k = 0; k < n; ++k) {
        const auto v = order[k];
        for (auto e = rows.offsets[v]; e < rows.offsets[v + 1]; ++e)
            arcs.push_back({id[rows.targets[e]], rows.seconds[e], rows.metres[e]});
        first[k + 1] = static_cast<std::uint32_t>(arcs.size());
    }
    // The bucket width: the shortest arcs (a low quantile of the arc seconds, so that a few
    // very short links do not make the buckets tiny), and no narrower than the longest arc
    // over 2^16, which bounds the ring of buckets. Any width > 0 gives the exact answer; it
    // only decides how often a node is scanned again within its bucket.
    std::vector<double> positive;
    positive.reserve(rows.seconds.size());
    for (const double x : rows.seconds)
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

BucketSearch::BucketSearch(const SearchGraph& g)
    : g_(g), node_(g.size()), inverse_(1 / g.width),
      ring_(std::bit_ceil(static_cast<std::size_t>(g.longest * (1 / g.width)) + 2))
{
}

void BucketSearch::run(std::span<const Start> starts, std::size_t targets, const std::vector<std::uint32_t>& column,
                       const std::vector<std::uint32_t>& rank, std::int64_t after)
{
    // A node's label counts only if this search wrote it: no reset between searches.
    const std::uint32_t gen = ++stamp_;
    if (seen_.size() < rank.size()) seen_.assign(rank.size(), 0);
    const std::uint32_t* const first = g_.first.data();
    const SearchGraph::Arc* const arcs = g_.arcs.data();
    Node* const node = node_.data();
    // The ring spans the longest arc; starts far apart in cost need it wider still.
    std::uint32_t lowest = kNone, highest = 0;
    for (const auto& s : starts) {
        const auto b = static_cast<std::uint32_t>(s.c.s * inverse_);
        lowest = std::min(lowest, b);
        highest = std::max(highest, b);
    }
    if (!starts.empty() && highest - lowest + 2 > ring_.size() / 2)
        ring_.resize(std::bit_ceil(static_cast<std::size_t>(ring_.size() + highest - lowest + 2)));
    const std::size_t mask = ring_.size() - 1;  // a power of two: no division per arc
    std::size_t queued = 0, reached = 0;
    for (const auto& s : starts) {
        Node& y = node[s.node];
        if (y.gen == gen && !(s.c < y.c)) continue;
        const auto b = static_cast<std::uint32_t>(s.c.s * inverse_);
        y = {s.c, b, gen};
        ring_[b & mask].push_back(s.node);
        ++queued;
    }
    for (std::uint32_t k = lowest; queued > 0; ++k) {
        auto& bucket = ring_[k & mask];
        while (!bucket.empty()) {
            current_.swap(bucket);
            const std::size_t count = current_.size();
            for (std::size_t i = 0; i < count; ++i) {
                // The searches wait on memory: the bucket says which nodes come next, so each
                // node's arcs are fetched 16 ahead and the heads of those arcs 8 ahead.
                if (i + 16 < count) {
                    const auto* a = arcs + first[current_[i + 16]];
                    __builtin_prefetch(a);
                    __builtin_prefetch(reinterpret_cast<const char*>(a) + 64);
                }
                if (i + 8 < count) {
                    const auto w = current_[i + 8];
                    __builtin_prefetch(node + w);
                    for (auto e = first[w]; e < first[w + 1]; ++e) __builtin_prefetch(node + arcs[e].to);
                }
                const auto v = current_[i];
                --queued;
                if (node[v].where != k) continue;  // moved to an earlier bucket, or scanned
                node[v].where = kNone;
                ++scanned_;
                const auto c = column[v];
                if (c != kNone && seen_[c] != stamp_ && static_cast<std::int64_t>(rank[c]) > after) {
                    seen_[c] = stamp_;
                    ++reached;
                }
                const Cost d = node[v].c;
                for (auto e = first[v], end = first[v + 1]; e < end; ++e) {
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

}  // namespace coopmap::analysis::routing
