// The KPI cards of the presentation: figures from present::compute_figures (the engine's
// coverage and trusteeship functions), computed off the UI thread whenever a project opens.
#pragma once

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "project/project_controller.h"
#include "report_figures.h"

namespace coopmap::present {

// One card: "村覆盖率 87.3%" with a line of detail; met is 1/0 for a target, -1 for none.
struct KpiCard {
    QString key;
    QString title;
    QString value;
    QString unit;
    QString detail;
    int met = -1;
};

QList<KpiCard> kpi_cards(const Figures& figures);

}  // namespace coopmap::present

namespace coopmap::app {

class KpiController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // [{key, title, value, unit, detail, met}] in the order the cards are shown.
    Q_PROPERTY(QVariantList cards READ cards NOTIFY cardsChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY cardsChanged)
    // "数据来源：xiangyang.gpkg（项目文件 xiangyang.coopmap）", as the printed map says it.
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY cardsChanged)

public:
    explicit KpiController(QObject* parent = nullptr);
    ~KpiController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    QVariantList cards() const { return cards_; }
    bool running() const { return running_; }
    QString errorText() const { return errorText_; }
    QString sourceText() const { return sourceText_; }

    // Recomputes from the layers as loaded now; the project opening does it by itself.
    Q_INVOKABLE void refresh();

signals:
    void projectChanged();
    void cardsChanged();
    void runningChanged();

private:
    struct Outcome;
    void done();

    ProjectController* project_ = nullptr;
    QVariantList cards_;
    bool running_ = false;
    bool again_ = false;
    QString errorText_;
    QString sourceText_;
    QFutureWatcher<std::shared_ptr<Outcome>> watcher_;
};

}  // namespace coopmap::app
