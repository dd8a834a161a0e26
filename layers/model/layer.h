// A layer in memory: parallel arrays, lon/lat in degrees (WGS84), attributes as columns.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "model/role.h"

namespace coopmap {

class FeatureIndex;

enum class GeometryKind { point, line, polygon };

struct Bounds {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x; }
    void extend(double x, double y);
    void extend(const Bounds& b);
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
};

enum class FieldType { integer, real, text };

// One attribute column; only the vector of its type is filled, one entry per feature.
struct Column {
    std::string name;
    FieldType type = FieldType::text;
    std::vector<std::int64_t> integers;
    std::vector<double> reals;
    std::vector<std::string> texts;
    std::vector<std::uint8_t> null;  // 1 where the value is missing

    std::size_t size() const { return null.size(); }
    void push_null();
    // The value as text whatever its type ("" for null), for labels and tables.
    std::string text(std::size_t feature) const;
    // The value as a number (NaN for null or non-numeric text).
    double number(std::size_t feature) const;
};

// Geometry is nested by offsets: feature f owns parts [part_start[f], part_start[f+1]),
// part p owns rings [ring_start[p], ring_start[p+1]), ring r owns coordinates
// [coord_start[r], coord_start[r+1]) of x/y. A point is one part of one ring of one
// coordinate; a polygon part's first ring is its shell, the others its holes.
class Layer {
public:
    std::string name;
    Role role = Role::village;
    GeometryKind kind = GeometryKind::point;
    std::string source_crs;  // the source's CRS as WKT, kept for writing back
    std::string source_encoding;  // e.g. "UTF-8", "CP936"

    std::vector<double> x, y;
    std::vector<std::uint32_t> coord_start{0}, ring_start{0}, part_start{0};
    std::vector<Column> columns;
    // Built by build_index() (the reader does it); shared so that copying a layer is cheap.
    std::shared_ptr<const FeatureIndex> index;

    std::size_t size() const { return part_start.size() - 1; }
    std::size_t coordinate_count() const { return x.size(); }

    // Building, in order: add_coordinate… end_ring … end_part … end_feature.
    void add_coordinate(double lon, double lat)
    {
        x.push_back(lon);
        y.push_back(lat);
    }
    void end_ring() { coord_start.push_back(static_cast<std::uint32_t>(x.size())); }
    void end_part() { ring_start.push_back(static_cast<std::uint32_t>(coord_start.size() - 1)); }
    void end_feature() { part_start.push_back(static_cast<std::uint32_t>(ring_start.size() - 1)); }
    void add_point(double lon, double lat);

    // The first coordinate of a feature: the point itself for point layers.
    double first_x(std::size_t feature) const { return x[coord_start[ring_start[part_start[feature]]]]; }
    double first_y(std::size_t feature) const { return y[coord_start[ring_start[part_start[feature]]]]; }

    Bounds bounds() const;
    Bounds feature_bounds(std::size_t feature) const;

    const Column* column(std::string_view name) const;
    Column& add_column(std::string name, FieldType type);

    // (Re)builds `index` from the geometry as it is now.
    void build_index();
    // Features whose bounding box meets the box; uses the index when it is built.
    std::vector<std::uint32_t> features_in(const Bounds& box) const;
};

}  // namespace coopmap
