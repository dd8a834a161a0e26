// Site planning: the default answer (heuristic + HiGHS) and the heuristic alone on the
// Xiangyang sample, beside HiGHS's own time and bound; generated province- and
// national-size instances for the heuristic; the what-if evaluation of one dragged site.
// The sample is planned as `coopmap-cli plan` plans it: the project's existing village
// cooperatives stay and only what they leave uncovered counts. The same villages with no
// existing site at all (every village's population still to cover) are a harder variant.
// Run: coopmap_planning_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "bench_status.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <random>

#include "analysis/planning/coverage_matrix.h"
#include "analysis/planning/plan_run.h"
#include "analysis/planning/site_planning.h"
#include "analysis/planning/what_if.h"
#include "io/gdal_reader.h"
#include "io/project_layers.h"
#include "model/project.h"

namespace {

using namespace coopmap::analysis::planning;

struct Villages {
    std::vector<double> lon, lat, weight;
    std::vector<std::int32_t> township;
};

const Villages& sample()
{
    static const Villages v = [] {
        Villages out;
        coopmap::io::SourceSpec spec;
        spec.uri = COOPMAP_SOURCE_DIR "/geodata/xiangyang.gpkg";
        spec.layer = "villages";
        const auto loaded = coopmap::io::read_layer(spec);
        if (!loaded) return out;
        const auto& l = loaded->layer;
        const auto* pop = l.column("population");
        const auto* town = l.column("township_code");
        std::map<std::string, std::int32_t> towns;
        for (std::size_t i = 0; i < l.size(); ++i) {
            out.lon.push_back(l.first_x(i));
            out.lat.push_back(l.first_y(i));
            out.weight.push_back(pop ? pop->number(i) : 1.0);
            const auto code = town ? town->text(i) : std::string();
            out.township.push_back(towns.emplace(code, std::int32_t(towns.size())).first->second);
        }
        return out;
    }();
    return v;
}

// Villages in clusters around township seats, at Xiangyang's density (~0.14 per km²),
// population 300–3000; deterministic for a seed.
Villages generated(std::size_t villages, unsigned seed)
{
    Villages v;
    std::mt19937_64 rng(seed);
    const double area_km2 = double(villages) / 0.143;
    const double side_deg = std::sqrt(area_km2) / 100.0;  // ~100 km per degree at 30°N, both ways roughly
    std::uniform_real_distribution<double> ux(105.0, 105.0 + side_deg * 1.15), uy(25.0, 25.0 + side_deg);
    std::normal_distribution<double> spread(0, 0.06);
    std::uniform_int_distribution<int> pop(300, 3000);
    const std::size_t towns = std::max<std::size_t>(1, villages / 25);
    std::vector<std::pair<double, double>> seats;
    for (std::size_t t = 0; t < towns; ++t) seats.emplace_back(ux(rng), uy(rng));
    std::uniform_int_distribution<std::size_t> pick(0, towns - 1);
    for (std::size_t j = 0; j < villages; ++j) {
        const auto t = pick(rng);
        v.lon.push_back(seats[t].first + spread(rng));
        v.lat.push_back(seats[t].second + spread(rng));
        v.weight.push_back(pop(rng));
        v.township.push_back(std::int32_t(t));
    }
    return v;
}

// Every `stride`-th village is a candidate.
SitingProblem make_problem(const Villages& v, double radius, std::size_t stride)
{
    SitingProblem pb;
    for (std::size_t j = 0; j < v.lon.size(); j += stride) {
        pb.cand_lon.push_back(v.lon[j]);
        pb.cand_lat.push_back(v.lat[j]);
        pb.cand_township.push_back(v.township[j]);
    }
    pb.coverage = coverage_within_radius(v.lon, v.lat, pb.cand_lon, pb.cand_lat, radius);
    pb.weight = v.weight;
    return pb;
}

// The sample project and its layers, read once.
struct SampleProject {
    coopmap::Project project;
    std::vector<coopmap::Layer> layers;
    std::string error;
};

const SampleProject& sample_project()
{
    static const SampleProject sp = [] {
        SampleProject out;
        auto project = coopmap::read_project(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap");
        if (!project) {
            out.error = project.error().text();
            return out;
        }
        auto layers = coopmap::io::load_project_layers(*project);
        if (!layers) {
            out.error = layers.error().text();
            return out;
        }
        out.project = std::move(*project);
        out.layers = std::move(layers->layers);
        return out;
    }();
    return sp;
}

// solve_covering in the timed loop; nullopt (and the run marked skipped) on error.
std::optional<SitingSolution> timed_solve(benchmark::State& state, const SitingProblem& pb, const SolveOptions& opt)
{
    std::optional<SitingSolution> s;
    for (auto _ : state) {
        auto r = solve_covering(pb, opt);
        if (!r) {
            state.SkipWithError(r.error().text().c_str());
            return std::nullopt;
        }
        s = std::move(*r);
    }
    return s;
}

void report(benchmark::State& state, const SitingSolution& s)
{
    state.counters["objective"] = s.objective;
    state.counters["bound"] = s.bound;
    state.counters["gap_pct"] = 100 * s.gap;
    state.counters["optimal"] = s.optimal ? 1 : 0;
    state.counters["heur_s"] = s.heuristic_seconds;
    state.counters["highs_s"] = s.highs_seconds;
    state.counters["highs_bound"] = s.highs_bound;
    state.counters["lp_bound"] = s.lp_bound;
    state.counters["lagr_bound"] = s.lagrangian_bound;
    state.counters["sites"] = double(s.sites.size());
}

// The sample as `coopmap-cli plan --role village_cooperative --radius R --new P` plans it:
// each iteration builds the plan's data (existing sites' coverage, candidate matrix) and
// solves, what the user waits for once the project is open. `heur_vs_opt_pct`: how far
// the heuristic alone (run separately, after the timed part) stays below the default answer.
void sample_plan(benchmark::State& state, coopmap::analysis::planning::Method method, bool plain)
{
    const auto& sp = sample_project();
    if (!sp.error.empty()) {
        state.SkipWithError(sp.error.c_str());
        return;
    }
    PlanRequest q;
    q.role = coopmap::Role::village_cooperative;
    q.radius_m = double(state.range(1));
    q.solve.new_sites = int(state.range(0));
    q.solve.method = method;
    if (plain) {
        q.solve.warm_start = false;
        q.solve.reduce = false;
        q.solve.search_seconds = 0;
    }
    PlanResult plan;
    for (auto _ : state) {
        auto r = run_plan(sp.project, sp.layers, q);
        if (!r) {
            state.SkipWithError(r.error().text().c_str());
            return;
        }
        plan = std::move(*r);
    }
    const auto& s = plan.solution;
    report(state, s);
    state.counters["existing"] = double(plan.data.existing_lon.size());
    state.counters["candidates"] = double(plan.data.cand_name.size());
    // Recomputed from the matrix, not taken from the solver.
    state.counters["recomputed"] = new_covered_weight(plan.data.problem, s.sites);
    if (!plain) {
        auto heur = q.solve;
        heur.method = Method::heuristic;
        heur.lp_bound_max_nonzeros = 0;
        const auto t0 = std::chrono::steady_clock::now();
        const auto h = solve_covering(plan.data.problem, heur);
        state.counters["heur_alone_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (h) state.counters["heur_vs_opt_pct"] = 100 * (s.objective - h->objective) / s.objective;
    }
}

void BM_SampleDefault(benchmark::State& state) { sample_plan(state, Method::automatic, false); }
BENCHMARK(BM_SampleDefault)
    ->ArgsProduct({{20, 60}, {3000, 5000}})
    ->ArgNames({"p", "radius_m"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The peer: HiGHS alone on the plain MIP of the same plan (no warm start, no reductions).
void BM_SampleHighsOnly(benchmark::State& state) { sample_plan(state, Method::exact, true); }
BENCHMARK(BM_SampleHighsOnly)
    ->ArgsProduct({{20, 60}, {3000, 5000}})
    ->ArgNames({"p", "radius_m"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The harder variant: the sample's villages with no existing site, every village a candidate.
void blank_sample(benchmark::State& state, bool plain)
{
    const auto& v = sample();
    if (v.lon.empty()) {
        state.SkipWithError("sample not readable");
        return;
    }
    const auto pb = make_problem(v, double(state.range(1)), 1);
    SolveOptions opt;
    opt.new_sites = int(state.range(0));
    if (plain) {
        opt.method = Method::exact;
        opt.warm_start = false;
        opt.reduce = false;
        opt.search_seconds = 0;
    }
    const auto s = timed_solve(state, pb, opt);
    if (!s) return;
    report(state, *s);
    if (!plain) state.counters["heur_vs_opt_pct"] = 100 * (s->objective - s->heuristic_objective) / s->objective;
}

void BM_BlankSampleDefault(benchmark::State& state) { blank_sample(state, false); }
BENCHMARK(BM_BlankSampleDefault)
    ->ArgsProduct({{20, 60}, {3000, 5000}})
    ->ArgNames({"p", "radius_m"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_BlankSampleHighsOnly(benchmark::State& state) { blank_sample(state, true); }
BENCHMARK(BM_BlankSampleHighsOnly)
    ->ArgsProduct({{20, 60}, {3000, 5000}})
    ->ArgNames({"p", "radius_m"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Generated instances, heuristic (with its bound: LP relaxation where cheap, else Lagrangian).
void BM_GeneratedHeuristic(benchmark::State& state)
{
    const auto villages = std::size_t(state.range(0));
    const auto stride = std::size_t(state.range(1));
    const auto v = generated(villages, 42);
    const auto t0 = std::chrono::steady_clock::now();
    const auto pb = make_problem(v, 3000, stride);
    const double matrix_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    SolveOptions opt;
    opt.new_sites = int(state.range(2));
    opt.method = Method::heuristic;
    opt.time_limit_s = 20;
    const auto s = timed_solve(state, pb, opt);
    if (!s) return;
    report(state, *s);
    state.counters["matrix_s"] = matrix_s;
    state.counters["candidates"] = double(pb.coverage.candidate_count);
    state.counters["nonzeros"] = double(pb.coverage.nonzeros());
}
BENCHMARK(BM_GeneratedHeuristic)
    ->Args({30000, 1, 300})
    ->Args({500000, 10, 500})
    ->ArgNames({"villages", "stride", "p"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The peer at province size: HiGHS's MIP with a 60 s limit, warm-started by the heuristic.
void BM_GeneratedHighs(benchmark::State& state)
{
    const auto v = generated(std::size_t(state.range(0)), 42);
    const auto pb = make_problem(v, 3000, 1);
    SolveOptions opt;
    opt.new_sites = int(state.range(1));
    opt.method = Method::exact;
    opt.time_limit_s = 60;
    const auto s = timed_solve(state, pb, opt);
    if (!s) return;
    report(state, *s);
}
BENCHMARK(BM_GeneratedHighs)
    ->Args({30000, 300})
    ->ArgNames({"villages", "p"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// What-if while dragging: one evaluation of a site at a moving point on the sample, with
// 200 sites already on the plan and the dragged one left out.
void BM_WhatIfDrag(benchmark::State& state)
{
    const auto& v = sample();
    WhatIf w(v.lon, v.lat, v.weight, v.township, 3000);
    for (std::size_t j = 0; j < v.lon.size(); j += v.lon.size() / 200) w.add_site(v.lon[j], v.lat[j]);
    const auto dragged = w.add_site(v.lon[7], v.lat[7]);
    std::size_t k = 0;
    double covered = 0;
    for (auto _ : state) {
        const auto j = (k++ * 7919) % v.lon.size();
        auto r = w.evaluate(v.lon[j] + 0.003, v.lat[j] - 0.002, dragged);
        covered += r.newly_covered_weight;
        benchmark::DoNotOptimize(r);
    }
    benchmark::DoNotOptimize(covered);
    state.counters["villages"] = double(v.lon.size());
}
BENCHMARK(BM_WhatIfDrag)->Unit(benchmark::kMicrosecond);

// What the drag replaces: recomputing the plan's coverage from scratch for every move.
void BM_WhatIfFromScratch(benchmark::State& state)
{
    const auto& v = sample();
    std::vector<double> slon, slat;
    for (std::size_t j = 0; j < v.lon.size(); j += v.lon.size() / 200) {
        slon.push_back(v.lon[j]);
        slat.push_back(v.lat[j]);
    }
    slon.push_back(v.lon[7]);
    slat.push_back(v.lat[7]);
    for (auto _ : state) {
        auto c = covered_by_sites(v.lon, v.lat, slon, slat, 3000);
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(BM_WhatIfFromScratch)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) { return coopmap::bench::run_benchmarks(argc, argv); }
