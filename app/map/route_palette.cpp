#include "map/route_palette.h"

#include <array>

namespace coopmap::app {

namespace {
// Ten hues from ColorBrewer (Brewer, colorbrewer2.org: qualitative Dark2 and Paired, YlGnBu's
// darkest blue): dark enough to read as thin lines on the light basemap and on paper, and none
// the grey, red or yellow of the road classes.
constexpr std::array<const char*, 10> kColors = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
                                                 "#a6761d", "#1f78b4", "#253494", "#6a3d9a", "#b15928"};
}  // namespace

std::size_t route_palette_size() { return kColors.size(); }

QColor route_color(std::size_t routes_before, std::uint32_t vehicle)
{
    const std::size_t v = vehicle > 0 ? vehicle - 1 : 0;
    return QColor(QString::fromLatin1(kColors[(routes_before + v) % kColors.size()]));
}

}  // namespace coopmap::app
