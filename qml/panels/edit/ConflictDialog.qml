// A save refused because someone else changed the same sites in the database meanwhile: both
// versions side by side, field by field, and the choice — take the database's version, or
// overwrite it with this one knowingly. Nothing was written until the user chooses.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Dialog {
    id: dialog
    objectName: "conflictDialog"
    property EditController controller: null
    title: qsTr("保存冲突：他人已修改这些网点")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width * 0.9 : 640, 640)
    height: Math.min(parent ? parent.height * 0.8 : 480, 480)
    readonly property color differsColor: "#fff3bf"

    footer: DialogButtonBox {
        Button {
            objectName: "keepTheirsButton"
            text: qsTr("采用数据库中的版本")
            onClicked: { dialog.controller.keepTheirs(); dialog.close() }
        }
        Button {
            objectName: "overwriteButton"
            text: qsTr("用我的版本覆盖")
            onClicked: { dialog.controller.overwrite(); dialog.close() }
        }
        Button {
            text: qsTr("稍后决定")
            onClicked: dialog.close()
        }
    }

    ScrollView {
        anchors.fill: parent
        clip: true
        ColumnLayout {
            width: dialog.availableWidth
            spacing: Theme.spacing
            Repeater {
                model: dialog.controller ? dialog.controller.conflicts : []
                delegate: ColumnLayout {
                    id: conflict
                    required property var modelData
                    Layout.fillWidth: true
                    Label {
                        text: conflict.modelData.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("字段"); font.bold: true; Layout.preferredWidth: dialog.availableWidth / 4 }
                        Label { text: qsTr("您的版本"); font.bold: true; Layout.fillWidth: true }
                        Label { text: qsTr("数据库中的版本"); font.bold: true; Layout.fillWidth: true }
                    }
                    Repeater {
                        model: conflict.modelData.fields
                        delegate: RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            Label { text: modelData.field; Layout.preferredWidth: dialog.availableWidth / 4; elide: Text.ElideRight }
                            Label {
                                text: modelData.mine
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                background: Rectangle { color: modelData.differs ? dialog.differsColor : "transparent" }
                            }
                            Label {
                                text: modelData.theirs
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                background: Rectangle { color: modelData.differs ? dialog.differsColor : "transparent" }
                            }
                        }
                    }
                }
            }
        }
    }
}
