#include "io/project_layers.h"

namespace coopmap::io {

SourceSpec source_spec(const Project& project, const LayerConfig& l)
{
    return SourceSpec{project.source_path(l), l.layer, l.crs, l.encoding, l.role, l.title.empty() ? l.id : l.title};
}

Result<ProjectLayers> load_project_layers(const Project& project, const Progress& progress)
{
    ProjectLayers out;
    for (std::size_t i = 0; i < project.layers.size(); ++i) {
        auto loaded = read_layer(source_spec(project, project.layers[i]));
        if (!loaded) return loaded.error();
        out.layers.push_back(std::move(loaded->layer));
        for (auto& s : loaded->skipped) out.skipped.push_back(std::move(s));
        for (auto& p : loaded->problems) out.problems.push_back(std::move(p));
        if (progress && !progress(double(i + 1) / double(project.layers.size())))
            return cancelled_error("已取消加载", project.file);
    }
    return out;
}

}  // namespace coopmap::io

namespace coopmap::io {

std::string summary_line(const Project& project, const std::vector<std::size_t>& feature_counts)
{
    std::string out = project.name + "：" + std::to_string(project.layers.size()) + " 个图层";
    for (std::size_t i = 0; i < project.layers.size() && i < feature_counts.size(); ++i)
        out += "，" + (project.layers[i].title.empty() ? project.layers[i].id : project.layers[i].title) + " " +
               std::to_string(feature_counts[i]);
    return out;
}

}  // namespace coopmap::io
