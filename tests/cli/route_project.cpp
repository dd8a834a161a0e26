#include "route_project.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <fstream>
#include <utility>
#include <vector>

#include "io/gdal_errors.h"

namespace coopmap::test {

double clock(const std::string& t)
{
    const auto colon = t.find(':');
    return std::stoi(t.substr(0, colon)) * 60.0 + std::stoi(t.substr(colon + 1));
}

namespace {

using Fields = std::vector<std::pair<const char*, OGRFieldType>>;

// A new GeoPackage at `path`, for the fixtures below.
GDALDatasetUniquePtr new_gpkg(const std::string& path)
{
    coopmap::io::ensure_gdal();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    return GDALDatasetUniquePtr(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
}

// A layer in WGS 84 (longitude first) with the given fields.
OGRLayer* add_layer(GDALDataset& ds, const char* name, OGRwkbGeometryType type, const Fields& fields)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds.CreateLayer(name, &wgs84, type, nullptr);
    for (const auto& [c, t] : fields) {
        OGRFieldDefn fd(c, t);
        layer->CreateField(&fd);
    }
    return layer;
}

}  // namespace

Made make_project(const TempDir& dir)
{
    Made m;
    const std::string gpkg = dir.file("门店.gpkg");
    GDALDatasetUniquePtr ds = new_gpkg(gpkg);
    OGRLayer* centres = add_layer(*ds, "centres", wkbPoint, {{"中心编号", OFTString}, {"中心名称", OFTString}});
    const std::pair<double, double> depot_at[] = {{112.00, 32.00}, {112.20, 32.05}};
    for (int d = 0; d < 2; ++d) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(centres->GetLayerDefn()));
        const std::string id = "C" + std::to_string(d + 1);
        f->SetField("中心编号", id.c_str());
        f->SetField("中心名称", d == 0 ? "城关配送中心" : "东区配送中心");
        OGRPoint p(depot_at[d].first, depot_at[d].second);
        f->SetGeometry(&p);
        EXPECT_EQ(centres->CreateFeature(f.get()), OGRERR_NONE);
        m.depots[id] = depot_at[d];
    }
    OGRLayer* shops = add_layer(*ds, "shops", wkbPoint,
                                {{"店号", OFTString},
                                 {"店名", OFTString},
                                 {"乡镇", OFTString},
                                 {"要货件数", OFTReal},
                                 {"体积", OFTReal},
                                 {"回收件数", OFTReal},
                                 {"卸货分钟", OFTReal},
                                 {"收货时段", OFTString}});
    std::uint64_t seed = 12345;
    const auto rnd = [&] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(seed >> 11) * 0x1.0p-53;
    };
    for (int i = 0; i < 32; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "S%02d", i + 1);
        StopSpec s;
        s.lon = 111.92 + 0.36 * rnd();
        s.lat = 31.92 + 0.20 * rnd();
        s.delivery = {std::round(2 + 6 * rnd()), std::round((0.2 + 0.8 * rnd()) * 10) / 10};
        s.pickup = {std::round(2 * rnd()), 0};
        s.service = std::round(5 + 10 * rnd());
        std::string window = i % 3 == 0 ? "08:30-12:00" : "";
        if (i == 30) {  // beyond the road grid, served on the straight-line estimate
            s.lon = 112.45;
            s.lat = 32.10;
        }
        if (i == 31) window = "05:00-05:30";  // before the shift: no truck can be there
        if (i == 29) s.delivery[0] = 500;  // more than a truck takes
        if (!window.empty()) {
            s.ready = clock(window.substr(0, 5));
            s.due = clock(window.substr(6));
        }
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(shops->GetLayerDefn()));
        f->SetField("店号", id);
        f->SetField("店名", (std::string("门店") + id).c_str());
        f->SetField("乡镇", s.lon < 112.04 ? "T1" : s.lon < 112.16 ? "T2" : "T3");
        f->SetField("要货件数", s.delivery[0]);
        f->SetField("体积", s.delivery[1]);
        f->SetField("回收件数", s.pickup[0]);
        f->SetField("卸货分钟", s.service);
        if (!window.empty()) f->SetField("收货时段", window.c_str());
        OGRPoint p(s.lon, s.lat);
        f->SetGeometry(&p);
        EXPECT_EQ(shops->CreateFeature(f.get()), OGRERR_NONE);
        m.stops[id] = s;
    }
    OGRLayer* roads = add_layer(*ds, "roads", wkbLineString, {{"等级", OFTString}});
    // A grid every 0.04°, a vertex every 0.005° so that every shop on it snaps within 2 km.
    const auto road = [&](double x0, double y0, double x1, double y1) {
        OGRLineString line;
        const int n = static_cast<int>(std::round(std::max(std::abs(x1 - x0), std::abs(y1 - y0)) / 0.005));
        for (int k = 0; k <= n; ++k) line.addPoint(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(roads->GetLayerDefn()));
        f->SetField("等级", "县道");
        f->SetGeometry(&line);
        EXPECT_EQ(roads->CreateFeature(f.get()), OGRERR_NONE);
    };
    for (int k = 0; k <= 10; ++k) road(111.90 + 0.04 * k, 31.90, 111.90 + 0.04 * k, 32.14);
    for (int k = 0; k <= 6; ++k) road(111.90, 31.90 + 0.04 * k, 112.30, 31.90 + 0.04 * k);
    ds.reset();

    m.project = dir.file("配送.coopmap");
    std::ofstream(m.project) << R"({
  "version": 1,
  "name": "门店配送（测试）",
  "layers": [
    {"id": "centres", "source": "门店.gpkg", "layer": "centres", "role": "distribution_center",
     "fields": {"code": "中心编号", "name": "中心名称"}},
    {"id": "shops", "source": "门店.gpkg", "layer": "shops", "role": "township_supermarket",
     "fields": {"code": "店号", "name": "店名", "township_code": "乡镇", "delivery": "要货件数",
                "delivery_立方": "体积", "pickup": "回收件数", "service_minutes": "卸货分钟",
                "time_window": "收货时段"}},
    {"id": "roads", "source": "门店.gpkg", "layer": "roads", "role": "road", "fields": {"road_class": "等级"}}
  ],
  "routing": {
    "units": ["件", "立方"],
    "fleet": {"vehicles": 3, "capacity": [40, 6], "shift": "07:00-18:00", "cost_per_km": 3, "cost_per_vehicle": 200},
    "stops": {"township_supermarket": {"delivery": [1, 0.1], "service_minutes": 10}}
  }
}
)";
    return m;
}

Made make_long_route_project(const TempDir& dir, int shops)
{
    Made m;
    const std::string gpkg = dir.file("长线.gpkg");
    GDALDatasetUniquePtr ds = new_gpkg(gpkg);
    OGRLayer* centres = add_layer(*ds, "centres", wkbPoint, {{"编号", OFTString}, {"配送中心", OFTString}});
    {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(centres->GetLayerDefn()));
        f->SetField("编号", "D1");
        f->SetField("配送中心", "长线配送中心");
        OGRPoint p(112.0, 32.0);
        f->SetGeometry(&p);
        EXPECT_EQ(centres->CreateFeature(f.get()), OGRERR_NONE);
        m.depots["D1"] = {112.0, 32.0};
    }
    OGRLayer* layer =
        add_layer(*ds, "shops", wkbPoint, {{"门店编号", OFTString}, {"门店名称", OFTString}, {"件数", OFTReal}});
    for (int i = 0; i < shops; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "L%03d", i + 1);
        StopSpec s;
        s.lon = 112.0 + 0.006 * (i + 1);
        s.lat = 32.0 + (i % 2 == 0 ? 0.001 : -0.001);
        s.delivery = {static_cast<double>(1 + i % 3)};
        s.pickup = {0};
        s.service = 2;
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("门店编号", id);
        f->SetField("门店名称", (std::string("长线门店") + id).c_str());
        f->SetField("件数", s.delivery[0]);
        OGRPoint p(s.lon, s.lat);
        f->SetGeometry(&p);
        EXPECT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
        m.stops[id] = s;
    }
    ds.reset();
    m.project = dir.file("长线.coopmap");
    std::ofstream(m.project) << R"({
  "version": 1,
  "name": "长线配送（测试）",
  "layers": [
    {"id": "centres", "source": "长线.gpkg", "layer": "centres", "role": "distribution_center",
     "fields": {"code": "编号", "name": "配送中心"}},
    {"id": "shops", "source": "长线.gpkg", "layer": "shops", "role": "township_supermarket",
     "fields": {"code": "门店编号", "name": "门店名称", "delivery": "件数"}}
  ],
  "routing": {
    "units": ["件"],
    "fleet": {"vehicles": 1, "capacity": [1000], "shift": "00:00-23:59", "cost_per_km": 3, "cost_per_vehicle": 200},
    "stops": {"township_supermarket": {"delivery": [1], "service_minutes": 2}}
  }
}
)";
    return m;
}

}  // namespace coopmap::test
