// Writing: every format round-trips every attribute byte for byte and every coordinate to
// 1e-7 degrees; a failed save leaves the old file as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fixtures.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"

namespace coopmap::test {
namespace {

Layer sample_points()
{
    Layer l;
    l.name = "村级综合服务社";
    l.kind = GeometryKind::point;
    l.add_column("名称", FieldType::text);
    l.add_column("人口", FieldType::integer);
    l.add_column("面积_亩", FieldType::real);
    // References only after the last add_column: adding may move the columns.
    Column& name = l.columns[0];
    Column& pop = l.columns[1];
    Column& area = l.columns[2];
    const char* names[] = {"张湾村综合服务社", "鄢家岗村", "双沟镇“新”社"};
    for (int i = 0; i < 3; ++i) {
        l.add_point(112.1 + 0.0123456 * i, 32.0 + 0.0098765 * i);
        name.texts.emplace_back(names[i]);
        name.null.push_back(0);
        pop.integers.push_back(1000 + i);
        pop.null.push_back(0);
        area.reals.push_back(12.5 * i + 0.25);
        area.null.push_back(0);
    }
    pop.integers[2] = 0;
    pop.null[2] = 1;
    return l;
}

void expect_same(const Layer& a, const Layer& b, double tol, const std::string& what)
{
    ASSERT_EQ(a.size(), b.size()) << what;
    for (std::size_t f = 0; f < a.size(); ++f) {
        EXPECT_NEAR(a.first_x(f), b.first_x(f), tol) << what;
        EXPECT_NEAR(a.first_y(f), b.first_y(f), tol) << what;
    }
    for (const auto& ca : a.columns) {
        const Column* cb = b.column(ca.name);
        ASSERT_NE(cb, nullptr) << what << ": column " << ca.name;
        for (std::size_t f = 0; f < a.size(); ++f) EXPECT_EQ(ca.text(f), cb->text(f)) << what << " " << ca.name;
    }
}

class WriteFormat : public ::testing::TestWithParam<const char*> {};

TEST_P(WriteFormat, RoundTripsEveryAttribute)
{
    TempDir dir(std::string("write-") + (GetParam() + 1));  // no ".xlsx" in folder names: /vsizip/ would stop there
    const Layer l = sample_points();
    const std::string out = dir / (std::string("out") + GetParam());
    const auto w = io::write_layer(l, {out, {}, "EPSG:4326"});
    ASSERT_TRUE(w.ok()) << w.error().text();
    const auto r = io::read_layer({out, {}, {}, {}, Role::village, {}});
    ASSERT_TRUE(r.ok()) << r.error().text();
    expect_same(l, r->layer, 1e-7, GetParam());
    EXPECT_TRUE(r->skipped.empty());
    // No temporary folder is left beside the result.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(std::filesystem::path(out).parent_path()))
        ++entries;
    EXPECT_EQ(entries, std::string(GetParam()) == ".shp" ? 5 : 1);
}

INSTANTIATE_TEST_SUITE_P(Formats, WriteFormat, ::testing::Values(".gpkg", ".geojson", ".csv", ".xlsx", ".shp"),
                         [](const auto& param) { return std::string(param.param + 1); });

TEST(Write, ShapefileGetsAUtf8Cpg)
{
    TempDir dir("cpg");
    ASSERT_TRUE(io::write_layer(sample_points(), {dir / "s.shp", {}, "EPSG:4326"}).ok());
    std::ifstream cpg(dir / "s.cpg");
    std::string text;
    std::getline(cpg, text);
    EXPECT_EQ(text, "UTF-8");
}

TEST(Write, GaussKrugerOutputReadsBackToTheSameLonLat)
{
    TempDir dir("gkout");
    const Layer l = sample_points();
    ASSERT_TRUE(io::write_layer(l, {dir / "gk.gpkg", "gk", "EPSG:4526"}).ok());
    const auto r = io::read_layer({dir / "gk.gpkg", "gk", {}, {}, Role::village, {}});
    ASSERT_TRUE(r.ok()) << r.error().text();
    expect_same(l, r->layer, 1e-7, "EPSG:4526");
    EXPECT_NE(r->layer.source_crs.find("zone 38"), std::string::npos);
}

TEST(Write, GeoPackageLayerReplacedInsideATransactionOthersKept)
{
    TempDir dir("tx");
    const auto gpkg = dir / "net.gpkg";
    write_fixture("GPKG", gpkg, "roads", 4326, wkbLineString, {{"名称", OFTString}},
                  {{"LINESTRING (112 32, 112.1 32.1)", {std::string("G316")}}});
    Layer l = sample_points();
    ASSERT_TRUE(io::write_layer(l, {gpkg, "stations", "EPSG:4326"}).ok());
    l.columns[0].texts[0] = "改名后";
    ASSERT_TRUE(io::write_layer(l, {gpkg, "stations", "EPSG:4326"}).ok());
    const auto names = io::layer_names(gpkg);
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(*names, (std::vector<std::string>{"roads", "stations"}));
    const auto s = io::read_layer({gpkg, "stations", {}, {}, Role::village, {}});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->layer.columns[0].texts[0], "改名后");
    EXPECT_EQ(s->layer.size(), 3u);
    const auto roads = io::read_layer({gpkg, "roads", {}, {}, Role::road, {}});
    ASSERT_TRUE(roads.ok());
    EXPECT_EQ(roads->layer.columns[0].texts[0], "G316");
}

TEST(Write, AFailedSaveLeavesTheOldFileAsItWas)
{
    TempDir dir("fail");
    const auto out = dir / "keep.geojson";
    std::ofstream(out) << "old content";
    const auto bad = io::write_layer(sample_points(), {out, {}, "EPSG:999999"});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("目标坐标系"), std::string::npos);
    // A feature that cannot be projected fails mid-write: the old file stays.
    Layer far = sample_points();
    far.x[1] = std::numeric_limits<double>::quiet_NaN();
    const auto mid = io::write_layer(far, {out, {}, "EPSG:4526"});
    EXPECT_FALSE(mid.ok());
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(text, "old content");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(std::filesystem::path(out).parent_path()),
                            std::filesystem::directory_iterator()),
              1);
}

TEST(Write, UnknownFormatIsAClearError)
{
    TempDir dir("fmt");
    const auto r = io::write_layer(sample_points(), {dir / "a.dwg", {}, "EPSG:4326"});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("不支持的输出格式"), std::string::npos);
}

}  // namespace
}  // namespace coopmap::test
