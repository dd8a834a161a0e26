// Reading any vector source GDAL opens into a Layer in WGS84 lon/lat, with its index.
#pragma once

#include <string>
#include <vector>

#include "model/error.h"
#include "model/layer.h"

namespace coopmap::io {

struct SourceSpec {
    std::string uri;           // a file path or a GDAL connection string ("PG:…")
    std::string layer;         // layer inside the source; empty: its first layer
    std::string declared_crs;  // used when the source has none, or to override: EPSG:n, WKT, GCJ02, BD09
    std::string encoding;      // forces the text encoding of attributes, e.g. CP936
    Role role = Role::village;
    std::string title;         // the project's name for the layer, for messages
};

struct LoadedLayer {
    Layer layer;
    std::vector<Error> skipped;  // features that could not be read, each with its reason
    std::size_t repaired = 0;    // invalid polygons made valid (GEOS make-valid)
    std::size_t with_z = 0;      // features whose Z values were dropped
    std::size_t with_m = 0;      // features whose M values were dropped
    bool axes_swapped = false;   // the source stored northing before easting
    std::string crs_note;        // how the CRS was decided when the source had none
};

Result<LoadedLayer> read_layer(const SourceSpec& spec);

// The names of the vector layers in a data source, in its order.
Result<std::vector<std::string>> layer_names(const std::string& uri);

// True if the bytes are well-formed UTF-8.
bool is_utf8(std::string_view text);

}  // namespace coopmap::io
