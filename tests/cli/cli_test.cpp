// coopmap-cli end to end, on the bundled sample and on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "run_process.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

TEST(CliInfo, ListsTheSampleLayersWithExactCounts)
{
    const auto r = run_process(kCli, {"info", kSample});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("counties 9，"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("townships 130，"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("villages 2817"), std::string::npos) << r.out;
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
    const auto dir = std::filesystem::temp_directory_path() / "coopmap-cli-test";
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

TEST(CliInfo, UnknownSubcommandFails)
{
    const auto r = run_process(kCli, {"frobnicate"});
    EXPECT_NE(r.exit_code, 0);
}

}  // namespace
}  // namespace coopmap::test
