#include "analysis/routing/routes.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>

namespace coopmap::analysis::routing {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kEps = 1e-7;

// splitmix64: the same stream for a seed on every platform (std distributions are not).
struct Rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
};

// Time-window data of a sequence (Vidal et al. 2013, §4.2): duration D, time warp TW,
// earliest E and latest L start that give the least duration. A sequence is feasible
// exactly when TW = 0. For σ1 ⊕ σ2 with travel t from the last of σ1 to the first of σ2:
//   Δ = D1 − TW1 + t,  ΔWT = max(E2 − Δ − L1, 0),  ΔTW = max(E1 + Δ − L2, 0),
//   D = D1 + D2 + t + ΔWT,  TW = TW1 + TW2 + ΔTW,  E = max(E2 − Δ, E1) − ΔWT,  L = min(L2 − Δ, L1) + ΔTW.
struct Tw {
    double dur = 0, warp = 0, e = 0, l = 0;
    std::uint32_t first = 0, last = 0;
};

// Load data of a sequence with deliveries and pickups (the VRPSPD concatenation, Vidal et
// al., "A unified solution framework for multi-attribute vehicle routing problems", EJOR
// 234 (2014)): deliveries D and pickups P in it, and the peak load K on board along it when
// the vehicle enters carrying exactly D. K(σ1 ⊕ σ2) = max(K1 + D2, K2 + P1).
struct Load {
    std::array<double, kMaxUnits> d{}, p{}, k{};
};

struct Prepared {
    std::size_t n = 0, stops = 0, units = 0;
    const double* dist = nullptr;
    const double* time = nullptr;
    bool pickups = false;
    std::vector<std::uint32_t> node;  // per stop
    std::vector<Tw> tw;  // per stop
    std::vector<Load> load;  // per stop
    std::vector<std::uint32_t> depot_node;  // per fleet
    std::vector<Tw> depot_tw;  // per fleet
    std::vector<std::array<double, kMaxUnits>> cap;  // per fleet
    std::vector<double> cpk, cpv;  // per fleet
    std::vector<std::uint32_t> count;  // per fleet
    std::vector<std::uint8_t> fits;  // stops × fleets: alone in a vehicle of the fleet
    std::vector<std::uint8_t> servable;
    std::vector<std::uint32_t> servable_list;
    std::vector<std::vector<std::uint32_t>> adj;  // nearest stops first
    std::vector<double> size, far;  // for the recreate orders
    double penalty = 0;

    double d(std::uint32_t a, std::uint32_t b) const { return dist[a * n + b]; }
    double t(std::uint32_t a, std::uint32_t b) const { return time[a * n + b]; }
    Tw cat(const Tw& a, const Tw& b) const
    {
        const double delta = a.dur - a.warp + t(a.last, b.first);
        const double wt = std::max(b.e - delta - a.l, 0.0);
        const double warp = std::max(a.e + delta - b.l, 0.0);
        return {a.dur + b.dur + t(a.last, b.first) + wt,
                a.warp + b.warp + warp,
                std::max(b.e - delta, a.e) - wt,
                std::min(b.l - delta, a.l) + warp,
                a.first,
                b.last};
    }
    Load cat(const Load& a, const Load& b) const
    {
        Load r;
        for (std::size_t u = 0; u < units; ++u) {
            r.d[u] = a.d[u] + b.d[u];
            r.p[u] = a.p[u] + b.p[u];
            r.k[u] = std::max(a.k[u] + b.d[u], b.k[u] + a.p[u]);
        }
        return r;
    }
    bool load_ok(const Load& l, std::uint32_t f) const
    {
        for (std::size_t u = 0; u < units; ++u)
            if (l.k[u] > cap[f][u] + kEps) return false;
        return true;
    }
};

bool valid_number(double v) { return !std::isnan(v); }

Result<Prepared> prepare(const RoutingProblem& pb)
{
    auto fail = [](std::string feature, std::string message) {
        return Error{.file = {}, .layer = {}, .feature = std::move(feature), .message = std::move(message)};
    };
    Prepared p;
    p.n = pb.node_count;
    p.stops = pb.stops.size();
    p.units = std::max<std::size_t>(pb.units.size(), 1);
    if (p.units > kMaxUnits) return fail({}, "载重单位最多 " + std::to_string(kMaxUnits) + " 种");
    if (pb.distance_km.size() != p.n * p.n || pb.travel_time.size() != p.n * p.n)
        return fail({}, "距离矩阵或行驶时间矩阵的大小与节点数不符");
    if (pb.depots.empty() || pb.fleets.empty()) return fail({}, "至少需要一个配送中心和一组车辆");
    for (std::size_t i = 0; i < p.n * p.n; ++i)
        if (!(pb.distance_km[i] >= 0) || !(pb.travel_time[i] >= 0))
            return fail({}, "距离或行驶时间矩阵中有负数或空值（第 " + std::to_string(i / p.n + 1) + " 行）");
    p.dist = pb.distance_km.data();
    p.time = pb.travel_time.data();
    for (const auto& dp : pb.depots)
        if (dp.node >= p.n) return fail(dp.id, "配送中心的节点号超出矩阵范围");
    for (std::size_t f = 0; f < pb.fleets.size(); ++f) {
        const auto& fl = pb.fleets[f];
        const std::string name = "车队 " + std::to_string(f + 1);
        if (fl.depot >= pb.depots.size()) return fail(name, "车队所属的配送中心不存在");
        if (fl.capacity.size() > p.units) return fail(name, "车辆载重的单位数多于问题的单位数");
        if (!(fl.shift_end >= fl.shift_start)) return fail(name, "班次结束早于开始");
        if (!(fl.cost_per_km >= 0) || !(fl.cost_per_vehicle >= 0)) return fail(name, "费用不能为负");
        std::array<double, kMaxUnits> cap{};
        for (std::size_t u = 0; u < p.units; ++u) {
            cap[u] = u < fl.capacity.size() ? fl.capacity[u] : kInf;
            if (!(cap[u] >= 0)) return fail(name, "车辆载重不能为负");
        }
        const std::uint32_t node = pb.depots[fl.depot].node;
        p.depot_node.push_back(node);
        p.depot_tw.push_back({0, 0, fl.shift_start, fl.shift_end, node, node});
        p.cap.push_back(cap);
        p.cpk.push_back(fl.cost_per_km);
        p.cpv.push_back(fl.cost_per_vehicle);
        p.count.push_back(fl.count);
    }
    for (const auto& s : pb.stops) {
        if (s.node >= p.n) return fail(s.id, "站点的节点号超出矩阵范围");
        if (s.delivery.size() > p.units || s.pickup.size() > p.units)
            return fail(s.id, "需求量的单位数多于问题的单位数");
        if (!(s.due >= s.ready)) return fail(s.id, "时间窗结束早于开始");
        if (!(s.service >= 0)) return fail(s.id, "服务时间不能为负");
        Load l;
        for (std::size_t u = 0; u < p.units; ++u) {
            l.d[u] = u < s.delivery.size() ? s.delivery[u] : 0;
            l.p[u] = u < s.pickup.size() ? s.pickup[u] : 0;
            if (!(l.d[u] >= 0) || !(l.p[u] >= 0) || !valid_number(l.d[u])) return fail(s.id, "需求量或回程量不能为负");
            l.k[u] = std::max(l.d[u], l.p[u]);
            if (l.p[u] > 0) p.pickups = true;
        }
        p.node.push_back(s.node);
        p.tw.push_back({s.service, 0, s.ready, s.due, s.node, s.node});
        p.load.push_back(l);
    }
    const std::size_t nf = pb.fleets.size();
    p.fits.assign(p.stops * nf, 0);
    p.servable.assign(p.stops, 0);
    double max_cost = 0;
    for (std::size_t f = 0; f < nf; ++f)
        for (std::uint32_t s = 0; s < p.stops; ++s)
            max_cost = std::max(
                max_cost, p.cpv[f] + p.cpk[f] * (p.d(p.depot_node[f], p.node[s]) + p.d(p.node[s], p.depot_node[f])));
    p.penalty = 10 * max_cost + 1;
    for (std::uint32_t s = 0; s < p.stops; ++s) {
        for (std::uint32_t f = 0; f < nf; ++f) {
            if (p.count[f] == 0 || !p.load_ok(p.load[s], f)) continue;
            if (p.cat(p.cat(p.depot_tw[f], p.tw[s]), p.depot_tw[f]).warp > kEps) continue;
            p.fits[s * nf + f] = 1;
            p.servable[s] = 1;
        }
        if (p.servable[s]) p.servable_list.push_back(s);
    }
    // Neighbours by distance either way; the ruin walks them, the local search tries them.
    const std::size_t keep = std::min<std::size_t>(p.stops > 0 ? p.stops - 1 : 0, 100);
    p.adj.resize(p.stops);
    std::vector<std::uint32_t> order;
    for (std::uint32_t s : p.servable_list) {
        order.clear();
        for (std::uint32_t o : p.servable_list)
            if (o != s) order.push_back(o);
        auto closeness = [&](std::uint32_t o) {
            return std::min(p.d(p.node[s], p.node[o]), p.d(p.node[o], p.node[s]));
        };
        const std::size_t k = std::min(keep, order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                          [&](std::uint32_t a, std::uint32_t b) {
                              const double da = closeness(a), db = closeness(b);
                              return da < db || (da == db && a < b);
                          });
        p.adj[s].assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k));
    }
    p.size.assign(p.stops, 0);
    p.far.assign(p.stops, kInf);
    for (std::uint32_t s = 0; s < p.stops; ++s) {
        for (std::size_t u = 0; u < p.units; ++u) {
            const double c = p.cap[0][u] > 0 && std::isfinite(p.cap[0][u]) ? p.cap[0][u] : 1;
            p.size[s] += (p.load[s].d[u] + p.load[s].p[u]) / c;
        }
        for (std::size_t f = 0; f < nf; ++f) p.far[s] = std::min(p.far[s], p.d(p.depot_node[f], p.node[s]));
    }
    return p;
}

// A route being searched, with its forward and backward concatenation data so that a move
// is checked in O(1): fw[k] covers depot … position k, bw[k] position k … depot (positions
// 0 and n+1 are the depot).
struct RouteState {
    std::uint32_t fleet = 0;
    std::vector<std::uint32_t> seq;
    std::vector<Tw> fw, bw;
    std::vector<Load> lf, lb;
    std::vector<double> fd, bd;  // distance depot → k, k → depot
    double dist = 0;
};

struct State {
    std::vector<RouteState> routes;
    std::vector<std::uint32_t> absent;
    std::vector<std::uint32_t> used;  // vehicles per fleet
    double cost = 0;
};

class Search {
public:
    Search(const Prepared& p, std::uint64_t seed) : p_(p), rng_{seed} {}

    std::uint32_t node_at(const RouteState& r, std::size_t k) const
    {
        return (k == 0 || k == r.seq.size() + 1) ? p_.depot_node[r.fleet] : p_.node[r.seq[k - 1]];
    }

    void rebuild(RouteState& r) const
    {
        const std::size_t n = r.seq.size();
        r.fw.resize(n + 2);
        r.bw.resize(n + 2);
        r.lf.resize(n + 2);
        r.lb.resize(n + 2);
        r.fd.resize(n + 2);
        r.bd.resize(n + 2);
        const Tw& dep = p_.depot_tw[r.fleet];
        r.fw[0] = dep;
        r.lf[0] = Load{};
        r.fd[0] = 0;
        for (std::size_t k = 1; k <= n + 1; ++k) {
            const bool end = k == n + 1;
            r.fw[k] = p_.cat(r.fw[k - 1], end ? dep : p_.tw[r.seq[k - 1]]);
            r.lf[k] = end ? r.lf[k - 1] : p_.cat(r.lf[k - 1], p_.load[r.seq[k - 1]]);
            r.fd[k] = r.fd[k - 1] + p_.d(node_at(r, k - 1), node_at(r, k));
        }
        r.bw[n + 1] = dep;
        r.lb[n + 1] = Load{};
        r.bd[n + 1] = 0;
        for (std::size_t k = n + 1; k-- > 0;) {
            const bool start = k == 0;
            r.bw[k] = p_.cat(start ? dep : p_.tw[r.seq[k - 1]], r.bw[k + 1]);
            r.lb[k] = start ? r.lb[k + 1] : p_.cat(p_.load[r.seq[k - 1]], r.lb[k + 1]);
            r.bd[k] = r.bd[k + 1] + p_.d(node_at(r, k), node_at(r, k + 1));
        }
        r.dist = r.fd[n + 1];
    }

    double route_cost(const RouteState& r) const
    {
        return r.seq.empty() ? 0 : p_.cpk[r.fleet] * r.dist + p_.cpv[r.fleet];
    }

    void price(State& s) const
    {
        s.cost = p_.penalty * static_cast<double>(s.absent.size());
        for (const auto& r : s.routes) s.cost += route_cost(r);
    }

    void drop_empty(State& s) const
    {
        std::erase_if(s.routes, [](const RouteState& r) { return r.seq.empty(); });
    }

    // Cheapest insertion of each stop in the given order, with SISR's blinks (each position
    // skipped with probability 0.01); a stop that fits nowhere stays absent.
    void recreate(State& s, std::vector<std::uint32_t>& pending, double blink)
    {
        const std::size_t nf = p_.count.size();
        for (std::uint32_t c : pending) {
            const std::uint32_t cn = p_.node[c];
            const Tw& ct = p_.tw[c];
            const Load& cl = p_.load[c];
            double best = kInf;
            std::size_t br = SIZE_MAX, bk = 0;
            std::uint32_t bf = 0;
            for (std::size_t ri = 0; ri < s.routes.size(); ++ri) {
                const RouteState& r = s.routes[ri];
                if (!p_.fits[c * nf + r.fleet]) continue;
                const std::size_t n = r.seq.size();
                if (!p_.pickups) {
                    bool over = false;
                    for (std::size_t u = 0; u < p_.units; ++u)
                        if (r.lf[n + 1].d[u] + cl.d[u] > p_.cap[r.fleet][u] + kEps) over = true;
                    if (over) continue;
                }
                const double cpk = p_.cpk[r.fleet];
                for (std::size_t k = 0; k <= n; ++k) {
                    const std::uint32_t a = node_at(r, k), b = node_at(r, k + 1);
                    const double delta = cpk * (p_.d(a, cn) + p_.d(cn, b) - p_.d(a, b));
                    if (delta >= best) continue;
                    if (p_.cat(p_.cat(r.fw[k], ct), r.bw[k + 1]).warp > kEps) continue;
                    if (p_.pickups && !p_.load_ok(p_.cat(p_.cat(r.lf[k], cl), r.lb[k + 1]), r.fleet)) continue;
                    if (blink > 0 && rng_.uniform() < blink) continue;
                    best = delta;
                    br = ri;
                    bk = k;
                }
            }
            for (std::uint32_t f = 0; f < nf; ++f) {
                if (s.used[f] >= p_.count[f] || !p_.fits[c * nf + f]) continue;
                const double delta = p_.cpv[f] + p_.cpk[f] * (p_.d(p_.depot_node[f], cn) + p_.d(cn, p_.depot_node[f]));
                if (delta < best) {
                    best = delta;
                    br = SIZE_MAX - 1;
                    bf = f;
                }
            }
            if (br == SIZE_MAX) {
                s.absent.push_back(c);
                continue;
            }
            if (br == SIZE_MAX - 1) {
                RouteState fresh;
                fresh.fleet = bf;
                fresh.seq = {c};
                s.routes.push_back(std::move(fresh));
                ++s.used[bf];
                rebuild(s.routes.back());
                continue;
            }
            RouteState& r = s.routes[br];
            r.seq.insert(r.seq.begin() + static_cast<std::ptrdiff_t>(bk), c);
            rebuild(r);
        }
    }

    void order_for_recreate(std::vector<std::uint32_t>& v)
    {
        // SISR's sort of the removed stops: random 4, demand 4, far 2, close 1.
        const std::uint32_t pick = rng_.below(11);
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng_.below(static_cast<std::uint32_t>(i))]);
        if (pick < 4) return;
        if (pick < 8) std::stable_sort(v.begin(), v.end(), [&](auto a, auto b) { return p_.size[a] > p_.size[b]; });
        else if (pick < 10) std::stable_sort(v.begin(), v.end(), [&](auto a, auto b) { return p_.far[a] > p_.far[b]; });
        else std::stable_sort(v.begin(), v.end(), [&](auto a, auto b) { return p_.far[a] < p_.far[b]; });
    }

    // SISR's ruin: strings (or split strings) removed from routes near a random seed stop,
    // with c̄ = 10 stops removed on average and strings of at most L_max = 10.
    void ruin(State& s, std::vector<std::uint32_t>& removed)
    {
        removed = s.absent;
        s.absent.clear();
        if (s.routes.empty()) return;
        constexpr double cbar = 10, lmax = 10;
        loc_route_.assign(p_.stops, UINT32_MAX);
        loc_pos_.assign(p_.stops, 0);
        std::size_t served = 0;
        for (std::uint32_t ri = 0; ri < s.routes.size(); ++ri) {
            served += s.routes[ri].seq.size();
            for (std::uint32_t k = 0; k < s.routes[ri].seq.size(); ++k) {
                loc_route_[s.routes[ri].seq[k]] = ri;
                loc_pos_[s.routes[ri].seq[k]] = k;
            }
        }
        if (served == 0) return;
        const double ls_max = std::min(lmax, static_cast<double>(served) / static_cast<double>(s.routes.size()));
        const double ks_max = 4 * cbar / (1 + ls_max) - 1;
        const auto ks = static_cast<std::size_t>(1 + rng_.uniform() * ks_max);
        // The seed: a served stop at random.
        std::uint32_t seed = 0;
        {
            std::uint32_t pick = rng_.below(static_cast<std::uint32_t>(served));
            for (const auto& r : s.routes) {
                if (pick < r.seq.size()) {
                    seed = r.seq[pick];
                    break;
                }
                pick -= static_cast<std::uint32_t>(r.seq.size());
            }
        }
        ruined_.assign(s.routes.size(), 0);
        std::size_t ruined = 0;
        auto visit = [&](std::uint32_t c) {
            const std::uint32_t ri = loc_route_[c];
            if (ri == UINT32_MAX || ruined_[ri]) return;
            auto& seq = s.routes[ri].seq;
            const auto n = static_cast<std::uint32_t>(seq.size());
            const auto lt_max = static_cast<std::uint32_t>(std::min<double>(n, ls_max));
            const std::uint32_t l = 1 + rng_.below(std::max<std::uint32_t>(lt_max, 1));
            const std::uint32_t pos = loc_pos_[c];
            std::uint32_t m = 0;  // stops kept inside the string (split string)
            if (l < n && rng_.uniform() < 0.5) m = 1 + rng_.below(n - l);
            const std::uint32_t span = l + m;
            const std::uint32_t lo = pos + 1 >= span ? pos + 1 - span : 0, hi = std::min(pos, n - span);
            const std::uint32_t start = lo + rng_.below(hi - lo + 1);
            const std::uint32_t keep_at = m ? start + rng_.below(l + 1) : 0;  // first kept position
            std::vector<std::uint32_t> kept;
            kept.reserve(n);
            for (std::uint32_t k = 0; k < n; ++k) {
                const bool in = k >= start && k < start + span && !(m && k >= keep_at && k < keep_at + m);
                (in ? removed : kept).push_back(seq[k]);
            }
            seq.swap(kept);
            ruined_[ri] = 1;
            ++ruined;
        };
        visit(seed);
        for (std::uint32_t c : p_.adj[seed]) {
            if (ruined >= ks) break;
            visit(c);
        }
        for (std::uint32_t ri = 0; ri < s.routes.size(); ++ri)
            if (ruined_[ri]) {
                if (s.routes[ri].seq.empty()) --s.used[s.routes[ri].fleet];
                else rebuild(s.routes[ri]);
            }
        drop_empty(s);
    }

    // Local search to a local optimum over granular neighbourhoods (the nearest stops of
    // each stop, as in Vidal et al. 2013): relocate, swap and 2-opt* between routes and
    // or-opt inside a route, first improvement, each move checked in O(1).
    void improve(State& s)
    {
        const std::size_t granular = std::min<std::size_t>(20, p_.stops);
        bool improved = true;
        locate(s);
        order_.assign(p_.servable_list.begin(), p_.servable_list.end());
        for (std::size_t i = order_.size(); i > 1; --i)
            std::swap(order_[i - 1], order_[rng_.below(static_cast<std::uint32_t>(i))]);
        int passes = 0;
        while (improved && passes++ < 50) {
            improved = false;
            for (std::uint32_t u : order_) {
                if (loc_route_[u] == UINT32_MAX) continue;
                const auto& nb = p_.adj[u];
                for (std::size_t j = 0; j < std::min(granular, nb.size()); ++j) {
                    const std::uint32_t v = nb[j];
                    if (loc_route_[v] == UINT32_MAX || loc_route_[u] == loc_route_[v]) continue;
                    if (inter(s, u, v)) {
                        improved = true;
                        if (loc_route_[u] == UINT32_MAX) break;
                    }
                }
            }
            for (std::uint32_t ri = 0; ri < s.routes.size(); ++ri)
                while (or_opt(s, ri)) improved = true;
        }
        for (auto& r : s.routes)
            if (r.seq.empty()) --s.used[r.fleet];
        drop_empty(s);
        price(s);
    }

private:
    void locate(const State& s)
    {
        loc_route_.assign(p_.stops, UINT32_MAX);
        loc_pos_.assign(p_.stops, 0);
        for (std::uint32_t ri = 0; ri < s.routes.size(); ++ri) relocate_index(s, ri);
    }
    void relocate_index(const State& s, std::uint32_t ri)
    {
        const auto& seq = s.routes[ri].seq;
        for (std::uint32_t k = 0; k < seq.size(); ++k) {
            loc_route_[seq[k]] = ri;
            loc_pos_[seq[k]] = k + 1;  // 1-based: positions in the concatenation arrays
        }
    }
    void commit(State& s, std::uint32_t r1, std::uint32_t r2)
    {
        rebuild(s.routes[r1]);
        relocate_index(s, r1);
        if (r2 != r1) {
            rebuild(s.routes[r2]);
            relocate_index(s, r2);
        }
    }
    double vehicle(const RouteState& r, std::size_t n_after) const
    {
        // The change in vehicle cost when a route goes from its size to n_after stops.
        const bool before = !r.seq.empty(), after = n_after > 0;
        return (after ? p_.cpv[r.fleet] : 0) - (before ? p_.cpv[r.fleet] : 0);
    }
    bool feasible(const Tw& t, const Load& l, std::uint32_t f) const { return t.warp <= kEps && p_.load_ok(l, f); }
    Tw one(std::uint32_t c) const { return p_.tw[c]; }

    bool inter(State& s, std::uint32_t u, std::uint32_t v)
    {
        const std::uint32_t r1i = loc_route_[u], r2i = loc_route_[v];
        RouteState& r1 = s.routes[r1i];
        RouteState& r2 = s.routes[r2i];
        const std::size_t pu = loc_pos_[u], pv = loc_pos_[v];
        const std::size_t n1 = r1.seq.size(), n2 = r2.seq.size();
        const std::size_t nf = p_.count.size();
        const double c1 = p_.cpk[r1.fleet], c2 = p_.cpk[r2.fleet];
        const std::uint32_t un = p_.node[u], vn = p_.node[v];
        const std::uint32_t a1 = node_at(r1, pu - 1), b1 = node_at(r1, pu + 1);
        const std::uint32_t a2 = node_at(r2, pv - 1), b2 = node_at(r2, pv + 1);
        const double remove_u = c1 * (p_.d(a1, b1) - p_.d(a1, un) - p_.d(un, b1)) + vehicle(r1, n1 - 1);
        // Relocate u next to v: before v (between a2 and v) or after v (between v and b2).
        if (p_.fits[u * nf + r2.fleet]) {
            for (int side = 0; side < 2; ++side) {
                const std::size_t k = side == 0 ? pv - 1 : pv;  // insert between k and k+1
                const std::uint32_t x = node_at(r2, k), y = node_at(r2, k + 1);
                const double delta = remove_u + c2 * (p_.d(x, un) + p_.d(un, y) - p_.d(x, y));
                if (delta > -kEps) continue;
                if (!feasible(p_.cat(r1.fw[pu - 1], r1.bw[pu + 1]), p_.cat(r1.lf[pu - 1], r1.lb[pu + 1]), r1.fleet))
                    break;
                if (!feasible(p_.cat(p_.cat(r2.fw[k], one(u)), r2.bw[k + 1]),
                              p_.cat(p_.cat(r2.lf[k], p_.load[u]), r2.lb[k + 1]), r2.fleet))
                    continue;
                r1.seq.erase(r1.seq.begin() + static_cast<std::ptrdiff_t>(pu - 1));
                r2.seq.insert(r2.seq.begin() + static_cast<std::ptrdiff_t>(k), u);
                if (r1.seq.empty()) loc_route_[u] = r2i;  // r1 stays, empty, until the end
                commit(s, r1i, r2i);
                return true;
            }
        }
        // Swap u and v.
        if (p_.fits[u * nf + r2.fleet] && p_.fits[v * nf + r1.fleet]) {
            const double delta = c1 * (p_.d(a1, vn) + p_.d(vn, b1) - p_.d(a1, un) - p_.d(un, b1)) +
                                 c2 * (p_.d(a2, un) + p_.d(un, b2) - p_.d(a2, vn) - p_.d(vn, b2));
            if (delta < -kEps &&
                feasible(p_.cat(p_.cat(r1.fw[pu - 1], one(v)), r1.bw[pu + 1]),
                         p_.cat(p_.cat(r1.lf[pu - 1], p_.load[v]), r1.lb[pu + 1]), r1.fleet) &&
                feasible(p_.cat(p_.cat(r2.fw[pv - 1], one(u)), r2.bw[pv + 1]),
                         p_.cat(p_.cat(r2.lf[pv - 1], p_.load[u]), r2.lb[pv + 1]), r2.fleet)) {
                std::swap(r1.seq[pu - 1], r2.seq[pv - 1]);
                commit(s, r1i, r2i);
                return true;
            }
        }
        // 2-opt*: the tails of the two routes exchanged so that u is followed by v (or v by u).
        // Only between routes that share depot and shift, since each new route keeps its ends.
        const Tw& d1 = p_.depot_tw[r1.fleet];
        const Tw& d2 = p_.depot_tw[r2.fleet];
        if (d1.first == d2.first && d1.e == d2.e && d1.l == d2.l) {
            // (i, j): r1 keeps positions ≤ i then r2's from j+1; r2 keeps ≤ j then r1's from i+1.
            const std::size_t cuts[2][2] = {{pu, pv - 1}, {pu - 1, pv}};
            for (const auto& cut : cuts) {
                const std::size_t i = cut[0], j = cut[1];
                const std::size_t m1 = i + (n2 - j), m2 = j + (n1 - i);
                const double nd1 = r1.fd[i] + p_.d(node_at(r1, i), node_at(r2, j + 1)) + r2.bd[j + 1];
                const double nd2 = r2.fd[j] + p_.d(node_at(r2, j), node_at(r1, i + 1)) + r1.bd[i + 1];
                const double delta = c1 * (nd1 - r1.dist) + c2 * (nd2 - r2.dist) + vehicle(r1, m1) + vehicle(r2, m2);
                if (delta > -kEps) continue;
                bool ok = true;
                for (std::size_t k = j + 1; k <= n2 && ok; ++k) ok = p_.fits[r2.seq[k - 1] * nf + r1.fleet];
                for (std::size_t k = i + 1; k <= n1 && ok; ++k) ok = p_.fits[r1.seq[k - 1] * nf + r2.fleet];
                if (!ok) continue;
                if (!feasible(p_.cat(r1.fw[i], r2.bw[j + 1]), p_.cat(r1.lf[i], r2.lb[j + 1]), r1.fleet)) continue;
                if (!feasible(p_.cat(r2.fw[j], r1.bw[i + 1]), p_.cat(r2.lf[j], r1.lb[i + 1]), r2.fleet)) continue;
                std::vector<std::uint32_t> s1(r1.seq.begin(), r1.seq.begin() + static_cast<std::ptrdiff_t>(i));
                s1.insert(s1.end(), r2.seq.begin() + static_cast<std::ptrdiff_t>(j), r2.seq.end());
                std::vector<std::uint32_t> s2(r2.seq.begin(), r2.seq.begin() + static_cast<std::ptrdiff_t>(j));
                s2.insert(s2.end(), r1.seq.begin() + static_cast<std::ptrdiff_t>(i), r1.seq.end());
                r1.seq.swap(s1);
                r2.seq.swap(s2);
                commit(s, r1i, r2i);
                return true;
            }
        }
        return false;
    }

    // Or-opt: a string of 1–3 stops moved elsewhere in its own route. The stops passed over
    // are concatenated one at a time, so each move is still O(1).
    bool or_opt(State& s, std::uint32_t ri)
    {
        RouteState& r = s.routes[ri];
        const std::size_t n = r.seq.size();
        const double c = p_.cpk[r.fleet];
        for (std::size_t len = 1; len <= 3 && len < n; ++len) {
            for (std::size_t i = 1; i + len - 1 <= n; ++i) {
                const std::size_t j = i + len - 1;  // the string is positions i..j
                Tw seg = one(r.seq[i - 1]);
                Load lseg = p_.load[r.seq[i - 1]];
                for (std::size_t k = i + 1; k <= j; ++k) {
                    seg = p_.cat(seg, one(r.seq[k - 1]));
                    lseg = p_.cat(lseg, p_.load[r.seq[k - 1]]);
                }
                const std::uint32_t si = node_at(r, i), sj = node_at(r, j);
                const std::uint32_t a = node_at(r, i - 1), b = node_at(r, j + 1);
                const double out = p_.d(a, b) - p_.d(a, si) - p_.d(sj, b);
                // Forward: after position k > j, passing over j+1..k.
                Tw mid;
                Load lmid;
                for (std::size_t k = j + 1; k <= n; ++k) {
                    const std::uint32_t kn = node_at(r, k), kn1 = node_at(r, k + 1);
                    if (k == j + 1) {
                        mid = one(r.seq[k - 1]);
                        lmid = p_.load[r.seq[k - 1]];
                    } else {
                        mid = p_.cat(mid, one(r.seq[k - 1]));
                        lmid = p_.cat(lmid, p_.load[r.seq[k - 1]]);
                    }
                    const double delta = c * (out + p_.d(kn, si) + p_.d(sj, kn1) - p_.d(kn, kn1));
                    if (delta > -kEps) continue;
                    const Tw t = p_.cat(p_.cat(p_.cat(r.fw[i - 1], mid), seg), r.bw[k + 1]);
                    if (t.warp > kEps) continue;
                    if (p_.pickups &&
                        !p_.load_ok(p_.cat(p_.cat(p_.cat(r.lf[i - 1], lmid), lseg), r.lb[k + 1]), r.fleet))
                        continue;
                    std::rotate(r.seq.begin() + static_cast<std::ptrdiff_t>(i - 1),
                                r.seq.begin() + static_cast<std::ptrdiff_t>(j),
                                r.seq.begin() + static_cast<std::ptrdiff_t>(k));
                    commit(s, ri, ri);
                    return true;
                }
                // Backward: before position k < i, passing over k..i-1.
                for (std::size_t k = i - 1; k >= 1; --k) {
                    const std::uint32_t kn = node_at(r, k), kp = node_at(r, k - 1);
                    if (k == i - 1) {
                        mid = one(r.seq[k - 1]);
                        lmid = p_.load[r.seq[k - 1]];
                    } else {
                        mid = p_.cat(one(r.seq[k - 1]), mid);
                        lmid = p_.cat(p_.load[r.seq[k - 1]], lmid);
                    }
                    const double delta = c * (out + p_.d(kp, si) + p_.d(sj, kn) - p_.d(kp, kn));
                    if (delta < -kEps) {
                        const Tw t = p_.cat(p_.cat(p_.cat(r.fw[k - 1], seg), mid), r.bw[j + 1]);
                        if (t.warp <= kEps &&
                            (!p_.pickups ||
                             p_.load_ok(p_.cat(p_.cat(p_.cat(r.lf[k - 1], lseg), lmid), r.lb[j + 1]), r.fleet))) {
                            std::rotate(r.seq.begin() + static_cast<std::ptrdiff_t>(k - 1),
                                        r.seq.begin() + static_cast<std::ptrdiff_t>(i - 1),
                                        r.seq.begin() + static_cast<std::ptrdiff_t>(j));
                            commit(s, ri, ri);
                            return true;
                        }
                    }
                    if (k == 1) break;
                }
            }
        }
        return false;
    }

    const Prepared& p_;
    Rng rng_;
    std::vector<std::uint32_t> loc_route_, loc_pos_, order_;
    std::vector<std::uint8_t> ruined_;
};

std::string unit_name(const RoutingProblem& pb, std::size_t u)
{
    return u < pb.units.size() ? pb.units[u] : std::string("单位");
}

Unserved why_unserved(const RoutingProblem& pb, const Prepared& p, std::uint32_t s)
{
    const std::size_t nf = p.count.size();
    bool fits_load = false;
    for (std::uint32_t f = 0; f < nf; ++f)
        if (p.count[f] > 0 && p.load_ok(p.load[s], f)) fits_load = true;
    if (!fits_load) {
        std::size_t worst = 0;
        for (std::size_t u = 0; u < p.units; ++u) {
            bool any = false;
            for (std::uint32_t f = 0; f < nf; ++f) any |= p.count[f] > 0 && p.load[s].k[u] <= p.cap[f][u] + kEps;
            if (!any) {
                worst = u;
                break;
            }
        }
        return {s, UnservedReason::too_heavy,
                "需求量或回程量（" + unit_name(pb, worst) + "）超过所有车辆的载重，请分批配送或增加大车"};
    }
    if (!p.servable[s])
        return {s, UnservedReason::window_unreachable,
                "在班次内无法于时间窗内到达（往返配送中心也赶不上），请放宽时间窗或延长班次"};
    return {s, UnservedReason::fleet_too_small, "车辆不足：现有车辆装不下或赶不上这一站，请增加车辆"};
}

}  // namespace

Result<Route> evaluate_route(const RoutingProblem& pb, std::uint32_t fleet, std::span<const std::uint32_t> stops)
{
    auto fail = [&](std::string feature, std::string message) {
        return Error{.file = {}, .layer = {}, .feature = std::move(feature), .message = std::move(message)};
    };
    if (fleet >= pb.fleets.size() || pb.fleets[fleet].depot >= pb.depots.size()) return fail({}, "车队不存在");
    const std::size_t n = pb.node_count;
    if (pb.distance_km.size() != n * n || pb.travel_time.size() != n * n) return fail({}, "矩阵大小与节点数不符");
    const Fleet& fl = pb.fleets[fleet];
    const std::uint32_t depot = pb.depots[fl.depot].node;
    const std::size_t units = std::max<std::size_t>(pb.units.size(), 1);
    Route r;
    r.fleet = fleet;
    r.load_at_start.assign(units, 0);
    for (std::uint32_t s : stops) {
        if (s >= pb.stops.size()) return fail({}, "站点不存在");
        for (std::size_t u = 0; u < pb.stops[s].delivery.size() && u < units; ++u)
            r.load_at_start[u] += pb.stops[s].delivery[u];
    }
    auto cap = [&](std::size_t u) { return u < fl.capacity.size() ? fl.capacity[u] : kInf; };
    for (std::size_t u = 0; u < units; ++u)
        if (r.load_at_start[u] > cap(u) + kEps)
            return fail(stops.empty() ? "" : pb.stops[stops[0]].id, "出车装货超过载重");
    std::uint32_t at = depot;
    double time = fl.shift_start;
    if (!stops.empty()) {
        const Stop& first = pb.stops[stops[0]];
        time = std::max(fl.shift_start, first.ready - pb.travel_time[depot * n + first.node]);
    }
    r.start = time;
    std::vector<double> load = r.load_at_start;
    for (std::uint32_t s : stops) {
        const Stop& st = pb.stops[s];
        Visit v;
        v.stop = s;
        v.arrival = time + pb.travel_time[at * n + st.node];
        v.start = std::max(v.arrival, st.ready);
        if (v.start > st.due + kEps) return fail(st.id, "到达晚于时间窗");
        v.departure = v.start + st.service;
        r.distance_km += pb.distance_km[at * n + st.node];
        for (std::size_t u = 0; u < units; ++u) {
            load[u] += (u < st.pickup.size() ? st.pickup[u] : 0) - (u < st.delivery.size() ? st.delivery[u] : 0);
            if (load[u] > cap(u) + kEps) return fail(st.id, "装卸后超过载重");
        }
        v.load_after = load;
        r.visits.push_back(std::move(v));
        time = r.visits.back().departure;
        at = st.node;
    }
    r.distance_km += pb.distance_km[at * n + depot];
    r.end = time + pb.travel_time[at * n + depot];
    if (r.end > fl.shift_end + kEps)
        return fail(stops.empty() ? "" : pb.stops[stops.back()].id, "回到配送中心晚于班次结束");
    r.cost = stops.empty() ? 0 : fl.cost_per_km * r.distance_km + fl.cost_per_vehicle;
    return r;
}

Result<RoutingSolution> solve_routes(const RoutingProblem& pb, const SolveOptions& opt)
{
    const auto t0 = Clock::now();
    auto prepared = prepare(pb);
    if (!prepared) return prepared.error();
    const Prepared& p = *prepared;
    Search search(p, opt.seed);
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };

    // Construction: every servable stop inserted where it is cheapest, farthest from the depot
    // first (Solomon's 1987 insertion heuristics; here without blinks).
    State cur;
    cur.used.assign(p.count.size(), 0);
    std::vector<std::uint32_t> pending = p.servable_list;
    std::stable_sort(pending.begin(), pending.end(), [&](auto a, auto b) { return p.far[a] > p.far[b]; });
    search.recreate(cur, pending, 0);
    search.improve(cur);
    State best = cur, cand;

    // Simulated annealing on the cost as in SISR (T from T0 to Tf, exponentially), with the
    // temperatures scaled to the instance: the mean cost per stop of the first solution.
    const double per_stop = p.servable_list.empty()
                                ? 1
                                : std::max(cur.cost - p.penalty * static_cast<double>(cur.absent.size()), 1e-9) /
                                      static_cast<double>(p.servable_list.size());
    const double t_start = 0.5 * per_stop, t_end = 0.005 * per_stop;
    Rng accept{opt.seed ^ 0x5bd1e995ULL};
    std::uint64_t it = 0;
    std::vector<std::uint32_t> removed;
    const bool by_count = opt.iterations > 0;
    double share = 0;
    if (!p.servable_list.empty()) {
        for (;; ++it) {
            if (by_count && it >= opt.iterations) break;
            if ((it & 63) == 0) {
                const double secs = elapsed();
                if (secs >= opt.seconds) break;
                share = by_count ? static_cast<double>(it) / static_cast<double>(opt.iterations) : secs / opt.seconds;
                if ((it & 1023) == 0 && opt.progress && !opt.progress(std::min(share, 1.0))) return cancelled();
            } else if (by_count) {
                share = static_cast<double>(it) / static_cast<double>(opt.iterations);
            }
            const double temp = t_start * std::pow(t_end / t_start, std::min(share, 1.0));
            cand = cur;
            search.ruin(cand, removed);
            search.order_for_recreate(removed);
            search.recreate(cand, removed, 0.01);
            search.price(cand);
            if (cand.cost < best.cost - kEps) {
                search.improve(cand);
                best = cand;
                cur = cand;
            } else if (cand.cost < cur.cost - temp * std::log(accept.uniform())) {
                cur = cand;
            }
        }
    }
    search.improve(best);

    RoutingSolution out;
    out.iterations = it;
    for (const auto& r : best.routes) {
        auto route = evaluate_route(pb, r.fleet, r.seq);
        if (!route)
            return Error{.file = {},
                         .layer = {},
                         .feature = route.error().feature,
                         .message = "内部错误：求解结果未通过复核：" + route.error().message};
        out.distance_km += route->distance_km;
        out.cost += route->cost;
        out.routes.push_back(std::move(*route));
    }
    std::vector<std::uint32_t> missing = best.absent;
    for (std::uint32_t s = 0; s < p.stops; ++s)
        if (!p.servable[s]) missing.push_back(s);
    std::sort(missing.begin(), missing.end());
    for (std::uint32_t s : missing) out.unserved.push_back(why_unserved(pb, p, s));
    out.seconds = elapsed();
    if (opt.progress && !opt.progress(1.0)) return cancelled();
    return out;
}

}  // namespace coopmap::analysis::routing
