// What a feature of each role must satisfy before it is saved: the rules a form checks.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "edit/feature_data.h"
#include "model/fields.h"
#include "model/layer.h"

namespace coopmap::edit {

struct Problem {
    std::string column;  // the source column at fault
    std::string message;  // what is wrong and what to do, in Chinese
};

// The role fields of a layer as the project maps them: role field -> source column. A role
// field the map does not name is looked up under its own name (as model/fields.h does).
using FieldMap = std::map<std::string, std::string>;

// The problems of one feature (given as its values, one per column of `layer`) for the
// layer's role: name required where a site must be named; codes are digits of the length of
// the statistical division codes (国家统计局统计用区划代码: county 6, township 9, village 12;
// the 12-digit padded form is accepted at every level) or, for facilities, up to 32 letters,
// digits and '-'; years from 1949 to 2100; counts, capacities and areas not negative; road
// speeds 1–150 km/h. Empty when it is fine.
std::vector<Problem> validate(const Layer& layer, const FieldMap& fields, const std::vector<Value>& values);

// Only the rules that concern one column (for a single attribute change).
std::vector<Problem> validate_column(const Layer& layer, const FieldMap& fields, const std::vector<Value>& values,
                                     std::size_t column);

}  // namespace coopmap::edit
