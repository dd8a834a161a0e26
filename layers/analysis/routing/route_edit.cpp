#include "analysis/routing/route_edit.h"

#include <algorithm>
#include <string>

namespace coopmap::analysis::routing {

namespace {

Error edit_error(std::string feature, std::string message)
{
    return Error{.file = {}, .layer = {}, .feature = std::move(feature), .message = std::move(message)};
}

std::string stop_label(const RouteResult& r, std::uint32_t s)
{
    const auto& site = r.stops[s].site;
    return site.name == site.id ? "“" + site.name + "”" : "“" + site.name + "”（" + site.id + "）";
}

std::string route_label(const RouteResult& r, const VehicleRoute& route)
{
    return r.depots[route.depot].site.name + " " + std::to_string(route.vehicle) + " 号车";
}

// evaluate_route names the stop that breaks the route by its id; the office reads its name.
std::string breach_text(const RouteResult& r, const Error& e)
{
    for (std::uint32_t s = 0; s < r.stops.size(); ++s)
        if (!e.feature.empty() && r.stops[s].site.id == e.feature) return stop_label(r, s) + e.message;
    return e.message;
}

std::vector<std::uint32_t> stops_of(const VehicleRoute& route)
{
    std::vector<std::uint32_t> out;
    out.reserve(route.visits.size());
    for (const auto& v : route.visits) out.push_back(v.stop);
    return out;
}

}  // namespace

std::vector<std::pair<double, double>> RoutePlan::leg(std::size_t from, std::size_t to) const
{
    if (!matrix) return {};
    std::lock_guard lock(mutex_);
    auto it = legs_.find({from, to});
    if (it == legs_.end()) it = legs_.emplace(std::pair{from, to}, leg_path(*matrix, from, to)).first;
    return it->second;
}

std::shared_ptr<const RoutePlan> make_route_plan(const RouteResult& r, std::vector<double> km,
                                                 std::vector<double> minutes, std::vector<std::uint8_t> estimated,
                                                 std::shared_ptr<const SiteMatrix> matrix)
{
    auto plan = std::make_shared<RoutePlan>();
    RoutingProblem& p = plan->problem;
    p.units = r.units;
    for (std::uint32_t d = 0; d < r.depots.size(); ++d) {
        const auto& rd = r.depots[d];
        p.depots.push_back({rd.site.id, d});
        Fleet f;
        f.depot = d;
        f.count = rd.vehicles;
        f.capacity = rd.capacity;
        f.shift_start = rd.shift_start;
        f.shift_end = rd.shift_end;
        f.cost_per_km = rd.cost_per_km;
        f.cost_per_vehicle = rd.cost_per_vehicle;
        p.fleets.push_back(std::move(f));
    }
    for (std::uint32_t s = 0; s < r.stops.size(); ++s) {
        const auto& rs = r.stops[s];
        Stop st;
        st.id = rs.site.id;
        st.node = static_cast<std::uint32_t>(r.depots.size() + s);
        st.delivery = rs.delivery;
        st.pickup = rs.pickup;
        st.service = rs.service_minutes;
        st.ready = rs.ready;
        st.due = rs.due;
        p.stops.push_back(std::move(st));
    }
    p.node_count = r.depots.size() + r.stops.size();
    p.distance_km = std::move(km);
    p.travel_time = std::move(minutes);
    plan->estimated = std::move(estimated);
    plan->matrix = std::move(matrix);
    return plan;
}

Result<VehicleRoute> time_route(const RouteResult& res, std::uint32_t depot, std::uint32_t vehicle,
                                std::span<const std::uint32_t> stops, bool with_path)
{
    if (!res.plan) return edit_error({}, "路线结果没有保留路网矩阵，无法重新计时：请重新规划");
    const RoutePlan& plan = *res.plan;
    if (depot >= plan.depot_count()) return edit_error({}, "配送中心不存在");
    auto timed = evaluate_route(plan.problem, depot, stops);
    if (!timed) return timed.error();
    VehicleRoute vr;
    vr.depot = depot;
    vr.vehicle = vehicle;
    vr.load_at_start = timed->load_at_start;
    vr.start = timed->start;
    vr.end = timed->end;
    vr.minutes = timed->end - timed->start;
    vr.cost = timed->cost;
    const std::size_t n = plan.problem.node_count;
    std::size_t prev = depot;
    for (const auto& v : timed->visits) {
        RouteVisit rv;
        rv.stop = v.stop;
        rv.arrival = v.arrival;
        rv.start = v.start;
        rv.departure = v.departure;
        rv.load_after = v.load_after;
        const std::size_t here = plan.node_of_stop(v.stop);
        rv.km = plan.problem.distance_km[prev * n + here];
        rv.estimated = plan.estimated_at(prev, here);
        vr.km += rv.km;
        vr.visits.push_back(std::move(rv));
        prev = here;
    }
    vr.km_back = plan.problem.distance_km[prev * n + depot];
    vr.back_estimated = plan.estimated_at(prev, depot);
    vr.km += vr.km_back;
    if (with_path && !vr.visits.empty()) {
        std::size_t from = depot;
        const auto add_leg = [&](std::size_t to) {
            auto piece = plan.leg(from, to);
            if (piece.empty()) {  // no road ways kept: the straight segment
                const auto at = [&](std::size_t node) {
                    const auto& site =
                        node < plan.depot_count() ? res.depots[node].site : res.stops[node - plan.depot_count()].site;
                    return std::pair{site.lon, site.lat};
                };
                piece = {at(from), at(to)};
            }
            vr.path.insert(vr.path.end(), piece.begin() + (vr.path.empty() ? 0 : 1), piece.end());
            from = to;
        };
        for (const auto& v : vr.visits) add_leg(plan.node_of_stop(v.stop));
        add_leg(depot);
    }
    return vr;
}

RouteTotals route_totals(const std::vector<VehicleRoute>& routes)
{
    RouteTotals t;
    for (const auto& r : routes) {
        if (r.visits.empty()) continue;  // a vehicle added by hand that has not left
        ++t.vehicles;
        t.km += r.km;
        t.hours += r.minutes / 60;
        t.cost += r.cost;
    }
    return t;
}

std::optional<StopPlace> find_stop(const RouteResult& r, std::uint32_t stop)
{
    for (std::size_t i = 0; i < r.routes.size(); ++i)
        for (std::size_t k = 0; k < r.routes[i].visits.size(); ++k)
            if (r.routes[i].visits[k].stop == stop) return StopPlace{i, k};
    return std::nullopt;
}

Status move_stop(RouteResult& r, std::uint32_t stop, std::size_t route, std::optional<std::size_t> position)
{
    if (stop >= r.stops.size()) return edit_error({}, "没有这个配送点");
    if (route >= r.routes.size()) return edit_error({}, "没有这条路线");
    if (!r.plan) return edit_error({}, "路线结果没有保留路网矩阵，无法重新计时：请重新规划");
    const std::string who = stop_label(r, stop);
    const auto from = find_stop(r, stop);
    // A stop the solver left over is added to the route; it leaves the unserved list only on success.
    const auto unserved = std::find_if(r.unserved.begin(), r.unserved.end(),
                                       [&](const UnservedStop& u) { return u.stop == stop; });
    if (!from && unserved == r.unserved.end())
        return edit_error(r.stops[stop].site.id, who + "不在任何路线上，也不在未服务列表中：请重新规划");
    const std::string verb = from ? "移到" : "加入";
    const VehicleRoute& target = r.routes[route];
    const std::string where = route_label(r, target);

    // The target's stops once the stop has left its old place (an unserved stop has none).
    std::vector<std::uint32_t> source;
    if (from) {
        source = stops_of(r.routes[from->route]);
        source.erase(source.begin() + static_cast<std::ptrdiff_t>(from->position));
    }
    std::vector<std::uint32_t> base = from && from->route == route ? source : stops_of(target);
    if (position && *position > base.size())
        return edit_error(r.stops[stop].site.id, "位置 " + std::to_string(*position + 1) + " 超出" + where + "的 " +
                                                     std::to_string(base.size()) + " 个点");

    const auto insert_at = [&](std::size_t k) {
        auto seq = base;
        seq.insert(seq.begin() + static_cast<std::ptrdiff_t>(k), stop);
        return seq;
    };
    std::vector<std::uint32_t> seq;
    if (position) {
        seq = insert_at(*position);
        auto check = time_route(r, target.depot, target.vehicle, seq, false);
        if (!check)
            return edit_error(check.error().feature, "不能把" + who + verb + where + "第 " +
                                                         std::to_string(*position + 1) + " 站：" +
                                                         breach_text(r, check.error()));
    } else {
        // The cheapest feasible place (ties: the earliest), as the solver's insertion would.
        double best = kInf;
        std::optional<Error> first_breach;
        for (std::size_t k = 0; k <= base.size(); ++k) {
            auto cand = insert_at(k);
            auto timed = evaluate_route(r.plan->problem, target.depot, cand);
            if (!timed) {
                if (!first_breach) first_breach = timed.error();
                continue;
            }
            if (timed->distance_km < best) {
                best = timed->distance_km;
                seq = std::move(cand);
            }
        }
        if (seq.empty())
            return edit_error(first_breach ? first_breach->feature : std::string(),
                              "不能把" + who + verb + where + "：放在任何位置都不可行，例如" +
                                  (first_breach ? breach_text(r, *first_breach) : std::string("路线不存在")));
    }

    auto moved = time_route(r, target.depot, target.vehicle, seq);
    if (!moved)
        return edit_error(moved.error().feature, "不能把" + who + verb + where + "：" + breach_text(r, moved.error()));
    std::optional<VehicleRoute> left;
    if (from && from->route != route) {
        const VehicleRoute& old = r.routes[from->route];
        auto rest = time_route(r, old.depot, old.vehicle, source);
        if (!rest)
            return edit_error(rest.error().feature, "不能把" + who + "移出" + route_label(r, old) + "：其余各点" +
                                                        breach_text(r, rest.error()));
        left = std::move(*rest);
    }
    // Both feasible: only now is the plan changed.
    r.routes[route] = std::move(*moved);
    if (left) r.routes[from->route] = std::move(*left);
    if (!from) r.unserved.erase(unserved);
    r.shared = route_totals(r.routes);
    return Done{};
}

Result<std::size_t> add_vehicle(RouteResult& r, std::uint32_t depot)
{
    if (depot >= r.depots.size()) return edit_error({}, "没有这个配送中心");
    if (!r.plan) return edit_error({}, "路线结果没有保留路网矩阵：请重新规划");
    std::uint32_t highest = 0, count = 0;
    std::size_t after = 0;  // insert after the depot's last route, keeping depot order
    for (std::size_t i = 0; i < r.routes.size(); ++i) {
        if (r.routes[i].depot <= depot) after = i + 1;
        if (r.routes[i].depot == depot) {
            highest = std::max(highest, r.routes[i].vehicle);
            ++count;
        }
    }
    auto empty = time_route(r, depot, highest + 1, {});
    if (!empty) return empty.error();
    r.routes.insert(r.routes.begin() + static_cast<std::ptrdiff_t>(after), std::move(*empty));
    r.depots[depot].vehicles = std::max(r.depots[depot].vehicles, count + 1);
    r.shared = route_totals(r.routes);
    return after;
}

Status remove_vehicle(RouteResult& r, std::size_t route)
{
    if (route >= r.routes.size()) return edit_error({}, "没有这条路线");
    if (!r.routes[route].visits.empty())
        return edit_error({}, route_label(r, r.routes[route]) + "还有 " +
                                  std::to_string(r.routes[route].visits.size()) + " 个点：先把它们移到其他车辆");
    r.routes.erase(r.routes.begin() + static_cast<std::ptrdiff_t>(route));
    r.shared = route_totals(r.routes);
    return Done{};
}

Status move_stop_to_new_vehicle(RouteResult& r, std::uint32_t stop, std::uint32_t depot)
{
    if (stop >= r.stops.size()) return edit_error({}, "没有这个配送点");
    RouteResult trial = r;
    auto added = add_vehicle(trial, depot);
    if (!added) return added.error();
    if (auto s = move_stop(trial, stop, *added, 0); !s) return s.error();
    r = std::move(trial);
    return Done{};
}

}  // namespace coopmap::analysis::routing
