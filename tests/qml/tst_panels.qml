// The panels as a user works them: layer visibility, search (names, pinyin initials) that
// flies the map, the admin tree, identify, and the legend.
import QtQuick
import QtTest
import QtPositioning
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 1200
    height: 800

    ProjectController { id: controller }

    LayerPanel {
        id: panel
        width: 300
        height: parent.height
        model: controller.layers
    }
    NetworkMap {
        id: networkMap
        x: 300
        width: parent.width - 300
        height: parent.height
        controller: controller
    }
    SearchBox {
        id: search
        x: 310
        y: 10
        width: 300
        controller: controller
        onChosen: (r) => networkMap.flyTo(r.coordinate, r.region)
    }
    AdminTreePanel {
        id: adminTree
        visible: false
        width: 300
        height: 400
        controller: controller
        onChosen: (coordinate, region) => networkMap.flyTo(coordinate, region)
    }

    SignalSpy { id: finished; target: controller; signalName: "finished" }

    TestCase {
        name: "Panels"
        when: windowShown

        function layerItem(id) {
            return networkMap.layerItems.itemAt(controller.layers.indexOf(id))
        }
        function settle() {
            tryVerify(() => {
                for (let i = 0; i < networkMap.layerItems.count; ++i)
                    if (networkMap.layerItems.itemAt(i).visible && networkMap.layerItems.itemAt(i).busy) return false
                return !networkMap.labels.busy
            }, 10000)
        }

        function initTestCase() {
            controller.open(controller.samplePath())
            finished.wait(30000)
            compare(finished.signalArguments[0][0], true, controller.errorText)
        }

        function init() {
            for (let i = 0; i < controller.layers.count; ++i) controller.layers.setVisible(i, true)
            networkMap.map.center = controller.center
            networkMap.map.zoomLevel = controller.zoom
        }

        function test_toggle_layer_with_its_check_box() {
            const row = controller.layers.indexOf("villages")
            const delegate = panel.itemAtIndex(row)
            verify(delegate)
            const box = findChild(delegate, "visibleBox")
            verify(box.checked)
            mouseClick(box)
            compare(controller.layers.get(row).layerVisible, false)
            verify(!layerItem("villages").visible)
            verify(!networkMap.legend.visible || networkMap.legend.shownCount === controller.layers.count - 1,
                   networkMap.legend.shownCount)
            mouseClick(box)
            compare(controller.layers.get(row).layerVisible, true)
            verify(layerItem("villages").visible)
        }

        function test_search_flies_into_the_county() {
            search.text = "谷城"
            verify(search.results.count > 0)
            compare(search.results.get(0).name, "谷城县")
            search.choose(0)
            compare(controller.unitAt("counties", networkMap.map.center), "谷城县")
            verify(networkMap.map.zoomLevel > 9, networkMap.map.zoomLevel)
        }

        function test_search_by_pinyin_initials_and_code() {
            search.text = "gcx"
            verify(search.results.count > 0)
            compare(search.results.get(0).name, "谷城县")
            const code = search.results.get(0).detail.split(" · ")[1]
            verify(code && code.length > 0)
            search.text = code
            compare(search.results.get(0).name, "谷城县")
            search.text = ""
            compare(search.results.count, 0)
        }

        function test_admin_tree_zooms_to_the_unit() {
            const tree = adminTree.tree
            compare(tree.count, 9)
            const row = tree.find("谷城县")
            verify(row >= 0)
            tree.toggle(row)
            verify(tree.count > 9)
            adminTree.chosen(tree.data(tree.index(row, 0), Qt.UserRole + 6), tree.data(tree.index(row, 0), Qt.UserRole + 7))
            compare(controller.unitAt("counties", networkMap.map.center), "谷城县")
            tree.toggle(row)
            compare(tree.count, 9)
        }

        function test_identify_returns_the_clicked_feature() {
            networkMap.map.zoomLevel = 12
            const item = layerItem("villages")
            networkMap.map.center = controller.featureCoordinate("villages", 7)
            settle()
            const p = item.toScreen(controller.featureCoordinate("villages", 7))
            mouseClick(networkMap, p.x, p.y)
            compare(networkMap.identified.layerId, "villages")
            compare(networkMap.identified.feature, 7)
            verify(networkMap.identified.name.length > 0)
            // Columns holding role fields are shown by their Chinese names, in the layer's order
            // (the sample's villages: code name township_code county_code kind population households).
            compare(networkMap.identified.attributes.map(a => a.name),
                    ["区划代码", "名称", "乡镇代码", "县代码", "类别", "人口", "户数"])
            // And the same through the engine's own polygons: a click in a county's middle.
            for (let i = 0; i < controller.layers.count; ++i)
                controller.layers.setVisible(i, i === controller.layers.indexOf("counties"))
            search.text = "谷城县"
            search.choose(0)
            const found = networkMap.identifyAt(networkMap.width / 2, networkMap.height / 2)
            compare(found.layerId, "counties")
            compare(found.name, "谷城县")
        }

        // A click on the legend's title folds it to that title and back.
        function test_legend_folds_to_its_title() {
            const legend = networkMap.legend
            const shown = legend.shownCount, height = legend.height
            verify(shown > 0)
            const title = findChild(legend, "legendTitle")
            networkMap.closePopup()  // an earlier test's identify popup would take the click
            mouseClick(title)
            verify(legend.collapsed)
            compare(legend.shownCount, 0)
            tryVerify(() => legend.height < 50, 1000, "folded legend " + legend.height + " px high")
            mouseClick(title)
            verify(!legend.collapsed)
            compare(legend.shownCount, shown)
            tryCompare(legend, "height", height)
        }

        function test_style_reaches_map_and_legend() {
            const row = controller.layers.indexOf("villages")
            const before = controller.layers.get(row).fillColor
            controller.layers.setStyle(row, "#123456", 6)
            compare(layerItem("villages").color, Qt.color("#123456"))
            compare(layerItem("villages").pointSize, 6)
            controller.layers.setStyle(row, before, 4)
        }

        function test_labels_show_names() {
            networkMap.map.zoomLevel = 10
            settle()
            verify(networkMap.labels.placedCount > 9, networkMap.labels.placedCount)
        }

        function showOnly(id) {
            for (let i = 0; i < controller.layers.count; ++i)
                controller.layers.setVisible(i, i === controller.layers.indexOf(id))
        }
        // Drawing through a texture may round a channel by one step.
        function sameColor(a, b) {
            return Math.abs(a.r - b.r) < 3 / 255 && Math.abs(a.g - b.g) < 3 / 255 && Math.abs(a.b - b.b) < 3 / 255
        }

        function test_result_layer_in_panel_legend_and_map() {
            const before = controller.layers.count
            const at = [QtPositioning.coordinate(32.05, 112.10), QtPositioning.coordinate(32.02, 112.16),
                        QtPositioning.coordinate(31.98, 112.12)]
            verify(controller.showPointResult("test_sites", "建议新建网点", "village_cooperative", at, "#7b2ff7"))
            compare(controller.layers.count, before + 1)
            const row = controller.layers.indexOf("test_sites")
            compare(row, before)  // on top of the project's layers
            compare(controller.layers.get(row).isResult, true)
            compare(controller.layers.get(row).title, "建议新建网点")
            compare(controller.layers.get(row).featureCount, 3)
            compare(controller.layers.get(controller.layers.indexOf("villages")).isResult, false)
            // The layer panel marks it and offers ✕; project layers have no ✕.
            panel.positionViewAtIndex(row, ListView.Contain)
            tryVerify(() => panel.itemAtIndex(row) !== null)  // the list adds the row at its next polish
            verify(findChild(panel.itemAtIndex(row), "removeResult").visible)
            verify(!findChild(panel.itemAtIndex(controller.layers.indexOf("villages")), "removeResult").visible)
            // The legend lists it under 分析结果, one more row shown.
            compare(networkMap.legend.shownCount, controller.layers.count)
            // Drawn where the map puts it, in its colour (alone, so no name is written over it).
            showOnly("test_sites")
            compare(networkMap.identifyAt(1, 1), ({}))  // nothing there: closes an earlier test's popup
            networkMap.map.center = at[0]
            networkMap.map.zoomLevel = 11
            settle()
            const item = layerItem("test_sites")
            const image = grabImage(networkMap)
            for (const c of at) {
                const p = item.toScreen(c)
                verify(sameColor(image.pixel(Math.floor(p.x), Math.floor(p.y)), Qt.color("#7b2ff7")),
                       "result point at " + p.x + "," + p.y + " is " + image.pixel(Math.floor(p.x), Math.floor(p.y)))
            }
            // Shown again under the same id: replaced in place, not added.
            verify(controller.showPointResult("test_sites", "建议新建网点", "village_cooperative", [at[1]], "#7b2ff7"))
            compare(controller.layers.count, before + 1)
            compare(controller.layers.get(row).featureCount, 1)
            // ✕ takes it off the map; a project layer cannot be removed that way.
            panel.positionViewAtIndex(row, ListView.Contain)
            tryVerify(() => panel.itemAtIndex(row) !== null)
            mouseClick(findChild(panel.itemAtIndex(row), "removeResult"))
            compare(controller.layers.count, before)
            compare(controller.layers.indexOf("test_sites"), -1)
            verify(!controller.layers.removeResult(controller.layers.indexOf("villages")))
            compare(controller.layers.count, before)
            verify(!controller.showPointResult("bad", "坏", "no_such_role", at, "#7b2ff7"))
            verify(controller.errorText.indexOf("no_such_role") >= 0, controller.errorText)
            controller.clearError()
        }

        function test_roads_by_class_in_legend_and_map() {
            const row = controller.layers.indexOf("roads")
            const classes = controller.layers.get(row).classes
            // Widest first, each with its feature count in the sample; 村道 in the layer's own style.
            compare(classes.map(c => c.name).join(","), "国道,省道,县道,乡道,村道")
            compare(classes.map(c => c.count).join(","), "7,5,195,1197,2425")
            compare(classes[4].base, true)
            verify(classes[0].lineWidth > classes[3].lineWidth)
            compare(Qt.color(classes[0].color), Qt.color("#d9453b"))
            // The legend draws one row per class.
            showOnly("roads")
            let legendLayer = null
            for (const c of findChild(networkMap.legend, "legendEntries").children)
                if (c.objectName === "legendLayer" && c.title === controller.layers.get(row).title) legendLayer = c
            verify(legendLayer)
            compare(findChild(legendLayer, "legendClasses").count, 5)
            // Road 0 is G001, a 国道: drawn in the 国道 colour at its first vertex.
            const start = controller.featureCoordinate("roads", 0)
            networkMap.map.center = start
            networkMap.map.zoomLevel = 15
            settle()
            const item = layerItem("roads")
            const p = item.toScreen(start)
            const image = grabImage(networkMap)
            verify(sameColor(image.pixel(Math.floor(p.x), Math.floor(p.y)), Qt.color(classes[0].color)),
                   "" + image.pixel(Math.floor(p.x), Math.floor(p.y)))
            // Identify picks the road along its segment, 40 px from any vertex it might have here.
            let along = null
            for (let a = 0; a < 360 && !along; a += 2) {
                const x = Math.round(p.x + 40 * Math.cos(a * Math.PI / 180)), y = Math.round(p.y + 40 * Math.sin(a * Math.PI / 180))
                if (x >= 0 && y >= 0 && x < networkMap.width && y < networkMap.height
                        && sameColor(image.pixel(x, y), Qt.color(classes[0].color)))
                    along = Qt.point(x, y)
            }
            verify(along !== null, "no 国道 pixel 40 px from G001's start")
            const found = networkMap.identifyAt(along.x, along.y)
            compare(found.layerId, "roads")
            compare(found.name.charAt(0), "G")
        }

        function test_order_moves_the_layer() {
            const row = controller.layers.indexOf("counties")
            verify(controller.layers.moveUp(row))
            compare(controller.layers.indexOf("counties"), row + 1)
            verify(controller.layers.moveDown(row + 1))
            compare(controller.layers.indexOf("counties"), row)
        }
    }
}
