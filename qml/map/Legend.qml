// The legend: each shown layer's symbol, drawn by the same code as the map, and its title;
// roads one row per class as drawn; analysis results under their own heading.
import QtQuick
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Rectangle {
    id: root
    property alias model: rows.model
    // The 专题图 whose classes are listed above the layers (ThematicController), or null.
    property alias thematic: thematicLegend.thematic
    // Folded to its title (a click on it) when it hides a part of the map the user needs.
    property bool collapsed: false
    // The map's delivery routes (a RouteOverlay), null: none; they get one line of their own.
    property var routes: null
    // Layers shown: the entries' visible children less the Repeater itself.
    readonly property int shownCount: collapsed ? 0 : entries.visibleChildren.length - 1

    width: column.implicitWidth + 2 * Theme.spacing
    height: column.implicitHeight + 2 * Theme.spacing
    radius: 4
    color: Theme.overlayBackground
    border.color: Theme.border

    component SymbolRow: RowLayout {
        property alias kind: symbol.kind
        property alias color: symbol.color
        property alias outline: symbol.outline
        property alias pointSize: symbol.pointSize
        property alias lineWidth: symbol.lineWidth
        property alias text: label.text
        spacing: Theme.spacing
        LayerSymbol {
            id: symbol
            implicitWidth: Theme.legendSymbol
            implicitHeight: Theme.legendSymbol
        }
        Text {
            id: label
            font.pixelSize: Theme.smallFontSize
            color: Theme.text
        }
    }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        spacing: 4
        Text {
            objectName: "legendTitle"
            text: (root.collapsed ? "▸ " : "▾ ") + qsTr("图例")
            font.pixelSize: Theme.fontSize
            font.bold: true
            color: Theme.text
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: root.collapsed = !root.collapsed
            }
        }
        ThematicLegend {
            id: thematicLegend
            objectName: "mapThematicLegend"
            visible: !root.collapsed && thematic !== null && thematic.shown
        }
        ColumnLayout {
            id: entries
            objectName: "legendEntries"
            visible: !root.collapsed
            spacing: 4
            Repeater {
                id: rows
                delegate: ColumnLayout {
                    id: layerRows
                    objectName: "legendLayer"
                    required property int index
                    required property string title
                    required property string kind
                    required property bool layerVisible
                    required property bool isResult
                    required property var classes
                    required property color fillColor
                    required property color outlineColor
                    required property real pointSize
                    required property real lineWidth
                    // The first result layer (results are appended after the project's layers).
                    readonly property bool firstResult: isResult && (index === 0 || !root.model.get(index - 1).isResult)
                    visible: layerVisible
                    spacing: 4
                    Text {
                        visible: layerRows.firstResult
                        Layout.topMargin: Theme.spacing / 2
                        text: qsTr("分析结果")
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: Theme.mutedText
                    }
                    SymbolRow {
                        visible: layerRows.classes.length === 0
                        kind: layerRows.kind
                        color: layerRows.fillColor
                        outline: layerRows.outlineColor
                        pointSize: layerRows.pointSize
                        lineWidth: layerRows.lineWidth
                        text: layerRows.title
                    }
                    Repeater {
                        objectName: "legendClasses"
                        model: layerRows.classes
                        delegate: SymbolRow {
                            required property var modelData
                            kind: layerRows.kind
                            color: modelData.base ? layerRows.fillColor : modelData.color
                            outline: layerRows.outlineColor
                            pointSize: layerRows.pointSize
                            lineWidth: modelData.base ? layerRows.lineWidth : modelData.lineWidth
                            text: modelData.name
                        }
                    }
                }
            }
        }
        Text {
            objectName: "legendRoutes"
            visible: !root.collapsed && root.routes !== null && root.routes.routeCount > 0
            Layout.topMargin: Theme.spacing / 2
            text: qsTr("配送路线 %1 条：每车一色，箭头为行驶方向，\n数字为送货顺序，■ 配送中心，⊗ 未服务").arg(
                      root.routes ? root.routes.routeCount : 0)
            font.pixelSize: Theme.smallFontSize
            color: Theme.text
        }
    }
}
