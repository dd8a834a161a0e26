// The printed page's legend: a row per layer shown on the map (a layer drawn by class lists its
// classes below it), the 专题图's classes first, and a line on the routes when they are drawn.
import QtQuick
import CoopMap
import CoopMap.Backend

Flow {
    id: legend
    required property ProjectController controller
    property var thematic: null
    required property real unit
    required property real legendCell
    required property real symbolSize
    property int routeCount: 0  // routes drawn on the map; 0: none
    // The height the page leaves the legend.
    property real room: 0
    property alias rows: rows
    property alias thematicLegend: thematicLegend

    // A project with more layers than the space holds gets a smaller legend, never a
    // shorter one: every layer shown on the map has its row on the page.
    transformOrigin: Item.TopLeft
    scale: implicitHeight > room && room > 0 ? room / implicitHeight : 1
    spacing: legend.unit * 1.2
    Text {
        width: legend.width
        text: qsTr("图  例")
        font.pixelSize: legend.unit * 2.4
        font.bold: true
        color: Theme.text
    }
    ThematicLegend {
        id: thematicLegend
        objectName: "printThematicLegend"
        width: legend.legendCell - legend.spacing
        thematic: legend.thematic
        symbolSize: legend.symbolSize
        fontSize: legend.unit * 1.4
    }
    Repeater {
        id: rows
        model: legend.controller.layers
        // A layer's row; a layer drawn by class (roads) lists its classes below it, as
        // the map's own legend does.
        delegate: Column {
            id: entry
            required property string layerId
            required property string title
            required property string kind
            required property bool layerVisible
            required property var classes
            required property color fillColor
            required property color outlineColor
            required property real pointSize
            required property real lineWidth
            property alias symbol: symbol
            visible: layerVisible
            width: legend.legendCell - legend.spacing
            spacing: legend.unit * 0.6
            Row {
                spacing: legend.unit
                LayerSymbol {
                    id: symbol
                    width: legend.symbolSize
                    height: legend.symbolSize
                    kind: entry.kind
                    color: entry.fillColor
                    outline: entry.outlineColor
                    pointSize: entry.pointSize
                    lineWidth: entry.lineWidth
                }
                Text {
                    width: entry.width - legend.symbolSize - legend.unit
                    anchors.verticalCenter: symbol.verticalCenter
                    text: entry.title
                    font.pixelSize: legend.unit * 1.6
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
            Repeater {
                model: entry.classes
                delegate: Row {
                    required property var modelData
                    x: legend.symbolSize + legend.unit
                    spacing: legend.unit
                    LayerSymbol {
                        id: classSymbol
                        width: legend.symbolSize
                        height: legend.symbolSize * 0.7
                        kind: entry.kind
                        color: modelData.base ? entry.fillColor : modelData.color
                        outline: entry.outlineColor
                        pointSize: entry.pointSize
                        lineWidth: modelData.base ? entry.lineWidth : modelData.lineWidth
                    }
                    Text {
                        width: entry.width - 2 * (legend.symbolSize + legend.unit)
                        anchors.verticalCenter: classSymbol.verticalCenter
                        text: modelData.name
                        font.pixelSize: legend.unit * 1.4
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
    Text {
        visible: legend.routeCount > 0
        width: legend.width
        text: qsTr("配送路线 %1 条：每车一色，箭头为行驶方向，数字为送货顺序，■ 配送中心，⊗ 未服务")
                  .arg(legend.routeCount)
        font.pixelSize: legend.unit * 1.4
        color: Theme.text
        wrapMode: Text.WordWrap
    }
}
