// What the last dropped or dragged site adds: villages and population newly covered,
// overlap with existing sites, and the township coverage rates before → after.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: summary
    required property PlanningController controller
    spacing: Theme.spacing / 2
    visible: controller.newlyCovered > 0 || controller.overlapVillages > 0

    Label {
        objectName: "newlyCoveredLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSize
        font.bold: true
        text: qsTr("新覆盖村 %1 个，人口 %2")
                  .arg(summary.controller.newlyCovered)
                  .arg(Number(summary.controller.newlyCoveredPopulation).toLocaleString(Qt.locale(), "f", 0))
    }
    Label {
        objectName: "overlapLabel"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFontSize
        color: Theme.mutedText
        text: qsTr("与 %1 个已有网点重叠：村 %2 个，人口 %3")
                  .arg(summary.controller.overlappingSites)
                  .arg(summary.controller.overlapVillages)
                  .arg(Number(summary.controller.overlapPopulation).toLocaleString(Qt.locale(), "f", 0))
    }
    Repeater {
        objectName: "townshipRows"
        model: summary.controller.townships
        delegate: Label {
            required property string name
            required property int villages
            required property int before
            required property int after
            required property real beforeRate
            required property real afterRate
            Layout.fillWidth: true
            font.pixelSize: Theme.smallFontSize
            text: qsTr("%1：%2% → %3%（%4 / %5 个村）")
                      .arg(name)
                      .arg(beforeRate.toFixed(1))
                      .arg(afterRate.toFixed(1))
                      .arg(after)
                      .arg(villages)
        }
    }
}
