// Loading the sample and converting coordinates: the engine beside PROJ in one run.
#include <benchmark/benchmark.h>

#include "bench_status.h"

#include <proj.h>

#include "crs/chinese_offsets.h"
#include "io/project_layers.h"
#include "model/project.h"

namespace {

const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

void BM_LoadSampleProject(benchmark::State& state)
{
    const auto project = coopmap::read_project(kSample);
    if (!project) {
        state.SkipWithError(project.error().text().c_str());
        return;
    }
    std::size_t features = 0;
    for (auto _ : state) {
        auto layers = coopmap::io::load_project_layers(*project);
        if (!layers) {
            state.SkipWithError(layers.error().text().c_str());
            return;
        }
        features = 0;
        for (const auto& l : layers->layers) features += l.size();
        benchmark::DoNotOptimize(layers);
    }
    state.counters["features"] = static_cast<double>(features);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * features));
}
BENCHMARK(BM_LoadSampleProject)->Unit(benchmark::kMillisecond);

// GCJ-02 → WGS84 (iterative inverse), per point.
void BM_Gcj02ToWgs84(benchmark::State& state)
{
    double lon = 111.0, lat = 31.5;
    for (auto _ : state) {
        auto p = coopmap::crs::wgs84_from_gcj02({lon, lat});
        benchmark::DoNotOptimize(p);
        lon += 1e-6;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Gcj02ToWgs84);

// The peer for scale: PROJ's CGCS2000 Gauss-Krüger (EPSG:4547) → WGS84, per point.
void BM_ProjGaussKruger(benchmark::State& state)
{
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4547", "EPSG:4326", nullptr);
    PJ* pj = proj_normalize_for_visualization(ctx, raw);
    proj_destroy(raw);
    double x = 500000, y = 3540000;
    for (auto _ : state) {
        PJ_COORD c = proj_trans(pj, PJ_FWD, proj_coord(x, y, 0, 0));
        benchmark::DoNotOptimize(c);
        x += 0.1;
    }
    state.SetItemsProcessed(state.iterations());
    proj_destroy(pj);
    proj_context_destroy(ctx);
}
BENCHMARK(BM_ProjGaussKruger);

}  // namespace

int main(int argc, char** argv) { return coopmap::bench::run_benchmarks(argc, argv); }
