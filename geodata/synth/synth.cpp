#include "synth/synth.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <format>
#include <numbers>
#include <string_view>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "generator/random.h"
#include "io/atomic_write.h"
#include "io/gdal_errors.h"

namespace coopmap::synth {

namespace {

namespace fs = std::filesystem;
using sample::mix64;

// Mainland China's bounding box (lon 73.5–134.8, lat 18.2–53.6): the extent of the
// national-size case the engine must handle.
constexpr double kMinLon = 73.5, kMaxLon = 134.8, kMinLat = 18.2, kMaxLat = 53.6;

// About 13 villages per township: 490,000 villages over some 38,000 townships (NBS).
constexpr std::uint64_t kVillagesPerTownship = 13;

// A pure function of (seed, stream, index) in [0, 1), so every feature is computed on
// its own and the same seed gives the same data whatever the counts of the other layers.
double unit(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
{
    return static_cast<double>(mix64(seed ^ mix64(stream * 0x9e3779b97f4a7c15ULL + index)) >> 11) * 0x1.0p-53;
}

// Box–Muller from two unit draws.
double normal(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
{
    const double u1 = 1.0 - unit(seed, stream, 2 * index);
    const double u2 = unit(seed, stream, 2 * index + 1);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

enum Stream : std::uint64_t {
    township_x = 1,
    township_y,
    village_xy,
    village_pop,
    village_hh,
    village_name,
    facility_role,
    facility_at,
    facility_xy,
    node_jitter,
    road_oneway
};

// Village names from common surname and place-word syllables: "张家岗村", "新李湾村".
constexpr std::array<std::string_view, 24> kSurnames{"张", "王", "李", "刘", "陈", "杨", "黄", "赵",
                                                     "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
                                                     "何", "郭", "马", "罗", "梁", "宋", "郑", "谢"};
constexpr std::array<std::string_view, 8> kPrefixes{"", "", "", "新", "老", "大", "小", "东"};
constexpr std::array<std::string_view, 20> kPlaces{"家", "岗", "湾", "河", "坡", "庄", "店", "集", "桥", "营",
                                                   "寨", "沟", "庙", "楼", "台", "堰", "畈", "冲", "铺", "垭"};

std::string place_name(std::uint64_t seed, std::uint64_t i)
{
    const std::uint64_t h = mix64(seed ^ mix64(village_name * 0x9e3779b97f4a7c15ULL + i));
    std::string s;
    s += kPrefixes[h % kPrefixes.size()];
    s += kSurnames[(h >> 8) % kSurnames.size()];
    s += kPlaces[(h >> 16) % kPlaces.size()];
    if ((h >> 24) % 3 == 0) s += kPlaces[(h >> 32) % kPlaces.size()];
    s += "村";
    return s;
}

// Facility roles with a share like a real county network: many village terminals, fewer
// township nodes, a few county hubs.
struct RoleShare {
    std::string_view role;
    std::string_view suffix;
    double share;
};
constexpr std::array<RoleShare, 6> kRoles{{
    {"village_service_station", "综合服务社", 0.45},
    {"village_cooperative", "供销社", 0.20},
    {"grassroots_cooperative", "基层供销合作社", 0.10},
    {"township_supermarket", "供销综合超市", 0.10},
    {"agri_service_center", "为农服务中心", 0.12},
    {"distribution_center", "县域集采集配中心", 0.03},
}};

const RoleShare& role_for(double u)
{
    for (const auto& r : kRoles) {
        if (u < r.share) return r;
        u -= r.share;
    }
    return kRoles.front();
}

// Road classes by the rank of the grid line they lie on: every 32nd line a national road,
// every 8th provincial, every 4th county, every 2nd township, the rest village roads.
// Design speeds from JTG B01-2014 (national/provincial class-1/2 highways 80/60, county
// class-3 40, township class-4 30, village 20 km/h).
struct RoadClass {
    const char* name;
    double speed_kmh;
};
RoadClass road_class(std::uint64_t line)
{
    if (line % 32 == 0) return {"国道", 80};
    if (line % 8 == 0) return {"省道", 60};
    if (line % 4 == 0) return {"县道", 40};
    if (line % 2 == 0) return {"乡道", 30};
    return {"村道", 20};
}

struct Grid {
    std::uint64_t nx = 0, ny = 0;
    std::uint64_t edges() const { return nx * (ny - 1) + ny * (nx - 1); }
    std::uint64_t nodes() const { return nx * ny; }
};

// The smallest grid, shaped like the extent, with at least `edges` edges.
Grid grid_for(std::uint64_t edges)
{
    if (edges == 0) return {0, 0};
    const double aspect = (kMaxLon - kMinLon) * std::cos(36.0 * std::numbers::pi / 180) / (kMaxLat - kMinLat);
    Grid g;
    g.ny = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::sqrt(edges / 2.0 / aspect)));
    g.nx = std::max<std::uint64_t>(2, static_cast<std::uint64_t>(static_cast<double>(g.ny) * aspect));
    while (g.edges() < edges) {
        if (static_cast<double>(g.nx) < static_cast<double>(g.ny) * aspect) ++g.nx;
        else ++g.ny;
    }
    return g;
}

class Writer {
public:
    Writer(GDALDataset& ds, const std::string& file) : ds_(ds), file_(file) {}

    Result<OGRLayer*> create(const char* name, OGRwkbGeometryType type, const OGRSpatialReference& srs,
                             const std::vector<std::pair<const char*, OGRFieldType>>& fields)
    {
        OGRLayer* layer = ds_.CreateLayer(name, &srs, type, nullptr);
        if (!layer) return error(name, "无法创建图层");
        for (const auto& [field, type_] : fields) {
            OGRFieldDefn def(field, type_);
            if (layer->CreateField(&def) != OGRERR_NONE) return error(name, std::string("无法创建字段 ") + field);
        }
        if (layer->StartTransaction() != OGRERR_NONE) return error(name, "无法开始事务");
        return layer;
    }

    Error error(const std::string& layer, const std::string& what, const std::string& feature = {}) const
    {
        std::string message = what;
        if (!capture_.last().empty()) message += "（GDAL：" + capture_.last() + "）";
        message += "。请检查目标目录可写且磁盘空间足够后重试。";
        return Error{file_, layer, feature, message};
    }

private:
    GDALDataset& ds_;
    std::string file_;
    io::GdalErrorCapture capture_;
};

Status write_villages(Writer& w, const OGRSpatialReference& srs, const SynthOptions& o)
{
    auto created = w.create("villages", wkbPoint, srs,
                            {{"name", OFTString},
                             {"code", OFTString},
                             {"population", OFTInteger},
                             {"households", OFTInteger},
                             {"township_code", OFTString}});
    if (!created) return created.error();
    OGRLayer* layer = *created;
    OGRFeature f(layer->GetLayerDefn());
    OGRPoint point;
    double cx = 0, cy = 0;
    std::string township;
    for (std::uint64_t i = 0; i < o.villages; ++i) {
        const std::uint64_t t = i / kVillagesPerTownship;
        if (i % kVillagesPerTownship == 0) {
            // A township seat anywhere in the extent; its villages within ~10 km of it.
            cx = kMinLon + (kMaxLon - kMinLon) * unit(o.seed, township_x, t);
            cy = kMinLat + (kMaxLat - kMinLat) * unit(o.seed, township_y, t);
            township = std::format("{:09}", 110000000 + t);
        }
        const double x = std::clamp(cx + 0.06 * normal(o.seed, village_xy, 2 * i), kMinLon, kMaxLon);
        const double y = std::clamp(cy + 0.05 * normal(o.seed, village_xy, 2 * i + 1), kMinLat, kMaxLat);
        // Village sizes are log-normal around ~1,000 people (China: ~770 million rural
        // residents over ~490,000 villages incl. natural villages); 3.1 people a household.
        const int population =
            std::clamp(static_cast<int>(std::lround(1000 * std::exp(0.5 * normal(o.seed, village_pop, i)))), 80, 12000);
        const double per_household = 2.8 + 0.6 * unit(o.seed, village_hh, i);
        const std::string code = township + std::format("{:03}", 200 + i % kVillagesPerTownship);

        point.setX(std::round(x * 1e7) / 1e7);
        point.setY(std::round(y * 1e7) / 1e7);
        f.SetFID(OGRNullFID);
        f.SetGeometry(&point);
        f.SetField(0, place_name(o.seed, i).c_str());
        f.SetField(1, code.c_str());
        f.SetField(2, population);
        f.SetField(3, std::max(1, static_cast<int>(std::lround(population / per_household))));
        f.SetField(4, township.c_str());
        if (layer->CreateFeature(&f) != OGRERR_NONE) return w.error("villages", "无法写入要素", std::to_string(i + 1));
    }
    if (layer->CommitTransaction() != OGRERR_NONE) return w.error("villages", "无法提交事务");
    return Done{};
}

Status write_facilities(Writer& w, const OGRSpatialReference& srs, const SynthOptions& o)
{
    auto created = w.create("facilities", wkbPoint, srs, {{"name", OFTString}, {"role", OFTString}});
    if (!created) return created.error();
    OGRLayer* layer = *created;
    OGRFeature f(layer->GetLayerDefn());
    OGRPoint point;
    for (std::uint64_t i = 0; i < o.facilities; ++i) {
        const RoleShare& role = role_for(unit(o.seed, facility_role, i));
        double x = 0, y = 0;
        std::string name;
        if (o.villages > 0) {
            // Next to a village, named after it: facilities stand where people live.
            const auto v = std::min(o.villages - 1, static_cast<std::uint64_t>(unit(o.seed, facility_at, i) *
                                                                               static_cast<double>(o.villages)));
            const std::uint64_t t = v / kVillagesPerTownship;
            x = kMinLon + (kMaxLon - kMinLon) * unit(o.seed, township_x, t) + 0.06 * normal(o.seed, village_xy, 2 * v);
            y = kMinLat + (kMaxLat - kMinLat) * unit(o.seed, township_y, t) +
                0.05 * normal(o.seed, village_xy, 2 * v + 1);
            x += 0.002 * (unit(o.seed, facility_xy, 2 * i) - 0.5);
            y += 0.002 * (unit(o.seed, facility_xy, 2 * i + 1) - 0.5);
            name = place_name(o.seed, v);
            name.erase(name.size() - std::string_view("村").size());
        } else {
            x = kMinLon + (kMaxLon - kMinLon) * unit(o.seed, facility_xy, 2 * i);
            y = kMinLat + (kMaxLat - kMinLat) * unit(o.seed, facility_xy, 2 * i + 1);
            name = place_name(o.seed, i);
        }
        name += role.suffix;
        point.setX(std::round(std::clamp(x, kMinLon, kMaxLon) * 1e7) / 1e7);
        point.setY(std::round(std::clamp(y, kMinLat, kMaxLat) * 1e7) / 1e7);
        f.SetFID(OGRNullFID);
        f.SetGeometry(&point);
        f.SetField(0, name.c_str());
        f.SetField(1, std::string(role.role).c_str());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            return w.error("facilities", "无法写入要素", std::to_string(i + 1));
    }
    if (layer->CommitTransaction() != OGRERR_NONE) return w.error("facilities", "无法提交事务");
    return Done{};
}

Status write_roads(Writer& w, const OGRSpatialReference& srs, const SynthOptions& o, const Grid& g)
{
    auto created =
        w.create("roads", wkbLineString, srs, {{"class", OFTString}, {"speed_kmh", OFTReal}, {"oneway", OFTInteger}});
    if (!created) return created.error();
    OGRLayer* layer = *created;
    if (o.road_edges == 0) {
        if (layer->CommitTransaction() != OGRERR_NONE) return w.error("roads", "无法提交事务");
        return Done{};
    }
    const double dx = (kMaxLon - kMinLon) / static_cast<double>(std::max<std::uint64_t>(1, g.nx - 1));
    const double dy = (kMaxLat - kMinLat) / static_cast<double>(std::max<std::uint64_t>(1, g.ny - 1));
    // Nodes wander up to a third of a cell from the lattice, so the net is not ruled.
    const auto node = [&](std::uint64_t i, std::uint64_t j) {
        const std::uint64_t k = j * g.nx + i;
        const double jx = (unit(o.seed, node_jitter, 2 * k) - 0.5) * (i == 0 || i + 1 == g.nx ? 0 : 0.66);
        const double jy = (unit(o.seed, node_jitter, 2 * k + 1) - 0.5) * (j == 0 || j + 1 == g.ny ? 0 : 0.66);
        return std::pair{std::round((kMinLon + (static_cast<double>(i) + jx) * dx) * 1e7) / 1e7,
                         std::round((kMinLat + (static_cast<double>(j) + jy) * dy) * 1e7) / 1e7};
    };

    OGRFeature f(layer->GetLayerDefn());
    OGRLineString line;
    line.setNumPoints(2);
    std::uint64_t written = 0;
    const auto edge = [&](std::uint64_t i0, std::uint64_t j0, std::uint64_t i1, std::uint64_t j1, std::uint64_t rank,
                          bool in_tree) -> Status {
        const auto [x0, y0] = node(i0, j0);
        const auto [x1, y1] = node(i1, j1);
        const RoadClass c = road_class(rank);
        line.setPoint(0, x0, y0);
        line.setPoint(1, x1, y1);
        // A few village roads off the spanning tree are one-way, so routing sees some;
        // the tree stays two-way so the graph stays strongly connected.
        const bool oneway = !in_tree && c.speed_kmh == 20 && unit(o.seed, road_oneway, written) < 0.02;
        f.SetFID(OGRNullFID);
        f.SetGeometry(&line);
        f.SetField(0, c.name);
        f.SetField(1, c.speed_kmh);
        f.SetField(2, oneway ? 1 : 0);
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            return w.error("roads", "无法写入要素", std::to_string(written + 1));
        ++written;
        return Done{};
    };
    // Spanning tree first (every row, then column 0 joining the rows), then the other
    // columns' links: whatever E cuts off, what was written is connected.
    for (std::uint64_t j = 0; j < g.ny && written < o.road_edges; ++j)
        for (std::uint64_t i = 0; i + 1 < g.nx && written < o.road_edges; ++i)
            if (auto s = edge(i, j, i + 1, j, j, true); !s) return s;
    for (std::uint64_t j = 0; j + 1 < g.ny && written < o.road_edges; ++j)
        if (auto s = edge(0, j, 0, j + 1, 0, true); !s) return s;
    for (std::uint64_t i = 1; i < g.nx && written < o.road_edges; ++i)
        for (std::uint64_t j = 0; j + 1 < g.ny && written < o.road_edges; ++j)
            if (auto s = edge(i, j, i, j + 1, i, false); !s) return s;
    if (layer->CommitTransaction() != OGRERR_NONE) return w.error("roads", "无法提交事务");
    return Done{};
}

}  // namespace

Result<SynthCounts> write_synth(const SynthOptions& o)
{
    io::ensure_gdal();
    if (o.out.empty()) return Error{"", "", "", "没有给出输出文件。请用 --out 指定 *.gpkg 文件。"};
    io::AtomicFile file(o.out);
    if (auto ready = file.ready(); !ready) return ready.error();
    const fs::path temp = file.temp_path();

    // A bulk load of a file nobody else reads yet: no fsync per commit.
    CPLConfigOptionSetter sync("OGR_SQLITE_SYNCHRONOUS", "OFF", false);
    CPLConfigOptionSetter date("OGR_CURRENT_DATE", "2026-01-01T00:00:00.000Z", false);

    const Grid grid = grid_for(o.road_edges);
    Status status = Done{};
    {
        io::GdalErrorCapture capture;
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!driver) return Error{o.out, "", "", "GDAL 缺少 GPKG 驱动，请安装完整的 GDAL。"};
        GDALDatasetUniquePtr ds(driver->Create(temp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) return Error{o.out, "", "", "无法创建文件（" + capture.last() + "）。请检查目录存在且可写。"};
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        Writer writer(*ds, o.out);
        status = write_villages(writer, wgs84, o);
        if (status) status = write_facilities(writer, wgs84, o);
        if (status) status = write_roads(writer, wgs84, o, grid);
        if (status && ds->Close() != CE_None) status = Error{o.out, "", "", "无法完成写入（" + capture.last() + "）。"};
    }
    if (!status) return status.error();
    if (auto committed = file.commit(); !committed) return committed.error();
    return SynthCounts{o.villages, o.facilities, o.road_edges, grid.nodes()};
}

}  // namespace coopmap::synth
