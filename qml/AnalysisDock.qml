// The dock on the right of the main window: the analysis and planning panels
// (qml/panels/analysis/, planning/, edit/, routes/), one tab each. Its own file for the
// 200-line rule; the map reads the panels' controllers and the tab shown from its properties.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Rectangle {
    id: dock
    required property ProjectController project
    property alias currentIndex: dockTabs.currentIndex
    // The 选址 mode is on while the planning tab is shown and its switch is checked.
    readonly property bool siteModeOn: dockTabs.currentIndex === 1 && siteMode.checked
    readonly property bool editShown: dockTabs.currentIndex === 2
    readonly property alias planning: planningPanel.controller
    // The routes drawn on the window's map and in the presentation: the plan, once there is one.
    readonly property var routeOverlay: routesPanel.controller.hasResult ? routesPanel.controller.overlay : null
    readonly property alias thematic: thematicPanel.controller
    // The window asks the edit panel about unsaved edits before closing or opening.
    readonly property alias editPanel: editPanel

    // In a narrow window the map gives way before the dock's tab titles are cut.
    Layout.minimumWidth: dockTabs.implicitWidth + 2 * Theme.spacing
    color: Theme.panelBackground
    border.color: Theme.border
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        TabBar {
            id: dockTabs
            objectName: "dockTabs"
            Layout.fillWidth: true
            DockTab { text: qsTr("覆盖"); fullName: qsTr("覆盖分析") }
            DockTab { text: qsTr("选址"); fullName: qsTr("选址规划") }
            DockTab { text: qsTr("编辑"); fullName: qsTr("编辑网点") }
            DockTab { text: qsTr("路线"); fullName: qsTr("配送路线") }
            DockTab { text: qsTr("专题"); fullName: qsTr("专题图") }
        }
        StackLayout {
            currentIndex: dockTabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollView {
                clip: true
                contentWidth: availableWidth
                CoveragePanel {
                    id: coveragePanel
                    width: parent.width
                    project: dock.project
                }
            }
            ColumnLayout {
                Switch {
                    id: siteMode
                    objectName: "siteMode"
                    Layout.fillWidth: true
                    text: qsTr("选址：在地图上点击放置网点，拖动移动")
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentWidth: availableWidth
                    PlanningPanel {
                        id: planningPanel
                        width: parent.width
                        project: dock.project
                    }
                }
            }
            ScrollView {
                clip: true
                contentWidth: availableWidth
                EditPanel {
                    id: editPanel
                    width: parent.width
                    project: dock.project
                }
            }
            ScrollView {
                clip: true
                contentWidth: availableWidth
                RoutesPanel {
                    id: routesPanel
                    width: parent.width
                    project: dock.project
                }
            }
            ScrollView {
                clip: true
                contentWidth: availableWidth
                ThematicPanel {
                    id: thematicPanel
                    width: parent.width
                    project: dock.project
                }
            }
        }
    }
    // Edits restored after a killed window are shown where they can be checked and saved.
    Connections {
        target: editPanel.restoreDialog
        function onRestored() { dockTabs.currentIndex = 2 }
    }
}
