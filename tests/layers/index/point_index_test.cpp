#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "index/point_index.h"

namespace coopmap::index {
namespace {

TEST(PointIndex, BoxQueryFindsExactlyThePointsABruteForceScanFinds)
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(110.5, 113.5), lat(31.0, 33.0);
    std::vector<double> x(5000), y(5000);
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = lon(rng), y[i] = lat(rng);
    const PointIndex index(x, y);
    ASSERT_EQ(index.size(), 5000u);

    std::vector<std::uint32_t> found;
    index.query_box(111.0, 31.5, 111.4, 31.9, found);
    std::sort(found.begin(), found.end());
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < x.size(); ++i)
        if (x[i] >= 111.0 && x[i] <= 111.4 && y[i] >= 31.5 && y[i] <= 31.9) expected.push_back(i);
    EXPECT_EQ(found, expected);
    EXPECT_GT(expected.size(), 100u);
}

TEST(PointIndex, NonFiniteCoordinatesAreLeftOut)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> x{112.0, nan, 112.1}, y{32.0, 32.0, std::numeric_limits<double>::infinity()};
    const PointIndex index(x, y);
    EXPECT_EQ(index.size(), 1u);
    std::vector<std::uint32_t> nearest;
    index.nearest(0, 0, 3, nearest);
    EXPECT_EQ(nearest, std::vector<std::uint32_t>{0});
}

}  // namespace
}  // namespace coopmap::index
