// Paper sizes for printed maps: ISO 216 A4/A3 in portrait or landscape at a chosen DPI.
#pragma once

#include <optional>
#include <string>

namespace coopmap::present {

struct Paper {
    std::string name = "A3";  // "A4" or "A3"
    bool landscape = true;
    int dpi = 300;

    double width_mm() const;
    double height_mm() const;
    // Pixels at `dpi`, rounded to the nearest: A3 landscape at 300 dpi is 4961 x 3508.
    int width_px() const;
    int height_px() const;
    // The layout is designed in CSS pixels (96 per inch); this many image pixels per one.
    double scale() const { return dpi / 96.0; }
};

inline constexpr int kMinDpi = 72;
inline constexpr int kMaxDpi = 300;

// "A4"/"a3" and "landscape"/"portrait" (横向/纵向); nullopt for anything else.
std::optional<Paper> paper_from(const std::string& name, const std::string& orientation, int dpi);

}  // namespace coopmap::present
