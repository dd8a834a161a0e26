// What the geodata tests read back from a GeoPackage, and how they run our programs.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace coopmap::test {

// Every layer's features as text, one string per feature in FID order: FID, geometry as
// hex WKB, then every field as text. Equal contents mean equal data, whatever the file's
// own bytes (GeoPackage keeps timestamps and page layout that may differ).
std::map<std::string, std::vector<std::string>> layer_contents(const std::string& gpkg);

// Feature count of one layer, -1 if the file or layer is missing.
long long feature_count(const std::string& gpkg, const std::string& layer);

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs a program with arguments (no shell quoting needed for plain paths and numbers).
Run run(const std::string& program, const std::vector<std::string>& args);

// A fresh empty directory under the system's temp directory.
std::string fresh_dir(const std::string& name);

}  // namespace coopmap::test
