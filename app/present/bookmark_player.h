// Presentation slides from the project's bookmarks: each sets the camera, the layers shown
// and a caption. begin() remembers which layers were shown and end() puts them back, so a
// presentation leaves the map as it found it. A bookmark is made from the current view.
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "model/project.h"
#include "project/project_controller.h"

namespace coopmap::app {

class BookmarkPlayer : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(coopmap::app::ProjectController* project READ project WRITE setProject NOTIFY projectChanged)
    Q_PROPERTY(int count READ count NOTIFY bookmarksChanged)
    Q_PROPERTY(QStringList names READ names NOTIFY bookmarksChanged)
    // The slide shown, -1 before begin().
    Q_PROPERTY(int current READ current NOTIFY currentChanged)
    Q_PROPERTY(QString name READ name NOTIFY currentChanged)
    Q_PROPERTY(QString caption READ caption NOTIFY currentChanged)
    Q_PROPERTY(QGeoCoordinate center READ center NOTIFY currentChanged)
    Q_PROPERTY(double zoom READ zoom NOTIFY currentChanged)
    // Project ids of the layers this slide shows; empty: the layers as they were.
    Q_PROPERTY(QStringList layerIds READ layerIds NOTIFY currentChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit BookmarkPlayer(QObject* parent = nullptr);

    ProjectController* project() const { return project_; }
    void setProject(ProjectController* p);
    int count() const { return static_cast<int>(bookmarks_.size()); }
    QStringList names() const;
    int current() const { return current_; }
    QString name() const;
    QString caption() const;
    QGeoCoordinate center() const;
    double zoom() const;
    QStringList layerIds() const;
    QString errorText() const { return errorText_; }

    // Remembers the layers' visibility and shows the first slide; false without bookmarks.
    Q_INVOKABLE bool begin();
    // Puts the layers back as begin() found them.
    Q_INVOKABLE void end();
    Q_INVOKABLE bool go(int index);
    Q_INVOKABLE bool next() { return go(current_ + 1); }
    Q_INVOKABLE bool previous() { return go(current_ - 1); }
    // A bookmark of the view (centre, zoom) with the layers shown now, saved into the project
    // file (replacing one of the same name). False and errorText when it cannot be saved.
    Q_INVOKABLE bool addFromView(const QString& name, const QString& caption, const QGeoCoordinate& center,
                                 double zoom);

signals:
    void projectChanged();
    void bookmarksChanged();
    void currentChanged();
    void errorTextChanged();

private:
    void reload();
    void setError(const QString& text);
    void applyLayers();

    ProjectController* project_ = nullptr;
    std::vector<Bookmark> bookmarks_;
    int current_ = -1;
    std::vector<std::pair<QString, bool>> saved_;  // layer id, visible before begin()
    QString errorText_;
};

}  // namespace coopmap::app
