#include "map/map_coordinates.h"

#include <cmath>
#include <proj.h>

#include "analysis/geodesic.h"

namespace coopmap::app {

namespace {
// EPSG:4534 is "CGCS2000 / 3-degree Gauss-Kruger CM 75E", and the codes run on by one per
// zone to EPSG:4554, CM 135E (EPSG registry), which covers all of China.
constexpr int kFirstZoneEpsg = 4534;
constexpr int kFirstCm = 75;
constexpr int kLastCm = 135;
}  // namespace

MapCoordinates::MapCoordinates(QObject* parent) : QObject(parent), ctx_(proj_context_create()) {}

MapCoordinates::~MapCoordinates()
{
    for (auto& [epsg, pj] : transforms_)
        if (pj) proj_destroy(pj);
    proj_context_destroy(ctx_);
}

PJconsts* MapCoordinates::transform_for(int epsg)
{
    if (auto it = transforms_.find(epsg); it != transforms_.end()) return it->second;
    // The map's WGS84 is taken as CGCS2000: the two differ by millimetres (DESIGN.md).
    PJ* raw = proj_create_crs_to_crs(ctx_, "EPSG:4490", ("EPSG:" + std::to_string(epsg)).c_str(), nullptr);
    PJ* pj = raw ? proj_normalize_for_visualization(ctx_, raw) : nullptr;
    if (raw) proj_destroy(raw);
    transforms_[epsg] = pj;
    return pj;
}

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
    const int cm = 3 * static_cast<int>(std::lround(c.longitude() / 3.0));
    if (cm < kFirstCm || cm > kLastCm) return {};
    const int epsg = kFirstZoneEpsg + (cm - kFirstCm) / 3;
    PJ* pj = transform_for(epsg);
    if (!pj) return {};
    const PJ_COORD out = proj_trans(pj, PJ_FWD, proj_coord(c.longitude(), c.latitude(), 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) return {};
    return {{QStringLiteral("x"), out.xy.y},  // northing
            {QStringLiteral("y"), out.xy.x},  // easting, 500 km false easting, no zone prefix
            {QStringLiteral("centralMeridian"), cm},
            {QStringLiteral("epsg"), epsg}};
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
