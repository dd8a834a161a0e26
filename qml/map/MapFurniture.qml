// The network map's furniture over the layers: north arrow, scale bar, legend. Its own file
// for the 200-line rule; fills the map and takes no input itself.
import QtQuick
import CoopMap
import CoopMap.Backend

Item {
    id: furniture
    // The map's Map item (null until the plugin has made it).
    property var map: null
    property alias model: legend.model
    property alias routes: legend.routes
    property alias thematic: legend.thematic
    property alias legend: legend

    MapCoordinates { id: coordinates }

    NorthArrow {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.spacing * 2
        bearing: furniture.map ? furniture.map.bearing : 0
    }

    ScaleBar {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
        map: furniture.map
        coordinates: coordinates
    }

    Legend {
        id: legend
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
    }
}
