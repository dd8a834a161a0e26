// Loading every layer a project names, in the project's order.
#pragma once

#include <vector>

#include "io/gdal_reader.h"
#include "model/feedback.h"
#include "model/project.h"

namespace coopmap::io {

struct ProjectLayers {
    std::vector<Layer> layers;  // same order as project.layers
    std::vector<Error> skipped;  // features left out, each with its reason
    std::vector<Error> problems;  // data problems that did not stop reading (LoadedLayer::problems)
};

// Fails on the first layer that cannot be read at all; the error names it. `progress` hears the
// share done after each layer; a cancelled load returns cancelled_error("已取消加载").
Result<ProjectLayers> load_project_layers(const Project& project, const Progress& progress = {});

SourceSpec source_spec(const Project& project, const LayerConfig& layer);

}  // namespace coopmap::io

namespace coopmap::io {

// "项目名：N 个图层，counties 9，villages 2817，…": the one line that `coopmap --render`
// and `coopmap-cli info` print; feature_counts[i] belongs to project.layers[i].
std::string summary_line(const Project& project, const std::vector<std::size_t>& feature_counts);

}  // namespace coopmap::io
