// The main window: layer panel on the left, the network map, a status bar.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap.Backend

ApplicationWindow {
    id: window
    required property ProjectController controller

    width: 1600
    height: 1000
    visible: true
    title: controller.name ? controller.name + qsTr(" — 供销服务网络一张图") : qsTr("供销服务网络一张图")

    RowLayout {
        anchors.fill: parent
        spacing: 0

        LayerPanel {
            Layout.preferredWidth: Theme.panelWidth
            Layout.fillHeight: true
            model: window.controller.layers
        }

        NetworkMap {
            id: networkMap
            objectName: "networkMap"
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: window.controller
        }
    }

    ErrorNotice {
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.spacing
        text: window.controller.errorText
        onDismissed: window.controller.clearError()
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: window.controller.loading ? qsTr("正在加载图层…") : window.controller.summary
            }
            ProgressBar {
                visible: window.controller.loading
                value: window.controller.progress
            }
            Button {
                visible: window.controller.loading
                text: qsTr("取消")
                onClicked: window.controller.cancel()
            }
        }
    }
}
