#include "basemap/tile_renderer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentMap>
#include <array>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "analysis/geos_bridge.h"
#include "basemap/tile_scheme.h"
#include "io/atomic_write.h"
#include "io/project_layers.h"

namespace coopmap::basemap {

namespace fs = std::filesystem;

namespace {

// Bump when the drawing changes, so cached tiles are re-drawn.
constexpr int kRendererVersion = 1;

// Colours for what the project styles do not set.
constexpr const char* kBackground = "#e3e6e8";  // outside every county: the neighbours
constexpr const char* kCountyFill = "#f3efe4";
constexpr const char* kCountyLine = "#3c3c3c";
constexpr const char* kTownshipLine = "#9e9e9e";
constexpr const char* kWaterFill = "#a9cfe8";
constexpr const char* kWaterLine = "#6fa8d6";
constexpr const char* kRoadLine = "#c8a165";
constexpr int kTownshipLabelZoom = 10;  // township names from this zoom on; county names always

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

enum class Part { county, township, water, road };

struct Feature {
    QPainterPath path;  // in zoom-0 world pixels (0..256)
    QRectF bounds;
    int min_zoom = 0;  // roads: minor classes only when zoomed in
    double width_factor = 1;
};

// Road classes of China's road network (GB/T 917): from which zoom each is drawn, and how wide.
struct RoadClass {
    const char* name;
    int min_zoom;
    double width_factor;
};
constexpr RoadClass kRoadClasses[] = {
    {"高速", 0, 2.0},    {"国道", 0, 1.8},      {"省道", 0, 1.4},      {"县道", 9, 1.0},
    {"乡道", 10, 0.8},   {"村道", 11, 0.6},     {"motorway", 0, 2.0},  {"trunk", 0, 1.8},
    {"primary", 0, 1.4}, {"secondary", 9, 1.0}, {"tertiary", 10, 0.8},
};
constexpr RoadClass kOtherRoad{"", 9, 0.8};

const RoadClass& road_class(const std::string& value)
{
    for (const auto& c : kRoadClasses)
        if (value.find(c.name) != std::string::npos) return c;
    return kOtherRoad;
}

struct DrawLayer {
    Part part = Part::county;
    bool polygon = true;
    QColor fill;  // invalid: not filled
    QColor line;  // invalid: no outline
    double width = 1;
    std::vector<Feature> features;
};

struct Label {
    QString text;
    QPointF anchor;  // zoom-0 world pixels
    int min_zoom = 0;
    bool county = false;
};

struct PlacedLabel {
    const QPainterPath* glyphs;  // centred on (0, 0)
    QPointF at;  // world pixels at the tile's zoom
    QRectF box;  // world pixels at the tile's zoom
};

QColor color_or(const std::string& text, const char* fallback)
{
    const QColor c(QString::fromStdString(text));
    return c.isValid() ? c : QColor(QString::fromLatin1(fallback));
}

Part part_of(const LayerConfig& cfg, bool first_admin)
{
    if (is_water_layer(cfg)) return Part::water;
    if (cfg.role == Role::road) return Part::road;
    if (cfg.level == "township") return Part::township;
    if (cfg.level == "county") return Part::county;
    return first_admin ? Part::county : Part::township;
}

DrawLayer make_draw_layer(const LayerConfig& cfg, const Style* style, Part part, const Layer& layer)
{
    const auto field = cfg.fields.contains("road_class") ? cfg.fields.at("road_class") : std::string("class");
    const Column* classes = part == Part::road ? layer.column(field) : nullptr;
    DrawLayer d;
    d.part = part;
    d.polygon = layer.kind == GeometryKind::polygon;
    const Style s = style ? *style : Style{};
    const double opacity = std::clamp(s.opacity, 0.0, 1.0);
    switch (part) {
    case Part::county:
        d.fill = color_or(s.color, kCountyFill);
        d.line = color_or(s.outline, kCountyLine);
        d.width = s.width > 0 ? s.width : 2.2;
        break;
    case Part::township:
        if (!s.color.empty()) d.fill = color_or(s.color, kCountyFill);
        d.line = color_or(s.outline, kTownshipLine);
        d.width = s.width > 0 ? s.width : 0.8;
        break;
    case Part::water:
        d.fill = color_or(s.color, kWaterFill);
        d.line = color_or(s.outline.empty() && !d.polygon ? s.color : s.outline, kWaterLine);
        d.width = s.width > 0 ? s.width : 1.0;
        break;
    case Part::road:
        d.line = color_or(s.color, kRoadLine);
        d.width = s.width > 0 ? s.width : 1.2;
        break;
    }
    if (d.fill.isValid()) d.fill.setAlphaF(float(d.fill.alphaF() * opacity));
    if (d.line.isValid()) d.line.setAlphaF(float(d.line.alphaF() * opacity));
    if (layer.kind == GeometryKind::point) return d;  // the basemap draws no points

    for (std::size_t f = 0; f < layer.size(); ++f) {
        Feature out;
        out.path.setFillRule(Qt::OddEvenFill);
        for (auto p = layer.part_start[f]; p < layer.part_start[f + 1]; ++p)
            for (auto r = layer.ring_start[p]; r < layer.ring_start[p + 1]; ++r) {
                const auto begin = layer.coord_start[r], end = layer.coord_start[r + 1];
                for (auto c = begin; c < end; ++c) {
                    const QPointF q(world_x(layer.x[c], 0), world_y(layer.y[c], 0));
                    if (c == begin) out.path.moveTo(q);
                    else out.path.lineTo(q);
                }
                if (d.polygon && end > begin) out.path.closeSubpath();
            }
        out.bounds = out.path.boundingRect();
        if (classes) {
            const RoadClass& c = road_class(classes->text(f));
            out.min_zoom = c.min_zoom;
            out.width_factor = c.width_factor;
        }
        if (!out.path.isEmpty()) d.features.push_back(std::move(out));
    }
    // Major roads drawn last, over the minor ones.
    std::stable_sort(d.features.begin(), d.features.end(),
                     [](const Feature& a, const Feature& b) { return a.width_factor < b.width_factor; });
    return d;
}

// A point inside each polygon for its name (GEOS's point on surface: inside even when the
// polygon is concave, unlike the centroid).
std::vector<Label> polygon_labels(const Layer& layer, const LayerConfig& cfg, bool county)
{
    std::vector<Label> out;
    const auto field = cfg.fields.contains("name") ? cfg.fields.at("name") : std::string("name");
    const Column* names = layer.column(field);
    if (!names || layer.kind != GeometryKind::polygon) return out;
    const analysis::geos::Context geos;
    // In the tiles' own plane (Web Mercator at zoom 0), where the label is drawn.
    const auto to_world = [](double lon, double lat) { return std::array{world_x(lon, 0), world_y(lat, 0)}; };
    for (std::size_t f = 0; f < layer.size(); ++f) {
        const std::string name = names->text(f);
        if (name.empty()) continue;
        if (const auto p = analysis::geos::label_point(geos, layer, f, to_world))
            out.push_back(Label{QString::fromStdString(name), QPointF((*p)[0], (*p)[1]),
                                county ? 0 : kTownshipLabelZoom, county});
    }
    return out;
}

QFont label_font(bool county)
{
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(county ? 15 : 12);
    font.setBold(county);
    return font;
}

struct Scene {
    std::vector<DrawLayer> layers;  // in drawing order
    std::vector<Label> labels;  // counties first
    std::vector<QPainterPath> glyphs;  // labels[i]'s text, centred on (0, 0)
    QRectF bounds;  // zoom-0 world pixels
};

// Greedy placement, counties first: a name is left out where it would overlap one already
// placed. Done for the whole zoom at once so neighbouring tiles agree on every label.
std::vector<PlacedLabel> place_labels(const Scene& scene, int z)
{
    std::vector<PlacedLabel> placed;
    const double scale = std::ldexp(1.0, z);
    for (std::size_t i = 0; i < scene.labels.size(); ++i) {
        const Label& l = scene.labels[i];
        if (z < l.min_zoom) continue;
        const QPointF at = l.anchor * scale;
        const QRectF box = scene.glyphs[i].boundingRect().translated(at).adjusted(-4, -3, 4, 3);
        bool free = true;
        for (const auto& p : placed) free = free && !p.box.intersects(box);
        if (free) placed.push_back(PlacedLabel{&scene.glyphs[i], at, box});
    }
    return placed;
}

QImage draw_tile(const Scene& scene, const std::vector<PlacedLabel>& labels, int z, int x, int y)
{
    QImage image(kTileSize, kTileSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(QString::fromLatin1(kBackground)));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const double scale = std::ldexp(1.0, z);
    // The tile in zoom-0 world pixels, widened by a few screen pixels for wide strokes.
    const double margin = 4.0 / scale;
    const QRectF tile(x * kTileSize / scale - margin, y * kTileSize / scale - margin, kTileSize / scale + 2 * margin,
                      kTileSize / scale + 2 * margin);
    painter.translate(-x * double(kTileSize), -y * double(kTileSize));
    painter.scale(scale, scale);

    for (const auto& layer : scene.layers) {
        QPen pen = layer.line.isValid() ? QPen(layer.line, layer.width) : QPen(Qt::NoPen);
        pen.setCosmetic(true);  // widths in screen pixels at every zoom
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        if (layer.part == Part::township) pen.setDashPattern({4, 3});
        painter.setPen(pen);
        painter.setBrush(layer.polygon && layer.fill.isValid() ? QBrush(layer.fill) : QBrush(Qt::NoBrush));
        double factor = 1;
        for (const auto& f : layer.features) {
            if (z < f.min_zoom || !f.bounds.intersects(tile)) continue;
            if (f.width_factor != factor) {
                factor = f.width_factor;
                pen.setWidthF(layer.width * factor);
                painter.setPen(pen);
            }
            painter.drawPath(f.path);
        }
    }

    painter.resetTransform();
    const QRectF tile_px(x * double(kTileSize), y * double(kTileSize), kTileSize, kTileSize);
    for (const auto& l : labels) {
        if (!l.box.intersects(tile_px)) continue;
        painter.save();
        painter.translate(l.at - tile_px.topLeft());
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(255, 255, 255, 230), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(*l.glyphs);  // the halo
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x33, 0x33, 0x33));
        painter.drawPath(*l.glyphs);
        painter.restore();
    }
    painter.end();
    return image;
}

Result<Scene> load_scene(const Project& project)
{
    Scene scene;
    std::vector<DrawLayer> counties, townships, water, roads;
    std::vector<Label> county_labels, township_labels;
    bool first_admin = true;
    for (const auto& cfg : project.layers) {
        if (!is_basemap_layer(cfg)) continue;
        auto loaded = io::read_layer(io::source_spec(project, cfg));
        if (!loaded) return loaded.error();
        const Part part = part_of(cfg, first_admin);
        if (cfg.role == Role::admin_boundary) first_admin = false;
        const Layer& layer = loaded->layer;
        const Bounds b = layer.bounds();
        if (!b.empty())
            scene.bounds |= QRectF(QPointF(world_x(b.min_x, 0), world_y(b.max_y, 0)),
                                   QPointF(world_x(b.max_x, 0), world_y(b.min_y, 0)));
        auto d = make_draw_layer(cfg, project.style_for(cfg), part, layer);
        switch (part) {
        case Part::county:
            counties.push_back(std::move(d));
            for (auto& l : polygon_labels(layer, cfg, true)) county_labels.push_back(std::move(l));
            break;
        case Part::township:
            townships.push_back(std::move(d));
            for (auto& l : polygon_labels(layer, cfg, false)) township_labels.push_back(std::move(l));
            break;
        case Part::water: water.push_back(std::move(d)); break;
        case Part::road: roads.push_back(std::move(d)); break;
        }
    }
    // Fills first, then lines from the thinnest up: county outlines stay on top of roads.
    auto fills_of = [](std::vector<DrawLayer>& from) {
        std::vector<DrawLayer> fills;
        for (auto& d : from) {
            DrawLayer f;
            f.part = d.part;
            f.polygon = true;
            f.fill = d.fill;
            f.features = d.features;
            d.fill = QColor();
            if (f.fill.isValid() && d.polygon) fills.push_back(std::move(f));
        }
        return fills;
    };
    for (auto* group : {&counties, &townships, &water})
        for (auto& f : fills_of(*group)) scene.layers.push_back(std::move(f));
    for (auto* group : {&water, &townships, &roads, &counties})
        for (auto& d : *group) scene.layers.push_back(std::move(d));
    scene.labels = std::move(county_labels);
    for (auto& l : township_labels) scene.labels.push_back(std::move(l));
    for (const auto& l : scene.labels) {
        QPainterPath glyphs;
        const QFont font = label_font(l.county);
        const QFontMetricsF metrics(font);
        glyphs.addText(-metrics.horizontalAdvance(l.text) / 2, metrics.ascent() - metrics.height() / 2, font, l.text);
        scene.glyphs.push_back(std::move(glyphs));
    }
    if (scene.bounds.isEmpty())
        return Error{project.file,
                     {},
                     "basemap",
                     "项目中没有可画底图的图层（行政区界、道路或水系），请添加 admin_boundary 或 road 图层"};
    return scene;
}

struct TileKey {
    int z, x, y;
};

std::string text_of_file(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::optional<std::string> stamp_fingerprint(const fs::path& dir)
{
    const auto j = nlohmann::json::parse(text_of_file(dir / kStampFile), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("fingerprint") || !j["fingerprint"].is_string())
        return std::nullopt;
    return j["fingerprint"].get<std::string>();
}

int count_tiles(const fs::path& dir)
{
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) n += e.path().filename().string().rfind("osm_100-", 0) == 0;
    return n;
}

}  // namespace

Result<ZoomRange> parse_zoom_range(const std::string& text)
{
    const Error bad{{}, {}, "--zoom " + text, "缩放级别应写成 7-12 或 9 这样的形式（0–18，前小后大）"};
    ZoomRange r;
    const auto dash = text.find('-');
    try {
        std::size_t used = 0;
        r.min = std::stoi(text.substr(0, dash), &used);
        if (used != (dash == std::string::npos ? text.size() : dash)) return bad;
        r.max = r.min;
        if (dash != std::string::npos) {
            const std::string rest = text.substr(dash + 1);
            r.max = std::stoi(rest, &used);
            if (used != rest.size()) return bad;
        }
    } catch (const std::exception&) {
        return bad;
    }
    if (r.min < 0 || r.max > 18 || r.min > r.max) return bad;
    return r;
}

bool is_water_layer(const LayerConfig& layer)
{
    const std::string id = lower(layer.id) + " " + lower(layer.title);
    for (const char* word : {"water", "river", "lake", "reservoir", "hydro", "水系", "河流", "湖泊", "水库", "水域"})
        if (id.find(word) != std::string::npos) return true;
    return false;
}

bool is_basemap_layer(const LayerConfig& layer)
{
    return layer.role == Role::admin_boundary || layer.role == Role::road || is_water_layer(layer);
}

std::string tiles_fingerprint(const Project& project, ZoomRange zooms)
{
    nlohmann::ordered_json j;
    j["renderer"] = kRendererVersion;
    j["zoom"] = {zooms.min, zooms.max};
    j["layers"] = nlohmann::ordered_json::array();
    for (const auto& cfg : project.layers) {
        if (!is_basemap_layer(cfg)) continue;
        const std::string path = project.source_path(cfg);
        const QFileInfo info(QString::fromStdString(path));
        nlohmann::ordered_json l{{"id", cfg.id},
                                 {"title", cfg.title},
                                 {"source", path},
                                 {"layer", cfg.layer},
                                 {"role", std::string(role_key(cfg.role))},
                                 {"level", cfg.level},
                                 {"crs", cfg.crs},
                                 {"encoding", cfg.encoding},
                                 {"fields", cfg.fields},
                                 {"size", info.size()},
                                 {"modified", info.lastModified().toMSecsSinceEpoch()}};
        if (const Style* s = project.style_for(cfg)) l["style"] = {s->color, s->outline, s->size, s->width, s->opacity};
        j["layers"].push_back(std::move(l));
    }
    return QCryptographicHash::hash(QByteArray::fromStdString(j.dump()), QCryptographicHash::Sha1)
        .toHex()
        .toStdString();
}

std::string default_cache_root()
{
    return (QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/coopmap/basemap"))
        .toStdString();
}

std::string default_tile_directory(const std::string& project_file, const std::string& root)
{
    const QString absolute = QFileInfo(QString::fromStdString(project_file)).absoluteFilePath();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    return (QString::fromStdString(root.empty() ? default_cache_root() : root) + QLatin1Char('/') +
            QFileInfo(absolute).completeBaseName() + QLatin1Char('-') + hash)
        .toStdString();
}

Result<TileSet> render_project_tiles(const Project& project, const std::string& directory, ZoomRange zooms,
                                     const Progress& progress)
{
    const fs::path dir = fs::path(directory);
    const std::string fingerprint = tiles_fingerprint(project, zooms);
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        const auto old = stamp_fingerprint(dir);
        if (old && *old == fingerprint) return TileSet{directory, count_tiles(dir), true};
        // Only ever replace a folder this code made (or an empty one): never a user's folder.
        if (!old && !fs::is_empty(dir, ec))
            return Error{directory, {}, {}, "该目录不是 CoopMap 生成的底图目录，且不为空；请指定一个新的或空的目录"};
    }

    auto scene = load_scene(project);
    if (!scene) return scene.error();

    std::vector<std::vector<TileKey>> by_zoom;
    std::size_t total = 0;
    for (int z = zooms.min; z <= zooms.max; ++z) {
        const double scale = std::ldexp(1.0, z);
        const QRectF b(scene->bounds.topLeft() * scale, scene->bounds.bottomRight() * scale);
        const int last = (1 << z) - 1;
        std::vector<TileKey> keys;
        for (int x = std::max(0, int(std::floor(b.left() / kTileSize)));
             x <= std::min(last, int(b.right() / kTileSize)); ++x)
            for (int y = std::max(0, int(std::floor(b.top() / kTileSize)));
                 y <= std::min(last, int(b.bottom() / kTileSize)); ++y)
                keys.push_back({z, x, y});
        total += keys.size();
        by_zoom.push_back(std::move(keys));
    }

    // Built beside the old folder, which it replaces only when complete (io/atomic_write.h).
    fs::create_directories(dir.parent_path(), ec);
    io::AtomicFile staged(dir.string());
    const fs::path temp = staged.temp_path();
    fs::create_directories(temp, ec);
    if (ec) return Error{directory, {}, {}, "无法创建底图目录（" + ec.message() + "）：请检查磁盘空间和写权限"};

    std::atomic<bool> cancelled = false, failed = false;
    std::size_t done = 0;
    for (std::size_t i = 0; i < by_zoom.size() && !cancelled && !failed; ++i) {
        const int z = zooms.min + int(i);
        const auto labels = place_labels(*scene, z);
        // Tiles of one zoom in parallel; each image and file belongs to one thread.
        QtConcurrent::blockingMap(by_zoom[i], [&](const TileKey& k) {
            if (cancelled || failed) return;
            const QImage image = draw_tile(*scene, labels, k.z, k.x, k.y);
            if (!image.save(QString::fromStdString((temp / offline_tile_name(k.z, k.x, k.y)).string()), "PNG"))
                failed = true;
        });
        done += by_zoom[i].size();
        if (progress && !progress(double(done) / double(std::max<std::size_t>(total, 1)))) cancelled = true;
    }
    if (cancelled || failed) {
        fs::remove_all(temp, ec);
        if (cancelled) return cancelled_error("已取消生成底图，原有底图未改动", project.file);
        return Error{directory, {}, {}, "无法写入底图瓦片：请检查磁盘空间和写权限"};
    }
    {
        std::ofstream out(temp / kStampFile, std::ios::binary | std::ios::trunc);
        out << nlohmann::ordered_json{{"fingerprint", fingerprint},
                                      {"project", project.file},
                                      {"zoom", {zooms.min, zooms.max}},
                                      {"tiles", total}}
                   .dump(2)
            << "\n";
    }
    if (auto committed = staged.commit(); !committed) return committed.error();
    return TileSet{directory, int(total), false};
}

}  // namespace coopmap::basemap
