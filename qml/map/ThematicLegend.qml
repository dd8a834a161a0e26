// The 专题图's legend: its title, then each class's colour (or graduated symbol) and range as the
// engine labels it (ClassBreaks::labels with the unit) with how many units it holds, then the
// polygons without a value. In the map's legend, the printed page's and the 专题图 panel.
import QtQuick
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: root
    property ThematicController thematic: null
    property real symbolSize: Theme.legendSymbol
    property real fontSize: Theme.smallFontSize
    // The class rows (their `swatch`, `label`, `color`), for the printed page's legend marks.
    property alias rows: classRows
    visible: thematic !== null && thematic.shown
    spacing: 4

    Text {
        objectName: "thematicTitle"
        Layout.fillWidth: true
        Layout.maximumWidth: root.symbolSize * 14
        text: root.thematic ? root.thematic.title : ""
        font.pixelSize: root.fontSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Repeater {
        id: classRows
        objectName: "thematicClasses"
        model: root.thematic ? root.thematic.legend : null
        delegate: RowLayout {
            id: row
            required property string label
            required property color color
            required property int count
            required property real symbolSize
            required property bool noValue
            property alias swatch: swatch
            spacing: Theme.spacing
            LayerSymbol {
                id: swatch
                readonly property real side: Math.max(root.symbolSize, row.symbolSize + 4)
                implicitWidth: side
                implicitHeight: row.symbolSize > 0 ? side : root.symbolSize
                kind: row.symbolSize > 0 ? "point" : "polygon"
                color: row.color
                outline: row.symbolSize > 0 ? "#252525" : "#636363"
                pointSize: row.symbolSize
                lineWidth: 1
            }
            Text {
                objectName: "thematicLabel"
                text: row.label
                font.pixelSize: root.fontSize
                color: Theme.text
            }
            Text {
                text: qsTr("（%1）").arg(row.count)
                font.pixelSize: root.fontSize
                color: Theme.mutedText
            }
        }
    }
}
