// Coverage as polygons: geodesic circles and rings around facilities, merged per role,
// clipped to the admin boundary, and the gaps (admin area minus coverage). GEOS C API (_r).
#pragma once

#include <span>

#include "analysis/coverage.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::analysis {

// Vertices of a geodesic circle so that its area is within 0.1 % of the true circle's: an
// inscribed n-gon has area ratio sin(2π/n)/(2π/n) ≈ 1 − (2π/n)²/6, below 1e-3 from n = 82.
inline constexpr int kCircleVertices = 128;

// A closed ring of geod_direct points `radius_m` around (lon, lat), counter-clockwise.
Points geodesic_circle(double lon, double lat, double radius_m, int vertices = kCircleVertices);

// Area in square metres of a polygon layer's feature on the ellipsoid (PROJ geod_polygonarea;
// holes subtracted).
double geodesic_area_m2(const Layer& polygons, std::size_t feature);

// One polygon per facility and radius (rings: the band between consecutive radii, so 1/3/5 km
// gives a disc and two annuli). Columns "facility" and "radius_m".
Result<Layer> service_rings(const Points& facilities, std::span<const double> radii_m, const Progress& progress = {});

// The union of the circles of radius_m around all facilities, clipped to `clip` when it is
// given (a polygon layer, e.g. county boundaries; its features are merged first). One feature.
Result<Layer> merged_coverage(const Points& facilities, double radius_m, const Layer* clip,
                              const Progress& progress = {});

// `area` minus `coverage`, feature by feature of `area` (e.g. township by township); features
// fully covered are left out. Column "area_index" names the feature of `area`.
Result<Layer> coverage_gaps(const Layer& area, const Layer& coverage, const Progress& progress = {});

}  // namespace coopmap::analysis
