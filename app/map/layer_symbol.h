// A layer's symbol for the legend and the layer panel, painted by the same code that
// draws the layer on the map, so the legend shows exactly what the map shows.
#pragma once

#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

#include "map/layer_raster.h"

namespace coopmap::app {

class LayerSymbol : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY changed)  // point | line | polygon
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY changed)
    Q_PROPERTY(QColor outline READ outline WRITE setOutline NOTIFY changed)
    Q_PROPERTY(double pointSize READ pointSize WRITE setPointSize NOTIFY changed)
    Q_PROPERTY(double lineWidth READ lineWidth WRITE setLineWidth NOTIFY changed)

public:
    explicit LayerSymbol(QQuickItem* parent = nullptr);
    void paint(QPainter* painter) override;

    QString kind() const { return kind_; }
    void setKind(const QString& k);
    QColor color() const { return style_.color; }
    void setColor(const QColor& c);
    QColor outline() const { return style_.outline; }
    void setOutline(const QColor& c);
    double pointSize() const { return style_.size; }
    void setPointSize(double s);
    double lineWidth() const { return style_.width; }
    void setLineWidth(double w);

signals:
    void changed();

private:
    QString kind_ = QStringLiteral("point");
    SymbolStyle style_;
};

}  // namespace coopmap::app
