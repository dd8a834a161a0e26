// Drawing a layer into an image, off the UI thread: the same code paints the map, the
// legend's symbols and headless renders, so all three show the same thing.
#pragma once

#include <QColor>
#include <QFont>
#include <QImage>
#include <QPointF>
#include <QSize>
#include <QString>
#include <memory>
#include <vector>

#include "model/feedback.h"
#include "model/layer.h"

class QPainter;

namespace coopmap::app {

// Spherical Web Mercator (EPSG:3857) scaled to the unit square, y down, as Qt Location's
// QGeoProjectionWebMercator does; the map's world is tileSize * 2^zoom pixels wide.
QPointF unit_mercator(double lon, double lat);
// The inverse, for the lon/lat box of a view (Snyder, Map Projections, eq. 7-4a).
QPointF lonlat_from_unit(QPointF unit);

// What part of the world an image shows: its centre in unit Mercator, the world's width
// in logical pixels at this zoom, and the image's logical size and device pixel ratio.
struct Viewport {
    QPointF center;
    double world = 256;
    double zoom = 0;
    QSize size;
    qreal dpr = 1;

    QPointF toPixel(QPointF unit) const
    {
        return (unit - center) * world + QPointF(size.width() / 2.0, size.height() / 2.0);
    }
    // The view's lon/lat box, grown by `pad` logical pixels on every side.
    Bounds lonlat_bounds(double pad = 0) const;
};

struct SymbolStyle {
    QColor color{Qt::gray};
    QColor outline{Qt::transparent};
    double size = 4;  // point diameter, logical pixels
    double width = 1;  // line or outline width
};

// A layer drawn by class (roads by road_class): feature f takes styles[(*of_feature)[f]],
// or the layer's own style where that is kNone. The first style is drawn last, on top.
struct FeatureClasses {
    static constexpr std::uint8_t kNone = 255;
    std::vector<SymbolStyle> styles;
    std::shared_ptr<const std::vector<std::uint8_t>> of_feature;
};

// One symbol of a layer's kind, centred in `rect`: a disc for points, a stroke for
// lines, a filled square for polygons. The legend draws with this.
void paint_symbol(QPainter& painter, GeometryKind kind, const SymbolStyle& style, const QRectF& rect);

// A layer's coordinates in unit Mercator, computed as they are read: a view of the layer's
// own lon/lat arrays rather than a second copy of them (8 MB at 500,000 points; the map's
// peak memory, bench/RESULTS.md). Valid while those arrays are: a Layer moved into its
// shared_ptr keeps them (std::vector's move keeps the buffer); a copy does not.
class UnitCoords {
public:
    explicit UnitCoords(const Layer& layer) : x_(layer.x.data()), y_(layer.y.data()), n_(layer.x.size()) {}
    QPointF operator[](std::size_t i) const { return unit_mercator(x_[i], y_[i]); }
    std::size_t size() const { return n_; }

private:
    const double* x_;
    const double* y_;
    std::size_t n_;
};
std::shared_ptr<const UnitCoords> unit_coords(const Layer& layer);

// The layer as it looks in `view`; returns a null image once `cancel` is cancelled.
QImage render_layer(const Layer& layer, const UnitCoords& unit, const SymbolStyle& style, const Viewport& view,
                    const Feedback& cancel, const FeatureClasses* classes = nullptr);

// A name to place on the map, in priority order (earlier wins a contested spot).
struct LabelSource {
    std::shared_ptr<const Layer> layer;
    const Column* names = nullptr;  // the layer's name column
    std::vector<QPointF> anchors;  // for polygons: one label point per feature (unit Mercator)
    std::shared_ptr<const UnitCoords> unit;  // for points: the layer's own coordinates
    double min_zoom = 0;
    double offset = 0;  // points: symbol radius, the label starts right of it
    QFont font;
    QColor color;
};

// Names that fit without overlapping each other, each with a white halo.
// `placed`, if given, receives how many names were drawn.
QImage render_labels(const std::vector<LabelSource>& sources, const Viewport& view, const Feedback& cancel,
                     int* placed = nullptr);

// A point inside each polygon feature for its label (index::polygon_label_points), in unit Mercator.
std::vector<QPointF> polygon_label_points(const Layer& layer);

}  // namespace coopmap::app
