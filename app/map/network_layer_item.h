// Draws one whole layer of the network (all its features) as one item over the map,
// following the map's camera, instead of one QML delegate per feature.
#pragma once

#include <QColor>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "map/raster_item.h"
#include "model/layer.h"
#include "project/project_controller.h"

namespace coopmap::app {

class NetworkLayerItem : public RasterItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY layerChanged)
    Q_PROPERTY(int layerIndex READ layerIndex WRITE setLayerIndex NOTIFY layerChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY styleChanged)
    Q_PROPERTY(QColor outline READ outline WRITE setOutline NOTIFY styleChanged)
    Q_PROPERTY(double pointSize READ pointSize WRITE setPointSize NOTIFY styleChanged)
    Q_PROPERTY(double lineWidth READ lineWidth WRITE setLineWidth NOTIFY styleChanged)

public:
    explicit NetworkLayerItem(QQuickItem* parent = nullptr);

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    int layerIndex() const { return layer_index_; }
    void setLayerIndex(int i);
    QColor color() const { return style_.color; }
    void setColor(const QColor& c);
    QColor outline() const { return style_.outline; }
    void setOutline(const QColor& c);
    double pointSize() const { return style_.size; }
    void setPointSize(double s);
    double lineWidth() const { return style_.width; }
    void setLineWidth(double w);

signals:
    void layerChanged();
    void styleChanged();

protected:
    Job makeJob() const override;

private:
    void reload();

    QPointer<ProjectController> project_;
    int layer_index_ = -1;
    std::shared_ptr<const Layer> layer_;
    std::shared_ptr<const UnitCoords> unit_;
    SymbolStyle style_;
    std::shared_ptr<const FeatureClasses> classes_;  // roads by class; null for other layers
};

}  // namespace coopmap::app
