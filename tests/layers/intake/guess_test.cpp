// The guesses behind `coopmap-cli new`, on names and contents as county offices write them:
// the CRS from bare coordinates, the role from file and layer names, role fields from column
// names and from what the columns hold.
#include <gtest/gtest.h>

#include <algorithm>

#include "crs/crs_guess.h"
#include "crs/gauss_kruger.h"
#include "intake/intake.h"

namespace coopmap::intake {
namespace {

Bounds box(double x0, double y0, double x1, double y1)
{
    Bounds b;
    b.extend(x0, y0);
    b.extend(x1, y1);
    return b;
}

TEST(GuessCrs, LonLatInsideChinaIsCgcs2000AndTheOffsetIsAsked)
{
    const auto g = guess_crs(box(110.76, 31.23, 113.11, 32.63));
    ASSERT_TRUE(g);
    EXPECT_EQ(g->crs, "EPSG:4490");
    EXPECT_EQ(g->offset, OffsetChoice::ask);
    EXPECT_EQ(g->why, "经纬度在中国境内，按 CGCS2000 经纬度（EPSG:4490）");
    // Latitude first, as some exports store it: still degrees in China.
    const auto swapped = guess_crs(box(31.23, 110.76, 32.63, 113.11));
    ASSERT_TRUE(swapped);
    EXPECT_EQ(swapped->crs, "EPSG:4490");
    // Outside China there is nothing to guess from degrees (no offset either).
    EXPECT_FALSE(guess_crs(box(2.2, 48.8, 2.5, 48.9)));
}

TEST(GuessCrs, EightDigitEastingsCarryTheZone)
{
    // Xiangyang in zone 37 (CM 111°E): eastings 37 3xx xxx – 37 6xx xxx.
    const auto g = guess_crs(box(37'380'000, 3'460'000, 37'610'000, 3'610'000));
    ASSERT_TRUE(g);
    EXPECT_EQ(g->crs, "EPSG:4525");
    EXPECT_EQ(g->offset, OffsetChoice::none);
    EXPECT_EQ(g->why, "东坐标为 8 位，带号 37：按 CGCS2000 3 度带第 37 带（中央经线 111°，EPSG:4525）");
    // Northing first (surveyors' X, Y).
    const auto swapped = guess_crs(box(3'460'000, 38'380'000, 3'610'000, 38'610'000));
    ASSERT_TRUE(swapped);
    EXPECT_EQ(swapped->crs, "EPSG:4526");
    // 6-degree zone 19 (CM 111°E).
    const auto six = guess_crs(box(19'380'000, 3'460'000, 19'610'000, 3'610'000));
    ASSERT_TRUE(six);
    EXPECT_EQ(six->crs, "EPSG:4497");
    // Eastings crossing a zone boundary are not one zone.
    EXPECT_FALSE(guess_crs(box(37'900'000, 3'460'000, 38'100'000, 3'610'000)));
}

TEST(GuessCrs, EastingsWithoutPrefixTakeTheMeridianFromTheOtherLayers)
{
    crs::GaussKruger gk;
    const auto a = gk.project(111.5, 32.0), b = gk.project(112.3, 32.4);
    ASSERT_TRUE(a && b);
    const Bounds raw = box(a->y, a->x, b->y, b->x);  // easting, northing
    const auto with = guess_crs(raw, 112.1);
    ASSERT_TRUE(with);
    EXPECT_EQ(with->crs, "EPSG:4546");
    EXPECT_EQ(with->why, "东坐标不带带号：按同批数据的经度取 CGCS2000 3 度带中央经线 111°（EPSG:4546）");
    const auto without = guess_crs(raw);
    ASSERT_TRUE(without);
    EXPECT_EQ(without->crs, "");
    EXPECT_NE(without->why.find("无法判断中央经线"), std::string::npos) << without->why;
    // Numbers that are neither degrees nor plane coordinates of China.
    EXPECT_FALSE(guess_crs(box(0, 0, 10, 10)));
    EXPECT_FALSE(guess_crs(Bounds{}));
}

TEST(GuessRole, FromFileAndLayerNamesOfficesUse)
{
    const auto role = [](const std::string& file, const std::string& layer, GeometryKind kind) {
        const auto g = guess_role(file, layer, kind, true);
        return g ? std::string(role_key(g->role)) + (g->level.empty() ? "" : ":" + g->level) : std::string("?");
    };
    using enum GeometryKind;
    EXPECT_EQ(role("村庄.xlsx", "Sheet1", point), "village");
    EXPECT_EQ(role("2023年行政村.shp", "", point), "village");
    EXPECT_EQ(role("村级综合服务社.csv", "", point), "village_service_station");
    EXPECT_EQ(role("谷城县村级供销社.geojson", "", point), "village_cooperative");
    EXPECT_EQ(role("基层社.kml", "", point), "grassroots_cooperative");
    EXPECT_EQ(role("乡镇综合超市.xlsx", "Sheet1", point), "township_supermarket");
    EXPECT_EQ(role("县域集采集配中心.kml", "", point), "distribution_center");
    EXPECT_EQ(role("庄稼医院.csv", "", point), "agri_service_center");
    EXPECT_EQ(role("土地流转.gpkg", "地块", polygon), "land_trusteeship");
    EXPECT_EQ(role("乡镇界.shp", "", polygon), "admin_boundary:township");
    EXPECT_EQ(role("县区界.shp", "", polygon), "admin_boundary:county");
    EXPECT_EQ(role("路网.gpkg", "", line), "road");
    // The layer's own name decides inside a GeoPackage of many (the sample's names are role keys).
    EXPECT_EQ(role("xiangyang.gpkg", "village_service_station", point), "village_service_station");
    EXPECT_EQ(role("xiangyang.gpkg", "townships", polygon), "admin_boundary:township");
    EXPECT_EQ(role("xiangyang.gpkg", "counties", polygon), "admin_boundary:county");
    // A word that does not fit the geometry is not taken: 乡镇驻地 points are no boundaries.
    EXPECT_EQ(role("乡镇驻地.shp", "", point), "?");
    // Lines with no telling name are roads; points and polygons with none are not guessed.
    EXPECT_EQ(role("data.shp", "", line), "road");
    EXPECT_EQ(role("新建图层.shp", "", point), "?");
    EXPECT_FALSE(guess_role("村庄.xlsx", "人口", point, false));  // a table has no role
    const auto why = guess_role("村级综合服务社.csv", "", point, true);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->why, "文件名“村级综合服务社”含“村级综合服务社”：村级综合服务社");
}

Column text_column(const std::string& name, std::vector<std::string> values)
{
    Column c;
    c.name = name;
    c.type = FieldType::text;
    c.null.assign(values.size(), 0);
    c.texts = std::move(values);
    return c;
}

Column int_column(const std::string& name, std::vector<std::int64_t> values)
{
    Column c;
    c.name = name;
    c.type = FieldType::integer;
    c.null.assign(values.size(), 0);
    c.integers = std::move(values);
    return c;
}

Layer points(std::vector<Column> columns)
{
    Layer l;
    for (std::size_t i = 0; i < columns.front().size(); ++i) {
        l.add_point(112.0 + 0.01 * static_cast<double>(i), 32.0);
        l.end_feature();
    }
    l.columns = std::move(columns);
    return l;
}

TEST(GuessFields, VillagesByNamesAndCodesByContent)
{
    // As the office sheet: 村名, 村代码, 乡镇 (names), 人口, 户数; plus an unnamed code column.
    const Layer l = points({text_column("村名", {"张湾村", "鄢家岗村", "双沟社区"}),
                            text_column("xzqh", {"420607101001", "420607101002", "420607102003"}),
                            text_column("乡镇", {"张湾街道", "张湾街道", "双沟镇"}),
                            int_column("总人口", {1200, 850, 4300}), int_column("户数(户)", {380, 260, 1400}),
                            text_column("所属乡镇代码", {"420607101", "420607101", "420607102"})});
    std::vector<std::string> notes;
    const auto f = guess_fields(Role::village, l, &notes);
    const std::map<std::string, std::string> expected{{"name", "村名"},
                                                      {"code", "xzqh"},
                                                      {"population", "总人口"},
                                                      {"households", "户数(户)"},
                                                      {"township_code", "所属乡镇代码"}};
    EXPECT_EQ(f, expected);
    const auto has = [&](const std::string& s) { return std::find(notes.begin(), notes.end(), s) != notes.end(); };
    EXPECT_TRUE(has("区划代码（code）= 列“xzqh”：内容为 12 位村级代码（如“420607101001”）"))
        << ::testing::PrintToString(notes);
    EXPECT_TRUE(has("名称（name）= 列“村名”：按列名")) << ::testing::PrintToString(notes);
    EXPECT_TRUE(has("列“乡镇”是名称而非代码（如“张湾街道”），不用于归属")) << ::testing::PrintToString(notes);
}

TEST(GuessFields, ACodeColumnOfNamesIsNotACode)
{
    // 县代码 holding county names (the silent zero): not mapped, and said.
    const Layer l =
        points({text_column("站名", {"张湾服务社", "双沟服务社"}), text_column("县代码", {"襄州区", "襄州区"}),
                text_column("乡镇代码", {"420607101", "420607102"})});
    std::vector<std::string> notes;
    const auto f = guess_fields(Role::village_service_station, l, &notes);
    EXPECT_EQ(f.count("county_code"), 0u);
    EXPECT_EQ(f.at("township_code"), "乡镇代码");
    EXPECT_EQ(f.at("name"), "站名");
    EXPECT_NE(std::find(notes.begin(), notes.end(),
                        "列“县代码”名为代码，内容却不是 6 位县级代码（如“襄州区”），未用作县代码（county_code）"),
              notes.end())
        << ::testing::PrintToString(notes);
}

TEST(GuessFields, ASitesHistoryColumnsAreItsBuiltRebuiltModelAndState)
{
    // As a county office's 网点台账 names them; 建成年份 is the built year, not the opening.
    const Layer l =
        points({text_column("社名", {"张湾供销社", "双沟供销社"}), int_column("开业年份", {2016, 2020}),
                int_column("建成年份", {2015, 2019}), text_column("改造升级年份", {"2023年", ""}),
                text_column("示范社", {"2024年省级示范社", ""}), text_column("建设状态", {"建成", "在建"})});
    const auto f = guess_fields(Role::grassroots_cooperative, l);
    EXPECT_EQ(f.at("opening_year"), "开业年份");
    EXPECT_EQ(f.at("built_year"), "建成年份");
    EXPECT_EQ(f.at("rebuilt_year"), "改造升级年份");
    EXPECT_EQ(f.at("model"), "示范社");
    EXPECT_EQ(f.at("state"), "建设状态");
    // Without an opening year, 建成年份 still is the built year and nothing else.
    const Layer only = points({text_column("站名", {"a"}), int_column("建成时间", {2018})});
    const auto g = guess_fields(Role::village_service_station, only);
    EXPECT_EQ(g.at("built_year"), "建成时间");
    EXPECT_EQ(g.count("opening_year"), 0u);
}

TEST(GuessFields, ParcelsRoadsAndBoundaries)
{
    Layer parcels =
        points({text_column("地块编号", {"TG1", "TG2"}), text_column("服务主体", {"鹿头镇供销社", "鹿头镇供销社"}),
                text_column("作物", {"小麦", "水稻"}), text_column("类型", {"托管", "流转"}),
                int_column("年份", {2020, 2021})});
    Column mu;
    mu.name = "面积（亩）";
    mu.type = FieldType::real;
    mu.null = {0, 0};
    mu.reals = {398.6, 120.0};
    parcels.columns.push_back(mu);
    const std::map<std::string, std::string> want_parcels{{"area_mu", "面积（亩）"}, {"code", "地块编号"},
                                                          {"crop", "作物"},          {"kind", "类型"},
                                                          {"provider", "服务主体"},  {"year", "年份"}};
    EXPECT_EQ(guess_fields(Role::land_trusteeship, parcels), want_parcels);

    const Layer roads =
        points({text_column("道路名称", {"G207"}), text_column("等级", {"国道"}), int_column("车速(km/h)", {80})});
    const std::map<std::string, std::string> want_roads{
        {"name", "道路名称"}, {"road_class", "等级"}, {"speed", "车速(km/h)"}};
    EXPECT_EQ(guess_fields(Role::road, roads), want_roads);

    // A township layer with unnamed columns: the level and both codes from the content.
    const Layer towns = points({text_column("MC", {"张湾街道", "双沟镇"}),
                                text_column("DM", {"420607101", "420607102"}), text_column("X", {"420607", "420607"})});
    EXPECT_EQ(guess_level(towns), "township");
    const std::map<std::string, std::string> want_towns{{"code", "DM"}, {"county_code", "X"}, {"name", "MC"}};
    EXPECT_EQ(guess_fields(Role::admin_boundary, towns), want_towns);
    const Layer counties = points({text_column("县名", {"襄州区"}), text_column("县代码", {"420607"})});
    EXPECT_EQ(guess_level(counties), "county");
    const std::map<std::string, std::string> want_counties{{"code", "县代码"}, {"name", "县名"}};
    EXPECT_EQ(guess_fields(Role::admin_boundary, counties, nullptr, "county"), want_counties);
}

TEST(Defaults, StylesAreTheSamplesLookAndRadiiDesignsValues)
{
    EXPECT_EQ(default_style(Role::village_service_station).color, "#1e88e5");
    EXPECT_EQ(default_style(Role::admin_boundary, "county").color, "#f3efe4");
    EXPECT_EQ(default_style(Role::admin_boundary, "township").outline, "#9e9e9e");
    // No point role is drawn grey.
    for (const Role r :
         {Role::village, Role::village_cooperative, Role::village_service_station, Role::grassroots_cooperative,
          Role::township_supermarket, Role::distribution_center, Role::agri_service_center}) {
        const Style s = default_style(r);
        EXPECT_FALSE(s.color.empty()) << role_key(r);
        EXPECT_FALSE(s.color[1] == s.color[3] && s.color[3] == s.color[5] && s.color[2] == s.color[4]) << role_key(r);
        EXPECT_GT(s.size, 0) << role_key(r);
    }
    EXPECT_EQ(default_service_radii_m().at("village_service_station"), 3000.0);
    EXPECT_EQ(default_service_radii_m().at("distribution_center"), 30000.0);
    EXPECT_EQ(default_travel_minutes().at("distribution_center"), 60.0);
}

}  // namespace
}  // namespace coopmap::intake
