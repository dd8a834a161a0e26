// First run of journal_restore_test.cpp: once the project is open, edits the "sites" layer
// through the edit panel's controller as the panel's buttons and the map do — an attribute, a
// move, a new site and its form, a delete, an undo and a redo — then says "edits-done" with the
// state, and waits to be killed.
import QtQuick
import QtPositioning
import "journal_driver.js" as Driver

Item {
    id: driver
    required property var window

    Connections {
        target: driver.window.controller
        function onFinished(ok) {
            if (!ok) { Driver.say("failed", driver.window.controller.errorText); return }
            const panel = Driver.find(driver.window.contentItem, "editPanel")
            const editing = panel.controller
            const check = (done, what) => { if (!done) Driver.say("failed", what + ": " + editing.errorText) }
            check(editing.edit("sites"), "edit")
            check(editing.setAttribute(1, "name", "李家湾综合服务社（已改名）"), "rename")
            // 0 metres a pixel: no snapping, the site goes exactly where it is put.
            check(editing.moveSite(0, QtPositioning.coordinate(32.0987654321, 112.123456789012345), 0), "move")
            const added = editing.addSite(QtPositioning.coordinate(32.2, 112.4), 0)
            check(added === 3, "add")
            check(editing.setAttributes(3, { "name": "新建𠀀供销社", "code": "GX-009", "year": "2025",
                                             "capacity": "33.125" }), "form")
            check(editing.deleteSite(2), "delete")
            check(editing.setAttribute(0, "year", "1999"), "year")
            check(editing.undo(), "undo year")
            check(editing.setAttribute(2, "经营者", "新\"经营者\""), "operator")
            check(editing.undo(), "undo operator")
            check(editing.redo(), "redo operator")
            Driver.say("edits-done", Driver.state(editing))
        }
    }
}
