// Draws the routes of a RouteOverlay over the map (route_drawing.h), following the camera like
// the network's layer items, in the window, presentation mode and printed maps.
#pragma once

#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include "map/raster_item.h"
#include "map/route_overlay.h"

namespace coopmap::app {

class RouteLayerItem : public RasterItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::RouteOverlay* overlay READ overlay WRITE setOverlay NOTIFY overlayChanged)

public:
    explicit RouteLayerItem(QQuickItem* parent = nullptr);

    RouteOverlay* overlay() const { return overlay_; }
    void setOverlay(RouteOverlay* overlay);

signals:
    void overlayChanged();

protected:
    Job makeJob() const override;

private:
    QPointer<RouteOverlay> overlay_;
};

}  // namespace coopmap::app
