#include "analysis/planning/reach.h"

#include <limits>
#include <unordered_map>

#include "analysis/geos_bridge.h"

namespace coopmap::analysis::planning {

Result<RoadReach> coverage_by_road(const RoadGraph& graph, const Points& demand, const Points& candidates,
                                   double minutes, double snap_limit_m, const Progress& progress)
{
    RoadReach out;
    const auto dsnap = graph.snap_all(demand, snap_limit_m);
    const auto csnap = graph.snap_all(candidates, snap_limit_m);
    for (const auto& s : dsnap) out.demand_off_road += s.node == kNone;
    // Demand by road node, so that a search's reached nodes give the villages directly.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> at_node;
    for (std::uint32_t j = 0; j < dsnap.size(); ++j)
        if (dsnap[j].node != kNone) at_node[dsnap[j].node].push_back(j);
    const double limit_s = minutes * 60;
    // Candidates on the same node (a village and a shop next door) share one search.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> done;
    std::vector<std::vector<std::uint32_t>> lists(candidates.size());
    for (std::size_t i = 0; i < csnap.size(); ++i) {
        const auto node = csnap[i].node;
        if (node == kNone) {
            ++out.candidates_off_road;
            continue;
        }
        if (const auto it = done.find(node); it != done.end()) {
            lists[i] = it->second;
            continue;
        }
        const std::uint32_t src[] = {node};
        auto tt = travel_times(graph, src, limit_s);
        if (!tt) return tt.error();
        auto& row = lists[i];
        for (const auto& [n, js] : at_node)
            if (tt->seconds[n] <= limit_s) row.insert(row.end(), js.begin(), js.end());
        done.emplace(node, row);
        if (progress && !progress(double(i + 1) / double(csnap.size()))) return cancelled();
    }
    out.coverage = coverage_from_lists(demand.size(), std::move(lists));
    return out;
}

Result<DistanceMatrix> road_minutes(const RoadGraph& graph, const Points& demand, const Points& candidates,
                                    const Points& existing, double minutes, double snap_limit_m,
                                    std::size_t max_entries, const Progress& progress)
{
    DistanceMatrix dm;
    dm.demand_count = demand.size();
    dm.candidate_count = candidates.size();
    if (dm.demand_count * dm.candidate_count > max_entries)
        return Error{{},
                     {},
                     {},
                     "按行车时间的 p-中位规模过大（" + std::to_string(dm.demand_count) + " 个村 × " +
                         std::to_string(dm.candidate_count) +
                         " 个候选点）：请缩小范围（按县或乡镇），或改用最大覆盖（max-coverage）"};
    if (!(minutes > 0)) return Error{{}, {}, {}, "按行车时间的 p-中位需要时间上限：请给出 --minutes（分钟）"};
    constexpr float kFar = std::numeric_limits<float>::infinity();
    dm.d.assign(dm.demand_count * dm.candidate_count, kFar);
    dm.base.assign(dm.demand_count, kFar);
    const double limit_s = minutes * 60;
    const auto dsnap = graph.snap_all(demand, snap_limit_m);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> at_node;
    for (std::uint32_t j = 0; j < dsnap.size(); ++j)
        if (dsnap[j].node != kNone) at_node[dsnap[j].node].push_back(j);
    // Candidates on the same road node share one search.
    std::unordered_map<std::uint32_t, std::size_t> done;
    const auto csnap = graph.snap_all(candidates, snap_limit_m);
    for (std::size_t i = 0; i < csnap.size(); ++i) {
        const auto node = csnap[i].node;
        if (node == kNone) continue;
        if (const auto it = done.find(node); it != done.end()) {
            for (std::size_t j = 0; j < dm.demand_count; ++j)
                dm.d[j * dm.candidate_count + i] = dm.d[j * dm.candidate_count + it->second];
            continue;
        }
        const std::uint32_t src[] = {node};
        const auto tt = travel_times(graph, src, limit_s);
        if (!tt) return tt.error();
        for (const auto& [n, js] : at_node)
            if (tt->seconds[n] <= limit_s)
                for (const auto j : js) dm.d[j * dm.candidate_count + i] = float(tt->seconds[n] / 60);
        done.emplace(node, i);
        if (progress && !progress(double(i + 1) / double(csnap.size()))) return cancelled();
    }
    std::vector<std::uint32_t> sources;
    for (const auto& s : graph.snap_all(existing, snap_limit_m))
        if (s.node != kNone) sources.push_back(s.node);
    if (!sources.empty()) {
        const auto tt = travel_times(graph, sources, limit_s);
        if (!tt) return tt.error();
        for (const auto& [n, js] : at_node)
            if (tt->seconds[n] <= limit_s)
                for (const auto j : js) dm.base[j] = float(tt->seconds[n] / 60);
    }
    return dm;
}

Result<std::vector<std::uint8_t>> covered_by_road(const RoadGraph& graph, const Points& demand, const Points& sites,
                                                  double minutes, double snap_limit_m)
{
    std::vector<std::uint8_t> covered(demand.size(), 0);
    std::vector<std::uint32_t> sources;
    for (const auto& s : graph.snap_all(sites, snap_limit_m))
        if (s.node != kNone) sources.push_back(s.node);
    if (sources.empty()) return covered;
    const auto tt = travel_times(graph, sources, minutes * 60);
    if (!tt) return tt.error();
    const auto dsnap = graph.snap_all(demand, snap_limit_m);
    for (std::size_t j = 0; j < dsnap.size(); ++j)
        covered[j] = dsnap[j].node != kNone && tt->seconds[dsnap[j].node] <= minutes * 60;
    return covered;
}

Result<std::vector<std::uint8_t>> inside_areas(const Layer& areas, std::span<const double> lon,
                                               std::span<const double> lat)
{
    std::vector<std::uint8_t> inside(lon.size(), 0);
    if (areas.size() == 0) return inside;
    if (areas.kind != GeometryKind::polygon)
        return Error{.file = {},
                     .layer = areas.name,
                     .feature = {},
                     .message = "排除区域图层 " + areas.name + " 不是面图层：请选择画出禁建范围的多边形图层"};
    const geos::Context c;
    const auto merged = geos::merged(c, areas);
    if (!merged)
        return Error{.file = {},
                     .layer = areas.name,
                     .feature = {},
                     .message = "排除区域图层 " + areas.name + " 的多边形无法合并：请检查并修复其几何"};
    // Prepared geometry: one containment test per point against an indexed polygon.
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(c.get(), merged.get());
    const auto box = areas.bounds();
    for (std::size_t k = 0; k < lon.size(); ++k)
        if (box.contains(lon[k], lat[k]))
            inside[k] = GEOSPreparedIntersectsXY_r(c.get(), prepared, lon[k], lat[k]) == 1;
    GEOSPreparedGeom_destroy_r(c.get(), prepared);
    return inside;
}

}  // namespace coopmap::analysis::planning
