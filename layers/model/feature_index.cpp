#include "model/feature_index.h"

#include <cmath>

#include <boost/geometry.hpp>

#include "model/layer.h"

namespace coopmap {

namespace bgi = boost::geometry::index;

FeatureIndex::FeatureIndex(const Layer& layer)
{
    std::vector<Value> values;
    values.reserve(layer.size());
    for (std::size_t f = 0; f < layer.size(); ++f) {
        const Bounds b = layer.feature_bounds(f);
        if (b.empty() || !std::isfinite(b.min_x) || !std::isfinite(b.max_x) || !std::isfinite(b.min_y) ||
            !std::isfinite(b.max_y))
            continue;
        values.emplace_back(Box(Point(b.min_x, b.min_y), Point(b.max_x, b.max_y)), static_cast<std::uint32_t>(f));
    }
    // The range constructor packs the tree (STR-like bulk loading): faster to build and query.
    tree_ = decltype(tree_)(values.begin(), values.end());
}

void FeatureIndex::query(const Bounds& b, std::vector<std::uint32_t>& out) const
{
    const Box box(Point(b.min_x, b.min_y), Point(b.max_x, b.max_y));
    for (auto it = tree_.qbegin(bgi::intersects(box)); it != tree_.qend(); ++it) out.push_back(it->second);
}

}  // namespace coopmap
