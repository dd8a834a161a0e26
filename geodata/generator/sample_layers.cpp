#include "sample_layers.h"

#include <algorithm>
#include <cmath>
#include <format>
#include <map>
#include <stdexcept>
#include <tuple>

#include "gpkg_writer.h"
#include "model/project.h"

namespace coopmap::sample {

namespace {

std::int64_t integer(int v) { return static_cast<std::int64_t>(v); }

// 1e-7° is about 1 cm: plenty for a sample, and it keeps the file free of float noise.
LonLat rounded(LonLat p) { return {std::round(p.lon * 1e7) / 1e7, std::round(p.lat * 1e7) / 1e7}; }

std::vector<unsigned char> point_wkb(const Geos& geos, LonLat p) { return geos.wkb(geos.point(rounded(p)).get()); }

OutLayer facility_layer(const Geos& geos, const AdminAreas& areas, const FacilityLayer& in)
{
    OutLayer out{in.layer,
                 in.title,
                 GeometryKind::point,
                 {{"name", FieldType::text},
                  {"code", FieldType::text},
                  {"township_code", FieldType::text},
                  {"county_code", FieldType::text},
                  {"opening_year", FieldType::integer},
                  {"operator", FieldType::text},
                  // The site's history (issue 19): rebuilt_year 0 where it was not rebuilt.
                  {"built_year", FieldType::integer},
                  {"rebuilt_year", FieldType::integer},
                  {"model", FieldType::text},
                  {"state", FieldType::text}},
                 {}};
    for (const auto& f : in.facilities) {
        const Township& tw = areas.townships[f.township];
        out.features.push_back({point_wkb(geos, f.position),
                                {f.name, f.code, tw.source->code, tw.source->county_code, integer(f.opened),
                                 f.operator_name, integer(f.built), integer(f.rebuilt), f.model, f.state}});
    }
    return out;
}

}  // namespace

void write_sample(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                  const Network& network, const std::filesystem::path& gpkg)
{
    std::vector<OutLayer> layers;

    OutLayer counties{"counties",
                      "县级行政区（生成的示意边界，外轮廓为真实市界）",
                      GeometryKind::multipolygon,
                      {{"code", FieldType::text}, {"name", FieldType::text}},
                      {}};
    for (const auto& c : areas.counties)
        counties.features.push_back({geos.wkb(c.polygon.get()), {c.source->code, c.source->name}});
    layers.push_back(std::move(counties));

    OutLayer townships{"townships",
                       "乡镇（街道）（生成的示意边界）",
                       GeometryKind::multipolygon,
                       {{"code", FieldType::text}, {"name", FieldType::text}, {"county_code", FieldType::text}},
                       {}};
    for (const auto& t : areas.townships)
        townships.features.push_back(
            {geos.wkb(t.polygon.get()), {t.source->code, t.source->name, t.source->county_code}});
    layers.push_back(std::move(townships));

    OutLayer village_layer{"villages",
                           "村（社区）：名称和代码真实，位置和人口为生成",
                           GeometryKind::point,
                           {{"code", FieldType::text},
                            {"name", FieldType::text},
                            {"township_code", FieldType::text},
                            {"county_code", FieldType::text},
                            {"kind", FieldType::text},
                            {"population", FieldType::integer},
                            {"households", FieldType::integer}},
                           {}};
    for (const auto& v : villages)
        village_layer.features.push_back(
            {point_wkb(geos, v.position),
             {v.source->code, v.source->name, v.source->township_code, v.source->county_code,
              std::string(v.community ? "社区" : "村"), integer(v.population), integer(v.households)}});
    layers.push_back(std::move(village_layer));

    for (const auto& f : network.facilities) layers.push_back(facility_layer(geos, areas, f));

    OutLayer parcels{"land_trusteeship",
                     "土地托管/流转地块（生成）",
                     GeometryKind::multipolygon,
                     {{"code", FieldType::text},
                      {"township_code", FieldType::text},
                      {"county_code", FieldType::text},
                      {"provider", FieldType::text},
                      {"crop", FieldType::text},
                      {"year", FieldType::integer},
                      {"kind", FieldType::text},
                      {"area_mu", FieldType::real}},
                     {}};
    for (const auto& p : network.parcels) {
        const Township& tw = areas.townships[p.township];
        parcels.features.push_back({geos.wkb(p.polygon.get()),
                                    {p.code, tw.source->code, tw.source->county_code, p.provider, p.crop,
                                     integer(p.year), p.kind, std::round(p.area_mu * 10) / 10}});
    }
    layers.push_back(std::move(parcels));

    OutLayer roads{"roads",
                   "道路（生成的示意路网）",
                   GeometryKind::multilinestring,
                   {{"name", FieldType::text},
                    {"class", FieldType::text},
                    {"speed_kmh", FieldType::real},
                    {"oneway", FieldType::integer}},
                   {}};
    for (const auto& r : network.roads) {
        std::vector<LonLat> points;
        for (const auto& p : r.points) points.push_back(rounded(p));
        roads.features.push_back({geos.wkb(geos.line(points).get()), {r.name, r.road_class, r.speed_kmh, integer(0)}});
    }
    layers.push_back(std::move(roads));

    write_gpkg(gpkg, layers);

    // The service records as a county office keeps them: one Excel sheet keyed by village code.
    std::vector<std::vector<Value>> rows;
    for (const auto& e : network.services) {
        const auto& v = villages[e.village];
        rows.push_back({v.source->code, v.source->name, e.kind, e.mu_times, e.date, e.provider});
    }
    write_xlsx(gpkg.parent_path() / kServicesFile, kServicesSheet,
               {{"村代码", FieldType::text},
                {"村名", FieldType::text},
                {"服务类型", FieldType::text},
                {"亩次", FieldType::real},
                {"服务日期", FieldType::text},
                {"服务主体", FieldType::text}},
               rows);
}

namespace {

// Targets near what was done, some above it and some below, so the progress table shows both
// (the spread is an assumption; offices set theirs from the plan).
double target_factor(std::size_t county, int year)
{
    static const double factors[] = {0.8, 1.25, 0.95, 1.1, 1.4, 1.0, 0.9};
    return factors[(county * 3 + static_cast<std::size_t>(year)) % 7];
}

double tenths(double v) { return std::round(v * 10) / 10; }

std::vector<AnnualTarget> make_targets(const AdminAreas& areas, const std::vector<Village>& villages,
                                       const Network& network)
{
    std::vector<AnnualTarget> out;
    double services_2025 = 0;
    for (int year = 2023; year <= 2025; ++year) {
        for (std::size_t c = 0; c < areas.counties.size(); ++c) {
            const std::string& code = areas.counties[c].source->code;
            const double k = target_factor(c, year);
            AnnualTarget t;
            t.year = year;
            t.county = code;
            for (const auto& layer : network.facilities) {
                std::size_t built = 0, rebuilt = 0;
                for (const auto& f : layer.facilities) {
                    if (areas.townships[f.township].source->county_code != code) continue;
                    built += f.built == year;
                    rebuilt += f.rebuilt == year;
                }
                if (layer.role == "village_service_station" || layer.role == "village_cooperative")
                    t.build[layer.role] = std::max(1.0, std::round(static_cast<double>(built) * k));
                if (layer.role == "grassroots_cooperative" && rebuilt > 0)
                    t.upgrade[layer.role] = std::round(static_cast<double>(rebuilt) * k);
            }
            double mu = 0, services = 0;
            for (const auto& p : network.parcels)
                if (p.year <= year && areas.townships[p.township].source->county_code == code) mu += p.area_mu;
            for (const auto& e : network.services)
                if (e.date.starts_with(std::to_string(year)) &&
                    areas.townships[villages[e.village].township].source->county_code == code)
                    services += e.mu_times;
            if (year == 2025) services_2025 += services;
            if (mu > 0) t.trusteeship_wan_mu = tenths(mu / 1e4 * k);
            if (services > 0) t.service_wan_mu_times = tenths(services / 1e4 * k);
            out.push_back(std::move(t));
        }
        // The city's own coverage target, rising each year.
        AnnualTarget city;
        city.year = year;
        city.village_coverage = 0.35 + 0.05 * (year - 2023);
        out.push_back(std::move(city));
    }
    // Next year's (力争到年底…): the city's service target only, a fifth above this year.
    AnnualTarget next;
    next.year = 2026;
    next.service_wan_mu_times = tenths(services_2025 / 1e4 * 1.2);
    out.push_back(std::move(next));
    return out;
}

}  // namespace

void write_project(const AdminAreas& areas, const std::vector<Village>& villages, const Network& network,
                   const std::filesystem::path& file)
{
    Project p;
    p.name = "襄阳市供销服务网络（示例）";
    const std::string source = "xiangyang.gpkg";
    const auto layer = [&](std::string id, std::string title, Role role, std::map<std::string, std::string> fields,
                           std::string level = {}) {
        LayerConfig l;
        l.id = id;
        l.title = std::move(title);
        l.source = source;
        l.layer = std::move(id);
        l.role = role;
        l.level = std::move(level);
        l.fields = std::move(fields);
        p.layers.push_back(std::move(l));
    };
    const std::map<std::string, std::string> facility_fields{{"name", "name"},
                                                             {"code", "code"},
                                                             {"township_code", "township_code"},
                                                             {"county_code", "county_code"},
                                                             {"built_year", "built_year"},
                                                             {"rebuilt_year", "rebuilt_year"},
                                                             {"model", "model"},
                                                             {"state", "state"}};

    // Draw order, bottom to top.
    layer("counties", "县（市、区）界", Role::admin_boundary, {{"name", "name"}, {"code", "code"}}, "county");
    layer("townships", "乡镇（街道）界", Role::admin_boundary,
          {{"name", "name"}, {"code", "code"}, {"county_code", "county_code"}}, "township");
    layer("land_trusteeship", "土地托管/流转地块", Role::land_trusteeship,
          {{"code", "code"},
           {"provider", "provider"},
           {"crop", "crop"},
           {"year", "year"},
           {"area_mu", "area_mu"},
           {"township_code", "township_code"},
           {"county_code", "county_code"}});
    layer("roads", "道路", Role::road, {{"name", "name"}, {"road_class", "class"}, {"speed", "speed_kmh"}});
    layer("villages", "村（社区）", Role::village,
          {{"name", "name"},
           {"code", "code"},
           {"population", "population"},
           {"households", "households"},
           {"township_code", "township_code"},
           {"county_code", "county_code"}});
    // Small, many facilities below the few large ones.
    const char* facility_order[] = {"agri_service_center",  "village_service_station", "village_cooperative",
                                    "township_supermarket", "grassroots_cooperative",  "distribution_center"};
    for (const char* name : facility_order)
        for (const auto& f : network.facilities)
            if (f.layer == name) {
                const auto role = role_from_key(f.role);
                if (!role) throw std::logic_error("unknown role " + f.role);
                layer(f.layer, f.title, *role, facility_fields);
            }

    // Defaults the analysis uses; see geodata/README.md for where each comes from.
    p.service_radii_m = {{"village_cooperative", 3000},     {"village_service_station", 3000},
                         {"grassroots_cooperative", 10000}, {"township_supermarket", 10000},
                         {"distribution_center", 30000},    {"agri_service_center", 8000}};
    p.travel_minutes = {{"distribution_center", 60}};
    p.targets = {{"village_coverage", 0.9}};
    p.annual_targets = make_targets(areas, villages, network);
    std::stable_sort(p.annual_targets.begin(), p.annual_targets.end(), [](const auto& a, const auto& b) {
        return std::tie(a.year, a.county) < std::tie(b.year, b.county);
    });
    p.services = {ServiceRecords{kServicesFile,
                                 kServicesSheet,
                                 {},
                                 {{"village_code", "村代码"},
                                  {"kind", "服务类型"},
                                  {"mu_times", "亩次"},
                                  {"date", "服务日期"},
                                  {"provider", "服务主体"}}}};
    // Daily delivery from the county centres (issue 18): a light truck of 200 件, supermarkets
    // stocked before they open for the lunch trade, stations any time in the shift.
    p.routing.fleet = {
        .vehicles = 5, .capacity = {200}, .shift = "07:00-17:00", .cost_per_km = 2.5, .cost_per_vehicle = 150};
    p.routing.stops = {
        {"township_supermarket", {.delivery = {30}, .pickup = {10}, .service_minutes = 20, .window = "08:00-11:00"}},
        {"village_service_station", {.delivery = {6}, .pickup = {2}, .service_minutes = 10, .window = ""}}};

    p.styles["counties"] = {.color = "#f3efe4", .outline = "#3c3c3c", .size = 0, .width = 2.2, .opacity = 1};
    p.styles["townships"] = {.color = "", .outline = "#9e9e9e", .size = 0, .width = 0.8, .opacity = 1};
    p.styles["land_trusteeship"] = {.color = "#9ccc65", .outline = "#558b2f", .size = 0, .width = 0.6, .opacity = 0.8};
    p.styles["road"] = {.color = "#c8a165", .outline = "", .size = 0, .width = 1.2, .opacity = 1};
    p.styles["village"] = {.color = "#8d7b68", .outline = "#ffffff", .size = 4, .width = 0.5, .opacity = 1};
    p.styles["agri_service_center"] = {.color = "#d81b60", .outline = "#ffffff", .size = 8, .width = 1, .opacity = 1};
    p.styles["village_service_station"] = {
        .color = "#1e88e5", .outline = "#ffffff", .size = 6, .width = 0.8, .opacity = 1};
    p.styles["village_cooperative"] = {.color = "#00897b", .outline = "#ffffff", .size = 7, .width = 0.8, .opacity = 1};
    p.styles["township_supermarket"] = {.color = "#fb8c00", .outline = "#ffffff", .size = 9, .width = 1, .opacity = 1};
    p.styles["grassroots_cooperative"] = {
        .color = "#e53935", .outline = "#ffffff", .size = 10, .width = 1.2, .opacity = 1};
    p.styles["distribution_center"] = {.color = "#6a1b9a", .outline = "#ffffff", .size = 14, .width = 2, .opacity = 1};
    p.basemap.kind = "offline";

    // Views: the city, then the counties worth presenting (centres of their extents).
    p.view = View{areas.view_centre.lon, areas.view_centre.lat, 9.0};

    double total_mu = 0;
    std::map<std::string, double> mu_by_county;
    for (const auto& parcel : network.parcels) {
        total_mu += parcel.area_mu;
        mu_by_county[areas.townships[parcel.township].source->county_code] += parcel.area_mu;
    }
    std::size_t stations = 0;
    std::map<std::string, std::size_t> stations_by_county, villages_by_county, hubs_by_county;
    for (const auto& f : network.facilities)
        for (const auto& site : f.facilities) {
            const std::string& county = areas.townships[site.township].source->county_code;
            if (f.role == "village_service_station" || f.role == "village_cooperative") {
                ++stations;
                ++stations_by_county[county];
            }
            if (f.role == "distribution_center") ++hubs_by_county[county];
        }
    for (const auto& t : areas.townships) villages_by_county[t.source->county_code] += t.village_count;

    Bookmark city{"全市总览",
                  std::format("襄阳市 9 个县（市、区）、{} 个乡镇（街道）、2817 个村（社区），村级服务网点 {} 个，"
                              "土地托管/流转 {:.1f} 万亩",
                              areas.townships.size(), stations, total_mu / 1e4),
                  *p.view,
                  // The city's frame: the admin units and the two upper tiers of the network.
                  {"counties", "townships", "grassroots_cooperative", "distribution_center"}};
    p.bookmarks.push_back(city);
    for (const auto& c : areas.counties) {
        const std::string& code = c.source->code;
        std::string caption;
        // Each county slide shows what its caption is about (ids in the project's layer order).
        std::vector<std::string> layers;
        if (code == "420683") layers = {"counties", "townships", "land_trusteeship", "villages", "agri_service_center"};
        else if (code == "420607")
            layers = {"counties",           "townships", "land_trusteeship", "villages", "village_service_station",
                      "village_cooperative"};
        else if (code == "420626")
            layers = {"counties",
                      "townships",
                      "roads",
                      "villages",
                      "village_service_station",
                      "village_cooperative",
                      "distribution_center"};
        if (code == "420683")
            caption =
                std::format("枣阳市：平原农业大县，土地托管/流转 {:.1f} 万亩，全市最多", mu_by_county[code] / 1e4);
        else if (code == "420607")
            caption =
                std::format("襄州区：环城粮食主产区，土地托管/流转 {:.1f} 万亩，{} 个村（社区）有村级服务网点 {} 个",
                            mu_by_county[code] / 1e4, villages_by_county[code], stations_by_county[code]);
        else if (code == "420626")
            caption = std::format("保康县：山区县，村庄分散，{} 个村（社区）只有村级服务网点 {} 个，{}",
                                  villages_by_county[code], stations_by_county[code],
                                  hubs_by_county[code] == 0 ? "尚无县域集采集配中心" : "已有县域集采集配中心");
        else continue;
        p.bookmarks.push_back(
            {c.source->name, caption, View{c.view_centre.lon, c.view_centre.lat, 9.8}, std::move(layers)});
    }

    const auto saved = save_project(p, file.string());
    if (!saved) throw std::runtime_error(saved.error().text());
    const auto again = read_project(file.string());
    if (!again) throw std::runtime_error("the written project does not read back: " + again.error().text());
}

}  // namespace coopmap::sample
