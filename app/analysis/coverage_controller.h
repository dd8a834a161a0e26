// The analysis panel's controller: runs analysis::run_coverage (the job coopmap-cli coverage
// runs, area, gaps and isochrones included) through a JobRunner, and exposes the table.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "analysis/coverage_run.h"
#include "analysis/network_check.h"
#include "coverage_table_model.h"
#include "facility_role_model.h"
#include "jobs/job_runner.h"
#include "network_break_model.h"
#include "project/project_controller.h"
#include "reach_value.h"

namespace coopmap::app {

class CoverageController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // Facility role key, e.g. village_service_station.
    Q_PROPERTY(QString roleKey MEMBER roleKey_ NOTIFY parametersChanged)
    // The facility roles the panel offers (roles key, name; analysis::facility_roles).
    Q_PROPERTY(coopmap::app::FacilityRoleModel* facilityRoles READ facilityRoles CONSTANT)
    // Kilometres, any real number; 0 (and minutes 0): the project's default for the role.
    Q_PROPERTY(double radiusKm MEMBER radiusKm_ NOTIFY parametersChanged)
    // Minutes by road; > 0 replaces the radius.
    Q_PROPERTY(double minutes MEMBER minutes_ NOTIFY parametersChanged)
    // The reach the last run used, from its result: "半径 2.5 公里" / "行车 60 分钟", where it
    // came from (项目文件 service_radii_m.… or 指定的服务半径), and its figures (0 for the other kind).
    Q_PROPERTY(QString reachText READ reachText NOTIFY finished)
    Q_PROPERTY(QString reachWhy READ reachWhy NOTIFY finished)
    Q_PROPERTY(double usedRadiusKm READ usedRadiusKm NOTIFY finished)
    Q_PROPERTY(double usedMinutes READ usedMinutes NOTIFY finished)
    // "county" or "township".
    Q_PROPERTY(QString by MEMBER by_ NOTIFY parametersChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY finished)
    Q_PROPERTY(QString summary READ summary NOTIFY finished)
    Q_PROPERTY(int uncovered READ uncovered NOTIFY finished)
    Q_PROPERTY(coopmap::app::CoverageTableModel* table READ table CONSTANT)
    // The three-tier check (checkNetwork): one line of totals, and where the tiers break (roles
    // level "县"|"乡镇", code, name, missing), counties first.
    Q_PROPERTY(QString networkSummary READ networkSummary NOTIFY networkChanged)
    Q_PROPERTY(coopmap::app::NetworkBreakModel* networkBreaks READ networkBreaks CONSTANT)
    Q_PROPERTY(bool networkRunning READ networkRunning NOTIFY networkRunningChanged)

public:
    explicit CoverageController(QObject* parent = nullptr);
    ~CoverageController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    bool running() const { return job_.running(); }
    double progress() const { return job_.progress(); }
    QString errorText() const { return job_.errorText(); }
    QString summary() const;
    int uncovered() const;
    FacilityRoleModel* facilityRoles() { return &facilityRoles_; }
    QString reachText() const;
    QString reachWhy() const;
    double usedRadiusKm() const { return result_ ? result_->reach.radius_m / 1000 : 0; }
    double usedMinutes() const { return result_ ? result_->reach.minutes : 0; }
    // What run() asks the engine for, from the properties.
    analysis::CoverageRequest request() const;
    CoverageTableModel* table() { return &table_; }
    // The last result, empty before the first run.
    const analysis::CoverageResult* result() const { return result_.get(); }

    Q_INVOKABLE void run();
    Q_INVOKABLE void cancel();
    // The reach a run with radius and minutes 0 uses for a role (analysis::default_reach on the open
    // project), or its error when the project gives none.
    Q_INVOKABLE coopmap::app::ReachValue defaultReach(const QString& roleKey) const
    {
        return ReachValue::of(project_, roleKey);
    }
    // The table as CSV (UTF-8); the uncovered villages (and by radius the gaps) as GeoPackage.
    Q_INVOKABLE bool exportTable(const QString& path);
    Q_INVOKABLE bool exportGaps(const QString& path);
    // The table and the uncovered villages by the file's extension: .xlsx (two sheets), .gpkg
    // (with the coverage area, gaps and isochrones as layers) or .csv (analysis::export_coverage).
    Q_INVOKABLE bool exportResults(const QString& path);
    // Starts analysis::network_check (what coopmap-cli network prints) on the open project off
    // the UI thread; networkChanged when it is done. False if no project is open or a check runs.
    Q_INVOKABLE bool checkNetwork();
    QString networkSummary() const { return networkSummary_; }
    NetworkBreakModel* networkBreaks() { return &networkBreaks_; }
    bool networkRunning() const { return network_.running(); }

    // Ids of the result layers a run puts on the map (ProjectController::showResult).
    static inline const QString kUncoveredId = QStringLiteral("coverage_uncovered");
    static inline const QString kAreaId = QStringLiteral("coverage_area");
    static inline const QString kIsochronesId = QStringLiteral("coverage_isochrones");

signals:
    void projectChanged();
    void parametersChanged();
    void runningChanged();
    void progressChanged();
    // After every run: ok false on error or cancel (errorText says which).
    void finished(bool ok);
    void networkChanged();
    void networkRunningChanged();

private:
    void done(analysis::CoverageResult result);
    void showLayers(const analysis::CoverageResult& result);
    void networkDone(const Result<analysis::NetworkCheck>& check);
    // A notice that is not a run's (export failed, no project): errorText and finished(false).
    void fail(const QString& text);

    ProjectController* project_ = nullptr;
    QString roleKey_ = QStringLiteral("village_service_station");
    double radiusKm_ = 0;
    double minutes_ = 0;
    QString by_ = QStringLiteral("county");
    FacilityRoleModel facilityRoles_;
    CoverageTableModel table_;
    std::shared_ptr<const analysis::CoverageResult> result_;
    QString networkSummary_;
    NetworkBreakModel networkBreaks_;
    std::shared_ptr<analysis::RoadGraphCache> roads_ = std::make_shared<analysis::RoadGraphCache>();
    JobRunner job_;  // the coverage run
    JobRunner network_;  // the three-tier check
};

}  // namespace coopmap::app
