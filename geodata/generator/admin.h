// The generated administrative areas: the 9 counties and 130 townships as a partition of
// the real city outline.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "geometry.h"
#include "partition.h"
#include "random.h"
#include "sources.h"

namespace coopmap::sample {

enum class TownshipKind {
    town,  // 镇、乡: rural, spread over the county
    street,  // 街道 and urban units (开发区、园区…): small, around the county seat
    special,  // 农场、林场、风景区、管理区: rural, few villages, placed like towns
};

struct County {
    const CountySource* source = nullptr;
    Geom polygon;
    double area_km2 = 0;  // geodesic
    LonLat view_centre;  // centre of its extent, for bookmarks
    std::vector<std::size_t> townships;
};

struct Township {
    const TownshipSource* source = nullptr;
    std::size_t county = 0;
    TownshipKind kind = TownshipKind::town;
    Geom polygon;
    Geom inset;  // the polygon shrunk by about 200 m: where things are placed
    LonLat centre;  // the township government's seat (generated)
    double area_km2 = 0;  // geodesic
    std::vector<int> cells;  // domain cells, for sampling positions
    std::size_t village_count = 0;
};

struct AdminAreas {
    Geom outline;  // WGS84, valid
    LonLat view_centre;
    std::unique_ptr<Domain> domain;
    std::vector<County> counties;
    std::vector<Township> townships;
};

TownshipKind township_kind(const std::string& name);

AdminAreas make_admin_areas(const Geos& geos, const Sources& sources, const LocalFrame& frame, const Random& root,
                            std::ostream& log);

// Throws unless the townships tile the outline (no gaps, no overlaps), each county is
// the union of its townships, and the areas add up.
void check_admin_areas(const Geos& geos, const AdminAreas& areas, std::ostream& log);

}  // namespace coopmap::sample
