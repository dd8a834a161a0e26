// Web Mercator tiles (the scheme of OSM, Tianditu *_w, Qt Location) and the file names
// Qt Location's osm plugin reads from `osm.mapping.offline.directory`.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace coopmap::basemap {

inline constexpr int kTileSize = 256;

// Qt Location 6.8's osm plugin has seven built-in map types (ids 1–7); the one made from
// `osm.mapping.custom.host` is id 8, and its tiles are looked up in the offline directory as
// "osm_100-l-8-<z>-<x>-<y>.<ext>" (QGeoFileTileCacheOsm::tileSpecToFilename: plugin name +
// "_" + version 100, "l" for low-dpi tiles). Checked by loading such a file into a Map.
inline constexpr int kCustomMapId = 8;

inline std::string offline_tile_name(int z, int x, int y, const std::string& ext = "png")
{
    return "osm_100-l-" + std::to_string(kCustomMapId) + "-" + std::to_string(z) + "-" + std::to_string(x) + "-" +
           std::to_string(y) + "." + ext;
}

// Position in "world pixels" at zoom z (0 .. 256·2^z), from the slippy-map formulas of
// https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames (spherical Web Mercator, EPSG:3857).
inline double world_x(double lon, int z) { return (lon + 180.0) / 360.0 * kTileSize * std::ldexp(1.0, z); }

inline double world_y(double lat, int z)
{
    const double clamped = std::clamp(lat, -85.05112878, 85.05112878);
    const double r = clamped * std::numbers::pi / 180.0;
    return (1.0 - std::asinh(std::tan(r)) / std::numbers::pi) / 2.0 * kTileSize * std::ldexp(1.0, z);
}

// TMS numbers rows from the south, XYZ from the north.
inline int flip_y(int y, int z) { return (1 << z) - 1 - y; }

}  // namespace coopmap::basemap
