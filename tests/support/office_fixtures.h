// The files a county office would hand over, made from the bundled sample's own layers
// (geodata/xiangyang.gpkg): the code columns of villages, facilities and parcels removed,
// columns renamed the way offices name them, coordinates as the office's tools leave them.
// The same data as the sample in other clothes, so that a project made from them by
// `coopmap-cli new` or the 新建项目 dialog must give the sample's numbers. No GoogleTest here:
// the Qt Quick Test of the dialog calls it too.
#pragma once

#include <string>

#include "model/error.h"

namespace coopmap::testing {

// Writes into `dir` (made if missing):
//   乡镇界.zip          乡镇界.shp/.shx/.dbf/.prj, GBK (DBF language byte, no .cpg), CGCS2000 3° GK zone 37
//                       with prefix (EPSG:4525); names in the zip in GBK without the UTF-8 flag, as
//                       Windows writes them; 乡镇名称, 乡镇代码
//   县区界.shp          GBK with a .cpg saying so, CGCS2000 lon/lat (EPSG:4490); 县名, 县代码
//   村庄.xlsx           sheet 村庄: 村名, 乡镇 (the township's name), 类别, 人口, 户数, 经度, 纬度 in GCJ-02
//   村级综合服务社.csv  GBK, BD-09: 站名, 开业年份, 经营主体, 经度, 纬度
//   村级供销社.geojson  名称, 开业年份, 经营主体
//   集采集配中心.kml    名称, 开业年份, 经营主体
//   基层供销社.shp      GBK (.cpg), EPSG:4490; 社名, 开业年份
//   乡镇综合超市.xlsx   sheet Sheet1, WGS84: 超市名称, 经度, 纬度
//   农资网点/为农服务中心.csv  UTF-8, WGS84: 名称, 经度, 纬度
//   土地托管.gpkg       layer 土地托管: 地块编号, 类型, 服务主体, 作物, 年份, 面积_亩
//   道路.gpkg           layer 道路: 道路名称, 道路等级, 车速, 单行
// No township or county code anywhere but on the boundaries themselves.
Status make_office_fixtures(const std::string& dir);

// The sample the fixtures are made from.
std::string sample_gpkg();

}  // namespace coopmap::testing
