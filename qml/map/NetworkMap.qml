// The Qt Location map with every layer of the project drawn over it by C++ layer items.
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

    Connections {
        target: root.controller
        function onProjectChanged() {
            view.map.center = root.controller.center
            view.map.zoomLevel = root.controller.zoom
        }
    }
}
