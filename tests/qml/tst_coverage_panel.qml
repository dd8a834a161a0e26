// The coverage panel on the sample: 分析 fills the table whose 合计 row agrees with the red
// result layer of uncovered villages on the map, and 检查 lists where the three tiers break
// (9 counties, 2 without a distribution centre; 43 of 130 townships without a supermarket and 44
// without a grassroots cooperative, as sqlite3 counts them in geodata/xiangyang.gpkg).
import QtQuick
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 420
    height: 1000

    ProjectController { id: project }

    CoveragePanel {
        id: panel
        anchors.fill: parent
        project: project
    }

    SignalSpy { id: opened; target: project; signalName: "finished" }
    SignalSpy { id: ran; target: panel.controller; signalName: "finished" }
    SignalSpy { id: checked; target: panel.controller; signalName: "networkChanged" }

    TestCase {
        name: "CoveragePanel"
        when: windowShown

        function initTestCase() {
            project.open(project.samplePath())
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
        }

        function test_run_puts_the_uncovered_villages_on_the_map() {
            chooseRole("village_service_station")
            ran.clear()
            mouseClick(findChild(panel, "runButton"))
            ran.wait(60000)
            compare(ran.signalArguments[0][0], true, panel.controller.errorText)
            const table = panel.controller.table
            const last = table.count - 1
            compare(table.cell(last, 1), "合计")
            const villages = Number(table.cell(last, 2))
            const covered = Number(table.cell(last, 3))
            compare(villages, 2817)
            compare(panel.controller.uncovered, villages - covered)
            const row = project.layers.indexOf("coverage_uncovered")
            verify(row >= 0, "no result layer of uncovered villages")
            compare(project.layers.get(row).featureCount, villages - covered)
            compare(project.layers.get(row).fillColor.toString(), "#b71c1c")
            verify(project.layers.get(row).isResult)
            verify(project.layers.indexOf("coverage_area") >= 0)
            verify(findChild(panel, "exportButton").enabled)
        }

        // The role chooser's entry for a role key.
        function chooseRole(key) {
            const box = findChild(panel, "roleBox")
            box.currentIndex = box.indexOfValue(key)
            box.activated(box.currentIndex)
        }

        // 项目默认 leaves the reach to the engine: the sample's 60 minutes by road for the
        // distribution centres (not its 30 km service radius), shown before the run and from the
        // result after it.
        function test_default_reach_is_the_projects_travel_minutes() {
            chooseRole("distribution_center")
            mouseClick(findChild(panel, "byDefault"))
            compare(findChild(panel, "defaultReachLabel").text,
                    "行车 60 分钟（项目文件 travel_minutes.distribution_center，道路图层 roads）")
            ran.clear()
            mouseClick(findChild(panel, "runButton"))
            ran.wait(60000)
            compare(ran.signalArguments[0][0], true, panel.controller.errorText)
            compare(panel.controller.usedMinutes, 60)
            compare(panel.controller.usedRadiusKm, 0)
            verify(panel.controller.summary.indexOf("县域集采集配中心（行车 60 分钟）") === 0, panel.controller.summary)
            compare(findChild(panel, "reachLabel").text,
                    "覆盖范围：行车 60 分钟（项目文件 travel_minutes.distribution_center，道路图层 roads）")
            compare(findChild(panel, "minutesField").value, 60)
            chooseRole("village_service_station")
            compare(findChild(panel, "defaultReachLabel").text, "半径 3 公里（项目文件 service_radii_m.village_service_station）")
        }

        // 2.5 typed into the radius field is 2.5 km in the controller and 2500 m in the result
        // (an integer SpinBox made it 2).
        function test_a_typed_fractional_radius_stays_whole() {
            chooseRole("village_cooperative")
            mouseClick(findChild(panel, "byRadius"))
            const field = findChild(panel, "radiusField")
            verify(field.visible)
            mouseClick(field)
            field.selectAll()
            keyClick(Qt.Key_2)
            keyClick(Qt.Key_Period)
            compare(field.text, "2.")
            keyClick(Qt.Key_5)
            compare(field.text, "2.5")
            compare(field.value, 2.5)
            ran.clear()
            mouseClick(findChild(panel, "runButton"))
            ran.wait(60000)
            compare(ran.signalArguments[0][0], true, panel.controller.errorText)
            compare(panel.controller.radiusKm, 2.5)
            compare(panel.controller.usedRadiusKm, 2.5)
            compare(panel.controller.reachText, "半径 2.5 公里")
            compare(panel.controller.reachWhy, "指定的服务半径")
            compare(field.text, "2.5")
            mouseClick(findChild(panel, "byDefault"))
        }

        function test_network_check_lists_where_tiers_break() {
            mouseClick(findChild(panel, "networkButton"))
            checked.wait(60000)
            const summary = findChild(panel, "networkSummary")
            verify(summary.text.indexOf("9 个县中 2 个缺集采集配中心；130 个乡镇中 43 个缺超市、44 个缺基层社") === 0,
                   summary.text)
            // Read through the list as drawn (NetworkBreakModel's roles on each delegate).
            const list = findChild(panel, "networkBreaks")
            compare(list.count, panel.controller.networkBreaks.count)
            verify(list.count >= 44)
            let counties = 0
            for (let i = 0; i < list.count; ++i) {
                list.positionViewAtIndex(i, ListView.Contain)
                const row = list.itemAtIndex(i)
                if (row.level === "县") ++counties
                verify(row.text.indexOf(row.name + "：") > 0, row.text)
            }
            verify(counties >= 2)
        }
    }
}
