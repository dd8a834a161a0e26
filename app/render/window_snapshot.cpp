#include "render/window_snapshot.h"

#include <QDir>
#include <QFileInfo>
#include <QGeoCoordinate>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

#include "io/atomic_write.h"
#include "map/raster_item.h"
#include "project/project_controller.h"

namespace coopmap::app {

namespace {
// Frames to let pass once every layer has drawn, so the pictures are on screen.
constexpr int kSettleFrames = 3;
constexpr int kPollMs = 50;
// Give up waiting for the layers after this many polls (a minute) and save what is shown.
constexpr int kMaxPolls = 1200;

// An item of the window's QML by objectName (items declared in an ApplicationWindow are
// QObject children of the window, not of its content item).
QQuickItem* find_item(QQuickWindow* window, const QString& name)
{
    if (auto* item = window->findChild<QQuickItem*>(name)) return item;
    return window->contentItem()->findChild<QQuickItem*>(name);
}

// True while the window map's basemap (BasemapController) is still drawing or importing its
// tiles: the picture would otherwise show the layers on a bare background.
bool basemap_pending(QQuickWindow* window)
{
    auto* map = find_item(window, QStringLiteral("networkMap"));
    QObject* basemap = map ? map->property("basemap").value<QObject*>() : nullptr;
    if (!basemap) return false;
    if (basemap->property("busy").toBool()) return true;
    return !basemap->property("ready").toBool() && basemap->property("errorText").toString().isEmpty();
}
}  // namespace

WindowSnapshot::WindowSnapshot(QQuickWindow* window, ProjectController* project, QString file, QObject* parent)
    : QObject(parent), window_(window), project_(project), file_(std::move(file))
{
    connect(project_, &ProjectController::finished, this, [this](bool ok) {
        if (!ok) {
            if (!quiet_) std::fprintf(stderr, "%s\n", qUtf8Printable(project_->errorText()));
            emit done(1);
            return;
        }
        // After the map has taken the project's camera (queued behind QML's handlers).
        QTimer::singleShot(0, this, &WindowSnapshot::prepare);
    });
}

void WindowSnapshot::setView(double lon, double lat, double zoom) { view_ = View{lon, lat, zoom}; }

void WindowSnapshot::prepare()
{
    auto* layers = project_->layers();
    for (const QString& id : hidden_) {
        const int row = layers->indexOf(id);
        if (row < 0) {
            if (!quiet_) std::fprintf(stderr, "项目中没有图层 %s：请检查 --hide 的图层 id\n", qUtf8Printable(id));
            emit done(1);
            return;
        }
        layers->setVisible(row, false);
    }
    if (!labels_)
        if (auto* labels = find_item(window_, QStringLiteral("mapLabels"))) labels->setVisible(false);
    if (view_) {
        auto* map = find_item(window_, QStringLiteral("networkMap"));
        QObject* m = map ? map->property("map").value<QObject*>() : nullptr;
        if (m) {
            m->setProperty("center", QVariant::fromValue(QGeoCoordinate(view_->lat, view_->lon)));
            m->setProperty("zoomLevel", view_->zoom);
        }
    }
    QTimer::singleShot(kPollMs, this, &WindowSnapshot::poll);
}

void WindowSnapshot::poll()
{
    // Every layer item waits for the camera to settle, then draws on a worker thread.
    if ((!RasterItem::allSettled(window_) || basemap_pending(window_)) && ++polls_ < kMaxPolls) {
        QTimer::singleShot(kPollMs, this, &WindowSnapshot::poll);
        return;
    }
    connect(window_, &QQuickWindow::frameSwapped, this, [this] {
        if (++frames_ == kSettleFrames) QTimer::singleShot(0, this, &WindowSnapshot::grab);
        else window_->update();
    });
    window_->update();
}

void WindowSnapshot::grab()
{
    const QImage image = window_->grabWindow();
    QDir().mkpath(QFileInfo(file_).absolutePath());
    // Write then rename, so a reader never sees half a PNG.
    const Status saved = io::write_file_atomically(file_.toStdString(), [&](const std::string& temp) -> Status {
        if (image.isNull() || !image.save(QString::fromStdString(temp), "PNG"))
            return io::write_error(file_.toStdString());
        return Done{};
    });
    if (!saved) {
        if (!quiet_) std::fprintf(stderr, "无法写入图片 %s：请检查目录是否存在且可写\n", qUtf8Printable(file_));
        emit done(1);
        return;
    }
    if (!quiet_) {
        std::printf("%s → %s\n", qUtf8Printable(project_->summary()), qUtf8Printable(QFileInfo(file_).filePath()));
        // Where the map is in the picture, so a reader can find a coordinate's pixel.
        if (auto* map = find_item(window_, QStringLiteral("networkMap"))) {
            const QRectF r = map->mapRectToScene(map->boundingRect());
            std::printf("map %g,%g %gx%g\n", r.x(), r.y(), r.width(), r.height());
        }
        std::fflush(stdout);
    }
    emit done(0);
}

}  // namespace coopmap::app
