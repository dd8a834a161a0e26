// What a click on the map picks, and where a polygon's name goes: geometry over a Layer's
// features, lon/lat in degrees, with the layer's own R-tree for the candidates.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/layer.h"

namespace coopmap::index {

// A click at (lon, lat) with a tolerance of `tolerance` degrees of longitude (the span of a
// few pixels on screen). Distances are measured in a local frame scaled like Web Mercator
// at the click (latitude differences divided by cos(lat)), so the tolerance is a circle on
// screen, not an ellipse.
struct Click {
    double lon = 0;
    double lat = 0;
    double tolerance = 0;
};

// The feature the click picks in this layer, if any:
// points: the nearest point within the tolerance;
// lines: the feature with the nearest segment within the tolerance (anywhere along it,
//        not only at its vertices);
// polygons: the feature containing the click (even-odd over its rings, so holes are out);
//        when polygons overlap, the one drawn last (highest index) wins, as on screen.
std::optional<std::uint32_t> pick_feature(const Layer& layer, const Click& click);

// The polygon feature containing (lon, lat), the last one if several do; none outside all.
std::optional<std::uint32_t> polygon_containing(const Layer& layer, double lon, double lat);

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// A point inside each polygon feature for its label (lon/lat): the centroid of its largest
// shell where that lies inside it, else a point on its surface (GEOS PointOnSurface), so a
// crescent-shaped township still gets its name inside itself.
std::vector<LonLat> polygon_label_points(const Layer& layer);

}  // namespace coopmap::index
