// Writing a layer (WGS84 in memory) to GeoPackage, GeoJSON, CSV, XLSX, Shapefile or KML,
// every attribute kept, without ever damaging what was there before.
#pragma once

#include <string>

#include "model/error.h"
#include "model/layer.h"

namespace coopmap::io {

struct WriteSpec {
    std::string path;  // the format follows the extension: .gpkg .geojson .json .csv .xlsx .shp .kml
    std::string layer;  // layer name in the output; empty: the layer's name
    // Coordinates are written in this CRS: EPSG:n, WKT, a PROJ string, or GCJ02 / BD09 (Amap or
    // Baidu coordinates, written as lon/lat the way those maps' exports are).
    std::string crs = "EPSG:4326";
};

// GeoPackage: into a new file, or into an existing one inside one transaction (a layer of
// the same name is replaced, other layers are untouched). Other formats: written to a
// temporary file beside the target and renamed over it. Shapefiles get a UTF-8 .cpg;
// CSV and XLSX carry points as 经度/纬度 columns (X/Y in a projected CRS) and other
// geometry as WKT. On failure the target is as it was.
Status write_layer(const Layer& layer, const WriteSpec& spec);

// A CRS as a person reads it, e.g. "EPSG:4526 CGCS2000 / 3-degree Gauss-Kruger zone 38";
// "" for an empty input, the input itself if it cannot be parsed.
std::string crs_label(const std::string& crs);

}  // namespace coopmap::io
