// The 专题图 panel's controller: runs analysis::run_thematic (what `coopmap-cli render --theme`
// draws) through a JobRunner on the open project, and holds the map the ChoroplethItem draws
// and the legend lists. QML sets the request; the engine decides what it means.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>

#include "analysis/thematic.h"
#include "jobs/job_runner.h"
#include "project/project_controller.h"
#include "thematic_legend_model.h"

namespace coopmap::app {

class ThematicController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    // The figures offered, keys (analysis::thematic_figure_key) and their Chinese names, in order.
    Q_PROPERTY(QStringList figureKeys READ figureKeys CONSTANT)
    Q_PROPERTY(QStringList figureNames READ figureNames CONSTANT)
    // coverage_rate | uncovered_population | trusteeship_wan_mu | service_wan_mu_times | sites_built
    Q_PROPERTY(QString figure MEMBER figure_ NOTIFY parametersChanged)
    Q_PROPERTY(QString level MEMBER level_ NOTIFY parametersChanged)  // township | county
    Q_PROPERTY(QString method MEMBER method_ NOTIFY parametersChanged)  // natural | quantile | fixed
    Q_PROPERTY(int classes MEMBER classes_ NOTIFY parametersChanged)
    Q_PROPERTY(QString breaks MEMBER breaks_ NOTIFY parametersChanged)  // fixed: "60,80,90"
    Q_PROPERTY(int year MEMBER year_ NOTIFY parametersChanged)  // 0: every site and record
    // Counts: graduated symbols (true) or filled polygons.
    Q_PROPERTY(bool symbols MEMBER symbols_ NOTIFY parametersChanged)
    Q_PROPERTY(bool isCount READ isCount NOTIFY parametersChanged)

    Q_PROPERTY(bool shown READ shown NOTIFY mapChanged)
    Q_PROPERTY(QString title READ title NOTIFY mapChanged)
    Q_PROPERTY(QString layerId READ layerId NOTIFY mapChanged)
    Q_PROPERTY(coopmap::app::ThematicLegendModel* legend READ legend CONSTANT)
    // What the user is told once (figures of codes no polygon has…), a line each.
    Q_PROPERTY(QString problemsText READ problemsText NOTIFY mapChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY finished)

public:
    explicit ThematicController(QObject* parent = nullptr);
    ~ThematicController() override;

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    QStringList figureKeys() const;
    QStringList figureNames() const;
    bool isCount() const;
    bool shown() const { return map_ != nullptr; }
    QString title() const { return map_ ? QString::fromStdString(map_->title) : QString(); }
    QString layerId() const { return map_ ? QString::fromStdString(map_->layer_id) : QString(); }
    ThematicLegendModel* legend() { return &legend_; }
    QString problemsText() const;
    bool running() const { return job_.running(); }
    double progress() const { return job_.progress(); }
    QString errorText() const { return job_.errorText(); }

    // The request the properties make; an Error for a figure, level, method or breaks it cannot read.
    Result<analysis::ThematicRequest> request() const;
    // The map shown, null when none.
    std::shared_ptr<const analysis::ThematicMap> map() const { return map_; }
    // Shows a map made elsewhere (the printed page runs the engine itself).
    void setMap(analysis::ThematicMap map);

    // The polygons of the map shown: [{code, name, coordinate (a point inside), value (NaN: none),
    // color}], in the boundary layer's order; [] without a map. For tests and the identify popup.
    Q_INVOKABLE QVariantList units() const;

    Q_INVOKABLE void run();
    Q_INVOKABLE void cancel() { job_.cancel(); }
    // Takes the map off (the layers are drawn as before).
    Q_INVOKABLE void clear();

signals:
    void projectChanged();
    void parametersChanged();
    void mapChanged();
    void runningChanged();
    void progressChanged();
    // After every run: false on error or cancel (errorText says which).
    void finished(bool ok);

private:
    void fail(const QString& text);

    ProjectController* project_ = nullptr;
    // The properties of `defaults`: the built-in ones at construction, the open project's
    // (analysis::thematic_defaults) once one is opened.
    void startFrom(const analysis::ThematicRequest& defaults);

    // Start from the engine's defaults (startFrom).
    QString figure_, level_, method_;
    int classes_ = 0;
    QString breaks_;
    int year_ = 0;
    bool symbols_ = true;
    std::optional<Role> role_;  // the project's "thematic" role; no property: the panel has no choice of it
    std::shared_ptr<const analysis::ThematicMap> map_;
    ThematicLegendModel legend_;
    JobRunner job_;  // last: see JobRunner
};

}  // namespace coopmap::app
