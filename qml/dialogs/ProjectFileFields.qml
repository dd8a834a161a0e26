// The new project's name and the file it is written to: beside the data by default, or a
// file chosen with 浏览… (whose dialog asks before replacing an existing one).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

GridLayout {
    id: root
    required property NewProjectController controller
    readonly property alias path: file.text
    // The file was chosen in the save dialog, which already asked about replacing it.
    property bool replaceConfirmed: false

    // Back to the suggestion after the paths change (a new dialog session).
    function reset() {
        file.text = Qt.binding(() => root.controller.suggestedPath)
        replaceConfirmed = false
    }

    columns: 3
    columnSpacing: Theme.spacing

    Label { text: qsTr("项目名称") }
    TextField {
        objectName: "projectName"
        Layout.columnSpan: 2
        Layout.fillWidth: true
        text: root.controller.name
        placeholderText: root.controller.defaultName || qsTr("不填则按文件夹命名")
        onTextEdited: root.controller.name = text
    }
    Label { text: qsTr("保存到") }
    TextField {
        id: file
        objectName: "projectFile"
        Layout.fillWidth: true
        text: root.controller.suggestedPath
        placeholderText: qsTr("项目文件 *.coopmap")
        onTextEdited: root.replaceConfirmed = false
    }
    Button {
        text: qsTr("浏览…")
        onClicked: saveDialog.open()
    }

    FileDialog {
        id: saveDialog
        title: qsTr("保存新项目")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "coopmap"
        nameFilters: [qsTr("CoopMap 项目 (*.coopmap)")]
        onAccepted: {
            file.text = root.controller.localPath(selectedFile)
            root.replaceConfirmed = true
        }
    }
}
