// The one palette of delivery routes (issue 18), for the window, presentation mode, printed
// maps and the route list's swatches alike: one colour per vehicle.
#pragma once

#include <QColor>
#include <cstddef>
#include <cstdint>

namespace coopmap::app {

// How many distinct route colours there are before they repeat.
std::size_t route_palette_size();
// The colour of vehicle `vehicle` (1-based) of a depot whose routes come after `routes_before`
// routes of other depots (in the result's order): the routes take the palette in turn, so ten
// routes in a row — a county's and its neighbour's — never share a colour, and a vehicle keeps
// its colour when another of its own depot moves stops.
QColor route_color(std::size_t routes_before, std::uint32_t vehicle);

}  // namespace coopmap::app
