#include "edit/feature_data.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace coopmap::edit {

std::string value_text(const Value& v)
{
    switch (v.index()) {
    case 1: return std::to_string(std::get<std::int64_t>(v));
    case 2: {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.15g", std::get<double>(v));
        return buf;
    }
    case 3: return std::get<std::string>(v);
    default: return "空";
    }
}

Value column_value(const Column& c, std::size_t f)
{
    if (c.null[f]) return std::monostate{};
    switch (c.type) {
    case FieldType::integer: return c.integers[f];
    case FieldType::real: return c.reals[f];
    case FieldType::text: return c.texts[f];
    }
    return std::monostate{};
}

bool set_column_value(Column& c, std::size_t f, const Value& v)
{
    if (std::holds_alternative<std::monostate>(v)) {
        c.null[f] = 1;
        switch (c.type) {
        case FieldType::integer: c.integers[f] = 0; break;
        case FieldType::real: c.reals[f] = 0.0; break;
        case FieldType::text: c.texts[f].clear(); break;
        }
        return true;
    }
    switch (c.type) {
    case FieldType::integer:
        if (!std::holds_alternative<std::int64_t>(v)) return false;
        c.integers[f] = std::get<std::int64_t>(v);
        break;
    case FieldType::real:
        if (const auto* i = std::get_if<std::int64_t>(&v)) c.reals[f] = static_cast<double>(*i);
        else if (const auto* d = std::get_if<double>(&v)) c.reals[f] = *d;
        else return false;
        break;
    case FieldType::text:
        c.texts[f] = std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : value_text(v);
        break;
    }
    c.null[f] = 0;
    return true;
}

bool value_from_text(FieldType type, const std::string& text, Value& out)
{
    if (text.empty()) {
        out = std::monostate{};
        return true;
    }
    if (type == FieldType::text) {
        out = text;
        return true;
    }
    char* end = nullptr;
    errno = 0;
    if (type == FieldType::integer) {
        const long long v = std::strtoll(text.c_str(), &end, 10);
        if (*end != '\0' || errno == ERANGE) return false;
        out = static_cast<std::int64_t>(v);
        return true;
    }
    const double v = std::strtod(text.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return false;
    out = v;
    return true;
}

FeatureData feature_data(const Layer& l, std::size_t f)
{
    FeatureData d;
    const auto p0 = l.part_start[f], p1 = l.part_start[f + 1];
    for (auto p = p0; p < p1; ++p) {
        d.part_rings.push_back(l.ring_start[p + 1] - l.ring_start[p]);
        for (auto r = l.ring_start[p]; r < l.ring_start[p + 1]; ++r) {
            d.ring_sizes.push_back(l.coord_start[r + 1] - l.coord_start[r]);
            for (auto i = l.coord_start[r]; i < l.coord_start[r + 1]; ++i) {
                d.x.push_back(l.x[i]);
                d.y.push_back(l.y[i]);
            }
        }
    }
    for (const auto& c : l.columns) d.values.push_back(column_value(c, f));
    return d;
}

namespace {

// Inserts `values` at `at` and shifts the offsets after them by `shift`.
void insert_offsets(std::vector<std::uint32_t>& offsets, std::size_t at, const std::vector<std::uint32_t>& values,
                    std::uint32_t shift)
{
    for (std::size_t i = at; i < offsets.size(); ++i) offsets[i] += shift;
    offsets.insert(offsets.begin() + static_cast<std::ptrdiff_t>(at), values.begin(), values.end());
}

void erase_offsets(std::vector<std::uint32_t>& offsets, std::size_t from, std::size_t to, std::uint32_t shift)
{
    offsets.erase(offsets.begin() + static_cast<std::ptrdiff_t>(from),
                  offsets.begin() + static_cast<std::ptrdiff_t>(to));
    for (std::size_t i = from; i < offsets.size(); ++i) offsets[i] -= shift;
}

}  // namespace

void insert_feature(Layer& l, std::size_t at, const FeatureData& d)
{
    const std::uint32_t p0 = l.part_start[at];
    const std::uint32_t r0 = l.ring_start[p0];
    const std::uint32_t c0 = l.coord_start[r0];
    const auto nc = static_cast<std::uint32_t>(d.x.size());
    const auto nr = static_cast<std::uint32_t>(d.ring_sizes.size());
    const auto np = static_cast<std::uint32_t>(d.part_rings.size());

    l.x.insert(l.x.begin() + c0, d.x.begin(), d.x.end());
    l.y.insert(l.y.begin() + c0, d.y.begin(), d.y.end());
    std::vector<std::uint32_t> starts;
    std::uint32_t s = c0;
    for (auto n : d.ring_sizes) starts.push_back(std::exchange(s, s + n));
    insert_offsets(l.coord_start, r0, starts, nc);
    starts.clear();
    s = r0;
    for (auto n : d.part_rings) starts.push_back(std::exchange(s, s + n));
    insert_offsets(l.ring_start, p0, starts, nr);
    insert_offsets(l.part_start, at, {p0}, np);

    for (std::size_t c = 0; c < l.columns.size(); ++c) {
        Column& col = l.columns[c];
        const auto pos = static_cast<std::ptrdiff_t>(at);
        col.null.insert(col.null.begin() + pos, 1);
        switch (col.type) {
        case FieldType::integer: col.integers.insert(col.integers.begin() + pos, 0); break;
        case FieldType::real: col.reals.insert(col.reals.begin() + pos, 0.0); break;
        case FieldType::text: col.texts.insert(col.texts.begin() + pos, std::string()); break;
        }
        if (c < d.values.size()) set_column_value(col, at, d.values[c]);
    }
}

void erase_feature(Layer& l, std::size_t f)
{
    const std::uint32_t p0 = l.part_start[f], p1 = l.part_start[f + 1];
    const std::uint32_t r0 = l.ring_start[p0], r1 = l.ring_start[p1];
    const std::uint32_t c0 = l.coord_start[r0], c1 = l.coord_start[r1];
    l.x.erase(l.x.begin() + c0, l.x.begin() + c1);
    l.y.erase(l.y.begin() + c0, l.y.begin() + c1);
    erase_offsets(l.coord_start, r0, r1, c1 - c0);
    erase_offsets(l.ring_start, p0, p1, r1 - r0);
    erase_offsets(l.part_start, f, f + 1, p1 - p0);
    for (Column& col : l.columns) {
        const auto pos = static_cast<std::ptrdiff_t>(f);
        col.null.erase(col.null.begin() + pos);
        switch (col.type) {
        case FieldType::integer: col.integers.erase(col.integers.begin() + pos); break;
        case FieldType::real: col.reals.erase(col.reals.begin() + pos); break;
        case FieldType::text: col.texts.erase(col.texts.begin() + pos); break;
        }
    }
}

bool same_layer(const Layer& a, const Layer& b)
{
    if (a.name != b.name || a.role != b.role || a.kind != b.kind || a.source_crs != b.source_crs ||
        a.source_encoding != b.source_encoding || a.x != b.x || a.y != b.y || a.coord_start != b.coord_start ||
        a.ring_start != b.ring_start || a.part_start != b.part_start || a.columns.size() != b.columns.size())
        return false;
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
        const Column &p = a.columns[c], &q = b.columns[c];
        if (p.name != q.name || p.type != q.type || p.null != q.null || p.integers != q.integers ||
            p.reals != q.reals || p.texts != q.texts)
            return false;
    }
    return true;
}

}  // namespace coopmap::edit
