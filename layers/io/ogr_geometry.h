// A Layer's geometry as OGR objects, for the engine's own writers (io/, edit/): the only
// header outside a .cpp that names OGR types.
#pragma once

#include <memory>

#include <ogr_geometry.h>

#include "model/layer.h"

namespace coopmap::io {

// Feature f's geometry in WGS84 lon/lat: single parts as Point/LineString, several as Multi*.
std::unique_ptr<OGRGeometry> feature_geometry(const Layer& layer, std::size_t f);
// The OGR type a table holding the whole layer needs (Point only if every feature is one).
OGRwkbGeometryType layer_type(const Layer& layer);

}  // namespace coopmap::io
