// A spatial index over points (lon, lat in degrees): Boost.Geometry's R-tree, built once
// by packing and kept with the data it indexes.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace coopmap::index {

class PointIndex {
public:
    PointIndex() = default;
    // Indexes points i = 0..n-1 at (x[i], y[i]); non-finite coordinates are left out.
    PointIndex(std::span<const double> x, std::span<const double> y);

    std::size_t size() const { return tree_.size(); }

    // Indices of the points inside the box (edges included), in no particular order.
    void query_box(double min_x, double min_y, double max_x, double max_y, std::vector<std::uint32_t>& out) const;
    // Indices of the k points nearest (in degrees, planar) to (x, y); a candidate list for
    // an exact geodesic check, not itself a geodesic answer.
    void nearest(double x, double y, std::size_t k, std::vector<std::uint32_t>& out) const;

private:
    using Point = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
    using Value = std::pair<Point, std::uint32_t>;
    boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> tree_;
};

}  // namespace coopmap::index
