// Reading any vector source GDAL opens into a Layer in WGS84 lon/lat, with its index; tables
// without geometry into columns; what a source holds, layer by layer. A .zip (or a path
// through one, "乡镇界.zip/乡镇界.shp") is read through GDAL's /vsizip/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/layer.h"

namespace coopmap::io {

struct SourceSpec {
    std::string uri;  // a file or folder path (also into a .zip), or a GDAL connection string ("PG:…")
    std::string layer;  // layer inside the source; empty: its first layer
    std::string declared_crs;  // used when the source has none, or to override: EPSG:n, WKT, GCJ02, BD09
    std::string encoding;  // forces the text encoding of attributes, e.g. CP936
    Role role = Role::village;
    std::string title;  // the project's name for the layer, for messages
};

struct LoadedLayer {
    Layer layer;
    std::vector<Error> skipped;  // features that could not be read, each with its reason
    std::size_t repaired = 0;  // invalid polygons made valid (GEOS make-valid)
    std::size_t with_z = 0;  // features whose Z values were dropped
    std::size_t with_m = 0;  // features whose M values were dropped
    bool axes_swapped = false;  // the source stored northing before easting
    std::string crs_note;  // how the CRS was decided when the source had none
    // Data problems that did not stop reading, e.g. a feature count the source records
    // (gpkg_ogr_contents) that differs from the features really in it.
    std::vector<Error> problems;
};

// A source without a CRS gets one guessed from its coordinates (crs/crs_guess.h), said in
// crs_note; lon/lat columns are taken as WGS84 unless GCJ02/BD09 is declared.
Result<LoadedLayer> read_layer(const SourceSpec& spec);

// A table without geometry (a sheet, a CSV, a GeoPackage attribute table, a .dbf): every column
// decoded as read_layer decodes attributes (coordinate columns included), one value a row.
struct Table {
    std::string name;  // the layer (sheet) name
    std::string source_encoding;  // e.g. "UTF-8", "CP936"
    std::vector<Column> columns;
    std::size_t rows = 0;
    std::vector<Error> problems;  // as LoadedLayer::problems
};
Result<Table> read_table(const SourceSpec& spec);

// What one layer of a source holds, from its header and a pass over its coordinates at most.
struct LayerSummary {
    std::string name;
    bool has_geometry = false;  // false: a table; true also for a sheet with coordinate columns
    GeometryKind kind = GeometryKind::point;
    std::size_t features = 0;
    std::vector<std::string> columns;  // attribute names in UTF-8, coordinate columns left out
    std::string crs;  // the source's own CRS as WKT; "" when it declares none
    bool lonlat_columns = false;  // points from 经度/纬度-like columns, so lon/lat with no CRS of their own
    Bounds raw_bounds;  // of the coordinates in source units (empty for tables)
    std::string encoding;  // of its text, as read_layer would decode it
};
Result<std::vector<LayerSummary>> describe_layers(const std::string& uri, const std::string& encoding = {});

// The names of the vector layers in a data source, in its order.
Result<std::vector<std::string>> layer_names(const std::string& uri);

// A layer's name and geometry kind as the source's header gives them when it is opened: no
// layer definition, count or extent is read. GDAL's GeoPackage driver scans the whole schema
// (several times) for each layer definition it reads, so describing every layer of a GeoPackage
// is quadratic in its layers (2,000 layers: about 30 s for `ogrinfo -so`); this is linear.
struct LayerHeader {
    std::string name;
    bool has_geometry = false;  // false: a table (a sheet's coordinate columns are not looked at)
    GeometryKind kind = GeometryKind::point;
    bool kind_known = false;  // false for sources typed per feature (GeoJSON, KML)
};
Result<std::vector<LayerHeader>> layer_headers(const std::string& uri);
// Sources with more layers than this are listed by their headers alone (`info`): their layers
// are named in a project to be read, and reading one without naming it is an error.
inline constexpr std::size_t kDescribedLayersAtMost = 100;

// What a zipped container (.kmz, .xlsx, .ods) may expand to: GDAL's KMZ and XLSX readers expand
// and hold the whole of it in memory, so a 1 MB decompression bomb of 1 GiB would take the
// process down. Far above the county-wide files offices send (a few MiB).
inline constexpr std::uint64_t kExpandedBytesAtMost = 256ull << 20;

// A path as GDAL opens it: a .zip, or a path through one, becomes /vsizip/…; a .zip holding
// one data file (or one whose name is `layer`) opens that file. Other paths are unchanged.
std::string gdal_path(const std::string& uri, const std::string& layer = {});
// Whether a file name is one of the data formats offices send, by its extension (.shp .gpkg
// .geojson .json .kml .kmz .csv .xlsx .xls .ods .gml .tab .mif .dbf .fgb .sqlite).
bool is_data_file_name(const std::string& name);
// The data files inside a .zip, as paths inside it (UTF-8), in the archive's order; a .dbf
// that belongs to a .shp is left out. Errors: not a zip GDAL can read.
Result<std::vector<std::string>> zip_data_files(const std::string& zip);

// True if the bytes are well-formed UTF-8.
bool is_utf8(std::string_view text);

}  // namespace coopmap::io
