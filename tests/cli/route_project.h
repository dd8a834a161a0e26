// Projects the routes tests make for themselves (issue 18), with the office's own column names
// (店号, 要货件数, 体积, 收货时段…) instead of the sample's, and what the test knows of each stop
// independently of the solver.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "temp_dir.h"

namespace coopmap::test {

// What the test itself knows of a stop.
struct StopSpec {
    double lon = 0, lat = 0;
    std::vector<double> delivery, pickup;
    double service = 0, ready = 0, due = INFINITY;
};

// Minutes since midnight of "HH:MM".
double clock(const std::string& t);

// A project of the test's own: other column names (店号, 要货件数, 体积, 收货时段…), two units, a
// road grid with one shop beyond it, one shop too heavy for any truck and one whose window
// closes before the shift starts.
struct Made {
    std::string project;
    std::map<std::string, StopSpec> stops;
    std::map<std::string, std::pair<double, double>> depots;
};
Made make_project(const TempDir& dir);

// One centre (编号 D1, 配送中心 "长线配送中心") and `shops` shops on a line eastwards, about 600 m
// apart, no road layer (every leg the straight-line estimate), fleet of one truck that takes
// them all in one trip: a route sheet longer than one page. Columns 门店编号, 门店名称, 件数.
Made make_long_route_project(const TempDir& dir, int shops);

}  // namespace coopmap::test
