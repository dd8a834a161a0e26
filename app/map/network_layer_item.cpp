#include "map/network_layer_item.h"

namespace coopmap::app {

NetworkLayerItem::NetworkLayerItem(QQuickItem* parent) : RasterItem(parent)
{
    connect(this, &NetworkLayerItem::styleChanged, this, &NetworkLayerItem::invalidate);
    connect(this, &NetworkLayerItem::layerChanged, this, &NetworkLayerItem::invalidate);
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

void NetworkLayerItem::setColor(const QColor& c)
{
    if (style_.color == c) return;
    style_.color = c;
    emit styleChanged();
}

void NetworkLayerItem::setOutline(const QColor& c)
{
    if (style_.outline == c) return;
    style_.outline = c;
    emit styleChanged();
}

void NetworkLayerItem::setPointSize(double s)
{
    if (style_.size == s) return;
    style_.size = s;
    emit styleChanged();
}

void NetworkLayerItem::setLineWidth(double w)
{
    if (style_.width == w) return;
    style_.width = w;
    emit styleChanged();
}

void NetworkLayerItem::reload()
{
    const auto* entry = project_ ? project_->layers()->entry(layer_index_) : nullptr;
    const auto layer = entry ? entry->layer : nullptr;
    if (layer == layer_) return;
    layer_ = layer;
    unit_ = project_ && layer_ ? project_->layers()->unitCoords(layer_index_) : nullptr;
    emit layerChanged();
}

RasterItem::Job NetworkLayerItem::makeJob() const
{
    if (!layer_ || !unit_) return {};
    return [layer = layer_, unit = unit_, style = style_](const Viewport& view, const std::atomic<bool>& cancel) {
        return render_layer(*layer, *unit, style, view, cancel);
    };
}

}  // namespace coopmap::app
