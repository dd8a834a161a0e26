#include "map/map_coordinates.h"

#include <cmath>

#include "analysis/geodesic.h"

namespace coopmap::app {

MapCoordinates::MapCoordinates(QObject* parent) : QObject(parent), gauss_kruger_(std::make_unique<crs::GaussKruger>())
{
}

MapCoordinates::~MapCoordinates() = default;

QString MapCoordinates::wgs84Text(const QGeoCoordinate& c) const
{
    if (!c.isValid()) return {};
    return QStringLiteral("%1°%2 %3°%4")
        .arg(std::abs(c.longitude()), 0, 'f', 5)
        .arg(c.longitude() >= 0 ? QLatin1Char('E') : QLatin1Char('W'))
        .arg(std::abs(c.latitude()), 0, 'f', 5)
        .arg(c.latitude() >= 0 ? QLatin1Char('N') : QLatin1Char('S'));
}

QVariantMap MapCoordinates::gaussKruger(const QGeoCoordinate& c)
{
    if (!c.isValid()) return {};
    const auto gk = gauss_kruger_->project(c.longitude(), c.latitude());
    if (!gk) return {};
    return {{QStringLiteral("x"), gk->x},
            {QStringLiteral("y"), gk->y},
            {QStringLiteral("centralMeridian"), gk->central_meridian},
            {QStringLiteral("epsg"), gk->epsg}};
}

QString MapCoordinates::gaussKrugerText(const QGeoCoordinate& c)
{
    const QVariantMap gk = gaussKruger(c);
    if (gk.isEmpty()) return {};
    return tr("CGCS2000 3°带 中央经线 %1°E  X %2  Y %3")
        .arg(gk.value(QStringLiteral("centralMeridian")).toInt())
        .arg(gk.value(QStringLiteral("x")).toDouble(), 0, 'f', 1)
        .arg(gk.value(QStringLiteral("y")).toDouble(), 0, 'f', 1);
}

QVariantMap MapCoordinates::scaleBar(const QGeoCoordinate& left, const QGeoCoordinate& right, double pixels,
                                     double maxPixels) const
{
    if (!left.isValid() || !right.isValid() || pixels <= 0 || maxPixels <= 0) return {};
    const double metres_per_pixel =
        analysis::geodesic_distance_m(left.longitude(), left.latitude(), right.longitude(), right.latitude()) / pixels;
    if (!(metres_per_pixel > 0)) return {};
    const double limit = metres_per_pixel * maxPixels;
    double length = std::pow(10.0, std::floor(std::log10(limit)));
    for (const double step : {5.0, 2.0})
        if (length * step <= limit) {
            length *= step;
            break;
        }
    const QString text = length >= 1000 ? tr("%1 千米").arg(length / 1000) : tr("%1 米").arg(length);
    return {{QStringLiteral("pixels"), length / metres_per_pixel}, {QStringLiteral("text"), text}};
}

}  // namespace coopmap::app
