// The basemap end to end: `coopmap-cli tiles` draws and caches the sample's tiles, converts
// MBTiles and tile folders (TMS rows flipped), and a Qt Location Map shows those tiles with no
// network, or fetches tiles from a real HTTP server on 127.0.0.1.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "basemap/basemap_source.h"
#include "basemap/tile_import.h"
#include "basemap/tile_renderer.h"
#include "basemap/tile_scheme.h"
#include "io/project_layers.h"
#include "model/project.h"
#include "run_process.h"

namespace coopmap::test {
namespace {

namespace fs = std::filesystem;
const std::string kCli = COOPMAP_CLI;
const std::string kSample = COOPMAP_SOURCE_DIR "/geodata/xiangyang.coopmap";

bool near(QRgb p, QColor c, int tolerance)
{
    return std::abs(qRed(p) - c.red()) <= tolerance && std::abs(qGreen(p) - c.green()) <= tolerance &&
           std::abs(qBlue(p) - c.blue()) <= tolerance;
}

// Whether a pixel within `radius` of (x, y) has the colour: an antialiased 2 px line is only
// fully its colour in the middle of the stroke.
bool colour_near(const QImage& image, int x, int y, QColor c, int radius = 1, int tolerance = 20)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const int px = x + dx, py = y + dy;
            if (px >= 0 && py >= 0 && px < image.width() && py < image.height() &&
                near(image.pixel(px, py), c, tolerance))
                return true;
        }
    return false;
}

QByteArray png_of(QColor c)
{
    QImage image(basemap::kTileSize, basemap::kTileSize, QImage::Format_RGB32);
    image.fill(c);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void write_file(const fs::path& p, const QByteArray& bytes)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(bytes.constData(), bytes.size());
}

// The first vertex of the first county: a point on a county boundary.
struct Vertex {
    double lon, lat;
};
Vertex county_vertex()
{
    const auto project = read_project(kSample);
    const auto& cfg = project->layers.front();  // "counties"
    auto layer = io::read_layer(io::source_spec(*project, cfg));
    return {layer->layer.first_x(0), layer->layer.first_y(0)};
}

class Tiles : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() / ("coopmap-tiles-" + std::to_string(QCoreApplication::applicationPid()) +
                                            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(Tiles, CliDrawsTheSampleAndReusesUnchangedTiles)
{
    const auto out = (dir_ / "xiangyang").string();
    const auto r = run_process(kCli, {"tiles", kSample, "--zoom", "8-9", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    // Expected tiles: every tile at zooms 8 and 9 that the basemap layers' extent touches.
    const auto project = read_project(kSample);
    Bounds b;
    for (const auto& cfg : project->layers)
        if (basemap::is_basemap_layer(cfg)) b.extend(io::read_layer(io::source_spec(*project, cfg))->layer.bounds());
    int expected = 0;
    for (int z = 8; z <= 9; ++z)
        expected += (int(basemap::world_x(b.max_x, z) / 256) - int(basemap::world_x(b.min_x, z) / 256) + 1) *
                    (int(basemap::world_y(b.min_y, z) / 256) - int(basemap::world_y(b.max_y, z) / 256) + 1);
    EXPECT_EQ(expected, 22);
    EXPECT_NE(r.out.find("离线底图：" + std::to_string(expected) + " 张瓦片，缩放 8–9"), std::string::npos) << r.out;
    int files = 0;
    for (const auto& e : fs::directory_iterator(out)) files += e.path().extension() == ".png";
    EXPECT_EQ(files, expected);

    // The county outline of the sample's style (#3c3c3c) lies on a county vertex.
    const Vertex v = county_vertex();
    const double wx = basemap::world_x(v.lon, 9), wy = basemap::world_y(v.lat, 9);
    const int tx = int(wx / 256), ty = int(wy / 256);
    const QImage tile(QString::fromStdString((fs::path(out) / basemap::offline_tile_name(9, tx, ty)).string()));
    ASSERT_FALSE(tile.isNull());
    EXPECT_TRUE(colour_near(tile, int(wx) - tx * 256, int(wy) - ty * 256, QColor("#3c3c3c")));

    // Nothing changed: nothing is drawn again.
    const auto stamp = fs::last_write_time(fs::path(out) / basemap::offline_tile_name(9, tx, ty));
    const auto again = run_process(kCli, {"tiles", kSample, "--zoom", "8-9", "--out", out});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("已是最新"), std::string::npos) << again.out;
    EXPECT_EQ(fs::last_write_time(fs::path(out) / basemap::offline_tile_name(9, tx, ty)), stamp);
}

TEST_F(Tiles, ChangedStyleIsDrawnAgain)
{
    auto project = read_project(kSample);
    ASSERT_TRUE(project.ok());
    for (auto& l : project->layers) l.source = project->source_path(l);  // the copy lives elsewhere
    project->styles["counties"].outline = "#ff0000";
    const auto file = (dir_ / "copy.coopmap").string();
    ASSERT_TRUE(save_project(*project, file).ok());
    const auto out = (dir_ / "tiles").string();
    ASSERT_EQ(run_process(kCli, {"tiles", file, "--zoom", "9", "--out", out}).exit_code, 0);

    const Vertex v = county_vertex();
    const double wx = basemap::world_x(v.lon, 9), wy = basemap::world_y(v.lat, 9);
    const int tx = int(wx / 256), ty = int(wy / 256);
    const auto tile_path = QString::fromStdString((fs::path(out) / basemap::offline_tile_name(9, tx, ty)).string());
    EXPECT_TRUE(colour_near(QImage(tile_path), int(wx) - tx * 256, int(wy) - ty * 256, QColor("#ff0000")));

    project->styles["counties"].outline = "#0000ff";
    ASSERT_TRUE(save_project(*project, file).ok());
    const auto r = run_process(kCli, {"tiles", file, "--zoom", "9", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("已是最新"), std::string::npos) << r.out;
    EXPECT_TRUE(colour_near(QImage(tile_path), int(wx) - tx * 256, int(wy) - ty * 256, QColor("#0000ff")));
}

// MBTiles stores rows from the south (TMS): row 0 at z=2 is the map's bottom row, y=3.
void make_mbtiles(const fs::path& file, const std::vector<std::tuple<int, int, int, QByteArray>>& tiles)
{
    const QString name = QStringLiteral("make-mbtiles");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QString::fromStdString(file.string()));
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec("CREATE TABLE metadata (name text, value text)"));
        ASSERT_TRUE(q.exec("INSERT INTO metadata VALUES ('format', 'png')"));
        ASSERT_TRUE(
            q.exec("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)"));
        for (const auto& [z, x, row, data] : tiles) {
            q.prepare("INSERT INTO tiles VALUES (?, ?, ?, ?)");
            q.addBindValue(z);
            q.addBindValue(x);
            q.addBindValue(row);
            q.addBindValue(data);
            ASSERT_TRUE(q.exec());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

TEST_F(Tiles, MbtilesRowsAreFlipped)
{
    const auto mbtiles = dir_ / "two.mbtiles";
    make_mbtiles(mbtiles, {{2, 1, 0, png_of(QColor(255, 0, 0))}, {2, 1, 3, png_of(QColor(0, 0, 255))}});
    const auto out = dir_ / "imported";
    const auto r = run_process(kCli, {"tiles", kSample, "--from", mbtiles.string(), "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("导入的瓦片：2 张"), std::string::npos) << r.out;
    const QImage south(QString::fromStdString((out / "osm_100-l-8-2-1-3.png").string()));
    const QImage north(QString::fromStdString((out / "osm_100-l-8-2-1-0.png").string()));
    ASSERT_FALSE(south.isNull());
    ASSERT_FALSE(north.isNull());
    EXPECT_EQ(south.pixelColor(128, 128), QColor(255, 0, 0));
    EXPECT_EQ(north.pixelColor(128, 128), QColor(0, 0, 255));
}

TEST_F(Tiles, TileFoldersXyzAsTheyAreTmsFlipped)
{
    write_file(dir_ / "xyz/3/6/2.png", png_of(QColor(0, 200, 0)));
    write_file(dir_ / "tms/3/6/2.png", png_of(QColor(200, 0, 200)));
    write_file(dir_ / "tms/tilemapresource.xml", "<TileMap version=\"1.0.0\"/>");
    ASSERT_EQ(run_process(kCli, {"tiles", kSample, "--from", (dir_ / "xyz").string(), "--out", (dir_ / "a").string()})
                  .exit_code,
              0);
    ASSERT_EQ(run_process(kCli, {"tiles", kSample, "--from", (dir_ / "tms").string(), "--out", (dir_ / "b").string()})
                  .exit_code,
              0);
    EXPECT_EQ(QImage(QString::fromStdString((dir_ / "a/osm_100-l-8-3-6-2.png").string())).pixelColor(5, 5),
              QColor(0, 200, 0));
    EXPECT_EQ(QImage(QString::fromStdString((dir_ / "b/osm_100-l-8-3-6-5.png").string())).pixelColor(5, 5),
              QColor(200, 0, 200));
    EXPECT_FALSE(fs::exists(dir_ / "b/osm_100-l-8-3-6-2.png"));
}

TEST_F(Tiles, BadInputsFailWithOneChineseLineNamingTheFile)
{
    const auto pbf = dir_ / "vector.mbtiles";
    make_mbtiles(pbf, {{5, 3, 4, QByteArray("\x1f\x8b\x08\x00rest-of-gzip", 16)}});
    auto r = run_process(kCli, {"tiles", kSample, "--from", pbf.string(), "--out", (dir_ / "o1").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(pbf.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("矢量瓦片（pbf）"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("z=5 x=3 行=4"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "o1"));

    const auto text = dir_ / "notes.mbtiles";
    write_file(text, "just some text, not SQLite");
    r = run_process(kCli, {"tiles", kSample, "--from", text.string(), "--out", (dir_ / "o2").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(text.string() + "：不是有效的 MBTiles 文件"), std::string::npos) << r.err;

    r = run_process(kCli, {"tiles", kSample, "--zoom", "12-7", "--out", (dir_ / "o3").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("缩放级别应写成 7-12"), std::string::npos) << r.err;

    // A folder of the user's own is never replaced by drawn tiles.
    write_file(dir_ / "mine/report.docx", "keep me");
    r = run_process(kCli, {"tiles", kSample, "--zoom", "8", "--out", (dir_ / "mine").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(fs::exists(dir_ / "mine/report.docx"));
}

// Cancelled from the progress callback (as the basemap controller's Feedback does), an import
// and a render are typed cancels (Error::cancelled, the controllers never read the message),
// and the tiles there before are untouched.
TEST_F(Tiles, CancelledImportAndRenderAreTypedCancelsThatKeepTheOldTiles)
{
    const auto stop = [](double) { return false; };
    const auto out = dir_ / "imported";
    write_file(dir_ / "xyz/3/6/2.png", png_of(QColor(0, 200, 0)));
    ASSERT_EQ(run_process(kCli, {"tiles", kSample, "--from", (dir_ / "xyz").string(), "--out", out.string()}).exit_code,
              0);
    const auto old_tile = out / "osm_100-l-8-3-6-2.png";
    ASSERT_TRUE(fs::exists(old_tile));
    const auto old_stamp = fs::last_write_time(out / basemap::kStampFile);

    // A tile folder: asked after each zoom.
    write_file(dir_ / "other/4/1/1.png", png_of(QColor(0, 0, 200)));
    auto r = basemap::import_tiles((dir_ / "other").string(), out.string(), basemap::TileScheme::xyz, stop);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().cancelled) << r.error().text();
    EXPECT_EQ(r.error().message, "已取消导入瓦片，原有底图未改动");
    EXPECT_EQ(r.error().file, (dir_ / "other").string());

    // An MBTiles file: asked every 256 tiles, so 300 of them.
    std::vector<std::tuple<int, int, int, QByteArray>> many;
    const QByteArray red = png_of(QColor(255, 0, 0));
    for (int i = 0; i < 300; ++i) many.emplace_back(9, i, 7, red);
    const auto mbtiles = dir_ / "many.mbtiles";
    make_mbtiles(mbtiles, many);
    r = basemap::import_tiles(mbtiles.string(), out.string(), basemap::TileScheme::automatic, stop);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().cancelled) << r.error().text();
    EXPECT_EQ(r.error().message, "已取消导入瓦片，原有底图未改动");
    EXPECT_EQ(r.error().file, mbtiles.string());
    EXPECT_TRUE(fs::exists(old_tile));
    EXPECT_FALSE(fs::exists(out / "osm_100-l-8-4-1-1.png"));
    EXPECT_EQ(fs::last_write_time(out / basemap::kStampFile), old_stamp);

    // Drawing the sample's tiles: asked after each zoom; no folder is left behind.
    const auto project = read_project(kSample);
    ASSERT_TRUE(project.ok());
    const auto drawn = dir_ / "drawn";
    const auto t = basemap::render_project_tiles(*project, drawn.string(), basemap::ZoomRange{7, 8}, stop);
    ASSERT_FALSE(t.ok());
    EXPECT_TRUE(t.error().cancelled) << t.error().text();
    EXPECT_EQ(t.error().message, "已取消生成底图，原有底图未改动");
    EXPECT_EQ(t.error().file, project->file);
    EXPECT_FALSE(fs::exists(drawn));
    // Every other failure is not a cancel.
    const auto missing = basemap::import_tiles((dir_ / "nowhere").string(), out.string());
    ASSERT_FALSE(missing.ok());
    EXPECT_FALSE(missing.error().cancelled);
}

TEST(TileKey, IsMaskedInEveryMessage)
{
    const std::string url =
        "https://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}";
    const auto host = basemap::custom_host(url, "0123456789abcdef");
    ASSERT_TRUE(host.ok());
    EXPECT_EQ(
        *host,
        "https://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&TILEMATRIX=%z&TILEROW=%y&TILECOL=%x&tk=0123456789abcdef&_=");
    EXPECT_EQ(basemap::mask_secrets(*host),
              "https://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&TILEMATRIX=%z&TILEROW=%y&TILECOL=%x&tk=***&_=");
    EXPECT_EQ(basemap::mask_secrets("see http://h/{z}/{x}/{y}.png?key=abc123 and token=zz", "abc123"),
              "see http://h/{z}/{x}/{y}.png?key=*** and token=***");
    const auto missing = basemap::custom_host(url, "");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().text().find("需要密钥"), std::string::npos);
    const auto bad = basemap::custom_host("https://h/wmts?tk=0123456789abcdef", "0123456789abcdef");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().text().find("0123456789abcdef"), std::string::npos) << bad.error().text();
    EXPECT_EQ(*basemap::custom_host("http://127.0.0.1:8000/t/{z}/{x}/{y}.png", ""), "http://127.0.0.1:8000/t/");
}

// A Map with the osm plugin and these parameters, in a window of its own.
std::unique_ptr<QQuickWindow> map_window(QQmlEngine& engine, const std::map<std::string, std::string>& params,
                                         Vertex center, int zoom)
{
    std::string plugin;
    for (const auto& [k, v] : params)
        plugin +=
            "PluginParameter { name: " + nlohmann::json(k).dump() + "; value: " + nlohmann::json(v).dump() + " }\n";
    const std::string qml = "import QtQuick\nimport QtQuick.Window\nimport QtLocation\nimport QtPositioning\n"
                            "Window { width: 512; height: 512; visible: true\n"
                            " Map { anchors.fill: parent; color: '#000000'; copyrightsVisible: false\n"
                            "  zoomLevel: " +
                            std::to_string(zoom) +
                            "\n"
                            "  center: QtPositioning.coordinate(" +
                            std::to_string(center.lat) + ", " + std::to_string(center.lon) +
                            ")\n"
                            "  plugin: Plugin { name: 'osm'\n" +
                            plugin +
                            "}\n"
                            "  Component.onCompleted: { for (const t of supportedMapTypes) if (t.style === "
                            "MapType.CustomMap) activeMapType = t }\n"
                            " }\n}\n";
    QQmlComponent component(&engine);
    component.setData(QByteArray::fromStdString(qml), QUrl());
    auto* window = qobject_cast<QQuickWindow*>(component.create());
    EXPECT_NE(window, nullptr) << component.errorString().toStdString();
    return std::unique_ptr<QQuickWindow>(window);
}

// Grabs the window until the pixel at its centre has the colour, up to `ms`.
QImage wait_for_centre(QQuickWindow& window, QColor c, int radius, int ms)
{
    QElapsedTimer t;
    t.start();
    QImage image;
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        image = window.grabWindow();
        if (!image.isNull() && colour_near(image, image.width() / 2, image.height() / 2, c, radius)) break;
        QThread::msleep(50);
    }
    return image;
}

TEST_F(Tiles, OfflineMapShowsTheCountyBoundaryWithoutNetwork)
{
    auto project = read_project(kSample);
    const auto out = (dir_ / "tiles").string();
    ASSERT_TRUE(basemap::render_project_tiles(*project, out, {9, 9}).ok());
    QQmlEngine engine;
    const Vertex v = county_vertex();
    auto window = map_window(engine, basemap::offline_parameters(out, (dir_ / "cache").string()), v, 9);
    ASSERT_TRUE(window);
    const QImage image = wait_for_centre(*window, QColor("#3c3c3c"), 2, 10000);
    image.save(QString::fromStdString((dir_.parent_path() / "coopmap-basemap-offline.png").string()));
    EXPECT_TRUE(colour_near(image, image.width() / 2, image.height() / 2, QColor("#3c3c3c"), 2));
    // Away from any boundary the county's own fill shows (#f3efe4) somewhere; black is the
    // Map's colour, seen only where no tile was found.
    int black = 0;
    for (int y = 0; y < image.height(); y += 8)
        for (int x = 0; x < image.width(); x += 8) black += near(image.pixel(x, y), Qt::black, 4);
    EXPECT_EQ(black, 0);
}

TEST_F(Tiles, OnlineMapFetchesTilesFromAHttpServer)
{
    // The server's tiles, every zoom-9 tile of the view, in a colour no basemap uses.
    const QColor served(0x12, 0xab, 0x34);
    const QByteArray tile = png_of(served);
    const Vertex v = county_vertex();
    const int cx = int(basemap::world_x(v.lon, 9) / 256), cy = int(basemap::world_y(v.lat, 9) / 256);
    for (int x = cx - 2; x <= cx + 2; ++x)
        for (int y = cy - 2; y <= cy + 2; ++y)
            write_file(dir_ / "www/9" / std::to_string(x) / (std::to_string(y) + ".png"), tile);

    // python3's http.server on a free port of 127.0.0.1; it prints the port, then serves.
    QProcess server;
    server.setWorkingDirectory(QString::fromStdString((dir_ / "www").string()));
    server.start(
        QStringLiteral("python3"),
        {QStringLiteral("-u"), QStringLiteral("-c"),
         QStringLiteral("import http.server, functools\n"
                        "s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), http.server.SimpleHTTPRequestHandler)\n"
                        "print(s.server_address[1], flush=True)\n"
                        "s.serve_forever()\n")});
    ASSERT_TRUE(server.waitForStarted(5000));
    ASSERT_TRUE(server.waitForReadyRead(5000));
    const int port = server.readLine().trimmed().toInt();
    ASSERT_GT(port, 0);

    const std::string key = "SECRETKEY-4f3a9";
    const auto host =
        basemap::custom_host("http://127.0.0.1:" + std::to_string(port) + "/{z}/{x}/{y}.png?tk={tk}", key);
    ASSERT_TRUE(host.ok()) << host.error().text();
    {
        QQmlEngine engine;
        auto window = map_window(engine, basemap::online_parameters(*host, (dir_ / "cache").string()), v, 9);
        ASSERT_TRUE(window);
        const QImage image = wait_for_centre(*window, served, 0, 15000);
        EXPECT_TRUE(colour_near(image, image.width() / 2, image.height() / 2, served, 0, 2));
    }
    server.kill();
    server.waitForFinished(3000);
    // The tiles did come over HTTP, with the key the server needs.
    const std::string log = server.readAllStandardError().toStdString();
    EXPECT_NE(log.find("\"GET /9/" + std::to_string(cx) + "/" + std::to_string(cy) + ".png?tk=" + key),
              std::string::npos)
        << log.substr(0, 2000);
}

}  // namespace
}  // namespace coopmap::test

int main(int argc, char** argv)
{
    // The map tests draw a window: off-screen when there is no X server.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
