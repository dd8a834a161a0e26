// Which candidate sites reach which demand villages, built once per planning run and
// shared by every solver (exact and heuristic) and by the what-if evaluation.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace coopmap::analysis::planning {

// Both directions in compressed rows: candidate i reaches demand
// cand_demand[cand_start[i] .. cand_start[i+1]), demand j is reached by candidates
// dem_cand[dem_start[j] .. dem_start[j+1]). Each row is sorted.
struct CoverageMatrix {
    std::size_t demand_count = 0;
    std::size_t candidate_count = 0;
    std::vector<std::uint32_t> cand_start{0};
    std::vector<std::uint32_t> cand_demand;
    std::vector<std::uint32_t> dem_start{0};
    std::vector<std::uint32_t> dem_cand;

    std::span<const std::uint32_t> covers(std::size_t candidate) const
    {
        return {cand_demand.data() + cand_start[candidate], cand_demand.data() + cand_start[candidate + 1]};
    }
    std::span<const std::uint32_t> covered_by(std::size_t demand) const
    {
        return {dem_cand.data() + dem_start[demand], dem_cand.data() + dem_start[demand + 1]};
    }
    std::size_t nonzeros() const { return cand_demand.size(); }
};

// Straight-line reach: demand within `radius_m` (geodesic, WGS84) of each candidate.
CoverageMatrix coverage_within_radius(std::span<const double> demand_lon, std::span<const double> demand_lat,
                                      std::span<const double> cand_lon, std::span<const double> cand_lat,
                                      double radius_m);

// Any other reach (e.g. minutes over the road graph): lists[i] holds the demand indices
// candidate i reaches, in any order, duplicates allowed.
CoverageMatrix coverage_from_lists(std::size_t demand_count, std::vector<std::vector<std::uint32_t>> lists);

// 1 for each demand point within `radius_m` of at least one of the sites.
std::vector<std::uint8_t> covered_by_sites(std::span<const double> demand_lon, std::span<const double> demand_lat,
                                           std::span<const double> site_lon, std::span<const double> site_lat,
                                           double radius_m);

// Pairs of points closer than `distance_m`: out[i] lists every j != i within it.
std::vector<std::vector<std::uint32_t>> points_within(std::span<const double> lon, std::span<const double> lat,
                                                      double distance_m);

}  // namespace coopmap::analysis::planning
