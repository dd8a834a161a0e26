// Reading the data the cooperative really gets: GBK Shapefiles without .cpg, site lists in
// CSV/XLSX, Gauss-Krüger zones in either axis order, GCJ-02, broken and odd geometry.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <geodesic.h>

#include "crs/chinese_offsets.h"
#include "fixtures.h"
#include "io/gdal_reader.h"
#include "model/feature_index.h"
#include "model/fields.h"

namespace coopmap::test {
namespace {

using io::read_layer;
using io::SourceSpec;

SourceSpec spec(const std::string& uri, const std::string& crs = {}, const std::string& encoding = {})
{
    return SourceSpec{uri, {}, crs, encoding, Role::village, {}};
}

const Column& col(const Layer& l, const char* name)
{
    const Column* c = l.column(name);
    if (!c) throw std::runtime_error(std::string("no column ") + name);
    return *c;
}

TEST(ReadShapefile, GbkWithoutCpgIsDetectedAndDecoded)
{
    TempDir dir("gbk");
    const auto shp = dir / "村.shp";
    write_fixture("ESRI Shapefile", shp, "村", 4326, wkbPoint,
                  {{"名称", OFTString}, {"1户籍人口数量", OFTInteger}, {"人口", OFTInteger}},
                  {{"POINT (112.1 32.0)", {std::string("张家湾村"), 1200LL, 1200LL}},
                   {"POINT (112.2 32.1)", {std::string("鄢家岗村"), 850LL, 850LL}}},
                  {"ENCODING=CP936"});
    ASSERT_TRUE(std::filesystem::remove(dir / "村.cpg"));
    // The DBF really holds GBK: 张 is D5 C5 in GBK.
    std::ifstream dbf(dir / "村.dbf", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(dbf)), {});
    ASSERT_NE(bytes.find("\xD5\xC5\xBC\xD2"), std::string::npos);

    const auto r = read_layer(spec(shp));
    ASSERT_TRUE(r.ok()) << r.error().text();
    const Layer& l = r->layer;
    EXPECT_EQ(l.source_encoding, "CP936");
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(col(l, "名称").texts[0], "张家湾村");
    EXPECT_EQ(col(l, "名称").texts[1], "鄢家岗村");
    EXPECT_EQ(col(l, "人口").integers[1], 850);
    // "1户籍人口数量" is 13 GBK bytes: the DBF kept 10, cutting 数 in half; the half is dropped.
    ASSERT_EQ(l.columns.size(), 3u);
    EXPECT_EQ(l.columns[1].name, "1户籍人口");
    LayerConfig cfg;
    cfg.fields = {{"population", "1户籍人口数量"}};
    const Column* pop = field_column(l, cfg, "population");
    ASSERT_NE(pop, nullptr);
    EXPECT_EQ(pop->integers[0], 1200);
    EXPECT_NEAR(l.first_x(0), 112.1, 1e-12);
}

TEST(ReadShapefile, ProjectEncodingOverridesAndUtf8IsKept)
{
    TempDir dir("utf8shp");
    const auto shp = dir / "a.shp";
    write_fixture("ESRI Shapefile", shp, "a", 4326, wkbPoint, {{"name", OFTString}},
                  {{"POINT (112 32)", {std::string("襄阳")}}}, {"ENCODING=UTF-8"});
    std::filesystem::remove(dir / "a.cpg");
    const auto r = read_layer(spec(shp));
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->layer.source_encoding, "UTF-8");
    EXPECT_EQ(col(r->layer, "name").texts[0], "襄阳");
    // Forcing the wrong encoding still yields valid UTF-8 (never bytes the UI cannot show).
    const auto forced = read_layer(spec(shp, {}, "CP936"));
    ASSERT_TRUE(forced.ok());
    EXPECT_EQ(forced->layer.source_encoding, "CP936");
    EXPECT_TRUE(io::is_utf8(col(forced->layer, "name").texts[0]));
}

// A site list as offices send it: 经度/纬度 columns, some rows broken.
void expect_site_list(const io::LoadedLayer& r)
{
    const Layer& l = r.layer;
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(col(l, "名称").texts[0], "张湾供销社");
    EXPECT_EQ(col(l, "名称").texts[1], "双沟服务社");
    EXPECT_NEAR(l.first_x(1), 112.234567, 1e-9);
    EXPECT_NEAR(l.first_y(1), 32.123456, 1e-9);
    EXPECT_EQ(l.column("经度"), nullptr);  // coordinates are geometry, not attributes
    ASSERT_EQ(r.skipped.size(), 3u);
    EXPECT_EQ(r.skipped[0].feature, "第 3 行");
    EXPECT_NE(r.skipped[0].message.find("为空"), std::string::npos) << r.skipped[0].message;
    EXPECT_EQ(r.skipped[1].feature, "第 4 行");
    EXPECT_EQ(r.skipped[2].feature, "第 5 行");
    EXPECT_NE(r.skipped[2].message.find("超出经纬度范围"), std::string::npos) << r.skipped[2].message;
    EXPECT_NE(r.crs_note.find("WGS84"), std::string::npos);
}

TEST(ReadTable, CsvWithChineseCoordinateColumns)
{
    TempDir dir("csv");
    const auto csv = dir / "网点.csv";
    std::ofstream(csv) << "名称,经度,纬度\n张湾供销社,112.1,32.0\n空坐标,,32.0\n坏坐标,东经112度,32.0\n"
                          "远方,500,32.2\n双沟服务社,112.234567,32.123456\n";
    const auto r = read_layer(spec(csv));
    ASSERT_TRUE(r.ok()) << r.error().text();
    expect_site_list(*r);
}

TEST(ReadTable, XlsxWithChineseCoordinateColumns)
{
    TempDir dir("xlsx");
    const auto xlsx = dir / "网点.xlsx";
    write_fixture("XLSX", xlsx, "Sheet1", 0, wkbNone, {{"名称", OFTString}, {"经度", OFTString}, {"纬度", OFTReal}},
                  {{"", {std::string("张湾供销社"), std::string("112.1"), 32.0}},
                   {"", {std::string("空坐标"), {}, 32.0}},
                   {"", {std::string("坏坐标"), std::string("东经112度"), 32.0}},
                   {"", {std::string("远方"), std::string("500"), 32.2}},
                   {"", {std::string("双沟服务社"), std::string("112.234567"), 32.123456}}});
    const auto r = read_layer(spec(xlsx));
    ASSERT_TRUE(r.ok()) << r.error().text();
    expect_site_list(*r);
    EXPECT_NE(r->skipped[1].message.find("“东经112度”不是数字"), std::string::npos) << r->skipped[1].message;
}

TEST(ReadTable, RepeatedCoordinateHeaderIsReadAndReported)
{
    // The shape of fuzz/known_crashes/csv/duplicate_lon_column.csv, which once crashed.
    TempDir dir("dupcsv");
    const auto csv = dir / "dup.csv";
    std::ofstream(csv) << "名称,经度,纬,经度,纬度\n王家村,1.5,32.0,112.3,32.2\n";
    const auto r = read_layer(spec(csv));
    ASSERT_TRUE(r.ok()) << r.error().text();
    ASSERT_EQ(r->layer.size(), 1u);
    EXPECT_NEAR(r->layer.first_x(0), 112.3, 1e-12);
    EXPECT_NEAR(r->layer.first_y(0), 32.2, 1e-12);
    EXPECT_NE(r->crs_note.find("坐标列名重复"), std::string::npos) << r->crs_note;
    ASSERT_EQ(r->layer.columns.size(), 3u);  // 名称, the first 经度, 纬
    EXPECT_EQ(r->layer.columns[1].name, "经度");
    EXPECT_EQ(r->layer.columns[1].number(0), 1.5);
}

TEST(ReadTable, XyColumnsWithoutCrsAreGuessedFromTheZonePrefixOrDeclared)
{
    TempDir dir("xy");
    const auto csv = dir / "gk.csv";
    std::ofstream(csv) << "name,x,y\nA,38500000,3320000\n";
    const auto r = read_layer(spec(csv));
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->layer.source_crs, "EPSG:4526");  // prefix 38: CGCS2000 3° zone 38
    EXPECT_NE(r->crs_note.find("带号 38"), std::string::npos) << r->crs_note;
    EXPECT_NEAR(r->layer.first_x(0), 114.0, 1e-9);
    const auto ok = read_layer(spec(csv, "EPSG:4526"));
    ASSERT_TRUE(ok.ok()) << ok.error().text();
    EXPECT_NEAR(ok->layer.first_x(0), 114.0, 1e-9);
    EXPECT_EQ(ok->crs_note, "");
    // Numbers that are neither degrees nor Gauss-Krüger still need the CRS said.
    std::ofstream(dir / "local.csv") << "name,x,y\nA,1500,2300\n";
    const auto local = read_layer(spec(dir / "local.csv"));
    ASSERT_FALSE(local.ok());
    EXPECT_NE(local.error().message.find("没有坐标系"), std::string::npos);
}

// Northing of latitude 30° on a central meridian: the meridian arc, from PROJ's geodesic.
double meridian_arc(double a, double f, double lat)
{
    geod_geodesic g;
    geod_init(&g, a, f);
    double s12 = 0;
    geod_inverse(&g, 0, 114, lat, 114, &s12, nullptr, nullptr);
    return s12;
}

TEST(ReadCrs, GaussKrugerZone38InBothAxisOrders)
{
    TempDir dir("gk");
    const double north = meridian_arc(6378137.0, 1 / 298.257222101, 30.0);  // CGCS2000
    char normal[96], swapped[96];
    std::snprintf(normal, sizeof normal, "POINT (38500000 %.4f)", north);
    std::snprintf(swapped, sizeof swapped, "POINT (%.4f 38500000)", north);
    write_fixture("GPKG", dir / "gk.gpkg", "normal", 4526, wkbPoint, {}, {{normal, {}}});
    write_fixture("GPKG", dir / "gk2.gpkg", "swapped", 4526, wkbPoint, {}, {{swapped, {}}});
    for (const char* f : {"gk.gpkg", "gk2.gpkg"}) {
        const auto r = read_layer(spec(dir / f));
        ASSERT_TRUE(r.ok()) << r.error().text();
        EXPECT_EQ(r->axes_swapped, std::string(f) == "gk2.gpkg");
        EXPECT_NEAR(r->layer.first_x(0), 114.0, 1e-9) << f;
        EXPECT_NEAR(r->layer.first_y(0), 30.0, 1e-7) << f;
        EXPECT_NE(r->layer.source_crs.find("Gauss-Kruger zone 38"), std::string::npos);
    }
}

TEST(ReadCrs, Xian80Zone38DeclaredInTheProjectBothOrders)
{
    TempDir dir("xian80");
    const double north = meridian_arc(6378140.0, 1 / 298.257, 30.0);  // IAG-75, Xian 1980
    char normal[96], swapped[96];
    std::snprintf(normal, sizeof normal, "POINT (38500000 %.4f)", north);
    std::snprintf(swapped, sizeof swapped, "POINT (%.4f 38500000)", north);
    write_fixture("ESRI Shapefile", dir / "a.shp", "a", 0, wkbPoint, {}, {{normal, {}}});
    write_fixture("ESRI Shapefile", dir / "b.shp", "b", 0, wkbPoint, {}, {{swapped, {}}});
    // No .prj, nothing declared: the prefix gives CGCS2000 zone 38, a ballpark for Xian 80.
    const auto guessed = read_layer(spec(dir / "a.shp"));
    ASSERT_TRUE(guessed.ok()) << guessed.error().text();
    EXPECT_EQ(guessed->layer.source_crs, "EPSG:4526");
    EXPECT_NEAR(guessed->layer.first_x(0), 114.0, 1e-6);
    for (const char* f : {"a.shp", "b.shp"}) {
        const auto r = read_layer(spec(dir / f, "EPSG:2362"));
        ASSERT_TRUE(r.ok()) << r.error().text();
        EXPECT_NEAR(r->layer.first_x(0), 114.0, 1e-9) << f;
        // PROJ has no Xian 1980 -> WGS84 shift: the datum is taken as is (ballpark).
        EXPECT_NEAR(r->layer.first_y(0), 30.0, 1e-7) << f;
    }
}

TEST(ReadCrs, Gcj02PointsDeclaredInTheProjectComeBackToWgs84)
{
    TempDir dir("gcj");
    const crs::LonLat truth[] = {{112.1225, 32.0090}, {111.75, 31.5}};
    std::vector<FixtureFeature> features;
    for (const auto t : truth) {
        const crs::LonLat g = crs::gcj02_from_wgs84(t);
        char wkt[96];
        std::snprintf(wkt, sizeof wkt, "POINT (%.12f %.12f)", g.lon, g.lat);
        features.push_back({wkt, {}});
    }
    write_fixture("GeoJSON", dir / "amap.geojson", "amap", 4326, wkbPoint, {}, features);
    const auto r = read_layer(spec(dir / "amap.geojson", "GCJ02"));
    ASSERT_TRUE(r.ok()) << r.error().text();
    for (std::size_t i = 0; i < 2; ++i) {
        geod_geodesic g;
        geod_init(&g, 6378137.0, 1 / 298.257223563);
        double s12 = 0;
        geod_inverse(&g, truth[i].lat, truth[i].lon, r->layer.first_y(i), r->layer.first_x(i), &s12, nullptr, nullptr);
        EXPECT_LE(s12, 0.5);
    }
}

TEST(ReadErrors, MissingAndTruncatedFilesAreOneClearError)
{
    TempDir dir("corrupt");
    const auto missing = read_layer(spec(dir / "nope.gpkg"));
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().text().find("nope.gpkg"), std::string::npos);
    EXPECT_NE(missing.error().message.find("不存在"), std::string::npos);

    std::vector<FixtureFeature> many;
    for (int i = 0; i < 3000; ++i) many.push_back({"POINT (112 32)", {std::string(200, 'x')}});
    const auto gpkg = dir / "cut.gpkg";
    write_fixture("GPKG", gpkg, "sites", 4326, wkbPoint, {{"note", OFTString}}, many);
    const auto size = std::filesystem::file_size(gpkg);
    std::filesystem::resize_file(gpkg, size / 2);
    const auto r = read_layer(spec(gpkg));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, gpkg);
    EXPECT_NE(r.error().message.find("损坏"), std::string::npos) << r.error().text();
    EXPECT_EQ(r.error().text().find('\n'), std::string::npos);

    std::ofstream(dir / "junk.gpkg") << "this is not a database";
    const auto junk = read_layer(spec(dir / "junk.gpkg"));
    ASSERT_FALSE(junk.ok());
    EXPECT_NE(junk.error().message.find("无法打开数据"), std::string::npos);
}

TEST(ReadGeometry, InvalidPolygonsAreRepairedAndCounted)
{
    TempDir dir("bowtie");
    write_fixture("GPKG", dir / "p.gpkg", "parcels", 4326, wkbPolygon, {{"code", OFTString}},
                  {{"POLYGON ((112 32, 112.01 32.01, 112.01 32, 112 32.01, 112 32))", {std::string("A")}},
                   {"POLYGON ((112 32, 112.01 32, 112.01 32.01, 112 32.01, 112 32))", {std::string("B")}}});
    const auto r = read_layer(spec(dir / "p.gpkg"));
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->repaired, 1u);
    ASSERT_EQ(r->layer.size(), 2u);
    // The bow-tie becomes two triangles: two parts, each one ring of 4 coordinates.
    EXPECT_EQ(r->layer.part_start[1] - r->layer.part_start[0], 2u);
    EXPECT_EQ(r->layer.part_start[2] - r->layer.part_start[1], 1u);
    EXPECT_EQ(col(r->layer, "code").texts[1], "B");
}

TEST(ReadGeometry, NullEmptyMixedZAndNonFiniteAreReportedNotFatal)
{
    TempDir dir("odd");
    write_fixture("GPKG", dir / "odd.gpkg", "odd", 4326, wkbUnknown, {{"n", OFTInteger}},
                  {{"POINT Z (112 32 50)", {1LL}},
                   {"", {2LL}},
                   {"POINT EMPTY", {3LL}},
                   {"LINESTRING (112 32, 113 33)", {4LL}},
                   {"POINT (nan 32)", {5LL}},
                   {"POINT M (112.5 32.5 7)", {6LL}}});
    const auto r = read_layer(spec(dir / "odd.gpkg"));
    ASSERT_TRUE(r.ok()) << r.error().text();
    const Layer& l = r->layer;
    EXPECT_EQ(l.kind, GeometryKind::point);
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(col(l, "n").integers[0], 1);
    EXPECT_EQ(col(l, "n").integers[1], 6);
    EXPECT_EQ(r->with_z, 1u);
    EXPECT_EQ(r->with_m, 1u);
    ASSERT_EQ(r->skipped.size(), 4u);
    EXPECT_NE(r->skipped[0].message.find("没有几何"), std::string::npos);
    EXPECT_NE(r->skipped[2].message.find("LINESTRING"), std::string::npos);
    EXPECT_NE(r->skipped[3].message.find("有限数值"), std::string::npos) << r->skipped[3].message;
    ASSERT_TRUE(l.index);
    EXPECT_EQ(l.index->size(), 2u);
}

TEST(ReadFormats, KmlAndGeoJsonWithChineseNames)
{
    TempDir dir("kml");
    write_fixture("KML", dir / "a.kml", "站点", 4326, wkbPoint, {{"Name", OFTString}},
                  {{"POINT (112.1 32.0)", {std::string("峪山镇为农服务中心")}}});
    const auto k = read_layer(spec(dir / "a.kml"));
    ASSERT_TRUE(k.ok()) << k.error().text();
    ASSERT_EQ(k->layer.size(), 1u);
    EXPECT_EQ(col(k->layer, "Name").texts[0], "峪山镇为农服务中心");
    EXPECT_NEAR(k->layer.first_y(0), 32.0, 1e-9);
}

}  // namespace
}  // namespace coopmap::test
