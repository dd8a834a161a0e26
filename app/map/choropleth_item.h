// The 专题图 over the map: the boundary polygons of a ThematicMap filled in their class colour
// (or, for counts, graduated symbols over a neutral fill), drawn like every layer item on a
// worker thread into a picture that follows the camera, so the window, presentation mode and
// the printed page (coopmap-cli render --theme) show one drawing on both Qt Quick backends.
#pragma once

#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "analysis/thematic.h"
#include "map/raster_item.h"
#include "project/project_controller.h"
#include "thematic_controller.h"

namespace coopmap::app {

// The polygons of `boundary` (the map's layer) as `map` colours them, in `view`; null once
// `cancel` is cancelled. The one drawing of a ThematicMap: the item and the paper painter call it.
QImage render_choropleth(const Layer& boundary, const UnitCoords& unit, const analysis::ThematicMap& map,
                         const Viewport& view, const Feedback& cancel);

class ChoroplethItem : public RasterItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY sourceChanged)
    Q_PROPERTY(coopmap::app::ThematicController* thematic READ thematic WRITE setThematic NOTIFY sourceChanged)
    // True while a map is drawn (a thematic map is shown and its boundary layer is in the project).
    Q_PROPERTY(bool active READ active NOTIFY sourceChanged)

public:
    explicit ChoroplethItem(QQuickItem* parent = nullptr);

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    ThematicController* thematic() const { return thematic_; }
    void setThematic(ThematicController* t);
    bool active() const { return map_ && layer_; }

signals:
    void sourceChanged();

protected:
    Job makeJob() const override;

private:
    void reload();

    QPointer<ProjectController> project_;
    QPointer<ThematicController> thematic_;
    std::shared_ptr<const analysis::ThematicMap> map_;
    std::shared_ptr<const Layer> layer_;
    std::shared_ptr<const UnitCoords> unit_;
};

}  // namespace coopmap::app
