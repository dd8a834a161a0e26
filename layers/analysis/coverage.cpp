#include "analysis/coverage.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>
#include <thread>

#include "analysis/geodesic.h"

namespace coopmap::analysis {

Error cancelled() { return cancelled_error("分析已取消"); }

bool is_cancelled(const Error& e) { return e.cancelled; }

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
    double n;  // N
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

// The facilities bucketed in a uniform lon/lat grid whose cells are about the search box's
// half-height: every query of a fixed-radius search has the same size, so a handful of cell reads
// replaces an R-tree descent per village (4–5x less CPU on bench/coverage_bench.cpp's 500k x 50k).
// Each cell's facilities sit next to each other with their cosines, in cell order.
class FacilityGrid {
public:
    FacilityGrid(const Points& fac, double search_m)
    {
        Bounds b;
        for (std::size_t f = 0; f < fac.size(); ++f)
            if (std::isfinite(fac.lon[f]) && std::isfinite(fac.lat[f])) b.extend(fac.lon[f], fac.lat[f]);
        if (b.empty()) return;
        x0_ = b.min_x;
        y0_ = b.min_y;
        const double w = b.max_x - b.min_x, h = b.max_y - b.min_y;
        double cell = std::max(degree_box(0, search_m).dlat, 1e-9);
        // At most about 4 million cells: a tiny radius over a whole country gets bigger cells.
        constexpr double kMaxCells = 4.0 * 1024 * 1024;
        const double cells = (w / cell + 1) * (h / cell + 1);
        if (cells > kMaxCells) cell *= std::sqrt(cells / kMaxCells);
        cell_ = cell;
        nx_ = static_cast<std::size_t>(w / cell) + 1;
        ny_ = static_cast<std::size_t>(h / cell) + 1;
        std::vector<std::uint32_t> cell_of(fac.size(), kNone);
        start_.assign(nx_ * ny_ + 1, 0);
        for (std::size_t f = 0; f < fac.size(); ++f) {
            if (!std::isfinite(fac.lon[f]) || !std::isfinite(fac.lat[f])) continue;
            const auto c = static_cast<std::uint32_t>(row(fac.lat[f]) * nx_ + col(fac.lon[f]));
            cell_of[f] = c;
            ++start_[c + 1];
        }
        std::partial_sum(start_.begin(), start_.end(), start_.begin());
        const auto n = start_.back();
        lon_.resize(n);
        lat_.resize(n);
        cos_.resize(n);
        id_.resize(n);
        std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
        for (std::size_t f = 0; f < fac.size(); ++f) {
            if (cell_of[f] == kNone) continue;
            const auto at = fill[cell_of[f]]++;
            lon_[at] = fac.lon[f];
            lat_[at] = fac.lat[f];
            cos_[at] = std::cos(fac.lat[f] * kRad);
            id_[at] = static_cast<std::uint32_t>(f);
        }
    }

    // Calls fn(slot) for every facility in the cells the box touches; slots index lon()/lat()/…
    template <class Fn> bool for_each_in_box(double min_x, double min_y, double max_x, double max_y, Fn&& fn) const
    {
        if (nx_ == 0 || max_x < x0_ || max_y < y0_) return true;
        const std::size_t c0 = col(min_x), c1 = col(max_x), r0 = row(min_y), r1 = row(max_y);
        for (std::size_t r = r0; r <= r1; ++r)
            for (auto slot = start_[r * nx_ + c0]; slot < start_[r * nx_ + c1 + 1]; ++slot)
                if (!fn(slot)) return false;
        return true;
    }

    const std::vector<double>& lon() const { return lon_; }
    const std::vector<double>& lat() const { return lat_; }
    const std::vector<double>& cos_lat() const { return cos_; }
    const std::vector<std::uint32_t>& id() const { return id_; }

private:
    std::size_t col(double x) const
    {
        const double c = std::floor((x - x0_) / cell_);
        return c <= 0 ? 0 : std::min(nx_ - 1, static_cast<std::size_t>(c));
    }
    std::size_t row(double y) const
    {
        const double r = std::floor((y - y0_) / cell_);
        return r <= 0 ? 0 : std::min(ny_ - 1, static_cast<std::size_t>(r));
    }

    double x0_ = 0, y0_ = 0, cell_ = 1;
    std::size_t nx_ = 0, ny_ = 0;
    std::vector<std::uint32_t> start_;
    std::vector<double> lon_, lat_, cos_;
    std::vector<std::uint32_t> id_;
};

// any_only: stop at the first facility within search_m and record it (its distance unmeasured,
// reported as 0 when the pre-filter decided) — the ST_DWithin question.
void nearest_range(const Points& demand, const FacilityGrid& grid, double search_m, std::size_t begin, std::size_t end,
                   Nearest& out, const std::function<bool(std::size_t)>& tick, bool any_only = false)
{
    const bool approx_ok = search_m <= kApproxLimitM;
    const auto& flon = grid.lon();
    const auto& flat = grid.lat();
    const auto& fcos = grid.cos_lat();
    const auto& fid = grid.id();
    std::vector<Candidate> cands;
    for (std::size_t i = begin; i < end; ++i) {
        if (((i - begin) & 1023) == 0 && !tick(i - begin)) return;
        const double lon = demand.lon[i];
        const double lat = demand.lat[i];
        if (!std::isfinite(lon) || !std::isfinite(lat)) continue;
        const auto box = degree_box(lat, search_m);
        const double x0 = lon - box.dlon, x1 = lon + box.dlon, y0 = lat - box.dlat, y1 = lat + box.dlat;
        auto in_box = [&](std::uint32_t k) { return flon[k] >= x0 && flon[k] <= x1 && flat[k] >= y0 && flat[k] <= y1; };

        std::uint32_t best = kNone;
        double best_d = kInf;
        auto consider = [&](std::uint32_t f, double d) {
            if (d <= search_m && (d < best_d || (d == best_d && f < best))) {
                best_d = d;
                best = f;
            }
        };
        if (!approx_ok) {
            grid.for_each_in_box(x0, y0, x1, y1, [&](std::uint32_t k) {
                if (in_box(k)) consider(fid[k], geodesic_distance_m(lon, lat, flon[k], flat[k]));
                return true;
            });
        } else {
            const auto plane = local_plane(lat);
            const double c = std::cos(lat * kRad);
            cands.clear();
            double min_a = kInf;
            grid.for_each_in_box(x0, y0, x1, y1, [&](std::uint32_t k) {
                if (!in_box(k)) return true;
                const double dx = (flon[k] - lon) * kRad * 0.5 * (c + fcos[k]) * plane.n;
                const double dy = (flat[k] - lat) * kRad * plane.m_per_rad_lat;
                const double a = std::sqrt(dx * dx + dy * dy);
                if (a > search_m * (1 + kBand)) return true;
                if (any_only &&
                    (a < search_m * (1 - kBand) || geodesic_distance_m(lon, lat, flon[k], flat[k]) <= search_m)) {
                    best = fid[k];
                    best_d = 0;
                    return false;
                }
                cands.push_back({a, k});
                min_a = std::min(min_a, a);
                return true;
            });
            if (any_only) cands.clear();
            // Any candidate whose true distance could be the smallest is measured exactly.
            const double reach = min_a * (1 + kBand) / (1 - kBand);
            for (const auto& cd : cands) {
                if (cd.approx > reach) continue;
                consider(fid[cd.index], geodesic_distance_m(lon, lat, flon[cd.index], flat[cd.index]));
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

    const FacilityGrid grid(facilities, search_m);

    // Large inputs are split over the cores; the R-tree is only read, so threads share it.
    const std::size_t threads = n < 50000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    auto tick_for = [&](std::size_t worker) {
        return [&, worker, last = std::size_t{0}](std::size_t local) mutable {
            done += local - last;
            last = local;
            if (worker == 0 && progress && !progress(static_cast<double>(done) / static_cast<double>(n))) stop = true;
            return !stop.load(std::memory_order_relaxed);
        };
    };
    if (threads == 1) {
        nearest_range(demand, grid, search_m, 0, n, out, tick_for(0), any_only);
    } else {
        std::vector<std::thread> pool;
        const std::size_t chunk = (n + threads - 1) / threads;
        for (std::size_t t = 1; t < threads; ++t) {
            const std::size_t b = std::min(n, t * chunk), e = std::min(n, (t + 1) * chunk);
            pool.emplace_back(
                [&, t, b, e] { nearest_range(demand, grid, search_m, b, e, out, tick_for(t), any_only); });
        }
        nearest_range(demand, grid, search_m, 0, std::min(n, chunk), out, tick_for(0), any_only);
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
        return r.villages > 0 && static_cast<double>(r.covered) + 1e-9 >= target * static_cast<double>(r.villages);
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
