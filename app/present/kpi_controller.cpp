#include "kpi_controller.h"

#include <cmath>

#include "map_print.h"

namespace coopmap::present {

QList<KpiCard> kpi_cards(const analysis::ReportFigures& f)
{
    QList<KpiCard> cards;
    std::size_t sites = 0;
    QStringList per_role;
    for (const auto& s : f.sites) {
        sites += s.sites;
        per_role << QStringLiteral("%1 %2").arg(QString::fromStdString(s.name)).arg(s.sites);
    }
    cards.push_back({QStringLiteral("sites"), QStringLiteral("服务网点"), QString::number(sites), QStringLiteral("个"),
                     per_role.join(QStringLiteral("，")), -1});

    const auto& c = f.coverage;
    const auto& total = c.table.total;
    const QString reach = c.request.minutes > 0 ? QStringLiteral("行车 %1 分钟").arg(c.request.minutes)
                                                : QStringLiteral("%1 公里").arg(c.request.radius_m / 1000.0);
    cards.push_back({QStringLiteral("villages_covered"), QStringLiteral("村覆盖率"),
                     QString::fromStdString(analysis::percent_text(total.share())), QString(),
                     QStringLiteral("%1 %2内：%3 / %4 个村")
                         .arg(QString::fromStdString(c.role_name), reach)
                         .arg(total.covered)
                         .arg(total.villages),
                     c.target > 0 ? (total.share() >= c.target ? 1 : 0) : -1});
    const double pop_share = total.population > 0 ? total.population_covered / total.population : 0;
    cards.push_back({QStringLiteral("population_covered"), QStringLiteral("覆盖人口"),
                     QString::fromStdString(analysis::wan_text(total.population_covered)), QStringLiteral("万人"),
                     QStringLiteral("占总人口 %1（共 %2 万人）")
                         .arg(QString::fromStdString(analysis::percent_text(pop_share)),
                              QString::fromStdString(analysis::wan_text(total.population))),
                     -1});
    if (f.trusteeship) {
        const auto& t = f.trusteeship->total;
        cards.push_back({QStringLiteral("trusteeship"), QStringLiteral("土地托管/流转"),
                         QString::fromStdString(analysis::wan_text(t.total_mu())), QStringLiteral("万亩"),
                         QStringLiteral("托管 %1 万亩，流转 %2 万亩，%3 块地")
                             .arg(QString::fromStdString(analysis::wan_text(t.trusteeship_mu)),
                                  QString::fromStdString(analysis::wan_text(t.transfer_mu)))
                             .arg(t.parcels),
                         -1});
    }
    if (c.target > 0) {
        const auto n = c.table.rows.size();
        cards.push_back(
            {QStringLiteral("targets_met"), QStringLiteral("目标达成"),
             QStringLiteral("%1 / %2").arg(f.counties_meeting_target).arg(n), QStringLiteral("个县达标"),
             QStringLiteral("目标：村覆盖率不低于 %1").arg(QString::fromStdString(analysis::percent_text(c.target))),
             f.counties_meeting_target == n ? 1 : 0});
    }
    return cards;
}

}  // namespace coopmap::present

namespace coopmap::app {

KpiController::KpiController(QObject* parent) : QObject(parent)
{
    connect(&job_, &JobRunner::runningChanged, this, &KpiController::runningChanged);
}

KpiController::~KpiController() = default;

void KpiController::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) disconnect(project_, nullptr, this, nullptr);
    project_ = p;
    if (project_)
        connect(project_, &ProjectController::finished, this, [this](bool ok) {
            if (ok) refresh();
        });
    emit projectChanged();
    if (project_ && !project_->layers()->entries().empty()) refresh();
}

void KpiController::refresh()
{
    if (!project_) return;
    const auto snap = project_->snapshot();
    sourceText_ = present::data_source_line(*snap.project);
    job_.start(
        tr("已取消计算指标"),
        [project = snap.project, layers = snap.layers](const Feedback& feedback) {
            return analysis::run_report_figures(*project, *layers, {}, feedback);
        },
        [this](Result<analysis::ReportFigures> f) {
            cards_.reset(f ? present::kpi_cards(*f) : QList<present::KpiCard>{});
            emit cardsChanged();
        });
}

}  // namespace coopmap::app
