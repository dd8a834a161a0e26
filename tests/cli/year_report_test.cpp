// coopmap-cli report --year: the year report's text (pdftotext -bbox, tests/cli/paper_text.h) holds
// every row of `coopmap-cli progress --year Y --table` (county, figure, unit, target, done, 完成率,
// met) in its order, and every row of `coopmap-cli services --by county|kind --year Y` with its
// totals; on the bundled sample and on a generated project (coopmap-cli synth) whose history,
// counties, targets and service records this test adds under column names of its own.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "paper_text.h"
#include "run_process.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using coopmap::test::pdf_pages;
using coopmap::test::PdfPage;
using coopmap::test::run_process;
using coopmap::test::table_rows;
using coopmap::test::TempDir;

std::string read(const fs::path& p)
{
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

std::vector<std::string> split(const std::string& line, char sep)
{
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, sep)) out.push_back(cell);
    if (!line.empty() && line.back() == sep) out.emplace_back();
    return out;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// The rows of the PDF table on the pages whose heading holds `heading`, read by its columns.
std::vector<std::vector<std::string>> pdf_rows(const std::vector<PdfPage>& pages, const std::string& heading,
                                               const std::string& key, const std::string& next)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& page : pages) {
        if (page.heading().find(heading) == std::string::npos) continue;
        for (auto& r : table_rows(page, key, next)) {
            std::vector<std::string> row{r.key};
            row.insert(row.end(), r.after.begin(), r.after.end());
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

// Runs progress, services and the report for `year` and checks the report against them.
void expect_report_equals_cli(const std::string& project, const std::string& name, int year, const fs::path& dir)
{
    const std::string y = std::to_string(year);
    const std::string csv = (dir / "progress.csv").string();
    const auto progress = run_process(COOPMAP_CLI, {"progress", project, "--year", y, "--table", csv});
    ASSERT_EQ(progress.exit_code, 0) << progress.err;
    const std::string pdf = (dir / (y + ".pdf")).string();
    const auto report = run_process(COOPMAP_CLI, {"report", project, "--year", y, "--out", pdf});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_NE(report.out.find(y + " 年度工作情况"), std::string::npos) << report.out;
    // Kept to be looked at when $COOPMAP_TEST_SHOTS names a folder (as the QML tests' pictures).
    if (const char* shots = std::getenv("COOPMAP_TEST_SHOTS"))
        fs::copy_file(pdf, fs::path(shots) / (name + "_" + y + ".pdf"), fs::copy_options::overwrite_existing);
    const auto pages = pdf_pages(pdf);
    ASSERT_FALSE(pages.empty());
    EXPECT_EQ(pages.front().heading(), "");
    // Nothing outside the margins, in the footer's band but the footer, or on top of other words
    // (the charts' values, labels and axes included).
    int faults = 0;
    for (std::size_t k = 0; k < pages.size() && faults < 10; ++k) {
        const std::string footer =
            name + y + "年度工作情况第" + std::to_string(k + 1) + "页/共" + std::to_string(pages.size()) + "页";
        for (const auto& f : coopmap::test::page_faults(pages[k], footer)) {
            ADD_FAILURE() << "page " << k + 1 << ": " << f;
            ++faults;
        }
    }

    // Targets: the CSV's rows (县代码,县（市、区）,指标,单位,目标,完成,完成率,是否完成) in its order.
    auto csv_lines = lines_of(read(csv));
    ASSERT_GT(csv_lines.size(), 2u);
    csv_lines.erase(csv_lines.begin());  // the header (with the BOM)
    const auto target_rows = pdf_rows(pages, y + "年目标完成情况", "县（市、区）", "指标");
    ASSERT_EQ(target_rows.size(), csv_lines.size());
    std::size_t counties = 0;
    for (std::size_t i = 0; i < csv_lines.size(); ++i) {
        const auto c = split(csv_lines[i], ',');
        ASSERT_EQ(c.size(), 8u) << csv_lines[i];
        counties += c[0].empty() ? 0 : 1;
        const std::vector<std::string> expected{c[1], c[2], c[3], c[4], c[5], c[6], c[7]};
        EXPECT_EQ(target_rows[i], expected) << "row " << i + 1 << " of " << csv;
    }
    EXPECT_GT(counties, 0u);

    // Services by county and by kind: `coopmap-cli services` rows and its 合计.
    for (const std::string by : {"county", "kind"}) {
        const auto s = run_process(COOPMAP_CLI, {"services", project, "--by", by, "--year", y});
        ASSERT_EQ(s.exit_code, 0) << s.err;
        auto text = lines_of(s.out);
        ASSERT_GT(text.size(), 3u) << s.out;
        text.erase(text.begin(), text.begin() + 2);  // the title and the header
        const auto rows = by == "county" ? pdf_rows(pages, "按县（市、区）", "县代码", "县（市、区）")
                                         : pdf_rows(pages, "按服务类型", "服务类型", "记录数");
        ASSERT_EQ(rows.size(), text.size()) << s.out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = split(text[i], '\t');
            ASSERT_EQ(c.size(), 5u) << text[i];
            // key, name, 记录数, 亩次, 万亩次; the kind table has the kind once, rows placed nowhere "—".
            std::vector<std::string> expected;
            if (by == "county") expected.push_back(c[0].empty() ? "—" : c[0]);
            expected.insert(expected.end(), {c[1], c[2], c[3], c[4]});
            EXPECT_EQ(rows[i], expected) << by << " row " << i + 1;
        }
        EXPECT_EQ(rows.back()[by == "county" ? 1 : 0], "合计");
    }
}

TEST(YearReport, SampleReportHoldsTheCliFigures)
{
    TempDir dir("coopmap-year-report");
    expect_report_equals_cli(std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap",
                             "襄阳市供销服务网络（示例）", 2025, dir.path);
}

TEST(YearReport, GeneratedProjectWithItsOwnColumnNames)
{
    TempDir dir("coopmap-year-report-synth");
    const std::string gpkg = (dir.path / "gen.gpkg").string();
    const auto gen = run_process(COOPMAP_CLI, {"synth", "--villages", "600", "--facilities", "80", "--road-edges", "10",
                                               "--seed", "19", "--out", gpkg});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    // A history and counties under names of this test's own: 建成 year by feature number, a village's
    // county one of three by its township's number, a site's that of a village it takes by number.
    for (const std::string sql :
         {"ALTER TABLE facilities ADD COLUMN jiancheng_nf INTEGER",
          "UPDATE facilities SET jiancheng_nf = 2020 + (fid % 4)", "ALTER TABLE villages ADD COLUMN xian_dm TEXT",
          "UPDATE villages SET xian_dm = '42000' || (CAST(substr(township_code, 7, 3) AS INTEGER) % 3)",
          "ALTER TABLE facilities ADD COLUMN xian_dm TEXT",
          "UPDATE facilities SET xian_dm = (SELECT v.xian_dm FROM villages v WHERE v.fid = 1 + (facilities.fid * 7) % "
          "600)"}) {
        const auto r = run_process("ogrinfo", {gpkg, "-sql", sql});
        ASSERT_EQ(r.exit_code, 0) << sql << ": " << r.err;
    }
    const auto listed =
        run_process("ogrinfo", {"-ro", "-q", gpkg, "-sql", "SELECT DISTINCT xian_dm AS c FROM villages ORDER BY c"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    std::vector<std::string> counties;
    for (const auto& l : lines_of(listed.out))
        if (const auto at = l.find("c (String) = "); at != std::string::npos) counties.push_back(l.substr(at + 13));
    ASSERT_EQ(counties.size(), 3u) << listed.out;
    const auto codes = run_process("ogrinfo", {"-ro", "-q", gpkg, "-sql", "SELECT code AS v FROM villages LIMIT 60"});
    ASSERT_EQ(codes.exit_code, 0) << codes.err;
    std::vector<std::string> villages;
    for (const auto& l : lines_of(codes.out))
        if (const auto at = l.find("v (String) = "); at != std::string::npos) villages.push_back(l.substr(at + 13));
    ASSERT_EQ(villages.size(), 60u);

    // Service records keyed by village code, in 2022 and 2023, under column names of their own.
    {
        std::ofstream csv(dir.path / "fuwu.csv");
        csv << "村编码,服务类别,作业亩次,作业日期,服务组织\n";
        const char* kinds[] = {"配方施肥", "统防统治", "农机作业", "烘干"};
        for (std::size_t i = 0; i < villages.size(); ++i)
            csv << villages[i] << "," << kinds[i % 4] << "," << 150 + 37 * i << "," << (i % 3 ? "2023" : "2022") << "-0"
                << 1 + i % 9 << "-15,服务社" << i % 5 << "\n";
    }
    std::string targets = R"({"year": 2023, "village_coverage": 0.2})";
    for (std::size_t k = 0; k < counties.size(); ++k)
        targets += R"(, {"year": 2023, "county": ")" + counties[k] + R"(", "build": {"village_service_station": )" +
                   // Every other county's targets out of reach: unmet rows in the table.
                   (k % 2 ? "3" : "40") + R"(}, "service_wan_mu_times": )" + (k % 2 ? "0.1" : "9.5") + "}";
    const std::string project = (dir.path / "gen.coopmap").string();
    std::ofstream(project) << R"({"version": 1, "name": "合成年度示例", "layers": [
  {"id": "cun", "title": "村", "source": "gen.gpkg", "layer": "villages", "role": "village",
   "fields": {"name": "name", "code": "code", "population": "population", "households": "households",
              "township_code": "township_code", "county_code": "xian_dm"}},
  {"id": "zhan", "title": "服务社", "source": "gen.gpkg", "layer": "facilities", "role": "village_service_station",
   "fields": {"name": "name", "built_year": "jiancheng_nf", "county_code": "xian_dm"}}],
 "service_radii_m": {"village_service_station": 3000},
 "annual_targets": [)" << targets
                           << R"(],
 "services": [{"source": "fuwu.csv", "fields": {"village_code": "村编码", "kind": "服务类别", "mu_times": "作业亩次",
              "date": "作业日期", "provider": "服务组织"}}]})";
    expect_report_equals_cli(project, "合成年度示例", 2023, dir.path);
    // Some targets are unmet, and the report says how many, as progress does.
    const auto p = run_process(COOPMAP_CLI, {"progress", project, "--year", "2023"});
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const std::string mark = "未完成的目标：";
    const auto at = p.out.find(mark);
    ASSERT_NE(at, std::string::npos) << p.out;
    const auto from = at + mark.size();
    const auto r =
        run_process(COOPMAP_CLI, {"report", project, "--year", "2023", "--out", (dir.path / "again.pdf").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string unmet = p.out.substr(from, p.out.find(" 项", from) - from);
    EXPECT_NE(unmet, "0");
    EXPECT_NE(r.out.find("未完成的目标 " + unmet + " 项"), std::string::npos) << r.out << p.out;
}

TEST(YearReport, ScenarioAndYearExcludeEachOther)
{
    TempDir dir("coopmap-year-report-args");
    const auto r =
        run_process(COOPMAP_CLI, {"report", std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap", "--year",
                                  "2025", "--scenario", "x", "--out", (dir.path / "x.pdf").string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_FALSE(fs::exists(dir.path / "x.pdf"));
}

}  // namespace
