// routes: the day's delivery routes from the distribution centres (issue 18), and what sharing
// the trucks saves against serving each township by its own trips. The window calls the same
// analysis::routing::run_routes.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "analysis/project_data.h"
#include "analysis/routing/route_run.h"
#include "commands.h"
#include "model/project.h"
#include "present/map_print.h"
#include "present/route_sheet_pdf.h"

namespace coopmap::cli {

namespace {

struct RoutesArgs {
    std::string project, depot, depot_role, stops, capacity, shift, out, sheet, pdf;
    int vehicles = -1;
    double seconds = 30;
    std::uint64_t seed = 1;
    std::uint64_t iterations = 20000;
};

std::vector<std::string> split_list(const std::string& s)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + ",") {
        if (c == ',') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (c != ' ') cur += c;
    }
    return out;
}

Error usage(std::string message)
{
    return Error{.file = {}, .layer = {}, .feature = {}, .message = std::move(message)};
}

int routes(const RoutesArgs& a)
{
    analysis::routing::RouteRequest req;
    if (!a.depot.empty() && !a.depot_role.empty()) return fail(usage("--depot 与 --depot-role 只能用一个"));
    if (!a.depot.empty()) req.depot_ids = split_list(a.depot);
    if (!a.depot_role.empty()) {
        const auto role = role_from_key(a.depot_role);
        if (!role) return fail(usage("--depot-role：未知的角色“" + a.depot_role + "”，例如 distribution_center"));
        req.depot_role = *role;
    }
    // Role keys, or else the codes of the sites to serve.
    const auto stops = split_list(a.stops);
    std::size_t roles = 0;
    for (const auto& s : stops)
        if (const auto role = role_from_key(s)) {
            req.stop_roles.push_back(*role);
            ++roles;
        }
    if (roles > 0 && roles < stops.size())
        return fail(usage("--stops 应全是角色（如 township_supermarket,village_service_station）或全是网点编号"));
    if (roles == 0) req.stop_ids = stops;
    if (a.vehicles >= 0) req.vehicles = static_cast<std::uint32_t>(a.vehicles);
    if (!a.capacity.empty()) {
        std::vector<double> cap;
        for (const auto& c : split_list(a.capacity)) {
            char* end = nullptr;
            const double v = std::strtod(c.c_str(), &end);
            if (*end != '\0' || !(v > 0))
                return fail(usage("--capacity：“" + a.capacity + "”应为正数（多个计量单位用逗号分开）"));
            cap.push_back(v);
        }
        req.capacity = cap;
    }
    if (!a.shift.empty()) {
        const auto shift = parse_clock_range(a.shift);
        if (!shift) return fail(usage("--shift：“" + a.shift + "”应写成 08:00-17:00"));
        req.shift = shift;
    }
    if (!(a.seconds > 0)) return fail(usage("--seconds 应为正数"));
    req.seconds = a.seconds;
    req.seed = a.seed;
    req.iterations = a.iterations;

    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto data = analysis::load_project(*project);
    if (!data) return fail(data.error());
    warn(*data);
    const auto result = analysis::routing::run_routes(*project, data->layers, req);
    if (!result) return fail(result.error());
    std::printf("%s", analysis::routing::route_summary_text(*result).c_str());
    if (!a.out.empty())
        if (auto s = analysis::routing::write_routes_gpkg(*result, a.out); !s) return fail(s.error());
    if (!a.sheet.empty())
        if (auto s = analysis::routing::write_route_sheet(*result, a.sheet); !s) return fail(s.error());
    if (!a.pdf.empty()) {
        // Qt only when the paper is asked for.
        const auto app = present::offscreen_application(1);
        const auto info = present::write_route_sheet_pdf(*result, QString::fromStdString(project->name),
                                                         QString::fromStdString(a.pdf));
        if (!info) return fail(info.error());
        std::printf("路线单 PDF %d 页，%zu 车次，各车表共 %zu 行 → %s\n", info->pages, result->routes.size(),
                    info->vehicle_rows, a.pdf.c_str());
    }
    return 0;
}

}  // namespace

void add_routes(CLI::App& app)
{
    auto* cmd = app.add_subcommand("routes", "配送路线：从集采集配中心到各网点的共同配送路线与节省 (delivery routes)");
    auto a = std::make_shared<RoutesArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--depot", a->depot, "配送中心的网点编号（多个用逗号分开）");
    cmd->add_option("--depot-role", a->depot_role, "以该角色的所有网点为配送中心，默认 distribution_center");
    cmd->add_option("--stops", a->stops,
                    "配送点：角色（逗号分开，如 township_supermarket,village_service_station）或网点编号")
        ->required();
    cmd->add_option("--vehicles", a->vehicles, "每个配送中心的车辆数（默认：项目文件 routing.fleet）");
    cmd->add_option("--capacity", a->capacity, "每车载重，按项目的计量单位（多个单位用逗号分开）");
    cmd->add_option("--shift", a->shift, "出车时段，如 08:00-17:00");
    cmd->add_option("--seconds", a->seconds, "求解时间上限（秒），默认 30");
    cmd->add_option("--seed", a->seed, "随机种子：同一种子得到同样的路线");
    cmd->add_option("--iterations", a->iterations, "每个县的搜索迭代次数，默认 20000");
    cmd->add_option("--out", a->out, "路线与配送点写入 GeoPackage（.gpkg）");
    cmd->add_option("--sheet", a->sheet, "每车一张的路线单（.xlsx）");
    cmd->add_option("--pdf", a->pdf, "路线单 PDF：总览一页（共配与各乡镇单独配送、节省、未服务点），每车一页起");
    cmd->callback([a] { exit_status() = routes(*a); });
}

}  // namespace coopmap::cli
