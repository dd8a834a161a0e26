#include "analysis/geos_bridge.h"

#include <vector>

namespace coopmap::analysis::geos {

Context::Context() : h_(GEOS_init_r()) {}
Context::~Context() { GEOS_finish_r(h_); }

namespace {

GEOSGeometry* ring(GEOSContextHandle_t h, std::span<const double> x, std::span<const double> y)
{
    std::vector<double> xy;
    xy.reserve(2 * x.size() + 2);
    for (std::size_t i = 0; i < x.size(); ++i) {
        xy.push_back(x[i]);
        xy.push_back(y[i]);
    }
    if (!x.empty() && (x.front() != x.back() || y.front() != y.back())) {
        xy.push_back(x.front());
        xy.push_back(y.front());
    }
    if (xy.size() < 8) return nullptr;  // a ring needs 4 positions
    auto* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), xy.size() / 2, 0, 0);
    return seq ? GEOSGeom_createLinearRing_r(h, seq) : nullptr;
}

void append_polygon(GEOSContextHandle_t h, const GEOSGeometry* poly, Layer& layer)
{
    auto add_ring = [&](const GEOSGeometry* r) {
        const auto* seq = GEOSGeom_getCoordSeq_r(h, r);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        for (unsigned i = 0; i < n; ++i) {
            double px = 0, py = 0;
            GEOSCoordSeq_getXY_r(h, seq, i, &px, &py);
            layer.add_coordinate(px, py);
        }
        layer.end_ring();
    };
    add_ring(GEOSGetExteriorRing_r(h, poly));
    const int holes = GEOSGetNumInteriorRings_r(h, poly);
    for (int i = 0; i < holes; ++i) add_ring(GEOSGetInteriorRingN_r(h, poly, i));
    layer.end_part();
}

void collect_polygons(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out)
{
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (!GEOSisEmpty_r(h, g)) out.push_back(g);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) collect_polygons(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace

Geometry polygon(const Context& c, std::span<const double> x, std::span<const double> y)
{
    auto* shell = ring(c.get(), x, y);
    if (!shell) return own(c, nullptr);
    return own(c, GEOSGeom_createPolygon_r(c.get(), shell, nullptr, 0));
}

Geometry feature(const Context& c, const Layer& layer, std::size_t f)
{
    const auto h = c.get();
    std::vector<GEOSGeometry*> polys;
    for (auto p = layer.part_start[f]; p < layer.part_start[f + 1]; ++p) {
        GEOSGeometry* shell = nullptr;
        std::vector<GEOSGeometry*> holes;
        for (auto r = layer.ring_start[p]; r < layer.ring_start[p + 1]; ++r) {
            const auto b = layer.coord_start[r], e = layer.coord_start[r + 1];
            auto* lr = ring(h, std::span(layer.x).subspan(b, e - b), std::span(layer.y).subspan(b, e - b));
            if (!lr) continue;
            if (r == layer.ring_start[p]) shell = lr;
            else holes.push_back(lr);
        }
        if (!shell) {
            for (auto* hole : holes) GEOSGeom_destroy_r(h, hole);
            continue;
        }
        polys.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
    }
    auto g =
        own(c, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size())));
    // Digitised boundaries may self-touch; MakeValid keeps the area GEOS's overlay then accepts.
    if (g && !GEOSisValid_r(h, g.get())) g = own(c, GEOSMakeValid_r(h, g.get()));
    return g;
}

Geometry multipoint(const Context& c, std::span<const double> x, std::span<const double> y)
{
    std::vector<GEOSGeometry*> pts;
    pts.reserve(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) pts.push_back(GEOSGeom_createPointFromXY_r(c.get(), x[i], y[i]));
    return own(c, GEOSGeom_createCollection_r(c.get(), GEOS_MULTIPOINT, pts.data(), static_cast<unsigned>(pts.size())));
}

Geometry union_all(const Context& c, std::vector<Geometry> parts)
{
    std::vector<GEOSGeometry*> raw;
    for (auto& p : parts)
        if (p) raw.push_back(p.release());
    auto coll = own(c, GEOSGeom_createCollection_r(c.get(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                   static_cast<unsigned>(raw.size())));
    return own(c, GEOSUnaryUnion_r(c.get(), coll.get()));
}

Geometry merged(const Context& c, const Layer& layer)
{
    std::vector<Geometry> parts;
    for (std::size_t f = 0; f < layer.size(); ++f) parts.push_back(feature(c, layer, f));
    return union_all(c, std::move(parts));
}

std::optional<std::array<double, 2>> label_point(const Context& c, const Layer& layer, std::size_t f,
                                                 const ToPlane& to_plane)
{
    const auto h = c.get();
    Geometry best = own(c, nullptr);
    double best_area = -1;
    std::vector<double> px, py;
    for (auto p = layer.part_start[f]; p < layer.part_start[f + 1]; ++p) {
        GEOSGeometry* shell = nullptr;
        std::vector<GEOSGeometry*> holes;
        for (auto r = layer.ring_start[p]; r < layer.ring_start[p + 1]; ++r) {
            px.clear();
            py.clear();
            for (auto i = layer.coord_start[r]; i < layer.coord_start[r + 1]; ++i) {
                const auto q = to_plane ? to_plane(layer.x[i], layer.y[i]) : std::array{layer.x[i], layer.y[i]};
                px.push_back(q[0]);
                py.push_back(q[1]);
            }
            GEOSGeometry* lr = ring(h, px, py);
            if (!lr) continue;
            if (!shell) shell = lr;
            else holes.push_back(lr);
        }
        if (!shell) continue;
        auto poly = own(c, GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
        double area = 0;
        if (poly && GEOSArea_r(h, poly.get(), &area) && area > best_area) {
            best = std::move(poly);
            best_area = area;
        }
    }
    if (!best) return std::nullopt;
    const auto inside = own(c, GEOSPointOnSurface_r(h, best.get()));
    double x = 0, y = 0;
    if (!inside || !GEOSGeomGetX_r(h, inside.get(), &x) || !GEOSGeomGetY_r(h, inside.get(), &y)) return std::nullopt;
    return std::array{x, y};
}

bool append(const Context& c, const GEOSGeometry* g, Layer& layer)
{
    if (!g) return false;
    std::vector<const GEOSGeometry*> polys;
    collect_polygons(c.get(), g, polys);
    if (polys.empty()) return false;
    for (const auto* p : polys) append_polygon(c.get(), p, layer);
    layer.end_feature();
    return true;
}

}  // namespace coopmap::analysis::geos
