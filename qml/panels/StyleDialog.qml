// The style of one role (colour and size), applied to every layer of that role.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap

Dialog {
    id: root
    property var layers
    property int row: -1
    property color chosenColor: "gray"

    function edit(model, r) {
        layers = model
        row = r
        const layer = model.get(r)
        chosenColor = layer.kind === "polygon" && layer.fillColor.a === 0 ? layer.outlineColor : layer.fillColor
        size.value = layer.kind === "point" ? layer.pointSize : Math.max(1, Math.round(layer.lineWidth))
        open()
    }

    title: row >= 0 && layers ? qsTr("样式：%1").arg(layers.title(row)) : ""
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Ok | Dialog.Cancel
    onAccepted: layers.setStyle(row, chosenColor, size.value)

    ColorDialog {
        id: colors
        selectedColor: root.chosenColor
        onAccepted: root.chosenColor = selectedColor
    }
    GridLayout {
        columns: 2
        Label { text: qsTr("颜色") }
        Button {
            text: root.chosenColor.toString()
            icon.color: root.chosenColor
            onClicked: colors.open()
            background: Rectangle { color: root.chosenColor; radius: 3; border.color: Theme.border }
        }
        Label { text: qsTr("大小 / 线宽（像素）") }
        SpinBox {
            id: size
            from: 1
            to: 40
            editable: true
        }
    }
}
