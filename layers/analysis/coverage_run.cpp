#include "analysis/coverage_run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/figure_text.h"
#include "analysis/geos_bridge.h"
#include "analysis/network_year.h"
#include "analysis/reach_default.h"
#include "analysis/service_areas.h"
#include "model/fields.h"

namespace coopmap::analysis {

const Column* mapped_column(const LayerConfig& config, const Layer& layer, const std::string& field)
{
    return field_column(layer, config, field);
}

namespace {

Error project_error(const Project& p, const std::string& layer, std::string message)
{
    return Error{.file = p.file, .layer = layer, .feature = {}, .message = std::move(message)};
}

std::string text_or_empty(const Column* c, std::size_t f) { return c ? c->text(f) : std::string(); }
double number_or_nan(const Column* c, std::size_t f) { return c ? c->number(f) : std::nan(""); }

// The project's first non-empty road layer and its speed fields; layer nullptr if none.
struct Roads {
    const Layer* layer = nullptr;
    RoadSpeeds speeds;
};
Roads project_roads(const Project& project, const std::vector<Layer>& layers)
{
    Roads r;
    for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != Role::road || layers[i].size() == 0) continue;
        r.layer = &layers[i];
        if (const auto* c = mapped_column(cfg, layers[i], "road_class")) r.speeds.class_column = c->name;
        if (const auto* c = mapped_column(cfg, layers[i], "speed")) r.speeds.speed_column = c->name;
        if (const auto* c = mapped_column(cfg, layers[i], "oneway")) r.speeds.oneway_column = c->name;
        break;
    }
    return r;
}

// Villages with no facility within `searched_m` still get their nearest one and its distance
// (a gap is listed with how far off it is): searches of four times the radius each round, over
// just the villages still without one, the last wide enough to hold the whole ellipsoid
// (no geodesic is longer than 20,004 km). Each round is as bounded as the first, so the few
// far villages cost a few cheap searches instead of one over every facility.
Status nearest_beyond(VillageCoverage& v, const Points& facilities, double searched_m)
{
    constexpr double kEveryPointM = 2.01e7;
    std::vector<std::size_t> left;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v.nearest[i] == kNone && std::isfinite(v.location.lon[i]) && std::isfinite(v.location.lat[i]))
            left.push_back(i);
    for (double r = std::max(searched_m, 1000.0) * 4; !left.empty() && facilities.size() > 0; r *= 4) {
        r = std::min(r, kEveryPointM);
        Points far;
        for (std::size_t i : left) far.add(v.location.lon[i], v.location.lat[i]);
        const auto near = nearest_facilities(far, facilities, r);
        if (!near) return near.error();
        std::vector<std::size_t> still;
        for (std::size_t k = 0; k < left.size(); ++k) {
            if (near->facility[k] == kNone) {
                still.push_back(left[k]);
                continue;
            }
            v.nearest[left[k]] = near->facility[k];
            v.distance_m[left[k]] = near->distance_m[k];
        }
        left = std::move(still);
        if (r >= kEveryPointM) break;
    }
    return Done{};
}

// Progress of a stage mapped into [from, to] of the feedback's range.
Progress stage(const Feedback& f, double from, double to) { return f.part(from, to).callback(); }

Result<CoverageResult> coverage_table_run(const Project& project, const std::vector<Layer>& layers,
                                          const CoverageRequest& request, RoadGraphCache* roads,
                                          const Feedback& progress)
{
    CoverageResult res;
    res.request = request;
    res.roles.push_back(request.role);
    for (const Role r : request.with)
        if (std::find(res.roles.begin(), res.roles.end(), r) == res.roles.end()) res.roles.push_back(r);
    res.request.with.assign(res.roles.begin() + 1, res.roles.end());
    for (const Role r : res.roles)
        if (!is_facility(r))
            return project_error(project, {}, "「" + std::string(role_name_zh(r)) + "」不是网点类型，无法计算覆盖");
    res.role_name = role_names_zh(res.roles);
    const std::string role_key_s(role_key(request.role));
    if (layers.size() != project.layers.size())
        return project_error(project, {}, "图层尚未全部读入，请重新打开项目后再分析");

    // The villages (every village layer, in project order) with their mapped fields.
    auto& v = res.villages;
    bool have_villages = false;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != Role::village) continue;
        have_villages = true;
        const auto& l = layers[i];
        for (const char* needed : {"township_code", "county_code"})
            if (cfg.fields.count(needed) && !mapped_column(cfg, l, needed))
                return project_error(project, cfg.id,
                                     "字段映射 " + std::string(needed) + " → " + cfg.fields.at(needed) +
                                         " 在图层中不存在：请在项目文件中改正该字段名");
        const Column* code = mapped_column(cfg, l, "code");
        const Column* name = mapped_column(cfg, l, "name");
        const Column* town = mapped_column(cfg, l, "township_code");
        const Column* county = mapped_column(cfg, l, "county_code");
        const Column* pop = mapped_column(cfg, l, "population");
        const Column* hh = mapped_column(cfg, l, "households");
        const auto pts = feature_points(l);
        for (std::size_t f = 0; f < l.size(); ++f) {
            v.code.push_back(text_or_empty(code, f));
            v.name.push_back(text_or_empty(name, f));
            v.township_code.push_back(text_or_empty(town, f));
            v.county_code.push_back(text_or_empty(county, f));
            v.population.push_back(number_or_nan(pop, f));
            v.households.push_back(number_or_nan(hh, f));
            v.location.add(pts.lon[f], pts.lat[f]);
        }
    }
    if (!have_villages) return project_error(project, {}, "项目中没有村（role 为 village）的图层：请先加入行政村图层");

    // The facilities of the roles, role by role, from every layer that has one. The request's
    // own role must have a layer; the others serve where they are there.
    bool have_role = false;
    for (const Role role : res.roles)
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const auto& cfg = project.layers[i];
            if (cfg.role != role) continue;
            have_role = have_role || role == request.role;
            const Column* name = mapped_column(cfg, layers[i], "name");
            const auto pts = feature_points(layers[i]);
            for (std::size_t f = 0; f < pts.size(); ++f) {
                res.facilities.add(pts.lon[f], pts.lat[f]);
                res.facility_name.push_back(text_or_empty(name, f));
            }
        }
    if (!have_role)
        return project_error(project, {},
                             "项目中没有「" + std::string(role_name_zh(request.role)) + "」图层（role 为 " +
                                 role_key_s + "）：请在项目文件中加入该图层，或选择其他网点类型");

    // What "covered" means: the request, else the project's default for the role (reach_default.h).
    auto& req = res.request;
    const auto roads_found = project_roads(project, layers);
    const Layer* road_layer = roads_found.layer;
    auto reach = requested_reach(project, layers, req.role, req.radius_m, req.minutes);
    if (!reach) return reach.error();
    res.reach = std::move(*reach);
    req.radius_m = res.reach.radius_m;
    req.minutes = res.reach.minutes;

    // Distances: the nearest facility within three times the radius (or the project's radius for the
    // role, 30 km if it has none, when coverage is by road), then farther for the villages left
    // without one, so that every gap shows how far off it is.
    const auto r_it = project.service_radii_m.find(role_key_s);
    const double search_m =
        req.radius_m > 0 ? 3 * req.radius_m : (r_it != project.service_radii_m.end() ? r_it->second : 30000.0);
    auto near = nearest_facilities(v.location, res.facilities, search_m, stage(progress, 0, 0.5));
    if (!near) return near.error();
    v.nearest = std::move(near->facility);
    v.distance_m = std::move(near->distance_m);
    if (auto far = nearest_beyond(v, res.facilities, search_m); !far) return far.error();

    if (road_layer) {
        RoadGraphCache local;
        auto graph = (roads ? roads : &local)->get(*road_layer, roads_found.speeds);
        if (!graph) return graph.error();
        const auto& g = **graph;
        res.road_pieces = g.component_count();
        const auto fsnap = g.snap_all(res.facilities, req.snap_limit_m);
        const auto vsnap = g.snap_all(v.location, req.snap_limit_m);
        std::vector<std::uint32_t> sources;
        std::vector<std::uint32_t> facility_of_source;
        for (std::uint32_t f = 0; f < fsnap.size(); ++f) {
            if (fsnap[f].node == kNone) {
                ++res.facilities_off_road;
                continue;
            }
            sources.push_back(fsnap[f].node);
            facility_of_source.push_back(f);
        }
        auto tt = travel_times(g, sources, kInf, stage(progress, 0.6, 0.95));
        if (!tt) return tt.error();
        v.travel_minutes.assign(v.size(), kInf);
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (vsnap[i].node == kNone) {
                ++res.villages_off_road;
                continue;
            }
            v.travel_minutes[i] = tt->seconds[vsnap[i].node] / 60.0;
            // By road, the nearest facility is the one the search reached first.
            if (req.minutes > 0) {
                const auto s = tt->source[vsnap[i].node];
                if (s != kNone && facility_of_source[s] != v.nearest[i]) {
                    v.nearest[i] = facility_of_source[s];
                    v.distance_m[i] = kInf;  // filled below
                }
            }
        }
        if (req.minutes > 0)
            for (std::size_t i = 0; i < v.size(); ++i)
                if (v.nearest[i] != kNone && v.distance_m[i] == kInf) {
                    Points one, fac;
                    one.add(v.location.lon[i], v.location.lat[i]);
                    fac.add(res.facilities.lon[v.nearest[i]], res.facilities.lat[v.nearest[i]]);
                    v.distance_m[i] = nearest_facilities(one, fac, kInf)->distance_m[0];
                }
    }
    v.covered =
        req.minutes > 0 ? covered_within(v.travel_minutes, req.minutes) : covered_within(v.distance_m, req.radius_m);

    // The table, with names from the admin boundary layer of the level.
    std::vector<std::pair<std::string, std::string>> names;
    const std::string level = req.by == GroupBy::county ? "county" : "township";
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != Role::admin_boundary || cfg.level != level) continue;
        const Column* code = mapped_column(cfg, layers[i], "code");
        const Column* name = mapped_column(cfg, layers[i], "name");
        if (!code || !name) continue;
        for (std::size_t f = 0; f < layers[i].size(); ++f) names.emplace_back(code->text(f), name->text(f));
    }
    const auto t = project.targets.find("village_coverage");
    res.target = t != project.targets.end() ? t->second : 0.0;
    res.table = coverage_table(req.by == GroupBy::county ? v.county_code : v.township_code, v.covered, v.population,
                               v.households, names, res.target);
    progress.set_progress(1.0);
    if (progress.cancelled()) return cancelled();
    return res;
}

}  // namespace

std::vector<const Layer*> CoverageResult::polygons() const
{
    std::vector<const Layer*> out;
    for (const auto* l : {area.get(), gaps.get(), isochrones.get()})
        if (l) out.push_back(l);
    return out;
}

Result<CoverageResult> run_coverage(const Project& project, const std::vector<Layer>& layers,
                                    const CoverageRequest& request, const Feedback& feedback, RoadGraphCache* roads)
{
    if (request.year > 0) {
        auto as_of = network_as_of(project, layers, request.year);
        if (!as_of) return as_of.error();
        CoverageRequest all = request;
        all.year = 0;
        auto res = run_coverage(project, as_of->layers, all, feedback, roads);
        if (res) res->request.year = request.year;
        return res;
    }
    RoadGraphCache local;
    if (!roads) roads = &local;  // the run and the isochrones share one graph
    auto res = coverage_table_run(project, layers, request, roads, feedback.part(0, request.areas ? 0.6 : 1));
    if (!res || !request.areas) return res;
    // The layers the map and the exports show: isochrones (by minutes), the merged area, the gaps in it.
    auto iso = coverage_isochrones(project, layers, *res, roads, feedback.part(0.6, 0.85).callback());
    if (!iso) return iso.error();
    auto area = coverage_area(project, layers, *res, &*iso, feedback.part(0.85, 0.95).callback());
    if (!area) return area.error();
    const Layer* town = admin_layer(project, layers, "township");
    const Layer* county = admin_layer(project, layers, "county");
    if (const Layer* unit = town ? town : county) {
        auto gaps = coverage_gaps(*unit, *area, feedback.part(0.95, 1).callback());
        if (!gaps) return gaps.error();
        res->gaps = std::make_shared<const Layer>(std::move(*gaps));
    }
    if (res->request.minutes > 0) res->isochrones = std::make_shared<const Layer>(std::move(*iso));
    res->area = std::make_shared<const Layer>(std::move(*area));
    feedback.set_progress(1);
    if (feedback.cancelled()) return cancelled();
    return res;
}

Result<CoverageResult> run_coverage(const Project& project, const std::vector<Layer>& layers,
                                    const CoverageRequest& request, RoadGraphCache* roads, const Progress& progress)
{
    return with_progress(progress, [&](const Feedback& f) { return run_coverage(project, layers, request, f, roads); });
}

Result<Layer> coverage_isochrones(const Project& project, const std::vector<Layer>& layers,
                                  const CoverageResult& result, RoadGraphCache* roads, const Progress& progress)
{
    Layer out;
    out.name = "isochrones";
    out.role = Role::coverage;
    out.kind = GeometryKind::polygon;
    out.columns.reserve(3);
    auto& fac_col = out.add_column("facility", FieldType::integer);
    auto& name_col = out.add_column("name", FieldType::text);
    auto& min_col = out.add_column("minutes", FieldType::real);
    const auto r = project_roads(project, layers);
    if (!(result.request.minutes > 0) || !r.layer) return out;
    RoadGraphCache local;
    auto graph = (roads ? roads : &local)->get(*r.layer, r.speeds);
    if (!graph) return graph.error();
    const auto snaps = (*graph)->snap_all(result.facilities, result.request.snap_limit_m);
    std::vector<std::uint32_t> sources, facility_of_source;
    for (std::uint32_t f = 0; f < snaps.size(); ++f)
        if (snaps[f].node != kNone) {
            sources.push_back(snaps[f].node);
            facility_of_source.push_back(f);
        }
    const double band[] = {result.request.minutes};
    auto iso = isochrones(**graph, sources, band, progress);
    if (!iso) return iso.error();
    // The same polygons, their source numbers turned into facilities with names.
    out.x = std::move(iso->x);
    out.y = std::move(iso->y);
    out.coord_start = std::move(iso->coord_start);
    out.ring_start = std::move(iso->ring_start);
    out.part_start = std::move(iso->part_start);
    const auto& src = iso->columns[0];
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto f = facility_of_source[static_cast<std::size_t>(src.integers[i])];
        fac_col.integers.push_back(f);
        fac_col.null.push_back(0);
        name_col.texts.push_back(f < result.facility_name.size() ? result.facility_name[f] : std::string());
        name_col.null.push_back(0);
        min_col.reals.push_back(result.request.minutes);
        min_col.null.push_back(0);
    }
    return out;
}

Result<Layer> coverage_area(const Project& project, const std::vector<Layer>& layers, const CoverageResult& result,
                            const Layer* iso, const Progress& progress)
{
    if (result.request.radius_m > 0) {
        const Layer* clip = admin_layer(project, layers, "county");
        if (!clip || !clip->size()) clip = admin_layer(project, layers, "township");
        return merged_coverage(result.facilities, result.request.radius_m, clip, progress);
    }
    Layer out;
    out.name = "coverage";
    out.role = Role::coverage;
    out.kind = GeometryKind::polygon;
    if (!iso || !iso->size()) return out;
    const geos::Context ctx;
    auto all = geos::merged(ctx, *iso);
    if (!all)
        return Error{.file = project.file, .layer = {}, .feature = {}, .message = "行车时间覆盖范围合并失败（GEOS）"};
    geos::append(ctx, all.get(), out);
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

namespace {

std::string met_text(const CoverageResult& r, const CoverageRow& row)
{
    if (!(r.target > 0)) return "—";
    return row.target_met ? "是" : "否";
}

}  // namespace

std::string share_percent_text(const CoverageRow& row) { return number_text("%.1f", 100 * row.share()); }

std::string coverage_table_csv(const CoverageResult& r)
{
    std::string out = "\xEF\xBB\xBF代码,名称,村数,覆盖村数,覆盖率(%),人口,覆盖人口,未覆盖人口,户数,未覆盖户数,达标\n";
    auto line = [&](const CoverageRow& row) {
        out += csv_field(row.code) + "," + csv_field(row.name) + "," + std::to_string(row.villages) + "," +
               std::to_string(row.covered) + "," + share_percent_text(row) + "," + number_text("%.0f", row.population) +
               "," + number_text("%.0f", row.population_covered) + "," +
               number_text("%.0f", row.population_uncovered()) + "," + number_text("%.0f", row.households) + "," +
               number_text("%.0f", row.households_uncovered()) + "," + met_text(r, row) + "\n";
    };
    for (const auto& row : r.table.rows) line(row);
    line(r.table.total);
    return out;
}

std::string coverage_table_text(const CoverageResult& r)
{
    const auto& q = r.request;
    std::string out =
        (q.year > 0 ? std::to_string(q.year) + " 年末" : std::string()) + r.role_name + "覆盖（" +
        (q.minutes > 0 ? number_text("行车 %.0f 分钟", q.minutes) : number_text("半径 %.0f 米", q.radius_m)) +
        (r.target > 0 ? number_text("，目标 %.0f%%", 100 * r.target) : std::string()) + "）\n";
    out += "代码\t名称\t村数\t覆盖村数\t覆盖率\t人口\t覆盖人口\t未覆盖人口\t达标\n";
    auto line = [&](const CoverageRow& row) {
        out += row.code + "\t" + row.name + "\t" + std::to_string(row.villages) + "\t" + std::to_string(row.covered) +
               "\t" + share_percent_text(row) + "%\t" + number_text("%.0f", row.population) + "\t" +
               number_text("%.0f", row.population_covered) + "\t" + number_text("%.0f", row.population_uncovered()) +
               "\t" + met_text(r, row) + "\n";
    };
    for (const auto& row : r.table.rows) line(row);
    line(r.table.total);
    if (r.road_pieces > 1) out += number_text("道路网分为 %.0f 个互不连通的部分\n", static_cast<double>(r.road_pieces));
    if (r.facilities_off_road)
        out +=
            number_text("%.0f 个网点离道路超过吸附距离，未计入行车时间\n", static_cast<double>(r.facilities_off_road));
    if (r.villages_off_road)
        out += number_text("%.0f 个村离道路超过吸附距离，行车时间未知\n", static_cast<double>(r.villages_off_road));
    return out;
}

}  // namespace coopmap::analysis

namespace coopmap::analysis {

Layer village_layer(const CoverageResult& r, bool uncovered_only)
{
    const auto& v = r.villages;
    Layer l;
    l.name = uncovered_only ? "uncovered_villages" : "village_coverage";
    l.role = Role::village;
    l.kind = GeometryKind::point;
    const char* text_cols[] = {"code", "name", "township_code", "county_code", "nearest"};
    for (const char* c : text_cols) l.add_column(c, FieldType::text);
    for (const char* c : {"population", "households", "distance_m", "travel_min"}) l.add_column(c, FieldType::real);
    l.add_column("covered", FieldType::integer);
    auto put_text = [&](std::size_t col, const std::string& s) {
        l.columns[col].texts.push_back(s);
        l.columns[col].null.push_back(0);
    };
    auto put_real = [&](std::size_t col, double x) {
        const bool ok = std::isfinite(x);
        l.columns[col].reals.push_back(ok ? x : 0.0);
        l.columns[col].null.push_back(ok ? 0 : 1);
    };
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (uncovered_only && v.covered[i]) continue;
        l.add_point(v.location.lon[i], v.location.lat[i]);
        put_text(0, v.code[i]);
        put_text(1, v.name[i]);
        put_text(2, v.township_code[i]);
        put_text(3, v.county_code[i]);
        put_text(4, v.nearest[i] != kNone ? r.facility_name[v.nearest[i]] : std::string());
        put_real(5, v.population[i]);
        put_real(6, v.households[i]);
        put_real(7, v.distance_m[i]);
        put_real(8, v.travel_minutes.empty() ? std::nan("") : v.travel_minutes[i]);
        l.columns[9].integers.push_back(v.covered[i]);
        l.columns[9].null.push_back(0);
    }
    return l;
}

const Layer* admin_layer(const Project& project, const std::vector<Layer>& layers, const std::string& level)
{
    for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i)
        if (project.layers[i].role == Role::admin_boundary && project.layers[i].level == level) return &layers[i];
    return nullptr;
}

}  // namespace coopmap::analysis
