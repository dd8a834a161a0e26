// coopmap-cli dispatch end to end (issue 18): the bundled sample with three 农资储备库 added by
// the test (stock in a column of its own name, mapped as stock_尿素), township demand as the
// sample's trusteeship area × a rate and as a table; what it writes read back and checked
// against the sample's own parcels (summed here with GDAL): every flow from a reserve within its
// stock, every township's intake plus shortage its demand, as much shipped as there is.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/gdal_errors.h"
#include "model/project.h"
#include "run_process.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using coopmap::test::run_process;
using coopmap::test::TempDir;

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";
const std::string kSampleGpkg = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.gpkg";

const std::map<std::string, double> kStock{{"R1", 2000}, {"R2", 3000}, {"R3", 1000}};

// The sample with the reserves: 襄阳 city, 枣阳 and 宜城 (positions inside those counties).
std::string project_with_reserves(const TempDir& dir)
{
    coopmap::io::ensure_gdal();
    const std::string gpkg = dir.file("储备库.gpkg");
    {
        auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(driver->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* l = ds->CreateLayer("reserves", &wgs84, wkbPoint, nullptr);
        for (const auto& [c, t] : std::vector<std::pair<const char*, OGRFieldType>>{
                 {"库号", OFTString}, {"库名", OFTString}, {"尿素库存", OFTReal}, {"复合肥", OFTReal}}) {
            OGRFieldDefn fd(c, t);
            l->CreateField(&fd);
        }
        const struct {
            const char *id, *name;
            double lon, lat;
        } sites[] = {{"R1", "襄州农资储备库", 112.15, 32.10},
                     {"R2", "枣阳农资储备库", 112.75, 32.13},
                     {"R3", "宜城农资储备库", 112.26, 31.72}};
        for (const auto& s : sites) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("库号", s.id);
            f->SetField("库名", s.name);
            f->SetField("尿素库存", kStock.at(s.id));
            f->SetField("复合肥", 100.0);
            OGRPoint p(s.lon, s.lat);
            f->SetGeometry(&p);
            EXPECT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
        }
    }
    auto project = coopmap::read_project(kSample);
    EXPECT_TRUE(project.ok());
    for (auto& l : project->layers) l.source = kSampleGpkg;
    coopmap::LayerConfig reserves;
    reserves.id = "reserves";
    reserves.title = "农资储备库";
    reserves.source = gpkg;
    reserves.layer = "reserves";
    reserves.role = coopmap::Role::agri_input_reserve;
    reserves.fields = {{"code", "库号"}, {"name", "库名"}, {"stock_尿素", "尿素库存"}};
    project->layers.push_back(reserves);
    const std::string file = dir.file("储备.coopmap");
    EXPECT_TRUE(coopmap::save_project(*project, file).ok());
    return file;
}

// Trusteeship area by township, summed here from the sample's parcels.
std::map<std::string, double> area_by_township()
{
    coopmap::io::ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(kSampleGpkg.c_str(), GDAL_OF_VECTOR));
    std::map<std::string, double> out;
    for (auto&& f : *ds->GetLayerByName("land_trusteeship"))
        out[f->GetFieldAsString("township_code")] += f->GetFieldAsDouble("area_mu");
    return out;
}

struct Table {
    struct Flow {
        std::string reserve, township;
        double amount = 0;
    };
    std::vector<Flow> flows;
    std::map<std::string, std::vector<double>> townships;  // demand, received, shortage
};

Table read_table(const std::string& csv)
{
    std::ifstream in(csv, std::ios::binary);
    Table t;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "\xEF\xBB\xBF储备库编号,储备库,乡镇代码,乡镇,调运量,行车分钟,公里,估算");
    while (std::getline(in, line) && !line.empty()) {
        const auto c = coopmap::test::split(line, ',');
        t.flows.push_back({c.at(0), c.at(2), std::stod(c.at(4))});
    }
    std::getline(in, line);
    EXPECT_EQ(line, "乡镇代码,乡镇,需求量,调入量,缺口");
    while (std::getline(in, line) && !line.empty()) {
        const auto c = coopmap::test::split(line, ',');
        t.townships[c.at(0)] = {std::stod(c.at(2)), std::stod(c.at(3)), std::stod(c.at(4))};
    }
    return t;
}

void expect_consistent(const Table& t, const std::map<std::string, double>& demand, double shipped)
{
    std::map<std::string, double> sent, got;
    double total = 0;
    for (const auto& f : t.flows) {
        EXPECT_GT(f.amount, 0);
        sent[f.reserve] += f.amount;
        got[f.township] += f.amount;
        total += f.amount;
    }
    for (const auto& [r, s] : sent) EXPECT_LE(s, kStock.at(r) + 0.01) << r;
    EXPECT_NEAR(total, shipped, 0.05);
    EXPECT_EQ(t.townships.size(), demand.size());
    for (const auto& [code, d] : demand) {
        ASSERT_TRUE(t.townships.contains(code)) << code;
        const auto& row = t.townships.at(code);
        EXPECT_NEAR(row[0], d, 0.006) << code;
        EXPECT_NEAR(row[1], got[code], 0.01) << code;
        EXPECT_NEAR(row[1] + row[2], row[0], 0.011) << code;
    }
}

TEST(DispatchCli, SampleTrusteeshipAreaTimesRateFromThreeReserves)
{
    TempDir dir("coopmap_dispatch");
    const std::string project = project_with_reserves(dir);
    const std::string gpkg = dir.file("d.gpkg"), csv = dir.file("d.csv");
    const auto r = run_process(
        COOPMAP_CLI, {"dispatch", project, "--product", "尿素", "--rate", "0.02", "--out", gpkg, "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, double> demand;
    double total_demand = 0;
    for (const auto& [code, mu] : area_by_township()) {
        demand[code] = mu * 0.02;
        total_demand += mu * 0.02;
    }
    ASSERT_EQ(demand.size(), 64u);
    const double stock = 6000;
    ASSERT_GT(total_demand, stock);  // 438,841 亩 × 0.02 = 8,776.82
    const auto t = read_table(csv);
    expect_consistent(t, demand, stock);
    char shortage[64];
    std::snprintf(shortage, sizeof shortage, "共缺 %.2f", total_demand - stock);
    EXPECT_NE(r.out.find(shortage), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("储备库 3 个，库存 6000；需求乡镇 64 个"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("调运 6000，"), std::string::npos) << r.out;
    // The GeoPackage: one line per flow, every township, every reserve with what it has left (none).
    coopmap::io::ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayerByName("dispatch_flows")->GetFeatureCount(), static_cast<GIntBig>(t.flows.size()));
    EXPECT_EQ(ds->GetLayerByName("dispatch_townships")->GetFeatureCount(), 64);
    for (auto&& f : *ds->GetLayerByName("dispatch_reserves"))
        EXPECT_NEAR(f->GetFieldAsDouble("left"), 0, 1e-6) << f->GetFieldAsString("code");
}

TEST(DispatchCli, DemandFromATableAndWhatIsMissing)
{
    TempDir dir("coopmap_dispatch");
    const std::string project = project_with_reserves(dir);
    const std::string demand_csv = dir.file("需求.csv"), csv = dir.file("d.csv");
    // Four townships of the sample, one code no township has.
    std::ofstream(demand_csv) << "乡镇代码,乡镇,需要量\n420602001,真武山街道,120\n420602002,古城街道,80.5\n"
                                 "420683100,,300\n420607100,,45\n999999999,不存在,10\n";
    auto r = run_process(COOPMAP_CLI, {"dispatch", project, "--product", "尿素", "--demand", demand_csv, "--column",
                                       "需要量", "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("其中 1 行的乡镇代码不在乡镇界中"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("全部乡镇需求可满足"), std::string::npos) << r.out;
    const auto t = read_table(csv);
    std::map<std::string, double> demand{
        {"420602001", 120}, {"420602002", 80.5}, {"420683100", 300}, {"420607100", 45}};
    expect_consistent(t, demand, 120 + 80.5 + 300 + 45);
    // A product no reserve keeps, and no demand at all: each said in one line.
    r = run_process(COOPMAP_CLI, {"dispatch", project, "--product", "农药", "--rate", "0.1"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("没有“农药”的库存列"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("储备库.gpkg"), std::string::npos) << r.err;
    r = run_process(COOPMAP_CLI, {"dispatch", project, "--product", "尿素"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("请给出乡镇需求"), std::string::npos) << r.err;
    // 复合肥 is found by its column's own name.
    r = run_process(COOPMAP_CLI, {"dispatch", project, "--product", "复合肥", "--rate", "0.001"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("储备库 3 个，库存 300；"), std::string::npos) << r.out;
}

}  // namespace
