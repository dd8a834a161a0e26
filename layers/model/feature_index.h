// The spatial index a layer keeps: Boost.Geometry's R-tree over each feature's bounding box
// (a point's box is the point), packed once when the layer is read.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace coopmap {

class Layer;
struct Bounds;

class FeatureIndex {
public:
    FeatureIndex() = default;
    // Indexes every feature of the layer whose coordinates are finite.
    explicit FeatureIndex(const Layer& layer);

    std::size_t size() const { return tree_.size(); }
    // Features whose bounding box meets the box (edges included), in no particular order.
    void query(const Bounds& box, std::vector<std::uint32_t>& out) const;

private:
    using Point = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
    using Box = boost::geometry::model::box<Point>;
    using Value = std::pair<Box, std::uint32_t>;
    boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> tree_;
};

}  // namespace coopmap
