// Delivery routes drawn over the map (issue 18): each vehicle's way along the roads in its own
// colour (route_palette.h) with arrows in the driving direction, its stops numbered in order,
// the depots marked, unserved stops crossed. Made from the two layers the routes are written as
// (analysis::routing::route_line_layer / route_stop_layer, or the same layers read back from a
// routes GeoPackage), so that the window, presentation mode and printed maps draw the same.
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <memory>
#include <vector>

#include "map/layer_raster.h"
#include "map/route_palette.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"

namespace coopmap::app {

struct RouteDrawing {
    struct Line {
        QColor color;
        std::vector<QPointF> unit;  // the way, unit Mercator
    };
    struct Stop {
        QPointF unit;
        QColor color;
        int seq = 0;  // 1-based order on its route; 0: unserved
    };
    std::vector<Line> lines;  // in route order
    std::vector<Stop> stops;
    std::vector<QPointF> depots;
    int selected = -1;  // a line drawn wider and on top; -1: none
};

// From a "routes" line layer (depot, vehicle per feature) and a "route_stops" point layer
// (depot, vehicle, seq per feature); a stop whose route is not among the lines takes grey. The
// lines take their colours from `palette` (the window's, kept while the plan is edited); those
// it has not seen take theirs in turn (route_palette.h), as a plan read from a file does.
std::shared_ptr<RouteDrawing> route_drawing(const Layer& lines, const Layer& stops, RoutePalette palette = {});

// Reads both layers from a GeoPackage written by write_routes_gpkg (coopmap-cli routes --out);
// errors name the file and what is missing.
Result<std::shared_ptr<RouteDrawing>> read_route_drawing(const std::string& gpkg);

// The routes as they look in `view` (transparent elsewhere); null once cancelled.
QImage render_routes(const RouteDrawing& drawing, const Viewport& view, const Feedback& cancel);

}  // namespace coopmap::app
