// The spatial index a layer keeps: Boost.Geometry's R-tree, packed once when the layer is read.
// A layer of 500,000 villages is the map's largest memory user (bench/RESULTS.md), and an
// R-tree value per point (box + id, in fixed-size nodes) cost ~44 bytes a point. So features
// are first put in small buckets of neighbours (sorted into vertical slices by x, then by y
// within a slice, as Sort-Tile-Recursive packing does: Leutenegger et al. 1997) and the R-tree
// holds one box per bucket; for a layer of single points a feature costs its 4-byte id, the
// point itself being read back from the layer's x/y when a query looks inside a bucket.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "model/layer.h"

namespace coopmap {

class FeatureIndex {
public:
    FeatureIndex() = default;
    // Indexes every feature of the layer whose coordinates are finite.
    explicit FeatureIndex(const Layer& layer);

    std::size_t size() const { return ids_.size(); }
    // Features of `layer` (the layer this was built from, or a copy of it with the same
    // geometry) whose bounding box meets the box (edges included), in no particular order.
    void query(const Layer& layer, const Bounds& box, std::vector<std::uint32_t>& out) const;

private:
    static constexpr std::size_t kBucket = 16;
    using Point = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
    using Box = boost::geometry::model::box<Point>;
    using Value = std::pair<Box, std::uint32_t>;  // a bucket's box and its number
    std::vector<std::uint32_t> ids_;  // features bucket by bucket
    std::vector<Bounds> item_boxes_;  // their boxes, same order; empty for single points
    boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> buckets_;
};

}  // namespace coopmap
