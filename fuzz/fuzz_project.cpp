// libFuzzer: any bytes as a .coopmap project file. parse_project must return a value or an
// Error, never crash; what it accepts must survive project_json + parse_project unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto project = coopmap::parse_project(text, "/fuzz/fuzz.coopmap");
    if (!project) return 0;
    // Canonical JSON read back must give the same project (a silent drop would be a bug).
    auto again = coopmap::parse_project(coopmap::project_json(*project), "/fuzz/fuzz.coopmap");
    if (!again || !(*again == *project)) std::abort();
    return 0;
}
