// Saving a layer to a file so that a save killed at any moment leaves either the old or the
// new data, never a mix: one GeoPackage transaction, one rename for single-file formats
// (both io::write_layer), and for a Shapefile — five files that no single rename can swap —
// a commit journal that the next open rolls forward, as SQLite does with its own journal
// (io/interrupted_save.h: the journal and its recovery live below, where the reader uses them).
#pragma once

#include <string>

#include "io/gdal_writer.h"
#include "io/interrupted_save.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::edit {

Status save_layer_file(const Layer& layer, const io::WriteSpec& spec);

// Opening for editing recovers first, as every read does (io/interrupted_save.h).
using io::recover_interrupted_save;

}  // namespace coopmap::edit
