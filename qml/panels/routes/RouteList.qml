// One row per vehicle route: its map colour, depot and vehicle, stops, km and cost. A click
// selects it (its stops are listed below and it is drawn on top); a stop dropped on a row goes to
// that route where its km grow least. A few rows high, scrolling: a city plans dozens of routes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ListView {
    id: list
    required property RoutesController controller
    spacing: 1
    clip: true
    implicitHeight: Math.min(count, Theme.visibleRows) * (Theme.rowHeight + spacing)
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    model: list.controller.routes

    delegate: Rectangle {
        id: row
        required property int index
        required property string label
        required property color routeColor
        required property int stops
        required property real km
        required property real cost
        required property string load
        required property string times
        objectName: "routeRow" + index
        width: ListView.view.width
        height: Theme.rowHeight
        color: drop.containsDrag ? Qt.lighter(routeColor, 1.8)
             : list.controller.selectedRoute === index ? "#e8eef6" : "transparent"
        border.color: drop.containsDrag ? routeColor : "transparent"

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing / 2
            anchors.rightMargin: Theme.spacing / 2
            Rectangle {
                width: Theme.swatch; height: Theme.swatch / 2
                color: row.routeColor
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: row.label
            }
            Label {
                text: qsTr("%1 点 %2 公里 %3 元").arg(row.stops).arg(row.km.toFixed(1)).arg(row.cost.toFixed(0))
                font.pixelSize: Theme.smallFontSize
                color: Theme.mutedText
            }
        }
        ToolTip.visible: hover.hovered
        ToolTip.text: qsTr("%1，装车 %2").arg(row.times).arg(row.load)
        HoverHandler { id: hover }
        TapHandler { onTapped: list.controller.selectedRoute = row.index }
        DropArea {
            id: drop
            anchors.fill: parent
            keys: ["coopmap/route-stop"]
            // After the drop has returned: the move rebuilds the rows the drag came from.
            onDropped: (event) => {
                event.accept()
                Qt.callLater(list.controller.moveStop, event.source.stop, row.index, -1)
            }
        }
    }
}
