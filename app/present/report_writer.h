// The PDF report for leadership (QPdfWriter + QPainter, a CJK font embedded: pdf_page.h): cover with
// the KPI figures, the network map (the print layout), coverage per county as a table and
// as a chart, the uncovered villages, the trusteeship summary and the current scenario.
// Every table goes on over as many pages as its rows need (pdf_page.h's paginate).
#pragma once

#include <QString>

#include "model/error.h"

namespace coopmap::present {

// DPI the report's map page is drawn at; the QGuiApplication must have its scale.
inline constexpr int kReportMapDpi = 150;

struct ReportInfo {
    int pages = 0;
    std::size_t uncovered = 0;
};

// Writes `out` write-then-rename. Errors name the project, layer or output file.
Result<ReportInfo> write_report(const QString& project_file, const QString& out);

}  // namespace coopmap::present
