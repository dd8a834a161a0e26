// The names on the map (counties, townships, facilities, villages), placed in that order
// of priority without overlapping, each only from the zoom at which it is worth showing.
#pragma once

#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <map>

#include "map/raster_item.h"
#include "project/project_controller.h"

namespace coopmap::app {

class LabelItem : public RasterItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // How many names the last picture shows (for tests: labels appear, and do not overlap).
    Q_PROPERTY(int placedCount READ placedCount NOTIFY rendered)

public:
    explicit LabelItem(QQuickItem* parent = nullptr);
    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    int placedCount() const { return placed_ ? placed_->load() : 0; }

signals:
    void projectChanged();

protected:
    Job makeJob() const override;

private:
    void rebuild();

    QPointer<ProjectController> project_;
    std::vector<LabelSource> sources_;
    std::map<const Layer*, std::vector<QPointF>> anchors_;  // polygon label points, per layer
    std::shared_ptr<std::atomic<int>> placed_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace coopmap::app
