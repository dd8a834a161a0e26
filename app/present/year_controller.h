// The year control's controller: the network as it stood at the end of a year on the map (the
// window's and the presentation's: both draw the project's layer list), sites new in that year
// marked, and the years the project's records span. The figures are the engine's
// (analysis::project_years, network_as_of, network_growth), computed off the UI thread.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include "analysis/network_year.h"
#include "analysis/year_span.h"
#include "charts.h"
#include "jobs/job_runner.h"
#include "project/project_controller.h"

namespace coopmap::app {

class YearController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // On: the map shows the network at the end of `year`; off: every site the layers hold.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // Starts at the project's latestYear; kept within firstYear..lastYear.
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    // analysis::project_years: 0 while unknown or when nothing carries a year.
    Q_PROPERTY(int firstYear READ firstYear NOTIFY spanChanged)
    Q_PROPERTY(int lastYear READ lastYear NOTIFY spanChanged)
    Q_PROPERTY(int latestYear READ latestYear NOTIFY spanChanged)
    // The year the map shows now (0: the whole network), and its facility sites: standing, new.
    Q_PROPERTY(int shownYear READ shownYear NOTIFY shownChanged)
    Q_PROPERTY(int sitesShown READ sitesShown NOTIFY shownChanged)
    Q_PROPERTY(int sitesNew READ sitesNew NOTIFY shownChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // The year report (present::write_year_report) of `year`: running, and what the last one wrote
    // ("2025 年度工作情况 16 页 → …") or why it failed.
    Q_PROPERTY(bool reportRunning READ reportRunning NOTIFY reportChanged)
    Q_PROPERTY(QString reportText READ reportText NOTIFY reportChanged)
    // The charts of the year the map shows (the year report's: targets against done per figure,
    // each kind of site's growth, services by kind), by title; empty while the control is off.
    Q_PROPERTY(QStringList chartTitles READ chartTitles NOTIFY shownChanged)

public:
    explicit YearController(QObject* parent = nullptr);
    ~YearController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    bool active() const { return active_; }
    void setActive(bool on);
    int year() const { return year_; }
    void setYear(int y);
    int firstYear() const { return span_.first; }
    int lastYear() const { return span_.last; }
    int latestYear() const { return span_.latest; }
    int shownYear() const { return shown_year_; }
    int sitesShown() const { return sites_shown_; }
    int sitesNew() const { return sites_new_; }
    bool running() const { return span_job_.running() || view_job_.running(); }
    QString errorText() const;
    // The year the KPI cards are for: `year` while the control is on, else 0 (today's network).
    int kpiYear() const { return active_ && span_.latest > 0 ? year_ : 0; }

    // From network_growth over the span, the city's rows of every facility role: the sites standing
    // at the end of `year` and those built in it (-1 while unknown). What the growth chart draws.
    Q_INVOKABLE int standingAt(int year) const;
    Q_INVOKABLE int builtAt(int year) const;

    QStringList chartTitles() const;
    // Chart `index` of chartTitles, null when there is none.
    const present::BarChart* chart(int index) const;

    bool reportRunning() const { return report_job_.running(); }
    QString reportText() const { return report_job_.errorText().isEmpty() ? reportText_ : report_job_.errorText(); }
    // Writes the year report of `year` for the layers as they are now to `path` (a PDF), off the
    // UI thread: what `coopmap-cli report PROJECT --year Y --out path` writes for the saved project.
    Q_INVOKABLE void writeReport(const QString& path);

signals:
    void projectChanged();
    void activeChanged();
    void yearChanged();
    void spanChanged();
    void shownChanged();
    void runningChanged();
    void errorTextChanged();
    // The year the KPI cards are for changed (kpiYear()).
    void kpiYearChanged();
    void reportChanged();

private:
    void reloadSpan();
    void updateView();
    void clearView();
    int sumOf(int year, std::size_t analysis::GrowthRow::*field) const;

    ProjectController* project_ = nullptr;
    bool active_ = false;
    int year_ = 0;
    analysis::YearSpan span_;
    std::shared_ptr<const analysis::NetworkGrowth> growth_;
    int shown_year_ = 0, sites_shown_ = 0, sites_new_ = 0;
    std::vector<present::BarChart> charts_;
    int kpi_year_ = 0;
    QString reportText_;
    // Declared last: their workers read the snapshots they were given, nothing of this object's.
    JobRunner span_job_;
    JobRunner view_job_;
    JobRunner report_job_;
};

}  // namespace coopmap::app
