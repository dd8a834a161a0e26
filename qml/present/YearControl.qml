// The year control: on, the map shows the network as it stood at the end of the chosen year (sites
// new in it marked) and the KPI cards that year's figures; off, every site the layers hold. The
// years and the counts come from YearController, none are worked out here.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Rectangle {
    id: root
    required property YearController years
    property alias slider: slider
    // The window shows a 年度报告 button (the presentation does not); its dialog is the window's.
    property bool canReport: false
    signal reportRequested()
    implicitWidth: row.implicitWidth + 2 * Theme.spacing
    implicitHeight: row.implicitHeight + Theme.spacing
    radius: 6
    color: Theme.overlayBackground
    border.color: Theme.border
    visible: root.years.lastYear > 0

    YearCharts { id: charts; objectName: "yearChartsPopup"; years: root.years }

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacing
        CheckBox {
            id: on
            objectName: "yearOn"
            text: qsTr("按年份")
            checked: root.years.active
            onToggled: root.years.active = checked
        }
        ToolButton {
            text: "◀"
            enabled: root.years.active && root.years.year > root.years.firstYear
            onClicked: root.years.year = root.years.year - 1
        }
        Slider {
            id: slider
            objectName: "yearSlider"
            Layout.preferredWidth: Theme.searchWidth
            enabled: root.years.active
            from: root.years.firstYear
            to: root.years.lastYear
            stepSize: 1
            snapMode: Slider.SnapAlways
            value: root.years.year
            onMoved: root.years.year = Math.round(value)
        }
        ToolButton {
            text: "▶"
            enabled: root.years.active && root.years.year < root.years.lastYear
            onClicked: root.years.year = root.years.year + 1
        }
        Label {
            objectName: "yearText"
            text: qsTr("%1 年末").arg(root.years.year)
            font.bold: true
            font.pixelSize: Theme.fontSize
        }
        Label {
            objectName: "yearSites"
            visible: root.years.shownYear > 0
            text: qsTr("网点 %1 个，当年新建 %2 个（红圈）").arg(root.years.sitesShown).arg(root.years.sitesNew)
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
        Button {
            objectName: "yearCharts"
            enabled: root.years.active
            text: qsTr("图表…")
            onClicked: charts.open()
        }
        Button {
            objectName: "yearReport"
            visible: root.canReport
            enabled: !root.years.reportRunning
            text: qsTr("%1 年度报告…").arg(root.years.year)
            onClicked: root.reportRequested()
        }
        Label {
            visible: root.canReport && root.years.reportText.length > 0
            text: root.years.reportText
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
        BusyIndicator {
            Layout.preferredWidth: Theme.rowHeight
            Layout.preferredHeight: Theme.rowHeight
            running: root.years.running || root.years.reportRunning
            visible: running
        }
    }
}
