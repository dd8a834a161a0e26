// Opens a project and its layers off the UI thread and hands them to QML.
#pragma once

#include <QColor>
#include <QGeoCoordinate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "analysis/project_data.h"
#include "io/project_layers.h"
#include "jobs/job_runner.h"
#include "model/project.h"
#include "project/layer_list_model.h"

namespace coopmap::app {

class ProjectController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString path READ path NOTIFY projectChanged)
    Q_PROPERTY(QString name READ name NOTIFY projectChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY projectChanged)
    Q_PROPERTY(QGeoCoordinate center READ center NOTIFY projectChanged)
    Q_PROPERTY(double zoom READ zoom NOTIFY projectChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString skippedText READ skippedText NOTIFY projectChanged)
    // What loading found wrong in the data (codes that match no boundary, villages outside
    // every township…), one line each; "" when all is well.
    Q_PROPERTY(QString problemsText READ problemsText NOTIFY projectChanged)
    Q_PROPERTY(coopmap::app::LayerListModel* layers READ layers CONSTANT)
    Q_PROPERTY(QStringList recentProjects READ recentProjects NOTIFY recentProjectsChanged)
    // The roles a new layer can take: [{key, name}], in DESIGN.md's order.
    Q_PROPERTY(QVariantList roles READ roles CONSTANT)

public:
    explicit ProjectController(QObject* parent = nullptr);
    ~ProjectController() override;

    QString path() const { return path_; }
    QString name() const;
    QString summary() const;
    QGeoCoordinate center() const;
    double zoom() const;
    bool loading() const { return job_.running(); }
    double progress() const { return job_.progress(); }
    QString errorText() const { return job_.errorText(); }
    QString skippedText() const;
    QString problemsText() const;
    LayerListModel* layers() { return &layers_; }
    const Project& project() const { return project_; }

    // A copy of the open layers in the panel's order, with a project whose layer list
    // matches them: what analyses run on off the UI thread while the user goes on.
    struct Snapshot {
        std::shared_ptr<Project> project;
        std::shared_ptr<std::vector<Layer>> layers;
    };
    Snapshot snapshot() const;

    // Reads the project and its layers in a worker thread. On failure errorText is set
    // and whatever was open before stays open.
    Q_INVOKABLE void open(const QString& path);
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void clearError();
    // The first coordinate of a feature (the point itself for point layers), invalid if
    // there is no such layer or feature; for flying to search results and identify.
    Q_INVOKABLE QGeoCoordinate featureCoordinate(const QString& layerId, int feature) const;

    // Writes the project as it is now (layer order, visibility, styles) to `path`
    // (the file it came from if empty); false and errorText on failure.
    Q_INVOKABLE bool save(const QString& path = {});
    // The planning panel and the bookmark player write their part of the project file
    // themselves; they hand it here too, so a later save() keeps it.
    void keepScenarios(std::vector<Scenario> scenarios) { project_.scenarios = std::move(scenarios); }
    void keepBookmarks(std::vector<Bookmark> bookmarks) { project_.bookmarks = std::move(bookmarks); }
    // Shows an analysis result (uncovered villages, coverage areas, isochrones, proposed
    // sites…) as a layer on top of the map, replacing an earlier result with the same id.
    // Result layers are drawn and in the legend but never saved nor analysed.
    void showResult(const QString& id, const QString& title, Role role, Layer layer, const Style& style);
    // The same for a few points a QML panel has (e.g. marked places): `coordinates` is a list
    // of QGeoCoordinate, `roleKey` a role of DESIGN.md; false (and errorText) if it is not.
    Q_INVOKABLE bool showPointResult(const QString& id, const QString& title, const QString& roleKey,
                                     const QVariantList& coordinates, const QColor& color);
    // Takes a result layer off the map; false if there is none with this id.
    Q_INVOKABLE bool clearResult(const QString& id);
    QStringList recentProjects() const;
    QVariantList roles() const;
    // Reads layers the 添加数据 dialog drafted (NewProjectController: role, CRS, encoding and
    // fields guessed by intake::, sources relative to this project's file) off the UI thread
    // and appends them on top; ids are made unique against the open layers, and `styles` the
    // project lacks are kept (the default look of a role it has no style for). On failure
    // nothing is added and errorText names the file and what to do.
    void addLayers(std::vector<LayerConfig> configs, std::map<std::string, Style> styles);
    // The feature under `at` in the topmost visible layer (index::pick_feature): points and
    // lines within the distance to `near` (a point a few pixels away), polygons containing it. Returns
    // {layerId, layerTitle, feature, name, attributes: [{name, value}]}, or {} if none.
    Q_INVOKABLE QVariantMap identify(const QGeoCoordinate& at, const QGeoCoordinate& near) const;
    // The name of the polygon of layer `layerId` that contains the coordinate, "" if none
    // (which county the map centre is in).
    Q_INVOKABLE QString unitAt(const QString& layerId, const QGeoCoordinate& at) const;
    // A file path from a QML url (dialogs and drops give urls).
    Q_INVOKABLE static QString localPath(const QUrl& url);

    // Call first thing in main(): keeps glibc's heap from holding on to freed layer arrays
    // and pictures (bench/RESULTS.md, map memory).
    static void limitHeapGrowth();

    // The bundled sample: installed share/coopmap/geodata, else the source tree's.
    Q_INVOKABLE static QString samplePath();

signals:
    void projectChanged();
    void loadingChanged();
    void progressChanged();
    void errorTextChanged();
    // After every open(), successful or not.
    void finished(bool ok);
    void recentProjectsChanged();
    // After every addLayers(), successful or not.
    void layerAdded(bool ok);

private:
    struct Loaded;
    struct Added;
    void finish(Loaded loaded);
    void finishAdd(Added added);
    void setError(const QString& text) { job_.setErrorText(text); }
    void remember(const QString& file);

    Project project_;
    std::vector<Error> skipped_;
    std::vector<Error> problems_;
    QString path_;
    LayerListModel layers_;
    // Opening and adding layers: one at a time, a new open() supersedes either.
    JobRunner job_;
};

}  // namespace coopmap::app
