#include "model/feature_index.h"

#include <algorithm>
#include <cmath>

#include <boost/geometry.hpp>

namespace coopmap {

namespace {

bool meets(const Bounds& a, const Bounds& b)
{
    return a.min_x <= b.max_x && a.max_x >= b.min_x && a.min_y <= b.max_y && a.max_y >= b.min_y;
}

bool finite(const Bounds& b)
{
    return !b.empty() && std::isfinite(b.min_x) && std::isfinite(b.max_x) && std::isfinite(b.min_y) &&
           std::isfinite(b.max_y);
}

// True if feature f is coordinate f (one part, one ring, one coordinate each): then a
// feature's box is its point, read from the layer's x/y.
bool single_points(const Layer& layer)
{
    const std::size_t n = layer.size();
    if (layer.kind != GeometryKind::point || layer.x.size() != n || layer.ring_start.size() != n + 1 ||
        layer.coord_start.size() != n + 1)
        return false;
    for (std::size_t f = 0; f <= n; ++f)
        if (layer.part_start[f] != f || layer.ring_start[f] != f || layer.coord_start[f] != f) return false;
    return true;
}

// Sort-Tile-Recursive order (Leutenegger et al. 1997): by centre x into vertical slices of
// about sqrt(n / fanout) buckets each, then by centre y within a slice; consecutive runs of
// `fanout` are then neighbours.
template <class Centre> void str_order(std::vector<std::uint32_t>& ids, std::size_t fanout, Centre centre)
{
    const std::size_t n = ids.size();
    if (n <= fanout) return;
    const auto leaves = (n + fanout - 1) / fanout;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(leaves))));
    const std::size_t per_slice = ((leaves + slices - 1) / slices) * fanout;
    std::sort(ids.begin(), ids.end(),
              [&](std::uint32_t a, std::uint32_t b) { return centre(a).first < centre(b).first; });
    for (std::size_t s = 0; s < n; s += per_slice) {
        const auto end = ids.begin() + static_cast<std::ptrdiff_t>(std::min(n, s + per_slice));
        std::sort(ids.begin() + static_cast<std::ptrdiff_t>(s), end,
                  [&](std::uint32_t a, std::uint32_t b) { return centre(a).second < centre(b).second; });
    }
}

}  // namespace

FeatureIndex::FeatureIndex(const Layer& layer)
{
    const bool points = single_points(layer);
    std::vector<Bounds> boxes;  // by feature, for features that are not single points
    if (points) {
        for (std::size_t f = 0; f < layer.size(); ++f)
            if (std::isfinite(layer.x[f]) && std::isfinite(layer.y[f])) ids_.push_back(static_cast<std::uint32_t>(f));
        str_order(ids_, kBucket, [&](std::uint32_t f) { return std::pair(layer.x[f], layer.y[f]); });
    } else {
        boxes.resize(layer.size());
        for (std::size_t f = 0; f < layer.size(); ++f) {
            boxes[f] = layer.feature_bounds(f);
            if (finite(boxes[f])) ids_.push_back(static_cast<std::uint32_t>(f));
        }
        str_order(ids_, kBucket, [&](std::uint32_t f) {
            return std::pair(boxes[f].min_x + boxes[f].max_x, boxes[f].min_y + boxes[f].max_y);
        });
        item_boxes_.reserve(ids_.size());
        for (std::uint32_t f : ids_) item_boxes_.push_back(boxes[f]);
    }
    ids_.shrink_to_fit();

    std::vector<Value> values;
    values.reserve((ids_.size() + kBucket - 1) / kBucket);
    for (std::size_t i = 0; i < ids_.size(); i += kBucket) {
        Bounds b;
        for (std::size_t k = i; k < std::min(ids_.size(), i + kBucket); ++k) {
            if (points) b.extend(layer.x[ids_[k]], layer.y[ids_[k]]);
            else b.extend(item_boxes_[k]);
        }
        values.emplace_back(Box(Point(b.min_x, b.min_y), Point(b.max_x, b.max_y)),
                            static_cast<std::uint32_t>(i / kBucket));
    }
    // The range constructor packs the tree (STR-like bulk loading): faster to build and query.
    buckets_ = decltype(buckets_)(values.begin(), values.end());
}

void FeatureIndex::query(const Layer& layer, const Bounds& b, std::vector<std::uint32_t>& out) const
{
    const bool points = item_boxes_.empty();
    const Box box(Point(b.min_x, b.min_y), Point(b.max_x, b.max_y));
    for (auto it = buckets_.qbegin(boost::geometry::index::intersects(box)); it != buckets_.qend(); ++it) {
        const std::size_t first = std::size_t{it->second} * kBucket;
        for (std::size_t c = first; c < std::min(ids_.size(), first + kBucket); ++c) {
            const std::uint32_t f = ids_[c];
            if (points ? f < layer.x.size() && b.contains(layer.x[f], layer.y[f]) : meets(item_boxes_[c], b))
                out.push_back(f);
        }
    }
}

}  // namespace coopmap
