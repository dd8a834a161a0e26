// The stops no vehicle could take, each with the engine's reason and what to change.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: list
    required property RoutesController controller
    visible: list.controller.unserved.count > 0
    spacing: 1

    Label {
        objectName: "unservedTitle"
        text: qsTr("未服务的配送点（%1 个）").arg(list.controller.unserved.count)
        font.bold: true
        color: Theme.errorText
    }
    Repeater {
        model: list.controller.unserved
        delegate: Label {
            required property string name
            required property string code
            required property string reason
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("%1（%2）：%3").arg(name).arg(code).arg(reason)
            font.pixelSize: Theme.smallFontSize
        }
    }
}
