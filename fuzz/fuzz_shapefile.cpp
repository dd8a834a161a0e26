// libFuzzer: any bytes as a Shapefile of three files in /vsimem/ loaded through read_layer. The
// input is the .shp, .shx and .dbf one after another, the first 8 bytes giving the sizes of the
// .shp and .shx (little-endian uint32; clamped to what is there), so that mutations reach all
// three and their disagreement (a .shx pointing past the end of the .shp, a DBF header claiming
// more records than it holds). make_seeds writes seeds in this layout.
#include <cstring>

#include "read_text.h"

namespace {

std::uint32_t u32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

void put(const char* path, const std::uint8_t* data, std::size_t size)
{
    // The buffer is not owned by /vsimem/ (FALSE): it stays libFuzzer's.
    if (VSILFILE* f = VSIFileFromMemBuffer(path, const_cast<GByte*>(data), size, FALSE)) VSIFCloseL(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 8) return 0;
    std::size_t rest = size - 8;
    const std::size_t shp = std::min<std::size_t>(u32(data), rest);
    rest -= shp;
    const std::size_t shx = std::min<std::size_t>(u32(data + 4), rest);
    rest -= shx;
    const std::uint8_t* p = data + 8;
    put("/vsimem/fuzz.shx", p + shp, shx);
    put("/vsimem/fuzz.dbf", p + shp + shx, rest);
    const int r = fuzz_read_layer("/vsimem/fuzz.shp", p, shp);
    VSIUnlink("/vsimem/fuzz.shx");
    VSIUnlink("/vsimem/fuzz.dbf");
    return r;
}
