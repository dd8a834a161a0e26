// The 方案 figures of the selected saved scenario, as its PDF page has them: coverage 现状 (the
// existing sites of its tier) → 建成后, and what each of its sites adds (新覆盖村数, 新覆盖人口)
// beyond the existing sites and the sites before it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: detail
    required property PlanningController controller
    readonly property ScenarioFiguresModel figures: controller.scenarioFigures
    spacing: Theme.spacing / 2
    visible: figures.name !== ""

    function people(n) { return Number(n).toLocaleString(Qt.locale(), "f", 0) }
    function rate(share) { return (100 * share).toFixed(1) + "%" }

    Label {
        objectName: "scenarioDetailTitle"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSize
        font.bold: true
        text: detail.figures.ready
              ? qsTr("方案「%1」：按%2，现有网点 %3 个（%4）").arg(detail.figures.name)
                    .arg(detail.figures.reachText).arg(detail.figures.existingSites).arg(detail.figures.existingText)
              : qsTr("方案「%1」：正在计算…").arg(detail.figures.name)
    }
    Label {
        objectName: "scenarioDetailCovered"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: detail.figures.ready
        font.pixelSize: Theme.smallFontSize
        text: qsTr("村覆盖率 现状 %1 → 建成后 %2；覆盖村数 %3 → %4 / %5")
                  .arg(detail.rate(detail.figures.shareBefore)).arg(detail.rate(detail.figures.shareAfter))
                  .arg(detail.figures.coveredBefore).arg(detail.figures.coveredAfter).arg(detail.figures.villages)
    }
    Label {
        objectName: "scenarioDetailPopulation"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: detail.figures.ready
        font.pixelSize: Theme.smallFontSize
        text: qsTr("覆盖人口 现状 %1 → 建成后 %2（共 %3）")
                  .arg(detail.people(detail.figures.populationBefore))
                  .arg(detail.people(detail.figures.populationAfter))
                  .arg(detail.people(detail.figures.population))
    }
    GridLayout {
        objectName: "scenarioDetailSites"
        Layout.fillWidth: true
        visible: detail.figures.ready
        columns: 3
        columnSpacing: Theme.spacing
        rowSpacing: 0
        Label { text: qsTr("网点"); font.bold: true; font.pixelSize: Theme.smallFontSize }
        Label { text: qsTr("新覆盖村数"); font.bold: true; font.pixelSize: Theme.smallFontSize }
        Label { text: qsTr("新覆盖人口"); font.bold: true; font.pixelSize: Theme.smallFontSize }
        // One Repeater per column over the model; row k + 1 holds site k.
        Repeater {
            model: detail.figures
            delegate: Label { required property string name; required property int index; objectName: "scenarioSiteName"; text: name; font.pixelSize: Theme.smallFontSize; elide: Text.ElideRight; Layout.fillWidth: true; Layout.row: index + 1; Layout.column: 0 }
        }
        Repeater {
            model: detail.figures
            delegate: Label { required property int villages; required property int index; objectName: "scenarioSiteVillages"; text: villages; font.pixelSize: Theme.smallFontSize; Layout.row: index + 1; Layout.column: 1 }
        }
        Repeater {
            model: detail.figures
            delegate: Label { required property real population; required property int index; objectName: "scenarioSitePopulation"; text: detail.people(population); font.pixelSize: Theme.smallFontSize; Layout.row: index + 1; Layout.column: 2 }
        }
    }
}
