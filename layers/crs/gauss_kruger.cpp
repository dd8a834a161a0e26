#include "crs/gauss_kruger.h"

#include <cmath>
#include <string>

#include <proj.h>

namespace coopmap::crs {

namespace {
// EPSG:4534 is "CGCS2000 / 3-degree Gauss-Kruger CM 75E", and the codes run on by one per
// zone to EPSG:4554, CM 135E (EPSG registry), which covers all of China.
constexpr int kFirstZoneEpsg = 4534;
constexpr int kFirstCm = 75;
constexpr int kLastCm = 135;
}  // namespace

int gauss_kruger_3_central_meridian(double lon) { return 3 * static_cast<int>(std::lround(lon / 3.0)); }

GaussKruger::GaussKruger() : ctx_(proj_context_create()) {}

GaussKruger::~GaussKruger()
{
    for (auto& [epsg, pj] : transforms_)
        if (pj) proj_destroy(pj);
    proj_context_destroy(ctx_);
}

PJconsts* GaussKruger::transform_for(int epsg)
{
    if (auto it = transforms_.find(epsg); it != transforms_.end()) return it->second;
    PJ* raw = proj_create_crs_to_crs(ctx_, "EPSG:4490", ("EPSG:" + std::to_string(epsg)).c_str(), nullptr);
    // Axis order once, here: lon/lat in, easting/northing out.
    PJ* pj = raw ? proj_normalize_for_visualization(ctx_, raw) : nullptr;
    if (raw) proj_destroy(raw);
    transforms_[epsg] = pj;
    return pj;
}

std::optional<GaussKrugerPoint> GaussKruger::project(double lon, double lat)
{
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > 90) return std::nullopt;
    const int cm = gauss_kruger_3_central_meridian(lon);
    if (cm < kFirstCm || cm > kLastCm) return std::nullopt;
    const int epsg = kFirstZoneEpsg + (cm - kFirstCm) / 3;
    PJ* pj = transform_for(epsg);
    if (!pj) return std::nullopt;
    const PJ_COORD out = proj_trans(pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) return std::nullopt;
    return GaussKrugerPoint{out.xy.y, out.xy.x, cm, epsg};
}

}  // namespace coopmap::crs
