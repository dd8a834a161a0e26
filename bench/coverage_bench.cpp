// Coverage against its peers, on data generated here (fixed seeds), in one run:
//  - radius: 500,000 villages x 50,000 facilities at 5 km, our nearest_facilities against
//    PostGIS geography ST_DWithin with a GiST index on a server this program starts
//    (tests/support/postgis_server.h); same count required, ratio printed. The program exits
//    non-zero when the counts differ or the server (the peer) fails.
//  - road: a ~1,000,000-edge grid road layer; graph build + snapping + travel times from 1,000
//    facilities + their 10-minute isochrone polygons, which must take <= 10 s.
#include <benchmark/benchmark.h>

#include "bench_status.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "analysis/coverage.h"
#include "analysis/geodesic.h"
#include "analysis/road_graph.h"
#include "postgis_server.h"
#include "road_grid.h"

using namespace coopmap;
using namespace coopmap::analysis;

namespace {

constexpr std::size_t kVillages = 500000, kFacilities = 50000;
constexpr double kRadius = 5000;

// Spread over 100–120 E, 25–40 N (about 1.9 million km², China's farming east): about two
// facilities within 5 km of a village on average, so some villages are left uncovered.
const std::pair<Points, Points>& radius_data()
{
    static const auto data = [] {
        std::mt19937_64 rng(500000);
        std::uniform_real_distribution<double> lon(100.0, 120.0), lat(25.0, 40.0);
        Points v, f;
        for (std::size_t i = 0; i < kVillages; ++i) v.add(lon(rng), lat(rng));
        for (std::size_t i = 0; i < kFacilities; ++i) f.add(lon(rng), lat(rng));
        return std::pair{std::move(v), std::move(f)};
    }();
    return data;
}

struct Figures {
    double ours_s = 0, postgis_s = 0, road_s = 0;
    double road_phase_s[4] = {};  // graph build, snapping, travel times, isochrones
    std::size_t ours_count = 0, postgis_count = 0, nearest_count = 0;
    bool nearest_ran = false;
    std::string postgis_failure;  // why the peer gave no answer; "" when it did or did not run
} figures;

void BM_CoverageRadius(benchmark::State& state)
{
    const auto& [v, f] = radius_data();
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto c = *within_any(v, f, kRadius);
        figures.ours_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        figures.ours_count = 0;
        for (auto x : c) figures.ours_count += x;
    }
    state.counters["covered"] = static_cast<double>(figures.ours_count);
}
BENCHMARK(BM_CoverageRadius)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The full answer the gap table uses: every village's nearest facility and exact distance.
void BM_NearestFacility(benchmark::State& state)
{
    const auto& [v, f] = radius_data();
    std::size_t covered = 0;
    for (auto _ : state) {
        const auto r = nearest_facilities(v, f, kRadius);
        covered = 0;
        for (auto x : covered_within(r->distance_m, kRadius)) covered += x;
    }
    state.counters["covered"] = static_cast<double>(covered);
    figures.nearest_count = covered;
    figures.nearest_ran = true;
}
BENCHMARK(BM_NearestFacility)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_PostgisDWithin(benchmark::State& state)
{
    auto server = testing::PostgisServer::start();
    if (!server) {
        figures.postgis_failure = server.error().text();
        state.SkipWithError(server.error().text().c_str());
        return;
    }
    const auto& pg = **server;
    const auto& [v, f] = radius_data();
    auto csv = [&](const std::string& name, const Points& p) {
        std::ofstream out(pg.directory() + "/" + name);
        out.precision(17);
        for (std::size_t i = 0; i < p.size(); ++i) out << i << ',' << p.lon[i] << ',' << p.lat[i] << '\n';
    };
    csv("v.csv", v);
    csv("f.csv", f);
    const auto load = pg.sql("CREATE TABLE v (id int PRIMARY KEY, lon float8, lat float8);\n"
                             "CREATE TABLE f (id int PRIMARY KEY, lon float8, lat float8);\n"
                             "\\copy v FROM '" +
                             pg.directory() +
                             "/v.csv' CSV\n"
                             "\\copy f FROM '" +
                             pg.directory() +
                             "/f.csv' CSV\n"
                             "ALTER TABLE v ADD COLUMN g geography(Point, 4326);\n"
                             "ALTER TABLE f ADD COLUMN g geography(Point, 4326);\n"
                             "UPDATE v SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;\n"
                             "UPDATE f SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;\n"
                             "CREATE INDEX ON f USING gist (g);\n"
                             "VACUUM ANALYZE v; VACUUM ANALYZE f;");
    if (!load) {
        figures.postgis_failure = load.error().text();
        state.SkipWithError(load.error().text().c_str());
        return;
    }
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto n = pg.sql("SELECT count(*) FROM v WHERE EXISTS "
                              "(SELECT 1 FROM f WHERE ST_DWithin(v.g, f.g, 5000));");
        figures.postgis_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!n) {
            figures.postgis_failure = n.error().text();
            state.SkipWithError(n.error().text().c_str());
            return;
        }
        figures.postgis_count = std::stoull(*n);
    }
    state.counters["covered"] = static_cast<double>(figures.postgis_count);
}
BENCHMARK(BM_PostgisDWithin)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_RoadTravelTimesAndIsochrones(benchmark::State& state)
{
    const auto roads = bench::grid_roads(708);
    std::mt19937_64 rng(1000);
    const auto b = roads.bounds();
    std::uniform_real_distribution<double> lon(b.min_x, b.max_x), lat(b.min_y, b.max_y);
    Points fac;
    for (int i = 0; i < 1000; ++i) fac.add(lon(rng), lat(rng));
    std::size_t polygons = 0, reached = 0, edges = 0;
    for (auto _ : state) {
        using clock = std::chrono::steady_clock;
        auto since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
        const auto t0 = clock::now();
        RoadSpeeds speeds;
        speeds.class_column = "class";
        const auto g = RoadGraph::build(roads, speeds);
        figures.road_phase_s[0] = since(t0);
        auto t1 = clock::now();
        const auto snaps = g->snap_all(fac, 500);
        std::vector<std::uint32_t> sources;
        for (const auto& s : snaps)
            if (s.node != kNone) sources.push_back(s.node);
        figures.road_phase_s[1] = since(t1);
        t1 = clock::now();
        const auto t = travel_times(*g, sources);
        figures.road_phase_s[2] = since(t1);
        t1 = clock::now();
        const double band[] = {10};
        const auto iso = isochrones(*g, sources, band);
        figures.road_phase_s[3] = since(t1);
        figures.road_s = since(t0);
        edges = g->edge_count() / 2;
        polygons = iso->size();
        reached = 0;
        for (double s : t->seconds) reached += s < kInf;
    }
    state.counters["edges"] = static_cast<double>(edges);
    state.counters["polygons"] = static_cast<double>(polygons);
    state.counters["nodes_reached"] = static_cast<double>(reached);
}
BENCHMARK(BM_RoadTravelTimesAndIsochrones)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace

int main(int argc, char** argv)
{
    int status = coopmap::bench::run_benchmarks(argc, argv);
    if (figures.ours_s > 0 && figures.postgis_s > 0)
        std::printf("coverage 5 km, %zu villages x %zu facilities: CoopMap %.3f s, PostGIS ST_DWithin %.3f s, "
                    "ratio %.1fx (target >= 20x), covered %zu vs %zu (%s)\n",
                    kVillages, kFacilities, figures.ours_s, figures.postgis_s, figures.postgis_s / figures.ours_s,
                    figures.ours_count, figures.postgis_count,
                    figures.ours_count == figures.postgis_count ? "same" : "DIFFERENT");
    if (figures.road_s > 0)
        std::printf("road grid ~1,000,000 edges, 1,000 facilities, build + travel times + 10-min isochrones: "
                    "%.2f s (target <= 10 s): build %.2f s, snap %.2f s, travel times %.2f s, isochrones %.2f s\n",
                    figures.road_s, figures.road_phase_s[0], figures.road_phase_s[1], figures.road_phase_s[2],
                    figures.road_phase_s[3]);
    // A bench whose answer differs from its peer's, or whose peer failed, is a failed run.
    if (!figures.postgis_failure.empty()) {
        std::printf("PostGIS (the peer) failed: %s\n", figures.postgis_failure.c_str());
        status = 1;
    }
    if (figures.ours_s > 0 && figures.postgis_s > 0 && figures.ours_count != figures.postgis_count) status = 1;
    if (figures.ours_s > 0 && figures.nearest_ran && figures.nearest_count != figures.ours_count) {
        std::printf("nearest_facilities covers %zu, within_any %zu (DIFFERENT)\n", figures.nearest_count,
                    figures.ours_count);
        status = 1;
    }
    return status;
}
