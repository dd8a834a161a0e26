// libFuzzer: any bytes as an .xlsx workbook loaded through read_layer (see read_text.h).
#include "read_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return fuzz_read_layer("/vsimem/fuzz.xlsx", data, size);
}
