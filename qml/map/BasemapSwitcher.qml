// The basemap choice: offline (drawn from the project), imported tiles, or online; with the
// key for an online service, a tile folder / MBTiles path, and the preparation's progress.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Pane {
    id: root
    required property BasemapController basemap

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("底图")
            font.bold: true
            font.pixelSize: Theme.fontSize
        }

        // Each choice with what it is under it: a user who sees only "在线底图" cannot tell
        // that it needs a network and an address.
        Repeater {
            id: choices
            model: root.basemap.choices
            delegate: ColumnLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 0
                RadioButton {
                    objectName: "choice_" + modelData.kind
                    Layout.fillWidth: true
                    text: modelData.title
                    checked: root.basemap.kind === modelData.kind
                    // Offline needs a project; tiles and online are set up below once chosen.
                    enabled: modelData.available || modelData.kind !== "offline"
                    onClicked: root.basemap.kind = modelData.kind
                }
                Label {
                    Layout.fillWidth: true
                    leftPadding: Theme.spacing * 4
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.mutedText
                    text: modelData.description
                }
            }
        }

        RowLayout {
            visible: root.basemap.kind === "tiles"
            Layout.fillWidth: true
            TextField {
                id: source
                objectName: "tilesSource"
                Layout.fillWidth: true
                placeholderText: qsTr("瓦片目录或 .mbtiles 文件的路径")
                text: root.basemap.tilesSource
            }
            Button {
                text: qsTr("导入")
                onClicked: root.basemap.importTiles(source.text)
            }
        }

        ColumnLayout {
            visible: root.basemap.kind === "xyz"
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                font.pixelSize: Theme.smallFontSize
                color: Theme.mutedText
                text: root.basemap.urlText
            }
            TextField {
                objectName: "urlTemplate"
                Layout.fillWidth: true
                placeholderText: qsTr("瓦片地址，含 {z}、{x}、{y}，如 https://…/{z}/{x}/{y}.png")
                text: root.basemap.urlTemplate
                onEditingFinished: root.basemap.urlTemplate = text
            }
            TextField {
                objectName: "key"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("密钥（如天地图 tk），只保存在本机")
                text: root.basemap.key
                onEditingFinished: root.basemap.key = text
            }
        }

        ProgressBar {
            Layout.fillWidth: true
            visible: root.basemap.busy
            value: root.basemap.progress
        }

        Label {
            objectName: "status"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
            color: root.basemap.errorText ? Theme.errorText : Theme.mutedText
            text: root.basemap.errorText ? root.basemap.errorText : root.basemap.statusText
        }

        RowLayout {
            Button {
                text: qsTr("重新生成")
                visible: !root.basemap.busy && root.basemap.kind !== "xyz"
                onClicked: root.basemap.refresh()
            }
            Button {
                text: qsTr("取消")
                visible: root.basemap.busy
                onClicked: root.basemap.cancel()
            }
        }

        Item { Layout.fillHeight: true }
    }
}
