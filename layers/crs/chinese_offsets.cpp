#include "crs/chinese_offsets.h"

#include <cmath>
#include <numbers>

namespace coopmap::crs {

namespace {

using std::numbers::pi;

// The GCJ-02 obfuscation as published in the open-source reimplementations of the
// national surveying bureau's algorithm (e.g. googollee/eviltransform): Krasovsky 1940
// ellipsoid semi-major axis and eccentricity squared, and the two trigonometric series.
constexpr double kA = 6378245.0;
constexpr double kEE = 0.00669342162296594323;

double series_lat(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    return r;
}

double series_lon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    return r;
}

// Baidu's constant: x_pi = pi * 3000 / 180.
constexpr double kXPi = pi * 3000.0 / 180.0;

// Solves forward(out) == target by fixed-point iteration; the offsets are small and
// smooth, so each step shrinks the error by about three orders of magnitude.
template <typename Forward> LonLat invert(LonLat target, Forward forward)
{
    LonLat guess = target;
    for (int i = 0; i < 30; ++i) {
        const LonLat f = forward(guess);
        const double dlon = f.lon - target.lon;
        const double dlat = f.lat - target.lat;
        guess.lon -= dlon;
        guess.lat -= dlat;
        if (std::fabs(dlon) < 1e-12 && std::fabs(dlat) < 1e-12) break;
    }
    return guess;
}

}  // namespace

bool outside_china(LonLat p) { return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271; }

LonLat gcj02_from_wgs84(LonLat wgs)
{
    if (outside_china(wgs)) return wgs;
    const double x = wgs.lon - 105.0;
    const double y = wgs.lat - 35.0;
    const double rad_lat = wgs.lat / 180.0 * pi;
    const double s = std::sin(rad_lat);
    const double magic = 1.0 - kEE * s * s;
    const double sqrt_magic = std::sqrt(magic);
    const double dlat = series_lat(x, y) * 180.0 / ((kA * (1.0 - kEE)) / (magic * sqrt_magic) * pi);
    const double dlon = series_lon(x, y) * 180.0 / (kA / sqrt_magic * std::cos(rad_lat) * pi);
    return {wgs.lon + dlon, wgs.lat + dlat};
}

LonLat wgs84_from_gcj02(LonLat gcj)
{
    if (outside_china(gcj)) return gcj;
    return invert(gcj, gcj02_from_wgs84);
}

LonLat bd09_from_gcj02(LonLat gcj)
{
    const double z = std::hypot(gcj.lon, gcj.lat) + 0.00002 * std::sin(gcj.lat * kXPi);
    const double theta = std::atan2(gcj.lat, gcj.lon) + 0.000003 * std::cos(gcj.lon * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

LonLat gcj02_from_bd09(LonLat bd) { return invert(bd, bd09_from_gcj02); }

LonLat bd09_from_wgs84(LonLat wgs)
{
    if (outside_china(wgs)) return wgs;
    return bd09_from_gcj02(gcj02_from_wgs84(wgs));
}

LonLat wgs84_from_bd09(LonLat bd)
{
    if (outside_china(bd)) return bd;
    return wgs84_from_gcj02(gcj02_from_bd09(bd));
}

}  // namespace coopmap::crs
