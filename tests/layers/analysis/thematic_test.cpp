// Thematic maps on year_fixture.h, with a fourth township (新集镇, 112.4–112.5 E) that has no
// village, parcel or record: every value, class and colour below is worked out by hand from the
// table in that header.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "analysis/placement.h"
#include "analysis/thematic.h"
#include "year_fixture.h"

namespace coopmap::analysis {
namespace {

const std::filesystem::path kDir =
    std::filesystem::temp_directory_path() / ("coopmap-thematic-" + std::to_string(::getpid()));

void put(Column& c, const std::string& s)
{
    c.texts.push_back(s);
    c.null.push_back(0);
}

// The fixture with 新集镇 and, for uncovered population, a population per village (vA 100,
// vB 200 … vF 600, v7 700), parcels placed in their townships as load_project places them.
test::YearFixture fixture(bool population = false)
{
    auto fx = test::year_fixture(kDir);
    Layer& towns = fx.layers[1];
    for (auto [x, y] : {std::pair{112.4, 32.0}, {112.5, 32.0}, {112.5, 32.2}, {112.4, 32.2}, {112.4, 32.0}})
        towns.add_coordinate(x, y);
    towns.end_ring();
    towns.end_part();
    towns.end_feature();
    put(towns.columns[0], "420606002");
    put(towns.columns[1], "新集镇");
    put(towns.columns[2], "420606");
    towns.build_index();
    if (population) {
        Layer& v = fx.layers[2];
        auto& pop = v.add_column("pop", FieldType::real);
        for (std::size_t f = 0; f < v.size(); ++f) {
            pop.reals.push_back(100.0 * static_cast<double>(f + 1));
            pop.null.push_back(0);
        }
        fx.project.layers[2].fields["population"] = "pop";
    }
    auto placed = place_by_location(fx.project, fx.layers);
    EXPECT_TRUE(placed) << placed.error().text();
    return fx;
}

const ThematicUnit& unit(const ThematicMap& m, const std::string& name)
{
    for (const auto& u : m.units)
        if (u.name == name) return u;
    throw std::runtime_error("no unit " + name);
}

TEST(Thematic, RampIsColorBrewerYlGnBuLightToDark)
{
    EXPECT_EQ(thematic_ramp(5), (std::vector<std::string>{"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"}));
    EXPECT_EQ(thematic_ramp(3), (std::vector<std::string>{"#edf8b1", "#7fcdbb", "#2c7fb8"}));
    EXPECT_EQ(thematic_ramp(2), (std::vector<std::string>{"#edf8b1", "#2c7fb8"}));
    EXPECT_EQ(thematic_ramp(9).size(), 9u);
    EXPECT_TRUE(thematic_ramp(10).empty());
}

TEST(Thematic, CoverageRatePerTownshipIn2022ByNaturalBreaks)
{
    const auto fx = fixture();
    ThematicRequest q;
    q.year = 2022;  // stations A, C, F stand: 东津镇 2 of 2 villages, 卧龙镇 0 of 1, 牛首镇 1 of 4
    const auto m = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(m) << m.error().text();
    EXPECT_EQ(m->layer_id, "townships");
    EXPECT_EQ(m->layer_index, 1u);
    EXPECT_EQ(m->title, "村级综合服务社覆盖率（%）· 按乡镇 · 2022年");
    ASSERT_EQ(m->units.size(), 4u);
    // Five classes asked, three distinct values: three classes.
    ASSERT_EQ(m->breaks.classes(), 3u);
    EXPECT_EQ(m->breaks.bounds, (std::vector<double>{0, 0, 25, 100}));
    EXPECT_EQ(m->labels, (std::vector<std::string>{"0.0 – 0.0 %", "0.0 – 25.0 %", "25.0 – 100.0 %"}));
    EXPECT_EQ(m->colors, thematic_ramp(3));
    EXPECT_DOUBLE_EQ(*unit(*m, "东津镇").value, 100);
    EXPECT_EQ(unit(*m, "东津镇").cls, 2u);
    EXPECT_DOUBLE_EQ(*unit(*m, "卧龙镇").value, 0);
    EXPECT_EQ(unit(*m, "卧龙镇").cls, 0u);
    EXPECT_DOUBLE_EQ(*unit(*m, "牛首镇").value, 25);
    EXPECT_EQ(unit(*m, "牛首镇").cls, 1u);
    EXPECT_EQ(m->colors[unit(*m, "牛首镇").cls], "#7fcdbb");
    // No village in 新集镇: no value, said, never a 0.
    EXPECT_FALSE(unit(*m, "新集镇").value.has_value());
    EXPECT_EQ(m->no_value, 1u);
    EXPECT_EQ(m->no_value_label, "无数值（无村）");
    // A point inside each township for its symbol and label: 东津镇 is 112.0–112.1 E.
    EXPECT_GT(unit(*m, "东津镇").anchor_lon, 112.0);
    EXPECT_LT(unit(*m, "东津镇").anchor_lon, 112.1);
    EXPECT_DOUBLE_EQ(unit(*m, "东津镇").symbol_px, 0);  // a rate: no symbols
    EXPECT_TRUE(m->symbol_px.empty());
    const std::string text = thematic_text(*m);
    EXPECT_NE(text.find("420602002  卧龙镇  0.0 %  第 1 级\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  #d9d9d9  无数值（无村）（1 个）\n"), std::string::npos) << text;
}

TEST(Thematic, CoverageRatePerCountyIn2023ByQuantiles)
{
    const auto fx = fixture();
    ThematicRequest q;
    q.level = GroupBy::county;
    q.method = BreakMethod::quantile;
    q.classes = 2;
    q.year = 2023;  // 襄城区 3 of 3, 樊城区 2 of 4 (vD, vF)
    const auto m = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(m) << m.error().text();
    EXPECT_EQ(m->layer_id, "counties");
    ASSERT_EQ(m->units.size(), 2u);
    EXPECT_DOUBLE_EQ(*unit(*m, "襄城区").value, 100);
    EXPECT_DOUBLE_EQ(*unit(*m, "樊城区").value, 50);
    EXPECT_EQ(m->colors[unit(*m, "襄城区").cls], "#2c7fb8");
    EXPECT_EQ(m->colors[unit(*m, "樊城区").cls], "#edf8b1");
    EXPECT_EQ(m->labels, (std::vector<std::string>{"50.0 – 50.0 %", "50.0 – 100.0 %"}));
    EXPECT_EQ(m->no_value, 0u);
}

TEST(Thematic, TrusteeshipWanMuByFixedBreaks)
{
    const auto fx = fixture();
    ThematicRequest q;
    q.figure = ThematicFigure::trusteeship_wan_mu;
    q.method = BreakMethod::fixed;
    q.breaks = {0.2, 0.4};
    q.year = 2023;  // P1 1000 亩 in 东津镇, P2 2500 in 卧龙镇, P3 5000 in 牛首镇; P4 is 2024's
    const auto m = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(m) << m.error().text();
    EXPECT_DOUBLE_EQ(*unit(*m, "东津镇").value, 0.1);
    EXPECT_DOUBLE_EQ(*unit(*m, "卧龙镇").value, 0.25);
    EXPECT_DOUBLE_EQ(*unit(*m, "牛首镇").value, 0.5);
    EXPECT_EQ(unit(*m, "东津镇").cls, 0u);
    EXPECT_EQ(unit(*m, "卧龙镇").cls, 1u);
    EXPECT_EQ(unit(*m, "牛首镇").cls, 2u);
    EXPECT_EQ(m->labels, (std::vector<std::string>{"0.10 – 0.20 万亩", "0.20 – 0.40 万亩", "0.40 – 0.50 万亩"}));
    EXPECT_EQ(m->no_value_label, "无数值（无托管地块）");
}

TEST(Thematic, ServiceWanMuTimesByQuantilesWithTheUnplacedRecordSaid)
{
    const auto fx = fixture();
    ThematicRequest q;
    q.figure = ThematicFigure::service_wan_mu_times;
    q.method = BreakMethod::quantile;
    q.classes = 3;
    q.year = 2023;
    const auto m = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(m) << m.error().text();
    EXPECT_DOUBLE_EQ(*unit(*m, "东津镇").value, 0.20005);  // 1200 + 800.5 亩次
    EXPECT_DOUBLE_EQ(*unit(*m, "卧龙镇").value, 0.3);
    EXPECT_DOUBLE_EQ(*unit(*m, "牛首镇").value, 0.5);  // 烘干 2000 was in 2022
    EXPECT_EQ(unit(*m, "东津镇").cls, 0u);
    EXPECT_EQ(unit(*m, "卧龙镇").cls, 1u);
    EXPECT_EQ(unit(*m, "牛首镇").cls, 2u);
    EXPECT_EQ(m->unit, "万亩次");
    bool said = false;
    for (const auto& e : m->problems) said = said || e.text().find("999999999999") != std::string::npos;
    EXPECT_TRUE(said);
}

TEST(Thematic, UncoveredPopulationIsACountWithGraduatedSymbols)
{
    const auto fx = fixture(true);
    ThematicRequest q;
    q.figure = ThematicFigure::uncovered_population;
    q.year = 2023;  // uncovered: vE (500) and v7 (700), both in 牛首镇
    const auto m = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(m) << m.error().text();
    EXPECT_DOUBLE_EQ(*unit(*m, "东津镇").value, 0);
    EXPECT_DOUBLE_EQ(*unit(*m, "牛首镇").value, 1200);
    ASSERT_EQ(m->breaks.classes(), 2u);
    EXPECT_EQ(m->labels, (std::vector<std::string>{"0 – 0 人", "0 – 1200 人"}));
    EXPECT_EQ(m->symbol_px, (std::vector<double>{8, 30}));
    EXPECT_DOUBLE_EQ(unit(*m, "东津镇").symbol_px, 8);
    EXPECT_DOUBLE_EQ(unit(*m, "牛首镇").symbol_px, 30);
    EXPECT_DOUBLE_EQ(unit(*m, "新集镇").symbol_px, 0);
    EXPECT_TRUE(m->symbols);
    // Filled by class instead, when asked: the same classes, no symbols.
    q.symbols = false;
    const auto filled = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(filled) << filled.error().text();
    EXPECT_FALSE(filled->symbols);
    EXPECT_TRUE(filled->symbol_px.empty());
    EXPECT_EQ(filled->breaks.bounds, m->breaks.bounds);

    const auto without = fixture(false);
    const auto e = run_thematic(without.project, without.layers, q);
    ASSERT_FALSE(e);
    EXPECT_NE(e.error().message.find("村图层没有人口字段（population）"), std::string::npos) << e.error().text();
}

TEST(Thematic, SitesBuiltPerCountyInAYear)
{
    const auto fx = fixture();
    ThematicRequest q;
    q.figure = ThematicFigure::sites_built;
    q.level = GroupBy::county;
    q.year = 2022;  // F (樊城区) built in 2022; none in 襄城区
    const auto m = run_thematic(fx.project, fx.layers, q);
    ASSERT_TRUE(m) << m.error().text();
    EXPECT_DOUBLE_EQ(*unit(*m, "襄城区").value, 0);
    EXPECT_DOUBLE_EQ(*unit(*m, "樊城区").value, 1);
    EXPECT_EQ(m->labels, (std::vector<std::string>{"0 – 0 个", "0 – 1 个"}));
    EXPECT_EQ(m->symbol_px.size(), 2u);

    q.year = 0;
    auto e = run_thematic(fx.project, fx.layers, q);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().message, "新建网点数是某一年的：请指定年份");
    q.year = 2022;
    q.level = GroupBy::township;
    e = run_thematic(fx.project, fx.layers, q);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().message, "新建网点数按县（市、区）统计：请改为按县制图");
}

TEST(Thematic, BadRequestsAreSaid)
{
    const auto fx = fixture();
    ThematicRequest q;
    q.classes = 10;
    auto e = run_thematic(fx.project, fx.layers, q);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().message, "分级数应在 1 到 9 之间（配色方案 YlGnBu 最多 9 级）");
    q.classes = 5;
    q.method = BreakMethod::fixed;
    e = run_thematic(fx.project, fx.layers, q);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().file, fx.project.file);
    q.breaks = {80, 60};
    e = run_thematic(fx.project, fx.layers, q);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().message, "固定分级的界值应从小到大排列且不重复");

    EXPECT_EQ(parse_breaks("60,80,90"), (std::vector<double>{60, 80, 90}));
    EXPECT_EQ(parse_breaks("0.5， 1.5"), (std::vector<double>{0.5, 1.5}));
    EXPECT_FALSE(parse_breaks("60,,90"));
    EXPECT_FALSE(parse_breaks("六十"));
    EXPECT_EQ(thematic_figure_from("托管面积"), ThematicFigure::trusteeship_wan_mu);
    EXPECT_EQ(thematic_figure_from("services"), ThematicFigure::service_wan_mu_times);
    EXPECT_FALSE(thematic_figure_from("人口密度"));
    EXPECT_EQ(break_method_from("quantile"), BreakMethod::quantile);
    EXPECT_FALSE(break_method_from("jenks"));
    EXPECT_EQ(thematic_level_from("county"), GroupBy::county);
    EXPECT_EQ(thematic_level_key(GroupBy::township), "township");
}

// Issue 19: the project file's "thematic" section over the built-in defaults, the one start of
// `render --theme` and the panel.
TEST(Thematic, DefaultsComeFromTheProjectFile)
{
    const auto plain = parse_project(R"({"version": 1, "layers": []})", "p.coopmap");
    ASSERT_TRUE(plain.ok());
    const ThematicRequest built_in = thematic_defaults(*plain);
    EXPECT_EQ(built_in.figure, ThematicFigure::coverage_rate);
    EXPECT_EQ(built_in.level, GroupBy::township);
    EXPECT_EQ(built_in.method, BreakMethod::natural);
    EXPECT_EQ(built_in.classes, 5u);
    EXPECT_TRUE(built_in.breaks.empty());
    EXPECT_EQ(built_in.year, 0);
    EXPECT_FALSE(built_in.role);
    EXPECT_FALSE(built_in.symbols);

    const auto p = parse_project(R"({"version": 1, "layers": [], "thematic": {"figure": "trusteeship_wan_mu",
        "level": "county", "method": "quantile", "classes": 3, "year": 2022, "role": "village_cooperative",
        "symbols": false}})",
                                 "p.coopmap");
    ASSERT_TRUE(p.ok()) << p.error().text();
    const ThematicRequest q = thematic_defaults(*p);
    EXPECT_EQ(q.figure, ThematicFigure::trusteeship_wan_mu);
    EXPECT_EQ(q.level, GroupBy::county);
    EXPECT_EQ(q.method, BreakMethod::quantile);
    EXPECT_EQ(q.classes, 3u);
    EXPECT_EQ(q.year, 2022);
    EXPECT_EQ(q.role, Role::village_cooperative);
    EXPECT_EQ(q.symbols, false);

    // Breaks without a method: fixed, as `--breaks` without `--method`.
    const auto b = parse_project(R"({"version": 1, "layers": [], "thematic": {"breaks": [60, 80, 90]}})", "p.coopmap");
    ASSERT_TRUE(b.ok()) << b.error().text();
    EXPECT_EQ(thematic_defaults(*b).method, BreakMethod::fixed);
    EXPECT_EQ(thematic_defaults(*b).breaks, (std::vector<double>{60, 80, 90}));
}

}  // namespace
}  // namespace coopmap::analysis
