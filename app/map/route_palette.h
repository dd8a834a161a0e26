// The one palette of delivery routes (issue 18), for the window, presentation mode, printed
// maps and the route list's swatches alike: one colour per vehicle, and a vehicle keeps its
// colour while the plan is edited.
#pragma once

#include <QColor>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace coopmap::app {

// How many distinct route colours there are before they repeat.
std::size_t route_palette_size();

// The colours of the routes of one plan, by depot (its code) and vehicle number. A plan as the
// solver gives it takes the palette in turn, route after route: vehicle v of a depot whose
// routes come after n routes of other depots takes colour n + v - 1, so ten routes in a row — a
// county's and its neighbour's — never share a colour. Once given, a colour stays with its
// vehicle: a vehicle added later takes a colour no route on the plan has (the least used when
// all are taken) and the others keep theirs, through removing a vehicle and undo too.
class RoutePalette {
public:
    struct Route {
        std::string depot;
        std::uint32_t vehicle = 1;  // 1-based within its depot
    };
    // Gives the routes of the plan as it stands (in its order) their colours; those given
    // before keep them.
    void assign(const std::vector<Route>& routes);
    // A route not assigned takes grey.
    QColor color(const std::string& depot, std::uint32_t vehicle) const;
    bool empty() const { return slot_.empty(); }

private:
    std::map<std::pair<std::string, std::uint32_t>, std::size_t> slot_;
};

}  // namespace coopmap::app
