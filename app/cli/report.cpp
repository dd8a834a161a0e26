// report: the PDF report for leadership (cover with the headline figures, the network map,
// coverage per county as a table and a chart, uncovered villages, trusteeship, scenario); with
// --year Y the year-end report (年度工作情况, present/year_report.h) instead.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "present/map_print.h"
#include "present/report_writer.h"
#include "present/scenario_pdf.h"
#include "present/year_report.h"

namespace coopmap::cli {

namespace {

struct ReportArgs {
    std::string project, out, scenario;
    int year = 0;
};

int report(const ReportArgs& a)
{
    // Qt only for this command; the map page is drawn at the report's DPI.
    const auto app = present::offscreen_application(present::kReportMapDpi / 96.0);
    if (a.year > 0) {
        const auto info =
            present::write_year_report(QString::fromStdString(a.project), a.year, QString::fromStdString(a.out));
        if (!info) return fail(info.error());
        std::printf("%d 年度工作情况 %d 页，未完成的目标 %zu 项 → %s\n", a.year, info->pages, info->unmet,
                    a.out.c_str());
        return 0;
    }
    if (!a.scenario.empty()) {
        int pages = 0;
        const QString error =
            present::write_scenario_pdf(QString::fromStdString(a.project), QString::fromStdString(a.scenario),
                                        QString::fromStdString(a.out), &pages);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(error));
            return 1;
        }
        std::printf("规划方案「%s」%d 页 → %s\n", a.scenario.c_str(), pages, a.out.c_str());
        return 0;
    }
    const auto info = present::write_report(QString::fromStdString(a.project), QString::fromStdString(a.out));
    if (!info) return fail(info.error());
    std::printf("报告 %d 页，未覆盖村 %zu 个 → %s\n", info->pages, info->uncovered, a.out.c_str());
    return 0;
}

}  // namespace

void add_report(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "report", "汇报材料：生成 PDF 报告（封面、网络图、各县覆盖表和图、未覆盖村、土地托管、规划方案）；"
                  "加 --year 生成年度工作情况报告");
    auto a = std::make_shared<ReportArgs>();
    cmd->add_option("project", a->project, "项目文件 *.coopmap")->required();
    cmd->add_option("--out", a->out, "输出 PDF 文件")->required();
    cmd->add_option("--scenario", a->scenario, "只导出这个规划方案（A4 横向：地图、覆盖变化、网点表，网点多时续页）");
    add_year_option(*cmd, a->year, "年度工作情况报告：该年各类网点增长、目标完成情况、土地托管和农业社会化服务、图表")
        ->excludes("--scenario");
    cmd->callback([a] { exit_status() = report(*a); });
}

}  // namespace coopmap::cli
