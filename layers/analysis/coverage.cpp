#include "analysis/coverage.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <numbers>
#include <thread>

#include "analysis/geodesic.h"
#include "index/point_index.h"

namespace coopmap::analysis {

Error cancelled()
{
    return Error{.file = {}, .layer = {}, .feature = {}, .message = "分析已取消"};
}

bool is_cancelled(const Error& e)
{
    return e.file.empty() && e.layer.empty() && e.message == "分析已取消";
}

Points feature_points(const Layer& layer)
{
    Points p;
    p.lon.reserve(layer.size());
    p.lat.reserve(layer.size());
    for (std::size_t f = 0; f < layer.size(); ++f) {
        if (layer.kind == GeometryKind::point) {
            p.add(layer.first_x(f), layer.first_y(f));
        } else {
            const auto b = layer.feature_bounds(f);
            p.add((b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2);
        }
    }
    return p;
}

namespace {

constexpr double kRad = std::numbers::pi / 180.0;
// WGS84 (NIMA TR8350.2).
constexpr double kA = 6378137.0;
constexpr double kE2 = 6.69437999014e-3;

// A cheap distance for discarding candidates far from the radius: the local plane with the
// ellipsoid's meridional (M) and prime-vertical (N) radii of curvature at the demand point and the
// mean of the two cosines of latitude. Its relative error is second order in the separation,
// below 1e-3 up to 200 km; decisions inside kBand of the radius, and every reported distance,
// use geod_inverse.
constexpr double kBand = 5e-3;
constexpr double kApproxLimitM = 200000.0;

struct LocalPlane {
    double m_per_rad_lat;  // M
    double n;              // N
};

LocalPlane local_plane(double lat_deg)
{
    const double s = std::sin(lat_deg * kRad);
    const double w2 = 1 - kE2 * s * s;
    const double w = std::sqrt(w2);
    return {kA * (1 - kE2) / (w2 * w), kA / w};
}

struct Candidate {
    double approx;
    std::uint32_t index;
};

// any_only: stop at the first facility within search_m and record it (its distance unmeasured,
// reported as 0 when the pre-filter decided) — the ST_DWithin question.
void nearest_range(const Points& demand, const Points& fac, const std::vector<double>& fac_cos,
                   const index::PointIndex& idx, double search_m, std::size_t begin, std::size_t end,
                   Nearest& out, const std::function<bool(std::size_t)>& tick, bool any_only = false)
{
    const bool approx_ok = search_m <= kApproxLimitM;
    std::vector<std::uint32_t> found;
    std::vector<Candidate> cands;
    for (std::size_t i = begin; i < end; ++i) {
        if (((i - begin) & 1023) == 0 && !tick(i - begin)) return;
        const double lon = demand.lon[i];
        const double lat = demand.lat[i];
        if (!std::isfinite(lon) || !std::isfinite(lat)) continue;
        const auto box = degree_box(lat, search_m);
        found.clear();
        idx.query_box(lon - box.dlon, lat - box.dlat, lon + box.dlon, lat + box.dlat, found);
        if (found.empty()) continue;

        std::uint32_t best = kNone;
        double best_d = kInf;
        if (!approx_ok) {
            for (auto f : found) {
                const double d = geodesic_distance_m(lon, lat, fac.lon[f], fac.lat[f]);
                if (d <= search_m && (d < best_d || (d == best_d && f < best))) {
                    best_d = d;
                    best = f;
                }
            }
        } else {
            const auto plane = local_plane(lat);
            const double c = std::cos(lat * kRad);
            cands.clear();
            double min_a = kInf;
            for (auto f : found) {
                const double dx = (fac.lon[f] - lon) * kRad * 0.5 * (c + fac_cos[f]) * plane.n;
                const double dy = (fac.lat[f] - lat) * kRad * plane.m_per_rad_lat;
                const double a = std::sqrt(dx * dx + dy * dy);
                if (a > search_m * (1 + kBand)) continue;
                if (any_only && (a < search_m * (1 - kBand) ||
                                 geodesic_distance_m(lon, lat, fac.lon[f], fac.lat[f]) <= search_m)) {
                    best = f;
                    best_d = 0;
                    break;
                }
                cands.push_back({a, f});
                min_a = std::min(min_a, a);
            }
            if (any_only) cands.clear();
            // Any candidate whose true distance could be the smallest is measured exactly.
            const double reach = min_a * (1 + kBand) / (1 - kBand);
            for (const auto& cd : cands) {
                if (cd.approx > reach) continue;
                const double d = geodesic_distance_m(lon, lat, fac.lon[cd.index], fac.lat[cd.index]);
                if (d <= search_m && (d < best_d || (d == best_d && cd.index < best))) {
                    best_d = d;
                    best = cd.index;
                }
            }
        }
        out.facility[i] = best;
        out.distance_m[i] = best_d;
    }
}

}  // namespace

namespace {

Result<Nearest> search(const Points& demand, const Points& facilities, double search_m, const Progress& progress,
                       bool any_only)
{
    const std::size_t n = demand.size();
    Nearest out;
    out.facility.assign(n, kNone);
    out.distance_m.assign(n, kInf);
    if (facilities.size() == 0 || n == 0 || !(search_m >= 0)) return out;

    const index::PointIndex idx(facilities.lon, facilities.lat);
    std::vector<double> fac_cos(facilities.size());
    for (std::size_t f = 0; f < facilities.size(); ++f) fac_cos[f] = std::cos(facilities.lat[f] * kRad);

    // Large inputs are split over the cores; the R-tree is only read, so threads share it.
    const std::size_t threads =
        n < 50000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    auto tick_for = [&](std::size_t worker) {
        return [&, worker, last = std::size_t{0}](std::size_t local) mutable {
            done += local - last;
            last = local;
            if (worker == 0 && progress && !progress(static_cast<double>(done) / static_cast<double>(n)))
                stop = true;
            return !stop.load(std::memory_order_relaxed);
        };
    };
    if (threads == 1) {
        nearest_range(demand, facilities, fac_cos, idx, search_m, 0, n, out, tick_for(0), any_only);
    } else {
        std::vector<std::thread> pool;
        const std::size_t chunk = (n + threads - 1) / threads;
        for (std::size_t t = 1; t < threads; ++t) {
            const std::size_t b = std::min(n, t * chunk), e = std::min(n, (t + 1) * chunk);
            pool.emplace_back([&, t, b, e] {
                nearest_range(demand, facilities, fac_cos, idx, search_m, b, e, out, tick_for(t), any_only);
            });
        }
        nearest_range(demand, facilities, fac_cos, idx, search_m, 0, std::min(n, chunk), out, tick_for(0),
                      any_only);
        for (auto& th : pool) th.join();
    }
    if (stop) return cancelled();
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

}  // namespace

Result<Nearest> nearest_facilities(const Points& demand, const Points& facilities, double search_m,
                                   const Progress& progress)
{
    return search(demand, facilities, search_m, progress, false);
}

Result<std::vector<std::uint8_t>> within_any(const Points& demand, const Points& facilities, double radius_m,
                                             const Progress& progress)
{
    auto r = search(demand, facilities, radius_m, progress, true);
    if (!r) return r.error();
    std::vector<std::uint8_t> flags(demand.size());
    for (std::size_t i = 0; i < flags.size(); ++i) flags[i] = r->facility[i] != kNone ? 1 : 0;
    return flags;
}

std::vector<std::uint8_t> covered_within(std::span<const double> values, double limit)
{
    std::vector<std::uint8_t> c(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) c[i] = values[i] <= limit ? 1 : 0;  // NaN compares false
    return c;
}

CoverageTable coverage_table(std::span<const std::string> group_code, std::span<const std::uint8_t> covered,
                             std::span<const double> population, std::span<const double> households,
                             const std::vector<std::pair<std::string, std::string>>& names, double target)
{
    std::map<std::string, CoverageRow> rows;
    CoverageTable t;
    t.total.code = "";
    t.total.name = "合计";
    auto add = [&](CoverageRow& r, std::size_t i) {
        const double p = i < population.size() && std::isfinite(population[i]) ? population[i] : 0.0;
        const double h = i < households.size() && std::isfinite(households[i]) ? households[i] : 0.0;
        ++r.villages;
        r.population += p;
        r.households += h;
        if (covered[i]) {
            ++r.covered;
            r.population_covered += p;
            r.households_covered += h;
        }
    };
    for (std::size_t i = 0; i < covered.size(); ++i) {
        auto& r = rows[i < group_code.size() ? group_code[i] : std::string()];
        add(r, i);
        add(t.total, i);
    }
    std::map<std::string, std::string> name_of(names.begin(), names.end());
    // Share compared in integers (covered >= target * villages), so 9 of 10 meets 0.9 exactly.
    auto met = [target](const CoverageRow& r) {
        return r.villages > 0 &&
               static_cast<double>(r.covered) + 1e-9 >= target * static_cast<double>(r.villages);
    };
    for (auto& [code, r] : rows) {
        r.code = code;
        const auto it = name_of.find(code);
        r.name = it != name_of.end() ? it->second : (code.empty() ? std::string("（无代码）") : code);
        r.target_met = met(r);
        t.rows.push_back(std::move(r));
    }
    t.total.target_met = met(t.total);
    return t;
}

}  // namespace coopmap::analysis
