#include "map/route_layer_item.h"

namespace coopmap::app {

RouteLayerItem::RouteLayerItem(QQuickItem* parent) : RasterItem(parent)
{
    connect(this, &RouteLayerItem::overlayChanged, this, &RouteLayerItem::invalidate);
}

void RouteLayerItem::setOverlay(RouteOverlay* overlay)
{
    if (overlay_ == overlay) return;
    if (overlay_) disconnect(overlay_, nullptr, this, nullptr);
    overlay_ = overlay;
    if (overlay_) connect(overlay_, &RouteOverlay::changed, this, &RouteLayerItem::invalidate);
    emit overlayChanged();
}

RasterItem::Job RouteLayerItem::makeJob() const
{
    const auto drawing = overlay_ ? overlay_->drawing() : nullptr;
    if (!drawing || drawing->lines.empty()) return {};
    return [drawing](const Viewport& view, const Feedback& cancel) { return render_routes(*drawing, view, cancel); };
}

}  // namespace coopmap::app
