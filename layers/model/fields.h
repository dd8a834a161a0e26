// Role fields (name, code, population, households, township_code…) looked up through the
// project's field mapping, so analysis code never needs to know a source's column names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/layer.h"
#include "model/project.h"

namespace coopmap {

// The source column a role field maps to: config.fields[role_field], or role_field itself
// when the project does not map it.
std::string mapped_column_name(const LayerConfig& config, std::string_view role_field);

// The column holding `role_field` of a layer read for `config`, or nullptr if the layer has
// none. Matches the mapped name exactly, then ignoring ASCII case, then a column whose name
// is the mapped name cut by the Shapefile's 10-byte field-name limit (only when exactly one
// column fits, so a wrong column is never picked silently).
const Column* field_column(const Layer& layer, const LayerConfig& config, std::string_view role_field);

// A role field a site of some role has, with its Chinese label ("name" -> "名称").
struct RoleField {
    std::string key;  // the project-file key of the field mapping
    std::string label;  // what forms and the identify popup call it
};
// The fields a site of this role has, in the order a form lists them: name and code first,
// then what the role is about (population for villages; type, opening year, operator,
// capacity for facilities), then the township and county codes snapping fills in.
std::vector<RoleField> role_fields(Role role);

// What the user is shown for a column of a layer read for `config`: the Chinese label of the
// role field it holds (through the mapping; "opening_year" -> "开业年份"), else its own name.
std::string column_label(const LayerConfig& config, std::string_view column);

}  // namespace coopmap
