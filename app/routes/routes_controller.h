// The routes panel's controller (issue 18): runs analysis::routing::run_routes — the function
// `coopmap-cli routes` calls — through a JobRunner with progress and cancel, shows the routes as
// typed models and on the map (RouteOverlay), and edits them by hand through route_edit.h: a
// stop moved to another route or a new vehicle, a vehicle added or removed, the last step
// undone; after each, the totals and the saving of shared delivery are the engine's.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/road_graph.h"
#include "analysis/routing/route_run.h"
#include "jobs/job_runner.h"
#include "map/route_overlay.h"
#include "map/route_palette.h"
#include "project/project_controller.h"
#include "route_list_model.h"
#include "route_stop_model.h"

namespace coopmap::app {

class RoutesController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // The request. Stop roles: role keys; on opening a project, the roles its "routing.stops"
    // section gives amounts for. 0 / "": the project's routing defaults (defaultsText says them).
    Q_PROPERTY(QStringList stopRoles MEMBER stopRoles_ NOTIFY parametersChanged)
    Q_PROPERTY(int vehicles MEMBER vehicles_ NOTIFY parametersChanged)
    Q_PROPERTY(double capacity MEMBER capacity_ NOTIFY parametersChanged)
    Q_PROPERTY(QString shift MEMBER shift_ NOTIFY parametersChanged)
    // The search's limits; 0: the engine's (RouteRequest).
    Q_PROPERTY(double seconds MEMBER seconds_ NOTIFY parametersChanged)
    Q_PROPERTY(int iterations MEMBER iterations_ NOTIFY parametersChanged)
    // "项目默认：每个配送中心 5 辆车，载重 200 件，班次 07:00-17:00".
    Q_PROPERTY(QString defaultsText READ defaultsText NOTIFY projectDefaultsChanged)
    // [{key, name}] of the stop roles that can be asked for.
    Q_PROPERTY(QVariantList stopRoleChoices READ stopRoleChoices NOTIFY projectDefaultsChanged)

    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY finished)
    // The last edit's refusal (names the stop and why), "" after a step that was taken.
    Q_PROPERTY(QString message READ message NOTIFY changed)

    Q_PROPERTY(bool hasResult READ hasResult NOTIFY changed)
    Q_PROPERTY(coopmap::app::RouteListModel* routes READ routes CONSTANT)
    Q_PROPERTY(coopmap::app::RouteStopModel* stops READ stops CONSTANT)  // of the selected route
    Q_PROPERTY(coopmap::app::RouteStopModel* unserved READ unserved CONSTANT)
    Q_PROPERTY(int selectedRoute READ selectedRoute WRITE setSelectedRoute NOTIFY selectedRouteChanged)
    Q_PROPERTY(QStringList depotNames READ depotNames NOTIFY changed)
    Q_PROPERTY(coopmap::app::RouteOverlay* overlay READ overlay CONSTANT)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY changed)

    // The totals of the plan as it stands (RouteResult::shared), the same stops township by
    // township (separate) and the saving, all from the engine.
    Q_PROPERTY(int totalVehicles READ totalVehicles NOTIFY changed)
    Q_PROPERTY(double totalKm READ totalKm NOTIFY changed)
    Q_PROPERTY(double totalHours READ totalHours NOTIFY changed)
    Q_PROPERTY(double totalCost READ totalCost NOTIFY changed)
    Q_PROPERTY(int servedStops READ servedStops NOTIFY changed)
    Q_PROPERTY(int separateVehicles READ separateVehicles NOTIFY changed)
    Q_PROPERTY(double separateKm READ separateKm NOTIFY changed)
    Q_PROPERTY(double separateCost READ separateCost NOTIFY changed)
    Q_PROPERTY(int townships READ townships NOTIFY changed)
    Q_PROPERTY(double savingKm READ savingKm NOTIFY changed)
    Q_PROPERTY(double savingCost READ savingCost NOTIFY changed)
    // "共同配送节省 12.3 公里 / 456 元".
    Q_PROPERTY(QString savingText READ savingText NOTIFY changed)
    // Straight-line estimates, time limit: what the figures rest on ("" when nothing to say).
    Q_PROPERTY(QString notesText READ notesText NOTIFY changed)
    // How long the last edit took, engine and models and map data (ms).
    Q_PROPERTY(double lastStepMs READ lastStepMs NOTIFY changed)

public:
    explicit RoutesController(QObject* parent = nullptr);
    ~RoutesController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    QString defaultsText() const;
    QVariantList stopRoleChoices() const;
    bool running() const { return job_.running(); }
    double progress() const { return job_.progress(); }
    QString errorText() const { return job_.errorText(); }
    QString message() const { return message_; }
    bool hasResult() const { return result_.has_value(); }
    RouteListModel* routes() { return &routes_; }
    RouteStopModel* stops() { return &stops_; }
    RouteStopModel* unserved() { return &unserved_; }
    int selectedRoute() const { return selected_; }
    void setSelectedRoute(int route);
    QStringList depotNames() const;
    RouteOverlay* overlay() { return &overlay_; }
    bool canUndo() const { return !history_.empty(); }
    int totalVehicles() const { return result_ ? static_cast<int>(result_->shared.vehicles) : 0; }
    double totalKm() const { return result_ ? result_->shared.km : 0; }
    double totalHours() const { return result_ ? result_->shared.hours : 0; }
    double totalCost() const { return result_ ? result_->shared.cost : 0; }
    int servedStops() const;
    int separateVehicles() const { return result_ ? static_cast<int>(result_->separate.vehicles) : 0; }
    double separateKm() const { return result_ ? result_->separate.km : 0; }
    double separateCost() const { return result_ ? result_->separate.cost : 0; }
    int townships() const { return result_ ? static_cast<int>(result_->townships) : 0; }
    double savingKm() const { return result_ ? result_->saving_km() : 0; }
    double savingCost() const { return result_ ? result_->saving_cost() : 0; }
    QString savingText() const;
    QString notesText() const;
    double lastStepMs() const { return last_step_ms_; }
    // What run() asks the engine for, from the properties.
    analysis::routing::RouteRequest request() const;
    const analysis::routing::RouteResult* result() const { return result_ ? &*result_ : nullptr; }

    Q_INVOKABLE void run();
    Q_INVOKABLE void cancel();
    // Edits (route_edit.h); false, with `message` saying why, when refused.
    // position < 0: where the route's km grow least.
    Q_INVOKABLE bool moveStop(int stop, int route, int position = -1);
    Q_INVOKABLE bool moveStopToNewVehicle(int stop, int depot);
    // The new route's row, -1 when refused.
    Q_INVOKABLE int addVehicle(int depot);
    Q_INVOKABLE bool removeVehicle(int route);
    Q_INVOKABLE bool undo();
    // The depot (index into depotNames) of a route, -1 when there is no such route.
    Q_INVOKABLE int depotOfRoute(int route) const;
    // The route a stop is on (-1: unserved or no such stop).
    Q_INVOKABLE int routeOfStop(int stop) const;
    // Every route of the plan timed afresh by the solver's evaluation (analysis::routing::
    // evaluate_route) and summed here: {vehicles, km, hours, cost}, {} without a result. The
    // check of the totals shown (the panel's test compares them after a drag).
    Q_INVOKABLE QVariantMap freshTotals() const;
    // The route sheet and the route layers (coopmap-cli routes --sheet / --out, the same writers).
    Q_INVOKABLE bool exportRoutes(const QString& path);

signals:
    void projectChanged();
    void parametersChanged();
    void projectDefaultsChanged();
    void runningChanged();
    void progressChanged();
    void selectedRouteChanged();
    // Routes, totals, models or message changed (a run, an edit, an undo).
    void changed();
    // After every run: ok false on error or cancel (errorText says which).
    void finished(bool ok);

private:
    void takeDefaults();
    void done(analysis::routing::RouteResult result);
    // After the plan changed: models, map, totals.
    void refresh();
    // Runs an edit on a copy kept for undo; the plan is replaced only when it succeeds.
    bool edit(const std::function<Status(analysis::routing::RouteResult&)>& step);

    ProjectController* project_ = nullptr;
    QString path_;  // of the project the routes are of
    QStringList stopRoles_;
    int vehicles_ = 0;
    double capacity_ = 0;
    QString shift_;
    double seconds_ = 0;
    int iterations_ = 0;
    QString message_;
    std::optional<analysis::routing::RouteResult> result_;
    std::vector<analysis::routing::RouteResult> history_;  // before each edit, newest last
    RoutePalette palette_;  // the routes' colours since the run, kept through edits and undo
    std::vector<std::uint32_t> unserved_at_run_;  // the stops the run left over
    int selected_ = -1;
    double last_step_ms_ = 0;
    RouteListModel routes_;
    RouteStopModel stops_;
    RouteStopModel unserved_;
    RouteOverlay overlay_;
    std::shared_ptr<analysis::RoadGraphCache> roads_ = std::make_shared<analysis::RoadGraphCache>();
    JobRunner job_;
};

}  // namespace coopmap::app
