#include "model/project.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

// The 专题图's keys are the engine's (one list of figures, levels and methods): the "thematic"
// section is checked by the parsers `render --theme` and the panel use.
#include "analysis/thematic.h"
#include "io/atomic_write.h"

namespace coopmap {

using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

// Walks the JSON with a path ("layers[2].role") so that every error names its place.
class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    std::optional<Error> error;

    bool fail(const std::string& path, const std::string& message)
    {
        if (!error) error = Error{file_, {}, path, message};
        return false;
    }

    bool object(const json& j, const std::string& path, std::initializer_list<const char*> allowed)
    {
        if (!j.is_object()) return fail(path, "应为 JSON 对象 {…}");
        for (const auto& [key, value] : j.items()) {
            bool known = false;
            for (const char* a : allowed) known = known || key == a;
            if (!known) {
                std::string valid;
                for (const char* a : allowed) valid += (valid.empty() ? "" : "、") + std::string(a);
                return fail(join(path, key), "未知的键“" + key + "”（可用的键：" + valid +
                                                 "）：请检查拼写，或用更新版本的 CoopMap 打开");
            }
        }
        return true;
    }

    bool text(const json& j, const std::string& path, const char* key, std::string& out, bool required = false)
    {
        if (!j.contains(key)) return required ? fail(join(path, key), "缺少必填项") : true;
        const auto& v = j.at(key);
        if (!v.is_string()) return fail(join(path, key), "应为文本（字符串）");
        out = v.get<std::string>();
        return true;
    }

    bool number(const json& j, const std::string& path, const char* key, double& out, bool required = false)
    {
        if (!j.contains(key)) return required ? fail(join(path, key), "缺少必填项") : true;
        const auto& v = j.at(key);
        if (!v.is_number()) return fail(join(path, key), "应为数字");
        out = v.get<double>();
        return true;
    }

    bool boolean(const json& j, const std::string& path, const char* key, bool& out)
    {
        if (!j.contains(key)) return true;
        const auto& v = j.at(key);
        if (!v.is_boolean()) return fail(join(path, key), "应为 true 或 false");
        out = v.get<bool>();
        return true;
    }

    bool number_map(const json& j, const std::string& path, const char* key, std::map<std::string, double>& out,
                    bool keys_are_roles)
    {
        if (!j.contains(key)) return true;
        const auto& m = j.at(key);
        const std::string here = join(path, key);
        if (!m.is_object()) return fail(here, "应为 JSON 对象 {…}");
        for (const auto& [k, v] : m.items()) {
            if (keys_are_roles && !role_from_key(k)) return fail(join(here, k), "未知的角色“" + k + "”");
            if (!v.is_number() || v.get<double>() < 0) return fail(join(here, k), "应为非负数字");
            out[k] = v.get<double>();
        }
        return true;
    }

    bool view(const json& j, const std::string& path, View& out)
    {
        if (!object(j, path, {"center", "zoom"})) return false;
        const auto it = j.find("center");
        if (it == j.end()) return fail(join(path, "center"), "缺少必填项");
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
            return fail(join(path, "center"), "应为 [经度, 纬度]");
        out.lon = (*it)[0].get<double>();
        out.lat = (*it)[1].get<double>();
        if (out.lon < -180 || out.lon > 180 || out.lat < -90 || out.lat > 90)
            return fail(join(path, "center"), "经纬度超出范围");
        return number(j, path, "zoom", out.zoom, true);
    }

    static std::string join(const std::string& path, const std::string& key)
    {
        return path.empty() ? key : path + "." + key;
    }
    static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

private:
    std::string file_;
};

bool read_layer_config(Reader& r, const json& j, const std::string& path, LayerConfig& out)
{
    if (!r.object(j, path,
                  {"id", "title", "source", "layer", "role", "level", "crs", "encoding", "fields", "joins", "visible"}))
        return false;
    std::string role;
    if (!r.text(j, path, "id", out.id, true) || !r.text(j, path, "title", out.title) ||
        !r.text(j, path, "source", out.source, true) || !r.text(j, path, "layer", out.layer) ||
        !r.text(j, path, "role", role, true) || !r.text(j, path, "level", out.level) ||
        !r.text(j, path, "crs", out.crs) || !r.text(j, path, "encoding", out.encoding) ||
        !r.boolean(j, path, "visible", out.visible))
        return false;
    const auto parsed = role_from_key(role);
    if (!parsed) return r.fail(Reader::join(path, "role"), "未知的角色“" + role + "”");
    out.role = *parsed;
    if (!out.level.empty() && out.level != "county" && out.level != "township")
        return r.fail(Reader::join(path, "level"), "应为 county 或 township");
    if (j.contains("joins")) {
        const auto& js = j.at("joins");
        const std::string here = Reader::join(path, "joins");
        if (!js.is_array()) return r.fail(here, "应为连接表列表 [{source, key, on, columns}, …]");
        for (std::size_t i = 0; i < js.size(); ++i) {
            const std::string at = Reader::index(here, i);
            Join join;
            if (!r.object(js[i], at, {"source", "layer", "key", "on", "columns", "encoding"}) ||
                !r.text(js[i], at, "source", join.source, true) || !r.text(js[i], at, "layer", join.layer) ||
                !r.text(js[i], at, "key", join.key, true) || !r.text(js[i], at, "on", join.on) ||
                !r.text(js[i], at, "encoding", join.encoding))
                return false;
            if (js[i].contains("columns")) {
                const auto& cols = js[i].at("columns");
                if (!cols.is_array()) return r.fail(Reader::join(at, "columns"), "应为列名列表 [\"人口\", …]");
                for (std::size_t k = 0; k < cols.size(); ++k) {
                    if (!cols[k].is_string())
                        return r.fail(Reader::index(Reader::join(at, "columns"), k), "应为列名（字符串）");
                    join.columns.push_back(cols[k].get<std::string>());
                }
            }
            out.joins.push_back(std::move(join));
        }
    }
    if (j.contains("fields")) {
        const auto& f = j.at("fields");
        const std::string here = Reader::join(path, "fields");
        // Per load unit or product: delivery_立方, pickup_吨, stock_尿素 (routes and dispatch, issue 18).
        json fixed = f.is_object() ? json::object() : f;
        if (f.is_object())
            for (const auto& [k, v] : f.items())
                if (!k.starts_with("delivery_") && !k.starts_with("pickup_") && !k.starts_with("stock_")) fixed[k] = v;
        if (!r.object(fixed, here,
                      {"name", "code", "population", "households", "area_mu", "provider", "crop", "year", "road_class",
                       "speed", "township_code", "county_code", "level",
                       // Read by trusteeship (托管/流转) and the road graph, named as role_fields does.
                       "kind", "oneway",
                       // Facility attributes the edit form shows (issue 9).
                       "type", "opening_year", "operator", "capacity", "staff",
                       // A site's history (issue 19): analysis::network_as_of.
                       "built_year", "rebuilt_year", "model", "state",
                       // A stop's amounts, service and window on delivery routes (issue 18).
                       "delivery", "pickup", "service_minutes", "time_window"}))
            return false;
        for (const auto& [k, v] : f.items()) {
            if (!v.is_string()) return r.fail(Reader::join(here, k), "应为源数据中的字段名（字符串）");
            out.fields[k] = v.get<std::string>();
        }
    }
    return true;
}

bool read_style(Reader& r, const json& j, const std::string& path, Style& out)
{
    return r.object(j, path, {"color", "outline", "size", "width", "opacity"}) && r.text(j, path, "color", out.color) &&
           r.text(j, path, "outline", out.outline) && r.number(j, path, "size", out.size) &&
           r.number(j, path, "width", out.width) && r.number(j, path, "opacity", out.opacity);
}

bool read_bookmark(Reader& r, const json& j, const std::string& path, Bookmark& out)
{
    if (!r.object(j, path, {"name", "caption", "center", "zoom", "layers"}) ||
        !r.text(j, path, "name", out.name, true) || !r.text(j, path, "caption", out.caption))
        return false;
    json view_part = json::object();
    if (j.contains("center")) view_part["center"] = j.at("center");
    if (j.contains("zoom")) view_part["zoom"] = j.at("zoom");
    if (!r.view(view_part, path, out.view)) return false;
    if (j.contains("layers")) {
        const auto& l = j.at("layers");
        if (!l.is_array()) return r.fail(Reader::join(path, "layers"), "应为图层 id 的列表");
        for (std::size_t i = 0; i < l.size(); ++i) {
            if (!l[i].is_string()) return r.fail(Reader::index(Reader::join(path, "layers"), i), "应为图层 id");
            out.layers.push_back(l[i].get<std::string>());
        }
    }
    return true;
}

bool read_scenario(Reader& r, const json& j, const std::string& path, Scenario& out)
{
    std::string role;
    if (!r.object(j, path, {"name", "role", "objective", "radius_m", "minutes", "sites"}) ||
        !r.text(j, path, "name", out.name, true) || !r.text(j, path, "role", role, true) ||
        !r.text(j, path, "objective", out.objective) || !r.number(j, path, "radius_m", out.radius_m) ||
        !r.number(j, path, "minutes", out.minutes))
        return false;
    const auto parsed = role_from_key(role);
    if (!parsed) return r.fail(Reader::join(path, "role"), "未知的角色“" + role + "”");
    out.role = *parsed;
    if (out.radius_m < 0) return r.fail(Reader::join(path, "radius_m"), "应为非负数字（米）");
    if (out.minutes < 0) return r.fail(Reader::join(path, "minutes"), "应为非负数字（分钟）");
    if (!j.contains("sites")) return true;
    const auto& sites = j.at("sites");
    const std::string here = Reader::join(path, "sites");
    if (!sites.is_array()) return r.fail(here, "应为选址列表 [{name, lon, lat}, …]");
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const std::string at = Reader::index(here, i);
        ScenarioSite site;
        if (!r.object(sites[i], at, {"name", "lon", "lat"}) || !r.text(sites[i], at, "name", site.name) ||
            !r.number(sites[i], at, "lon", site.lon, true) || !r.number(sites[i], at, "lat", site.lat, true))
            return false;
        if (site.lon < -180 || site.lon > 180) return r.fail(Reader::join(at, "lon"), "经度应在 -180 到 180 之间");
        if (site.lat < -90 || site.lat > 90) return r.fail(Reader::join(at, "lat"), "纬度应在 -90 到 90 之间");
        out.sites.push_back(std::move(site));
    }
    return true;
}

// The role-keyed site counts of a target ("build": {"village_cooperative": 10}).
bool site_counts(Reader& r, const json& j, const std::string& path, const char* key, std::map<std::string, double>& out)
{
    if (!r.number_map(j, path, key, out, true)) return false;
    for (const auto& [k, v] : out)
        if (v > 1e9 || v != static_cast<double>(static_cast<long long>(v)))
            return r.fail(Reader::join(Reader::join(path, key), k), "应为网点个数（非负整数）");
    return true;
}

bool read_target(Reader& r, const json& j, const std::string& path, AnnualTarget& out)
{
    if (!r.object(
            j, path,
            {"year", "county", "build", "upgrade", "village_coverage", "trusteeship_wan_mu", "service_wan_mu_times"}))
        return false;
    double year = 0;
    if (!r.number(j, path, "year", year, true)) return false;
    if (!(year >= 1949 && year <= 2100) || year != static_cast<double>(static_cast<int>(year)))
        return r.fail(Reader::join(path, "year"), "应为 1949 到 2100 之间的年份");
    out.year = static_cast<int>(year);
    if (!r.text(j, path, "county", out.county)) return false;
    if (!out.county.empty() &&
        (out.county.size() != 6 || out.county.find_first_not_of("0123456789") != std::string::npos))
        return r.fail(Reader::join(path, "county"), "应为 6 位县级区划代码；全市的目标不写 county");
    if (!site_counts(r, j, path, "build", out.build) || !site_counts(r, j, path, "upgrade", out.upgrade)) return false;
    for (const auto* m : {&out.build, &out.upgrade})
        for (const auto& [k, v] : *m)
            if (const auto role = role_from_key(k); !role || *role == Role::village ||
                                                    *role == Role::land_trusteeship || *role == Role::admin_boundary ||
                                                    *role == Role::road || *role == Role::coverage)
                return r.fail(Reader::join(Reader::join(path, m == &out.build ? "build" : "upgrade"), k),
                              "“" + k + "”不是网点类型");
    const std::pair<const char*, std::optional<double>*> figures[] = {
        {"village_coverage", &out.village_coverage},
        {"trusteeship_wan_mu", &out.trusteeship_wan_mu},
        {"service_wan_mu_times", &out.service_wan_mu_times}};
    for (const auto& [key, slot] : figures) {
        if (!j.contains(key)) continue;
        double v = 0;
        if (!r.number(j, path, key, v)) return false;
        if (v < 0) return r.fail(Reader::join(path, key), "应为非负数字");
        if (std::string(key) == "village_coverage" && v > 1)
            return r.fail(Reader::join(path, key), "应为 0 到 1 之间的比例（如 0.9 表示 90%）");
        *slot = v;
    }
    return true;
}

// A number or a list of numbers, one per load unit, none negative.
bool read_amounts(Reader& r, const json& j, const std::string& path, const char* key, std::vector<double>& out)
{
    if (!j.contains(key)) return true;
    const auto& v = j.at(key);
    const std::string here = Reader::join(path, key);
    out.clear();
    if (v.is_number()) out.push_back(v.get<double>());
    else if (v.is_array())
        for (const auto& x : v) {
            if (!x.is_number()) return r.fail(here, "应为数字或数字列表（每个计量单位一个）");
            out.push_back(x.get<double>());
        }
    else return r.fail(here, "应为数字或数字列表（每个计量单位一个）");
    for (double x : out)
        if (!(x >= 0)) return r.fail(here, "应为非负数字");
    return true;
}

bool read_clock_range(Reader& r, const json& j, const std::string& path, const char* key, std::string& out)
{
    if (!r.text(j, path, key, out)) return false;
    if (!out.empty() && !parse_clock_range(out))
        return r.fail(Reader::join(path, key), "“" + out + "”不是时间段：应写成 08:00-17:00");
    return true;
}

bool read_fleet(Reader& r, const json& j, const std::string& path, RoutingFleetDefaults& out)
{
    if (!r.object(j, path, {"vehicles", "capacity", "shift", "cost_per_km", "cost_per_vehicle"}) ||
        !r.number(j, path, "vehicles", out.vehicles) || !read_amounts(r, j, path, "capacity", out.capacity) ||
        !read_clock_range(r, j, path, "shift", out.shift) || !r.number(j, path, "cost_per_km", out.cost_per_km) ||
        !r.number(j, path, "cost_per_vehicle", out.cost_per_vehicle))
        return false;
    if (out.vehicles < 0 || out.vehicles != std::floor(out.vehicles))
        return r.fail(Reader::join(path, "vehicles"), "车辆数应为非负整数");
    if (out.cost_per_km < 0 || out.cost_per_vehicle < 0) return r.fail(path, "费用应为非负数字");
    return true;
}

bool read_routing(Reader& r, const json& j, const std::string& path, RoutingDefaults& out)
{
    if (!r.object(j, path, {"units", "detour_factor", "offroad_kmh", "fleet", "depots", "stops"})) return false;
    if (j.contains("units")) {
        const auto& u = j.at("units");
        out.units.clear();
        if (!u.is_array() || u.empty()) return r.fail(path + ".units", "应为计量单位列表，例如 [\"件\", \"吨\"]");
        for (const auto& x : u) {
            if (!x.is_string() || x.get<std::string>().empty())
                return r.fail(path + ".units", "应为计量单位列表，例如 [\"件\", \"吨\"]");
            out.units.push_back(x.get<std::string>());
        }
        if (out.units.size() > 4) return r.fail(path + ".units", "计量单位最多 4 个");
    }
    if (!r.number(j, path, "detour_factor", out.detour_factor) || !r.number(j, path, "offroad_kmh", out.offroad_kmh))
        return false;
    if (!(out.detour_factor >= 1)) return r.fail(path + ".detour_factor", "绕行系数应不小于 1");
    if (!(out.offroad_kmh > 0)) return r.fail(path + ".offroad_kmh", "车速应为正数");
    if (j.contains("fleet") && !read_fleet(r, j.at("fleet"), path + ".fleet", out.fleet)) return false;
    const auto check_units = [&](const std::vector<double>& v, const std::string& at) {
        return v.size() <= out.units.size() ||
               r.fail(at, "数值个数（" + std::to_string(v.size()) + "）多于计量单位个数（" +
                              std::to_string(out.units.size()) + "）");
    };
    if (!check_units(out.fleet.capacity, path + ".fleet.capacity")) return false;
    if (j.contains("depots")) {
        const auto& d = j.at("depots");
        if (!d.is_object()) return r.fail(path + ".depots", "应为 JSON 对象 {配送中心编号: 车队}");
        for (const auto& [code, fleet] : d.items()) {
            RoutingFleetDefaults f = out.fleet;
            const std::string at = path + ".depots." + code;
            if (!read_fleet(r, fleet, at, f) || !check_units(f.capacity, at + ".capacity")) return false;
            out.depots[code] = f;
        }
    }
    if (j.contains("stops")) {
        const auto& s = j.at("stops");
        if (!s.is_object()) return r.fail(path + ".stops", "应为 JSON 对象 {角色: 默认值}");
        for (const auto& [role, v] : s.items()) {
            const std::string at = path + ".stops." + role;
            if (!role_from_key(role)) return r.fail(at, "未知的角色“" + role + "”");
            RoutingStopDefaults d;
            if (!r.object(v, at, {"delivery", "pickup", "service_minutes", "window"}) ||
                !read_amounts(r, v, at, "delivery", d.delivery) || !read_amounts(r, v, at, "pickup", d.pickup) ||
                !r.number(v, at, "service_minutes", d.service_minutes) ||
                !read_clock_range(r, v, at, "window", d.window) || !check_units(d.delivery, at + ".delivery") ||
                !check_units(d.pickup, at + ".pickup"))
                return false;
            if (d.service_minutes < 0) return r.fail(at + ".service_minutes", "应为非负数字");
            out.stops[role] = d;
        }
    }
    return true;
}

bool read_services(Reader& r, const json& j, const std::string& path, ServiceRecords& out)
{
    if (!r.object(j, path, {"source", "layer", "encoding", "fields"}) || !r.text(j, path, "source", out.source, true) ||
        !r.text(j, path, "layer", out.layer) || !r.text(j, path, "encoding", out.encoding))
        return false;
    if (!j.contains("fields"))
        return r.fail(Reader::join(path, "fields"), "缺少必填项：请指明服务类型、亩次等对应的列");
    const auto& f = j.at("fields");
    const std::string here = Reader::join(path, "fields");
    if (!r.object(f, here,
                  {"village_code", "township_code", "county_code", "kind", "mu_times", "date", "year", "provider"}))
        return false;
    for (const auto& [k, v] : f.items()) {
        if (!v.is_string()) return r.fail(Reader::join(here, k), "应为表中的列名（字符串）");
        out.fields[k] = v.get<std::string>();
    }
    for (const char* needed : {"kind", "mu_times"})
        if (!out.fields.contains(needed))
            return r.fail(Reader::join(here, needed), std::string("缺少必填项：请指明") +
                                                          (std::string(needed) == "kind" ? "服务类型" : "亩次") +
                                                          "所在的列");
    if (!out.fields.contains("village_code") && !out.fields.contains("township_code") &&
        !out.fields.contains("county_code"))
        return r.fail(here, "应指明 village_code、township_code 或 county_code 之一：服务记录按村或乡镇代码归属");
    return true;
}

bool read_thematic(Reader& r, const json& j, const std::string& path, ThematicDefaults& out)
{
    if (!r.object(j, path, {"figure", "level", "method", "classes", "breaks", "year", "role", "symbols"}) ||
        !r.text(j, path, "figure", out.figure) || !r.text(j, path, "level", out.level) ||
        !r.text(j, path, "method", out.method))
        return false;
    // Kept as the engine's own key, so that a 村覆盖率 written by hand is saved as coverage_rate.
    if (!out.figure.empty()) {
        const auto f = analysis::thematic_figure_from(out.figure);
        if (!f)
            return r.fail(Reader::join(path, "figure"),
                          "未知的专题指标“" + out.figure +
                              "”：可用 coverage_rate（村覆盖率）、uncovered_population（未覆盖人口）、"
                              "trusteeship_wan_mu（托管面积）、service_wan_mu_times（服务面积）、sites_built（新建网点）");
        out.figure = analysis::thematic_figure_key(*f);
    }
    if (!out.level.empty() && !analysis::thematic_level_from(out.level))
        return r.fail(Reader::join(path, "level"), "未知的统计单元“" + out.level + "”：应为 township（乡镇）或 county（县）");
    if (!out.method.empty() && !analysis::break_method_from(out.method))
        return r.fail(Reader::join(path, "method"),
                      "未知的分级方法“" + out.method + "”：应为 natural（自然断点）、quantile（分位数）或 fixed（固定界值）");
    const auto whole = [&](const char* key, double lo, double hi, const std::string& what) -> std::optional<int> {
        double v = 0;
        if (!r.number(j, path, key, v)) return std::nullopt;
        if (!(v >= lo && v <= hi) || v != std::floor(v)) {
            r.fail(Reader::join(path, key), what);
            return std::nullopt;
        }
        return static_cast<int>(v);
    };
    if (j.contains("classes")) {
        out.classes = whole("classes", 1, static_cast<double>(analysis::kMaxThematicClasses),
                            "分级数应为 1 到 " + std::to_string(analysis::kMaxThematicClasses) + " 之间的整数");
        if (!out.classes) return false;
    }
    if (j.contains("year")) {
        out.year = whole("year", 1, 9999, "年份应为正整数，例如 2023");
        if (!out.year) return false;
    }
    if (j.contains("breaks")) {
        const auto& b = j.at("breaks");
        const std::string here = Reader::join(path, "breaks");
        if (!b.is_array() || b.empty()) return r.fail(here, "应为固定分级的界值列表，例如 [60, 80, 90]");
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (!b[i].is_number()) return r.fail(Reader::index(here, i), "应为数字");
            out.breaks.push_back(b[i].get<double>());
            if (i > 0 && !(out.breaks[i] > out.breaks[i - 1])) return r.fail(here, "界值应从小到大排列，且互不相同");
        }
    }
    if (analysis::break_method_from(out.method) == analysis::BreakMethod::fixed && out.breaks.empty())
        return r.fail(Reader::join(path, "breaks"), "固定界值分级（method: fixed）需要界值，例如 \"breaks\": [60, 80, 90]");
    std::string role;
    if (!r.text(j, path, "role", role)) return false;
    if (j.contains("role")) {
        out.role = role_from_key(role);
        if (!out.role) return r.fail(Reader::join(path, "role"), "未知的角色“" + role + "”");
    }
    if (j.contains("symbols")) {
        bool symbols = true;
        if (!r.boolean(j, path, "symbols", symbols)) return false;
        out.symbols = symbols;
    }
    return true;
}

json thematic_json(const ThematicDefaults& t)
{
    json j = json::object();
    if (!t.figure.empty()) j["figure"] = t.figure;
    if (!t.level.empty()) j["level"] = t.level;
    if (!t.method.empty()) j["method"] = t.method;
    if (t.classes) j["classes"] = *t.classes;
    if (!t.breaks.empty()) j["breaks"] = t.breaks;
    if (t.year) j["year"] = *t.year;
    if (t.role) j["role"] = std::string(role_key(*t.role));
    if (t.symbols) j["symbols"] = *t.symbols;
    return j;
}

json fleet_json(const RoutingFleetDefaults& f)
{
    return json{{"vehicles", f.vehicles},
                {"capacity", f.capacity},
                {"shift", f.shift},
                {"cost_per_km", f.cost_per_km},
                {"cost_per_vehicle", f.cost_per_vehicle}};
}

json routing_json(const RoutingDefaults& r)
{
    json j{{"units", r.units},
           {"detour_factor", r.detour_factor},
           {"offroad_kmh", r.offroad_kmh},
           {"fleet", fleet_json(r.fleet)}};
    if (!r.depots.empty()) {
        json d = json::object();
        for (const auto& [code, f] : r.depots) d[code] = fleet_json(f);
        j["depots"] = std::move(d);
    }
    if (!r.stops.empty()) {
        json s = json::object();
        for (const auto& [role, d] : r.stops) {
            json o{{"delivery", d.delivery}};
            if (!d.pickup.empty()) o["pickup"] = d.pickup;
            o["service_minutes"] = d.service_minutes;
            if (!d.window.empty()) o["window"] = d.window;
            s[role] = std::move(o);
        }
        j["stops"] = std::move(s);
    }
    return j;
}

json view_json(const View& v) { return json{{"center", json::array({v.lon, v.lat})}, {"zoom", v.zoom}}; }

}  // namespace

bool Project::operator==(const Project& o) const
{
    return version == o.version && name == o.name && layers == o.layers && service_radii_m == o.service_radii_m &&
           travel_minutes == o.travel_minutes && targets == o.targets && site_costs == o.site_costs &&
           styles == o.styles && basemap == o.basemap && view == o.view && bookmarks == o.bookmarks &&
           scenarios == o.scenarios && annual_targets == o.annual_targets && services == o.services &&
           routing == o.routing && thematic == o.thematic;
}

std::string Project::source_path(const LayerConfig& l) const { return resolve(l.source); }

std::string Project::resolve(const std::string& source) const
{
    if (source.rfind("PG:", 0) == 0 || source.rfind("/vsi", 0) == 0) return source;
    const fs::path p = fs::path(source);
    if (p.is_absolute() || file.empty()) return p.string();
    return (fs::path(file).parent_path() / p).lexically_normal().string();
}

const Style* Project::style_for(const LayerConfig& l) const
{
    if (auto it = styles.find(l.id); it != styles.end()) return &it->second;
    if (auto it = styles.find(std::string(role_key(l.role))); it != styles.end()) return &it->second;
    return nullptr;
}

std::vector<std::pair<std::string, Style>> Project::class_styles_for(const LayerConfig& l) const
{
    if (l.role != Role::road || !l.fields.contains("road_class")) return {};
    // Defaults after the usual colours of Chinese road atlases, widest for the highest class;
    // a project's own "road:<class>" or "<id>:<class>" styles replace them or add classes.
    std::map<std::string, Style> out{
        {"高速公路", {"#2e9e5b", "", 0, 3.4, 1}}, {"高速", {"#2e9e5b", "", 0, 3.4, 1}},
        {"国道", {"#d9453b", "", 0, 2.8, 1}},     {"省道", {"#f08c2e", "", 0, 2.3, 1}},
        {"县道", {"#d9b23a", "", 0, 1.8, 1}},     {"乡道", {"#b59a6d", "", 0, 1.3, 1}},
    };
    for (const std::string& owner : {std::string(role_key(l.role)), l.id})
        for (const auto& [key, style] : styles)
            if (key.size() > owner.size() + 1 && key.compare(0, owner.size() + 1, owner + ":") == 0)
                out[key.substr(owner.size() + 1)] = style;
    std::vector<std::pair<std::string, Style>> sorted(out.begin(), out.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second.width > b.second.width; });
    return sorted;
}

Result<Project> parse_project(const std::string& text, const std::string& file)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        // Parse again with exceptions on, only to learn where the syntax broke.
        std::string where;
        try {
            [[maybe_unused]] const json again = json::parse(text);
        } catch (const json::parse_error& e) {
            where = "字节 " + std::to_string(e.byte);
        } catch (const json::exception&) {
            // e.g. out_of_range for a number too large for a double: no byte position.
        }
        return Error{file, {}, where, "不是有效的 JSON，请检查逗号、引号和括号"};
    }
    Reader r(file);
    Project p;
    p.file = file;
    const bool ok = [&] {
        if (!r.object(j, "",
                      {"version", "name", "layers", "service_radii_m", "travel_minutes", "targets", "site_costs",
                       "styles", "basemap", "view", "bookmarks", "scenarios", "annual_targets", "services", "routing", "thematic"}))
            return false;
        double version = 0;
        if (!r.number(j, "", "version", version, true)) return false;
        if (version > kProjectVersion)
            return r.fail("version",
                          "项目文件版本 " +
                              (version < 1e9 ? std::to_string(static_cast<int>(version)) : std::string("过大")) +
                              " 比本程序支持的版本 " + std::to_string(kProjectVersion) + " 新，请升级 CoopMap");
        if (version != kProjectVersion) return r.fail("version", "不支持的项目文件版本");
        if (!r.text(j, "", "name", p.name)) return false;
        if (!j.contains("layers") || !j.at("layers").is_array()) return r.fail("layers", "应为图层列表 [...]");
        std::set<std::string> ids;
        const auto& layers = j.at("layers");
        for (std::size_t i = 0; i < layers.size(); ++i) {
            LayerConfig l;
            if (!read_layer_config(r, layers[i], Reader::index("layers", i), l)) return false;
            if (!ids.insert(l.id).second)
                return r.fail(Reader::index("layers", i) + ".id", "图层 id“" + l.id + "”重复");
            p.layers.push_back(std::move(l));
        }
        if (!r.number_map(j, "", "service_radii_m", p.service_radii_m, true) ||
            !r.number_map(j, "", "travel_minutes", p.travel_minutes, true) ||
            !r.number_map(j, "", "targets", p.targets, false) || !r.number_map(j, "", "site_costs", p.site_costs, true))
            return false;
        if (j.contains("styles")) {
            const auto& s = j.at("styles");
            if (!s.is_object()) return r.fail("styles", "应为 JSON 对象 {…}");
            for (const auto& [k, v] : s.items()) {
                // "road:国道": a class of a role's or a layer's features (roads by road_class).
                const std::string owner = k.substr(0, k.find(':'));
                if (!role_from_key(owner) && !ids.contains(owner))
                    return r.fail("styles." + k, "“" + owner + "”既不是角色也不是图层 id");
                if (owner.size() < k.size() && k.size() == owner.size() + 1)
                    return r.fail("styles." + k, "冒号后应写道路等级，例如 “road:国道”");
                if (!read_style(r, v, "styles." + k, p.styles[k])) return false;
            }
        }
        if (j.contains("basemap")) {
            const auto& b = j.at("basemap");
            if (!r.object(b, "basemap", {"kind", "url", "directory"}) ||
                !r.text(b, "basemap", "kind", p.basemap.kind) || !r.text(b, "basemap", "url", p.basemap.url) ||
                !r.text(b, "basemap", "directory", p.basemap.directory))
                return false;
            if (p.basemap.kind != "offline" && p.basemap.kind != "tiles" && p.basemap.kind != "xyz")
                return r.fail("basemap.kind", "应为 offline、tiles 或 xyz");
        }
        if (j.contains("view")) {
            View v;
            if (!r.view(j.at("view"), "view", v)) return false;
            p.view = v;
        }
        if (j.contains("bookmarks")) {
            const auto& b = j.at("bookmarks");
            if (!b.is_array()) return r.fail("bookmarks", "应为书签列表 [...]");
            for (std::size_t i = 0; i < b.size(); ++i) {
                Bookmark bm;
                if (!read_bookmark(r, b[i], Reader::index("bookmarks", i), bm)) return false;
                for (const auto& id : bm.layers)
                    if (!ids.contains(id))
                        return r.fail(Reader::index("bookmarks", i) + ".layers", "没有 id 为“" + id + "”的图层");
                p.bookmarks.push_back(std::move(bm));
            }
        }
        if (j.contains("scenarios")) {
            const auto& sc = j.at("scenarios");
            if (!sc.is_array()) return r.fail("scenarios", "应为规划方案列表 [...]");
            std::set<std::string> names;
            for (std::size_t i = 0; i < sc.size(); ++i) {
                Scenario scenario;
                if (!read_scenario(r, sc[i], Reader::index("scenarios", i), scenario)) return false;
                if (!names.insert(scenario.name).second)
                    return r.fail(Reader::index("scenarios", i) + ".name", "方案名称“" + scenario.name + "”重复");
                p.scenarios.push_back(std::move(scenario));
            }
        }
        if (j.contains("annual_targets")) {
            const auto& t = j.at("annual_targets");
            if (!t.is_array()) return r.fail("annual_targets", "应为年度目标列表 [{year, county, build, …}, …]");
            std::set<std::pair<int, std::string>> seen;
            for (std::size_t i = 0; i < t.size(); ++i) {
                AnnualTarget target;
                if (!read_target(r, t[i], Reader::index("annual_targets", i), target)) return false;
                if (!seen.insert({target.year, target.county}).second)
                    return r.fail(Reader::index("annual_targets", i),
                                  std::to_string(target.year) + " 年" +
                                      (target.county.empty() ? std::string("全市") : "县 " + target.county) +
                                      "的目标重复：每年每县只写一条");
                p.annual_targets.push_back(std::move(target));
            }
            std::stable_sort(p.annual_targets.begin(), p.annual_targets.end(),
                             [](const AnnualTarget& a, const AnnualTarget& b) {
                                 return std::tie(a.year, a.county) < std::tie(b.year, b.county);
                             });
        }
        if (j.contains("services")) {
            const auto& sv = j.at("services");
            if (!sv.is_array()) return r.fail("services", "应为服务记录表列表 [{source, layer, fields}, …]");
            for (std::size_t i = 0; i < sv.size(); ++i) {
                ServiceRecords s;
                if (!read_services(r, sv[i], Reader::index("services", i), s)) return false;
                p.services.push_back(std::move(s));
            }
        }
        if (j.contains("routing") && !read_routing(r, j.at("routing"), "routing", p.routing)) return false;
        if (j.contains("thematic") && !read_thematic(r, j.at("thematic"), "thematic", p.thematic)) return false;
        return true;
    }();
    if (!ok) return *r.error;
    return p;
}

std::optional<std::pair<double, double>> parse_clock_range(std::string_view text)
{
    // Two H:MM or HH:MM times joined by -, –, ~ or 至, spaces allowed around them.
    std::string t;
    for (char c : text)
        if (c != ' ') t += c;
    std::size_t cut = std::string::npos, len = 0;
    for (std::string_view sep : {"-", "\u2013", "~", "\u81f3"})
        if (auto at = t.find(sep); at != std::string::npos) {
            cut = at;
            len = sep.size();
            break;
        }
    if (cut == std::string::npos) return std::nullopt;
    const auto clock = [](const std::string& s) -> std::optional<double> {
        const auto colon = s.find(':');
        if (colon == std::string::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (i != colon && !std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
        const int h = std::stoi(s.substr(0, colon)), m = std::stoi(s.substr(colon + 1));
        if (h > 48 || m > 59) return std::nullopt;
        return h * 60.0 + m;
    };
    const auto a = clock(t.substr(0, cut)), b = clock(t.substr(cut + len));
    if (!a || !b || *a > *b) return std::nullopt;
    return std::pair{*a, *b};
}

std::string clock_text(double minutes)
{
    const long m = std::lround(minutes);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", m / 60, m % 60);
    return buf;
}

Result<Project> read_project(const std::string& file)
{
    std::ifstream in(fs::path(file), std::ios::binary);
    if (!in) return Error{file, {}, {}, "无法读取项目文件：文件不存在或没有读取权限"};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_project(text.str(), file);
}

std::string project_json(const Project& p)
{
    json j;
    j["version"] = p.version;
    if (!p.name.empty()) j["name"] = p.name;
    j["layers"] = json::array();
    for (const auto& l : p.layers) {
        json o;
        o["id"] = l.id;
        if (!l.title.empty()) o["title"] = l.title;
        o["source"] = l.source;
        if (!l.layer.empty()) o["layer"] = l.layer;
        o["role"] = std::string(role_key(l.role));
        if (!l.level.empty()) o["level"] = l.level;
        if (!l.crs.empty()) o["crs"] = l.crs;
        if (!l.encoding.empty()) o["encoding"] = l.encoding;
        if (!l.fields.empty()) o["fields"] = l.fields;
        if (!l.joins.empty()) {
            json js = json::array();
            for (const auto& jn : l.joins) {
                json jo{{"source", jn.source}};
                if (!jn.layer.empty()) jo["layer"] = jn.layer;
                jo["key"] = jn.key;
                if (jn.on != "code") jo["on"] = jn.on;
                if (!jn.columns.empty()) jo["columns"] = jn.columns;
                if (!jn.encoding.empty()) jo["encoding"] = jn.encoding;
                js.push_back(std::move(jo));
            }
            o["joins"] = std::move(js);
        }
        if (!l.visible) o["visible"] = false;
        j["layers"].push_back(std::move(o));
    }
    if (!p.service_radii_m.empty()) j["service_radii_m"] = p.service_radii_m;
    if (!p.travel_minutes.empty()) j["travel_minutes"] = p.travel_minutes;
    if (!p.targets.empty()) j["targets"] = p.targets;
    if (!p.site_costs.empty()) j["site_costs"] = p.site_costs;
    if (!p.styles.empty()) {
        json s = json::object();
        for (const auto& [k, st] : p.styles) {
            // An object even when every key is the default: null would not be read back
            // (fuzz/known_crashes/project/empty_style.coopmap).
            json o = json::object();
            if (!st.color.empty()) o["color"] = st.color;
            if (!st.outline.empty()) o["outline"] = st.outline;
            if (st.size != 0) o["size"] = st.size;
            if (st.width != 0) o["width"] = st.width;
            if (st.opacity != 1) o["opacity"] = st.opacity;
            s[k] = std::move(o);
        }
        j["styles"] = std::move(s);
    }
    if (p.basemap != Basemap{}) {
        json b{{"kind", p.basemap.kind}};
        if (!p.basemap.url.empty()) b["url"] = p.basemap.url;
        if (!p.basemap.directory.empty()) b["directory"] = p.basemap.directory;
        j["basemap"] = std::move(b);
    }
    if (p.view) j["view"] = view_json(*p.view);
    if (!p.bookmarks.empty()) {
        j["bookmarks"] = json::array();
        for (const auto& b : p.bookmarks) {
            json o{{"name", b.name}};
            if (!b.caption.empty()) o["caption"] = b.caption;
            o.update(view_json(b.view));
            if (!b.layers.empty()) o["layers"] = b.layers;
            j["bookmarks"].push_back(std::move(o));
        }
    }
    if (!p.scenarios.empty()) {
        j["scenarios"] = json::array();
        for (const auto& sc : p.scenarios) {
            json o{{"name", sc.name}, {"role", std::string(role_key(sc.role))}};
            if (!sc.objective.empty()) o["objective"] = sc.objective;
            if (sc.radius_m != 0) o["radius_m"] = sc.radius_m;
            if (sc.minutes != 0) o["minutes"] = sc.minutes;
            json sites = json::array();
            for (const auto& site : sc.sites) {
                json so;
                if (!site.name.empty()) so["name"] = site.name;
                so["lon"] = site.lon;
                so["lat"] = site.lat;
                sites.push_back(std::move(so));
            }
            o["sites"] = std::move(sites);
            j["scenarios"].push_back(std::move(o));
        }
    }
    if (!p.annual_targets.empty()) {
        j["annual_targets"] = json::array();
        for (const auto& t : p.annual_targets) {
            json o{{"year", t.year}};
            if (!t.county.empty()) o["county"] = t.county;
            if (!t.build.empty()) o["build"] = t.build;
            if (!t.upgrade.empty()) o["upgrade"] = t.upgrade;
            if (t.village_coverage) o["village_coverage"] = *t.village_coverage;
            if (t.trusteeship_wan_mu) o["trusteeship_wan_mu"] = *t.trusteeship_wan_mu;
            if (t.service_wan_mu_times) o["service_wan_mu_times"] = *t.service_wan_mu_times;
            j["annual_targets"].push_back(std::move(o));
        }
    }
    if (!p.services.empty()) {
        j["services"] = json::array();
        for (const auto& s : p.services) {
            json o{{"source", s.source}};
            if (!s.layer.empty()) o["layer"] = s.layer;
            if (!s.encoding.empty()) o["encoding"] = s.encoding;
            o["fields"] = s.fields;
            j["services"].push_back(std::move(o));
        }
    }
    if (p.routing != RoutingDefaults{}) j["routing"] = routing_json(p.routing);
    if (p.thematic != ThematicDefaults{}) j["thematic"] = thematic_json(p.thematic);
    return j.dump(2) + "\n";
}

Status save_project(const Project& p, const std::string& file)
{
    return io::write_file_atomically(file, project_json(p));
}

}  // namespace coopmap
