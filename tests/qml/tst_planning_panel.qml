// The planning panel on the sample: a site dropped at a village shows the villages it newly
// covers, and that count equals the plan's coverage recomputed from scratch (every village
// against every site with PROJ's geodesic) rather than the what-if's incremental count.
import QtCore
import QtQuick
import QtTest
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 420
    height: 900

    ProjectController { id: project }

    PlanningPanel {
        id: panel
        anchors.fill: parent
        project: project
    }

    SignalSpy { id: opened; target: project; signalName: "finished" }
    SignalSpy { id: suggested; target: panel.controller; signalName: "finished" }
    SignalSpy { id: figured; target: panel.controller; signalName: "scenarioFiguresFinished" }

    TestCase {
        name: "PlanningPanel"
        when: windowShown

        function initTestCase() {
            project.open(project.samplePath())
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            // The reach is the project's until one is typed in: the controller asks for none, the
            // panel shows the engine's default (service_radii_m.village_cooperative, 3000 m) and
            // prefills the radius field with it.
            compare(panel.controller.radiusKm, 0)
            compare(findChild(panel, "reachBox").currentIndex, 0)
            compare(findChild(panel, "radiusField").value, 3)
            compare(findChild(panel, "reachLabel").text, "项目默认：半径 3 公里（项目文件 service_radii_m.village_cooperative）")
        }

        function init() {
            panel.controller.roleKey = "village_cooperative"
            panel.controller.radiusKm = 0
            panel.controller.minutes = 0
            panel.controller.clearSites()
        }

        // The role chooser and what counts as existing: the village tier's two roles, ticked, until
        // one is unticked; the 方案 line counts the sites of the ticked roles.
        function test_role_and_existing_roles() {
            const box = findChild(panel, "roleBox")
            compare(box.currentValue, "village_cooperative")
            const coop = findChild(panel, "existing_village_cooperative")
            const station = findChild(panel, "existing_village_service_station")
            verify(coop.checked)
            verify(station.checked)
            verify(!findChild(panel, "existing_township_supermarket").checked)
            compare(panel.controller.existingRoles, ["village_cooperative", "village_service_station"])
            panel.controller.dropSite(project.featureCoordinate("villages", 0))
            // 125 村级供销社 and 498 村级综合服务社 in geodata/xiangyang.gpkg.
            compare(panel.controller.planFigures.existingSites, 623)
            verify(findChild(panel, "planLabel").text.indexOf("方案：现有网点 623 个，新网点 1 个") === 0,
                   findChild(panel, "planLabel").text)
            mouseClick(station)
            verify(!station.checked)
            compare(panel.controller.existingRoles, ["village_cooperative"])
            verify(panel.controller.evaluate(project.featureCoordinate("villages", 0)))
            compare(panel.controller.planFigures.existingSites, 125)
            // Another role: its own tier (乡镇综合超市 with 基层供销社) and its own reach.
            box.currentIndex = box.indexOfValue("township_supermarket")
            box.activated(box.currentIndex)
            compare(panel.controller.roleKey, "township_supermarket")
            compare(panel.controller.existingRoles, ["township_supermarket", "grassroots_cooperative"])
            verify(findChild(panel, "existing_grassroots_cooperative").checked)
            verify(!station.checked)
            verify(panel.controller.evaluate(project.featureCoordinate("villages", 0)))
            compare(panel.controller.reachText, "半径 10 公里")
            compare(panel.controller.planFigures.existingSites, 87 + 86)
        }

        // 2.5 typed into the radius field: 2.5 km in the controller, 2500 m in the engine's request
        // and in the plan data (an integer SpinBox made it 2).
        function test_a_typed_fractional_radius_stays_whole() {
            const reach = findChild(panel, "reachBox")
            reach.currentIndex = 1
            reach.activated(1)
            const field = findChild(panel, "radiusField")
            verify(field.visible)
            mouseClick(field)
            field.selectAll()
            keyClick(Qt.Key_2)
            keyClick(Qt.Key_Period)
            keyClick(Qt.Key_5)
            compare(field.text, "2.5")
            compare(panel.controller.radiusKm, 2.5)
            verify(panel.controller.evaluate(project.featureCoordinate("villages", 0)), panel.controller.errorText)
            compare(panel.controller.reachText, "半径 2.5 公里")
            compare(panel.controller.reachWhy, "指定的服务半径")
            compare(findChild(panel, "reachLabel").text, "按半径 2.5 公里（指定的服务半径）")
            reach.currentIndex = 0
            reach.activated(0)
            compare(panel.controller.radiusKm, 0)
        }

        // The controller's proposed sites as compareResultLayer takes them (ProposedSiteModel's rows).
        function proposedSites() {
            const out = []
            for (let i = 0; i < panel.controller.sites.count; ++i)
                out.push({ name: panel.controller.sites.name(i), coordinate: panel.controller.sites.coordinate(i) })
            return out
        }

        // Every feature of result layer `id` at the proposed sites, in their order.
        function compareResultLayer(id, sites) {
            const row = project.layers.indexOf(id)
            verify(row >= 0, "no result layer " + id)
            compare(project.layers.get(row).featureCount, sites.length)
            for (let i = 0; i < sites.length; ++i) {
                const c = project.featureCoordinate(id, i)
                compare(c.latitude, sites[i].coordinate.latitude)
                compare(c.longitude, sites[i].coordinate.longitude)
            }
        }

        // The first village (in layer order) where a new site would cover someone.
        function uncoveredVillage() {
            for (let i = 0; i < 3000; ++i) {
                const c = project.featureCoordinate("villages", i)
                if (!c.isValid) break
                verify(panel.controller.evaluate(c), panel.controller.errorText)
                if (panel.controller.newlyCovered > 0) return c
            }
            fail("no village left uncovered")
        }

        function test_drop_at_a_village_shows_what_it_newly_covers() {
            const at = uncoveredVillage()
            const expected = panel.controller.recount(at)
            verify(expected.newlyCovered > 0)
            compare(panel.controller.dropSite(at), 0)
            compare(panel.controller.newlyCovered, expected.newlyCovered)
            fuzzyCompare(panel.controller.newlyCoveredPopulation, expected.newlyCoveredPopulation, 0.5)
            compare(panel.controller.highlight.length, expected.newlyCovered)
            const label = findChild(panel, "newlyCoveredLabel")
            verify(label.visible)
            compare(label.text, "新覆盖村 " + expected.newlyCovered + " 个，人口 "
                    + Number(expected.newlyCoveredPopulation).toLocaleString(Qt.locale(), "f", 0))
            // The township it stands in gains exactly what the site newly covers there.
            // Read through the rows as drawn (TownshipChangeModel's roles on each delegate).
            const towns = findChild(panel, "townshipRows")
            compare(towns.count, panel.controller.townships.count)
            verify(towns.count > 0)
            let gained = 0
            for (let i = 0; i < towns.count; ++i) gained += towns.itemAt(i).after - towns.itemAt(i).before
            compare(gained, expected.newlyCovered)
            compare(panel.controller.sites.count, 1)
            compare(panel.controller.planFigures.sites, 1)
        }

        function test_a_second_site_on_the_same_village_adds_nothing() {
            const at = uncoveredVillage()
            panel.controller.dropSite(at)
            const n = panel.controller.newlyCovered
            const before = panel.controller.overlapVillages
            compare(panel.controller.dropSite(at), 1)
            compare(panel.controller.newlyCovered, 0)
            // Everything it reaches is now reached already: what the first newly covered too.
            compare(panel.controller.overlapVillages, n + before)
            verify(panel.controller.overlappingSites >= 1)
            compare(panel.controller.recount(at).newlyCovered, 0)
        }

        function test_dragging_leaves_the_old_place_out() {
            const at = uncoveredVillage()
            panel.controller.dropSite(at)
            const n = panel.controller.newlyCovered
            // Dragged back onto its own place it still adds what it added when dropped.
            verify(panel.controller.moveSite(0, at))
            compare(panel.controller.newlyCovered, n)
        }

        function test_suggested_sites_replace_the_proposed_ones() {
            panel.controller.newSites = 3
            panel.controller.suggest()
            suggested.wait(60000)
            compare(suggested.signalArguments[suggested.count - 1][0], true, panel.controller.errorText)
            compare(panel.controller.sites.count, 3)
            verify(findChild(panel, "messageLabel").text.indexOf("3 个新网点") === 0,
                   findChild(panel, "messageLabel").text)
        }

        function test_suggested_sites_and_newly_covered_villages_are_map_layers() {
            verify(panel.controller.evaluate(project.featureCoordinate("villages", 0)))
            const before = panel.controller.planFigures.covered
            panel.controller.newSites = 4
            panel.controller.suggest()
            suggested.wait(60000)
            compare(suggested.signalArguments[suggested.count - 1][0], true, panel.controller.errorText)
            compare(panel.controller.sites.count, 4)
            compareResultLayer("planning_sites", proposedSites())
            // The villages it newly covers: the plan's coverage recomputed from scratch, less the existing.
            const covered = project.layers.get(project.layers.indexOf("planning_newly_covered")).featureCount
            verify(covered > 0)
            compare(covered, panel.controller.planFigures.covered - before)
            panel.controller.clearSites()
            compare(project.layers.indexOf("planning_sites"), -1)
            compare(project.layers.indexOf("planning_newly_covered"), -1)
        }

        // Saved into a copy of the sample, the project reopened: the scenario comes back field
        // by field, and loading it puts exactly its sites on the map.
        function test_scenario_survives_save_and_reopen() {
            const path = StandardPaths.writableLocation(StandardPaths.TempLocation).toString().replace("file://", "")
                         + "/coopmap_planning.coopmap"
            verify(project.save(path), project.errorText)
            panel.controller.radiusKm = 4
            const a = project.featureCoordinate("villages", 10), b = project.featureCoordinate("villages", 200)
            compare(panel.controller.dropSite(a), 0)
            compare(panel.controller.dropSite(b), 1)
            figured.clear()
            verify(panel.controller.saveScenario("方案甲"), panel.controller.errorText)
            // The saved scenario is selected; its 方案 figures (the scenario job's) show below the table.
            compare(panel.controller.selectedScenario, "方案甲")
            const fig = panel.controller.scenarioFigures
            compare(fig.ready, false)
            compare(findChild(panel, "scenarioDetailTitle").text, "方案「方案甲」：正在计算…")
            figured.wait(60000)
            compare(figured.signalArguments[figured.count - 1][0], true)
            verify(fig.ready)
            compare(fig.count, 2)
            compare(fig.reachText, "半径 4 公里")
            verify(fig.coveredAfter >= fig.coveredBefore && fig.coveredBefore > 0)
            compare(findChild(panel, "scenarioDetailTitle").text,
                    "方案「方案甲」：按半径 4 公里，现有网点 " + fig.existingSites + " 个（村级供销社、村级综合服务社）")
            compare(findChild(panel, "scenarioDetailCovered").text,
                    "村覆盖率 现状 " + (100 * fig.coveredBefore / fig.villages).toFixed(1) + "% → 建成后 "
                    + (100 * fig.coveredAfter / fig.villages).toFixed(1) + "%；覆盖村数 " + fig.coveredBefore
                    + " → " + fig.coveredAfter + " / " + fig.villages)
            compare(findChild(panel, "scenarioSiteName").text, "新网点 1")
            verify(findChild(panel, "scenarioDetailSites").visible)
            // Saving the project keeps the sites on the map; only opening one clears them.
            verify(project.save(path), project.errorText)
            compare(panel.controller.sites.count, 2)
            opened.clear()
            project.open(path)
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            compare(panel.controller.sites.count, 0)
            const sc = panel.controller.scenario("方案甲")
            compare(sc.name, "方案甲")
            compare(sc.roleKey, "village_cooperative")
            compare(sc.objective, "max_coverage")
            compare(sc.radiusKm, 4)
            compare(sc.minutes, 0)
            compare(sc.sites.length, 2)
            compare(sc.sites[0].name, "新网点 1")
            compare(sc.sites[1].name, "新网点 2")
            compare(sc.sites[0].coordinate.latitude, a.latitude)
            compare(sc.sites[0].coordinate.longitude, a.longitude)
            compare(sc.sites[1].coordinate.latitude, b.latitude)
            compare(sc.sites[1].coordinate.longitude, b.longitude)
            compare(panel.controller.scenarios.count, 1)
            compare(findChild(panel, "scenarioRowName").text, "方案甲")
            compare(findChild(panel, "scenarioSites").text, "2")
            // The sample gives no site cost (site_costs), so none is shown.
            compare(findChild(panel, "scenarioCost").text, "—")
            verify(panel.controller.loadScenario("方案甲"))
            compare(panel.controller.radiusKm, 4)
            compareResultLayer("planning_sites", sc.sites)
            // Exports (their contents are checked in the engine's and the presentation's tests).
            verify(panel.controller.exportScenario("方案甲", path.replace(".coopmap", ".gpkg")),
                   panel.controller.errorText)
            verify(panel.controller.exportScenario("方案甲", path.replace(".coopmap", ".pdf")),
                   panel.controller.errorText)
            verify(!panel.controller.exportScenario("没有这个方案", path.replace(".coopmap", ".xlsx")))
            compare(panel.controller.errorText, "没有名为「没有这个方案」的方案：请先保存方案")
            opened.clear()
            project.open(project.samplePath())
            opened.wait(30000)
        }
    }
}
