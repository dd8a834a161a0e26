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
            // And the same through the engine's own polygons: a click in a county's middle.
            for (let i = 0; i < controller.layers.count; ++i)
                controller.layers.setVisible(i, i === controller.layers.indexOf("counties"))
            search.text = "谷城县"
            search.choose(0)
            const found = networkMap.identifyAt(networkMap.width / 2, networkMap.height / 2)
            compare(found.layerId, "counties")
            compare(found.name, "谷城县")
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

        function test_order_moves_the_layer() {
            const row = controller.layers.indexOf("counties")
            verify(controller.layers.moveUp(row))
            compare(controller.layers.indexOf("counties"), row + 1)
            verify(controller.layers.moveDown(row + 1))
            compare(controller.layers.indexOf("counties"), row)
        }
    }
}
