// The project file: canonical round trip (with scenarios), every kind of error with its
// JSON path, and role fields found through the mapping.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <unistd.h>

#include <gtest/gtest.h>

#include "model/feature_index.h"
#include "model/fields.h"
#include "model/project.h"

namespace coopmap {
namespace {

const std::string kFull = R"({
  "version": 1,
  "name": "襄州区供销网络",
  "layers": [
    {"id": "villages", "title": "村（社区）", "source": "data/村.shp", "role": "village",
     "crs": "EPSG:4526", "encoding": "CP936",
     "fields": {"name": "村名", "population": "户籍人口数量", "households": "HU", "township_code": "XZDM"},
     "joins": [{"source": "人口.xlsx", "key": "村代码", "columns": ["户籍人口数量", "HU"]},
               {"source": "乡镇.csv", "layer": "乡镇", "key": "XZDM", "on": "township_code", "encoding": "CP936"}]},
    {"id": "stations", "source": "sites.xlsx", "layer": "Sheet1", "role": "village_service_station",
     "crs": "GCJ02", "visible": false,
     "fields": {"delivery": "需求量", "delivery_吨": "重量", "time_window": "时间窗", "service_minutes": "卸货"}}
  ],
  "service_radii_m": {"village_service_station": 3000.0},
  "travel_minutes": {"distribution_center": 60.0},
  "targets": {"village_coverage": 0.9},
  "site_costs": {"village_service_station": 12.5},
  "styles": {"villages": {"color": "#336699", "size": 4.0}},
  "basemap": {"kind": "tiles", "directory": "tiles/xy.mbtiles"},
  "view": {"center": [112.1, 32.0], "zoom": 9.0},
  "bookmarks": [{"name": "全市", "caption": "全市网点", "center": [112.1, 32.0], "zoom": 8.0, "layers": ["villages"]}],
  "scenarios": [
    {"name": "方案一：新建 3 个服务社", "role": "village_service_station", "objective": "max_coverage",
     "radius_m": 3000.0, "minutes": 15.0,
     "sites": [{"name": "张湾", "lon": 112.123456789, "lat": 32.0}, {"lon": 112.2, "lat": 31.9}]},
    {"name": "方案二", "role": "distribution_center"}
  ],
  "routing": {"units": ["件", "吨"], "detour_factor": 1.4,
              "fleet": {"vehicles": 2, "capacity": [100, 3], "shift": "07:30-18:00"},
              "depots": {"DC01": {"vehicles": 5, "cost_per_km": 3.5}},
              "stops": {"township_supermarket": {"delivery": 20, "pickup": [5, 0.5], "window": "08:00 - 11:00"}}}
})";

TEST(Project, ParsesEveryPartIncludingScenarios)
{
    const auto p = parse_project(kFull, "/data/p.coopmap");
    ASSERT_TRUE(p.ok()) << p.error().text();
    ASSERT_EQ(p->layers.size(), 2u);
    EXPECT_EQ(p->layers[0].fields.at("population"), "户籍人口数量");
    EXPECT_EQ(p->layers[0].encoding, "CP936");
    ASSERT_EQ(p->layers[0].joins.size(), 2u);
    EXPECT_EQ(p->layers[0].joins[0].on, "code");
    EXPECT_EQ(p->layers[0].joins[0].key, "村代码");
    EXPECT_EQ(p->layers[0].joins[0].columns, (std::vector<std::string>{"户籍人口数量", "HU"}));
    EXPECT_EQ(p->layers[0].joins[1].on, "township_code");
    EXPECT_EQ(p->layers[0].joins[1].layer, "乡镇");
    EXPECT_EQ(p->resolve(p->layers[0].joins[0].source), "/data/人口.xlsx");
    EXPECT_EQ(p->source_path(p->layers[0]), "/data/data/村.shp");
    EXPECT_FALSE(p->layers[1].visible);
    ASSERT_EQ(p->scenarios.size(), 2u);
    const Scenario& s = p->scenarios[0];
    EXPECT_EQ(s.name, "方案一：新建 3 个服务社");
    EXPECT_EQ(s.role, Role::village_service_station);
    EXPECT_EQ(s.objective, "max_coverage");
    EXPECT_EQ(s.radius_m, 3000.0);
    EXPECT_EQ(s.minutes, 15.0);
    ASSERT_EQ(s.sites.size(), 2u);
    EXPECT_EQ(s.sites[0].name, "张湾");
    EXPECT_EQ(s.sites[0].lon, 112.123456789);
    EXPECT_EQ(s.sites[1].name, "");
    EXPECT_EQ(p->scenarios[1].role, Role::distribution_center);
    EXPECT_TRUE(p->scenarios[1].sites.empty());
    EXPECT_EQ(p->targets.at("village_coverage"), 0.9);
    EXPECT_EQ(p->site_costs.at("village_service_station"), 12.5);
}

TEST(Project, RoutingDefaultsForDeliveryRoutes)
{
    const auto p = parse_project(kFull, "/data/p.coopmap");
    ASSERT_TRUE(p.ok()) << p.error().text();
    const RoutingDefaults& r = p->routing;
    EXPECT_EQ(r.units, (std::vector<std::string>{"件", "吨"}));
    EXPECT_EQ(r.detour_factor, 1.4);
    EXPECT_EQ(r.offroad_kmh, 30);  // built in
    EXPECT_EQ(r.fleet.vehicles, 2);
    EXPECT_EQ(r.fleet.capacity, (std::vector<double>{100, 3}));
    EXPECT_EQ(r.fleet.shift, "07:30-18:00");
    EXPECT_EQ(r.fleet.cost_per_km, 2);  // built in
    // A depot's own fleet starts from the project's fleet.
    ASSERT_TRUE(r.depots.contains("DC01"));
    EXPECT_EQ(r.depots.at("DC01").vehicles, 5);
    EXPECT_EQ(r.depots.at("DC01").cost_per_km, 3.5);
    EXPECT_EQ(r.depots.at("DC01").capacity, (std::vector<double>{100, 3}));
    const auto& s = r.stops.at("township_supermarket");
    EXPECT_EQ(s.delivery, (std::vector<double>{20}));
    EXPECT_EQ(s.pickup, (std::vector<double>{5, 0.5}));
    EXPECT_EQ(s.service_minutes, 10);  // built in
    EXPECT_EQ(s.window, "08:00 - 11:00");
    EXPECT_EQ(p->layers[1].fields.at("delivery_吨"), "重量");
    // Without the section: the built-in defaults, and nothing written back.
    const auto plain = parse_project(R"({"version": 1, "layers": []})", "p.coopmap");
    ASSERT_TRUE(plain.ok());
    EXPECT_TRUE(plain->routing == RoutingDefaults{});
    EXPECT_EQ(project_json(*plain).find("routing"), std::string::npos);
}

// Issue 19: the 专题图's defaults. Keys as the engine spells them; a figure written by its Chinese
// name is kept as the engine's key.
TEST(Project, ThematicDefaultsSection)
{
    const auto p = parse_project(R"({"version": 1, "layers": [], "thematic": {"figure": "村覆盖率",
        "level": "county", "method": "fixed", "classes": 4, "breaks": [60, 80, 90], "year": 2023,
        "role": "village_cooperative", "symbols": false}})",
                                 "p.coopmap");
    ASSERT_TRUE(p.ok()) << p.error().text();
    const ThematicDefaults& t = p->thematic;
    EXPECT_EQ(t.figure, "coverage_rate");
    EXPECT_EQ(t.level, "county");
    EXPECT_EQ(t.method, "fixed");
    EXPECT_EQ(t.classes, 4);
    EXPECT_EQ(t.breaks, (std::vector<double>{60, 80, 90}));
    EXPECT_EQ(t.year, 2023);
    EXPECT_EQ(t.role, Role::village_cooperative);
    EXPECT_EQ(t.symbols, false);
    // Without the section: all unset, and nothing written back.
    const auto plain = parse_project(R"({"version": 1, "layers": []})", "p.coopmap");
    ASSERT_TRUE(plain.ok());
    EXPECT_TRUE(plain->thematic == ThematicDefaults{});
    EXPECT_EQ(project_json(*plain).find("thematic"), std::string::npos);
}

// A save keeps the section: save_project then read_project give the same defaults back.
TEST(Project, ThematicDefaultsSurviveASave)
{
    auto p = parse_project(R"({"version": 1, "name": "专题", "layers": [], "thematic": {"figure": "uncovered_population",
        "classes": 7, "breaks": [1000, 2500.5], "symbols": true}})",
                           "p.coopmap");
    ASSERT_TRUE(p.ok()) << p.error().text();
    const auto file = (std::filesystem::temp_directory_path() /
                       ("coopmap-thematic-" + std::to_string(::getpid()) + ".coopmap"))
                          .string();
    ASSERT_TRUE(save_project(*p, file).ok());
    const auto back = read_project(file);
    std::filesystem::remove(file);
    ASSERT_TRUE(back.ok()) << back.error().text();
    EXPECT_TRUE(back->thematic == p->thematic);
    EXPECT_EQ(back->thematic.figure, "uncovered_population");
    EXPECT_EQ(back->thematic.classes, 7);
    EXPECT_EQ(back->thematic.breaks, (std::vector<double>{1000, 2500.5}));
    EXPECT_EQ(back->thematic.symbols, true);
    EXPECT_FALSE(back->thematic.role.has_value());
    EXPECT_EQ(project_json(*back), project_json(*p));
}

TEST(Project, ClockRanges)
{
    EXPECT_EQ(parse_clock_range("08:00-17:00"), (std::pair{480.0, 1020.0}));
    EXPECT_EQ(parse_clock_range(" 8:30 ~ 11:05"), (std::pair{510.0, 665.0}));
    EXPECT_EQ(parse_clock_range("08:00–11:00"), (std::pair{480.0, 660.0}));
    EXPECT_EQ(parse_clock_range("08:00至11:00"), (std::pair{480.0, 660.0}));
    EXPECT_FALSE(parse_clock_range("11:00-08:00"));
    EXPECT_FALSE(parse_clock_range("8点-11点"));
    EXPECT_FALSE(parse_clock_range("08:60-09:00"));
    EXPECT_FALSE(parse_clock_range("0800-0900"));
    EXPECT_EQ(clock_text(480), "08:00");
    EXPECT_EQ(clock_text(665.4), "11:05");
    EXPECT_EQ(clock_text(1510), "25:10");
}

TEST(Project, ReadWriteReadIsByteStable)
{
    const auto first = parse_project(kFull, "p.coopmap");
    ASSERT_TRUE(first.ok()) << first.error().text();
    const std::string text = project_json(*first);
    const auto second = parse_project(text, "p.coopmap");
    ASSERT_TRUE(second.ok()) << second.error().text();
    EXPECT_TRUE(*first == *second);
    EXPECT_EQ(project_json(*second), text);
    EXPECT_NE(text.find("\"scenarios\""), std::string::npos);
    EXPECT_NE(text.find("\"张湾\""), std::string::npos);
    EXPECT_NE(text.find("\"site_costs\""), std::string::npos);
    EXPECT_NE(text.find("\"joins\""), std::string::npos);
    EXPECT_NE(text.find("\"routing\""), std::string::npos);
    EXPECT_NE(text.find("\"DC01\""), std::string::npos);
}

struct BadCase {
    const char* json;
    const char* path;  // Error::feature: the JSON path
    const char* message;  // a piece of the message
};

// How GoogleTest (and so ctest's test list) shows a case: its JSON path, not its bytes.
void PrintTo(const BadCase& c, std::ostream* os) { *os << '"' << c.path << '"'; }

class ProjectErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ProjectErrors, NameTheJsonPathAndTheProblem)
{
    const auto p = parse_project(GetParam().json, "/x/bad.coopmap");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().file, "/x/bad.coopmap");
    EXPECT_EQ(p.error().feature, GetParam().path);
    EXPECT_NE(p.error().message.find(GetParam().message), std::string::npos) << p.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    EachKind, ProjectErrors,
    ::testing::Values(
        BadCase{R"({"version": 1, "layers": [], "colour": 1})", "colour", "未知的键“colour”"},
        BadCase{R"({"version": 1, "layers": [{"id": "a", "source": "a.gpkg", "role": "village", "srid": 4326}]})",
                "layers[0].srid", "未知的键"},
        BadCase{
            R"({"version": 1, "layers": [{"id": "a", "source": "a", "role": "village", "fields": {"popu": "人口"}}]})",
            "layers[0].fields.popu", "未知的键“popu”（可用的键：name、code、population、households"},
        BadCase{
            R"({"version": 1, "layers": [{"id": "a", "source": "a", "role": "village", "joins": [{"source": "p.xlsx"}]}]})",
            "layers[0].joins[0].key", "缺少必填项"},
        BadCase{R"({"version": "1", "layers": []})", "version", "应为数字"},
        BadCase{R"({"version": 2, "layers": []})", "version", "请升级 CoopMap"},
        BadCase{R"({"version": 1, "layers": {}})", "layers", "应为图层列表"},
        BadCase{R"({"version": 1, "layers": [{"id": "a", "source": "a.gpkg", "role": "shop"}]})", "layers[0].role",
                "未知的角色“shop”"},
        BadCase{R"({"version": 1, "layers": [{"id": "a", "role": "village"}]})", "layers[0].source", "缺少必填项"},
        BadCase{R"({"version": 1, "layers": [{"id": "a", "source": "a", "role": "village"},
                                             {"id": "a", "source": "b", "role": "road"}]})",
                "layers[1].id", "重复"},
        BadCase{R"({"version": 1, "layers": [{"id": "a", "source": "a", "role": "village", "fields": {"name": 3}}]})",
                "layers[0].fields.name", "字段名"},
        BadCase{R"({"version": 1, "layers": [], "service_radii_m": {"village_cooperative": -5}})",
                "service_radii_m.village_cooperative", "非负"},
        BadCase{R"({"version": 1, "layers": [], "site_costs": {"村级服务社": 30}})", "site_costs.村级服务社",
                "未知的角色"},
        BadCase{R"({"version": 1, "layers": [], "scenarios": [{"name": "s", "role": "village_cooperative",
                    "sites": [{"lon": 112, "lat": 95}]}]})",
                "scenarios[0].sites[0].lat", "纬度"},
        BadCase{R"({"version": 1, "layers": [], "scenarios": [{"name": "s", "role": "x"}]})", "scenarios[0].role",
                "未知的角色"},
        BadCase{R"({"version": 1, "layers": [], "scenarios": [{"name": "s", "role": "village_cooperative",
                    "radius_m": "3km"}]})",
                "scenarios[0].radius_m", "应为数字"},
        BadCase{
            R"({"version": 1, "layers": [], "scenarios": [{"name": "s", "role": "road"}, {"name": "s", "role": "road"}]})",
            "scenarios[1].name", "重复"},
        BadCase{R"({"version": 1, "layers": [], )", "字节 30", "不是有效的 JSON"},
        // Found by fuzzing (fuzz/known_crashes/project/): a number beyond a double once escaped
        // as an exception from the second, position-finding parse.
        BadCase{R"({"version": 2777777777777777E777777777777777, "layers": []})", "", "不是有效的 JSON"},
        BadCase{R"({"version": 1e300, "layers": []})", "version", "请升级 CoopMap"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"trucks": 3}})", "routing.trucks", "未知的键“trucks”"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"fleet": {"shift": "8点到5点"}}})", "routing.fleet.shift",
                "应写成 08:00-17:00"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"fleet": {"vehicles": 2.5}}})", "routing.fleet.vehicles",
                "非负整数"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"fleet": {"capacity": [10, 2]}}})",
                "routing.fleet.capacity", "多于计量单位个数"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"stops": {"shop": {"delivery": 1}}}})",
                "routing.stops.shop", "未知的角色"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"stops": {"village": {"delivery": -1}}}})",
                "routing.stops.village.delivery", "非负"},
        BadCase{R"({"version": 1, "layers": [], "routing": {"detour_factor": 0.8}})", "routing.detour_factor",
                "不小于 1"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"colour": "red"}})", "thematic.colour",
                "未知的键“colour”"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"figure": "人口密度"}})", "thematic.figure",
                "未知的专题指标“人口密度”"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"level": "village"}})", "thematic.level",
                "应为 township（乡镇）或 county（县）"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"method": "jenks"}})", "thematic.method",
                "未知的分级方法“jenks”"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"classes": 12}})", "thematic.classes",
                "1 到 9 之间的整数"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"classes": 2.5}})", "thematic.classes",
                "1 到 9 之间的整数"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"breaks": [80, 60]}})", "thematic.breaks",
                "从小到大"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"breaks": [60, "80"]}})", "thematic.breaks[1]",
                "应为数字"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"method": "fixed"}})", "thematic.breaks",
                "需要界值"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"role": "shop"}})", "thematic.role",
                "未知的角色“shop”"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"year": "2023"}})", "thematic.year", "应为数字"},
        BadCase{R"({"version": 1, "layers": [], "thematic": {"symbols": "on"}})", "thematic.symbols",
                "应为 true 或 false"}),
    // Named by index and JSON path ("11_layers_0_source"), not by the bytes of the case.
    [](const ::testing::TestParamInfo<BadCase>& bad) {
        std::string name = std::to_string(bad.index);
        bool gap = true;
        for (const char* c = bad.param.path; *c; ++c) {
            const auto u = static_cast<unsigned char>(*c);
            if (u < 128 && std::isalnum(u)) {
                if (gap) name += '_';
                name += *c;
                gap = false;
            } else {
                gap = true;
            }
        }
        // A bare index would be taken for an unnamed case and replaced by its value.
        if (name == std::to_string(bad.index)) name += "_no_path";
        return name;
    });

Layer layer_with_columns(std::initializer_list<const char*> names)
{
    Layer l;
    l.add_point(112, 32);
    for (const char* n : names) {
        Column& c = l.add_column(n, FieldType::integer);
        c.integers.push_back(7);
        c.null.push_back(0);
    }
    return l;
}

TEST(FieldColumn, FollowsTheMappingThenTheRoleName)
{
    const Layer l = layer_with_columns({"RKS", "households", "XZDM"});
    LayerConfig cfg;
    cfg.fields = {{"population", "RKS"}, {"township_code", "xzdm"}};
    EXPECT_EQ(field_column(l, cfg, "population"), &l.columns[0]);
    EXPECT_EQ(field_column(l, cfg, "households"), &l.columns[1]);  // not mapped: its own name
    EXPECT_EQ(field_column(l, cfg, "township_code"), &l.columns[2]);  // case differs
    EXPECT_EQ(field_column(l, cfg, "area_mu"), nullptr);
}

TEST(FieldColumn, FindsANameCutByTheShapefileLimit)
{
    // "户籍人口数量" is 12 bytes in GBK; the DBF kept 10, "户籍人口数".
    const Layer l = layer_with_columns({"户籍人口数", "township_c"});
    LayerConfig cfg;
    cfg.fields = {{"population", "户籍人口数量"}};
    EXPECT_EQ(field_column(l, cfg, "population"), &l.columns[0]);
    EXPECT_EQ(field_column(l, cfg, "township_code"), &l.columns[1]);
    EXPECT_EQ(field_column(l, cfg, "township_name"), nullptr);  // "township_c" is no prefix of it
}

TEST(LayerIndex, FindsExactlyTheFeaturesInABox)
{
    Layer l;
    for (int i = 0; i < 100; ++i) l.add_point(110.0 + 0.1 * i, 30.0);
    l.build_index();
    ASSERT_TRUE(l.index);
    EXPECT_EQ(l.index->size(), 100u);
    Bounds box;
    box.extend(110.95, 29.0);
    box.extend(111.45, 31.0);
    auto found = l.features_in(box);
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector<std::uint32_t>{10, 11, 12, 13, 14}));
}

// The index over many buckets answers as a scan of every feature does: for single points
// (read back from the layer), for polygons (boxes kept), edges included, and a point with a
// NaN coordinate left out.
TEST(LayerIndex, AnswersAsAScanDoesAtEveryLevel)
{
    Layer points, polygons;
    for (int i = 0; i < 5000; ++i) {
        const double px = 100.0 + (i * 7919 % 5000) * 0.004, py = 20.0 + (i * 104729 % 4999) * 0.004;
        points.add_point(px, py);
        if (i % 5 == 0) {
            for (const auto& [dx, dy] : {std::pair(0.0, 0.0), std::pair(0.03, 0.0), std::pair(0.0, 0.02)})
                polygons.add_coordinate(px + dx, py + dy);
            polygons.end_ring();
            polygons.end_part();
            polygons.end_feature();
        }
    }
    points.add_point(std::nan(""), 30.0);
    polygons.kind = GeometryKind::polygon;
    const Layer unindexed_points = points, unindexed_polygons = polygons;
    points.build_index();
    polygons.build_index();
    EXPECT_EQ(points.index->size(), 5000u);
    EXPECT_EQ(polygons.index->size(), 1000u);
    const double edge = 100.0 + 100 * 0.004;  // one point's x, as it was computed
    const std::vector<Bounds> boxes{{101.0, 21.0, 104.0, 25.0},
                                    {edge, 20.0, edge, 40.0},
                                    {0, 0, 1, 1},
                                    {100.0, 20.0, 120.0, 40.0},
                                    {110.0, 30.0, 110.001, 30.001}};
    for (const Bounds& box : boxes) {
        for (const auto& [indexed, scanned] :
             {std::pair(&points, &unindexed_points), std::pair(&polygons, &unindexed_polygons)}) {
            auto found = indexed->features_in(box), expected = scanned->features_in(box);
            std::sort(found.begin(), found.end());
            EXPECT_EQ(found, expected);
        }
    }
    EXPECT_EQ(points.features_in(boxes[3]).size(), 5000u);
    EXPECT_EQ(points.features_in(boxes[1]).size(), 1u);  // on the box's edge
}

}  // namespace
}  // namespace coopmap
