// Place by location: on a hand-made county of two townships where every answer is known,
// and on the bundled sample with its code columns taken away, where the answer is the
// sample's own codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analysis/coverage_run.h"
#include "analysis/placement.h"
#include "analysis/project_data.h"
#include "fixture_shapes.h"
#include "io/project_layers.h"
#include "model/fields.h"

namespace coopmap::analysis {
namespace {

using test::box;
using test::text;

// County 420602 is 112.0–112.4 E x 32.0–32.2 N; its townships 420602001 (west, to 112.2)
// and 420602002 (east). Villages: a in the west, b in the east, c on the shared edge,
// d outside the county. Parcel p1 lies in the west; p2 straddles the edge, three quarters east.
struct Fixture {
    Project project;
    std::vector<Layer> layers;

    Fixture()
    {
        project.file = "/tmp/县.coopmap";
        auto cfg = [&](std::string id, Role role, std::string level = {}) {
            LayerConfig c;
            c.id = id;
            c.title = id;
            c.source = id + ".gpkg";
            c.role = role;
            c.level = std::move(level);
            project.layers.push_back(c);
        };
        cfg("counties", Role::admin_boundary, "county");
        cfg("townships", Role::admin_boundary, "township");
        cfg("villages", Role::village);
        cfg("parcels", Role::land_trusteeship);

        Layer county;
        county.kind = GeometryKind::polygon;
        box(county, 112.0, 112.4, 32.0, 32.2);
        text(county.add_column("code", FieldType::text), "420602");
        text(county.add_column("name", FieldType::text), "襄城区");

        Layer towns;
        towns.kind = GeometryKind::polygon;
        box(towns, 112.0, 112.2, 32.0, 32.2);
        box(towns, 112.2, 112.4, 32.0, 32.2);
        auto& tc = towns.add_column("code", FieldType::text);
        text(tc, "420602001");
        text(tc, "420602002");
        auto& tn = towns.add_column("name", FieldType::text);
        text(tn, "西镇");
        text(tn, "东镇");

        Layer villages;
        villages.kind = GeometryKind::point;
        auto& vn = villages.add_column("name", FieldType::text);
        for (auto [x, y, n] :
             {std::tuple{112.1, 32.1, "a"}, {112.3, 32.1, "b"}, {112.2, 32.1, "c"}, {112.6, 32.1, "d"}}) {
            villages.add_point(x, y);
            text(vn, n);
        }

        Layer parcels;
        parcels.kind = GeometryKind::polygon;
        box(parcels, 112.05, 112.10, 32.05, 32.10);
        box(parcels, 112.19, 112.23, 32.05, 32.10);
        text(parcels.add_column("name", FieldType::text), "p1");
        text(parcels.columns[0], "p2");

        layers = {county, towns, villages, parcels};
        for (auto& l : layers) l.build_index();
    }

    std::string code(std::size_t layer, const char* field, std::size_t f) const
    {
        const Column* c = field_column(layers[layer], project.layers[layer], field);
        return c ? c->text(f) : "<no column>";
    }
};

TEST(Placement, VillagesParcelsAndTownshipsGetTheirCodesFromWhereTheyLie)
{
    Fixture fx;
    const auto report = place_by_location(fx.project, fx.layers);
    ASSERT_TRUE(report) << report.error().text();
    EXPECT_EQ(fx.code(2, "township_code", 0), "420602001");
    EXPECT_EQ(fx.code(2, "township_code", 1), "420602002");
    // On the shared edge: the first township that touches it.
    EXPECT_EQ(fx.code(2, "township_code", 2), "420602001");
    EXPECT_EQ(fx.code(2, "township_code", 3), "");
    EXPECT_EQ(fx.code(2, "county_code", 0), "420602");
    EXPECT_EQ(fx.code(2, "county_code", 3), "");
    EXPECT_EQ(fx.code(3, "township_code", 0), "420602001");
    EXPECT_EQ(fx.code(3, "township_code", 1), "420602002");  // 0.03 of its 0.04 degrees lie east
    EXPECT_EQ(fx.code(3, "county_code", 1), "420602");
    EXPECT_EQ(fx.code(1, "county_code", 0), "420602");
    EXPECT_EQ(fx.code(1, "county_code", 1), "420602");

    // Village d lies outside both levels: said twice (township, county), naming it.
    ASSERT_EQ(report->problems.size(), 2u);
    EXPECT_NE(report->problems[0].message.find("1 个要素不在任何乡镇界内"), std::string::npos)
        << report->problems[0].message;
    EXPECT_NE(report->problems[0].message.find("要素 4“d”"), std::string::npos);
    EXPECT_EQ(report->problems[0].layer, "villages");
    EXPECT_NE(report->problems[1].message.find("不在任何县（市、区）界内"), std::string::npos);
}

TEST(Placement, MappedCodesAreCheckedNotChanged)
{
    Fixture fx;
    auto& town = fx.layers[2].add_column("乡镇代码", FieldType::text);
    text(town, "420602001");  // right
    text(town, "420602001");  // b lies in 002: disagrees
    text(town, "420602001");  // on the edge: right
    text(town, "420602999");  // matches no township
    fx.project.layers[2].fields["township_code"] = "乡镇代码";
    const auto report = place_by_location(fx.project, fx.layers);
    ASSERT_TRUE(report) << report.error().text();
    EXPECT_EQ(fx.code(2, "township_code", 1), "420602001");  // as mapped
    // fields[0] is the townships' county; then the villages' township.
    ASSERT_GE(report->fields.size(), 2u);
    const auto& f = report->fields[1];
    EXPECT_EQ(f.layer_id, "villages");
    EXPECT_EQ(f.field, "township_code");
    EXPECT_FALSE(f.by_location);
    EXPECT_EQ(f.unknown_code, 1u);
    EXPECT_EQ(f.disagree, 1u);
    std::string all;
    for (const auto& p : report->problems) all += p.message + "\n";
    EXPECT_NE(all.find("1 个要素的乡镇代码（乡镇代码）不是任何乡镇界的代码（要素 4“d” 的 420602999）"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("1 个要素的乡镇代码（乡镇代码）与其所在位置不符（要素 2“b” 填 420602001，位于 420602002）"),
              std::string::npos)
        << all;
}

TEST(Placement, ANameColumnMappedAsACodeIsSaid)
{
    Fixture fx;
    auto& county = fx.layers[2].add_column("县", FieldType::text);
    for (int i = 0; i < 4; ++i) text(county, "襄城区");
    fx.project.layers[2].fields["county_code"] = "县";
    const auto report = place_by_location(fx.project, fx.layers);
    ASSERT_TRUE(report) << report.error().text();
    std::string all;
    for (const auto& p : report->problems) all += p.message + "\n";
    EXPECT_NE(all.find("字段“县”映射为 county_code（县（市、区）代码），但它的值不是区划代码（如“襄城区”）"),
              std::string::npos)
        << all;
}

TEST(Placement, AMappingToAMissingColumnNamesTheKeyAndTheColumnsThereAre)
{
    Fixture fx;
    fx.project.layers[2].fields["population"] = "人口数";
    const auto ok = check_field_mapping(fx.project, fx.project.layers[2], fx.layers[2]);
    ASSERT_FALSE(ok);
    EXPECT_EQ(ok.error().file, "/tmp/villages.gpkg");
    EXPECT_EQ(ok.error().layer, "villages");
    EXPECT_EQ(
        ok.error().message,
        "字段映射 population → “人口数”：数据中没有这一列（它有的列：name）。请在项目文件中改正列名，或删去这一映射");
}

TEST(Join, ATableOfPopulationJoinsToVillagesByCodeAndSaysWhatDidNotMatch)
{
    Fixture fx;
    auto& code = fx.layers[2].add_column("村代码", FieldType::text);
    for (const char* c : {"420602001001", "420602002001", "420602001002", ""}) c[0] ? text(code, c) : code.push_null();
    fx.project.layers[2].fields["code"] = "村代码";
    std::vector<Column> table(2);
    table[0].name = "村代码";
    table[1].name = "人口";
    table[1].type = FieldType::integer;
    const auto row = [&](const std::string& c, std::int64_t pop) {
        text(table[0], c);
        table[1].integers.push_back(pop);
        table[1].null.push_back(0);
    };
    row("420602002001", 800);
    row("420602001001", 1200);
    row("420602009009", 50);  // no such village
    Join join;
    join.source = "人口.xlsx";
    join.key = "村代码";
    std::vector<Error> problems;
    const auto ok = join_table(fx.project, fx.project.layers[2], fx.layers[2], join, table, 3, problems);
    ASSERT_TRUE(ok) << ok.error().text();
    const Column* pop = fx.layers[2].column("人口");
    ASSERT_NE(pop, nullptr);
    EXPECT_EQ(pop->text(0), "1200");
    EXPECT_EQ(pop->text(1), "800");
    EXPECT_EQ(pop->null[2], 1);
    EXPECT_EQ(pop->null[3], 1);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].file, "/tmp/人口.xlsx");
    EXPECT_EQ(problems[0].message,
              "1 行在图层中找不到对应的要素（如第 4 行 村代码 420602009009）：这些行的数据没有用上，请核对代码");
    EXPECT_EQ(problems[1].message, "2 个要素在连接表 人口.xlsx 中没有对应行（如 420602001002）：它们的“人口”等列为空");

    // A key the table lacks names the columns it has.
    join.key = "代码";
    Layer again = fx.layers[2];
    again.columns.pop_back();
    const auto bad = join_table(fx.project, fx.project.layers[2], again, join, table, 3, problems);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "连接表中没有列“代码”（它有的列：村代码、人口）：请在项目文件的 joins 中改正 key");
}

// A name typed with a GBK user-defined character (U+E170 here, as in one of the sample's own
// villages) shows as a box on every other machine: it is listed with the layer and feature.
TEST(Placement, ANameWithAPrivateUseCharacterIsSaid)
{
    Fixture fx;
    fx.layers[2].columns[0].texts[1] = "高\uE170村委会";
    std::vector<Error> problems;
    const auto placed = check_and_place(fx.project, fx.layers, problems);
    ASSERT_TRUE(placed) << placed.error().text();
    const auto named = std::find_if(problems.begin(), problems.end(),
                                    [](const Error& e) { return e.message.find("自造字") != std::string::npos; });
    ASSERT_NE(named, problems.end());
    EXPECT_EQ(named->file, "/tmp/villages.gpkg");
    EXPECT_EQ(named->layer, "villages");
    EXPECT_EQ(named->feature, "要素 2");
    EXPECT_EQ(
        named->message,
        "1 个名称含有自造字（Unicode 私用区，如“高\uE170村委会”），别的电脑上显示为方框：请在数据中改用标准汉字或拼音");
}

// The sample's villages, facilities and parcels with their code columns and mappings taken
// away: placement must give back every one of the sample's own codes.
TEST(Placement, TheSampleWithoutCodeColumnsGetsItsOwnCodesBack)
{
    auto project = read_project(COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap");
    ASSERT_TRUE(project) << project.error().text();
    auto loaded = io::load_project_layers(*project);
    ASSERT_TRUE(loaded) << loaded.error().text();
    std::map<std::pair<std::size_t, std::string>, std::vector<std::string>> truth;
    Project stripped = *project;
    std::vector<Layer> layers = loaded->layers;
    std::size_t features = 0;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        auto& cfg = stripped.layers[i];
        if (cfg.role == Role::admin_boundary || cfg.role == Role::road) continue;
        for (const char* field : {"township_code", "county_code"}) {
            const Column* c = field_column(layers[i], cfg, field);
            ASSERT_NE(c, nullptr) << cfg.id << " " << field;
            std::vector<std::string> codes;
            for (std::size_t f = 0; f < layers[i].size(); ++f) codes.push_back(c->text(f));
            truth[{i, field}] = codes;
            const std::string column = c->name;
            cfg.fields.erase(field);
            std::erase_if(layers[i].columns, [&](const Column& col) { return col.name == column; });
        }
        features += layers[i].size();
    }
    ASSERT_GT(features, 2817u);
    const auto report = place_by_location(stripped, layers);
    ASSERT_TRUE(report) << report.error().text();
    EXPECT_TRUE(report->problems.empty()) << report->problems.front().text();
    for (const auto& [key, codes] : truth) {
        const Column* c = field_column(layers[key.first], stripped.layers[key.first], key.second);
        ASSERT_NE(c, nullptr);
        std::size_t differ = 0;
        for (std::size_t f = 0; f < codes.size(); ++f) differ += c->text(f) != codes[f];
        EXPECT_EQ(differ, 0u) << stripped.layers[key.first].id << " " << key.second;
    }
}

}  // namespace
}  // namespace coopmap::analysis
