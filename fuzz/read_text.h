// Shared by the CSV and GeoJSON targets: the bytes as a file in /vsimem/ (no disk) loaded
// through read_layer, which must return a layer or an Error, never crash; a layer it returns
// must be well formed.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>

#include <cpl_vsi.h>

#include "io/gdal_reader.h"

inline int fuzz_read_layer(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    const auto loaded = coopmap::io::read_layer({path, {}, {}, {}, coopmap::Role::village, {}});
    VSIUnlink(path.c_str());
    if (!loaded) return 0;
    // Offsets must describe the coordinates exactly, and every column have one value a feature.
    const auto& l = loaded->layer;
    if (l.coord_start.back() != l.x.size() || l.x.size() != l.y.size()) std::abort();
    for (const auto& c : l.columns)
        if (c.size() != l.size()) std::abort();
    return 0;
}
