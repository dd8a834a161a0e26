// The network in a year on year_fixture.h's hand-made history: which stations stand at the end
// of 2022, 2023 and 2024, which are new, the growth per county and the year's coverage,
// trusteeship and three-tier check.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "analysis/coverage_run.h"
#include "analysis/network_check.h"
#include "analysis/network_year.h"
#include "analysis/trusteeship.h"
#include "analysis/year_span.h"
#include "year_fixture.h"

namespace coopmap::analysis {
namespace {

const std::filesystem::path kDir =
    std::filesystem::temp_directory_path() / ("coopmap-year-" + std::to_string(::getpid()));

std::vector<std::string> names_of(const Layer& l)
{
    std::vector<std::string> out;
    const Column* c = l.column("名称");
    for (std::size_t f = 0; f < l.size(); ++f) out.push_back(c->text(f));
    return out;
}

TEST(YearIn, FourDigitYearsInTheWaysOfficesWriteThem)
{
    EXPECT_EQ(year_in("2021"), 2021);
    EXPECT_EQ(year_in(" 2021年 "), 2021);
    EXPECT_EQ(year_in("2021-06-01"), 2021);
    EXPECT_EQ(year_in("2021/6/1"), 2021);
    EXPECT_EQ(year_in("2023年省级示范社"), 2023);
    EXPECT_EQ(year_in(""), 0);
    EXPECT_EQ(year_in("0"), 0);
    EXPECT_EQ(year_in("去年"), std::nullopt);
    EXPECT_EQ(year_in("21"), std::nullopt);
    EXPECT_EQ(year_in("120210"), std::nullopt);  // six digits are no year
    EXPECT_EQ(year_in("1800"), std::nullopt);
}

TEST(NetworkAsOf, StationsStandingAtTheEndOfEachYearAndTheNewOnes)
{
    const auto fx = test::year_fixture(kDir);
    const auto y2022 = network_as_of(fx.project, fx.layers, 2022);
    ASSERT_TRUE(y2022) << y2022.error().text();
    // A (2021), C (no year: stood before the records), F (2022年); B and D come in 2023.
    EXPECT_EQ(names_of(y2022->layers[3]), (std::vector<std::string>{"A", "C", "F"}));
    EXPECT_EQ(y2022->source_feature[3], (std::vector<std::uint32_t>{0, 2, 5}));
    EXPECT_EQ(y2022->new_in_year[3], (std::vector<std::uint8_t>{0, 0, 1}));
    // Parcels of 2021 only; villages and boundaries as they are.
    EXPECT_EQ(y2022->layers[4].size(), 1u);
    EXPECT_EQ(y2022->layers[2].size(), 7u);
    EXPECT_EQ(y2022->layers[0].size(), 2u);

    const auto y2023 = network_as_of(fx.project, fx.layers, 2023);
    ASSERT_TRUE(y2023) << y2023.error().text();
    // D is still being built (在建) and counts from its year; E is only planned (规划).
    EXPECT_EQ(names_of(y2023->layers[3]), (std::vector<std::string>{"A", "B", "C", "D", "F"}));
    EXPECT_EQ(y2023->new_in_year[3], (std::vector<std::uint8_t>{0, 1, 0, 1, 0}));
    EXPECT_EQ(y2023->layers[4].size(), 3u);
    EXPECT_EQ(y2023->new_in_year[4], (std::vector<std::uint8_t>{0, 1, 1}));

    const auto y2024 = network_as_of(fx.project, fx.layers, 2024);
    ASSERT_TRUE(y2024) << y2024.error().text();
    EXPECT_EQ(names_of(y2024->layers[3]), (std::vector<std::string>{"A", "B", "C", "D", "F"}));
    EXPECT_EQ(y2024->new_in_year[3], (std::vector<std::uint8_t>(5, 0)));
    // The subset keeps its geometry and its index.
    EXPECT_DOUBLE_EQ(y2024->layers[3].first_x(3), 112.25);
    EXPECT_DOUBLE_EQ(y2024->layers[3].first_y(4), 32.15);
    ASSERT_TRUE(y2024->layers[3].index);
    EXPECT_EQ(y2024->layers[4].size(), 4u);
}

TEST(NetworkAsOf, AYearThatIsNoYearOrAnUnknownStateNamesTheFeature)
{
    auto fx = test::year_fixture(kDir);
    fx.layers[3].columns[2].texts[1] = "前年";
    const auto bad = network_as_of(fx.project, fx.layers, 2023);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().text(),
              "文件 year.gpkg，图层 stations，位置 第 2 个要素（B）：建成年份“前年”不是年份：请写成四位年份，如 2023");
    fx = test::year_fixture(kDir);
    fx.layers[3].columns[5].texts[0] = "撤销";
    const auto state = network_as_of(fx.project, fx.layers, 2023);
    ASSERT_FALSE(state);
    EXPECT_EQ(state.error().text(),
              "文件 year.gpkg，图层 stations，位置 第 1 个要素（A）：建设状态“撤销”无法识别：请写 规划、在建 或 建成");
}

TEST(NetworkGrowth, NewRebuiltAndModelSitesPerCountyAndYear)
{
    const auto fx = test::year_fixture(kDir);
    const auto g = network_growth(fx.project, fx.layers, 2021, 2024);
    ASSERT_TRUE(g) << g.error().text();
    ASSERT_EQ(g->roles, (std::vector<Role>{Role::village_service_station}));
    // 4 years x (2 counties + the city).
    ASSERT_EQ(g->rows.size(), 12u);
    const auto row = [&](int year, const std::string& county) {
        const auto* r = g->find(year, Role::village_service_station, county);
        EXPECT_TRUE(r) << year << " " << county;
        return r ? *r : GrowthRow{};
    };
    // 2023 in 襄城区: B new (and named a model site), C upgraded; A, B, C standing, B and C model sites.
    auto r = row(2023, "420602");
    EXPECT_EQ(r.county_name, "襄城区");
    EXPECT_EQ(r.built, 1u);
    EXPECT_EQ(r.rebuilt, 1u);
    EXPECT_EQ(r.model, 1u);
    EXPECT_EQ(r.standing, 3u);
    EXPECT_EQ(r.models_standing, 2u);
    // 2023 in 樊城区: D new (在建); D and F standing.
    r = row(2023, "420606");
    EXPECT_EQ(r.built, 1u);
    EXPECT_EQ(r.rebuilt, 0u);
    EXPECT_EQ(r.standing, 2u);
    // 2024 in 樊城区: E is planned, not built; F upgraded.
    r = row(2024, "420606");
    EXPECT_EQ(r.built, 0u);
    EXPECT_EQ(r.rebuilt, 1u);
    EXPECT_EQ(r.standing, 2u);
    // The city.
    r = row(2023, "");
    EXPECT_EQ(r.county_name, "全市");
    EXPECT_EQ(r.built, 2u);
    EXPECT_EQ(r.rebuilt, 1u);
    EXPECT_EQ(r.model, 1u);
    EXPECT_EQ(r.standing, 5u);
    r = row(2022, "");
    EXPECT_EQ(r.built, 1u);
    EXPECT_EQ(r.standing, 3u);
    r = row(2021, "");
    EXPECT_EQ(r.built, 1u);
    EXPECT_EQ(r.standing, 2u);  // A, and C that has no year
    const std::string csv = network_growth_csv(*g);
    EXPECT_NE(csv.find("2023,村级综合服务社,420602,襄城区,1,1,1,3,2\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("2023,村级综合服务社,,全市,2,1,1,5,2\n"), std::string::npos) << csv;
}

TEST(YearRequests, CoverageTrusteeshipAndTheThreeTierCheckOfAYear)
{
    const auto fx = test::year_fixture(kDir);
    CoverageRequest q;
    q.by = GroupBy::county;
    q.year = 2022;
    auto c = run_coverage(fx.project, fx.layers, q);
    ASSERT_TRUE(c) << c.error().text();
    EXPECT_EQ(c->request.year, 2022);
    ASSERT_EQ(c->table.rows.size(), 2u);
    EXPECT_EQ(c->facilities.size(), 3u);
    EXPECT_EQ(c->table.rows[0].covered, 2u);  // vA, vC of 3
    EXPECT_EQ(c->table.rows[1].covered, 1u);  // vF of 4
    EXPECT_EQ(c->table.total.covered, 3u);
    q.year = 2023;
    c = run_coverage(fx.project, fx.layers, q);
    ASSERT_TRUE(c) << c.error().text();
    EXPECT_EQ(c->table.rows[0].covered, 3u);
    EXPECT_EQ(c->table.rows[1].covered, 2u);
    EXPECT_EQ(c->table.total.covered, 5u);
    EXPECT_EQ(coverage_table_text(*c).rfind("2023 年末村级综合服务社覆盖（半径 3000 米）", 0), 0u);
    q.year = 0;  // every station the layer holds, the planned E included
    c = run_coverage(fx.project, fx.layers, q);
    ASSERT_TRUE(c) << c.error().text();
    EXPECT_EQ(c->table.total.covered, 6u);

    const auto t = run_trusteeship(fx.project, fx.layers, TrusteeshipRequest{TrusteeshipBy::county, 0, 2023});
    ASSERT_TRUE(t) << t.error().text();
    ASSERT_EQ(t->rows.size(), 2u);
    EXPECT_DOUBLE_EQ(t->rows[0].total_mu(), 3500);
    EXPECT_DOUBLE_EQ(t->rows[1].transfer_mu, 5000);
    EXPECT_DOUBLE_EQ(t->rows[1].trusteeship_mu, 0);
    EXPECT_DOUBLE_EQ(t->total.total_wan_mu(), 0.85);
    EXPECT_EQ(t->year, 2023);

    const auto n = run_network_check(fx.project, fx.layers, NetworkCheckRequest{2022});
    ASSERT_TRUE(n) << n.error().text();
    EXPECT_EQ(n->year, 2022);
    EXPECT_EQ(n->villages, 7u);
    EXPECT_EQ(n->villages_without_station, 4u);
    const auto n23 = run_network_check(fx.project, fx.layers, NetworkCheckRequest{2023});
    ASSERT_TRUE(n23) << n23.error().text();
    EXPECT_EQ(n23->villages_without_station, 2u);
    EXPECT_EQ(network_check_text(*n23).rfind("2023 年末三级网络检查", 0), 0u);
}

}  // namespace
}  // namespace coopmap::analysis

namespace coopmap::analysis {
namespace {

// The year control's span on the hand-made history: sites built 2021–2024 (and rebuilt 2023,
// 2024), parcels 2021–2024, service records 2022–2023, targets 2023; a target set for a later year
// widens the span but not the latest year of records; a project with no year has none.
TEST(ProjectYears, SpanOfSitesParcelsServicesAndTargets)
{
    const auto dir = std::filesystem::temp_directory_path() / ("coopmap-year-span-" + std::to_string(::getpid()));
    auto fx = test::year_fixture(dir);
    auto span = project_years(fx.project, fx.layers);
    ASSERT_TRUE(span.ok()) << span.error().text();
    EXPECT_EQ(span->first, 2021);
    EXPECT_EQ(span->last, 2024);
    EXPECT_EQ(span->latest, 2024);

    AnnualTarget later;
    later.year = 2027;
    later.service_wan_mu_times = 1;
    fx.project.annual_targets.push_back(later);
    span = project_years(fx.project, fx.layers);
    ASSERT_TRUE(span.ok()) << span.error().text();
    EXPECT_EQ(span->last, 2027);
    EXPECT_EQ(span->latest, 2024);

    Project none = fx.project;
    none.annual_targets.clear();
    none.services.clear();
    std::vector<Layer> layers;
    none.layers.clear();
    span = project_years(none, layers);
    ASSERT_TRUE(span.ok()) << span.error().text();
    EXPECT_TRUE(span->empty());
    EXPECT_EQ(span->latest, 0);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace coopmap::analysis
