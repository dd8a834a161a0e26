// The delivery routes on paper (issue 18), A4 portrait: a first page with the totals of the
// shared delivery beside the same stops served township by township and the saving in 公里 and
// 元, the routes in one line each, the stops left unserved with their reasons and the legs taken
// as the straight line × detour factor; then a page (or more) per vehicle with its depot, its
// 出发/返回 and one row per stop in order — the rows of the XLSX route sheet
// (write_route_sheet). Every figure is the RouteResult's: nothing is recomputed here.
// Called by `coopmap-cli routes --pdf`; the window can call it with the result it shows.
#pragma once

#include <QString>
#include <cstddef>

#include "analysis/routing/route_run.h"
#include "model/error.h"

namespace coopmap::present {

struct RouteSheetPdfInfo {
    int pages = 0;
    // The rows the vehicles' tables drew (depot, stops, depot again, per vehicle): every row of
    // the XLSX sheets once, however many pages a route takes.
    std::size_t vehicle_rows = 0;
};

// Writes `pdf_path` write-then-rename. `title` is what the footers print (the project's name).
// Errors name the output file. Needs a QGuiApplication (the CLI's offscreen_application, the
// window's own).
Result<RouteSheetPdfInfo> write_route_sheet_pdf(const analysis::routing::RouteResult& result, const QString& title,
                                                const QString& pdf_path);

}  // namespace coopmap::present
