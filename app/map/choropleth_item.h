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

// What of a ThematicMap to draw: its polygons, its graduated symbols, or both (on paper).
enum class ChoroplethPart { all, fill, symbols };

// The polygons of `boundary` (the map's layer) as `map` colours them, and with map.symbols its
// graduated symbols, in `view`; null once `cancel` is cancelled. The one drawing of a
// ThematicMap: the items and the paper painter call it.
QImage render_choropleth(const Layer& boundary, const UnitCoords& unit, const analysis::ThematicMap& map,
                         const Viewport& view, const Feedback& cancel, ChoroplethPart part = ChoroplethPart::all);

class ChoroplethItem : public RasterItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY sourceChanged)
    Q_PROPERTY(coopmap::app::ThematicController* thematic READ thematic WRITE setThematic NOTIFY sourceChanged)
    // True while a map is drawn (a thematic map is shown and its boundary layer is in the project).
    Q_PROPERTY(bool active READ active NOTIFY sourceChanged)
    // "fill": the polygons, placed just above their boundary layer; "symbols": a count's graduated
    // symbols, over every layer (the item's z is then the caller's).
    Q_PROPERTY(QString part READ part WRITE setPart NOTIFY sourceChanged)

public:
    explicit ChoroplethItem(QQuickItem* parent = nullptr);

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    ThematicController* thematic() const { return thematic_; }
    void setThematic(ThematicController* t);
    bool active() const { return map_ && layer_ && (part_ == ChoroplethPart::fill || map_->symbols); }
    QString part() const
    {
        return part_ == ChoroplethPart::symbols ? QStringLiteral("symbols") : QStringLiteral("fill");
    }
    void setPart(const QString& part);

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
    ChoroplethPart part_ = ChoroplethPart::fill;
};

}  // namespace coopmap::app
