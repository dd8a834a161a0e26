// The stops no vehicle could take, each with the engine's reason and what to change. A click
// picks one for the move bar; dragging a row onto a route of the list above adds it there where
// its km grow least (refused, with the reason, when it breaks the route's load, a window or the shift).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: list
    required property RoutesController controller
    property int selectedStop: -1
    signal picked(int stop)
    visible: list.controller.unserved.count > 0
    spacing: 1

    Label {
        objectName: "unservedTitle"
        text: qsTr("未服务的配送点（%1 个，可拖到路线上加入）").arg(list.controller.unserved.count)
        font.bold: true
        color: Theme.errorText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    Repeater {
        model: list.controller.unserved
        delegate: Item {
            id: slot
            required property int index
            required property int stop
            required property string name
            required property string code
            required property string reason
            Layout.fillWidth: true
            implicitHeight: line.implicitHeight + Theme.spacing / 2

            Rectangle {
                id: card
                objectName: "unservedRow" + slot.index
                // What a drop on a route reads.
                readonly property int stop: slot.stop
                width: slot.width
                height: slot.height
                color: dragArea.drag.active ? "#fff3cd" : list.selectedStop === slot.stop ? "#e8eef6" : "transparent"
                border.color: dragArea.drag.active ? Theme.border : "transparent"
                z: dragArea.drag.active ? 100 : 0
                Drag.active: dragArea.drag.active
                Drag.keys: ["coopmap/route-stop"]
                Drag.hotSpot.x: width / 4
                Drag.hotSpot.y: height / 2

                Label {
                    id: line
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing / 2
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                    text: qsTr("%1（%2）：%3").arg(slot.name).arg(slot.code).arg(slot.reason)
                    font.pixelSize: Theme.smallFontSize
                }
                MouseArea {
                    id: dragArea
                    anchors.fill: parent
                    drag.target: card
                    drag.axis: Drag.YAxis
                    cursorShape: drag.active ? Qt.ClosedHandCursor : Qt.OpenHandCursor
                    onClicked: list.picked(slot.stop)
                    onReleased: {
                        if (drag.active) card.Drag.drop()
                        card.x = 0
                        card.y = 0
                    }
                }
            }
        }
    }
}
