// The Qt Location map with every layer of the project drawn over it by C++ layer items,
// the names on top, and the map's furniture: legend, scale bar, north arrow.
import QtQuick
import QtLocation
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    required property ProjectController controller
    property alias map: view.map
    property alias layerItems: layerItems
    property alias labels: labels
    property alias legend: legend
    // Where the cursor is on the map, invalid when it is elsewhere.
    property var cursorCoordinate: QtPositioning.coordinate()
    // The last identify result ({} when none).
    property var identified: ({})
    // Layer pictures are drawn with a margin beyond the map's edge; keep it off the panels.
    clip: true

    // Centres the map on a search result or admin unit: a region is fitted, a point zoomed to.
    function flyTo(coordinate, region) {
        if (region && region.isValid)
            view.map.fitViewportToGeoShape(region, Theme.spacing * 4)
        else
            view.map.zoomLevel = Math.max(view.map.zoomLevel, 13)
        view.map.center = coordinate
    }

    // What is at a point of this item: fills `identified` and shows the popup.
    function identifyAt(x, y) {
        const at = view.map.toCoordinate(Qt.point(x, y), false)
        const near = view.map.toCoordinate(Qt.point(x + Theme.pickRadius, y), false)
        identified = root.controller.identify(at, near)
        popup.showAt(x, y, identified)
        return identified
    }

    MapView {
        id: view
        anchors.fill: parent
        map.color: Theme.mapBackground
        map.plugin: Plugin {
            name: "osm"
            // No network is needed: the provider list is not fetched.
            PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
        }
        // The basemap is drawn from the project's own layers, not OpenStreetMap's tiles.
        map.copyrightsVisible: false
        map.tilt: 0
        map.maximumTilt: 0
        map.bearing: 0
    }

    Repeater {
        id: layerItems
        model: root.controller.layers
        delegate: NetworkLayerItem {
            required property int index
            required property bool layerVisible
            required property real layerOpacity
            required property color fillColor
            required property color outlineColor
            required pointSize
            required lineWidth

            anchors.fill: parent
            z: index
            project: root.controller
            layerIndex: index
            center: view.map.center
            zoomLevel: view.map.zoomLevel
            visible: layerVisible
            opacity: layerOpacity
            color: fillColor
            outline: outlineColor
        }
    }

    LabelItem {
        id: labels
        objectName: "mapLabels"
        anchors.fill: parent
        z: 1000
        project: root.controller
        center: view.map.center
        zoomLevel: view.map.zoomLevel
    }

    Item {
        anchors.fill: parent
        z: 1001
        HoverHandler {
            onPointChanged: root.cursorCoordinate = view.map.toCoordinate(point.position, false)
            onHoveredChanged: if (!hovered) root.cursorCoordinate = QtPositioning.coordinate()
        }
        TapHandler {
            onTapped: (eventPoint) => root.identifyAt(eventPoint.position.x, eventPoint.position.y)
        }
    }

    MapCoordinates { id: coordinates }

    NorthArrow {
        z: 1002
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.spacing * 2
        bearing: view.map.bearing
    }

    ScaleBar {
        z: 1002
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
        map: view.map
        coordinates: coordinates
    }

    Legend {
        id: legend
        z: 1002
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
        model: root.controller.layers
    }

    IdentifyPopup {
        id: popup
        z: 1003
    }

    Connections {
        target: root.controller
        function onFinished(ok) {
            if (!ok) return
            view.map.center = root.controller.center
            view.map.zoomLevel = root.controller.zoom
        }
    }
}
