// `coopmap-cli report`: the PDF as a reader gets it, read back with poppler (pdfinfo,
// pdftotext, pdftoppm, pdffonts); its coverage figures against `coopmap-cli coverage`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QColor>
#include <QImage>
#include <QString>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/project_layers.h"
#include "model/project.h"
#include "paper_text.h"
#include "run_process.h"
#include "synth_project.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";
const std::string kSampleName = "襄阳市供销服务网络（示例）";

// Radicals that NFKC folds to ideographs: U+2F00–U+2FDF (Kangxi) and U+2E80–U+2EFF (supplement).
std::vector<std::string> radicals_in(const std::string& text)
{
    std::vector<std::string> found;
    for (const QChar c : QString::fromStdString(text))
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF) found.push_back(QString(c).toStdString());
    return found;
}

// A CJK font whose ideographs keep their own glyphs (app/present/pdf_page.h), e.g. from
// fonts-wqy-microhei; without one the report falls back to Noto Sans CJK.
bool clean_cjk_font_installed()
{
    const auto r = run_process("fc-list", {"WenQuanYi Micro Hei", "family"});
    return r.exit_code == 0 && r.out.find("WenQuanYi") != std::string::npos;
}

bool near_color(QRgb p, const QColor& c, int tolerance)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
           std::abs(qBlue(p) - c.blue()) <= tolerance;
}

double mercator_y(double lat)
{
    const double phi = lat * std::numbers::pi / 180;
    return std::log(std::tan(std::numbers::pi / 4 + phi / 2));
}

// The pages of the report: the CLI's one line "报告 N 页，未覆盖村 U 个 → out", N and U.
struct Summary {
    int pages = -1;
    int uncovered = -1;
};
Summary summary_of(const ProcessResult& r, const std::string& out)
{
    Summary s;
    const auto lines = split(r.out, '\n');
    EXPECT_EQ(lines.size(), 1u) << "one line, no more:\n" << r.out;
    EXPECT_EQ(r.err, "");
    if (lines.empty()) return s;
    const std::string expected_end = " 个 → " + out;
    if (std::sscanf(lines[0].c_str(), "报告 %d 页，未覆盖村 %d 个", &s.pages, &s.uncovered) != 2 ||
        lines[0].size() < expected_end.size() || lines[0].substr(lines[0].size() - expected_end.size()) != expected_end)
        ADD_FAILURE() << lines[0];
    return s;
}

// The uncovered villages `coopmap-cli coverage … --out x.csv` writes to x_未覆盖村.csv, in its order.
struct CsvVillage {
    std::string code, name, distance_m;
};
std::vector<std::string> csv_cells(const std::string& line)
{
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') cells.back() += '"', ++i;
        else if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) cells.emplace_back();
        else if (c != '\r') cells.back() += c;
    }
    return cells;
}
std::vector<CsvVillage> uncovered_csv(const std::string& project, const std::filesystem::path& dir)
{
    const auto r = run_process(kCli, {"coverage", project, "--out", (dir / "覆盖.csv").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(dir / "覆盖_未覆盖村.csv");
    std::vector<CsvVillage> out;
    std::string line;
    std::getline(in, line);
    const auto head = csv_cells(line);
    auto at = [&](const char* name) { return std::find(head.begin(), head.end(), name) - head.begin(); };
    const auto code = at("code"), name = at("name"), distance = at("distance_m");
    EXPECT_LT(static_cast<std::size_t>(distance), head.size()) << line;
    while (std::getline(in, line)) {
        const auto c = csv_cells(line);
        if (c.size() != head.size()) continue;
        out.push_back({c[static_cast<std::size_t>(code)], c[static_cast<std::size_t>(name)],
                       c[static_cast<std::size_t>(distance)]});
    }
    return out;
}

// A name as the PDF can hold it: without Unicode private-use code points, which some real
// village names carry for characters outside GB 18030's standard set (the sample's
// 420684103229 is 高, U+E170, 村委会). No installed font has a glyph for them: the page shows
// an empty box there, and the PDF's text skips it.
std::string printable(const std::string& name)
{
    QString out;
    for (const QChar c : QString::fromStdString(name))
        if (c.unicode() < 0xE000 || c.unicode() > 0xF8FF) out += c;
    return out.toStdString();
}

// The uncovered-village pages hold exactly the CLI's list, in its order, once: each row's code,
// its name, and its distance (always a number: every village here has some facility).
void expect_uncovered_list(const std::vector<PdfPage>& pages, const std::vector<CsvVillage>& expected)
{
    std::set<std::string> codes;
    for (const auto& v : expected) codes.insert(v.code);
    ASSERT_EQ(codes.size(), expected.size()) << "village codes are not unique in the CLI's list";
    std::vector<TableRow> rows;
    std::vector<std::string> headings;
    for (const auto& page : pages) {
        if (page.heading().find("未覆盖村名单") == std::string::npos) continue;
        headings.push_back(page.heading());
        for (auto& r : table_rows(page, "代码", "县（市、区）")) rows.push_back(std::move(r));
    }
    ASSERT_FALSE(headings.empty());
    for (std::size_t k = 0; k < headings.size(); ++k)
        EXPECT_EQ(headings[k], "未覆盖村名单（" + std::to_string(expected.size()) + "个村，第" + std::to_string(k + 1) +
                                   "/" + std::to_string(headings.size()) + "页）");
    ASSERT_EQ(rows.size(), expected.size());
    int wrong = 0;
    for (std::size_t i = 0; i < rows.size() && wrong < 5; ++i) {
        char km[32] = "—";
        if (!expected[i].distance_m.empty())
            std::snprintf(km, sizeof km, "%.1f", std::stod(expected[i].distance_m) / 1000);
        const bool same = rows[i].key == expected[i].code && rows[i].before == printable(expected[i].name) &&
                          !rows[i].after.empty() && rows[i].after.back() == km && !expected[i].distance_m.empty();
        if (!same) ++wrong;
        EXPECT_TRUE(same) << "row " << i + 1 << ": " << rows[i].before << " " << rows[i].key << " … "
                          << (rows[i].after.empty() ? "" : rows[i].after.back()) << ", the CLI has " << expected[i].name
                          << " " << expected[i].code << " … " << km;
    }
}

// Every page's words inside the margins, clear of the footer and of each other, and the footer
// "<project name>第 k 页 / 共 N 页".
void expect_clean_pages(const std::vector<PdfPage>& pages, const std::string& name)
{
    int faults = 0;
    for (std::size_t k = 0; k < pages.size() && faults < 10; ++k) {
        const std::string footer =
            name +
            (pages.size() > 1 ? "第" + std::to_string(k + 1) + "页/共" + std::to_string(pages.size()) + "页" : "");
        for (const auto& f : page_faults(pages[k], footer)) {
            ADD_FAILURE() << "page " << k + 1 << ": " << f;
            ++faults;
        }
    }
}

class Report : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                         ("coopmap-report-" + std::to_string(::getpid())));
        std::filesystem::create_directories(*dir_);
        pdf_ = new std::string((*dir_ / "报告.pdf").string());
        report_ = new ProcessResult(run_process(kCli, {"report", kSample, "--out", *pdf_}));
        coverage_ = new ProcessResult(run_process(kCli, {"coverage", kSample, "--by", "county"}));
    }
    static void TearDownTestSuite()
    {
        std::filesystem::remove_all(*dir_);
        delete dir_;
        delete pdf_;
        delete report_;
        delete coverage_;
    }

    // The CLI's table rows: code, name, villages, covered, share, population, covered, uncovered, met.
    static std::vector<std::vector<std::string>> coverage_rows()
    {
        std::vector<std::vector<std::string>> rows;
        for (const auto& line : split(coverage_->out, '\n')) {
            const auto cells = split(line, '\t');
            if (cells.size() == 9 && cells[0] != "代码") rows.push_back(cells);
        }
        return rows;
    }

    static std::filesystem::path* dir_;
    static std::string* pdf_;
    static ProcessResult* report_;
    static ProcessResult* coverage_;
};

std::filesystem::path* Report::dir_ = nullptr;
std::string* Report::pdf_ = nullptr;
ProcessResult* Report::report_ = nullptr;
ProcessResult* Report::coverage_ = nullptr;

TEST_F(Report, OneSummaryLineAndAsManyPagesAsItSays)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    ASSERT_EQ(coverage_->exit_code, 0) << coverage_->err;
    const auto rows = coverage_rows();
    ASSERT_EQ(rows.size(), 10u);  // 9 counties and the total
    const auto& total = rows.back();
    const int uncovered = std::stoi(total[2]) - std::stoi(total[3]);
    const Summary summary = summary_of(*report_, *pdf_);
    EXPECT_EQ(summary.uncovered, uncovered);
    const int expected = summary.pages;
    ASSERT_GT(expected, 6);

    const auto info = run_process("pdfinfo", {*pdf_});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    const auto at = info.out.find("Pages:");
    ASSERT_NE(at, std::string::npos) << info.out;
    EXPECT_EQ(std::stoi(info.out.substr(at + 6)), expected) << info.out;

    // One PNG per page, the map page not blank: the counties' fill colour shows between the symbols.
    const auto pages = run_process("pdftoppm", {"-r", "60", "-png", *pdf_, (*dir_ / "page").string()});
    ASSERT_EQ(pages.exit_code, 0) << pages.err;
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(*dir_)) files += e.path().extension() == ".png";
    EXPECT_EQ(files, expected);
    const int digits = expected >= 10 ? 2 : 1;
    char name[32];
    std::snprintf(name, sizeof name, "page-%0*d.png", digits, 2);
    const QImage map(QString::fromStdString((*dir_ / name).string()));
    ASSERT_FALSE(map.isNull()) << name;
    int county = 0;
    const QColor fill("#f3efe4");
    for (int y = 0; y < map.height(); ++y)
        for (int x = 0; x < map.width(); ++x) {
            const QRgb p = map.pixel(x, y);
            county += std::abs(qRed(p) - fill.red()) <= 3 && std::abs(qGreen(p) - fill.green()) <= 3 &&
                      std::abs(qBlue(p) - fill.blue()) <= 3;
        }
    EXPECT_GT(county, map.width() * map.height() / 400) << "county fill pixels on the map page";
}

TEST_F(Report, HeadingsCountiesAndFiguresEqualToCoverageCommand)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    auto text = run_process("pdftotext", {"-layout", *pdf_, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    if (!clean_cjk_font_installed()) {
        // Only Noto Sans CJK: Qt's PDF writer maps a glyph back to the first code point that
        // uses it, so glyphs Noto shares with the Kangxi radicals (人 口 谷 老 …) come back as
        // U+2F00–U+2FD5; NFKC folds just those back (CopiedTextHasNoKangxiRadicals is skipped).
        QString folded;
        for (const QChar c : QString::fromStdString(text.out))
            folded += c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF
                          ? QString(c).normalized(QString::NormalizationForm_KC)
                          : QString(c);
        text.out = folded.toStdString();
    }
    for (const char* heading : {"襄阳市供销服务网络（示例）", "供销服务网络发展情况报告", "服务网络图",
                                "各县（市、区）服务覆盖情况", "各县（市、区）村覆盖率", "未覆盖村名单",
                                "土地托管/流转情况", "规划方案", "当前项目没有规划方案", "数据来源：xiangyang.gpkg"})
        EXPECT_NE(text.out.find(heading), std::string::npos) << heading;

    // The table's line of each county holds the CLI's figures in the CLI's order.
    const auto rows = coverage_rows();
    ASSERT_EQ(rows.size(), 10u);
    const auto lines = split(text.out, '\n');
    for (const auto& row : rows) {
        const std::string& name = row[1];
        const std::vector<std::string> expected{name, row[2], row[3], row[4], row[5], row[6], row[7], row[8]};
        bool found = false;
        for (const auto& line : lines)
            if (words(line) == expected) found = true;
        EXPECT_TRUE(found) << "no table line: " << name << " " << row[2] << " " << row[3] << " " << row[4] << " "
                           << row[5] << " " << row[6] << " " << row[7] << " " << row[8];
    }
    // Each county's bar is labelled with the same share.
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        bool found = false;
        for (const auto& line : lines) {
            const auto w = words(line);
            found = found || (w.size() == 2 && w[0] == rows[i][1] && w[1] == rows[i][4]);
        }
        EXPECT_TRUE(found) << "no chart label: " << rows[i][1] << " " << rows[i][4];
    }
}

TEST_F(Report, UncoveredPagesHoldEveryUncoveredVillageOnceInTheCliOrder)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    const auto expected = uncovered_csv(kSample, *dir_);
    ASSERT_EQ(expected.size(), 1162u);
    expect_uncovered_list(pdf_pages(*pdf_), expected);
}

TEST_F(Report, EveryWordInsideItsPageAndClearOfTheFooter)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    const auto pages = pdf_pages(*pdf_);
    ASSERT_EQ(static_cast<int>(pages.size()), summary_of(*report_, *pdf_).pages);
    expect_clean_pages(pages, kSampleName);
    // The cover's data-source line whole, below the cards.
    std::string cover;
    for (const auto& w : pages.front().words) cover += w.text;
    EXPECT_NE(cover.find("数据来源：xiangyang.gpkg（项目文件xiangyang.coopmap）"), std::string::npos) << cover;
}

// The report of the generated 10,000-village project: thousands of uncovered villages, most
// far from any station, and a scenario of 64 sites.
TEST(Report10k, EveryUncoveredVillageOnceInTheCliOrderEverySiteAndClearPages)
{
    const auto& synth = synth_project();
    ASSERT_FALSE(synth.project.empty());
    const auto pdf = (synth.dir / "报告.pdf").string();
    const auto r = run_process(kCli, {"report", synth.project, "--out", pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Summary summary = summary_of(r, pdf);
    const auto expected = uncovered_csv(synth.project, synth.dir);
    EXPECT_EQ(summary.uncovered, static_cast<int>(expected.size()));
    EXPECT_GT(expected.size(), 5000u);
    const auto pages = pdf_pages(pdf);
    ASSERT_EQ(static_cast<int>(pages.size()), summary.pages);
    expect_uncovered_list(pages, expected);
    expect_clean_pages(pages, synth.name);

    // The scenario's pages list every site once, in its order.
    std::vector<std::string> sites;
    for (const auto& page : pages)
        if (page.heading().rfind("规划方案", 0) == 0)
            for (const auto& w : page.words)
                if (w.text.rfind("拟建点", 0) == 0) sites.push_back(w.text);
    EXPECT_EQ(sites, synth.sites);
}

TEST_F(Report, CopiedTextHasNoKangxiRadicals)
{
    if (!clean_cjk_font_installed())
        GTEST_SKIP() << "no CJK font whose ideographs keep their own glyphs: install fonts-wqy-microhei";
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    const auto text = run_process("pdftotext", {"-layout", *pdf_, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    const auto radicals = radicals_in(text.out);
    EXPECT_TRUE(radicals.empty()) << radicals.size() << " radicals, first "
                                  << (radicals.empty() ? "" : radicals.front());
    // Headings and county names exactly as written, ideographs with radical twins among them.
    for (const char* s : {"襄阳市供销服务网络（示例）", "服务网络图", "各县（市、区）服务覆盖情况", "未覆盖村名单",
                          "老河口市", "谷城县", "保康县", "南漳县", "覆盖人口", "制图日期"})
        EXPECT_NE(text.out.find(s), std::string::npos) << s;
}

TEST_F(Report, MapPageShowsTheCityAndNothingStaleAroundIt)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    const auto r = run_process(
        "pdftoppm", {"-r", "150", "-f", "2", "-l", "2", "-png", "-singlefile", *pdf_, (*dir_ / "map150").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const QImage page(QString::fromStdString((*dir_ / "map150.png").string()));
    ASSERT_FALSE(page.isNull());
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto layers = io::load_project_layers(*project);
    ASSERT_TRUE(layers.ok()) << layers.error().text();
    const Style* county_style = nullptr;
    const Layer* counties = nullptr;
    const Layer* hubs = nullptr;
    const Style* hub_style = nullptr;
    for (std::size_t i = 0; i < project->layers.size(); ++i) {
        if (project->layers[i].id == "counties") {
            counties = &layers->layers[i];
            county_style = project->style_for(project->layers[i]);
        }
        if (project->layers[i].role == Role::distribution_center) {
            hubs = &layers->layers[i];
            hub_style = project->style_for(project->layers[i]);
        }
    }
    ASSERT_TRUE(counties && hubs && county_style && hub_style);
    const QColor fill(QString::fromStdString(county_style->color));

    // The map's background is the colour that runs unbroken across more than half the page in
    // the most rows: the band between the frame's title and the city, and below the city. The
    // counties' fill, broken by boundaries, roads and points, never does; the frame's border
    // lines do, but only in a few rows. (The commonest colour was not enough: the city now
    // fills so much of the portrait frame that its fill can outnumber the background.)
    const int legend_x = page.width();
    std::map<QRgb, int> long_rows;
    for (int y = 0; y < page.height(); ++y) {
        int x = 0;
        while (x < legend_x) {
            const QRgb c = page.pixel(x, y);
            int end = x + 1;
            while (end < legend_x && page.pixel(end, y) == c) ++end;
            if (c != qRgb(255, 255, 255) && end - x > legend_x / 2) ++long_rows[c];
            x = end;
        }
    }
    ASSERT_FALSE(long_rows.empty()) << "no colour runs across the map's frame";
    const QRgb background =
        std::max_element(long_rows.begin(), long_rows.end(), [](auto a, auto b) { return a.second < b.second; })->first;
    for (const auto& [role, style] : project->styles) {
        if (style.color.empty()) continue;
        EXPECT_FALSE(near_color(background, QColor(QString::fromStdString(style.color)), 8))
            << role << " as the map's background";
    }
    // Rows and columns with a good run of background: a few antialiased pixels of grey text
    // elsewhere on the page can have the same colour.
    std::vector<int> in_row(page.height()), in_column(legend_x);
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < legend_x; ++x)
            if (page.pixel(x, y) == background) ++in_row[y], ++in_column[x];
    int fx0 = page.width(), fy0 = page.height(), fx1 = -1, fy1 = -1;
    for (int y = 0; y < page.height(); ++y)
        if (in_row[y] > 100) fy0 = std::min(fy0, y), fy1 = std::max(fy1, y);
    for (int x = 0; x < legend_x; ++x)
        if (in_column[x] > 100) fx0 = std::min(fx0, x), fx1 = std::max(fx1, x);
    ASSERT_GT(fx1 - fx0, 100);
    ASSERT_GT(fy1 - fy0, 100);

    // The report fits the counties' box in the frame (app/present/map_print.cpp: centred, 92%
    // of the frame's tighter side), so this is where the city must be on the page.
    const Bounds city = counties->bounds();
    const double cw = (city.max_x - city.min_x) * std::numbers::pi / 180,
                 ch = mercator_y(city.max_y) - mercator_y(city.min_y);
    const double fw = fx1 - fx0 + 1, fh = fy1 - fy0 + 1;
    const double scale = 0.92 * std::min(fw / cw, fh / ch);  // page pixels per radian of Mercator
    const double cx = (fx0 + fx1 + 1) / 2.0, cy = (fy0 + fy1 + 1) / 2.0;
    const double mid_y = (mercator_y(city.max_y) + mercator_y(city.min_y)) / 2, mid_x = (city.min_x + city.max_x) / 2;
    auto pixel_of = [&](double lon, double lat) {
        return QPointF(cx + (lon - mid_x) * std::numbers::pi / 180 * scale, cy - (mercator_y(lat) - mid_y) * scale);
    };
    const QPointF top_left = pixel_of(city.min_x, city.max_y), bottom_right = pixel_of(city.max_x, city.min_y);

    // The counties' fill only inside the city's box: stale tiles of an earlier view showed it
    // (enlarged) far beyond, above and below the city.
    int fill_outside = 0, fill_inside = 0;
    for (int y = fy0; y <= fy1; ++y)
        for (int x = fx0; x <= fx1; ++x) {
            if (!near_color(page.pixel(x, y), fill, 3)) continue;
            const bool inside = x >= top_left.x() - 6 && x <= bottom_right.x() + 6 && y >= top_left.y() - 6 &&
                                y <= bottom_right.y() + 6;
            (inside ? fill_inside : fill_outside)++;
        }
    EXPECT_GT(fill_inside, 1000);
    EXPECT_EQ(fill_outside, 0);
    // A third of the way from the city to the frame, above and below it: the plain background
    // (nearer the frame the north arrow and the scale bar stand in its corners).
    int plain = 0, total = 0;
    for (int y : {static_cast<int>((fy0 + 2 * top_left.y()) / 3), static_cast<int>((fy1 + 2 * bottom_right.y()) / 3)})
        for (int x = static_cast<int>(top_left.x()); x <= static_cast<int>(bottom_right.x()); ++x, ++total)
            plain += page.pixel(x, y) == background;
    EXPECT_EQ(plain, total) << "background above and below the city is not plain";

    // The county seats' distribution centres in their purple where the fit puts them.
    const QColor purple(QString::fromStdString(hub_style->color));
    int seen = 0;
    for (std::size_t f = 0; f < hubs->size(); ++f) {
        const Bounds b = hubs->feature_bounds(f);
        const QPoint at = pixel_of(b.min_x, b.min_y).toPoint();
        bool hit = false;
        for (int dy = -3; dy <= 3 && !hit; ++dy)
            for (int dx = -3; dx <= 3 && !hit; ++dx) hit = near_color(page.pixel(at.x() + dx, at.y() + dy), purple, 24);
        EXPECT_TRUE(hit) << "distribution centre " << f << " at " << at.x() << "," << at.y();
        seen += hit;
    }
    EXPECT_EQ(seen, static_cast<int>(hubs->size()));
}

TEST_F(Report, CjkFontEmbedded)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    const auto fonts = run_process("pdffonts", {*pdf_});
    ASSERT_EQ(fonts.exit_code, 0) << fonts.err;
    bool cjk = false;
    const std::string family = clean_cjk_font_installed() ? "WenQuanYi" : "NotoSansCJK";
    for (const auto& line : split(fonts.out, '\n')) {
        if (line.find(family) == std::string::npos) continue;
        const auto w = words(line);
        // name type… emb sub uni object ID: "yes" in the emb column (fifth from the end).
        ASSERT_GE(w.size(), 6u) << line;
        cjk = true;
        EXPECT_EQ(w[w.size() - 5], "yes") << line;
    }
    EXPECT_TRUE(cjk) << fonts.out;
}

TEST(ReportErrors, MissingProjectNamesItAndWritesNothing)
{
    const auto pdf =
        std::filesystem::temp_directory_path() / ("coopmap-report-missing-" + std::to_string(::getpid()) + ".pdf");
    const auto r = run_process(kCli, {"report", "/nonexistent/其他.coopmap", "--out", pdf.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/其他.coopmap"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

}  // namespace
}  // namespace coopmap::test
