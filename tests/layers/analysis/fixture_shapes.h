// What the analysis tests build their small hand-checkable layers from: box-shaped polygon
// features (counties and townships side by side along the 32.0–32.2 N band by default) and
// cell values.
#pragma once

#include <string>

#include "model/layer.h"

namespace coopmap::test {

inline void box(Layer& l, double x0, double x1, double y0 = 32.0, double y1 = 32.2)
{
    l.add_coordinate(x0, y0);
    l.add_coordinate(x1, y0);
    l.add_coordinate(x1, y1);
    l.add_coordinate(x0, y1);
    l.add_coordinate(x0, y0);
    l.end_ring();
    l.end_part();
    l.end_feature();
}

// A text cell as written, "" included (not null).
inline void text(Column& c, const std::string& s)
{
    c.texts.push_back(s);
    c.null.push_back(0);
}

// A text cell, null when empty (as a reader gives an empty spreadsheet cell).
inline void put(Column& c, const std::string& s)
{
    c.texts.push_back(s);
    c.null.push_back(s.empty() ? 1 : 0);
}

inline void put(Column& c, double v)
{
    c.reals.push_back(v);
    c.null.push_back(0);
}

}  // namespace coopmap::test
