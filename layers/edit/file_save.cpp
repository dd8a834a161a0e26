#include "edit/file_save.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <utility>
#include <vector>

namespace coopmap::edit {

namespace fs = std::filesystem;

namespace {

constexpr const char* kShapefileParts[] = {".shp", ".shx", ".dbf", ".prj", ".cpg"};

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Data on disk before the commit point, so a power cut cannot commit a half-written file.
bool sync_file(const fs::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

Status save_layer_file(const Layer& layer, const io::WriteSpec& spec)
{
    const fs::path target(spec.path);
    if (upper(target.extension().string()) != ".SHP") return io::write_layer(layer, spec);

    if (auto ok = recover_interrupted_save(spec.path); !ok) return ok;
    const fs::path stage = io::save_stage_dir(target);
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
    if (auto committed = io::commit_journaled_save(target, moves); !committed) {
        Error e = committed.error();
        e.layer = layer.name;
        return e;
    }
    return Done{};
}

}  // namespace coopmap::edit
