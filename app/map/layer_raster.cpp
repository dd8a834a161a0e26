#include "map/layer_raster.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "index/identify.h"

namespace coopmap::app {

namespace {
constexpr double kMaxLat = 85.05112878;  // Web Mercator's limit, where the square ends

// How many features between two looks at the cancel flag.
constexpr std::size_t kCancelStride = 4096;

QImage blank(const Viewport& view)
{
    QImage image(view.size * view.dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(view.dpr);
    image.fill(Qt::transparent);
    return image;
}

QPen outline_pen(const QColor& color, double width)
{
    QPen pen(color, width);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

// One point symbol, drawn once and stamped at every point: far cheaper than an
// antialiased ellipse per point, and pixel-identical everywhere.
QImage point_sprite(const SymbolStyle& style, qreal dpr, double& half)
{
    half = style.size / 2 + style.width + 1;
    const int side = static_cast<int>(std::ceil(2 * half * dpr));
    QImage sprite(side, side, QImage::Format_ARGB32_Premultiplied);
    sprite.fill(Qt::transparent);
    sprite.setDevicePixelRatio(dpr);
    QPainter p(&sprite);
    paint_symbol(p, GeometryKind::point, style, QRectF(0, 0, side / dpr, side / dpr));
    half = side / dpr / 2;
    return sprite;
}
}  // namespace

QPointF unit_mercator(double lon, double lat)
{
    lat = std::clamp(lat, -kMaxLat, kMaxLat);
    const double phi = lat * std::numbers::pi / 180.0;
    const double x = (lon + 180.0) / 360.0;
    const double y = 0.5 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / (2.0 * std::numbers::pi);
    return {x, y};
}

QPointF lonlat_from_unit(QPointF unit)
{
    const double lon = unit.x() * 360.0 - 180.0;
    const double lat = std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * unit.y()))) * 180.0 / std::numbers::pi;
    return {lon, lat};
}

Bounds Viewport::lonlat_bounds(double pad) const
{
    const QPointF half(size.width() / 2.0 + pad, size.height() / 2.0 + pad);
    const QPointF top_left = lonlat_from_unit(center - half / world);
    const QPointF bottom_right = lonlat_from_unit(center + half / world);
    Bounds b;
    b.extend(top_left.x(), std::clamp(top_left.y(), -90.0, 90.0));
    b.extend(bottom_right.x(), std::clamp(bottom_right.y(), -90.0, 90.0));
    return b;
}

void paint_symbol(QPainter& painter, GeometryKind kind, const SymbolStyle& style, const QRectF& rect)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QPointF c = rect.center();
    switch (kind) {
    case GeometryKind::point: {
        const double r = style.size / 2;
        painter.setPen(style.outline.alpha() && style.width > 0 ? QPen(style.outline, style.width) : QPen(Qt::NoPen));
        painter.setBrush(style.color);
        painter.drawEllipse(c, r, r);
        break;
    }
    case GeometryKind::line:
        painter.setPen(outline_pen(style.color, std::max(style.width, 1.0)));
        painter.drawLine(QPointF(rect.left() + 1, c.y()), QPointF(rect.right() - 1, c.y()));
        break;
    case GeometryKind::polygon: {
        const double w = std::max(style.width, 0.0);
        painter.setPen(style.outline.alpha() && w > 0 ? outline_pen(style.outline, std::max(w, 1.0)) : QPen(Qt::NoPen));
        painter.setBrush(style.color);
        painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5));
        break;
    }
    }
    painter.restore();
}

std::shared_ptr<const UnitCoords> unit_coords(const Layer& layer) { return std::make_shared<const UnitCoords>(layer); }

QImage render_layer(const Layer& layer, const UnitCoords& unit, const SymbolStyle& style, const Viewport& view,
                    const Feedback& cancel, const FeatureClasses* classes)
{
    QImage image = blank(view);
    const double pad = style.size + style.width + 2;
    const std::vector<std::uint32_t> features = layer.features_in(view.lonlat_bounds(pad));
    const auto coord_of = [&](std::uint32_t f) { return layer.coord_start[layer.ring_start[layer.part_start[f]]]; };
    QPainter painter(&image);

    if (layer.kind == GeometryKind::point) {
        // Points by class (the year view's new sites): the layer's own style first, each class's
        // symbol stamped over it in a pass of its own.
        const bool by_class =
            classes && classes->of_feature && !classes->styles.empty() && classes->of_feature->size() == layer.size();
        const std::size_t passes = by_class ? classes->styles.size() + 1 : 1;
        const int w = view.size.width(), h = view.size.height();
        std::vector<std::uint8_t> stamped;
        for (std::size_t b = 0; b < passes; ++b) {
            double half = 0;
            const QImage sprite = point_sprite(b == 0 ? style : classes->styles[b - 1], view.dpr, half);
            // A symbol stamped twice at the same pixel looks the same as once: skip repeats,
            // which at national scale are most of the points.
            stamped.assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
            for (std::size_t k = 0; k < features.size(); ++k) {
                if (k % kCancelStride == 0 && cancel.cancelled()) return {};
                if (by_class) {
                    const std::uint8_t c = (*classes->of_feature)[features[k]];
                    const std::size_t of = c == FeatureClasses::kNone || c >= classes->styles.size() ? 0 : c + 1u;
                    if (of != b) continue;
                }
                const QPointF p = view.toPixel(unit[coord_of(features[k])]);
                const int ix = static_cast<int>(std::floor(p.x())), iy = static_cast<int>(std::floor(p.y()));
                if (ix >= 0 && iy >= 0 && ix < w && iy < h) {
                    auto& seen = stamped[static_cast<std::size_t>(iy) * static_cast<std::size_t>(w) +
                                         static_cast<std::size_t>(ix)];
                    if (seen) continue;
                    seen = 1;
                }
                painter.drawImage(p - QPointF(half, half), sprite);
            }
        }
        return image;
    }

    painter.setRenderHint(QPainter::Antialiasing);
    const bool line = layer.kind == GeometryKind::line;
    // Features grouped by class: bucket 0 is the layer's own style, bucket 1 + c class c.
    // Drawn from the last class to the first, so the widest (highest) class lies on top.
    const bool by_class =
        classes && classes->of_feature && !classes->styles.empty() && classes->of_feature->size() == layer.size();
    std::vector<std::vector<std::uint32_t>> buckets(by_class ? classes->styles.size() + 1 : 1);
    for (std::uint32_t f : features) {
        const std::uint8_t c = by_class ? (*classes->of_feature)[f] : FeatureClasses::kNone;
        buckets[c == FeatureClasses::kNone || c >= classes->styles.size() ? 0u : c + 1u].push_back(f);
    }
    std::vector<std::size_t> order{0};
    for (std::size_t b = buckets.size() - 1; b >= 1; --b) order.push_back(b);
    QPolygonF ring;
    std::size_t done = 0;
    for (std::size_t b : order) {
        const SymbolStyle& st = b == 0 ? style : classes->styles[b - 1];
        const QColor stroke = line ? st.color : st.outline;
        painter.setPen(stroke.alpha() && st.width > 0 ? outline_pen(stroke, st.width) : QPen(Qt::NoPen));
        painter.setBrush(line || !st.color.alpha() ? QBrush(Qt::NoBrush) : QBrush(st.color));
        for (const std::uint32_t f : buckets[b]) {
            if (done++ % 256 == 0 && cancel.cancelled()) return {};
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (auto part = layer.part_start[f]; part < layer.part_start[f + 1]; ++part) {
                for (auto r = layer.ring_start[part]; r < layer.ring_start[part + 1]; ++r) {
                    const auto first = layer.coord_start[r], last = layer.coord_start[r + 1];
                    if (first == last) continue;
                    ring.clear();
                    ring.reserve(last - first);
                    for (auto i = first; i < last; ++i) ring.push_back(view.toPixel(unit[i]));
                    if (line) painter.drawPolyline(ring);
                    else path.addPolygon(ring);
                }
            }
            if (!line) painter.drawPath(path);
        }
    }
    return image;
}

std::vector<QPointF> polygon_label_points(const Layer& layer)
{
    std::vector<QPointF> out;
    const auto points = index::polygon_label_points(layer);
    out.reserve(points.size());
    for (const index::LonLat& p : points) out.push_back(unit_mercator(p.lon, p.lat));
    return out;
}

QImage render_labels(const std::vector<LabelSource>& sources, const Viewport& view, const Feedback& cancel, int* placed)
{
    int count = 0;
    QImage image = blank(view);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QRectF frame(QPointF(0, 0), QSizeF(view.size));

    // Placed label boxes, bucketed on a coarse grid so each test looks at a few neighbours.
    constexpr double kCell = 64;
    std::unordered_map<long long, std::vector<QRectF>> grid;
    const auto cell_key = [](long long cx, long long cy) { return cx * 1000003LL + cy; };
    const auto collides = [&](const QRectF& r) {
        for (auto cx = static_cast<long long>(std::floor(r.left() / kCell)); cx <= std::floor(r.right() / kCell); ++cx)
            for (auto cy = static_cast<long long>(std::floor(r.top() / kCell)); cy <= std::floor(r.bottom() / kCell);
                 ++cy) {
                const auto it = grid.find(cell_key(cx, cy));
                if (it == grid.end()) continue;
                for (const QRectF& o : it->second)
                    if (o.intersects(r)) return true;
            }
        return false;
    };
    const auto place = [&](const QRectF& r) {
        for (auto cx = static_cast<long long>(std::floor(r.left() / kCell)); cx <= std::floor(r.right() / kCell); ++cx)
            for (auto cy = static_cast<long long>(std::floor(r.top() / kCell)); cy <= std::floor(r.bottom() / kCell);
                 ++cy)
                grid[cell_key(cx, cy)].push_back(r);
    };

    const Bounds box = view.lonlat_bounds(0);
    QPen halo(QColor(255, 255, 255, 230), 3);
    halo.setJoinStyle(Qt::RoundJoin);
    for (const LabelSource& s : sources) {
        if (!s.layer || !s.names || view.zoom + 1e-9 < s.min_zoom) continue;
        const QFontMetricsF metrics(s.font);
        const bool points = s.layer->kind == GeometryKind::point;
        std::vector<std::uint32_t> features = s.layer->features_in(box);
        // Deterministic order: the source's own, so a label never flickers between renders.
        std::sort(features.begin(), features.end());
        for (std::size_t k = 0; k < features.size(); ++k) {
            if (k % 512 == 0 && cancel.cancelled()) return {};
            const std::uint32_t f = features[k];
            const QString text = QString::fromStdString(s.names->text(f));
            if (text.isEmpty()) continue;
            QPointF anchor;
            if (points)
                anchor = view.toPixel((*s.unit)[s.layer->coord_start[s.layer->ring_start[s.layer->part_start[f]]]]);
            else if (f < s.anchors.size()) anchor = view.toPixel(s.anchors[f]);
            else continue;
            const QSizeF size(metrics.horizontalAdvance(text), metrics.height());
            const QRectF rect = points ? QRectF(anchor + QPointF(s.offset + 2, -size.height() / 2), size)
                                       : QRectF(anchor - QPointF(size.width() / 2, size.height() / 2), size);
            const QRectF padded = rect.adjusted(-2, -1, 2, 1);
            if (!frame.contains(padded) || collides(padded)) continue;
            place(padded);
            ++count;
            QPainterPath path;
            path.addText(rect.left(), rect.top() + metrics.ascent(), s.font, text);
            painter.strokePath(path, halo);
            painter.fillPath(path, s.color);
        }
    }
    if (placed) *placed = count;
    return image;
}

}  // namespace coopmap::app
