// What to plan and 规划路线: the stop roles (ticked from the project's routing section), the
// vehicles per centre (0: the project's number), the project's defaults in words, run / cancel
// with the job's progress, and the run's error.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: bar
    required property RoutesController controller
    spacing: Theme.spacing

    Label { text: qsTr("配送点"); font.bold: true }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: bar.controller.stopRoleChoices
            delegate: CheckBox {
                required property var modelData
                objectName: "stopRole_" + modelData.key
                text: modelData.name
                checked: bar.controller.stopRoles.indexOf(modelData.key) >= 0
                onToggled: {
                    const roles = bar.controller.stopRoles.filter((k) => k !== modelData.key)
                    if (checked) roles.push(modelData.key)
                    bar.controller.stopRoles = roles
                }
            }
        }
    }
    RowLayout {
        Label { text: qsTr("每个中心车辆数") }
        SpinBox {
            objectName: "vehiclesField"
            from: 0; to: 99; editable: true
            value: bar.controller.vehicles
            textFromValue: (v) => v === 0 ? qsTr("默认") : String(v)
            valueFromText: (t) => t === qsTr("默认") ? 0 : parseInt(t)
            onValueModified: bar.controller.vehicles = value
        }
    }
    Label {
        objectName: "defaultsLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: bar.controller.defaultsText
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }
    RowLayout {
        Button {
            objectName: "runRoutesButton"
            text: qsTr("规划路线")
            enabled: !bar.controller.running
            onClicked: bar.controller.run()
        }
        Button {
            text: qsTr("取消")
            enabled: bar.controller.running
            onClicked: bar.controller.cancel()
        }
        ProgressBar {
            Layout.fillWidth: true
            value: bar.controller.progress
            visible: bar.controller.running
        }
    }
    Label {
        objectName: "routesError"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text !== ""
        text: bar.controller.errorText
        color: Theme.errorText
        font.pixelSize: Theme.smallFontSize
    }
}
