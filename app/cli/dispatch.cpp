// dispatch: emergency dispatch of one agricultural input from the reserve warehouses (农资储备库)
// to the townships that need it, at the least road time, with each township's shortage
// (issue 18). The window calls the same analysis::routing::run_dispatch.
#include <cstdio>
#include <memory>
#include <string>

#include "analysis/project_data.h"
#include "analysis/routing/dispatch.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct DispatchArgs {
    std::string project, product, demand, key = "乡镇代码", column, out, table;
    double rate = 0;
};

int dispatch(const DispatchArgs& a)
{
    analysis::routing::DispatchRequest req;
    req.product = a.product;
    req.demand_table = a.demand;
    req.table_code_column = a.key;
    req.table_amount_column = a.column;
    req.rate_per_mu = a.rate;
    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto data = analysis::load_project(*project);
    if (!data) return fail(data.error());
    warn(*data);
    const auto result = analysis::routing::run_dispatch(*project, data->layers, req);
    if (!result) return fail(result.error());
    std::printf("%s", analysis::routing::dispatch_summary_text(*result).c_str());
    if (!a.out.empty())
        if (auto s = analysis::routing::write_dispatch_gpkg(*result, a.out); !s) return fail(s.error());
    if (!a.table.empty())
        if (auto s = io::write_file_atomically(a.table, analysis::routing::dispatch_table_csv(*result)); !s)
            return fail(s.error());
    return 0;
}

}  // namespace

void add_dispatch(CLI::App& app)
{
    auto* cmd = app.add_subcommand("dispatch", "农资应急调运：储备库到各乡镇的最省时调运方案与缺口 (dispatch)");
    auto a = std::make_shared<DispatchArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--product", a->product, "农资品种，如 尿素（储备库的库存列 stock_尿素 或 尿素）")->required();
    cmd->add_option("--demand", a->demand, "乡镇需求表（.csv、.xlsx…）");
    cmd->add_option("--key", a->key, "需求表中乡镇代码的列名，默认 乡镇代码");
    cmd->add_option("--column", a->column, "需求表中需求量的列名，默认与品种同名");
    cmd->add_option("--rate", a->rate, "无需求表时：每亩托管/流转土地的用量");
    cmd->add_option("--out", a->out, "调运流向线、乡镇与储备库写入 GeoPackage（.gpkg）");
    cmd->add_option("--table", a->table, "调运表（CSV，UTF-8）");
    cmd->callback([a] { exit_status() = dispatch(*a); });
}

}  // namespace coopmap::cli
