#include "coverage_controller.h"

#include <QFile>
#include <QVariantMap>

#include "analysis/coverage_export.h"
#include "analysis/network_check.h"
#include "analysis/reach_default.h"
#include "analysis/service_areas.h"
#include "io/gdal_writer.h"
#include "project/project_controller.h"

namespace coopmap::app {

CoverageController::CoverageController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &CoverageController::runningChanged);
    connect(&job_, &JobRunner::progressChanged, this, &CoverageController::progressChanged);
    connect(&network_, &JobRunner::runningChanged, this, &CoverageController::networkRunningChanged);
}

CoverageController::~CoverageController() = default;

void CoverageController::fail(const QString& text)
{
    job_.setErrorText(text);
    emit finished(false);
}

void CoverageController::setProject(ProjectController* p)
{
    if (p == project_) return;
    project_ = p;
    emit projectChanged();
}

void CoverageController::run()
{
    if (running()) return;
    if (!project_ || project_->layers()->entries().empty()) return fail(tr("请先打开项目"));
    if (!role_from_key(roleKey_.toStdString())) return fail(tr("未知的网点类型：%1").arg(roleKey_));
    const auto snap = project_->snapshot();
    // The whole job is the engine's (the same run_coverage coopmap-cli coverage calls), with the
    // map's layers: the area, the gaps in it and by minutes the isochrones.
    auto q = request();
    q.areas = true;
    job_.start(
        tr("分析已取消"),
        [project = snap.project, layers = snap.layers, q, roads = roads_](const Feedback& feedback) {
            return analysis::run_coverage(*project, *layers, q, feedback, roads.get());
        },
        [this](Result<analysis::CoverageResult> result) {
            if (!result) {
                emit finished(false);  // errorText says what went wrong, or that it was cancelled
                return;
            }
            done(std::move(*result));
        });
}

analysis::CoverageRequest CoverageController::request() const
{
    analysis::CoverageRequest q;
    if (const auto role = role_from_key(roleKey_.toStdString())) q.role = *role;
    // The engine decides what 0 means (analysis::requested_reach): minutes replace the radius.
    q.radius_m = minutes_ > 0 ? 0 : radiusKm_ * 1000;
    q.minutes = minutes_;
    q.by = by_ == QLatin1String("township") ? analysis::GroupBy::township : analysis::GroupBy::county;
    return q;
}

void CoverageController::cancel() { job_.cancel(); }

void CoverageController::done(analysis::CoverageResult result)
{
    result_ = std::make_shared<const analysis::CoverageResult>(std::move(result));
    table_.reset(result_->table, result_->target > 0);
    showLayers(*result_);
    emit finished(true);
}

void CoverageController::showLayers(const analysis::CoverageResult& r)
{
    if (!project_) return;
    const QString role = QString::fromStdString(r.role_name);
    // Drawn bottom to top: the area, the isochrones' outlines, the red uncovered villages.
    if (r.area && r.area->size())
        project_->showResult(kAreaId, tr("%1覆盖范围").arg(role), Role::coverage, *r.area,
                             Style{.color = "#1e88e5", .outline = "#1565c0", .size = 0, .width = 1, .opacity = 0.25});
    else project_->clearResult(kAreaId);
    if (r.isochrones && r.isochrones->size())
        project_->showResult(kIsochronesId, tr("%1等时圈（%2 分钟）").arg(role).arg(r.request.minutes), Role::coverage,
                             *r.isochrones,
                             Style{.color = "#fb8c00", .outline = "#e65100", .size = 0, .width = 1, .opacity = 0.15});
    else project_->clearResult(kIsochronesId);
    // Dark red ringed in yellow: the sample's grassroots cooperatives are already plain red.
    project_->showResult(kUncoveredId, tr("未覆盖的村（%1）").arg(role), Role::village,
                         analysis::village_layer(r, true),
                         Style{.color = "#b71c1c", .outline = "#ffd600", .size = 7, .width = 1, .opacity = 1});
}

bool CoverageController::exportResults(const QString& path)
{
    if (!result_) {
        fail(tr("请先运行覆盖分析，再导出"));
        return false;
    }
    if (auto s = analysis::export_coverage(*result_, path.toStdString(), result_->polygons()); !s) {
        fail(QString::fromStdString(s.error().text()));
        return false;
    }
    return true;
}

bool CoverageController::checkNetwork()
{
    if (network_.running()) return false;
    if (!project_ || project_->layers()->entries().empty()) {
        networkSummary_ = tr("请先打开项目");
        networkBreaks_.clear();
        emit networkChanged();
        return false;
    }
    const auto snap = project_->snapshot();
    network_.start(
        tr("已取消网络检查"),
        [project = snap.project, layers = snap.layers](const Feedback& feedback) {
            return analysis::run_network_check(*project, *layers, feedback);
        },
        [this](Result<analysis::NetworkCheck> check) { networkDone(check); });
    return true;
}

void CoverageController::networkDone(const Result<analysis::NetworkCheck>& out)
{
    if (!out) {
        networkSummary_ = network_.errorText();
        networkBreaks_.clear();
    } else {
        const auto& c = *out;
        networkSummary_ =
            tr("%1 个县中 %2 个缺集采集配中心；%3 个乡镇中 %4 个缺超市、%5 个缺基层社；%6 个村中 %7 个无服务社（%8）")
                .arg(c.counties.size())
                .arg(c.counties_without_center)
                .arg(c.townships.size())
                .arg(c.townships_without_supermarket)
                .arg(c.townships_without_grassroots)
                .arg(c.villages)
                .arg(c.villages_without_station)
                .arg(QString::fromStdString(c.station_reach));
        networkBreaks_.reset(c);
    }
    emit networkChanged();
}

QString CoverageController::summary() const
{
    if (!result_) return {};
    const auto& t = result_->table.total;
    return tr("%1（%2）：%3 个村中 %4 个覆盖（%5%），未覆盖人口 %6")
        .arg(QString::fromStdString(result_->role_name), reachText())
        .arg(t.villages)
        .arg(t.covered)
        .arg(QString::number(100 * t.share(), 'f', 1))
        .arg(QString::number(t.population_uncovered(), 'f', 0));
}

QString CoverageController::reachText() const
{
    return result_ ? QString::fromStdString(analysis::reach_text(result_->reach)) : QString();
}

QString CoverageController::reachWhy() const
{
    return result_ ? QString::fromStdString(result_->reach.why) : QString();
}

int CoverageController::uncovered() const { return result_ ? static_cast<int>(result_->table.total.uncovered()) : 0; }

bool CoverageController::exportTable(const QString& path)
{
    if (!result_) return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(tr("无法写入 %1：请检查目录和写权限").arg(path));
        return false;
    }
    f.write(QByteArray::fromStdString(analysis::coverage_table_csv(*result_)));
    return true;
}

bool CoverageController::exportGaps(const QString& path)
{
    if (!result_) return false;
    auto s = io::write_layer(analysis::village_layer(*result_, true),
                             {.path = path.toStdString(), .layer = "uncovered_villages"});
    if (!s) {
        fail(QString::fromStdString(s.error().text()));
        return false;
    }
    return true;
}

}  // namespace coopmap::app
