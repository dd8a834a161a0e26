// A planning scenario as an A4 landscape PDF page (issue 7): its name, objective and reach,
// a map of its sites over the network (the print layout the report's map page uses), a table
// of its sites with the villages and population each adds, and coverage before and after.
// Sites that do not fit beside the map go on over further pages.
// Called by `coopmap-cli report --scenario` and by the planning panel's export.
#pragma once

#include <QString>

namespace coopmap::present {

// Writes `pdfPath` write-then-rename. Empty on success, else the Chinese error text naming
// the project, scenario or output file. Needs a QGuiApplication: made by
// offscreen_application(kReportMapDpi / 96.0) in the CLI, the window's own in the GUI.
// `page_count`, when given, gets the number of pages written.
QString write_scenario_pdf(const QString& projectPath, const QString& scenarioName, const QString& pdfPath,
                           int* page_count = nullptr);

}  // namespace coopmap::present

// The planning panel (app/planning) calls it by its bare name.
namespace coopmap::app {
using present::write_scenario_pdf;
}
