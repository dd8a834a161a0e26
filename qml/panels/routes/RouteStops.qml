// The selected route's stops in driving order: number, name, arrival and load after the stop.
// A click picks a stop for the move bar; dragging a row onto a route of the list above moves it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: stops
    required property RoutesController controller
    property int selectedStop: -1
    signal picked(int stop)
    spacing: 1

    Label {
        visible: stops.controller.stops.count > 0
        text: qsTr("所选路线的配送点（%1 个）").arg(stops.controller.stops.count)
        font.bold: true
    }
    Repeater {
        model: stops.controller.stops
        delegate: Item {
            id: slot
            required property int index
            required property int stop
            required property int seq
            required property string name
            required property string arrival
            required property string window
            required property string load
            Layout.fillWidth: true
            implicitHeight: Theme.rowHeight

            Rectangle {
                id: card
                objectName: "stopRow" + slot.index
                // What a drop on a route reads.
                readonly property int stop: slot.stop
                width: slot.width
                height: slot.height
                color: dragArea.drag.active ? "#fff3cd" : stops.selectedStop === slot.stop ? "#e8eef6" : "transparent"
                border.color: dragArea.drag.active ? Theme.border : "transparent"
                z: dragArea.drag.active ? 100 : 0
                Drag.active: dragArea.drag.active
                Drag.keys: ["coopmap/route-stop"]
                Drag.hotSpot.x: width / 4
                Drag.hotSpot.y: height / 2

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing / 2
                    Label { text: slot.seq; font.bold: true; Layout.preferredWidth: Theme.indent }
                    Label { Layout.fillWidth: true; elide: Text.ElideRight; text: slot.name }
                    Label {
                        text: slot.window === "" ? qsTr("%1 到  余 %2").arg(slot.arrival).arg(slot.load)
                                                 : qsTr("%1 到（%2）").arg(slot.arrival).arg(slot.window)
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.mutedText
                    }
                }
                MouseArea {
                    id: dragArea
                    anchors.fill: parent
                    drag.target: card
                    drag.axis: Drag.YAxis
                    onClicked: stops.picked(slot.stop)
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
