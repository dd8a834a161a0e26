// A 专题图 on paper without the QML scene (the year report's choropleth page): the boundary
// polygons drawn by render_choropleth (the map item's own drawing) fitted into a rectangle, its
// title above and its legend (class colours, ranges with the unit, counts) on the right.
#pragma once

#include <QRectF>

#include "analysis/thematic.h"
#include "map/layer_raster.h"
#include "model/layer.h"

class QPainter;

namespace coopmap::present {

// Where paint_choropleth drew the map: a coordinate's place in the painter's units, for
// marks a page adds (and for checks).
struct PaintedChoropleth {
    app::Viewport view;
    QPointF origin;  // the map picture's top-left corner
    QPointF pixel(double lon, double lat) const { return origin + view.toPixel(app::unit_mercator(lon, lat)); }
};

// Paints `map` over `boundary` (the project's layer map.layer_index, as load_project gives it)
// into `frame`, in the painter's units (pixels of a page image, or points of a PDF at its
// resolution). `font_px` sizes the text; 0: a fortieth of the frame's height.
PaintedChoropleth paint_choropleth(QPainter& painter, const QRectF& frame, const Layer& boundary,
                                   const analysis::ThematicMap& map, double font_px = 0);

}  // namespace coopmap::present
