// The years a project's records span, and the year a view of "the year" opens at: decided here
// once, so the window's year control, the KPI cards and the year report agree on them.
#pragma once

#include <vector>

#include "model/error.h"
#include "model/feedback.h"
#include "model/layer.h"
#include "model/project.h"

namespace coopmap::analysis {

struct YearSpan {
    int first = 0;  // the earliest year a site was built, a parcel or a service record has, or a target is set for
    int last = 0;  // the latest of those years
    // The latest year of a record of what was done (a site built or rebuilt, a parcel, a service
    // record): targets may reach further, into years nothing is recorded for yet.
    int latest = 0;
    bool empty() const { return first == 0; }
};

// `layers` in project order (load_project). Service records are read (run_services by year).
// All 0 when nothing in the project carries a year. Errors are site_histories', the parcels'
// year field's and run_services'.
Result<YearSpan> project_years(const Project& project, const std::vector<Layer>& layers,
                               const Feedback& feedback = Feedback{});

}  // namespace coopmap::analysis
