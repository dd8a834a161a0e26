// One feature taken out of a columnar Layer and put back: what an edit, its undo and a
// conflict message work with. Putting back what was taken out restores the layer exactly.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/layer.h"

namespace coopmap::edit {

// One attribute value: null, integer, real or text (UTF-8).
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// The value as a person reads it ("空" for null), for forms and conflict messages.
std::string value_text(const Value& v);

struct FeatureData {
    std::int64_t id = 0;  // the source's FID; negative: new in this session, not yet saved
    std::int64_t version = 0;  // PostGIS: the row's coopmap_version when it was read; else 0
    // Geometry in the layer's nesting: part p has part_rings[p] rings, ring r has ring_sizes[r]
    // coordinates, lon/lat in WGS84 degrees.
    std::vector<double> x, y;
    std::vector<std::uint32_t> ring_sizes, part_rings;
    std::vector<Value> values;  // one per column of the layer, in its order

    bool operator==(const FeatureData&) const = default;
    // Geometry and values equal (ids and versions not compared).
    bool same_content(const FeatureData& o) const
    {
        return x == o.x && y == o.y && ring_sizes == o.ring_sizes && part_rings == o.part_rings && values == o.values;
    }
};

// Feature f of the layer (id and version left 0: the layer does not hold them).
FeatureData feature_data(const Layer& layer, std::size_t f);
// Inserts the feature so that it becomes feature `at`; the features from `at` on move up one.
void insert_feature(Layer& layer, std::size_t at, const FeatureData& data);
void erase_feature(Layer& layer, std::size_t f);
Value column_value(const Column& column, std::size_t f);
// Sets a column's value; the value's type must fit (integer into real is widened, anything
// into text is written as text); false if it cannot.
bool set_column_value(Column& column, std::size_t f, const Value& v);

// Text typed into a form as a value of the column's type: "" is null; an integer or real
// column needs the whole text to be a number. Error says what was wrong (no file known yet).
bool value_from_text(FieldType type, const std::string& text, Value& out);

// Every coordinate, offset and attribute equal, names and types of columns included (the
// index is not compared: it is derived).
bool same_layer(const Layer& a, const Layer& b);

}  // namespace coopmap::edit
