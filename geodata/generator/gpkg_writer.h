// Writes the generated layers into one GeoPackage, the only place that knows GDAL.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace coopmap::sample {

enum class FieldType { text, integer, real };
enum class GeometryKind { point, multilinestring, multipolygon };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::text;
};

using Value = std::variant<std::string, std::int64_t, double>;

struct OutFeature {
    std::vector<unsigned char> wkb;  // WGS84 lon/lat; single parts are promoted to multi
    std::vector<Value> values;  // one per field, in order
};

struct OutLayer {
    std::string name;
    std::string description;  // stored as the GeoPackage layer description
    GeometryKind geometry = GeometryKind::point;
    std::vector<FieldDef> fields;
    std::vector<OutFeature> features;
};

// EPSG:4326 with lon/lat axis order. Writes beside the target and renames over it only
// when everything was written (io/atomic_write.h); throws on failure.
void write_gpkg(const std::filesystem::path& file, const std::vector<OutLayer>& layers);

// One sheet without geometry, as offices keep their records: an Excel workbook (GDAL's XLSX
// driver), written beside the target and renamed over it; throws on failure.
void write_xlsx(const std::filesystem::path& file, const std::string& sheet, const std::vector<FieldDef>& fields,
                const std::vector<std::vector<Value>>& rows);

}  // namespace coopmap::sample
