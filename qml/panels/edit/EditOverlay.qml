// Sits over the map (inside NetworkMap, filling it) while a layer is being edited: a press
// adds, selects, moves or deletes a site as the panel's tool says; the village a site would
// snap to and the selected site are marked. Positions go to EditController as coordinates
// with the map's scale there; the controller snaps and edits.
import QtQuick
import QtQuick.Controls
import QtLocation
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: overlay
    // The Qt Location Map this item lies over.
    property var map: null
    property EditController controller: null
    readonly property bool editing: controller !== null && controller.active && map !== null
    readonly property color selectedColor: "#1971c2"
    readonly property color snapColor: "#e8590c"

    // Where a point of this item is on the map, and the map's metres per pixel there.
    function coordinateAt(x, y) {
        const p = overlay.mapToItem(map, x, y)
        return map.toCoordinate(Qt.point(p.x, p.y), false)
    }
    function scaleAt(x, y) {
        return controller.metresPerPixel(coordinateAt(x, y), coordinateAt(x + 10, y), 10)
    }
    function pixelOf(coordinate) {
        // The camera is read so that marks follow panning and zooming.
        if (!map || !coordinate || !coordinate.isValid) return Qt.point(-1000, -1000)
        map.center; map.zoomLevel; map.bearing; map.width; map.height
        const p = map.fromCoordinate(coordinate, false)
        return map.mapToItem(overlay, p.x, p.y)
    }

    MouseArea {
        id: mouseArea
        anchors.fill: parent
        enabled: overlay.editing
        hoverEnabled: overlay.editing && overlay.controller.tool === "add"
        cursorShape: overlay.controller && overlay.controller.tool === "add" ? Qt.CrossCursor : Qt.ArrowCursor
        // The site a press took hold of (move tool), -1 if none.
        property int site: -1
        property var dragTo: QtPositioning.coordinate()

        onPressed: (mouse) => {
            const at = overlay.coordinateAt(mouse.x, mouse.y)
            const scale = overlay.scaleAt(mouse.x, mouse.y)
            const tool = overlay.controller.tool
            if (tool === "add") {
                overlay.controller.addSite(at, scale)
                overlay.controller.clearSnap()
                return
            }
            const hit = overlay.controller.siteAt(at, scale)
            // Nothing under the press: the map below pans as usual.
            if (hit < 0) { mouse.accepted = false; return }
            overlay.controller.selected = hit
            if (tool === "delete") overlay.controller.deleteSite(hit)
            else if (tool === "move") site = hit
        }
        onPositionChanged: (mouse) => {
            const tool = overlay.controller.tool
            if (tool === "add" || site >= 0)
                dragTo = overlay.controller.snapPreview(overlay.coordinateAt(mouse.x, mouse.y),
                                                        overlay.scaleAt(mouse.x, mouse.y))
        }
        onReleased: (mouse) => {
            if (site >= 0)
                overlay.controller.moveSite(site, overlay.coordinateAt(mouse.x, mouse.y),
                                            overlay.scaleAt(mouse.x, mouse.y))
            site = -1
            dragTo = QtPositioning.coordinate()
            overlay.controller.clearSnap()
        }
        onExited: if (site < 0) overlay.controller.clearSnap()
    }

    // The selected site: a ring around its symbol.
    Rectangle {
        objectName: "selectedMark"
        readonly property point at: overlay.pixelOf(overlay.controller ? overlay.controller.selectedCoordinate : null)
        visible: overlay.editing && overlay.controller.selected >= 0
        width: Theme.spacing * 3; height: width; radius: width / 2
        x: at.x - width / 2; y: at.y - height / 2
        color: "transparent"
        border.color: overlay.selectedColor; border.width: 3
    }

    // Where a dragged site goes.
    Rectangle {
        objectName: "dragMark"
        readonly property point at: overlay.pixelOf(mouseArea.dragTo)
        visible: overlay.editing && mouseArea.site >= 0 && mouseArea.dragTo.isValid
        width: Theme.spacing * 2; height: width; radius: width / 2
        x: at.x - width / 2; y: at.y - height / 2
        color: overlay.selectedColor; opacity: 0.6
    }

    // The village a new or moved site snaps to, with its name.
    Item {
        objectName: "snapMark"
        readonly property var target: overlay.controller ? overlay.controller.snapTarget : ({})
        readonly property point at: overlay.pixelOf(target.coordinate)
        visible: overlay.editing && target.coordinate !== undefined
        x: at.x; y: at.y
        Rectangle {
            width: Theme.spacing * 4; height: width; radius: width / 2
            x: -width / 2; y: -height / 2
            color: "transparent"
            border.color: overlay.snapColor; border.width: 2
        }
        Label {
            x: Theme.spacing * 2.5; y: -height / 2
            text: parent.target.name !== undefined ? qsTr("吸附到 %1").arg(parent.target.name) : ""
            font.pixelSize: Theme.smallFontSize
            color: overlay.snapColor
            style: Text.Outline; styleColor: "white"
        }
    }
}
