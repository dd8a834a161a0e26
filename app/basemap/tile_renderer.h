// The offline basemap: raster tiles drawn from the project's own vector layers (admin
// boundaries, water, roads, county and township names) into the layout of
// `osm.mapping.offline.directory`, re-drawn only when those layers or their styles change.
#pragma once

#include <string>

#include "model/error.h"
#include "model/feedback.h"
#include "model/project.h"

namespace coopmap::basemap {

// From zoom 5 the whole province is on screen with the city in it (a few tiles more).
struct ZoomRange {
    int min = 5;
    int max = 12;
    bool operator==(const ZoomRange&) const = default;
};

// "7-12" or "9"; zooms 0–18.
Result<ZoomRange> parse_zoom_range(const std::string& text);

struct TileSet {
    std::string directory;
    int tiles = 0;  // tile files in the directory
    bool reused = false;  // the directory was already up to date: nothing was drawn
};

// The layers the basemap draws: admin boundaries, roads, and water (the project has no
// water role yet, so a layer whose id or title names water: water, river, 水系, 河流, 湖泊…).
bool is_basemap_layer(const LayerConfig& layer);
bool is_water_layer(const LayerConfig& layer);

// What the tiles depend on: the drawing code's version, the zooms, and for each basemap
// layer its configuration, style and source file (size, time). Equal fingerprints: same tiles.
std::string tiles_fingerprint(const Project& project, ZoomRange zooms);

// Makes `directory` hold the tiles of `project` for `zooms`. If it already holds tiles of an
// equal fingerprint nothing is drawn. Otherwise the tiles are drawn into a sibling folder
// which then replaces `directory`, so a failed or cancelled run leaves the old tiles.
// Needs a QGuiApplication for the labels' fonts.
Result<TileSet> render_project_tiles(const Project& project, const std::string& directory, ZoomRange zooms,
                                     const Progress& progress = {});

// Where the GUI and `coopmap-cli tiles` keep a project's tiles by default:
// <root>/<project name>-<hash of the project's absolute path>; root defaults to
// <generic cache>/coopmap/basemap.
std::string default_tile_directory(const std::string& project_file, const std::string& root = {});
std::string default_cache_root();

// The file holding the fingerprint inside a tile directory.
inline constexpr const char* kStampFile = "coopmap-basemap.json";

}  // namespace coopmap::basemap
