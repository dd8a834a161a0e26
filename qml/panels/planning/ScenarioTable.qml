// Saved scenarios side by side (sites, covered share, population covered, population newly
// covered), with save, load, export (GeoPackage / Excel / PDF) and delete; tapping a name selects
// the scenario whose figures ScenarioDetail shows.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: table
    required property PlanningController controller
    spacing: Theme.spacing / 2

    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: nameField
            objectName: "scenarioName"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            placeholderText: qsTr("方案名称")
        }
        Button {
            objectName: "saveScenarioButton"
            text: qsTr("保存方案")
            enabled: nameField.text.trim() !== "" && table.controller.sites.count > 0
            onClicked: table.controller.saveScenario(nameField.text)
        }
    }

    // Seven columns do not fit the dock: the table scrolls sideways instead of running past it.
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: contentHeight + (ScrollBar.horizontal.visible ? ScrollBar.horizontal.height : 0)
        contentWidth: scenarioGrid.implicitWidth
        contentHeight: scenarioGrid.implicitHeight
        clip: true
        GridLayout {
            id: scenarioGrid
            objectName: "scenarioGrid"
            columns: 7
            Label { text: qsTr("方案"); font.bold: true }
            Label { text: qsTr("新网点"); font.bold: true }
            Label { text: qsTr("覆盖村"); font.bold: true }
            Label { text: qsTr("覆盖人口"); font.bold: true }
            Label { text: qsTr("新增人口"); font.bold: true }
            Label { text: qsTr("投资（万元）"); font.bold: true }
            Item { Layout.fillWidth: true }
            // One Repeater per column over ScenarioListModel; hasFigures is false until the
            // engine's figures for the scenario are there.
            Repeater {
                model: table.controller.scenarios
                // A tap shows the scenario's 方案 figures below (ScenarioDetail).
                delegate: Label {
                    required property string name
                    required property int index
                    objectName: "scenarioRowName"
                    text: name
                    font.bold: name === table.controller.selectedScenario
                    Layout.row: index + 1
                    Layout.column: 0
                    TapHandler { onTapped: table.controller.selectedScenario = parent.name }
                }
            }
            Repeater {
                model: table.controller.scenarios
                delegate: Label { required property int sites; required property int index; objectName: "scenarioSites"; text: sites; Layout.row: index + 1; Layout.column: 1 }
            }
            Repeater {
                model: table.controller.scenarios
                delegate: Label { required property bool hasFigures; required property real coveredRate; required property int index; objectName: "scenarioCovered"; text: hasFigures ? coveredRate.toFixed(1) + "%" : ""; Layout.row: index + 1; Layout.column: 2 }
            }
            Repeater {
                model: table.controller.scenarios
                delegate: Label { required property bool hasFigures; required property real population; required property int index; objectName: "scenarioPopulation"; text: hasFigures ? Math.round(population) : ""; Layout.row: index + 1; Layout.column: 3 }
            }
            Repeater {
                model: table.controller.scenarios
                delegate: Label { required property bool hasFigures; required property real newPopulation; required property int index; objectName: "scenarioNewPopulation"; text: hasFigures ? Math.round(newPopulation) : ""; Layout.row: index + 1; Layout.column: 4 }
            }
            Repeater {
                // "—" where the project file gives no site cost for the role (site_costs).
                model: table.controller.scenarios
                delegate: Label { required property bool hasCost; required property real cost; required property int index; objectName: "scenarioCost"; text: hasCost ? Number(cost).toLocaleString(Qt.locale(), "f", 1) : "—"; Layout.row: index + 1; Layout.column: 5 }
            }
            Repeater {
                model: table.controller.scenarios
                delegate: RowLayout {
                    required property string name
                    required property int index
                    Layout.row: index + 1
                    Layout.column: 6
                    ToolButton { text: qsTr("载入"); onClicked: table.controller.loadScenario(name) }
                    ToolButton { text: qsTr("导出"); onClicked: { exportDialog.scenario = name; exportDialog.open() } }
                    ToolButton { text: qsTr("删除"); onClicked: table.controller.deleteScenario(name) }
                }
            }
        }
    }

    FileDialog {
        id: exportDialog
        property string scenario
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("GeoPackage (*.gpkg)"), qsTr("Excel (*.xlsx)"), qsTr("PDF 一页 (*.pdf)")]
        onAccepted: table.controller.exportScenario(scenario, table.controller.project.localPath(selectedFile))
    }
}
