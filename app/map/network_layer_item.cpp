#include "map/network_layer_item.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>
#include <numbers>

namespace coopmap::app {

namespace {
// Spherical Web Mercator (EPSG:3857) scaled to the unit square, y down, as Qt Location's
// QGeoProjectionWebMercator does; the map's world is tileSize * 2^zoom pixels wide.
QPointF unit_mercator(double lon, double lat)
{
    constexpr double max_lat = 85.05112878;
    lat = std::clamp(lat, -max_lat, max_lat);
    const double phi = lat * std::numbers::pi / 180.0;
    const double x = (lon + 180.0) / 360.0;
    const double y = 0.5 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / (2.0 * std::numbers::pi);
    return {x, y};
}
}  // namespace

NetworkLayerItem::NetworkLayerItem(QQuickItem* parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &NetworkLayerItem::cameraChanged, this, [this] { update(); });
    connect(this, &NetworkLayerItem::styleChanged, this, [this] { update(); });
    connect(this, &NetworkLayerItem::layerChanged, this, [this] { update(); });
}

void NetworkLayerItem::setProject(ProjectController* p)
{
    if (project_ == p) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    if (project_) connect(project_, &ProjectController::projectChanged, this, &NetworkLayerItem::reload);
    reload();
}

void NetworkLayerItem::setLayerIndex(int i)
{
    if (layer_index_ == i) return;
    layer_index_ = i;
    reload();
}

void NetworkLayerItem::setCenter(const QGeoCoordinate& c)
{
    if (center_ == c) return;
    center_ = c;
    emit cameraChanged();
}

void NetworkLayerItem::setZoomLevel(double z)
{
    if (zoom_ == z) return;
    zoom_ = z;
    emit cameraChanged();
}

void NetworkLayerItem::setTileSize(double s)
{
    if (tile_size_ == s) return;
    tile_size_ = s;
    emit cameraChanged();
}

void NetworkLayerItem::reload()
{
    const auto* entry = project_ ? project_->layers()->entry(layer_index_) : nullptr;
    layer_ = entry ? entry->layer : nullptr;
    unit_.clear();
    if (layer_) {
        unit_.reserve(layer_->coordinate_count());
        for (std::size_t i = 0; i < layer_->coordinate_count(); ++i)
            unit_.push_back(unit_mercator(layer_->x[i], layer_->y[i]));
    }
    emit layerChanged();
}

QPointF NetworkLayerItem::toScreen(const QGeoCoordinate& c) const
{
    const double world = tile_size_ * std::exp2(zoom_);
    const QPointF origin = unit_mercator(center_.longitude(), center_.latitude()) * world -
                           QPointF(width() / 2, height() / 2);
    return unit_mercator(c.longitude(), c.latitude()) * world - origin;
}

void NetworkLayerItem::paint(QPainter* painter)
{
    if (!layer_ || !center_.isValid()) return;
    const Layer& l = *layer_;
    const double world = tile_size_ * std::exp2(zoom_);
    const QPointF origin = unit_mercator(center_.longitude(), center_.latitude()) * world -
                           QPointF(width() / 2, height() / 2);
    const auto at = [&](std::uint32_t i) { return unit_[i] * world - origin; };
    const QRectF view = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing);

    if (l.kind == GeometryKind::point) {
        const double r = point_size_ / 2;
        painter->setPen(outline_.alpha() && line_width_ > 0 ? QPen(outline_, line_width_) : Qt::NoPen);
        painter->setBrush(color_);
        const QRectF visible = view.adjusted(-r, -r, r, r);
        for (std::uint32_t i = 0; i < unit_.size(); ++i) {
            const QPointF p = at(i);
            if (visible.contains(p)) painter->drawEllipse(p, r, r);
        }
        return;
    }

    QPen pen(l.kind == GeometryKind::line ? color_ : outline_, line_width_);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(outline_.alpha() || l.kind == GeometryKind::line ? pen : QPen(Qt::NoPen));
    painter->setBrush(l.kind == GeometryKind::polygon ? QBrush(color_) : Qt::NoBrush);
    for (std::size_t f = 0; f < l.size(); ++f) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (auto part = l.part_start[f]; part < l.part_start[f + 1]; ++part) {
            for (auto ring = l.ring_start[part]; ring < l.ring_start[part + 1]; ++ring) {
                const auto first = l.coord_start[ring], last = l.coord_start[ring + 1];
                if (first == last) continue;
                path.moveTo(at(first));
                for (auto i = first + 1; i < last; ++i) path.lineTo(at(i));
                if (l.kind == GeometryKind::polygon) path.closeSubpath();
            }
        }
        if (path.boundingRect().intersects(view)) painter->drawPath(path);
    }
}

}  // namespace coopmap::app
