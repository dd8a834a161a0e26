// What-if of one proposed site on a hand-made layout whose answer is known exactly.
#include <gtest/gtest.h>

#include "analysis/geodesic.h"
#include "analysis/planning/what_if.h"

namespace coopmap::analysis::planning {
namespace {

// Around A = (112.0, 32.0): v0 1 km north (township 0, 100 people), v1 2.5 km east (t0, 200),
// v2 4 km south (t1, 300), v3 10 km west (t1, 400). An existing site 5 km east of A reaches v1.
struct Layout {
    std::vector<double> lon, lat;
    Destination existing;
    Layout()
    {
        for (const auto& [az, d] : {std::pair{0.0, 1000.0}, {90.0, 2500.0}, {180.0, 4000.0}, {270.0, 10000.0}}) {
            const auto p = geodesic_destination(112.0, 32.0, az, d);
            lon.push_back(p.lon);
            lat.push_back(p.lat);
        }
        existing = geodesic_destination(112.0, 32.0, 90.0, 5000.0);
    }
};

TEST(WhatIf, NewlyCoveredOverlapAndTownshipRates)
{
    const Layout l;
    WhatIf w(l.lon, l.lat, {100, 200, 300, 400}, {0, 0, 1, 1}, 3000);
    const auto existing = w.add_site(l.existing.lon, l.existing.lat);
    EXPECT_EQ(w.count(1), 1u);
    const auto r = w.evaluate(112.0, 32.0);
    EXPECT_EQ(r.newly_covered, (std::vector<std::uint32_t>{0}));
    EXPECT_DOUBLE_EQ(r.newly_covered_weight, 100);
    EXPECT_EQ(r.overlap, (std::vector<std::uint32_t>{1}));
    EXPECT_DOUBLE_EQ(r.overlap_weight, 200);
    EXPECT_EQ(r.overlapping_sites, (std::vector<std::uint32_t>{existing}));
    ASSERT_EQ(r.townships.size(), 1u);
    EXPECT_EQ(r.townships[0].township, 0);
    EXPECT_EQ(r.townships[0].villages, 2u);
    EXPECT_EQ(r.townships[0].covered_before, 1u);
    EXPECT_EQ(r.townships[0].covered_after, 2u);
    EXPECT_DOUBLE_EQ(r.townships[0].weight_before, 200);
    EXPECT_DOUBLE_EQ(r.townships[0].weight_after, 300);
}

TEST(WhatIf, DraggingASiteLeavesItsOldPlaceOut)
{
    const Layout l;
    WhatIf w(l.lon, l.lat, {100, 200, 300, 400}, {0, 0, 1, 1}, 3000);
    w.add_site(l.existing.lon, l.existing.lat);
    const auto dragged = w.add_site(112.0, 32.0);  // reaches v0 and v1
    const auto south = geodesic_destination(112.0, 32.0, 180.0, 4000.0);
    const auto r = w.evaluate(south.lon, south.lat, dragged);
    EXPECT_EQ(r.newly_covered, (std::vector<std::uint32_t>{2}));
    EXPECT_TRUE(r.overlap.empty());
    ASSERT_EQ(r.townships.size(), 2u);
    // Township 0 loses v0 when the site leaves; v1 stays with the existing site.
    EXPECT_EQ(r.townships[0].covered_before, 1u);
    EXPECT_EQ(r.townships[0].covered_after, 1u);
    EXPECT_EQ(r.townships[1].covered_before, 0u);
    EXPECT_EQ(r.townships[1].covered_after, 1u);
    EXPECT_DOUBLE_EQ(r.townships[1].weight_after, 300);

    // The plan's coverage follows every change: v0 and v1 (300 people), then v1 and v2 (500),
    // then v1 alone (200).
    EXPECT_EQ(w.covered_villages(), 2u);
    EXPECT_DOUBLE_EQ(w.covered_weight(), 300);
    EXPECT_DOUBLE_EQ(w.total_weight(), 1000);
    w.move_site(dragged, south.lon, south.lat);
    EXPECT_EQ(w.count(0), 0u);
    EXPECT_EQ(w.count(2), 1u);
    EXPECT_EQ(w.covered_villages(), 2u);
    EXPECT_DOUBLE_EQ(w.covered_weight(), 500);
    w.remove_site(dragged);
    EXPECT_EQ(w.count(2), 0u);
    EXPECT_EQ(w.count(1), 1u);
    EXPECT_EQ(w.covered_villages(), 1u);
    EXPECT_DOUBLE_EQ(w.covered_weight(), 200);
}

}  // namespace
}  // namespace coopmap::analysis::planning
