// coopmap-cli plan end to end on the bundled sample, as a user runs it: the exit status, the
// written GeoPackage read back, the coverage it prints recomputed here from the written
// sites with PROJ's geodesic (not with the planner's matrix), and bad arguments; what already
// exists agreeing with `coverage` of the same roles, and the planning panel's controller
// giving the CLI's figures for the same scenario.
#include <gtest/gtest.h>

#include <QGuiApplication>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "analysis/coverage_run.h"
#include "analysis/geodesic.h"
#include "finishes.h"
#include "io/gdal_reader.h"
#include "io/project_layers.h"
#include "model/project.h"
#include "planning/planning_controller.h"
#include "project/project_controller.h"
#include "run_process.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using coopmap::test::run_process;
using coopmap::test::TempDir;

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";

struct Sample {
    coopmap::Project project;
    coopmap::io::ProjectLayers layers;
    const coopmap::Layer* villages = nullptr;
    std::vector<const coopmap::Layer*> existing;  // the village tier: village_cooperative, village_service_station
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
            if (cfg.id == "village_cooperative" || cfg.id == "village_service_station")
                out.existing.push_back(&out.layers.layers[i]);
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
    for (const auto* e : sample().existing)
        for (std::size_t k = 0; k < e->size(); ++k) out.emplace_back(e->first_x(k), e->first_y(k));
    return out;
}

// The sample's own data problem, which every command warns of once: village 2692's name holds
// a GBK user-defined character. What a test expects on stderr comes after that line.
const std::string kSampleNote =
    "注意：文件 " COOPMAP_SOURCE_DIR "/geodata/xiangyang.gpkg，图层 村（社区），位置 要素 2692：1 个名称含有自造字"
    "（Unicode 私用区，如“高\uE170村委会”），别的电脑上显示为方框：请在数据中改用标准汉字或拼音\n";

std::string after_sample_note(const std::string& err)
{
    return err.rfind(kSampleNote, 0) == 0 ? err.substr(kSampleNote.size()) : "<the sample's note is missing> " + err;
}

TEST(PlanCli, WritesTheSitesAndPrintsCoverageThatRecomputes)
{
    TempDir dir("coopmap_plan");
    const auto out = dir.file("plan.gpkg");
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--role", "village_cooperative", "--new", "12",
                                             "--radius", "3km", "--objective", "max-coverage", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, kSampleNote);
    EXPECT_NE(r.out.find("选址：村级供销社，半径 3000 米"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("已证明最优"), std::string::npos) << r.out;
    // How it was found, in Chinese: one of the two methods, HiGHS's status or 未运行.
    EXPECT_TRUE(std::regex_search(
        r.out, std::regex("方法：(HiGHS 精确求解|贪心加交换启发式)，已证明最优；HiGHS [0-9.]+ 秒（(最优|未运行)）")))
        << r.out;

    const auto written = coopmap::io::read_layer(
        coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
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
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex("覆盖 ([0-9]+) / ([0-9]+)（[0-9.]+%），新增覆盖 ([0-9]+)")))
        << r.out;
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
    TempDir dir("coopmap_plan");
    // A rectangle over the city centre (襄城/樊城), where the best sites would otherwise be.
    const auto area = dir.file("禁建区.geojson");
    std::ofstream(area)
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"城区"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[111.9,31.8],[112.4,31.8],[112.4,32.2],[111.9,32.2],[111.9,31.8]]]}}]})";
    const auto out = dir.file("plan.gpkg");
    const auto r =
        run_process(COOPMAP_CLI, {"plan", kSample, "--new", "8", "--radius", "3km", "--exclude", area, "--out", out});
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
    const auto written = coopmap::io::read_layer(
        coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
    ASSERT_TRUE(written) << written.error().text();
    ASSERT_EQ(written->layer.size(), 8u);
    for (std::size_t k = 0; k < written->layer.size(); ++k) {
        const double x = written->layer.first_x(k), y = written->layer.first_y(k);
        EXPECT_FALSE(x >= 111.9 && x <= 112.4 && y >= 31.8 && y <= 32.2) << x << ", " << y;
    }
}

TEST(PlanCli, ByRoadTravelTime)
{
    TempDir dir("coopmap_plan");
    const auto out = dir.file("plan.gpkg");
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--new", "5", "--minutes", "5", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("选址：村级供销社，行车 5 分钟"), std::string::npos) << r.out;
    const auto written = coopmap::io::read_layer(
        coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
    ASSERT_TRUE(written) << written.error().text();
    EXPECT_EQ(written->layer.size(), 5u);
}

// p-median by travel time on a project the test writes: one straight road at 60 km/h with
// 21 villages on it 945 m apart (村0 … 村20, 100 people each). One site: the middle, 村10;
// Σ|k − 10| = 110 steps of 0.945 min × 100 people.
TEST(PlanCli, PMedianByTravelTimeOnAStraightRoad)
{
    TempDir dir("coopmap_plan");
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
    const auto written = coopmap::io::read_layer(
        coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
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
        // One line after the sample's own note (or alone, when the command stops before loading), nothing on stdout.
        const auto own = r.err.rfind("注意：", 0) == 0 ? after_sample_note(r.err) : r.err;
        EXPECT_EQ(std::count(own.begin(), own.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.out, "") << r.out;
    }
    const auto missing = run_process(COOPMAP_CLI, {"plan", "/nonexistent/项目.coopmap"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("/nonexistent/项目.coopmap"), std::string::npos) << missing.err;
}

std::string read_text(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// "现有网点 N 个（…）" and "现有网点覆盖村 X / Y" as the plan prints them.
struct Existing {
    std::size_t sites = 0, covered = 0, villages = 0;
    std::string roles;
};
Existing printed_existing(const std::string& out)
{
    Existing e;
    std::smatch m;
    if (std::regex_search(out, m, std::regex("现有网点 ([0-9]+) 个（(.*?)），候选点"))) {
        e.sites = std::stoul(m[1]);
        e.roles = m[2];
    }
    if (std::regex_search(out, m, std::regex("现有网点覆盖村 ([0-9]+) / ([0-9]+)"))) {
        e.covered = std::stoul(m[1]);
        e.villages = std::stoul(m[2]);
    }
    return e;
}

// The villages (code + name) a `coverage --out x.csv` leaves uncovered.
std::set<std::string> uncovered(const std::string& role, const std::string& radius, const TempDir& dir)
{
    const auto csv = dir.file(role + ".csv");
    const auto r = run_process(COOPMAP_CLI, {"coverage", kSample, "--role", role, "--radius", radius, "--out", csv});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::string> out;
    const auto lines = coopmap::test::split(read_text(dir.file(role + "_未覆盖村.csv")), '\n');
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto cells = coopmap::test::split(lines[i], ',');
        if (cells.size() > 1) out.insert(cells[0] + "," + cells[1]);
    }
    return out;
}

// Planning 村级供销社 counts the village tier's sites as existing: the sample's 125 村级供销社 and
// 498 村级综合服务社 (sqlite3 geodata/xiangyang.gpkg: SELECT count(*) FROM …), and the villages
// they serve are those `coverage` finds for either role.
TEST(PlanCli, ExistingSitesAreTheTiersAndAgreeWithCoverage)
{
    TempDir dir("coopmap_plan");
    const auto both = run_process(COOPMAP_CLI, {"plan", kSample, "--role", "village_cooperative", "--new", "2",
                                                "--radius", "2.5km", "--heuristic"});
    ASSERT_EQ(both.exit_code, 0) << both.err;
    const auto e = printed_existing(both.out);
    EXPECT_EQ(e.sites, 125u + 498u) << both.out;
    EXPECT_EQ(e.roles, "村级供销社、村级综合服务社");
    EXPECT_EQ(e.villages, 2817u);
    const auto a = uncovered("village_cooperative", "2.5km", dir);
    const auto b = uncovered("village_service_station", "2.5km", dir);
    std::size_t neither = 0;
    for (const auto& v : a) neither += b.count(v);
    EXPECT_EQ(e.covered, 2817 - neither) << both.out;

    // One role given: its sites alone, the figures of `coverage --role` of it.
    const auto one =
        run_process(COOPMAP_CLI, {"plan", kSample, "--role", "village_cooperative", "--existing",
                                  "village_service_station", "--new", "2", "--radius", "2.5km", "--heuristic"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const auto f = printed_existing(one.out);
    EXPECT_EQ(f.sites, 498u);
    EXPECT_EQ(f.roles, "村级综合服务社");
    EXPECT_EQ(f.covered, 2817 - b.size()) << one.out;
    EXPECT_GT(e.covered, f.covered);

    const auto bad = run_process(COOPMAP_CLI, {"plan", kSample, "--existing", "village_cooperative,road"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("--existing 「road」不是网点类型"), std::string::npos) << bad.err;
}

// The default reach is the coverage run's: 县域集采集配中心 60 minutes by road (travel_minutes).
TEST(PlanCli, DefaultReachIsTheProjectsAsCoverageTakesIt)
{
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--role", "distribution_center", "--new", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("选址：县域集采集配中心，行车 60 分钟，现有网点 7 个（县域集采集配中心）"), std::string::npos)
        << r.out;
}

// The planning panel's controller on the sample, as coverage_gui.h does for the coverage panel.
class PlanningGui : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(coopmap::test::finishes_ok(project, &coopmap::app::ProjectController::finished,
                                               [&] { project.open(QString::fromStdString(kSample)); }));
        c.setProject(&project);
    }
    coopmap::app::ProjectController project;
    coopmap::app::PlanningController c;
};

// "覆盖 A / B（p%），新增覆盖 N" as the plan prints it.
struct Printed {
    double covered = 0, total = 0, added = 0;
};
Printed printed_cover(const std::string& out)
{
    Printed p;
    std::smatch m;
    if (std::regex_search(out, m, std::regex("覆盖 ([0-9]+) / ([0-9]+)（[0-9.]+%），新增覆盖 ([0-9]+)"))) {
        p.covered = std::stod(m[1]);
        p.total = std::stod(m[2]);
        p.added = std::stod(m[3]);
    }
    return p;
}

// The same scenario (the sites `plan --out` chose) in the panel: its 方案 figures are the CLI's,
// by radius (2.5 km: through the panel's old integer field it was 2 km) and by road.
TEST_F(PlanningGui, PanelFiguresOfThePlansSitesAreTheClis)
{
    struct Case {
        std::vector<std::string> args;
        double radius_km, minutes;
        std::string reach;
    };
    for (const auto& k : {Case{{"--radius", "2.5km"}, 2.5, 0, "半径 2.5 公里"},
                          Case{{"--minutes", "5"}, 0, 5, "行车 5 分钟"}, Case{{}, 0, 0, "半径 3 公里"}}) {
        SCOPED_TRACE(k.reach);
        TempDir dir("coopmap_plan");
        const auto out = dir.file("plan.gpkg");
        std::vector<std::string> args{"plan", kSample, "--role", "village_cooperative", "--new", "6", "--out", out};
        args.insert(args.end(), k.args.begin(), k.args.end());
        const auto r = run_process(COOPMAP_CLI, args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto cli = printed_cover(r.out);
        const auto existing = printed_existing(r.out);
        ASSERT_GT(cli.total, 0) << r.out;
        const auto written = coopmap::io::read_layer(
            coopmap::io::SourceSpec{out, "plan_sites", {}, {}, coopmap::Role::village_cooperative, {}});
        ASSERT_TRUE(written) << written.error().text();
        const auto& l = written->layer;
        ASSERT_EQ(l.size(), 6u);

        c.clearSites();
        c.setRoleKey(QStringLiteral("village_cooperative"));
        c.setRadiusKm(k.radius_km);
        c.setMinutes(k.minutes);
        EXPECT_EQ(c.request().radius_m, 1000 * k.radius_km);
        for (std::size_t s = 0; s < l.size(); ++s)
            ASSERT_EQ(c.dropSite(QGeoCoordinate(l.first_y(s), l.first_x(s))), int(s)) << c.errorText().toStdString();
        EXPECT_EQ(c.reachText().toStdString(), k.reach);
        EXPECT_EQ(c.existingRoles(), (QStringList{"village_cooperative", "village_service_station"}));
        const auto f = c.planFigures();
        EXPECT_EQ(f.value("sites").toInt(), 6);
        EXPECT_EQ(std::size_t(f.value("existingSites").toInt()), existing.sites);
        EXPECT_EQ(std::size_t(f.value("villages").toInt()), existing.villages);
        EXPECT_NEAR(f.value("population").toDouble(), cli.covered, 0.5) << r.out;
        // The what-if's running totals and the plan's coverage recomputed from scratch agree.
        const auto again = c.recount(QGeoCoordinate(l.first_y(0), l.first_x(0)));
        EXPECT_EQ(again.value("newlyCovered").toInt(), 0);
        // What each site adds (新覆盖人口) sums to what the plan adds.
        double gain = 0;
        for (std::size_t s = 0; s < l.size(); ++s) gain += l.column("新覆盖人口")->number(s);
        EXPECT_NEAR(gain, cli.added, 0.5);
        c.clearSites();
        ASSERT_TRUE(c.evaluate(QGeoCoordinate(l.first_y(0), l.first_x(0))));
        const auto before = c.planFigures();
        EXPECT_EQ(std::size_t(before.value("covered").toInt()), existing.covered);
        EXPECT_NEAR(f.value("population").toDouble() - before.value("population").toDouble(), cli.added, 0.5);
    }
}

// Suggested in the panel with the CLI's parameters: the same optimum (both proven optimal).
TEST_F(PlanningGui, SuggestedSitesCoverWhatTheCliCovers)
{
    const auto r = run_process(COOPMAP_CLI, {"plan", kSample, "--role", "village_cooperative", "--new", "5", "--radius",
                                             "2.5km", "--existing", "village_cooperative"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_NE(r.out.find("已证明最优"), std::string::npos) << r.out;
    const auto cli = printed_cover(r.out);
    c.setRoleKey(QStringLiteral("village_cooperative"));
    c.setExistingRoles({QStringLiteral("village_cooperative")});
    c.setRadiusKm(2.5);
    c.setProperty("newSites", 5);
    ASSERT_TRUE(coopmap::test::finishes_ok(c, &coopmap::app::PlanningController::finished, [&] { c.suggest(); }));
    EXPECT_NE(c.suggestionText().toStdString().find("已证明最优"), std::string::npos)
        << c.suggestionText().toStdString();
    const auto f = c.planFigures();
    EXPECT_EQ(f.value("sites").toInt(), 5);
    EXPECT_EQ(f.value("existingSites").toInt(), 125);
    EXPECT_NEAR(f.value("population").toDouble(), cli.covered, 0.5) << r.out;
}

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
