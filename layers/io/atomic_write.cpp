#include "io/atomic_write.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace coopmap::io {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& p) { return p.parent_path().empty() ? fs::path(".") : p.parent_path(); }

// No extension in the folder's name: GDAL's /vsizip/ (behind XLSX) would take a folder whose
// name holds ".xlsx" for the archive itself.
fs::path temp_dir_for(const fs::path& target)
{
    std::string name = target.filename().string();
    std::replace(name.begin(), name.end(), '.', '_');
    return folder_of(target) / (".coopmap-saving-" + name);
}

// Data on disk before the rename, so a power cut cannot leave the new name on missing data.
bool sync_path(const fs::path& p, bool directory = false)
{
    const int fd = ::open(p.c_str(), O_RDONLY | (directory ? O_DIRECTORY : 0));
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

Error write_error(const std::string& path, const std::string& reason)
{
    return Error{path,
                 {},
                 {},
                 "无法写入文件" + (reason.empty() ? std::string() : "（" + reason + "）") +
                     "，原文件未改动：请检查目录是否存在、是否有写权限、磁盘是否已满，以及文件是否正被其他程序打开"};
}

AtomicFile::AtomicFile(std::string target) : target_(std::move(target))
{
    const fs::path t(target_);
    const fs::path dir = temp_dir_for(t);
    temp_dir_ = dir.string();
    temp_ = (dir / t.filename()).string();
    std::error_code ec;
    fs::remove_all(dir, ec);  // left by a write that was killed
    if (!fs::create_directory(dir, ec)) setup_error_ = ec ? ec.message() : "无法创建临时文件夹";
}

AtomicFile::~AtomicFile()
{
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(temp_dir_, ec);
}

Status AtomicFile::ready() const
{
    if (!setup_error_.empty()) return write_error(target_, setup_error_);
    return Done{};
}

Status AtomicFile::commit(const std::vector<std::string>& companions)
{
    if (committed_) return Done{};
    if (auto ok = ready(); !ok) return ok;
    const fs::path temp(temp_), target(target_);
    std::error_code ec;
    if (!fs::exists(temp, ec)) return write_error(target_, "没有写出内容");

    if (fs::is_directory(temp, ec)) {
        // A folder cannot be renamed over a non-empty one: the old one steps aside first and
        // comes back if the new one cannot take its place.
        const fs::path old = fs::path(temp_dir_) / (target.filename().string() + ".old");
        const bool had_old = fs::exists(target, ec);
        if (had_old) {
            fs::rename(target, old, ec);
            if (ec) return write_error(target_, ec.message());
        }
        fs::rename(temp, target, ec);
        if (ec) {
            std::error_code back;
            if (had_old) fs::rename(old, target, back);
            return write_error(target_, ec.message());
        }
    } else {
        std::vector<std::pair<fs::path, fs::path>> moves{{temp, target}};
        for (const auto& e : companions) {
            fs::path from = temp, to = target;
            from.replace_extension(e);
            to.replace_extension(e);
            if (from != temp && fs::exists(from, ec)) moves.emplace_back(from, to);
        }
        for (const auto& [from, to] : moves)
            if (!sync_path(from)) return write_error(target_, "无法把新文件写入磁盘");
        for (const auto& [from, to] : moves) {
            fs::rename(from, to, ec);
            if (ec) return write_error(target_, ec.message());
        }
    }
    committed_ = true;
    sync_path(folder_of(target), true);  // the rename itself on disk; best effort
    fs::remove_all(temp_dir_, ec);
    return Done{};
}

Status write_file_atomically(const std::string& path, std::string_view bytes)
{
    return write_file_atomically(path, [&](const std::string& temp) -> Status {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) return write_error(path);
        return Done{};
    });
}

Status write_file_atomically(const std::string& path, const std::function<Status(const std::string& temp)>& write)
{
    AtomicFile file(path);
    if (auto ok = file.ready(); !ok) return ok;
    if (Status s = write(file.temp_path()); !s) {
        Error e = s.error();
        e.file = path;
        return e;
    }
    return file.commit();
}

void remove_stale_temp(const std::string& path)
{
    std::error_code ec;
    fs::remove_all(temp_dir_for(fs::path(path)), ec);
}

}  // namespace coopmap::io
