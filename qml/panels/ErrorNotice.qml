// One clear message for a failed operation; it stays until dismissed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

Rectangle {
    id: root
    property string text
    signal dismissed()

    visible: text.length > 0
    width: Math.min(parent.width - 4 * Theme.spacing, message.implicitWidth + close.implicitWidth + 4 * Theme.spacing)
    height: Math.max(message.implicitHeight, close.implicitHeight) + 2 * Theme.spacing
    color: Theme.errorBackground
    border.color: Theme.errorText
    radius: 4
    z: 10

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        Label {
            id: message
            objectName: "errorMessage"
            Layout.fillWidth: true
            text: root.text
            color: Theme.errorText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSize
        }
        Button {
            id: close
            text: qsTr("关闭")
            onClicked: root.dismissed()
        }
    }
}
