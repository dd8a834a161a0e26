// Site planning checked against brute force on small instances the test makes itself:
// every subset of candidates is tried, coverage is recomputed from the coordinates with
// PROJ's geodesic (not from the solver's matrix), and every rule is checked on every answer.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/geodesic.h"
#include "analysis/planning/coverage_matrix.h"
#include "analysis/planning/site_planning.h"

namespace coopmap::analysis::planning {
namespace {

constexpr double kRadius = 3000;

struct Instance {
    std::vector<double> dlon, dlat, weight;
    std::vector<double> clon, clat;
    std::vector<std::int32_t> township;
    std::vector<double> elon, elat;
};

// Villages scattered over ~20 km × 20 km near Xiangyang, candidates at some of them and at
// a few other places, one existing site.
Instance make_instance(unsigned seed, std::size_t villages, std::size_t candidates, bool existing = true)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(112.0, 112.2), lat(32.0, 32.18);
    std::uniform_int_distribution<int> pop(100, 2000);
    Instance in;
    for (std::size_t j = 0; j < villages; ++j) {
        in.dlon.push_back(lon(rng));
        in.dlat.push_back(lat(rng));
        in.weight.push_back(pop(rng));
    }
    for (std::size_t i = 0; i < candidates; ++i) {
        if (i % 3 == 2) {
            in.clon.push_back(lon(rng));
            in.clat.push_back(lat(rng));
        } else {
            in.clon.push_back(in.dlon[i]);
            in.clat.push_back(in.dlat[i]);
        }
        in.township.push_back(in.clon.back() < 112.07 ? 101 : in.clon.back() < 112.14 ? 102 : 103);
    }
    if (existing) {
        in.elon.push_back(112.1);
        in.elat.push_back(32.09);
    }
    return in;
}

SitingProblem problem(const Instance& in)
{
    SitingProblem pb;
    pb.coverage = coverage_within_radius(in.dlon, in.dlat, in.clon, in.clat, kRadius);
    pb.weight = in.weight;
    pb.covered = covered_by_sites(in.dlon, in.dlat, in.elon, in.elat, kRadius);
    pb.cand_lon = in.clon;
    pb.cand_lat = in.clat;
    pb.cand_township = in.township;
    pb.existing_lon = in.elon;
    pb.existing_lat = in.elat;
    return pb;
}

// Weight newly reached by `sites`, straight from the coordinates.
double recomputed_cover(const Instance& in, const std::vector<std::uint32_t>& sites)
{
    double total = 0;
    for (std::size_t j = 0; j < in.dlon.size(); ++j) {
        bool before = false, after = false;
        for (std::size_t e = 0; e < in.elon.size(); ++e)
            before |= geodesic_distance_m(in.dlon[j], in.dlat[j], in.elon[e], in.elat[e]) <= kRadius;
        for (const auto s : sites)
            after |= geodesic_distance_m(in.dlon[j], in.dlat[j], in.clon[s], in.clat[s]) <= kRadius;
        if (after && !before) total += in.weight[j];
    }
    return total;
}

// Every subset of at most `p` candidates, in increasing order.
void for_each_subset(std::size_t n, std::size_t p, const std::function<void(const std::vector<std::uint32_t>&)>& f)
{
    std::vector<std::uint32_t> cur;
    std::function<void(std::uint32_t)> rec = [&](std::uint32_t from) {
        f(cur);
        if (cur.size() == p) return;
        for (std::uint32_t i = from; i < n; ++i) {
            cur.push_back(i);
            rec(i + 1);
            cur.pop_back();
        }
    };
    rec(0);
}

double brute_max_cover(const Instance& in, const SitingProblem& pb, std::size_t p)
{
    double best = -1;
    for_each_subset(in.clon.size(), p, [&](const std::vector<std::uint32_t>& s) {
        if (!check_rules(pb, s).empty()) return;
        best = std::max(best, recomputed_cover(in, s));
    });
    return best;
}

TEST(CoverageMatrix, MatchesGeodesicDistancesPairByPair)
{
    const auto in = make_instance(7, 60, 30);
    const auto m = coverage_within_radius(in.dlon, in.dlat, in.clon, in.clat, kRadius);
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < in.clon.size(); ++i)
        for (std::size_t j = 0; j < in.dlon.size(); ++j) {
            const bool near = geodesic_distance_m(in.clon[i], in.clat[i], in.dlon[j], in.dlat[j]) <= kRadius;
            const auto row = m.covers(i);
            EXPECT_EQ(near, std::binary_search(row.begin(), row.end(), std::uint32_t(j))) << i << " " << j;
            const auto col = m.covered_by(j);
            EXPECT_EQ(near, std::binary_search(col.begin(), col.end(), std::uint32_t(i)));
            pairs += near;
        }
    EXPECT_EQ(m.nonzeros(), pairs);
    EXPECT_GT(pairs, 30u);  // the fixture is dense enough to be a real test
}

TEST(CoverageMatrix, ReachIsInclusiveAtTheRadius)
{
    // A village exactly 3,000 m due north of the candidate counts as reached.
    const auto d = geodesic_destination(112.0, 32.0, 0, 3000.0);
    const std::vector<double> dlon{d.lon, d.lon}, dlat{d.lat, d.lat + 0.001}, clon{112.0}, clat{32.0};
    const auto m = coverage_within_radius(dlon, dlat, clon, clat, 3000.0 + 1e-6);
    ASSERT_EQ(m.nonzeros(), 1u);
    EXPECT_EQ(m.covers(0)[0], 0u);
}

struct Rules {
    const char* name;
    double spacing;
    int cap;
    bool fixed;
    bool excluded;
};

class MaxCoverage : public ::testing::TestWithParam<Rules> {};

TEST_P(MaxCoverage, ExactEqualsBruteForceAndHeuristicNeverOverstates)
{
    const auto rules = GetParam();
    for (unsigned seed = 1; seed <= 4; ++seed) {
        const auto in = make_instance(seed, 45, 13);
        auto pb = problem(in);
        pb.rules.min_spacing_m = rules.spacing;
        pb.rules.max_per_township = rules.cap;
        // The fixed site: the first candidate the other rules allow.
        std::uint32_t fixed = 2;
        while (rules.spacing > 0 &&
               geodesic_distance_m(in.clon[fixed], in.clat[fixed], in.elon[0], in.elat[0]) < rules.spacing)
            ++fixed;
        if (rules.fixed) pb.rules.fixed = {fixed};
        if (rules.excluded) {
            pb.rules.excluded.assign(in.clon.size(), 0);
            pb.rules.excluded[0] = pb.rules.excluded[1] = 1;
        }
        constexpr std::size_t p = 3;
        const double brute = brute_max_cover(in, pb, p);
        ASSERT_GT(brute, 0);

        SolveOptions opt;
        opt.search_seconds = 0.02;
        opt.new_sites = int(p);
        opt.method = Method::exact;
        const auto exact = solve_covering(pb, opt);
        ASSERT_TRUE(exact.ok()) << exact.error().text();
        EXPECT_NEAR(exact->objective, brute, 1e-6) << rules.name << " seed " << seed;
        EXPECT_TRUE(exact->optimal);
        EXPECT_NEAR(recomputed_cover(in, exact->sites), exact->objective, 1e-6);
        EXPECT_EQ(check_rules(pb, exact->sites), "") << rules.name;
        EXPECT_LE(exact->sites.size(), p);
        EXPECT_GE(exact->bound, brute - 1e-6);

        opt.method = Method::heuristic;
        const auto heur = solve_covering(pb, opt);
        ASSERT_TRUE(heur.ok()) << heur.error().text();
        EXPECT_NEAR(recomputed_cover(in, heur->sites), heur->objective, 1e-6) << rules.name << " seed " << seed;
        EXPECT_LE(heur->objective, brute + 1e-6);
        EXPECT_GE(heur->bound, brute - 1e-6);  // the bound is a real bound
        EXPECT_NEAR(heur->gap, heur->objective > 0 ? (heur->bound - heur->objective) / heur->objective : 0, 1e-6);
        EXPECT_EQ(check_rules(pb, heur->sites), "") << rules.name;
        EXPECT_LE(heur->sites.size(), p);
        if (rules.fixed) {
            EXPECT_NE(std::find(exact->sites.begin(), exact->sites.end(), fixed), exact->sites.end());
            EXPECT_NE(std::find(heur->sites.begin(), heur->sites.end(), fixed), heur->sites.end());
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Rules, MaxCoverage,
                         ::testing::Values(Rules{"none", 0, 0, false, false}, Rules{"spacing", 5000, 0, false, false},
                                           Rules{"cap", 0, 1, false, false}, Rules{"fixed", 0, 0, true, false},
                                           Rules{"excluded", 0, 0, false, true}, Rules{"all", 4000, 1, true, true}),
                         [](const auto& p) { return std::string(p.param.name); });

// The model HiGHS gets is shrunk first (candidates the Lagrangian bound or a dominating
// candidate rules out, villages reached by the same candidates merged); on instances too big
// for brute force its optimum must equal that of the plain, unreduced model.
TEST(MaxCoverage, ReducedModelHasTheSameOptimumAsThePlainOne)
{
    int reduced_runs = 0;
    for (unsigned seed = 11; seed <= 16; ++seed) {
        const auto in = make_instance(seed, 600, 240);
        const auto pb = problem(in);
        SolveOptions plain;
        plain.new_sites = 9;
        plain.method = Method::exact;
        plain.search_seconds = 0;
        plain.warm_start = false;
        plain.reduce = false;
        const auto a = solve_covering(pb, plain);
        ASSERT_TRUE(a.ok()) << a.error().text();
        ASSERT_TRUE(a->optimal) << "seed " << seed;

        SolveOptions reduced = plain;
        reduced.warm_start = true;
        reduced.reduce = true;
        reduced.search_seconds = 0.01;
        const auto b = solve_covering(pb, reduced);
        ASSERT_TRUE(b.ok()) << b.error().text();
        EXPECT_TRUE(b->optimal) << "seed " << seed;
        EXPECT_NEAR(b->objective, a->objective, 1e-6) << "seed " << seed;
        EXPECT_NEAR(recomputed_cover(in, b->sites), b->objective, 1e-6) << "seed " << seed;
        EXPECT_EQ(b->sites.size(), 9u);
        reduced_runs += !b->highs_status.empty();
    }
    // Not all proven by the bound alone: HiGHS really ran on reduced models.
    EXPECT_GE(reduced_runs, 1);
}

TEST(SetCover, FewestSitesEqualsBruteForce)
{
    for (unsigned seed = 11; seed <= 14; ++seed) {
        const auto in = make_instance(seed, 40, 12);
        auto pb = problem(in);
        pb.rules.min_spacing_m = seed % 2 ? 2500 : 0;
        double total = 0, already = 0;
        for (std::size_t j = 0; j < in.weight.size(); ++j) {
            total += in.weight[j];
            if (pb.covered[j]) already += in.weight[j];
        }
        // The target: 60 % of all population, existing site included.
        const double target = 0.6;
        std::size_t best = 99;
        for_each_subset(in.clon.size(), 6, [&](const std::vector<std::uint32_t>& s) {
            if (s.size() >= best || !check_rules(pb, s).empty()) return;
            if (already + recomputed_cover(in, s) >= target * total - 1e-9) best = s.size();
        });
        SolveOptions opt;
        opt.search_seconds = 0.02;
        opt.objective = Objective::set_cover;
        opt.target = target;
        if (best == 99) {
            // No 6 sites reach it: the solver either needs more or says it cannot.
            continue;
        }
        opt.method = Method::exact;
        const auto exact = solve_covering(pb, opt);
        ASSERT_TRUE(exact.ok()) << exact.error().text();
        EXPECT_EQ(exact->sites.size(), best) << "seed " << seed;
        EXPECT_TRUE(exact->optimal) << exact->highs_status << " bound " << exact->bound << " highs "
                                    << exact->highs_bound << " lagrangian " << exact->lagrangian_bound;
        EXPECT_GE(already + recomputed_cover(in, exact->sites), target * total - 1e-6);
        EXPECT_NEAR(exact->covered_weight, already + recomputed_cover(in, exact->sites), 1e-6);
        EXPECT_EQ(check_rules(pb, exact->sites), "");

        opt.method = Method::heuristic;
        const auto heur = solve_covering(pb, opt);
        ASSERT_TRUE(heur.ok()) << heur.error().text();
        EXPECT_GE(heur->sites.size(), best);
        EXPECT_LE(heur->bound, double(best));
        EXPECT_GE(already + recomputed_cover(in, heur->sites), target * total - 1e-6);
        EXPECT_EQ(check_rules(pb, heur->sites), "");
    }
}

TEST(SetCover, UnreachableTargetIsAClearChineseError)
{
    const auto in = make_instance(3, 40, 4);
    auto pb = problem(in);
    SolveOptions opt;
    opt.objective = Objective::set_cover;
    opt.target = 1.0;
    const auto r = solve_covering(pb, opt);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("覆盖目标 100.0% 无法达到"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("请降低目标或增加候选点"), std::string::npos);
}

TEST(Rules, FixedSiteInExcludedAreaIsRefused)
{
    const auto in = make_instance(5, 30, 8);
    auto pb = problem(in);
    pb.rules.fixed = {2};
    pb.rules.excluded.assign(8, 0);
    pb.rules.excluded[2] = 1;
    const auto r = solve_covering(pb, SolveOptions{});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "固定的网点位于排除区域内或离现有网点太近，请移动它或取消固定");
    EXPECT_EQ(r.error().feature, "候选点 2");
}

TEST(PMedian, ExactEqualsBruteForceAndHeuristicCostIsReal)
{
    for (unsigned seed = 21; seed <= 24; ++seed) {
        const auto in = make_instance(seed, 30, 11, seed % 2 == 0);
        auto pb = problem(in);
        pb.rules.max_per_township = seed == 23 ? 1 : 0;
        pb.rules.min_spacing_m = seed == 24 ? 4000 : 0;
        const auto dm = straight_line_distances(in.dlon, in.dlat, in.clon, in.clat, in.elon, in.elat);
        ASSERT_TRUE(dm.ok());
        constexpr std::size_t p = 3;
        // Cost recomputed from the coordinates.
        auto cost = [&](const std::vector<std::uint32_t>& s) {
            double total = 0;
            for (std::size_t j = 0; j < in.dlon.size(); ++j) {
                double best = std::numeric_limits<double>::infinity();
                for (std::size_t e = 0; e < in.elon.size(); ++e)
                    best = std::min(best, geodesic_distance_m(in.dlon[j], in.dlat[j], in.elon[e], in.elat[e]));
                for (const auto c : s)
                    best = std::min(best, geodesic_distance_m(in.dlon[j], in.dlat[j], in.clon[c], in.clat[c]));
                total += in.weight[j] * best;
            }
            return total;
        };
        double brute = std::numeric_limits<double>::infinity();
        for_each_subset(in.clon.size(), p, [&](const std::vector<std::uint32_t>& s) {
            if (s.empty() || !check_rules(pb, s).empty()) return;
            brute = std::min(brute, cost(s));
        });
        SolveOptions opt;
        opt.search_seconds = 0.02;
        opt.objective = Objective::p_median;
        opt.new_sites = int(p);
        opt.method = Method::exact;
        const auto exact = solve_p_median(pb, *dm, opt);
        ASSERT_TRUE(exact.ok()) << exact.error().text();
        // Distances are stored as float: 1e-6 relative.
        EXPECT_NEAR(exact->objective, brute, brute * 1e-6) << "seed " << seed;
        EXPECT_NEAR(cost(exact->sites), exact->objective, brute * 1e-6);
        EXPECT_TRUE(exact->optimal);
        EXPECT_EQ(check_rules(pb, exact->sites), "");

        opt.method = Method::heuristic;
        const auto heur = solve_p_median(pb, *dm, opt);
        ASSERT_TRUE(heur.ok()) << heur.error().text();
        EXPECT_NEAR(cost(heur->sites), heur->objective, brute * 1e-6);
        EXPECT_GE(heur->objective, brute * (1 - 1e-6));
        EXPECT_LE(heur->bound, brute * (1 + 1e-6));
        EXPECT_EQ(check_rules(pb, heur->sites), "");
    }
}

}  // namespace
}  // namespace coopmap::analysis::planning
