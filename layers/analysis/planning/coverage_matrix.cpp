#include "analysis/planning/coverage_matrix.h"

#include <algorithm>
#include <cmath>

#include "analysis/geodesic.h"
#include "index/point_index.h"

namespace coopmap::analysis::planning {

namespace {

// For each query point, the indexed points within `radius_m`: the R-tree gives a box of
// candidates, PROJ's geodesic decides.
template <typename Visit>
void for_each_within(const index::PointIndex& idx, std::span<const double> px, std::span<const double> py, double qx,
                     double qy, double radius_m, std::vector<std::uint32_t>& scratch, Visit&& visit)
{
    if (!std::isfinite(qx) || !std::isfinite(qy)) return;
    const auto box = degree_box(qy, radius_m);
    scratch.clear();
    idx.query_box(qx - box.dlon, qy - box.dlat, qx + box.dlon, qy + box.dlat, scratch);
    for (const auto j : scratch)
        if (geodesic_distance_m(qx, qy, px[j], py[j]) <= radius_m) visit(j);
}

void transpose(CoverageMatrix& m)
{
    std::vector<std::uint32_t> count(m.demand_count + 1, 0);
    for (const auto j : m.cand_demand) ++count[j + 1];
    for (std::size_t j = 0; j < m.demand_count; ++j) count[j + 1] += count[j];
    m.dem_start = count;
    m.dem_cand.assign(m.cand_demand.size(), 0);
    // Candidates are visited in increasing order, so each demand row comes out sorted.
    for (std::size_t i = 0; i < m.candidate_count; ++i)
        for (const auto j : m.covers(i)) m.dem_cand[count[j]++] = static_cast<std::uint32_t>(i);
}

}  // namespace

CoverageMatrix coverage_within_radius(std::span<const double> demand_lon, std::span<const double> demand_lat,
                                      std::span<const double> cand_lon, std::span<const double> cand_lat,
                                      double radius_m)
{
    const index::PointIndex idx(demand_lon, demand_lat);
    CoverageMatrix m;
    m.demand_count = demand_lon.size();
    m.candidate_count = cand_lon.size();
    m.cand_start.reserve(m.candidate_count + 1);
    std::vector<std::uint32_t> scratch, row;
    for (std::size_t i = 0; i < m.candidate_count; ++i) {
        row.clear();
        for_each_within(idx, demand_lon, demand_lat, cand_lon[i], cand_lat[i], radius_m, scratch,
                        [&](std::uint32_t j) { row.push_back(j); });
        std::sort(row.begin(), row.end());
        m.cand_demand.insert(m.cand_demand.end(), row.begin(), row.end());
        m.cand_start.push_back(static_cast<std::uint32_t>(m.cand_demand.size()));
    }
    transpose(m);
    return m;
}

CoverageMatrix coverage_from_lists(std::size_t demand_count, std::vector<std::vector<std::uint32_t>> lists)
{
    CoverageMatrix m;
    m.demand_count = demand_count;
    m.candidate_count = lists.size();
    for (auto& row : lists) {
        std::sort(row.begin(), row.end());
        row.erase(std::unique(row.begin(), row.end()), row.end());
        for (const auto j : row)
            if (j < demand_count) m.cand_demand.push_back(j);
        m.cand_start.push_back(static_cast<std::uint32_t>(m.cand_demand.size()));
    }
    transpose(m);
    return m;
}

std::vector<std::uint8_t> covered_by_sites(std::span<const double> demand_lon, std::span<const double> demand_lat,
                                           std::span<const double> site_lon, std::span<const double> site_lat,
                                           double radius_m)
{
    std::vector<std::uint8_t> covered(demand_lon.size(), 0);
    if (site_lon.empty()) return covered;
    const index::PointIndex idx(demand_lon, demand_lat);
    std::vector<std::uint32_t> scratch;
    for (std::size_t s = 0; s < site_lon.size(); ++s)
        for_each_within(idx, demand_lon, demand_lat, site_lon[s], site_lat[s], radius_m, scratch,
                        [&](std::uint32_t j) { covered[j] = 1; });
    return covered;
}

std::vector<std::vector<std::uint32_t>> points_within(std::span<const double> lon, std::span<const double> lat,
                                                      double distance_m)
{
    std::vector<std::vector<std::uint32_t>> out(lon.size());
    if (distance_m <= 0) return out;
    const index::PointIndex idx(lon, lat);
    std::vector<std::uint32_t> scratch;
    for (std::size_t i = 0; i < lon.size(); ++i) {
        for_each_within(idx, lon, lat, lon[i], lat[i], distance_m, scratch, [&](std::uint32_t j) {
            if (j != i) out[i].push_back(j);
        });
        // "Closer than": a pair exactly at the spacing is allowed.
        std::erase_if(
            out[i], [&](std::uint32_t j) { return geodesic_distance_m(lon[i], lat[i], lon[j], lat[j]) >= distance_m; });
        std::sort(out[i].begin(), out[i].end());
    }
    return out;
}

}  // namespace coopmap::analysis::planning
