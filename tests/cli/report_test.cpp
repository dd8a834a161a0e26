// `coopmap-cli report`: the PDF as a reader gets it, read back with poppler (pdfinfo,
// pdftotext, pdftoppm, pdffonts); its coverage figures against `coopmap-cli coverage`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QColor>
#include <QImage>
#include <QString>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";
// As app/present/report_writer.h designs the report.
constexpr int kFixedPages = 6;
constexpr int kVillagesPerPage = 40;

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);) out.push_back(part);
    return out;
}

// Whitespace-separated words of a line.
std::vector<std::string> words(const std::string& line)
{
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
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

TEST_F(Report, PageCountAsDesigned)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    ASSERT_EQ(coverage_->exit_code, 0) << coverage_->err;
    const auto rows = coverage_rows();
    ASSERT_EQ(rows.size(), 10u);  // 9 counties and the total
    const auto& total = rows.back();
    const int uncovered = std::stoi(total[2]) - std::stoi(total[3]);
    const int expected = kFixedPages + std::max(1, (uncovered + kVillagesPerPage - 1) / kVillagesPerPage);

    const auto info = run_process("pdfinfo", {*pdf_});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    const auto at = info.out.find("Pages:");
    ASSERT_NE(at, std::string::npos) << info.out;
    EXPECT_EQ(std::stoi(info.out.substr(at + 6)), expected) << info.out;
    EXPECT_NE(report_->out.find("报告 " + std::to_string(expected) + " 页，未覆盖村 " + std::to_string(uncovered) + " 个"),
              std::string::npos)
        << report_->out;

    // One PNG per page, the map page not blank: the counties' fill colour covers much of it.
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
    EXPECT_GT(county, map.width() * map.height() / 40) << "county fill pixels on the map page";
}

TEST_F(Report, HeadingsCountiesAndFiguresEqualToCoverageCommand)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    auto text = run_process("pdftotext", {"-layout", *pdf_, "-"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    // Qt's PDF writer maps a glyph back to the first code point that uses it, so glyphs Noto
    // shares with the Kangxi radicals (人 口 谷 老 米 网 …) come back as U+2F00–U+2FD5; NFKC
    // folds just those back to the ideographs that were drawn (not the full-width brackets).
    QString folded;
    for (const QChar c : QString::fromStdString(text.out))
        folded += c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF ? QString(c).normalized(QString::NormalizationForm_KC) : QString(c);
    text.out = folded.toStdString();
    for (const char* heading : {"襄阳市供销服务网络（示例）", "供销服务网络发展情况报告", "服务网络图", "各县（市、区）服务覆盖情况",
                                "各县（市、区）村覆盖率", "未覆盖村名单", "土地托管/流转情况", "规划方案", "当前项目没有规划方案",
                                "数据来源：xiangyang.gpkg"})
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

TEST_F(Report, CjkFontEmbedded)
{
    ASSERT_EQ(report_->exit_code, 0) << report_->err;
    const auto fonts = run_process("pdffonts", {*pdf_});
    ASSERT_EQ(fonts.exit_code, 0) << fonts.err;
    bool cjk = false;
    for (const auto& line : split(fonts.out, '\n')) {
        if (line.find("NotoSansCJK") == std::string::npos) continue;
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
    const auto pdf = std::filesystem::temp_directory_path() / ("coopmap-report-missing-" + std::to_string(::getpid()) + ".pdf");
    const auto r = run_process(kCli, {"report", "/nonexistent/其他.coopmap", "--out", pdf.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/其他.coopmap"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

}  // namespace
}  // namespace coopmap::test
