// network: the three-tier check — each county a distribution centre, each township a
// supermarket and a grassroots cooperative, each village a service station within reach — and
// where it breaks. The GUI's analysis panel calls the same analysis::network_check.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "analysis/network_check.h"
#include "analysis/project_data.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct NetworkArgs {
    std::string project, table;
    int year = 0;
};

int network(const NetworkArgs& a)
{
    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);
    const auto check = analysis::run_network_check(*project, layers->layers, analysis::NetworkCheckRequest{a.year});
    if (!check) return fail(check.error());
    std::printf("%s", analysis::network_check_text(*check).c_str());
    if (!a.table.empty()) {
        if (auto written = io::write_file_atomically(a.table, analysis::network_check_csv(*check)); !written)
            return fail(written.error());
    }
    return 0;
}

}  // namespace

void add_network(CLI::App& app)
{
    auto* cmd = app.add_subcommand("network",
                                   "三级网络检查：县有集采集配中心、乡镇有超市和基层社、村有服务社 (three-tier check)");
    auto a = std::make_shared<NetworkArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--table", a->table, "输出各乡镇检查表 (CSV, UTF-8)");
    add_year_option(*cmd, a->year, "检查该年年末的网络");
    cmd->callback([a] { exit_status() = network(*a); });
}

}  // namespace coopmap::cli
