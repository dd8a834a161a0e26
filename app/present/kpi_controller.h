// The KPI cards of the presentation: figures from analysis::run_report_figures (the engine's
// coverage and trusteeship functions), computed off the UI thread whenever a project opens.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include "jobs/job_runner.h"
#include "kpi_card.h"
#include "kpi_card_model.h"
#include "project/project_controller.h"
#include "year_controller.h"

namespace coopmap::app {

class KpiController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // The cards in the order they are shown (roles key, title, value, unit, detail, met).
    Q_PROPERTY(coopmap::app::KpiCardModel* cards READ cards CONSTANT)
    // The year control: while it is on, the cards are for its year, each with its change against
    // the year before (比上年); null or off: today's network.
    Q_PROPERTY(coopmap::app::YearController* years READ years WRITE setYears NOTIFY yearsChanged)
    // The year the cards shown are for; 0: the whole network.
    Q_PROPERTY(int year READ year NOTIFY yearChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY cardsChanged)
    // "数据来源：xiangyang.gpkg（项目文件 xiangyang.coopmap）", as the printed map says it.
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY cardsChanged)

public:
    explicit KpiController(QObject* parent = nullptr);
    ~KpiController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    KpiCardModel* cards() { return &cards_; }
    YearController* years() const { return years_; }
    void setYears(YearController* y);
    int year() const { return year_; }
    bool running() const { return job_.running(); }
    QString errorText() const { return job_.errorText(); }
    QString sourceText() const { return sourceText_; }

    // Recomputes from the layers as loaded now; the project opening does it by itself.
    Q_INVOKABLE void refresh();

signals:
    void projectChanged();
    void yearsChanged();
    void yearChanged();
    void cardsChanged();
    void runningChanged();

private:
    ProjectController* project_ = nullptr;
    YearController* years_ = nullptr;
    int year_ = 0;
    KpiCardModel cards_;
    QString sourceText_;
    JobRunner job_;  // a refresh supersedes the one for the layers as they were
};

}  // namespace coopmap::app
