// The basemap for QML: the choices (offline tiles drawn from the project, imported tiles,
// an online template), the plugin parameters of the chosen one, and its preparation
// (drawing or converting tiles) off the UI thread.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "basemap/tile_renderer.h"
#include "jobs/job_runner.h"
#include "model/project.h"

namespace coopmap::app {

class BasemapController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // The project whose basemap section and layers are used (bind to ProjectController.path).
    Q_PROPERTY(QString projectPath READ projectPath WRITE setProjectPath NOTIFY projectPathChanged)
    // "offline", "tiles" or "xyz"; starts as the project says.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    // [{kind, title, description, available}] in the order offered to the user.
    Q_PROPERTY(QVariantList choices READ choices NOTIFY choicesChanged)
    // kind "tiles": a tile folder or an .mbtiles file.
    Q_PROPERTY(QString tilesSource READ tilesSource WRITE setTilesSource NOTIFY choicesChanged)
    // kind "xyz": the template, e.g. Tianditu vec_w with {tk}; shown masked in urlText.
    Q_PROPERTY(QString urlTemplate READ urlTemplate WRITE setUrlTemplate NOTIFY choicesChanged)
    Q_PROPERTY(QString urlText READ urlText NOTIFY choicesChanged)
    // The user's key for {tk}/{key}; never written to a message or log.
    Q_PROPERTY(QString key READ key WRITE setKey NOTIFY choicesChanged)
    Q_PROPERTY(int minZoom READ minZoom WRITE setMinZoom NOTIFY zoomsChanged)
    Q_PROPERTY(int maxZoom READ maxZoom WRITE setMaxZoom NOTIFY zoomsChanged)
    // Where rendered and imported tiles are kept; default: the user's cache folder.
    Q_PROPERTY(QString cacheRoot READ cacheRoot WRITE setCacheRoot NOTIFY cacheRootChanged)
    // For Plugin { name: "osm" }: parameter name -> value. Always usable (a blank map at worst).
    Q_PROPERTY(QVariantMap pluginParameters READ pluginParameters NOTIFY parametersChanged)
    // Increases whenever the Map must be made again (a Plugin's parameters are fixed once set).
    Q_PROPERTY(int revision READ revision NOTIFY parametersChanged)
    Q_PROPERTY(QString tileDirectory READ tileDirectory NOTIFY parametersChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY parametersChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY statusChanged)

public:
    explicit BasemapController(QObject* parent = nullptr);
    ~BasemapController() override;

    QString projectPath() const { return projectPath_; }
    void setProjectPath(const QString& path);
    QString kind() const { return kind_; }
    void setKind(const QString& kind);
    QVariantList choices() const;
    QString tilesSource() const { return tilesSource_; }
    void setTilesSource(const QString& source);
    QString urlTemplate() const { return urlTemplate_; }
    void setUrlTemplate(const QString& url);
    QString urlText() const;
    QString key() const { return key_; }
    void setKey(const QString& key);
    int minZoom() const { return zooms_.min; }
    void setMinZoom(int z);
    int maxZoom() const { return zooms_.max; }
    void setMaxZoom(int z);
    QString cacheRoot() const { return cacheRoot_; }
    void setCacheRoot(const QString& root);
    QVariantMap pluginParameters() const { return parameters_; }
    int revision() const { return revision_; }
    QString tileDirectory() const { return tileDirectory_; }
    bool ready() const { return ready_; }
    bool busy() const { return job_.running(); }
    double progress() const { return job_.progress(); }
    QString statusText() const { return statusText_; }
    QString errorText() const { return job_.errorText(); }

    // Prepares the chosen basemap again: draws or converts tiles if they are out of date.
    Q_INVOKABLE void refresh();
    // Chooses a tile folder or .mbtiles file (a path or a file:// URL) and converts it.
    Q_INVOKABLE void importTiles(const QString& pathOrUrl);
    Q_INVOKABLE void cancel();

signals:
    void projectPathChanged();
    void kindChanged();
    void choicesChanged();
    void zoomsChanged();
    void cacheRootChanged();
    void parametersChanged();
    void busyChanged();
    void progressChanged();
    void statusChanged();
    // After every preparation, successful or not.
    void prepared(bool ok);

private:
    struct Outcome;
    void scheduleRefresh();
    void finish(const Outcome& out);
    void setStatus(const QString& status, const QString& error);
    void apply(const std::map<std::string, std::string>& parameters, const QString& directory, bool ready);
    std::string tileDirectoryFor(const QString& kind) const;
    std::string qtCacheFor(const std::string& what) const;

    QString projectPath_;
    std::optional<Project> project_;
    QString kind_ = QStringLiteral("offline");
    QString tilesSource_;
    QString urlTemplate_;
    QString key_;
    basemap::ZoomRange zooms_;
    QString cacheRoot_;
    QVariantMap parameters_;
    int revision_ = 0;
    QString tileDirectory_;
    bool ready_ = false;
    bool refreshQueued_ = false;
    QString statusText_;
    // Drawing or converting tiles; a new choice supersedes the preparation for the old one.
    JobRunner job_;
};

}  // namespace coopmap::app
