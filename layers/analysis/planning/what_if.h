// "What if we build here": the effect of one proposed site, answered while the user drags
// it. Everything that does not depend on the site's position (the index, per-village counts
// of sites reaching it, township totals) is made once; an evaluation touches only the
// villages within reach of the point.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "index/point_index.h"

namespace coopmap::analysis::planning {

struct TownshipChange {
    std::int32_t township = -1;  // index as given to WhatIf (dense township id)
    std::size_t villages = 0;
    std::size_t covered_before = 0, covered_after = 0;
    double weight = 0, weight_before = 0, weight_after = 0;
};

struct WhatIfResult {
    std::vector<std::uint32_t> newly_covered;  // villages only this site would reach
    double newly_covered_weight = 0;  // their population (or households)
    std::vector<std::uint32_t> overlap;  // villages it reaches that other sites reach already
    double overlap_weight = 0;
    std::vector<std::uint32_t> overlapping_sites;  // sites sharing villages with it
    std::vector<TownshipChange> townships;  // the townships it touches, by id
};

class WhatIf {
public:
    WhatIf() = default;
    // Villages (lon/lat, weight, dense township id or -1) and the service radius.
    WhatIf(std::vector<double> lon, std::vector<double> lat, std::vector<double> weight,
           std::vector<std::int32_t> township, double radius_m);
    // Reach other than a radius (by road): the villages, sorted, that a site at (lon, lat) reaches.
    using ReachOf = std::function<std::vector<std::uint32_t>(double lon, double lat)>;
    WhatIf(std::vector<double> lon, std::vector<double> lat, std::vector<double> weight,
           std::vector<std::int32_t> township, ReachOf reach_of);

    // Sites already on the plan (existing and accepted proposals); returns the site's id.
    std::uint32_t add_site(double lon, double lat);
    void move_site(std::uint32_t site, double lon, double lat);
    void remove_site(std::uint32_t site);
    std::size_t site_count() const { return site_lon_.size(); }

    // A proposed site at (lon, lat) against the plan, leaving out site `ignore` (the one
    // being dragged; UINT32_MAX: none).
    WhatIfResult evaluate(double lon, double lat, std::uint32_t ignore = UINT32_MAX) const;

    // Villages each site reaches, and how many sites reach each village.
    const std::vector<std::uint32_t>& reach(std::uint32_t site) const { return site_reach_[site]; }
    std::uint32_t count(std::uint32_t village) const { return count_[village]; }
    std::size_t village_count() const { return lon_.size(); }
    // Villages some site reaches, and their weight: the plan's coverage, kept as sites come,
    // move and go (what the panel shows while a site is dragged); beside every village's weight.
    std::size_t covered_villages() const { return covered_; }
    double covered_weight() const { return covered_weight_; }
    double total_weight() const { return total_weight_; }

private:
    std::vector<std::uint32_t> within(double lon, double lat) const;
    void reached(std::uint32_t village);  // one more site reaches it
    void left(std::uint32_t village);  // one site fewer

    std::vector<double> lon_, lat_, weight_;
    std::vector<std::int32_t> township_;
    double radius_m_ = 0;
    ReachOf reach_of_;  // set: it answers within(), and radius_m_ is infinite
    index::PointIndex index_;
    std::vector<std::uint32_t> count_;
    std::size_t covered_ = 0;
    double covered_weight_ = 0;
    double total_weight_ = 0;
    std::vector<std::size_t> town_villages_, town_covered_;
    std::vector<double> town_weight_, town_weight_covered_;
    std::vector<double> site_lon_, site_lat_;
    std::vector<std::vector<std::uint32_t>> site_reach_;  // sorted
    std::vector<std::uint8_t> site_live_;
};

}  // namespace coopmap::analysis::planning
