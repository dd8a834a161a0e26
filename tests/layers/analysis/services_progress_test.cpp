// Service records in 亩次 and 万亩次, and the year's targets with 完成率, on year_fixture.h:
// every figure below is added up by hand from the table in that header.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "analysis/services.h"
#include "analysis/target_progress.h"
#include "year_fixture.h"

namespace coopmap::analysis {
namespace {

const std::filesystem::path kDir =
    std::filesystem::temp_directory_path() / ("coopmap-services-" + std::to_string(::getpid()));

TEST(Services, TotalsPerTownshipOfAYearInMuTimesAndWanMuTimes)
{
    const auto fx = test::year_fixture(kDir);
    const auto t = run_services(fx.project, fx.layers, ServicesRequest{ServicesBy::township, 2023});
    ASSERT_TRUE(t) << t.error().text();
    ASSERT_EQ(t->rows.size(), 4u);
    EXPECT_EQ(t->rows[0].key, "420602001");
    EXPECT_EQ(t->rows[0].name, "东津镇");
    EXPECT_EQ(t->rows[0].records, 2u);
    EXPECT_DOUBLE_EQ(t->rows[0].mu_times, 2000.5);  // 配方施肥 1200 + 农机作业 800.5
    EXPECT_DOUBLE_EQ(t->rows[0].wan_mu_times(), 0.20005);
    EXPECT_EQ(t->rows[1].name, "卧龙镇");
    EXPECT_DOUBLE_EQ(t->rows[1].mu_times, 3000);
    EXPECT_EQ(t->rows[2].name, "牛首镇");
    EXPECT_DOUBLE_EQ(t->rows[2].mu_times, 5000);  // 烘干 2000 was in 2022
    EXPECT_EQ(t->rows[3].key, "");
    EXPECT_EQ(t->rows[3].name, "（未能归属）");
    EXPECT_DOUBLE_EQ(t->rows[3].mu_times, 100);
    EXPECT_EQ(t->unplaced, 1u);
    EXPECT_EQ(t->total.records, 5u);
    EXPECT_DOUBLE_EQ(t->total.mu_times, 10100.5);
    ASSERT_EQ(t->problems.size(), 2u);
    EXPECT_EQ(
        t->problems[0].text(),
        "文件 服务记录.csv，图层 服务记录，位置 第 7 行：村代码“999999999999”在村图层中没有：该记录计入“未能归属”");
    const std::string csv = services_csv(*t);
    EXPECT_NE(csv.find("420602002,卧龙镇,1,3000.0,0.3000\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",（未能归属）,1,100.0,0.0100\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",合计,5,10100.5,"), std::string::npos) << csv;
}

TEST(Services, ByKindCountyProviderAndYear)
{
    const auto fx = test::year_fixture(kDir);
    const auto kind = run_services(fx.project, fx.layers, ServicesRequest{ServicesBy::kind, 2023});
    ASSERT_TRUE(kind) << kind.error().text();
    std::map<std::string, double> mu;
    for (const auto& r : kind->rows) mu[r.key] = r.mu_times;
    EXPECT_EQ(mu, (std::map<std::string, double>{
                      {"代耕代种", 100}, {"农机作业", 800.5}, {"统防统治", 8000}, {"配方施肥", 1200}}));
    const auto county = run_services(fx.project, fx.layers, ServicesRequest{ServicesBy::county, 2023});
    ASSERT_TRUE(county) << county.error().text();
    ASSERT_EQ(county->rows.size(), 3u);
    EXPECT_EQ(county->rows[0].name, "襄城区");
    EXPECT_DOUBLE_EQ(county->rows[0].mu_times, 5000.5);
    EXPECT_EQ(county->rows[1].name, "樊城区");
    EXPECT_DOUBLE_EQ(county->rows[1].wan_mu_times(), 0.5);
    const auto provider = run_services(fx.project, fx.layers, ServicesRequest{ServicesBy::provider, 0});
    ASSERT_TRUE(provider) << provider.error().text();
    mu.clear();
    for (const auto& r : provider->rows) mu[r.key] = r.mu_times;
    EXPECT_DOUBLE_EQ(mu.at("牛首农机合作社"), 7000);  // both years
    EXPECT_DOUBLE_EQ(mu.at("东津镇供销社"), 2000.5);
    const auto years = run_services(fx.project, fx.layers, ServicesRequest{ServicesBy::year, 0});
    ASSERT_TRUE(years) << years.error().text();
    ASSERT_EQ(years->rows.size(), 2u);
    EXPECT_EQ(years->rows[0].key, "2022");
    EXPECT_DOUBLE_EQ(years->rows[0].mu_times, 2000);
    EXPECT_DOUBLE_EQ(years->rows[1].mu_times, 10100.5);
}

TEST(Services, ABadRowOrAMissingColumnIsNamed)
{
    auto fx = test::year_fixture(kDir);
    {
        std::ofstream csv(kDir / "服务记录.csv", std::ios::binary | std::ios::app);
        csv << "420602001001,配方施肥,一千,2023/04/11,东津镇供销社\n";
    }
    const auto bad = run_services(fx.project, fx.layers, ServicesRequest{ServicesBy::township, 2023});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().text(), "文件 服务记录.csv，图层 服务记录，位置 第 8 行：亩次“一千”不是非负数字：请改正该行");
    fx = test::year_fixture(kDir);
    fx.project.services[0].fields["mu_times"] = "服务面积";
    const auto missing = run_services(fx.project, fx.layers, ServicesRequest{});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().text(), "文件 服务记录.csv，图层 服务记录：字段映射 mu_times → 服务面积 "
                                      "在表中不存在（表中的列：村代码、服务类型、亩次、"
                                      "服务日期、服务主体）：请在项目文件的 services 中改正列名");
    fx.project.services.clear();
    EXPECT_FALSE(run_services(fx.project, fx.layers, ServicesRequest{}));
}

TEST(TargetProgress, DoneAndRatePerCountyAndForTheCity)
{
    const auto fx = test::year_fixture(kDir);
    const auto p = run_target_progress(fx.project, fx.layers, ProgressRequest{2023});
    ASSERT_TRUE(p) << p.error().text();
    ASSERT_EQ(p->counties.size(), 2u);
    const auto& xc = p->counties[0];
    EXPECT_EQ(xc.name, "襄城区");
    ASSERT_EQ(xc.figures.size(), 5u);
    EXPECT_EQ(xc.figures[0].key, "build:village_service_station");
    EXPECT_EQ(xc.figures[0].label, "新建村级综合服务社");
    EXPECT_DOUBLE_EQ(xc.figures[0].done, 1);  // B
    EXPECT_DOUBLE_EQ(xc.figures[0].rate(), 0.5);
    EXPECT_FALSE(xc.figures[0].met());
    EXPECT_EQ(xc.figures[1].key, "upgrade:village_service_station");
    EXPECT_DOUBLE_EQ(xc.figures[1].done, 1);  // C
    EXPECT_TRUE(xc.figures[1].met());
    EXPECT_EQ(xc.figures[2].key, "village_coverage");
    EXPECT_DOUBLE_EQ(xc.figures[2].done, 1.0);  // vA, vB, vC
    EXPECT_EQ(rate_text(xc.figures[2]), "111.1%");
    EXPECT_DOUBLE_EQ(xc.figures[3].done, 0.35);  // 1000 + 2500 亩
    EXPECT_EQ(rate_text(xc.figures[3]), "116.7%");
    EXPECT_DOUBLE_EQ(xc.figures[4].done, 0.50005);  // 1200 + 3000 + 800.5 亩次
    EXPECT_EQ(rate_text(xc.figures[4]), "83.3%");
    EXPECT_FALSE(xc.figures[4].met());
    EXPECT_EQ(xc.unmet(), 2u);

    const auto& fc = p->counties[1];
    EXPECT_EQ(fc.name, "樊城区");
    ASSERT_EQ(fc.figures.size(), 4u);  // no upgrade target
    EXPECT_DOUBLE_EQ(fc.figures[0].done, 1);  // D
    EXPECT_DOUBLE_EQ(fc.figures[1].done, 0.5);  // vD, vF of 4
    EXPECT_TRUE(fc.figures[1].met());
    EXPECT_EQ(rate_text(fc.figures[1]), "100.0%");
    EXPECT_DOUBLE_EQ(fc.figures[2].done, 0.5);
    EXPECT_DOUBLE_EQ(fc.figures[3].done, 0.5);
    EXPECT_EQ(fc.unmet(), 1u);

    // The city: its own coverage target, the counties' sums for the rest.
    const auto& city = p->city;
    EXPECT_EQ(city.name, "全市");
    ASSERT_EQ(city.figures.size(), 5u);
    EXPECT_DOUBLE_EQ(city.figures[0].target, 4);
    EXPECT_DOUBLE_EQ(city.figures[0].done, 2);
    EXPECT_DOUBLE_EQ(city.figures[1].target, 1);
    EXPECT_DOUBLE_EQ(city.figures[2].target, 0.7);
    EXPECT_DOUBLE_EQ(city.figures[2].done, 5.0 / 7.0);
    EXPECT_EQ(rate_text(city.figures[2]), "102.0%");
    EXPECT_DOUBLE_EQ(city.figures[3].target, 0.7);
    EXPECT_DOUBLE_EQ(city.figures[3].done, 0.85);
    EXPECT_DOUBLE_EQ(city.figures[4].target, 1.0);
    EXPECT_DOUBLE_EQ(city.figures[4].done, 1.01005);  // the record placed nowhere counts for the city
    EXPECT_EQ(city.unmet(), 1u);

    const std::string csv = target_progress_csv(*p);
    EXPECT_NE(csv.find("420602,襄城区,新建村级综合服务社,个,2,1,50.0%,未完成\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("420606,樊城区,村级网点覆盖率,%,50.0%,50.0%,100.0%,完成\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",全市,农业社会化服务,万亩次,1.00,1.01,101.0%,完成\n"), std::string::npos) << csv;
    EXPECT_NE(target_progress_text(*p).find("未完成的目标：4 项"), std::string::npos);
}

TEST(TargetProgress, AYearWithoutTargetsIsSaid)
{
    const auto fx = test::year_fixture(kDir);
    const auto p = run_target_progress(fx.project, fx.layers, ProgressRequest{2019});
    ASSERT_FALSE(p);
    EXPECT_NE(p.error().message.find("没有 2019 年的目标"), std::string::npos) << p.error().text();
}

}  // namespace
}  // namespace coopmap::analysis
