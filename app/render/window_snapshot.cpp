#include "render/window_snapshot.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

#include "project/project_controller.h"

namespace coopmap::app {

namespace {
// Frames to let pass after the project loads, so that every layer item has painted.
constexpr int kSettleFrames = 3;
}

WindowSnapshot::WindowSnapshot(QQuickWindow* window, ProjectController* project, QString file, QObject* parent)
    : QObject(parent), window_(window), project_(project), file_(std::move(file))
{
    connect(project_, &ProjectController::finished, this, [this](bool ok) {
        if (!ok) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(project_->errorText()));
            emit done(1);
            return;
        }
        connect(window_, &QQuickWindow::frameSwapped, this, [this] {
            if (++frames_ == kSettleFrames) QTimer::singleShot(0, this, &WindowSnapshot::grab);
            else window_->update();
        });
        window_->update();
    });
}

void WindowSnapshot::grab()
{
    const QImage image = window_->grabWindow();
    QDir().mkpath(QFileInfo(file_).absolutePath());
    // Write then rename, so a reader never sees half a PNG.
    const QString temp = file_ + QStringLiteral(".part.png");
    if (image.isNull() || !image.save(temp, "PNG") || (QFile::exists(file_) && !QFile::remove(file_)) ||
        !QFile::rename(temp, file_)) {
        QFile::remove(temp);
        std::fprintf(stderr, "无法写入图片 %s：请检查目录是否存在且可写\n", qUtf8Printable(file_));
        emit done(1);
        return;
    }
    std::printf("%s → %s\n", qUtf8Printable(project_->summary()), qUtf8Printable(QFileInfo(file_).filePath()));
    std::fflush(stdout);
    emit done(0);
}

}  // namespace coopmap::app
