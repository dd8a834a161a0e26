#include "analysis/year_span.h"

#include <algorithm>
#include <string>

#include "analysis/coverage_run.h"
#include "analysis/network_year.h"
#include "analysis/reach_default.h"
#include "analysis/services.h"

namespace coopmap::analysis {

namespace {

struct Span {
    YearSpan s;
    void add(int year, bool done)
    {
        if (year <= 0) return;
        s.first = s.first == 0 ? year : std::min(s.first, year);
        s.last = std::max(s.last, year);
        if (done) s.latest = std::max(s.latest, year);
    }
};

}  // namespace

Result<YearSpan> project_years(const Project& project, const std::vector<Layer>& layers, const Feedback& feedback)
{
    if (layers.size() != project.layers.size())
        return Error{
            .file = project.file, .layer = {}, .feature = {}, .message = "图层尚未全部读入，请重新打开项目后再分析"};
    Span span;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& cfg = project.layers[i];
        if (is_facility(cfg.role)) {
            auto history = site_histories(project, cfg, layers[i]);
            if (!history) return history.error();
            for (const auto& h : *history) {
                span.add(h.built_year, true);
                span.add(h.rebuilt_year, true);
            }
        } else if (cfg.role == Role::land_trusteeship) {
            const Column* y = mapped_column(cfg, layers[i], "year");
            if (!y) continue;
            for (std::size_t f = 0; f < layers[i].size(); ++f)
                if (const auto py = year_in(y->text(f))) span.add(*py, true);
            // A year that is no year is network_as_of's error, said where the year is used.
        }
    }
    if (!project.services.empty()) {
        auto by_year = run_services(project, layers, ServicesRequest{ServicesBy::year, 0}, feedback);
        if (!by_year) return by_year.error();
        for (const auto& row : by_year->rows)
            if (const auto y = year_in(row.key)) span.add(*y, true);
    }
    for (const auto& t : project.annual_targets) span.add(t.year, false);
    if (span.s.latest == 0) span.s.latest = span.s.last;
    return span.s;
}

}  // namespace coopmap::analysis
