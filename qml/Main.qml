// The main window: menus, the panels on the left (layers, admin units), the network map
// with its search box, a dock on the right for analysis and planning panels, a status bar.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ApplicationWindow {
    id: window
    required property ProjectController controller
    // Set when the window is only drawn to a PNG (coopmap --render): no notices over the map.
    property bool snapshot: false

    width: 1600
    height: 1000
    visible: true
    // Unsaved edits are asked about before the window closes or another project opens.
    function openProject(path) {
        analysisDock.editPanel.unsavedDialog.ask(() => window.controller.open(path))
    }
    onClosing: (close) => {
        if (!analysisDock.editPanel.controller.dirty) return
        close.accepted = false
        analysisDock.editPanel.unsavedDialog.ask(() => {
            analysisDock.editPanel.controller.discard()
            window.close()
        })
    }
    title: controller.name ? controller.name + qsTr(" — 供销服务网络一张图") : qsTr("供销服务网络一张图")

    menuBar: MainMenu {
        controller: window.controller
        onNewProjectRequested: newProject.startNew([])
        onOpenRequested: openDialog.open()
        onOpenPathRequested: (path) => window.openProject(path)
        onSaveAsRequested: saveDialog.open()
        onAddDataRequested: dataDialog.open()
        onSettingsRequested: settings.open()
        onPresentRequested: {
            // An identify popup of the window would stay on top of the slides.
            networkMap.closePopup()
            presentation.start()
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        SidePanel {
            Layout.preferredWidth: Theme.panelWidth
            Layout.fillHeight: true
            controller: window.controller
            basemap: networkMap.basemap
            onChosen: (coordinate, region) => networkMap.flyTo(coordinate, region)
        }

        NetworkMap {
            id: networkMap
            objectName: "networkMap"
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: window.controller
            thematic: analysisDock.thematic
            planning: analysisDock.siteModeOn ? analysisDock.planning : null
            editing: analysisDock.editShown ? analysisDock.editPanel.controller : null
            routes: analysisDock.routeOverlay

            // Under the search box, clear of the north arrow, the scale bar and the legend.
            YearControl {
                objectName: "yearControl"
                z: 2000
                x: Theme.spacing * 2
                anchors.top: searchBox.bottom
                anchors.topMargin: Theme.spacing
                years: years
                canReport: true
                onReportRequested: yearReportDialog.open()
            }

            SearchBox {
                id: searchBox
                z: 2000
                x: Theme.spacing * 2
                y: Theme.spacing * 2
                width: Theme.searchWidth
                controller: window.controller
                onChosen: (r) => networkMap.flyTo(r.coordinate, r.region)
            }
        }

        AnalysisDock {
            id: analysisDock
            objectName: "analysisDock"
            Layout.preferredWidth: Theme.panelWidth
            Layout.fillHeight: true
            project: window.controller
        }
    }

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            // Onto an open project the files are added, onto an empty window they start one.
            if (!drop.hasUrls) return
            if (window.controller.path) newProject.startAdding(drop.urls)
            else newProject.startNew(drop.urls)
        }
    }

    NewProjectDialog {
        id: newProject
        objectName: "newProjectDialog"
        project: window.controller
        beforeOpen: (go) => analysisDock.editPanel.unsavedDialog.ask(go)
        onPreviewShown: (region) => { if (region.isValid) networkMap.flyTo(region.center, region) }
    }
    SettingsDialog { id: settings }
    PresentationMode {
        id: presentation
        objectName: "presentation"
        controller: window.controller
        routes: analysisDock.routeOverlay
        years: years
        thematic: analysisDock.thematic
    }
    // The year the map (the window's and the presentation's) and the KPI cards are for.
    YearController { id: years; project: window.controller }
    FileDialog {
        id: yearReportDialog
        title: qsTr("导出 %1 年度工作情况报告").arg(years.year)
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF 文件 (*.pdf)")]
        onAccepted: years.writeReport(window.controller.localPath(selectedFile))
    }
    FileDialog {
        id: openDialog
        title: qsTr("打开项目")
        nameFilters: [qsTr("CoopMap 项目 (*.coopmap)")]
        onAccepted: window.openProject(window.controller.localPath(selectedFile))
    }
    FileDialog {
        id: saveDialog
        title: qsTr("项目另存为")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CoopMap 项目 (*.coopmap)")]
        onAccepted: window.controller.save(window.controller.localPath(selectedFile))
    }
    FileDialog {
        id: dataDialog
        title: qsTr("添加数据")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("空间数据 (*.zip *.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx *.xls)"), qsTr("所有文件 (*)")]
        onAccepted: newProject.startAdding(selectedFiles)
    }

    ErrorNotice {
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.spacing
        text: window.controller.errorText
        onDismissed: window.controller.clearError()
    }

    // What loading found wrong in the data (codes matching no boundary, villages outside every
    // township…): said once for each opening, until dismissed.
    ErrorNotice {
        id: problemsNotice
        objectName: "problemsNotice"
        property bool dismissedHere: false
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 6 * Theme.spacing
        text: window.snapshot || dismissedHere || window.controller.problemsText.length === 0 ? ""
              : qsTr("数据问题（请在数据中核对，coopmap-cli info 列出全部）：\n%1").arg(window.controller.problemsText)
        onDismissed: dismissedHere = true
        Connections {
            target: window.controller
            function onProjectChanged() { problemsNotice.dismissedHere = false }
        }
    }

    footer: StatusBar {
        controller: window.controller
        cursorCoordinate: networkMap.cursorCoordinate
    }
}
