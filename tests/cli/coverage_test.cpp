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

#include "coverage_gui.h"
#include "io/gdal_errors.h"
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
    const auto r =
        coopmap::test::run_process(COOPMAP_CLI, {"trusteeship", kSample, "--by", "township", "--table", csv});
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
    const auto r = coopmap::test::run_process(
        COOPMAP_CLI, {"coverage", kSample, "--role", "township_supermarket", "--minutes", "20", "--out", out});
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
    const auto r = coopmap::test::run_process(
        COOPMAP_CLI, {"coverage", kSample, "--role", "village_service_station", "--by", "township", "--table", csv});
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

std::string read_file(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Issue 16's "one answer": for every facility role, with the project's default reach, an explicit
// radius (2.5 km: a radius that went through an integer would be 2 km) and explicit minutes, the
// CLI's table and uncovered villages (--out x.csv) are the controller's, byte for byte, and
// every cell the panel shows is the CLI's. The default is decided once: the sample gives
// distribution_center 60 minutes by road (travel_minutes) and every other role its radius.
TEST_F(CoverageGui, EveryRoleEveryReachTheCliAndThePanelAgree)
{
    struct Reach {
        std::vector<std::string> args;
        double radius_km, minutes;
    };
    const std::vector<Reach> reaches = {{{}, 0, 0}, {{"--radius", "2.5km"}, 2.5, 0}, {{"--minutes", "10"}, 0, 10}};
    // The sample's defaults (geodata/xiangyang.coopmap): the reach as the panel and the CLI print it.
    struct RoleCase {
        std::string key, panel, cli;
        double radius_m, minutes;
    };
    const std::vector<RoleCase> roles = {{"village_service_station", "半径 3 公里", "半径 3000 米", 3000, 0},
                                         {"village_cooperative", "半径 3 公里", "半径 3000 米", 3000, 0},
                                         {"grassroots_cooperative", "半径 10 公里", "半径 10000 米", 10000, 0},
                                         {"township_supermarket", "半径 10 公里", "半径 10000 米", 10000, 0},
                                         {"distribution_center", "行车 60 分钟", "行车 60 分钟", 0, 60},
                                         {"agri_service_center", "半径 8 公里", "半径 8000 米", 8000, 0}};
    QTemporaryDir dir;
    using M = coopmap::app::CoverageTableModel;
    for (const auto& role : roles)
        for (const auto& reach : reaches) {
            SCOPED_TRACE(role.key + (reach.args.empty() ? " 默认" : " " + reach.args[0] + " " + reach.args[1]));
            const std::string stem = role.key + std::to_string(reach.radius_km) + std::to_string(reach.minutes);
            const std::string cli_csv = dir.filePath(QString::fromStdString(stem + "_cli.csv")).toStdString();
            const std::string gui_csv = dir.filePath(QString::fromStdString(stem + "_gui.csv")).toStdString();
            std::vector<std::string> args{"coverage", kSample,    "--role", role.key,
                                          "--by",     "township", "--out",  cli_csv};
            args.insert(args.end(), reach.args.begin(), reach.args.end());
            const auto r = coopmap::test::run_process(COOPMAP_CLI, args);
            ASSERT_EQ(r.exit_code, 0) << r.err;

            c.setProperty("roleKey", QString::fromStdString(role.key));
            c.setProperty("by", QStringLiteral("township"));
            c.setProperty("radiusKm", reach.radius_km);
            c.setProperty("minutes", reach.minutes);
            ASSERT_TRUE(run());
            const auto* res = c.result();
            ASSERT_NE(res, nullptr);
            // The reach used, from the result: the request's, else the project's.
            const bool given = reach.radius_km > 0 || reach.minutes > 0;
            EXPECT_EQ(c.reachText().toStdString(), reach.minutes > 0     ? "行车 10 分钟"
                                                   : reach.radius_km > 0 ? "半径 2.5 公里"
                                                                         : role.panel);
            EXPECT_EQ(res->request.radius_m, given ? 1000 * reach.radius_km : role.radius_m);
            EXPECT_EQ(res->request.minutes, given ? reach.minutes : role.minutes);
            const std::string cli_head = reach.minutes > 0     ? "行车 10 分钟"
                                         : reach.radius_km > 0 ? "半径 2500 米"
                                                               : role.cli;
            EXPECT_NE(r.out.find(res->role_name + "覆盖（" + cli_head), std::string::npos) << r.out;

            ASSERT_TRUE(c.exportResults(QString::fromStdString(gui_csv))) << c.errorText().toStdString();
            const auto cli_table = read_file(cli_csv);
            EXPECT_EQ(read_file(gui_csv), cli_table);
            EXPECT_EQ(coopmap::analysis::coverage_table_csv(*res), cli_table);
            auto villages = [](const std::string& csv) { return csv.substr(0, csv.size() - 4) + "_未覆盖村.csv"; };
            const auto cli_villages = read_file(villages(cli_csv));
            EXPECT_GT(cli_villages.size(), 0u);
            EXPECT_EQ(read_file(villages(gui_csv)), cli_villages);

            // What the panel shows, cell by cell.
            const auto cli = read_csv(cli_csv);
            auto* t = c.table();
            ASSERT_EQ(static_cast<std::size_t>(t->rowCount()), cli.size() - 1);
            for (int row = 0; row < t->rowCount(); ++row) {
                const auto& expect = cli[static_cast<std::size_t>(row) + 1];
                ASSERT_EQ(expect.size(), 11u);
                EXPECT_EQ(t->cell(row, M::Code).toStdString(), expect[0]) << row;
                EXPECT_EQ(t->cell(row, M::Name).toStdString(), expect[1]) << row;
                EXPECT_EQ(t->cell(row, M::Villages).toStdString(), expect[2]) << row;
                EXPECT_EQ(t->cell(row, M::Covered).toStdString(), expect[3]) << row;
                EXPECT_EQ(t->cell(row, M::Share).toStdString(), expect[4] + "%") << row;
                EXPECT_EQ(t->cell(row, M::Population).toStdString(), expect[5]) << row;
                EXPECT_EQ(t->cell(row, M::PopulationCovered).toStdString(), expect[6]) << row;
                EXPECT_EQ(t->cell(row, M::PopulationUncovered).toStdString(), expect[7]) << row;
                EXPECT_EQ(t->cell(row, M::TargetMet).toStdString(), expect[10]) << row;
            }
            EXPECT_EQ(cli.back()[2], "2817");
        }
}

// The case: the panel used to fill in service_radii_m (30 km, 100 %) where the CLI
// measured travel_minutes (60 minutes by road, 襄城区 84.1 %). Both now take the engine's default.
TEST_F(CoverageGui, DistributionCentreDefaultIsSixtyMinutesByRoadInBoth)
{
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"coverage", kSample, "--role", "distribution_center"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("县域集采集配中心覆盖（行车 60 分钟"), std::string::npos) << r.out;
    const auto reach = c.defaultReach(QStringLiteral("distribution_center"));
    EXPECT_EQ(reach.minutes, 60.0);
    EXPECT_EQ(reach.radiusKm, 0.0);
    EXPECT_EQ(reach.text.toStdString(), "行车 60 分钟");
    EXPECT_EQ(reach.why.toStdString(), "项目文件 travel_minutes.distribution_center，道路图层 roads");
    EXPECT_TRUE(reach.error.isEmpty());
    c.setProperty("roleKey", QStringLiteral("distribution_center"));
    ASSERT_TRUE(run());
    EXPECT_EQ(c.usedMinutes(), 60.0);
    EXPECT_EQ(c.usedRadiusKm(), 0.0);
    std::string xiangcheng;
    for (int row = 0; row < c.table()->rowCount(); ++row)
        if (c.table()->cell(row, coopmap::app::CoverageTableModel::Name) == QStringLiteral("襄城区"))
            xiangcheng = c.table()->cell(row, coopmap::app::CoverageTableModel::Share).toStdString();
    EXPECT_EQ(xiangcheng, "84.1%");
    EXPECT_NE(r.out.find("\t襄城区\t"), std::string::npos);
    EXPECT_NE(r.out.find("\t84.1%\t"), std::string::npos) << r.out;
}

// 2.5 km stays 2.5 km from the property to the engine's request and back in the result.
TEST_F(CoverageGui, AFractionalRadiusReachesTheEngineWhole)
{
    c.setProperty("roleKey", QStringLiteral("village_cooperative"));
    c.setProperty("radiusKm", 2.5);
    EXPECT_EQ(c.request().radius_m, 2500.0);
    ASSERT_TRUE(run());
    EXPECT_EQ(c.result()->request.radius_m, 2500.0);
    EXPECT_EQ(c.result()->reach.why, "指定的服务半径");
    EXPECT_EQ(c.usedRadiusKm(), 2.5);
    EXPECT_NE(c.summary().toStdString().find("村级供销社（半径 2.5 公里）"), std::string::npos)
        << c.summary().toStdString();
}

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
