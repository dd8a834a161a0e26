// Second run of journal_restore_test.cpp, after the first was killed: waits for the restore
// offer, says what it shows, saves a picture of the window with it, presses 恢复未保存的编辑,
// says the restored state, undoes every step (saying how many and the state then), redoes them
// all, saves through the panel and quits.
import QtQuick
import "journal_driver.js" as Driver

Item {
    id: driver
    required property var window
    property var panel: null
    property int undone: 0

    Connections {
        target: driver.window.controller
        function onFinished(ok) {
            if (!ok) { Driver.say("failed", driver.window.controller.errorText); return }
            driver.panel = Driver.find(driver.window.contentItem, "editPanel")
            waitForOffer.start()
        }
    }
    Timer {
        id: waitForOffer
        interval: 200
        repeat: true
        property int tries: 0
        onTriggered: {
            const dialog = driver.panel.restoreDialog
            if (!dialog.opened) {
                if (++tries > 100) { stop(); Driver.say("failed", "no restore offer") }
                return
            }
            stop()
            let root = driver.window.contentItem
            while (root.parent) root = root.parent
            if (!dialog.offering) {
                // The journal could not be used: the one message, then OK.
                Driver.say("problem", { title: dialog.title, text: dialog.message.text,
                                        restoreShown: dialog.restoreButton.visible,
                                        editing: driver.panel.controller.active })
                root.grabToImage(function(result) {
                    Driver.say("picture", result.saveToFile(driver.window.controller.path + ".problem.png"))
                    dialog.okButton.clicked()
                    Driver.say("dismissed", { open: dialog.visible })
                    Qt.quit()
                })
                return
            }
            Driver.say("offer", { title: dialog.title, text: dialog.message.text,
                                  restore: dialog.restoreButton.visible ? dialog.restoreButton.text : "",
                                  discard: dialog.discardButton.visible ? dialog.discardButton.text : "",
                                  edits: driver.panel.controller.journal.edits })
            // The whole window, dialog included (popups are drawn in the overlay above contentItem).
            root.grabToImage(function(result) {
                Driver.say("picture", result.saveToFile(driver.window.controller.path + ".restore.png"))
                restore()
            })
        }
    }
    function restore() {
        const editing = panel.controller
        panel.restoreDialog.restoreButton.clicked()
        Driver.say("restored", Object.assign(Driver.state(editing), { dialogOpen: panel.restoreDialog.visible,
                                                                       message: editing.message,
                                                                       errorText: editing.errorText }))
        while (editing.canUndo) {
            if (!editing.undo()) break
            ++undone
        }
        Driver.say("undone", Object.assign(Driver.state(editing), { steps: undone }))
        let redone = 0
        while (editing.canRedo && editing.redo()) ++redone
        Driver.say("redone", Object.assign(Driver.state(editing), { steps: redone }))
        editing.saveFinished.connect(function(ok) {
            Driver.say("saved", { ok: ok, errorText: editing.errorText, dirty: editing.dirty })
            Qt.quit()
        })
        editing.save()
    }
}
