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

void RoutePalette::assign(const std::vector<Route>& routes)
{
    const std::size_t n = kColors.size();
    // How often each colour is on the plan already, counting only the routes it has now (a
    // vehicle taken back by undo leaves its colour free, but keeps it should it come back).
    std::array<std::size_t, kColors.size()> used{};
    for (const auto& r : routes)
        if (const auto it = slot_.find({r.depot, r.vehicle}); it != slot_.end()) ++used[it->second];
    std::map<std::string, std::size_t> routes_before;  // per depot: the routes of the depots before it
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const auto& r = routes[i];
        const std::size_t before = routes_before.emplace(r.depot, i).first->second;
        if (slot_.contains({r.depot, r.vehicle})) continue;
        // The colour in turn; when a route on the plan has it, the next least used one.
        const std::size_t turn = (before + (r.vehicle > 0 ? r.vehicle - 1 : 0)) % n;
        std::size_t best = turn;
        for (std::size_t k = 1; k < n; ++k)
            if (used[(turn + k) % n] < used[best]) best = (turn + k) % n;
        slot_[{r.depot, r.vehicle}] = best;
        ++used[best];
    }
}

QColor RoutePalette::color(const std::string& depot, std::uint32_t vehicle) const
{
    const auto it = slot_.find({depot, vehicle});
    return it == slot_.end() ? QColor(QStringLiteral("#757575")) : QColor(QString::fromLatin1(kColors[it->second]));
}

}  // namespace coopmap::app
