// services: agricultural social services (配方施肥, 统防统治, 农机作业, 代耕代种, 烘干…) from the
// project's service-record tables, in 亩次 and 万亩次 by township, county, kind, provider or year.
#include <cstdio>
#include <memory>
#include <string>

#include "analysis/project_data.h"
#include "analysis/services.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct ServicesArgs {
    std::string project, by = "township", table;
    int year = 0;
};

int services(const ServicesArgs& a)
{
    using analysis::ServicesBy;
    ServicesBy by{};
    if (a.by == "township") by = ServicesBy::township;
    else if (a.by == "county") by = ServicesBy::county;
    else if (a.by == "kind") by = ServicesBy::kind;
    else if (a.by == "provider") by = ServicesBy::provider;
    else if (a.by == "year") by = ServicesBy::year;
    else
        return fail(Error{.file = a.project,
                          .layer = {},
                          .feature = {},
                          .message = "--by " + a.by + " 无法识别：请用 township、county、kind、provider 或 year"});
    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);
    const auto totals = analysis::run_services(*project, layers->layers, analysis::ServicesRequest{by, a.year});
    if (!totals) return fail(totals.error());
    std::fputs(analysis::problems_text(totals->problems).c_str(), stderr);
    std::printf("%s", analysis::services_text(*totals).c_str());
    if (!a.table.empty())
        if (auto written = io::write_file_atomically(a.table, analysis::services_csv(*totals)); !written)
            return fail(written.error());
    return 0;
}

}  // namespace

void add_services(CLI::App& app)
{
    auto* cmd = app.add_subcommand("services", "农业社会化服务统计（亩次、万亩次）(agricultural services)");
    auto a = std::make_shared<ServicesArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--by", a->by, "按 township、county、kind、provider 或 year 汇总")->capture_default_str();
    add_year_option(*cmd, a->year, "只统计该年的服务记录（按年份列，否则按日期）");
    cmd->add_option("--table", a->table, "输出汇总表 (CSV, UTF-8)");
    cmd->callback([a] { exit_status() = services(*a); });
}

}  // namespace coopmap::cli
