#include "year_controller.h"

#include <algorithm>

#include "analysis/reach_default.h"
#include "analysis/services.h"
#include "analysis/target_progress.h"
#include "year_report.h"

namespace coopmap::app {

namespace {

// One layer's part of the year view, for LayerListModel::setShown.
struct ShownLayer {
    QString id;
    std::shared_ptr<const Layer> source;  // the entry's layer the view was made from
    std::shared_ptr<const Layer> shown;
    std::shared_ptr<const std::vector<std::uint8_t>> fresh;
    std::shared_ptr<const std::vector<std::uint32_t>> from;  // per shown feature, its feature in source
};

struct YearView {
    int year = 0;
    std::vector<ShownLayer> layers;
    std::size_t sites = 0, fresh = 0;
    std::vector<present::BarChart> charts;
};

// How many years of growth a chart shows, ending with the year (as the year report's do).
constexpr int kChartYears = 5;

// The year report's charts for `year`, from the same jobs (year_report.cpp).
Result<std::vector<present::BarChart>> year_charts(const Project& project, const std::vector<Layer>& layers, int year,
                                                   const analysis::NetworkGrowth* growth, const Feedback& feedback)
{
    std::vector<present::BarChart> charts;
    if (std::any_of(project.annual_targets.begin(), project.annual_targets.end(),
                    [&](const AnnualTarget& t) { return t.year == year; })) {
        auto progress =
            analysis::run_target_progress(project, layers, analysis::ProgressRequest{year}, feedback.part(0, 0.8));
        if (!progress) return progress.error();
        for (const auto& key : present::target_keys(*progress)) charts.push_back(present::target_chart(*progress, key));
    }
    if (growth)
        for (const Role role : growth->roles)
            charts.push_back(
                present::growth_chart(*growth, role, std::max(growth->first_year, year - kChartYears + 1), year));
    if (!project.services.empty()) {
        auto kinds = analysis::run_services(project, layers, {analysis::ServicesBy::kind, year}, feedback.part(0.8, 1));
        if (!kinds) return kinds.error();
        charts.push_back(present::services_chart(*kinds));
    }
    return charts;
}

struct SpanAndGrowth {
    analysis::YearSpan span;
    std::shared_ptr<const analysis::NetworkGrowth> growth;
};

}  // namespace

YearController::YearController(QObject* parent) : QObject(parent)
{
    for (JobRunner* job : {&span_job_, &view_job_}) {
        connect(job, &JobRunner::runningChanged, this, &YearController::runningChanged);
        connect(job, &JobRunner::errorTextChanged, this, &YearController::errorTextChanged);
    }
}

YearController::~YearController() = default;

void YearController::writeReport(const QString& path)
{
    if (!project_ || year_ <= 0) return;
    const auto snap = project_->snapshot();
    reportText_.clear();
    connect(&report_job_, &JobRunner::runningChanged, this, &YearController::reportChanged, Qt::UniqueConnection);
    report_job_.start(
        tr("已取消生成年度报告"),
        [project = snap.project, layers = snap.layers, year = year_, path](const Feedback& feedback) {
            return present::write_year_report(*project, *layers, year, path, feedback);
        },
        [this, path, year = year_](Result<present::YearReportInfo> r) {
            if (r)
                reportText_ = tr("%1 年度工作情况 %2 页，未完成的目标 %3 项 → %4")
                                  .arg(year)
                                  .arg(r->pages)
                                  .arg(r->unmet)
                                  .arg(path);
            emit reportChanged();
        });
}

QString YearController::errorText() const
{
    return span_job_.errorText().isEmpty() ? view_job_.errorText() : span_job_.errorText();
}

void YearController::setProject(ProjectController* p)
{
    if (p == project_) return;
    if (project_) {
        disconnect(project_, nullptr, this, nullptr);
        disconnect(project_->layers(), nullptr, this, nullptr);
    }
    project_ = p;
    if (project_) {
        connect(project_, &ProjectController::finished, this, [this](bool ok) {
            if (ok) reloadSpan();
        });
        // A project layer replaced whole (an edit saved or undone: LayerListModel::put) loses its
        // year view and may change the years: both are made again from the layers as they are now.
        connect(project_->layers(), &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex& from, const QModelIndex&, const QList<int>& roles) {
                    const auto* e = project_->layers()->entry(from.row());
                    if (roles.isEmpty() && e && !e->result) reloadSpan();
                });
        // Layers added to the project (添加数据) count in the years and the view too.
        connect(project_->layers(), &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex&, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        if (const auto* e = project_->layers()->entry(row); e && !e->result) {
                            reloadSpan();
                            return;
                        }
                });
    }
    emit projectChanged();
    if (project_ && !project_->layers()->entries().empty()) reloadSpan();
}

void YearController::setActive(bool on)
{
    if (on == active_) return;
    active_ = on;
    emit activeChanged();
    updateView();
}

void YearController::setYear(int y)
{
    if (span_.first > 0) y = std::clamp(y, span_.first, span_.last);
    if (y == year_) return;
    year_ = y;
    emit yearChanged();
    updateView();
}

void YearController::reloadSpan()
{
    view_job_.discard();
    // The entries were made anew by the opening: none has a year view left.
    shown_year_ = sites_shown_ = sites_new_ = 0;
    charts_.clear();
    emit shownChanged();
    const auto snap = project_->snapshot();
    span_job_.start(
        tr("已取消读取年份"),
        [project = snap.project, layers = snap.layers](const Feedback& feedback) -> Result<SpanAndGrowth> {
            auto span = analysis::project_years(*project, *layers, feedback.part(0, 0.8));
            if (!span) return span.error();
            SpanAndGrowth out{*span, nullptr};
            if (!span->empty()) {
                auto growth = analysis::network_growth(*project, *layers, span->first, span->last);
                if (!growth) return growth.error();
                out.growth = std::make_shared<const analysis::NetworkGrowth>(std::move(*growth));
            }
            return out;
        },
        [this](Result<SpanAndGrowth> r) {
            span_ = r ? r->span : analysis::YearSpan{};
            growth_ = r ? r->growth : nullptr;
            emit spanChanged();
            // The project decides where the control starts: its latest year of records.
            const int start = year_ >= span_.first && year_ <= span_.last && year_ > 0 ? year_ : span_.latest;
            if (start != year_) {
                year_ = start;
                emit yearChanged();
            }
            updateView();
        });
}

void YearController::clearView()
{
    if (!project_) return;
    for (const auto& e : project_->layers()->entries())
        if (e.shown) project_->layers()->setShown(QString::fromStdString(e.config.id), e.layer, nullptr, nullptr, nullptr);
    if (shown_year_ != 0 || sites_shown_ != 0 || sites_new_ != 0 || !charts_.empty()) {
        shown_year_ = sites_shown_ = sites_new_ = 0;
        charts_.clear();
        emit shownChanged();
    }
}

void YearController::updateView()
{
    if (kpiYear() != kpi_year_) {
        kpi_year_ = kpiYear();
        emit kpiYearChanged();
    }
    if (!project_ || span_job_.running()) return;  // the span's result calls this again
    if (!active_ || span_.empty() || year_ <= 0) {
        view_job_.discard();
        clearView();
        return;
    }
    const auto snap = project_->snapshot();
    // The entries' own layers, by id: a view is only put on the layer it was made from.
    std::vector<std::pair<QString, std::shared_ptr<const Layer>>> sources;
    for (const auto& e : project_->layers()->entries())
        if (!e.result) sources.emplace_back(QString::fromStdString(e.config.id), e.layer);
    view_job_.start(
        tr("已取消按年份显示"),
        [project = snap.project, layers = snap.layers, sources = std::move(sources), year = year_,
         growth = growth_](const Feedback& feedback) -> Result<YearView> {
            auto asof = analysis::network_as_of(*project, *layers, year);
            if (!asof) return asof.error();
            YearView view;
            view.year = year;
            auto charts = year_charts(*project, *layers, year, growth.get(), feedback);
            if (!charts) return charts.error();
            view.charts = std::move(*charts);
            for (std::size_t i = 0; i < project->layers.size() && i < sources.size(); ++i) {
                const Role role = project->layers[i].role;
                const bool facility = analysis::is_facility(role);
                if (!facility && role != Role::land_trusteeship) continue;
                auto& fresh = asof->new_in_year[i];
                if (facility) {
                    view.sites += asof->layers[i].size();
                    view.fresh += static_cast<std::size_t>(std::count(fresh.begin(), fresh.end(), 1));
                }
                view.layers.push_back({sources[i].first, sources[i].second,
                                       std::make_shared<const Layer>(std::move(asof->layers[i])),
                                       std::make_shared<const std::vector<std::uint8_t>>(std::move(fresh)),
                                       std::make_shared<const std::vector<std::uint32_t>>(
                                           std::move(asof->source_feature[i]))});
            }
            return view;
        },
        [this](Result<YearView> r) {
            if (!r) {
                clearView();
                return;
            }
            for (auto& l : r->layers) project_->layers()->setShown(l.id, l.source, l.shown, l.fresh, l.from);
            shown_year_ = r->year;
            sites_shown_ = static_cast<int>(r->sites);
            sites_new_ = static_cast<int>(r->fresh);
            charts_ = std::move(r->charts);
            emit shownChanged();
        });
}

int YearController::sumOf(int year, std::size_t analysis::GrowthRow::*field) const
{
    if (!growth_ || year < growth_->first_year || year > growth_->last_year) return -1;
    std::size_t n = 0;
    for (const Role role : growth_->roles)
        if (const auto* row = growth_->find(year, role, "")) n += (*row).*field;
    return static_cast<int>(n);
}

QStringList YearController::chartTitles() const
{
    QStringList out;
    for (const auto& c : charts_) out << c.title;
    return out;
}

const present::BarChart* YearController::chart(int index) const
{
    return index >= 0 && index < static_cast<int>(charts_.size()) ? &charts_[static_cast<std::size_t>(index)] : nullptr;
}

int YearController::standingAt(int year) const { return sumOf(year, &analysis::GrowthRow::standing); }

int YearController::builtAt(int year) const { return sumOf(year, &analysis::GrowthRow::built); }

}  // namespace coopmap::app
