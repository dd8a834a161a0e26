// Emergency dispatch of agricultural inputs (农资应急调运, issue 18): the stock of one product in
// the reserve warehouses (农资储备库) sent to the townships that need it at the least total
// road time — the transportation problem, solved exactly as a linear program with HiGHS — and
// where stock runs short, how much each township goes without.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analysis/road_graph.h"
#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis::routing {

// supply × demand, cost row-major (supply i to demand j). Ships as much as there is to ship,
// min(Σ supply, Σ demand), at the least Σ cost × flow.
struct TransportProblem {
    std::vector<double> supply, demand, cost;
};
struct TransportPlan {
    std::vector<double> flow;  // same shape as cost
    std::vector<double> shortage;  // per demand: what it does not get
    double cost = 0, shipped = 0;
};
// Fails on a malformed problem (sizes, negative or non-finite numbers) or when HiGHS does not
// report an optimum.
Result<TransportPlan> solve_transport(const TransportProblem& problem);

struct DispatchRequest {
    std::string product;  // e.g. 尿素; the reserves' stock is their stock_<product> field
    // Township demand: a table (CSV/XLSX/…) with a column of township codes and one of amounts…
    std::string demand_table;
    std::string table_code_column = "乡镇代码";  // township codes
    std::string table_amount_column;  // empty: the product's name
    // …or, without a table, the trusteeship area (亩) of each township × this rate per 亩.
    double rate_per_mu = 0;
    double snap_limit_m = 2000;
};

struct DispatchReserve {
    std::string id, name;
    double lon = 0, lat = 0;
    double stock = 0, shipped = 0;
};
struct DispatchTownship {
    std::string code, name;
    double lon = 0, lat = 0;
    double demand = 0, received = 0, shortage = 0;
};
struct DispatchFlow {
    std::size_t reserve = 0, township = 0;
    double amount = 0, minutes = 0, km = 0;
    bool estimated = false;  // the straight-line estimate, not the roads
    std::vector<std::pair<double, double>> path;  // lon, lat, along the roads where they give it
};

struct DispatchResult {
    std::string product;
    std::string demand_source;  // what the demand was taken from, as the summary says it
    std::vector<DispatchReserve> reserves;
    std::vector<DispatchTownship> townships;  // those with demand > 0
    std::vector<DispatchFlow> flows;  // amount > 0, by reserve then township
    double stock = 0, demand = 0, shipped = 0, shortage = 0;
    double cost = 0;  // Σ amount × minutes
    bool has_roads = false;
};

// Errors name the project file, the layer and the column: no 农资储备库 layer, no stock column for
// the product, a stock that is not a number, no township boundaries, a demand table without the
// columns, neither a table nor a rate. A cancelled feedback: cancelled_error("已取消农资调运").
Result<DispatchResult> run_dispatch(const Project& project, const std::vector<Layer>& layers,
                                    const DispatchRequest& request, const Feedback& feedback = Feedback{},
                                    RoadGraphCache* roads = nullptr);

std::string dispatch_summary_text(const DispatchResult& result);
// CSV (UTF-8 with BOM): 储备库编号,储备库,乡镇代码,乡镇,调运量,行车分钟,公里,估算 per flow, then
// per township 乡镇代码,乡镇,需求量,调入量,缺口 after an empty line.
std::string dispatch_table_csv(const DispatchResult& result);
// GeoPackage: dispatch_flows (lines), dispatch_townships (points with demand, received,
// shortage), dispatch_reserves (points with stock, shipped, left).
Status write_dispatch_gpkg(const DispatchResult& result, const std::string& path);

}  // namespace coopmap::analysis::routing
