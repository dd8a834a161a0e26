#include "crs/crs_guess.h"

#include <cmath>

#include "crs/chinese_offsets.h"
#include "crs/gauss_kruger.h"

namespace coopmap::crs {

namespace {

// EPSG registry: CGCS2000 / 3-degree Gauss-Kruger zone 25 (CM 75°E) is EPSG:4513, on by one per
// zone to zone 45 (EPSG:4533); the same zones without prefix, CM 75°E … 135°E, are
// EPSG:4534–4554; the 6-degree zones 13–23 are EPSG:4491–4501 (checked with gdalsrsinfo).
constexpr int kFirst3ZoneEpsg = 4513, kFirst3Zone = 25, kLast3Zone = 45;
constexpr int kFirst3CmEpsg = 4534, kFirstCm = 75, kLastCm = 135;
constexpr int kFirst6ZoneEpsg = 4491, kFirst6Zone = 13, kLast6Zone = 23;

// Northings inside China: from the equator to about 56°N (6,200 km of meridian arc).
bool northing(double lo, double hi) { return lo >= 0 && hi <= 6.3e6; }

// Eastings of one zone lie within a few hundred km of its 500 km false easting.
bool in_zone(double lo, double hi) { return lo >= 1.0e5 && hi <= 9.0e5; }

bool in_china(double lon_lo, double lon_hi, double lat_lo, double lat_hi)
{
    return !outside_china({lon_lo, lat_lo}) && !outside_china({lon_hi, lat_hi});
}

std::string epsg(int code) { return "EPSG:" + std::to_string(code); }

// Easting bounds [lo, hi] with the prefix: the zone both ends share, 0 if none.
int prefix_zone(double lo, double hi)
{
    if (lo < 1.0e7 || hi >= 1.0e8) return 0;
    const int zone = static_cast<int>(std::floor(lo / 1.0e6));
    if (static_cast<int>(std::floor(hi / 1.0e6)) != zone) return 0;
    return in_zone(lo - zone * 1.0e6, hi - zone * 1.0e6) ? zone : 0;
}

std::optional<CoordinateGuess> projected(double e_lo, double e_hi, double n_lo, double n_hi,
                                         std::optional<double> context_lon)
{
    if (!northing(n_lo, n_hi)) return std::nullopt;
    if (const int zone = prefix_zone(e_lo, e_hi)) {
        if (zone >= kFirst3Zone && zone <= kLast3Zone)
            return CoordinateGuess{epsg(kFirst3ZoneEpsg + zone - kFirst3Zone),
                                   "东坐标为 8 位，带号 " + std::to_string(zone) + "：按 CGCS2000 3 度带第 " +
                                       std::to_string(zone) + " 带（中央经线 " + std::to_string(3 * zone) + "°，" +
                                       epsg(kFirst3ZoneEpsg + zone - kFirst3Zone) + "）",
                                   false};
        if (zone >= kFirst6Zone && zone <= kLast6Zone)
            return CoordinateGuess{epsg(kFirst6ZoneEpsg + zone - kFirst6Zone),
                                   "东坐标为 8 位，带号 " + std::to_string(zone) + "：按 CGCS2000 6 度带第 " +
                                       std::to_string(zone) + " 带（中央经线 " + std::to_string(6 * zone - 3) + "°，" +
                                       epsg(kFirst6ZoneEpsg + zone - kFirst6Zone) + "）",
                                   false};
        return std::nullopt;
    }
    if (!in_zone(e_lo, e_hi)) return std::nullopt;
    if (context_lon && std::isfinite(*context_lon)) {
        const int cm = gauss_kruger_3_central_meridian(*context_lon);
        if (cm >= kFirstCm && cm <= kLastCm) {
            const std::string code = epsg(kFirst3CmEpsg + (cm - kFirstCm) / 3);
            return CoordinateGuess{code,
                                   "东坐标不带带号：按同批数据的经度取 CGCS2000 3 度带中央经线 " + std::to_string(cm) +
                                       "°（" + code + "）",
                                   false};
        }
    }
    return CoordinateGuess{"",
                           "平面坐标的东坐标不带带号，无法判断中央经线：请指定坐标系，如 EPSG:4546"
                           "（CGCS2000 3 度带中央经线 111°，EPSG:4534–4554 依次为 75°–135°）",
                           false};
}

}  // namespace

std::optional<CoordinateGuess> guess_from_coordinates(const Bounds& b, std::optional<double> context_lon)
{
    if (b.empty() || !std::isfinite(b.min_x) || !std::isfinite(b.max_x) || !std::isfinite(b.min_y) ||
        !std::isfinite(b.max_y))
        return std::nullopt;
    if (in_china(b.min_x, b.max_x, b.min_y, b.max_y) || in_china(b.min_y, b.max_y, b.min_x, b.max_x))
        return CoordinateGuess{"EPSG:4490", "经纬度在中国境内，按 CGCS2000 经纬度（EPSG:4490）", true};
    if (auto g = projected(b.min_x, b.max_x, b.min_y, b.max_y, context_lon)) return g;
    // Surveyors write the northing first (X north, Y east): the same test with the axes swapped.
    return projected(b.min_y, b.max_y, b.min_x, b.max_x, context_lon);
}

}  // namespace coopmap::crs
