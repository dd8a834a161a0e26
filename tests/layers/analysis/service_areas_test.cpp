#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "analysis/geodesic.h"
#include "analysis/service_areas.h"
#include "analysis/trusteeship.h"

namespace coopmap::analysis {
namespace {

Layer one_polygon(const Points& ring)
{
    Layer l;
    l.kind = GeometryKind::polygon;
    for (std::size_t i = 0; i < ring.size(); ++i) l.add_coordinate(ring.lon[i], ring.lat[i]);
    l.end_ring();
    l.end_part();
    l.end_feature();
    return l;
}

// A geodesic circle of 5 km has area π r² to 1e-6 (the ellipsoid's curvature correction is
// r²/(3R²) ~ 2e-7), so the polygon's area must be within 0.1 % of π r².
TEST(ServiceAreas, CircleAreaIsWithinATenthOfAPercent)
{
    for (double r : {1000.0, 5000.0, 30000.0}) {
        const auto ring = geodesic_circle(112.14, 32.04, r);
        EXPECT_EQ(ring.size(), static_cast<std::size_t>(kCircleVertices + 1));
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            ASSERT_NEAR(geodesic_distance_m(112.14, 32.04, ring.lon[i], ring.lat[i]), r, 1e-3);
        const double area = geodesic_area_m2(one_polygon(ring), 0);
        const double exact = std::numbers::pi * r * r;
        EXPECT_LT(std::abs(area - exact) / exact, 1e-3) << r;
        EXPECT_GT(area, exact * (1 - 1e-3)) << r;
    }
}

TEST(ServiceAreas, RingsAreDiscThenAnnuli)
{
    Points f;
    f.add(112.14, 32.04);
    const double radii[] = {3000, 1000, 5000};
    const auto rings = service_rings(f, radii);
    ASSERT_TRUE(rings.ok());
    ASSERT_EQ(rings->size(), 3u);
    EXPECT_EQ(rings->column("radius_m")->reals, (std::vector<double>{1000, 3000, 5000}));
    const double pi = std::numbers::pi;
    EXPECT_NEAR(geodesic_area_m2(*rings, 0), pi * 1e6, pi * 1e6 * 1e-3);
    EXPECT_NEAR(geodesic_area_m2(*rings, 1), pi * (9e6 - 1e6), pi * 8e6 * 1e-3);
    EXPECT_NEAR(geodesic_area_m2(*rings, 2), pi * (25e6 - 9e6), pi * 16e6 * 1e-3);
}

// Two 5 km discs 6 km apart overlap in a lens of area 2r²acos(d/2r) − (d/2)√(4r²−d²).
TEST(ServiceAreas, MergedCoverageIsTheUnionAndGapsAreTheRest)
{
    Points f;
    f.add(112.14, 32.04);
    const auto b = geodesic_destination(112.14, 32.04, 90, 6000);
    f.add(b.lon, b.lat);
    const double r = 5000, d = 6000;
    const double lens = 2 * r * r * std::acos(d / (2 * r)) - d / 2 * std::sqrt(4 * r * r - d * d);
    const double expected = 2 * std::numbers::pi * r * r - lens;
    const auto merged = merged_coverage(f, r, nullptr);
    ASSERT_TRUE(merged.ok());
    ASSERT_EQ(merged->size(), 1u);
    const double area = geodesic_area_m2(*merged, 0);
    EXPECT_NEAR(area, expected, expected * 2e-3);

    // A 20 km square around both: the gap is the square minus the union.
    Points sq;
    const auto sw = geodesic_destination(112.14 - 0.1, 32.04 - 0.09, 0, 0);
    for (auto [x, y] : {std::pair{sw.lon, sw.lat},
                        {sw.lon + 0.3, sw.lat},
                        {sw.lon + 0.3, sw.lat + 0.18},
                        {sw.lon, sw.lat + 0.18},
                        {sw.lon, sw.lat}})
        sq.add(x, y);
    const auto square = one_polygon(sq);
    const auto gaps = coverage_gaps(square, *merged);
    ASSERT_TRUE(gaps.ok());
    ASSERT_EQ(gaps->size(), 1u);
    EXPECT_NEAR(geodesic_area_m2(*gaps, 0), geodesic_area_m2(square, 0) - area, 1e-6 * area + 1.0);

    // Clipped to the square, the coverage is unchanged (it lies inside).
    const auto clipped = merged_coverage(f, r, &square);
    ASSERT_TRUE(clipped.ok());
    EXPECT_NEAR(geodesic_area_m2(*clipped, 0), area, 1e-6 * area);
}

// 1 km² is 1500 亩 exactly (1 公顷 = 15 亩).
TEST(Trusteeship, SquareKilometreIsFifteenHundredMu) { EXPECT_DOUBLE_EQ(1e6 / kSquareMetresPerMu, 1500.0); }

}  // namespace
}  // namespace coopmap::analysis
