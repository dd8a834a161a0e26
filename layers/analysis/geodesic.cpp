#include "analysis/geodesic.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <geodesic.h>

namespace coopmap::analysis {

namespace {
// WGS84: a = 6378137 m, f = 1/298.257223563 (NIMA TR8350.2).
const geod_geodesic& wgs84()
{
    static const geod_geodesic g = [] {
        geod_geodesic x{};
        geod_init(&x, 6378137.0, 1 / 298.257223563);
        return x;
    }();
    return g;
}
}  // namespace

double geodesic_distance_m(double lon1, double lat1, double lon2, double lat2)
{
    double s12 = 0;
    geod_inverse(&wgs84(), lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
    return s12;
}

Destination geodesic_destination(double lon, double lat, double azimuth_deg, double distance_m)
{
    Destination d;
    geod_direct(&wgs84(), lat, lon, azimuth_deg, distance_m, &d.lat, &d.lon, nullptr);
    return d;
}

DegreeBox degree_box(double lat, double radius_m)
{
    // A degree of latitude is at least 110,574 m on WGS84 (at the equator); a degree of
    // longitude is at least that times cos(lat) at the box's most poleward edge. 1 % margin.
    constexpr double kMinMetresPerDegree = 110574.0;
    const double dlat = radius_m / kMinMetresPerDegree * 1.01;
    const double edge = std::min(89.9, std::abs(lat) + dlat);
    const double dlon = std::min(180.0, dlat / std::cos(edge * std::numbers::pi / 180.0));
    return {dlon, dlat};
}

}  // namespace coopmap::analysis
