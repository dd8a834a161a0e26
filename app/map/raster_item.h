// An item over the map that shows a picture of the map's camera drawn on a worker thread,
// the way QGIS's canvas renders layers to images: while the camera moves the last picture
// is moved and scaled with it (a QSGImageNode, which both the OpenGL and the software
// scene-graph backends draw), and when the camera settles a new one is drawn.
#pragma once

#include <QElapsedTimer>
#include <QGeoCoordinate>
#include <QImage>
#include <QQuickItem>
#include <QTimer>
#include <functional>
#include <memory>

#include "jobs/job_runner.h"
#include "map/layer_raster.h"

class QSGImageNode;

namespace coopmap::app {

class RasterItem : public QQuickItem {
    Q_OBJECT
    // The camera, bound to the map's own properties in QML.
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY cameraChanged)
    Q_PROPERTY(double zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY cameraChanged)
    Q_PROPERTY(double tileSize READ tileSize WRITE setTileSize NOTIFY cameraChanged)
    // True from a change until the picture for it is on screen (tests and snapshots wait for it).
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit RasterItem(QQuickItem* parent = nullptr);
    ~RasterItem() override;

    QGeoCoordinate center() const { return center_; }
    void setCenter(const QGeoCoordinate& c);
    double zoomLevel() const { return zoom_; }
    void setZoomLevel(double z);
    double tileSize() const { return tile_size_; }
    void setTileSize(double s);
    bool busy() const { return busy_; }

    // Where a coordinate falls in this item, in pixels: the same Web Mercator the map uses.
    Q_INVOKABLE QPointF toScreen(const QGeoCoordinate& c) const;
    // Draws again now instead of when the camera settles (after a style change).
    Q_INVOKABLE void redraw();

    // True when every visible raster item of this window shows its latest picture.
    static bool allSettled(const QQuickWindow* window);

signals:
    void cameraChanged();
    void busyChanged();
    // A new picture is on screen.
    void rendered();

protected:
    // What to draw, made on the UI thread, run on a worker: it must only use what it
    // captured (shared, immutable data), never the item. Empty: nothing to draw. It returns a
    // null image once `feedback` is cancelled.
    using Job = std::function<QImage(const Viewport&, const Feedback& feedback)>;
    virtual Job makeJob() const = 0;

    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& now, const QRectF& before) override;
    void itemChange(ItemChange change, const ItemChangeData& value) override;

    // The picture no longer matches (data or style changed): draw again soon.
    void invalidate();

private:
    Viewport currentViewport() const;
    void startRender();
    void finishRender(QImage image);
    void setBusy(bool b);

    QGeoCoordinate center_;
    double zoom_ = 0;
    double tile_size_ = 256;
    bool busy_ = false;

    QTimer settle_;
    Viewport pending_;  // what the running job draws
    Viewport shown_;  // what the picture on screen shows
    // The picture until the scene graph has made a texture of it; then only its size is
    // kept, so each layer's pixels are held once (in the texture), not twice.
    QImage image_;
    QSize picture_size_;  // device pixels; empty: nothing to show
    bool new_image_ = false;
    QElapsedTimer since_render_;  // while the camera moves, a new picture at most this often
    qint64 last_render_ms_ = -1;  // how long the last picture took to draw; -1: none yet
    // Drawing; a new camera supersedes the picture for the old one.
    JobRunner job_;
};

}  // namespace coopmap::app
