#include "map/route_drawing.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <cmath>
#include <map>
#include <string>

#include "io/gdal_reader.h"
#include "map/route_palette.h"

namespace coopmap::app {

namespace {

// Sizes in logical pixels: stop discs big enough for a two-digit number at 9 px.
constexpr double kLineWidth = 3, kCasing = 2, kStopRadius = 8.5, kDepotHalf = 7;
constexpr double kArrowEvery = 110, kArrowSize = 6;
// Below this zoom a county's stops crowd each other: they are dots without numbers.
constexpr double kNumberZoom = 10.5;

std::string key_of(const std::string& depot, std::int64_t vehicle) { return depot + "\n" + std::to_string(vehicle); }

std::int64_t integer_at(const Column* c, std::size_t f)
{
    const double v = c ? c->number(f) : NAN;
    return std::isfinite(v) ? static_cast<std::int64_t>(v) : 0;
}

// A filled chevron at `at` pointing along `dir` (unit vector).
void arrow(QPainter& p, QPointF at, QPointF dir, const QColor& color)
{
    const QPointF n(-dir.y(), dir.x());
    QPainterPath path;
    path.moveTo(at + dir * kArrowSize);
    path.lineTo(at - dir * kArrowSize + n * kArrowSize);
    path.lineTo(at - dir * (kArrowSize * 0.4));
    path.lineTo(at - dir * kArrowSize - n * kArrowSize);
    path.closeSubpath();
    p.setPen(QPen(Qt::white, 1.2));
    p.setBrush(color);
    p.drawPath(path);
}

void draw_line(QPainter& p, const RouteDrawing::Line& line, const Viewport& view, double widen)
{
    if (line.unit.size() < 2) return;
    QPolygonF poly;
    poly.reserve(static_cast<int>(line.unit.size()));
    for (const QPointF& u : line.unit) poly << view.toPixel(u);
    QPen casing(Qt::white, kLineWidth + widen + 2 * kCasing);
    casing.setJoinStyle(Qt::RoundJoin);
    casing.setCapStyle(Qt::RoundCap);
    p.setBrush(Qt::NoBrush);
    p.setPen(casing);
    p.drawPolyline(poly);
    QPen pen(line.color, kLineWidth + widen);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    p.setPen(pen);
    p.drawPolyline(poly);
    // Arrows every kArrowEvery pixels along the way, the first half a step in.
    double next = kArrowEvery / 2, walked = 0;
    for (int i = 1; i < poly.size(); ++i) {
        const QPointF d = poly[i] - poly[i - 1];
        const double len = std::hypot(d.x(), d.y());
        if (len <= 0) continue;
        while (walked + len >= next) {
            const double t = (next - walked) / len;
            arrow(p, poly[i - 1] + d * t, d / len, line.color);
            next += kArrowEvery;
        }
        walked += len;
    }
}

}  // namespace

std::shared_ptr<RouteDrawing> route_drawing(const Layer& lines, const Layer& stops, RoutePalette palette)
{
    auto out = std::make_shared<RouteDrawing>();
    const Column* depot = lines.column("depot");
    const Column* vehicle = lines.column("vehicle");
    std::vector<RoutePalette::Route> routes;
    for (std::size_t f = 0; f < lines.size(); ++f)
        routes.push_back({depot ? depot->text(f) : std::string(), static_cast<std::uint32_t>(integer_at(vehicle, f))});
    palette.assign(routes);
    std::map<std::string, QColor> color_of;
    std::map<std::string, QPointF> depot_at;
    for (std::size_t f = 0; f < lines.size(); ++f) {
        const std::string& d = routes[f].depot;
        const auto v = integer_at(vehicle, f);
        RouteDrawing::Line line;
        line.color = palette.color(d, routes[f].vehicle);
        const std::uint32_t from = lines.coord_start[lines.ring_start[lines.part_start[f]]];
        const std::uint32_t to = lines.coord_start[lines.ring_start[lines.part_start[f + 1]]];
        for (std::uint32_t k = from; k < to; ++k) line.unit.push_back(unit_mercator(lines.x[k], lines.y[k]));
        // A route starts and ends at its depot.
        if (!line.unit.empty()) depot_at.emplace(d, line.unit.front());
        color_of[key_of(d, v)] = line.color;
        out->lines.push_back(std::move(line));
    }
    for (const auto& [id, at] : depot_at) out->depots.push_back(at);
    const Column* sd = stops.column("depot");
    const Column* sv = stops.column("vehicle");
    const Column* seq = stops.column("seq");
    for (std::size_t f = 0; f < stops.size(); ++f) {
        RouteDrawing::Stop s;
        s.unit = unit_mercator(stops.first_x(f), stops.first_y(f));
        s.seq = static_cast<int>(integer_at(seq, f));
        const auto it = color_of.find(key_of(sd ? sd->text(f) : std::string(), integer_at(sv, f)));
        s.color = s.seq > 0 && it != color_of.end() ? it->second : QColor(QStringLiteral("#757575"));
        out->stops.push_back(s);
    }
    return out;
}

Result<std::shared_ptr<RouteDrawing>> read_route_drawing(const std::string& gpkg)
{
    auto lines = io::read_layer({.uri = gpkg,
                                 .layer = "routes",
                                 .declared_crs = {},
                                 .encoding = {},
                                 .role = Role::coverage,
                                 .title = "routes"});
    if (!lines)
        return Error{.file = gpkg,
                     .layer = "routes",
                     .feature = {},
                     .message = "读不出路线图层：" + lines.error().message +
                                "。请用 coopmap-cli routes … --out 生成的 GeoPackage"};
    auto stops = io::read_layer({.uri = gpkg,
                                 .layer = "route_stops",
                                 .declared_crs = {},
                                 .encoding = {},
                                 .role = Role::coverage,
                                 .title = "route_stops"});
    if (!stops)
        return Error{.file = gpkg,
                     .layer = "route_stops",
                     .feature = {},
                     .message = "读不出配送点图层：" + stops.error().message +
                                "。请用 coopmap-cli routes … --out 生成的 GeoPackage"};
    if (!lines->layer.column("vehicle") || !stops->layer.column("seq"))
        return Error{.file = gpkg,
                     .layer = "routes",
                     .feature = {},
                     .message = "缺少 vehicle / seq 字段，不是 coopmap-cli routes 写出的路线文件"};
    return route_drawing(lines->layer, stops->layer);
}

QImage render_routes(const RouteDrawing& d, const Viewport& view, const Feedback& cancel)
{
    QImage image(view.size * view.dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(view.dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < d.lines.size(); ++i) {
        if (cancel.cancelled()) return {};
        if (static_cast<int>(i) != d.selected) draw_line(p, d.lines[i], view, 0);
    }
    if (d.selected >= 0 && static_cast<std::size_t>(d.selected) < d.lines.size())
        draw_line(p, d.lines[static_cast<std::size_t>(d.selected)], view, 2);

    const bool numbers = view.zoom >= kNumberZoom;
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(10);
    font.setBold(true);
    p.setFont(font);
    for (const auto& s : d.stops) {
        const QPointF at = view.toPixel(s.unit);
        if (at.x() < -20 || at.y() < -20 || at.x() > view.size.width() + 20 || at.y() > view.size.height() + 20)
            continue;
        const double r = numbers ? kStopRadius : kStopRadius / 2;
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(s.color);
        p.drawEllipse(at, r, r);
        if (s.seq == 0) {  // unserved: a cross
            p.setPen(QPen(Qt::white, 1.5));
            p.drawLine(at + QPointF(-r / 2, -r / 2), at + QPointF(r / 2, r / 2));
            p.drawLine(at + QPointF(-r / 2, r / 2), at + QPointF(r / 2, -r / 2));
        } else if (numbers) {
            p.setPen(Qt::white);
            p.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(s.seq));
        }
    }
    for (const QPointF& u : d.depots) {
        const QPointF at = view.toPixel(u);
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(QColor(QStringLiteral("#212121")));
        p.drawRect(QRectF(at.x() - kDepotHalf, at.y() - kDepotHalf, 2 * kDepotHalf, 2 * kDepotHalf));
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(at.x() - kDepotHalf / 3, at.y() - kDepotHalf / 3, 2 * kDepotHalf / 3, 2 * kDepotHalf / 3));
    }
    return image;
}

}  // namespace coopmap::app
