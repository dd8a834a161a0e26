// CGCS2000 3-degree Gauss–Krüger coordinates (the plane coordinates Chinese surveys and
// county GIS offices use), through PROJ. Input lon/lat in degrees (WGS84 taken as CGCS2000:
// they differ by millimetres, DESIGN.md).
#pragma once

#include <map>
#include <optional>

struct pj_ctx;
struct PJconsts;

namespace coopmap::crs {

struct GaussKrugerPoint {
    double x = 0;  // northing, metres (surveyors' X)
    double y = 0;  // easting, metres, with the 500 km false easting and no zone prefix
    int central_meridian = 0;  // degrees east
    int epsg = 0;  // EPSG:4534 (75°E) … EPSG:4554 (135°E)
};

// The 3-degree zone's central meridian for a longitude: the nearest multiple of 3.
int gauss_kruger_3_central_meridian(double lon);

// Keeps one PROJ context and one transform per zone; one object per thread.
class GaussKruger {
public:
    GaussKruger();
    ~GaussKruger();
    GaussKruger(const GaussKruger&) = delete;
    GaussKruger& operator=(const GaussKruger&) = delete;

    // None outside the zones EPSG defines for CGCS2000 (central meridians 75°E–135°E) or
    // where PROJ fails.
    std::optional<GaussKrugerPoint> project(double lon, double lat);

private:
    PJconsts* transform_for(int epsg);

    pj_ctx* ctx_ = nullptr;
    std::map<int, PJconsts*> transforms_;
};

}  // namespace coopmap::crs
