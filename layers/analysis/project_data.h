// A project's layers made ready for analysis: read, their field mapping checked against the
// columns the sources really have, and every feature placed in its township and county.
// The one way every command of coopmap-cli and the window open a project's data, so a
// wrong setting is said the same way everywhere.
#pragma once

#include "analysis/coverage.h"
#include "analysis/placement.h"
#include "io/project_layers.h"
#include "model/project.h"

namespace coopmap::analysis {

// A mapping that names a column the layer lacks: the Error names the file, the layer, the
// key and the columns the layer has. Done when every mapped column is there.
Status check_field_mapping(const Project& project, const LayerConfig& config, const Layer& layer);

// Joins a table's rows to `layer` by code (config.joins[i] = join): each feature takes the
// columns of the row whose join.key equals its join.on field. Table columns come in under
// their own names. Errors: the key or a wanted column missing from the table, the layer without
// the `on` field, a column the layer has already. Rows left unmatched and features without a
// row go to `problems`, with a few examples.
Status join_table(const Project& project, const LayerConfig& config, Layer& layer, const Join& join,
                  const std::vector<Column>& table, std::size_t rows, std::vector<Error>& problems);

struct ProjectData {
    std::vector<Layer> layers;  // same order as project.layers, with placed code columns
    std::vector<Error> skipped;  // features left out while reading, each with its reason
    std::vector<Error> problems;  // what every command warns of once (placement findings…)
    PlacementReport placement;
};

// Every table of the project's `joins` read and joined to its layer (`layers` in project order);
// unmatched rows and features go to `problems`. Fails on a table that cannot be read or joined.
Status apply_joins(const Project& project, std::vector<Layer>& layers, std::vector<Error>& problems);

// After the joins and a good mapping: names a user's machine cannot show are listed, then every
// feature is placed. `info`, which reads and describes each layer itself, ends with this too.
Result<PlacementReport> check_and_place(const Project& project, std::vector<Layer>& layers,
                                        std::vector<Error>& problems, const Progress& progress = {});

// io::load_project_layers, apply_joins, then check_field_mapping for every layer, then
// check_and_place. Fails on the first layer that cannot be read or whose mapping is wrong; a
// cancelled `feedback` gives cancelled_error("已取消加载", project file).
Result<ProjectData> load_project(const Project& project, const Feedback& feedback = Feedback{});
// The same with a callback, for callers not yet on Feedback.
Result<ProjectData> load_project(const Project& project, const Progress& progress);

// The problems as the lines the CLI prints on stderr, "注意：…", one per problem.
std::string problems_text(const std::vector<Error>& problems);

}  // namespace coopmap::analysis
