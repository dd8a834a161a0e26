// The planning panel on the sample: a site dropped at a village shows the villages it newly
// covers, and that count equals the plan's coverage recomputed from scratch (every village
// against every site with PROJ's geodesic) rather than the what-if's incremental count.
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

    TestCase {
        name: "PlanningPanel"
        when: windowShown

        function initTestCase() {
            project.open(project.samplePath())
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
        }

        function init() {
            panel.controller.clearSites()
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
                    + Math.round(expected.newlyCoveredPopulation))
            // The township it stands in gains exactly what the site newly covers there.
            const towns = panel.controller.townships
            verify(towns.length > 0)
            let gained = 0
            for (const t of towns) gained += t.after - t.before
            compare(gained, expected.newlyCovered)
            compare(panel.controller.sites.length, 1)
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
            compare(panel.controller.sites.length, 3)
            verify(findChild(panel, "messageLabel").text.indexOf("3 个新网点") === 0,
                   findChild(panel, "messageLabel").text)
        }
    }
}
