// A network with a history, small enough to check by eye (issue 19): two counties, three
// townships, seven villages, six service stations built, rebuilt, made model sites or planned in
// 2021–2024, four parcels of 2021–2024, and six service records.
//
// County 420602 (襄城区) is the box 112.0–112.2 E x 32.0–32.2 N: townships 420602001 (west half)
// and 420602002 (east half). County 420606 (樊城区) is 112.2–112.4 E: township 420606001.
//
//  station  lon,lat        county  built   rebuilt  model              state
//  A        112.05,32.05   420602  2021    -        -                  建成
//  B        112.15,32.05   420602  2023    -        2023年市级示范社     建成
//  C        112.05,32.15   420602  -       2023     是                 建成
//  D        112.25,32.05   420606  2023    -        -                  在建
//  E        112.35,32.15   420606  2024    -        -                  规划
//  F        112.25,32.15   420606  2022年  2024     -                  -
//
// A village stands at every station, plus v7 at 112.35,32.05, far from all (radius 3000 m;
// stations are 9–11 km apart). Parcels: 1000 亩 (420602, 2021), 2500 (420602, 2023), 5000
// (420606, 2023, 流转), 500 (420606, 2024). Service records (a CSV, 2023 unless said):
// 配方施肥 1200 at vA, 统防统治 3000 at vB, 农机作业 800.5 at vC, 统防统治 5000 at vD,
// 烘干 2000 at vF in 2022, 代耕代种 100 at a village code no layer has.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/layer.h"
#include "model/project.h"

namespace coopmap::test {

struct YearFixture {
    Project project;
    std::vector<Layer> layers;
};

// The project and its layers in memory; the service records are written to `dir` (their CSV is
// read by the services job) and project.file lies in `dir`.
YearFixture year_fixture(const std::filesystem::path& dir);

// The same written out for coopmap-cli: dir/year.gpkg, dir/服务记录.csv, dir/year.coopmap.
// Returns the project file's path.
std::string write_year_fixture(const std::filesystem::path& dir);

}  // namespace coopmap::test
