// CGCS2000 3-degree Gauss–Krüger through PROJ, checked against the geodesic (meridian arc)
// and the zone rules, independently of the projection code.
#include <gtest/gtest.h>

#include "analysis/geodesic.h"
#include "crs/gauss_kruger.h"

namespace coopmap::crs {
namespace {

TEST(GaussKruger, OnTheCentralMeridianNorthingIsTheMeridianArcAndEastingIs500km)
{
    GaussKruger gk;
    const auto p = gk.project(111.0, 32.0);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->central_meridian, 111);
    EXPECT_EQ(p->epsg, 4546);  // EPSG:4546 = CGCS2000 / 3-degree Gauss-Kruger CM 111E
    EXPECT_NEAR(p->y, 500000.0, 1e-3);
    // Scale 1 on the central meridian: X is the ellipsoid's arc from the equator (geod_*).
    EXPECT_NEAR(p->x, analysis::geodesic_distance_m(111.0, 0.0, 111.0, 32.0), 0.01);
}

TEST(GaussKruger, ZonesAreThreeDegreesWideAndPointsAreSymmetricAboutTheirMeridian)
{
    EXPECT_EQ(gauss_kruger_3_central_meridian(112.49), 111);
    EXPECT_EQ(gauss_kruger_3_central_meridian(112.51), 114);
    GaussKruger gk;
    const auto east = gk.project(112.2, 32.1), west = gk.project(109.8, 32.1);
    ASSERT_TRUE(east && west);
    EXPECT_EQ(east->central_meridian, 111);
    EXPECT_NEAR(east->y - 500000.0, 500000.0 - west->y, 1e-3);
    EXPECT_NEAR(east->x, west->x, 1e-3);
    // 1.2 degrees of longitude at 32.1°N is a little over 113 km east (the projection
    // stretches away from the meridian, so slightly more than the parallel's arc).
    const double arc = analysis::geodesic_distance_m(111.0, 32.1, 112.2, 32.1);
    EXPECT_GT(east->y - 500000.0, arc * 0.999);
    EXPECT_LT(east->y - 500000.0, arc * 1.002);
    const auto next = gk.project(112.6, 32.1);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->central_meridian, 114);
    EXPECT_EQ(next->epsg, 4547);
    EXPECT_LT(next->y, 500000.0);
}

TEST(GaussKruger, OutsideChinasZonesThereIsNoCoordinate)
{
    GaussKruger gk;
    EXPECT_FALSE(gk.project(10.0, 50.0));
    EXPECT_FALSE(gk.project(-100.0, 40.0));
    EXPECT_FALSE(gk.project(111.0, 95.0));
}

}  // namespace
}  // namespace coopmap::crs
