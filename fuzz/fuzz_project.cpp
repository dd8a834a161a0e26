// libFuzzer: any bytes as a .coopmap project file. parse_project must return a value or an
// Error, never crash; what it accepts must survive project_json + parse_project unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "model/project.h"

namespace {

// Known and reported (issue 9 report): parse_project re-parses invalid JSON with exceptions on
// to find the byte, but catches only json::parse_error, so a number too large for a double
// (out_of_range.406) escapes as an exception. Skipped here so the fuzzer looks for other bugs;
// build with -DCOOPMAP_FUZZ_KNOWN=1 to hit it again.
bool known_crash(const std::string& text)
{
#if defined(COOPMAP_FUZZ_KNOWN)
    (void)text;
    return false;
#else
    if (!nlohmann::json::parse(text, nullptr, false).is_discarded()) return false;
    try {
        (void)nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error&) {
        return false;
    } catch (const nlohmann::json::exception&) {
        return true;
    }
    return false;
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (known_crash(text)) return 0;
    auto project = coopmap::parse_project(text, "/fuzz/fuzz.coopmap");
    if (!project) return 0;
    // Canonical JSON read back must give the same project (a silent drop would be a bug).
    auto again = coopmap::parse_project(coopmap::project_json(*project), "/fuzz/fuzz.coopmap");
    if (!again || !(*again == *project)) std::abort();
    return 0;
}
