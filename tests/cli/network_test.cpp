// coopmap-cli network on the bundled sample, the GUI controller's check beside it, and the
// coverage panel's result layers on the map. The expected counts were checked independently with
// sqlite3 on geodata/xiangyang.gpkg: 9 counties, 2 without a distribution_center row of their
// county_code; 130 townships, 43 without a township_supermarket and 44 without a
// grassroots_cooperative of their township_code.
#include <gtest/gtest.h>

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <fstream>
#include <sstream>

#include "coverage_gui.h"
#include "run_process.h"

namespace {

using coopmap::test::CoverageGui;

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";

std::vector<std::string> lines_of(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::vector<std::string> out;
    for (std::string line; std::getline(f, line);) out.push_back(line);
    return out;
}

// Villages the 3 km service stations leave uncovered, from coopmap-cli coverage's 合计 row.
long uncovered_by_stations()
{
    QTemporaryDir dir;
    const std::string csv = dir.filePath("c.csv").toStdString();
    const auto r = coopmap::test::run_process(
        COOPMAP_CLI, {"coverage", kSample, "--role", "village_service_station", "--table", csv});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto rows = lines_of(csv);
    std::vector<std::string> cells;
    std::istringstream c(rows.back());
    for (std::string cell; std::getline(c, cell, ',');) cells.push_back(cell);
    return std::stol(cells[2]) - std::stol(cells[3]);
}

TEST(NetworkCli, SampleTiersBreakWhereTheDataSays)
{
    QTemporaryDir dir;
    const std::string csv = dir.filePath("n.csv").toStdString();
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"network", kSample, "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("三级网络检查（村级综合服务社：半径 3000 米）"), std::string::npos) << r.out;
    const long uncovered = uncovered_by_stations();
    EXPECT_EQ(uncovered, 1162);  // 2,817 villages, 1,655 within 3 km of a station
    EXPECT_NE(r.out.find("合计：9 个县中 2 个缺集采集配中心；130 个乡镇中 43 个缺超市、44 个缺基层社；2817 个村中 " +
                         std::to_string(uncovered) + " 个无服务社"),
              std::string::npos)
        << r.out;
    const auto rows = lines_of(csv);
    ASSERT_EQ(rows.size(), 1u + 130);
    EXPECT_EQ(rows[0], "\xEF\xBB\xBF县代码,县名称,集采集配中心,乡镇代码,乡镇名称,乡镇综合超市,基层供销社,村数,"
                       "有服务社村数,无服务社村数,缺口");
    // Per township the villages add up to the sample's 2,817, and those without a station to the total.
    long villages = 0, without = 0, no_market = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::vector<std::string> cells;
        std::istringstream c(rows[i]);
        for (std::string cell; std::getline(c, cell, ',');) cells.push_back(cell);
        ASSERT_GE(cells.size(), 10u) << rows[i];
        villages += std::stol(cells[7]);
        without += std::stol(cells[9]);
        no_market += cells[5] == "0";
    }
    EXPECT_EQ(villages, 2817);
    EXPECT_EQ(without, uncovered);
    EXPECT_EQ(no_market, 43);
}

TEST(NetworkCli, MissingProjectIsOneChineseLine)
{
    const auto r = coopmap::test::run_process(COOPMAP_CLI, {"network", "/nonexistent/x.coopmap"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/x.coopmap"), std::string::npos) << r.err;
}

// After a run the panel's controller puts the uncovered villages on the map as a result layer
// with exactly the CLI's uncovered count, the merged coverage beside them, and its network
// check lists the same breaks the CLI counts.
TEST_F(CoverageGui, RunShowsUncoveredVillagesAndCoverageOnTheMap)
{
    c.setProperty("roleKey", QStringLiteral("village_service_station"));
    ASSERT_TRUE(run());

    using C = coopmap::app::CoverageController;
    auto* layers = project.layers();
    const int row = layers->indexOf(C::kUncoveredId);
    ASSERT_GE(row, 0);
    const auto* e = layers->entry(row);
    ASSERT_TRUE(e->result);
    EXPECT_EQ(e->config.title, "未覆盖的村（村级综合服务社）");
    EXPECT_EQ(e->style.color, "#b71c1c");
    EXPECT_EQ(static_cast<long>(e->layer->size()), uncovered_by_stations());
    EXPECT_EQ(static_cast<int>(e->layer->size()), c.uncovered());
    const int area = layers->indexOf(C::kAreaId);
    ASSERT_GE(area, 0);
    EXPECT_EQ(layers->entry(area)->layer->kind, coopmap::GeometryKind::polygon);
    EXPECT_EQ(layers->entry(area)->layer->size(), 1u);
    EXPECT_EQ(layers->indexOf(C::kIsochronesId), -1);  // by radius there are none
    // Result layers are not part of what a later analysis reads.
    EXPECT_EQ(project.snapshot().project->layers.size(), project.project().layers.size());

    QSignalSpy checked(&c, &coopmap::app::CoverageController::networkChanged);
    ASSERT_TRUE(c.checkNetwork());
    EXPECT_TRUE(c.networkRunning());
    ASSERT_TRUE(checked.wait(60000));
    EXPECT_FALSE(c.networkRunning());
    EXPECT_NE(c.networkSummary().indexOf(
                  QStringLiteral("9 个县中 2 个缺集采集配中心；130 个乡镇中 43 个缺超市、44 个缺基层社")),
              -1)
        << c.networkSummary().toStdString();
    int counties = 0;
    for (const auto& b : c.networkBreaks()->rows()) counties += b.level == QStringLiteral("县");
    EXPECT_GE(counties, 2);

    QTemporaryDir dir;
    const QString xlsx = dir.filePath("覆盖.xlsx");
    ASSERT_TRUE(c.exportResults(xlsx)) << c.errorText().toStdString();
    EXPECT_TRUE(QFileInfo::exists(xlsx));
}

// By minutes the map also gets one isochrone per facility on the road network: the sample's 87
// township supermarkets (the count coopmap-cli coverage --minutes writes, see coverage_test.cpp).
TEST_F(CoverageGui, MinutesRunShowsTheIsochrones)
{
    c.setProperty("roleKey", QStringLiteral("township_supermarket"));
    c.setProperty("minutes", 20.0);
    ASSERT_TRUE(run());
    using C = coopmap::app::CoverageController;
    const int row = project.layers()->indexOf(C::kIsochronesId);
    ASSERT_GE(row, 0);
    const auto* e = project.layers()->entry(row);
    EXPECT_EQ(e->layer->size(), 87u);
    EXPECT_EQ(e->config.title, "乡镇综合超市等时圈（20 分钟）");
    EXPECT_EQ(e->layer->column("minutes")->reals.front(), 20.0);
    // The uncovered villages are those the table leaves uncovered.
    const int u = project.layers()->indexOf(C::kUncoveredId);
    ASSERT_GE(u, 0);
    EXPECT_EQ(static_cast<int>(project.layers()->entry(u)->layer->size()), c.uncovered());
}

}  // namespace
