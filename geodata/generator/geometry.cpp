#include "geometry.h"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <stdexcept>

#include <geodesic.h>

namespace coopmap::sample {

namespace {

void record_error(const char* message, void* userdata)
{
    if (userdata) *static_cast<std::string*>(userdata) = message;
}

void ignore_notice(const char*, void*) {}

double ring_area_m2(const geod_geodesic& g, const std::vector<LonLat>& ring)
{
    std::vector<double> lats, lons;
    for (const auto& p : ring) {
        lats.push_back(p.lat);
        lons.push_back(p.lon);
    }
    // The closing vertex repeats the first; geod_polygon_area closes the ring itself.
    if (lats.size() > 1 && lats.front() == lats.back() && lons.front() == lons.back()) {
        lats.pop_back();
        lons.pop_back();
    }
    double area = 0, perimeter = 0;
    geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, &perimeter);
    return std::abs(area);
}

}  // namespace

Geos::Geos() : handle_(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(handle_, record_error, &last_error_);
    GEOSContext_setNoticeMessageHandler_r(handle_, ignore_notice, nullptr);
}

Geos::~Geos() { GEOS_finish_r(handle_); }

Geom Geos::own(GEOSGeometry* g, const char* what) const
{
    if (!g) throw std::runtime_error(std::string("GEOS ") + what + " failed: " + last_error_);
    return Geom(g, Deleter{handle_});
}

Geos::Prepared Geos::prepare(const GEOSGeometry* g) const
{
    const GEOSPreparedGeometry* p = GEOSPrepare_r(handle_, g);
    if (!p) throw std::runtime_error("GEOS prepare failed: " + last_error_);
    return Prepared(p, PreparedDeleter{handle_});
}

Geom Geos::clone(const GEOSGeometry* g) const { return own(GEOSGeom_clone_r(handle_, g), "clone"); }

Geom Geos::point(LonLat p) const { return own(GEOSGeom_createPointFromXY_r(handle_, p.lon, p.lat), "point"); }

Geom Geos::rectangle(double x0, double y0, double x1, double y1) const
{
    return own(GEOSGeom_createRectangle_r(handle_, x0, y0, x1, y1), "rectangle");
}

namespace {
GEOSCoordSequence* sequence(GEOSContextHandle_t h, const std::vector<LonLat>& points, bool close)
{
    const bool add_close = close && !points.empty() &&
                           (points.front().lon != points.back().lon || points.front().lat != points.back().lat);
    const auto n = static_cast<unsigned>(points.size() + (add_close ? 1 : 0));
    GEOSCoordSequence* s = GEOSCoordSeq_create_r(h, n, 2);
    for (unsigned i = 0; i < points.size(); ++i) GEOSCoordSeq_setXY_r(h, s, i, points[i].lon, points[i].lat);
    if (add_close) GEOSCoordSeq_setXY_r(h, s, n - 1, points.front().lon, points.front().lat);
    return s;
}
}  // namespace

Geom Geos::line(const std::vector<LonLat>& points) const
{
    return own(GEOSGeom_createLineString_r(handle_, sequence(handle_, points, false)), "line");
}

Geom Geos::polygon(const std::vector<std::vector<LonLat>>& rings) const
{
    if (rings.empty()) return own(GEOSGeom_createEmptyPolygon_r(handle_), "empty polygon");
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(handle_, sequence(handle_, rings[0], true));
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < rings.size(); ++i)
        holes.push_back(GEOSGeom_createLinearRing_r(handle_, sequence(handle_, rings[i], true)));
    return own(GEOSGeom_createPolygon_r(handle_, shell, holes.data(), static_cast<unsigned>(holes.size())), "polygon");
}

Geom Geos::collection(int type, std::vector<Geom> parts) const
{
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.release());
    return own(GEOSGeom_createCollection_r(handle_, type, raw.data(), static_cast<unsigned>(raw.size())), "collection");
}

std::vector<Geom> Geos::parts(const GEOSGeometry* collection) const
{
    std::vector<Geom> out;
    const int n = GEOSGetNumGeometries_r(handle_, collection);
    for (int i = 0; i < n; ++i) out.push_back(clone(GEOSGetGeometryN_r(handle_, collection, i)));
    return out;
}

double Geos::area(const GEOSGeometry* g) const
{
    double a = 0;
    if (!GEOSArea_r(handle_, g, &a)) throw std::runtime_error("GEOS area failed: " + last_error_);
    return a;
}

bool Geos::contains(const GEOSPreparedGeometry* g, LonLat p) const
{
    return GEOSPreparedContainsXY_r(handle_, g, p.lon, p.lat) == 1;
}

std::vector<unsigned char> Geos::wkb(const GEOSGeometry* g) const
{
    GEOSWKBWriter* writer = GEOSWKBWriter_create_r(handle_);
    GEOSWKBWriter_setByteOrder_r(handle_, writer, GEOS_WKB_NDR);
    std::size_t size = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(handle_, writer, g, &size);
    GEOSWKBWriter_destroy_r(handle_, writer);
    if (!bytes) throw std::runtime_error("GEOS WKB write failed: " + last_error_);
    std::vector<unsigned char> out(bytes, bytes + size);
    GEOSFree_r(handle_, bytes);
    return out;
}

namespace {
std::vector<LonLat> read_sequence(GEOSContextHandle_t h, const GEOSCoordSequence* s)
{
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, s, &n);
    std::vector<LonLat> out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, s, i, &out[i].lon, &out[i].lat);
    return out;
}
}  // namespace

std::vector<LonLat> Geos::vertices(const GEOSGeometry* g) const
{
    const GEOSGeometry* line = GEOSGeomTypeId_r(handle_, g) == GEOS_POLYGON ? GEOSGetExteriorRing_r(handle_, g) : g;
    return read_sequence(handle_, GEOSGeom_getCoordSeq_r(handle_, line));
}

double Geos::geodesic_area_m2(const GEOSGeometry* g) const
{
    static const geod_geodesic wgs84 = [] {
        geod_geodesic gd{};
        geod_init(&gd, 6378137.0, 1 / 298.257223563);
        return gd;
    }();
    const int type = GEOSGeomTypeId_r(handle_, g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        double sum = 0;
        for (int i = 0; i < GEOSGetNumGeometries_r(handle_, g); ++i)
            sum += geodesic_area_m2(GEOSGetGeometryN_r(handle_, g, i));
        return sum;
    }
    if (type != GEOS_POLYGON) return 0;
    double area =
        ring_area_m2(wgs84, read_sequence(handle_, GEOSGeom_getCoordSeq_r(handle_, GEOSGetExteriorRing_r(handle_, g))));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(handle_, g); ++i)
        area -= ring_area_m2(
            wgs84, read_sequence(handle_, GEOSGeom_getCoordSeq_r(handle_, GEOSGetInteriorRingN_r(handle_, g, i))));
    return area;
}

}  // namespace coopmap::sample
