// Between Layer polygons and GEOS geometries (C API, reentrant _r): the one place in
// layers/analysis that knows GEOS's types. app/ reaches GEOS only through the functions here
// that take and return plain values (label_point), never through geos_c itself.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <span>

#include <geos_c.h>

#include "model/layer.h"

namespace coopmap::analysis::geos {

// One GEOS context per object; use one per thread.
class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    GEOSContextHandle_t get() const { return h_; }

private:
    GEOSContextHandle_t h_;
};

struct Deleter {
    GEOSContextHandle_t h;
    void operator()(GEOSGeometry* g) const
    {
        if (g) GEOSGeom_destroy_r(h, g);
    }
};
using Geometry = std::unique_ptr<GEOSGeometry, Deleter>;

inline Geometry own(const Context& c, GEOSGeometry* g) { return Geometry(g, Deleter{c.get()}); }

// A ring of lon/lat as a GEOS polygon without holes (the ring is closed if it is not).
Geometry polygon(const Context& c, std::span<const double> x, std::span<const double> y);
// A polygon layer's feature as a (multi)polygon.
Geometry feature(const Context& c, const Layer& layer, std::size_t f);
// All features of a polygon layer merged into one geometry (unary union).
Geometry merged(const Context& c, const Layer& layer);
// A MultiPoint of the given points.
Geometry multipoint(const Context& c, std::span<const double> x, std::span<const double> y);
// Unary union of many geometries (takes ownership).
Geometry union_all(const Context& c, std::vector<Geometry> parts);

// A point inside feature `f` of a polygon layer for its name: GEOS's PointOnSurface of its
// largest part (holes included), inside even a concave shape, unlike the centroid. Computed in
// the plane `to_plane` maps lon/lat into (the map's projection; none: lon/lat), so the point is
// inside the shape as it is drawn there. nullopt when the feature has no area.
using ToPlane = std::function<std::array<double, 2>(double lon, double lat)>;
std::optional<std::array<double, 2>> label_point(const Context& c, const Layer& layer, std::size_t f,
                                                 const ToPlane& to_plane = {});

// Appends the polygons of `g` (Polygon, MultiPolygon or a collection holding them) as one
// feature of `layer`; returns false when it holds no polygon area (nothing appended).
bool append(const Context& c, const GEOSGeometry* g, Layer& layer);

}  // namespace coopmap::analysis::geos
