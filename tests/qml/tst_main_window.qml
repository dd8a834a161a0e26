// The main window as a user meets it: the sample opened, a village identified, then the
// presentation started from the menu (F5): the identify popup must not stay over the slides.
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
    }
}
