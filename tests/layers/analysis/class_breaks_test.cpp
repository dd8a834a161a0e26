// Class breaks: natural breaks against the brute-force optimum over every way to cut a small
// series, quantiles and fixed breaks on series whose classes can be counted by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/class_breaks.h"

namespace coopmap::analysis {
namespace {

// Least within-class deviation over every cut of the sorted series into k non-empty runs.
double brute_force(const std::vector<double>& sorted, std::size_t k, std::vector<std::size_t>& best_ends)
{
    double best = std::numeric_limits<double>::infinity();
    std::vector<std::size_t> ends(k);
    const std::size_t n = sorted.size();
    const auto dev = [&](std::size_t a, std::size_t b) {
        double m = 0;
        for (std::size_t i = a; i <= b; ++i) m += sorted[i];
        m /= static_cast<double>(b - a + 1);
        double d = 0;
        for (std::size_t i = a; i <= b; ++i) d += (sorted[i] - m) * (sorted[i] - m);
        return d;
    };
    // ends[j]: last index of class j; recurse over the cut points.
    const auto walk = [&](auto&& self, std::size_t j, std::size_t start, double so_far) -> void {
        if (j + 1 == k) {
            ends[j] = n - 1;
            const double d = so_far + dev(start, n - 1);
            if (d < best) best = d, best_ends = ends;
            return;
        }
        for (std::size_t e = start; e + (k - j - 1) < n; ++e) {
            ends[j] = e;
            self(self, j + 1, e + 1, so_far + dev(start, e));
        }
    };
    walk(walk, 0, 0, 0.0);
    return best;
}

TEST(NaturalBreaks, ThreeObviousGroups)
{
    const std::vector<double> v{21, 1, 12, 3, 22, 2, 11, 20, 10};
    const auto b = natural_breaks(v, 3);
    ASSERT_TRUE(b) << b.error().text();
    EXPECT_EQ(b->bounds, (std::vector<double>{1, 3, 12, 22}));
    EXPECT_EQ(b->counts, (std::vector<std::size_t>{3, 3, 3}));
    EXPECT_EQ(b->class_of(3), 0u);
    EXPECT_EQ(b->class_of(3.5), 1u);
    EXPECT_EQ(b->class_of(100), 2u);
    EXPECT_EQ(b->labels(0), (std::vector<std::string>{"1 – 3", "3 – 12", "12 – 22"}));
}

TEST(NaturalBreaks, EqualsTheBruteForceOptimumOnASmallSeries)
{
    // Township service figures (万亩次) with no obvious groups; 12 values, 2 to 5 classes.
    std::vector<double> v{0.8, 4.1, 2.2, 9.7, 5.5, 3.3, 12.9, 7.4, 1.1, 6.0, 15.2, 2.9};
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t k = 2; k <= 5; ++k) {
        std::vector<std::size_t> ends;
        const double best = brute_force(sorted, k, ends);
        const auto b = natural_breaks(v, k);
        ASSERT_TRUE(b) << b.error().text();
        ASSERT_EQ(b->classes(), k);
        EXPECT_NEAR(within_class_deviation(v, *b), best, 1e-9) << k;
        std::vector<double> upper;
        for (std::size_t e : ends) upper.push_back(sorted[e]);
        EXPECT_EQ(std::vector<double>(b->bounds.begin() + 1, b->bounds.end()), upper) << k;
    }
}

TEST(NaturalBreaks, FewerClassesThanDistinctValuesAndNoValues)
{
    const auto b = natural_breaks(std::vector<double>{5, 5, 5, 7, std::nan("")}, 4);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->bounds, (std::vector<double>{5, 5, 7}));
    EXPECT_EQ(b->counts, (std::vector<std::size_t>{3, 1}));
    EXPECT_FALSE(natural_breaks(std::vector<double>{}, 3));
    EXPECT_FALSE(natural_breaks(std::vector<double>{1, 2}, 0));
}

TEST(QuantileBreaks, SameCountsAndTiesKeptTogether)
{
    const auto b = quantile_breaks(std::vector<double>{8, 1, 2, 3, 4, 5, 6, 7}, 4);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->bounds, (std::vector<double>{1, 2, 4, 6, 8}));
    EXPECT_EQ(b->counts, (std::vector<std::size_t>{2, 2, 2, 2}));
    const auto t = quantile_breaks(std::vector<double>{1, 2, 2, 2, 3, 4}, 3);
    ASSERT_TRUE(t);
    // The first third ends inside the run of 2s, which stays whole: two classes remain.
    EXPECT_EQ(t->bounds, (std::vector<double>{1, 2, 4}));
    EXPECT_EQ(t->counts, (std::vector<std::size_t>{4, 2}));
}

TEST(FixedBreaks, TheOfficesLimitsForCoverageRates)
{
    const std::vector<double> v{0.45, 0.62, 0.78, 0.85, 0.91, 0.97};
    const std::vector<double> limits{0.6, 0.8, 0.9};
    const auto b = fixed_breaks(v, limits);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->bounds, (std::vector<double>{0.45, 0.6, 0.8, 0.9, 0.97}));
    EXPECT_EQ(b->counts, (std::vector<std::size_t>{1, 2, 1, 2}));
    EXPECT_EQ(b->labels(2)[1], "0.60 – 0.80");
    EXPECT_FALSE(fixed_breaks(v, std::vector<double>{0.8, 0.6}));
}

}  // namespace
}  // namespace coopmap::analysis
