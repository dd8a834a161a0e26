#include "planning_controller.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/coverage_run.h"
#include "analysis/geodesic.h"
#include "analysis/planning/coverage_matrix.h"
#include "analysis/planning/scenario.h"
#include "analysis/reach_default.h"
#include "io/gdal_writer.h"
#include "present/scenario_pdf.h"

namespace coopmap::app {

namespace pl = analysis::planning;

PlanningController::PlanningController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &PlanningController::runningChanged);
    connect(&job_, &JobRunner::progressChanged, this, &PlanningController::progressChanged);
    connect(&job_, &JobRunner::errorTextChanged, this, &PlanningController::errorTextChanged);
    // Every change of the proposed sites comes with sitesChanged, and of the what-if with
    // whatIfChanged: the models follow them.
    connect(this, &PlanningController::scenariosChanged, this, &PlanningController::refreshScenarios);
    connect(this, &PlanningController::sitesChanged, this, [this] {
        std::vector<ProposedSiteModel::Row> rows;
        for (std::size_t k = 0; k < siteLon_.size(); ++k) rows.push_back({siteNames_[k], siteLon_[k], siteLat_[k]});
        sites_.set(std::move(rows));
    });
    connect(this, &PlanningController::whatIfChanged, this, [this] {
        std::vector<TownshipChangeModel::Row> rows;
        for (const auto& t : last_.townships)
            rows.push_back({t.township >= 0 && std::size_t(t.township) < townName_.size()
                                ? townName_[std::size_t(t.township)]
                                : QString(),
                            int(t.villages), int(t.covered_before), int(t.covered_after)});
        townships_.reset(std::move(rows));
    });
}

PlanningController::~PlanningController() = default;

void PlanningController::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    // A save (also "save as") or an added layer changes the project but not the plan on the
    // map; only another project opened clears the proposed sites.
    auto reload = [this] {
        invalidate();
        scenarios_ = project_ ? project_->project().scenarios : std::vector<Scenario>{};
        emit scenariosChanged();
    };
    if (project_) {
        connect(project_, &ProjectController::projectChanged, this, reload);
        connect(project_, &ProjectController::finished, this, [this](bool opened) {
            if (opened) clearSites();
        });
        connect(project_->layers(), &QAbstractItemModel::modelReset, this, &PlanningController::invalidate);
    }
    clearSites();
    reload();
    emit projectChanged();
}

void PlanningController::setRoleKey(const QString& key)
{
    if (key == roleKey_) return;
    roleKey_ = key;
    existingRoles_.reset();  // another tier, its own existing roles
    invalidate();
    emit parametersChanged();
    emit reachChanged();
}

void PlanningController::setExistingRoles(const QStringList& keys)
{
    if (existingRoles_ == keys) return;
    existingRoles_ = keys;
    invalidate();
    emit parametersChanged();
    emit reachChanged();
}

QStringList PlanningController::existingRoles() const
{
    QStringList out;
    if (data_) {
        for (const Role r : data_->existing_roles) out.append(QString::fromStdString(std::string(role_key(r))));
    } else if (existingRoles_) {
        out = *existingRoles_;
    } else if (const auto role = role_from_key(roleKey_.toStdString())) {
        for (const Role r : analysis::tier_roles(*role)) out.append(QString::fromStdString(std::string(role_key(r))));
    }
    return out;
}

void PlanningController::setRadiusKm(double km)
{
    if (km == radiusKm_) return;
    radiusKm_ = km;
    invalidate();
    emit parametersChanged();
}

void PlanningController::setMinutes(double minutes)
{
    if (minutes == minutes_) return;
    minutes_ = minutes;
    invalidate();
    emit parametersChanged();
}

QString PlanningController::reachText() const
{
    return data_ ? QString::fromStdString(analysis::reach_text(data_->reach)) : QString();
}

QString PlanningController::reachWhy() const { return data_ ? QString::fromStdString(data_->reach.why) : QString(); }

pl::PlanRequest PlanningController::request() const
{
    pl::PlanRequest q;
    if (const auto role = role_from_key(roleKey_.toStdString())) q.role = *role;
    if (existingRoles_) {
        q.existing.emplace();
        for (const auto& key : *existingRoles_)
            if (const auto role = role_from_key(key.toStdString())) q.existing->push_back(*role);
    }
    // The engine decides what 0 means (analysis::requested_reach): minutes replace the radius.
    q.radius_m = minutes_ > 0 ? 0 : radiusKm_ * 1000;
    q.minutes = minutes_;
    if (candidates_ == QLatin1String("all")) q.candidates = pl::CandidateSet::all_villages;
    else if (candidates_ == QLatin1String("uncovered")) q.candidates = pl::CandidateSet::uncovered_villages;
    else {
        q.candidates = pl::CandidateSet::layer;
        q.candidate_layer = candidates_.toStdString();
    }
    q.excluded_layer = excludedLayer_.toStdString();
    q.rules.min_spacing_m = minSpacingKm_ * 1000;
    q.rules.max_per_township = perTownship_;
    q.solve.objective = objective_ == QLatin1String("set_cover")  ? pl::Objective::set_cover
                        : objective_ == QLatin1String("p_median") ? pl::Objective::p_median
                                                                  : pl::Objective::max_coverage;
    q.solve.new_sites = std::max(1, newSites_);
    q.solve.target = target_;
    return q;
}

void PlanningController::invalidate()
{
    const bool had = static_cast<bool>(data_);
    data_.reset();
    last_ = {};
    emit whatIfChanged();
    if (!had) return;
    emit reachChanged();
    emit sitesChanged();  // planFigures: none until the plan data is made again
}

bool PlanningController::prepare()
{
    if (data_) return true;
    if (!project_ || project_->layers()->entries().empty()) {
        setError(tr("请先打开项目"));
        return false;
    }
    if (!role_from_key(roleKey_.toStdString())) {
        setError(tr("未知的网点类型：%1").arg(roleKey_));
        return false;
    }
    for (const auto& key : existingRoles_.value_or(QStringList{}))
        if (!role_from_key(key.toStdString())) {
            setError(tr("未知的网点类型：%1").arg(key));
            return false;
        }
    const auto snap = project_->snapshot();
    // The what-if needs only the villages, the existing sites and the plan's reach.
    auto q = request();
    q.excluded_layer.clear();
    q.candidates = pl::CandidateSet::none;
    auto d = pl::plan_data(*snap.project, *snap.layers, q, &whatIfRoads_);
    if (!d) {
        setError(QString::fromStdString(d.error().text()));
        return false;
    }
    data_ = std::make_unique<pl::PlanData>(std::move(*d));
    // Townships: dense ids for WhatIf, names from the township boundary layer where it has them.
    std::map<std::string, std::int32_t> ids;
    std::vector<std::int32_t> town;
    for (const auto& code : data_->village_township)
        town.push_back(code.empty() ? -1 : ids.emplace(code, std::int32_t(ids.size())).first->second);
    std::map<std::string, std::string> names;
    for (std::size_t i = 0; i < snap.project->layers.size(); ++i) {
        const auto& cfg = snap.project->layers[i];
        if (cfg.role != Role::admin_boundary || cfg.level != "township") continue;
        const auto* code = analysis::mapped_column(cfg, (*snap.layers)[i], "code");
        const auto* name = analysis::mapped_column(cfg, (*snap.layers)[i], "name");
        if (!code || !name) continue;
        for (std::size_t f = 0; f < (*snap.layers)[i].size(); ++f) names.emplace(code->text(f), name->text(f));
    }
    townName_.assign(ids.size(), {});
    for (const auto& [code, id] : ids) {
        const auto it = names.find(code);
        townName_[std::size_t(id)] = QString::fromStdString(it != names.end() ? it->second : code);
    }
    whatIf_ = pl::what_if(*data_, std::move(town));  // the existing sites added first
    existing_ = data_->existing_lon.size();
    siteIds_.clear();
    for (std::size_t k = 0; k < siteLon_.size(); ++k) siteIds_.push_back(whatIf_.add_site(siteLon_[k], siteLat_[k]));
    if (!errorText().isEmpty()) setError({});
    emit reachChanged();  // also existingRoles: now what the engine took
    return true;
}

bool PlanningController::evaluate(const QGeoCoordinate& at)
{
    if (!at.isValid() || !prepare()) return false;
    last_ = whatIf_.evaluate(at.longitude(), at.latitude());
    emit whatIfChanged();
    return true;
}

int PlanningController::dropSite(const QGeoCoordinate& at)
{
    if (!at.isValid() || !prepare()) return -1;
    last_ = whatIf_.evaluate(at.longitude(), at.latitude());
    siteIds_.push_back(whatIf_.add_site(at.longitude(), at.latitude()));
    siteLon_.push_back(at.longitude());
    siteLat_.push_back(at.latitude());
    siteNames_.push_back(tr("新网点 %1").arg(siteLon_.size()));
    emit whatIfChanged();
    emit sitesChanged();
    return int(siteLon_.size()) - 1;
}

bool PlanningController::moveSite(int index, const QGeoCoordinate& at)
{
    if (index < 0 || std::size_t(index) >= siteLon_.size() || !at.isValid() || !prepare()) return false;
    const auto id = siteIds_[std::size_t(index)];
    last_ = whatIf_.evaluate(at.longitude(), at.latitude(), id);
    whatIf_.move_site(id, at.longitude(), at.latitude());
    siteLon_[std::size_t(index)] = at.longitude();
    siteLat_[std::size_t(index)] = at.latitude();
    emit whatIfChanged();
    emit sitesChanged();
    return true;
}

void PlanningController::removeSite(int index)
{
    if (index < 0 || std::size_t(index) >= siteLon_.size()) return;
    if (data_) whatIf_.remove_site(siteIds_[std::size_t(index)]);
    if (!siteIds_.empty()) siteIds_.erase(siteIds_.begin() + index);
    siteLon_.erase(siteLon_.begin() + index);
    siteLat_.erase(siteLat_.begin() + index);
    siteNames_.erase(siteNames_.begin() + index);
    last_ = {};
    emit whatIfChanged();
    emit sitesChanged();
}

void PlanningController::clearPlanLayers()
{
    if (!project_) return;
    project_->clearResult(QString::fromLatin1(kSitesLayer));
    project_->clearResult(QString::fromLatin1(kCoveredLayer));
}

void PlanningController::showPlan(const pl::PlanData& data)
{
    if (!project_) return;
    std::vector<std::string> names;
    for (const auto& n : siteNames_) names.push_back(n.toStdString());
    auto sites = pl::sites_layer(data, names, siteLon_, siteLat_);
    const auto role = role_from_key(roleKey_.toStdString()).value_or(Role::village_cooperative);
    sites.role = role;
    // The newly covered villages first, so the proposed sites are drawn above them.
    const auto newly = pl::newly_covered(data, siteLon_, siteLat_);
    if (newly)
        project_->showResult(QString::fromLatin1(kCoveredLayer), tr("新覆盖的村"), Role::village,
                             pl::villages_layer(data, *newly), Style{"#43a047", "#ffffff", 7, 1, 1});
    // Magenta with a white ring: apart from every role colour of the sample's styles.
    project_->showResult(QString::fromLatin1(kSitesLayer), tr("建议新网点"), role, std::move(sites),
                         Style{"#d81b60", "#ffffff", 12, 2, 1});
    if (!newly) setError(QString::fromStdString(newly.error().text()));
}

void PlanningController::clearSites()
{
    clearPlanLayers();
    if (data_)
        for (const auto id : siteIds_) whatIf_.remove_site(id);
    siteIds_.clear();
    siteLon_.clear();
    siteLat_.clear();
    siteNames_.clear();
    last_ = {};
    emit whatIfChanged();
    emit sitesChanged();
}

int PlanningController::siteAt(const QGeoCoordinate& at, const QGeoCoordinate& near) const
{
    if (!at.isValid() || !near.isValid()) return -1;
    const double limit =
        analysis::geodesic_distance_m(at.longitude(), at.latitude(), near.longitude(), near.latitude());
    int best = -1;
    double best_d = limit;
    for (std::size_t k = 0; k < siteLon_.size(); ++k) {
        const double d = analysis::geodesic_distance_m(at.longitude(), at.latitude(), siteLon_[k], siteLat_[k]);
        if (d <= best_d) {
            best = int(k);
            best_d = d;
        }
    }
    return best;
}

namespace {

// {sites, existingSites, covered, villages, coveredRate, population, populationRate} as the panel reads them.
QVariantMap figures_map(std::size_t sites, std::size_t existing, std::size_t covered, std::size_t villages,
                        double population, double total)
{
    return {{QStringLiteral("sites"), int(sites)},
            {QStringLiteral("existingSites"), int(existing)},
            {QStringLiteral("covered"), int(covered)},
            {QStringLiteral("villages"), int(villages)},
            {QStringLiteral("coveredRate"), 100.0 * double(covered) / double(std::max<std::size_t>(villages, 1))},
            {QStringLiteral("population"), population},
            {QStringLiteral("populationRate"), total > 0 ? 100.0 * population / total : 0.0}};
}

}  // namespace

QVariantMap PlanningController::figures(const std::vector<double>& lon, const std::vector<double>& lat) const
{
    if (!data_) return {};
    const auto c = pl::plan_coverage(*data_, lon, lat);
    if (!c) return {};
    return figures_map(lon.size(), data_->existing_lon.size(), c->covered, c->villages, c->covered_weight, c->weight);
}

QVariantMap PlanningController::planFigures() const
{
    // The what-if state holds every site whenever data_ is there (prepare() adds them, and
    // sites come only through dropSite()): its running totals answer without a recount, as
    // this is read on every step of a drag.
    if (!data_) return {};
    return figures_map(siteLon_.size(), existing_, whatIf_.covered_villages(), whatIf_.village_count(),
                       whatIf_.covered_weight(), whatIf_.total_weight());
}

int PlanningController::overlappingSites() const { return int(last_.overlapping_sites.size()); }

QVariantList PlanningController::highlight() const
{
    QVariantList out;
    if (!data_) return out;
    for (const auto j : last_.newly_covered)
        out.append(QVariant::fromValue(QGeoCoordinate(data_->village_lat[j], data_->village_lon[j])));
    return out;
}

QVariantMap PlanningController::recount(const QGeoCoordinate& at) const
{
    if (!data_ || !at.isValid()) return {};
    const auto before = figures(siteLon_, siteLat_);
    auto lon = siteLon_, lat = siteLat_;
    lon.push_back(at.longitude());
    lat.push_back(at.latitude());
    const auto after = figures(lon, lat);
    return {{QStringLiteral("newlyCovered"),
             after[QStringLiteral("covered")].toInt() - before[QStringLiteral("covered")].toInt()},
            {QStringLiteral("newlyCoveredPopulation"),
             after[QStringLiteral("population")].toDouble() - before[QStringLiteral("population")].toDouble()}};
}

void PlanningController::suggest()
{
    if (running()) return;
    if (!prepare()) {
        emit finished(false);
        return;
    }
    const auto snap = project_->snapshot();
    job_.start(
        tr("选址计算已取消"),
        [snap, q = request(), roads = roads_](const Feedback& feedback) {
            return pl::run_plan(*snap.project, *snap.layers, q, feedback, roads.get());
        },
        [this](Result<pl::PlanResult> r) {
            if (!r) {
                emit finished(false);  // errorText says what went wrong, or that it was cancelled
                return;
            }
            done(*r);
        });
}

void PlanningController::cancel() { job_.cancel(); }

void PlanningController::done(const pl::PlanResult& r)
{
    const auto& s = r.solution;
    clearSites();
    for (const auto c : s.sites) {
        const QGeoCoordinate at(r.data.problem.cand_lat[c], r.data.problem.cand_lon[c]);
        dropSite(at);
        siteNames_.back() = QString::fromStdString(r.data.cand_name[c]);
    }
    last_ = {};
    const double total = std::max(s.total_weight, 1e-9);
    // The panel plans by population (plan_run's default weight); the method in words.
    const QString method = s.method == pl::kMethodHighs ? tr("HiGHS 精确求解") : tr("贪心加交换启发式");
    suggestionText_ = tr("%1 个新网点，覆盖人口 %2%（%3）；%4，与上界差距 %5%")
                          .arg(s.sites.size())
                          .arg(QString::number(100 * s.covered_weight / total, 'f', 1))
                          .arg(method)
                          .arg(s.optimal ? tr("已证明最优") : tr("未证明最优"))
                          .arg(QString::number(100 * s.gap, 'f', 2));
    emit whatIfChanged();
    emit sitesChanged();
    if (!errorText().isEmpty()) setError({});
    showPlan(r.data);
    emit finished(true);
}

void PlanningController::refreshScenarios()
{
    std::vector<ScenarioListModel::Row> rows;
    for (const auto& sc : scenarios_) {
        ScenarioListModel::Row row;
        row.name = QString::fromStdString(sc.name);
        row.sites = int(sc.sites.size());
        // The cost of the new sites in 万元, where the project gives one site's cost for the role.
        if (project_) {
            const auto& costs = project_->project().site_costs;
            if (const auto it = costs.find(std::string(role_key(sc.role))); it != costs.end())
                row.cost = it->second * double(sc.sites.size());
        }
        rows.push_back(std::move(row));
    }
    scenarioRows_.reset(rows);
    figures_.clear();
    for (const auto& sc : scenarios_) {
        ScenarioFiguresModel::Figures f;
        f.name = QString::fromStdString(sc.name);
        figures_.push_back(std::move(f));
    }
    if (std::none_of(scenarios_.begin(), scenarios_.end(),
                     [&](const Scenario& s) { return QString::fromStdString(s.name) == selected_; }))
        setSelectedScenario({});
    showSelectedFigures();
    if (!project_ || project_->layers()->entries().empty() || scenarios_.empty()) {
        scenarioJob_.discard();
        return;
    }
    const auto snap = project_->snapshot();
    using Figures = std::vector<std::optional<pl::ScenarioFigures>>;
    scenarioJob_.start(
        tr("已取消计算方案"),
        [snap, list = scenarios_](const Feedback& feedback) -> Result<Figures> {
            Figures out;
            analysis::RoadGraphCache roads;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const auto part = feedback.part(double(i) / double(list.size()), double(i + 1) / double(list.size()));
                auto f =
                    pl::run_scenario(*snap.project, *snap.layers, pl::ScenarioRequest{list[i], {}, 2000}, part, &roads);
                if (!f && f.error().cancelled) return f.error();
                // A scenario the engine cannot figure (its role has no reach…) keeps a row without figures.
                out.push_back(f ? std::optional(std::move(*f)) : std::nullopt);
            }
            return out;
        },
        [this, rows](Result<Figures> figures) mutable {
            if (!figures || figures->size() != rows.size() || figures_.size() != rows.size()) {
                emit scenarioFiguresFinished(false);
                return;
            }
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto& f = (*figures)[i];
                if (!f) continue;
                auto& detail = figures_[i];
                detail.ready = true;
                detail.reachText = QString::fromStdString(analysis::reach_text(f->reach));
                QStringList existing;
                for (const Role r : f->existing_roles) existing << QString::fromStdString(std::string(role_name_zh(r)));
                detail.existingText = existing.join(QStringLiteral("、"));
                detail.existingSites = int(f->existing_sites);
                detail.villages = int(f->after.villages);
                detail.coveredBefore = int(f->before.covered);
                detail.coveredAfter = int(f->after.covered);
                detail.population = f->after.population;
                detail.populationBefore = f->before.population_covered;
                detail.populationAfter = f->after.population_covered;
                for (const auto& s : f->sites)
                    detail.sites.push_back(
                        {QString::fromStdString(s.name), s.lon, s.lat, int(s.villages), s.population});
                auto& row = rows[i];
                row.hasFigures = true;
                row.villages = int(f->after.villages);
                row.covered = int(f->after.covered);
                row.population = f->after.population_covered;
                row.totalPopulation = f->after.population;
                row.newPopulation = f->after.population_covered - f->before.population_covered;
            }
            scenarioRows_.reset(std::move(rows));
            showSelectedFigures();
            emit scenarioFiguresFinished(true);
        });
}

void PlanningController::setSelectedScenario(const QString& name)
{
    if (name == selected_) return;
    selected_ = name;
    showSelectedFigures();
    emit selectedScenarioChanged();
}

void PlanningController::showSelectedFigures()
{
    const auto it = std::find_if(figures_.begin(), figures_.end(),
                                 [&](const ScenarioFiguresModel::Figures& f) { return f.name == selected_; });
    selectedFigures_.reset(selected_.isEmpty() || it == figures_.end() ? ScenarioFiguresModel::Figures{} : *it);
}

bool PlanningController::saveScenario(const QString& name)
{
    if (!project_ || project_->path().isEmpty()) {
        setError(tr("请先打开项目"));
        return false;
    }
    if (name.trimmed().isEmpty()) {
        setError(tr("请给方案起一个名字"));
        return false;
    }
    Scenario sc;
    sc.name = name.trimmed().toStdString();
    if (const auto role = role_from_key(roleKey_.toStdString())) sc.role = *role;
    sc.objective = objective_.toStdString();
    sc.radius_m = minutes_ > 0 ? 0 : radiusKm_ * 1000;
    sc.minutes = minutes_;
    for (std::size_t k = 0; k < siteLon_.size(); ++k)
        sc.sites.push_back(ScenarioSite{siteNames_[k].toStdString(), siteLon_[k], siteLat_[k]});
    auto list = scenarios_;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Scenario& s) { return s.name == sc.name; });
    if (it != list.end()) *it = sc;
    else list.push_back(sc);
    if (!writeScenarios(std::move(list))) return false;
    setSelectedScenario(QString::fromStdString(sc.name));
    return true;
}

bool PlanningController::writeScenarios(std::vector<Scenario> list)
{
    // The project as it is in the file, with these scenarios (save_project writes then renames):
    // other unsaved changes in the window are not written behind the user's back.
    auto project = read_project(project_->path().toStdString());
    if (!project) {
        setError(QString::fromStdString(project.error().text()));
        return false;
    }
    project->scenarios = list;
    if (const auto st = save_project(*project, project_->path().toStdString()); !st) {
        setError(QString::fromStdString(st.error().text()));
        return false;
    }
    project_->keepScenarios(list);
    scenarios_ = std::move(list);
    emit scenariosChanged();
    return true;
}

bool PlanningController::loadScenario(const QString& name)
{
    const auto it = std::find_if(scenarios_.begin(), scenarios_.end(),
                                 [&](const Scenario& s) { return s.name == name.toStdString(); });
    if (it == scenarios_.end()) return false;
    const auto sc = *it;
    // The scenario's own parameters, so its figures are the ones it was saved with.
    roleKey_ = QString::fromStdString(std::string(role_key(sc.role)));
    existingRoles_.reset();
    radiusKm_ = sc.radius_m / 1000;
    minutes_ = sc.minutes;
    if (!sc.objective.empty()) objective_ = QString::fromStdString(sc.objective);
    invalidate();
    emit parametersChanged();
    emit reachChanged();
    clearSites();
    for (const auto& site : sc.sites) {
        if (dropSite(QGeoCoordinate(site.lat, site.lon)) < 0) return false;
        siteNames_.back() = QString::fromStdString(site.name);
    }
    last_ = {};
    emit whatIfChanged();
    emit sitesChanged();
    if (data_) showPlan(*data_);
    setSelectedScenario(name);
    return true;
}

QVariantMap PlanningController::scenario(const QString& name) const
{
    const auto it = std::find_if(scenarios_.begin(), scenarios_.end(),
                                 [&](const Scenario& s) { return s.name == name.toStdString(); });
    if (it == scenarios_.end()) return {};
    QVariantList sites;
    for (const auto& s : it->sites)
        sites.append(QVariantMap{{QStringLiteral("name"), QString::fromStdString(s.name)},
                                 {QStringLiteral("coordinate"), QVariant::fromValue(QGeoCoordinate(s.lat, s.lon))}});
    return {{QStringLiteral("name"), QString::fromStdString(it->name)},
            {QStringLiteral("roleKey"), QString::fromStdString(std::string(role_key(it->role)))},
            {QStringLiteral("objective"), QString::fromStdString(it->objective)},
            {QStringLiteral("radiusKm"), it->radius_m / 1000},
            {QStringLiteral("minutes"), it->minutes},
            {QStringLiteral("sites"), sites}};
}

bool PlanningController::deleteScenario(const QString& name)
{
    auto list = scenarios_;
    std::erase_if(list, [&](const Scenario& s) { return s.name == name.toStdString(); });
    if (list.size() == scenarios_.size() || !project_) return false;
    return writeScenarios(std::move(list));
}

bool PlanningController::exportScenario(const QString& name, const QString& path)
{
    const auto it = std::find_if(scenarios_.begin(), scenarios_.end(),
                                 [&](const Scenario& s) { return s.name == name.toStdString(); });
    if (it == scenarios_.end()) {
        setError(tr("没有名为「%1」的方案：请先保存方案").arg(name));
        return false;
    }
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        // The page is drawn from the project file, where saveScenario() put the scenario.
        const auto error = write_scenario_pdf(project_ ? project_->path() : QString(), name, path);
        if (!error.isEmpty()) {
            setError(error);
            return false;
        }
        return true;
    }
    if (!project_) return false;
    // The scenario's own figures, as its PDF page and `plan --out` have them (run_scenario).
    const auto snap = project_->snapshot();
    const auto f =
        pl::run_scenario(*snap.project, *snap.layers, pl::ScenarioRequest{*it, {}, 2000}, Feedback{}, &whatIfRoads_);
    if (!f) {
        setError(QString::fromStdString(f.error().text()));
        return false;
    }
    auto layer = pl::scenario_sites_layer(*f);
    layer.name = it->name;
    const auto st = io::write_layer(layer, io::WriteSpec{path.toStdString(), "scenario_sites", "EPSG:4326"});
    if (!st) {
        setError(QString::fromStdString(st.error().text()));
        return false;
    }
    // A GeoPackage holds more than one layer: the villages the scenario newly covers go beside.
    if (path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) && f->data) {
        std::vector<std::uint8_t> newly(f->data->village_lon.size(), 0);
        for (const auto j : f->newly_covered) newly[j] = 1;
        const auto villages = pl::villages_layer(*f->data, newly);
        if (const auto sv =
                io::write_layer(villages, io::WriteSpec{path.toStdString(), "newly_covered_villages", "EPSG:4326"});
            !sv) {
            setError(QString::fromStdString(sv.error().text()));
            return false;
        }
    }
    return true;
}

}  // namespace coopmap::app
