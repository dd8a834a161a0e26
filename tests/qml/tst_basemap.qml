// The basemap as the map window uses it: the choices, the offline tiles drawn from the
// sample and shown by the Map with no network, the online template with its key masked.
import QtQuick
import QtTest
import QtCore
import QtLocation
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 800
    height: 600

    ProjectController { id: project }
    BasemapController {
        id: basemap
        // A fresh cache per run: the first preparation draws, the later ones reuse.
        cacheRoot: StandardPaths.writableLocation(StandardPaths.TempLocation).toString().replace("file://", "") +
                   "/coopmap-tst-basemap-" + Date.now()
        minZoom: 9
        maxZoom: 9
    }
    BasemapView {
        id: view
        anchors.fill: parent
        basemap: basemap
    }
    BasemapSwitcher {
        id: switcher
        width: 300
        basemap: basemap
    }

    SignalSpy { id: opened; target: project; signalName: "finished" }
    SignalSpy { id: prepared; target: basemap; signalName: "prepared" }

    TestCase {
        name: "Basemap"
        when: windowShown

        function near(a, b, tolerance) {
            return Math.abs(a.r - b.r) <= tolerance / 255 && Math.abs(a.g - b.g) <= tolerance / 255 &&
                   Math.abs(a.b - b.b) <= tolerance / 255
        }

        function colourAround(image, x, y, colour) {
            for (let dy = -2; dy <= 2; ++dy)
                for (let dx = -2; dx <= 2; ++dx)
                    if (near(image.pixel(x + dx, y + dy), colour, 20))
                        return true
            return false
        }

        function prepare(change) {
            prepared.clear()
            change()
            prepared.wait(30000)
            return prepared.signalArguments[prepared.count - 1][0]
        }

        function initTestCase() {
            project.open(project.samplePath())
            opened.wait(20000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            compare(prepare(() => { basemap.projectPath = project.path }), true, basemap.errorText)
        }

        function test_1_choices_in_chinese() {
            const c = basemap.choices
            compare(c.length, 3)
            compare(c[0].kind, "offline")
            compare(c[0].title, "本地底图（离线）")
            compare(c[1].title, "导入的瓦片")
            compare(c[2].title, "在线底图")
            verify(c[0].available)
            compare(basemap.kind, "offline")
        }

        function test_2_offline_tiles_show_the_county_boundary() {
            verify(basemap.ready)
            compare(basemap.statusText, "离线底图：已生成 16 张瓦片")
            compare(basemap.pluginParameters["osm.mapping.offline.directory"], basemap.tileDirectory)
            verify(basemap.pluginParameters["osm.mapping.custom.host"].startsWith("file://"))
            // A county vertex at the centre of the view: the county outline colour of the style.
            const vertex = project.featureCoordinate("counties", 0)
            view.map.zoomLevel = 9
            view.map.center = vertex
            const p = view.map.fromCoordinate(vertex, false)
            tryVerify(() => colourAround(grabImage(view), Math.round(p.x), Math.round(p.y), Qt.color("#3c3c3c")),
                      10000, "no county outline at " + p.x + "," + p.y)
            grabImage(view).save(StandardPaths.writableLocation(StandardPaths.TempLocation).toString()
                                 .replace("file://", "") + "/coopmap-tst-basemap.png")
        }

        // Online can be chosen before it has an address; the address is typed in the panel.
        function test_2_online_address_typed_in_the_panel() {
            const online = findChild(switcher, "choice_xyz")
            verify(online.enabled)
            compare(basemap.urlTemplate, "")
            compare(prepare(() => online.clicked()), false)
            verify(basemap.errorText.indexOf("http://") >= 0, basemap.errorText)
            const field = findChild(switcher, "urlTemplate")
            verify(field.visible)
            field.text = "https://tiles.example.cn/{z}/{x}/{y}.png"
            compare(prepare(() => field.editingFinished()), true, basemap.errorText)
            compare(basemap.urlTemplate, "https://tiles.example.cn/{z}/{x}/{y}.png")
            compare(basemap.pluginParameters["osm.mapping.custom.host"], "https://tiles.example.cn/")
            compare(prepare(() => findChild(switcher, "choice_offline").clicked()), true, basemap.errorText)
        }

        function test_3_online_template_keeps_the_key_out_of_messages() {
            const before = basemap.revision
            const map = view.map
            basemap.urlTemplate = "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec" +
                    "&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}"
            basemap.key = ""
            compare(prepare(() => { basemap.kind = "xyz" }), false)
            verify(basemap.errorText.indexOf("需要密钥") >= 0, basemap.errorText)

            compare(prepare(() => { basemap.key = "a1b2c3d4e5f6" }), true, basemap.errorText)
            const host = basemap.pluginParameters["osm.mapping.custom.host"]
            verify(host.indexOf("TILEMATRIX=%z&TILEROW=%y&TILECOL=%x&tk=a1b2c3d4e5f6") >= 0, host)
            compare(basemap.pluginParameters["osm.mapping.offline.directory"], "")
            compare(basemap.statusText.indexOf("a1b2c3d4e5f6"), -1)
            verify(basemap.statusText.indexOf("tk=***") >= 0, basemap.statusText)
            compare(basemap.urlText.indexOf("a1b2c3d4e5f6"), -1)
            // A new Map with the new plugin, the camera kept.
            verify(basemap.revision > before)
            tryVerify(() => view.map !== null && view.map !== map)
            compare(view.map.activeMapType.style, MapType.CustomMap)
            fuzzyCompare(view.map.zoomLevel, 9, 0.01)
        }

        function test_4_back_to_offline_reuses_the_tiles() {
            compare(prepare(() => { basemap.kind = "offline" }), true, basemap.errorText)
            compare(basemap.statusText, "离线底图：16 张瓦片（已是最新）")
        }

        function test_5_missing_tiles_source_says_what_to_do() {
            compare(prepare(() => { basemap.importTiles("/nonexistent/area.mbtiles") }), false)
            compare(basemap.errorText, "文件 /nonexistent/area.mbtiles：找不到瓦片目录或 MBTiles 文件：请检查路径")
            compare(basemap.kind, "tiles")
            compare(prepare(() => { basemap.kind = "offline" }), true)
        }
    }
}
