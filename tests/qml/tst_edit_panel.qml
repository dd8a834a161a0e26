// Editing on the map: the sample's 村级供销社 layer is first saved as a copy in the temporary
// folder (geodata/ is never written), then a click on the overlay adds a site where it was
// clicked, its name is changed to Chinese text, undone and redone, saved, read back and
// compared attribute by attribute; a click near a village snaps onto it and takes the
// village's codes; an invalid year disables 应用 and 保存; unsaved edits are asked about.
import QtQuick
import QtTest
import QtCore
import QtLocation
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 1000
    height: 800

    ProjectController { id: project }

    EditPanel {
        id: panel
        width: 400
        height: parent.height
        project: project
    }

    Map {
        id: map
        x: 400
        width: 600
        height: parent.height
        plugin: Plugin { name: "itemsoverlay" }
        zoomLevel: 17
        EditOverlay {
            id: overlay
            anchors.fill: parent
            map: map
            controller: panel.controller
        }
    }

    // Reads the village layer as the editor reads it, to know what a snap must take over.
    EditController { id: villages; project: project }

    SignalSpy { id: opened; target: project; signalName: "finished" }
    SignalSpy { id: saved; target: panel.controller; signalName: "saveFinished" }

    TestCase {
        name: "EditPanel"
        when: windowShown
        readonly property var editing: panel.controller
        readonly property string copy: StandardPaths.writableLocation(StandardPaths.TempLocation)
                                       + "/coopmap-tst-edit-panel.gpkg"
        property int savedCount: 0

        function initTestCase() {
            project.open(project.samplePath())
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            verify(editing.edit("village_cooperative"), editing.errorText)
            verify(editing.saveAs(copy), editing.errorText)
            compare(editing.layerId, "village_cooperative")
            verify(!editing.dirty)
            savedCount = editing.featureCount
            verify(savedCount > 0)
        }

        function layerCount() {
            return project.layers.get(project.layers.indexOf("village_cooperative")).featureCount
        }
        function pixel(coordinate) {
            const p = map.fromCoordinate(coordinate, false)
            return map.mapToItem(overlay, p.x, p.y)
        }
        function saveAndWait() {
            saved.clear()
            editing.save()
            saved.wait(20000)
            compare(saved.signalArguments[0][0], true, editing.errorText)
        }

        function test_1_click_adds_a_site_where_clicked_and_it_round_trips() {
            // Somewhere between villages: nothing within 12 px at zoom 17 (about 15 m).
            const village = project.featureCoordinate("villages", 0)
            map.center = QtPositioning.coordinate(village.latitude + 0.004, village.longitude + 0.004)
            const at = pixel(map.center)
            const expected = map.toCoordinate(Qt.point(at.x, at.y), false)
            editing.snapPreview(expected, editing.metresPerPixel(expected,
                                map.toCoordinate(Qt.point(at.x + 10, at.y), false), 10))
            compare(editing.snapTarget.coordinate, undefined, "a village is too near the test point")

            editing.tool = "add"
            mouseClick(overlay, at.x, at.y)
            compare(editing.errorText, "")
            compare(editing.featureCount, savedCount + 1)
            compare(layerCount(), savedCount + 1)
            const f = editing.selected
            compare(f, savedCount)
            // Within a pixel (about 1.2 m, 1.2e-5 degrees, at zoom 17) of the point clicked.
            fuzzyCompare(editing.coordinate(f).longitude, expected.longitude, 2e-5)
            fuzzyCompare(editing.coordinate(f).latitude, expected.latitude, 2e-5)
            compare(editing.value(f, "name"), "新村级供销社")
            verify(editing.dirty)

            // The name in the form, then undo and redo to the exact text.
            const name = "襄阳市𠀀测试供销社（新）\"引号\""
            panel.form.field("name").text = name
            verify(panel.form.valid)
            verify(panel.form.apply(), editing.errorText)
            compare(editing.value(f, "name"), name)
            compare(editing.undoText, "修改 新要素（新村级供销社） 的 name")
            verify(editing.undo())
            compare(editing.value(f, "name"), "新村级供销社")
            compare(editing.redoText, "修改 新要素（新村级供销社） 的 name")
            verify(editing.redo())
            compare(editing.value(f, "name"), name)

            // Every attribute of every site, as it is before the save.
            editing.selected = f
            const columns = editing.form.map(r => r.column)
            verify(columns.indexOf("opening_year") >= 0)
            const before = []
            for (let i = 0; i < editing.featureCount; ++i) {
                const row = { lon: editing.coordinate(i).longitude, lat: editing.coordinate(i).latitude }
                for (const c of columns) row[c] = editing.value(i, c)
                before.push(row)
            }
            saveAndWait()
            verify(!editing.dirty)
            savedCount = editing.featureCount

            // Read back from the file.
            verify(editing.discard(), editing.errorText)
            compare(editing.featureCount, before.length)
            for (let i = 0; i < before.length; ++i) {
                compare(editing.coordinate(i).longitude, before[i].lon, "lon of " + i)
                compare(editing.coordinate(i).latitude, before[i].lat, "lat of " + i)
                for (const c of columns) compare(editing.value(i, c), before[i][c], c + " of " + i)
            }
        }

        function test_2_a_click_near_a_village_snaps_onto_it_and_takes_its_codes() {
            verify(villages.edit("villages"), villages.errorText)
            const village = villages.coordinate(0)
            const villageName = villages.value(0, "name")
            const township = villages.value(0, "township_code")
            const county = villages.value(0, "county_code")
            verify(township.length === 9 || township.length === 12, township)
            map.center = village
            const at = pixel(village)
            editing.tool = "add"
            // Hovering 5 px right and 4 px down shows the village as the snap target.
            mouseMove(overlay, at.x + 5, at.y + 4)
            compare(editing.snapTarget.name, villageName)
            verify(findChild(overlay, "snapMark").visible)
            mouseClick(overlay, at.x + 5, at.y + 4)
            compare(editing.featureCount, savedCount + 1)
            const f = editing.selected
            compare(editing.coordinate(f).longitude, village.longitude)
            compare(editing.coordinate(f).latitude, village.latitude)
            compare(editing.value(f, "name"), villageName + "村级供销社")
            compare(editing.value(f, "township_code"), township)
            compare(editing.value(f, "county_code"), county)

            // Too far (30 px at 12 px snapping): the site stays where it was clicked.
            mouseClick(overlay, at.x + 30, at.y)
            compare(editing.featureCount, savedCount + 2)
            verify(editing.coordinate(editing.selected).longitude > village.longitude)
            compare(editing.value(editing.selected, "township_code"), "")
            verify(editing.undo())
            verify(editing.undo())
            compare(editing.featureCount, savedCount)
            verify(!editing.dirty)
        }

        function test_2b_a_site_dragged_near_a_village_lands_on_it() {
            const village = villages.coordinate(1)
            const township = villages.value(1, "township_code")
            map.center = village
            const from = pixel(editing.coordinate(0))
            const start = pixel(village)
            // Put site 0 in view 40 px left of the village first (no village that close).
            verify(editing.moveSite(0, map.toCoordinate(Qt.point(start.x - 40, start.y), false), 0))
            const site = pixel(editing.coordinate(0))
            editing.tool = "move"
            mousePress(overlay, site.x, site.y)
            compare(editing.selected, 0)
            mouseMove(overlay, start.x - 20, start.y)
            mouseMove(overlay, start.x - 6, start.y + 5)
            compare(editing.snapTarget.name, villages.value(1, "name"))
            verify(findChild(overlay, "dragMark").visible)
            mouseRelease(overlay, start.x - 6, start.y + 5)
            compare(editing.coordinate(0).longitude, village.longitude)
            compare(editing.coordinate(0).latitude, village.latitude)
            compare(editing.value(0, "township_code"), township)
            compare(editing.featureCount, savedCount)
            // One undo takes back the move with the codes it brought, the next the first move.
            verify(editing.undo())
            verify(editing.undo())
            verify(!editing.dirty)
            compare(pixel(editing.coordinate(0)).x, from.x)
        }

        function test_3_an_invalid_year_disables_apply_and_save() {
            editing.tool = "select"
            editing.selected = 0
            verify(editing.setAttribute(0, "operator", "襄阳市供销合作社"))
            verify(editing.dirty)
            const year = panel.form.field("opening_year")
            year.text = "1800"
            compare(findChild(panel.form, "problem_opening_year").text, "年份“1800”应为 1949 到 2100 之间的整数")
            verify(!findChild(panel.form, "applyButton").enabled)
            verify(!findChild(panel, "panelSaveButton").enabled)
            year.text = "2019"
            compare(findChild(panel.form, "problem_opening_year").text, "")
            verify(findChild(panel.form, "applyButton").enabled)
            verify(findChild(panel, "panelSaveButton").enabled)
            verify(panel.form.apply())
            compare(editing.value(0, "opening_year"), "2019")
        }

        function test_4_unsaved_edits_are_asked_about() {
            verify(editing.dirty)
            const dialog = panel.unsavedDialog
            let went_on = 0
            verify(dialog.ask(function() { ++went_on }))
            tryCompare(dialog, "opened", true)
            compare(went_on, 0)
            mouseClick(dialog.cancelButton)
            tryCompare(dialog, "visible", false)
            compare(went_on, 0)
            verify(editing.dirty)

            // 保存: saved, then it goes on.
            verify(dialog.ask(function() { ++went_on }))
            tryCompare(dialog, "opened", true)
            saved.clear()
            mouseClick(dialog.saveButton)
            saved.wait(20000)
            compare(went_on, 1)
            verify(!editing.dirty)
            compare(editing.value(0, "opening_year"), "2019")

            // 不保存: the edits are dropped, the file's version is shown again.
            editing.deleteSite(0)
            compare(editing.featureCount, savedCount - 1)
            verify(dialog.ask(function() { ++went_on }))
            tryCompare(dialog, "opened", true)
            mouseClick(dialog.discardButton)
            compare(went_on, 2)
            verify(!editing.dirty)
            compare(editing.featureCount, savedCount)
            compare(layerCount(), savedCount)
            compare(editing.value(0, "operator"), "襄阳市供销合作社")

            // Nothing unsaved: no question.
            verify(!dialog.ask(function() { ++went_on }))
            compare(went_on, 3)
        }
    }
}
