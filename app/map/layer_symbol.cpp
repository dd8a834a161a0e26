#include "map/layer_symbol.h"

#include <QPainter>

namespace coopmap::app {

LayerSymbol::LayerSymbol(QQuickItem* parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &LayerSymbol::changed, this, [this] { update(); });
}

void LayerSymbol::paint(QPainter* painter)
{
    const GeometryKind kind = kind_ == QLatin1String("line")      ? GeometryKind::line
                              : kind_ == QLatin1String("polygon") ? GeometryKind::polygon
                                                                  : GeometryKind::point;
    paint_symbol(*painter, kind, style_, boundingRect());
}

void LayerSymbol::setKind(const QString& k)
{
    if (kind_ == k) return;
    kind_ = k;
    emit changed();
}

void LayerSymbol::setColor(const QColor& c)
{
    if (style_.color == c) return;
    style_.color = c;
    emit changed();
}

void LayerSymbol::setOutline(const QColor& c)
{
    if (style_.outline == c) return;
    style_.outline = c;
    emit changed();
}

void LayerSymbol::setPointSize(double s)
{
    if (style_.size == s) return;
    style_.size = s;
    emit changed();
}

void LayerSymbol::setLineWidth(double w)
{
    if (style_.width == w) return;
    style_.width = w;
    emit changed();
}

}  // namespace coopmap::app
