#include "io/gdal_errors.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <mutex>

namespace coopmap::io {

namespace {
void CPL_STDCALL capture(CPLErr level, CPLErrorNum, const char* message)
{
    if (level < CE_Failure) return;  // warnings are not shown to users as failures
    auto* text = static_cast<std::string*>(CPLGetErrorHandlerUserData());
    if (text) *text = message ? message : "";
}
}  // namespace

GdalErrorCapture::GdalErrorCapture() { CPLPushErrorHandlerEx(capture, &last_); }

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void ensure_gdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Nothing is printed from inside the engine: unscoped messages are dropped,
        // scoped ones are captured by GdalErrorCapture.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // Zips made on Chinese Windows store file names in GBK without the UTF-8 flag; GDAL
        // would read them as CP437. A value the user set is kept.
        if (!CPLGetConfigOption("CPL_ZIP_ENCODING", nullptr)) CPLSetConfigOption("CPL_ZIP_ENCODING", "CP936");
    });
}

}  // namespace coopmap::io
