// Reading what a county office hands over, made from the sample (tests/support/office_fixtures.h):
// a zipped GBK Shapefile in Gauss-Krüger, a GBK CSV in Baidu coordinates, an XLSX in Amap
// coordinates; tables without geometry; a source without CRS; GCJ-02/BD-09 written and read
// back; and the draft project made of them all.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../io/fixtures.h"
#include "analysis/geodesic.h"
#include "intake/intake.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "office_fixtures.h"

namespace coopmap::intake {
namespace {

namespace fs = std::filesystem;

class OfficeFiles : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new std::string((fs::temp_directory_path() / ("coopmap-office-" + std::to_string(::getpid()))).string());
        fs::remove_all(*dir_);
        fs::remove_all(*dir_ + "-scratch");
        fs::create_directories(*dir_ + "-scratch");
        const Status made = testing::make_office_fixtures(*dir_);
        ASSERT_TRUE(made.ok()) << made.error().text();
    }
    static void TearDownTestSuite()
    {
        fs::remove_all(*dir_);
        fs::remove_all(*dir_ + "-scratch");
        delete dir_;
    }
    // The fixtures, and beside them a folder for what the tests write themselves.
    static std::string at(const std::string& f) { return (fs::path(*dir_) / f).string(); }
    static std::string scratch(const std::string& f) { return (fs::path(*dir_ + "-scratch") / f).string(); }

    static Layer sample(const std::string& layer)
    {
        auto r = io::read_layer(io::SourceSpec{testing::sample_gpkg(), layer, {}, {}, Role::village, {}});
        EXPECT_TRUE(r.ok());
        return r->layer;
    }

    // The largest distance between the sample's points and the same points read from a fixture.
    static double worst_m(const Layer& a, const Layer& b)
    {
        double worst = 0;
        for (std::size_t i = 0; i < a.x.size(); ++i)
            worst = std::max(worst, analysis::geodesic_distance_m(a.x[i], a.y[i], b.x[i], b.y[i]));
        return worst;
    }

    static std::string* dir_;
};
std::string* OfficeFiles::dir_ = nullptr;

TEST_F(OfficeFiles, ZippedGbkShapefileInGaussKrugerReadsByTheZipAndByThePathInIt)
{
    const auto files = io::zip_data_files(at("乡镇界.zip"));
    ASSERT_TRUE(files.ok()) << files.error().text();
    // The names are GBK in the zip without the UTF-8 flag, as Windows writes them.
    EXPECT_EQ(*files, std::vector<std::string>{"乡镇界.shp"});
    const Layer truth = sample("townships");
    for (const std::string& uri : {at("乡镇界.zip"), at("乡镇界.zip/乡镇界.shp")}) {
        const auto r = io::read_layer(io::SourceSpec{uri, {}, {}, {}, Role::admin_boundary, {}});
        ASSERT_TRUE(r.ok()) << r.error().text();
        const Layer& l = r->layer;
        EXPECT_EQ(l.size(), 130u) << uri;
        EXPECT_EQ(l.source_encoding, "CP936") << uri;  // the DBF language byte: there is no .cpg
        EXPECT_NE(l.source_crs.find("Gauss-Kruger zone 37"), std::string::npos) << l.source_crs;
        ASSERT_NE(l.column("乡镇名称"), nullptr);
        EXPECT_EQ(l.column("乡镇名称")->texts[0], truth.column("name")->texts[0]);
        EXPECT_EQ(l.column("乡镇代码")->texts[129], truth.column("code")->texts[129]);
        ASSERT_EQ(l.x.size(), truth.x.size());
        EXPECT_LT(worst_m(truth, l), 0.001);  // through zone 37 and back
    }
    const auto layers = io::describe_layers(at("乡镇界.zip"));
    ASSERT_TRUE(layers.ok()) << layers.error().text();
    ASSERT_EQ(layers->size(), 1u);
    EXPECT_EQ((*layers)[0].name, "乡镇界");
    EXPECT_EQ((*layers)[0].kind, GeometryKind::polygon);
    EXPECT_EQ((*layers)[0].features, 130u);
    EXPECT_EQ((*layers)[0].columns, (std::vector<std::string>{"乡镇名称", "乡镇代码"}));
}

TEST_F(OfficeFiles, GbkCsvInBaiduAndXlsxInAmapComeBackToTheSamplesPositions)
{
    const Layer stations = sample("village_service_station");
    const auto csv =
        io::read_layer(io::SourceSpec{at("村级综合服务社.csv"), {}, "BD09", {}, Role::village_service_station, {}});
    ASSERT_TRUE(csv.ok()) << csv.error().text();
    EXPECT_EQ(csv->layer.size(), 498u);
    EXPECT_EQ(csv->layer.source_encoding, "CP936");  // found not to be UTF-8
    EXPECT_EQ(csv->layer.column("站名")->texts[7], stations.column("name")->texts[7]);
    EXPECT_LT(worst_m(stations, csv->layer), 0.5);

    const Layer villages = sample("villages");
    const auto xlsx = io::read_layer(io::SourceSpec{at("村庄.xlsx"), {}, "GCJ02", {}, Role::village, {}});
    ASSERT_TRUE(xlsx.ok()) << xlsx.error().text();
    EXPECT_EQ(xlsx->layer.size(), 2817u);
    EXPECT_LT(worst_m(villages, xlsx->layer), 0.5);
    // Read as WGS84, Amap's offset is hundreds of metres: why the user is asked.
    const auto plain = io::read_layer(io::SourceSpec{at("村庄.xlsx"), {}, {}, {}, Role::village, {}});
    ASSERT_TRUE(plain.ok());
    EXPECT_GT(worst_m(villages, plain->layer), 100.0);
    EXPECT_NE(plain->crs_note.find("GCJ02"), std::string::npos) << plain->crs_note;
}

// KML has no 64-bit integers: the writer must not drop the values (GDAL's KML driver writes
// none into an Integer64 field).
TEST_F(OfficeFiles, KmlKeepsIntegerValues)
{
    const Layer truth = sample("distribution_center");
    const auto kml = io::read_layer(io::SourceSpec{at("集采集配中心.kml"), {}, {}, {}, Role::distribution_center, {}});
    ASSERT_TRUE(kml.ok()) << kml.error().text();
    ASSERT_EQ(kml->layer.size(), 7u);
    const Column* year = kml->layer.column("开业年份");
    ASSERT_NE(year, nullptr);
    for (std::size_t f = 0; f < 7; ++f) EXPECT_EQ(year->number(f), truth.column("opening_year")->number(f)) << f;
    EXPECT_EQ(kml->layer.column("名称")->text(0), truth.column("name")->text(0));
}

TEST_F(OfficeFiles, WritingGcj02AndBd09RoundTripsWithinHalfAMetre)
{
    const Layer villages = sample("villages");
    for (const char* crs : {"GCJ02", "BD09"}) {
        const std::string out = scratch(std::string("amap-") + crs + ".geojson");
        const Status w = io::write_layer(villages, io::WriteSpec{out, {}, crs});
        ASSERT_TRUE(w.ok()) << w.error().text();
        const auto shifted = io::read_layer(io::SourceSpec{out, {}, {}, {}, Role::village, {}});
        ASSERT_TRUE(shifted.ok());
        EXPECT_GT(worst_m(villages, shifted->layer), 100.0) << crs;  // really in the map's offset
        const auto back = io::read_layer(io::SourceSpec{out, {}, crs, {}, Role::village, {}});
        ASSERT_TRUE(back.ok());
        EXPECT_LT(worst_m(villages, back->layer), 0.5) << crs;
    }
}

TEST_F(OfficeFiles, ASourceWithoutCrsGetsItsZoneFromTheCoordinates)
{
    // The township Shapefile again, without its .prj: the 37 prefix says zone 37.
    const std::string folder = scratch("noprj");
    fs::create_directories(folder);
    test::write_fixture("ESRI Shapefile", folder + "/乡镇.shp", "乡镇", 0, wkbPoint, {{"名称", OFTString}},
                        {{"POINT (37500000 3540000)", {std::string("张湾街道")}}}, {"ENCODING=UTF-8"});
    const auto r = io::read_layer(io::SourceSpec{folder + "/乡镇.shp", {}, {}, {}, Role::village, {}});
    ASSERT_TRUE(r.ok()) << r.error().text();
    EXPECT_EQ(r->layer.source_crs, "EPSG:4525");
    EXPECT_EQ(
        r->crs_note,
        "数据未声明坐标系，按坐标推断：东坐标为 8 位，带号 37：按 CGCS2000 3 度带第 37 带（中央经线 111°，EPSG:4525）");
    EXPECT_NEAR(r->layer.first_x(0), 111.0, 1e-9);
    EXPECT_NEAR(r->layer.first_y(0), 31.98, 0.01);
    // Without the prefix the meridian cannot be told from one file: the error says what to declare.
    test::write_fixture("ESRI Shapefile", folder + "/村.shp", "村", 0, wkbPoint, {}, {{"POINT (500000 3540000)", {}}});
    const auto bare = io::read_layer(io::SourceSpec{folder + "/村.shp", {}, {}, {}, Role::village, {}});
    ASSERT_FALSE(bare.ok());
    EXPECT_NE(bare.error().message.find("无法判断中央经线"), std::string::npos) << bare.error().message;
}

TEST_F(OfficeFiles, TablesWithoutGeometryAreReadAndDescribed)
{
    const std::string gpkg = scratch("表格.gpkg");
    test::write_fixture("GPKG", gpkg, "人口统计", 0, wkbNone, {{"村代码", OFTString}, {"人口", OFTInteger}},
                        {{"", {std::string("420607101001"), 1200LL}}, {"", {std::string("420607101002"), 850LL}}});
    const auto t = io::read_table(io::SourceSpec{gpkg, "人口统计", {}, {}, Role::village, {}});
    ASSERT_TRUE(t.ok()) << t.error().text();
    EXPECT_EQ(t->rows, 2u);
    ASSERT_EQ(t->columns.size(), 2u);
    EXPECT_EQ(t->columns[1].name, "人口");
    EXPECT_EQ(t->columns[1].integers[1], 850);
    // A sheet without coordinate columns is a table; read_layer says so and points to joins.
    const std::string xlsx = scratch("人口.xlsx");
    test::write_fixture("XLSX", xlsx, "Sheet1", 0, wkbNone, {{"村名", OFTString}, {"户数", OFTInteger}},
                        {{"", {std::string("张湾村"), 380LL}}});
    const auto d = io::describe_layers(xlsx);
    ASSERT_TRUE(d.ok()) << d.error().text();
    ASSERT_EQ(d->size(), 1u);
    EXPECT_FALSE((*d)[0].has_geometry);
    EXPECT_EQ((*d)[0].features, 1u);
    const auto sheet = io::read_table(io::SourceSpec{xlsx, {}, {}, {}, Role::village, {}});
    ASSERT_TRUE(sheet.ok()) << sheet.error().text();
    EXPECT_EQ(sheet->columns[0].texts[0], "张湾村");
    const auto as_layer = io::read_layer(io::SourceSpec{xlsx, {}, {}, {}, Role::village, {}});
    ASSERT_FALSE(as_layer.ok());
    EXPECT_NE(as_layer.error().message.find("按代码连接"), std::string::npos);
    // The sheets with 经度/纬度 of the office's own file are layers, with those columns kept as data.
    const auto village_sheet = io::read_table(io::SourceSpec{at("村庄.xlsx"), {}, {}, {}, Role::village, {}});
    ASSERT_TRUE(village_sheet.ok());
    EXPECT_EQ(village_sheet->rows, 2817u);
    EXPECT_EQ(village_sheet->columns.back().name, "纬度");
}

TEST_F(OfficeFiles, DraftGuessesEveryLayerAndTheProjectReadsBackIdentically)
{
    NewProjectOptions options;
    options.crs = {{"村庄.xlsx", "GCJ02"}, {"村级综合服务社.csv", "BD09"}};
    const auto d = draft_project({*dir_ + "/"}, options);
    ASSERT_TRUE(d.ok()) << d.error().text();
    std::map<std::string, std::string> roles;
    std::map<std::string, std::size_t> counts;
    ASSERT_EQ(d->layers.size(), 11u);
    EXPECT_TRUE(d->tables.empty());
    for (const auto& g : d->layers) {
        EXPECT_TRUE(g.role_known) << g.source.file;
        EXPECT_FALSE(g.problem) << g.source.file << ": " << (g.problem ? g.problem->text() : "");
        roles[g.config.id] =
            std::string(role_key(g.config.role)) + (g.config.level.empty() ? "" : ":" + g.config.level);
        counts[g.config.id] = g.features;
    }
    const std::map<std::string, std::string> want{{"counties", "admin_boundary:county"},
                                                  {"townships", "admin_boundary:township"},
                                                  {"roads", "road"},
                                                  {"villages", "village"},
                                                  {"village_cooperative", "village_cooperative"},
                                                  {"village_service_station", "village_service_station"},
                                                  {"grassroots_cooperative", "grassroots_cooperative"},
                                                  {"township_supermarket", "township_supermarket"},
                                                  {"distribution_center", "distribution_center"},
                                                  {"agri_service_center", "agri_service_center"},
                                                  {"land_trusteeship", "land_trusteeship"}};
    for (const auto& [id, role] : want) EXPECT_EQ(roles[id], role) << id;
    EXPECT_EQ(counts["townships"], 130u);
    EXPECT_EQ(counts["villages"], 2817u);
    EXPECT_EQ(counts["village_service_station"], 498u);
    EXPECT_EQ(counts["land_trusteeship"], 412u);
    EXPECT_EQ(counts["roads"], 3829u);

    const auto find = [&](const std::string& id) -> const LayerGuess& {
        for (const auto& g : d->layers)
            if (g.config.id == id) return g;
        throw std::runtime_error("no layer " + id);
    };
    const std::map<std::string, std::string> village_fields{
        {"households", "户数"}, {"kind", "类别"}, {"name", "村名"}, {"population", "人口"}};
    EXPECT_EQ(find("villages").config.fields, village_fields);
    EXPECT_EQ(find("villages").config.crs, "GCJ02");
    EXPECT_FALSE(find("villages").ask_offset);
    EXPECT_TRUE(find("township_supermarket").ask_offset);  // lon/lat, nothing said
    EXPECT_TRUE(find("agri_service_center").ask_offset);
    EXPECT_FALSE(find("village_cooperative").ask_offset);  // GeoJSON declares WGS84
    const std::map<std::string, std::string> town_fields{{"code", "乡镇代码"}, {"name", "乡镇名称"}};
    EXPECT_EQ(find("townships").config.fields, town_fields);
    EXPECT_EQ(find("townships").encoding, "CP936");
    const std::map<std::string, std::string> parcel_fields{{"area_mu", "面积_亩"},   {"code", "地块编号"},
                                                           {"crop", "作物"},         {"kind", "类型"},
                                                           {"provider", "服务主体"}, {"year", "年份"}};
    EXPECT_EQ(find("land_trusteeship").config.fields, parcel_fields);
    const std::map<std::string, std::string> centre_fields{
        {"name", "名称"}, {"opening_year", "开业年份"}, {"operator", "经营主体"}};
    EXPECT_EQ(find("distribution_center").config.fields, centre_fields);
    const std::map<std::string, std::string> road_fields{
        {"name", "道路名称"}, {"oneway", "单行"}, {"road_class", "道路等级"}, {"speed", "车速"}};
    EXPECT_EQ(find("roads").config.fields, road_fields);

    const std::string file = at("新项目.coopmap");  // beside the data: sources relative to it
    const auto p = project_from_draft(*d, file);
    ASSERT_TRUE(p.ok()) << p.error().text();
    ASSERT_TRUE(save_project(*p, file).ok());
    const auto again = read_project(file);
    ASSERT_TRUE(again.ok()) << again.error().text();
    EXPECT_EQ(project_json(*again), project_json(*p));
    for (const auto& l : again->layers) {
        if (l.id == "townships") {
            EXPECT_EQ(l.source, "乡镇界.zip/乡镇界.shp");
        }
        if (l.id == "agri_service_center") {
            EXPECT_EQ(l.source, "农资网点/为农服务中心.csv");
        }
    }
    EXPECT_EQ(again->styles.at("village_service_station").color, "#1e88e5");
    EXPECT_EQ(again->styles.at("counties").color, "#f3efe4");
    EXPECT_EQ(again->service_radii_m.at("agri_service_center"), 8000.0);
    ASSERT_TRUE(again->view);
    EXPECT_NEAR(again->view->lon, 111.93, 0.01);
    EXPECT_EQ(again->view->zoom, 9.0);
}

TEST_F(OfficeFiles, OptionsNamingNoFileOrNoRoleAreErrors)
{
    NewProjectOptions options;
    options.crs = {{"村.xlsx", "GCJ02"}};
    const auto no_file = draft_project({*dir_}, options);
    ASSERT_FALSE(no_file.ok());
    EXPECT_NE(no_file.error().message.find("--crs 村.xlsx=GCJ02：给出的数据中没有“村.xlsx”；找到的文件有："),
              std::string::npos)
        << no_file.error().message;
    EXPECT_NE(no_file.error().message.find("村庄.xlsx"), std::string::npos);
    options.crs.clear();
    options.role = {{"村庄.xlsx", "shop"}};
    const auto bad_role = draft_project({*dir_}, options);
    ASSERT_FALSE(bad_role.ok());
    EXPECT_NE(bad_role.error().message.find("未知的角色“shop”，可用：village、"), std::string::npos)
        << bad_role.error().message;

    // A file whose name says nothing: drafted, but no project until the role is given.
    const std::string folder = scratch("unknown");
    fs::create_directories(folder);
    std::ofstream(folder + "/新建图层.csv") << "名称,经度,纬度\n甲,112.1,32.0\n";
    const auto d = draft_project({folder}, {});
    ASSERT_TRUE(d.ok()) << d.error().text();
    ASSERT_EQ(d->layers.size(), 1u);
    EXPECT_FALSE(d->layers[0].role_known);
    const auto p = project_from_draft(*d, folder + "/p.coopmap");
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("无法判断“新建图层.csv”是哪类数据：请指定角色（命令行 --role 新建图层.csv=ROLE）"),
              std::string::npos)
        << p.error().message;
    NewProjectOptions given;
    given.role = {{"新建图层.csv", "village_service_station"}};
    const auto named = draft_project({folder}, given);
    ASSERT_TRUE(named.ok());
    EXPECT_TRUE(project_from_draft(*named, folder + "/p.coopmap").ok());
}

}  // namespace
}  // namespace coopmap::intake
