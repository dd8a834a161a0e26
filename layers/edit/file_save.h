// Saving a layer to a file so that a save killed at any moment leaves either the old or the
// new data, never a mix: one GeoPackage transaction, one rename for single-file formats
// (both io::write_layer), and for a Shapefile — five files that no single rename can swap —
// a commit journal that the next open rolls forward, as SQLite does with its own journal.
#pragma once

#include <string>

#include "io/gdal_writer.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::edit {

Status save_layer_file(const Layer& layer, const io::WriteSpec& spec);

// Finishes a save that was killed, before anything reads the file: a Shapefile whose commit
// journal exists gets the rest of its renames (the new version was complete before the
// journal was written), a staged save without journal is dropped (the old version is
// untouched); a GeoPackage with a hot SQLite journal is opened for writing once, which rolls
// the unfinished transaction back. `recovered` says whether there was anything to do.
Status recover_interrupted_save(const std::string& path, bool* recovered = nullptr);

}  // namespace coopmap::edit
