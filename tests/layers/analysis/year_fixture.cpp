#include "year_fixture.h"

#include <fstream>
#include <map>
#include <stdexcept>
#include <tuple>

#include "fixture_shapes.h"
#include "io/gdal_writer.h"

namespace coopmap::test {

namespace {

LayerConfig config(std::string id, Role role, std::map<std::string, std::string> fields, std::string level = {})
{
    LayerConfig c;
    c.id = id;
    c.title = id;
    c.source = "year.gpkg";
    c.layer = std::move(id);
    c.role = role;
    c.fields = std::move(fields);
    c.level = std::move(level);
    return c;
}

}  // namespace

YearFixture year_fixture(const std::filesystem::path& dir)
{
    std::filesystem::create_directories(dir);
    YearFixture fx;
    auto& p = fx.project;
    p.name = "年度示例";
    p.file = (dir / "year.coopmap").string();
    p.layers = {
        config("counties", Role::admin_boundary, {{"code", "code"}, {"name", "name"}}, "county"),
        config("townships", Role::admin_boundary, {{"code", "code"}, {"name", "name"}, {"county_code", "county"}},
               "township"),
        config("villages", Role::village,
               {{"code", "code"}, {"name", "name"}, {"township_code", "town"}, {"county_code", "county"}}),
        config("stations", Role::village_service_station,
               {{"name", "名称"},
                {"county_code", "县代码"},
                {"built_year", "建成年份"},
                {"rebuilt_year", "改造年份"},
                {"model", "示范社"},
                {"state", "状态"}}),
        config("parcels", Role::land_trusteeship,
               {{"code", "code"}, {"county_code", "county"}, {"year", "year"}, {"area_mu", "mu"}, {"kind", "kind"}}),
    };
    p.service_radii_m["village_service_station"] = 3000;

    AnnualTarget xc{2023, "420602", {{"village_service_station", 2}}, {{"village_service_station", 1}}, 0.9, 0.3, 0.6};
    AnnualTarget fc{2023, "420606", {{"village_service_station", 2}}, {}, 0.5, 0.4, 0.4};
    AnnualTarget city{2023, "", {}, {}, 0.7, std::nullopt, std::nullopt};
    p.annual_targets = {city, xc, fc};
    ServiceRecords rec;
    rec.source = "服务记录.csv";
    rec.fields = {{"village_code", "村代码"},
                  {"kind", "服务类型"},
                  {"mu_times", "亩次"},
                  {"date", "服务日期"},
                  {"provider", "服务主体"}};
    p.services = {rec};
    {
        std::ofstream csv(dir / "服务记录.csv", std::ios::binary);
        csv << "村代码,服务类型,亩次,服务日期,服务主体\n"
               "420602001001,配方施肥,1200,2023/04/10,东津镇供销社\n"
               "420602002001,统防统治,3000,2023-06-01,卧龙植保合作社\n"
               "420602001002,农机作业,800.5,2023/10/01,东津镇供销社\n"
               "420606001001,统防统治,5000,2023/07/15,牛首农机合作社\n"
               "420606001003,烘干,2000,2022/10/20,牛首农机合作社\n"
               "999999999999,代耕代种,100,2023/05/05,某农业公司\n";
        if (!csv) throw std::runtime_error("cannot write the service records");
    }

    auto& layers = fx.layers;
    layers.resize(5);
    auto& counties = layers[0];
    counties.name = "counties";
    counties.kind = GeometryKind::polygon;
    counties.role = Role::admin_boundary;
    counties.columns.reserve(2);
    auto& cc = counties.add_column("code", FieldType::text);
    auto& cn = counties.add_column("name", FieldType::text);
    box(counties, 112.0, 112.2);
    put(cc, "420602");
    put(cn, "襄城区");
    box(counties, 112.2, 112.4);
    put(cc, "420606");
    put(cn, "樊城区");

    auto& towns = layers[1];
    towns.name = "townships";
    towns.kind = GeometryKind::polygon;
    towns.role = Role::admin_boundary;
    towns.columns.reserve(3);
    auto& tc = towns.add_column("code", FieldType::text);
    auto& tn = towns.add_column("name", FieldType::text);
    auto& tk = towns.add_column("county", FieldType::text);
    for (const auto& [x0, x1, code, name, county] : {std::tuple{112.0, 112.1, "420602001", "东津镇", "420602"},
                                                     std::tuple{112.1, 112.2, "420602002", "卧龙镇", "420602"},
                                                     std::tuple{112.2, 112.4, "420606001", "牛首镇", "420606"}}) {
        box(towns, x0, x1);
        put(tc, code);
        put(tn, name);
        put(tk, county);
    }

    struct Station {
        const char *name, *village, *town, *county;
        double lon, lat;
        const char *built, *rebuilt, *model, *state;
    };
    const Station stations[] = {
        {"A", "420602001001", "420602001", "420602", 112.05, 32.05, "2021", "", "", "建成"},
        {"B", "420602002001", "420602002", "420602", 112.15, 32.05, "2023", "", "2023年市级示范社", "建成"},
        {"C", "420602001002", "420602001", "420602", 112.05, 32.15, "", "2023", "是", "建成"},
        {"D", "420606001001", "420606001", "420606", 112.25, 32.05, "2023", "", "", "在建"},
        {"E", "420606001002", "420606001", "420606", 112.35, 32.15, "2024", "", "", "规划"},
        {"F", "420606001003", "420606001", "420606", 112.25, 32.15, "2022年", "2024", "", ""},
    };
    auto& v = layers[2];
    v.name = "villages";
    v.role = Role::village;
    v.columns.reserve(4);
    auto& vc = v.add_column("code", FieldType::text);
    auto& vn = v.add_column("name", FieldType::text);
    auto& vt = v.add_column("town", FieldType::text);
    auto& vk = v.add_column("county", FieldType::text);
    auto& s = layers[3];
    s.name = "stations";
    s.role = Role::village_service_station;
    s.columns.reserve(6);
    auto& sn = s.add_column("名称", FieldType::text);
    auto& sk = s.add_column("县代码", FieldType::text);
    auto& sb = s.add_column("建成年份", FieldType::text);
    auto& sr = s.add_column("改造年份", FieldType::text);
    auto& sm = s.add_column("示范社", FieldType::text);
    auto& ss = s.add_column("状态", FieldType::text);
    for (const auto& st : stations) {
        v.add_point(st.lon, st.lat);
        put(vc, st.village);
        put(vn, std::string("v") + st.name);
        put(vt, st.town);
        put(vk, st.county);
        s.add_point(st.lon, st.lat);
        put(sn, st.name);
        put(sk, st.county);
        put(sb, st.built);
        put(sr, st.rebuilt);
        put(sm, st.model);
        put(ss, st.state);
    }
    v.add_point(112.35, 32.05);
    put(vc, "420606001004");
    put(vn, "v7");
    put(vt, "420606001");
    put(vk, "420606");

    auto& parcels = layers[4];
    parcels.name = "parcels";
    parcels.kind = GeometryKind::polygon;
    parcels.role = Role::land_trusteeship;
    parcels.columns.reserve(5);
    auto& pc = parcels.add_column("code", FieldType::text);
    auto& pk = parcels.add_column("county", FieldType::text);
    auto& py = parcels.add_column("year", FieldType::text);
    auto& pm = parcels.add_column("mu", FieldType::real);
    auto& pt = parcels.add_column("kind", FieldType::text);
    for (const auto& [x0, code, county, year, mu, kind] : {std::tuple{112.01, "P1", "420602", "2021", 1000.0, "托管"},
                                                           std::tuple{112.11, "P2", "420602", "2023", 2500.0, "托管"},
                                                           std::tuple{112.21, "P3", "420606", "2023", 5000.0, "流转"},
                                                           std::tuple{112.31, "P4", "420606", "2024", 500.0, "托管"}}) {
        box(parcels, x0, x0 + 0.01, 32.10, 32.11);
        put(pc, code);
        put(pk, county);
        put(py, year);
        put(pm, mu);
        put(pt, kind);
    }
    for (auto& l : layers) l.build_index();
    return fx;
}

std::string write_year_fixture(const std::filesystem::path& dir)
{
    const auto fx = year_fixture(dir);
    const auto gpkg = (dir / "year.gpkg").string();
    std::filesystem::remove(gpkg);
    for (std::size_t i = 0; i < fx.layers.size(); ++i)
        if (auto ok = io::write_layer(fx.layers[i], io::WriteSpec{.path = gpkg, .layer = fx.project.layers[i].layer});
            !ok)
            throw std::runtime_error(ok.error().text());
    if (auto ok = save_project(fx.project, fx.project.file); !ok) throw std::runtime_error(ok.error().text());
    return fx.project.file;
}

}  // namespace coopmap::test
