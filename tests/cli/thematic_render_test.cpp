// `coopmap-cli render --theme`: the 专题图 on the printed page, on both Qt Quick backends (RHI
// OpenGL and software, under Xvfb). Each township's inner point (the engine's, as the labels use)
// is projected to its pixel from the camera the command reports, and must show the colour of the
// class the engine put the township in; the legend's ranges must be the engine's ClassBreaks
// labels. On the sample and on a generated project (coopmap-cli synth, boundaries made here with
// other column names, no view of its own).
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <unistd.h>

#include "analysis/project_data.h"
#include "analysis/thematic.h"
#include "io/gdal_reader.h"
#include "io/gdal_writer.h"
#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

bool same_color(QRgb p, const QColor& c, int tolerance = 4)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
           std::abs(qBlue(p) - c.blue()) <= tolerance;
}

// Web Mercator to the unit square, as Qt Location's map projects.
QPointF unit_mercator(double lon, double lat)
{
    const double phi = lat * std::numbers::pi / 180.0;
    return {(lon + 180.0) / 360.0, 0.5 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / (2.0 * std::numbers::pi)};
}

// What --frame writes: the map's rectangle in the picture and its camera.
struct Frame {
    double x = 0, y = 0, w = 0, h = 0, lon = 0, lat = 0, zoom = 0, scale = 1;
    QPointF pixel(double plon, double plat) const
    {
        const double world = 256.0 * std::exp2(zoom) * scale;
        return (unit_mercator(plon, plat) - unit_mercator(lon, lat)) * world + QPointF(x + w / 2, y + h / 2);
    }
};

std::optional<Frame> read_frame(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    Frame f;
    if (std::sscanf(line.c_str(), "map\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf\t%lf", &f.x, &f.y, &f.w, &f.h, &f.lon, &f.lat,
                    &f.zoom, &f.scale) != 8)
        return std::nullopt;
    return f;
}

struct ThemeMark {
    int x = 0, y = 0;
    std::string color, label;
};

// The legend's 专题图 rows: "theme:<k>\tx\ty\t#colour\trange".
std::vector<ThemeMark> theme_marks(const std::filesystem::path& file)
{
    std::vector<ThemeMark> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("theme:", 0) != 0) continue;
        const auto f = split(line, '\t');
        if (f.size() != 5) continue;
        out.push_back(ThemeMark{std::stoi(f[1]), std::stoi(f[2]), f[3], f[4]});
    }
    return out;
}

// The backend is the parameter: "rhi" is Qt Quick's default (OpenGL on Mesa under Xvfb),
// "software" its software renderer.
class ThemeRender : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override
    {
        dir_ =
            std::filesystem::temp_directory_path() / ("coopmap-theme-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
        setenv("QT_QPA_PLATFORM", "xcb", 1);
        if (std::string(GetParam()) == "software") setenv("QT_QUICK_BACKEND", "software", 1);
    }
    void TearDown() override
    {
        unsetenv("QT_QPA_PLATFORM");
        unsetenv("QT_QUICK_BACKEND");
        std::filesystem::remove_all(dir_);
    }

    // Renders `project` with `args` (the theme's), every layer but the boundaries hidden and no
    // names, then checks every big enough township against `expected` (the engine's map).
    // Returns how many townships were checked.
    int render_and_check(const std::string& project, const std::vector<std::string>& theme_args,
                         const analysis::ThematicMap& expected, const Layer& boundary, const std::string& hide)
    {
        const auto png = (dir_ / "theme.png").string();
        std::vector<std::string> args = {"render",      project,
                                         "--out",       png,
                                         "--paper",     "A4",
                                         "--dpi",       "150",
                                         "--legend",    (dir_ / "legend.tsv").string(),
                                         "--frame",     (dir_ / "frame.tsv").string(),
                                         "--no-labels", "--hide",
                                         hide};
        args.insert(args.end(), theme_args.begin(), theme_args.end());
        const auto r = run_process(kCli, args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        if (r.exit_code != 0) return 0;
        // The legend as the command prints it: the title, then each class's colour and range.
        EXPECT_NE(r.out.find(expected.title + "\n"), std::string::npos) << r.out;
        for (std::size_t k = 0; k < expected.labels.size(); ++k)
            EXPECT_NE(r.out.find("  " + expected.colors[k] + "  " + expected.labels[k] + "（"), std::string::npos)
                << r.out;

        const QImage image(QString::fromStdString(png));
        EXPECT_FALSE(image.isNull());
        const auto frame = read_frame(dir_ / "frame.tsv");
        EXPECT_TRUE(frame.has_value());
        if (image.isNull() || !frame) return 0;

        // The legend: one row per class with the engine's range and colour, drawn in it; then
        // the townships without a value.
        const auto marks = theme_marks(dir_ / "legend.tsv");
        EXPECT_EQ(marks.size(), expected.labels.size() + (expected.no_value ? 1 : 0));
        for (std::size_t k = 0; k < marks.size() && k < expected.labels.size(); ++k) {
            EXPECT_EQ(marks[k].label, expected.labels[k]) << k;
            EXPECT_EQ(marks[k].color, expected.colors[k]) << k;
            EXPECT_TRUE(same_color(image.pixel(marks[k].x, marks[k].y), QColor(QString::fromStdString(marks[k].color))))
                << "legend class " << k << " is " << QColor(image.pixel(marks[k].x, marks[k].y)).name().toStdString();
            EXPECT_GT(marks[k].x, frame->x + frame->w) << "the legend is beside the map";
        }
        if (expected.no_value && marks.size() == expected.labels.size() + 1) {
            EXPECT_EQ(marks.back().label, expected.no_value_label);
        }

        // Away from the scale bar (bottom left) and the north arrow (top right).
        const QRectF inner(frame->x + 4, frame->y + 4, frame->w - 8, frame->h - 8);
        const QRectF scale_bar(frame->x, frame->y + frame->h * 0.85, frame->w * 0.3, frame->h * 0.15);
        const QRectF arrow(frame->x + frame->w * 0.88, frame->y, frame->w * 0.12, frame->h * 0.18);
        int checked = 0;
        for (const auto& u : expected.units) {
            const Bounds b = boundary.feature_bounds(u.feature);
            const QPointF lo = frame->pixel(b.min_x, b.min_y), hi = frame->pixel(b.max_x, b.max_y);
            // A township a few pixels wide is mostly outline.
            if (std::abs(hi.x() - lo.x()) < 24 || std::abs(hi.y() - lo.y()) < 24) continue;
            const QPointF at = frame->pixel(u.anchor_lon, u.anchor_lat);
            if (!inner.contains(at) || scale_bar.contains(at) || arrow.contains(at)) continue;
            // Graduated symbols: the inner point shows the unit's own circle, unless a
            // neighbour's circle reaches over it.
            bool covered = false;
            for (const auto& v : expected.units)
                if (&v != &u && v.symbol_px > 0) {
                    const QPointF d = frame->pixel(v.anchor_lon, v.anchor_lat) - at;
                    covered = covered || std::hypot(d.x(), d.y()) < (v.symbol_px / 2 + 2) * frame->scale;
                }
            if (covered) continue;
            const QColor want(QString::fromStdString(u.value ? expected.colors[u.cls]
                                                             : std::string(analysis::ThematicMap::kNoValueColor)));
            const QRgb got = image.pixel(static_cast<int>(std::floor(at.x())), static_cast<int>(std::floor(at.y())));
            EXPECT_TRUE(same_color(got, want))
                << u.name << " (" << u.code << ") at " << at.x() << "," << at.y() << " is "
                << QColor(got).name().toStdString() << ", its class " << want.name().toStdString();
            ++checked;
        }
        std::printf("%d townships checked at their inner point\n", checked);
        return checked;
    }

    std::filesystem::path dir_;
};

// The project's layers but the one of `keep`, comma separated.
std::string all_but(const Project& project, const std::string& keep)
{
    std::string out;
    for (const auto& l : project.layers)
        if (l.id != keep) out += (out.empty() ? "" : ",") + l.id;
    return out;
}

TEST_P(ThemeRender, SampleTownshipsInTheirCoverageClassColour)
{
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();
    analysis::ThematicRequest q;  // 村覆盖率 by township, natural breaks, 5 classes: the defaults
    const auto m = analysis::run_thematic(*project, data->layers, q);
    ASSERT_TRUE(m.ok()) << m.error().text();
    ASSERT_EQ(m->breaks.classes(), 5u);
    const int checked = render_and_check(kSample, {"--theme", "coverage_rate"}, *m, data->layers[m->layer_index],
                                         all_but(*project, m->layer_id));
    // The sample has about 100 townships; most are tens of pixels wide on an A4 page.
    EXPECT_GE(checked, 40);
}

TEST_P(ThemeRender, SampleUncoveredPopulationAsGraduatedSymbols)
{
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();
    analysis::ThematicRequest q;
    q.figure = analysis::ThematicFigure::uncovered_population;
    q.year = 2023;
    const auto m = analysis::run_thematic(*project, data->layers, q);
    ASSERT_TRUE(m.ok()) << m.error().text();
    ASSERT_TRUE(m->symbols);
    EXPECT_EQ(m->symbol_px, (std::vector<double>{8, 13.5, 19, 24.5, 30}));
    // Each township's circle, in its class colour, at its inner point (the polygons under them
    // are the neutral base).
    const int checked = render_and_check(kSample, {"--theme", "uncovered_population", "--year", "2023"}, *m,
                                         data->layers[m->layer_index], all_but(*project, m->layer_id));
    EXPECT_GE(checked, 40);
}

TEST_P(ThemeRender, SampleCountiesByFixedBreaksOfAYear)
{
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();
    analysis::ThematicRequest q;
    q.level = analysis::GroupBy::county;
    q.method = analysis::BreakMethod::fixed;
    q.breaks = {60, 80, 90};
    q.year = 2023;
    const auto m = analysis::run_thematic(*project, data->layers, q);
    ASSERT_TRUE(m.ok()) << m.error().text();
    const int checked = render_and_check(
        kSample, {"--theme", "coverage_rate", "--level", "county", "--breaks", "60,80,90", "--year", "2023"}, *m,
        data->layers[m->layer_index], all_but(*project, m->layer_id));
    EXPECT_GE(checked, 6);  // of the 9 counties, the scale bar's corner may hold one or two
}

// Issue 19: the project file's "thematic" section is what `--theme` alone draws: the sample with
// counties by fixed breaks of 2023, saved elsewhere (its sources made absolute), gives the legend
// of exactly those breaks without a single theme option.
TEST_P(ThemeRender, ThemeAloneDrawsTheProjectFilesDefaults)
{
    auto project = read_project(kSample);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();
    analysis::ThematicRequest q;
    q.level = analysis::GroupBy::county;
    q.method = analysis::BreakMethod::fixed;
    q.breaks = {70, 85, 95};
    q.year = 2023;
    const auto m = analysis::run_thematic(*project, data->layers, q);
    ASSERT_TRUE(m.ok()) << m.error().text();
    // The legend's ranges are the project's breaks: the counties' 2023 rates (10.8 to 76.8 %)
    // lie across 70 only, so two classes split at 70.
    ASSERT_EQ(m->labels.size(), 2u);
    EXPECT_NE(m->labels[0].find("– 70.0 %"), std::string::npos) << m->labels[0];
    EXPECT_EQ(m->labels[1].rfind("70.0 –", 0), 0u) << m->labels[1];

    for (auto& l : project->layers) l.source = project->source_path(l);
    for (auto& s : project->services) s.source = project->resolve(s.source);
    project->thematic.level = "county";
    project->thematic.breaks = {70, 85, 95};
    project->thematic.year = 2023;
    const std::string file = (dir_ / "themed.coopmap").string();
    ASSERT_TRUE(save_project(*project, file).ok());
    const int checked =
        render_and_check(file, {"--theme"}, *m, data->layers[m->layer_index], all_but(*project, m->layer_id));
    EXPECT_GE(checked, 6);
    // An option still overrides the file: five natural classes by township are not its four.
    const auto r = run_process(kCli, {"render", file, "--out", (dir_ / "t.png").string(), "--paper", "A4", "--dpi",
                                      "72", "--theme", "--level", "township", "--method", "natural"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("· 按乡镇"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(m->labels[1]), std::string::npos) << r.out;
}

// A generated project: villages and stations from `coopmap-cli synth`, townships as the box
// around each synth township's villages, written here under the column names 乡镇代码 and 乡镇名称.
TEST_P(ThemeRender, GeneratedProjectWithItsOwnColumnNames)
{
    const auto gpkg = (dir_ / "synth.gpkg").string();
    const auto gen = run_process(kCli, {"synth", "--villages", "13000", "--facilities", "4000", "--road-edges", "10",
                                        "--seed", "19", "--out", gpkg});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    io::SourceSpec spec;
    spec.uri = gpkg;
    spec.layer = "villages";
    auto villages = io::read_layer(spec);
    ASSERT_TRUE(villages.ok()) << villages.error().text();
    const Column* town = villages->layer.column("township_code");
    ASSERT_NE(town, nullptr);
    std::map<std::string, Bounds> boxes;
    for (std::size_t f = 0; f < villages->layer.size(); ++f)
        boxes[town->text(f)].extend(villages->layer.first_x(f), villages->layer.first_y(f));
    Layer towns;
    towns.kind = GeometryKind::polygon;
    towns.role = Role::admin_boundary;
    towns.columns.reserve(2);
    auto& code = towns.add_column("乡镇代码", FieldType::text);
    auto& name = towns.add_column("乡镇名称", FieldType::text);
    int n = 0;
    for (const auto& [c, b] : boxes) {
        const double pad = 0.01;
        for (auto [x, y] : {std::pair{b.min_x - pad, b.min_y - pad},
                            {b.max_x + pad, b.min_y - pad},
                            {b.max_x + pad, b.max_y + pad},
                            {b.min_x - pad, b.max_y + pad},
                            {b.min_x - pad, b.min_y - pad}})
            towns.add_coordinate(x, y);
        towns.end_ring();
        towns.end_part();
        towns.end_feature();
        code.texts.push_back(c);
        code.null.push_back(0);
        name.texts.push_back("合成乡镇" + std::to_string(++n));
        name.null.push_back(0);
    }
    ASSERT_TRUE(io::write_layer(towns, {.path = (dir_ / "towns.gpkg").string(), .layer = "xz"}).ok());
    // A bookmark at the first township, close enough that it and its neighbours are tens of
    // pixels wide (the whole extent, where a theme is fitted by default, is China's).
    const Bounds& first = boxes.begin()->second;
    // An empty tile folder for basemap: offline tiles drawn for a China-wide extent would take
    // the test minutes and are not what it checks.
    std::filesystem::create_directories(dir_ / "tiles");
    const std::string file = (dir_ / "synth.coopmap").string();
    std::ofstream(file) << R"({"version": 1, "name": "合成专题图", "layers": [
  {"id": "xz", "title": "乡镇", "source": "towns.gpkg", "layer": "xz", "role": "admin_boundary", "level": "township",
   "fields": {"code": "乡镇代码", "name": "乡镇名称"}},
  {"id": "cun", "title": "村", "source": "synth.gpkg", "layer": "villages", "role": "village",
   "fields": {"name": "name", "code": "code", "population": "population", "township_code": "township_code"}},
  {"id": "zhan", "title": "村级综合服务社", "source": "synth.gpkg", "layer": "facilities",
   "role": "village_service_station", "fields": {"name": "name"}}],
 "service_radii_m": {"village_service_station": 3000},
 "basemap": {"kind": "tiles", "directory": "tiles"},
 "bookmarks": [{"name": "一个乡镇", "caption": "", "center": [)"
                        << (first.min_x + first.max_x) / 2 << ", " << (first.min_y + first.max_y) / 2
                        << R"(], "zoom": 8}]})";
    const auto project = read_project(file);
    ASSERT_TRUE(project.ok()) << project.error().text();
    const auto data = analysis::load_project(*project);
    ASSERT_TRUE(data.ok()) << data.error().text();
    analysis::ThematicRequest q;
    q.method = analysis::BreakMethod::quantile;
    q.classes = 4;
    const auto m = analysis::run_thematic(*project, data->layers, q);
    ASSERT_TRUE(m.ok()) << m.error().text();
    EXPECT_EQ(m->units.size(), boxes.size());
    EXPECT_EQ(m->no_value, 0u);
    const int checked = render_and_check(
        file, {"--theme", "村覆盖率", "--method", "quantile", "--classes", "4", "--bookmark", "一个乡镇"}, *m,
        data->layers[0], "cun,zhan");
    EXPECT_GE(checked, 4);  // seven at seed 19
}

INSTANTIATE_TEST_SUITE_P(Backends, ThemeRender, ::testing::Values("rhi", "software"));

TEST(ThemeRenderErrors, UnknownFigureAndSitesBuiltByTownshipAreSaid)
{
    const auto dir = std::filesystem::temp_directory_path() / ("coopmap-theme-err-" + std::to_string(::getpid()));
    const auto png = (dir / "x.png").string();
    auto r = run_process(kCli, {"render", kSample, "--out", png, "--theme", "人口密度"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("无法识别的专题指标 --theme 人口密度"), std::string::npos) << r.err;
    r = run_process(kCli, {"render", kSample, "--out", png, "--theme", "sites_built", "--year", "2023"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("新建网点数按县（市、区）统计"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(png));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace coopmap::test
