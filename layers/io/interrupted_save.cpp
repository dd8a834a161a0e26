#include "io/interrupted_save.h"

#include <cctype>
#include <fstream>

#include <gdal_priv.h>

#include "io/atomic_write.h"
#include "io/gdal_errors.h"

namespace coopmap::io {

namespace fs = std::filesystem;

namespace {

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

fs::path folder_of(const fs::path& p) { return p.parent_path().empty() ? fs::path(".") : p.parent_path(); }
fs::path journal_path(const fs::path& target)
{
    return folder_of(target) / (target.stem().string() + ".coopmap-commit");
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
            return Error{target.string(),
                         {},
                         {},
                         "上次保存未完成，补完时无法替换文件（" + ec.message() + "），请检查文件夹写权限后重新打开"};
    }
    fs::remove(journal, ec);
    fs::remove_all(save_stage_dir(target), ec);
    return Done{};
}

}  // namespace

fs::path save_stage_dir(const fs::path& target)
{
    return folder_of(target) / (".coopmap-edit-" + target.stem().string());
}

Status commit_journaled_save(const fs::path& target, const std::vector<std::pair<fs::path, fs::path>>& moves)
{
    const fs::path journal = journal_path(target);
    std::string lines;
    for (const auto& [from, to] : moves) lines += from.string() + '\n' + to.string() + '\n';
    if (auto written = write_file_atomically(journal.string(), lines); !written) {
        std::error_code ec;
        fs::remove_all(save_stage_dir(target), ec);
        Error e = written.error();
        e.file = target.string();
        return e;
    }
    return roll_forward(target, journal);
}

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
        if (fs::exists(save_stage_dir(target))) {
            if (recovered) *recovered = true;
            remove_stale_temp(journal.string());
            fs::remove_all(save_stage_dir(target), ec);
        }
        return Done{};
    }
    if (ext == ".GPKG" && (fs::exists(path + "-journal") || fs::exists(path + "-wal"))) {
        if (recovered) *recovered = true;
        ensure_gdal();
        GdalErrorCapture gdal_error;
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!ds)
            return Error{path,
                         {},
                         {},
                         "上次保存中断，需要以写方式打开 GeoPackage 撤回未完成的修改，但打不开（" + gdal_error.last() +
                             "）：请确认文件可写且未被其他程序占用"};
    }
    return Done{};
}

}  // namespace coopmap::io
