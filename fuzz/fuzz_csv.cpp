// libFuzzer: any bytes as a .csv file loaded through read_layer (via /vsimem/, so no disk).
// read_layer must return a layer or an Error, never crash; a layer must be well formed.
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <cpl_vsi.h>

#include "io/gdal_reader.h"

namespace {

// Known and reported (issue 9 report): GDAL 3.10's CSV driver crashes (SEGV in
// OGRCSVLayer::GetNextFeature) when X/Y_POSSIBLE_NAMES and KEEP_GEOM_COLUMNS=NO are given and
// a coordinate column name appears twice in the header; `ogrinfo -oo X_POSSIBLE_NAMES=经度
// -oo Y_POSSIBLE_NAMES=纬度 -oo KEEP_GEOM_COLUMNS=NO` on such a file crashes the same way.
// Skipped so the fuzzer looks for other bugs; -DCOOPMAP_FUZZ_KNOWN=1 hits it again.
bool known_crash(const std::uint8_t* data, std::size_t size)
{
#if defined(COOPMAP_FUZZ_KNOWN)
    (void)data, (void)size;
    return false;
#else
    static const char* names[] = {"经度", "lon", "lng", "long", "longitude", "东经", "经度坐标",
                                  "纬度", "lat", "latitude", "北纬", "纬度坐标"};
    std::string header(reinterpret_cast<const char*>(data), size);
    header = header.substr(0, header.find_first_of("\r\n"));
    for (auto& c : header) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Fields split on , ; and tab with quotes and spaces trimmed; more than one longitude-
    // or latitude-named field is the crashing case.
    int lon = 0, lat = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = header.find_first_of(",;\t", start);
        std::string field = header.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const auto b = field.find_first_not_of(" \"'");
        field = b == std::string::npos ? std::string() : field.substr(b, field.find_last_not_of(" \"'") - b + 1);
        for (int i = 0; i < 12; ++i)
            if (field == names[i]) ++(i < 7 ? lon : lat);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lon > 1 || lat > 1;
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (known_crash(data, size)) return 0;
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
