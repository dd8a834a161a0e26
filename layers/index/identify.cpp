#include "index/identify.h"

#include <cmath>
#include <numbers>

#include <boost/geometry.hpp>
#include <geos_c.h>

namespace coopmap::index {

namespace bg = boost::geometry;

namespace {
using Point = bg::model::d2::point_xy<double>;
using Segment = bg::model::segment<Point>;
using Ring = bg::model::ring<Point>;
using Polygon = bg::model::polygon<Point>;

// The click's local frame: x in degrees of longitude, y in degrees of latitude stretched by
// 1/cos(lat), which is how Web Mercator looks near the click (its scale is 1/cos(lat) in
// both directions), so equal distances here are equal distances on screen.
struct Frame {
    double lon0, lat0, y_scale;
    explicit Frame(const Click& c) : lon0(c.lon), lat0(c.lat), y_scale(1.0 / std::cos(c.lat * std::numbers::pi / 180.0))
    {
    }
    Point at(double lon, double lat) const { return {lon - lon0, (lat - lat0) * y_scale}; }
};

// A point inside the polygon, for shapes whose centroid falls outside (a crescent, a "U"):
// GEOS's PointOnSurface, on the shell only (labels need not avoid small holes).
std::optional<Point> point_on_surface(const Polygon& poly)
{
    GEOSContextHandle_t h = GEOS_init_r();
    std::optional<Point> out;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(poly.outer().size()), 2);
    for (unsigned i = 0; seq && i < poly.outer().size(); ++i)
        GEOSCoordSeq_setXY_r(h, seq, i, poly.outer()[i].x(), poly.outer()[i].y());
    GEOSGeometry* ring = seq ? GEOSGeom_createLinearRing_r(h, seq) : nullptr;  // takes seq
    GEOSGeometry* shell = ring ? GEOSGeom_createPolygon_r(h, ring, nullptr, 0) : nullptr;  // takes ring
    GEOSGeometry* inside = shell ? GEOSPointOnSurface_r(h, shell) : nullptr;
    double x = 0, y = 0;
    if (inside && GEOSGeomGetX_r(h, inside, &x) == 1 && GEOSGeomGetY_r(h, inside, &y) == 1) out = Point(x, y);
    if (inside) GEOSGeom_destroy_r(h, inside);
    if (shell) GEOSGeom_destroy_r(h, shell);
    GEOS_finish_r(h);
    return out;
}

bool ring_contains(const Layer& layer, std::uint32_t r, double lon, double lat)
{
    Ring ring;
    for (auto i = layer.coord_start[r]; i < layer.coord_start[r + 1]; ++i)
        ring.push_back(Point(layer.x[i], layer.y[i]));
    if (ring.size() < 3) return false;
    bg::correct(ring);  // closes it and orients it as Boost expects; containment is unchanged
    return bg::within(Point(lon, lat), ring);
}
}  // namespace

std::optional<std::uint32_t> polygon_containing(const Layer& layer, double lon, double lat)
{
    if (layer.kind != GeometryKind::polygon) return std::nullopt;
    Bounds at;
    at.extend(lon, lat);
    std::optional<std::uint32_t> found;
    for (std::uint32_t f : layer.features_in(at)) {
        if (found && f < *found) continue;
        // Even-odd over every ring of the feature: inside a shell and not in one of its holes.
        bool inside = false;
        for (auto part = layer.part_start[f]; part < layer.part_start[f + 1]; ++part)
            for (auto r = layer.ring_start[part]; r < layer.ring_start[part + 1]; ++r)
                if (ring_contains(layer, r, lon, lat)) inside = !inside;
        if (inside) found = f;
    }
    return found;
}

std::optional<std::uint32_t> pick_feature(const Layer& layer, const Click& click)
{
    if (layer.kind == GeometryKind::polygon) return polygon_containing(layer, click.lon, click.lat);
    if (!(click.tolerance > 0)) return std::nullopt;
    const Frame frame(click);
    const Point here(0, 0);
    // The tolerance circle's box in lon/lat: its latitude half-height is tolerance * cos(lat).
    Bounds box;
    box.extend(click.lon - click.tolerance, click.lat - click.tolerance / frame.y_scale);
    box.extend(click.lon + click.tolerance, click.lat + click.tolerance / frame.y_scale);

    std::optional<std::uint32_t> found;
    double best = click.tolerance;
    for (std::uint32_t f : layer.features_in(box)) {
        for (auto part = layer.part_start[f]; part < layer.part_start[f + 1]; ++part)
            for (auto r = layer.ring_start[part]; r < layer.ring_start[part + 1]; ++r) {
                const auto first = layer.coord_start[r], last = layer.coord_start[r + 1];
                if (first == last) continue;
                double d;
                if (layer.kind == GeometryKind::point || last - first == 1) {
                    d = bg::distance(here, frame.at(layer.x[first], layer.y[first]));
                    // Points of the same distance: the later one is drawn on top.
                    if (d <= best) best = d, found = f;
                    continue;
                }
                for (auto i = first; i + 1 < last; ++i) {
                    d = bg::distance(
                        here, Segment(frame.at(layer.x[i], layer.y[i]), frame.at(layer.x[i + 1], layer.y[i + 1])));
                    if (d <= best) best = d, found = f;
                }
            }
    }
    return found;
}

std::vector<LonLat> polygon_label_points(const Layer& layer)
{
    std::vector<LonLat> out;
    out.reserve(layer.size());
    for (std::size_t f = 0; f < layer.size(); ++f) {
        Polygon best;
        double best_area = -1;
        for (auto part = layer.part_start[f]; part < layer.part_start[f + 1]; ++part) {
            const auto shell = layer.ring_start[part];
            if (shell == layer.ring_start[part + 1]) continue;
            Polygon poly;
            for (auto i = layer.coord_start[shell]; i < layer.coord_start[shell + 1]; ++i)
                bg::append(poly.outer(), Point(layer.x[i], layer.y[i]));
            bg::correct(poly);
            const double area = std::abs(bg::area(poly));
            if (area > best_area) {
                best_area = area;
                best = std::move(poly);
            }
        }
        const Bounds b = layer.feature_bounds(f);
        Point c((b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2);
        if (best_area > 0) {
            Point centroid;
            bg::centroid(best, centroid);
            if (bg::within(centroid, best)) c = centroid;
            else if (const auto p = point_on_surface(best)) c = *p;
        }
        out.push_back({c.x(), c.y()});
    }
    return out;
}

}  // namespace coopmap::index
