#include "analysis/routing/route_run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <queue>
#include <set>

#include "analysis/geodesic.h"
#include "analysis/routing/route_edit.h"
#include "analysis/routing/site_matrix.h"
#include "model/fields.h"

namespace coopmap::analysis::routing {

namespace {

Error project_error(const Project& p, const std::string& layer, std::string feature, std::string message)
{
    return Error{.file = p.file, .layer = layer, .feature = std::move(feature), .message = std::move(message)};
}

std::string layer_title(const LayerConfig& c) { return c.title.empty() ? c.id : c.title; }

// ---------------------------------------------------------------------------------------------
// Sites of the project.

struct Found {
    RouteSite site;
    std::size_t layer = 0, feature = 0;
};

std::vector<Found> sites_of(const Project& project, const std::vector<Layer>& layers,
                            const std::function<bool(const LayerConfig&)>& take)
{
    std::vector<Found> out;
    for (std::size_t li = 0; li < project.layers.size() && li < layers.size(); ++li) {
        const auto& cfg = project.layers[li];
        const auto& l = layers[li];
        if (!take(cfg) || l.size() == 0) continue;
        const Column* code = field_column(l, cfg, "code");
        const Column* name = field_column(l, cfg, "name");
        const Column* town = field_column(l, cfg, "township_code");
        const Column* county = field_column(l, cfg, "county_code");
        const Points pts = feature_points(l);
        for (std::size_t f = 0; f < l.size(); ++f) {
            Found s;
            s.layer = li;
            s.feature = f;
            s.site.id = code ? code->text(f) : std::string();
            if (s.site.id.empty()) s.site.id = cfg.id + "#" + std::to_string(f + 1);
            s.site.name = name ? name->text(f) : std::string();
            if (s.site.name.empty()) s.site.name = s.site.id;
            s.site.layer_id = cfg.id;
            s.site.township_code = town ? town->text(f) : std::string();
            s.site.county_code = county ? county->text(f) : std::string();
            s.site.role = cfg.role;
            s.site.lon = pts.lon[f];
            s.site.lat = pts.lat[f];
            out.push_back(std::move(s));
        }
    }
    return out;
}

// A stop's value of a routing field: its mapped column (or a column named after the key or its
// Chinese label) where it holds a value, else nullopt.
const Column* routing_column(const Layer& l, const LayerConfig& cfg, const std::string& key, const std::string& label)
{
    if (const Column* c = field_column(l, cfg, key)) return c;
    if (cfg.fields.contains(key)) return nullptr;
    return l.column(label);
}

std::vector<double> padded(std::vector<double> v, std::size_t n, double fill)
{
    v.resize(std::max(v.size(), n), fill);
    v.resize(n);
    return v;
}

std::string number_text(double v, int decimals = 1)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

Result<RouteResult> run_routes(const Project& project, const std::vector<Layer>& layers, const RouteRequest& req,
                               const Feedback& feedback, RoadGraphCache* roads_cache)
{
    const auto cancelled = [&] { return cancelled_error("已取消路线规划", project.file); };
    RouteResult res;
    res.seed = req.seed;
    const RoutingDefaults& defaults = project.routing;
    res.units = defaults.units;
    res.detour_factor = defaults.detour_factor;
    const std::size_t units = res.units.size();

    // Depots.
    std::vector<Found> depots;
    if (!req.depot_ids.empty()) {
        const auto all = sites_of(project, layers, [](const LayerConfig& c) {
            return c.role != Role::village && c.role != Role::land_trusteeship && c.role != Role::admin_boundary &&
                   c.role != Role::road && c.role != Role::coverage;
        });
        for (const auto& id : req.depot_ids) {
            auto it = std::find_if(all.begin(), all.end(), [&](const Found& f) { return f.site.id == id; });
            if (it == all.end())
                return project_error(project, {}, {},
                                     "没有编号为“" + id + "”的网点可作配送中心：请用 info 查看网点编号");
            depots.push_back(*it);
        }
    } else {
        depots = sites_of(project, layers, [&](const LayerConfig& c) { return c.role == req.depot_role; });
        if (depots.empty())
            return project_error(project, {}, {},
                                 "项目中没有“" + std::string(role_name_zh(req.depot_role)) +
                                     "”网点可作配送中心：请添加该图层，或用 --depot 指定网点编号");
    }
    for (const auto& d : depots) {
        RouteDepot rd;
        rd.site = d.site;
        RoutingFleetDefaults f = defaults.fleet;
        if (auto it = defaults.depots.find(d.site.id); it != defaults.depots.end()) f = it->second;
        rd.vehicles = req.vehicles ? *req.vehicles : static_cast<std::uint32_t>(f.vehicles);
        rd.capacity = padded(req.capacity ? *req.capacity : f.capacity, units, kInf);
        if (req.capacity && req.capacity->size() > units)
            return project_error(project, {}, {},
                                 "载重给了 " + std::to_string(req.capacity->size()) + " 个数，项目只有 " +
                                     std::to_string(units) + " 个计量单位");
        const auto shift = req.shift ? req.shift : parse_clock_range(f.shift);
        rd.shift_start = shift ? shift->first : 0;
        rd.shift_end = shift ? shift->second : 24 * 60;
        rd.cost_per_km = req.cost_per_km.value_or(f.cost_per_km);
        rd.cost_per_vehicle = req.cost_per_vehicle.value_or(f.cost_per_vehicle);
        res.depots.push_back(std::move(rd));
    }

    // Stops.
    std::vector<Found> stops;
    std::set<std::string> depot_ids;
    for (const auto& d : res.depots) depot_ids.insert(d.site.layer_id + "\n" + d.site.id);
    if (!req.stop_roles.empty()) {
        stops = sites_of(project, layers, [&](const LayerConfig& c) {
            return std::find(req.stop_roles.begin(), req.stop_roles.end(), c.role) != req.stop_roles.end();
        });
    } else {
        const auto all = sites_of(project, layers, [](const LayerConfig& c) {
            return c.role != Role::admin_boundary && c.role != Role::road && c.role != Role::coverage;
        });
        for (const auto& id : req.stop_ids) {
            auto it = std::find_if(all.begin(), all.end(), [&](const Found& f) { return f.site.id == id; });
            if (it == all.end()) return project_error(project, {}, {}, "没有编号为“" + id + "”的网点可作配送点");
            stops.push_back(*it);
        }
    }
    std::erase_if(stops, [&](const Found& s) { return depot_ids.contains(s.site.layer_id + "\n" + s.site.id); });
    if (stops.empty()) return project_error(project, {}, {}, "没有要配送的网点：请检查 --stops 的角色或编号");

    for (const auto& s : stops) {
        const auto& cfg = project.layers[s.layer];
        const auto& l = layers[s.layer];
        RoutingStopDefaults d;
        if (auto it = defaults.stops.find(std::string(role_key(cfg.role))); it != defaults.stops.end()) d = it->second;
        RouteStop rs;
        rs.site = s.site;
        rs.delivery = padded(d.delivery, units, 0);
        rs.pickup = padded(d.pickup, units, 0);
        rs.service_minutes = d.service_minutes;
        const std::string feature = "要素 " + std::to_string(s.feature + 1) + "（" + s.site.name + "）";
        const auto amount = [&](const char* key, const char* label, std::vector<double>& out) -> std::optional<Error> {
            for (std::size_t u = 0; u < units; ++u) {
                const std::string k = u == 0 ? std::string(key) : std::string(key) + "_" + res.units[u];
                const std::string lab = u == 0 ? std::string(label) : std::string(label) + "_" + res.units[u];
                const Column* c = routing_column(l, cfg, k, lab);
                if (!c || c->null[s.feature] || c->text(s.feature).empty()) continue;
                const double v = c->number(s.feature);
                if (!(v >= 0))
                    return project_error(project, layer_title(cfg), feature,
                                         "列“" + c->name + "”的值“" + c->text(s.feature) +
                                             "”不是非负数字：请改正，或留空以用项目默认值");
                out[u] = v;
            }
            return std::nullopt;
        };
        if (auto e = amount("delivery", "需求量", rs.delivery)) return *e;
        if (auto e = amount("pickup", "回程量", rs.pickup)) return *e;
        if (const Column* c = routing_column(l, cfg, "service_minutes", "服务时间");
            c && !c->null[s.feature] && !c->text(s.feature).empty()) {
            const double v = c->number(s.feature);
            if (!(v >= 0))
                return project_error(project, layer_title(cfg), feature,
                                     "列“" + c->name + "”的值“" + c->text(s.feature) + "”不是分钟数：请改正或留空");
            rs.service_minutes = v;
        }
        std::string window = d.window;
        if (const Column* c = routing_column(l, cfg, "time_window", "时间窗");
            c && !c->null[s.feature] && !c->text(s.feature).empty())
            window = c->text(s.feature);
        if (!window.empty()) {
            const auto w = parse_clock_range(window);
            if (!w)
                return project_error(project, layer_title(cfg), feature,
                                     "时间窗“" + window + "”应写成 08:00-11:00：请改正或留空");
            rs.ready = w->first;
            rs.due = w->second;
        }
        res.stops.push_back(std::move(rs));
    }

    // The matrix over depots then stops.
    Points sites;
    for (const auto& d : res.depots) sites.add(d.site.lon, d.site.lat);
    for (const auto& s : res.stops) sites.add(s.site.lon, s.site.lat);
    const std::size_t nd = res.depots.size(), ns = res.stops.size();
    auto matrix =
        site_matrix(project, layers, sites, req.snap_limit_m, feedback.part(0, 0.3), roads_cache, "已取消路线规划");
    if (!matrix) return matrix.error();
    // The km and minutes move into the plan (one copy of the n × n figures); the site matrix
    // keeps what the ways along the roads need.
    std::vector<double> matrix_km = std::move(matrix->km), matrix_minutes = std::move(matrix->minutes);
    const auto kept = std::make_shared<const SiteMatrix>(std::move(*matrix));
    const SiteMatrix& m = *kept;
    res.has_roads = m.has_roads;
    if (m.has_roads)
        for (std::size_t i = 0; i < sites.size(); ++i)
            if (m.off_road[i]) res.off_road.push_back(i < nd ? res.depots[i].site.id : res.stops[i - nd].site.id);

    // One plan over every depot and stop: each route below (and each edit of route_edit.h)
    // is timed by time_route over it, so the figures have one source.
    res.plan = make_route_plan(res, std::move(matrix_km), std::move(matrix_minutes), m.estimated, kept);
    const RoutingProblem& all = res.plan->problem;
    const auto km_at = [&](std::size_t i, std::size_t j) { return all.distance_km[i * all.node_count + j]; };
    const auto minutes_at = [&](std::size_t i, std::size_t j) { return all.travel_time[i * all.node_count + j]; };

    // Each stop to a depot of its county, the nearest by road time; a county without a depot
    // sends its stops to the nearest depot anywhere.
    for (std::size_t s = 0; s < ns; ++s) {
        double best = kInf;
        bool county_match = false;
        for (std::size_t d = 0; d < nd; ++d) {
            const bool same = !res.stops[s].site.county_code.empty() &&
                              res.stops[s].site.county_code == res.depots[d].site.county_code;
            const double t = minutes_at(d, nd + s);
            if ((same && !county_match) || (same == county_match && t < best)) {
                best = t;
                county_match = same;
                res.stops[s].depot = static_cast<std::uint32_t>(d);
            }
        }
    }
    // Depots of one county plan together (several centres may share the county's stops).
    std::map<std::string, std::vector<std::uint32_t>> groups;
    for (std::uint32_t d = 0; d < nd; ++d) {
        const auto& c = res.depots[d].site.county_code;
        groups[c.empty() ? "\n" + std::to_string(d) : c].push_back(d);
    }

    const auto started = std::chrono::steady_clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    // One routing problem over some depots (each with `vehicles` of its fleet) and some stops.
    struct Solved {
        std::vector<VehicleRoute> routes;
        std::vector<UnservedStop> unserved;
        bool time_limited = false;
    };
    const auto solve = [&](const std::vector<std::uint32_t>& ds, const std::vector<std::uint32_t>& ss,
                           std::optional<std::uint32_t> vehicles, std::uint64_t iterations, double seconds,
                           const Feedback& fb, bool with_path) -> Result<Solved> {
        RoutingProblem p;
        p.units = res.units;
        std::vector<std::size_t> node;  // problem node -> matrix index
        for (std::uint32_t d : ds) {
            p.depots.push_back({res.depots[d].site.id, static_cast<std::uint32_t>(node.size())});
            node.push_back(d);
            Fleet f;
            f.depot = static_cast<std::uint32_t>(p.depots.size() - 1);
            f.count = vehicles ? *vehicles : res.depots[d].vehicles;
            f.capacity = res.depots[d].capacity;
            f.shift_start = res.depots[d].shift_start;
            f.shift_end = res.depots[d].shift_end;
            f.cost_per_km = res.depots[d].cost_per_km;
            f.cost_per_vehicle = res.depots[d].cost_per_vehicle;
            p.fleets.push_back(std::move(f));
        }
        for (std::uint32_t s : ss) {
            const auto& rs = res.stops[s];
            Stop st;
            st.id = rs.site.id;
            st.node = static_cast<std::uint32_t>(node.size());
            node.push_back(nd + s);
            st.delivery = rs.delivery;
            st.pickup = rs.pickup;
            st.service = rs.service_minutes;
            st.ready = rs.ready;
            st.due = rs.due;
            p.stops.push_back(std::move(st));
        }
        p.node_count = node.size();
        p.distance_km.resize(p.node_count * p.node_count);
        p.travel_time.resize(p.node_count * p.node_count);
        for (std::size_t a = 0; a < p.node_count; ++a)
            for (std::size_t b = 0; b < p.node_count; ++b) {
                p.distance_km[a * p.node_count + b] = km_at(node[a], node[b]);
                p.travel_time[a * p.node_count + b] = minutes_at(node[a], node[b]);
            }
        SolveOptions opt;
        opt.seed = req.seed;
        opt.iterations = iterations;
        opt.seconds = std::max(seconds, 0.01);
        opt.progress = fb.callback();
        auto sol = solve_routes(p, opt);
        if (!sol) return sol.error().cancelled ? cancelled() : sol.error();
        Solved out;
        out.time_limited = sol->iterations < iterations;
        std::map<std::uint32_t, std::uint32_t> used;  // depot -> vehicles so far
        for (const auto& r : sol->routes) {
            std::vector<std::uint32_t> order;
            for (const auto& v : r.visits) order.push_back(ss[v.stop]);
            const std::uint32_t depot = ds[r.fleet];
            auto vr = time_route(res, depot, ++used[depot], order, with_path);
            if (!vr)
                return project_error(project, {}, vr.error().feature,
                                     "内部错误：路线复核未通过：" + vr.error().message);
            out.routes.push_back(std::move(*vr));
        }
        for (const auto& u : sol->unserved) out.unserved.push_back({ss[u.stop], u.message});
        return out;
    };

    // The shared delivery, county by county.
    const Feedback solving = feedback.part(0.3, 0.85);
    std::size_t done_stops = 0;
    for (const auto& [county, ds] : groups) {
        std::vector<std::uint32_t> ss;
        for (std::uint32_t s = 0; s < ns; ++s)
            if (std::find(ds.begin(), ds.end(), res.stops[s].depot) != ds.end()) ss.push_back(s);
        if (ss.empty()) continue;
        const double from = static_cast<double>(done_stops) / static_cast<double>(ns);
        done_stops += ss.size();
        const double to = static_cast<double>(done_stops) / static_cast<double>(ns);
        // The time left, shared by the counties still to plan by their number of stops.
        const double share = static_cast<double>(ss.size()) / static_cast<double>(ns - (done_stops - ss.size()));
        auto solved = solve(ds, ss, std::nullopt, req.iterations, (req.seconds * 0.9 - elapsed()) * share,
                            solving.part(from, to), true);
        if (!solved) return solved.error();
        res.time_limited = res.time_limited || solved->time_limited;
        for (auto& r : solved->routes) res.routes.push_back(std::move(r));
        for (auto& u : solved->unserved) res.unserved.push_back(std::move(u));
    }
    std::stable_sort(res.routes.begin(), res.routes.end(), [](const VehicleRoute& a, const VehicleRoute& b) {
        return a.depot != b.depot ? a.depot < b.depot : a.vehicle < b.vehicle;
    });
    std::sort(res.unserved.begin(), res.unserved.end(),
              [](const UnservedStop& a, const UnservedStop& b) { return a.stop < b.stop; });
    res.shared = route_totals(res.routes);

    // The same served stops, each township by its own trips from its depot (vehicles as many
    // as it needs): what delivering without sharing the trucks costs.
    std::map<std::pair<std::uint32_t, std::string>, std::vector<std::uint32_t>> townships;
    for (const auto& r : res.routes)
        for (const auto& v : r.visits) {
            const auto& s = res.stops[v.stop];
            const std::string town = s.site.township_code.empty() ? "\n" + s.site.id : s.site.township_code;
            townships[{s.depot, town}].push_back(v.stop);
        }
    res.townships = townships.size();
    const Feedback separate = feedback.part(0.85, 1);
    std::vector<VehicleRoute> alone;
    std::size_t k = 0;
    for (auto& [key, ss] : townships) {
        std::sort(ss.begin(), ss.end());
        const double from = static_cast<double>(k) / static_cast<double>(townships.size());
        ++k;
        auto solved =
            solve({key.first}, ss, static_cast<std::uint32_t>(ss.size()), std::min<std::uint64_t>(req.iterations, 2000),
                  std::max(req.seconds - elapsed(), 0.0) / static_cast<double>(townships.size() - k + 1),
                  separate.part(from, static_cast<double>(k) / static_cast<double>(townships.size())), false);
        if (!solved) return solved.error();
        res.time_limited = res.time_limited || solved->time_limited;
        for (auto& r : solved->routes) alone.push_back(std::move(r));
    }
    res.separate = route_totals(alone);

    // Legs driven on the straight-line estimate.
    const auto site_id = [&](std::size_t i) { return i < nd ? res.depots[i].site.id : res.stops[i - nd].site.id; };
    for (auto& r : res.routes) {
        std::size_t prev = r.depot;
        const auto leg = [&](std::size_t to, bool estimated) {
            ++res.pairs;
            if (estimated) res.estimated_pairs.emplace_back(site_id(prev), site_id(to));
            prev = to;
        };
        for (const auto& v : r.visits) leg(nd + v.stop, v.estimated);
        leg(r.depot, r.back_estimated);
    }
    if (feedback.cancelled()) return cancelled();
    feedback.set_progress(1);
    return res;
}

std::string route_summary_text(const RouteResult& r)
{
    std::string out;
    const auto unit_list = [&](const std::vector<double>& v) {
        std::string s;
        for (std::size_t u = 0; u < r.units.size() && u < v.size(); ++u)
            s += (s.empty() ? "" : "、") + number_text(v[u], 0) + " " + r.units[u];
        return s;
    };
    for (const auto& route : r.routes) {
        const auto& d = r.depots[route.depot];
        out += d.site.name + " " + std::to_string(route.vehicle) + " 号车：" + std::to_string(route.visits.size()) +
               " 个点，" + clock_text(route.start) + " 出发，" + clock_text(route.end) + " 返回，" +
               number_text(route.km) + " 公里，装车 " + unit_list(route.load_at_start) + "，费用 " +
               number_text(route.cost, 0) + " 元\n";
    }
    std::size_t served = 0;
    for (const auto& route : r.routes) served += route.visits.size();
    out += "共配：" + std::to_string(r.shared.vehicles) + " 车次，" + std::to_string(served) + " 个点，" +
           number_text(r.shared.km) + " 公里，" + number_text(r.shared.hours) + " 小时，" +
           number_text(r.shared.cost, 0) + " 元\n";
    out += "各乡镇单独配送（" + std::to_string(r.townships) + " 个乡镇，每乡镇从其配送中心单独出车）：" +
           std::to_string(r.separate.vehicles) + " 车次，" + number_text(r.separate.km) + " 公里，" +
           number_text(r.separate.hours) + " 小时，" + number_text(r.separate.cost, 0) + " 元\n";
    const double pct = r.saving_share() * 100;
    out += "共同配送节省：" + number_text(r.saving_km()) + " 公里，" + number_text(r.saving_cost(), 0) + " 元（" +
           number_text(pct) + "%）\n";
    if (!r.unserved.empty()) {
        out += "未服务：" + std::to_string(r.unserved.size()) + " 个点\n";
        for (const auto& u : r.unserved) {
            const auto& s = r.stops[u.stop].site;
            out += "  " + s.id + " " + s.name + "：" + u.reason + "\n";
        }
    }
    if (!r.has_roads) out += "项目没有道路图层：全部行程按直线距离 × " + number_text(r.detour_factor, 2) + " 估算\n";
    else if (!r.estimated_pairs.empty()) {
        out += "按直线距离 × " + number_text(r.detour_factor, 2) + " 估算的行程：" +
               std::to_string(r.estimated_pairs.size()) + " 段（共 " + std::to_string(r.pairs) + " 段）";
        if (!r.off_road.empty()) out += "，离道路超过限距的网点 " + std::to_string(r.off_road.size()) + " 个";
        out += "\n";
    }
    if (r.time_limited) out += "注意：搜索在时限内未完成全部迭代，结果可能随机器速度不同而变化\n";
    return out;
}

}  // namespace coopmap::analysis::routing
