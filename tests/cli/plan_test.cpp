// coopmap-cli plan end to end on the bundled sample, as a user runs it: the exit status, the
// written GeoPackage read back, the coverage it prints recomputed here from the written
// sites with PROJ's geodesic (not with the planner's matrix), and bad arguments.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "analysis/coverage_run.h"
#include "analysis/geodesic.h"
#include "io/gdal_reader.h"
#include "io/project_layers.h"
#include "model/project.h"
#include "run_process.h"

namespace {

namespace fs = std::filesystem;
using coopmap::test::run_process;

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";

struct TempDir {
    fs::path path;
    TempDir()
    {
        path = fs::temp_directory_path() / ("coopmap_plan_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

struct Sample {
    coopmap::Project project;
    coopmap::io::ProjectLayers layers;
    const coopmap::Layer* villages = nullptr;
    const coopmap::Layer* existing = nullptr;  // village_cooperative
    const coopmap::Column* population = nullptr;
    const coopmap::Column* name = nullptr;
};

const Sample& sample()
{
    static const Sample s = [] {
        Sample out;
        out.project = *coopmap::read_project(kSample);
        out.layers = *coopmap::io::load_project_layers(out.project);
        for (std::size_t i = 0; i < out.project.layers.size(); ++i) {
            const auto& cfg = out.project.layers[i];
            if (cfg.id == "villages") {
                out.villages = &out.layers.layers[i];
                out.population = coopmap::analysis::mapped_column(cfg, *out.villages, "population");
                out.name = coopmap::analysis::mapped_column(cfg, *out.villages, "name");
            }
            if (cfg.id == "village_cooperative") out.existing = &out.layers.layers[i];
        }
        return out;
    }();
    return s;
}

// Population within `radius_m` of any of the sites, each village once.
double covered_population(const std::vector<std::pair<double, double>>& sites, double radius_m)
{
    const auto& s = sample();
    double sum = 0;
    for (std::size_t j = 0; j < s.villages->size(); ++j) {
        const double x = s.villages->first_x(j), y = s.villages->first_y(j);
        for (const auto& [sx, sy] : sites)
            if (std::abs(sy - y) < 0.05 && coopmap::analysis::geodesic_distance_m(sx, sy, x, y) <= radius_m) {
                const double p = s.population->number(j);
                sum += std::isfinite(p) && p > 0 ? p : 0;
                break;
            }
    }
    return sum;
}

std::vector<std::pair<double, double>> existing_sites()
{
    std::vector<std::pair<double, double>> out;
    const auto* e = sample().existing;
    for (std::size_t k = 0; k < e->size(); ++k) out.emplace_back(e->first_x(k), e->first_y(k));
    return out;
}

TEST(PlanCli, WritesTheSitesAndPrintsCoverageThatRecomputes)
{
    TempDir dir;
    const auto out = dir.file("plan.gpkg");
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--role", "village_cooperative", "--new", "12", "--radius",
                                             "3km", "--objective", "max-coverage", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("选址：村级供销社，半径 3000 米"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("已证明最优"), std::string::npos) << r.out;
    // How it was found, in Chinese: one of the two methods, HiGHS's status or 未运行.
    EXPECT_TRUE(std::regex_search(r.out, std::regex("方法：(HiGHS 精确求解|贪心加交换启发式)，已证明最优；HiGHS [0-9.]+ 秒（(最优|未运行)）")))
        << r.out;

    const auto written = coopmap::io::read_layer(coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
    ASSERT_TRUE(written) << written.error().text();
    const auto& l = written->layer;
    ASSERT_EQ(l.size(), 12u);
    const auto* name = l.column("名称");
    const auto* gain = l.column("新覆盖人口");
    ASSERT_TRUE(name && gain);

    // Every written site is one of the sample's villages (candidates: all villages), by name
    // and position.
    const auto& s = sample();
    std::vector<std::pair<double, double>> sites = existing_sites();
    const std::size_t existing = sites.size();
    double gain_sum = 0;
    for (std::size_t k = 0; k < l.size(); ++k) {
        bool found = false;
        for (std::size_t j = 0; j < s.villages->size() && !found; ++j)
            found = s.name->text(j) == name->text(k) && std::abs(s.villages->first_x(j) - l.first_x(k)) < 1e-7 &&
                    std::abs(s.villages->first_y(j) - l.first_y(k)) < 1e-7;
        EXPECT_TRUE(found) << name->text(k);
        sites.emplace_back(l.first_x(k), l.first_y(k));
        gain_sum += gain->number(k);
    }
    ASSERT_GT(existing, 0u);

    // "覆盖 A / B（p%），新增覆盖 N；…": A and N recomputed from the coordinates.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex("覆盖 ([0-9]+) / ([0-9]+)（[0-9.]+%），新增覆盖 ([0-9]+)"))) << r.out;
    const double printed_covered = std::stod(m[1]), printed_total = std::stod(m[2]), printed_new = std::stod(m[3]);
    const double before = covered_population(existing_sites(), 3000);
    const double after = covered_population(sites, 3000);
    EXPECT_NEAR(printed_covered, after, 0.5);
    EXPECT_NEAR(printed_new, after - before, 0.5);
    EXPECT_NEAR(gain_sum, after - before, 0.5);
    double total = 0;
    for (std::size_t j = 0; j < s.villages->size(); ++j) {
        const double p = s.population->number(j);
        total += std::isfinite(p) && p > 0 ? p : 0;
    }
    EXPECT_NEAR(printed_total, total, 0.5);
    EXPECT_GT(after, before);
}

TEST(PlanCli, ExcludedAreaFromAFileKeepsEverySiteOut)
{
    TempDir dir;
    // A rectangle over the city centre (襄城/樊城), where the best sites would otherwise be.
    const auto area = dir.file("禁建区.geojson");
    std::ofstream(area) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"城区"},)"
                           R"("geometry":{"type":"Polygon","coordinates":[[[111.9,31.8],[112.4,31.8],[112.4,32.2],[111.9,32.2],[111.9,31.8]]]}}]})";
    const auto out = dir.file("plan.gpkg");
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--new", "8", "--radius", "3km", "--exclude", area,
                                             "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex("排除区域内的候选点 ([0-9]+) 个"))) << r.out;
    std::size_t inside = 0;
    const auto& s = sample();
    for (std::size_t j = 0; j < s.villages->size(); ++j) {
        const double x = s.villages->first_x(j), y = s.villages->first_y(j);
        inside += x >= 111.9 && x <= 112.4 && y >= 31.8 && y <= 32.2;
    }
    EXPECT_EQ(std::stoul(m[1]), inside);
    EXPECT_GT(inside, 0u);
    const auto written = coopmap::io::read_layer(coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
    ASSERT_TRUE(written) << written.error().text();
    ASSERT_EQ(written->layer.size(), 8u);
    for (std::size_t k = 0; k < written->layer.size(); ++k) {
        const double x = written->layer.first_x(k), y = written->layer.first_y(k);
        EXPECT_FALSE(x >= 111.9 && x <= 112.4 && y >= 31.8 && y <= 32.2) << x << ", " << y;
    }
}

TEST(PlanCli, ByRoadTravelTime)
{
    TempDir dir;
    const auto out = dir.file("plan.gpkg");
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--new", "5", "--minutes", "5", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("选址：村级供销社，行车 5 分钟"), std::string::npos) << r.out;
    const auto written = coopmap::io::read_layer(coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
    ASSERT_TRUE(written) << written.error().text();
    EXPECT_EQ(written->layer.size(), 5u);
}

// p-median by travel time on a project the test writes: one straight road at 60 km/h with
// 21 villages on it 945 m apart (村0 … 村20, 100 people each). One site: the middle, 村10;
// Σ|k − 10| = 110 steps of 0.945 min × 100 people.
TEST(PlanCli, PMedianByTravelTimeOnAStraightRoad)
{
    TempDir dir;
    {
        std::ofstream roads(dir.file("roads.geojson"));
        roads << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed":60},)"
              << R"("geometry":{"type":"LineString","coordinates":[)";
        for (int k = 0; k <= 20; ++k) roads << (k ? "," : "") << "[" << 112.0 + 0.01 * k << ",32.0]";
        roads << "]}}]}";
        std::ofstream villages(dir.file("villages.geojson"));
        villages << R"({"type":"FeatureCollection","features":[)";
        for (int k = 0; k <= 20; ++k)
            villages << (k ? "," : "") << R"({"type":"Feature","properties":{"name":"村)" << k
                     << R"(","population":100},"geometry":{"type":"Point","coordinates":[)" << 112.0 + 0.01 * k
                     << ",32.0]}}";
        villages << "]}";
        std::ofstream project(dir.file("road.coopmap"));
        project << R"({"version":1,"name":"直路","layers":[)"
                << R"({"id":"roads","source":"roads.geojson","role":"road","fields":{"speed":"speed"}},)"
                << R"({"id":"villages","source":"villages.geojson","role":"village",)"
                << R"("fields":{"name":"name","population":"population"}}]})";
    }
    const auto out = dir.file("plan.gpkg");
    const auto r = run_process(COOPMAP_CLI, {"plan", dir.file("road.coopmap"), "--objective", "p-median", "--minutes",
                                             "30", "--new", "1", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    const double step_min = coopmap::analysis::geodesic_distance_m(112.0, 32.0, 112.01, 32.0) / 1000;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex("人口加权行车时间 ([0-9]+) 人·分钟"))) << r.out;
    EXPECT_NEAR(std::stod(m[1]), 110 * step_min * 100, 1.0) << r.out;
    EXPECT_NE(r.out.find("已证明最优"), std::string::npos) << r.out;
    const auto written = coopmap::io::read_layer(coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
    ASSERT_TRUE(written) << written.error().text();
    ASSERT_EQ(written->layer.size(), 1u);
    EXPECT_EQ(written->layer.column("名称")->text(0), "村10");
    EXPECT_NEAR(written->layer.first_x(0), 112.10, 1e-9);
}

TEST(PlanCli, BadArgumentsAreOneChineseLineAndExitOne)
{
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--radius", "三公里"}, "--radius 三公里 无法识别：请写成 3km 或 3000m"},
        {{"--objective", "best"}, "--objective best 无法识别：请用 max-coverage、set-cover 或 p-median"},
        {{"--new", "0"}, "--new 须至少为 1"},
        {{"--role", "shop"}, "--role shop 无法识别"},
        {{"--radius", "3km", "--minutes", "10"}, "--radius 与 --minutes 只能给一个"},
        {{"--candidates", "no_such_layer"}, "找不到候选点图层 no_such_layer"},
        {{"--exclude", "/nonexistent/禁建区.shp"}, "禁建区.shp"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"plan", kSample};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto r = run_process(COOPMAP_CLI, args);
        EXPECT_EQ(r.exit_code, 1) << c.message;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
        // One line, nothing on stdout.
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.out, "") << r.out;
    }
    const auto missing = run_process(COOPMAP_CLI, {"plan", "/nonexistent/项目.coopmap"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("/nonexistent/项目.coopmap"), std::string::npos) << missing.err;
}

}  // namespace
