#include "coverage_controller.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include "analysis/service_areas.h"
#include "io/gdal_writer.h"
#include "project/project_controller.h"

namespace coopmap::app {

struct CoverageController::Outcome {
    std::shared_ptr<analysis::CoverageResult> result;
    QString error;
    bool cancelled = false;
};

CoverageController::CoverageController(QObject* parent) : QObject(parent)
{
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, &CoverageController::done);
}

CoverageController::~CoverageController()
{
    cancel();
    watcher_.waitForFinished();
}

void CoverageController::setProject(ProjectController* p)
{
    if (p == project_) return;
    project_ = p;
    emit projectChanged();
}

void CoverageController::run()
{
    if (running_) return;
    errorText_.clear();
    if (!project_ || project_->layers()->entries().empty()) {
        errorText_ = tr("请先打开项目");
        emit finished(false);
        return;
    }
    const auto role = role_from_key(roleKey_.toStdString());
    if (!role) {
        errorText_ = tr("未知的网点类型：%1").arg(roleKey_);
        emit finished(false);
        return;
    }
    const auto snap = project_->snapshot();
    const auto project = snap.project;
    const auto layers = snap.layers;
    analysis::CoverageRequest q;
    q.role = *role;
    q.radius_m = minutes_ > 0 ? 0 : radiusKm_ * 1000;
    q.minutes = minutes_;
    q.by = by_ == QLatin1String("township") ? analysis::GroupBy::township : analysis::GroupBy::county;

    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    progress_ = 0;
    emit runningChanged();
    emit progressChanged();
    watcher_.setFuture(QtConcurrent::run([this, project, layers, q, cancel = cancel_, roads = roads_] {
        auto out = std::make_shared<Outcome>();
        auto r = analysis::run_coverage(*project, *layers, q, roads.get(), [this, cancel](double d) {
            QMetaObject::invokeMethod(this, [this, d] {
                progress_ = d;
                emit progressChanged();
            }, Qt::QueuedConnection);
            return !cancel->load();
        });
        if (r) out->result = std::make_shared<analysis::CoverageResult>(std::move(*r));
        else {
            out->cancelled = analysis::is_cancelled(r.error());
            out->error = QString::fromStdString(r.error().text());
        }
        return out;
    }));
}

void CoverageController::cancel()
{
    if (cancel_) cancel_->store(true);
}

void CoverageController::done()
{
    const auto out = watcher_.result();
    running_ = false;
    emit runningChanged();
    if (out->result) {
        result_ = out->result;
        table_.reset(result_->table, result_->target > 0);
        progress_ = 1;
        emit progressChanged();
    } else {
        errorText_ = out->cancelled ? tr("分析已取消") : out->error;
    }
    emit finished(static_cast<bool>(out->result));
}

QString CoverageController::summary() const
{
    if (!result_) return {};
    const auto& t = result_->table.total;
    const auto& q = result_->request;
    const QString reach = q.minutes > 0 ? tr("行车 %1 分钟").arg(q.minutes) : tr("半径 %1 公里").arg(q.radius_m / 1000.0);
    return tr("%1（%2）：%3 个村中 %4 个覆盖（%5%），未覆盖人口 %6")
        .arg(QString::fromStdString(result_->role_name), reach)
        .arg(t.villages)
        .arg(t.covered)
        .arg(QString::number(100 * t.share(), 'f', 1))
        .arg(QString::number(t.population_uncovered(), 'f', 0));
}

int CoverageController::uncovered() const
{
    return result_ ? static_cast<int>(result_->table.total.uncovered()) : 0;
}

double CoverageController::defaultRadiusKm(const QString& roleKey) const
{
    if (!project_) return 0;
    const auto& radii = project_->project().service_radii_m;
    const auto it = radii.find(roleKey.toStdString());
    return it != radii.end() ? it->second / 1000.0 : 0;
}

bool CoverageController::exportTable(const QString& path)
{
    if (!result_) return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        errorText_ = tr("无法写入 %1：请检查目录和写权限").arg(path);
        emit finished(false);
        return false;
    }
    f.write(QByteArray::fromStdString(analysis::coverage_table_csv(*result_)));
    return true;
}

bool CoverageController::exportGaps(const QString& path)
{
    if (!result_) return false;
    auto s = io::write_layer(analysis::village_layer(*result_, true), {.path = path.toStdString(), .layer = "uncovered_villages"});
    if (!s) {
        errorText_ = QString::fromStdString(s.error().text());
        emit finished(false);
        return false;
    }
    return true;
}

}  // namespace coopmap::app
