// The coverage analysis panel: facility type, the project's reach for it (or a radius or minutes
// by road typed in), township or county, run / cancel with progress, the headline with the reach
// used and a sortable table. Numbers come from CoverageController, which calls the same engine
// function as `coopmap-cli coverage`.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: panel
    objectName: "coveragePanel"
    required property ProjectController project
    property alias controller: coverage
    spacing: Theme.spacing

    CoverageController {
        id: coverage
        project: panel.project
    }

    // The reach a run with no radius or minutes given uses, as the engine decides it for the role
    // (a ReachValue: radiusKm, minutes, text, why, or error); fills the fields so that editing
    // starts from it. Empty until a project is open.
    property var defaultReach: coverage.defaultReach("")
    function refreshDefault() {
        defaultReach = coverage.defaultReach(roleBox.currentValue)
        if (defaultReach.radiusKm > 0) radiusField.value = defaultReach.radiusKm
        if (defaultReach.minutes > 0) minutesField.value = defaultReach.minutes
    }

    ComboBox {
        id: roleBox
        objectName: "roleBox"
        Layout.fillWidth: true
        model: coverage.facilityRoles
        textRole: "name"
        valueRole: "key"
        onActivated: {
            coverage.roleKey = currentValue
            panel.refreshDefault()
        }
        Component.onCompleted: coverage.roleKey = currentValue
    }

    Connections {
        target: panel.project
        function onFinished(ok) { if (ok) panel.refreshDefault() }
    }
    // After a run the fields show the reach it used (from the result, not from the fields).
    Connections {
        target: coverage
        function onFinished(ok) {
            if (!ok) return
            if (coverage.usedMinutes > 0) minutesField.value = coverage.usedMinutes
            else radiusField.value = coverage.usedRadiusKm
        }
    }

    // A Flow, not a row: the three choices wrap where their names are longer than the dock is
    // wide (English), instead of widening the panel past the window's edge.
    Flow {
        Layout.fillWidth: true
        RadioButton { id: byDefault; objectName: "byDefault"; text: qsTr("项目默认"); checked: true }
        RadioButton { id: byRadius; objectName: "byRadius"; text: qsTr("服务半径") }
        RadioButton { id: byRoad; objectName: "byRoad"; text: qsTr("行车时间") }
    }
    Label {
        objectName: "defaultReachLabel"
        visible: byDefault.checked
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: panel.defaultReach.error !== "" ? panel.defaultReach.error
              : panel.defaultReach.text !== "" ? qsTr("%1（%2）").arg(panel.defaultReach.text).arg(panel.defaultReach.why)
              : ""
        color: panel.defaultReach.error !== "" ? Theme.errorText : Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }

    RowLayout {
        visible: byRadius.checked
        Label { text: qsTr("半径（公里）") }
        DecimalField {
            id: radiusField
            objectName: "radiusField"
            onValueModified: (v) => value = v
        }
    }
    RowLayout {
        visible: byRoad.checked
        Label { text: qsTr("时间（分钟）") }
        DecimalField {
            id: minutesField
            objectName: "minutesField"
            to: 600
            value: 15
            onValueModified: (v) => value = v
        }
    }

    RowLayout {
        Label { text: qsTr("汇总到") }
        ComboBox {
            id: byBox
            objectName: "byBox"
            model: [ { key: "county", name: qsTr("县（市、区）") }, { key: "township", name: qsTr("乡镇（街道）") } ]
            textRole: "name"
            valueRole: "key"
            onActivated: coverage.by = currentValue
        }
    }

    RowLayout {
        Button {
            objectName: "runButton"
            text: qsTr("分析")
            enabled: !coverage.running
            // 项目默认: radius and minutes 0, and the engine decides.
            onClicked: {
                coverage.minutes = byRoad.checked ? minutesField.value : 0
                coverage.radiusKm = byRadius.checked ? radiusField.value : 0
                coverage.run()
            }
        }
        Button {
            text: qsTr("取消")
            enabled: coverage.running
            onClicked: coverage.cancel()
        }
        ProgressBar {
            Layout.fillWidth: true
            value: coverage.progress
            visible: coverage.running
        }
    }

    Label {
        objectName: "summaryLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        // Before the first run, what to do rather than an empty table.
        text: coverage.errorText !== "" ? coverage.errorText
              : coverage.summary !== "" ? coverage.summary
              : qsTr("选择网点类型和服务半径（或行车时间），点击“分析”查看各县、乡镇的覆盖率和未覆盖的村")
        color: coverage.errorText !== "" ? Theme.errorText
               : coverage.summary !== "" ? Theme.text : Theme.mutedText
        font.pixelSize: Theme.fontSize
    }

    Label {
        objectName: "reachLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: coverage.reachWhy !== "" && coverage.errorText === ""
        text: qsTr("覆盖范围：%1（%2）").arg(coverage.reachText).arg(coverage.reachWhy)
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }

    CoverageTable {
        visible: coverage.table.count > 0
        Layout.fillWidth: true
        // The panel scrolls, so the table asks for its rows' height (up to 14, then it scrolls
        // itself) instead of filling an unbounded height.
        Layout.preferredHeight: Theme.rowHeight * (2 + Math.min(14, Math.max(1, coverage.table.count)))
        model: coverage.table
    }

    // The table and the uncovered villages (with the coverage areas in a GeoPackage).
    Button {
        objectName: "exportButton"
        text: qsTr("导出结果…")
        enabled: coverage.summary !== "" && !coverage.running
        onClicked: exportDialog.open()
    }
    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Excel (*.xlsx)"), qsTr("GeoPackage (*.gpkg)"), qsTr("CSV (*.csv)")]
        defaultSuffix: ["xlsx", "gpkg", "csv"][Math.max(0, selectedNameFilter.index)]
        onAccepted: coverage.exportResults(panel.project.localPath(selectedFile))
    }

    NetworkCheckView {
        Layout.fillWidth: true
        controller: coverage
    }
}
