// A user's own tiles (a z/x/y folder, XYZ or TMS, or an .mbtiles file) converted into the
// layout of `osm.mapping.offline.directory`, cached: converted again only when the source changes.
#pragma once

#include <string>

#include "basemap/tile_renderer.h"

namespace coopmap::basemap {

enum class TileScheme {
    automatic,  // a folder with gdal2tiles' tilemapresource.xml is TMS, any other XYZ
    xyz,  // row 0 at the north (OSM, Tianditu, most tile servers)
    tms,  // row 0 at the south (TMS, gdal2tiles' default, every MBTiles file)
};

// Converts `source` (a folder or a .mbtiles file) into `directory`. MBTiles rows are always
// TMS (MBTiles 1.3 spec); `scheme` applies to folders. Only PNG and JPEG tiles are accepted:
// a vector-tile MBTiles (pbf) is an error that says so.
Result<TileSet> import_tiles(const std::string& source, const std::string& directory,
                             TileScheme scheme = TileScheme::automatic, const Progress& progress = {});

// Where imported tiles are kept by default: beside the project's rendered tiles.
std::string default_import_directory(const std::string& project_file, const std::string& source,
                                     const std::string& root = {});

}  // namespace coopmap::basemap
