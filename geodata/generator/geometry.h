// Plain geometry for the generator: a local kilometre frame and owned GEOS handles.
// Every coordinate is lon, lat in degrees (WGS84); GEOS sees x = lon, y = lat.
#pragma once

#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include <geos_c.h>

#include "crs/chinese_offsets.h"

namespace coopmap::sample {

using crs::LonLat;

struct XY {
    double x = 0;  // km east
    double y = 0;  // km north
};

inline double distance(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Equirectangular kilometres around one latitude: within the ~200 km of one city the
// error against the geodesic is below 0.5 %, enough for placing and sizing things.
// Reported areas (亩, km²) are geodesic, see geodesic_area_m2.
class LocalFrame {
public:
    LocalFrame(double lon0, double lat0)
        : lon0_(lon0), lat0_(lat0), kx_(111.320 * std::cos(lat0 * std::numbers::pi / 180)), ky_(110.574)
    {
    }
    XY km(LonLat p) const { return {(p.lon - lon0_) * kx_, (p.lat - lat0_) * ky_}; }
    LonLat lonlat(XY p) const { return {lon0_ + p.x / kx_, lat0_ + p.y / ky_}; }
    double km_per_deg_lon() const { return kx_; }
    double km_per_deg_lat() const { return ky_; }

private:
    double lon0_, lat0_, kx_, ky_;
};

// GEOS errors in the generator are bugs or broken inputs, never a user's file: they throw.
class Geos {
public:
    struct Deleter {
        GEOSContextHandle_t h = nullptr;
        void operator()(GEOSGeometry* g) const
        {
            if (g) GEOSGeom_destroy_r(h, g);
        }
    };
    struct PreparedDeleter {
        GEOSContextHandle_t h = nullptr;
        void operator()(const GEOSPreparedGeometry* g) const
        {
            if (g) GEOSPreparedGeom_destroy_r(h, g);
        }
    };
    using Geom = std::unique_ptr<GEOSGeometry, Deleter>;
    using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

    Geos();
    ~Geos();
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;

    GEOSContextHandle_t handle() const { return handle_; }

    // Takes ownership; throws with GEOS's last message when g is null.
    Geom own(GEOSGeometry* g, const char* what) const;
    Prepared prepare(const GEOSGeometry* g) const;
    Geom clone(const GEOSGeometry* g) const;

    Geom point(LonLat p) const;
    Geom rectangle(double x0, double y0, double x1, double y1) const;
    Geom line(const std::vector<LonLat>& points) const;
    // rings[0] is the shell, the rest are holes; rings need not be closed.
    Geom polygon(const std::vector<std::vector<LonLat>>& rings) const;
    // Takes ownership of the parts.
    Geom collection(int type, std::vector<Geom> parts) const;
    // Clones of a collection's members.
    std::vector<Geom> parts(const GEOSGeometry* collection) const;

    double area(const GEOSGeometry* g) const;  // planar, square degrees
    bool contains(const GEOSPreparedGeometry* g, LonLat p) const;
    std::vector<unsigned char> wkb(const GEOSGeometry* g) const;
    // Vertices of a line or of a polygon's shell.
    std::vector<LonLat> vertices(const GEOSGeometry* g) const;

    // Area on the WGS84 ellipsoid in m² (PROJ geod_polygon_area), holes subtracted.
    double geodesic_area_m2(const GEOSGeometry* g) const;

    const std::string& last_error() const { return last_error_; }

private:
    GEOSContextHandle_t handle_;
    std::string last_error_;
};

using Geom = Geos::Geom;

}  // namespace coopmap::sample
