// The clicked feature's layer, name and every attribute, next to where it was clicked.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

Popup {
    id: root
    property var feature: ({})

    function showAt(px, py, found) {
        feature = found
        if (!found.layerId) { close(); return }
        x = Math.min(px + Theme.spacing, parent.width - width - Theme.spacing)
        y = Math.min(py + Theme.spacing, parent.height - height - Theme.spacing)
        open()
    }

    width: Theme.popupWidth
    padding: Theme.spacing
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    contentItem: ColumnLayout {
        spacing: 4
        Label {
            objectName: "identifyName"
            Layout.fillWidth: true
            text: root.feature.name || qsTr("（无名称）")
            font.pixelSize: Theme.fontSize
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            text: root.feature.layerTitle || ""
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
        Repeater {
            model: root.feature.attributes || []
            delegate: RowLayout {
                required property var modelData
                Layout.fillWidth: true
                Label {
                    text: parent.modelData.name
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                    Layout.preferredWidth: Theme.popupWidth * 0.4
                    elide: Text.ElideRight
                }
                Label {
                    text: parent.modelData.value
                    font.pixelSize: Theme.smallFontSize
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }
        }
    }
}
