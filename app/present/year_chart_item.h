// One of the year's charts (YearController::chartTitles) drawn in QML, in a panel or on a slide, by
// the same painter as the year report's chart pages (charts.h).
#pragma once

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

#include "year_controller.h"

namespace coopmap::app {

class YearChartItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(YearChart)
    Q_PROPERTY(coopmap::app::YearController* years READ years WRITE setYears NOTIFY yearsChanged)
    // Index into years.chartTitles; nothing is drawn for one it does not have.
    Q_PROPERTY(int index READ index WRITE setIndex NOTIFY indexChanged)

public:
    explicit YearChartItem(QQuickItem* parent = nullptr);

    YearController* years() const { return years_; }
    void setYears(YearController* y);
    int index() const { return index_; }
    void setIndex(int i);
    void paint(QPainter* painter) override;

signals:
    void yearsChanged();
    void indexChanged();

private:
    QPointer<YearController> years_;
    int index_ = 0;
};

}  // namespace coopmap::app
