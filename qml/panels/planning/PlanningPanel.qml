// The site planning panel: the new sites' role, which existing roles count as service and the
// reach (the project's default unless one is typed in); what a proposed site adds (the map's 选址
// mode drops and drags sites through `controller`), suggested sites for N new ones, and saved
// scenarios side by side. Numbers come from PlanningController, which calls the engine
// `coopmap-cli plan` calls.
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

    // The project's reach for the role as the engine decides it (a ReachValue: radiusKm, minutes,
    // text, why, or error); it prefills the fields, and 项目默认 sends neither so that the engine
    // decides. Empty until a project is open.
    property var defaultReach: planning.defaultReach("")
    function refreshDefault() {
        defaultReach = planning.defaultReach(planning.roleKey)
        if (defaultReach.radiusKm > 0 && planning.radiusKm === 0) radiusField.value = defaultReach.radiusKm
        if (defaultReach.minutes > 0 && planning.minutes === 0) minutesField.value = defaultReach.minutes
    }
    // The controls follow the controller (a loaded scenario brings its role and reach).
    function sync() {
        roleBox.currentIndex = roleBox.indexOfValue(planning.roleKey)
        reachBox.currentIndex = planning.minutes > 0 ? 2 : planning.radiusKm > 0 ? 1 : 0
        if (planning.radiusKm > 0) radiusField.value = planning.radiusKm
        if (planning.minutes > 0) minutesField.value = planning.minutes
    }
    Connections { target: planning; function onParametersChanged() { panel.sync() } }
    Connections { target: panel.project; function onFinished(ok) { if (ok) panel.refreshDefault() } }

    GridLayout {
        columns: 2
        Layout.fillWidth: true
        Label { text: qsTr("新网点类型") }
        ComboBox {
            id: roleBox
            objectName: "roleBox"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            model: planning.facilityRoles
            textRole: "name"
            valueRole: "key"
            onActivated: {
                planning.roleKey = currentValue
                panel.refreshDefault()
            }
            Component.onCompleted: currentIndex = indexOfValue(planning.roleKey)
        }
        Label { text: qsTr("现有网点"); Layout.alignment: Qt.AlignTop }
        ExistingRoles {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            controller: planning
        }
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
        Label { text: qsTr("服务范围") }
        ComboBox {
            id: reachBox
            objectName: "reachBox"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            model: [ qsTr("项目默认"), qsTr("服务半径"), qsTr("行车时间") ]
            onActivated: {
                planning.radiusKm = currentIndex === 1 ? radiusField.value : 0
                planning.minutes = currentIndex === 2 ? minutesField.value : 0
            }
        }
        Label { text: qsTr("半径（公里）"); visible: reachBox.currentIndex === 1 }
        DecimalField {
            id: radiusField
            objectName: "radiusField"
            visible: reachBox.currentIndex === 1
            onValueModified: (v) => { value = v; planning.radiusKm = v }
        }
        Label { text: qsTr("行车时间（分钟）"); visible: reachBox.currentIndex === 2 }
        DecimalField {
            id: minutesField
            objectName: "minutesField"
            visible: reachBox.currentIndex === 2
            to: 600
            onValueModified: (v) => { value = v; planning.minutes = v }
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
        DecimalField {
            to: 100
            onValueModified: (v) => { value = v; planning.minSpacingKm = v }
        }
        Label { text: qsTr("每乡镇最多") }
        SpinBox {
            from: 0; to: 20; editable: true
            onValueModified: planning.perTownship = value
        }
    }

    SuggestBar {
        Layout.fillWidth: true
        controller: planning
    }

    // The reach and the existing sites the plan counts, from the engine's plan data once it is made.
    Label {
        objectName: "reachLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: planning.reachText !== "" ? qsTr("按%1（%2）").arg(planning.reachText).arg(planning.reachWhy)
              : panel.defaultReach.error !== "" ? panel.defaultReach.error
              : panel.defaultReach.text !== "" && reachBox.currentIndex === 0
                ? qsTr("项目默认：%1（%2）").arg(panel.defaultReach.text).arg(panel.defaultReach.why) : ""
        visible: text !== ""
        color: panel.defaultReach.error !== "" && planning.reachText === "" ? Theme.errorText : Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }

    Label {
        objectName: "planLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        readonly property var f: planning.planFigures
        text: f.villages === undefined ? qsTr("在地图上点击“选址”后放置网点，或点击“推荐选址”")
              : qsTr("方案：现有网点 %1 个，新网点 %2 个，覆盖村 %3 / %4（%5%），覆盖人口 %6")
                    .arg(f.existingSites).arg(f.sites).arg(f.covered).arg(f.villages)
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
        controller: planning
    }

    ScenarioDetail {
        Layout.fillWidth: true
        controller: planning
    }

    Item { Layout.fillHeight: true }
}
