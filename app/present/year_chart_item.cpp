#include "year_chart_item.h"

#include <QPainter>

namespace coopmap::app {

YearChartItem::YearChartItem(QQuickItem* parent) : QQuickPaintedItem(parent)
{
    setFillColor(Qt::white);
    setAntialiasing(true);
}

void YearChartItem::setYears(YearController* y)
{
    if (y == years_) return;
    if (years_) disconnect(years_, nullptr, this, nullptr);
    years_ = y;
    if (years_) connect(years_, &YearController::shownChanged, this, [this] { update(); });
    emit yearsChanged();
    update();
}

void YearChartItem::setIndex(int i)
{
    if (i == index_) return;
    index_ = i;
    emit indexChanged();
    update();
}

void YearChartItem::paint(QPainter* painter)
{
    const present::BarChart* chart = years_ ? years_->chart(index_) : nullptr;
    if (!chart) return;
    present::paint_bar_chart(*painter, boundingRect().adjusted(8, 8, -8, -8), *chart);
}

}  // namespace coopmap::app
