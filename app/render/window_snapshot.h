// Saves what a window shows to a PNG once its project has loaded and the map has drawn.
#pragma once

#include <QObject>
#include <QString>

class QQuickWindow;

namespace coopmap::app {

class ProjectController;

class WindowSnapshot : public QObject {
    Q_OBJECT
public:
    WindowSnapshot(QQuickWindow* window, ProjectController* project, QString file, QObject* parent = nullptr);

signals:
    // exitCode 0: saved; otherwise the reason was printed on stderr.
    void done(int exitCode);

private:
    void grab();

    QQuickWindow* window_;
    ProjectController* project_;
    QString file_;
    int frames_ = 0;
};

}  // namespace coopmap::app
