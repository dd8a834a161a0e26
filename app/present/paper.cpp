#include "paper.h"

#include <cmath>

namespace coopmap::present {

namespace {
// ISO 216: A4 210 x 297 mm, A3 297 x 420 mm (short side first).
constexpr double kA4[2] = {210, 297};
constexpr double kA3[2] = {297, 420};
constexpr double kMmPerInch = 25.4;
}  // namespace

double Paper::width_mm() const
{
    const double* s = name == "A4" ? kA4 : kA3;
    return landscape ? s[1] : s[0];
}

double Paper::height_mm() const
{
    const double* s = name == "A4" ? kA4 : kA3;
    return landscape ? s[0] : s[1];
}

int Paper::width_px() const { return static_cast<int>(std::lround(width_mm() / kMmPerInch * dpi)); }
int Paper::height_px() const { return static_cast<int>(std::lround(height_mm() / kMmPerInch * dpi)); }

std::optional<Paper> paper_from(const std::string& name, const std::string& orientation, int dpi)
{
    Paper p;
    if (name == "A4" || name == "a4") p.name = "A4";
    else if (name == "A3" || name == "a3") p.name = "A3";
    else return std::nullopt;
    if (orientation == "landscape" || orientation == "横向") p.landscape = true;
    else if (orientation == "portrait" || orientation == "纵向") p.landscape = false;
    else return std::nullopt;
    if (dpi < kMinDpi || dpi > kMaxDpi) return std::nullopt;
    p.dpi = dpi;
    return p;
}

}  // namespace coopmap::present
