// A save killed at any moment leaves the old or the new data, never a mix, once this has run.
// Here and not in edit/ because every reader needs it, not only the editor: read_layer finishes
// or rolls back an interrupted save before it reads, so the window, the CLI and every analysis
// see one whole version. edit/file_save.h decides when a save is journaled; this file owns the
// journal's format and where its parts lie, for the writer and for the recovery alike.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "model/error.h"

namespace coopmap::io {

// Where a journaled Shapefile save writes the new version of `target` before its commit point.
std::filesystem::path save_stage_dir(const std::filesystem::path& target);

// The commit point of a journaled save: the list of renames (staged file → target's file)
// appears complete by one rename, then is carried out. Files must be synced before.
Status commit_journaled_save(const std::filesystem::path& target,
                             const std::vector<std::pair<std::filesystem::path, std::filesystem::path>>& moves);

// Finishes a save that was killed, before anything reads the file: a Shapefile whose commit
// journal exists gets the rest of its renames (the new version was complete before the
// journal was written), a staged save without journal is dropped (the old version is
// untouched); a GeoPackage with a hot SQLite journal is opened for writing once, which rolls
// the unfinished transaction back. `recovered` says whether there was anything to do.
Status recover_interrupted_save(const std::string& path, bool* recovered = nullptr);

}  // namespace coopmap::io
