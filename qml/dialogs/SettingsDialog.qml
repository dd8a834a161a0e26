// Settings: the interface language (follow the system, Chinese or English).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Dialog {
    id: root
    title: qsTr("设置")
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Close

    Language { id: language }

    GridLayout {
        columns: 2
        Label { text: qsTr("界面语言") }
        ComboBox {
            id: choice
            textRole: "text"
            valueRole: "value"
            model: [
                { text: qsTr("跟随系统"), value: "" },
                { text: "中文", value: "zh_CN" },
                { text: "English", value: "en" }
            ]
            Component.onCompleted: currentIndex = indexOfValue(language.current)
            onActivated: language.current = currentValue
        }
    }
}
