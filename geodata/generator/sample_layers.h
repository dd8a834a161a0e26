// The generated sample as GeoPackage layers and as a project file.
#pragma once

#include <filesystem>

#include "network.h"

namespace coopmap::sample {

void write_sample(const Geos& geos, const AdminAreas& areas, const std::vector<Village>& villages,
                  const Network& network, const std::filesystem::path& gpkg);

// Built as a coopmap::Project and saved with the engine's save_project, so the engine
// can always read what the generator wrote.
void write_project(const AdminAreas& areas, const std::vector<Village>& villages, const Network& network,
                   const std::filesystem::path& file);

// The service-record workbook written beside the GeoPackage, and its sheet.
inline constexpr const char* kServicesFile = "xiangyang_services.xlsx";
inline constexpr const char* kServicesSheet = "服务记录";

}  // namespace coopmap::sample
