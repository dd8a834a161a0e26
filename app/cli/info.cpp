// info: what a project holds, layer by layer.
#include <cstdio>
#include <string>

#include "commands.h"
#include "io/project_layers.h"
#include "model/project.h"

namespace coopmap::cli {

namespace {

const char* kind_zh(GeometryKind k)
{
    switch (k) {
    case GeometryKind::point: return "点";
    case GeometryKind::line: return "线";
    case GeometryKind::polygon: return "面";
    }
    return "";
}

int info(const std::string& file)
{
    const auto project = read_project(file);
    if (!project) return fail(project.error());
    const auto layers = io::load_project_layers(*project);
    if (!layers) return fail(layers.error());
    std::vector<std::size_t> counts;
    for (const auto& l : layers->layers) counts.push_back(l.size());
    std::printf("%s\n", io::summary_line(*project, counts).c_str());
    for (std::size_t i = 0; i < project->layers.size(); ++i) {
        const auto& cfg = project->layers[i];
        const auto& l = layers->layers[i];
        const auto b = l.bounds();
        std::printf("  %-26s %-24s %s %7zu  [%.4f, %.4f – %.4f, %.4f]\n", cfg.id.c_str(),
                    std::string(role_key(cfg.role)).c_str(), kind_zh(l.kind), l.size(), b.min_x, b.min_y,
                    b.max_x, b.max_y);
    }
    for (const auto& s : layers->skipped) std::fprintf(stderr, "跳过：%s\n", s.text().c_str());
    return 0;
}

}  // namespace

void add_info(CLI::App& app)
{
    auto* cmd = app.add_subcommand("info", "列出项目的图层、角色和要素数 (layers, roles, feature counts)");
    auto project = std::make_shared<std::string>();
    cmd->add_option("project", *project, "项目文件 *.coopmap")->required();
    cmd->callback([project] { exit_status() = info(*project); });
}

}  // namespace coopmap::cli
