// The real public inputs of the sample (geodata/sources/, see its SOURCES.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geometry.h"

namespace coopmap::sample {

struct CountySource {
    std::string code;  // GB/T 2260, 6 digits
    std::string name;
    std::string seat_name;
    LonLat seat;  // WGS84, about ±2 km
    double area_km2 = 0;  // approximate published land area
    LonLat shape_centre;  // approximate centre of the territory
    double ruggedness = 0;  // 0 plain … 1 mountains
};

struct TownshipSource {
    std::string code;  // 9 digits
    std::string name;
    std::string county_code;
};

struct VillageSource {
    std::string code;  // 12 digits
    std::string name;
    std::string township_code;
    std::string county_code;
};

struct Sources {
    std::vector<CountySource> counties;
    std::vector<TownshipSource> townships;
    std::vector<VillageSource> villages;
    // The city outline as published: polygons, each a shell then holes, GCJ-02.
    std::vector<std::vector<std::vector<LonLat>>> outline_gcj02;
};

// Reads and cross-checks the files; throws std::runtime_error naming file and row.
Sources read_sources(const std::filesystem::path& dir);

}  // namespace coopmap::sample
