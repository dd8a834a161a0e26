// Running the suggestion: 推荐选址 / 取消 / 清空 with the job's progress, and what the run said
// (its error, or what it suggested) under it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: bar
    required property PlanningController controller
    spacing: Theme.spacing

    RowLayout {
        Button {
            objectName: "suggestButton"
            text: qsTr("推荐选址")
            enabled: !bar.controller.running
            onClicked: bar.controller.suggest()
        }
        Button {
            text: qsTr("取消")
            enabled: bar.controller.running
            onClicked: bar.controller.cancel()
        }
        Button {
            text: qsTr("清空")
            enabled: !bar.controller.running && bar.controller.sites.count > 0
            onClicked: bar.controller.clearSites()
        }
        ProgressBar {
            Layout.fillWidth: true
            value: bar.controller.progress
            visible: bar.controller.running
        }
    }

    Label {
        objectName: "messageLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text !== ""
        text: bar.controller.errorText !== "" ? bar.controller.errorText : bar.controller.suggestionText
        color: bar.controller.errorText !== "" ? Theme.errorText : Theme.text
        font.pixelSize: Theme.smallFontSize
    }
}
