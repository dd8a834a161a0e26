// trusteeship: land trusteeship and transfer area (亩, 万亩) by township, county, provider,
// crop or year, and the parcels far from any agri service centre.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "analysis/project_data.h"
#include "analysis/trusteeship.h"
#include "commands.h"
#include "io/atomic_write.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

struct TrusteeshipArgs {
    std::string project, by = "township", table;
    double far_m = 0;
    int year = 0;
};

int trusteeship(const TrusteeshipArgs& a)
{
    using analysis::TrusteeshipBy;
    TrusteeshipBy by{};
    if (a.by == "township") by = TrusteeshipBy::township;
    else if (a.by == "county") by = TrusteeshipBy::county;
    else if (a.by == "provider") by = TrusteeshipBy::provider;
    else if (a.by == "crop") by = TrusteeshipBy::crop;
    else if (a.by == "year") by = TrusteeshipBy::year;
    else
        return fail(Error{.file = a.project,
                          .layer = {},
                          .feature = {},
                          .message = "--by " + a.by + " 无法识别：请用 township、county、provider、crop 或 year"});
    const auto project = read_project(a.project);
    if (!project) return fail(project.error());
    const auto layers = analysis::load_project(*project);
    if (!layers) return fail(layers.error());
    warn(*layers);
    const auto stats =
        analysis::run_trusteeship(*project, layers->layers, analysis::TrusteeshipRequest{by, a.far_m, a.year});
    if (!stats) return fail(stats.error());
    std::printf("%s", analysis::trusteeship_text(*stats, by).c_str());
    if (!a.table.empty()) {
        if (auto written = io::write_file_atomically(a.table, analysis::trusteeship_csv(*stats, by)); !written)
            return fail(written.error());
    }
    return 0;
}

}  // namespace

void add_trusteeship(CLI::App& app)
{
    auto* cmd = app.add_subcommand("trusteeship", "土地托管/流转面积统计（亩、万亩）(land trusteeship statistics)");
    auto a = std::make_shared<TrusteeshipArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--by", a->by, "按 township、county、provider、crop 或 year 汇总")->capture_default_str();
    cmd->add_option("--table", a->table, "输出汇总表 (CSV, UTF-8)");
    cmd->add_option("--far", a->far_m, "列出离为农服务中心超过该距离（米）的地块");
    add_year_option(*cmd, a->year, "该年年末在托管/流转中的地块（年份不晚于该年）");
    cmd->callback([a] { exit_status() = trusteeship(*a); });
}

}  // namespace coopmap::cli
