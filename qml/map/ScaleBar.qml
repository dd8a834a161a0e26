// A scale bar of a round length; the metres come from the engine's geodesic distance.
import QtQuick
import CoopMap
import CoopMap.Backend

Item {
    id: root
    required property var map
    required property MapCoordinates coordinates
    readonly property int maxPixels: Theme.scaleBarWidth
    property var bar: ({})

    function refresh() {
        const y = map.height / 2
        bar = coordinates.scaleBar(map.toCoordinate(Qt.point(map.width / 2 - 50, y), false),
                                   map.toCoordinate(Qt.point(map.width / 2 + 50, y), false), 100, maxPixels)
    }
    Connections {
        target: root.map
        function onZoomLevelChanged() { root.refresh() }
        function onCenterChanged() { root.refresh() }
        function onWidthChanged() { root.refresh() }
    }
    Component.onCompleted: refresh()

    width: (bar.pixels || 0) + 2 * Theme.spacing
    height: label.height + 3 * Theme.spacing
    visible: bar.pixels !== undefined

    Rectangle {
        anchors.fill: parent
        radius: 4
        color: Theme.overlayBackground
        border.color: Theme.border
    }
    Text {
        id: label
        objectName: "scaleText"
        x: Theme.spacing
        y: Theme.spacing / 2
        text: root.bar.text || ""
        font.pixelSize: Theme.smallFontSize
        color: Theme.text
    }
    Rectangle {
        x: Theme.spacing
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        width: root.bar.pixels || 0
        height: 4
        color: Theme.text
    }
}
