// Moving the picked stop without dragging: to a chosen route (where its km grow least) or onto
// a new vehicle of its centre; a vehicle added to the selected route's centre, an empty one
// removed; the last step undone. A refused move says which stop breaks what, and the plan stays as it was.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: bar
    required property RoutesController controller
    property int stop: -1
    // The centre of the selected route, for 派新车 and 添加车辆.
    readonly property int depot: bar.controller.hasResult ? bar.controller.depotOfRoute(bar.controller.selectedRoute) : -1
    spacing: Theme.spacing / 2

    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: target
            objectName: "targetRouteBox"
            Layout.fillWidth: true
            model: bar.controller.routes
            textRole: "label"
        }
        Button {
            objectName: "moveStopButton"
            text: qsTr("移到该车")
            enabled: bar.stop >= 0 && target.currentIndex >= 0
            onClicked: bar.controller.moveStop(bar.stop, target.currentIndex, -1)
        }
    }
    RowLayout {
        Button {
            objectName: "newVehicleButton"
            text: qsTr("派新车")
            enabled: bar.stop >= 0 && bar.depot >= 0
            onClicked: bar.controller.moveStopToNewVehicle(bar.stop, bar.depot)
        }
        Button {
            objectName: "addVehicleButton"
            text: qsTr("添加车辆")
            enabled: bar.depot >= 0
            onClicked: bar.controller.addVehicle(bar.depot)
        }
        Button {
            objectName: "removeVehicleButton"
            text: qsTr("删除空车")
            enabled: bar.controller.selectedRoute >= 0 && bar.controller.stops.count === 0
            onClicked: bar.controller.removeVehicle(bar.controller.selectedRoute)
        }
        Button {
            objectName: "undoButton"
            text: qsTr("撤销")
            enabled: bar.controller.canUndo
            onClicked: bar.controller.undo()
        }
    }
    Label {
        objectName: "moveMessage"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text !== ""
        text: bar.controller.message
        color: Theme.errorText
        font.pixelSize: Theme.smallFontSize
    }
}
