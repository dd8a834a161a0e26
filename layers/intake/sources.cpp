// Finding every layer and table in what the user gave: files, folders, zips (GDAL /vsizip/).
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "intake/intake.h"
#include "io/gdal_reader.h"

namespace coopmap::intake {

namespace fs = std::filesystem;

namespace {

std::string lower_ext(const fs::path& p)
{
    std::string e = p.extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

// Files no office means as data: hidden files, Office lock files (~$村庄.xlsx), projects.
bool ignored(const fs::path& p)
{
    const std::string name = p.filename().string();
    return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0 || lower_ext(p) == ".coopmap";
}

// A .dbf beside a .shp of the same name is the Shapefile's attributes, not a table of its own.
bool dbf_of_shapefile(const fs::path& p)
{
    if (lower_ext(p) != ".dbf") return false;
    std::error_code ec;
    for (const char* e : {".shp", ".SHP"})
        if (fs::exists(fs::path(p).replace_extension(e), ec)) return true;
    return false;
}

// The zip file a path goes through and the path inside it (both "" if it goes through none).
std::pair<std::string, std::string> split_at_zip(const std::string& path)
{
    std::error_code ec;
    fs::path prefix;
    const fs::path p(path);
    for (auto it = p.begin(); it != p.end(); ++it) {
        prefix /= *it;
        if (lower_ext(prefix) == ".zip" && fs::is_regular_file(prefix, ec)) {
            fs::path rest;
            for (++it; it != p.end(); ++it) rest /= *it;
            return {prefix.string(), rest.generic_string()};
        }
    }
    return {};
}

std::string absolute(const std::string& p)
{
    std::error_code ec;
    const fs::path a = fs::absolute(fs::path(p), ec);
    return (ec ? fs::path(p) : a).lexically_normal().string();
}

// Every layer of one data file: `uri` as GDAL opens it, `source` as a project names it.
Status add_file(const std::string& given, const std::string& uri, const std::string& source, const std::string& zip,
                std::vector<FoundSource>& out)
{
    // A GeoPackage of a county's whole GIS: counted from its catalog at once (describing each of
    // 2,000 layers through GDAL takes minutes); as in `coopmap-cli info`, such a file's layers
    // are named in a project rather than guessed one by one.
    if (lower_ext(uri) == ".gpkg") {
        if (const auto headers = io::layer_headers(uri); headers && headers->size() > io::kDescribedLayersAtMost)
            return Error{source,
                         {},
                         {},
                         "数据中有 " + std::to_string(headers->size()) + " 个图层（超过 " +
                             std::to_string(io::kDescribedLayersAtMost) +
                             " 个），新建项目不逐一识别：请用 coopmap-cli info 列出图层，在项目文件中引用所需图层"};
    }
    const auto layers = io::describe_layers(uri);
    if (!layers) {
        Error e = layers.error();
        e.file = source;
        return e;
    }
    const bool several = layers->size() > 1 || lower_ext(source) == ".gpkg";
    for (const auto& l : *layers) {
        FoundSource s;
        s.path = given;
        s.file = fs::path(source).filename().string();
        s.uri = uri;
        s.layer = several ? l.name : "";
        s.has_geometry = l.has_geometry;
        s.kind = l.kind;
        s.features = l.features;
        s.columns = l.columns;
        s.source = source;
        s.zip = zip;
        s.crs = l.crs;
        s.lonlat_columns = l.lonlat_columns;
        s.raw_bounds = l.raw_bounds;
        s.encoding = l.encoding;
        out.push_back(std::move(s));
    }
    return Done{};
}

Status add_zip(const std::string& given, const std::string& zip_path, std::vector<FoundSource>& out)
{
    const auto files = io::zip_data_files(zip_path);
    if (!files) return files.error();
    const std::string zip = absolute(zip_path);
    for (const auto& f : *files)
        if (auto s = add_file(given, "/vsizip/" + zip + "/" + f, zip + "/" + f, fs::path(zip).filename().string(), out);
            !s)
            return s;
    return Done{};
}

Status add_folder(const std::string& given, std::vector<FoundSource>& out)
{
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(given, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (ignored(p)) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory()) {
            // A File Geodatabase is a folder GDAL reads as one source.
            if (lower_ext(p) == ".gdb") {
                files.push_back(p);
                it.disable_recursion_pending();
            }
            continue;
        }
        if (lower_ext(p) == ".zip" || (io::is_data_file_name(p.string()) && !dbf_of_shapefile(p))) files.push_back(p);
    }
    if (ec) return Error{given, {}, {}, "无法读取文件夹（" + ec.message() + "）"};
    std::sort(files.begin(), files.end());
    const std::size_t before = out.size();
    for (const auto& p : files) {
        const Status s = lower_ext(p) == ".zip" ? add_zip(given, p.string(), out)
                                                : add_file(given, p.string(), absolute(p.string()), {}, out);
        if (!s) return s;
    }
    if (out.size() == before)
        return Error{
            given, {}, {}, "文件夹中没有可读取的数据文件（.shp .gpkg .geojson .kml .csv .xlsx 或装有它们的 .zip）"};
    return Done{};
}

}  // namespace

Result<std::vector<FoundSource>> find_sources(const std::vector<std::string>& paths)
{
    std::vector<FoundSource> out;
    if (paths.empty()) return Error{{}, {}, {}, "没有给出数据文件或文件夹"};
    for (const auto& given : paths) {
        std::error_code ec;
        Status s = Done{};
        if (fs::is_directory(given, ec)) {
            s = add_folder(given, out);
        } else if (fs::is_regular_file(given, ec)) {
            s = lower_ext(given) == ".zip" ? add_zip(given, given, out)
                                           : add_file(given, given, absolute(given), {}, out);
        } else if (const auto [zip, inside] = split_at_zip(given); !zip.empty() && !inside.empty()) {
            // A path into a zip: 乡镇界.zip/乡镇界.shp
            const std::string in_zip = absolute(zip) + "/" + inside;
            s = add_file(given, "/vsizip/" + in_zip, in_zip, fs::path(zip).filename().string(), out);
        } else {
            s = Error{given, {}, {}, "文件或文件夹不存在，请检查路径"};
        }
        if (!s) return s.error();
    }
    return out;
}

bool names_source(const std::string& key, const FoundSource& s)
{
    if (key.empty()) return false;
    if (key == s.path || key == s.file || (!s.zip.empty() && key == s.zip)) return true;
    // The same file by path: relative to here, or inside a zip given by path (a/乡镇界.zip).
    const std::string k = absolute(key);
    if (k == s.source) return true;
    if (!s.zip.empty() && s.source.rfind(k + "/", 0) == 0) return true;
    return false;
}

}  // namespace coopmap::intake
