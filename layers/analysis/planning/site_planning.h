// Where to build new sites: maximal covering, set covering and p-median over candidate
// places, exactly through HiGHS where that is cheap and by greedy + swap local search
// where it is not, always with the gap to the best known bound.
//
// Models (ReVelle & Eiselt, "Location analysis: a synthesis and survey", EJOR 165 (2005)):
//   maximal covering (Church & ReVelle 1974): max Σ w_j y_j, y_j ≤ Σ_{i reaches j} x_i, Σ x_i ≤ p;
//   set covering (Toregas et al. 1971), here with a target share: min Σ x_i, Σ w_j y_j ≥ T;
//   p-median (Hakimi 1964; ReVelle & Swain 1970): min Σ w_j d_ij z_ij, Σ_i z_ij = 1, z_ij ≤ x_i.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "analysis/planning/coverage_matrix.h"
#include "model/error.h"
#include "model/feedback.h"

namespace coopmap::analysis::planning {

enum class Objective { max_coverage, set_cover, p_median };
// automatic: HiGHS when the instance is small enough to be cheap, the heuristic otherwise
// (and the heuristic's answer whenever HiGHS does not beat it in its time limit).
enum class Method { automatic, exact, heuristic };

// Rules every answer keeps. Candidates are indexed like the coverage matrix's columns.
struct SiteRules {
    double min_spacing_m = 0;  // between two new sites, and a new site and an existing one
    int max_per_township = 0;  // new sites per township; 0: no cap
    std::vector<std::uint8_t> excluded;  // per candidate, 1: not allowed (excluded area…); empty: none
    std::vector<std::uint32_t> fixed;  // candidates that must be in the answer (already decided)
};

// One planning instance: the demand, the candidates, what existing sites already cover.
struct SitingProblem {
    CoverageMatrix coverage;  // candidate → demand within reach
    std::vector<double> weight;  // per demand: population, households or 1 per village
    std::vector<std::uint8_t> covered;  // per demand: 1 if an existing site reaches it; empty: none
    std::vector<double> cand_lon, cand_lat;  // per candidate, for spacing
    std::vector<std::int32_t> cand_township;  // per candidate, -1 unknown; empty: no township cap
    std::vector<double> existing_lon, existing_lat;  // existing sites, for spacing
    SiteRules rules;
};

// Distances for p-median: d[j * candidate_count + i] from demand j to candidate i (metres
// or minutes), and base[j] to the nearest existing site (infinity if none).
struct DistanceMatrix {
    std::size_t demand_count = 0;
    std::size_t candidate_count = 0;
    std::vector<float> d;
    std::vector<float> base;
    float at(std::size_t j, std::size_t i) const { return d[j * candidate_count + i]; }
};

// Geodesic distances; fails (as a value) above `max_entries` demand × candidate pairs.
Result<DistanceMatrix> straight_line_distances(std::span<const double> demand_lon, std::span<const double> demand_lat,
                                               std::span<const double> cand_lon, std::span<const double> cand_lat,
                                               std::span<const double> existing_lon,
                                               std::span<const double> existing_lat,
                                               std::size_t max_entries = 16'000'000);

struct SolveOptions {
    Objective objective = Objective::max_coverage;
    int new_sites = 20;  // p (max_coverage, p_median)
    double target = 0.9;  // set_cover: share of all demand weight to reach, incl. existing
    Method method = Method::automatic;
    double time_limit_s = 20;  // for HiGHS
    double search_seconds = -1;  // local search after greedy; < 0: 0.25 s + 1 s per 200,000 matrix entries, ≤ 10 s
    std::size_t exact_max_nonzeros = 400'000;  // automatic: above this the MIP is skipped
    // Heuristic: also solve the LP relaxation for its bound below this size (the Lagrangian
    // bound, always computed, came within 0.01 % of it on a 30,000-village instance).
    std::size_t lp_bound_max_nonzeros = 100'000;
    // Hand the heuristic's answer to HiGHS as its start, and leave out of the MIP the
    // candidates the Lagrangian bound proves cannot improve on it. false: HiGHS alone.
    bool warm_start = true;
    // Shrink the MIP before HiGHS: leave out dominated candidates (and, with warm_start, the
    // ones the Lagrangian bound rules out), merge villages reached by the same candidates.
    // false: the plain model, for checking that the reductions keep the optimum.
    bool reduce = true;
    Progress progress;
};

// SitingSolution::method, in the words the CLI and the planning panel show.
inline constexpr const char* kMethodHighs = "HiGHS 精确求解";
inline constexpr const char* kMethodHeuristic = "贪心加交换启发式";

struct SitingSolution {
    std::vector<std::uint32_t> sites;  // chosen candidates (the fixed ones included)
    double objective = 0;  // max_coverage: new weight covered; set_cover: sites; p_median: Σ w·d
    double bound = 0;  // best proven bound on the objective (upper for max, lower for min)
    double gap = 0;  // |bound − objective| / |objective| (0 when proven optimal)
    bool optimal = false;  // proven optimal (gap within 1e-6)
    double covered_weight = 0;  // demand weight reached incl. existing sites
    double total_weight = 0;  // all demand weight
    std::string method;  // kMethodHighs or kMethodHeuristic
    // Beside the answer, what each part gave: for bench and the report.
    double heuristic_objective = std::numeric_limits<double>::quiet_NaN();
    double heuristic_seconds = 0;
    double highs_seconds = 0;
    double highs_bound = std::numeric_limits<double>::quiet_NaN();
    std::string highs_status;  // "" (not run), "最优", "达到时限", "已取消", …
    double lp_bound = std::numeric_limits<double>::quiet_NaN();
    double lagrangian_bound = std::numeric_limits<double>::quiet_NaN();
};

// Maximal covering and set covering.
Result<SitingSolution> solve_covering(const SitingProblem& problem, const SolveOptions& options);
// p-median over `distances` (same candidates as problem.coverage; coverage itself unused).
Result<SitingSolution> solve_p_median(const SitingProblem& problem, const DistanceMatrix& distances,
                                      const SolveOptions& options);

// Demand weight newly reached by `sites` (beyond problem.covered), recomputed from the matrix.
double new_covered_weight(const SitingProblem& problem, std::span<const std::uint32_t> sites);
// Σ w_j · min(base_j, min_{i∈sites} d_ji).
double p_median_cost(const std::vector<double>& weight, const DistanceMatrix& distances,
                     std::span<const std::uint32_t> sites);

// The first rule `sites` breaks, in Chinese; "" if it keeps them all.
std::string check_rules(const SitingProblem& problem, std::span<const std::uint32_t> sites);

}  // namespace coopmap::analysis::planning
