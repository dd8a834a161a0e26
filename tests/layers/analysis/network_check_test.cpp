// The three-tier network check on a hand-made project of two counties, three townships and
// five villages, where every answer can be checked by eye.
#include <gtest/gtest.h>

#include "analysis/geodesic.h"
#include "analysis/network_check.h"
#include "fixture_shapes.h"

namespace coopmap::analysis {
namespace {

using test::box;
using test::text;

// County 420602 (襄城区) is the box 112.0–112.2 E x 32.0–32.2 N, with townships t1 (west half)
// and t2 (east half); county 420606 (樊城区) is 112.2–112.4 E, all of it township t3.
Project project()
{
    Project p;
    p.file = "网络.coopmap";
    auto layer = [](std::string id, Role role, std::map<std::string, std::string> fields, std::string level = {}) {
        LayerConfig c;
        c.id = std::move(id);
        c.role = role;
        c.fields = std::move(fields);
        c.level = std::move(level);
        return c;
    };
    p.layers = {
        layer("counties", Role::admin_boundary, {{"code", "code"}, {"name", "name"}}, "county"),
        layer("townships", Role::admin_boundary, {{"code", "code"}, {"name", "name"}, {"county_code", "county"}},
              "township"),
        layer("villages", Role::village, {{"name", "name"}, {"township_code", "town"}, {"county_code", "county"}}),
        layer("stations", Role::village_service_station, {}),
        layer("centers", Role::distribution_center, {}),
        layer("markets", Role::township_supermarket, {{"township_code", "乡镇"}}),
        layer("grassroots", Role::grassroots_cooperative, {}),
    };
    p.service_radii_m["village_service_station"] = 3000;
    return p;
}

std::vector<Layer> layers()
{
    std::vector<Layer> l(7);
    auto& counties = l[0];
    counties.kind = GeometryKind::polygon;
    counties.role = Role::admin_boundary;
    counties.columns.reserve(2);
    auto& ccode = counties.add_column("code", FieldType::text);
    auto& cname = counties.add_column("name", FieldType::text);
    box(counties, 112.0, 112.2);
    text(ccode, "420602");
    text(cname, "襄城区");
    box(counties, 112.2, 112.4);
    text(ccode, "420606");
    text(cname, "樊城区");

    auto& towns = l[1];
    towns.kind = GeometryKind::polygon;
    towns.role = Role::admin_boundary;
    towns.columns.reserve(3);
    auto& tcode = towns.add_column("code", FieldType::text);
    auto& tname = towns.add_column("name", FieldType::text);
    auto& tcounty = towns.add_column("county", FieldType::text);
    for (const auto& [x0, x1, code, name, county] :
         {std::tuple{112.0, 112.1, "t1", "东津镇", "420602"}, std::tuple{112.1, 112.2, "t2", "卧龙镇", "420602"},
          std::tuple{112.2, 112.4, "t3", "牛首镇", "420606"}}) {
        box(towns, x0, x1);
        text(tcode, code);
        text(tname, name);
        text(tcounty, county);
    }

    auto& v = l[2];
    v.columns.reserve(3);
    auto& vname = v.add_column("name", FieldType::text);
    auto& vtown = v.add_column("town", FieldType::text);
    auto& vcounty = v.add_column("county", FieldType::text);
    for (const auto& [x, y, name, town, county] :
         {std::tuple{112.05, 32.10, "一村", "t1", "420602"}, std::tuple{112.05, 32.15, "二村", "t1", "420602"},
          std::tuple{112.15, 32.10, "三村", "t2", "420602"}, std::tuple{112.30, 32.10, "四村", "t3", "420606"},
          std::tuple{112.35, 32.15, "五村", "t3", "420606"}}) {
        v.add_point(x, y);
        text(vname, name);
        text(vtown, town);
        text(vcounty, county);
    }

    // A station on 一村 and one 2 km west of 四村; 二村 is 5.5 km north of the first, the rest farther.
    l[3].role = Role::village_service_station;
    l[3].add_point(112.05, 32.10);
    const auto w = geodesic_destination(112.30, 32.10, 270, 2000);
    l[3].add_point(w.lon, w.lat);
    // The centre has no county code: it is found in 襄城区 by its polygon.
    l[4].role = Role::distribution_center;
    l[4].add_point(112.1, 32.1);
    // One supermarket coded t1, one with an empty code that lies in t2.
    l[5].role = Role::township_supermarket;
    auto& mtown = l[5].add_column("乡镇", FieldType::text);
    l[5].add_point(112.03, 32.03);
    text(mtown, "t1");
    l[5].add_point(112.15, 32.05);
    text(mtown, "");
    // One grassroots cooperative, in t3 by position.
    l[6].role = Role::grassroots_cooperative;
    l[6].add_point(112.3, 32.05);
    return l;
}

TEST(NetworkCheck, HandMadeProjectHasItsKnownGaps)
{
    const auto r = network_check(project(), layers());
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->station_reach, "半径 3000 米");
    ASSERT_EQ(r->counties.size(), 2u);
    const auto& a = r->counties[0];
    EXPECT_EQ(a.code, "420602");
    EXPECT_EQ(a.name, "襄城区");
    EXPECT_EQ(a.distribution_centers, 1u);
    EXPECT_EQ(a.townships, 2u);
    EXPECT_EQ(a.townships_without_supermarket, 0u);
    EXPECT_EQ(a.townships_without_grassroots, 2u);
    EXPECT_EQ(a.villages, 3u);
    EXPECT_EQ(a.villages_without_station, 2u);
    EXPECT_EQ(a.missing_text(), "2 个乡镇缺基层社；2 个村无服务社");
    const auto& b = r->counties[1];
    EXPECT_EQ(b.name, "樊城区");
    EXPECT_EQ(b.distribution_centers, 0u);
    EXPECT_EQ(b.townships_without_supermarket, 1u);
    EXPECT_EQ(b.townships_without_grassroots, 0u);
    EXPECT_EQ(b.villages_without_station, 1u);
    EXPECT_EQ(b.missing_text(), "缺县域集采集配中心；1 个乡镇缺超市；1 个村无服务社");

    ASSERT_EQ(r->townships.size(), 3u);
    const auto& t1 = r->townships[0];
    EXPECT_EQ(t1.name, "东津镇");
    EXPECT_EQ(t1.supermarkets, 1u);
    EXPECT_EQ(t1.grassroots, 0u);
    EXPECT_EQ(t1.villages, 2u);
    EXPECT_EQ(t1.villages_with_station, 1u);
    EXPECT_EQ(t1.villages_without_station, std::vector<std::string>{"二村"});
    EXPECT_EQ(t1.missing_text(), "缺基层供销社；1 个村无服务社");
    const auto& t2 = r->townships[1];
    EXPECT_EQ(t2.name, "卧龙镇");
    EXPECT_EQ(t2.supermarkets, 1u);  // the uncoded one, by polygon
    EXPECT_EQ(t2.villages_without_station, std::vector<std::string>{"三村"});
    const auto& t3 = r->townships[2];
    EXPECT_EQ(t3.county_code, "420606");
    EXPECT_EQ(t3.supermarkets, 0u);
    EXPECT_EQ(t3.grassroots, 1u);
    EXPECT_EQ(t3.villages_with_station, 1u);
    EXPECT_EQ(t3.missing_text(), "缺乡镇综合超市；1 个村无服务社");

    EXPECT_EQ(r->counties_without_center, 1u);
    EXPECT_EQ(r->townships_without_supermarket, 1u);
    EXPECT_EQ(r->townships_without_grassroots, 2u);
    EXPECT_EQ(r->villages, 5u);
    EXPECT_EQ(r->villages_without_station, 3u);

    const auto csv = network_check_csv(*r);
    EXPECT_NE(csv.find("420606,樊城区,0,t3,牛首镇,0,1,2,1,1,缺县域集采集配中心；缺乡镇综合超市；1 个村无服务社\n"),
              std::string::npos)
        << csv;
    const auto text = network_check_text(*r);
    EXPECT_NE(
        text.find("合计：2 个县中 1 个缺集采集配中心；3 个乡镇中 1 个缺超市、2 个缺基层社；5 个村中 3 个无服务社"),
        std::string::npos)
        << text;
}

TEST(NetworkCheck, WithoutAStationLayerEveryVillageLacksOne)
{
    auto p = project();
    auto l = layers();
    p.layers.erase(p.layers.begin() + 3);
    l.erase(l.begin() + 3);
    const auto r = network_check(p, l);
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->station_reach, "项目中没有村级综合服务社图层");
    EXPECT_EQ(r->villages_without_station, 5u);
    EXPECT_EQ(r->townships[2].missing_text(), "缺乡镇综合超市；2 个村无服务社");
}

TEST(NetworkCheck, WithoutVillagesIsOneChineseError)
{
    auto p = project();
    auto l = layers();
    p.layers.erase(p.layers.begin() + 2);
    l.erase(l.begin() + 2);
    const auto r = network_check(p, l);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, "网络.coopmap");
    EXPECT_EQ(r.error().message, "项目中没有村（role 为 village）的图层：请先加入行政村图层");
}

}  // namespace
}  // namespace coopmap::analysis
