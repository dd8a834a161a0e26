// Generated positions and populations of the real villages and communities.
#pragma once

#include <vector>

#include "admin.h"

namespace coopmap::sample {

struct Village {
    const VillageSource* source = nullptr;
    std::size_t township = 0;
    bool community = false;  // 社区/居委会 rather than 村委会
    LonLat position;
    int population = 0;
    int households = 0;
};

// 村委会 / 村民委员会 are villages; 居委会, 社区, 生活区 are communities.
bool is_community(const std::string& name);

// Inside the township (at least ~200 m from its edge where it is large enough),
// communities around the township seat, villages spread with a minimum spacing and
// drawn to valleys in rugged counties; populations by kind and terrain.
std::vector<Village> place_villages(const Geos& geos, const AdminAreas& areas, const Sources& sources,
                                    const LocalFrame& frame, const Random& root);

}  // namespace coopmap::sample
