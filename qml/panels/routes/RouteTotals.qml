// The plan's totals beside the same stops served township by township, and the saving of
// shared delivery in 公里 and 元; what the figures rest on (estimated legs, the time limit).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: totals
    required property RoutesController controller
    spacing: Theme.spacing / 2

    GridLayout {
        columns: 5
        columnSpacing: Theme.spacing
        Layout.fillWidth: true
        Label { text: "" }
        Label { text: qsTr("车次"); color: Theme.mutedText }
        Label { text: qsTr("公里"); color: Theme.mutedText }
        Label { text: qsTr("小时"); color: Theme.mutedText }
        Label { text: qsTr("元"); color: Theme.mutedText }

        Label { text: qsTr("共同配送") }
        Label { objectName: "totalVehicles"; text: totals.controller.totalVehicles }
        Label { objectName: "totalKm"; text: totals.controller.totalKm.toFixed(1) }
        Label { text: totals.controller.totalHours.toFixed(1) }
        Label { objectName: "totalCost"; text: totals.controller.totalCost.toFixed(0) }

        Label { text: qsTr("各乡镇单独") }
        Label { text: totals.controller.separateVehicles }
        Label { text: totals.controller.separateKm.toFixed(1) }
        Label { text: "" }
        Label { text: totals.controller.separateCost.toFixed(0) }
    }
    Label {
        objectName: "savingLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.bold: true
        color: totals.controller.savingCost >= 0 ? Theme.text : Theme.errorText
        text: totals.controller.savingText
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("%1 个点，%2 个乡镇；单独配送为每个乡镇从其配送中心单独出车")
                  .arg(totals.controller.servedStops).arg(totals.controller.townships)
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text !== ""
        text: totals.controller.notesText
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }
}
