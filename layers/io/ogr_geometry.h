// A Layer's geometry and attributes as OGR objects, for the engine's own writers (io/,
// edit/, analysis/ exports): the only header outside a .cpp that names OGR types.
#pragma once

#include <memory>

#include <ogr_feature.h>
#include <ogr_geometry.h>

#include "model/layer.h"

namespace coopmap::io {

// Feature f's geometry in WGS84 lon/lat: single parts as Point/LineString, several as Multi*.
std::unique_ptr<OGRGeometry> feature_geometry(const Layer& layer, std::size_t f);
// The OGR type a table holding the whole layer needs (Point only if every feature is one).
OGRwkbGeometryType layer_type(const Layer& layer);
// The OGR field type a column is written as.
OGRFieldType field_type(FieldType type);
// Feature f's attributes into `out`: column c into field c, a null as null.
void set_fields(OGRFeature& out, const Layer& layer, std::size_t f);

}  // namespace coopmap::io
