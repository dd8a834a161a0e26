// The Qt Location map with every layer of the project drawn over it by C++ layer items,
// the names on top, and the map's furniture: legend, scale bar, north arrow.
import QtQuick
import QtQuick.Controls
import QtLocation
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    required property ProjectController controller
    property alias map: view.map
    property alias basemap: basemapController
    property alias layerItems: layerItems
    property alias labels: labels
    property alias legend: furniture.legend
    // Where the cursor is on the map, invalid when it is elsewhere.
    property var cursorCoordinate: QtPositioning.coordinate()
    // The planning panel's controller (PlanningController) while the 选址 mode is on, else null:
    // a press drops a proposed site (or takes one), a drag moves it, the what-if follows.
    property var planning: null
    readonly property bool siteMode: planning !== null
    // The edit panel's controller (EditController) while the 编辑 tab is shown, else null.
    property var editing: null
    // Delivery routes drawn over the layers (a RouteOverlay: the routes panel's, or a printed
    // map's routes file), null: none.
    property var routes: null
    // The last identify result ({} when none).
    property var identified: ({})
    // The 专题图 shown over its boundary layer (ThematicController), or null.
    property ThematicController thematic: null
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

    function closePopup() { popup.close() }

    // What is at a point of this item: fills `identified` and shows the popup.
    function identifyAt(x, y) {
        const at = view.map.toCoordinate(Qt.point(x, y), false)
        const near = view.map.toCoordinate(Qt.point(x + Theme.pickRadius, y), false)
        identified = root.controller.identify(at, near)
        popup.showAt(x, y, identified)
        return identified
    }

    // The basemap under the layers: offline tiles drawn from the project by default (no network).
    BasemapController {
        id: basemapController
        // Only while shown: a map in a closed popup (presentation mode) need not draw tiles
        // alongside the window's; when it opens, the cache the window's map made is reused.
        projectPath: root.visible ? root.controller.path : ""
    }

    BasemapView {
        id: view
        anchors.fill: parent
        basemap: basemapController
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
            center: view.map ? view.map.center : view.center
            zoomLevel: view.map ? view.map.zoomLevel : view.zoomLevel
            visible: layerVisible
            opacity: layerOpacity
            color: fillColor
            outline: outlineColor
        }
    }

    ChoroplethItem {
        id: choropleth
        objectName: "choropleth"
        anchors.fill: parent
        project: root.controller
        thematic: root.thematic
        center: view.map ? view.map.center : view.center
        zoomLevel: view.map ? view.map.zoomLevel : view.zoomLevel
        visible: active
    }
    // A count's graduated symbols, over every layer and the names: they sit on the polygons'
    // label points, where a name would hide a small one.
    ChoroplethItem {
        objectName: "choroplethSymbols"
        anchors.fill: parent
        z: 1000.5
        part: "symbols"
        project: root.controller
        thematic: root.thematic
        center: view.map ? view.map.center : view.center
        zoomLevel: view.map ? view.map.zoomLevel : view.zoomLevel
        visible: active
    }
    // Under the names, over every layer: the routes with their numbered stops.
    RouteLayerItem {
        objectName: "routeLayer"
        anchors.fill: parent
        z: 999
        overlay: root.routes
        visible: root.routes !== null
        center: view.map ? view.map.center : view.center
        zoomLevel: view.map ? view.map.zoomLevel : view.zoomLevel
    }

    LabelItem {
        id: labels
        objectName: "mapLabels"
        anchors.fill: parent
        z: 1000
        project: root.controller
        center: view.map ? view.map.center : view.center
        zoomLevel: view.map ? view.map.zoomLevel : view.zoomLevel
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

    // 选址 mode: the villages the last what-if newly covers, and the proposed sites.
    SiteLayer {
        id: siteLayer
        objectName: "siteLayer"
        anchors.fill: parent
        z: 999
        map: view.map
        planning: root.planning
    }

    // Editing: press adds, drag moves, with the snap target shown (qml/panels/edit/).
    EditOverlay {
        anchors.fill: parent
        z: 1001
        map: view.map
        controller: root.editing
        enabled: root.editing !== null && root.editing.active && !root.siteMode
        visible: enabled
    }

    MapFurniture {
        id: furniture
        anchors.fill: parent
        z: 1002
        map: view.map
        model: root.controller.layers
        routes: root.routes
        thematic: root.thematic
    }

    IdentifyPopup {
        id: popup
        objectName: "identifyPopup"
        z: 1003
    }

    Connections {
        target: root.controller
        function onFinished(ok) {
            if (!ok) return
            view.center = root.controller.center
            view.zoomLevel = root.controller.zoom
            if (!view.map) return
            view.map.center = root.controller.center
            view.map.zoomLevel = root.controller.zoom
        }
    }
}
