// coopmap-cli new on the files a county office hands over (tests/support/office_fixtures.h):
// the project it writes lists every layer with its role and count, a wrong option is one
// Chinese line, and — the point of it all — coverage, network and trusteeship tables equal the
// sample's own, number for number. Also `convert --to-crs GCJ02` and back, and `info` on tables.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/geodesic.h"
#include "io/gdal_reader.h"
#include "model/project.h"
#include "office_fixtures.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

std::string slurp(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The office's files once per test program, and a project made from them with `new`.
class NewCli : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        root_ = new fs::path(fs::temp_directory_path() / ("coopmap-new-" + std::to_string(::getpid())));
        fs::remove_all(*root_);
        const Status made = testing::make_office_fixtures(office());
        ASSERT_TRUE(made.ok()) << made.error().text();
        made_ = new ProcessResult(run_process(kCli, {"new", office(), "--out", project(), "--crs", "村庄.xlsx=GCJ02",
                                                     "--crs", "村级综合服务社.csv=BD09"}));
    }
    static void TearDownTestSuite()
    {
        fs::remove_all(*root_);
        delete root_;
        delete made_;
    }
    static std::string office() { return (*root_ / "县里送来的数据").string(); }
    static std::string project() { return (*root_ / "县里送来的数据" / "谷城县.coopmap").string(); }
    static std::string at(const std::string& f)
    {
        fs::create_directories(*root_ / "out");
        return (*root_ / "out" / f).string();
    }

    static fs::path* root_;
    static ProcessResult* made_;
};
fs::path* NewCli::root_ = nullptr;
ProcessResult* NewCli::made_ = nullptr;

TEST_F(NewCli, ReportsEveryGuessAndWritesAProjectThatInfoListsWithRolesAndCounts)
{
    ASSERT_EQ(made_->exit_code, 0) << made_->err << made_->out;
    const std::string& out = made_->out;
    EXPECT_NE(out.find("找到 11 个图层："), std::string::npos) << out;
    EXPECT_NE(out.find("  乡镇界.zip/乡镇界.shp → 乡镇界（admin_boundary:township），130 个要素，图层 id townships"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("  村庄.xlsx → 行政村（village），2817 个要素，图层 id villages"), std::string::npos) << out;
    EXPECT_NE(out.find("  土地托管.gpkg（图层 土地托管） → 土地托管地块（land_trusteeship），412 个要素"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("坐标系：按指定的 GCJ-02"), std::string::npos) << out;
    EXPECT_NE(out.find("请确认：坐标若取自高德/腾讯地图，加 --crs 乡镇综合超市.xlsx=GCJ02；取自百度地图，加 --crs "
                       "乡镇综合超市.xlsx=BD09"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("请确认：坐标若取自高德/腾讯地图，加 --crs 村庄.xlsx"), std::string::npos) << out;
    EXPECT_NE(out.find("字段：code=乡镇代码，name=乡镇名称"), std::string::npos) << out;
    EXPECT_NE(out.find("列“乡镇”是名称而非代码"), std::string::npos) << out;
    EXPECT_NE(out.find("已写出项目 " + project() + "：11 个图层"), std::string::npos) << out;

    // Reads back as written: the file is the canonical JSON of what it reads as.
    const auto p = read_project(project());
    ASSERT_TRUE(p.ok()) << p.error().text();
    EXPECT_EQ(slurp(project()), project_json(*p));

    const auto info = run_process(kCli, {"info", project()});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    std::map<std::string, std::pair<std::string, std::string>> listed;  // id -> role, count
    for (const auto& line : split(info.out, '\n')) {
        const auto w = words(line);
        // Layer headlines: id, role key, geometry, count (other indented lines say other things).
        if (line.rfind("  ", 0) == 0 && line.rfind("    ", 0) != 0 && w.size() >= 4 && role_from_key(w[1]))
            listed[w[0]] = {w[1], w[3]};
    }
    const std::map<std::string, std::pair<std::string, std::string>> want{
        {"counties", {"admin_boundary", "9"}},
        {"townships", {"admin_boundary", "130"}},
        {"roads", {"road", "3829"}},
        {"villages", {"village", "2817"}},
        {"village_cooperative", {"village_cooperative", "125"}},
        {"village_service_station", {"village_service_station", "498"}},
        {"grassroots_cooperative", {"grassroots_cooperative", "86"}},
        {"township_supermarket", {"township_supermarket", "87"}},
        {"distribution_center", {"distribution_center", "7"}},
        {"agri_service_center", {"agri_service_center", "37"}},
        {"land_trusteeship", {"land_trusteeship", "412"}},
    };
    EXPECT_EQ(listed, want) << info.out;
    // No code columns anywhere: every village found its township by location.
    EXPECT_NE(info.out.find("村庄所属乡镇：按位置确定 2817 个，界外 0 个"), std::string::npos) << info.out;
}

TEST_F(NewCli, AWrongOptionOrAnUnguessableLayerIsOneChineseLineAndNoProject)
{
    const std::string out = at("x.coopmap");
    const auto role = run_process(kCli, {"new", office(), "--out", out, "--role", "村庄.xlsx=shop"});
    EXPECT_EQ(role.exit_code, 1);
    EXPECT_EQ(lines(role.err), 1) << role.err;
    EXPECT_NE(role.err.find("--role 村庄.xlsx=shop：未知的角色“shop”，可用：village、"), std::string::npos) << role.err;

    const auto file = run_process(kCli, {"new", office(), "--out", out, "--crs", "村.xlsx=GCJ02"});
    EXPECT_EQ(file.exit_code, 1);
    EXPECT_EQ(lines(file.err), 1) << file.err;
    EXPECT_NE(file.err.find("--crs 村.xlsx=GCJ02：给出的数据中没有“村.xlsx”；找到的文件有：乡镇界.zip、"),
              std::string::npos)
        << file.err;

    const auto form = run_process(kCli, {"new", office(), "--out", out, "--crs", "GCJ02"});
    EXPECT_EQ(form.exit_code, 1);
    EXPECT_NE(form.err.find("--crs GCJ02：应写成 --crs 文件=值"), std::string::npos) << form.err;

    const std::string odd = at("odd");
    fs::create_directories(odd);
    std::ofstream(odd + "/新建图层.csv") << "名称,经度,纬度\n甲,112.1,32.0\n";
    const auto unknown = run_process(kCli, {"new", odd, "--out", out});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_EQ(lines(unknown.err), 1) << unknown.err;
    EXPECT_NE(unknown.err.find("无法判断“新建图层.csv”是哪类数据：请指定角色（命令行 --role 新建图层.csv=ROLE）"),
              std::string::npos)
        << unknown.err;
    EXPECT_NE(unknown.out.find("请指定：--role 新建图层.csv=ROLE"), std::string::npos) << unknown.out;
    EXPECT_FALSE(fs::exists(out));

    const auto again = run_process(kCli, {"new", office(), "--out", project()});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("项目文件已存在：换一个 --out，或加 --force 覆盖"), std::string::npos) << again.err;
}

// Positions to Amap and back with the engine's own formulas: within half a metre everywhere.
TEST_F(NewCli, ConvertToGcj02AndBackIsWithinHalfAMetre)
{
    const std::string amap = at("amap.csv"), back = at("back.geojson");
    const auto to =
        run_process(kCli, {"convert", testing::sample_gpkg(), amap, "--layer", "villages", "--to-crs", "GCJ02"});
    ASSERT_EQ(to.exit_code, 0) << to.err;
    EXPECT_NE(to.out.find("2817 个要素，坐标系 GCJ-02（高德/腾讯坐标）"), std::string::npos) << to.out;
    const auto from = run_process(kCli, {"convert", amap, back, "--from-gcj02"});
    ASSERT_EQ(from.exit_code, 0) << from.err;
    const auto truth = io::read_layer(io::SourceSpec{testing::sample_gpkg(), "villages", {}, {}, Role::village, {}});
    const auto shifted = io::read_layer(io::SourceSpec{amap, {}, {}, {}, Role::village, {}});
    const auto round = io::read_layer(io::SourceSpec{back, {}, {}, {}, Role::village, {}});
    ASSERT_TRUE(truth.ok() && shifted.ok() && round.ok());
    ASSERT_EQ(round->layer.size(), 2817u);
    double worst = 0, least_offset = 1e9;
    for (std::size_t i = 0; i < truth->layer.size(); ++i) {
        const double lon = truth->layer.first_x(i), lat = truth->layer.first_y(i);
        worst =
            std::max(worst, analysis::geodesic_distance_m(lon, lat, round->layer.first_x(i), round->layer.first_y(i)));
        least_offset = std::min(least_offset, analysis::geodesic_distance_m(lon, lat, shifted->layer.first_x(i),
                                                                            shifted->layer.first_y(i)));
    }
    EXPECT_LT(worst, 0.5);
    EXPECT_GT(least_offset, 100.0);  // every point really moved to Amap's grid
}

TEST_F(NewCli, InfoListsTheTablesOfCoopMapsOwnOutputsAndLayersWithoutCrs)
{
    // The summary table is "coverage_table" in a GeoPackage, the sheet "覆盖统计" in a workbook.
    for (const auto& [ext, table] : {std::pair{".gpkg", "coverage_table"}, {".xlsx", "覆盖统计"}}) {
        const std::string out = at(std::string("gaps") + ext);
        const auto cov = run_process(kCli, {"coverage", kSample, "--out", out});
        ASSERT_EQ(cov.exit_code, 0) << cov.err;
        const auto info = run_process(kCli, {"info", out});
        ASSERT_EQ(info.exit_code, 0) << info.err;
        EXPECT_NE(info.out.find("个表格"), std::string::npos) << info.out;
        bool table_listed = false;
        for (const auto& line : split(info.out, '\n'))
            table_listed = table_listed || (line.find(table) != std::string::npos &&
                                            line.find("（表格，无几何）") != std::string::npos);
        EXPECT_TRUE(table_listed) << info.out;
        EXPECT_NE(info.out.find("代码（文本）"), std::string::npos) << info.out;
    }
    const std::string gk = at("gk.csv");
    std::ofstream(gk) << "名称,x,y\n甲,37500000,3540000\n";
    const auto info = run_process(kCli, {"info", gk});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("EPSG:4525"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("数据未声明坐标系，按坐标推断：东坐标为 8 位，带号 37"), std::string::npos) << info.out;
}

// The same data as the sample, handed over as an office does, must give the sample's tables
// cell for cell. The target is policy, not data: the sample's is copied into the new project.
TEST_F(NewCli, TablesEqualTheSamplesNumberForNumber)
{
    ASSERT_EQ(made_->exit_code, 0) << made_->err;
    auto p = read_project(project());
    const auto sample = read_project(kSample);
    ASSERT_TRUE(p.ok() && sample.ok());
    p->targets = sample->targets;
    EXPECT_EQ(p->service_radii_m, sample->service_radii_m);
    EXPECT_EQ(p->travel_minutes, sample->travel_minutes);
    ASSERT_TRUE(save_project(*p, project()).ok());

    const auto table = [&](const std::string& project_file, std::vector<std::string> args, const std::string& name) {
        const std::string csv = at(name);
        args.insert(args.begin() + 1, project_file);
        args.push_back("--table");
        args.push_back(csv);
        const auto r = run_process(kCli, args);
        EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
        return slurp(csv);
    };
    std::vector<std::pair<std::string, std::vector<std::string>>> runs;
    for (const char* role : {"village_service_station", "village_cooperative", "grassroots_cooperative",
                             "township_supermarket", "distribution_center", "agri_service_center"})
        for (const char* by : {"county", "township"})
            runs.push_back({std::string("coverage-") + role + "-" + by, {"coverage", "--role", role, "--by", by}});
    runs.push_back({"network", {"network"}});
    for (const char* by : {"township", "county", "provider", "crop", "year"})
        runs.push_back({std::string("trusteeship-") + by, {"trusteeship", "--by", by}});
    for (const auto& [name, args] : runs) {
        const std::string want = table(kSample, args, "sample-" + name + ".csv");
        const std::string got = table(project(), args, "office-" + name + ".csv");
        ASSERT_FALSE(want.empty()) << name;
        if (got == want) continue;
        // The first row that differs, for the report.
        const auto a = split(want, '\n'), b = split(got, '\n');
        std::size_t i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
        ADD_FAILURE() << name << ": row " << i << "\n  sample: " << (i < a.size() ? a[i] : "(none)")
                      << "\n  office: " << (i < b.size() ? b[i] : "(none)");
    }
}

}  // namespace
}  // namespace coopmap::test
