// 文件 → 新建项目 as a county office meets it: the sample's own sources as an office hands them
// over (tests/support/office_fixtures.h: no code columns, GBK Shapefile in GK zone 37, villages
// in GCJ-02, stations in BD-09…) go through the dialog of the main window; the GCJ-02 and BD-09
// questions are answered in it, the project is saved, opened again, and must give the sample's
// layer counts and coverage (`coopmap-cli info` / `coverage` on geodata/xiangyang.coopmap).
// Then 添加数据 on the same dialog adds villages with their fields, CRS question and style.
// With $COOPMAP_TEST_SHOTS set the fixtures, the project and screenshots are kept there.
import QtQuick
import QtCore
import QtQuick.Controls
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 400
    height: 300

    ProjectController { id: project }
    ProjectController { id: reopened }
    CoverageController { id: coverage; project: reopened }

    SignalSpy { id: opened; target: project; signalName: "finished" }
    SignalSpy { id: reopenedSpy; target: reopened; signalName: "finished" }
    SignalSpy { id: added; target: project; signalName: "layerAdded" }
    SignalSpy { id: ran; target: coverage; signalName: "finished" }

    TestCase {
        id: test
        name: "NewProject"
        when: windowShown

        property var window: null
        property var dialog: null
        property string dir
        property string shots
        property string projectFile

        function initTestCase() {
            shots = fixtures.shotsDir()
            const base = shots || StandardPaths.writableLocation(StandardPaths.TempLocation).toString().replace("file://", "")
            dir = base + "/office"
            // A kept folder may hold the project of an earlier run: 保存项目 never overwrites unasked.
            projectFile = base + (shots ? "/office-" + Date.now() + ".coopmap" : "/office.coopmap")
            compare(fixtures.makeOfficeFixtures(dir), "")
            const component = Qt.createComponent("CoopMap", "Main")
            window = component.createObject(null, { controller: project })
            verify(window !== null, component.errorString())
            dialog = findChild(window.contentItem.parent, "newProjectDialog")
            verify(dialog)
        }
        function cleanupTestCase() {
            if (window) window.destroy()
        }

        function save(name) {
            if (shots) grabImage(window.contentItem.parent).save(shots + "/" + name + ".png")
        }
        function rows() { return dialog.controller.layers }
        function rowOf(file) {
            const i = rows().indexOfFile(file)
            const files = []
            for (let r = 0; r < rows().count; ++r) files.push(rows().get(r).file)
            verify(i >= 0, "no row for " + file + " among " + files.join(", "))
            return i
        }
        function rowItem(i) {
            const list = findChild(dialog.contentItem, "draftList")
            list.positionViewAtIndex(i, ListView.Contain)
            tryVerify(() => list.itemAtIndex(i) !== null)
            return list.itemAtIndex(i)
        }
        // Opens a row's combo box and clicks the entry with this key, as a user would.
        function choose(file, boxName, key) {
            const box = findChild(rowItem(rowOf(file)), boxName)
            verify(box && box.visible, boxName + " of " + file)
            mouseClick(box)
            tryCompare(box.popup, "opened", true)
            const entries = box.popup.contentItem
            const i = box.indexOfValue(key)
            verify(i >= 0, key)
            entries.positionViewAtIndex(i, ListView.Contain)
            tryVerify(() => entries.itemAtIndex(i) !== null)
            mouseClick(entries.itemAtIndex(i))
            tryCompare(box.popup, "visible", false)
            tryCompare(dialog.controller, "busy", false, 60000)
        }
        function layerCount(controller, roleKey) {
            const counts = []
            for (let i = 0; i < controller.layers.count; ++i) {
                const l = controller.layers.get(i)
                if (l.roleKey === roleKey && !l.isResult) counts.push(l.featureCount)
            }
            return counts.sort((a, b) => a - b)
        }

        function test_1_new_project_from_an_offices_files() {
            window.menuBar.newProjectRequested()
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "新建项目")
            // What the folder dialog hands over when the office's folder is chosen.
            const drafted = createTemporaryObject(signalSpy, test, { target: dialog.controller, signalName: "drafted" })
            dialog.controller.addPaths(["file://" + dir])
            drafted.wait(120000)
            compare(drafted.signalArguments[0][0], true, dialog.controller.errorText)

            compare(rows().count, 11)
            const expected = {
                "县区界.shp": "admin_boundary", "乡镇界.shp": "admin_boundary", "道路.gpkg": "road",
                "村庄.xlsx": "village", "村级综合服务社.csv": "village_service_station",
                "村级供销社.geojson": "village_cooperative", "集采集配中心.kml": "distribution_center",
                "基层供销社.shp": "grassroots_cooperative", "乡镇综合超市.xlsx": "township_supermarket",
                "为农服务中心.csv": "agri_service_center", "土地托管.gpkg": "land_trusteeship"
            }
            for (const file in expected) compare(rows().get(rowOf(file)).roleKey, expected[file], file)
            compare(rows().get(rowOf("乡镇界.shp")).level, "township")
            compare(rows().get(rowOf("县区界.shp")).level, "county")
            // The villages' fields found from 村名/人口/户数, and nothing placed before the boundaries.
            const villages = rows().get(rowOf("村庄.xlsx"))
            verify(villages.fields.indexOf("名称=村名") >= 0, villages.fields)
            verify(villages.fields.indexOf("人口=人口") >= 0, villages.fields)
            compare(villages.featureCount, 2817)

            // Lon/lat with no CRS: nothing can be saved until the user says whose they are.
            verify(villages.askOffset)
            verify(!dialog.controller.ready)
            verify(!findChild(dialog.footer, "saveButton").enabled)
            verify(findChild(dialog.contentItem, "pendingText").text.indexOf("村庄.xlsx：请选择坐标来源") >= 0)
            choose("村庄.xlsx", "offsetBox", "gcj02")
            choose("村级综合服务社.csv", "offsetBox", "bd09")
            for (let i = 0; i < rows().count; ++i)
                if (rows().get(i).askOffset && !rows().get(i).offset) choose(rows().get(i).file, "offsetBox", "wgs84")
            // The rows' controls show what the model says.
            const village = rowItem(rowOf("村庄.xlsx"))
            compare(findChild(village, "roleBox").currentText, "行政村")
            compare(findChild(village, "offsetBox").currentText, "高德/腾讯：GCJ-02")
            compare(findChild(rowItem(rowOf("乡镇界.shp")), "levelBox").currentText, "乡镇（街道）界")
            mouseClick(findChild(rowItem(rowOf("村庄.xlsx")), "fieldsButton"))
            compare(findChild(rowItem(rowOf("村庄.xlsx")), "field_population").currentText, "人口")
            compare(rows().get(rowOf("村庄.xlsx")).crs, "GCJ02")
            compare(rows().get(rowOf("村级综合服务社.csv")).crs, "BD09")
            verify(dialog.controller.ready, dialog.controller.pending.join("；"))
            rowItem(rowOf("村庄.xlsx"))
            wait(100)
            save("new-project-dialog-villages")
            rowItem(rows().count - 1)
            wait(100)
            save("new-project-dialog-end")
            rowItem(0)
            wait(100)
            save("new-project-dialog")

            // 预览: the dialog steps aside, the layers are on the map, not yet in the project.
            mouseClick(findChild(dialog.footer, "previewButton"))
            const bar = findChild(window.contentItem.parent, "previewBar")
            tryCompare(bar, "opened", true)
            verify(dialog.controller.previewing)
            compare(project.layers.count, 11)
            const preview = project.layers.get(project.layers.indexOf("preview:villages"))
            verify(preview.isResult)
            compare(preview.featureCount, 2817)
            verify(preview.fillColor.toString() !== "#808080", "grey villages in the preview")
            wait(500)
            save("new-project-preview")
            mouseClick(findChild(bar, "backButton"))
            tryCompare(dialog, "opened", true)

            const file = findChild(dialog.contentItem, "projectFile")
            file.text = projectFile
            mouseClick(findChild(dialog.footer, "saveButton"))
            tryVerify(() => opened.count > 0 || dialog.controller.errorText, 120000)
            compare(dialog.controller.errorText, "")
            opened.wait(120000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            tryCompare(dialog, "opened", false)
            compare(project.path, projectFile)
            compare(project.layers.count, 11)  // the preview's result layers are gone
            wait(1000)
            save("new-project-map")
        }

        function test_2_reopened_project_has_the_samples_numbers() {
            reopened.open(projectFile)
            reopenedSpy.wait(120000)
            compare(reopenedSpy.signalArguments[0][0], true, reopened.errorText)
            // coopmap-cli info geodata/xiangyang.coopmap
            compare(layerCount(reopened, "admin_boundary"), [9, 130])
            compare(layerCount(reopened, "village"), [2817])
            compare(layerCount(reopened, "village_service_station"), [498])
            compare(layerCount(reopened, "village_cooperative"), [125])
            compare(layerCount(reopened, "land_trusteeship"), [412])
            compare(layerCount(reopened, "road"), [3829])
            compare(layerCount(reopened, "agri_service_center"), [37])
            compare(layerCount(reopened, "township_supermarket"), [87])
            compare(layerCount(reopened, "grassroots_cooperative"), [86])
            compare(layerCount(reopened, "distribution_center"), [7])

            // coopmap-cli coverage geodata/xiangyang.coopmap (村级综合服务社, 3 km, by county)
            coverage.run()
            ran.wait(120000)
            compare(ran.signalArguments[0][0], true, coverage.errorText)
            const table = coverage.table
            const last = table.count - 1
            compare(table.cell(last, 1), "合计")
            compare(Number(table.cell(last, 2)), 2817)
            compare(Number(table.cell(last, 3)), 1655)
            compare(table.cell(last, 6), "4138261")
            // 9 counties (villages placed in them by location), and 合计; 南漳县 as in the sample.
            compare(table.count, 10)
            let nanzhang = -1
            for (let i = 0; i < table.count; ++i) if (table.cell(i, 1) === "南漳县") nanzhang = i
            verify(nanzhang >= 0)
            compare(table.cell(nanzhang, 0), "420624")
            compare(Number(table.cell(nanzhang, 3)), 60)
        }

        function test_3_add_data_uses_the_same_dialog() {
            const before = project.layers.count
            // What 添加数据's file dialog hands over when 村庄.xlsx is chosen (Main.qml's dataDialog).
            dialog.startAdding(["file://" + dir + "/村庄.xlsx"])
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "添加数据")
            tryCompare(dialog.controller.layers, "count", 1, 60000)
            tryCompare(dialog.controller, "busy", false, 60000)
            const villages = rows().get(0)
            compare(villages.roleKey, "village")
            verify(villages.fields.indexOf("人口=人口") >= 0, villages.fields)
            verify(villages.askOffset)
            verify(!findChild(dialog.footer, "saveButton").enabled)
            compare(findChild(dialog.footer, "saveButton").text, "添加到项目")
            choose("村庄.xlsx", "offsetBox", "gcj02")
            verify(dialog.controller.ready, dialog.controller.pending.join("；"))
            verify(findChild(dialog.footer, "saveButton").enabled)
            mouseClick(findChild(dialog.footer, "saveButton"))
            tryVerify(() => added.count > 0 || dialog.controller.errorText, 120000)
            compare(dialog.controller.errorText, "")
            added.wait(120000)
            compare(added.signalArguments[0][0], true, project.errorText)
            compare(project.layers.count, before + 1)
            const row = project.layers.indexOf("villages_2")
            verify(row >= 0)
            const layer = project.layers.get(row)
            compare(layer.featureCount, 2817)
            compare(layer.fillColor.toString(), project.layers.get(project.layers.indexOf("villages")).fillColor.toString())
            verify(layer.fillColor.toString() !== "#808080", "grey villages")
        }

        // 保存项目 never replaces a file it was not told to (the 浏览… dialog asks first).
        function test_4_an_existing_project_file_is_not_replaced() {
            dialog.startNew(["file://" + dir + "/村级供销社.geojson"])
            tryCompare(dialog.controller.layers, "count", 1, 60000)
            tryCompare(dialog.controller, "busy", false, 60000)
            verify(dialog.controller.ready, dialog.controller.pending.join("；"))
            findChild(dialog.contentItem, "projectFile").text = projectFile
            mouseClick(findChild(dialog.footer, "saveButton"))
            compare(dialog.controller.errorText, projectFile + " 已存在：请换一个文件名，或用“浏览…”选择覆盖它")
            verify(dialog.opened)
            compare(project.path, projectFile)
            mouseClick(findChild(dialog.footer, "cancelButton"))
            tryCompare(dialog, "opened", false)
            compare(dialog.controller.layers.count, 0)
        }
    }

    Component { id: signalSpy; SignalSpy {} }
}
