// The planning panel's controller: "what if we build here" while a proposed site is dropped
// or dragged (analysis::planning::WhatIf), suggested sites from analysis::planning::run_plan
// (the function `coopmap-cli plan` calls) off the UI thread with progress and cancel, and
// named scenarios kept in the project's `scenarios`, compared side by side and exported.
#pragma once

#include <QFutureWatcher>
#include <QGeoCoordinate>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <memory>

#include "analysis/planning/plan_run.h"
#include "analysis/planning/what_if.h"
#include "project/project_controller.h"

namespace coopmap::app {

class PlanningController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // The new sites' role key, e.g. village_cooperative.
    Q_PROPERTY(QString roleKey READ roleKey WRITE setRoleKey NOTIFY parametersChanged)
    // Kilometres; 0: the project's radius for the role.
    Q_PROPERTY(double radiusKm READ radiusKm WRITE setRadiusKm NOTIFY parametersChanged)
    // Suggestions: minutes by road (> 0 replaces the radius; what-if stays by radius).
    Q_PROPERTY(double minutes MEMBER minutes_ NOTIFY parametersChanged)
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

    // Proposed sites of the current plan: [{name, coordinate}].
    Q_PROPERTY(QVariantList sites READ sites NOTIFY sitesChanged)
    // The plan now (existing + proposed): villages covered, share, population covered.
    Q_PROPERTY(QVariantMap planFigures READ planFigures NOTIFY sitesChanged)

    // What-if of the last dropped or dragged site.
    Q_PROPERTY(int newlyCovered READ newlyCovered NOTIFY whatIfChanged)
    Q_PROPERTY(double newlyCoveredPopulation READ newlyCoveredPopulation NOTIFY whatIfChanged)
    Q_PROPERTY(int overlapVillages READ overlapVillages NOTIFY whatIfChanged)
    Q_PROPERTY(double overlapPopulation READ overlapPopulation NOTIFY whatIfChanged)
    Q_PROPERTY(int overlappingSites READ overlappingSites NOTIFY whatIfChanged)
    // [{name, villages, before, after, beforeRate, afterRate}] for the townships it touches.
    Q_PROPERTY(QVariantList townships READ townships NOTIFY whatIfChanged)
    // The newly covered villages' coordinates, for the map to light up.
    Q_PROPERTY(QVariantList highlight READ highlight NOTIFY whatIfChanged)

    // Saved scenarios side by side: [{name, sites, covered, coveredRate, population,
    // populationRate, newPopulation}] (newPopulation: beyond what the existing sites reach).
    Q_PROPERTY(QVariantList scenarios READ scenarios NOTIFY scenariosChanged)

public:
    // Ids of the result layers showPlan() puts on the map.
    static constexpr const char* kSitesLayer = "planning_sites";
    static constexpr const char* kCoveredLayer = "planning_newly_covered";

    explicit PlanningController(QObject* parent = nullptr);
    ~PlanningController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    QString roleKey() const { return roleKey_; }
    void setRoleKey(const QString& key);
    double radiusKm() const { return radiusKm_; }
    // The project's service radius for the role (service_radii_m), 0 if it gives none.
    double projectRadiusKm() const;
    void setRadiusKm(double km);
    bool running() const { return running_; }
    double progress() const { return progress_; }
    QString errorText() const { return errorText_; }
    QString suggestionText() const { return suggestionText_; }
    QVariantList sites() const;
    QVariantMap planFigures() const;
    int newlyCovered() const { return int(last_.newly_covered.size()); }
    double newlyCoveredPopulation() const { return last_.newly_covered_weight; }
    int overlapVillages() const { return int(last_.overlap.size()); }
    double overlapPopulation() const { return last_.overlap_weight; }
    int overlappingSites() const;
    QVariantList townships() const;
    QVariantList highlight() const;
    QVariantList scenarios() const;

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
    // Makes a saved scenario's sites the proposed ones.
    // Makes a saved scenario's sites the proposed ones, with its role, reach and objective,
    // and shows them and the villages they newly cover on the map.
    Q_INVOKABLE bool loadScenario(const QString& name);
    // One saved scenario as it is in the project: {name, roleKey, objective, radiusKm, minutes,
    // sites: [{name, coordinate}]}; {} if there is none of that name.
    Q_INVOKABLE QVariantMap scenario(const QString& name) const;
    Q_INVOKABLE bool deleteScenario(const QString& name);
    // A scenario's sites with what each adds, to .gpkg / .xlsx / .csv… (io::write_layer), or
    // a one-page .pdf (the presentation's write_scenario_pdf).
    Q_INVOKABLE bool exportScenario(const QString& name, const QString& path);

    // The plan's new coverage recomputed from scratch (covered_by_sites over every village),
    // with a site at `at` added: {newlyCovered, newlyCoveredPopulation}. For checks of the
    // incremental what-if.
    Q_INVOKABLE QVariantMap recount(const QGeoCoordinate& at) const;

signals:
    void projectChanged();
    void parametersChanged();
    void runningChanged();
    void progressChanged();
    void errorTextChanged();
    void sitesChanged();
    void whatIfChanged();
    void scenariosChanged();
    // After every suggest(): ok false on error or cancel (errorText says which).
    void finished(bool ok);

private:
    // Writes `list` as the project file's scenarios and keeps it; false (errorText set) on failure.
    bool writeScenarios(std::vector<Scenario> list);
    struct Outcome;
    analysis::planning::PlanRequest request() const;
    bool prepare();  // (re)builds the what-if state; false and errorText when it cannot
    void invalidate();
    void setError(const QString& text);
    void done();
    QVariantMap figures(const std::vector<double>& lon, const std::vector<double>& lat) const;
    // The proposed sites and the villages they newly cover as result layers on the map.
    void showPlan(const analysis::planning::PlanData& data);
    void clearPlanLayers();

    ProjectController* project_ = nullptr;
    QString roleKey_ = QStringLiteral("village_cooperative");
    double radiusKm_ = 0;
    double minutes_ = 0;
    QString objective_ = QStringLiteral("max_coverage");
    int newSites_ = 20;
    double target_ = 0.9;
    QString candidates_ = QStringLiteral("all");
    double minSpacingKm_ = 0;
    int perTownship_ = 0;
    QString excludedLayer_;

    bool running_ = false;
    double progress_ = 0;
    QString errorText_;
    QString suggestionText_;

    // What-if state: the villages, the existing sites (ids 0..existing_-1) and the proposed ones.
    std::unique_ptr<analysis::planning::PlanData> data_;
    analysis::planning::WhatIf whatIf_;
    std::size_t existing_ = 0;
    std::vector<std::uint32_t> siteIds_;  // WhatIf id per proposed site
    std::vector<QString> siteNames_;
    std::vector<double> siteLon_, siteLat_;
    std::vector<QString> townName_;       // per dense township id
    analysis::planning::WhatIfResult last_;

    std::vector<Scenario> scenarios_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<analysis::RoadGraphCache> roads_ = std::make_shared<analysis::RoadGraphCache>();
    QFutureWatcher<std::shared_ptr<Outcome>> watcher_;
};

}  // namespace coopmap::app
