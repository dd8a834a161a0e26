// The year's charts in a window of their own: the year report's charts (targets against done, each
// kind of site's growth, services by kind) for the year the map shows, one at a time.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Popup {
    id: root
    required property YearController years
    property alias chart: chart
    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0
    width: Theme.popupWidth * 3
    height: Theme.popupWidth * 2.3
    modal: true
    padding: Theme.spacing

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: choice
                objectName: "chartChoice"
                Layout.fillWidth: true
                model: root.years.chartTitles
            }
            Button {
                text: qsTr("关闭")
                onClicked: root.close()
            }
        }
        Label {
            visible: root.years.chartTitles.length === 0
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: root.years.active ? qsTr("正在计算该年的图表…") : qsTr("勾选“按年份”后显示所选年份的图表。")
            color: Theme.mutedText
        }
        YearChart {
            id: chart
            objectName: "yearChart"
            Layout.fillWidth: true
            Layout.fillHeight: true
            years: root.years
            index: choice.currentIndex
        }
    }
}
