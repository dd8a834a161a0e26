// One KPI card ("村覆盖率 87.3%" with a line of detail) as the presentation and the report's
// cover show it, made from the engine's figures.
#pragma once

#include <QList>
#include <QString>

#include "analysis/report_figures.h"

namespace coopmap::present {

// met is 1/0 for a target, -1 for none.
struct KpiCard {
    QString key;
    QString title;
    QString value;
    QString unit;
    QString detail;
    int met = -1;
};

QList<KpiCard> kpi_cards(const analysis::ReportFigures& figures);

}  // namespace coopmap::present
