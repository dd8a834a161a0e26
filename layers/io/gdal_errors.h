// Turns GDAL's error callbacks into text for our Error values, for one scope.
#pragma once

#include <string>

namespace coopmap::io {

class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    // The last error GDAL reported in this scope, "" if none.
    const std::string& last() const { return last_; }
    void clear() { last_.clear(); }

private:
    std::string last_;
};

// GDAL is registered once per process, before first use.
void ensure_gdal();

}  // namespace coopmap::io
