// `coopmap-cli render`: a printed map at a paper size and DPI, its pixel size, and the
// legend's symbols in the project's colours where the legend column is.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QColor>
#include <QImage>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

bool same_color(QRgb p, const QColor& c, int tolerance = 3)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
           std::abs(qBlue(p) - c.blue()) <= tolerance;
}

struct Mark {
    int x = 0, y = 0;
    std::string color;
};

// The file `--legend` writes: "<id>\t<x>\t<y>\t<#colour>" a layer, in the legend's order.
std::vector<std::pair<std::string, Mark>> legend_marks(const std::filesystem::path& file)
{
    std::vector<std::pair<std::string, Mark>> marks;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        char id[128], color[16];
        Mark m;
        if (std::sscanf(line.c_str(), "%127[^\t]\t%d\t%d\t%15s", id, &m.x, &m.y, color) == 4) {
            m.color = color;
            marks.emplace_back(id, m);
        }
    }
    return marks;
}

class RenderPaper : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ =
            std::filesystem::temp_directory_path() / ("coopmap-render-paper-" + std::to_string(::getpid()) +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(RenderPaper, A3Landscape300DpiHasItsPixelSizeAndLegendColours)
{
    const auto png = (dir_ / "map.png").string();
    const auto r = run_process(kCli, {"render", kSample, "--out", png, "--paper", "A3", "--dpi", "300", "--legend",
                                      (dir_ / "legend.tsv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // One line, nothing on stderr.
    EXPECT_EQ(r.out, "A3 横向 300 dpi 4961x3508 → " + png + "\n");
    EXPECT_EQ(r.err, "");
    const QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    // ISO 216 A3 is 420 x 297 mm: at 300 dpi 4960.6 x 3507.9 pixels.
    EXPECT_EQ(image.width(), 4961);
    EXPECT_EQ(image.height(), 3508);
    EXPECT_EQ(image.dotsPerMeterX(), 11811);  // 300 / 0.0254

    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto marks = legend_marks(dir_ / "legend.tsv");
    // Every layer is shown, so every layer has its row, in the project's order.
    ASSERT_EQ(marks.size(), project->layers.size());
    int checked = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const auto& layer = project->layers[i];
        const auto& [id, m] = marks[i];
        EXPECT_EQ(id, layer.id);
        // The legend column is right of the map frame, below the title.
        EXPECT_GT(m.x, image.width() * 7 / 10) << id;
        EXPECT_GT(m.y, image.height() / 10) << id;
        if (i > 0) {
            EXPECT_GT(m.y, marks[i - 1].second.y) << id;
        }
        const Style* style = project->style_for(layer);
        ASSERT_NE(style, nullptr) << id;
        // Points and filled polygons show their fill at the symbol's centre (townships have
        // only an outline, roads a thin line: their centre is not checked).
        if (style->color.empty() || layer.role == Role::road) continue;
        EXPECT_EQ(m.color, style->color) << id;
        EXPECT_TRUE(same_color(image.pixel(m.x, m.y), QColor(QString::fromStdString(style->color)), 6))
            << id << " at " << m.x << "," << m.y << " is " << QColor(image.pixel(m.x, m.y)).name().toStdString()
            << ", style " << style->color;
        ++checked;
    }
    EXPECT_EQ(checked, 9);
    // The margins are white paper.
    EXPECT_EQ(image.pixel(5, 5), qRgb(255, 255, 255));
    EXPECT_EQ(image.pixel(image.width() - 3, image.height() - 3), qRgb(255, 255, 255));
}

TEST_F(RenderPaper, A4PortraitAtABookmark)
{
    const auto png = (dir_ / "襄州区.png").string();
    const auto r =
        run_process(kCli, {"render", kSample, "--bookmark", "襄州区", "--out", png, "--paper", "A4", "--orientation",
                           "portrait", "--dpi", "150", "--legend", (dir_ / "legend.tsv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "A4 纵向 150 dpi 1240x1754 → " + png + "\n");
    const QImage image(QString::fromStdString(png));
    EXPECT_EQ(image.width(), 1240);  // 210 mm at 150 dpi
    EXPECT_EQ(image.height(), 1754);  // 297 mm
    // The legend below the map holds every layer of the bookmark's view, each symbol on the
    // page above the footer line (it used to stop after six rows, the rest cut off).
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    std::size_t shown = 0;
    for (const auto& b : project->bookmarks)
        if (b.name == "襄州区") shown = b.layers.empty() ? project->layers.size() : b.layers.size();
    const auto marks = legend_marks(dir_ / "legend.tsv");
    EXPECT_EQ(marks.size(), shown);
    for (const auto& [id, m] : marks) {
        EXPECT_GT(m.y, image.height() * 7 / 10) << id;
        EXPECT_LT(m.y, image.height() * 95 / 100) << id;
        EXPECT_GT(m.x, 0) << id;
        EXPECT_LT(m.x, image.width()) << id;
    }
    // The edges are white paper, the last row and column too.
    for (int x : {0, image.width() / 2, image.width() - 1})
        EXPECT_EQ(image.pixel(x, image.height() - 1), qRgb(255, 255, 255)) << x;
    for (int y : {0, image.height() / 2, image.height() - 1})
        EXPECT_EQ(image.pixel(image.width() - 1, y), qRgb(255, 255, 255)) << y;
}

TEST_F(RenderPaper, UnknownBookmarkAndBadDpiFailClearly)
{
    const auto png = (dir_ / "map.png").string();
    auto r = run_process(kCli, {"render", kSample, "--bookmark", "没有这个", "--out", png});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("没有这个"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("全市总览、襄州区、保康县、枣阳市"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(png));

    r = run_process(kCli, {"render", kSample, "--out", png, "--dpi", "600"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--dpi"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(png));
}

}  // namespace
}  // namespace coopmap::test
