// The delivery-route solver (issue 18) on Solomon's VRPTW instances (Solomon 1987): Euclidean
// distances computed exactly in double, travel time = distance, the vehicle count and capacity
// of the file, the depot's window as the shift. The gap is to the distance-only best-known
// solutions in bks_solomon.tsv (VROOM's benchmark convention), beside VROOM's figures.
//
//   coopmap_routes_solomon FILE [--seconds S] [--seed N] [--solution OUT]
//       one instance: the routes as "Route #k: i j k", last line "vehicles V distance D"
//   coopmap_routes_solomon DIR [--seconds S] [--seed N] [--only R101,C101,...]
//       every DIR/solomon/*.txt beside DIR/bks_solomon.tsv: a line per instance and the table
//       per class; exits 1 when an instance is infeasible or a customer unserved.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/routing/routes.h"

namespace {

using namespace coopmap::analysis::routing;
namespace fs = std::filesystem;

struct Instance {
    std::string name;
    RoutingProblem problem;
    std::vector<double> x, y;  // node 0 is the depot
};

bool read_solomon(const fs::path& file, Instance& out)
{
    std::ifstream in(file);
    if (!in) return false;
    std::string line;
    std::getline(in, out.name);
    out.name.erase(std::remove_if(out.name.begin(), out.name.end(), ::isspace), out.name.end());
    int vehicles = 0;
    double capacity = 0;
    std::vector<std::vector<double>> rows;
    while (std::getline(in, line)) {
        std::istringstream ss(line);
        std::vector<double> v;
        double d;
        while (ss >> d) v.push_back(d);
        if (v.size() == 2 && rows.empty() && vehicles == 0) {
            vehicles = static_cast<int>(v[0]);
            capacity = v[1];
        } else if (v.size() == 7) {
            rows.push_back(v);
        }
    }
    if (rows.empty() || vehicles == 0) return false;
    const std::size_t n = rows.size();
    auto& pb = out.problem;
    pb.units = {"件"};
    pb.node_count = n;
    pb.depots = {Depot{.id = "0", .node = 0}};
    pb.fleets = {Fleet{.depot = 0,
                       .count = static_cast<std::uint32_t>(vehicles),
                       .capacity = {capacity},
                       .shift_start = rows[0][4],
                       .shift_end = rows[0][5],
                       .cost_per_km = 1,
                       .cost_per_vehicle = 0}};
    for (const auto& r : rows) {
        out.x.push_back(r[1]);
        out.y.push_back(r[2]);
    }
    for (std::size_t i = 1; i < n; ++i)
        pb.stops.push_back(Stop{.id = std::to_string(static_cast<int>(rows[i][0])),
                                .node = static_cast<std::uint32_t>(i),
                                .delivery = {rows[i][3]},
                                .pickup = {},
                                .service = rows[i][6],
                                .ready = rows[i][4],
                                .due = rows[i][5]});
    pb.distance_km.resize(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            pb.distance_km[i * n + j] = std::hypot(out.x[i] - out.x[j], out.y[i] - out.y[j]);
    pb.travel_time = pb.distance_km;
    return true;
}

// Total Euclidean distance recomputed from the coordinates, and whether every customer is
// served once within capacity and windows — independent of the solver's own figures.
struct Check {
    double distance = 0;
    bool ok = true;
    std::string why;
};

Check check(const Instance& inst, const RoutingSolution& sol)
{
    Check c;
    const auto& pb = inst.problem;
    std::vector<int> seen(pb.stops.size(), 0);
    for (const auto& r : sol.routes) {
        double t = pb.fleets[0].shift_start, load = 0, dist = 0;
        std::size_t at = 0;
        for (const auto& v : r.visits) load += pb.stops[v.stop].delivery[0];
        if (load > pb.fleets[0].capacity[0] + 1e-9) c.ok = false, c.why = "capacity";
        for (const auto& v : r.visits) {
            const auto& s = pb.stops[v.stop];
            ++seen[v.stop];
            const double leg = std::hypot(inst.x[at] - inst.x[s.node], inst.y[at] - inst.y[s.node]);
            dist += leg;
            t = std::max(t + leg, s.ready);
            if (t > s.due + 1e-9) c.ok = false, c.why = "window of " + s.id;
            t += s.service;
            at = s.node;
        }
        const double back = std::hypot(inst.x[at] - inst.x[0], inst.y[at] - inst.y[0]);
        dist += back;
        if (t + back > pb.fleets[0].shift_end + 1e-9) c.ok = false, c.why = "shift";
        c.distance += dist;
    }
    if (sol.routes.size() > pb.fleets[0].count) c.ok = false, c.why = "too many vehicles";
    for (std::size_t s = 0; s < seen.size(); ++s)
        if (seen[s] != 1)
            c.ok = false, c.why = "customer " + pb.stops[s].id + " served " + std::to_string(seen[s]) + " times";
    return c;
}

struct Args {
    fs::path path;
    double seconds = 3;
    std::uint64_t seed = 1;
    std::string solution, only;
};

int run_one(const Args& a)
{
    Instance inst;
    if (!read_solomon(a.path, inst)) {
        std::cerr << "cannot read " << a.path << "\n";
        return 2;
    }
    auto sol =
        solve_routes(inst.problem, SolveOptions{.seed = a.seed, .seconds = a.seconds, .iterations = 0, .progress = {}});
    if (!sol) {
        std::cerr << sol.error().text() << "\n";
        return 2;
    }
    const Check c = check(inst, *sol);
    std::ostringstream routes;
    for (std::size_t k = 0; k < sol->routes.size(); ++k) {
        routes << "Route #" << k + 1 << ":";
        for (const auto& v : sol->routes[k].visits) routes << ' ' << inst.problem.stops[v.stop].id;
        routes << '\n';
    }
    std::cout << routes.str();
    if (!a.solution.empty()) std::ofstream(a.solution) << routes.str();
    if (!c.ok) std::cerr << "infeasible: " << c.why << "\n";
    std::printf("vehicles %zu distance %.2f\n", sol->routes.size(), c.distance);
    return c.ok ? 0 : 1;
}

int run_all(const Args& a)
{
    std::map<std::string, std::pair<std::string, double>> bks;  // instance → class, distance
    {
        std::ifstream in(a.path / "bks_solomon.tsv");
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            std::istringstream ss(line);
            std::string name, cls;
            double veh, dist;
            if (ss >> name >> cls >> veh >> dist) bks[name] = {cls, dist};
        }
    }
    if (bks.empty()) {
        std::cerr << "cannot read " << (a.path / "bks_solomon.tsv") << "\n";
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(a.path / "solomon"))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    struct ClassSum {
        double gap_sum = 0, dist = 0, bks = 0, secs = 0;
        int n = 0;
    };
    std::map<std::string, ClassSum> per_class;
    ClassSum all;
    std::vector<double> gaps, times;
    int failures = 0, at_bks = 0;
    std::printf("%-7s %4s %10s %10s %8s %7s %9s\n", "inst", "veh", "distance", "bks", "gap%", "s", "iters");
    for (const auto& f : files) {
        const std::string stem = f.stem().string();
        if (!a.only.empty() && ("," + a.only + ",").find("," + stem + ",") == std::string::npos) continue;
        Instance inst;
        if (!read_solomon(f, inst) || !bks.count(stem)) {
            std::printf("%-7s unreadable or no BKS\n", stem.c_str());
            ++failures;
            continue;
        }
        const auto t0 = std::chrono::steady_clock::now();
        auto sol = solve_routes(inst.problem,
                                SolveOptions{.seed = a.seed, .seconds = a.seconds, .iterations = 0, .progress = {}});
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!sol) {
            std::printf("%-7s error: %s\n", stem.c_str(), sol.error().text().c_str());
            ++failures;
            continue;
        }
        const Check c = check(inst, *sol);
        const auto& [cls, best] = bks[stem];
        const double gap = (c.distance - best) / best * 100;
        if (!c.ok || !sol->unserved.empty()) ++failures;
        if (gap < 0.005) ++at_bks;
        std::printf("%-7s %4zu %10.2f %10.2f %+8.2f %7.2f %9llu%s\n", stem.c_str(), sol->routes.size(), c.distance,
                    best, gap, secs, static_cast<unsigned long long>(sol->iterations),
                    c.ok && sol->unserved.empty() ? "" : (" INFEASIBLE " + c.why).c_str());
        std::fflush(stdout);
        for (ClassSum* s : {&per_class[cls], &all}) {
            s->gap_sum += gap;
            s->dist += c.distance;
            s->bks += best;
            s->secs += secs;
            ++s->n;
        }
        gaps.push_back(gap);
        times.push_back(secs);
    }
    if (all.n == 0) return 2;
    std::printf("\n| class | C1 | C2 | R1 | R2 | RC1 | RC2 | all %d |\n|---|---|---|---|---|---|---|---|\n", all.n);
    auto row = [&](const char* label, auto value) {
        std::printf("| %s |", label);
        for (const char* cls : {"C1", "C2", "R1", "R2", "RC1", "RC2"}) {
            const auto it = per_class.find(cls);
            if (it == per_class.end()) std::printf(" — |");
            else std::printf(" %s |", value(it->second).c_str());
        }
        std::printf(" %s |\n", value(all).c_str());
    };
    auto pct = [](double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%+.2f %%", v);
        return std::string(b);
    };
    row("CoopMap distance gap", [&](const ClassSum& s) { return pct((s.dist - s.bks) / s.bks * 100); });
    row("CoopMap mean instance gap", [&](const ClassSum& s) { return pct(s.gap_sum / s.n); });
    row("CoopMap mean time per instance", [&](const ClassSum& s) {
        char b[32];
        std::snprintf(b, sizeof b, "%.2f s", s.secs / s.n);
        return std::string(b);
    });
    std::printf("| VROOM mean instance gap (README) | +0.00 %% | +0.00 %% | +1.31 %% | +3.94 %% | +1.17 %% | +2.68 %% "
                "| +1.60 %% |\n");
    std::sort(gaps.begin(), gaps.end());
    std::sort(times.begin(), times.end());
    std::printf("\nmedian instance gap %+.2f %%, worst %+.2f %%, best-known reached on %d of %d; time per instance "
                "average %.2f s, longest %.2f s (VROOM: 3.4 s average on 2 cores); failures %d\n",
                gaps[gaps.size() / 2], gaps.back(), at_bks, all.n, all.secs / all.n, times.back(), failures);
    return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv)
{
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (s == "--seconds") a.seconds = std::stod(next());
        else if (s == "--seed") a.seed = std::stoull(next());
        else if (s == "--solution") a.solution = next();
        else if (s == "--only") a.only = next();
        else a.path = s;
    }
    if (a.path.empty()) {
        std::cerr << "usage: coopmap_routes_solomon FILE|DIR [--seconds S] [--seed N] [--solution OUT] [--only A,B]\n";
        return 2;
    }
    return fs::is_directory(a.path) ? run_all(a) : run_one(a);
}
