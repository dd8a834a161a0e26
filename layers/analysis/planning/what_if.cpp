#include "analysis/planning/what_if.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/geodesic.h"

namespace coopmap::analysis::planning {

WhatIf::WhatIf(std::vector<double> lon, std::vector<double> lat, std::vector<double> weight,
               std::vector<std::int32_t> township, double radius_m)
    : lon_(std::move(lon)), lat_(std::move(lat)), weight_(std::move(weight)), township_(std::move(township)),
      radius_m_(radius_m), index_(lon_, lat_), count_(lon_.size(), 0)
{
    weight_.resize(lon_.size(), 1.0);
    township_.resize(lon_.size(), -1);
    std::int32_t towns = 0;
    for (const auto t : township_) towns = std::max(towns, t + 1);
    town_villages_.assign(std::size_t(towns), 0);
    town_covered_.assign(std::size_t(towns), 0);
    town_weight_.assign(std::size_t(towns), 0);
    town_weight_covered_.assign(std::size_t(towns), 0);
    for (std::size_t j = 0; j < lon_.size(); ++j) {
        if (!(weight_[j] >= 0)) weight_[j] = 0;  // NaN population counts as none
        total_weight_ += weight_[j];
        if (township_[j] < 0) continue;
        ++town_villages_[std::size_t(township_[j])];
        town_weight_[std::size_t(township_[j])] += weight_[j];
    }
}

WhatIf::WhatIf(std::vector<double> lon, std::vector<double> lat, std::vector<double> weight,
               std::vector<std::int32_t> township, ReachOf reach_of)
    : WhatIf(std::move(lon), std::move(lat), std::move(weight), std::move(township), 0.0)
{
    reach_of_ = std::move(reach_of);
    // No radius bounds which sites can share villages (evaluate's latitude filter).
    radius_m_ = std::numeric_limits<double>::infinity();
}

std::vector<std::uint32_t> WhatIf::within(double lon, double lat) const
{
    std::vector<std::uint32_t> box, out;
    if (!std::isfinite(lon) || !std::isfinite(lat)) return out;
    if (reach_of_) return reach_of_(lon, lat);
    const auto b = degree_box(lat, radius_m_);
    index_.query_box(lon - b.dlon, lat - b.dlat, lon + b.dlon, lat + b.dlat, box);
    for (const auto j : box)
        if (geodesic_distance_m(lon, lat, lon_[j], lat_[j]) <= radius_m_) out.push_back(j);
    std::sort(out.begin(), out.end());
    return out;
}

std::uint32_t WhatIf::add_site(double lon, double lat)
{
    const auto id = std::uint32_t(site_lon_.size());
    site_lon_.push_back(lon);
    site_lat_.push_back(lat);
    site_reach_.push_back(within(lon, lat));
    site_live_.push_back(1);
    for (const auto j : site_reach_.back()) reached(j);
    return id;
}

void WhatIf::remove_site(std::uint32_t site)
{
    if (site >= site_live_.size() || !site_live_[site]) return;
    for (const auto j : site_reach_[site]) left(j);
    site_reach_[site].clear();
    site_live_[site] = 0;
}

void WhatIf::move_site(std::uint32_t site, double lon, double lat)
{
    if (site >= site_live_.size()) return;
    remove_site(site);
    site_lon_[site] = lon;
    site_lat_[site] = lat;
    site_reach_[site] = within(lon, lat);
    site_live_[site] = 1;
    for (const auto j : site_reach_[site]) reached(j);
}

void WhatIf::reached(std::uint32_t j)
{
    if (count_[j]++ != 0) return;
    ++covered_;
    covered_weight_ += weight_[j];
    if (township_[j] < 0) return;
    ++town_covered_[std::size_t(township_[j])];
    town_weight_covered_[std::size_t(township_[j])] += weight_[j];
}

void WhatIf::left(std::uint32_t j)
{
    if (--count_[j] != 0) return;
    --covered_;
    covered_weight_ -= weight_[j];
    if (township_[j] < 0) return;
    --town_covered_[std::size_t(township_[j])];
    town_weight_covered_[std::size_t(township_[j])] -= weight_[j];
}

WhatIfResult WhatIf::evaluate(double lon, double lat, std::uint32_t ignore) const
{
    WhatIfResult r;
    const auto reach = within(lon, lat);
    const std::vector<std::uint32_t> none;
    const auto& ignored = ignore < site_reach_.size() ? site_reach_[ignore] : none;
    // Coverage of the plan without the ignored site, for the villages that matter here:
    // those this point reaches and those the ignored site reached.
    auto count_without = [&](std::uint32_t j) {
        return count_[j] - (std::binary_search(ignored.begin(), ignored.end(), j) ? 1u : 0u);
    };
    std::vector<std::int32_t> towns;
    for (const auto j : reach) {
        if (count_without(j) == 0) {
            r.newly_covered.push_back(j);
            r.newly_covered_weight += weight_[j];
        } else {
            r.overlap.push_back(j);
            r.overlap_weight += weight_[j];
        }
        if (township_[j] >= 0) towns.push_back(township_[j]);
    }
    for (const auto j : ignored)
        if (township_[j] >= 0) towns.push_back(township_[j]);
    std::sort(towns.begin(), towns.end());
    towns.erase(std::unique(towns.begin(), towns.end()), towns.end());
    for (const auto t : towns) {
        TownshipChange c;
        c.township = t;
        c.villages = town_villages_[std::size_t(t)];
        c.weight = town_weight_[std::size_t(t)];
        c.covered_before = town_covered_[std::size_t(t)];
        c.weight_before = town_weight_covered_[std::size_t(t)];
        // Without the dragged site…
        for (const auto j : ignored)
            if (township_[j] == t && count_[j] == 1) {
                --c.covered_before;
                c.weight_before -= weight_[j];
            }
        // …and with the proposed one.
        c.covered_after = c.covered_before;
        c.weight_after = c.weight_before;
        for (const auto j : r.newly_covered)
            if (township_[j] == t) {
                ++c.covered_after;
                c.weight_after += weight_[j];
            }
        r.townships.push_back(c);
    }
    // Sites sharing villages: only those within two radii can.
    for (std::uint32_t s = 0; s < site_lon_.size(); ++s) {
        if (s == ignore || !site_live_[s]) continue;
        if (std::abs(site_lat_[s] - lat) > 0.05 + 2 * radius_m_ / 110000.0) continue;
        const auto& other = site_reach_[s];
        for (const auto j : r.overlap)
            if (std::binary_search(other.begin(), other.end(), j)) {
                r.overlapping_sites.push_back(s);
                break;
            }
    }
    return r;
}

}  // namespace coopmap::analysis::planning
