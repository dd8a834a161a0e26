#include "index/point_index.h"

#include <cmath>

// Strategies (distance for nearest queries) come with the full header.
#include <boost/geometry.hpp>

namespace coopmap::index {

namespace bgi = boost::geometry::index;

PointIndex::PointIndex(std::span<const double> x, std::span<const double> y)
{
    std::vector<Value> values;
    values.reserve(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
            values.emplace_back(Point(x[i], y[i]), static_cast<std::uint32_t>(i));
    // The range constructor packs the tree (STR-like bulk loading): faster to build and query.
    tree_ = decltype(tree_)(values.begin(), values.end());
}

void PointIndex::query_box(double min_x, double min_y, double max_x, double max_y,
                           std::vector<std::uint32_t>& out) const
{
    const boost::geometry::model::box<Point> box(Point(min_x, min_y), Point(max_x, max_y));
    for (auto it = tree_.qbegin(bgi::intersects(box)); it != tree_.qend(); ++it) out.push_back(it->second);
}

void PointIndex::nearest(double x, double y, std::size_t k, std::vector<std::uint32_t>& out) const
{
    for (auto it = tree_.qbegin(bgi::nearest(Point(x, y), static_cast<unsigned>(k))); it != tree_.qend(); ++it)
        out.push_back(it->second);
}

}  // namespace coopmap::index
