// Writing a file (or a folder of tiles) so that a failed or killed write never leaves the user
// half of it (DESIGN.md, "Errors"): the new version is written beside the target, synced to disk
// and renamed over it in one step; on failure the old version stays and no temporary is left.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"

namespace coopmap::io {

// One write in progress. The temporary keeps the target's own file name inside a hidden folder
// beside it (".coopmap-saving-report_xlsx/report.xlsx"), because GDAL and QImage choose the
// format by the extension, and GDAL's /vsizip/ (behind XLSX) takes a folder whose name holds
// ".xlsx" for the archive itself.
// Write the new version at temp_path() — a file, or a folder the writer creates — then commit();
// destroying it uncommitted removes the temporary.
class AtomicFile {
public:
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& target() const { return target_; }
    const std::string& temp_path() const { return temp_; }
    // Whether the temporary folder could be made (the target's folder exists and is writable).
    Status ready() const;

    // Syncs the temporary and renames it over the target. `companions` are extensions of files
    // written beside the temporary that move too (a Shapefile's .shx, .dbf…; that group as a
    // whole is not atomic: edit/file_save.h journals it). A folder replaces the old folder.
    Status commit(const std::vector<std::string>& companions = {});

private:
    std::string target_, temp_, temp_dir_;
    std::string setup_error_;
    bool committed_ = false;
};

// The one error of a failed write: names the file, says the old one is kept and what to check.
Error write_error(const std::string& path, const std::string& reason = {});

// `bytes` become the file's whole content.
Status write_file_atomically(const std::string& path, std::string_view bytes);

// `write` writes the whole new version at the temporary path it is given (an error it returns
// reaches the caller with the target as its file).
Status write_file_atomically(const std::string& path, const std::function<Status(const std::string& temp)>& write);

// Removes what a killed write to `path` left behind (its temporary folder).
void remove_stale_temp(const std::string& path);

}  // namespace coopmap::io
