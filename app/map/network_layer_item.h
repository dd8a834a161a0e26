// Draws one whole layer of the network (all its features) as one item over the map,
// following the map's camera, instead of one QML delegate per feature.
#pragma once

#include <QColor>
#include <QGeoCoordinate>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

#include "model/layer.h"
#include "project/project_controller.h"

namespace coopmap::app {

class NetworkLayerItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY layerChanged)
    Q_PROPERTY(int layerIndex READ layerIndex WRITE setLayerIndex NOTIFY layerChanged)
    // The camera, bound to the map's own properties in QML.
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY cameraChanged)
    Q_PROPERTY(double zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY cameraChanged)
    Q_PROPERTY(double tileSize READ tileSize WRITE setTileSize NOTIFY cameraChanged)
    Q_PROPERTY(QColor color MEMBER color_ NOTIFY styleChanged)
    Q_PROPERTY(QColor outline MEMBER outline_ NOTIFY styleChanged)
    Q_PROPERTY(double pointSize MEMBER point_size_ NOTIFY styleChanged)
    Q_PROPERTY(double lineWidth MEMBER line_width_ NOTIFY styleChanged)

public:
    explicit NetworkLayerItem(QQuickItem* parent = nullptr);

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    int layerIndex() const { return layer_index_; }
    void setLayerIndex(int i);
    QGeoCoordinate center() const { return center_; }
    void setCenter(const QGeoCoordinate& c);
    double zoomLevel() const { return zoom_; }
    void setZoomLevel(double z);
    double tileSize() const { return tile_size_; }
    void setTileSize(double s);

    // Where a coordinate falls in this item, in pixels: the same Web Mercator the map uses.
    Q_INVOKABLE QPointF toScreen(const QGeoCoordinate& c) const;

    void paint(QPainter* painter) override;

signals:
    void layerChanged();
    void cameraChanged();
    void styleChanged();

private:
    void reload();

    QPointer<ProjectController> project_;
    int layer_index_ = -1;
    std::shared_ptr<const Layer> layer_;
    std::vector<QPointF> unit_;  // each coordinate in Web Mercator, world = unit square
    QGeoCoordinate center_;
    double zoom_ = 0;
    double tile_size_ = 256;
    QColor color_{Qt::gray};
    QColor outline_{Qt::transparent};
    double point_size_ = 4;
    double line_width_ = 1;
};

}  // namespace coopmap::app
