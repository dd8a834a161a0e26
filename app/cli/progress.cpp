// progress: the year's targets per county and for the city (project file `annual_targets`):
// target, done, 完成率, unmet ones marked. The job is analysis::run_target_progress, which the
// year report's targets table runs too.
#include <cstdio>
#include <memory>
#include <string>

#include "analysis/project_data.h"
#include "analysis/target_progress.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct ProgressArgs {
    std::string project, table;
    int year = 0;
};

int progress(const ProgressArgs& a)
{
    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);
    const auto p = analysis::run_target_progress(*project, layers->layers, analysis::ProgressRequest{a.year});
    if (!p) return fail(p.error());
    std::fputs(analysis::problems_text(p->problems).c_str(), stderr);
    std::printf("%s", analysis::target_progress_text(*p).c_str());
    if (!a.table.empty())
        if (auto written = io::write_file_atomically(a.table, analysis::target_progress_csv(*p)); !written)
            return fail(written.error());
    return 0;
}

}  // namespace

void add_progress(CLI::App& app)
{
    auto* cmd = app.add_subcommand("progress", "年度目标完成情况：各县和全市的目标、完成、完成率 (targets progress)");
    auto a = std::make_shared<ProgressArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    add_year_option(*cmd, a->year, "目标年份（项目文件 annual_targets 中的 year）", true);
    cmd->add_option("--table", a->table, "输出完成情况表 (CSV, UTF-8)");
    cmd->callback([a] { exit_status() = progress(*a); });
}

}  // namespace coopmap::cli
