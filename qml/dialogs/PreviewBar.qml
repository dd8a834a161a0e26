// Shown over the map while the dialog's layers are previewed on it, the dialog put away:
// back to the dialog, or straight on to save (or add) what is shown.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

Popup {
    id: root
    property int layerCount: 0
    property string commitText
    signal backRequested()
    signal commitRequested()
    signal discardRequested()

    x: (parent ? parent.width - width : 0) / 2
    y: Theme.spacing * 2
    padding: Theme.spacing
    closePolicy: Popup.NoAutoClose
    modal: false
    background: Rectangle {
        color: Theme.overlayBackground
        border.color: Theme.border
        radius: 4
    }

    RowLayout {
        spacing: Theme.spacing
        Label {
            text: qsTr("正在预览 %1 个图层（未保存）").arg(root.layerCount)
            font.pixelSize: Theme.fontSize
        }
        Button {
            objectName: "backButton"
            text: qsTr("返回修改")
            onClicked: root.backRequested()
        }
        Button {
            objectName: "commitButton"
            text: root.commitText
            highlighted: true
            onClicked: root.commitRequested()
        }
        Button {
            text: qsTr("取消")
            onClicked: root.discardRequested()
        }
    }
}
