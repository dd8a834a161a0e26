#include "edit/file_save.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include <gdal_priv.h>

#include "io/atomic_write.h"
#include "io/gdal_errors.h"

namespace coopmap::edit {

namespace fs = std::filesystem;

namespace {

constexpr const char* kShapefileParts[] = {".shp", ".shx", ".dbf", ".prj", ".cpg"};

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

fs::path folder_of(const fs::path& p) { return p.parent_path().empty() ? fs::path(".") : p.parent_path(); }
fs::path stage_dir(const fs::path& target) { return folder_of(target) / (".coopmap-edit-" + target.stem().string()); }
fs::path journal_path(const fs::path& target) { return folder_of(target) / (target.stem().string() + ".coopmap-commit"); }

// Data on disk before the commit point, so a power cut cannot commit a half-written file.
bool sync_file(const fs::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::vector<std::pair<fs::path, fs::path>> read_journal(const fs::path& journal)
{
    std::vector<std::pair<fs::path, fs::path>> moves;
    std::ifstream in(journal, std::ios::binary);
    std::string from, to;
    while (std::getline(in, from) && std::getline(in, to)) moves.emplace_back(from, to);
    return moves;
}

Status roll_forward(const fs::path& target, const fs::path& journal)
{
    std::error_code ec;
    for (const auto& [from, to] : read_journal(journal)) {
        if (!fs::exists(from)) continue;  // moved before the save was interrupted
        fs::rename(from, to, ec);
        if (ec)
            return Error{target.string(), {}, {},
                         "上次保存未完成，补完时无法替换文件（" + ec.message() + "），请检查文件夹写权限后重新打开"};
    }
    fs::remove(journal, ec);
    fs::remove_all(stage_dir(target), ec);
    return Done{};
}

}  // namespace

Status recover_interrupted_save(const std::string& path, bool* recovered)
{
    if (recovered) *recovered = false;
    const fs::path target(path);
    const std::string ext = upper(target.extension().string());
    std::error_code ec;
    if (ext == ".SHP" || ext == ".DBF") {
        const fs::path journal = journal_path(target);
        if (fs::exists(journal)) {
            if (recovered) *recovered = true;
            return roll_forward(target, journal);
        }
        if (fs::exists(stage_dir(target))) {
            if (recovered) *recovered = true;
            io::remove_stale_temp(journal.string());
            fs::remove_all(stage_dir(target), ec);
        }
        return Done{};
    }
    if (ext == ".GPKG" && (fs::exists(path + "-journal") || fs::exists(path + "-wal"))) {
        if (recovered) *recovered = true;
        io::ensure_gdal();
        io::GdalErrorCapture gdal_error;
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!ds)
            return Error{path, {}, {},
                         "上次保存中断，需要以写方式打开 GeoPackage 撤回未完成的修改，但打不开（" + gdal_error.last() +
                             "）：请确认文件可写且未被其他程序占用"};
    }
    return Done{};
}

Status save_layer_file(const Layer& layer, const io::WriteSpec& spec)
{
    const fs::path target(spec.path);
    if (upper(target.extension().string()) != ".SHP") return io::write_layer(layer, spec);

    if (auto ok = recover_interrupted_save(spec.path); !ok) return ok;
    const fs::path stage = stage_dir(target);
    std::error_code ec;
    fs::remove_all(stage, ec);
    if (!fs::create_directory(stage, ec))
        return Error{spec.path, layer.name, {}, "无法在目标文件夹中写入（" + ec.message() + "），请检查写权限"};
    io::WriteSpec staged = spec;
    staged.path = (stage / target.filename()).string();
    if (auto written = io::write_layer(layer, staged); !written) {
        fs::remove_all(stage, ec);
        Error e = written.error();
        e.file = spec.path;
        return e;
    }
    std::vector<std::pair<fs::path, fs::path>> moves;
    for (const char* part : kShapefileParts) {
        fs::path from = stage / target.filename(), to = target;
        from.replace_extension(part);
        to.replace_extension(part);
        if (!fs::exists(from)) continue;
        if (!sync_file(from)) {
            fs::remove_all(stage, ec);
            return Error{spec.path, layer.name, {}, "无法把新文件写入磁盘，原文件未改动"};
        }
        moves.emplace_back(fs::absolute(from), fs::absolute(to));
    }
    // The commit point: the journal appears by one rename, complete, or not at all.
    const fs::path journal = journal_path(target);
    std::string lines;
    for (const auto& [from, to] : moves) lines += from.string() + '\n' + to.string() + '\n';
    if (auto written = io::write_file_atomically(journal.string(), lines); !written) {
        fs::remove_all(stage, ec);
        Error e = written.error();
        e.file = spec.path;
        e.layer = layer.name;
        return e;
    }
    return roll_forward(target, journal);
}

}  // namespace coopmap::edit
