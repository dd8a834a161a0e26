// The 专题图 in the window's map: the sample's townships in their class colours where the map
// puts their inner points, and the map's legend listing the engine's class ranges and colours.
import QtQuick
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 900
    height: 700

    ProjectController { id: controller }
    ThematicController { id: thematic; project: controller }

    NetworkMap {
        id: networkMap
        anchors.fill: parent
        controller: controller
        thematic: thematic
    }

    PresentationMode {
        id: present
        controller: controller
        thematic: thematic
        flightDuration: 100
    }

    SignalSpy { id: opened; target: controller; signalName: "finished" }
    SignalSpy { id: made; target: thematic; signalName: "finished" }

    TestCase {
        name: "Thematic"
        when: windowShown

        function sameColor(a, b) {
            return Math.abs(a.r - b.r) < 5 / 255 && Math.abs(a.g - b.g) < 5 / 255 && Math.abs(a.b - b.b) < 5 / 255
        }

        function choropleth() { return findChild(networkMap, "choropleth") }

        function settle() {
            tryVerify(() => {
                for (let i = 0; i < networkMap.layerItems.count; ++i)
                    if (networkMap.layerItems.itemAt(i).visible && networkMap.layerItems.itemAt(i).busy) return false
                return !choropleth().busy
            }, 20000)
            wait(50)
        }

        function initTestCase() {
            controller.open(controller.samplePath())
            opened.wait(20000)
            compare(opened.signalArguments[0][0], true, controller.errorText)
        }

        function test_a_nothing_before_a_map_is_made() {
            verify(!thematic.shown)
            verify(!choropleth().active)
            verify(!findChild(networkMap.legend, "mapThematicLegend").visible)
        }

        function test_townships_in_their_class_colour_and_the_legend() {
            thematic.figure = "coverage_rate"
            thematic.level = "township"
            thematic.method = "natural"
            thematic.classes = 5
            thematic.run()
            made.wait(30000)
            compare(made.signalArguments[0][0], true, thematic.errorText)
            verify(thematic.shown)
            compare(thematic.title, "村级综合服务社覆盖率（%）· 按乡镇")
            compare(thematic.legend.count, 5)
            verify(choropleth().active)

            // The legend lists the controller's (the engine's) ranges, each in its colour.
            const legend = findChild(networkMap.legend, "mapThematicLegend")
            verify(legend.visible)
            compare(legend.rows.count, 5)
            for (let k = 0; k < 5; ++k) {
                const row = legend.rows.itemAt(k)
                compare(row.label, thematic.legend.label(k))
                verify(row.label.endsWith(" %"), row.label)
                verify(Qt.colorEqual(row.color, thematic.legend.color(k)), row.color + " " + thematic.legend.color(k))
            }

            // Only the townships and the 专题图, without names, at zoom 10 over the city centre.
            for (let i = 0; i < controller.layers.count; ++i)
                controller.layers.setVisible(i, controller.layers.get(i).layerId === "townships")
            networkMap.labels.visible = false
            networkMap.map.zoomLevel = 10
            settle()
            const image = grabImage(networkMap)
            let checked = 0, same = 0
            for (const u of thematic.units()) {
                const p = choropleth().toScreen(u.coordinate)
                if (p.x < 60 || p.y < 60 || p.x > networkMap.width - 260 || p.y > networkMap.height - 80) continue
                ++checked
                if (sameColor(image.pixel(Math.floor(p.x), Math.floor(p.y)), u.color)) ++same
                else console.warn(u.name, u.code, image.pixel(Math.floor(p.x), Math.floor(p.y)), u.color)
            }
            console.log("thematic: " + same + " of " + checked + " townships in their class colour")
            verify(checked >= 15, checked)
            // A few townships are thin where their inner point is: its pixel is on the outline.
            verify(same >= checked - 2, same + " of " + checked)
        }

        // The slides' map draws the same 专题图 and lists its classes in its legend.
        function test_y_presentation_shows_it() {
            verify(thematic.shown)
            verify(present.start(), present.player.errorText)
            const slideMap = findChild(present.networkMap, "choropleth")
            verify(slideMap.active)
            tryVerify(() => !slideMap.busy, 20000)
            const legend = findChild(present.networkMap.legend, "mapThematicLegend")
            verify(legend.visible)
            compare(legend.rows.count, thematic.legend.count)
            compare(legend.rows.itemAt(0).label, thematic.legend.label(0))
            present.leave()
        }

        function test_z_clear_takes_it_off() {
            thematic.clear()
            verify(!thematic.shown)
            compare(thematic.legend.count, 0)
            verify(!choropleth().active)
        }
    }
}
