#include "choropleth_paint.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "map/choropleth_item.h"

namespace coopmap::present {

namespace {
// Share of the map's part of the frame the boundaries may fill, so they do not touch its edge.
constexpr double kFit = 0.94;
// The legend's share of the frame's width, on its right.
constexpr double kLegendShare = 0.3;

QColor hex(std::string_view s) { return QColor(QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()))); }
}  // namespace

PaintedChoropleth paint_choropleth(QPainter& painter, const QRectF& frame, const Layer& boundary,
                                   const analysis::ThematicMap& map, double font_px)
{
    const double text = font_px > 0 ? font_px : frame.height() / 40;
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(text))));
    QFont bold = font;
    bold.setBold(true);
    const double title_h = QFontMetricsF(bold).height() * 1.6;
    painter.save();
    painter.setFont(bold);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(frame.left(), frame.top(), frame.width(), title_h), Qt::AlignLeft | Qt::AlignVCenter,
                     QString::fromStdString(map.title));

    // The map: the boundaries' box fitted into the left part, in the map's own projection.
    const QRectF area(frame.left(), frame.top() + title_h, frame.width() * (1 - kLegendShare),
                      frame.height() - title_h);
    const Bounds b = boundary.bounds();
    const QPointF lo = app::unit_mercator(b.min_x, b.max_y), hi = app::unit_mercator(b.max_x, b.min_y);
    const double dx = std::max(hi.x() - lo.x(), 1e-12), dy = std::max(hi.y() - lo.y(), 1e-12);
    app::Viewport view;
    view.center = (lo + hi) / 2;
    view.world = std::min(area.width() * kFit / dx, area.height() * kFit / dy);
    view.zoom = std::log2(view.world / 256);
    view.size = area.size().toSize();
    view.dpr = 1;
    const app::UnitCoords unit(boundary);
    const QImage image = app::render_choropleth(boundary, unit, map, view, Feedback{});
    painter.drawImage(area.topLeft(), image);

    // The legend: a swatch (or the class's symbol) and the engine's range label per class.
    const double row = text * 1.8, swatch = text * 1.2;
    double y = area.top() + text;
    const double x = area.right() + text;
    painter.setFont(font);
    const auto draw_row = [&](const QColor& color, double symbol_px, const QString& label, std::size_t count) {
        app::SymbolStyle s;
        s.color = color;
        s.outline = QColor(0x63, 0x63, 0x63);
        s.width = 1;
        s.size = symbol_px;
        const double side = std::max(swatch, symbol_px + 2);
        app::paint_symbol(painter, symbol_px > 0 ? GeometryKind::point : GeometryKind::polygon, s,
                          QRectF(x, y + (row - side) / 2, side, side));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(x + side + text * 0.6, y, frame.right() - x - side, row),
                         Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1（%2）").arg(label).arg(count));
        y += std::max(row, side + text * 0.4);
    };
    for (std::size_t k = 0; k < map.labels.size(); ++k)
        draw_row(hex(map.colors[k]), map.symbol_px.empty() ? 0 : map.symbol_px[k],
                 QString::fromStdString(map.labels[k]), map.breaks.counts[k]);
    if (map.no_value)
        draw_row(hex(analysis::ThematicMap::kNoValueColor), 0, QString::fromStdString(map.no_value_label),
                 map.no_value);
    painter.restore();
    return PaintedChoropleth{view, area.topLeft()};
}

}  // namespace coopmap::present
