// The map as a user sees it: the sample's layers, drawn where the map puts them.
import QtQuick
import QtTest
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 900
    height: 700

    ProjectController { id: controller }

    NetworkMap {
        id: networkMap
        anchors.fill: parent
        controller: controller
    }

    SignalSpy { id: finished; target: controller; signalName: "finished" }

    TestCase {
        name: "NetworkMap"
        when: windowShown

        function layerItem(id) {
            return networkMap.layerItems.itemAt(controller.layers.indexOf(id))
        }

        function showOnly(id) {
            for (let i = 0; i < controller.layers.count; ++i)
                controller.layers.setVisible(i, i === controller.layers.indexOf(id))
        }

        // Drawing through a texture may round a channel by one step.
        function sameColor(a, b) {
            return Math.abs(a.r - b.r) < 3 / 255 && Math.abs(a.g - b.g) < 3 / 255 && Math.abs(a.b - b.b) < 3 / 255
        }

        // Layer items draw on a worker thread once the camera settles; wait for that.
        function settle() {
            tryVerify(() => {
                for (let i = 0; i < networkMap.layerItems.count; ++i)
                    if (networkMap.layerItems.itemAt(i).visible && networkMap.layerItems.itemAt(i).busy) return false
                return true
            }, 10000)
            wait(20)
        }

        function initTestCase() {
            controller.open(controller.samplePath())
            finished.wait(20000)
            compare(finished.signalArguments[0][0], true, controller.errorText)
        }

        function test_sample_layers() {
            verify(controller.layers.indexOf("counties") >= 0)
            verify(controller.layers.indexOf("villages") >= 0)
            compare(networkMap.layerItems.count, controller.layers.count)
            verify(controller.summary.indexOf("村（社区） 2817") >= 0, controller.summary)
            verify(controller.summary.indexOf("县（市、区）界 9") >= 0, controller.summary)
        }

        function test_camera_on_sample() {
            // Xiangyang lies between 110.5–113.2 E and 31.2–32.7 N.
            const c = networkMap.map.center
            verify(c.longitude > 110.5 && c.longitude < 113.2, c.longitude)
            verify(c.latitude > 31.2 && c.latitude < 32.7, c.latitude)
        }

        function test_projection_equals_the_maps_own() {
            const item = layerItem("villages")
            const points = [QtPositioning.coordinate(32.0, 112.1), QtPositioning.coordinate(31.5, 111.2),
                            QtPositioning.coordinate(32.5, 112.9)]
            for (const zoom of [7, 9.5, 12]) {
                networkMap.map.zoomLevel = zoom
                for (const p of points) {
                    const mine = item.toScreen(p)
                    const theirs = networkMap.map.fromCoordinate(p, false)
                    fuzzyCompare(mine.x, theirs.x, 0.5)
                    fuzzyCompare(mine.y, theirs.y, 0.5)
                }
            }
            networkMap.map.zoomLevel = controller.zoom
        }

        function test_village_pixels() {
            showOnly("villages")
            networkMap.map.center = controller.center
            networkMap.map.zoomLevel = 11
            settle()
            const item = layerItem("villages")
            const image = grabImage(networkMap)
            // Every village inside the view is drawn in the villages' colour; the pixel
            // that holds the point lies wholly inside its symbol.
            let found = 0
            for (let i = 0; i < 40; ++i) {
                const p = item.toScreen(controller.featureCoordinate("villages", i))
                if (p.x < 3 || p.y < 3 || p.x > root.width - 3 || p.y > root.height - 3) continue
                const seen = image.pixel(Math.floor(p.x), Math.floor(p.y))
                verify(sameColor(seen, item.color), "village " + i + ": " + seen + " is not " + item.color)
                ++found
            }
            verify(found > 0)
        }

        function test_hidden_layer_draws_nothing() {
            showOnly("counties")
            networkMap.map.center = controller.center
            networkMap.map.zoomLevel = controller.zoom
            settle()
            const image = grabImage(networkMap)
            const item = layerItem("villages")
            verify(!item.visible)
            const p = item.toScreen(controller.featureCoordinate("villages", 0))
            verify(p.x >= 0 && p.y >= 0 && p.x < root.width && p.y < root.height)
            verify(!sameColor(image.pixel(Math.floor(p.x), Math.floor(p.y)), item.color))
        }

        function test_bad_project_keeps_what_was_open() {
            const before = controller.layers.count
            const path = controller.path
            controller.open("/nonexistent/elsewhere.coopmap")
            finished.wait(5000)
            compare(finished.signalArguments[finished.count - 1][0], false)
            verify(controller.errorText.indexOf("/nonexistent/elsewhere.coopmap") >= 0, controller.errorText)
            compare(controller.layers.count, before)
            compare(controller.path, path)
            controller.clearError()
            compare(controller.errorText, "")
        }
    }
}
