#include "basemap/tile_import.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "basemap/tile_scheme.h"
#include "io/atomic_write.h"

namespace coopmap::basemap {

namespace fs = std::filesystem;

namespace {

// The image type from its first bytes; empty for anything else (pbf, webp, HTML error pages).
std::string image_extension(const QByteArray& head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n")) return "png";
    if (head.startsWith("\xff\xd8\xff")) return "jpg";
    return {};
}

std::string describe_non_image(const QByteArray& head)
{
    if (head.startsWith("\x1f\x8b") || (!head.isEmpty() && head[0] == 0x1a))
        return "这是矢量瓦片（pbf），CoopMap 只能使用栅格瓦片（PNG 或 JPEG）：请导出为栅格 MBTiles 或瓦片目录";
    return "不是 PNG 或 JPEG 图片：请使用 PNG 或 JPEG 格式的栅格瓦片";
}

std::optional<int> number(const std::string& s)
{
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

std::string source_fingerprint(const std::string& source, TileScheme scheme)
{
    // A folder's own time does not change when a tile inside is replaced; count and newest
    // file would need a full walk, so the walk is done: it is what conversion does anyway.
    nlohmann::json j{{"source", source}, {"scheme", int(scheme)}, {"version", 1}};
    std::error_code ec;
    if (fs::is_directory(source, ec)) {
        std::uintmax_t files = 0;
        std::int64_t newest = 0;
        for (auto it = fs::recursive_directory_iterator(source, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (ec) break;
            if (!it->is_regular_file(ec)) continue;
            ++files;
            newest = std::max<std::int64_t>(newest, it->last_write_time(ec).time_since_epoch().count());
        }
        j["files"] = files;
        j["newest"] = newest;
    } else {
        const QFileInfo info(QString::fromStdString(source));
        j["size"] = info.size();
        j["modified"] = info.lastModified().toMSecsSinceEpoch();
    }
    return j.dump();
}

std::optional<std::string> stamp_of(const fs::path& dir)
{
    std::ifstream in(dir / kStampFile, std::ios::binary);
    const auto j = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}), nullptr, false);
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

struct Writer {
    fs::path dir;
    int written = 0;

    std::optional<Error> write(int z, int x, int y, const QByteArray& data, const std::string& source,
                               const std::string& where)
    {
        const std::string ext = image_extension(data.left(8));
        if (ext.empty()) return Error{source, {}, where, describe_non_image(data.left(8))};
        std::ofstream out(dir / offline_tile_name(z, x, y, ext), std::ios::binary | std::ios::trunc);
        out.write(data.constData(), data.size());
        if (!out) return Error{dir.string(), {}, {}, "无法写入瓦片：请检查磁盘空间和写权限"};
        ++written;
        return std::nullopt;
    }
};

std::optional<Error> import_folder(const fs::path& source, TileScheme scheme, Writer& w, const Progress& progress)
{
    if (scheme == TileScheme::automatic)
        scheme = fs::exists(source / "tilemapresource.xml") ? TileScheme::tms : TileScheme::xyz;
    std::error_code ec;
    std::vector<fs::path> zooms;
    for (const auto& e : fs::directory_iterator(source, ec))
        if (e.is_directory() && number(e.path().filename().string())) zooms.push_back(e.path());
    for (std::size_t i = 0; i < zooms.size(); ++i) {
        const int z = *number(zooms[i].filename().string());
        if (z > 30) continue;
        for (const auto& col : fs::directory_iterator(zooms[i], ec)) {
            const auto x = number(col.path().filename().string());
            if (!col.is_directory() || !x) continue;
            for (const auto& tile : fs::directory_iterator(col.path(), ec)) {
                const auto row = number(tile.path().stem().string());
                if (!tile.is_regular_file() || !row) continue;
                const int y = scheme == TileScheme::tms ? flip_y(*row, z) : *row;
                if (y < 0 || *x >= (1 << z)) continue;
                std::ifstream in(tile.path(), std::ios::binary);
                const QByteArray data = QByteArray::fromStdString(std::string(std::istreambuf_iterator<char>(in), {}));
                const std::string rel = fs::relative(tile.path(), source, ec).string();
                if (auto e = w.write(z, *x, y, data, tile.path().string(), {})) {
                    e->feature = rel;
                    return e;
                }
            }
        }
        if (progress && !progress(double(i + 1) / double(zooms.size())))
            return cancelled_error("已取消导入瓦片，原有底图未改动", source.string());
    }
    return std::nullopt;
}

std::optional<Error> import_mbtiles(const fs::path& source, Writer& w, const Progress& progress)
{
    const std::string file = source.string();
    const Error not_mbtiles{file, {}, {}, "不是有效的 MBTiles 文件（应为含 tiles 表的 SQLite 数据库）"};
    // A connection per call: Qt SQL connections belong to the thread that made them.
    const QString name = QStringLiteral("coopmap-mbtiles-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::optional<Error> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            result = Error{file, {}, {}, "本机缺少 Qt 的 SQLite 驱动（qsqlite），无法读取 MBTiles"};
        } else {
            db.setDatabaseName(QString::fromStdString(file));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!db.open()) {
                result = not_mbtiles;
            } else {
                QSqlQuery count(db);
                if (!count.exec(QStringLiteral("SELECT count(*) FROM tiles")) || !count.next()) {
                    result = not_mbtiles;
                } else {
                    const qint64 total = count.value(0).toLongLong();
                    QSqlQuery q(db);
                    q.setForwardOnly(true);
                    if (total == 0) {
                        result = Error{file, {}, {}, "MBTiles 文件中没有瓦片"};
                    } else if (!q.exec(
                                   QStringLiteral("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles"))) {
                        result = not_mbtiles;
                    } else {
                        qint64 seen = 0;
                        while (q.next()) {
                            const int z = q.value(0).toInt(), x = q.value(1).toInt(), row = q.value(2).toInt();
                            if (z < 0 || z > 30 || x < 0 || row < 0 || x >= (1 << z) || row >= (1 << z)) continue;
                            const std::string where = "瓦片 z=" + std::to_string(z) + " x=" + std::to_string(x) +
                                                      " 行=" + std::to_string(row);
                            // MBTiles numbers rows from the south (TMS).
                            if (auto e = w.write(z, x, flip_y(row, z), q.value(3).toByteArray(), file, where)) {
                                result = e;
                                break;
                            }
                            if (progress && ++seen % 256 == 0 && !progress(double(seen) / double(total))) {
                                result = cancelled_error("已取消导入瓦片，原有底图未改动", file);
                                break;
                            }
                        }
                    }
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

}  // namespace

std::string default_import_directory(const std::string& project_file, const std::string& source,
                                     const std::string& root)
{
    const QString absolute = QFileInfo(QString::fromStdString(source)).absoluteFilePath();
    return default_tile_directory(project_file, root) + "-imported-" +
           QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(12).toStdString();
}

Result<TileSet> import_tiles(const std::string& source, const std::string& directory, TileScheme scheme,
                             const Progress& progress)
{
    std::error_code ec;
    const fs::path src = fs::path(source);
    const bool folder = fs::is_directory(src, ec);
    if (!folder && !fs::is_regular_file(src, ec))
        return Error{source, {}, {}, "找不到瓦片目录或 MBTiles 文件：请检查路径"};

    const fs::path dir = fs::path(directory);
    const std::string fingerprint = source_fingerprint(fs::absolute(src, ec).string(), scheme);
    if (fs::exists(dir, ec)) {
        const auto old = stamp_of(dir);
        if (old && *old == fingerprint) return TileSet{directory, count_tiles(dir), true};
        if (!old && !fs::is_empty(dir, ec))
            return Error{directory, {}, {}, "该目录不是 CoopMap 生成的底图目录，且不为空；请指定一个新的或空的目录"};
    }
    // Built beside the old folder, which it replaces only when complete (io/atomic_write.h).
    fs::create_directories(dir.parent_path(), ec);
    io::AtomicFile staged(dir.string());
    const fs::path temp = staged.temp_path();
    fs::create_directories(temp, ec);
    if (ec) return Error{directory, {}, {}, "无法创建底图目录（" + ec.message() + "）：请检查磁盘空间和写权限"};

    Writer w{temp};
    auto failure = folder ? import_folder(src, scheme, w, progress) : import_mbtiles(src, w, progress);
    if (!failure && w.written == 0)
        failure =
            Error{source,
                  {},
                  {},
                  folder ? "目录中没有 z/x/y.png 形式的瓦片：请选择瓦片目录的根（其下是缩放级别 0、1、2… 的子目录）"
                         : "MBTiles 文件中没有可用的瓦片"};
    if (failure) {
        fs::remove_all(temp, ec);
        return *failure;
    }
    {
        std::ofstream out(temp / kStampFile, std::ios::binary | std::ios::trunc);
        out << nlohmann::json{{"fingerprint", fingerprint}, {"source", source}, {"tiles", w.written}}.dump(2) << "\n";
    }
    if (auto committed = staged.commit(); !committed) return committed.error();
    return TileSet{directory, w.written, false};
}

}  // namespace coopmap::basemap
