// Exporting a coverage run for people who work in Excel and in GIS: the per-county/township
// table and the uncovered villages, to GeoPackage, CSV or XLSX. The analysis panel and
// coopmap-cli write through here.
#pragma once

#include <string>
#include <vector>

#include "analysis/coverage_run.h"
#include "model/error.h"
#include "model/layer.h"

namespace coopmap::analysis {

// The table's columns as written to GeoPackage and XLSX (the CSV's header, coverage_table_csv).
const std::vector<std::string>& coverage_table_columns();

// By the extension of `path`:
//  .xlsx  one workbook, sheet 覆盖统计 (the table with its 合计 row; counts as numbers, 覆盖率 in
//         % to one decimal) and sheet 未覆盖村 (village_layer(result, true) with 经度/纬度);
//  .gpkg  layers uncovered_villages (points), coverage_table (no geometry) and every layer of
//         `polygons` (e.g. coverage, coverage_gaps, isochrones) under its own name;
//  .csv   the table (coverage_table_csv) at `path` and the uncovered villages beside it as
//         <name>_未覆盖村.csv.
// The file is written whole or not at all; errors name the file and what to do.
Status export_coverage(const CoverageResult& result, const std::string& path,
                       const std::vector<const Layer*>& polygons = {});

}  // namespace coopmap::analysis
