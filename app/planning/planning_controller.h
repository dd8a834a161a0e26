// The planning panel's controller: "what if we build here" while a proposed site is dropped
// or dragged (analysis::planning::WhatIf), suggested sites from analysis::planning::run_plan
// (the function `coopmap-cli plan` calls) off the UI thread with progress and cancel, and
// named scenarios kept in the project's `scenarios`, compared side by side and exported.
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>

#include "analysis/facility_role_model.h"
#include "analysis/planning/plan_run.h"
#include "analysis/planning/scenario.h"
#include "analysis/planning/what_if.h"
#include "analysis/reach_value.h"
#include "jobs/job_runner.h"
#include "project/project_controller.h"
#include "proposed_site_model.h"
#include "scenario_figures_model.h"
#include "scenario_list_model.h"
#include "township_change_model.h"

namespace coopmap::app {

class PlanningController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // The facility roles the panel offers (roles key, name; analysis::facility_roles).
    Q_PROPERTY(coopmap::app::FacilityRoleModel* facilityRoles READ facilityRoles CONSTANT)
    // The new sites' role key, e.g. village_cooperative. Setting it makes existingRoles the new tier's.
    Q_PROPERTY(QString roleKey READ roleKey WRITE setRoleKey NOTIFY parametersChanged)
    // Role keys of the sites that count as existing service: the tier's own (analysis::tier_roles)
    // until set, and as the engine took them once the plan data is made. [] : none.
    Q_PROPERTY(QStringList existingRoles READ existingRoles WRITE setExistingRoles NOTIFY reachChanged)
    // Kilometres, any real number; 0 (and minutes 0): the project's default for the role.
    Q_PROPERTY(double radiusKm READ radiusKm WRITE setRadiusKm NOTIFY parametersChanged)
    // Minutes by road; > 0 replaces the radius, for the what-if and the suggestions alike.
    Q_PROPERTY(double minutes READ minutes WRITE setMinutes NOTIFY parametersChanged)
    // The reach the plan works with, from the engine's plan data ("" before it is made):
    // "半径 3 公里" / "行车 60 分钟", and why (项目文件 service_radii_m.… or 指定的服务半径).
    Q_PROPERTY(QString reachText READ reachText NOTIFY reachChanged)
    Q_PROPERTY(QString reachWhy READ reachWhy NOTIFY reachChanged)
    // max_coverage | set_cover | p_median
    Q_PROPERTY(QString objective MEMBER objective_ NOTIFY parametersChanged)
    Q_PROPERTY(int newSites MEMBER newSites_ NOTIFY parametersChanged)
    // set_cover: the share of the population to reach, 0..1.
    Q_PROPERTY(double target MEMBER target_ NOTIFY parametersChanged)
    // all | uncovered | a project layer id
    Q_PROPERTY(QString candidates MEMBER candidates_ NOTIFY parametersChanged)
    Q_PROPERTY(double minSpacingKm MEMBER minSpacingKm_ NOTIFY parametersChanged)
    Q_PROPERTY(int perTownship MEMBER perTownship_ NOTIFY parametersChanged)
    // A polygon layer id of the project where no new site may go; "" none.
    Q_PROPERTY(QString excludedLayer MEMBER excludedLayer_ NOTIFY parametersChanged)

    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // The last suggestion: method, gap, proven or not.
    Q_PROPERTY(QString suggestionText READ suggestionText NOTIFY sitesChanged)

    // Proposed sites of the current plan (roles name, coordinate).
    Q_PROPERTY(coopmap::app::ProposedSiteModel* sites READ sites CONSTANT)
    // The plan now (existing + proposed): {sites, existingSites, covered, villages, coveredRate,
    // population, populationRate}.
    Q_PROPERTY(QVariantMap planFigures READ planFigures NOTIFY sitesChanged)

    // What-if of the last dropped or dragged site.
    Q_PROPERTY(int newlyCovered READ newlyCovered NOTIFY whatIfChanged)
    Q_PROPERTY(double newlyCoveredPopulation READ newlyCoveredPopulation NOTIFY whatIfChanged)
    Q_PROPERTY(int overlapVillages READ overlapVillages NOTIFY whatIfChanged)
    Q_PROPERTY(double overlapPopulation READ overlapPopulation NOTIFY whatIfChanged)
    Q_PROPERTY(int overlappingSites READ overlappingSites NOTIFY whatIfChanged)
    // The townships it touches (roles name, villages, before, after, beforeRate, afterRate).
    Q_PROPERTY(coopmap::app::TownshipChangeModel* townships READ townships CONSTANT)
    // The newly covered villages' coordinates, for the map to light up.
    Q_PROPERTY(QVariantList highlight READ highlight NOTIFY whatIfChanged)

    // Saved scenarios side by side (roles name, sites, hasFigures, villages, covered, coveredRate,
    // population, populationRate, newPopulation, hasCost, cost).
    Q_PROPERTY(coopmap::app::ScenarioListModel* scenarios READ scenarios CONSTANT)
    // The saved scenario whose 方案 figures scenarioFigures holds: the one last saved, loaded or
    // chosen in the table; "" none.
    Q_PROPERTY(QString selectedScenario READ selectedScenario WRITE setSelectedScenario NOTIFY selectedScenarioChanged)
    // The selected scenario's figures as its PDF page has them: per site 新覆盖村数 and 新覆盖人口,
    // 现状 and 建成后 (ready false until the scenario job has delivered them).
    Q_PROPERTY(coopmap::app::ScenarioFiguresModel* scenarioFigures READ scenarioFigures CONSTANT)

public:
    // Ids of the result layers showPlan() puts on the map.
    static constexpr const char* kSitesLayer = "planning_sites";
    static constexpr const char* kCoveredLayer = "planning_newly_covered";

    explicit PlanningController(QObject* parent = nullptr);
    ~PlanningController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    FacilityRoleModel* facilityRoles() { return &facilityRoles_; }
    QString roleKey() const { return roleKey_; }
    void setRoleKey(const QString& key);
    QStringList existingRoles() const;
    void setExistingRoles(const QStringList& keys);
    double radiusKm() const { return radiusKm_; }
    void setRadiusKm(double km);
    double minutes() const { return minutes_; }
    void setMinutes(double minutes);
    QString reachText() const;
    QString reachWhy() const;
    // The reach the plan takes for a role when radius and minutes are 0 (analysis::default_reach on
    // the open project), or its error when the project gives none.
    Q_INVOKABLE coopmap::app::ReachValue defaultReach(const QString& roleKey) const
    {
        return ReachValue::of(project_, roleKey);
    }
    // What suggest() asks the engine for, from the properties.
    analysis::planning::PlanRequest request() const;
    bool running() const { return job_.running(); }
    double progress() const { return job_.progress(); }
    QString errorText() const { return job_.errorText(); }
    QString suggestionText() const { return suggestionText_; }
    ProposedSiteModel* sites() { return &sites_; }
    QVariantMap planFigures() const;
    int newlyCovered() const { return int(last_.newly_covered.size()); }
    double newlyCoveredPopulation() const { return last_.newly_covered_weight; }
    int overlapVillages() const { return int(last_.overlap.size()); }
    double overlapPopulation() const { return last_.overlap_weight; }
    int overlappingSites() const;
    TownshipChangeModel* townships() { return &townships_; }
    QVariantList highlight() const;
    ScenarioListModel* scenarios() { return &scenarioRows_; }
    QString selectedScenario() const { return selected_; }
    void setSelectedScenario(const QString& name);
    ScenarioFiguresModel* scenarioFigures() { return &selectedFigures_; }

    // What-if without changing the plan (hover, the first press).
    Q_INVOKABLE bool evaluate(const QGeoCoordinate& at);
    // Adds a proposed site at `at`; the what-if shows what it adds. Returns its index, -1 on error.
    Q_INVOKABLE int dropSite(const QGeoCoordinate& at);
    // While dragging proposed site `index`: the what-if at `at` with the site's old place
    // left out; the plan follows.
    Q_INVOKABLE bool moveSite(int index, const QGeoCoordinate& at);
    Q_INVOKABLE void removeSite(int index);
    // Also takes the proposed sites' layers (kSitesLayer, kCoveredLayer) off the map.
    Q_INVOKABLE void clearSites();
    // The proposed site nearest to `at` within `near`'s distance (a point a few pixels away), -1 if none.
    Q_INVOKABLE int siteAt(const QGeoCoordinate& at, const QGeoCoordinate& near) const;

    // Suggested sites for the parameters, off the UI thread; they replace the proposed sites.
    Q_INVOKABLE void suggest();
    Q_INVOKABLE void cancel();

    // Saves the proposed sites as a named scenario (same name: replaced) and writes the
    // project file's scenarios (write-then-rename); false and errorText on failure.
    Q_INVOKABLE bool saveScenario(const QString& name);
    // Makes a saved scenario's sites the proposed ones, with its role, reach and objective (the
    // existing roles go back to the tier's own: a scenario does not keep them), and shows them
    // and the villages they newly cover on the map.
    Q_INVOKABLE bool loadScenario(const QString& name);
    // One saved scenario as it is in the project: {name, roleKey, objective, radiusKm, minutes,
    // sites: [{name, coordinate}]}; {} if there is none of that name.
    Q_INVOKABLE QVariantMap scenario(const QString& name) const;
    Q_INVOKABLE bool deleteScenario(const QString& name);
    // A scenario's sites with what each adds, to .gpkg / .xlsx / .csv… (io::write_layer), or
    // a one-page .pdf (the presentation's write_scenario_pdf).
    Q_INVOKABLE bool exportScenario(const QString& name, const QString& path);

    // The plan's new coverage recomputed from scratch (analysis::planning::plan_coverage),
    // with a site at `at` added: {newlyCovered, newlyCoveredPopulation}. For checks of the
    // incremental what-if.
    Q_INVOKABLE QVariantMap recount(const QGeoCoordinate& at) const;

signals:
    void projectChanged();
    void parametersChanged();
    void runningChanged();
    void progressChanged();
    void errorTextChanged();
    // reachText, reachWhy or existingRoles changed.
    void reachChanged();
    void sitesChanged();
    void whatIfChanged();
    void scenariosChanged();
    void selectedScenarioChanged();
    // After every run of the saved scenarios' figures: ok false on error or cancel.
    void scenarioFiguresFinished(bool ok);
    // After every suggest(): ok false on error or cancel (errorText says which).
    void finished(bool ok);

private:
    // Writes `list` as the project file's scenarios and keeps it; false (errorText set) on failure.
    bool writeScenarios(std::vector<Scenario> list);
    bool prepare();  // (re)builds the what-if state; false and errorText when it cannot
    void invalidate();
    void setError(const QString& text) { job_.setErrorText(text); }
    void done(const analysis::planning::PlanResult& r);
    QVariantMap figures(const std::vector<double>& lon, const std::vector<double>& lat) const;
    // The proposed sites and the villages they newly cover as result layers on the map.
    void showPlan(const analysis::planning::PlanData& data);
    void clearPlanLayers();
    // The scenario rows anew; their figures (analysis::planning::run_scenario, each at its own
    // role and reach with its tier's existing sites, as the scenario PDF page) follow from a job.
    void refreshScenarios();
    void showSelectedFigures();

    ProjectController* project_ = nullptr;
    QString roleKey_ = QStringLiteral("village_cooperative");
    std::optional<QStringList> existingRoles_;  // unset: the tier's own
    double radiusKm_ = 0;
    double minutes_ = 0;
    QString objective_ = QStringLiteral("max_coverage");
    int newSites_ = 20;
    double target_ = 0.9;
    QString candidates_ = QStringLiteral("all");
    double minSpacingKm_ = 0;
    int perTownship_ = 0;
    QString excludedLayer_;

    QString suggestionText_;
    FacilityRoleModel facilityRoles_;

    // What-if state: the villages, the existing sites (ids 0..existing_-1) and the proposed ones.
    std::unique_ptr<analysis::planning::PlanData> data_;
    analysis::planning::WhatIf whatIf_;
    std::size_t existing_ = 0;
    std::vector<std::uint32_t> siteIds_;  // WhatIf id per proposed site
    std::vector<QString> siteNames_;
    std::vector<double> siteLon_, siteLat_;
    ProposedSiteModel sites_;  // the three above, for QML
    std::vector<QString> townName_;  // per dense township id
    analysis::planning::WhatIfResult last_;
    TownshipChangeModel townships_;  // last_'s, named

    std::vector<Scenario> scenarios_;
    ScenarioListModel scenarioRows_;  // scenarios_ with their figures
    std::vector<ScenarioFiguresModel::Figures> figures_;  // per scenarios_, site by site
    QString selected_;
    ScenarioFiguresModel selectedFigures_;  // figures_ of selected_
    std::shared_ptr<analysis::RoadGraphCache> roads_ = std::make_shared<analysis::RoadGraphCache>();
    analysis::RoadGraphCache whatIfRoads_;  // the UI thread's (roads_ is the worker's)
    JobRunner job_;  // suggest()
    JobRunner scenarioJob_;  // the saved scenarios' figures
};

}  // namespace coopmap::app
