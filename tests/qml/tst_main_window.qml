// The main window as a user meets it: the sample opened, a village identified, then the
// presentation started from the menu (F5): the identify popup must not stay over the slides;
// the dock's tab titles read in full at its width and in a narrow window.
import QtQuick
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    width: 1600
    height: 1000

    ProjectController { id: project }
    SignalSpy { id: opened; target: project; signalName: "finished" }

    TestCase {
        name: "MainWindow"
        when: windowShown

        function test_presentation_closes_the_identify_popup() {
            const component = Qt.createComponent("CoopMap", "Main")
            const w = component.createObject(null, { controller: project })
            verify(w !== null, component.errorString())
            project.open(project.samplePath())
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            const map = findChild(w.contentItem, "networkMap")
            const popup = findChild(map, "identifyPopup")
            const presentation = findChild(w.contentItem.parent, "presentation")
            verify(map && popup && presentation)

            map.map.center = project.featureCoordinate("villages", 100)
            map.map.zoomLevel = 12
            wait(100)
            const p = map.map.fromCoordinate(project.featureCoordinate("villages", 100), false)
            verify(map.identifyAt(p.x, p.y).layerId, "nothing to identify at a village")
            tryCompare(popup, "opened", true)

            w.menuBar.presentRequested()
            tryCompare(presentation, "opened", true)
            tryCompare(popup, "visible", false)
            presentation.leave()
            tryCompare(presentation, "opened", false)
            w.destroy()
        }

        // The dock's five tab titles read in full — none cut to "覆盖…" — at the dock's own width
        // and in narrower windows (the map gives way, the dock never gets narrower than its
        // tabs); each names its panel in full on hover.
        function test_dock_tab_titles_are_not_cut() {
            const component = Qt.createComponent("CoopMap", "Main")
            const w = component.createObject(null, { controller: project })
            verify(w !== null, component.errorString())
            const tabs = findChild(w.contentItem, "dockTabs")
            const dock = findChild(w.contentItem, "analysisDock")
            verify(tabs && dock)
            compare(tabs.count, 5)
            const names = ["覆盖分析", "选址规划", "编辑网点", "配送路线", "专题图"]
            for (const width of [1600, 900, 480]) {
                w.width = width
                waitForRendering(w.contentItem)
                if (width === 1600) compare(dock.width, Theme.panelWidth)
                for (let i = 0; i < tabs.count; ++i) {
                    const tab = tabs.itemAt(i)
                    const why = "window " + width + ", tab " + tab.text + ": " + tab.implicitWidth + " > " + tab.width
                    // A tab narrower than its text and padding shows its title elided.
                    verify(tab.implicitWidth <= tab.width + 0.5, why)
                    verify(tab.x + tab.width <= tabs.width + 0.5, why)
                    compare(tab.fullName, names[i])
                    compare(tab.toolTipText, names[i])
                }
            }
            // Hovering a tab shows the panel's full name.
            w.width = 1600
            waitForRendering(w.contentItem)
            const routesTab = tabs.itemAt(3)
            compare(routesTab.text, "路线")
            mouseMove(routesTab, routesTab.width / 2, routesTab.height / 2)
            tryCompare(routesTab.sharedToolTip, "visible", true)
            compare(routesTab.sharedToolTip.text, "配送路线")
            w.destroy()
        }
    }
}
