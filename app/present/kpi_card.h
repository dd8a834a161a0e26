// One KPI card ("村覆盖率 87.3%" with a line of detail) as the presentation and the report's
// cover show it, made from the engine's figures.
#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "analysis/report_figures.h"
#include "analysis/services.h"
#include "analysis/target_progress.h"
#include "model/feedback.h"

namespace coopmap::present {

// met is 1/0 for a target, -1 for none.
struct KpiCard {
    QString key;
    QString title;
    QString value;
    QString unit;
    QString detail;
    int met = -1;
    QString change;  // "比上年 +12 个" for a year's cards; "" otherwise
    int trend = 0;  // the change's sign: 1 up, -1 down, 0 none (or no change shown)
};

QList<KpiCard> kpi_cards(const analysis::ReportFigures& figures);

// The figures of one year: run_report_figures on the network as it stood at the end of the year
// (analysis::network_as_of), the year's service records (run_services by county) when the
// project has some, the year's targets (run_target_progress) when it sets some, and the sites new
// in the year.
struct YearFigures {
    int year = 0;
    analysis::ReportFigures figures;
    std::optional<analysis::ServiceTotals> services;
    std::optional<analysis::TargetProgress> progress;
    std::size_t new_sites = 0;
};
Result<YearFigures> year_figures(const Project& project, const std::vector<Layer>& layers, int year,
                                 const Feedback& feedback = Feedback{});

// The cards for a year, each with its change against `before` (the year before; null: none
// shown, e.g. when that year's figures cannot be computed: `why_not` then says why).
QList<KpiCard> kpi_cards(const YearFigures& now, const YearFigures* before, const QString& why_not = {});

}  // namespace coopmap::present
