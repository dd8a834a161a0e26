// The routes as a GeoPackage for GIS (route lines, numbered stops) and as the route sheet a
// driver takes along (XLSX, one sheet per vehicle), both through GDAL.
#include <cmath>
#include <cstdio>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "analysis/routing/route_run.h"
#include "io/atomic_write.h"
#include "io/gdal_errors.h"
#include "io/gdal_writer.h"

namespace coopmap::analysis::routing {

namespace {

// Appends values to a layer's columns by name as features are added.
struct Columns {
    Layer& l;
    void text(std::size_t c, const std::string& s)
    {
        l.columns[c].texts.push_back(s);
        l.columns[c].null.push_back(0);
    }
    void real(std::size_t c, double x)
    {
        const bool ok = std::isfinite(x);
        l.columns[c].reals.push_back(ok ? x : 0.0);
        l.columns[c].null.push_back(ok ? 0 : 1);
    }
    void integer(std::size_t c, std::int64_t v)
    {
        l.columns[c].integers.push_back(v);
        l.columns[c].null.push_back(0);
    }
};

std::string window_text(const RouteStop& s)
{
    if (s.ready <= 0 && !std::isfinite(s.due)) return {};
    return clock_text(s.ready) + "-" + (std::isfinite(s.due) ? clock_text(s.due) : std::string("24:00"));
}

// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ .
std::string sheet_name(const std::string& depot, std::uint32_t vehicle)
{
    const std::string tail = "-" + std::to_string(vehicle) + "号车";
    std::string clean;
    for (char c : depot)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) clean += c;
    // Count UTF-8 characters (lead bytes), cut at a character boundary.
    const auto chars = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    };
    const std::size_t room = 31 - chars(tail);
    std::string cut;
    std::size_t n = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(clean[i]);
        if ((c & 0xC0) != 0x80 && ++n > room) break;
        cut += clean[i];
    }
    return cut + tail;
}

}  // namespace

std::vector<std::string> route_sheet_names(const RouteResult& r)
{
    std::vector<std::string> out;
    for (const auto& route : r.routes) {
        const auto& d = r.depots[route.depot].site;
        out.push_back(sheet_name(d.name.empty() ? d.id : d.name, route.vehicle));
    }
    return out;
}

Layer route_line_layer(const RouteResult& r)
{
    Layer l;
    l.name = "routes";
    l.role = Role::coverage;
    l.kind = GeometryKind::line;
    for (const char* c : {"depot", "depot_name", "label", "start", "end"}) l.add_column(c, FieldType::text);
    for (const char* c : {"vehicle", "stops"}) l.add_column(c, FieldType::integer);
    for (const char* c : {"km", "minutes", "cost"}) l.add_column(c, FieldType::real);
    Columns put{l};
    const auto names = route_sheet_names(r);
    for (std::size_t i = 0; i < r.routes.size(); ++i) {
        const auto& route = r.routes[i];
        for (const auto& [x, y] : route.path) l.add_coordinate(x, y);
        l.end_ring();
        l.end_part();
        l.end_feature();
        const auto& d = r.depots[route.depot].site;
        put.text(0, d.id);
        put.text(1, d.name);
        put.text(2, names[i]);
        put.text(3, clock_text(route.start));
        put.text(4, clock_text(route.end));
        put.integer(5, route.vehicle);
        put.integer(6, static_cast<std::int64_t>(route.visits.size()));
        put.real(7, route.km);
        put.real(8, route.minutes);
        put.real(9, route.cost);
    }
    return l;
}

Layer route_stop_layer(const RouteResult& r)
{
    Layer l;
    l.name = "route_stops";
    l.role = Role::coverage;
    l.kind = GeometryKind::point;
    for (const char* c :
         {"depot", "stop_id", "name", "role", "township_code", "arrival", "departure", "window", "unserved"})
        l.add_column(c, FieldType::text);
    for (const char* c : {"vehicle", "seq", "estimated"}) l.add_column(c, FieldType::integer);
    for (const char* c : {"arrival_min", "start_min", "departure_min", "service_min", "ready_min", "due_min", "km"})
        l.add_column(c, FieldType::real);
    const std::size_t first_load = l.columns.size();
    for (const auto& u : r.units) l.add_column("load_" + u, FieldType::real);
    for (const auto& u : r.units) l.add_column("delivery_" + u, FieldType::real);
    for (const auto& u : r.units) l.add_column("pickup_" + u, FieldType::real);
    const std::size_t nu = r.units.size();
    Columns put{l};
    const auto add = [&](const RouteStop& s, const std::string& depot, std::int64_t vehicle, std::int64_t seq,
                         const RouteVisit* v, const std::string& unserved) {
        l.add_point(s.site.lon, s.site.lat);
        put.text(0, depot);
        put.text(1, s.site.id);
        put.text(2, s.site.name);
        put.text(3, std::string(role_name_zh(s.site.role)));
        put.text(4, s.site.township_code);
        put.text(5, v ? clock_text(v->arrival) : std::string());
        put.text(6, v ? clock_text(v->departure) : std::string());
        put.text(7, window_text(s));
        put.text(8, unserved);
        put.integer(9, vehicle);
        put.integer(10, seq);
        put.integer(11, v && v->estimated ? 1 : 0);
        put.real(12, v ? v->arrival : std::nan(""));
        put.real(13, v ? v->start : std::nan(""));
        put.real(14, v ? v->departure : std::nan(""));
        put.real(15, s.service_minutes);
        put.real(16, s.ready);
        put.real(17, s.due);
        put.real(18, v ? v->km : std::nan(""));
        for (std::size_t u = 0; u < nu; ++u) put.real(first_load + u, v ? v->load_after[u] : std::nan(""));
        for (std::size_t u = 0; u < nu; ++u) put.real(first_load + nu + u, s.delivery[u]);
        for (std::size_t u = 0; u < nu; ++u) put.real(first_load + 2 * nu + u, s.pickup[u]);
    };
    for (const auto& route : r.routes)
        for (std::size_t i = 0; i < route.visits.size(); ++i)
            add(r.stops[route.visits[i].stop], r.depots[route.depot].site.id, route.vehicle,
                static_cast<std::int64_t>(i + 1), &route.visits[i], {});
    for (const auto& u : r.unserved) add(r.stops[u.stop], {}, 0, 0, nullptr, u.reason);
    return l;
}

Status write_routes_gpkg(const RouteResult& r, const std::string& path)
{
    return io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        if (auto s = io::write_layer(route_line_layer(r), {.path = temp, .layer = "routes"}); !s) return s;
        return io::write_layer(route_stop_layer(r), {.path = temp, .layer = "route_stops"});
    });
}

Status write_route_sheet(const RouteResult& r, const std::string& path)
{
    const auto fail = [&](std::string message) {
        return Error{.file = path, .layer = {}, .feature = {}, .message = std::move(message)};
    };
    io::ensure_gdal();
    auto* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver) return fail("GDAL 缺少 XLSX 驱动，无法写 Excel 文件");
    const auto names = route_sheet_names(r);
    return io::write_file_atomically(path, [&](const std::string& temp) -> Status {
        io::GdalErrorCapture gdal_error;
        std::string why;
        {
            GDALDatasetUniquePtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds) return fail("无法创建 Excel 文件：请检查目录是否存在、是否有写权限，文件是否正被 Excel 打开");
            const auto sheet = [&](const std::string& name,
                                   const std::vector<std::pair<std::string, OGRFieldType>>& cols) -> OGRLayer* {
                OGRLayer* out = ds->CreateLayer(name.c_str(), nullptr, wkbNone, nullptr);
                if (!out) return nullptr;
                for (const auto& [c, t] : cols) {
                    OGRFieldDefn fd(c.c_str(), t);
                    if (out->CreateField(&fd) != OGRERR_NONE) return nullptr;
                }
                return out;
            };
            std::vector<std::pair<std::string, OGRFieldType>> cols{{"序号", OFTInteger}, {"编号", OFTString},
                                                                   {"名称", OFTString},  {"到达", OFTString},
                                                                   {"离开", OFTString},  {"时间窗", OFTString}};
            for (const auto& u : r.units) cols.emplace_back("卸货（" + u + "）", OFTReal);
            for (const auto& u : r.units) cols.emplace_back("装货（" + u + "）", OFTReal);
            for (const auto& u : r.units) cols.emplace_back("车上（" + u + "）", OFTReal);
            cols.emplace_back("公里", OFTReal);
            cols.emplace_back("累计公里", OFTReal);
            const int nu = static_cast<int>(r.units.size());
            for (std::size_t k = 0; k < r.routes.size() && why.empty(); ++k) {
                const auto& route = r.routes[k];
                const auto& depot = r.depots[route.depot].site;
                OGRLayer* out = sheet(names[k], cols);
                if (!out) {
                    why = "无法创建工作表 " + names[k];
                    break;
                }
                double total = 0;
                const auto row = [&](int seq, const RouteSite& site, const std::string& arrive,
                                     const std::string& leave, const std::string& window, const double* drop,
                                     const double* take, const std::vector<double>& load, double km) {
                    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(out->GetLayerDefn()));
                    f->SetField(0, seq);
                    f->SetField(1, site.id.c_str());
                    f->SetField(2, site.name.c_str());
                    if (!arrive.empty()) f->SetField(3, arrive.c_str());
                    if (!leave.empty()) f->SetField(4, leave.c_str());
                    if (!window.empty()) f->SetField(5, window.c_str());
                    for (int u = 0; u < nu; ++u) {
                        if (drop) f->SetField(6 + u, drop[u]);
                        if (take) f->SetField(6 + nu + u, take[u]);
                        f->SetField(6 + 2 * nu + u, load[static_cast<std::size_t>(u)]);
                    }
                    total += km;
                    // Rounded as the sheet shows it, to the metre.
                    f->SetField(6 + 3 * nu, std::round(km * 1000) / 1000);
                    f->SetField(7 + 3 * nu, std::round(total * 1000) / 1000);
                    return out->CreateFeature(f.get()) == OGRERR_NONE;
                };
                bool ok = row(0, depot, {}, clock_text(route.start), {}, nullptr, nullptr, route.load_at_start, 0);
                for (std::size_t i = 0; ok && i < route.visits.size(); ++i) {
                    const auto& v = route.visits[i];
                    const auto& s = r.stops[v.stop];
                    ok = row(static_cast<int>(i + 1), s.site, clock_text(v.arrival), clock_text(v.departure),
                             window_text(s), s.delivery.data(), s.pickup.data(), v.load_after, v.km);
                }
                const auto& last = route.visits.empty() ? route.load_at_start : route.visits.back().load_after;
                if (ok)
                    ok = row(static_cast<int>(route.visits.size() + 1), depot, clock_text(route.end), {}, {}, nullptr,
                             nullptr, last, route.km_back);
                if (!ok) why = "写入工作表 " + names[k] + " 失败";
            }
            if (why.empty() && !r.unserved.empty()) {
                OGRLayer* out = sheet("未服务", {{"编号", OFTString}, {"名称", OFTString}, {"原因", OFTString}});
                if (!out) why = "无法创建工作表 未服务";
                for (const auto& u : r.unserved) {
                    if (!why.empty()) break;
                    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(out->GetLayerDefn()));
                    f->SetField(0, r.stops[u.stop].site.id.c_str());
                    f->SetField(1, r.stops[u.stop].site.name.c_str());
                    f->SetField(2, u.reason.c_str());
                    if (out->CreateFeature(f.get()) != OGRERR_NONE) why = "写入工作表 未服务 失败";
                }
            }
            if (why.empty() && r.routes.empty() && r.unserved.empty()) {
                if (!sheet("路线", {{"说明", OFTString}})) why = "无法创建工作表";
            }
        }  // closing writes the workbook
        if (why.empty() && !gdal_error.last().empty()) why = "写入 Excel 文件失败（" + gdal_error.last() + "）";
        if (!why.empty()) return fail(why);
        return Done{};
    });
}

}  // namespace coopmap::analysis::routing
