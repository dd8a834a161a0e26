// Saves what a window shows to a PNG once its project has loaded and every layer of the
// map has drawn its picture for the final camera.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

class QQuickWindow;

namespace coopmap::app {

class ProjectController;

class WindowSnapshot : public QObject {
    Q_OBJECT
public:
    WindowSnapshot(QQuickWindow* window, ProjectController* project, QString file, QObject* parent = nullptr);

    // Layers (project ids) to hide before the picture is taken.
    void setHidden(QStringList layerIds) { hidden_ = std::move(layerIds); }
    // The map's camera for the picture instead of the project's.
    void setView(double lon, double lat, double zoom);
    // Leaves the names off (for pixel checks that must not land on a label).
    void setLabels(bool on) { labels_ = on; }
    // Prints nothing, neither the summary line nor the reason of a failure: for callers that
    // report themselves (coopmap-cli render and report print one line of their own).
    void setQuiet(bool on) { quiet_ = on; }

signals:
    // exitCode 0: saved; otherwise the reason was printed on stderr (unless quiet).
    void done(int exitCode);

private:
    void prepare();
    void poll();
    void grab();

    QQuickWindow* window_;
    ProjectController* project_;
    QString file_;
    QStringList hidden_;
    struct View {
        double lon, lat, zoom;
    };
    std::optional<View> view_;
    bool labels_ = true;
    bool quiet_ = false;
    int frames_ = 0;
    int polls_ = 0;
};

}  // namespace coopmap::app
