// Place by location against its peer, on data generated here (fixed seeds), in one run:
// 500,000 villages into 40,000 township polygons (Voronoi cells of random seeds over 100–120 E,
// 25–40 N, made by GEOS), our place_by_location against PostGIS ST_Contains with a GiST index on
// a server this program starts. Every village's township must be the same; the program exits
// non-zero when one differs or the peer fails.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include <geos_c.h>

#include "analysis/placement.h"
#include "model/fields.h"
#include "postgis_server.h"

using namespace coopmap;

namespace {

constexpr std::size_t kVillages = 500000, kTownships = 40000;
constexpr double kMinLon = 100, kMaxLon = 120, kMinLat = 25, kMaxLat = 40;

struct Data {
    Layer townships, villages;
    std::vector<std::string> wkt;  // each township as WKT, for PostGIS
};

Data make_data()
{
    Data d;
    std::mt19937_64 rng(40000);
    std::uniform_real_distribution<double> lon(kMinLon, kMaxLon), lat(kMinLat, kMaxLat);
    GEOSContextHandle_t h = GEOS_init_r();
    std::vector<double> xy;
    for (std::size_t i = 0; i < kTownships; ++i) {
        xy.push_back(lon(rng));
        xy.push_back(lat(rng));
    }
    GEOSGeometry* seeds = GEOSGeom_createPointFromXY_r(h, 0, 0);
    GEOSGeom_destroy_r(h, seeds);
    auto* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), kTownships, 0, 0);
    seeds = GEOSGeom_createLineString_r(h, seq);  // only its vertices matter to the diagram
    GEOSGeometry* cells = GEOSVoronoiDiagram_r(h, seeds, nullptr, 0, 0);
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(h);
    GEOSWKTWriter_setRoundingPrecision_r(h, writer, 17);
    GEOSGeometry* extent = GEOSGeom_createRectangle_r(h, kMinLon, kMinLat, kMaxLon, kMaxLat);
    d.townships.kind = GeometryKind::polygon;
    Column& code = d.townships.add_column("code", FieldType::text);
    for (int i = 0; i < GEOSGetNumGeometries_r(h, cells); ++i) {
        GEOSGeometry* cell = GEOSIntersection_r(h, GEOSGetGeometryN_r(h, cells, i), extent);
        if (!cell || GEOSGeomTypeId_r(h, cell) != GEOS_POLYGON || GEOSisEmpty_r(h, cell)) {
            if (cell) GEOSGeom_destroy_r(h, cell);
            continue;
        }
        const auto* ring = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, cell));
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, ring, &n);
        for (unsigned k = 0; k < n; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, ring, k, &x, &y);
            d.townships.add_coordinate(x, y);
        }
        d.townships.end_ring();
        d.townships.end_part();
        d.townships.end_feature();
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09zu", d.wkt.size());
        code.texts.emplace_back(buf);
        code.null.push_back(0);
        char* text = GEOSWKTWriter_write_r(h, writer, cell);
        d.wkt.emplace_back(text);
        GEOSFree_r(h, text);
        GEOSGeom_destroy_r(h, cell);
    }
    GEOSGeom_destroy_r(h, extent);
    GEOSWKTWriter_destroy_r(h, writer);
    GEOSGeom_destroy_r(h, cells);
    GEOSGeom_destroy_r(h, seeds);
    GEOS_finish_r(h);
    d.townships.build_index();
    d.villages.kind = GeometryKind::point;
    for (std::size_t i = 0; i < kVillages; ++i) d.villages.add_point(lon(rng), lat(rng));
    d.villages.build_index();
    return d;
}

double seconds_since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main()
{
    const auto t_data = std::chrono::steady_clock::now();
    Data d = make_data();
    std::printf("data: %zu villages, %zu township polygons (%.1f s to make)\n", d.villages.size(), d.townships.size(),
                seconds_since(t_data));

    // Ours: the function every command calls, on a project of the two layers.
    Project project;
    LayerConfig towns;
    towns.id = "townships";
    towns.role = Role::admin_boundary;
    towns.level = "township";
    LayerConfig villages;
    villages.id = "villages";
    villages.role = Role::village;
    project.layers = {towns, villages};
    std::vector<Layer> layers{d.townships, d.villages};
    const auto t0 = std::chrono::steady_clock::now();
    const auto report = analysis::place_by_location(project, layers);
    const double ours_s = seconds_since(t0);
    if (!report) {
        std::fprintf(stderr, "placement failed: %s\n", report.error().text().c_str());
        return 1;
    }
    const Column* ours = field_column(layers[1], villages, "township_code");

    // PostGIS: the same polygons and points, ST_Contains over a GiST index.
    auto server = testing::PostgisServer::start();
    if (!server) {
        std::fprintf(stderr, "PostGIS did not start: %s\n", server.error().text().c_str());
        return 1;
    }
    const auto& pg = **server;
    {
        std::ofstream t(pg.directory() + "/t.csv");
        for (std::size_t i = 0; i < d.wkt.size(); ++i) t << i << ",\"" << d.wkt[i] << "\"\n";
        std::ofstream v(pg.directory() + "/v.csv");
        v.precision(17);
        for (std::size_t i = 0; i < d.villages.size(); ++i)
            v << i << ',' << d.villages.x[i] << ',' << d.villages.y[i] << '\n';
    }
    const auto load = pg.sql("CREATE TABLE t (id int PRIMARY KEY, wkt text);\n"
                             "CREATE TABLE v (id int PRIMARY KEY, lon float8, lat float8);\n"
                             "\\copy t FROM '" +
                             pg.directory() +
                             "/t.csv' CSV\n"
                             "\\copy v FROM '" +
                             pg.directory() +
                             "/v.csv' CSV\n"
                             "ALTER TABLE t ADD COLUMN g geometry(Polygon, 4326);\n"
                             "ALTER TABLE v ADD COLUMN g geometry(Point, 4326);\n"
                             "UPDATE t SET g = ST_GeomFromText(wkt, 4326);\n"
                             "UPDATE v SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326);\n"
                             "CREATE INDEX ON t USING gist (g);\n"
                             "VACUUM ANALYZE t; VACUUM ANALYZE v;");
    if (!load) {
        std::fprintf(stderr, "PostGIS load failed: %s\n", load.error().text().c_str());
        return 1;
    }
    const auto t1 = std::chrono::steady_clock::now();
    // The lowest township containing each village, as the engine picks.
    const auto rows = pg.sql("SELECT v.id, min(t.id) FROM v JOIN t ON ST_Contains(t.g, v.g) GROUP BY v.id;");
    const double postgis_s = seconds_since(t1);
    if (!rows) {
        std::fprintf(stderr, "PostGIS query failed: %s\n", rows.error().text().c_str());
        return 1;
    }
    std::vector<long> theirs(d.villages.size(), -1);
    std::istringstream in(*rows);
    std::string line;
    std::size_t pg_placed = 0;
    while (std::getline(in, line)) {
        const auto bar = line.find('|');
        if (bar == std::string::npos) continue;
        theirs[std::stoul(line.substr(0, bar))] = std::stol(line.substr(bar + 1));
        ++pg_placed;
    }
    std::size_t differ = 0, ours_placed = 0;
    for (std::size_t i = 0; i < d.villages.size(); ++i) {
        const std::string mine = ours->text(i);
        ours_placed += !mine.empty();
        const long id = mine.empty() ? -1 : std::stol(mine);
        differ += id != theirs[i];
    }
    std::printf(
        "place by location, %zu villages into %zu townships: CoopMap %.3f s, PostGIS ST_Contains + GiST %.3f s, "
        "ratio %.1fx (target >= 10x); placed %zu vs %zu, %zu assignments differ (%s)\n",
        d.villages.size(), d.townships.size(), ours_s, postgis_s, postgis_s / ours_s, ours_placed, pg_placed, differ,
        differ == 0 ? "same" : "DIFFERENT");
    return differ == 0 ? 0 : 1;
}
