// "有未保存的修改": asked before the window closes, another project opens or another layer is
// chosen for editing. 保存 saves and then goes on, 不保存 drops the edits and goes on, 取消
// stays. Use: `unsaved.ask(function() { … what was asked for … })`; it goes on at once when
// nothing is unsaved.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Dialog {
    id: dialog
    objectName: "unsavedDialog"
    property EditController controller: null
    // What to do once the edits are saved or dropped.
    property var then: null
    property alias saveButton: saveButton
    property alias discardButton: discardButton
    property alias cancelButton: cancelButton
    title: qsTr("有未保存的修改")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Theme.popupWidth * 1.5

    function ask(next) {
        if (!controller || !controller.dirty) {
            if (next) next()
            return false
        }
        then = next
        open()
        return true
    }
    function proceed() {
        const next = then
        then = null
        close()
        if (next) next()
    }

    Connections {
        target: dialog.controller
        function onSaveFinished(ok) {
            // Only a save this dialog started goes on; a failed one leaves the message shown.
            if (dialog.then !== null && ok && !dialog.controller.dirty) dialog.proceed()
        }
    }

    Label {
        width: dialog.availableWidth
        wrapMode: Text.Wrap
        text: dialog.controller && dialog.controller.errorText !== ""
              ? dialog.controller.errorText
              : qsTr("“%1”有尚未保存的修改。要先保存吗？").arg(dialog.controller ? dialog.controller.roleName : "")
    }

    footer: DialogButtonBox {
        Button {
            id: saveButton
            objectName: "saveButton"
            text: qsTr("保存")
            enabled: dialog.controller && !dialog.controller.saving
            onClicked: dialog.controller.save()
        }
        Button {
            id: discardButton
            objectName: "discardButton"
            text: qsTr("不保存")
            onClicked: { dialog.controller.discard(); dialog.proceed() }
        }
        Button {
            id: cancelButton
            objectName: "cancelButton"
            text: qsTr("取消")
            onClicked: { dialog.then = null; dialog.close() }
        }
    }
}
