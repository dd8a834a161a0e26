// coopmap-cli: the engine from the command line; the same functions the GUI calls.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "io/project_layers.h"
#include "model/project.h"

namespace {

int fail(const coopmap::Error& e)
{
    std::fprintf(stderr, "coopmap-cli: %s\n", e.text().c_str());
    return 1;
}

const char* kind_zh(coopmap::GeometryKind k)
{
    switch (k) {
    case coopmap::GeometryKind::point: return "点";
    case coopmap::GeometryKind::line: return "线";
    case coopmap::GeometryKind::polygon: return "面";
    }
    return "";
}

// info: what a project holds, layer by layer.
int info(const std::string& file)
{
    const auto project = coopmap::read_project(file);
    if (!project) return fail(project.error());
    const auto layers = coopmap::io::load_project_layers(*project);
    if (!layers) return fail(layers.error());
    std::vector<std::size_t> counts;
    for (const auto& l : layers->layers) counts.push_back(l.size());
    std::printf("%s\n", coopmap::io::summary_line(*project, counts).c_str());
    for (std::size_t i = 0; i < project->layers.size(); ++i) {
        const auto& cfg = project->layers[i];
        const auto& l = layers->layers[i];
        const auto b = l.bounds();
        std::printf("  %-26s %-24s %s %7zu  [%.4f, %.4f – %.4f, %.4f]\n", cfg.id.c_str(),
                    std::string(coopmap::role_key(cfg.role)).c_str(), kind_zh(l.kind), l.size(), b.min_x,
                    b.min_y, b.max_x, b.max_y);
    }
    for (const auto& s : layers->skipped) std::fprintf(stderr, "跳过：%s\n", s.text().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"CoopMap 供销服务网络一张图 — command line"};
    app.set_version_flag("--version", COOPMAP_VERSION);
    app.require_subcommand(1);

    std::string project;
    auto* info_cmd = app.add_subcommand("info", "列出项目的图层、角色和要素数 (layers, roles, feature counts)");
    info_cmd->add_option("project", project, "项目文件 *.coopmap")->required();

    CLI11_PARSE(app, argc, argv);
    if (*info_cmd) return info(project);
    return 2;
}
