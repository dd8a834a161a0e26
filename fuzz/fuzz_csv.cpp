// libFuzzer: any bytes as a .csv file loaded through read_layer (via /vsimem/, so no disk).
// read_layer must return a layer or an Error, never crash; a layer must be well formed.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <cpl_vsi.h>

#include "io/gdal_reader.h"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = "/vsimem/fuzz.csv";
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
