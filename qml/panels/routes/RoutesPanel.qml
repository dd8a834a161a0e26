// The delivery routes panel (issue 18): which stops, the fleet (the project's routing defaults
// unless changed), 规划路线 with progress and cancel; the routes with their colours on the map,
// the totals beside the same stops served township by township and the saving; the stops of
// the selected route and those no vehicle could take, which can be dragged onto a route (or
// moved with the bar below), a vehicle added, the last step undone. Every figure is RoutesController's, i.e. the engine's.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: panel
    objectName: "routesPanel"
    required property ProjectController project
    property alias controller: routes
    // The stop picked in the list (an index into the run's stops), -1: none.
    property int selectedStop: -1
    spacing: Theme.spacing

    RoutesController {
        id: routes
        project: panel.project
        onFinished: panel.selectedStop = -1
    }

    RouteRunBar {
        Layout.fillWidth: true
        controller: routes
    }
    RouteTotals {
        Layout.fillWidth: true
        controller: routes
        visible: routes.hasResult
    }
    Label {
        text: qsTr("路线（点击查看，把配送点或未服务的点拖到路线上即可改派）")
        visible: routes.hasResult
        font.bold: true
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    RouteList {
        Layout.fillWidth: true
        controller: routes
    }
    RouteMoveBar {
        Layout.fillWidth: true
        controller: routes
        stop: panel.selectedStop
        visible: routes.hasResult
    }
    // Above the selected route's stops, so that a short drag reaches the routes: the stops left
    // over are few, a route's stops many.
    UnservedStops {
        Layout.fillWidth: true
        controller: routes
        selectedStop: panel.selectedStop
        onPicked: (stop) => panel.selectedStop = stop
    }
    RouteStops {
        Layout.fillWidth: true
        controller: routes
        selectedStop: panel.selectedStop
        onPicked: (stop) => panel.selectedStop = stop
    }
    // The plan as it stands, edits included: the same writers as coopmap-cli routes --sheet / --out.
    Button {
        objectName: "exportRoutesButton"
        text: qsTr("导出路线单或路线图层…")
        visible: routes.hasResult
        onClicked: exportDialog.open()
    }
    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("路线单 Excel (*.xlsx)"), qsTr("GeoPackage (*.gpkg)")]
        defaultSuffix: ["xlsx", "gpkg"][Math.max(0, selectedNameFilter.index)]
        onAccepted: routes.exportRoutes(panel.project.localPath(selectedFile))
    }
}
