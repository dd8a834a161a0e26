// The bench road network shared by the road benches: a k x k grid of two-way 乡道.
#pragma once

#include <vector>

#include "analysis/geodesic.h"
#include "model/layer.h"

namespace coopmap::bench {

// A k x k grid of 150 m cells of two-way 乡道 (30 km/h): 2k(k-1) ≈ 1,000,000 edges for k = 708,
// each edge its own line feature, as a road layer read from a file would be.
inline Layer grid_roads(int k)
{
    Layer l;
    l.name = "roads";
    l.role = Role::road;
    l.kind = GeometryKind::line;
    l.add_column("class", FieldType::text);
    auto& cls = l.columns[0];
    std::vector<double> gx(static_cast<std::size_t>(k)), gy(static_cast<std::size_t>(k));
    for (int j = 0; j < k; ++j) gx[j] = analysis::geodesic_destination(111.0, 31.0, 90, 150.0 * j).lon;
    for (int i = 0; i < k; ++i) gy[i] = analysis::geodesic_destination(111.0, 31.0, 0, 150.0 * i).lat;
    auto edge = [&](double x0, double y0, double x1, double y1) {
        l.add_coordinate(x0, y0);
        l.add_coordinate(x1, y1);
        l.end_ring();
        l.end_part();
        l.end_feature();
        cls.texts.emplace_back("乡道");
        cls.null.push_back(0);
    };
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            if (j + 1 < k) edge(gx[j], gy[i], gx[j + 1], gy[i]);
            if (i + 1 < k) edge(gx[j], gy[i], gx[j], gy[i + 1]);
        }
    return l;
}

}  // namespace coopmap::bench
