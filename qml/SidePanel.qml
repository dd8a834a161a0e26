// The panels on the left of the main window: layers, admin units and the basemap, one tab each.
// Its own file for the 200-line rule; a unit chosen in the tree is passed on for the map to fly to.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Rectangle {
    id: side
    required property ProjectController controller
    required property BasemapController basemap
    signal chosen(var coordinate, var region)

    color: Theme.panelBackground
    border.color: Theme.border
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        TabBar {
            id: tabs
            objectName: "sideTabs"
            Layout.fillWidth: true
            TabButton { text: qsTr("图层") }
            TabButton { text: qsTr("行政区") }
            TabButton { text: qsTr("底图") }
        }
        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            LayerPanel { model: side.controller.layers }
            AdminTreePanel {
                controller: side.controller
                onChosen: (coordinate, region) => side.chosen(coordinate, region)
            }
            BasemapSwitcher { basemap: side.basemap }
        }
    }
}
