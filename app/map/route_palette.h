// The one palette of delivery routes (issue 18), for the window, presentation mode, printed
// maps and the route list's swatches alike: one colour per vehicle.
#pragma once

#include <QColor>
#include <cstddef>
#include <cstdint>

namespace coopmap::app {

// How many distinct route colours there are before they repeat.
std::size_t route_palette_size();
// The colour of vehicle `vehicle` (1-based) of the `depot_ordinal`-th depot that has routes:
// a depot's vehicles take consecutive colours, the next depot starts a few further on, so
// that neighbouring counties differ too.
QColor route_color(std::size_t depot_ordinal, std::uint32_t vehicle);

}  // namespace coopmap::app
