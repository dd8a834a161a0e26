// coopmap-cli end to end, on the bundled sample and on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "run_process.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

TEST(CliInfo, ListsTheSampleLayersWithExactCounts)
{
    const auto r = run_process(kCli, {"info", kSample});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("县（市、区）界 9，"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("乡镇（街道）界 130，"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("村（社区） 2817"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("admin_boundary"), std::string::npos) << r.out;
}

TEST(CliInfo, MissingProjectIsOneClearErrorNamingTheFile)
{
    const auto r = run_process(kCli, {"info", "/nonexistent/place/net.coopmap"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("/nonexistent/place/net.coopmap"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(CliInfo, ProjectNamingAMissingLayerFileNamesFileAndLayer)
{
    const auto dir = std::filesystem::temp_directory_path() / ("coopmap-cli-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto project = dir / "p.coopmap";
    std::ofstream(project) << R"({"version": 1, "name": "t", "layers": [
        {"id": "sites", "title": "站点", "source": "gone.gpkg", "role": "village_cooperative"}]})";
    const auto r = run_process(kCli, {"info", project.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find((dir / "gone.gpkg").string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("站点"), std::string::npos) << r.err;
    std::filesystem::remove_all(dir);
}

// Layer engine (issue 3): info on data files and bad projects, convert.
class CliData : public ::testing::Test {
protected:
    // One folder per test and process: ctest runs these tests in parallel.
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("coopmap-cli-data-" + std::to_string(::getpid()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    void SetUp() override
    {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::string at(const char* file) const { return (dir / file).string(); }
};

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST_F(CliData, InfoOnAMissingFileIsOneLineNamingIt)
{
    const auto r = run_process(kCli, {"info", at("nope.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(at("nope.gpkg")), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("文件不存在"), std::string::npos) << r.err;
}

TEST_F(CliData, InfoOnATruncatedGeoPackageIsOneLineNamingIt)
{
    std::ofstream csv(at("sites.csv"));
    csv << "名称,经度,纬度,备注\n";
    for (int i = 0; i < 3000; ++i) csv << "网点" << i << ",112." << i << ",32.0," << std::string(150, 'x') << "\n";
    csv.close();
    const auto made = run_process(kCli, {"convert", at("sites.csv"), at("sites.gpkg")});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    std::filesystem::resize_file(at("sites.gpkg"), std::filesystem::file_size(at("sites.gpkg")) / 2);
    const auto r = run_process(kCli, {"info", at("sites.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(at("sites.gpkg")), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("损坏"), std::string::npos) << r.err;
}

TEST_F(CliData, InfoOnAProjectWithAnUnknownKeyNamesFileAndKey)
{
    std::ofstream(at("p.coopmap")) << R"({"version": 1, "layers": [], "radius": 3000})";
    const auto r = run_process(kCli, {"info", at("p.coopmap")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(at("p.coopmap")), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("未知的键“radius”"), std::string::npos) << r.err;
}

TEST_F(CliData, ConvertFromGcj02AndInfoShowsCrsEncodingFieldsAndSkippedRows)
{
    std::ofstream(at("amap.csv")) << "名称,经度,纬度\n张湾供销社,112.1283,32.0066\n空,,\n";
    const auto c =
        run_process(kCli, {"convert", at("amap.csv"), at("wgs.shp"), "--from-gcj02", "--to-crs", "EPSG:4490"});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_NE(c.out.find("1 个要素"), std::string::npos) << c.out;
    EXPECT_NE(c.err.find("第 3 行"), std::string::npos) << c.err;
    const auto r = run_process(kCli, {"info", at("wgs.shp")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("EPSG:4490"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("编码：UTF-8"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("名称（文本）"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("点       1"), std::string::npos) << r.out;
}

TEST(CliInfo, UnknownSubcommandFails)
{
    const auto r = run_process(kCli, {"frobnicate"});
    EXPECT_NE(r.exit_code, 0);
}

// What the command-line parser itself finds is one Chinese line pointing at the right help,
// exit 1 like every other error; help is Chinese too.
TEST(CliInfo, ParserErrorsAndHelpSpeakChinese)
{
    const auto missing = run_process(kCli, {"plan"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_EQ(missing.out, "");
    EXPECT_NE(missing.err.find("命令行参数有误"), std::string::npos) << missing.err;
    EXPECT_NE(missing.err.find("请运行 coopmap-cli plan --help 查看用法"), std::string::npos) << missing.err;
    EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;

    const auto help = run_process(kCli, {"plan", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* s : {"用法", "参数:", "选项:", "显示帮助并退出", "必填"})
        EXPECT_NE(help.out.find(s), std::string::npos) << s << "\n" << help.out;
    for (const char* s : {"Usage", "Options:", "Positionals:", "Print this help"})
        EXPECT_EQ(help.out.find(s), std::string::npos) << s << "\n" << help.out;
}

}  // namespace
}  // namespace coopmap::test
