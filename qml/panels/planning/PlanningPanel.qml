// The site planning panel: what a proposed site adds (the map's 选址 mode drops and drags
// sites through `controller`), suggested sites for N new ones, and saved scenarios side by
// side. Numbers come from PlanningController, which calls the engine `coopmap-cli plan` calls.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: panel
    objectName: "planningPanel"
    required property ProjectController project
    property alias controller: planning
    spacing: Theme.spacing

    PlanningController {
        id: planning
        project: panel.project
    }

    GridLayout {
        columns: 2
        Layout.fillWidth: true
        Label { text: qsTr("目标") }
        ComboBox {
            objectName: "objectiveBox"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            model: [ { key: "max_coverage", name: qsTr("最大覆盖（定数量）") },
                     { key: "set_cover", name: qsTr("集合覆盖（定覆盖率）") },
                     { key: "p_median", name: qsTr("p-中位（最短加权距离或行车时间）") } ]
            textRole: "name"
            valueRole: "key"
            onActivated: planning.objective = currentValue
        }
        Label { text: planning.objective === "set_cover" ? qsTr("目标覆盖率（%）") : qsTr("新网点数") }
        SpinBox {
            objectName: "countField"
            from: 1; to: 1000; editable: true
            value: planning.objective === "set_cover" ? Math.round(planning.target * 100) : planning.newSites
            onValueModified: {
                if (planning.objective === "set_cover") planning.target = Math.min(value, 100) / 100
                else planning.newSites = value
            }
        }
        Label { text: qsTr("半径（公里）") }
        SpinBox {
            objectName: "radiusField"
            from: 0; to: 100; editable: true
            value: planning.radiusKm
            onValueModified: planning.radiusKm = value
        }
        Label { text: qsTr("行车时间（分钟）") }
        SpinBox {
            objectName: "minutesField"
            from: 0; to: 240; editable: true
            value: planning.minutes
            onValueModified: planning.minutes = value
            ToolTip.visible: hovered
            ToolTip.text: qsTr("大于 0 时按道路行车时间推荐选址（含 p-中位），代替半径；0 为按半径")
        }
        Label { text: qsTr("候选点") }
        ComboBox {
            objectName: "candidatesBox"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            model: [ { key: "all", name: qsTr("所有村") }, { key: "uncovered", name: qsTr("未覆盖的村") } ]
            textRole: "name"
            valueRole: "key"
            onActivated: planning.candidates = currentValue
        }
        Label { text: qsTr("最小间距（公里）") }
        SpinBox {
            from: 0; to: 50; editable: true
            onValueModified: planning.minSpacingKm = value
        }
        Label { text: qsTr("每乡镇最多") }
        SpinBox {
            from: 0; to: 20; editable: true
            onValueModified: planning.perTownship = value
        }
    }

    RowLayout {
        Button {
            objectName: "suggestButton"
            text: qsTr("推荐选址")
            enabled: !planning.running
            onClicked: planning.suggest()
        }
        Button {
            text: qsTr("取消")
            enabled: planning.running
            onClicked: planning.cancel()
        }
        Button {
            text: qsTr("清空")
            enabled: !planning.running && planning.sites.length > 0
            onClicked: planning.clearSites()
        }
        ProgressBar {
            Layout.fillWidth: true
            value: planning.progress
            visible: planning.running
        }
    }

    Label {
        objectName: "messageLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text !== ""
        text: planning.errorText !== "" ? planning.errorText : planning.suggestionText
        color: planning.errorText !== "" ? Theme.errorText : Theme.text
        font.pixelSize: Theme.smallFontSize
    }

    Label {
        objectName: "planLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        readonly property var f: planning.planFigures
        text: f.villages === undefined ? qsTr("在地图上点击“选址”后放置网点，或点击“推荐选址”")
              : qsTr("方案：新网点 %1 个，覆盖村 %2 / %3（%4%），覆盖人口 %5")
                    .arg(f.sites).arg(f.covered).arg(f.villages)
                    .arg(f.coveredRate.toFixed(1))
                    // String.arg(number) would print 2.81032e+06.
                    .arg(Number(f.population).toLocaleString(Qt.locale(), "f", 0))
        font.pixelSize: Theme.fontSize
    }

    WhatIfSummary {
        Layout.fillWidth: true
        controller: planning
    }

    ScenarioTable {
        Layout.fillWidth: true
        Layout.fillHeight: true
        controller: planning
    }
}
