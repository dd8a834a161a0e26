#include "model/layer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/feature_index.h"

namespace coopmap {

void Bounds::extend(double px, double py)
{
    min_x = std::min(min_x, px);
    min_y = std::min(min_y, py);
    max_x = std::max(max_x, px);
    max_y = std::max(max_y, py);
}

void Bounds::extend(const Bounds& b)
{
    if (b.empty()) return;
    extend(b.min_x, b.min_y);
    extend(b.max_x, b.max_y);
}

void Column::push_null()
{
    switch (type) {
    case FieldType::integer: integers.push_back(0); break;
    case FieldType::real: reals.push_back(0.0); break;
    case FieldType::text: texts.emplace_back(); break;
    }
    null.push_back(1);
}

std::string Column::text(std::size_t f) const
{
    if (null[f]) return {};
    switch (type) {
    case FieldType::integer: return std::to_string(integers[f]);
    case FieldType::real: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", reals[f]);
        return buf;
    }
    case FieldType::text: return texts[f];
    }
    return {};
}

double Column::number(std::size_t f) const
{
    if (null[f]) return std::nan("");
    switch (type) {
    case FieldType::integer: return static_cast<double>(integers[f]);
    case FieldType::real: return reals[f];
    case FieldType::text: {
        char* end = nullptr;
        const double v = std::strtod(texts[f].c_str(), &end);
        return end != texts[f].c_str() && *end == '\0' ? v : std::nan("");
    }
    }
    return std::nan("");
}

void Layer::add_point(double lon, double lat)
{
    add_coordinate(lon, lat);
    end_ring();
    end_part();
    end_feature();
}

Bounds Layer::bounds() const
{
    Bounds b;
    for (std::size_t i = 0; i < x.size(); ++i) b.extend(x[i], y[i]);
    return b;
}

Bounds Layer::feature_bounds(std::size_t f) const
{
    Bounds b;
    const auto first = coord_start[ring_start[part_start[f]]];
    const auto last = coord_start[ring_start[part_start[f + 1]]];
    for (auto i = first; i < last; ++i) b.extend(x[i], y[i]);
    return b;
}

const Column* Layer::column(std::string_view wanted) const
{
    for (const auto& c : columns)
        if (c.name == wanted) return &c;
    return nullptr;
}

void Layer::build_index() { index = std::make_shared<const FeatureIndex>(*this); }

std::vector<std::uint32_t> Layer::features_in(const Bounds& box) const
{
    std::vector<std::uint32_t> out;
    if (index) {
        index->query(*this, box, out);
        return out;
    }
    for (std::size_t f = 0; f < size(); ++f) {
        const Bounds b = feature_bounds(f);
        if (!b.empty() && b.min_x <= box.max_x && b.max_x >= box.min_x && b.min_y <= box.max_y && b.max_y >= box.min_y)
            out.push_back(static_cast<std::uint32_t>(f));
    }
    return out;
}

Column& Layer::add_column(std::string column_name, FieldType type)
{
    auto& c = columns.emplace_back();
    c.name = std::move(column_name);
    c.type = type;
    return c;
}

}  // namespace coopmap
