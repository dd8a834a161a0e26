// Presentation mode: steps through the sample's bookmarks and a fixture's with the keys a
// presentation clicker sends, and checks each slide's camera, caption and the layers it
// shows (its bookmark's list, every other layer hidden), and that Esc leaves the map as it was.
import QtQuick
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 1200
    height: 800

    ProjectController { id: controller }
    PresentationMode {
        id: present
        controller: controller
        flightDuration: 200
    }
    SignalSpy { id: finished; target: controller; signalName: "finished" }

    TestCase {
        name: "Presentation"
        when: windowShown

        // The sample's bookmarks as geodata/xiangyang.coopmap has them, with the layers each
        // shows (geodata/generator/sample_layers.cpp); every other layer is hidden.
        readonly property var sampleSlides: [
            { name: "全市总览", lon: 111.9339, lat: 31.9313, zoom: 9.0,
              shown: ["counties", "townships", "grassroots_cooperative", "distribution_center"] },
            { name: "襄州区", lon: 112.2263, lat: 32.1601, zoom: 9.8,
              shown: ["counties", "townships", "land_trusteeship", "villages", "village_service_station", "village_cooperative"] },
            { name: "保康县", lon: 111.1607, lat: 31.7391, zoom: 9.8,
              shown: ["counties", "townships", "roads", "villages", "village_service_station", "village_cooperative",
                      "distribution_center"] },
            { name: "枣阳市", lon: 112.792, lat: 31.9941, zoom: 9.8,
              shown: ["counties", "townships", "land_trusteeship", "villages", "agri_service_center"] },
        ]
        // The sample's 11 layers in project order.
        readonly property var sampleLayers: ["counties", "townships", "land_trusteeship", "roads", "villages",
            "agri_service_center", "village_service_station", "village_cooperative", "township_supermarket",
            "grassroots_cooperative", "distribution_center"]

        function shownOnly(ids) {
            const out = {}
            for (const id of sampleLayers) out[id] = ids.indexOf(id) >= 0
            return out
        }

        function open(path) {
            finished.clear()
            controller.open(path)
            finished.wait(30000)
            compare(finished.signalArguments[0][0], true, controller.errorText)
        }

        function visibility() {
            const out = {}
            for (let i = 0; i < controller.layers.count; ++i)
                out[controller.layers.get(i).layerId] = controller.layers.get(i).layerVisible
            return out
        }

        function checkSlide(index, slide) {
            tryCompare(present, "flying", false, 10000)
            compare(present.player.current, index)
            compare(present.player.name, slide.name)
            const c = present.networkMap.map.center
            fuzzyCompare(c.longitude, slide.lon, 1e-6, slide.name)
            fuzzyCompare(c.latitude, slide.lat, 1e-6, slide.name)
            fuzzyCompare(present.networkMap.map.zoomLevel, slide.zoom, 1e-6, slide.name)
        }

        function test_1_sample_bookmarks_as_slides() {
            open(controller.samplePath())
            // One layer hidden before the presentation: Esc brings back exactly this.
            const roads = controller.layers.indexOf("roads")
            verify(roads >= 0)
            controller.layers.setVisible(roads, false)
            const before = visibility()
            compare(Object.keys(before), sampleLayers)

            compare(present.player.count, sampleSlides.length)
            verify(present.start(), present.player.errorText)
            verify(present.opened)
            for (let i = 0; i < sampleSlides.length; ++i) {
                if (i > 0) keyClick(i % 2 ? Qt.Key_Right : Qt.Key_PageDown)
                checkSlide(i, sampleSlides[i])
                verify(present.player.caption.length > 0)
                compare(present.player.layerIds, sampleSlides[i].shown, sampleSlides[i].name)
                compare(visibility(), shownOnly(sampleSlides[i].shown), sampleSlides[i].name)
                // The map draws what the list says.
                for (let row = 0; row < controller.layers.count; ++row)
                    compare(present.networkMap.layerItems.itemAt(row).visible, controller.layers.get(row).layerVisible)
            }
            compare(present.player.errorText, "")
            // Past the last slide nothing moves; PageUp goes back one.
            keyClick(Qt.Key_PageDown)
            compare(present.player.current, sampleSlides.length - 1)
            keyClick(Qt.Key_PageUp)
            checkSlide(sampleSlides.length - 2, sampleSlides[sampleSlides.length - 2])
            compare(visibility(), shownOnly(sampleSlides[sampleSlides.length - 2].shown))
            keyClick(Qt.Key_Escape)
            tryCompare(present, "opened", false)
            compare(visibility(), before)
            controller.layers.setVisible(roads, true)
        }

        function test_2_kpi_cards() {
            tryCompare(present.kpi, "running", false, 30000)
            // Read through the cards as drawn (KpiCardModel's roles on each delegate).
            const cards = findChild(present, "kpiCards")
            compare(present.kpi.cards.count, 5)
            compare(cards.count, 5)
            const keys = []
            for (let i = 0; i < cards.count; ++i) keys.push(cards.itemAt(i).key)
            compare(keys, ["sites", "villages_covered", "population_covered", "trusteeship", "targets_met"])
            verify(/^\d+\.\d%$/.test(cards.itemAt(1).value), cards.itemAt(1).value)
            compare(cards.itemAt(3).unit, "万亩")
            compare(present.kpi.errorText, "")
        }

        function test_3_bookmarks_with_layers() {
            open(controller.samplePath().replace("geodata/xiangyang.coopmap", "tests/data/present/slides.coopmap"))
            const slides = [
                { name: "村庄分布", lon: 112.2263, lat: 32.1601, zoom: 10.0,
                  shown: { counties: true, villages: true, village_service_station: false } },
                { name: "服务社", lon: 111.1607, lat: 31.7391, zoom: 10.5,
                  shown: { counties: true, villages: false, village_service_station: true } },
                { name: "全部图层", lon: 112.792, lat: 31.9941, zoom: 9.5,
                  shown: { counties: true, villages: true, village_service_station: true } },
            ]
            verify(present.start(), present.player.errorText)
            for (let i = 0; i < slides.length; ++i) {
                if (i > 0) keyClick(Qt.Key_Right)
                checkSlide(i, slides[i])
                compare(visibility(), slides[i].shown, slides[i].name)
                for (let row = 0; row < controller.layers.count; ++row)
                    compare(present.networkMap.layerItems.itemAt(row).visible, controller.layers.get(row).layerVisible)
            }
            keyClick(Qt.Key_Left)
            checkSlide(1, slides[1])
            compare(visibility(), slides[1].shown)
            keyClick(Qt.Key_Escape)
            tryCompare(present, "opened", false)
            compare(visibility(), { counties: true, villages: true, village_service_station: true })
        }
    }
}
