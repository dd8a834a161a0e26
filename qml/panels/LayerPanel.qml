// Layers with their symbol, name and feature count; the check box shows or hides one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

Rectangle {
    id: root
    property alias model: list.model

    color: Theme.panelBackground
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            text: qsTr("图层")
            font.pixelSize: Theme.fontSize
            font.bold: true
        }

        ListView {
            id: list
            objectName: "layerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            delegate: RowLayout {
                id: row
                required property int index
                required property string title
                required property string kind
                required property int featureCount
                required property bool layerVisible
                required property color fillColor
                required property color outlineColor

                width: ListView.view.width
                height: Theme.rowHeight
                spacing: Theme.spacing

                CheckBox {
                    checked: row.layerVisible
                    onToggled: list.model.setVisible(row.index, checked)
                }
                Rectangle {
                    width: Theme.swatch
                    height: row.kind === "line" ? 3 : Theme.swatch
                    radius: row.kind === "point" ? Theme.swatch / 2 : 0
                    color: row.kind === "polygon" && row.fillColor.a === 0 ? "transparent" : row.fillColor
                    border.color: row.outlineColor
                    border.width: row.kind === "polygon" ? 2 : 0
                }
                Label {
                    Layout.fillWidth: true
                    text: row.title
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSize
                }
                Label {
                    text: row.featureCount
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
            }
        }
    }
}
