// The dispatch LP (issue 18) against a transportation problem solved by hand.
#include <gtest/gtest.h>

#include "analysis/routing/dispatch.h"

namespace coopmap::analysis::routing {
namespace {

// Three reserves (stock 20, 30, 25 = 75) and four townships (need 10, 25, 20, 30 = 85): 10 short.
// Minutes:      T1 T2 T3 T4
//          A     2  4  5  9
//          B     3  1  7  6
//          C     8  6  2  3
// Solved by hand with the transportation method (MODI): take the basis A→T1 10, A→T3 10,
// B→T2 25, B→T4 5, C→T3 10, C→T4 15 and T4 short 10 (the short side as a dummy reserve of 10
// whose cost M is the same to every township). Potentials from u_A = 0: v1 = 2, v3 = 5,
// u_C = 2 − 5 = −3, v4 = 3 + 3 = 6, u_B = 6 − 6 = 0, v2 = 1, u_dummy = M − 6. Reduced costs
// c − u − v of the cells outside the basis: A2 3, A4 3, B1 1, B3 2, C1 9, C2 8, dummy→T1 4,
// →T2 5, →T3 1 — all positive, so this plan is the one optimum: cost 2·10 + 5·10 + 1·25 +
// 6·5 + 2·10 + 3·15 = 190. (The greedy cheapest-cell-first plan, C→T3 20 and A→T4 10, costs 220.)
TEST(Dispatch, HandSolvedThreeReservesFourTownships)
{
    const TransportProblem p{{20, 30, 25}, {10, 25, 20, 30}, {2, 4, 5, 9, 3, 1, 7, 6, 8, 6, 2, 3}};
    const auto plan = solve_transport(p);
    ASSERT_TRUE(plan.ok()) << plan.error().text();
    EXPECT_EQ(plan->flow, (std::vector<double>{10, 0, 10, 0, 0, 25, 0, 5, 0, 0, 10, 15}));
    EXPECT_EQ(plan->shortage, (std::vector<double>{0, 0, 0, 10}));
    EXPECT_EQ(plan->cost, 190);
    EXPECT_EQ(plan->shipped, 75);
}

TEST(Dispatch, MoreStockThanNeedLeavesNoShortage)
{
    // Each township from its near reserve: 30·1 + 20·2 = 70; the crossed plan would cost 4·30 + 5·20.
    const auto plan = solve_transport({{50, 50}, {30, 20}, {1, 5, 4, 2}});
    ASSERT_TRUE(plan.ok()) << plan.error().text();
    EXPECT_EQ(plan->flow, (std::vector<double>{30, 0, 0, 20}));
    EXPECT_EQ(plan->shortage, (std::vector<double>{0, 0}));
    EXPECT_EQ(plan->cost, 70);
    // A reserve too small for its near township: the rest comes from the far one.
    const auto split = solve_transport({{10, 50}, {30, 20}, {1, 5, 4, 2}});
    ASSERT_TRUE(split.ok());
    EXPECT_EQ(split->flow, (std::vector<double>{10, 0, 20, 20}));
    EXPECT_EQ(split->cost, 10 + 80 + 40);
}

TEST(Dispatch, MalformedProblemsAreErrors)
{
    EXPECT_FALSE(solve_transport({{1}, {1, 2}, {1}}).ok());
    EXPECT_FALSE(solve_transport({{-1}, {1}, {1}}).ok());
    const auto none = solve_transport({{0, 0}, {5}, {1, 1}});
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->shortage, (std::vector<double>{5}));
    EXPECT_EQ(none->shipped, 0);
}

}  // namespace
}  // namespace coopmap::analysis::routing
