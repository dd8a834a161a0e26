// `coopmap --render`: the window that users see, saved to a PNG without a screen.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "io/gdal_reader.h"
#include "io/project_layers.h"
#include "model/fields.h"
#include "model/project.h"
#include "run_process.h"

#include <cmath>
#include <cstdio>
#include <numbers>

namespace coopmap::test {
namespace {

const std::string kGui = COOPMAP_GUI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

// Pixels within `tolerance` steps of a colour per channel (textures and blending round;
// antialiased outlines only reach their colour in the middle of the stroke).
int count_pixels(const QImage& image, QColor color, int tolerance = 3)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - color.red()) <= tolerance && std::abs(qGreen(p) - color.green()) <= tolerance &&
                 std::abs(qBlue(p) - color.blue()) <= tolerance;
        }
    return n;
}

class Render : public ::testing::Test {
protected:
    void SetUp() override
    {
        // A parameterised test's name ends in "/0": one folder, not a folder in a folder that
        // TearDown would leave behind.
        std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::replace(name.begin(), name.end(), '/', '-');
        dir_ = std::filesystem::temp_directory_path() /
               ("coopmap-render-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + name);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(Render, NoProjectRendersTheSampleWithBoundariesAndVillages)
{
    const auto png = (dir_ / "map.png").string();
    const auto r = run_process(kGui, {"--render", png, "--size", "1200x800"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("村（社区） 2817"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(png), std::string::npos) << r.out;

    const QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1200);
    EXPECT_EQ(image.height(), 800);

    // The colours come from the project's own styles.
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    for (const auto& layer : project->layers) {
        const Style* style = project->style_for(layer);
        ASSERT_NE(style, nullptr) << layer.id;
        if (layer.id == "villages") {
            EXPECT_GT(count_pixels(image, QColor(QString::fromStdString(style->color))), 2000) << layer.id;
        }
        if (layer.id == "counties") {
            EXPECT_GT(count_pixels(image, QColor(QString::fromStdString(style->outline)), 16), 600) << layer.id;
        }
    }
}

// Web Mercator to the unit square, as the map draws (Qt Location's own projection).
QPointF unit_mercator(double lon, double lat)
{
    const double phi = lat * std::numbers::pi / 180.0;
    return {(lon + 180.0) / 360.0, 0.5 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / (2.0 * std::numbers::pi)};
}

bool same_color(QRgb p, QColor c, int tolerance = 3)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
           std::abs(qBlue(p) - c.blue()) <= tolerance;
}

struct Village {
    std::string name;
    double lon, lat;
};

// Three villages of 谷城县 from the sample itself, and the map's rectangle in the picture
// (the program prints it), so that each village's pixel can be computed independently.
class RenderPixels : public Render, public ::testing::WithParamInterface<const char*> {
protected:
    void SetUp() override
    {
        Render::SetUp();
        auto project = read_project(kSample);
        ASSERT_TRUE(project.ok()) << project.error().text();
        project_ = *project;
        const LayerConfig* counties = nullptr;
        const LayerConfig* villages = nullptr;
        for (const auto& l : project_.layers) {
            if (l.id == "counties") counties = &l;
            if (l.id == "villages") villages = &l;
            if (l.id != "counties" && l.id != "villages") hide_ += (hide_.empty() ? "" : ",") + l.id;
        }
        ASSERT_TRUE(counties && villages);
        auto c = io::read_layer(io::source_spec(project_, *counties));
        auto v = io::read_layer(io::source_spec(project_, *villages));
        ASSERT_TRUE(c.ok() && v.ok());
        std::string gucheng;
        const Column* cname = field_column(c->layer, *counties, "name");
        const Column* ccode = field_column(c->layer, *counties, "code");
        for (std::size_t f = 0; f < c->layer.size(); ++f)
            if (cname->text(f) == "谷城县") gucheng = ccode->text(f);
        ASSERT_FALSE(gucheng.empty());
        const Column* vname = field_column(v->layer, *villages, "name");
        const Column* vcounty = field_column(v->layer, *villages, "county_code");
        for (std::size_t f = 0; f < v->layer.size() && villages_.size() < 3; ++f) {
            if (vcounty->text(f) != gucheng) continue;
            const Village candidate{vname->text(f), v->layer.first_x(f), v->layer.first_y(f)};
            // Within 0.05° of the first (all in view at zoom 11) and apart from the others.
            bool ok = true;
            for (const auto& o : villages_) {
                const double d = std::hypot(o.lon - candidate.lon, o.lat - candidate.lat);
                ok = ok && d > 0.004 && std::abs(villages_[0].lon - candidate.lon) < 0.05 &&
                     std::abs(villages_[0].lat - candidate.lat) < 0.04;
            }
            if (ok) villages_.push_back(candidate);
        }
        ASSERT_EQ(villages_.size(), 3u);
        village_color_ = QColor(QString::fromStdString(project_.style_for(*villages)->color));
        county_color_ = QColor(QString::fromStdString(project_.style_for(*counties)->color));
        if (std::string(GetParam()) == "offscreen") setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    void TearDown() override
    {
        if (std::string(GetParam()) == "offscreen") unsetenv("QT_QPA_PLATFORM");
        Render::TearDown();
    }

    // Renders with `hide` hidden at 谷城县's first village, zoom 11; returns the image and
    // fills the villages' pixel positions.
    QImage render(const std::string& hide, std::vector<QPoint>& pixels)
    {
        const auto png = (dir_ / ("map-" + std::to_string(pixels.size()) + hide.substr(0, 8) + ".png")).string();
        char view[96];
        std::snprintf(view, sizeof view, "%.6f,%.6f,%d", villages_[0].lon, villages_[0].lat, kZoom);
        const auto r =
            run_process(kGui, {"--render", png, "--size", "1200x800", "--no-labels", "--hide", hide, "--view", view});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        double mx = 0, my = 0, mw = 0, mh = 0;
        const auto at = r.out.find("map ");
        EXPECT_NE(at, std::string::npos) << r.out;
        if (at == std::string::npos || std::sscanf(r.out.c_str() + at, "map %lf,%lf %lfx%lf", &mx, &my, &mw, &mh) != 4)
            return {};
        const double world = 256.0 * std::exp2(kZoom);
        const QPointF center = unit_mercator(villages_[0].lon, villages_[0].lat);
        pixels.clear();
        for (const auto& v : villages_) {
            const QPointF p = (unit_mercator(v.lon, v.lat) - center) * world + QPointF(mx + mw / 2, my + mh / 2);
            pixels.emplace_back(static_cast<int>(std::floor(p.x())), static_cast<int>(std::floor(p.y())));
        }
        map_ = QRect(static_cast<int>(mx), static_cast<int>(my), static_cast<int>(mw), static_cast<int>(mh));
        return QImage(QString::fromStdString(png));
    }

    static constexpr int kZoom = 11;
    Project project_;
    std::string hide_;
    std::vector<Village> villages_;
    QColor village_color_, county_color_;
    QRect map_;
};

TEST_P(RenderPixels, KnownVillagesInTheirColourAndNoneWhenHidden)
{
    std::vector<QPoint> pixels;
    const QImage shown = render(hide_, pixels);
    ASSERT_FALSE(shown.isNull());
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        ASSERT_TRUE(map_.contains(pixels[i])) << villages_[i].name;
        EXPECT_TRUE(same_color(shown.pixel(pixels[i]), village_color_))
            << villages_[i].name << " at " << pixels[i].x() << "," << pixels[i].y() << " is "
            << QColor(shown.pixel(pixels[i])).name().toStdString();
    }

    const QImage hidden = render(hide_ + ",villages", pixels);
    ASSERT_FALSE(hidden.isNull());
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        EXPECT_FALSE(same_color(hidden.pixel(pixels[i]), village_color_)) << villages_[i].name;
        // What is under a hidden village is the county it lies in.
        EXPECT_TRUE(same_color(hidden.pixel(pixels[i]), county_color_))
            << villages_[i].name << " " << QColor(hidden.pixel(pixels[i])).name().toStdString();
    }
    EXPECT_EQ(count_pixels(hidden.copy(map_), village_color_), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RenderPixels, ::testing::Values("default", "offscreen"));

TEST_F(Render, MissingProjectFailsWithItsNameAndWritesNoImage)
{
    const auto png = (dir_ / "map.png").string();
    const auto r = run_process(kGui, {"/nonexistent/other.coopmap", "--render", png});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/other.coopmap"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(png));
}

}  // namespace
}  // namespace coopmap::test
