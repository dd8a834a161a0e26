#include <gtest/gtest.h>

#include "analysis/geodesic.h"

namespace coopmap::analysis {
namespace {

TEST(Geodesic, OneDegreeOfLongitudeOnTheEquatorIsTheWgs84Figure)
{
    // a * pi / 180 with a = 6378137 m: 111,319.4908 m.
    EXPECT_NEAR(geodesic_distance_m(0, 0, 1, 0), 111319.4908, 1e-3);
}

TEST(Geodesic, DestinationAndDistanceAgreeToAMillimetre)
{
    const auto d = geodesic_destination(112.14, 32.04, 37.0, 5000.0);
    EXPECT_NEAR(geodesic_distance_m(112.14, 32.04, d.lon, d.lat), 5000.0, 1e-3);
}

TEST(Geodesic, DegreeBoxContainsTheCircleInEveryDirection)
{
    for (double lat : {0.0, 32.0, 53.5}) {
        const auto box = degree_box(lat, 10000.0);
        for (double az = 0; az < 360; az += 5) {
            const auto d = geodesic_destination(112.0, lat, az, 10000.0);
            EXPECT_LE(std::abs(d.lon - 112.0), box.dlon) << lat << " " << az;
            EXPECT_LE(std::abs(d.lat - lat), box.dlat) << lat << " " << az;
        }
    }
}

}  // namespace
}  // namespace coopmap::analysis
