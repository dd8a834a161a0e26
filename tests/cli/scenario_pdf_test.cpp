// `coopmap-cli report --scenario`: one planning scenario as an A4 landscape PDF page, read
// back with poppler. Its before/after figures against `coopmap-cli coverage` of the tier's roles
// on the project without and with the scenario's sites as a layer of their role.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QColor>
#include <QDate>
#include <QImage>
#include <QString>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/coverage_run.h"
#include "io/project_layers.h"
#include "model/project.h"
#include "paper_text.h"
#include "run_process.h"
#include "synth_project.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
const std::string kCli = COOPMAP_CLI;
const fs::path kGeodata = COOPMAP_SOURCE_DIR "/geodata";

// The total row of `coopmap-cli coverage` (tab-separated: code, name, villages, covered,
// share, population, covered, uncovered, met) of the village tier (村级综合服务社 and 村级供销社:
// what a scenario of stations counts as existing).
std::vector<std::string> coverage_total(const std::string& project)
{
    const auto r = run_process(kCli, {"coverage", project, "--role", "village_service_station,village_cooperative",
                                      "--radius", "3km", "--by", "county"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> last;
    for (const auto& line : split(r.out, '\n')) {
        const auto cells = split(line, '\t');
        if (cells.size() == 9 && cells[0] != "代码") last = cells;
    }
    return last;
}

// Without a CJK font whose ideographs keep their own glyphs (fonts-wqy-microhei), Qt's PDF
// writer names some of Noto's by their Kangxi radical twins (一 → ⼀): fold just those back.
// With one, the text must have none (report_test.cpp's CopiedTextHasNoKangxiRadicals).
std::string readable(const std::string& text)
{
    const auto fonts = run_process("fc-list", {"WenQuanYi Micro Hei", "family"});
    const bool clean = fonts.exit_code == 0 && fonts.out.find("WenQuanYi") != std::string::npos;
    QString out;
    for (const QChar c : QString::fromStdString(text)) {
        const bool radical = c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF;
        EXPECT_FALSE(clean && radical) << "radical U+" << std::hex << static_cast<int>(c.unicode())
                                       << " in the PDF's text";
        out += radical ? QString(c).normalized(QString::NormalizationForm_KC) : QString(c);
    }
    return out.toStdString();
}

int count_color(const QImage& image, const QColor& c, int tolerance)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
                 std::abs(qBlue(p) - c.blue()) <= tolerance;
        }
    return n;
}

// `coopmap-cli report --scenario`'s one line "规划方案「name」N 页 → out": N.
int pages_said(const ProcessResult& r, const std::string& scenario, const std::string& out)
{
    const auto lines = split(r.out, '\n');
    EXPECT_EQ(lines.size(), 1u) << "one line, no more:\n" << r.out;
    EXPECT_EQ(r.err, "");
    int pages = -1;
    const std::string head = "规划方案「" + scenario + "」";
    if (lines.empty() || lines[0].rfind(head, 0) != 0 ||
        std::sscanf(lines[0].c_str() + head.size(), "%d 页", &pages) != 1 ||
        lines[0].find(" 页 → " + out) == std::string::npos)
        ADD_FAILURE() << r.out;
    return pages;
}

// Every site once, in the scenario's order, across the pages; every page's words inside the
// margins, clear of each other and of the footer ("<name>    制图日期：…", and the page number
// when there is more than one page). The 变化 cells whole.
void expect_every_site_and_clean_pages(const std::string& pdf, const std::string& name,
                                       const std::vector<std::string>& sites, const std::string& site_prefix,
                                       int expected_pages)
{
    const auto pages = pdf_pages(pdf);
    ASSERT_EQ(static_cast<int>(pages.size()), expected_pages);
    const QDate d = QDate::currentDate();
    const std::string date =
        QStringLiteral("制图日期：%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day()).toStdString();
    std::vector<std::string> listed;
    int faults = 0;
    for (std::size_t k = 0; k < pages.size(); ++k) {
        const std::string footer =
            name + date +
            (pages.size() > 1 ? "第" + std::to_string(k + 1) + "页/共" + std::to_string(pages.size()) + "页" : "");
        for (const auto& f : page_faults(pages[k], footer))
            if (faults++ < 10) ADD_FAILURE() << "page " << k + 1 << ": " << f;
        // Column by column (the names are left-aligned in each), top to bottom.
        std::vector<const Word*> names;
        for (const auto& w : pages[k].words)
            if (w.text.rfind(site_prefix, 0) == 0) names.push_back(&w);
        std::sort(names.begin(), names.end(), [](const Word* a, const Word* b) {
            return std::abs(a->x0 - b->x0) > 2 ? a->x0 < b->x0 : a->y0 < b->y0;
        });
        for (const Word* w : names) listed.push_back(w->text);
    }
    EXPECT_EQ(listed, sites);
    // "+0.4 个百分点" fits its 变化 cell (it was cut off at the cell's edge).
    bool whole = false;
    for (const auto& w : pages.front().words) whole = whole || w.text == "个百分点";
    EXPECT_TRUE(whole);
}

class ScenarioPdf : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() / ("coopmap-scenario-pdf-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::copy_file(kGeodata / "xiangyang.gpkg", dir_ / "xiangyang.gpkg");
        fs::copy_file(kGeodata / "xiangyang.coopmap", dir_ / "xiangyang.coopmap");
        project_ = (dir_ / "xiangyang.coopmap").string();

        // Three sites on the three most populous villages no service station or village
        // cooperative (the tier) reaches in 3 km.
        auto p = read_project(project_);
        ASSERT_TRUE(p.ok()) << p.error().text();
        const auto layers = io::load_project_layers(*p);
        ASSERT_TRUE(layers.ok()) << layers.error().text();
        analysis::CoverageRequest q;
        q.role = Role::village_service_station;
        q.with = {Role::village_cooperative};
        q.radius_m = 3000;
        const auto cov = analysis::run_coverage(*p, layers->layers, q);
        ASSERT_TRUE(cov.ok()) << cov.error().text();
        const auto& v = cov->villages;
        std::vector<std::size_t> gaps;
        for (std::size_t i = 0; i < v.size(); ++i)
            if (!v.covered[i] && !std::isnan(v.population[i])) gaps.push_back(i);
        std::sort(gaps.begin(), gaps.end(), [&](auto a, auto b) { return v.population[a] > v.population[b]; });
        ASSERT_GE(gaps.size(), 3u);
        Scenario s;
        s.name = "一期新建服务社";
        s.role = Role::village_service_station;
        s.objective = "max_coverage";
        s.radius_m = 3000;
        const char* names[] = {"新建点一", "新建点二", "新建点三"};
        std::ostringstream geojson;
        geojson.precision(12);
        geojson << R"({"type":"FeatureCollection","features":[)";
        for (int k = 0; k < 3; ++k) {
            const std::size_t i = gaps[k];
            s.sites.push_back(ScenarioSite{names[k], v.location.lon[i], v.location.lat[i]});
            geojson << (k ? "," : "") << R"({"type":"Feature","properties":{"name":")" << names[k]
                    << R"("},"geometry":{"type":"Point","coordinates":[)" << v.location.lon[i] << ","
                    << v.location.lat[i] << "]}}";
        }
        geojson << "]}";
        p->scenarios.push_back(s);
        ASSERT_TRUE(save_project(*p, project_).ok());

        // The same sites as a layer of stations in a second copy: `coopmap-cli coverage` of it
        // is what the page must call "after".
        std::ofstream(dir_ / "sites.geojson") << geojson.str();
        auto with = *p;
        LayerConfig sites;
        sites.id = "scenario_sites";
        sites.title = s.name;
        sites.source = "sites.geojson";
        sites.role = Role::village_service_station;
        sites.fields["name"] = "name";
        with.layers.push_back(sites);
        with.scenarios.clear();
        with_sites_ = (dir_ / "with_sites.coopmap").string();
        ASSERT_TRUE(save_project(with, with_sites_).ok());
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
    std::string project_, with_sites_;
};

TEST_F(ScenarioPdf, OneLandscapePageWithTheScenarioItsSitesAndCoverageBeforeAndAfter)
{
    const auto pdf = (dir_ / "方案.pdf").string();
    const auto r = run_process(kCli, {"report", project_, "--scenario", "一期新建服务社", "--out", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("规划方案「一期新建服务社」1 页"), std::string::npos) << r.out;

    const auto info = run_process("pdfinfo", {pdf});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("Pages:           1"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("842 x 595 pts (A4)"), std::string::npos) << info.out;  // landscape

    const auto before = coverage_total(project_);
    const auto after = coverage_total(with_sites_);
    ASSERT_EQ(before.size(), 9u);
    ASSERT_EQ(after.size(), 9u);
    const int added = std::stoi(after[3]) - std::stoi(before[3]);
    EXPECT_GE(added, 3);  // each site stands on an uncovered village

    auto text = run_process("pdftotext", {"-layout", pdf, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    text.out = readable(text.out);
    for (const char* s : {"规划方案：一期新建服务社", "新建村级综合服务社 3 处", "最大覆盖（定数量）",
                          "服务半径 3 公里", "覆盖变化（村级综合服务社）", "拟建网点（3 处）"})
        EXPECT_NE(text.out.find(s), std::string::npos) << s << "\n" << text.out;
    const auto lines = split(text.out, '\n');
    auto line_with = [&](const std::vector<std::string>& expected) {
        for (const auto& line : lines) {
            const auto w = words(line);
            if (w.size() >= expected.size() && std::equal(expected.begin(), expected.end(), w.begin())) return true;
        }
        return false;
    };
    // Before and after as the coverage command counts them.
    EXPECT_TRUE(line_with({"村覆盖率", before[4], after[4]})) << before[4] << " → " << after[4] << "\n" << text.out;
    EXPECT_TRUE(line_with({"覆盖村数", before[3], after[3], "+" + std::to_string(added)})) << text.out;
    EXPECT_TRUE(line_with({"未覆盖村数", std::to_string(std::stoi(before[2]) - std::stoi(before[3])),
                           std::to_string(std::stoi(after[2]) - std::stoi(after[3])), "-" + std::to_string(added)}))
        << text.out;
    // Each site adds at least its own village; together exactly what after - before counts.
    int sum = 0;
    for (const char* name : {"新建点一", "新建点二", "新建点三"}) {
        bool found = false;
        for (const auto& line : lines) {
            const auto w = words(line);
            const auto at = std::find(w.begin(), w.end(), name);
            if (at == w.end() || w.end() - at < 3) continue;
            found = true;
            EXPECT_GE(std::stoi(*(at + 1)), 1) << line;
            EXPECT_GT(std::stod(*(at + 2)), 0) << line;
            sum += std::stoi(*(at + 1));
        }
        EXPECT_TRUE(found) << name << "\n" << text.out;
    }
    EXPECT_EQ(sum, added);
    EXPECT_TRUE(line_with({"合计", std::to_string(added)})) << text.out;

    // The map shows the proposed sites and the villages they newly cover in the 选址 colours.
    const auto png = run_process("pdftoppm", {"-r", "60", "-png", "-singlefile", pdf, (dir_ / "page").string()});
    ASSERT_EQ(png.exit_code, 0) << png.err;
    const QImage page(QString::fromStdString((dir_ / "page.png").string()));
    ASSERT_FALSE(page.isNull());
    EXPECT_EQ(page.width(), 702);  // 297 mm at 60 dpi
    EXPECT_EQ(page.height(), 496);  // 210 mm
    EXPECT_GT(count_color(page, QColor("#c2255c"), 12), 6) << "proposed sites";
    EXPECT_GT(count_color(page, QColor("#f08c00"), 12), 3) << "newly covered villages";
}

TEST_F(ScenarioPdf, UnknownScenarioNamesTheOnesThereAndWritesNothing)
{
    const auto pdf = (dir_ / "没有.pdf").string();
    const auto r = run_process(kCli, {"report", project_, "--scenario", "二期", "--out", pdf});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("没有名为「二期」的规划方案"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("一期新建服务社"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(project_), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(pdf));
}

// The issue's case: a scenario of 24 sites on the sample, more than fit beside the map.
TEST_F(ScenarioPdf, TwentyFourSitesAllListedOverAsManyPagesAsTheyNeed)
{
    auto p = read_project(project_);
    ASSERT_TRUE(p.ok()) << p.error().text();
    const auto layers = io::load_project_layers(*p);
    ASSERT_TRUE(layers.ok()) << layers.error().text();
    analysis::CoverageRequest q;
    q.role = Role::village_service_station;
    q.radius_m = 3000;
    const auto cov = analysis::run_coverage(*p, layers->layers, q);
    ASSERT_TRUE(cov.ok()) << cov.error().text();
    Scenario s;
    s.name = "二期新建服务社";
    s.role = Role::village_service_station;
    s.radius_m = 3000;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < cov->villages.size() && s.sites.size() < 24; ++i) {
        if (cov->villages.covered[i]) continue;
        names.push_back("二期点" + std::to_string(s.sites.size() + 1));
        s.sites.push_back(ScenarioSite{names.back(), cov->villages.location.lon[i], cov->villages.location.lat[i]});
    }
    ASSERT_EQ(s.sites.size(), 24u);
    p->scenarios.push_back(s);
    ASSERT_TRUE(save_project(*p, project_).ok());

    const auto pdf = (dir_ / "二期.pdf").string();
    const auto r = run_process(kCli, {"report", project_, "--scenario", s.name, "--out", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const int pages = pages_said(r, s.name, pdf);
    EXPECT_GE(pages, 1);
    expect_every_site_and_clean_pages(pdf, "襄阳市供销服务网络（示例）", names, "二期点", pages);
    auto text = run_process("pdftotext", {"-layout", pdf, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(readable(text.out).find("拟建网点（24 处）"), std::string::npos) << text.out;
}

// The generated 10,000-village project's 64 sites: the table goes on over further pages.
TEST(ScenarioPdf10k, SixtyFourSitesOverFurtherPagesWithTheirHeaderAndClearOfTheFooter)
{
    const auto& synth = synth_project();
    ASSERT_FALSE(synth.project.empty());
    const auto pdf = (synth.dir / "方案.pdf").string();
    const auto r = run_process(kCli, {"report", synth.project, "--scenario", synth.scenario, "--out", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const int pages = pages_said(r, synth.scenario, pdf);
    EXPECT_GE(pages, 2);
    expect_every_site_and_clean_pages(pdf, synth.name, synth.sites, "拟建点", pages);
    // Each further page starts with the table's header.
    const auto all = pdf_pages(pdf);
    for (std::size_t k = 1; k < all.size(); ++k) {
        EXPECT_EQ(all[k].heading(), "规划方案：" + synth.scenario + "（续）");
        EXPECT_FALSE(table_rows(all[k], "拟建网点", "新覆盖村数").empty()) << "page " << k + 1;
    }
}

}  // namespace
}  // namespace coopmap::test
