// The three-tier network check under the coverage panel: one button, the totals, and every
// county and township where a tier breaks (what `coopmap-cli network` prints).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

ColumnLayout {
    id: view
    objectName: "networkCheck"
    required property CoverageController controller
    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: qsTr("三级网络检查")
            font.bold: true
            font.pixelSize: Theme.fontSize
        }
        Button {
            objectName: "networkButton"
            text: qsTr("检查")
            enabled: !view.controller.networkRunning
            onClicked: view.controller.checkNetwork()
        }
    }

    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        visible: running
        running: view.controller.networkRunning
    }

    Label {
        objectName: "networkSummary"
        Layout.fillWidth: true
        visible: text !== ""
        wrapMode: Text.Wrap
        text: view.controller.networkSummary
        color: Theme.text
        font.pixelSize: Theme.fontSize
    }

    ListView {
        objectName: "networkBreaks"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 160)
        clip: true
        model: view.controller.networkBreaks
        delegate: Label {
            required property string level
            required property string name
            required property string missing
            width: ListView.view.width
            wrapMode: Text.Wrap
            text: qsTr("%1 %2：%3").arg(level).arg(name).arg(missing)
            color: Theme.text
            font.pixelSize: Theme.fontSize
        }
    }
}
