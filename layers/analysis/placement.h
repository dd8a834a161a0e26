// Place by location: every village, facility and trusteeship parcel gets its township and
// county from the admin boundary polygons (a point by the polygon holding it, a polygon by
// its largest overlap), and townships get their county, whenever the project maps no code
// column for them. Where codes are mapped they are checked against where the feature lies.
// So a project without code columns still gets per-township and per-county tables, and a
// code that matches nothing is said, never silently grouped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "model/error.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

// One admin level's polygons, prepared for point-in-polygon and overlap queries (GEOS
// prepared geometries, candidates from the layer's R-tree). Not thread-safe.
class AdminAreas {
public:
    // `codes[f]` is the code of polygon f of `layer` (a polygon layer).
    AdminAreas(const Layer& layer, std::vector<std::string> codes);
    ~AdminAreas();
    AdminAreas(const AdminAreas&) = delete;
    AdminAreas& operator=(const AdminAreas&) = delete;

    // The polygon holding the point: inside first (ST_Contains), else on a boundary (the
    // lowest feature number); nullopt outside every polygon.
    std::optional<std::uint32_t> at(double lon, double lat);
    // The polygon a feature of a polygon layer overlaps most; nullopt if it overlaps none.
    std::optional<std::uint32_t> largest_overlap(const Layer& polygons, std::size_t feature);
    const std::string& code(std::uint32_t polygon) const { return codes_[polygon]; }
    bool has_code(const std::string& code) const;
    std::size_t size() const { return codes_.size(); }

private:
    struct Impl;
    Impl* impl_;
    std::vector<std::string> codes_;
};

// What placement did for one field of one layer.
struct FieldPlacement {
    std::string layer_id;
    std::string layer_title;
    std::string field;  // township_code or county_code
    bool by_location = false;  // true: the column was made from the boundaries
    std::size_t features = 0;
    std::size_t placed = 0;  // by_location: features that got a code
    std::size_t outside = 0;  // features inside no boundary polygon of the level
    std::size_t unknown_code = 0;  // mapped codes that no boundary polygon has
    std::size_t disagree = 0;  // mapped codes that differ from where the feature lies
    std::size_t not_codes = 0;  // mapped values that are not codes at all (e.g. names)
    std::vector<std::string> examples;  // a few of the features above, said in Chinese
};

struct PlacementReport {
    std::vector<FieldPlacement> fields;
    // Every finding a user must hear of, one Error each (file, layer, message): codes that
    // match no boundary, codes that disagree with the location, features outside every
    // boundary, columns of names mapped as codes. Empty when all is well.
    std::vector<Error> problems;
};

// Adds a township_code / county_code column (named by the role field, so the fields lookup
// finds it without a mapping) to every village, facility and parcel layer that lacks one,
// and county_code to township boundaries, from the boundary layers of `layers` (project order).
// Mapped codes are checked, not changed. Nothing is done for a level without boundaries.
Result<PlacementReport> place_by_location(const Project& project, std::vector<Layer>& layers,
                                          const Progress& progress = {});

}  // namespace coopmap::analysis
