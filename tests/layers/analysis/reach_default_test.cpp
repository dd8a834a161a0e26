// The one default reach of a role (analysis::default_reach), and the tiers that say which roles
// count as existing service: over small projects made here, no files.
#include <gtest/gtest.h>

#include "analysis/reach_default.h"

namespace coopmap::analysis {
namespace {

// A project with a road layer `roads` (one segment, or none when `with_roads` is false).
struct Sample {
    Project project;
    std::vector<Layer> layers;
};
Sample sample(bool with_roads)
{
    Sample s;
    s.project.file = "测试.coopmap";
    LayerConfig r;
    r.id = "roads";
    r.role = Role::road;
    s.project.layers = {r};
    Layer roads;
    roads.role = Role::road;
    roads.kind = GeometryKind::line;
    if (with_roads) {
        roads.add_coordinate(112.0, 32.0);
        roads.add_coordinate(112.1, 32.0);
        roads.end_ring();
        roads.end_part();
        roads.end_feature();
    }
    s.layers = {roads};
    s.project.service_radii_m = {{"distribution_center", 30000}, {"village_cooperative", 2500}};
    s.project.travel_minutes = {{"distribution_center", 60}, {"township_supermarket", 20}};
    return s;
}

TEST(DefaultReach, TravelMinutesWithRoadsElseTheRadius)
{
    const auto s = sample(true);
    const auto dc = default_reach(s.project, s.layers, Role::distribution_center);
    ASSERT_TRUE(dc) << dc.error().text();
    EXPECT_EQ(dc->minutes, 60);
    EXPECT_EQ(dc->radius_m, 0);
    EXPECT_EQ(dc->why, "项目文件 travel_minutes.distribution_center，道路图层 roads");
    EXPECT_EQ(reach_text(*dc), "行车 60 分钟");
    const auto vc = default_reach(s.project, s.layers, Role::village_cooperative);
    ASSERT_TRUE(vc);
    EXPECT_EQ(vc->radius_m, 2500);
    EXPECT_EQ(vc->minutes, 0);
    EXPECT_EQ(vc->why, "项目文件 service_radii_m.village_cooperative");
    EXPECT_EQ(reach_text(*vc), "半径 2.5 公里");
}

TEST(DefaultReach, WithoutRoadsTheRadiusAndWhy)
{
    const auto s = sample(false);
    const auto dc = default_reach(s.project, s.layers, Role::distribution_center);
    ASSERT_TRUE(dc);
    EXPECT_EQ(dc->radius_m, 30000);
    EXPECT_EQ(dc->why, "项目文件 service_radii_m.distribution_center；项目没有道路图层，不按 travel_minutes 行车");
    // Only minutes, and no roads to travel: the error names the file and the key to add.
    const auto ts = default_reach(s.project, s.layers, Role::township_supermarket);
    ASSERT_FALSE(ts);
    EXPECT_EQ(ts.error().file, "测试.coopmap");
    EXPECT_EQ(ts.error().message,
              "项目文件只给了「乡镇综合超市」的行车时间（travel_minutes.township_supermarket），但项目没有道路图层"
              "（role 为 road）：请加入道路图层，或在项目文件的 service_radii_m 中加入 township_supermarket（米）");
}

TEST(DefaultReach, NeitherIsAnErrorNamingTheKey)
{
    const auto s = sample(true);
    const auto r = default_reach(s.project, s.layers, Role::agri_service_center);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().file, "测试.coopmap");
    EXPECT_EQ(
        r.error().message,
        "项目文件没有「为农服务中心」的服务范围：请在项目文件的 service_radii_m 中加入 agri_service_center（米），"
        "或在 travel_minutes 中加入 agri_service_center（分钟，按道路），或直接给出半径");
}

TEST(RequestedReach, MinutesReplaceTheRadiusAndNeedRoads)
{
    const auto with = sample(true);
    const auto m = requested_reach(with.project, with.layers, Role::village_cooperative, 2000, 15);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->minutes, 15);
    EXPECT_EQ(m->radius_m, 0);
    EXPECT_EQ(m->why, "指定的行车时间，道路图层 roads");
    const auto r = requested_reach(with.project, with.layers, Role::agri_service_center, 7250, 0);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->radius_m, 7250);
    EXPECT_EQ(reach_text(*r), "半径 7.25 公里");
    EXPECT_EQ(r->why, "指定的服务半径");
    const auto without = sample(false);
    const auto e = requested_reach(without.project, without.layers, Role::village_cooperative, 0, 15);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().message,
              "按行车时间计算需要道路图层（role 为 road），项目中没有或为空：请加入道路图层，或改用服务半径");
}

TEST(Tiers, EachRoleWithTheRolesServingTheSameVillages)
{
    EXPECT_EQ(tier_roles(Role::village_cooperative),
              (std::vector<Role>{Role::village_cooperative, Role::village_service_station}));
    EXPECT_EQ(tier_roles(Role::village_service_station),
              (std::vector<Role>{Role::village_service_station, Role::village_cooperative}));
    EXPECT_EQ(tier_roles(Role::township_supermarket),
              (std::vector<Role>{Role::township_supermarket, Role::grassroots_cooperative}));
    EXPECT_EQ(tier_roles(Role::distribution_center), std::vector<Role>{Role::distribution_center});
    EXPECT_EQ(tier_roles(Role::agri_service_center), std::vector<Role>{Role::agri_service_center});
    EXPECT_TRUE(tier_roles(Role::road).empty());
    EXPECT_EQ(role_names_zh(tier_roles(Role::village_cooperative)), "村级供销社、村级综合服务社");
}

TEST(Tiers, RoleKeysMustBeFacilities)
{
    const auto ok =
        facility_roles_from_keys({"village_service_station", "village_cooperative", "village_service_station"}, "p");
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, (std::vector<Role>{Role::village_service_station, Role::village_cooperative}));
    const auto bad = facility_roles_from_keys({"village_cooperative", "road"}, "p.coopmap");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().file, "p.coopmap");
    EXPECT_EQ(bad.error().message.rfind("「road」不是网点类型", 0), 0u) << bad.error().message;
}

}  // namespace
}  // namespace coopmap::analysis
