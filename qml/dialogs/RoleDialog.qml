// Asks what a dropped data file is (its role in the network) before adding it as a layer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

Dialog {
    id: root
    property string file
    property var roles: []
    signal roleChosen(string file, string roleKey)

    function ask(path) {
        file = path
        open()
    }

    title: qsTr("添加图层")
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Ok | Dialog.Cancel
    onAccepted: roleChosen(file, roles[choice.currentIndex].key)

    ColumnLayout {
        Label {
            text: qsTr("文件 %1 中是什么？").arg(root.file)
            wrapMode: Text.Wrap
            Layout.maximumWidth: Theme.popupWidth * 1.5
        }
        ComboBox {
            id: choice
            Layout.fillWidth: true
            model: root.roles
            textRole: "name"
        }
    }
}
