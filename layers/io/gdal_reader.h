// Reading any vector source GDAL opens into a Layer in WGS84 lon/lat.
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
    std::string encoding;      // forces the text encoding of Shapefile attributes, e.g. CP936
    Role role = Role::village;
    std::string title;         // the project's name for the layer, for messages
};

struct LoadedLayer {
    Layer layer;
    std::vector<Error> skipped;  // features that could not be read, each with its reason
};

Result<LoadedLayer> read_layer(const SourceSpec& spec);

}  // namespace coopmap::io
