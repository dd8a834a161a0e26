// Distances on the WGS84 ellipsoid through PROJ's geodesic routines (Karney's algorithms);
// CGCS2000 differs from WGS84 by millimetres, so one ellipsoid serves both.
#pragma once

namespace coopmap::analysis {

// Metres between two lon/lat points (degrees), exact to PROJ's geod_inverse.
double geodesic_distance_m(double lon1, double lat1, double lon2, double lat2);

struct Destination {
    double lon = 0;
    double lat = 0;
};
// The point `distance_m` from (lon, lat) along `azimuth_deg` (clockwise from north).
Destination geodesic_destination(double lon, double lat, double azimuth_deg, double distance_m);

// Degrees of latitude and longitude that certainly contain every point within
// `radius_m` of a point at latitude `lat`: a search box for the spatial index.
struct DegreeBox {
    double dlon = 0;
    double dlat = 0;
};
DegreeBox degree_box(double lat, double radius_m);

}  // namespace coopmap::analysis
