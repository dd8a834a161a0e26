// Service coverage by distance: for every village the nearest facility of a role on the
// ellipsoid, whether it is within reach, and the tables per township and county.
// Pure functions over plain arrays; the project-level entry point is analysis/coverage_run.h.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"

namespace coopmap::analysis {

// The steps inside a job take a Progress (model/feedback.h); returning false cancels the
// analysis, which then returns the Error of cancelled(). The jobs themselves take a Feedback.
Error cancelled();
bool is_cancelled(const Error& e);

// For the entry points kept for callers not yet on Feedback: runs job(feedback) with a Feedback
// whose progress goes to `progress` and that is cancelled once `progress` returns false.
template <typename Job> auto with_progress(const Progress& progress, Job&& job)
{
    const Feedback* self = nullptr;
    const Feedback feedback([&progress, &self](double done) {
        if (progress && !progress(done) && self) self->cancel();
    });
    self = &feedback;
    return job(feedback);
}

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// Points as parallel arrays of lon, lat in degrees (WGS84).
struct Points {
    std::vector<double> lon, lat;
    std::size_t size() const { return lon.size(); }
    void add(double x, double y)
    {
        lon.push_back(x);
        lat.push_back(y);
    }
};

// One location per feature: a point layer's points; for lines and polygons the middle of the
// feature's bounds (a village drawn as a polygon is served where its centre is).
Points feature_points(const Layer& layer);

struct Nearest {
    std::vector<std::uint32_t> facility;  // index into the facility points; kNone: none within the search radius
    std::vector<double> distance_m;  // geodesic metres, exact to PROJ's geod_inverse; kInf with kNone
};

// For every demand point, the nearest facility within `search_m` metres on the WGS84
// ellipsoid (distance <= search_m counts as within, as PostGIS ST_DWithin does). Candidates
// come from an R-tree; every distance reported, and every decision near the radius, is PROJ's
// geod_inverse. Ties go to the lower facility index.
Result<Nearest> nearest_facilities(const Points& demand, const Points& facilities, double search_m,
                                   const Progress& progress = {});

// Whether each demand point has any facility within `radius_m` (<=, on the ellipsoid): the
// question ST_DWithin answers, without the nearest distance. Same R-tree and pre-filter as
// nearest_facilities, geod_inverse only where the pre-filter cannot decide; equal to
// covered_within(nearest_facilities(…, radius_m).distance_m, radius_m) for every point.
Result<std::vector<std::uint8_t>> within_any(const Points& demand, const Points& facilities, double radius_m,
                                             const Progress& progress = {});

// Covered flags from distances (<= radius_m) or travel times (<= minutes); NaN/inf: not covered.
std::vector<std::uint8_t> covered_within(std::span<const double> values, double limit);

// One row of a coverage table: a township, a county, or the total.
struct CoverageRow {
    std::string code;
    std::string name;
    std::size_t villages = 0;
    std::size_t covered = 0;
    double population = 0;
    double population_covered = 0;
    double households = 0;
    double households_covered = 0;
    bool target_met = false;  // covered / villages >= target

    double share() const { return villages ? static_cast<double>(covered) / static_cast<double>(villages) : 0; }
    std::size_t uncovered() const { return villages - covered; }
    double population_uncovered() const { return population - population_covered; }
    double households_uncovered() const { return households - households_covered; }
};

struct CoverageTable {
    std::vector<CoverageRow> rows;  // sorted by code; villages without a code under code ""
    CoverageRow total;
};

// Groups the per-village flags by `group_code` (township_code or county_code). `names` maps a
// code to its Chinese name (missing: the code itself). population/households may be empty or
// hold NaN (counted as 0). `target` is the share of villages that must be covered (e.g. 0.9).
CoverageTable coverage_table(std::span<const std::string> group_code, std::span<const std::uint8_t> covered,
                             std::span<const double> population, std::span<const double> households,
                             const std::vector<std::pair<std::string, std::string>>& names, double target);

}  // namespace coopmap::analysis
