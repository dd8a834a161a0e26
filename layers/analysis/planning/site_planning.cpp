#include "analysis/planning/site_planning.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <queue>
#include <random>
#include <unordered_map>

#include <Highs.h>

#include "analysis/geodesic.h"

namespace coopmap::analysis::planning {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

constexpr double kEps = 1e-9;
constexpr double kOptimalGap = 1e-6;

// The rules turned into what the solvers look up: which candidates may be chosen at all,
// which pairs may not both be chosen, dense township ids for the caps.
struct Prepared {
    std::size_t n = 0;
    std::vector<std::uint8_t> allowed;
    std::vector<std::vector<std::uint32_t>> conflicts;  // per candidate, others closer than the spacing
    std::vector<std::int32_t> township;  // dense id, -1: not capped
    int township_count = 0;
    int cap = 0;  // 0: none
    std::vector<std::uint8_t> fixed;
    std::vector<std::uint32_t> fixed_list;
};

Result<Prepared> prepare(const SitingProblem& pb)
{
    Prepared p;
    p.n = pb.coverage.candidate_count;
    p.allowed.assign(p.n, 1);
    if (!pb.rules.excluded.empty())
        for (std::size_t i = 0; i < p.n && i < pb.rules.excluded.size(); ++i)
            if (pb.rules.excluded[i]) p.allowed[i] = 0;
    p.conflicts.resize(p.n);
    if (pb.rules.min_spacing_m > 0) {
        p.conflicts = points_within(pb.cand_lon, pb.cand_lat, pb.rules.min_spacing_m);
        // Too close to an existing site: never allowed.
        if (!pb.existing_lon.empty()) {
            const auto near = covered_by_sites(pb.cand_lon, pb.cand_lat, pb.existing_lon, pb.existing_lat,
                                               std::nextafter(pb.rules.min_spacing_m, 0.0));
            for (std::size_t i = 0; i < p.n; ++i)
                if (near[i]) p.allowed[i] = 0;
        }
    }
    p.township.assign(p.n, -1);
    p.cap = std::max(0, pb.rules.max_per_township);
    if (p.cap > 0 && !pb.cand_township.empty()) {
        std::map<std::int32_t, int> dense;
        for (std::size_t i = 0; i < p.n && i < pb.cand_township.size(); ++i) {
            if (pb.cand_township[i] < 0) continue;
            auto [it, added] = dense.emplace(pb.cand_township[i], int(dense.size()));
            p.township[i] = it->second;
        }
        p.township_count = int(dense.size());
    }
    p.fixed.assign(p.n, 0);
    for (const auto f : pb.rules.fixed) {
        if (f >= p.n) return Error{{}, {}, std::to_string(f), "固定网点的候选编号超出范围"};
        if (!p.allowed[f])
            return Error{
                {}, {}, "候选点 " + std::to_string(f), "固定的网点位于排除区域内或离现有网点太近，请移动它或取消固定"};
        if (!p.fixed[f]) p.fixed_list.push_back(f);
        p.fixed[f] = 1;
    }
    for (const auto f : p.fixed_list)
        for (const auto g : p.conflicts[f])
            if (p.fixed[g])
                return Error{{},
                             {},
                             "候选点 " + std::to_string(f) + " 与 " + std::to_string(g),
                             "两个固定的网点间距小于最小间距，请移动其中一个或减小最小间距"};
    if (p.cap > 0) {
        std::vector<int> per(p.township_count, 0);
        for (const auto f : p.fixed_list)
            if (p.township[f] >= 0 && ++per[p.township[f]] > p.cap)
                return Error{
                    {}, {}, "候选点 " + std::to_string(f), "固定的网点在同一乡镇超过每乡镇上限，请提高上限或取消固定"};
    }
    return p;
}

// Which candidates are chosen and what that rules out: spacing conflicts and township counts.
struct Selection {
    const Prepared& pr;
    std::vector<std::uint8_t> chosen;
    std::vector<std::uint32_t> conflict_count;
    std::vector<int> per_township;
    std::vector<std::uint32_t> list;

    explicit Selection(const Prepared& p)
        : pr(p), chosen(p.n, 0), conflict_count(p.n, 0), per_township(std::max(p.township_count, 1), 0)
    {
    }
    // May `c` join, if `leaving` (or none: UINT32_MAX) leaves at the same time?
    bool can_add(std::uint32_t c, std::uint32_t leaving = UINT32_MAX) const
    {
        if (!pr.allowed[c] || chosen[c]) return false;
        auto conflicts = conflict_count[c];
        if (conflicts > 0 && leaving != UINT32_MAX &&
            std::binary_search(pr.conflicts[c].begin(), pr.conflicts[c].end(), leaving))
            --conflicts;
        if (conflicts > 0) return false;
        if (pr.cap > 0 && pr.township[c] >= 0) {
            int count = per_township[pr.township[c]];
            if (leaving != UINT32_MAX && pr.township[leaving] == pr.township[c]) --count;
            if (count >= pr.cap) return false;
        }
        return true;
    }
    void add(std::uint32_t c)
    {
        chosen[c] = 1;
        list.push_back(c);
        for (const auto o : pr.conflicts[c]) ++conflict_count[o];
        if (pr.township[c] >= 0) ++per_township[pr.township[c]];
    }
    void remove(std::uint32_t c)
    {
        chosen[c] = 0;
        std::erase(list, c);
        for (const auto o : pr.conflicts[c]) --conflict_count[o];
        if (pr.township[c] >= 0) --per_township[pr.township[c]];
    }
};

std::vector<double> effective_weights(const SitingProblem& pb)
{
    std::vector<double> ew(pb.coverage.demand_count, 0.0);
    for (std::size_t j = 0; j < ew.size(); ++j) {
        const bool covered = !pb.covered.empty() && pb.covered[j];
        const double w = j < pb.weight.size() ? pb.weight[j] : 1.0;
        ew[j] = covered || !(w > 0) ? 0.0 : w;
    }
    return ew;
}

// Counts how many chosen sites reach each demand; the gains the local search needs.
struct CoverCounts {
    const CoverageMatrix& m;
    const std::vector<double>& ew;
    std::vector<std::uint32_t> count;
    double covered = 0;

    CoverCounts(const CoverageMatrix& matrix, const std::vector<double>& w)
        : m(matrix), ew(w), count(matrix.demand_count, 0)
    {
    }
    double gain(std::uint32_t c) const
    {
        double g = 0;
        for (const auto j : m.covers(c))
            if (count[j] == 0) g += ew[j];
        return g;
    }
    double loss(std::uint32_t s) const
    {
        double l = 0;
        for (const auto j : m.covers(s))
            if (count[j] == 1) l += ew[j];
        return l;
    }
};

// Greedy with lazy evaluation (Minoux 1978: gains only shrink as sites are added, so a
// stale gain that still tops the heap is the true best). Stops at `p` sites, when nothing
// more can be gained, or (need > 0) once `need` weight is covered.
void greedy(const Prepared& pr, CoverCounts& cc, Selection& sel, std::size_t p, double need)
{
    auto take = [&](std::uint32_t c) {
        for (const auto j : cc.m.covers(c))
            if (cc.count[j]++ == 0) cc.covered += cc.ew[j];
        sel.add(c);
    };
    for (const auto f : pr.fixed_list)
        if (!sel.chosen[f]) take(f);
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry> heap;
    for (std::uint32_t c = 0; c < pr.n; ++c)
        if (sel.can_add(c)) {
            const double g = cc.gain(c);
            if (g > kEps) heap.emplace(g, c);
        }
    while (!heap.empty() && sel.list.size() < p && !(need > 0 && cc.covered >= need - kEps)) {
        const auto [stale, c] = heap.top();
        heap.pop();
        if (!sel.can_add(c)) continue;  // ruled out for good: choices are only ever added
        const double g = cc.gain(c);
        if (g <= kEps) continue;
        if (!heap.empty() && g < heap.top().first - kEps) {
            heap.emplace(g, c);
            continue;
        }
        take(c);
    }
}

// Swap local search (Teitz & Bart 1968 interchange, with the gain bookkeeping of Whitaker
// 1983's fast interchange): replace one chosen site by one not chosen while that covers
// more, until no single swap helps.
void swap_search(const Prepared& pr, CoverCounts& cc, Selection& sel, const Progress& progress)
{
    const auto& m = cc.m;
    std::vector<double> add_gain(pr.n, 0.0);
    for (std::uint32_t c = 0; c < pr.n; ++c) add_gain[c] = cc.gain(c);
    std::vector<double> extra(pr.n, 0.0);
    std::vector<std::uint32_t> touched;
    auto drop_count = [&](std::uint32_t j) {
        if (--cc.count[j] == 0) {
            cc.covered -= cc.ew[j];
            for (const auto c : m.covered_by(j)) add_gain[c] += cc.ew[j];
        }
    };
    auto raise_count = [&](std::uint32_t j) {
        if (cc.count[j]++ == 0) {
            cc.covered += cc.ew[j];
            for (const auto c : m.covered_by(j)) add_gain[c] -= cc.ew[j];
        }
    };
    for (int pass = 0; pass < 100; ++pass) {
        bool improved = false;
        const auto current = sel.list;
        for (const auto s : current) {
            if (pr.fixed[s] || !sel.chosen[s]) continue;
            const double loss = cc.loss(s);
            touched.clear();
            for (const auto j : m.covers(s))
                if (cc.count[j] == 1 && cc.ew[j] > 0)
                    for (const auto c : m.covered_by(j)) {
                        if (extra[c] == 0) touched.push_back(c);
                        extra[c] += cc.ew[j];
                    }
            double best = kEps * std::max(1.0, loss);
            std::uint32_t best_c = UINT32_MAX;
            for (std::uint32_t c = 0; c < pr.n; ++c) {
                const double delta = add_gain[c] + extra[c] - loss;
                if (delta > best && sel.can_add(c, s)) {
                    best = delta;
                    best_c = c;
                }
            }
            for (const auto c : touched) extra[c] = 0;
            if (best_c == UINT32_MAX) continue;
            for (const auto j : m.covers(s)) drop_count(j);
            sel.remove(s);
            for (const auto j : m.covers(best_c)) raise_count(j);
            sel.add(best_c);
            improved = true;
        }
        if (!improved) break;
        if (progress && !progress(0.5)) break;
    }
}

// Makes `sites` the selection, with their cover counts.
void load(CoverCounts& cc, Selection& sel, const std::vector<std::uint32_t>& sites)
{
    for (const auto s : std::vector<std::uint32_t>(sel.list)) sel.remove(s);
    std::fill(cc.count.begin(), cc.count.end(), 0u);
    cc.covered = 0;
    for (const auto s : sites) {
        sel.add(s);
        for (const auto j : cc.m.covers(s))
            if (cc.count[j]++ == 0) cc.covered += cc.ew[j];
    }
}

// Iterated local search (Lourenço, Martin & Stützle 2003): knock out a few sites at random,
// refill greedily, swap to a local optimum again; keep the best. Deterministic for a seed.
void iterated_search(const Prepared& pr, CoverCounts& cc, Selection& sel, std::size_t p, double seconds,
                     const Progress& progress)
{
    const auto t0 = Clock::now();
    std::vector<std::uint32_t> best = sel.list;
    double best_value = cc.covered;
    std::mt19937 rng(20240607u);
    auto rebuild = [&](const std::vector<std::uint32_t>& sites) { load(cc, sel, sites); };
    for (int round = 0; seconds_since(t0) < seconds; ++round) {
        std::vector<std::uint32_t> movable;
        for (const auto s : sel.list)
            if (!pr.fixed[s]) movable.push_back(s);
        if (movable.size() < 2) break;
        // Kicks of varied size: small ones polish, large ones leave a basin.
        const std::size_t k =
            std::uniform_int_distribution<std::size_t>(1, std::max<std::size_t>(2, movable.size() / 4))(rng);
        std::shuffle(movable.begin(), movable.end(), rng);
        for (std::size_t i = 0; i < k && i < movable.size(); ++i) {
            for (const auto j : cc.m.covers(movable[i]))
                if (--cc.count[j] == 0) cc.covered -= cc.ew[j];
            sel.remove(movable[i]);
        }
        // Refill without the sites just removed, so the search really moves.
        for (std::size_t i = 0; i < k && i < movable.size(); ++i) sel.chosen[movable[i]] = 1;
        greedy(pr, cc, sel, p, 0);
        for (std::size_t i = 0; i < k && i < movable.size(); ++i)
            if (std::find(sel.list.begin(), sel.list.end(), movable[i]) == sel.list.end()) sel.chosen[movable[i]] = 0;
        swap_search(pr, cc, sel, {});
        if (cc.covered > best_value + kEps * std::max(1.0, best_value)) {
            best = sel.list;
            best_value = cc.covered;
        } else {
            rebuild(best);
        }
        if (progress && round % 16 == 0 && !progress(0.2 + 0.2 * std::min(1.0, seconds_since(t0) / seconds))) break;
    }
    rebuild(best);
}

// Lagrangian upper bound for maximal covering (Galvão & ReVelle 1996): relax
// y_j ≤ Σ x_i with λ_j ∈ [0, w_j]; the rest splits into Σ max(0, w_j − λ_j) plus the best
// ≤ p candidates by Σ λ over what they reach, under the township caps (a partition matroid,
// so greedy is exact there; spacing is dropped, which only loosens the bound).
struct Lagrangian {
    double bound = std::numeric_limits<double>::infinity();
    // At the best multipliers: Σ λ over what each candidate reaches, and which were picked.
    std::vector<double> score;
    std::vector<std::uint8_t> pick;
    // Lagrangian heuristic (Galvão & ReVelle 1996): the subproblem's picks at each step,
    // as answers to repair and improve; the few that covered the most, best first.
    std::vector<std::vector<std::uint32_t>> pool;
};

Lagrangian lagrangian_bound(const Prepared& pr, const CoverageMatrix& m, const std::vector<double>& ew, std::size_t p,
                            double lower, double seconds)
{
    const auto t0 = Clock::now();
    Lagrangian out;
    std::vector<double> lambda(ew);
    // Demand no allowed candidate reaches can never count.
    std::vector<std::uint8_t> reachable(m.demand_count, 0);
    for (std::uint32_t c = 0; c < pr.n; ++c)
        if (pr.allowed[c])
            for (const auto j : m.covers(c)) reachable[j] = 1;
    std::vector<double> score(pr.n);
    std::vector<std::uint32_t> order(pr.n);
    std::vector<int> per(std::max(pr.township_count, 1));
    std::vector<std::uint8_t> pick(pr.n);
    std::vector<double> g(m.demand_count);
    std::vector<std::uint32_t> stamp(m.demand_count, 0), picks;
    std::vector<double> pool_value;
    constexpr std::size_t kPool = 6;
    const bool no_spacing =
        std::all_of(pr.conflicts.begin(), pr.conflicts.end(), [](const auto& c) { return c.empty(); });
    double& best = out.bound;
    double mu = 2.0;
    // 1,000 steps, halving after 20 without progress: on the sample at 5 km, p = 60 this
    // closed the bound from 0.35 % to 0.22 % above the best answer and fed the pool better picks.
    constexpr int kLagrIters = 1000, kLagrStale = 20;
    int stale = 0;
    for (int it = 0; it < kLagrIters; ++it) {
        double value = 0;
        for (std::size_t j = 0; j < m.demand_count; ++j)
            if (reachable[j]) value += std::max(0.0, ew[j] - lambda[j]);
        for (std::uint32_t c = 0; c < pr.n; ++c) {
            double s = 0;
            if (pr.allowed[c])
                for (const auto j : m.covers(c)) s += lambda[j];
            score[c] = s;
        }
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return score[a] > score[b]; });
        std::fill(per.begin(), per.end(), 0);
        std::fill(pick.begin(), pick.end(), 0);
        picks.clear();
        std::size_t taken = 0;
        for (const auto f : pr.fixed_list) {
            pick[f] = 1;
            picks.push_back(f);
            ++taken;
            value += score[f];
            if (pr.township[f] >= 0) ++per[pr.township[f]];
        }
        for (const auto c : order) {
            if (taken >= p) break;
            if (pick[c] || !pr.allowed[c] || score[c] <= 0) continue;
            if (pr.cap > 0 && pr.township[c] >= 0 && per[pr.township[c]] >= pr.cap) continue;
            pick[c] = 1;
            picks.push_back(c);
            ++taken;
            value += score[c];
            if (pr.township[c] >= 0) ++per[pr.township[c]];
        }
        // What the picks really cover, for the pool.
        {
            double covered = 0;
            for (const auto c : picks)
                for (const auto j : m.covers(c))
                    if (stamp[j] != std::uint32_t(it + 1)) {
                        stamp[j] = std::uint32_t(it + 1);
                        covered += ew[j];
                    }
            auto sorted = picks;
            std::sort(sorted.begin(), sorted.end());
            const bool known = std::find(out.pool.begin(), out.pool.end(), sorted) != out.pool.end();
            if (!known && (out.pool.size() < kPool || covered > pool_value.back())) {
                const auto at =
                    std::size_t(std::upper_bound(pool_value.begin(), pool_value.end(), covered, std::greater<>()) -
                                pool_value.begin());
                pool_value.insert(pool_value.begin() + std::ptrdiff_t(at), covered);
                out.pool.insert(out.pool.begin() + std::ptrdiff_t(at), std::move(sorted));
                if (out.pool.size() > kPool) {
                    out.pool.pop_back();
                    pool_value.pop_back();
                }
            }
            // Without spacing rules the picks are a feasible answer: a better lower end for the step.
            if (no_spacing) lower = std::max(lower, covered);
        }
        if (!std::isfinite(best) || value < best - kEps * std::max(1.0, best)) {
            best = value;
            out.score = score;
            out.pick = pick;
            stale = 0;
        } else if (++stale >= kLagrStale) {
            mu /= 2;
            stale = 0;
        }
        if (best - lower <= kOptimalGap * std::max(1.0, lower) || mu < 1e-4 || seconds_since(t0) > seconds) break;
        // Subgradient of L at λ: (times j is reached by the picks) − y_j.
        double norm = 0;
        std::fill(g.begin(), g.end(), 0.0);
        for (std::uint32_t c = 0; c < pr.n; ++c)
            if (pick[c])
                for (const auto j : m.covers(c)) g[j] += 1;
        for (std::size_t j = 0; j < m.demand_count; ++j) {
            if (!reachable[j]) continue;
            g[j] -= ew[j] > lambda[j] ? 1.0 : 0.0;
            norm += g[j] * g[j];
        }
        if (norm <= 0) break;
        const double step = mu * std::max(best - lower, 1e-9 * std::max(1.0, best)) / norm;
        for (std::size_t j = 0; j < m.demand_count; ++j)
            if (reachable[j]) lambda[j] = std::clamp(lambda[j] - step * g[j], 0.0, ew[j]);
    }
    return out;
}

// Lagrangian reduction tests (Beasley 1993, "Lagrangean heuristics for location problems",
// EJOR 65): at the best multipliers, forcing candidate c in costs the bound the marginal
// pick's score minus c's; if that leaves the bound at or below `incumbent`, no answer better
// than the incumbent contains c (and symmetrically for a picked one forced out). Marks the
// candidates to leave out (out[c] = 1) or keep in (out[c] = 2). Only without township caps,
// where the subproblem's answer is simply the p best scores.
std::vector<std::uint8_t> lagrangian_fixing(const Prepared& pr, const Lagrangian& lg, std::size_t p, double incumbent)
{
    std::vector<std::uint8_t> out(pr.n, 0);
    if (pr.cap > 0 || lg.score.size() != pr.n || !std::isfinite(lg.bound)) return out;
    double marginal = std::numeric_limits<double>::infinity();  // lowest free pick
    double next = 0;  // best score left out
    std::size_t taken = 0;
    for (std::uint32_t c = 0; c < pr.n; ++c) {
        if (lg.pick[c]) {
            ++taken;
            if (!pr.fixed[c]) marginal = std::min(marginal, lg.score[c]);
        } else if (pr.allowed[c]) {
            next = std::max(next, lg.score[c]);
        }
    }
    if (taken < p) marginal = 0;  // a free slot: forcing c in costs nothing
    const double slack = 1e-7 * std::max(1.0, incumbent);
    for (std::uint32_t c = 0; c < pr.n; ++c) {
        if (!pr.allowed[c] || pr.fixed[c]) continue;
        if (!lg.pick[c]) {
            if (std::isfinite(marginal) && lg.bound - marginal + lg.score[c] < incumbent - slack) out[c] = 1;
        } else if (lg.bound - lg.score[c] + next < incumbent - slack) {
            out[c] = 2;
        }
    }
    return out;
}

// The covering MIP (or its LP relaxation). Demand points reached by exactly the same
// allowed candidates are merged into one row with their weights summed: same optimum,
// far fewer rows on clustered villages.
struct CoverModel {
    HighsLp lp;
    std::vector<std::uint32_t> col_candidate;  // x columns first
    std::vector<std::int32_t> cand_col;  // candidate → its column, -1 if not allowed
    std::size_t x_count = 0;
    std::vector<std::vector<std::uint32_t>> group_cands;  // per y column
};

CoverModel cover_model(const Prepared& pr, const CoverageMatrix& m, const std::vector<double>& ew, Objective obj,
                       std::size_t p, double need, bool integral, bool merge = true)
{
    CoverModel cm;
    cm.cand_col.assign(pr.n, -1);
    for (std::uint32_t c = 0; c < pr.n; ++c)
        if (pr.allowed[c]) {
            cm.cand_col[c] = std::int32_t(cm.col_candidate.size());
            cm.col_candidate.push_back(c);
        }
    cm.x_count = cm.col_candidate.size();
    struct VecHash {
        std::size_t operator()(const std::vector<std::uint32_t>& v) const
        {
            std::size_t h = v.size();
            for (const auto x : v) h = h * 1000003u ^ x;
            return h;
        }
    };
    std::unordered_map<std::vector<std::uint32_t>, std::size_t, VecHash> groups;
    std::vector<double> group_weight;
    std::vector<std::uint32_t> key;
    for (std::size_t j = 0; j < m.demand_count; ++j) {
        if (ew[j] <= 0) continue;
        key.clear();
        for (const auto c : m.covered_by(j))
            if (pr.allowed[c]) key.push_back(std::uint32_t(cm.cand_col[c]));
        if (key.empty()) continue;
        if (!merge) {
            group_weight.push_back(ew[j]);
            cm.group_cands.push_back(key);
            continue;
        }
        auto [it, added] = groups.emplace(key, group_weight.size());
        if (added) {
            group_weight.push_back(0);
            cm.group_cands.push_back(key);
        }
        group_weight[it->second] += ew[j];
    }
    const std::size_t ng = group_weight.size();
    // Rows: one per group (y_g − Σ x ≤ 0), then the count or target row, spacing pairs, townships.
    std::vector<std::vector<std::pair<std::int32_t, double>>> cols(cm.x_count + ng);
    std::vector<double> row_lo, row_hi;
    const double inf = kHighsInf;
    for (std::size_t g = 0; g < ng; ++g) {
        const auto r = std::int32_t(row_lo.size());
        row_lo.push_back(-inf);
        row_hi.push_back(0);
        cols[cm.x_count + g].emplace_back(r, 1.0);
        for (const auto xc : cm.group_cands[g]) cols[xc].emplace_back(r, -1.0);
    }
    {
        const auto r = std::int32_t(row_lo.size());
        if (obj == Objective::max_coverage) {
            row_lo.push_back(-inf);
            row_hi.push_back(double(p));
            for (std::size_t xc = 0; xc < cm.x_count; ++xc) cols[xc].emplace_back(r, 1.0);
        } else {
            row_lo.push_back(need);
            row_hi.push_back(inf);
            for (std::size_t g = 0; g < ng; ++g) cols[cm.x_count + g].emplace_back(r, group_weight[g]);
        }
    }
    for (std::size_t xc = 0; xc < cm.x_count; ++xc) {
        const auto a = cm.col_candidate[xc];
        for (const auto b : pr.conflicts[a])
            if (b > a && pr.allowed[b]) {
                const auto r = std::int32_t(row_lo.size());
                row_lo.push_back(-inf);
                row_hi.push_back(1);
                cols[xc].emplace_back(r, 1.0);
                cols[std::size_t(cm.cand_col[b])].emplace_back(r, 1.0);
            }
    }
    if (pr.cap > 0) {
        const auto first = std::int32_t(row_lo.size());
        for (int t = 0; t < pr.township_count; ++t) {
            row_lo.push_back(-inf);
            row_hi.push_back(pr.cap);
        }
        for (std::size_t xc = 0; xc < cm.x_count; ++xc)
            if (pr.township[cm.col_candidate[xc]] >= 0)
                cols[xc].emplace_back(first + pr.township[cm.col_candidate[xc]], 1.0);
    }
    auto& lp = cm.lp;
    lp.num_col_ = HighsInt(cols.size());
    lp.num_row_ = HighsInt(row_lo.size());
    lp.row_lower_ = row_lo;
    lp.row_upper_ = row_hi;
    lp.col_cost_.assign(cols.size(), 0.0);
    lp.col_lower_.assign(cols.size(), 0.0);
    lp.col_upper_.assign(cols.size(), 1.0);
    for (std::size_t xc = 0; xc < cm.x_count; ++xc)
        if (pr.fixed[cm.col_candidate[xc]]) lp.col_lower_[xc] = 1.0;
    if (obj == Objective::max_coverage) {
        lp.sense_ = ObjSense::kMaximize;
        for (std::size_t g = 0; g < ng; ++g) lp.col_cost_[cm.x_count + g] = group_weight[g];
    } else {
        lp.sense_ = ObjSense::kMinimize;
        for (std::size_t xc = 0; xc < cm.x_count; ++xc) lp.col_cost_[xc] = 1.0;
    }
    lp.a_matrix_.format_ = MatrixFormat::kColwise;
    lp.a_matrix_.num_col_ = lp.num_col_;
    lp.a_matrix_.num_row_ = lp.num_row_;
    lp.a_matrix_.start_.assign(1, 0);
    for (auto& col : cols) {
        for (const auto& [r, v] : col) {
            lp.a_matrix_.index_.push_back(r);
            lp.a_matrix_.value_.push_back(v);
        }
        lp.a_matrix_.start_.push_back(HighsInt(lp.a_matrix_.index_.size()));
    }
    if (integral) {
        lp.integrality_.assign(cols.size(), HighsVarType::kContinuous);
        for (std::size_t xc = 0; xc < cm.x_count; ++xc) lp.integrality_[xc] = HighsVarType::kInteger;
    }
    return cm;
}

// Candidate a is dominated by b when b reaches every village a reaches that still counts:
// the MIP can leave a out with the same optimum (Church & ReVelle 1974's column reduction).
// Only sound without spacing or township caps, which could make b unusable where a is not.
// Returns the dominating candidate per candidate (UINT32_MAX: kept) and clears `allowed`.
std::vector<std::uint32_t> drop_dominated(Prepared& pr, const CoverageMatrix& m, const std::vector<double>& ew)
{
    std::vector<std::uint32_t> by(pr.n, UINT32_MAX);
    if (pr.cap > 0) return by;
    for (const auto& c : pr.conflicts)
        if (!c.empty()) return by;
    std::vector<std::uint32_t> row_a;
    for (std::uint32_t a = 0; a < pr.n; ++a) {
        if (!pr.allowed[a] || pr.fixed[a]) continue;
        row_a.clear();
        for (const auto j : m.covers(a))
            if (ew[j] > 0) row_a.push_back(j);
        if (row_a.empty()) {
            pr.allowed[a] = 0;  // reaches nothing that counts
            continue;
        }
        std::uint32_t rarest = row_a[0];
        for (const auto j : row_a)
            if (m.covered_by(j).size() < m.covered_by(rarest).size()) rarest = j;
        for (const auto b : m.covered_by(rarest)) {
            if (b == a || !pr.allowed[b]) continue;
            const auto row_b = m.covers(b);
            if (!std::includes(row_b.begin(), row_b.end(), row_a.begin(), row_a.end())) continue;
            // Equal reach: keep the lower index only.
            std::size_t counted_b = 0;
            for (const auto j : row_b) counted_b += ew[j] > 0;
            if (counted_b == row_a.size() && b > a) continue;
            pr.allowed[a] = 0;
            by[a] = b;
            break;
        }
    }
    // Follow chains so each dropped candidate names one that is kept.
    for (std::uint32_t a = 0; a < pr.n; ++a)
        for (int hop = 0; by[a] != UINT32_MAX && by[by[a]] != UINT32_MAX && hop < 64; ++hop) by[a] = by[by[a]];
    return by;
}

struct HighsRun {
    bool solved = false;  // HiGHS returned a usable answer or bound
    bool optimal = false;
    double objective = std::numeric_limits<double>::quiet_NaN();
    double bound = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> col_value;
    std::string status;
    double seconds = 0;
};

// HiGHS's model status as the CLI and the planning panel show it.
std::string status_zh(const Highs& h, HighsModelStatus ms)
{
    switch (ms) {
    case HighsModelStatus::kOptimal: return "最优";
    case HighsModelStatus::kTimeLimit: return "达到时限";
    case HighsModelStatus::kInterrupt: return "已取消";
    case HighsModelStatus::kInfeasible: return "无可行解";
    default: return "未完成（" + h.modelStatusToString(ms) + "）";
    }
}

HighsRun run_highs(const HighsLp& lp, bool mip, double time_limit, const std::vector<double>* start,
                   const Progress& progress)
{
    HighsRun out;
    const auto t0 = Clock::now();
    Highs h;
    h.setOptionValue("output_flag", false);
    h.setOptionValue("time_limit", std::max(0.01, time_limit));
    h.setOptionValue("mip_rel_gap", kOptimalGap);
    if (h.passModel(lp) == HighsStatus::kError) {
        out.status = "模型未被 HiGHS 接受";
        return out;
    }
    if (mip && start) {
        HighsSolution s;
        s.col_value = *start;
        s.value_valid = true;
        h.setSolution(s);
    }
    if (progress) {
        // Cancel from the caller's thread ends the MIP at its next check.
        h.setCallback(
            [](int, const std::string&, const HighsCallbackDataOut*, HighsCallbackDataIn* in, void* user) {
                const auto* pg = static_cast<const Progress*>(user);
                if (in && !(*pg)(0.75)) in->user_interrupt = 1;
            },
            const_cast<Progress*>(&progress));
        h.startCallback(mip ? kCallbackMipInterrupt : kCallbackSimplexInterrupt);
    }
    h.run();
    out.seconds = seconds_since(t0);
    const auto ms = h.getModelStatus();
    const auto& info = h.getInfo();
    out.status = status_zh(h, ms);
    if (ms == HighsModelStatus::kInfeasible) return out;
    if (mip) {
        out.bound = info.mip_dual_bound;
        if (info.primal_solution_status == kSolutionStatusFeasible) {
            out.objective = info.objective_function_value;
            out.col_value = h.getSolution().col_value;
            out.solved = true;
        }
        out.optimal = ms == HighsModelStatus::kOptimal;
        if (std::isfinite(out.bound)) out.solved = true;
    } else if (ms == HighsModelStatus::kOptimal) {
        out.bound = info.objective_function_value;
        out.solved = true;
        out.optimal = true;
    }
    return out;
}

double relative_gap(double value, double bound)
{
    if (!std::isfinite(bound)) return std::numeric_limits<double>::infinity();
    return std::abs(bound - value) / std::max(std::abs(value), 1e-9);
}

}  // namespace

double new_covered_weight(const SitingProblem& problem, std::span<const std::uint32_t> sites)
{
    const auto ew = effective_weights(problem);
    std::vector<std::uint8_t> hit(problem.coverage.demand_count, 0);
    double total = 0;
    for (const auto c : sites)
        for (const auto j : problem.coverage.covers(c))
            if (!hit[j]) {
                hit[j] = 1;
                total += ew[j];
            }
    return total;
}

std::string check_rules(const SitingProblem& problem, std::span<const std::uint32_t> sites)
{
    const auto& r = problem.rules;
    for (const auto f : r.fixed)
        if (std::find(sites.begin(), sites.end(), f) == sites.end())
            return "固定网点 " + std::to_string(f) + " 不在方案中";
    std::map<std::int32_t, int> per;
    for (std::size_t a = 0; a < sites.size(); ++a) {
        const auto c = sites[a];
        if (c >= problem.coverage.candidate_count) return "候选编号 " + std::to_string(c) + " 超出范围";
        if (!r.excluded.empty() && c < r.excluded.size() && r.excluded[c])
            return "网点 " + std::to_string(c) + " 位于排除区域";
        for (std::size_t b = a + 1; b < sites.size(); ++b) {
            if (sites[b] == c) return "网点 " + std::to_string(c) + " 重复";
            if (r.min_spacing_m > 0 &&
                geodesic_distance_m(problem.cand_lon[c], problem.cand_lat[c], problem.cand_lon[sites[b]],
                                    problem.cand_lat[sites[b]]) < r.min_spacing_m)
                return "网点 " + std::to_string(c) + " 与 " + std::to_string(sites[b]) + " 间距小于最小间距";
        }
        if (r.min_spacing_m > 0)
            for (std::size_t e = 0; e < problem.existing_lon.size(); ++e)
                if (geodesic_distance_m(problem.cand_lon[c], problem.cand_lat[c], problem.existing_lon[e],
                                        problem.existing_lat[e]) < r.min_spacing_m)
                    return "网点 " + std::to_string(c) + " 离现有网点 " + std::to_string(e) + " 太近";
        if (r.max_per_township > 0 && c < problem.cand_township.size() && problem.cand_township[c] >= 0 &&
            ++per[problem.cand_township[c]] > r.max_per_township)
            return "乡镇 " + std::to_string(problem.cand_township[c]) + " 的新网点超过上限";
    }
    return {};
}

Result<SitingSolution> solve_covering(const SitingProblem& pb, const SolveOptions& opt)
{
    const auto& m = pb.coverage;
    if (pb.weight.size() != m.demand_count || pb.cand_lon.size() != m.candidate_count ||
        pb.cand_lat.size() != m.candidate_count)
        return Error{{}, {}, {}, "选址数据不完整：需求点权重或候选点坐标数目与覆盖矩阵不符"};
    auto prepared = prepare(pb);
    if (!prepared) return prepared.error();
    const auto& pr = *prepared;
    const auto ew = effective_weights(pb);
    SitingSolution sol;
    for (std::size_t j = 0; j < m.demand_count; ++j) sol.total_weight += pb.weight[j] > 0 ? pb.weight[j] : 0.0;
    const double already = sol.total_weight - std::accumulate(ew.begin(), ew.end(), 0.0);
    const bool cover = opt.objective == Objective::max_coverage;
    if (opt.objective == Objective::p_median) return Error{{}, {}, {}, "p-median 请用 solve_p_median（需要距离矩阵）"};
    std::size_t p = cover ? std::size_t(std::max(0, opt.new_sites)) : pr.n;
    if (cover && p < pr.fixed_list.size())
        return Error{{}, {}, {}, "新网点数少于已固定的网点数，请增加新网点数或减少固定网点"};
    double need = 0;
    if (!cover) {
        if (!(opt.target > 0 && opt.target <= 1)) return Error{{}, {}, {}, "覆盖目标须在 0 与 100% 之间"};
        need = std::max(0.0, opt.target * sol.total_weight - already);
        // Reachable at all, with every allowed candidate?
        double reachable = 0;
        std::vector<std::uint8_t> hit(m.demand_count, 0);
        for (std::uint32_t c = 0; c < pr.n; ++c)
            if (pr.allowed[c])
                for (const auto j : m.covers(c))
                    if (!hit[j]) {
                        hit[j] = 1;
                        reachable += ew[j];
                    }
        if (reachable + kEps < need) {
            char buf[160];
            std::snprintf(buf, sizeof buf,
                          "覆盖目标 %.1f%% 无法达到：所有候选点都建也只能覆盖 %.1f%%，请降低目标或增加候选点",
                          opt.target * 100, 100 * (already + reachable) / std::max(sol.total_weight, kEps));
            return Error{{}, {}, {}, buf};
        }
    }

    // HiGHS where the instance is small enough to be cheap (or asked for).
    const bool try_exact =
        opt.method == Method::exact || (opt.method == Method::automatic && m.nonzeros() <= opt.exact_max_nonzeros);
    // The heuristic always runs: it is the answer for large instances, HiGHS's warm start
    // for small ones and the lower end of the gap either way.
    const auto t0 = Clock::now();
    CoverCounts cc(m, ew);
    Selection sel(pr);
    Lagrangian lagr;
    greedy(pr, cc, sel, p, need);
    if (cover) {
        swap_search(pr, cc, sel, opt.progress);
        // The Lagrangian bound's picks are answers too: repaired against the rules, filled
        // greedily and swapped to a local optimum they often beat greedy + swap.
        lagr = lagrangian_bound(pr, m, ew, p, cc.covered, 2.0);
        {
            std::vector<std::uint32_t> best = sel.list;
            double best_value = cc.covered;
            for (const auto& picks : lagr.pool) {
                load(cc, sel, pr.fixed_list);
                for (const auto c : picks)
                    if (sel.list.size() < p && sel.can_add(c)) {
                        for (const auto j : m.covers(c))
                            if (cc.count[j]++ == 0) cc.covered += ew[j];
                        sel.add(c);
                    }
                greedy(pr, cc, sel, p, 0);
                swap_search(pr, cc, sel, {});
                if (cc.covered > best_value + kEps * std::max(1.0, best_value)) {
                    best = sel.list;
                    best_value = cc.covered;
                }
            }
            load(cc, sel, best);
        }
        // Where HiGHS follows, the search only gives it a start and its bound a cutoff.
        const double budget = opt.search_seconds >= 0 ? opt.search_seconds
                              : try_exact             ? 0.1
                                                      : std::min(10.0, 0.25 + double(m.nonzeros()) / 200'000.0);
        iterated_search(pr, cc, sel, p, budget, opt.progress);
    } else {
        // Drop sites the target no longer needs, latest first.
        for (auto it = sel.list.rbegin(); it != sel.list.rend();) {
            const auto s = *it;
            if (!pr.fixed[s] && cc.covered - cc.loss(s) >= need - kEps) {
                for (const auto j : m.covers(s))
                    if (--cc.count[j] == 0) cc.covered -= ew[j];
                sel.remove(s);
                it = sel.list.rbegin();
            } else {
                ++it;
            }
        }
    }
    sol.sites = sel.list;
    sol.heuristic_seconds = seconds_since(t0);
    const double heur_cover = new_covered_weight(pb, sol.sites);
    sol.heuristic_objective = cover ? heur_cover : double(sol.sites.size());
    sol.objective = sol.heuristic_objective;
    sol.method = kMethodHeuristic;
    if (opt.progress && !opt.progress(0.4)) return cancelled_error("已取消选址计算");

    // Bounds.
    double bound = std::numeric_limits<double>::infinity();
    if (cover) {
        sol.lagrangian_bound = lagr.bound;
        bound = sol.lagrangian_bound;
    } else {
        // Coverage is subadditive: k sites reach at most the k largest single gains.
        std::vector<double> single;
        for (std::uint32_t c = 0; c < pr.n; ++c)
            if (pr.allowed[c]) single.push_back(CoverCounts(m, ew).gain(c));
        std::sort(single.rbegin(), single.rend());
        double sum = 0;
        std::size_t k = 0;
        while (k < single.size() && sum < need - kEps) sum += single[k++];
        sol.lagrangian_bound = double(std::max(k, pr.fixed_list.size()));
        bound = -sol.lagrangian_bound;  // kept negated, so the tighter bound is always the smaller
    }
    const bool proven_by_bound =
        cover ? relative_gap(heur_cover, bound) <= kOptimalGap : double(sol.sites.size()) <= sol.lagrangian_bound;
    if (try_exact && !proven_by_bound) {
        Prepared reduced = pr;
        if (cover && opt.warm_start && opt.reduce) {
            const auto fix = lagrangian_fixing(pr, lagr, p, heur_cover);
            for (std::uint32_t c = 0; c < pr.n; ++c) {
                if (fix[c] == 1) reduced.allowed[c] = 0;
                if (fix[c] == 2) {
                    reduced.fixed[c] = 1;
                    reduced.fixed_list.push_back(c);
                }
            }
        }
        const auto dominator =
            opt.reduce ? drop_dominated(reduced, m, ew) : std::vector<std::uint32_t>(pr.n, UINT32_MAX);
        auto cm = cover_model(reduced, m, ew, opt.objective, p, need, true, opt.reduce);
        std::vector<double> start(cm.lp.num_col_, 0.0);
        std::vector<std::uint8_t> in(pr.n, 0);
        for (const auto s : sol.sites) in[dominator[s] != UINT32_MAX ? dominator[s] : s] = 1;
        for (std::size_t xc = 0; xc < cm.x_count; ++xc) start[xc] = in[cm.col_candidate[xc]];
        for (std::size_t g = 0; g < cm.group_cands.size(); ++g)
            for (const auto xc : cm.group_cands[g])
                if (start[xc] > 0.5) start[cm.x_count + g] = 1;
        const auto run = run_highs(cm.lp, true, opt.time_limit_s, opt.warm_start ? &start : nullptr, opt.progress);
        if (opt.progress && !opt.progress(0.95)) return cancelled_error("已取消选址计算");
        sol.highs_seconds = run.seconds;
        sol.highs_status = run.status;
        sol.highs_bound = run.bound;
        if (run.solved) {
            // The number of sites is whole, so a fractional lower bound rounds up.
            if (std::isfinite(run.bound))
                // The reduced model holds every answer better than the heuristic's, not all answers.
                bound = cover ? std::min(bound, std::max(run.bound, heur_cover))
                              : std::min(bound, -std::ceil(run.bound - 1e-6));
            if (!run.col_value.empty()) {
                std::vector<std::uint32_t> sites;
                for (std::size_t xc = 0; xc < cm.x_count; ++xc)
                    if (run.col_value[xc] > 0.5) sites.push_back(cm.col_candidate[xc]);
                const double value = cover ? new_covered_weight(pb, sites) : double(sites.size());
                const bool better = cover ? value > sol.objective + kEps : value < sol.objective - kEps;
                if (better || (run.optimal && value == sol.objective)) {
                    sol.sites = sites;
                    sol.objective = value;
                    sol.method = kMethodHighs;
                }
            }
        }
    } else if (!try_exact && m.nonzeros() <= opt.lp_bound_max_nonzeros && !proven_by_bound) {
        const auto cm = cover_model(pr, m, ew, opt.objective, p, need, false);
        const auto run = run_highs(cm.lp, false, opt.time_limit_s, nullptr, opt.progress);
        sol.highs_seconds = run.seconds;
        sol.highs_status = run.status;
        if (run.solved) {
            sol.lp_bound = run.bound;
            bound = cover ? std::min(bound, run.bound) : std::min(bound, -std::ceil(run.bound - 1e-7));
        }
    }
    if (cover) {
        sol.bound = bound;
        sol.gap = relative_gap(sol.objective, bound);
    } else {
        sol.bound = -bound;
        sol.gap = relative_gap(sol.objective, sol.bound);
    }
    sol.optimal = sol.gap <= kOptimalGap;
    if (sol.optimal) sol.gap = 0;
    sol.covered_weight = already + new_covered_weight(pb, sol.sites);
    if (!cover && sol.covered_weight + kEps < opt.target * sol.total_weight)
        return Error{{}, {}, {}, "未找到满足覆盖目标的方案，请放宽约束"};
    if (opt.progress) opt.progress(1.0);
    return sol;
}

Result<DistanceMatrix> straight_line_distances(std::span<const double> demand_lon, std::span<const double> demand_lat,
                                               std::span<const double> cand_lon, std::span<const double> cand_lat,
                                               std::span<const double> existing_lon,
                                               std::span<const double> existing_lat, std::size_t max_entries)
{
    DistanceMatrix dm;
    dm.demand_count = demand_lon.size();
    dm.candidate_count = cand_lon.size();
    if (dm.demand_count * dm.candidate_count > max_entries)
        return Error{{},
                     {},
                     {},
                     "p-median 的规模过大（" + std::to_string(dm.demand_count) + " 个村 × " +
                         std::to_string(dm.candidate_count) +
                         " 个候选点）：请缩小范围（按县或乡镇），或改用最大覆盖（max-coverage）"};
    dm.d.resize(dm.demand_count * dm.candidate_count);
    dm.base.assign(dm.demand_count, std::numeric_limits<float>::infinity());
    for (std::size_t j = 0; j < dm.demand_count; ++j) {
        for (std::size_t i = 0; i < dm.candidate_count; ++i)
            dm.d[j * dm.candidate_count + i] =
                float(geodesic_distance_m(demand_lon[j], demand_lat[j], cand_lon[i], cand_lat[i]));
        for (std::size_t e = 0; e < existing_lon.size(); ++e)
            dm.base[j] = std::min(
                dm.base[j], float(geodesic_distance_m(demand_lon[j], demand_lat[j], existing_lon[e], existing_lat[e])));
    }
    return dm;
}

double p_median_cost(const std::vector<double>& weight, const DistanceMatrix& dm, std::span<const std::uint32_t> sites)
{
    double total = 0;
    for (std::size_t j = 0; j < dm.demand_count; ++j) {
        double best = dm.base[j];
        for (const auto s : sites) best = std::min(best, double(dm.at(j, s)));
        total += (weight[j] > 0 ? weight[j] : 0.0) * best;
    }
    return total;
}

namespace {

// Nearest and second-nearest open site per demand point; the existing sites act as one
// site that never closes (index kBase).
constexpr std::uint32_t kBase = UINT32_MAX;

struct Assignment {
    std::vector<double> d1, d2;
    std::vector<std::uint32_t> n1;
};

Assignment assign(const DistanceMatrix& dm, const std::vector<double>& base, const std::vector<std::uint32_t>& sites)
{
    Assignment a;
    a.d1 = base;
    a.d2.assign(dm.demand_count, std::numeric_limits<double>::infinity());
    a.n1.assign(dm.demand_count, kBase);
    for (std::size_t j = 0; j < dm.demand_count; ++j)
        for (const auto s : sites) {
            const double d = dm.at(j, s);
            if (d < a.d1[j]) {
                a.d2[j] = a.d1[j];
                a.d1[j] = d;
                a.n1[j] = s;
            } else if (d < a.d2[j]) {
                a.d2[j] = d;
            }
        }
    return a;
}

}  // namespace

Result<SitingSolution> solve_p_median(const SitingProblem& pb, const DistanceMatrix& dm, const SolveOptions& opt)
{
    if (pb.weight.size() != dm.demand_count || pb.cand_lon.size() != dm.candidate_count ||
        pb.coverage.candidate_count != dm.candidate_count || dm.d.size() != dm.demand_count * dm.candidate_count)
        return Error{{}, {}, {}, "选址数据不完整：距离矩阵与需求点、候选点数目不符"};
    auto prepared = prepare(pb);
    if (!prepared) return prepared.error();
    const auto& pr = *prepared;
    const std::size_t p = std::size_t(std::max(0, opt.new_sites));
    if (p < pr.fixed_list.size()) return Error{{}, {}, {}, "新网点数少于已固定的网点数，请增加新网点数或减少固定网点"};
    const std::size_t nd = dm.demand_count;
    std::vector<double> w(nd);
    SitingSolution sol;
    for (std::size_t j = 0; j < nd; ++j) {
        w[j] = pb.weight[j] > 0 ? pb.weight[j] : 0.0;
        sol.total_weight += w[j];
    }
    // Unserved demand (no existing site, none chosen yet, or by road none within the time
    // limit: infinity in the matrix) costs more than any real trip.
    double far = 0;
    for (const auto d : dm.d)
        if (std::isfinite(d)) far = std::max(far, double(d));
    for (const auto b : dm.base)
        if (std::isfinite(b)) far = std::max(far, double(b));
    far = 2 * far + 1;
    std::vector<double> base(nd);
    for (std::size_t j = 0; j < nd; ++j) base[j] = std::isfinite(dm.base[j]) ? double(dm.base[j]) : far;
    if (p == 0 && std::find(base.begin(), base.end(), far) != base.end())
        return Error{{}, {}, {}, "没有现有网点时新网点数至少为 1"};

    const auto t0 = Clock::now();
    Selection sel(pr);
    for (const auto f : pr.fixed_list) sel.add(f);
    auto a = assign(dm, base, sel.list);
    auto gain = [&](std::uint32_t c) {
        double g = 0;
        for (std::size_t j = 0; j < nd; ++j) g += w[j] * std::max(0.0, a.d1[j] - double(dm.at(j, c)));
        return g;
    };
    // Greedy add with lazy gains (the saving of one more site only shrinks).
    {
        using Entry = std::pair<double, std::uint32_t>;
        std::priority_queue<Entry> heap;
        for (std::uint32_t c = 0; c < pr.n; ++c)
            if (sel.can_add(c)) heap.emplace(gain(c), c);
        while (!heap.empty() && sel.list.size() < p) {
            const auto [stale, c] = heap.top();
            heap.pop();
            if (!sel.can_add(c)) continue;
            const double g = gain(c);
            if (g <= 0) continue;
            if (!heap.empty() && g < heap.top().first - kEps) {
                heap.emplace(g, c);
                continue;
            }
            sel.add(c);
            for (std::size_t j = 0; j < nd; ++j) a.d1[j] = std::min(a.d1[j], double(dm.at(j, c)));
        }
    }
    // Swap search with Whitaker's (1983) split: what `c` saves wherever it becomes nearest,
    // minus what closing `s` costs the points that had `s` nearest.
    a = assign(dm, base, sel.list);
    for (int pass = 0; pass < 200; ++pass) {
        bool improved = false;
        for (std::uint32_t c = 0; c < pr.n; ++c) {
            if (sel.chosen[c] || !pr.allowed[c]) continue;
            double common = 0;
            std::map<std::uint32_t, double> lose;
            for (std::size_t j = 0; j < nd; ++j) {
                const double d = dm.at(j, c);
                if (d < a.d1[j]) common += w[j] * (a.d1[j] - d);
                else if (a.n1[j] != kBase) lose[a.n1[j]] += w[j] * (std::min(d, a.d2[j]) - a.d1[j]);
            }
            double best = kEps * std::max(1.0, common);
            std::uint32_t best_s = UINT32_MAX;
            for (const auto s : sel.list) {
                if (pr.fixed[s]) continue;
                const auto it = lose.find(s);
                const double delta = common - (it == lose.end() ? 0.0 : it->second);
                if (delta > best && sel.can_add(c, s)) {
                    best = delta;
                    best_s = s;
                }
            }
            if (best_s == UINT32_MAX) {
                // A free slot (p not reached, e.g. spacing ruled all out before): just add.
                if (sel.list.size() < p && common > kEps && sel.can_add(c)) {
                    sel.add(c);
                    a = assign(dm, base, sel.list);
                    improved = true;
                }
                continue;
            }
            sel.remove(best_s);
            sel.add(c);
            a = assign(dm, base, sel.list);
            improved = true;
        }
        if (!improved) break;
        if (opt.progress && !opt.progress(0.3)) return cancelled_error("已取消选址计算");
    }
    sol.sites = sel.list;
    sol.heuristic_seconds = seconds_since(t0);
    const auto cost = [&](const std::vector<std::uint32_t>& sites) {
        double total = 0;
        const auto as = assign(dm, base, sites);
        for (std::size_t j = 0; j < nd; ++j) total += w[j] * as.d1[j];
        return total;
    };
    sol.objective = sol.heuristic_objective = cost(sol.sites);
    sol.method = kMethodHeuristic;

    // Lagrangian lower bound (Cornuéjols, Fisher & Nemhauser 1977): relax Σ_i z_ij + z_j0 = 1
    // with u_j; the rest is Σ u_j + Σ min(0, w_j b_j − u_j) + the best ≤ p of
    // ρ_i = Σ_j min(0, w_j d_ij − u_j) (township caps kept, spacing dropped).
    {
        const auto tb = Clock::now();
        std::vector<double> u(nd);
        for (std::size_t j = 0; j < nd; ++j) u[j] = w[j] * a.d1[j];
        std::vector<double> rho(pr.n);
        std::vector<std::uint32_t> order(pr.n);
        std::vector<std::uint8_t> pick(pr.n);
        std::vector<int> per(std::max(pr.township_count, 1));
        std::vector<double> g(nd);
        double best = -std::numeric_limits<double>::infinity();
        double mu = 2;
        int stale = 0;
        for (int it = 0; it < 200 && seconds_since(tb) < 2.0; ++it) {
            double value = 0;
            for (std::size_t j = 0; j < nd; ++j) value += u[j] + std::min(0.0, w[j] * base[j] - u[j]);
            std::fill(rho.begin(), rho.end(), 0.0);
            for (std::size_t j = 0; j < nd; ++j)
                for (std::uint32_t i = 0; i < pr.n; ++i) {
                    const double r = w[j] * dm.at(j, i) - u[j];
                    if (r < 0) rho[i] += r;
                }
            std::iota(order.begin(), order.end(), 0u);
            std::sort(order.begin(), order.end(), [&](auto x, auto y) { return rho[x] < rho[y]; });
            std::fill(pick.begin(), pick.end(), 0);
            std::fill(per.begin(), per.end(), 0);
            std::size_t taken = 0;
            for (const auto f : pr.fixed_list) {
                pick[f] = 1;
                ++taken;
                value += rho[f];
                if (pr.township[f] >= 0) ++per[pr.township[f]];
            }
            for (const auto i : order) {
                if (taken >= p || rho[i] >= 0) break;
                if (pick[i] || !pr.allowed[i]) continue;
                if (pr.cap > 0 && pr.township[i] >= 0 && per[pr.township[i]] >= pr.cap) continue;
                pick[i] = 1;
                ++taken;
                value += rho[i];
                if (pr.township[i] >= 0) ++per[pr.township[i]];
            }
            if (value > best + kEps * std::max(1.0, std::abs(best))) {
                best = value;
                stale = 0;
            } else if (++stale >= 10) {
                mu /= 2;
                stale = 0;
            }
            if (sol.objective - best <= kOptimalGap * std::max(1.0, sol.objective) || mu < 1e-4) break;
            double norm = 0;
            for (std::size_t j = 0; j < nd; ++j) {
                double served = w[j] * base[j] - u[j] < 0 ? 1.0 : 0.0;
                for (std::uint32_t i = 0; i < pr.n; ++i)
                    if (pick[i] && w[j] * dm.at(j, i) - u[j] < 0) served += 1;
                g[j] = 1 - served;
                norm += g[j] * g[j];
            }
            if (norm <= 0) break;
            const double step = mu * std::max(sol.objective - best, 1e-9 * std::max(1.0, sol.objective)) / norm;
            for (std::size_t j = 0; j < nd; ++j) u[j] += step * g[j];
        }
        sol.lagrangian_bound = best;
    }
    double bound = sol.lagrangian_bound;

    // The exact MIP: only pairs that beat the existing sites get an assignment column.
    std::size_t pairs = 0;
    for (std::size_t j = 0; j < nd; ++j)
        for (std::uint32_t i = 0; i < pr.n; ++i)
            if (pr.allowed[i] && dm.at(j, i) < base[j]) ++pairs;
    const bool try_exact =
        opt.method == Method::exact || (opt.method == Method::automatic && pairs <= opt.exact_max_nonzeros / 2);
    if (try_exact && sol.objective - bound > kOptimalGap * std::max(1.0, sol.objective)) {
        HighsLp lp;
        std::vector<std::int32_t> xcol(pr.n, -1);
        std::vector<std::uint32_t> col_cand;
        for (std::uint32_t i = 0; i < pr.n; ++i)
            if (pr.allowed[i]) {
                xcol[i] = std::int32_t(col_cand.size());
                col_cand.push_back(i);
            }
        const std::size_t nx = col_cand.size();
        std::vector<std::vector<std::pair<HighsInt, double>>> cols(nx);
        std::vector<double> cost_c(nx, 0.0), lo(nx, 0.0), hi(nx, 1.0), rlo, rhi;
        for (std::size_t xc = 0; xc < nx; ++xc)
            if (pr.fixed[col_cand[xc]]) lo[xc] = 1;
        const double inf = kHighsInf;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> zpair;  // z column → (j, i)
        for (std::size_t j = 0; j < nd; ++j) {
            const HighsInt row = HighsInt(rlo.size());
            rlo.push_back(1);
            rhi.push_back(1);
            cols.push_back({{row, 1.0}});  // z_j0: served by the existing sites (or not at all, at `far`)
            cost_c.push_back(w[j] * base[j]);
            lo.push_back(0);
            hi.push_back(1);
            zpair.emplace_back(std::uint32_t(j), kBase);
            for (std::uint32_t i = 0; i < pr.n; ++i) {
                if (!pr.allowed[i] || !(dm.at(j, i) < base[j])) continue;
                const HighsInt link = HighsInt(rlo.size());
                rlo.push_back(-inf);
                rhi.push_back(0);
                cols.push_back({{row, 1.0}, {link, 1.0}});
                cols[std::size_t(xcol[i])].emplace_back(link, -1.0);
                cost_c.push_back(w[j] * dm.at(j, i));
                lo.push_back(0);
                hi.push_back(1);
                zpair.emplace_back(std::uint32_t(j), i);
            }
        }
        {
            const HighsInt r = HighsInt(rlo.size());
            rlo.push_back(-inf);
            rhi.push_back(double(p));
            for (std::size_t xc = 0; xc < nx; ++xc) cols[xc].emplace_back(r, 1.0);
        }
        for (std::size_t xc = 0; xc < nx; ++xc)
            for (const auto b : pr.conflicts[col_cand[xc]])
                if (b > col_cand[xc] && pr.allowed[b]) {
                    const HighsInt r = HighsInt(rlo.size());
                    rlo.push_back(-inf);
                    rhi.push_back(1);
                    cols[xc].emplace_back(r, 1.0);
                    cols[std::size_t(xcol[b])].emplace_back(r, 1.0);
                }
        if (pr.cap > 0) {
            const HighsInt first = HighsInt(rlo.size());
            for (int t = 0; t < pr.township_count; ++t) {
                rlo.push_back(-inf);
                rhi.push_back(pr.cap);
            }
            for (std::size_t xc = 0; xc < nx; ++xc)
                if (pr.township[col_cand[xc]] >= 0) cols[xc].emplace_back(first + pr.township[col_cand[xc]], 1.0);
        }
        lp.num_col_ = HighsInt(cols.size());
        lp.num_row_ = HighsInt(rlo.size());
        lp.col_cost_ = cost_c;
        lp.col_lower_ = lo;
        lp.col_upper_ = hi;
        lp.row_lower_ = rlo;
        lp.row_upper_ = rhi;
        lp.sense_ = ObjSense::kMinimize;
        lp.a_matrix_.format_ = MatrixFormat::kColwise;
        lp.a_matrix_.num_col_ = lp.num_col_;
        lp.a_matrix_.num_row_ = lp.num_row_;
        lp.a_matrix_.start_.assign(1, 0);
        for (const auto& col : cols) {
            for (const auto& [r, v] : col) {
                lp.a_matrix_.index_.push_back(r);
                lp.a_matrix_.value_.push_back(v);
            }
            lp.a_matrix_.start_.push_back(HighsInt(lp.a_matrix_.index_.size()));
        }
        lp.integrality_.assign(cols.size(), HighsVarType::kContinuous);
        for (std::size_t xc = 0; xc < nx; ++xc) lp.integrality_[xc] = HighsVarType::kInteger;
        // Warm start from the heuristic: open its sites, each point to its nearest.
        std::vector<double> start(cols.size(), 0.0);
        for (const auto s : sol.sites) start[std::size_t(xcol[s])] = 1;
        {
            const auto as = assign(dm, base, sol.sites);
            for (std::size_t k = 0; k < zpair.size(); ++k) {
                const auto [j, i] = zpair[k];
                if (as.n1[j] == i) start[nx + k] = 1;
            }
        }
        const auto run = run_highs(lp, true, opt.time_limit_s, &start, opt.progress);
        sol.highs_seconds = run.seconds;
        sol.highs_status = run.status;
        sol.highs_bound = run.bound;
        if (run.solved) {
            if (std::isfinite(run.bound)) bound = std::max(bound, run.bound);
            if (!run.col_value.empty()) {
                std::vector<std::uint32_t> sites;
                for (std::size_t xc = 0; xc < nx; ++xc)
                    if (run.col_value[xc] > 0.5) sites.push_back(col_cand[xc]);
                const double value = cost(sites);
                if (value < sol.objective - kEps * std::max(1.0, value) || (run.optimal && value <= sol.objective)) {
                    sol.sites = sites;
                    sol.objective = value;
                    sol.method = kMethodHighs;
                }
            }
        }
    }
    sol.bound = bound;
    sol.gap = relative_gap(sol.objective, bound);
    sol.optimal = sol.gap <= kOptimalGap;
    if (sol.optimal) sol.gap = 0;
    // Within the service reach too, for the side-by-side table.
    if (pb.coverage.demand_count == nd) {
        const auto ew = effective_weights(pb);
        sol.covered_weight =
            sol.total_weight - std::accumulate(ew.begin(), ew.end(), 0.0) + new_covered_weight(pb, sol.sites);
    }
    if (opt.progress) opt.progress(1.0);
    return sol;
}

}  // namespace coopmap::analysis::planning
