// The main window's status bar: what the project holds or how far loading is, the coordinates
// under the cursor. Its own file for the 200-line rule.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ToolBar {
    id: bar
    required property ProjectController controller
    // Where the cursor is over the map; invalid when it is off the map.
    property var cursorCoordinate

    MapCoordinates { id: readout }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        Label {
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: bar.controller.loading ? qsTr("正在加载图层…") : bar.controller.summary
        }
        Label {
            objectName: "cursorText"
            visible: bar.cursorCoordinate.isValid
            text: readout.wgs84Text(bar.cursorCoordinate) + "   " +
                  readout.gaussKrugerText(bar.cursorCoordinate)
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
        ProgressBar {
            visible: bar.controller.loading
            value: bar.controller.progress
        }
        Button {
            visible: bar.controller.loading
            text: qsTr("取消")
            onClicked: bar.controller.cancel()
        }
    }
}
