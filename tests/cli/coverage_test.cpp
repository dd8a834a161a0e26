// coopmap-cli coverage and trusteeship end to end on the bundled sample, and the GUI panel's
// controller on the same project: both tables must agree cell by cell.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QTemporaryDir>

#include <fstream>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/gdal_errors.h"
#include "coverage_gui.h"
#include "run_process.h"

namespace {

using coopmap::test::CoverageGui;

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";

std::vector<std::vector<std::string>> read_csv(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> cells;
        std::istringstream c(line);
        for (std::string cell; std::getline(c, cell, ',');) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

TEST(CoverageCli, PrintsTheCountyTableAndWritesTheCsv)
{
    QTemporaryDir dir;
    const std::string csv = dir.filePath("gaps.csv").toStdString();
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"coverage", kSample, "--role", "village_service_station",
                                                             "--radius", "3km", "--by", "county", "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("村级综合服务社覆盖（半径 3000 米"), std::string::npos) << r.out;
    const auto rows = read_csv(csv);
    ASSERT_EQ(rows.size(), 1u + 9 + 1);  // header, nine counties, 合计
    EXPECT_EQ(rows[0][0], "代码");
    EXPECT_EQ(rows.back()[1], "合计");
    EXPECT_EQ(rows.back()[2], "2817");
    // The total is the sum of the county rows.
    long villages = 0, covered = 0;
    for (std::size_t i = 1; i + 1 < rows.size(); ++i) {
        villages += std::stol(rows[i][2]);
        covered += std::stol(rows[i][3]);
    }
    EXPECT_EQ(villages, 2817);
    EXPECT_EQ(covered, std::stol(rows.back()[3]));
}

TEST(CoverageCli, UnknownRoleIsOneChineseLineAndExitOne)
{
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"coverage", kSample, "--role", "shop"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--role shop 不是网点类型"), std::string::npos) << r.err;
}

TEST(TrusteeshipCli, TownshipTableTotalsInMuAndWanMu)
{
    QTemporaryDir dir;
    const std::string csv = dir.filePath("t.csv").toStdString();
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"trusteeship", kSample, "--by", "township", "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(csv);
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows[0][0], "乡镇代码");
    EXPECT_EQ(rows.back()[1], "合计");
    double mu = 0;
    long parcels = 0;
    for (std::size_t i = 1; i + 1 < rows.size(); ++i) {
        mu += std::stod(rows[i][5]);
        parcels += std::stol(rows[i][2]);
    }
    EXPECT_EQ(parcels, std::stol(rows.back()[2]));
    EXPECT_NEAR(mu, std::stod(rows.back()[5]), 0.05 * static_cast<double>(rows.size()));
    EXPECT_NEAR(std::stod(rows.back()[6]), std::stod(rows.back()[5]) / 10000, 1e-4);
}

// By minutes, --out also holds every facility's isochrone: the sample's 87 township supermarkets
// (sqlite3: SELECT count(*) FROM township_supermarket) all lie within the snapping distance of
// a road, so 87 polygons of 20 minutes, beside the villages, table, coverage and gaps.
TEST(CoverageCli, MinutesOutWritesTheIsochrones)
{
    QTemporaryDir dir;
    const std::string out = dir.filePath("iso.gpkg").toStdString();
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"coverage", kSample, "--role", "township_supermarket",
                                                             "--minutes", "20", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("离道路超过吸附距离"), std::string::npos) << r.out;
    coopmap::io::ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    for (const char* name : {"uncovered_villages", "coverage_table", "coverage", "coverage_gaps"})
        EXPECT_NE(ds->GetLayerByName(name), nullptr) << name;
    OGRLayer* iso = ds->GetLayerByName("isochrones");
    ASSERT_NE(iso, nullptr);
    EXPECT_EQ(iso->GetFeatureCount(), 87);
    std::set<long long> facilities;
    for (auto&& f : *iso) {
        EXPECT_EQ(f->GetFieldAsDouble("minutes"), 20.0);
        facilities.insert(f->GetFieldAsInteger64("facility"));
        EXPECT_EQ(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbMultiPolygon);
    }
    EXPECT_EQ(facilities.size(), 87u);
}

// The GUI panel's controller and the CLI on the same project give the same table.
TEST_F(CoverageGui, ControllerTableEqualsTheCliTable)
{
    QTemporaryDir dir;
    const std::string csv = dir.filePath("gaps.csv").toStdString();
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"coverage", kSample, "--role", "village_service_station",
                                                             "--by", "township", "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto cli = read_csv(csv);

    c.setProperty("roleKey", QStringLiteral("village_service_station"));
    c.setProperty("by", QStringLiteral("township"));
    ASSERT_TRUE(run());

    auto* t = c.table();
    ASSERT_EQ(static_cast<std::size_t>(t->rowCount()), cli.size() - 1);
    using M = coopmap::app::CoverageTableModel;
    for (int row = 0; row < t->rowCount(); ++row) {
        const auto& expect = cli[static_cast<std::size_t>(row) + 1];
        EXPECT_EQ(t->cell(row, M::Code).toStdString(), expect[0]) << row;
        EXPECT_EQ(t->cell(row, M::Name).toStdString(), expect[1]) << row;
        EXPECT_EQ(t->cell(row, M::Villages).toStdString(), expect[2]) << row;
        EXPECT_EQ(t->cell(row, M::Covered).toStdString(), expect[3]) << row;
        EXPECT_EQ(t->cell(row, M::Share).toStdString(), expect[4] + "%") << row;
        EXPECT_EQ(t->cell(row, M::PopulationCovered).toStdString(), expect[6]) << row;
        EXPECT_EQ(t->cell(row, M::TargetMet).toStdString(), expect[10]) << row;
    }
}

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
