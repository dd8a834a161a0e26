// GCJ-02 (Amap, Tencent) and BD-09 (Baidu) offsets, which PROJ does not provide
// (OSGeo/PROJ issue #982). Coordinates are lon, lat in degrees.
#pragma once

namespace coopmap::crs {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// Outside this box the offsets are not applied and coordinates pass unchanged.
bool outside_china(LonLat p);

LonLat gcj02_from_wgs84(LonLat wgs);
// Iterative inverse of gcj02_from_wgs84, to far below 0.5 m.
LonLat wgs84_from_gcj02(LonLat gcj);

LonLat bd09_from_gcj02(LonLat gcj);
// Iterative inverse of bd09_from_gcj02.
LonLat gcj02_from_bd09(LonLat bd);

LonLat bd09_from_wgs84(LonLat wgs);
LonLat wgs84_from_bd09(LonLat bd);

}  // namespace coopmap::crs
