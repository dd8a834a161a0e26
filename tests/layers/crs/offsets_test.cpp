// GCJ-02 and BD-09 against the published formulas, written out again here independently.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/geodesic.h"
#include "crs/chinese_offsets.h"

namespace coopmap::crs {
namespace {

// The published GCJ-02 forward transform (the "eviltransform" form of the national
// algorithm): Krasovsky a = 6378245.0, ee = 0.00669342162296594323.
constexpr double kPi = 3.1415926535897932384626;
double transform_lat(double x, double y)
{
    double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    ret += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return ret;
}
double transform_lon(double x, double y)
{
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    ret += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return ret;
}
LonLat published_gcj02(double lon, double lat)
{
    const double a = 6378245.0, ee = 0.00669342162296594323;
    double dlat = transform_lat(lon - 105.0, lat - 35.0);
    double dlon = transform_lon(lon - 105.0, lat - 35.0);
    const double radlat = lat / 180.0 * kPi;
    double magic = std::sin(radlat);
    magic = 1 - ee * magic * magic;
    const double sqrtmagic = std::sqrt(magic);
    dlat = (dlat * 180.0) / ((a * (1 - ee)) / (magic * sqrtmagic) * kPi);
    dlon = (dlon * 180.0) / (a / sqrtmagic * std::cos(radlat) * kPi);
    return {lon + dlon, lat + dlat};
}
// Baidu's published GCJ-02 -> BD-09 step, x_pi = pi * 3000 / 180.
LonLat published_bd09(LonLat g)
{
    const double x_pi = kPi * 3000.0 / 180.0;
    const double z = std::sqrt(g.lon * g.lon + g.lat * g.lat) + 0.00002 * std::sin(g.lat * x_pi);
    const double theta = std::atan2(g.lat, g.lon) + 0.000003 * std::cos(g.lon * x_pi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

// Xiangyang, Beijing (Tiananmen), Urumqi, Haikou, Harbin.
const LonLat kPlaces[] = {
    {112.1225, 32.0090}, {116.3975, 39.9087}, {87.6168, 43.8256}, {110.3312, 20.0311}, {126.6424, 45.7567}};

TEST(Gcj02, ForwardEqualsThePublishedFormula)
{
    for (const auto p : kPlaces) {
        const LonLat expected = published_gcj02(p.lon, p.lat);
        const LonLat got = gcj02_from_wgs84(p);
        EXPECT_NEAR(got.lon, expected.lon, 1e-9);
        EXPECT_NEAR(got.lat, expected.lat, 1e-9);
        // The offset is a few hundred metres, never zero, in China.
        const double shift = analysis::geodesic_distance_m(p.lon, p.lat, got.lon, got.lat);
        EXPECT_GT(shift, 50.0);
        EXPECT_LT(shift, 1000.0);
    }
}

TEST(Gcj02, InverseIsWithinHalfAMetre)
{
    for (const auto p : kPlaces) {
        const LonLat back = wgs84_from_gcj02(published_gcj02(p.lon, p.lat));
        EXPECT_LE(analysis::geodesic_distance_m(p.lon, p.lat, back.lon, back.lat), 0.5);
        EXPECT_NEAR(back.lon, p.lon, 1e-7);
        EXPECT_NEAR(back.lat, p.lat, 1e-7);
    }
}

TEST(Bd09, ForwardAndInverseMatchThePublishedFormula)
{
    for (const auto p : kPlaces) {
        const LonLat expected = published_bd09(published_gcj02(p.lon, p.lat));
        const LonLat got = bd09_from_wgs84(p);
        EXPECT_NEAR(got.lon, expected.lon, 1e-9);
        EXPECT_NEAR(got.lat, expected.lat, 1e-9);
        const LonLat back = wgs84_from_bd09(expected);
        EXPECT_LE(analysis::geodesic_distance_m(p.lon, p.lat, back.lon, back.lat), 0.5);
    }
}

TEST(Gcj02, PointsOutsideChinaAreUntouched)
{
    for (const LonLat p : {LonLat{2.3522, 48.8566}, LonLat{-74.006, 40.7128}, LonLat{139.9, 35.7}}) {
        EXPECT_EQ(gcj02_from_wgs84(p).lon, p.lon);
        EXPECT_EQ(wgs84_from_gcj02(p).lat, p.lat);
        EXPECT_EQ(wgs84_from_bd09(p).lon, p.lon);
    }
}

}  // namespace
}  // namespace coopmap::crs
