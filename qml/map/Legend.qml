// The legend: each shown layer's symbol, drawn by the same code as the map, and its title.
import QtQuick
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Rectangle {
    id: root
    property alias model: rows.model
    // Rows shown: the column's visible children less its title and the Repeater itself.
    readonly property int shownCount: column.visibleChildren.length - 2

    width: column.implicitWidth + 2 * Theme.spacing
    height: column.implicitHeight + 2 * Theme.spacing
    radius: 4
    color: Theme.overlayBackground
    border.color: Theme.border

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        spacing: 4
        Text {
            text: qsTr("图例")
            font.pixelSize: Theme.fontSize
            font.bold: true
            color: Theme.text
        }
        Repeater {
            id: rows
            delegate: RowLayout {
                required property string title
                required property string kind
                required property bool layerVisible
                required property color fillColor
                required property color outlineColor
                required property real pointSize
                required property real lineWidth
                visible: layerVisible
                spacing: Theme.spacing
                LayerSymbol {
                    implicitWidth: Theme.legendSymbol
                    implicitHeight: Theme.legendSymbol
                    kind: parent.kind
                    color: parent.fillColor
                    outline: parent.outlineColor
                    pointSize: parent.pointSize
                    lineWidth: parent.lineWidth
                }
                Text {
                    text: parent.title
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                }
            }
        }
    }
}
