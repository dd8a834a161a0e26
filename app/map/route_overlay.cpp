#include "map/route_overlay.h"

namespace coopmap::app {

RouteOverlay::RouteOverlay(QObject* parent) : QObject(parent) {}

void RouteOverlay::setFile(const QString& file)
{
    if (file == file_) return;
    file_ = file;
    emit fileChanged();
    if (file_.isEmpty()) return;
    auto read = read_route_drawing(file_.toStdString());
    if (!read) {
        error_ = QString::fromStdString(read.error().text());
        drawing_.reset();
    } else {
        error_.clear();
        drawing_ = std::move(*read);
    }
    emit changed();
}

void RouteOverlay::setSelected(int route)
{
    if (!drawing_ || drawing_->selected == route) return;
    // The drawing a running render holds stays as it was: the selection goes into a copy.
    auto next = std::make_shared<RouteDrawing>(*drawing_);
    next->selected = route;
    drawing_ = std::move(next);
    emit changed();
}

void RouteOverlay::setDrawing(std::shared_ptr<RouteDrawing> drawing)
{
    drawing_ = std::move(drawing);
    error_.clear();
    emit changed();
}

}  // namespace coopmap::app
