// A north arrow; it turns with the map's bearing (always 0 here, but honest if that changes).
import QtQuick
import QtQuick.Shapes
import CoopMap

Item {
    id: root
    property real bearing: 0
    width: Theme.northArrowSize
    height: Theme.northArrowSize * 1.4

    Rectangle {
        anchors.fill: parent
        radius: 4
        color: Theme.overlayBackground
        border.color: Theme.border
    }
    Shape {
        id: arrow
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.spacing
        width: root.width * 0.5
        height: root.height * 0.55
        rotation: -root.bearing
        preferredRendererType: Shape.CurveRenderer
        ShapePath {
            strokeColor: Theme.text
            fillColor: Theme.text
            startX: arrow.width / 2; startY: 0
            PathLine { x: arrow.width; y: arrow.height }
            PathLine { x: arrow.width / 2; y: arrow.height * 0.72 }
            PathLine { x: 0; y: arrow.height }
            PathLine { x: arrow.width / 2; y: 0 }
        }
    }
    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 2
        text: qsTr("北")
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        color: Theme.text
    }
}
