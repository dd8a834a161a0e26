// The coverage analysis panel: facility type, radius or minutes by road, township or county,
// run / cancel with progress, the headline and a sortable table. Numbers come from
// CoverageController, which calls the same engine function as `coopmap-cli coverage`.
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

    readonly property var facilityRoles: [
        { key: "village_service_station", name: qsTr("村级综合服务社") },
        { key: "village_cooperative", name: qsTr("村级供销社") },
        { key: "grassroots_cooperative", name: qsTr("基层供销社") },
        { key: "township_supermarket", name: qsTr("乡镇综合超市") },
        { key: "distribution_center", name: qsTr("县域集采集配中心") },
        { key: "agri_service_center", name: qsTr("为农服务中心") }
    ]

    ComboBox {
        id: roleBox
        objectName: "roleBox"
        Layout.fillWidth: true
        model: panel.facilityRoles
        textRole: "name"
        valueRole: "key"
        onActivated: {
            coverage.roleKey = currentValue
            radiusField.value = coverage.defaultRadiusKm(currentValue)
        }
        Component.onCompleted: coverage.roleKey = currentValue
    }

    // The radius starts at the project's own for the chosen role, whenever a project opens.
    Connections {
        target: panel.project
        function onFinished(ok) {
            if (ok) {
                radiusField.value = coverage.defaultRadiusKm(roleBox.currentValue)
                coverage.radiusKm = radiusField.value
            }
        }
    }

    RowLayout {
        RadioButton { id: byRadius; text: qsTr("服务半径"); checked: true }
        RadioButton { id: byRoad; text: qsTr("行车时间") }
    }

    RowLayout {
        visible: byRadius.checked
        Label { text: qsTr("半径（公里）") }
        SpinBox {
            id: radiusField
            objectName: "radiusField"
            from: 0; to: 100; editable: true
            onValueModified: coverage.radiusKm = value
        }
    }
    RowLayout {
        visible: byRoad.checked
        Label { text: qsTr("时间（分钟）") }
        SpinBox {
            id: minutesField
            objectName: "minutesField"
            from: 1; to: 180; value: 15; editable: true
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
