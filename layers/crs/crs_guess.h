// What CRS a source without one is in, told from its coordinates alone: lon/lat degrees inside
// China, or CGCS2000 Gauss-Krüger plane coordinates with or without the zone prefix. Pure: bounds
// in, guess out, so the reader and the new-project path decide alike.
#pragma once

#include <optional>
#include <string>

#include "model/layer.h"

namespace coopmap::crs {

struct CoordinateGuess {
    std::string crs;  // "EPSG:4490", "EPSG:4525"…; "" when the zone cannot be told
    std::string why;  // Chinese, one line: what was seen and what was chosen (or what to do)
    bool geographic = false;  // lon/lat degrees: WGS84, GCJ-02 and BD-09 look alike by the numbers
};

// From the bounds of the raw coordinates, in source units and either axis order:
//  - lon 72–138, lat 0.8–56 (China's box of chinese_offsets.h): CGCS2000 geographic, EPSG:4490;
//  - 8-digit eastings (easting = zone × 1,000,000 + 500,000 ± offset): the zone prefix says the
//    band, 25–45 the 3° zones (EPSG:4513–4533), 13–23 the 6° zones (EPSG:4491–4501);
//  - 6-digit eastings around the 500 km false easting (the northings then have 7 digits): a 3°
//    zone without prefix, whose central meridian only `context_lon` can give (a longitude known
//    from other layers of the same delivery): EPSG:4534–4554; without it crs is "" and why says
//    what to declare.
// nullopt when the numbers fit none of these.
std::optional<CoordinateGuess> guess_from_coordinates(const Bounds& raw,
                                                      std::optional<double> context_lon = std::nullopt);

}  // namespace coopmap::crs
