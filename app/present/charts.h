// Charts drawn with QPainter, so that one drawing serves the PDF report (any QPaintDevice), an image
// on a slide and a panel: bars per county (done against target), the growth of each kind of site by
// year, and agricultural services by kind. Every figure drawn is an engine result handed in whole
// (target_progress, network_growth, run_services); the charts only lay them out. Text is set in
// pdf_font_family() in points, so a chart reads the same on a 300 dpi PDF page and a 96 dpi image.
#pragma once

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <vector>

#include "analysis/network_year.h"
#include "analysis/services.h"
#include "analysis/target_progress.h"

namespace coopmap::present {

// Vertical bars: one group a category (a county, a year, a kind), one bar a series in each group,
// its value written above it. marked groups have their label in red (an unmet target).
struct BarChart {
    QString title;  // Chinese, drawn centred above the plot
    QString category_axis;  // e.g. 县（市、区）
    QString value_axis;  // with its unit, e.g. 网点数（个）
    QStringList series;  // legend entries; one series: no legend
    std::vector<QColor> colors;  // one a series
    QStringList categories;
    std::vector<std::vector<double>> values;  // [category][series]
    std::vector<QStringList> texts;  // [category][series]: the values as the tables print them
    std::vector<bool> marked;  // per category
    QString note;  // a line under the chart (what red means…); may be empty
};

// Draws `chart` into `rect` (device pixels of the painter's device). Categories that do not fit
// side by side get their labels turned; nothing is left out.
void paint_bar_chart(QPainter& p, const QRectF& rect, const BarChart& chart);

// The same chart as an image of `size` logical pixels (for a slide or a panel).
QImage bar_chart_image(const BarChart& chart, QSize size, qreal dpr = 1);

// Target against done per county for one figure of the progress table (TargetFigure::key), the
// counties that have that target, in the table's order; unmet ones marked. Empty (no categories)
// when no county has it.
BarChart target_chart(const analysis::TargetProgress& progress, const std::string& key);
// The keys of the figures the counties of `progress` have targets for, in the table's order.
std::vector<std::string> target_keys(const analysis::TargetProgress& progress);

// The sites of one role in the city at the end of each year first..last (年末网点数), with those
// built in the year (当年新建) beside them.
BarChart growth_chart(const analysis::NetworkGrowth& growth, Role role, int first, int last);

// Services in 万亩次 by kind (ServiceTotals by kind), the total in the title.
BarChart services_chart(const analysis::ServiceTotals& by_kind);

}  // namespace coopmap::present
