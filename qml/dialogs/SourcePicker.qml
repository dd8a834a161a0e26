// What the new project (or the data being added) is made of: the files and folders chosen so
// far, and the buttons that choose more (files, or a whole folder the office sent).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

RowLayout {
    id: root
    required property NewProjectController controller
    spacing: Theme.spacing

    Label {
        objectName: "pathsText"
        Layout.fillWidth: true
        text: root.controller.paths.length === 0
              ? qsTr("请选择县里送来的数据：文件夹、压缩包（.zip）、Shapefile、Excel、CSV、GeoJSON、KML 或 GeoPackage")
              : qsTr("数据：%1").arg(root.controller.paths.join("；"))
        elide: Text.ElideMiddle
        color: root.controller.paths.length === 0 ? Theme.mutedText : Theme.text
    }
    Button {
        objectName: "addFilesButton"
        text: qsTr("选择文件…")
        enabled: !root.controller.busy
        onClicked: files.open()
    }
    Button {
        objectName: "addFolderButton"
        text: qsTr("选择文件夹…")
        enabled: !root.controller.busy
        onClicked: folder.open()
    }

    FileDialog {
        id: files
        title: qsTr("选择数据文件")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("空间数据 (*.zip *.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.xls)"),
                      qsTr("所有文件 (*)")]
        onAccepted: root.controller.addPaths(selectedFiles)
    }
    FolderDialog {
        id: folder
        title: qsTr("选择数据文件夹")
        onAccepted: root.controller.addPaths([selectedFolder])
    }
}
