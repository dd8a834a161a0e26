// 选址 mode over the network map: the villages the last what-if newly covers, and the proposed
// sites; a press drops a site (or takes one), a drag moves it. Its own file for the 200-line rule.
import QtQuick
import QtQuick.Controls
import QtLocation
import CoopMap
import CoopMap.Backend

Item {
    id: layer
    // The map's Map item, for coordinates under the mouse and pixels of coordinates.
    property var map: null
    // The planning panel's controller (PlanningController) while the 选址 mode is on, else null.
    property var planning: null
    readonly property bool siteMode: planning !== null
    // Not a layer role's colour, so the 选址 marks stand out from every symbol of the legend.
    readonly property color newlyCoveredColor: "#f08c00"
    readonly property color proposedSiteColor: "#c2255c"

    // Screen position of a coordinate; depends on the camera so bindings follow pans and zooms.
    function pixelOf(coordinate) {
        if (!layer.map) return Qt.point(-100, -100)
        void layer.map.center
        void layer.map.zoomLevel
        void layer.map.width
        void layer.map.height
        return layer.map.fromCoordinate(coordinate, false)
    }

    visible: siteMode
    Repeater {
        id: highlighted
        model: layer.planning ? layer.planning.highlight : []
        delegate: Rectangle {
            required property var modelData
            readonly property point at: layer.pixelOf(modelData)
            width: Theme.spacing * 2; height: width; radius: width / 2
            x: at.x - width / 2; y: at.y - height / 2
            color: layer.newlyCoveredColor
            border.color: "white"
        }
    }
    Repeater {
        id: proposed
        model: layer.planning ? layer.planning.sites : null
        delegate: Item {
            required property var coordinate
            required property string name
            readonly property point at: layer.pixelOf(coordinate)
            x: at.x; y: at.y
            Rectangle {
                width: Theme.spacing * 3; height: width; rotation: 45
                x: -width / 2; y: -height / 2
                color: layer.proposedSiteColor
                border.color: "white"; border.width: 2
            }
            Label {
                x: Theme.spacing * 2; y: -height / 2
                text: name
                font.pixelSize: Theme.smallFontSize
                style: Text.Outline; styleColor: "white"
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        enabled: layer.siteMode
        cursorShape: Qt.CrossCursor
        property int site: -1
        function at(mouse) { return layer.map.toCoordinate(Qt.point(mouse.x, mouse.y), false) }
        onPressed: (mouse) => {
            if (!layer.map) return
            const near = layer.map.toCoordinate(Qt.point(mouse.x + Theme.pickRadius, mouse.y), false)
            site = layer.planning.siteAt(at(mouse), near)
            if (site < 0) site = layer.planning.dropSite(at(mouse))
        }
        onPositionChanged: (mouse) => { if (site >= 0 && layer.map) layer.planning.moveSite(site, at(mouse)) }
        onReleased: site = -1
    }
}
