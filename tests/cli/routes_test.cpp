// coopmap-cli routes end to end (issue 18), as a user runs it: on the bundled sample (each
// county's distribution centre to its supermarkets and stations) and on a project made here with
// other column names, two units, a road grid and stops that cannot be served. What it writes is
// read back with GDAL and checked by a checker of its own that knows only the stops' data from
// the test (never the solver's): each stop once or listed as unserved, the load after each stop
// within the capacity, service inside each window, the shift kept, legs no faster than
// 130 km/h in a straight line; and the XLSX route sheet row by row against the routes.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "analysis/geodesic.h"
#include "io/gdal_errors.h"
#include "run_process.h"
#include "route_project.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using coopmap::test::run_process;
using coopmap::test::TempDir;
using coopmap::test::clock;
using coopmap::test::make_project;
using coopmap::test::Made;
using coopmap::test::StopSpec;

const std::string kSample = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.coopmap";
const std::string kSampleGpkg = std::string(COOPMAP_SOURCE_DIR) + "/geodata/xiangyang.gpkg";

struct Fleet {
    std::vector<double> capacity;
    int vehicles = 0;
    double shift_start = 0, shift_end = 0;
};


struct Visit {
    std::string stop, arrival, departure;
    double arrival_min = 0, start_min = 0, departure_min = 0, km = 0;
    std::vector<double> load;
};
struct RouteRow {
    std::string depot, label, start, end;
    int vehicle = 0;
    double km = 0;
    std::vector<Visit> visits;
};
struct Written {
    std::vector<RouteRow> routes;
    std::map<std::string, std::string> unserved;  // stop -> reason
    std::map<std::string, int> times_seen;
};

Written read_routes(const std::string& gpkg, const std::vector<std::string>& units)
{
    coopmap::io::ensure_gdal();
    Written w;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    EXPECT_TRUE(ds) << gpkg;
    if (!ds) return w;
    OGRLayer* routes = ds->GetLayerByName("routes");
    OGRLayer* stops = ds->GetLayerByName("route_stops");
    EXPECT_TRUE(routes && stops);
    if (!routes || !stops) return w;
    std::map<std::pair<std::string, int>, std::size_t> at;
    for (auto&& f : *routes) {
        RouteRow r;
        r.depot = f->GetFieldAsString("depot");
        r.label = f->GetFieldAsString("label");
        r.start = f->GetFieldAsString("start");
        r.end = f->GetFieldAsString("end");
        r.vehicle = f->GetFieldAsInteger("vehicle");
        r.km = f->GetFieldAsDouble("km");
        EXPECT_EQ(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbLineString);
        at[{r.depot, r.vehicle}] = w.routes.size();
        w.routes.push_back(r);
    }
    std::map<std::pair<std::string, int>, std::map<int, Visit>> by_route;
    for (auto&& f : *stops) {
        const std::string id = f->GetFieldAsString("stop_id");
        ++w.times_seen[id];
        const int vehicle = f->GetFieldAsInteger("vehicle");
        if (vehicle == 0) {
            w.unserved[id] = f->GetFieldAsString("unserved");
            continue;
        }
        Visit v;
        v.stop = id;
        v.arrival = f->GetFieldAsString("arrival");
        v.departure = f->GetFieldAsString("departure");
        v.arrival_min = f->GetFieldAsDouble("arrival_min");
        v.start_min = f->GetFieldAsDouble("start_min");
        v.departure_min = f->GetFieldAsDouble("departure_min");
        v.km = f->GetFieldAsDouble("km");
        for (const auto& u : units) v.load.push_back(f->GetFieldAsDouble(("load_" + u).c_str()));
        const int seq = f->GetFieldAsInteger("seq");
        const std::pair<std::string, int> key{f->GetFieldAsString("depot"), vehicle};
        const bool fresh = by_route[key].emplace(seq, v).second;
        EXPECT_TRUE(fresh) << "seq twice " << seq;
    }
    for (auto& [key, visits] : by_route) {
        EXPECT_TRUE(at.contains(key)) << key.first << " " << key.second;
        if (!at.contains(key)) continue;
        int expect = 1;
        for (auto& [seq, v] : visits) {
            EXPECT_EQ(seq, expect++) << "stops of a route numbered 1, 2, …";
            w.routes[at[key]].visits.push_back(v);
        }
    }
    return w;
}

// The independent check: every failure as a line.
std::vector<std::string> check(const Written& w, const std::map<std::string, StopSpec>& stops,
                               const std::map<std::string, std::pair<double, double>>& depots, const Fleet& fleet)
{
    std::vector<std::string> bad;
    const auto fail = [&](const std::string& s) { bad.push_back(s); };
    for (const auto& [id, spec] : stops) {
        const int seen = w.times_seen.contains(id) ? w.times_seen.at(id) : 0;
        if (seen != 1) fail(id + " appears " + std::to_string(seen) + " times");
        if (w.unserved.contains(id) && w.unserved.at(id).empty()) fail(id + " unserved without a reason");
    }
    for (const auto& [id, n] : w.times_seen)
        if (!stops.contains(id)) fail(id + " is not a stop asked for");
    std::map<std::string, int> per_depot;
    for (const auto& r : w.routes) {
        const std::string name = r.depot + " " + std::to_string(r.vehicle);
        if (!depots.contains(r.depot)) {
            fail(name + ": not a depot");
            continue;
        }
        ++per_depot[r.depot];
        if (r.vehicle < 1 || r.vehicle > fleet.vehicles) fail(name + ": vehicle number beyond the fleet");
        if (r.visits.empty()) fail(name + ": a route without stops");
        const std::size_t nu = fleet.capacity.size();
        std::vector<double> load(nu, 0);
        for (const auto& v : r.visits)
            for (std::size_t u = 0; u < nu; ++u) load[u] += stops.at(v.stop).delivery[u];
        for (std::size_t u = 0; u < nu; ++u)
            if (load[u] > fleet.capacity[u] + 1e-6) fail(name + ": loaded beyond capacity at the depot");
        const double start = clock(r.start), end = clock(r.end);
        if (start < fleet.shift_start - 1e-6) fail(name + ": leaves before the shift " + r.start);
        if (end > fleet.shift_end + 1e-6) fail(name + ": back after the shift " + r.end);
        double lon = depots.at(r.depot).first, lat = depots.at(r.depot).second, t = start, km = 0;
        const auto leg_ok = [&](double lon2, double lat2, double from, double to, const std::string& what) {
            const double straight_km = coopmap::analysis::geodesic_distance_m(lon, lat, lon2, lat2) / 1000;
            // 0.5 min of slack: times are written rounded as the solver keeps them.
            if (to - from < straight_km / 130 * 60 - 0.5) fail(name + ": " + what + " faster than 130 km/h");
        };
        for (const auto& v : r.visits) {
            if (!stops.contains(v.stop)) continue;
            const auto& s = stops.at(v.stop);
            leg_ok(s.lon, s.lat, t, v.arrival_min, "leg to " + v.stop);
            if (v.start_min < v.arrival_min - 1e-6) fail(v.stop + ": service before arrival");
            if (v.start_min < s.ready - 1e-6 || v.start_min > s.due + 1e-6)
                fail(v.stop + ": service outside its window");
            if (std::abs(v.departure_min - v.start_min - s.service) > 1e-6) fail(v.stop + ": service time wrong");
            for (std::size_t u = 0; u < nu; ++u) {
                load[u] += s.pickup[u] - s.delivery[u];
                if (load[u] > fleet.capacity[u] + 1e-6) fail(v.stop + ": load after the stop beyond capacity");
                if (std::abs(load[u] - v.load[u]) > 1e-6) fail(v.stop + ": written load after the stop is wrong");
            }
            if (!(v.km >= 0)) fail(v.stop + ": negative km");
            km += v.km;
            t = v.departure_min;
            lon = s.lon;
            lat = s.lat;
        }
        leg_ok(depots.at(r.depot).first, depots.at(r.depot).second, t, end + 0.5, "way back");
        const double straight_back =
            coopmap::analysis::geodesic_distance_m(lon, lat, depots.at(r.depot).first, depots.at(r.depot).second) /
            1000;
        if (r.km < km + straight_back - 1e-6) fail(name + ": km shorter than its legs and the straight way back");
    }
    return bad;
}

// The route sheet, sheet by sheet, against the routes in the GeoPackage.
void expect_sheet_is_routes(const std::string& xlsx, const Written& w, const std::vector<std::string>& units)
{
    coopmap::io::ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds) << xlsx;
    const int expected_sheets = static_cast<int>(w.routes.size()) + (w.unserved.empty() ? 0 : 1);
    EXPECT_EQ(ds->GetLayerCount(), expected_sheets);
    for (const auto& r : w.routes) {
        OGRLayer* sheet = ds->GetLayerByName(r.label.c_str());
        ASSERT_TRUE(sheet) << "no sheet " << r.label;
        std::vector<OGRFeatureUniquePtr> rows;
        for (auto&& f : *sheet) rows.emplace_back(f->Clone());
        ASSERT_EQ(rows.size(), r.visits.size() + 2) << r.label;
        EXPECT_EQ(rows.front()->GetFieldAsInteger("序号"), 0);
        EXPECT_EQ(std::string(rows.front()->GetFieldAsString("编号")), r.depot);
        EXPECT_EQ(std::string(rows.front()->GetFieldAsString("离开")), r.start);
        EXPECT_EQ(std::string(rows.back()->GetFieldAsString("编号")), r.depot);
        EXPECT_EQ(std::string(rows.back()->GetFieldAsString("到达")), r.end);
        EXPECT_NEAR(rows.back()->GetFieldAsDouble("累计公里"), r.km, 0.002) << r.label;
        for (std::size_t i = 0; i < r.visits.size(); ++i) {
            const auto& row = rows[i + 1];
            const auto& v = r.visits[i];
            EXPECT_EQ(row->GetFieldAsInteger("序号"), static_cast<int>(i + 1));
            EXPECT_EQ(std::string(row->GetFieldAsString("编号")), v.stop) << r.label << " row " << i + 1;
            EXPECT_EQ(std::string(row->GetFieldAsString("到达")), v.arrival);
            EXPECT_EQ(std::string(row->GetFieldAsString("离开")), v.departure);
            EXPECT_NEAR(row->GetFieldAsDouble("公里"), v.km, 0.0006);
            for (std::size_t u = 0; u < units.size(); ++u)
                EXPECT_NEAR(row->GetFieldAsDouble(("车上（" + units[u] + "）").c_str()), v.load[u], 1e-6);
        }
    }
}

double number_after(const std::string& text, const std::string& label, const std::string& unit)
{
    const auto at = text.find(label);
    if (at == std::string::npos) return NAN;
    const auto u = text.find(unit, at + label.size());
    if (u == std::string::npos) return NAN;
    std::string s = text.substr(at + label.size(), u - at - label.size());
    const auto comma = s.rfind("，");
    if (comma != std::string::npos) s = s.substr(comma + std::string("，").size());
    return std::stod(s);
}

// The sample's stops and centres, straight from the GeoPackage with GDAL.
void sample_sites(std::map<std::string, StopSpec>& stops, std::map<std::string, std::pair<double, double>>& depots)
{
    coopmap::io::ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(kSampleGpkg.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    for (auto&& f : *ds->GetLayerByName("distribution_center")) {
        const auto* p = f->GetGeometryRef()->toPoint();
        depots[f->GetFieldAsString("code")] = {p->getX(), p->getY()};
    }
    // The project file's routing defaults of the sample (geodata/xiangyang.coopmap).
    for (auto&& f : *ds->GetLayerByName("township_supermarket")) {
        const auto* p = f->GetGeometryRef()->toPoint();
        stops[f->GetFieldAsString("code")] = {p->getX(), p->getY(), {30}, {10}, 20, 8 * 60, 11 * 60};
    }
    for (auto&& f : *ds->GetLayerByName("village_service_station")) {
        const auto* p = f->GetGeometryRef()->toPoint();
        stops[f->GetFieldAsString("code")] = {p->getX(), p->getY(), {6}, {2}, 10, 0, INFINITY};
    }
}

TEST(RoutesCli, SampleCentresToTheirSupermarketsAndStations)
{
    TempDir dir("coopmap_routes");
    const std::string gpkg = dir.file("routes.gpkg"), xlsx = dir.file("routes.xlsx");
    const std::vector<std::string> args{"routes",       kSample,
                                        "--depot-role", "distribution_center",
                                        "--stops",      "township_supermarket,village_service_station",
                                        "--vehicles",   "8",
                                        "--capacity",   "200",
                                        "--shift",      "07:00-17:00",
                                        "--seconds",    "60",
                                        "--seed",       "7",
                                        "--out",        gpkg,
                                        "--sheet",      xlsx};
    const auto r = run_process(COOPMAP_CLI, args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, StopSpec> stops;
    std::map<std::string, std::pair<double, double>> depots;
    sample_sites(stops, depots);
    ASSERT_EQ(depots.size(), 7u);
    ASSERT_EQ(stops.size(), 87u + 498u);
    const std::vector<std::string> units{"件"};
    const auto w = read_routes(gpkg, units);
    const auto bad = check(w, stops, depots, {{200}, 8, 7 * 60, 17 * 60});
    EXPECT_TRUE(bad.empty()) << bad.size() << " failures, first: " << (bad.empty() ? "" : bad.front());
    // Every centre sends out trucks.
    std::set<std::string> used;
    for (const auto& route : w.routes) used.insert(route.depot);
    EXPECT_EQ(used.size(), 7u);
    std::size_t served = 0;
    double km = 0;
    for (const auto& route : w.routes) {
        served += route.visits.size();
        km += route.km;
    }
    EXPECT_EQ(served + w.unserved.size(), stops.size());
    EXPECT_GT(served, stops.size() * 9 / 10) << r.out;
    // The printed totals are the written routes.
    EXPECT_NE(r.out.find("共配：" + std::to_string(w.routes.size()) + " 车次，" + std::to_string(served) + " 个点"),
              std::string::npos)
        << r.out;
    EXPECT_NEAR(number_after(r.out, "共配：", " 公里"), km, 0.06) << r.out;
    // Sharing the trucks costs less than one trip per township.
    const double separate_km = number_after(r.out, "各乡镇单独配送", " 公里");
    const double saving_km = number_after(r.out, "共同配送节省：", " 公里");
    EXPECT_GT(separate_km, km) << r.out;
    EXPECT_NEAR(saving_km, separate_km - km, 0.11) << r.out;
    EXPECT_GT(number_after(r.out, "共同配送节省：", " 元（"), 0) << r.out;
    expect_sheet_is_routes(xlsx, w, units);

    // The same seed, the same routes.
    const auto again = run_process(COOPMAP_CLI, args);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, r.out);
}


TEST(RoutesCli, OwnColumnNamesTwoUnitsAndStopsThatCannotBeServed)
{
    TempDir dir("coopmap_routes");
    const Made m = make_project(dir);
    const std::string gpkg = dir.file("r.gpkg"), xlsx = dir.file("r.xlsx");
    const auto r = run_process(COOPMAP_CLI, {"routes", m.project, "--stops", "township_supermarket", "--seconds", "30",
                                             "--out", gpkg, "--sheet", xlsx});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<std::string> units{"件", "立方"};
    const auto w = read_routes(gpkg, units);
    const auto bad = check(w, m.stops, m.depots, {{40, 6}, 3, 7 * 60, 18 * 60});
    EXPECT_TRUE(bad.empty()) << bad.size() << " failures, first: " << (bad.empty() ? "" : bad.front());
    ASSERT_EQ(w.unserved.size(), 2u) << r.out;
    EXPECT_TRUE(w.unserved.contains("S30")) << r.out;
    EXPECT_TRUE(w.unserved.contains("S32")) << r.out;
    EXPECT_NE(r.out.find("未服务：2 个点"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("S30 门店S30：需求量或回程量（件）超过所有车辆的载重"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("S32 门店S32："), std::string::npos) << r.out;
    // The shop beyond the grid is reached on the straight-line estimate, and said so.
    EXPECT_NE(r.out.find("按直线距离 × 1.30 估算的行程"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("离道路超过限距的网点 1 个"), std::string::npos) << r.out;
    EXPECT_EQ(w.times_seen.at("S31"), 1);
    EXPECT_FALSE(w.unserved.contains("S31"));
    expect_sheet_is_routes(xlsx, w, units);
    coopmap::io::ensure_gdal();
    GDALDatasetUniquePtr sheet(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(sheet && sheet->GetLayerByName("未服务"));
    // A sheet of text only may be read with its header row as a row: count the shops in it.
    std::set<std::string> listed;
    for (auto&& f : *sheet->GetLayerByName("未服务"))
        for (int i = 0; i < f->GetFieldCount(); ++i)
            if (std::string(f->GetFieldAsString(i)).starts_with("S3")) listed.insert(f->GetFieldAsString(i));
    EXPECT_EQ(listed, (std::set<std::string>{"S30", "S32"}));
}

TEST(RoutesCli, BadArgumentsAndValuesSayWhatIsWrong)
{
    TempDir dir("coopmap_routes");
    const Made m = make_project(dir);
    auto r = run_process(COOPMAP_CLI, {"routes", m.project, "--stops", "township_supermarket", "--shift", "8点到5点"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--shift：“8点到5点”应写成 08:00-17:00"), std::string::npos) << r.err;
    r = run_process(COOPMAP_CLI, {"routes", m.project, "--stops", "township_supermarket", "--depot", "C9"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("没有编号为“C9”的网点可作配送中心"), std::string::npos) << r.err;
    // A window the office typed wrong names the layer and the shop.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(dir.file("门店.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ds->ExecuteSQL("UPDATE shops SET 收货时段 = '上午' WHERE 店号 = 'S04'", nullptr, nullptr);
    }
    r = run_process(COOPMAP_CLI, {"routes", m.project, "--stops", "township_supermarket"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("要素 4（门店S04）"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("时间窗“上午”应写成 08:00-11:00"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("r.gpkg")));
}

}  // namespace
