// A MapView whose osm Plugin takes its parameters from a BasemapController. A Plugin's
// parameters are fixed once the Map has it, so the MapView is made again (keeping the
// camera) whenever the controller's revision changes.
import QtQuick
import QtLocation
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    required property BasemapController basemap
    // The current MapView and its Map; both change when the basemap changes.
    readonly property MapView mapView: loader.item
    readonly property Map map: loader.item ? loader.item.map : null
    // Kept across basemap changes.
    property geoCoordinate center: QtPositioning.coordinate(32.0, 112.1)
    property real zoomLevel: 9

    function parameter(name) {
        const v = root.basemap.pluginParameters[name]
        return v === undefined ? "" : v
    }

    Loader {
        id: loader
        anchors.fill: parent
        sourceComponent: view
        Connections {
            target: root.basemap
            function onRevisionChanged() {
                if (root.map) {
                    root.center = root.map.center
                    root.zoomLevel = root.map.zoomLevel
                }
                loader.sourceComponent = null
                loader.sourceComponent = view
            }
        }
    }

    Component {
        id: view
        MapView {
            map.color: Theme.mapBackground
            map.copyrightsVisible: false
            map.tilt: 0
            map.maximumTilt: 0
            map.bearing: 0
            map.plugin: Plugin {
                name: "osm"
                PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
                PluginParameter { name: "osm.mapping.custom.host"; value: root.parameter(name) }
                PluginParameter { name: "osm.mapping.offline.directory"; value: root.parameter(name) }
                PluginParameter { name: "osm.mapping.cache.directory"; value: root.parameter(name) }
                PluginParameter { name: "osm.mapping.custom.mapcopyright"; value: root.parameter(name) }
                PluginParameter { name: "osm.mapping.custom.datacopyright"; value: root.parameter(name) }
            }
            Component.onCompleted: {
                map.center = root.center
                map.zoomLevel = root.zoomLevel
                // The map type made from osm.mapping.custom.host (Qt Location 6.8: map id 8).
                const types = map.supportedMapTypes
                for (let i = 0; i < types.length; ++i)
                    if (types[i].style === MapType.CustomMap)
                        map.activeMapType = types[i]
            }
        }
    }
}
