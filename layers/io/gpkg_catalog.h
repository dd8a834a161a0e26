// A GeoPackage's layers listed from its own tables (gpkg_contents, gpkg_geometry_columns,
// gpkg_ogr_contents) through SQLite, without GDAL (issue 17). GDAL's GPKG driver looks each
// table up in sqlite_master when it opens a file and reads the whole schema again for each layer
// definition asked, so listing 2,000 layers takes it seconds to minutes; these queries are linear.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace coopmap::io {

struct GpkgLayer {
    std::string name;
    bool has_geometry = false;  // false: an attribute table
    std::string geometry_type;  // gpkg_geometry_columns.geometry_type_name, upper case ("POINT", "GEOMETRY"…)
    long long recorded_features = -1;  // gpkg_ogr_contents.feature_count: what the file claims; -1 if none
};

// The layers in the order they were written; nullopt when SQLite cannot list them (an empty,
// truncated or non-SQLite file, no gpkg_contents): the caller opens the file with GDAL then,
// whose message says what is wrong.
std::optional<std::vector<GpkgLayer>> gpkg_catalog(const std::string& path);

}  // namespace coopmap::io
