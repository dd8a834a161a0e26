#include "kpi_controller.h"

#include <algorithm>
#include <cmath>

#include "analysis/network_year.h"
#include "analysis/reach_default.h"
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
                     per_role.join(QStringLiteral("，")), -1, QString(), 0});

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
                     c.target > 0 ? (total.share() >= c.target ? 1 : 0) : -1, QString(), 0});
    const double pop_share = total.population > 0 ? total.population_covered / total.population : 0;
    cards.push_back({QStringLiteral("population_covered"), QStringLiteral("覆盖人口"),
                     QString::fromStdString(analysis::wan_text(total.population_covered)), QStringLiteral("万人"),
                     QStringLiteral("占总人口 %1（共 %2 万人）")
                         .arg(QString::fromStdString(analysis::percent_text(pop_share)),
                              QString::fromStdString(analysis::wan_text(total.population))),
                     -1, QString(), 0});
    if (f.trusteeship) {
        const auto& t = f.trusteeship->total;
        cards.push_back({QStringLiteral("trusteeship"), QStringLiteral("土地托管/流转"),
                         QString::fromStdString(analysis::wan_text(t.total_mu())), QStringLiteral("万亩"),
                         QStringLiteral("托管 %1 万亩，流转 %2 万亩，%3 块地")
                             .arg(QString::fromStdString(analysis::wan_text(t.trusteeship_mu)),
                                  QString::fromStdString(analysis::wan_text(t.transfer_mu)))
                             .arg(t.parcels),
                         -1, QString(), 0});
    }
    if (c.target > 0) {
        const auto n = c.table.rows.size();
        cards.push_back(
            {QStringLiteral("targets_met"), QStringLiteral("目标达成"),
             QStringLiteral("%1 / %2").arg(f.counties_meeting_target).arg(n), QStringLiteral("个县达标"),
             QStringLiteral("目标：村覆盖率不低于 %1").arg(QString::fromStdString(analysis::percent_text(c.target))),
             f.counties_meeting_target == n ? 1 : 0, QString(), 0});
    }
    return cards;
}

Result<YearFigures> year_figures(const Project& project, const std::vector<Layer>& layers, int year,
                                 const Feedback& feedback)
{
    auto asof = analysis::network_as_of(project, layers, year);
    if (!asof) return asof.error();
    YearFigures y;
    y.year = year;
    for (std::size_t i = 0; i < project.layers.size() && i < asof->new_in_year.size(); ++i)
        if (analysis::is_facility(project.layers[i].role))
            y.new_sites +=
                static_cast<std::size_t>(std::count(asof->new_in_year[i].begin(), asof->new_in_year[i].end(), 1));
    // No scenario: the cards do not show one, and it is the slowest part of the figures.
    auto f = analysis::run_report_figures(project, asof->layers,
                                          analysis::ReportRequest{analysis::kReportCoverageRole, std::string()},
                                          feedback.part(0, 0.8));
    if (!f) return f.error();
    y.figures = std::move(*f);
    if (!project.services.empty()) {
        auto s = analysis::run_services(project, layers, analysis::ServicesRequest{analysis::ServicesBy::county, year},
                                        feedback.part(0.8, 0.9));
        if (!s) return s.error();
        y.services = std::move(*s);
    }
    if (std::any_of(project.annual_targets.begin(), project.annual_targets.end(),
                    [&](const AnnualTarget& t) { return t.year == year; })) {
        auto p = analysis::run_target_progress(project, layers, analysis::ProgressRequest{year}, feedback.part(0.9, 1));
        if (!p) return p.error();
        y.progress = std::move(*p);
    }
    return y;
}

namespace {

std::size_t site_total(const analysis::ReportFigures& f)
{
    std::size_t n = 0;
    for (const auto& s : f.sites) n += s.sites;
    return n;
}

int sign_of(double d, double epsilon) { return d > epsilon ? 1 : d < -epsilon ? -1 : 0; }

// "比上年 +12 个", "比上年 −3.4 个百分点", "比上年 持平": the change as the cards print it.
QString change_text(double d, int decimals, const QString& unit)
{
    const double epsilon = 0.5 * std::pow(10.0, -decimals);
    if (sign_of(d, epsilon) == 0) return QStringLiteral("比上年 持平");
    return QStringLiteral("比上年 %1%2%3")
        .arg(d > 0 ? QStringLiteral("+") : QStringLiteral("−"), QString::number(std::abs(d), 'f', decimals),
             unit.isEmpty() ? QString() : QStringLiteral(" ") + unit);
}

}  // namespace

QList<KpiCard> kpi_cards(const YearFigures& now, const YearFigures* before, const QString& why_not)
{
    QList<KpiCard> cards = kpi_cards(now.figures);
    const QString y = QString::number(now.year);
    for (auto& c : cards) {
        if (c.key == QLatin1String("sites")) {
            c.title = QStringLiteral("%1年末服务网点").arg(y);
            c.detail = QStringLiteral("%1年新建 %2 个；").arg(y).arg(now.new_sites) + c.detail;
        } else if (c.key == QLatin1String("villages_covered")) {
            c.title = QStringLiteral("%1年末村覆盖率").arg(y);
        } else if (c.key == QLatin1String("trusteeship")) {
            c.title = QStringLiteral("%1年末土地托管/流转").arg(y);
        }
    }
    if (now.services) {
        const auto& t = now.services->total;
        cards.push_back({QStringLiteral("services"), QStringLiteral("%1年农业社会化服务").arg(y),
                         QString::fromStdString(analysis::wan_text(t.mu_times)), QStringLiteral("万亩次"),
                         QStringLiteral("%1 条服务记录，%2 亩次").arg(t.records).arg(t.mu_times, 0, 'f', 0), -1,
                         QString(), 0});
    }
    if (now.progress) {
        // The year's own targets (annual_targets), as `coopmap-cli progress` counts them; targets
        // differ from year to year, so this card has no 比上年.
        std::size_t all = now.progress->city.figures.size(), unmet = now.progress->city.unmet();
        for (const auto& u : now.progress->counties) {
            all += u.figures.size();
            unmet += u.unmet();
        }
        cards.push_back(
            {QStringLiteral("annual_targets"), QStringLiteral("%1年目标完成").arg(y),
             QStringLiteral("%1 / %2").arg(all - unmet).arg(all), QStringLiteral("项"),
             QStringLiteral("%1 个县和全市的年度目标，未完成 %2 项").arg(now.progress->counties.size()).arg(unmet),
             unmet == 0 ? 1 : 0, QString(), 0});
    }
    const auto& f = now.figures;
    for (auto& c : cards) {
        if (c.key == QLatin1String("annual_targets")) continue;
        if (!before) {
            c.change = why_not;
            continue;
        }
        const auto& b = before->figures;
        double d = 0;
        int decimals = 0;
        QString unit;
        if (c.key == QLatin1String("sites")) {
            d = static_cast<double>(site_total(f)) - static_cast<double>(site_total(b));
            unit = QStringLiteral("个");
        } else if (c.key == QLatin1String("villages_covered")) {
            d = 100 * (f.coverage.table.total.share() - b.coverage.table.total.share());
            decimals = 1;
            unit = QStringLiteral("个百分点");
        } else if (c.key == QLatin1String("population_covered")) {
            d = (f.coverage.table.total.population_covered - b.coverage.table.total.population_covered) / 10000.0;
            decimals = 2;
            unit = QStringLiteral("万人");
        } else if (c.key == QLatin1String("trusteeship")) {
            d = ((f.trusteeship ? f.trusteeship->total.total_mu() : 0) -
                 (b.trusteeship ? b.trusteeship->total.total_mu() : 0)) /
                10000.0;
            decimals = 2;
            unit = QStringLiteral("万亩");
        } else if (c.key == QLatin1String("services")) {
            // A year without records is not a year of no services: no change is claimed against it.
            if (!before->services || before->services->total.records == 0) {
                c.change = QStringLiteral("上年无服务记录，不作比较");
                continue;
            }
            d = (now.services->total.mu_times - before->services->total.mu_times) / 10000.0;
            decimals = 2;
            unit = QStringLiteral("万亩次");
        } else if (c.key == QLatin1String("targets_met")) {
            d = static_cast<double>(f.counties_meeting_target) - static_cast<double>(b.counties_meeting_target);
            unit = QStringLiteral("个县");
        } else {
            continue;
        }
        c.change = change_text(d, decimals, unit);
        c.trend = sign_of(d, 0.5 * std::pow(10.0, -decimals));
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

void KpiController::setYears(YearController* y)
{
    if (y == years_) return;
    if (years_) disconnect(years_, nullptr, this, nullptr);
    years_ = y;
    if (years_) connect(years_, &YearController::kpiYearChanged, this, &KpiController::refresh);
    emit yearsChanged();
    if (project_ && !project_->layers()->entries().empty()) refresh();
}

void KpiController::refresh()
{
    if (!project_) return;
    const auto snap = project_->snapshot();
    sourceText_ = present::data_source_line(*snap.project);
    year_ = years_ ? years_->kpiYear() : 0;
    emit yearChanged();
    if (year_ > 0) {
        job_.start(
            tr("已取消计算指标"),
            [project = snap.project, layers = snap.layers, year = year_](const Feedback& feedback) {
                auto now = present::year_figures(*project, *layers, year, feedback.part(0, 0.5));
                if (!now) return Result<QList<present::KpiCard>>(now.error());
                // The year before may hold no site of a role yet: then the cards say so, not fail.
                auto before = present::year_figures(*project, *layers, year - 1, feedback.part(0.5, 1));
                if (!before && before.error().cancelled) return Result<QList<present::KpiCard>>(before.error());
                return Result<QList<present::KpiCard>>(
                    present::kpi_cards(*now, before ? &*before : nullptr,
                                       before ? QString()
                                              : QStringLiteral("无法与 %1 年比较：%2")
                                                    .arg(year - 1)
                                                    .arg(QString::fromStdString(before.error().message))));
            },
            [this](Result<QList<present::KpiCard>> cards) {
                cards_.reset(cards ? *cards : QList<present::KpiCard>{});
                emit cardsChanged();
            });
        return;
    }
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
