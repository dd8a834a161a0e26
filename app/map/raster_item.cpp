#include "map/raster_item.h"

#include <QQuickWindow>
#include <QSGImageNode>
#include <algorithm>
#include <cmath>

namespace coopmap::app {

namespace {
// Wait this long after the last camera change before drawing again: a drag or a wheel
// turn is a burst of changes, and drawing each would only be thrown away.
constexpr int kSettleMs = 90;
// Drawn beyond each edge, so a short pan shows drawn map instead of an empty strip.
constexpr int kMargin = 96;
// During a long drag a cheap layer is drawn again this often (when no drawing is under
// way), so it keeps filling in instead of showing blank beyond the margin until the drag
// ends. A layer that takes longer than kCheapMs to draw (500,000 villages) waits for the
// camera to settle, as QGIS's canvas does, so its drawing never competes with the frames.
// Off for now: under Xvfb/llvmpipe on a shared 2-core machine each new picture's texture
// upload cost more frames than the filled-in edge was worth (bench/RESULTS.md, run 5).
constexpr bool kRedrawWhileMoving = false;
constexpr int kMovingRedrawMs = 300;
constexpr int kCheapMs = 30;

std::vector<RasterItem*>& live_items()
{
    static std::vector<RasterItem*> items;
    return items;
}
}  // namespace

RasterItem::RasterItem(QQuickItem* parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    live_items().push_back(this);
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, &RasterItem::startRender);
    connect(this, &RasterItem::cameraChanged, this, [this] {
        update();  // move the old picture with the camera at once
        invalidate();
        if (kRedrawWhileMoving && !job_.running() && last_render_ms_ >= 0 && last_render_ms_ <= kCheapMs &&
            since_render_.elapsed() >= kMovingRedrawMs)
            startRender();
    });
}

RasterItem::~RasterItem()
{
    auto& items = live_items();
    items.erase(std::remove(items.begin(), items.end(), this), items.end());
    // The job holds only shared data; the runner cancels it and drops its picture.
}

bool RasterItem::allSettled(const QQuickWindow* window)
{
    return std::none_of(live_items().begin(), live_items().end(), [window](const RasterItem* item) {
        return item->window() == window && item->isVisible() && item->busy();
    });
}

void RasterItem::setCenter(const QGeoCoordinate& c)
{
    if (center_ == c) return;
    center_ = c;
    emit cameraChanged();
}

void RasterItem::setZoomLevel(double z)
{
    if (zoom_ == z) return;
    zoom_ = z;
    emit cameraChanged();
}

void RasterItem::setTileSize(double s)
{
    if (tile_size_ == s) return;
    tile_size_ = s;
    emit cameraChanged();
}

QPointF RasterItem::toScreen(const QGeoCoordinate& c) const
{
    return currentViewport().toPixel(unit_mercator(c.longitude(), c.latitude()));
}

Viewport RasterItem::currentViewport() const
{
    Viewport v;
    v.center = unit_mercator(center_.longitude(), center_.latitude());
    v.zoom = zoom_;
    v.world = tile_size_ * std::exp2(zoom_);
    v.size = QSize(static_cast<int>(std::ceil(width())), static_cast<int>(std::ceil(height())));
    v.dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    return v;
}

void RasterItem::invalidate()
{
    setBusy(true);
    settle_.start();
}

void RasterItem::redraw()
{
    setBusy(true);
    settle_.stop();
    startRender();
}

void RasterItem::setBusy(bool b)
{
    if (busy_ == b) return;
    busy_ = b;
    emit busyChanged();
}

void RasterItem::startRender()
{
    job_.discard();
    Viewport view = currentViewport();
    if (!isVisible() || !center_.isValid() || view.size.isEmpty()) {
        // Drawn when it is shown again; nothing to wait for meanwhile.
        setBusy(false);
        return;
    }
    since_render_.start();
    Job job = makeJob();
    if (!job) {
        image_ = {};
        picture_size_ = {};
        new_image_ = true;
        update();
        setBusy(false);
        emit rendered();
        return;
    }
    view.size += QSize(2 * kMargin, 2 * kMargin);
    pending_ = view;
    job_.start(
        QString(),
        [job = std::move(job), view](const Feedback& feedback) -> Result<QImage> {
            QImage image = job(view, feedback);
            if (image.isNull()) return cancelled_error({});
            return image;
        },
        [this](Result<QImage> image) {
            if (image) finishRender(std::move(*image));
        });
}

void RasterItem::finishRender(QImage image)
{
    last_render_ms_ = since_render_.elapsed();
    image_ = std::move(image);
    picture_size_ = image_.size();
    shown_ = pending_;
    new_image_ = true;
    update();
    // Still busy if the camera moved on while drawing.
    if (!settle_.isActive()) setBusy(false);
    emit rendered();
}

void RasterItem::geometryChange(const QRectF& now, const QRectF& before)
{
    QQuickItem::geometryChange(now, before);
    if (now.size() != before.size()) invalidate();
}

void RasterItem::itemChange(ItemChange change, const ItemChangeData& value)
{
    QQuickItem::itemChange(change, value);
    if (change == ItemVisibleHasChanged && value.boolValue) invalidate();
    if (change == ItemVisibleHasChanged && !value.boolValue) {
        settle_.stop();
        job_.discard();
        setBusy(false);
    }
    if (change == ItemSceneChange && value.window) invalidate();
}

QSGNode* RasterItem::updatePaintNode(QSGNode* old, UpdatePaintNodeData*)
{
    auto* node = static_cast<QSGImageNode*>(old);
    if (picture_size_.isEmpty() || (!node && image_.isNull())) {
        // A scene graph made anew (window re-created) lost the texture: draw the picture again.
        if (!picture_size_.isEmpty()) QMetaObject::invokeMethod(this, &RasterItem::redraw, Qt::QueuedConnection);
        delete node;
        return nullptr;
    }
    if (!node) {
        node = window()->createImageNode();
        node->setOwnsTexture(true);
        node->setFiltering(QSGTexture::Linear);
        new_image_ = true;
    }
    if (new_image_ && !image_.isNull()) {
        node->setTexture(window()->createTextureFromImage(image_));
        new_image_ = false;
        image_ = {};  // the texture has it now
    }
    // Where the picture's top-left corner is under today's camera, and how much the
    // zoom has changed since it was drawn.
    const Viewport now = currentViewport();
    const QPointF corner_unit =
        shown_.center - QPointF(shown_.size.width() / 2.0, shown_.size.height() / 2.0) / shown_.world;
    const double scale = now.world / shown_.world;
    node->setRect(QRectF(now.toPixel(corner_unit), QSizeF(shown_.size) * scale));
    node->setSourceRect(QRectF(QPointF(0, 0), QSizeF(picture_size_)));
    return node;
}

}  // namespace coopmap::app
