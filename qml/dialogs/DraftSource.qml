// The left of a draft row: which file (and zip, and layer in it), what geometry and how many
// features were read, the layer's name (editable), and why it cannot be read if it cannot.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap

ColumnLayout {
    id: root
    property string file
    property string kind
    property int featureCount
    property string title
    property string readError
    signal titleEdited(string title)

    readonly property var kindNames: ({ point: qsTr("点"), line: qsTr("线"), polygon: qsTr("面") })

    Label {
        Layout.fillWidth: true
        text: root.file
        font.bold: true
        font.pixelSize: Theme.fontSize
        wrapMode: Text.WrapAnywhere
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("%1 · %2 个要素").arg(root.kindNames[root.kind] || root.kind).arg(root.featureCount)
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }
    TextField {
        objectName: "titleField"
        Layout.fillWidth: true
        text: root.title
        placeholderText: qsTr("图层名称")
        onEditingFinished: if (text !== root.title) root.titleEdited(text)
    }
    Label {
        objectName: "readError"
        visible: root.readError.length > 0
        Layout.fillWidth: true
        text: root.readError
        color: Theme.errorText
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFontSize
    }
}
