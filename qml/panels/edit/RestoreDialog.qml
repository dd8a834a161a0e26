// 恢复未保存的编辑: asked when a project opens whose journal holds edits a killed window left
// (EditController.journal, already checked against the layer as it is now). 恢复未保存的编辑
// replays them — the layer, its undo history, still unsaved; 放弃 removes them. A journal that
// cannot be used (damaged, or the layer changed since) is one message instead, and not applied.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoopMap
import CoopMap.Backend

Dialog {
    id: dialog
    objectName: "restoreDialog"
    property EditController controller: null
    readonly property bool offering: controller !== null && controller.journal.edits !== undefined
    property alias message: message
    property alias restoreButton: restoreButton
    property alias discardButton: discardButton
    property alias okButton: okButton
    // The edits are back, on the layer now being edited.
    signal restored()
    title: offering ? qsTr("恢复未保存的编辑") : qsTr("编辑日志未能恢复")
    modal: true
    closePolicy: Popup.NoAutoClose
    anchors.centerIn: Overlay.overlay
    width: Theme.popupWidth * 1.8

    Connections {
        target: dialog.controller
        function onJournalChanged() {
            if (dialog.offering || dialog.controller.journalProblem !== "") dialog.open()
            else dialog.close()
        }
    }

    Label {
        id: message
        objectName: "restoreMessage"
        width: dialog.availableWidth
        wrapMode: Text.Wrap
        text: !dialog.controller ? ""
              : dialog.offering
                ? qsTr("上次窗口意外关闭，图层“%1”有 %2 处修改尚未保存（最后一处修改于 %3）。\n\n恢复后可继续编辑和撤销，保存后才写入图层；放弃则删除这些修改。")
                      .arg(dialog.controller.journal.title).arg(dialog.controller.journal.edits)
                      .arg(dialog.controller.journal.when)
                : dialog.controller.journalProblem
    }

    footer: RowLayout {
        Item { Layout.fillWidth: true }
        Button {
            id: restoreButton
            objectName: "restoreButton"
            visible: dialog.offering
            highlighted: true
            text: qsTr("恢复未保存的编辑")
            onClicked: {
                // Refused: the dialog stays, now saying why (journalProblem).
                if (dialog.controller.restoreJournal()) {
                    dialog.close()
                    dialog.restored()
                }
            }
        }
        Button {
            id: discardButton
            objectName: "discardJournalButton"
            visible: dialog.offering
            text: qsTr("放弃")
            onClicked: { dialog.controller.discardJournal(); dialog.close() }
        }
        Button {
            id: okButton
            objectName: "journalOkButton"
            visible: !dialog.offering
            text: qsTr("确定")
            onClicked: { dialog.controller.dismissJournalProblem(); dialog.close() }
        }
        Item { Layout.preferredWidth: Theme.spacing }
    }
}
