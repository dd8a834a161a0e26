#include "analysis/network_check.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analysis/coverage_run.h"
#include "analysis/figure_text.h"
#include "analysis/geos_bridge.h"
#include "analysis/network_year.h"

namespace coopmap::analysis {

namespace {

std::string count_text(std::size_t n) { return std::to_string(n); }

// The admin polygons of one level with their codes, prepared for point-in-polygon tests.
class AdminLocator {
public:
    AdminLocator(const geos::Context& ctx, const Project& project, const std::vector<Layer>& layers,
                 const std::string& level)
        : ctx_(ctx)
    {
        for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i) {
            const auto& cfg = project.layers[i];
            if (cfg.role != Role::admin_boundary || cfg.level != level || layers[i].kind != GeometryKind::polygon)
                continue;
            const Column* code = mapped_column(cfg, layers[i], "code");
            if (!code) continue;
            for (std::size_t f = 0; f < layers[i].size(); ++f) {
                auto g = geos::feature(ctx, layers[i], f);
                if (!g) continue;
                const auto* prepared = GEOSPrepare_r(ctx.get(), g.get());
                if (!prepared) continue;
                const auto b = layers[i].feature_bounds(f);
                areas_.push_back({std::move(g), prepared, b, code->text(f)});
            }
        }
    }
    ~AdminLocator()
    {
        for (auto& a : areas_) GEOSPreparedGeom_destroy_r(ctx_.get(), a.prepared);
    }
    AdminLocator(const AdminLocator&) = delete;
    AdminLocator& operator=(const AdminLocator&) = delete;

    // The code of the polygon containing the point; "" if none.
    std::string code_at(double lon, double lat) const
    {
        for (const auto& a : areas_)
            if (a.bounds.contains(lon, lat) && GEOSPreparedContainsXY_r(ctx_.get(), a.prepared, lon, lat) == 1)
                return a.code;
        return {};
    }

private:
    struct Area {
        geos::Geometry geometry;
        const GEOSPreparedGeometry* prepared;
        Bounds bounds;
        std::string code;
    };
    const geos::Context& ctx_;
    std::vector<Area> areas_;
};

// Per code, how many facilities of `role` lie in it: by the mapped `code_field`, else by polygon.
std::map<std::string, std::size_t> facilities_per_unit(const Project& project, const std::vector<Layer>& layers,
                                                       Role role, const char* code_field, const AdminLocator& where)
{
    std::map<std::string, std::size_t> n;
    for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != role) continue;
        const Column* code = mapped_column(cfg, layers[i], code_field);
        const auto pts = feature_points(layers[i]);
        for (std::size_t f = 0; f < pts.size(); ++f) {
            std::string c = code && !code->null[f] ? code->text(f) : std::string();
            if (c.empty()) c = where.code_at(pts.lon[f], pts.lat[f]);
            if (!c.empty()) ++n[c];
        }
    }
    return n;
}

struct Unit {
    std::string name;
    std::string county;  // townships only
};

// Codes and names (and the county of a township) from the admin boundary layer of a level.
std::map<std::string, Unit> admin_units(const Project& project, const std::vector<Layer>& layers,
                                        const std::string& level)
{
    std::map<std::string, Unit> units;
    for (std::size_t i = 0; i < layers.size() && i < project.layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (cfg.role != Role::admin_boundary || cfg.level != level) continue;
        const Column* code = mapped_column(cfg, layers[i], "code");
        const Column* name = mapped_column(cfg, layers[i], "name");
        // Mapped, in the source under its own name, or placed by location (analysis/placement.h).
        const Column* county = mapped_column(cfg, layers[i], "county_code");
        if (!code) continue;
        for (std::size_t f = 0; f < layers[i].size(); ++f) {
            auto& u = units[code->text(f)];
            if (name) u.name = name->text(f);
            if (county) u.county = county->text(f);
        }
    }
    return units;
}

}  // namespace

std::string TownshipTiers::missing_text() const
{
    std::string s;
    auto add = [&s](const std::string& part) { s += (s.empty() ? "" : "；") + part; };
    if (supermarkets == 0) add("缺乡镇综合超市");
    if (grassroots == 0) add("缺基层供销社");
    if (villages_with_station < villages) add(count_text(villages - villages_with_station) + " 个村无服务社");
    return s;
}

std::string CountyTiers::missing_text() const
{
    std::string s;
    auto add = [&s](const std::string& part) { s += (s.empty() ? "" : "；") + part; };
    if (distribution_centers == 0) add("缺县域集采集配中心");
    if (townships_without_supermarket) add(count_text(townships_without_supermarket) + " 个乡镇缺超市");
    if (townships_without_grassroots) add(count_text(townships_without_grassroots) + " 个乡镇缺基层社");
    if (villages_without_station) add(count_text(villages_without_station) + " 个村无服务社");
    return s;
}

Result<NetworkCheck> network_check(const Project& project, const std::vector<Layer>& layers, const Progress& progress)
{
    // The village tier: run_coverage of the service stations with the project's defaults. Without
    // a station layer every village lacks one; an empty layer stands in so the villages are still read.
    const bool have_stations = std::any_of(project.layers.begin(), project.layers.end(), [](const LayerConfig& c) {
        return c.role == Role::village_service_station;
    });
    CoverageRequest q;
    q.role = Role::village_service_station;
    q.by = GroupBy::township;
    Progress cover_progress;
    if (progress) cover_progress = [&progress](double d) { return progress(0.8 * d); };
    Result<CoverageResult> cover = [&] {
        if (have_stations) return run_coverage(project, layers, q, nullptr, cover_progress);
        Project p = project;
        std::vector<Layer> l = layers;
        LayerConfig none;
        none.id = "village_service_station";
        none.role = Role::village_service_station;
        p.layers.push_back(none);
        Layer empty;
        empty.role = Role::village_service_station;
        l.push_back(std::move(empty));
        if (!p.service_radii_m.count("village_service_station") && !p.travel_minutes.count("village_service_station"))
            q.radius_m = 1;  // nothing to reach anyway
        return run_coverage(p, l, q, nullptr, cover_progress);
    }();
    if (!cover) return cover.error();
    const auto& v = cover->villages;

    NetworkCheck out;
    const auto& rq = cover->request;
    char reach[64];
    if (rq.minutes > 0) std::snprintf(reach, sizeof reach, "行车 %.0f 分钟", rq.minutes);
    else std::snprintf(reach, sizeof reach, "半径 %.0f 米", rq.radius_m);
    out.station_reach = have_stations ? reach : "项目中没有村级综合服务社图层";

    const geos::Context ctx;
    const AdminLocator county_at(ctx, project, layers, "county");
    const AdminLocator township_at(ctx, project, layers, "township");
    const auto centers = facilities_per_unit(project, layers, Role::distribution_center, "county_code", county_at);
    const auto markets = facilities_per_unit(project, layers, Role::township_supermarket, "township_code", township_at);
    const auto grass = facilities_per_unit(project, layers, Role::grassroots_cooperative, "township_code", township_at);
    if (progress && !progress(0.9)) return cancelled();

    // Units: the admin layers' codes, plus any code the villages carry that the layers lack.
    auto county_units = admin_units(project, layers, "county");
    auto town_units = admin_units(project, layers, "township");
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v.county_code[i].empty()) county_units.try_emplace(v.county_code[i]);
        if (!v.township_code[i].empty()) {
            auto& u = town_units[v.township_code[i]];
            if (u.county.empty()) u.county = v.county_code[i];
        }
    }
    std::map<std::string, TownshipTiers> towns;
    for (const auto& [code, u] : town_units) {
        auto& t = towns[code];
        t.code = code;
        t.name = u.name.empty() ? code : u.name;
        t.county_code = u.county;
        if (auto it = markets.find(code); it != markets.end()) t.supermarkets = it->second;
        if (auto it = grass.find(code); it != grass.end()) t.grassroots = it->second;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto it = towns.find(v.township_code[i]);
        if (it == towns.end()) continue;  // a village without a township code is counted in the totals only
        ++it->second.villages;
        if (v.covered[i]) ++it->second.villages_with_station;
        else it->second.villages_without_station.push_back(v.name[i].empty() ? v.code[i] : v.name[i]);
    }
    std::map<std::string, CountyTiers> counties;
    for (const auto& [code, u] : county_units) {
        auto& c = counties[code];
        c.code = code;
        c.name = u.name.empty() ? code : u.name;
        if (auto it = centers.find(code); it != centers.end()) c.distribution_centers = it->second;
    }
    for (const auto& [code, t] : towns) {
        auto it = counties.find(t.county_code);
        if (it == counties.end()) continue;
        auto& c = it->second;
        ++c.townships;
        if (!t.supermarkets) ++c.townships_without_supermarket;
        if (!t.grassroots) ++c.townships_without_grassroots;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        ++out.villages;
        if (!v.covered[i]) ++out.villages_without_station;
        auto it = counties.find(v.county_code[i]);
        if (it == counties.end()) continue;
        ++it->second.villages;
        if (!v.covered[i]) ++it->second.villages_without_station;
    }
    for (auto& [code, c] : counties) {
        if (!c.distribution_centers) ++out.counties_without_center;
        out.counties.push_back(std::move(c));
    }
    for (auto& [code, t] : towns) {
        if (!t.supermarkets) ++out.townships_without_supermarket;
        if (!t.grassroots) ++out.townships_without_grassroots;
        out.townships.push_back(std::move(t));
    }
    std::stable_sort(out.townships.begin(), out.townships.end(),
                     [](const TownshipTiers& a, const TownshipTiers& b) { return a.county_code < b.county_code; });
    if (progress && !progress(1.0)) return cancelled();
    return out;
}

std::string network_check_text(const NetworkCheck& c)
{
    std::string out = (c.year > 0 ? std::to_string(c.year) + " 年末" : std::string()) +
                      "三级网络检查（村级综合服务社：" + c.station_reach + "）\n";
    out += "县代码\t县名称\t集采集配中心\t乡镇数\t缺超市乡镇\t缺基层社乡镇\t村数\t无服务社村\t缺口\n";
    for (const auto& k : c.counties)
        out += k.code + "\t" + k.name + "\t" + count_text(k.distribution_centers) + "\t" + count_text(k.townships) +
               "\t" + count_text(k.townships_without_supermarket) + "\t" + count_text(k.townships_without_grassroots) +
               "\t" + count_text(k.villages) + "\t" + count_text(k.villages_without_station) + "\t" +
               (k.complete() ? "齐全" : k.missing_text()) + "\n";
    std::string broken;
    for (const auto& t : c.townships)
        if (!t.complete())
            broken += t.code + "\t" + t.name + "\t" + count_text(t.supermarkets) + "\t" + count_text(t.grassroots) +
                      "\t" + count_text(t.villages) + "\t" + count_text(t.villages_with_station) + "\t" +
                      t.missing_text() + "\n";
    if (!broken.empty()) out += "\n断档的乡镇\n乡镇代码\t乡镇名称\t超市\t基层社\t村数\t有服务社村\t缺口\n" + broken;
    out += "\n合计：" + count_text(c.counties.size()) + " 个县中 " + count_text(c.counties_without_center) +
           " 个缺集采集配中心；" + count_text(c.townships.size()) + " 个乡镇中 " +
           count_text(c.townships_without_supermarket) + " 个缺超市、" + count_text(c.townships_without_grassroots) +
           " 个缺基层社；" + count_text(c.villages) + " 个村中 " + count_text(c.villages_without_station) +
           " 个无服务社\n";
    return out;
}

std::string network_check_csv(const NetworkCheck& c)
{
    std::map<std::string, const CountyTiers*> county;
    for (const auto& k : c.counties) county[k.code] = &k;
    std::string out =
        "\xEF\xBB\xBF县代码,县名称,集采集配中心,乡镇代码,乡镇名称,乡镇综合超市,基层供销社,村数,有服务社村数,"
        "无服务社村数,缺口\n";
    for (const auto& t : c.townships) {
        const auto it = county.find(t.county_code);
        const CountyTiers* k = it != county.end() ? it->second : nullptr;
        std::string gap = t.missing_text();
        if (k && !k->distribution_centers) gap = "缺县域集采集配中心" + (gap.empty() ? "" : "；" + gap);
        out += csv_field(t.county_code) + "," + csv_field(k ? k->name : std::string()) + "," +
               (k ? count_text(k->distribution_centers) : std::string("0")) + "," + csv_field(t.code) + "," +
               csv_field(t.name) + "," + count_text(t.supermarkets) + "," + count_text(t.grassroots) + "," +
               count_text(t.villages) + "," + count_text(t.villages_with_station) + "," +
               count_text(t.villages - t.villages_with_station) + "," + csv_field(gap) + "\n";
    }
    return out;
}

Result<NetworkCheck> run_network_check(const Project& project, const std::vector<Layer>& layers,
                                       const Feedback& feedback)
{
    return network_check(project, layers, feedback.callback());
}

Result<NetworkCheck> run_network_check(const Project& project, const std::vector<Layer>& layers,
                                       const NetworkCheckRequest& request, const Feedback& feedback)
{
    if (request.year <= 0) return run_network_check(project, layers, feedback);
    auto as_of = network_as_of(project, layers, request.year);
    if (!as_of) return as_of.error();
    auto check = network_check(project, as_of->layers, feedback.callback());
    if (check) check->year = request.year;
    return check;
}

}  // namespace coopmap::analysis
