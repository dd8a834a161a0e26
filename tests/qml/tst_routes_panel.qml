// The routes panel on the sample (issue 18): the stop roles come from the project's routing
// section; 规划路线 runs the engine; a stop moved to another route (with the move bar, and by
// dragging its row onto a route) changes the totals to exactly what the engine's own evaluation
// of every route of the new plan sums to (freshTotals: evaluate_route afresh, not the edit's
// figures); a refused move leaves the totals as they were and says why; 撤销 gives back the
// totals before the move exactly; the edited plan exports with its new vehicle; an added vehicle
// re-colours no route; a stop left unserved is dragged onto a route like any other.
import QtCore
import QtQuick
import QtQuick.Controls
import QtTest
import CoopMap
import CoopMap.Backend

Item {
    id: root
    width: 420
    height: 1000

    ProjectController { id: project }

    RoutesPanel {
        id: panel
        anchors.fill: parent
        project: project
    }

    // Reads back what exportRoutes wrote, as coopmap-cli render --routes does.
    RouteOverlay { id: exported }

    SignalSpy { id: opened; target: project; signalName: "finished" }
    SignalSpy { id: planned; target: panel.controller; signalName: "finished" }

    TestCase {
        name: "RoutesPanel"
        when: windowShown

        property var c: panel.controller

        function initTestCase() {
            project.open(project.samplePath())
            opened.wait(30000)
            compare(opened.signalArguments[0][0], true, project.errorText)
            // geodata/xiangyang.coopmap's routing.stops names these two roles.
            compare(c.stopRoles, ["township_supermarket", "village_service_station"])
            verify(findChild(panel, "stopRole_township_supermarket").checked)
            verify(!findChild(panel, "stopRole_village").checked)
            verify(findChild(panel, "defaultsLabel").text.indexOf("5 辆车") >= 0, findChild(panel, "defaultsLabel").text)
            // A short search: the test is about editing, not the solver.
            c.iterations = 300
            mouseClick(findChild(panel, "runRoutesButton"))
            planned.wait(120000)
            compare(planned.signalArguments[0][0], true, c.errorText)
            verify(c.routes.count >= 2, "routes: " + c.routes.count)
        }

        // What the panel shows is the controller's, and that is the engine's evaluation.
        function checkTotals(why) {
            const fresh = c.freshTotals()
            compare(fresh.error, undefined, why)
            compare(c.totalVehicles, fresh.vehicles, why)
            compare(c.totalKm, fresh.km, why)
            compare(c.totalHours, fresh.hours, why)
            compare(c.totalCost, fresh.cost, why)
            compare(findChild(panel, "totalKm").text, c.totalKm.toFixed(1), why)
            compare(findChild(panel, "totalCost").text, c.totalCost.toFixed(0), why)
            compare(c.savingKm, c.separateKm - c.totalKm, why)
            verify(findChild(panel, "savingLabel").text.indexOf("共同配送节省 " + c.savingKm.toFixed(1) + " 公里") === 0,
                   findChild(panel, "savingLabel").text)
        }

        // Selects a route and lets the panel lay its stops out before anything is clicked.
        function select(route) {
            c.selectedRoute = route
            waitForRendering(panel)
        }

        // Every (route, another route of the same centre) pair: which stop fits where depends on
        // the plan the solver found, so the tests below try each pair in turn.
        function siblingPairs() {
            const pairs = []
            for (let r = 0; r < c.routes.count; ++r)
                for (let t = 0; t < c.routes.count; ++t)
                    if (t !== r && c.depotOfRoute(t) === c.depotOfRoute(r)) pairs.push([r, t])
            return pairs
        }

        // A refused step: the plan and its totals as before, and the panel says which stop breaks what.
        function checkRefused(stop, route, before) {
            compare(c.totalKm, before.km)
            compare(c.totalCost, before.cost)
            compare(c.routeOfStop(stop), route)
            const shown = findChild(panel, "moveMessage")
            verify(shown.visible)
            verify(shown.text.indexOf("不能把") === 0, shown.text)
        }

        // The stops of a route in turn (those the window shows) with the move bar to another route
        // of its centre, until one is taken: the totals then are the engine's for the new plan.
        function test_1_move_with_the_bar() {
            checkTotals("after the run")
            const pairs = siblingPairs()
            verify(pairs.length > 0, "a centre with two vehicles")
            let moved = false
            for (let i = 0; i < pairs.length && !moved; ++i) {
                const [from, target] = pairs[i]
                for (let k = 0; k < 8 && !moved; ++k) {
                    select(from)
                    if (k >= c.stops.count) break
                    const stopsBefore = c.stops.count
                    const before = { km: c.totalKm, cost: c.totalCost }
                    mouseClick(findChild(panel, "stopRow" + k))
                    const stop = c.stops.stopAt(k)
                    compare(panel.selectedStop, stop)
                    findChild(panel, "targetRouteBox").currentIndex = target
                    mouseClick(findChild(panel, "moveStopButton"))
                    if (c.message !== "") {
                        checkRefused(stop, from, before)
                        continue
                    }
                    moved = true
                    compare(c.routeOfStop(stop), target)
                    compare(c.stops.count, stopsBefore - 1)
                    verify(c.totalKm !== before.km || c.totalCost !== before.cost, "the totals moved")
                    checkTotals("after the move")
                    // The whole step as the window takes it: engine, models and map data (bench/RESULTS.md).
                    console.log("drag step on the sample: " + c.lastStepMs.toFixed(2) + " ms")
                    verify(c.lastStepMs > 0)
                    // 撤销: the plan before the move, to the last digit.
                    mouseClick(findChild(panel, "undoButton"))
                    compare(c.totalKm, before.km)
                    compare(c.totalCost, before.cost)
                    compare(c.routeOfStop(stop), from)
                }
            }
            verify(moved, "a route's first stops must fit on another route of its centre")
        }

        // The same by dragging a stop's row onto the other route's row.
        function test_2_drag_onto_a_route() {
            const pairs = siblingPairs()
            let moved = false
            for (let i = 0; i < pairs.length && !moved; ++i) {
                const [from, target] = pairs[i]
                for (let k = 0; k < 8 && !moved; ++k) {
                    select(from)
                    if (k >= c.stops.count) break
                    const before = { km: c.totalKm, cost: c.totalCost }
                    const stop = c.stops.stopAt(k)
                    const row = findChild(panel, "stopRow" + k)
                    const onto = findChild(panel, "routeRow" + target)
                    const p = onto.mapToItem(row, onto.width / 4, onto.height / 2)
                    mouseDrag(row, row.width / 4, row.height / 2, 0, p.y - row.height / 2, Qt.LeftButton, Qt.NoModifier, 20)
                    tryVerify(() => c.routeOfStop(stop) === target || c.message !== "", 2000)
                    if (c.routeOfStop(stop) !== target) {
                        checkRefused(stop, from, before)
                        continue
                    }
                    moved = true
                    checkTotals("after the drag")
                    c.undo()
                    compare(c.totalKm, before.km)
                    compare(c.totalCost, before.cost)
                }
            }
            verify(moved, "a route's first stops must be dragged onto another route of its centre")
        }

        // Stops of the centre's other routes moved into route 0 one by one until its load or
        // shift is full: that move is refused, with the stop named, and the totals stay.
        function test_3_refused_move_leaves_the_totals() {
            const depot = c.depotOfRoute(0)
            let refused = false
            for (let r = 1; r < c.routes.count && !refused; ++r) {
                if (c.depotOfRoute(r) !== depot) continue
                c.selectedRoute = r
                while (c.stops.count > 0 && !refused) {
                    const stop = c.stops.stopAt(0)
                    const before = { km: c.totalKm, cost: c.totalCost, vehicles: c.totalVehicles }
                    if (c.moveStop(stop, 0, -1)) {
                        checkTotals("after moving stop " + stop)
                        continue
                    }
                    refused = true
                    compare(c.totalKm, before.km)
                    compare(c.totalCost, before.cost)
                    compare(c.totalVehicles, before.vehicles)
                    compare(c.routeOfStop(stop), r)
                    const shown = findChild(panel, "moveMessage")
                    verify(shown.visible)
                    verify(shown.text.indexOf("不能把") === 0, shown.text)
                    verify(/载重|时间窗|班次/.test(shown.text), shown.text)
                }
            }
            verify(refused, "some move into route 0 must break its load or shift")
            checkTotals("after the refusal")
            // Every step back, to the plan of the run.
            while (c.canUndo) c.undo()
            checkTotals("after undoing all")
        }

        function test_4_new_vehicle() {
            select(0)
            const vehicles = c.totalVehicles
            const routes = c.routes.count
            const stop = c.stops.stopAt(0)
            mouseClick(findChild(panel, "stopRow0"))
            compare(panel.selectedStop, stop)
            mouseClick(findChild(panel, "newVehicleButton"))
            compare(c.message, "")
            compare(c.routes.count, routes + 1)
            compare(c.totalVehicles, c.stops.count === 0 ? vehicles : vehicles + 1)
            verify(c.routeOfStop(stop) >= 0)
            checkTotals("after a new vehicle")
            // The edited plan as a routes GeoPackage: one line per vehicle on the road.
            const file = StandardPaths.writableLocation(StandardPaths.TempLocation).toString().replace("file://", "")
                         + "/coopmap-routes-panel-test.gpkg"  // the same name each run: nothing piles up
            verify(c.exportRoutes(file), c.message)
            exported.file = file
            compare(exported.errorText, "")
            compare(exported.routeCount, c.totalVehicles)
            c.undo()
            compare(c.routes.count, routes)
        }

        // Every route's colour by its label; the list's swatch and the map's line agree.
        function colours(why) {
            const out = {}
            compare(c.overlay.routeCount, c.routes.count, why)
            for (let i = 0; i < c.routes.count; ++i) {
                out[c.routes.labelAt(i)] = String(c.routes.colorAt(i))
                compare(String(c.overlay.routeColor(i)), String(c.routes.colorAt(i)), why + ": route " + i)
            }
            return out
        }
        function compareColours(before, why) {
            for (const label in before) {
                let row = -1
                for (let i = 0; i < c.routes.count; ++i)
                    if (c.routes.labelAt(i) === label) row = i
                verify(row >= 0, why + ": " + label + " is gone")
                compare(String(c.routes.colorAt(row)), before[label], why + ": " + label)
            }
        }

        // A vehicle added to the first centre comes before every route of the other centres:
        // they, and the first centre's own, keep their colours; the new one takes a colour of its own.
        function test_5_colours_stay_when_a_vehicle_is_added() {
            const depot = c.depotOfRoute(0)
            let others = 0
            for (let r = 0; r < c.routes.count; ++r)
                if (c.depotOfRoute(r) !== depot) ++others
            verify(others > 0, "routes of a second centre come after the first's")
            const before = colours("after the run")
            const added = c.addVehicle(depot)
            compare(added, c.routes.count - others - 1)  // after the first centre's routes
            const after = colours("after adding a vehicle")
            compareColours(before, "after adding a vehicle")
            const fresh = String(c.routes.colorAt(added))
            if (c.routes.count <= 10)
                for (const label in before)
                    verify(before[label] !== fresh, "the new vehicle shares " + label + "'s colour " + fresh)
            // A stop onto it, back again, the empty vehicle removed: nothing re-coloured.
            select(0)
            const stop = c.stops.stopAt(0)
            verify(c.moveStop(stop, added, -1), c.message)
            compareColours(after, "after a stop onto the new vehicle")
            c.undo()
            verify(c.removeVehicle(added), c.message)
            compareColours(before, "after removing it")
            // Undo brings the vehicle back in its colour, and again the plan of the run.
            c.undo()
            compareColours(after, "after undoing the removal")
            c.undo()
            compare(c.routes.count, Object.keys(before).length)
            compareColours(before, "after undoing all")
            colours("after undoing all")
        }

        // A stop the solver left over (one vehicle per centre leaves many) dragged onto a route:
        // onto a full route it is refused with the reason and nothing changes; onto a new vehicle
        // it is served, the totals are the engine's at once, and 撤销 puts it back among the unserved.
        function test_6_drag_an_unserved_stop_onto_a_route() {
            planned.clear()
            c.vehicles = 1
            mouseClick(findChild(panel, "runRoutesButton"))
            planned.wait(120000)
            compare(planned.signalArguments[0][0], true, c.errorText)
            verify(c.unserved.count > 0, "one vehicle per centre serves every stop?")
            waitForRendering(panel)
            const left = c.unserved.count
            const stop = c.unserved.stopAt(0)
            compare(c.routeOfStop(stop), -1)
            const dragOnto = (route) => {
                const row = findChild(panel, "unservedRow0")
                compare(row.stop, stop)
                const onto = findChild(panel, "routeRow" + route)
                verify(onto, "route row " + route)
                const p = onto.mapToItem(row, onto.width / 4, onto.height / 2)
                mouseDrag(row, row.width / 4, row.height / 2, 0, p.y - row.height / 2, Qt.LeftButton, Qt.NoModifier, 20)
                tryVerify(() => c.routeOfStop(stop) === route || c.message !== "", 2000)
            }

            // The routes on the road are full: some centre's vehicle refuses it, by name and why.
            let refused = false
            for (let r = 0; r < Math.min(c.routes.count, Theme.visibleRows) && !refused; ++r) {
                const before = { km: c.totalKm, cost: c.totalCost, vehicles: c.totalVehicles }
                dragOnto(r)
                if (c.routeOfStop(stop) === r) {  // there was room: the engine's totals, then back
                    checkTotals("after adding the unserved stop to route " + r)
                    c.undo()
                    compare(c.unserved.count, left)
                    continue
                }
                refused = true
                const shown = findChild(panel, "moveMessage")
                verify(shown.visible)
                verify(shown.text.indexOf("不能把") === 0, shown.text)
                verify(shown.text.indexOf("加入") > 0, shown.text)
                verify(/载重|时间窗|班次/.test(shown.text), shown.text)
                compare(c.totalKm, before.km)
                compare(c.totalCost, before.cost)
                compare(c.totalVehicles, before.vehicles)
                compare(c.unserved.count, left)
                compare(c.routeOfStop(stop), -1)
            }
            verify(refused, "no route on the road refuses a stop left over")

            // A new vehicle of the first centre takes it.
            const before = { km: c.totalKm, cost: c.totalCost, vehicles: c.totalVehicles, served: c.servedStops }
            const added = c.addVehicle(c.depotOfRoute(0))
            verify(added > 0, c.message)
            waitForRendering(panel)
            dragOnto(added)
            compare(c.message, "")
            compare(c.routeOfStop(stop), added)
            compare(c.unserved.count, left - 1)
            compare(findChild(panel, "unservedTitle").text.indexOf("未服务的配送点（" + (left - 1) + " 个"), 0)
            compare(c.servedStops, before.served + 1)
            compare(c.totalVehicles, before.vehicles + 1)
            verify(c.totalKm > before.km)
            checkTotals("after adding the unserved stop to a new vehicle")
            verify(c.notesText.indexOf("1 个未服务的点已手工加入路线") >= 0, c.notesText)
            // 撤销: unserved again, the totals to the last digit.
            mouseClick(findChild(panel, "undoButton"))
            compare(c.routeOfStop(stop), -1)
            compare(c.unserved.count, left)
            compare(c.unserved.stopAt(0), stop)
            compare(c.servedStops, before.served + 0)
            verify(c.notesText.indexOf("手工加入") < 0, c.notesText)
            c.undo()
            compare(c.totalKm, before.km)
            compare(c.totalCost, before.cost)
            compare(c.totalVehicles, before.vehicles)
        }
    }
}
