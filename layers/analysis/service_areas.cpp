#include "analysis/service_areas.h"

#include <algorithm>
#include <cmath>

#include <geodesic.h>

#include "analysis/geodesic.h"
#include "analysis/geos_bridge.h"

namespace coopmap::analysis {

Points geodesic_circle(double lon, double lat, double radius_m, int vertices)
{
    Points ring;
    // Azimuths run clockwise from north; walking them backwards gives a counter-clockwise ring.
    for (int i = 0; i < vertices; ++i) {
        const auto d = geodesic_destination(lon, lat, 360.0 - 360.0 * i / vertices, radius_m);
        ring.add(d.lon, d.lat);
    }
    ring.add(ring.lon.front(), ring.lat.front());
    return ring;
}

double geodesic_area_m2(const Layer& polygons, std::size_t f)
{
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);  // WGS84
    double total = 0;
    for (auto p = polygons.part_start[f]; p < polygons.part_start[f + 1]; ++p)
        for (auto r = polygons.ring_start[p]; r < polygons.ring_start[p + 1]; ++r) {
            const auto b = polygons.coord_start[r], e = polygons.coord_start[r + 1];
            auto n = e - b;
            if (n >= 2 && polygons.x[b] == polygons.x[e - 1] && polygons.y[b] == polygons.y[e - 1]) --n;
            if (n < 3) continue;
            std::vector<double> lats(polygons.y.begin() + b, polygons.y.begin() + b + n);
            std::vector<double> lons(polygons.x.begin() + b, polygons.x.begin() + b + n);
            double area = 0;
            geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(n), &area, nullptr);
            total += (r == polygons.ring_start[p] ? 1 : -1) * std::abs(area);
        }
    return total;
}

Result<Layer> service_rings(const Points& facilities, std::span<const double> radii_m, const Progress& progress)
{
    Layer out;
    out.name = "service_rings";
    out.role = Role::coverage;
    out.kind = GeometryKind::polygon;
    out.add_column("facility", FieldType::integer);
    out.add_column("radius_m", FieldType::real);
    // References only after both exist: add_column may move the columns.
    auto& fc = out.columns[0];
    auto& rc = out.columns[1];
    std::vector<double> radii(radii_m.begin(), radii_m.end());
    std::sort(radii.begin(), radii.end());
    for (std::size_t f = 0; f < facilities.size(); ++f) {
        if (progress && (f & 255) == 0 && !progress(static_cast<double>(f) / static_cast<double>(facilities.size())))
            return cancelled();
        Points inner;
        for (const double r : radii) {
            if (!(r > 0)) continue;
            const auto outer = geodesic_circle(facilities.lon[f], facilities.lat[f], r);
            for (std::size_t i = 0; i < outer.size(); ++i) out.add_coordinate(outer.lon[i], outer.lat[i]);
            out.end_ring();
            // The hole runs the other way round, as OGC simple features want.
            for (std::size_t i = inner.size(); i-- > 0;) out.add_coordinate(inner.lon[i], inner.lat[i]);
            if (inner.size()) out.end_ring();
            out.end_part();
            out.end_feature();
            fc.integers.push_back(static_cast<std::int64_t>(f));
            fc.null.push_back(0);
            rc.reals.push_back(r);
            rc.null.push_back(0);
            inner = outer;
        }
    }
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

Result<Layer> merged_coverage(const Points& facilities, double radius_m, const Layer* clip, const Progress& progress)
{
    Layer out;
    out.name = "coverage";
    out.role = Role::coverage;
    out.kind = GeometryKind::polygon;
    const geos::Context ctx;
    std::vector<geos::Geometry> discs;
    discs.reserve(facilities.size());
    for (std::size_t f = 0; f < facilities.size(); ++f) {
        if (progress && (f & 255) == 0 &&
            !progress(0.5 * static_cast<double>(f) / static_cast<double>(facilities.size())))
            return cancelled();
        const auto c = geodesic_circle(facilities.lon[f], facilities.lat[f], radius_m);
        discs.push_back(geos::polygon(ctx, c.lon, c.lat));
    }
    auto all = geos::union_all(ctx, std::move(discs));
    if (progress && !progress(0.8)) return cancelled();
    if (clip && clip->size()) {
        auto area = geos::merged(ctx, *clip);
        all = geos::own(ctx, GEOSIntersection_r(ctx.get(), all.get(), area.get()));
    }
    if (!all) return Error{.file = {}, .layer = {}, .feature = {}, .message = "覆盖范围合并失败（GEOS）"};
    geos::append(ctx, all.get(), out);
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

Result<Layer> coverage_gaps(const Layer& area, const Layer& coverage, const Progress& progress)
{
    Layer out;
    out.name = "coverage_gaps";
    out.role = Role::coverage;
    out.kind = GeometryKind::polygon;
    auto& ac = out.add_column("area_index", FieldType::integer);
    const geos::Context ctx;
    auto cover = geos::merged(ctx, coverage);
    for (std::size_t f = 0; f < area.size(); ++f) {
        if (progress && !progress(static_cast<double>(f) / static_cast<double>(area.size()))) return cancelled();
        auto a = geos::feature(ctx, area, f);
        if (!a) continue;
        auto gap = cover ? geos::own(ctx, GEOSDifference_r(ctx.get(), a.get(), cover.get())) : std::move(a);
        if (gap && geos::append(ctx, gap.get(), out)) {
            ac.integers.push_back(static_cast<std::int64_t>(f));
            ac.null.push_back(0);
        }
    }
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

}  // namespace coopmap::analysis
