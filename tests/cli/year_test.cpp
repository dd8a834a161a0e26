// coopmap-cli progress, services and --year end to end, on the hand-made history of
// tests/layers/analysis/year_fixture.h written out as a GeoPackage, a CSV of service records and
// a project file: the numbers are the ones added up by hand in that header.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "../layers/analysis/year_fixture.h"
#include "run_process.h"

namespace {

namespace fs = std::filesystem;
using coopmap::test::run_process;

class YearCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() / ("coopmap-year-cli-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        project_ = coopmap::test::write_year_fixture(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    static std::string read(const fs::path& p)
    {
        std::ifstream f(p, std::ios::binary);
        std::stringstream s;
        s << f.rdbuf();
        return s.str();
    }
    fs::path dir_;
    std::string project_;
};

TEST_F(YearCli, ProgressWritesTargetDoneAndRatePerCountyAndTheCity)
{
    const std::string csv = (dir_ / "t.csv").string();
    const auto r = run_process(COOPMAP_CLI, {"progress", project_, "--year", "2023", "--table", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2023 年目标完成情况（覆盖率：村级综合服务社，半径 3000 米）"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("420602\t襄城区\t新建村级综合服务社（个）\t2\t1\t50.0%\t未完成\n"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("未完成的目标：4 项"), std::string::npos) << r.out;
    const std::string t = read(csv);
    EXPECT_EQ(t, "\xEF\xBB\xBF县代码,县（市、区）,指标,单位,目标,完成,完成率,是否完成\n"
                 "420602,襄城区,新建村级综合服务社,个,2,1,50.0%,未完成\n"
                 "420602,襄城区,改造升级村级综合服务社,个,1,1,100.0%,完成\n"
                 "420602,襄城区,村级网点覆盖率,%,90.0%,100.0%,111.1%,完成\n"
                 "420602,襄城区,土地托管/流转,万亩,0.30,0.35,116.7%,完成\n"
                 "420602,襄城区,农业社会化服务,万亩次,0.60,0.50,83.3%,未完成\n"
                 "420606,樊城区,新建村级综合服务社,个,2,1,50.0%,未完成\n"
                 "420606,樊城区,村级网点覆盖率,%,50.0%,50.0%,100.0%,完成\n"
                 "420606,樊城区,土地托管/流转,万亩,0.40,0.50,125.0%,完成\n"
                 "420606,樊城区,农业社会化服务,万亩次,0.40,0.50,125.0%,完成\n"
                 ",全市,新建村级综合服务社,个,4,2,50.0%,未完成\n"
                 ",全市,改造升级村级综合服务社,个,1,1,100.0%,完成\n"
                 ",全市,村级网点覆盖率,%,70.0%,71.4%,102.0%,完成\n"
                 ",全市,土地托管/流转,万亩,0.70,0.85,121.4%,完成\n"
                 ",全市,农业社会化服务,万亩次,1.00,1.01,101.0%,完成\n");
    // The unplaced service record is said on stderr.
    EXPECT_NE(r.err.find("村代码“999999999999”在村图层中没有"), std::string::npos) << r.err;

    const auto none = run_process(COOPMAP_CLI, {"progress", project_, "--year", "2020"});
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_NE(none.err.find("项目中没有 2020 年的目标（annual_targets）"), std::string::npos) << none.err;
    const auto no_year = run_process(COOPMAP_CLI, {"progress", project_});
    EXPECT_EQ(no_year.exit_code, 1);
}

TEST_F(YearCli, ServicesByTownshipKindAndYear)
{
    const auto r = run_process(COOPMAP_CLI, {"services", project_, "--by", "township", "--year", "2023"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2023 年农业社会化服务\n乡镇代码\t乡镇\t记录数\t亩次\t万亩次\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("420602001\t东津镇\t2\t2000.5\t"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("420606001\t牛首镇\t1\t5000.0\t0.5000\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\t（未能归属）\t1\t100.0\t0.0100\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\t合计\t5\t10100.5\t"), std::string::npos) << r.out;
    const auto kind = run_process(COOPMAP_CLI, {"services", project_, "--by", "kind"});
    ASSERT_EQ(kind.exit_code, 0) << kind.err;
    EXPECT_NE(kind.out.find("统防统治\t统防统治\t2\t8000.0\t0.8000\n"), std::string::npos) << kind.out;
    EXPECT_NE(kind.out.find("烘干\t烘干\t1\t2000.0\t0.2000\n"), std::string::npos) << kind.out;
    EXPECT_NE(kind.out.find("\t合计\t6\t12100.5\t"), std::string::npos) << kind.out;
    const auto bad = run_process(COOPMAP_CLI, {"services", project_, "--by", "village"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("--by village 无法识别"), std::string::npos) << bad.err;
}

TEST_F(YearCli, CoverageTrusteeshipAndNetworkOfAYear)
{
    const auto c = run_process(COOPMAP_CLI, {"coverage", project_, "--year", "2022"});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_EQ(c.out.rfind("2022 年末村级综合服务社覆盖（半径 3000 米）", 0), 0u) << c.out;
    EXPECT_NE(c.out.find("420602\t襄城区\t3\t2\t66.7%"), std::string::npos) << c.out;
    EXPECT_NE(c.out.find("420606\t樊城区\t4\t1\t25.0%"), std::string::npos) << c.out;
    const auto t = run_process(COOPMAP_CLI, {"trusteeship", project_, "--by", "county", "--year", "2023"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NE(t.out.find("420602\t襄城区\t2\t3500.0\t0.0\t0.3500\n"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("420606\t樊城区\t1\t0.0\t5000.0\t0.5000\n"), std::string::npos) << t.out;
    const auto n = run_process(COOPMAP_CLI, {"network", project_, "--year", "2023"});
    ASSERT_EQ(n.exit_code, 0) << n.err;
    EXPECT_NE(n.out.find("7 个村中 2 个无服务社"), std::string::npos) << n.out;
    const auto old = run_process(COOPMAP_CLI, {"coverage", project_, "--year", "1900"});
    EXPECT_EQ(old.exit_code, 1);
}

}  // namespace
